"""Session 76, second pass (laptop): what the first pass left with a 12 pt font, at 150% on a 1366x768 laptop (the
window 910x442) and at 125% (1093x582). Each test says what was seen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.kit.test_rows_wrap_large_text_s76 import AT_150, LAPTOP_125, controls, out_of_view, settle, text_12pt
from tests.window_sizes import resize_window, widget_in_window

__all__ = ["text_12pt"]  # the fixture, taken by name


def open_at(window, qtbot, key: str, index: int, size: tuple[int, int]):
    window.resize(1280, 800)
    window.show()
    tab = window.show_tab(key)
    settle(window, qtbot)
    tab.pages.setCurrentIndex(index)
    settle(window, qtbot)
    resize_window(window, size)
    settle(window, qtbot)
    area = window.tabs.currentWidget()
    area.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    return tab, area


@pytest.mark.parametrize("index", [0, 1, 2, 3], ids=["results", "compare", "redistribute", "top-slice"])
def test_allocation_with_a_12pt_font_at_150_percent_does_not_scroll_sideways(text_12pt, demo_window, qtbot, index):
    """Allocation's inputs kept their three buttons on one line ("Add Partnership (Alt+8)", "Remove Partnership
    (Alt+9)", "Paste (Alt+0)": 570 pixels) and their whole title (463) beside the options at their least (492): the
    tab needed 1,098 pixels, so at 1093 it scrolled sideways by 19 and at 910 by 202, the factors and Export… off the
    right edge. Where the options go under one another the buttons wrap and the title is "Inputs (double-click to
    edit)"; the scenario's year, squeezed to 36 pixels ("20"), keeps room for "2009/10"."""
    tab, area = open_at(demo_window, qtbot, "allocation", index, AT_150)
    assert area.horizontalScrollBar().maximum() == 0, tab.minimumSizeHint()
    top = [w for w in controls(tab) if w.isVisible() and w.mapTo(tab, w.rect().topLeft()).y() < 120]
    assert len(top) >= 4
    assert out_of_view(tab, demo_window, top) == []
    paste = next(w for w in controls(tab) if w.accessibleName() == "Paste")
    area.ensureWidgetVisible(paste)
    QApplication.processEvents()
    assert widget_in_window(paste, demo_window)


def test_commissioning_with_a_12pt_font_at_150_percent_does_not_scroll_sideways(text_12pt, demo_window, qtbot):
    """The Commissioning page's top row (scenario, name, status and four buttons) needed 945 pixels: at 910 the
    page scrolled sideways by 61, Delete off the edge. It wraps now, each label with its field, the name never
    squeezed past reading."""
    tab, area = open_at(demo_window, qtbot, "projects", 1, AT_150)
    assert area.horizontalScrollBar().maximum() == 0, tab.minimumSizeHint()
    page = tab.pages.currentWidget()
    top = [w for w in controls(page) if w.isVisible() and w.mapTo(page, w.rect().topLeft()).y() < 120]
    assert {"Save", "Save as new", "Delete", "Scenario name"} <= {w.accessibleName() for w in top}
    assert out_of_view(page, demo_window, top) == []


def test_allocation_inputs_buttons_stay_on_one_line_at_the_normal_font(demo_window, qtbot):
    """Letting the three buttons wrap everywhere put Paste on a line of its own at the normal font at 1093x582 (the
    options took the room it gave) and the line it took hid a partnership: at the normal font they stay beside one
    another, as before."""
    tab, _area = open_at(demo_window, qtbot, "allocation", 0, LAPTOP_125)
    buttons = [w for w in controls(tab) if w.accessibleName() in ("Add Partnership", "Remove Partnership", "Paste")]
    assert len(buttons) == 3
    assert len({w.mapTo(tab, w.rect().topLeft()).y() for w in buttons}) == 1


def test_a_billed_splits_statuses_are_whole_in_view_at_150_percent_with_a_12pt_font(text_12pt, demo_window, qtbot):
    """Split… of a billed review with a 12 pt font, in the 890x422 a 910x442 window leaves it: its grid needed 1,016
    pixels of the 852 inside, so it scrolled sideways and "Refused (not yet dealt with)", squeezed to 65 pixels and
    over four lines, was cut at the dialog's right edge. The long headings ("Refused or written off") go over two
    lines there now; at the normal font they stay on one (the dialog as before)."""
    from safer_desk.ui.kit import fitting_size
    from tests.costs.test_billed_split_enter_s70 import _billed_split

    _page, dialog = _billed_split(demo_window, qtbot)
    resize_window(demo_window, AT_150)
    room = fitting_size(demo_window, max(760, dialog._grid_width() + 60), 520)
    dialog.resize(*room)
    qtbot.waitUntil(lambda: dialog.width() <= room[0])
    QApplication.processEvents()
    view = dialog.scroll.viewport()
    assert dialog.scroll.horizontalScrollBar().maximum() == 0, dialog.grid_holder.minimumSizeHint()
    statuses = [labels[3] for labels in dialog.extra_labels.values() if labels[3].text()]
    assert statuses
    for status in statuses:
        right = status.mapTo(view, status.rect().topRight()).x()
        assert right < view.width()
        assert status.height() >= status.heightForWidth(status.width())  # every line of it
    dialog.reject()


def test_a_billed_splits_headings_stay_on_one_line_at_the_normal_font(demo_window, qtbot):
    from tests.costs.test_billed_split_enter_s70 import _billed_split

    _page, dialog = _billed_split(demo_window, qtbot)
    QApplication.processEvents()
    headings = [h for h in dialog.header_labels if " or " in h.text()]
    assert len(headings) == 2
    for heading in headings:
        assert heading.heightForWidth(heading.width()) < 2 * heading.fontMetrics().lineSpacing()  # one line
    dialog.reject()


def _three_offices_merged():
    from safer_desk.services.county import MergeReport
    from tests.exchange.test_merge_summary_words import summary

    return MergeReport(merged=[summary(name, 2, decided=1, public={"added": 1, "replaced": 2, "same": 0})
                               for name in ("babergh", "mid suffolk", "ipswich")])


def test_the_merge_summary_keeps_conflicts_in_view_at_150_percent_with_a_12pt_font(text_12pt, demo_window, qtbot):
    """Three offices' files merged, with a 12 pt font in the 890x422 a 910x442 window leaves the summary: its
    fourteen lines of counts took 241 pixels, and the table of six conflicts showed one row at a time. The counts
    scroll now where the dialog is that short (two lines of them at the least); four conflicts are in view."""
    from safer_desk.ui.exchange.dialogs import MergeResultDialog
    from tests.window_sizes import rows_in_view

    resize_window(demo_window, AT_150)
    dialog = MergeResultDialog(_three_offices_merged(), demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    assert dialog.height() <= AT_150[1]
    assert rows_in_view(dialog.view) >= 4
    assert dialog.summary_label.visibleRegion().boundingRect().height() >= 2 * dialog.fontMetrics().lineSpacing()


def test_the_merge_summary_shows_all_its_counts_where_there_is_room(demo_window, qtbot):
    from safer_desk.ui.exchange.dialogs import MergeResultDialog

    resize_window(demo_window, LAPTOP_125)
    dialog = MergeResultDialog(_three_offices_merged(), demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    label = dialog.summary_label
    assert label.visibleRegion().boundingRect().height() >= label.heightForWidth(label.width())  # every line
