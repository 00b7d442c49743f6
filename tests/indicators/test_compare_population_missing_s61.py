"""Session 61 (wales): Compare Areas said nothing of a county's blank population.

A Teignbridge officer recorded the 2019/20 population of seven of Devon's eight districts. "Devon (derived)" showed
its figure with the Population and Rate cells blank and no word why (the chart fell back to counts): Devon's
population is its districts' added up, and West Devon's was missing. The blank cell now says whose is missing
(where none of a county's districts has one, the blank speaks for itself).
"""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.police_import import load_counts

FY19 = FinancialYear(2019)
POPULATIONS = {"East Devon": 146000, "Exeter": 131000, "Mid Devon": 82000, "North Devon": 97000,
               "South Hams": 87000, "Teignbridge": 134000, "Torridge": 68000}


def test_a_derived_countys_blank_population_names_the_districts_without_one(store):
    load_counts(store, [("Devon & Cornwall Police", "2020-01", name, "Burglary", 10)
                        for name in [*POPULATIONS, "West Devon"]])
    ref.set_office_scope(store, districts=["Teignbridge"], county="Devon")
    for name, people in POPULATIONS.items():
        svc.set_population(store, ref.reference_id("district", name), FY19, people)
    p = AreaComparisonPresenter(store)
    p.load(year=FY19)
    devon = next(r for r in p.rows if r.area_id == "county:devon")
    assert devon.population is None and devon.rate_text == ""
    assert devon.population_tip == ("No population is recorded for West Devon in 2019/20: Devon's is its "
                                    "districts' added up, so it has no rate.")
    teignbridge = next(r for r in p.rows if r.area_id == "district:teignbridge")
    assert teignbridge.population == 134000 and teignbridge.population_tip == ""


def test_a_county_none_of_whose_districts_has_a_population_is_left_blank_without_a_tip(store):
    load_counts(store, [("Devon & Cornwall Police", "2020-01", name, "Burglary", 10)
                        for name in [*POPULATIONS, "West Devon"]])
    ref.set_office_scope(store, districts=["Teignbridge"], county="Devon")
    p = AreaComparisonPresenter(store)
    p.load(year=FY19)
    devon = next(r for r in p.rows if r.area_id == "county:devon")
    assert devon.population is None and devon.population_tip == ""
