"""Session 70: a plan's line linked to one funder's share of a project travels to the county as it is.

Babergh office's "Partners' contributions to the IDVA service" counts the OPCC's £20,000 and the Home Office's £25,000
of the project's £60,000 (two links to one project, one line, one measure, told apart by the funder). At the county
the line shows £45,000 beside its plan, as at the office, not the project's whole cost; sent again, nothing is added
twice and no conflict is raised.
"""

from __future__ import annotations

from safer_desk.services import budgets
from safer_desk.services.county import list_conflicts
from safer_desk.services.funders import set_project_funding
from safer_desk.services.projects import FundingSource, add_projects, project_from_fields
from tests.exchange.district_offices import merge

LINE = "Partners' contributions to the IDVA service"


def _actual(store, plan):
    row = next(r for r in budgets.plan_view(store, plan).rows if r.label == LINE)
    return [c.pence for c in row.actuals], sorted((k.measure, k.funder) for k in row.links)


def test_a_lines_links_to_two_funders_shares_reach_the_county_as_the_office_holds_them(offices):
    o = offices
    (project,) = add_projects(o.babergh, [project_from_fields({
        "title": "IDVA service", "ref": "4", "cost": "£60,000", "laa_outcome": "yes", "start_date": "01/04/2025",
        "funding_sources": "OPCC: £20,000\nHome Office: £25,000\nSuffolk County Council: £15,000"})])
    plan = budgets.create_plan(o.babergh, "Babergh CSP plan", columns=["2025/26"])
    line = budgets.add_line(o.babergh, budgets.add_section(o.babergh, plan, "Spend"), LINE)
    budgets.set_cell(o.babergh, line, "2025/26", "45,000")
    for funder in ("OPCC", "Home Office"):
        budgets.link_line(o.babergh, line, project=project, measure="share", funder=funder)
    held = _actual(o.babergh, plan)
    assert held == ([45_000_00], [("share", "Home Office"), ("share", "OPCC")])
    merge(o.county, [o.send(o.babergh)])
    assert _actual(o.county, plan) == held
    merge(o.county, [o.send(o.babergh)])
    assert list_conflicts(o.county) == []
    assert _actual(o.county, plan) == held


def test_two_offices_plan_of_one_name_links_its_line_to_two_funders_shares_of_a_shared_project(offices):
    o = offices
    shares = (FundingSource("OPCC", 20_000_00), FundingSource("Home Office", 25_000_00))
    plans = {}
    for store, funder in ((o.babergh, "OPCC"), (o.mid, "Home Office")):
        set_project_funding(store, "p-shared", shares)
        plan = plans[funder] = budgets.create_plan(store, "Suffolk IDVA plan", columns=["2025/26"])
        line = budgets.add_line(store, budgets.add_section(store, plan, "Spend"), LINE)
        budgets.link_line(store, line, project="p-shared", measure="share", funder=funder)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    conflicts = list_conflicts(o.county)
    held = {k.funder for links in budgets.line_links(o.county, plans["OPCC"]).values() for k in links}
    assert (held, [c.detail for c in conflicts]) == ({"OPCC", "Home Office"}, [])
