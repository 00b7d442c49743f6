"""Baseline and Benchmarks… with Plymouth's December figure typed in the grid (1480) and not saved: the dialog opens
unasked, and the figure is asked about once the dialog's Save is pressed and its fields pass. Asked before the dialog
opened, Discard answered, then Cancel in the dialog saved nothing, yet 1480 was gone (session 73)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.screens import UnsavedChoice
from tests.indicators.test_import_cancelled_keeps_typing_s73 import TYPED, tab  # noqa: F401 (fixture)
from tests.indicators.test_tab_unsaved import stored


def open_framework(tab, qtbot):  # noqa: F811
    qtbot.mouseClick(tab.framework_button, Qt.MouseButton.LeftButton)
    dialog = tab._framework_dialog
    assert dialog.isVisible()
    return dialog


def test_the_dialog_cancelled_keeps_the_figure_typed(demo_window, tab, qtbot, prompts):  # noqa: F811
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    dialog = open_framework(tab, qtbot)
    assert prompts.unsaved_questions == []
    dialog.reject()  # nothing typed in the dialog: it closes unasked
    assert not dialog.isVisible() and prompts.unsaved_questions == []
    assert tab.grid.item(0, 8).text() == "1480" and demo_window.isWindowModified()


def test_save_asks_about_the_figure_cancel_keeps_both(demo_window, tab, qtbot, prompts):  # noqa: F811
    dialog = open_framework(tab, qtbot)
    dialog.form.type_into("baseline_value", "1,352")
    dialog.form.type_into("baseline_period", "2009/10")
    before = demo_window.session.undo_stack.index()
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert [text for _title, text in prompts.unsaved_questions] == [TYPED]
    assert dialog.isVisible() and demo_window.session.undo_stack.index() == before  # nothing saved
    assert tab.grid.item(0, 8).text() == "1480" and stored(demo_window.session.store, "2016-12") != 1480
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and stored(demo_window.session.store, "2016-12") == 1480
    assert demo_window.session.undo_stack.index() == before + 2  # the figure, then the baseline
    assert demo_window.session.undo_stack.undoText() == "Save the baseline of All crime (Plymouth, 2016/17)"


def test_a_problem_in_the_dialog_is_said_before_anything_is_asked(demo_window, tab, qtbot, prompts):  # noqa: F811
    dialog = open_framework(tab, qtbot)
    dialog.form.type_into("regional_name", "South West")  # a benchmark's name with no figure: refused
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and prompts.unsaved_questions == []
    assert tab.grid.item(0, 8).text() == "1480"
    dialog.form.type_into("regional_name", "")
