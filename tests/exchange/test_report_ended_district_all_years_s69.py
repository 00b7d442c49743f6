"""Session 69: the all-years board report of Forest Heath (merged into West Suffolk on 01/04/2019) gave "Indicators:
West Suffolk, 2025/26" and counted St Edmundsbury's records, a district Forest Heath never held, as its own (its
successor's predecessors). An ended district's all-years report is now of itself (and any it replaced), its
indicators of its own years; West Suffolk's still gathers Forest Heath's and St Edmundsbury's."""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report, report_areas

TODAY = date(2026, 12, 7)


def test_an_ended_districts_all_years_report_is_of_itself(demo_store):
    areas = report_areas(demo_store, "Forest Heath")
    assert sorted(areas.district_ids) == ["district:forest-heath"]
    assert areas.indicator_area_ids == ("district:forest-heath",)
    titles = [s.title for s in build_report(demo_store, area="Forest Heath", today=TODAY).sections]
    assert not [t for t in titles if t.startswith("Indicators")], titles


def test_its_successor_still_gathers_it(demo_store):
    areas = report_areas(demo_store, "West Suffolk")
    assert sorted(areas.district_ids) == ["district:forest-heath", "district:st-edmundsbury", "district:west-suffolk"]
