"""File > Save a Copy of a file deleted while open (a colleague tidying the shared folder), with typing on screen not
yet saved: asked Save / Discard / Cancel, Save was refused (the file is no longer there, so nothing can be saved in
it) and no copy was written; the only way to a copy was Discard, which lost what was typed. The copy is now written
with everything the window holds, the window then works in the copy, and the question is asked of it, saying so:
Save puts what was typed in the copy, Discard leaves it out, Cancel keeps it on screen."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from PySide6.QtCore import Qt

from tests.safety.test_file_gone_round31 import drive, hook  # noqa: F401 (fixtures)

# The window's own hook says what is refused, as on a desk.
pytestmark = [pytest.mark.qt_no_exception_capture, pytest.mark.usefixtures("hook")]

TYPED = "Typed into a file since deleted"


@pytest.fixture
def office(drive):  # noqa: F811
    return drive / "office.sqlite"


def titles(path):
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM projects")}
    finally:
        conn.close()


def type_title_then_delete_the_file(window, qtbot, office):
    assert window.open_path(office)
    page = window.show_tab("projects").register
    page.view.selectRow(0)
    field = page.editor.widgets["title"]
    field.selectAll()
    qtbot.keyClicks(field, TYPED)
    assert page.editor.presenter.is_dirty
    office.unlink()
    return page


def save_a_copy_from_the_file_menu(window, qtbot):
    """File > Save a Copy…, chosen in the File menu as the officer chooses it."""
    [action] = [a for a in window.file_menu.actions() if a.text().replace("&", "") == "Save a Copy…"]
    window.show()
    window.file_menu.popup(window.mapToGlobal(window.rect().topLeft()))
    qtbot.waitUntil(window.file_menu.isVisible)
    window.file_menu.setActiveAction(action)
    qtbot.keyClick(window.file_menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.file_menu.isVisible())


def test_save_puts_what_was_typed_in_the_copy(window, prompts, qtbot, office, tmp_path, demo_master):
    page = type_title_then_delete_the_file(window, qtbot, office)
    kept = tmp_path / "kept.sqlite"
    prompts.file_names.append(str(kept))
    prompts.unsaved_answers.append("save")
    save_a_copy_from_the_file_menu(window, qtbot)
    assert prompts.errors == []
    [(_title, asked)] = prompts.unsaved_questions
    assert "kept.sqlite" in asked and "office.sqlite is no longer where it was opened" in asked
    assert TYPED in titles(kept)
    assert len(titles(kept)) == len(titles(demo_master))  # everything saved before, one title changed
    assert window.session.store.path == kept and not window.has_unsaved_changes()
    assert not office.exists()  # the deleted file not made again
    assert "kept.sqlite" in window.windowTitle()
    assert page.editor.widgets["title"].text() == TYPED
    window.undo_action.trigger()  # Edit > Undo of the save made in the copy: in the copy too
    assert prompts.errors == [] and titles(kept) == titles(demo_master)


def test_discard_writes_the_copy_without_it_and_cancel_keeps_it_on_screen(window, prompts, qtbot, office, tmp_path,
                                                                         demo_master):
    page = type_title_then_delete_the_file(window, qtbot, office)
    kept = tmp_path / "kept.sqlite"
    prompts.file_names.append(str(kept))
    prompts.unsaved_answers.append("cancel")
    save_a_copy_from_the_file_menu(window, qtbot)
    assert prompts.errors == [] and prompts.unsaved_questions
    assert titles(kept) == titles(demo_master)  # everything saved, written before the question
    assert page.editor.presenter.is_dirty and page.editor.widgets["title"].text() == TYPED  # nothing lost
    page.editor.presenter.save()  # saved later, in the copy the window now works in
    assert TYPED in titles(kept)

    other = tmp_path / "H2"
    other.mkdir()
    second = shutil.copyfile(demo_master, other / "office.sqlite")
    type_title_then_delete_the_file(window, qtbot, second)
    again = tmp_path / "again.sqlite"
    prompts.file_names.append(str(again))
    prompts.unsaved_answers.append("discard")
    save_a_copy_from_the_file_menu(window, qtbot)
    assert prompts.errors == []
    assert titles(again) == titles(demo_master) and not window.has_unsaved_changes()
