"""Session 61 (wales): a county's figures are its county council's area, not the Lord-Lieutenant's.

A Teignbridge officer named the office's county Devon: Office Details brought every district the shipped lookup
put in Devon, Plymouth and Torbay among them, and "Devon (derived)" in Compare Areas and the board report added
Plymouth's and Torbay's crime to the eight districts' (15,574 crimes for January to March 2020 where Devon's own
districts recorded 9,000-odd). Plymouth and Torbay are unitary authorities with no county above them and
partnerships of their own (Safer Plymouth, seed 003). East Sussex's paper (seed 004) counts "27,728 crimes ... in
the county", its five districts without Brighton and Hove. A unitary authority inside a county that has a county
council is not one of that county's districts; the counties made wholly of unitaries (Cumbria's two since 2023,
Northamptonshire's since 2021, Berkshire's six) keep them all.
"""

from __future__ import annotations

from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.district_counties import county_districts
from safer_desk.services.police_import import load_counts

DEVON = {"East Devon": 20, "Exeter": 30, "Mid Devon": 40, "North Devon": 50, "South Hams": 60, "Teignbridge": 10,
         "Torridge": 70, "West Devon": 80}
UNITARIES = {"Plymouth": 1000, "Torbay": 500}


def reference_districts(store, county: str) -> list[str]:
    return [r[0] for r in store.rows("SELECT name FROM districts WHERE county = ? ORDER BY name", (county,))]


def test_a_devon_districts_county_is_devon_without_plymouth_and_torbay(store):
    load_counts(store, [("Devon & Cornwall Police", "2020-01", name, "Burglary", n)
                        for name, n in {**DEVON, **UNITARIES}.items()])
    ref.set_office_scope(store, districts=["Teignbridge"], county="Devon")
    assert reference_districts(store, "Devon") == sorted(DEVON)
    derived = {(r.area, r.period): r for r in svc.figure_rows(store, derived=True) if r.source == "derived"}
    assert derived[("Devon", "2020-01")].value == str(sum(DEVON.values()))


def test_naming_east_sussex_brings_its_five_districts_not_brighton_and_hove(store):
    ref.set_office_scope(store, districts=["Hastings"], county="East Sussex")
    assert reference_districts(store, "East Sussex") == ["Eastbourne", "Hastings", "Lewes", "Rother", "Wealden"]


def test_a_unitary_named_beside_the_county_is_not_filed_under_it(store):
    """A Teignbridge office naming Torbay as well (a shared service): Torbay's figures are not Devon's."""
    ref.set_office_scope(store, districts=["Teignbridge", "Torbay"], county="Devon")
    assert "Torbay" not in reference_districts(store, "Devon")
    assert store.scalar("SELECT county FROM districts WHERE name = 'Torbay'") is None


def test_a_county_of_unitaries_keeps_them_all():
    assert county_districts("Cumbria") == ["Cumberland", "Westmorland and Furness"]
    assert county_districts("Northamptonshire") == ["North Northamptonshire", "West Northamptonshire"]
    assert len(county_districts("Berkshire")) == 6
    assert "Plymouth" not in county_districts("Devon") and len(county_districts("Devon")) == 8
    assert "Medway" not in county_districts("Kent") and "Thurrock" not in county_districts("Essex")
    assert len(county_districts("Suffolk")) == 5


def test_naming_a_unitary_in_its_countys_office_is_said_to_be_outside_the_countys_figures(store):
    words = ref.districts_outside_county_words(store, ["district:plymouth"], "Devon")
    assert words.startswith("Plymouth is a unitary authority, not a district of Devon (the office's county)"), words
    assert "its figures are not counted in Devon's" in words


def test_a_unitarys_areas_compared_are_still_its_countys_neighbours(store):
    """Plymouth filed under no county: its Areas compared chart keeps Devon's districts and Torbay beside it (side
    by side, none added up), not every area a force's file places a crime in (Wandsworth, County Durham)."""
    from safer_desk.domain.periods import FinancialYear

    load_counts(store, [("Devon & Cornwall Police", "2020-01", name, "Burglary", n)
                        for name, n in {**DEVON, **UNITARIES, "Cornwall": 900, "Wandsworth": 1}.items()])
    ref.set_office_scope(store, districts=["Plymouth"])
    compared = svc.areas_compared_with(store, "district:plymouth", FinancialYear(2019))
    assert compared is not None and {"district:plymouth", "district:torbay", "district:exeter"} <= set(compared)
    assert "district:wandsworth" not in compared and "district:cornwall" not in compared
