"""Session 62 (keys2): with the indicators' summary list in focus, Edit > Paste put a row copied from Excel into the
chosen indicator's Figures grid (the tab's Paste), but Ctrl+V, which the menu shows as its key, did nothing and said
nothing (the window's Ctrl+V never reaches a table). The summary's Ctrl+V now does what Edit > Paste does there: the
figures go into the grid as typed, saved only by Save Figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.indicators.test_paste_said_round39 import _row, _tab


def test_ctrl_v_in_the_summary_pastes_into_the_figures_as_edit_paste_does(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    tab = _tab(demo_window, "district:plymouth")
    tab.grid.setCurrentCell(tab.grid.keys.index("value"), 8)
    tab.summary_view.setFocus()
    qtbot.waitUntil(tab.summary_view.hasFocus)
    QApplication.clipboard().setText("40\t41\r\n")
    qtbot.keyClick(tab.summary_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _row(tab, "value")[8:10] == ["40", "41"]
    assert tab.presenter.figures.is_dirty  # typed, not saved: Save Figures (or Discard Typed) as any typing
