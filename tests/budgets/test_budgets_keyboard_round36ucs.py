"""Budgets, round 36 (ucs): the page used with the keyboard alone.

1. Del on a line's name (asked, then deleted) left no cell chosen: the arrows started again from the top-left cell and
   a second Del did nothing. Now the row that takes its place is chosen (the one before, when the last is deleted),
   as Del does in the other lists; Redo of the deletion likewise.
2. Del on a plan in the list chose the first plan, wherever the deleted one stood; now the next one (the one before
   when the last is deleted); Edit > Undo brings it back chosen.
3. Enter on a plan in the list did nothing: now it goes into the plan's grid, on its first figure.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("budgets")


def _names(tab) -> list[str]:
    return [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]


def _choose(tab, words: str) -> None:
    tab.plan_list.setCurrentRow(next(i for i, n in enumerate(_names(tab)) if words in n))


def test_del_on_a_lines_name_chooses_the_row_in_its_place(qtbot, tab, prompts, demo_window):
    _choose(tab, "Western Suffolk")
    rows = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    line = next(r for r in range(tab.model.rowCount()) if tab.presenter.rows[r].kind == "line")
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(line, 0))
    prompts.answers.append(True)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert tab.model.rowCount() == len(rows) - 1
    at = tab.view.currentIndex()
    assert (at.row(), at.column()) == (line, 0) and at.data() == rows[line + 1]
    assert tab.view.selectionModel().isSelected(at)
    demo_window.undo_action.trigger()
    assert tab.view.currentIndex().data() == rows[line]
    demo_window.redo_action.trigger()
    assert tab.view.currentIndex().data() == rows[line + 1]


def test_del_on_a_plan_chooses_the_next_one_and_undo_brings_it_back_chosen(qtbot, tab, prompts, demo_window):
    names = _names(tab)
    tab.plan_list.setFocus()
    tab.plan_list.setCurrentRow(1)
    prompts.answers.append(True)
    qtbot.keyClick(tab.plan_list, Qt.Key.Key_Delete)
    assert prompts.questions and prompts.questions[-1][0] == "Delete plan"
    assert _names(tab) == names[:1] + names[2:]
    assert tab.plan_list.currentItem().text() == names[2]
    assert tab.presenter.view.plan.name in names[2]
    demo_window.undo_action.trigger()
    assert tab.plan_list.currentItem().text() == names[1]
    tab.plan_list.setCurrentRow(len(names) - 1)  # the last: the one before it is chosen
    prompts.answers.append(True)
    tab.delete_plan()
    assert tab.plan_list.currentItem().text() == names[-2]


def test_enter_on_a_plan_goes_into_its_grid(qtbot, tab):
    tab.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.window())
    tab.plan_list.setFocus()
    qtbot.waitUntil(tab.plan_list.hasFocus)
    tab.plan_list.setCurrentRow(3)
    qtbot.keyClick(tab.plan_list, Qt.Key.Key_Return)
    assert tab.view.hasFocus()
    at = tab.view.currentIndex()
    assert at.isValid() and at.column() in tab.model.year_columns
    assert tab.presenter.rows[at.row()].kind == "line"
