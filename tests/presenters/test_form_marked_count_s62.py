"""A form with one field refused said "Not saved: correct the fields marked.", sending the officer to look for a
second; the costs forms said "the field marked". Every form says field or fields as many as are marked."""

from datetime import date

from safer_desk.presenters.forms import Field, FieldKind, FormError, FormPresenter

FIELDS = [Field("name", "&Name", required=True), Field("amount", "Amount", FieldKind.MONEY),
          Field("share", "Share", FieldKind.PERCENTAGE)]


def _form(save_fn=None):
    return FormPresenter(FIELDS, save_fn=save_fn or (lambda values, parsed: None), today=lambda: date(2026, 4, 1))


def test_one_field_refused_is_the_field_marked_and_two_the_fields():
    form = _form()
    form.set_value("name", "Chair")
    form.set_value("amount", "£3.500")
    assert not form.save() and form.form_message == "Not saved: correct the field marked."
    form.set_value("share", "lots")
    assert not form.save() and form.form_message == "Not saved: correct the fields marked."


def test_a_refusal_from_the_save_counts_the_fields_it_marks():
    def refuse(values, parsed):
        raise FormError({"amount": "More than is left in the fund."})

    form = _form(refuse)
    form.set_value("name", "Chair")
    assert not form.save() and form.form_message == "Not saved: correct the field marked."
