"""File > Export for County… and Board Report… with a project's title typed and not saved: the dialog opens unasked,
and the typing is asked about once Export or Write Report is pressed. Asked before the dialog opened, Discard
answered, then Cancel in the dialog made nothing, yet "Homeshield Plus renamed" was gone (session 73). What they make
is read from the file, so Save answered puts the title saved in it."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui.exchange import menu
from tests.foundation.test_window_files import edited_register

TYPED = "Homeshield Plus renamed"
ASKED = ["Project Homeshield Plus has unsaved changes to Title."]


def _go(dialog):
    return dialog.export_button if hasattr(dialog, "export_button") else dialog.write_button


@pytest.mark.parametrize("open_dialog", [menu.open_export_dialog, menu.open_report_dialog])
def test_the_dialog_cancelled_keeps_what_is_typed(demo_window, qtbot, prompts, open_dialog):
    page = edited_register(demo_window, qtbot)
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    dialog = open_dialog(demo_window)
    assert dialog is not None and dialog.isVisible() and prompts.unsaved_questions == []
    dialog.reject()  # Cancel in the dialog
    assert not dialog.isVisible() and prompts.unsaved_questions == []
    assert page.editor.widgets["title"].text() == TYPED and demo_window.isWindowModified()


@pytest.mark.parametrize("open_dialog, name", [(menu.open_export_dialog, "for county.sqlite"),
                                               (menu.open_report_dialog, "board.html")])
def test_cancel_answered_keeps_the_dialog_and_writes_nothing(demo_window, qtbot, prompts, tmp_path, open_dialog,
                                                             name):
    page = edited_register(demo_window, qtbot)
    dialog = open_dialog(demo_window)
    dialog.path_edit.setText(str(tmp_path / name))
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    qtbot.mouseClick(_go(dialog), Qt.MouseButton.LeftButton)
    assert [text for _title, text in prompts.unsaved_questions] == ASKED
    assert dialog.isVisible() and not (tmp_path / name).exists() and prompts.infos == []
    assert page.editor.widgets["title"].text() == TYPED and demo_window.isWindowModified()
    dialog.reject()


def test_save_answered_at_export_exports_the_title_saved(demo_window, qtbot, prompts, tmp_path):
    edited_register(demo_window, qtbot)
    dialog = menu.open_export_dialog(demo_window)
    target = tmp_path / "for county.sqlite"
    dialog.path_edit.setText(str(target))
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    with qtbot.waitSignal(dialog.finished_export, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert [text for _title, text in prompts.unsaved_questions] == ASKED
    conn = sqlite3.connect(str(target))
    try:
        titles = [r[0] for r in conn.execute("SELECT title FROM projects WHERE title LIKE 'Homeshield Plus%'")]
    finally:
        conn.close()
    assert titles == [TYPED]


def test_save_answered_at_write_report_reports_the_title_saved(demo_window, qtbot, prompts, tmp_path):
    edited_register(demo_window, qtbot)
    dialog = menu.open_report_dialog(demo_window)
    target = tmp_path / "board.html"
    dialog.path_edit.setText(str(target))
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    with qtbot.waitSignal(dialog.written, timeout=60000):
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert [text for _title, text in prompts.unsaved_questions] == ASKED
    assert TYPED in target.read_text(encoding="utf-8")
