"""Ctrl+Y (Edit > Redo) with a project's title typed and not saved, answered Save: the save is a new change, so the
step Redo was to put back is gone (as after any change). The status bar said "Saved. Undo again to undo it.", as for
Undo, and nothing of the redo the officer had asked for (session 73); it now says Redo has nothing left."""

from __future__ import annotations

from safer_desk.presenters.screens import UnsavedChoice
from tests.foundation.test_window_files import edited_register


def test_redo_answered_save_says_redo_is_gone(demo_window, qtbot, prompts):
    page = edited_register(demo_window, qtbot)
    assert page.presenter.save()  # "Homeshield Plus renamed" saved: a step to undo
    demo_window.undo()
    assert demo_window.redo_action.isEnabled()
    title = page.editor.widgets["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Homeshield Plus (typed)")
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    demo_window.redo()
    assert page.editor.project.title == "Homeshield Plus (typed)"
    assert not demo_window.redo_action.isEnabled()
    assert demo_window.statusBar().currentMessage() == (
        "Saved. That is a new change, so Edit > Redo has nothing to put back now; Edit > Undo undoes the save.")


def test_undo_answered_save_still_says_undo_again(demo_window, qtbot, prompts):
    page = edited_register(demo_window, qtbot)
    assert page.presenter.save()
    title = page.editor.widgets["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Homeshield Plus (typed)")
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    demo_window.undo()
    assert demo_window.statusBar().currentMessage() == "Saved. Undo again to undo it."
