"""Compare Areas for Suffolk's all crime, 2025/26, "Rate per: per 1,000": the Population and Rate columns were blank
for every area and nothing said why (no population is recorded for any Suffolk district), so the rate choice looked
broken and the bars fell back to counts without a word. The sentence under the chart now names the areas without a
population and where to record one (session 70)."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.services import indicators as svc

FY25 = FinancialYear(2025)
DISTRICTS = ["district:babergh", "district:east-suffolk", "district:ipswich", "district:mid-suffolk",
             "district:west-suffolk"]


def _summary(store) -> str:
    p = AreaComparisonPresenter(store, today=lambda: date(2026, 1, 20))
    p.load("indicator:all-crime", FY25)
    return p.summary()


def test_areas_without_a_population_are_said(demo_store):
    said = _summary(demo_store)
    assert "highest East Suffolk (9,532)" in said
    assert "No population is recorded for Babergh, East Suffolk, Ipswich, Mid Suffolk and West Suffolk" in said, said
    assert "View > Populations" in said


def test_nothing_is_said_once_every_district_has_one(demo_store):
    for area in DISTRICTS:
        svc.set_population(demo_store, area, FY25, 100000)
    said = _summary(demo_store)
    assert "No population" not in said and "per 1,000" in said, said
