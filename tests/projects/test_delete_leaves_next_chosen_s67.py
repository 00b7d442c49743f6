"""Session 67 (laptop): Del on a project in the register, answered Delete, left nothing chosen: the editor emptied,
Delete and Copy rows had nothing to act on, and the focus frame sat on the row above the one deleted (Down then went
to the row that had taken its place). As in every other table of the program (the Costs tables, the Districts and
Awards lists), the row now in the deleted one's place is chosen and shown in the editor; so after Edit > Redo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.window_sizes import LAPTOP_SIZES, resize_window


def chosen_titles(page):
    return [p.title for p in page.selected_projects()]


def test_del_leaves_the_row_in_its_place_chosen(demo_window, qtbot, prompts):
    resize_window(demo_window, LAPTOP_SIZES[0])
    page = demo_window.show_tab("projects").register
    page.view.setFocus()
    page.view.selectRow(2)
    deleted, below = page.project_at(2).title, page.project_at(3).title
    prompts.answers[:] = [True]
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    QApplication.processEvents()
    assert deleted not in [page.project_at(r).title for r in range(page.proxy.rowCount())]
    assert chosen_titles(page) == [below] and page.view.currentIndex().row() == 2
    assert page.presenter.selected_project.title == below  # in the editor too
    assert QApplication.focusWidget() is page.view
    demo_window.undo_action.trigger()
    assert chosen_titles(page) == [deleted]
    demo_window.redo_action.trigger()
    assert chosen_titles(page) == [below] and page.presenter.selected_project.title == below


def test_the_last_row_deleted_leaves_the_one_above_chosen(demo_window, qtbot, prompts):
    resize_window(demo_window, LAPTOP_SIZES[0])
    page = demo_window.show_tab("projects").register
    last = page.proxy.rowCount() - 1
    page.view.selectRow(last)
    above = page.project_at(last - 1).title
    prompts.answers[:] = [True]
    page.delete_selected()
    assert chosen_titles(page) == [above] and page.presenter.selected_project.title == above
