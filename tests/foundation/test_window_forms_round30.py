"""A record's form typed in over a window of its own (Funders' Awards…, Populations…) when the file closes
(round 30): closing the program, or opening another file, asked nothing, and the form stayed open over a closed
file; its Save then raised "Cannot operate on a closed database". It is asked about, as a tab's edits are."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.screens import UnsavedChoice
from tests.costs.test_new_case_then_cost_line import button, field, type_into


def _award_typed(window, qtbot, tmp_path):
    assert window.open_path(tmp_path / "office.sqlite", create=True)
    window.show()
    window.awards_action.trigger()
    awards = window._awards_dialog
    qtbot.waitUntil(awards.isVisible, timeout=5000)
    qtbot.mouseClick(button(awards, "Add Award"), Qt.MouseButton.LeftButton)
    form = awards.dialog
    qtbot.waitUntil(form.isVisible, timeout=5000)
    type_into(qtbot, field(form, "Funder"), "OPCC")
    type_into(qtbot, field(form, "Name"), "PCC grant 2017/18")
    return form


def test_closing_the_window_with_an_award_being_typed_asks_and_cancel_keeps_it(window, qtbot, tmp_path, prompts):
    form = _award_typed(window, qtbot, tmp_path)
    assert window.has_unsaved_changes()  # the title's modified marker counts it too
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    assert not window.close()
    assert prompts.unsaved_questions and "award" in prompts.unsaved_questions[0][1].lower()
    assert window.session.store is not None and form.isVisible()


def test_save_in_the_question_saves_the_award_before_the_file_closes(window, qtbot, tmp_path, prompts):
    from safer_desk.services import funders

    form = _award_typed(window, qtbot, tmp_path)
    type_into(qtbot, field(form, "Amounts by year"), "2017/18 £400,568")
    store = window.session.store
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    other = tmp_path / "other.sqlite"
    assert window.open_path(other, create=True)
    assert prompts.unsaved_questions
    from safer_desk.services.files import open_office_file

    again = open_office_file(store.path, read_only=True).store
    try:
        assert [a.name for a in funders.list_awards(again)] == ["PCC grant 2017/18"]
    finally:
        again.close()
    assert not form.isVisible()


def test_a_refused_save_in_the_question_keeps_the_file_and_the_form_open(window, qtbot, tmp_path, prompts):
    form = _award_typed(window, qtbot, tmp_path)
    type_into(qtbot, field(form, "Revenue %"), "69")  # without Capital %: refused beside the field
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    assert not window.close()
    assert window.session.store is not None and form.isVisible()
    assert "give both percentages" in form.message_text()


def test_discard_closes_the_form_with_the_file_and_nothing_is_saved(window, qtbot, tmp_path, prompts):
    form = _award_typed(window, qtbot, tmp_path)
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    assert window.close()
    assert not form.isVisible()


def test_a_population_being_typed_is_asked_about_when_another_file_opens(window, qtbot, tmp_path, prompts):
    assert window.open_path(tmp_path / "office.sqlite", create=True)
    window.show()
    window.populations_action.trigger()
    dialog = window.populations_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(button(dialog, "Add"), Qt.MouseButton.LeftButton)
    form = dialog.dialog
    qtbot.waitUntil(form.isVisible)
    type_into(qtbot, field(form, "Population"), "104,000")
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    assert not window.open_path(tmp_path / "other.sqlite", create=True)
    assert len(prompts.unsaved_questions) == 1
    assert window.session.store.path.name == "office.sqlite" and form.isVisible()
