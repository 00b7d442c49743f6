"""A figure still being typed in a table's cell when the tab or the page is left (View > Allocation, Ctrl+2, the
Commissioning page's Alt+2): it is put in first, as Enter would, and then asked about over the page it was typed on.

Typing £19,000 over ELEV8's first cost line (£18,000) and pressing Ctrl+2 went to the Allocation tab without a word:
the cell's editor stayed open on the hidden tab, the title unmarked, and nothing was asked until the Projects tab was
seen again (session 73)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import projects as svc
from safer_desk.ui.projects.editor import CostLinesTable

ELEV8 = "Suffolk ELEV8"


def open_elev8(window, qtbot):
    window.resize(1280, 690)
    window.show()
    qtbot.waitExposed(window)
    tab = window.show_tab("projects")
    page = tab.register
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    column = page.model.column_index("title")
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, column).data() == ELEV8)
    page.view.setCurrentIndex(page.proxy.index(row, column))
    qtbot.waitUntil(lambda: page.editor.project is not None and page.editor.project.title == ELEV8)
    return tab


def type_first_amount(tab, qtbot, text: str) -> CostLinesTable:
    """The first cost line's amount typed over, its editor left open (no Enter, no other cell)."""
    table = tab.register.editor.findChild(CostLinesTable)
    assert table.item(0, 3).text() == "£18,000"
    table.setFocus()
    table.setCurrentCell(0, 3)
    table.editItem(table.item(0, 3))
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    return table


def first_line_in_file(store) -> int:
    project = next(p for p in svc.load_projects(store) if p.title == ELEV8)
    return project.cost_lines[0].amount.min_pence


def view_action(window, title: str):
    return next(a for a in window.view_menu.actions() if a.text().replace("&", "") == title)


@pytest.mark.parametrize("answer", [UnsavedChoice.CANCEL, UnsavedChoice.SAVE, UnsavedChoice.DISCARD])
def test_leaving_the_tab_asks_about_a_cost_line_still_being_typed(demo_window, qtbot, prompts, answer):
    tab = open_elev8(demo_window, qtbot)
    table = type_first_amount(tab, qtbot, "19,000")
    prompts.unsaved_answers.append(answer)
    view_action(demo_window, "Allocation").trigger()
    QApplication.processEvents()
    assert [text for _title, text in prompts.unsaved_questions] == [
        "Project Suffolk ELEV8 has unsaved changes to Cost lines."]
    store = demo_window.session.store
    if answer == UnsavedChoice.CANCEL:
        assert demo_window.current_tab_key() == "projects"
        assert table.item(0, 3).text() == "19,000" and demo_window.isWindowModified()
        assert first_line_in_file(store) == 1_800_000
        return
    assert demo_window.current_tab_key() == "allocation"
    assert table.state() != QAbstractItemView.State.EditingState  # no editor left open on the tab left
    assert first_line_in_file(store) == (1_900_000 if answer == UnsavedChoice.SAVE else 1_800_000)
    assert not demo_window.isWindowModified()


def test_the_commissioning_page_asks_about_a_cost_line_still_being_typed(demo_window, qtbot, prompts):
    tab = open_elev8(demo_window, qtbot)
    table = type_first_amount(tab, qtbot, "19,000")
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    tab.pages.setCurrentIndex(1)  # 2 Commissioning (Alt+2)
    QApplication.processEvents()
    assert [text for _title, text in prompts.unsaved_questions] == [
        "Project Suffolk ELEV8 has unsaved changes to Cost lines."]
    assert tab.pages.currentWidget() is tab.register
    assert table.item(0, 3).text() == "19,000" and demo_window.isWindowModified()
