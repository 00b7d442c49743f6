"""The register's Export… with a project's title typed and not saved: the file is named first, then the typing is
asked about, and the export holds the register as the answer left it. Asked first, Discard answered and the file window
closed with Cancel exported nothing, yet "Homeshield Plus renamed" was gone (session 73)."""

from __future__ import annotations

import csv

from safer_desk.presenters.screens import UnsavedChoice
from tests.foundation.test_window_files import edited_register

TYPED = "Homeshield Plus renamed"


def test_the_file_window_cancelled_keeps_what_is_typed(demo_window, qtbot, prompts):
    page = edited_register(demo_window, qtbot)
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    page.export_register()  # the file window closed without a choice
    assert prompts.unsaved_questions == []
    assert page.editor.widgets["title"].text() == TYPED and demo_window.isWindowModified()


def test_save_answered_once_named_exports_the_title_saved(demo_window, qtbot, prompts, tmp_path):
    page = edited_register(demo_window, qtbot)
    target = tmp_path / "register.csv"
    prompts.file_names.append(str(target))
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    page.export_register()
    assert [text for _title, text in prompts.unsaved_questions] == [
        "Project Homeshield Plus has unsaved changes to Title."]
    with target.open(encoding="utf-8-sig") as fh:
        titles = [row[1] for row in csv.reader(fh)]
    assert TYPED in titles and "Homeshield Plus" not in titles


def test_cancel_answered_once_named_writes_nothing(demo_window, qtbot, prompts, tmp_path):
    page = edited_register(demo_window, qtbot)
    target = tmp_path / "register.csv"
    prompts.file_names.append(str(target))
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    page.export_register()
    assert not target.exists() and prompts.infos == []
    assert page.editor.widgets["title"].text() == TYPED
