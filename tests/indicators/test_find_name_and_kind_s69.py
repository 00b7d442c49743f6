"""A Gwynedd office (the districts Gwynedd and Ynys Môn, the preserved county Gwynedd): the board report heads the
district's section "Gwynedd (district)" and Import Figures asks for "Gwynedd (county)" or "Gwynedd (district)", but
Find on the Indicators tab, given "Gwynedd (district)" as written there, said "No area's name contains “Gwynedd
(district)”". Find reads a name with its kind as the lists and the import do."""

from datetime import date

from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import reference as ref


def test_find_takes_a_name_with_its_kind(store):
    ref.set_office_scope(store, districts=["Ynys Môn", "Gwynedd"], county="Gwynedd")
    p = IndicatorsPresenter(store, today=lambda: date(2026, 11, 28))
    found, why = p.find_area("Gwynedd (district)")
    assert why == "" and found is not None and found.id == "district:gwynedd" and found.label == "Gwynedd"
    found, why = p.find_area("gwynedd (County)")
    assert why == "" and found is not None and found.id == "county:gwynedd"
    found, why = p.find_area("Ynys Môn (district)")  # the Welsh name, with its kind
    assert why == "" and found is not None and found.id == "district:isle-of-anglesey"
