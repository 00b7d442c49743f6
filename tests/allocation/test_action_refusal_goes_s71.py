"""Session 71: a paste refused in the Allocation inputs ("⚠ The clipboard is empty: copy the rows in Excel first")
stayed beside the options after the officer had moved on to another cell or pressed Esc, until some later edit; a
refused figure typed in a cell already went with the typing. A refused paste's words now go when the officer acts
on the table again, and the line says the inputs' own state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("allocation")


def _paste_refused(qtbot, tab):
    view = tab.inputs_view
    before = tab.problem_label.text()
    QGuiApplication.clipboard().clear()
    view.setCurrentIndex(view.model().index(0, 1))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "The clipboard is empty" in tab.problem_label.text(), tab.problem_label.text()
    return before


@pytest.mark.parametrize("how", ["Down", "click", "Esc"])
def test_a_refused_paste_is_no_longer_said_once_the_officer_moves_on(qtbot, tab, how):
    before = _paste_refused(qtbot, tab)
    view = tab.inputs_view
    if how == "Down":
        qtbot.keyClick(view, Qt.Key.Key_Down)
        assert view.currentIndex().row() == 1
    elif how == "click":
        other = view.model().index(2, 2)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(other).center())
        assert view.currentIndex() == other
    else:
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert tab.problem_label.text() == before


def test_a_refused_paste_pasted_again_is_said_again(qtbot, tab):
    _paste_refused(qtbot, tab)
    qtbot.keyClick(tab.inputs_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "The clipboard is empty" in tab.problem_label.text()


def test_the_refusal_stays_while_nothing_else_is_done(qtbot, tab):
    _paste_refused(qtbot, tab)
    qtbot.mouseMove(tab.inputs_view.viewport())
    assert "The clipboard is empty" in tab.problem_label.text()
