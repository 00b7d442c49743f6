"""Session 70: a figure refused in an Allocation input cell ("2,44x") was said beside the options, and the line stayed
after the officer abandoned the cell (Esc put 2,442 back; clicking another cell left the typing), beside figures that
were all fine, until some later edit. A refusal lasts while what it refused is still typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.allocation.test_tab_round23 import type_in_cell


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1366, 768)
    demo_window.show()
    return demo_window.show_tab("allocation")


def _bcs_column(tab) -> int:
    model = tab.inputs_model
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return next(c for c, h in enumerate(headings) if "BCS comparator" in str(h))


def _refused_in_babergh(qtbot, tab, prompts):
    index = tab.inputs_model.index(0, _bcs_column(tab))
    kept = index.data()
    before = tab.problem_label.text()
    type_in_cell(qtbot, tab.inputs_view, index, "2,44x")
    editor = tab.inputs_view.indexWidget(index)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert prompts.errors and "not a number" in prompts.errors[-1][1]
    assert "not a number" in tab.problem_label.text()  # said beside the options while it is still typed
    assert tab.inputs_view.indexWidget(index) is editor
    return index, kept, before, editor


def test_escape_from_a_refused_cell_takes_its_refusal_away(qtbot, tab, prompts):
    index, kept, before, editor = _refused_in_babergh(qtbot, tab, prompts)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert tab.inputs_view.state() != QAbstractItemView.State.EditingState
    assert index.data() == kept
    assert tab.problem_label.text() == before, tab.problem_label.text()


def test_moving_to_another_cell_from_a_refused_cell_takes_its_refusal_away(qtbot, tab, prompts):
    index, kept, before, editor = _refused_in_babergh(qtbot, tab, prompts)
    view = tab.inputs_view
    view.setCurrentIndex(tab.inputs_model.index(2, index.column()))
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert index.data() == kept
    assert "2,44x" not in tab.problem_label.text()
    assert tab.problem_label.text() == before, tab.problem_label.text()


def test_escape_from_a_refused_option_takes_its_refusal_away(qtbot, tab, prompts):
    edit = tab.option_edits["fixed_share"]
    before, held = tab.problem_label.text(), edit.text()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "1/0")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert prompts.errors and edit.text() == "1/0"
    assert tab.problem_label.text() != before  # said beside the options while it is still typed
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == held
    assert tab.problem_label.text() == before, tab.problem_label.text()

