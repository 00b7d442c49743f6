"""File > Open…, File > New… and Save a Copy… with a project's title typed and not saved: the file is chosen first, and
only then is what is typed asked about. Asked first, Discard answered and the file window then closed with Cancel
(the officer changing their mind) left nothing opened, made or copied, and the title typed gone (session 73)."""

from __future__ import annotations

import pytest

from safer_desk.presenters.screens import UnsavedChoice
from tests.foundation.test_window_files import edited_register, make_file

TYPED = "Homeshield Plus renamed"


@pytest.mark.parametrize("action", ["choose_and_open", "new_file", "save_copy"])
def test_the_file_window_cancelled_keeps_what_is_typed(demo_window, qtbot, prompts, action):
    page = edited_register(demo_window, qtbot)
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    getattr(demo_window, action)()  # the file window closed without a choice
    assert prompts.unsaved_questions == []
    assert page.editor.widgets["title"].text() == TYPED and demo_window.isWindowModified()
    assert demo_window.session.store.path.name == "example.sqlite"


@pytest.mark.parametrize("action", ["choose_and_open", "new_file"])
def test_a_file_chosen_then_asks_and_discard_opens_it(demo_window, qtbot, prompts, tmp_path, action):
    edited_register(demo_window, qtbot)
    chosen = make_file(tmp_path / "other.sqlite") if action == "choose_and_open" else tmp_path / "new.sqlite"
    prompts.file_names.append(str(chosen))
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    getattr(demo_window, action)()
    assert [text for _title, text in prompts.unsaved_questions] == [
        "Project Homeshield Plus has unsaved changes to Title."]
    assert demo_window.session.store.path == chosen and not demo_window.isWindowModified()


def test_a_copy_chosen_then_asks_and_save_copies_what_was_typed(demo_window, qtbot, prompts, tmp_path):
    from safer_desk.services import projects as svc
    from safer_desk.storage.store import open_store

    edited_register(demo_window, qtbot)
    copy = tmp_path / "copy.sqlite"
    prompts.file_names.append(str(copy))
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    demo_window.save_copy()
    qtbot.waitUntil(lambda: copy.exists() and not demo_window.is_busy(), timeout=20000)
    assert len(prompts.unsaved_questions) == 1
    copied = open_store(copy, read_only=True)
    try:
        assert TYPED in {p.title for p in svc.load_projects(copied)}
    finally:
        copied.close()
