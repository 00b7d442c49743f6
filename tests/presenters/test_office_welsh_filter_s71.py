"""Session 71: Office Details…' district filter says a Welsh name found, not that the English one contains it.

A Cardiff officer typed "Caerdydd" in the district filter; the list showed Cardiff, and the note under it said
'1 of 318 districts contains "Caerdydd".', which Cardiff does not. The note now says a district found by its Welsh
name is found so ('… in English or in Welsh (Caerdydd is Cardiff).'); a name found in English reads as before.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.office import OfficePresenter


def _picker(store):
    return OfficePresenter(store, today=lambda: date(2026, 12, 7)).district_picker()


def test_a_district_found_by_its_welsh_name_is_said_so(store):
    picker = _picker(store)
    n = len(picker.choices)
    picker.set_filter("Caerdydd")
    assert [r.name for r in picker.rows()] == ["Cardiff"]
    assert picker.filter_note() == f'1 of {n} districts contains "Caerdydd", in English or in Welsh (Caerdydd is ' \
                                   'Cardiff).'
    picker.set_filter("ynys")  # begun, as the filter finds it: Ynys Môn
    assert [r.name for r in picker.rows()] == ["Isle of Anglesey"]
    assert picker.filter_note().endswith("in English or in Welsh (Ynys Môn is Isle of Anglesey).")


def test_a_name_found_in_english_reads_as_before(store):
    picker = _picker(store)
    n = len(picker.choices)
    picker.set_filter("cardiff")
    assert picker.filter_note() == f'1 of {n} districts contains "cardiff".'
    picker.set_filter("caer")  # Caerphilly in English (and Caerffili), Cardiff only in Welsh (Caerdydd)
    assert sorted(r.name for r in picker.rows()) == ["Caerphilly", "Cardiff"]
    assert picker.filter_note() == f'2 of {n} districts contain "caer", in English or in Welsh (Caerdydd is Cardiff).'
