"""Session 70: a form refused on Save said "Not saved: correct the field marked." above its fields; once the field
marked was put back (Esc puts back what the file holds) or typed right, its own message went but the form's stayed,
sending the officer to look for a field marked that was not there. The form's word follows the fields still marked."""

from datetime import date

from safer_desk.presenters.forms import Field, FieldKind, FormPresenter

FIELDS = [Field("name", "&Name", required=True), Field("amount", "Amount", FieldKind.MONEY),
          Field("share", "Share", FieldKind.PERCENTAGE)]


def _form():
    form = FormPresenter(FIELDS, save_fn=lambda values, parsed: None, today=lambda: date(2026, 4, 1))
    form.load({"name": "Chair", "amount": "£3,000", "share": "10%"})
    return form


def test_the_field_marked_put_back_takes_the_forms_refusal_away():
    form = _form()
    form.set_value("amount", "£3.500")
    assert not form.save() and form.form_message == "Not saved: correct the field marked."
    form.set_value("amount", form.saved_values["amount"])  # Esc in the field
    assert form.message("amount") == "" and form.form_message == ""


def test_one_of_two_fields_marked_typed_right_leaves_the_field_marked():
    form = _form()
    form.set_value("amount", "£3.500")
    form.set_value("share", "lots")
    assert not form.save() and form.form_message == "Not saved: correct the fields marked."
    form.set_value("share", "15%")
    assert form.form_message == "Not saved: correct the field marked."
    form.set_value("amount", "£3,500")
    assert form.form_message == ""
    assert form.save()
