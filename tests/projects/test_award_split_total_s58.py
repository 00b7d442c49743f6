"""Session 58: the board report says the revenue / capital split of an award not split by year, as Commissioning
does.

An award given as one total over several years (County Lines … 2018-2020: £500,000) with a 69% / 31% split: a
scenario against it said "69% revenue (£345,000) and 31% capital (£155,000) over 2018/19 to 2019/20", but the
award's table in the board report said nothing of the split (it looked the split up for the table's heading,
"2018/19 to 2019/20", as if it were one year). An award split by year says its year's split, as before.
"""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services.report import build_report

COUNTY_LINES = "County Lines and Urban Street Gangs 2018-2020"


def _table(store, title):
    (table,) = [t for s in build_report(store, area="Suffolk").sections for t in s.tables if t.title.startswith(title)]
    return table


def test_a_total_over_several_years_says_its_split(demo_store):
    award = funders.award_by_name(demo_store, COUNTY_LINES)
    funders.save_award(demo_store, replace(award, revenue_bp=6900, capital_bp=3100))
    strive = next(p for p in svc.load_projects(demo_store) if p.title == "Suffolk Strive")
    funders.set_project_funding(demo_store, strive.id, [
        svc.FundingSource("Suffolk Public Sector Leaders — County Lines", 2_000_000, "", "2018/19")])
    assert "Revenue £345,000 (69%), capital £155,000 (31%)." in _table(demo_store, COUNTY_LINES).note


def test_an_award_split_by_year_says_the_years_split(demo_store):
    award = funders.award_by_name(demo_store, "CSP funding 2018-2021")
    funders.save_award(demo_store, replace(award, revenue_bp=5000, capital_bp=5000))
    strive = next(p for p in svc.load_projects(demo_store) if p.title == "Suffolk Strive")
    funders.set_project_funding(demo_store, strive.id, [
        svc.FundingSource("Suffolk Public Sector Leaders — CSP funding", 1_000_000, "", "2018/19")])
    table = _table(demo_store, "CSP funding 2018-2021: 2018/19")
    assert "Revenue £15,000 (50%), capital £15,000 (50%)." in table.note
