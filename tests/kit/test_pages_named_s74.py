"""The Projects tab's row of pages (Register, Commissioning) had no name (session 74): Tab stops on it, and a screen
reader said "tab widget" where on Allocation and Costs it says "Allocation pages" and "Costs pages"; so did
the row under a review on Costs (Stages, Costs, Shares and payments …). Every row of pages the keyboard stops on,
on every tab, now has a name to be read out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from safer_desk.ui.tabs import TAB_SPECS
from tests.window_sizes import resize_window


def test_every_row_of_pages_the_keyboard_stops_on_is_named(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    unnamed = []
    for spec in TAB_SPECS:
        tab = demo_window.show_tab(spec.key)
        qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
        QApplication.processEvents()
        for pages in tab.findChildren(QTabWidget):
            if pages.isVisible() and pages.focusPolicy() != Qt.FocusPolicy.NoFocus and not pages.accessibleName():
                titles = ", ".join(pages.tabText(i).replace("&", "") for i in range(pages.count()))
                unnamed.append(f"{spec.key}: {titles}")
    assert unnamed == []
    assert demo_window.show_tab("projects").pages.accessibleName() == "Projects pages"
