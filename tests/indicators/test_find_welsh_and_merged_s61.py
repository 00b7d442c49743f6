"""Session 61 (wales): Find on the Indicators tab, for an office outside Suffolk.

A Cardiff officer typed the neighbour they compare with as their council writes it ("Abertawe", "Bro Morgannwg")
and Find said "No area's name contains “Abertawe”", though Office Details and `safer-desk office` take those names
(Swansea, Vale of Glamorgan). An area held with its accent ("Ynys Môn", from a typed sheet) was not found by "ynys
mon" typed on a keyboard without a circumflex. A Somerset officer typing a district merged in 2023 ("Taunton Deane")
was told no area's name contains it, as if its figures were lost: they are counted under Somerset, and Find says so.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.police_import import import_police_files

HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context\n")


@pytest.fixture
def cardiff(store, tmp_path):
    """A Cardiff office's file with a month of South Wales Police's street file (its neighbours' rows too)."""
    rows = [f"{n:064x},2025-01,South Wales Police,South Wales Police,-3.1,51.4,On or near Heol y Nant,W0100{n:04d},"
            f"{name} 001A,Burglary,Under investigation,\n"
            for n, name in enumerate(["Cardiff", "Swansea", "Vale of Glamorgan", "Caerphilly", "Bridgend"])]
    path = tmp_path / "2025-01-south-wales-street.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    import_police_files(store, [path])
    ref.set_office_scope(store, districts=["Cardiff"])
    p = IndicatorsPresenter(store)
    p.load()
    return p


@pytest.mark.parametrize("typed, found", [("Abertawe", "Swansea"), ("Bro Morgannwg", "Vale of Glamorgan"),
                                          ("caerffili", "Caerphilly"), ("Pen-y-bont ar Ogwr", "Bridgend")])
def test_find_takes_a_welsh_areas_welsh_name(cardiff, typed, found):
    chosen, why = cardiff.find_area(typed)
    assert why == "" and chosen is not None and chosen.label == found


def test_find_takes_the_offices_own_district_by_its_welsh_name(cardiff):
    chosen, why = cardiff.find_area("Caerdydd")
    assert why == "" and chosen is not None and chosen.id == "district:cardiff"


def test_find_reads_a_name_typed_without_its_accent(store):
    svc.ensure_area(store, "Ynys Môn", "district")
    ref.set_office_scope(store, districts=["Cardiff"])
    p = IndicatorsPresenter(store)
    p.load()
    chosen, why = p.find_area("ynys mon")
    assert why == "" and chosen is not None and chosen.label == "Ynys Môn"
    assert [c.label for c in p.search_areas("YNYS MON")] == ["Ynys Môn"]


@pytest.mark.parametrize("typed, became", [("Taunton Deane", "Somerset"), ("Aylesbury Vale", "Buckinghamshire"),
                                           ("allerdale", "Cumberland")])
def test_find_says_what_a_merged_district_became(cardiff, typed, became):
    chosen, why = cardiff.find_area(typed)
    assert chosen is None
    assert f"part of {became} now" in why and f"type {became}" in why, why
    assert "No area's name contains" not in why


def test_a_figures_sheet_naming_welsh_areas_in_welsh_lands_on_the_police_figures_areas(cardiff, tmp_path):
    """A bilingual council's sheet ("Caerdydd", "Bro Morgannwg", "Ynys Mon" without its circumflex) was refused line
    by line ("There is no district, partnership or county called “Caerdydd”"): its rows are the areas the police.uk
    figures are under."""
    from safer_desk.services.indicators_import import preview_values

    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nBurglary,Caerdydd,2025-01,7\nBurglary,Bro Morgannwg,2025-01,3\n",
                     encoding="utf-8")
    preview = preview_values(cardiff.store, sheet, today=date(2026, 12, 6))
    assert preview.refused == []
    assert sorted(g.area_id for g in preview.good) == ["district:cardiff", "district:vale-of-glamorgan"]
    svc.ensure_area(cardiff.store, "Ynys Môn", "district")
    assert ref.find_area(cardiff.store, "ynys mon").name == "Ynys Môn"  # held with its accent, found without


def test_the_window_finds_swansea_typed_in_welsh(window, cardiff, qtbot):
    window.set_store(cardiff.store)
    tab = window.show_tab("indicators")
    tab.area_search.setFocus()
    qtbot.keyClicks(tab.area_search, "Abertawe")
    qtbot.keyClick(tab.area_search, Qt.Key.Key_Return)
    assert tab.area_combo.currentText() == "Swansea" and tab.presenter.area_id == "district:swansea"
    assert tab.find_note.text() == "" and tab.summary_model.rowCount() > 0  # its police.uk figures
    qtbot.keyClicks(tab.area_search, "Taunton Deane")
    qtbot.keyClick(tab.area_search, Qt.Key.Key_Return)
    assert "Taunton Deane is part of Somerset now" in tab.find_note.text()
