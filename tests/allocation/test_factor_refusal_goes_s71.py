"""Session 71: a paste refused on Allocation's factors ("⚠ The clipboard is empty…") or Del on a factor's name
("… cannot be empty") stayed beside the options after the officer had moved on to another cell, pressed Esc or
clicked, as the inputs' table beside no longer does. The words now go at the next key or left click on the factors,
and the line says the inputs' own state again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    tab.add_factor()
    assert tab.edit_factor(1, 0, "Population")
    return tab


def _refused(qtbot, tab, how: str) -> str:
    table = tab.factors_table
    before = tab.problem_label.text()
    table.setFocus()
    table.setCurrentCell(0, 0)
    if how == "paste":
        QGuiApplication.clipboard().clear()
        qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert "The clipboard is empty" in tab.problem_label.text(), tab.problem_label.text()
    else:
        qtbot.keyClick(table, Qt.Key.Key_Delete)
        assert tab.problem_label.text().startswith("⚠") and tab.problem_label.text() != before
    return before


@pytest.mark.parametrize("refused", ["paste", "Del"])
@pytest.mark.parametrize("how", ["Down", "Esc", "click"])
def test_a_refusal_on_the_factors_goes_when_the_officer_moves_on(qtbot, tab, refused, how):
    before = _refused(qtbot, tab, refused)
    table = tab.factors_table
    if how == "Down":
        qtbot.keyClick(table, Qt.Key.Key_Down)
        assert table.currentRow() == 1
    elif how == "Esc":
        qtbot.keyClick(table, Qt.Key.Key_Escape)
    else:
        other = table.item(1, 1)
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(other).center())
        assert table.currentItem() is other
    assert tab.problem_label.text() == before


def test_the_refusal_stays_while_nothing_else_is_done_and_a_paste_again_says_it_again(qtbot, tab):
    _refused(qtbot, tab, "paste")
    qtbot.mouseMove(tab.factors_table.viewport())
    assert "The clipboard is empty" in tab.problem_label.text()
    qtbot.keyClick(tab.factors_table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "The clipboard is empty" in tab.problem_label.text()


def test_a_paste_refused_by_edit_paste_goes_too(qtbot, demo_window, tab):
    table = tab.factors_table
    before = tab.problem_label.text()
    table.setFocus()
    table.setCurrentCell(0, 1)
    QGuiApplication.clipboard().clear()
    demo_window.paste_into_focus()  # Edit > Paste
    assert "The clipboard is empty" in tab.problem_label.text()
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert tab.problem_label.text() == before
