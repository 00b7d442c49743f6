"""Round 35 (rv6): a record shown, then a character typed and taken back, is not "changed".

A description held with Windows line endings is shown with one new line per line; a choice held by its label is
shown on its entry. Showing is not typing (round 35 edt), but typing a character and deleting it again told the form
the shown text ("\\n", the choice's stored value): the form compared it with what it held ("\\r\\n", the label) and
the record stayed "changed" though it read as it was, so choosing another row asked about unsaved changes to the
Description, and Save would have written the record over with nothing changed.
"""

from PySide6.QtCore import Qt

from safer_desk.presenters.forms import Field, FieldKind, FormPresenter
from safer_desk.ui.kit.forms import FormView

FIELDS = [Field("status", "Status", FieldKind.CHOICE, choices=(("proposed", "Proposed"), ("live", "Live"))),
          Field("notes", "Notes", FieldKind.LONG_TEXT)]


def shown_form(qtbot, values):
    form = FormPresenter(FIELDS)
    view = FormView(form)
    qtbot.addWidget(view)
    form.load(values)
    return form, view


def test_a_character_typed_and_deleted_in_windows_text_leaves_the_record_as_it_was(qtbot):
    form, view = shown_form(qtbot, {"status": "live", "notes": "Funded jointly.\r\nReviewed yearly."})
    notes = view.widgets["notes"]
    assert notes.toPlainText() == "Funded jointly.\nReviewed yearly." and not form.is_dirty
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(notes, "x")
    assert form.is_dirty and form.dirty_fields() == ["Notes"]  # typed: changed
    qtbot.keyClick(notes, Qt.Key.Key_Backspace)
    assert notes.toPlainText() == "Funded jointly.\nReviewed yearly."
    assert not form.is_dirty, form.dirty_fields()  # taken back: the record reads as it was held
    qtbot.keyClicks(notes, "!")
    assert form.is_dirty and form.dirty_fields() == ["Notes"]


def test_a_choice_held_by_its_label_picked_away_and_back_is_as_it_was(qtbot):
    form, view = shown_form(qtbot, {"status": "Proposed", "notes": ""})
    status = view.widgets["status"]
    assert status.currentText() == "Proposed" and not form.is_dirty
    status.setCurrentIndex(status.findData("live"))
    assert form.dirty_fields() == ["Status"]
    status.setCurrentIndex(status.findData("proposed"))
    assert not form.is_dirty, form.dirty_fields()
