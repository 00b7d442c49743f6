"""Session 70: a factor's weight ("-1") or name ("Last year", a column of its own) refused on Enter in "Variable
part shared by" was put back at once (the typing lost) while the line beside the options kept saying why until some
later edit. As in the inputs table, Enter on a refused cell keeps its editor open on the typing, to be put right; Esc
puts the cell back and takes the refusal's line away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView


@pytest.fixture
def tab(demo_window, prompts):
    demo_window.resize(1366, 768)
    demo_window.show()
    page = demo_window.show_tab("allocation")
    page.prompts_seen = prompts
    return page


def _type_in_factor(qtbot, tab, column: int, text: str):
    table = tab.factors_table
    table.setFocus()
    table.setCurrentCell(0, column)
    index = table.model().index(0, column)
    table.edit(index)
    editor = table.indexWidget(index)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    _enter(qtbot, tab, editor)
    return index, editor


def _enter(qtbot, tab, editor) -> None:
    """Enter, and what it does done (Qt's own puts a cell in a moment later): refused, or the editor closed."""
    errors = len(tab.prompts_seen.errors)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(tab.prompts_seen.errors) > errors
                    or tab.factors_table.state() != QAbstractItemView.State.EditingState)


@pytest.mark.parametrize("column, text", [(1, "-1"), (0, "Last year")])
def test_a_refused_factor_cell_keeps_its_typing_and_escape_takes_the_refusal_away(qtbot, tab, prompts,
                                                                                  column, text):
    table, before_state, before_line = tab.factors_table, tab.state, tab.problem_label.text()
    held = table.item(0, column).text()
    index, editor = _type_in_factor(qtbot, tab, column, text)
    assert prompts.errors
    assert tab.state.options.factors == before_state.options.factors
    assert tab.problem_label.text() != before_line  # said beside the options while it is still typed
    assert table.state() == QAbstractItemView.State.EditingState and table.indexWidget(index) is editor
    assert editor.text() == text  # what was typed, to be put right
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.item(0, column).text() == held
    assert tab.problem_label.text() == before_line, tab.problem_label.text()


def test_a_factor_weight_put_right_after_a_refusal_goes_in(qtbot, tab, prompts):
    table = tab.factors_table
    index, editor = _type_in_factor(qtbot, tab, 1, "-1")
    assert prompts.errors and table.indexWidget(index) is editor
    editor.selectAll()
    qtbot.keyClicks(editor, "2")
    _enter(qtbot, tab, editor)
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.item(0, 1).text() == "2"
    assert "-1" not in tab.problem_label.text()


def test_moving_to_another_factor_cell_from_a_refused_one_takes_its_refusal_away(qtbot, tab, prompts):
    table, before_line = tab.factors_table, tab.problem_label.text()
    held = table.item(0, 1).text()
    index, editor = _type_in_factor(qtbot, tab, 1, "-1")
    assert table.indexWidget(index) is editor and tab.problem_label.text() != before_line
    table.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert table.item(0, 1).text() == held
    assert tab.problem_label.text() == before_line, tab.problem_label.text()
