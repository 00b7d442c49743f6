"""The window at the laptop sizes and at its least size (800×420: a 1366×768 screen at 150%, maximised).

Below the least size a page's layout can be laid out in, Qt draws its widgets over one another: at 800 pixels
wide the pooled fund's name ran under "Burn rate over the last" and the allocation's options under each other.
Each tab's page now sits in an area that scrolls only then; at the laptop sizes every page fits unscrolled.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLayout, QStackedWidget, QTabWidget, QWidget

from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window

TAB_KEYS = ("projects", "allocation", "costs", "indicators", "budgets")


def every_page(window, qtbot, key):
    """Show the tab, then each page of each of its tab and stacked widgets in turn (yields after each)."""
    tab = window.show_tab(key)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    yield f"{key}"
    if key == "projects":
        tab.show_commissioning()
        yield "projects/commissioning"
    for pages in [*tab.findChildren(QTabWidget), *tab.findChildren(QStackedWidget)]:
        if isinstance(pages.parent(), QTabWidget):
            continue  # a tab widget's own stack: its pages are shown through the tab widget
        for i in range(pages.count()):
            pages.setCurrentIndex(i)
            qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
            yield f"{key}/page {i}"


def area_of(window):
    return window.tabs.currentWidget()


def laid_out_widgets(layout: QLayout) -> list[QWidget]:
    found = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(laid_out_widgets(item.layout()))
    return found


def drawn_over(root: QWidget) -> list[str]:
    """Pairs of shown widgets laid out side by side (in one layout) whose rectangles overlap (by more than the
    pixel or two some styles leave between a form's label and its field)."""
    clashes = []
    for parent in [root, *root.findChildren(QWidget)]:
        if parent.layout() is None or not parent.isVisible():
            continue
        shown = [w for w in laid_out_widgets(parent.layout()) if w.isVisible() and w.parent() is parent]
        for i, a in enumerate(shown):
            for b in shown[i + 1:]:
                shared = a.geometry().intersected(b.geometry())
                if shared.width() > 2 and shared.height() > 2:  # a form's label may touch its field by a pixel
                    clashes.append(f"{type(a).__name__} {a.accessibleName() or getattr(a, 'text', str)()!r} / "
                                   f"{type(b).__name__} {b.accessibleName() or getattr(b, 'text', str)()!r}")
    return clashes


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_every_page_fits_unscrolled_at_the_laptop_sizes(demo_window, qtbot, size):
    resize_window(demo_window, size)
    scrolled = []
    for key in TAB_KEYS:
        for where in every_page(demo_window, qtbot, key):
            resize_window(demo_window, size)
            area = area_of(demo_window)
            if area.horizontalScrollBar().isVisible() or area.verticalScrollBar().isVisible():
                scrolled.append(where)
    assert scrolled == []


def test_at_the_least_window_size_nothing_is_drawn_over_anything_else(demo_window, qtbot):
    resize_window(demo_window, (800, 420))
    assert demo_window.size().toTuple() == (800, 420)
    clashes = []
    for key in TAB_KEYS:
        for where in every_page(demo_window, qtbot, key):
            resize_window(demo_window, (800, 420))
            page = demo_window.tab_pages[key]

            def has_room(page=page) -> bool:
                least = page.minimumSizeHint()
                return page.width() >= least.width() and page.height() >= least.height()

            qtbot.waitUntil(has_room, timeout=2000)  # read a turn or two after the page grew (its chart built)
            clashes += [f"{where}: {clash}" for clash in drawn_over(page)]
    assert clashes == []
    demo_window.show_tab("allocation")  # what is off the edge is reached by scrolling sideways (none once it wraps)
    resize_window(demo_window, (800, 420))
    area = area_of(demo_window)
    assert area.horizontalScrollBar().maximum() > 0 or \
        area.widget().minimumSizeHint().width() <= area.viewport().width()


def test_tab_never_stops_on_a_tabs_area_and_a_field_reached_by_tab_is_scrolled_into_view(demo_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit

    resize_window(demo_window, (800, 420))
    tab = demo_window.show_tab("allocation")  # scrolled sideways at 800 wide
    qtbot.waitUntil(lambda: not demo_window.is_busy() and tab.isVisible(), timeout=10000)
    area = area_of(demo_window)
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() > 0, timeout=2000)
    start = tab.findChild(QLineEdit, None)
    start.setFocus()
    seen = set()
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not area
        seen.add(id(focused))
        if focused.isVisible() and area.isAncestorOf(focused):
            top_left = focused.mapTo(area.viewport(), focused.rect().topLeft())
            assert top_left.x() < area.viewport().width(), focused  # brought into view, not left off the edge
    assert len(seen) > 5
