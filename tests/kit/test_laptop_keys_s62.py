"""Session 62 (kit): the window at a council laptop's size (1093x582), by keyboard.

The Budgets grid had no Alt key: every other table and field of the page had one, and an officer in the new line's
label could reach the plan's figures only by Tab through a dozen stops or the mouse. "Plan fig&ures:" leads the hint
under the grid, Alt+U, and puts the keyboard on the plan's first figure."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.services import budgets as svc
from tests.foundation.test_window_guard import clashes, mnemonic

SUFFOLK = "Western Suffolk CSP financial implications 2017/18 – 2019/20"


def _budgets(window, qtbot):
    window.resize(1093, 582)
    window.show()
    window.activateWindow()
    tab = window.show_tab("budgets")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    return tab


def test_alt_u_puts_the_keyboard_on_the_plans_figures(demo_window, qtbot):
    tab = _budgets(demo_window, qtbot)
    tab.presenter.select(svc.plan_id_by_name(tab.presenter.store, SUFFOLK))
    tab.line_label.setFocus()
    qtbot.waitUntil(tab.line_label.hasFocus)
    qtbot.keyClick(tab.line_label, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(tab.view.hasFocus)
    at = tab.view.currentIndex()
    assert at.isValid() and at.column() in tab.model.year_columns
    assert tab.model.row(at.row()).kind == "line"
    assert mnemonic(tab.hint.text()) == "u" and tab.hint.isVisible() and tab.hint.buddy() is tab.view
    assert clashes(demo_window) == []
