"""Session 76 (laptop): a 1366x768 laptop at 125% (the window about 1093x582) with a 12 pt font, as a council's
officer who sets Windows' text larger has it. The tabs' rows of filters and buttons were laid side by side whatever
the width: the Reviews' filters needed 1090 pixels and its buttons 1044, the Pooled funds' buttons 1001, the
Indicators' top row 1110 and Allocation's scenario row 1102. Each tab scrolled sideways: Reviews as at's ▼, the
Indicators' Import Figures… and Allocation's Unmark as agreed were off the window's right edge, and the Indicators'
Find box was squeezed to 36 pixels (one letter of a typed area could be read). The rows now go onto a second line
where the window is too narrow (``safer_desk.ui.kit.flow.FlowRow``)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit

from tests.window_sizes import resize_window, widget_in_window

LAPTOP_125 = (1093, 582)


@pytest.fixture
def text_12pt():
    app = QApplication.instance()
    before = app.font()
    font = app.font()
    font.setPointSizeF(12.0)
    app.setFont(font)
    yield
    app.setFont(before)


def settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20000)
    for _ in range(3):
        QApplication.processEvents()


def controls(page) -> list:
    return page.findChildren(QAbstractButton) + page.findChildren(QComboBox) + page.findChildren(QLineEdit)


def out_of_view(page, window, among=None) -> list[str]:
    """Each control of the page (or ``among`` them) shown but not wholly inside the window, cut narrower than its
    words, or a text box too narrow to read what is typed in it."""
    out = []
    for w in controls(page) if among is None else among:
        if not w.isVisible() or w.window() is not window:
            continue
        name = (w.text() if isinstance(w, QAbstractButton) else "") or w.accessibleName()
        if not widget_in_window(w, window):
            out.append(name)
        elif isinstance(w, QAbstractButton) and w.text() and w.width() < w.sizeHint().width():
            out.append(f"{name} (cut)")
        elif isinstance(w, QLineEdit) and w.width() < 8 * w.fontMetrics().averageCharWidth():
            out.append(f"{name} (too narrow to type in)")
    return out


PAGES = [("costs", 0), ("costs", 2), ("indicators", None), ("allocation", 0)]


@pytest.mark.parametrize(("key", "index"), PAGES, ids=["reviews", "pooled funds", "indicators", "allocation"])
def test_a_tab_with_a_12pt_font_at_125_percent_does_not_scroll_sideways(text_12pt, demo_window, qtbot, key, index):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab(key)
    settle(demo_window, qtbot)
    if index is not None:
        tab.pages.setCurrentIndex(index)
        settle(demo_window, qtbot)
    resize_window(demo_window, LAPTOP_125)
    settle(demo_window, qtbot)
    area = demo_window.tabs.currentWidget()
    # Allocation's inputs and options side by side needed 19 pixels more than the window with the inputs' three
    # buttons on one line: they wrap now where the options go under one another (its rows of scenarios too)
    assert area.horizontalScrollBar().maximum() == 0, tab.minimumSizeHint()
    page = tab.pages.currentWidget() if index is not None else tab
    if key == "allocation":  # its pages' inputs scroll up and down; the rows above them are what must be in view
        page = tab
        area.verticalScrollBar().setValue(0)
        QApplication.processEvents()
        assert [name for name in out_of_view(page, demo_window)
                if name in ("Unmark as agreed", "Un&mark as agreed", "Export… (Alt+&7)", "Cop&y Table")] == []
    else:
        assert out_of_view(page, demo_window) == []


def test_the_indicators_list_and_the_figures_keep_rows_in_view_with_a_12pt_font(text_12pt, demo_window, qtbot):
    """At 1093x582 with a 12 pt font the chosen indicator's words (a derived county figure's run to fifteen lines
    in the left pane) took the whole of it: one indicator of the list was in view, the second cut in half, and the
    figures' grid showed no whole row. The words scroll under the list now, which keeps five rows in view."""
    from tests.window_sizes import rows_in_view

    tab = demo_window.show_tab("indicators")
    settle(demo_window, qtbot)
    resize_window(demo_window, LAPTOP_125)
    settle(demo_window, qtbot)
    assert tab.details.text().count(" ") > 60  # the long words of a derived figure, as the example file opens
    assert rows_in_view(tab.summary_view) >= 5
    grid = tab.grid
    first_row = grid.visualItemRect(grid.item(0, 0))
    assert grid.isVisible() and first_row.bottom() <= grid.viewport().height()  # typed figures in view
    assert tab.chart_stack.height() > 100
    assert demo_window.tabs.currentWidget().horizontalScrollBar().maximum() == 0


