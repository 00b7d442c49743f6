"""Session 72: two rows of the register chosen (Shift+click, to delete or copy them), the editor said "Select a project
in the register, or add one.": the officer had, and wondered whether the choice had been taken. It now says how many
are chosen and what acts on them; one chosen shows it as before, none says to choose one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

NONE_CHOSEN = "Select a project in the register, or add one."


def _choose(page, rows: list[int]) -> None:
    view = page.view
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().clearSelection()
    for row in rows:
        view.selectionModel().select(page.proxy.index(row, 0), flags)


def test_the_editor_says_how_many_rows_are_chosen(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    qtbot.waitUntil(lambda: not page.loading and bool(page.model.rows), timeout=10000)
    editor = page.editor
    _choose(page, [0, 1])
    assert editor.heading.text() == "2 projects chosen: choose one to edit it. Delete and Copy rows act on all 2."
    _choose(page, [0, 1, 2])
    assert editor.heading.text() == "3 projects chosen: choose one to edit it. Delete and Copy rows act on all 3."
    _choose(page, [])
    assert editor.heading.text() == NONE_CHOSEN
    _choose(page, [1])
    assert editor.heading.text() == f"Editing {page.project_at(1).ref}. {page.project_at(1).title}"
