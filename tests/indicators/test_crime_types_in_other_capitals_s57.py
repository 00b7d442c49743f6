"""A street file whose crime types are written in other capitals ("BURGLARY", "Anti-Social Behaviour"): each was
counted in the right indicator (their ids do not depend on capitals), but a file's first import named the new
indicator as that file spelled it, so the board saw "BURGLARY" beside "Vehicle crime". police.uk's own categories
keep police.uk's spelling; a category police.uk does not publish keeps the file's."""

from __future__ import annotations

from safer_desk.exchange.police_uk import crime_type_named
from safer_desk.services import indicators as svc
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import street_file, suffolk_row


def test_police_uk_categories_keep_their_own_spelling():
    assert crime_type_named("BURGLARY") == "Burglary"
    assert crime_type_named("anti-social  Behaviour") == "Anti-social behaviour"
    assert crime_type_named(" Violence And Sexual Offences ") == "Violence and sexual offences"
    assert crime_type_named("Fly-tipping") == "Fly-tipping"


def test_a_file_in_other_capitals_makes_indicators_named_as_police_uk_names_them(store, tmp_path):
    rows = ([suffolk_row(crime_id=f"b{i}", crime="BURGLARY") for i in range(4)]
            + [suffolk_row(crime_id="v1", crime="vehicle crime"), suffolk_row(crime_id="v2", crime="Vehicle crime")]
            + [suffolk_row(crime_id="", crime="Anti-Social Behaviour")])
    import_police_files(store, [street_file(tmp_path, "2025-01-suffolk-street.csv", rows)])
    names = {r[0] for r in store.rows("SELECT name FROM indicators")}
    assert {"Burglary", "Vehicle crime", "Anti-social behaviour", "All crime"} <= names
    assert not names & {"BURGLARY", "vehicle crime", "Anti-Social Behaviour"}
    babergh = svc.find_area(store, "Babergh").id
    assert svc.value_rows(store, "indicator:vehicle-crime", babergh, ["2025-01"])["2025-01"]["value"] == 2
    assert svc.value_rows(store, "indicator:all-crime", babergh, ["2025-01"])["2025-01"]["value"] == 6


def test_lsoa_names_in_other_capitals_are_placed_in_their_districts(store, tmp_path):
    """"BABERGH 001A" was a district of its own name ("BABERGH", with no ONS code), and "FOREST HEATH 001A" one
    named so, where "Forest Heath 001A" is West Suffolk's since 2019."""
    rows = ([suffolk_row(crime_id=f"b{i}", lsoa="BABERGH 001A") for i in range(3)]
            + [suffolk_row(crime_id=f"f{i}", lsoa="FOREST HEATH 001A") for i in range(2)])
    import_police_files(store, [street_file(tmp_path, "2025-01-suffolk-street.csv", rows)])
    areas = {name: code for name, code in store.rows("SELECT name, ons_code FROM indicator_areas")}
    assert areas["Babergh"] == "E07000200" and areas["West Suffolk"] == "E07000245"
    assert not {"BABERGH", "FOREST HEATH"} & set(areas)
    west = svc.find_area(store, "West Suffolk").id
    assert svc.value_rows(store, "indicator:burglary", west, ["2025-01"])["2025-01"]["value"] == 2
