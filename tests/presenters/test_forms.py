"""The field-driven form presenter and the slip checks, without a window."""

from datetime import date
from decimal import Decimal

import pytest

from safer_desk.domain.checks import NumberError, date_slip, parse_number, percentage_slip, range_slip
from safer_desk.domain.enums import LabelledEnum
from safer_desk.presenters.forms import Field, FieldKind, FormError, FormPresenter
from safer_desk.presenters.screens import ScreenPresenter, UnsavedChoice

FIELDS = [Field("name", "&Name", required=True), Field("amount", "Amount", FieldKind.MONEY),
          Field("share", "Share", FieldKind.PERCENTAGE), Field("count", "Count", FieldKind.NUMBER),
          Field("when", "When", FieldKind.DATE), Field("kind", "Kind", FieldKind.CHOICE, choices=(("a", "Alpha"),)),
          Field("cost", "Cost", FieldKind.COST), Field("notes", "Notes", FieldKind.LONG_TEXT)]


def form(saved=None, **kw):
    return FormPresenter(FIELDS, save_fn=lambda values, parsed: saved.append(parsed) if saved is not None else None,
                         today=lambda: date(2026, 4, 1), title="Cost line for WSCSP-DHR-2026-07", **kw)


def test_values_are_read_by_kind_and_dirty_is_tracked():
    saved = []
    f = form(saved)
    f.load({"name": "Chair", "amount": "£1,000"})
    assert not f.is_dirty
    for key, text in (("amount", "£2,000.50"), ("share", "50%"), ("count", "12,586"), ("when", "1/4/26"),
                      ("kind", "Alpha"), ("cost", "£1 - £2")):
        f.set_value(key, text)
    assert f.is_dirty and "Amount" in f.describe_unsaved() and "WSCSP-DHR-2026-07" in f.describe_unsaved()
    assert f.save()
    parsed = saved[0]
    assert parsed["amount"] == 200_050 and parsed["share"] == Decimal(50) and parsed["count"] == 12586
    assert parsed["when"] == date(2026, 4, 1) and parsed["kind"] == "a"
    assert not f.is_dirty


def test_problems_are_tied_to_fields():
    f = form([])
    f.load({})
    f.set_value("count", "1,2,3")
    f.set_value("amount", "-5")
    f.set_value("kind", "Beta")
    assert not f.save()
    assert f.message("name") == "This field is needed."
    assert "comma" in f.message("count") and "negative" in f.message("amount")
    assert "not one of" in f.message("kind")
    f.set_value("count", "123")
    assert f.message("count") == ""  # cleared when retyped


def test_slips_are_asked_once_beside_the_field():
    saved = []
    f = form(saved)
    f.load({"name": "x"})
    f.set_value("share", "120")
    assert not f.save() and "more than 100%" in f.message("share") and saved == []
    assert f.save() and saved


def test_save_function_problems_and_discard():
    def refuse(values, parsed):
        raise FormError({"name": "Taken."}, "")

    f = FormPresenter(FIELDS, save_fn=refuse)
    f.load({"name": "a"})
    f.set_value("name", "b")
    assert not f.save() and f.message("name") == "Taken."
    f.discard()
    assert f.value("name") == "a" and not f.is_dirty

    def fail(values, parsed):
        raise ValueError("the file is read-only")

    g = FormPresenter(FIELDS, save_fn=fail)
    g.load({"name": "a"})
    assert not g.save() and "read-only" in g.form_message


def test_screen_presenter_guard():
    s = ScreenPresenter()
    assert s.may_leave(lambda t: UnsavedChoice.CANCEL) and s.save() and s.describe_unsaved() == ""
    s.editor = form([])
    s.editor.load({"name": "a"})
    s.editor.set_value("name", "b")
    assert not s.may_leave(lambda t: UnsavedChoice.CANCEL)
    assert s.may_leave(lambda t: UnsavedChoice.DISCARD) and s.editor.value("name") == "a"


def test_slip_checks():
    assert parse_number("−1,099") == -1099 and parse_number("(74)") == -74
    for bad in ("1,2,3", "12,58", "abc", ""):
        with pytest.raises(NumberError):
            parse_number(bad)
    assert percentage_slip(Decimal("100.5")) and percentage_slip(Decimal(-1)) and not percentage_slip(Decimal(99))
    assert date_slip(date(2040, 1, 1), around=date(2026, 1, 1))
    assert not date_slip(date(2027, 1, 1), around=date(2026, 1, 1))
    assert range_slip(Decimal(6), high=Decimal(1), message="Scale above 1").message == "Scale above 1"


def test_labelled_enum():
    class Colour(LabelledEnum):
        RED = ("red", "Red ⚠")
        PLAIN_BLUE = ("plain_blue",)

    assert Colour.parse("Red ⚠") is Colour.RED and Colour.PLAIN_BLUE.label == "Plain blue"
    assert Colour.choices() == [("red", "Red ⚠"), ("plain_blue", "Plain blue")] and str(Colour.RED) == "red"
    with pytest.raises(ValueError):
        Colour.parse("green")
