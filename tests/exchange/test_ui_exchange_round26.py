"""Round 26: Export for County… and Board Report… ask about an edit on screen, as Save a Copy and Back Up Now do: the
export and the report are made from the file, and an edit typed but not saved was left out of them without a word.
Session 73: asked once Export or Write Report is pressed, not before the dialog opens (Discard then Cancel in the
dialog had lost the edit and made nothing); test_export_report_keeps_typing_s73 has the export and report made."""

from __future__ import annotations

import pytest

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui.exchange import menu
from tests.foundation.test_window_files import edited_register


@pytest.mark.parametrize("open_dialog, name", [(menu.open_export_dialog, "county.sqlite"),
                                               (menu.open_report_dialog, "board.html")])
def test_an_unsaved_edit_is_asked_about_before_the_export_or_report_is_made(demo_window, qtbot, prompts, tmp_path,
                                                                           open_dialog, name):
    edited_register(demo_window, qtbot)
    dialog = open_dialog(demo_window)
    assert dialog is not None and prompts.unsaved_questions == []  # the dialog opens unasked
    dialog.path_edit.setText(str(tmp_path / name))
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    dialog.accept()
    assert dialog.isVisible() and not (tmp_path / name).exists()  # cancelled: nothing made, the dialog still there
    assert [q[1] for q in prompts.unsaved_questions] == ["Project Homeshield Plus has unsaved changes to Title."]
    assert demo_window.has_unsaved_changes()
    dialog.reject()


def test_with_nothing_unsaved_the_dialog_opens_without_a_question(demo_window, prompts):
    dialog = menu.open_export_dialog(demo_window)
    assert dialog is not None and prompts.unsaved_questions == []
    dialog.reject()