def test_the_pooled_funds_referrals_keep_two_rows_in_view_with_a_12pt_font(text_12pt, demo_window, qtbot):
    """At 1093x582 with a 12 pt font the fund's tables kept the least height set in pixels for the normal font (190):
    under the search, the list of tables (over two lines) and a heading over two lines, one referral was in view,
    the second cut off. The tables' least height now follows the font: two rows under the heading."""
    from tests.window_sizes import rows_in_view

    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    settle(demo_window, qtbot)
    tab.pages.setCurrentIndex(2)
    settle(demo_window, qtbot)
    resize_window(demo_window, LAPTOP_125)
    settle(demo_window, qtbot)
    view = tab.funds.referrals.view
    area = demo_window.tabs.currentWidget()
    area.ensureWidgetVisible(view)  # where the page scrolls, as far down as the person scrolls it
    QApplication.processEvents()
    assert view.model().rowCount() >= 3
    assert rows_in_view(view) >= 2
    assert area.horizontalScrollBar().maximum() == 0



AT_150 = (910, 442)  # maximised on 1366x768 at 150%: 512 high, less a 40 taskbar and a 30 title bar


@pytest.mark.parametrize(("key", "index"), [("costs", 0), ("costs", 1), ("costs", 2), ("projects", 0)],
                         ids=["reviews", "ledger", "pooled funds", "register"])
def test_a_tab_with_a_12pt_font_at_150_percent_does_not_scroll_sideways(text_12pt, demo_window, qtbot, key, index):
    """At 150% with a 12 pt font (910 wide) the Pooled funds' row of buttons needed 1001 pixels, so every page of
    Costs scrolled sideways by 129 (a tab widget is as wide as its widest page), Export… and More off the window;
    the register's filters needed 942 and its buttons 1005, its search box squeezed to 36 pixels. They wrap now."""
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab(key)
    settle(demo_window, qtbot)
    for shown in ((2, 1, 0) if key == "costs" else ()):  # every page built, as an officer moving about the tab
        tab.pages.setCurrentIndex(shown)
        settle(demo_window, qtbot)
    tab.pages.setCurrentIndex(index)
    settle(demo_window, qtbot)
    resize_window(demo_window, AT_150)
    settle(demo_window, qtbot)
    area = demo_window.tabs.currentWidget()
    assert area.horizontalScrollBar().maximum() == 0, tab.minimumSizeHint()
    page = tab.pages.currentWidget()
    area.verticalScrollBar().setValue(0)  # the rows at the top, as the page opens
    QApplication.processEvents()
    top = [w for w in controls(page) if w.isVisible() and w.mapTo(page, w.rect().topLeft()).y() < 120]
    assert len(top) >= 4  # the page's rows of filters and buttons (its tables' own controls lie below)
    assert out_of_view(page, demo_window, top) == []


DIALOG_ROOM_150 = (886, 440)  # inside a dialog's frame on 1366x768 at 150%, less the taskbar and the title bar


@pytest.mark.parametrize("page", [0, 1, 2], ids=["districts", "partnerships", "partners"])
def test_the_districts_dialog_fits_a_laptop_at_150_percent_with_a_12pt_font(text_12pt, demo_window, qtbot, page):
    """View > Districts, Partnerships and Partners with a 12 pt font could not be made less than 497 high: at 150%
    (about 440 inside its frame) its Close button was under the taskbar. Its pages scroll inside the dialog now
    where it is that short; Close stays in view, and so does a row of the page's table."""
    from PySide6.QtWidgets import QDialogButtonBox

    resize_window(demo_window, AT_150)
    demo_window.reference_action.trigger()
    dialog = demo_window._reference_dialog
    qtbot.waitExposed(dialog)
    dialog.pages.setCurrentIndex(page)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == page)
    least = dialog.minimumSizeHint()
    assert least.width() <= DIALOG_ROOM_150[0] and least.height() <= DIALOG_ROOM_150[1], least
    dialog.resize(*DIALOG_ROOM_150)
    qtbot.waitUntil(lambda: dialog.height() <= DIALOG_ROOM_150[1])
    close = dialog.findChild(QDialogButtonBox)
    assert close.mapTo(dialog, close.rect().bottomLeft()).y() < dialog.height()  # Close on the screen
    shown = dialog.pages.currentWidget()
    assert shown.view.viewport().height() >= shown.view.verticalHeader().defaultSectionSize()
    dialog.close()
