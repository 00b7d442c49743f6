"""Projects > Register > Paste rows… with Strive's title typed and not saved: the preview opens unasked, and the
typing is asked about once Add is pressed (the rows added are then shown in the editor). Asked before the preview
opened, Discard answered, then Cancel in the preview added nothing, yet the title typed was gone (session 73)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.projects.test_register_round26 import in_file, page, retitle_strive_then_paste, select  # noqa: F401

TYPED = "Suffolk Strive (young people)"
ASKED = [("Unsaved changes", "Project Suffolk Strive has unsaved changes to Title.")]


def test_the_preview_cancelled_keeps_what_is_typed(demo_window, page, prompts):  # noqa: F811
    retitle_strive_then_paste(page)
    assert page.paste_dialog is not None and page.paste_dialog.isVisible() and prompts.unsaved_questions == []
    page.paste_dialog.reject()
    assert prompts.unsaved_questions == []
    assert page.editor.presenter.value("title") == TYPED and page.presenter.editor.is_dirty
    assert page.count.text() == "23 of 23 projects"


def test_cancel_answered_at_add_keeps_the_preview_and_adds_nothing(demo_window, qtbot, page, prompts):  # noqa: F811
    retitle_strive_then_paste(page)
    prompts.unsaved_answers.append("cancel")
    qtbot.mouseClick(page.paste_dialog.add_button, Qt.MouseButton.LeftButton)
    assert prompts.unsaved_questions == ASKED
    assert page.paste_dialog.isVisible() and page.count.text() == "23 of 23 projects"  # the rows still to add
    assert page.editor.presenter.value("title") == TYPED and page.presenter.editor.is_dirty
    page.paste_dialog.reject()


def test_discard_answered_at_add_adds_the_rows(demo_window, qtbot, page, prompts):  # noqa: F811
    retitle_strive_then_paste(page)
    prompts.unsaved_answers.append("discard")
    qtbot.mouseClick(page.paste_dialog.add_button, Qt.MouseButton.LeftButton)
    assert prompts.unsaved_questions == ASKED and not page.paste_dialog.isVisible()
    assert in_file(demo_window, "6").title == "Suffolk Strive"
    assert [p.title for p in page.selected_projects()] == ["Night bus"] and page.count.text() == "24 of 24 projects"


def test_a_ref_saved_at_the_question_is_checked_before_the_rows_are_added(demo_window, qtbot, page, prompts):  # noqa
    """Strive's ref typed as NB-1 and a row with ref NB-1 pasted: the preview read the register as saved (no NB-1),
    then Save at Add put NB-1 on Strive. The rows are read again against the register as saved: the clash is said in
    the preview, which stays, and nothing is added."""
    select(page, "6")
    ref = page.editor.widgets["ref"]
    ref.selectAll()
    ref.insert("NB-1")
    QGuiApplication.clipboard().setText("Ref\tTitle\tCost\nNB-1\tNight bus\t£54,372\n")
    page.paste_rows()
    prompts.unsaved_answers.append("save")
    qtbot.mouseClick(page.paste_dialog.add_button, Qt.MouseButton.LeftButton)
    assert in_file(demo_window, "NB-1").title.startswith("Suffolk Strive")
    assert page.paste_dialog.isVisible() and "NB-1" in page.paste_dialog.problems.text()
    assert page.count.text() == "23 of 23 projects" and prompts.errors == []
    page.paste_dialog.reject()
