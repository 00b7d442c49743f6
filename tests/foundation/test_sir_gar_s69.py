"""A Carmarthenshire officer naming the district as the council names itself, Cyngor Sir Gâr, was refused: "there is
no district called “Sir Gâr” … Type its name as the council spells it", and Office Details' filter found nothing.
Only the formal Welsh name, Sir Gaerfyrddin, was paired with Carmarthenshire, the name the police.uk import files
its figures under."""

from datetime import date

from safer_desk.presenters.office import OfficePresenter
from safer_desk.services import reference as ref
from safer_desk.services.district_counties import english_name


def test_sir_gar_is_carmarthenshire_typed_with_or_without_its_accent(store):
    assert english_name("Sir Gâr") == english_name("sir gar") == "Carmarthenshire"
    ref.set_office_scope(store, districts=["Sir Gâr"])
    assert [a.name for a in ref.office_scope(store).districts] == ["Carmarthenshire"]


def test_office_details_filter_finds_carmarthenshire_by_sir_gar(store):
    picker = OfficePresenter(store, today=lambda: date(2026, 11, 28)).district_picker()
    picker.set_filter("Sir Gâr")
    assert [r.name for r in picker.rows()] == ["Carmarthenshire"]
