"""Round 39 (pjx): moving off a project being edited, and answering Cancel.

1. The Down arrow in the register with a change typed asked Save / Discard / Cancel, and after Cancel asked again at
   once (Qt selects the row it moved to a second time, after the page put the edited row back): a second Cancel was
   needed, and Discard there dropped the change. The next Down then went from the row below, not the edited one.
2. A Ctrl+click (or Shift+click) on another row with a change typed, then Cancel with the key still held: the page
   put the edited row back with the key's meaning (Ctrl toggles), so the table showed the other project chosen and
   the editor the first: a Save then went to the project not highlighted.
Now Cancel asks once and the table shows the project being edited, alone, as its current row.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safer_desk.services import projects as svc

INNKEEPER = "InnKeeper / Local Target 7 projects"  # ref 3 in the example file


def click_row(qtbot, page, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = page.view.visualRect(page.proxy.index(row, 1))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def chosen(page) -> list[str]:
    return [page.proxy.index(i.row(), 1).data() for i in page.view.selectionModel().selectedRows()]


def on_the_edited_row(page) -> bool:
    return chosen(page) == [INNKEEPER] and page.proxy.index(page.view.currentIndex().row(), 1).data() == INNKEEPER


@pytest.fixture
def editing(demo_window, qtbot):
    demo_window.resize(1400, 900)
    page = demo_window.show_tab("projects").register
    click_row(qtbot, page, 2)
    assert page.presenter.selected_project.title == INNKEEPER
    cost = page.editor.widgets["cost"]
    cost.selectAll()
    cost.insert("£51,000")
    return page


def test_the_down_arrow_then_cancel_asks_once_and_stays(editing, prompts, qtbot):
    page = editing
    prompts.unsaved_answers.append("cancel")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: on_the_edited_row(page))
    assert len(prompts.unsaved_questions) == 1, prompts.unsaved_questions
    assert page.editor.widgets["cost"].text() == "£51,000" and page.presenter.selected_project.title == INNKEEPER
    prompts.unsaved_answers.append("save")  # the next Down goes from the edited row, saved
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.presenter.selected_project.title == "Local Domestic Violence Coordinators")
    assert [p.cost_text for p in svc.load_projects(page.session.store) if p.title == INNKEEPER] == ["£51,000"]


@pytest.mark.parametrize("modifier", [Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier])
def test_a_row_added_to_the_selection_then_cancel_shows_the_edited_project(editing, prompts, qtbot, modifier):
    page = editing
    prompts.unsaved_answers.append("cancel")
    click_row(qtbot, page, 5, modifier)  # the key still held as Cancel is clicked
    qtbot.waitUntil(lambda: on_the_edited_row(page))
    assert len(prompts.unsaved_questions) == 1, prompts.unsaved_questions
    assert page.presenter.selected_project.title == INNKEEPER
    QTest.keyRelease(page.view, Qt.Key.Key_Control if modifier == Qt.KeyboardModifier.ControlModifier
                     else Qt.Key.Key_Shift)
