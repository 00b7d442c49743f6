"""Session 62 (kit): F1 on the Budgets tab opened the user guide at its contents page, whatever tab was in view:
the officer then looked for the Budgets page in the list. As in other desktop programs, F1 (Help > User Guide) opens
the guide at the page for the tab in view; a second F1 from another tab turns the open guide to that tab's page; a
page already shown is left where it was read to. With no file open (no tab in use), the contents page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _f1(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_F1)
    guide = window._guide_window
    qtbot.addWidget(guide)
    qtbot.waitUntil(guide.isVisible)
    return guide


def test_f1_opens_the_guide_at_the_page_of_the_tab_in_view(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    demo_window.show_tab("budgets")
    guide = _f1(demo_window, qtbot)
    assert guide.current_page().stem == "budgets"
    assert guide.contents.currentItem().text().startswith("Budgets")
    guide.browser.verticalScrollBar().setValue(200)  # read down the page, then back to the window
    demo_window.show_tab("costs")
    assert _f1(demo_window, qtbot).current_page().stem == "costs"
    guide.browser.verticalScrollBar().setValue(300)
    _f1(demo_window, qtbot)  # the page in view already: left where it was read to
    assert guide.current_page().stem == "costs" and guide.browser.verticalScrollBar().value() == 300
    guide.close()
    demo_window.show_tab("indicators")
    demo_window.menu_titled("Help").actions()[0].trigger()  # Help > User Guide, as F1
    assert guide.isVisible() and guide.current_page().stem == "indicators"


def test_with_no_file_open_f1_opens_the_contents(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    guide = _f1(window, qtbot)
    assert guide.current_page().name == "user-guide.md"
