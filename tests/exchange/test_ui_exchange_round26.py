"""Round 26: Export for County… and Board Report… ask about an edit on screen first, as Save a Copy and Back Up
Now do: the export and the report are made from the file, and an edit typed but not saved was left out of them
without a word."""

from __future__ import annotations

import pytest

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui.exchange import menu
from tests.foundation.test_window_files import edited_register


@pytest.mark.parametrize("open_dialog", [menu.open_export_dialog, menu.open_report_dialog])
def test_an_unsaved_edit_is_asked_about_before_the_export_or_report_dialog(demo_window, qtbot, prompts, open_dialog):
    edited_register(demo_window, qtbot)
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    assert open_dialog(demo_window) is None  # cancelled: no dialog, the edit still on screen
    assert [q[1] for q in prompts.unsaved_questions] == ["Project Homeshield Plus has unsaved changes to Title."]
    assert demo_window.has_unsaved_changes()
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    dialog = open_dialog(demo_window)
    assert dialog is not None and not demo_window.has_unsaved_changes()
    titles = demo_window.session.store.rows("SELECT title FROM projects WHERE title LIKE 'Homeshield Plus%'")
    assert [r["title"] for r in titles] == ["Homeshield Plus renamed"]  # saved first: what the dialog makes holds it
    dialog.reject()


def test_with_nothing_unsaved_the_dialog_opens_without_a_question(demo_window, prompts):
    dialog = menu.open_export_dialog(demo_window)
    assert dialog is not None and prompts.unsaved_questions == []
    dialog.reject()
