"""Session 71: a refused action on the Budgets grid (Ctrl+V of two figures over one cell's total, Del over rows whose
figures are all worked out) was said beside the grid and stayed said after the officer had moved on (another cell
chosen, Esc), beside figures all fine, until some later edit; a refused typed figure already went with the typing
(``refusal_taken_back``, session 70). A refused action's words now go when the officer acts again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.budgets.test_grid_keys_round22 import DHR, WESTERN, choose_plan, row_of, year


def _paste_refused(qtbot, tab):
    choose_plan(tab, WESTERN)
    assert not tab.message.isVisible()
    QGuiApplication.clipboard().setText("")  # Excel's copy of an empty cell: nothing to paste
    at = tab.model.index(row_of(tab, DHR), year(tab, 0))
    tab.view.setCurrentIndex(at)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.message.isVisible() and "nothing to paste" in tab.message.text(), tab.message.text()
    return at


@pytest.mark.parametrize("how", ["Down", "click", "Esc"])
def test_a_refused_paste_is_no_longer_said_once_the_officer_moves_on(qtbot, tab, how):
    at = _paste_refused(qtbot, tab)
    if how == "Down":
        qtbot.keyClick(tab.view, Qt.Key.Key_Down)
        assert tab.view.currentIndex().row() == at.row() + 1
    elif how == "click":
        other = tab.model.index(at.row(), year(tab, 1))
        qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=tab.view.visualRect(other).center())
        assert tab.view.currentIndex() == other
    else:
        qtbot.keyClick(tab.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not tab.message.isVisible(), timeout=3000)
    assert tab.message.text() == ""


def test_a_refused_delete_is_no_longer_said_once_another_cell_is_chosen(qtbot, tab):
    choose_plan(tab, WESTERN)
    view = tab.view
    sections = [r for r in range(tab.model.rowCount())  # a section's heading, a total: nothing of theirs to empty
                if tab.model.row(r).kind in ("section", "total")][:2]
    assert len(sections) == 2, [tab.model.row(r).kind for r in range(tab.model.rowCount())]
    view.setCurrentIndex(tab.model.index(sections[0], year(tab, 0)))
    view.selectionModel().select(tab.model.index(sections[1], year(tab, 0)),
                                 view.selectionModel().SelectionFlag.Select)  # two rows: what they hold, as one step
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert tab.message.isVisible() and "Nothing to empty" in tab.message.text(), tab.message.text()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not tab.message.isVisible(), timeout=3000)


def test_a_refused_paste_stays_said_while_the_officer_stays_on_the_cell(qtbot, tab):
    """Nothing done since: the words stay (the officer reads them, moves the mouse, looks at the message)."""
    at = _paste_refused(qtbot, tab)
    qtbot.mouseMove(tab.view.viewport(), tab.view.visualRect(at).center())
    assert tab.view.currentIndex() == at
    assert tab.message.isVisible()


def test_a_paste_asked_about_is_kept_when_pasted_again_on_the_grid(qtbot, tab):
    """A question of a paste is answered by pasting the same cells again: that second Ctrl+V (or the menu's Paste,
    reached by a right-click) is not the officer moving on, and the figures go in."""
    choose_plan(tab, WESTERN)
    lines = [r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "line"]
    QGuiApplication.clipboard().setText("1,000\r\n500\r\n1,500\r\n")  # the last row adds up the two above
    at = tab.model.index(lines[0], year(tab, 0))
    tab.view.setCurrentIndex(at)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "Paste the same cells again to keep it" in tab.message.text(), tab.message.text()
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.RightButton, pos=tab.view.visualRect(at).center())
    if tab.view.last_menu is not None:
        tab.view.last_menu.close()
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not tab.message.isVisible(), tab.message.text()
    assert tab.model.index(lines[2], year(tab, 0)).data().startswith("£1,500")
