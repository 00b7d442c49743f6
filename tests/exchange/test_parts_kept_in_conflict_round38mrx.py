"""A plan renamed at the county, whose office then drops a line and adds another (helper awd's example).

The merge took the dropped line out of the county's plan before it raised "edited at the county" about the plan and
kept "the county's version": the county then held a plan that was neither side's, and the conflict's county side
named a version the county file no longer matched. The county's plan stays as it was until the lead decides.
"""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import budgets, funders, projects
from safer_desk.services.county import list_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_award_conflict_stale_round38 import stale


def plan_lines(store) -> list[str]:
    return [r[0] for r in store.rows("SELECT l.label FROM budget_lines l JOIN budget_sections s ON s.id = l.section_id "
                                     "JOIN budget_plans p ON p.id = s.plan_id WHERE p.name LIKE 'Babergh plan%' "
                                     "ORDER BY 1")]


def test_a_plan_held_by_a_conflict_keeps_the_line_its_office_dropped_until_the_lead_decides(offices):
    o = offices
    plan = budgets.create_plan(o.babergh, "Babergh plan", columns=["2025/26"])
    section = budgets.add_section(o.babergh, plan, "Staffing")
    for label, amount in (("Coordinator", "£1,000"), ("Analyst", "£2,000")):
        budgets.set_cell(o.babergh, budgets.add_line(o.babergh, section, label), "2025/26", amount)
    merge(o.county, [o.send(o.babergh)])
    budgets.update_plan(o.county, budgets.plan_id_by_name(o.county, "Babergh plan"), name="Babergh plan (county)")

    analyst = o.babergh.rows("SELECT id FROM budget_lines WHERE label = 'Analyst'")[0][0]
    budgets.remove_line(o.babergh, analyst)
    budgets.set_cell(o.babergh, budgets.add_line(o.babergh, section, "Trainer"), "2025/26", "£3,000")
    merge(o.county, [o.send(o.babergh)])

    [conflict] = list_conflicts(o.county)
    assert conflict.kind == "edited-at-county"
    assert plan_lines(o.county) == ["Analyst", "Coordinator"]  # the county's plan as it was
    assert "Analyst" in conflict.county_side and "Trainer" in conflict.district_side, conflict.detail
    assert stale(o) == []

    resolve_conflicts(o.county, "county", which=conflict.id)
    merge(o.county, [o.send(o.babergh)])  # the decision stands: nothing raised, nothing taken out
    assert list_conflicts(o.county) == [] and plan_lines(o.county) == ["Analyst", "Coordinator"]

    budgets.update_plan(o.babergh, plan, notes="Trainer from April")  # a new version: asked again
    merge(o.county, [o.send(o.babergh)])
    [conflict] = list_conflicts(o.county)
    assert plan_lines(o.county) == ["Analyst", "Coordinator"] and stale(o) == []
    resolve_conflicts(o.county, "district", which=conflict.id)  # the office's lines come in, the county's extra goes
    assert plan_lines(o.county) == ["Coordinator", "Trainer"]
    merge(o.county, [o.send(o.babergh)])
    assert list_conflicts(o.county) == [] and plan_lines(o.county) == ["Coordinator", "Trainer"]


def officers(store, project_id: str) -> list[str]:
    return [r[0] for r in store.rows("SELECT name FROM project_officers WHERE project_id = ? ORDER BY position",
                                     (project_id,))]


def test_a_project_held_by_a_conflict_keeps_the_officer_its_office_dropped(offices):
    o = offices
    [project_id] = projects.add_projects(o.babergh, [projects.Project(
        id="p-babergh", title="Babergh night safe", areas=("Babergh",),
        officers=(projects.Officer("Night safe lead", "Lead", "Babergh DC"), projects.Officer("Outreach", "", "")))])
    merge(o.county, [o.send(o.babergh)])
    county = projects.get_project(o.county, project_id)
    projects.save_project(o.county, replace(county, title="Babergh night safe (county)"), loaded=county)

    mine = projects.get_project(o.babergh, project_id)
    projects.save_project(o.babergh, replace(mine, notes="One officer from May", officers=mine.officers[:1]),
                          loaded=mine)
    merge(o.county, [o.send(o.babergh)])

    [conflict] = list_conflicts(o.county)
    assert officers(o.county, project_id) == ["Night safe lead", "Outreach"] and stale(o) == []
    resolve_conflicts(o.county, "district", which=conflict.id)
    assert officers(o.county, project_id) == ["Night safe lead"]


def test_an_award_held_by_a_conflict_keeps_its_years(offices):
    o = offices
    funders.save_award(o.babergh, funders.make_award(funder="OPCC", name="Babergh grant",
                                                     years={"2025/26": "£1,000", "2026/27": "£1,000"}))
    merge(o.county, [o.send(o.babergh)])
    county = next(a for a in funders.list_awards(o.county) if a.name == "Babergh grant")
    # (an edit of the award's own row that keeps its year rows: the award form saves them again under new ids)
    o.county.conn.execute("UPDATE funding_awards SET notes = 'Checked with the OPCC' WHERE id = ?", (county.id,))
    mine = next(a for a in funders.list_awards(o.babergh) if a.name == "Babergh grant")
    funders.save_award(o.babergh, funders.make_award(funder="OPCC", name="Babergh grant", award_id=mine.id,
                                                     years={"2026/27": "£1,000", "2027/28": "£1,000"}))
    merge(o.county, [o.send(o.babergh)])
    [conflict] = list_conflicts(o.county)
    years = [r[0] for r in o.county.rows("SELECT financial_year FROM funding_award_years ORDER BY 1")]
    assert years == ["2025/26", "2026/27"] and stale(o) == [], conflict.detail
    resolve_conflicts(o.county, "district", which=conflict.id)
    years = [r[0] for r in o.county.rows("SELECT financial_year FROM funding_award_years ORDER BY 1")]
    assert years == ["2026/27", "2027/28"]
