"""Session 65 (laptop): on a 1366x768 laptop the register shows Ref to Met and the editor takes the rest; an officer
who drags the divider to widen the editor (its criteria qualifiers read "qualifier, e.g. for B…") found it back
where it started in the next window, and so with the divider between the commissioning list and the years and
comparison under it. The Indicators, Allocation and Costs tabs keep theirs; these two now do too (QSettings,
window state only)."""

from __future__ import annotations

from tests.window_sizes import LAPTOP_SIZES, resize_window


def _rebuilt_projects_tab(demo_window, tab):
    demo_window.session.store_changed.emit()  # the tab is built again, as in the next window or after opening a file
    again = demo_window.show_tab("projects")
    assert again is not tab
    resize_window(demo_window, LAPTOP_SIZES[0])
    return again


def test_the_registers_divider_is_where_the_officer_left_it(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    resize_window(demo_window, LAPTOP_SIZES[0])
    splitter = tab.register.splitter
    default_left = splitter.sizes()[0]
    left = default_left - 150  # a wider editor: its criteria and qualifiers read whole
    splitter.moveSplitter(left, 1)  # as a drag of the handle does: splitterMoved
    assert abs(splitter.sizes()[0] - left) <= 2
    again = _rebuilt_projects_tab(demo_window, tab)
    assert abs(again.register.splitter.sizes()[0] - left) <= 2, (again.register.splitter.sizes(), default_left)


def test_the_commissioning_divider_is_where_the_officer_left_it(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    tab.pages.setCurrentIndex(1)
    resize_window(demo_window, LAPTOP_SIZES[0])
    splitter = tab.commissioning.splitter
    default_top = splitter.sizes()[0]
    top = default_top - 80
    splitter.moveSplitter(top, 1)
    assert abs(splitter.sizes()[0] - top) <= 2
    again = _rebuilt_projects_tab(demo_window, tab)
    again.pages.setCurrentIndex(1)
    resize_window(demo_window, LAPTOP_SIZES[0])
    assert abs(again.commissioning.splitter.sizes()[0] - top) <= 2, (again.commissioning.splitter.sizes(), default_top)
