"""An office that deletes a whole project, while the county holds in conflict a thing that names it (round 39).

The office's next file took the project out of the county, and with it (the links go with their project) the
county's choice of it in a commissioning scenario, or its link in a plan line, that a conflict of the same merge
held "as the county holds it": the county then held a scenario or plan that was neither side's, and the conflict's
county side named a project the county file no longer had. A project removed at the office whose row the county
edited stays with its conflict; its officers, costs and status history went all the same. A thing held in
conflict stays as the county had it until the lead decides (as county_parts_held keeps its own parts).
"""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import funders, projects
from safer_desk.services import projects_commissioning as commissioning
from safer_desk.services.county import list_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_award_conflict_stale_round38 import stale


def ticked(store, name: str = "Option A") -> list[str]:
    scenario = next(s for s in commissioning.list_scenarios(store) if s.name == name)
    return sorted(item.project_id for item in scenario.items)


def test_a_scenario_held_by_a_conflict_keeps_the_project_its_office_deleted(offices):
    o = offices
    projects.add_projects(o.babergh, [projects.Project(id="p-youth", title="Babergh youth work",
                                                       areas=("Babergh",))])
    commissioning.save_scenario(o.babergh, commissioning.new_scenario(
        "Option A", 5_000_000, [commissioning.ScenarioItem("p-youth"), commissioning.ScenarioItem("p-shared")]))
    merge(o.county, [o.send(o.babergh)])
    county = next(s for s in commissioning.list_scenarios(o.county) if s.name == "Option A")
    commissioning.save_scenario(o.county, replace(county, notes="Checked with the PCC"))

    projects.delete_projects(o.babergh, ["p-youth"])
    mine = next(s for s in commissioning.list_scenarios(o.babergh) if s.name == "Option A")
    commissioning.save_scenario(o.babergh, replace(mine, fund_pence=4_000_000))
    report = merge(o.county, [o.send(o.babergh)])
    assert "Kept at the county for now: 1 project ('Babergh youth work')" in report.text(), report.text()

    [conflict] = list_conflicts(o.county)
    assert conflict.table == "commissioning_scenarios", conflict.detail
    assert ticked(o.county) == ["p-shared", "p-youth"], conflict.detail  # as the county had it
    assert "Babergh youth work" in conflict.county_side and stale(o) == [], conflict.detail

    resolve_conflicts(o.county, "district", which=conflict.id)  # the office's scenario: its project goes with it
    assert ticked(o.county) == ["p-shared"]
    merge(o.county, [o.send(o.babergh)])
    assert list_conflicts(o.county) == [] and ticked(o.county) == ["p-shared"]
    assert o.county.scalar("SELECT count(*) FROM projects WHERE id = 'p-youth'") == 0


def test_a_project_removed_but_edited_at_the_county_keeps_its_officers(offices):
    o = offices
    projects.add_projects(o.babergh, [projects.Project(
        id="p-night", title="Babergh night safe", areas=("Babergh",),
        officers=(projects.Officer("Night safe lead", "Lead", "Babergh DC"),))])
    merge(o.county, [o.send(o.babergh)])
    county = projects.get_project(o.county, "p-night")
    projects.save_project(o.county, replace(county, notes="Asked the PCC"), loaded=county)

    projects.delete_projects(o.babergh, ["p-night"])
    merge(o.county, [o.send(o.babergh)])

    [conflict] = list_conflicts(o.county)
    assert conflict.kind == "removed-but-edited", conflict.detail
    assert [o.name for o in projects.get_project(o.county, "p-night").officers] == ["Night safe lead"]
    assert stale(o) == []
    resolve_conflicts(o.county, "county", which=conflict.id)  # the county's project, officers and all
    merge(o.county, [o.send(o.babergh)])
    assert list_conflicts(o.county) == []
    assert [o.name for o in projects.get_project(o.county, "p-night").officers] == ["Night safe lead"]


def test_a_scenario_held_by_a_conflict_keeps_the_award_its_office_deleted(offices):
    o = offices
    funders.save_award(o.babergh, funders.make_award(funder="OPCC", name="Babergh grant", years={"2025/26": "£1,000"}))
    award = next(a for a in funders.list_awards(o.babergh) if a.name == "Babergh grant")
    commissioning.save_scenario(o.babergh, commissioning.new_scenario(
        "Option A", 100_000, [commissioning.ScenarioItem("p-shared")], award_id=award.id, award_year="2025/26"))
    merge(o.county, [o.send(o.babergh)])
    county = next(s for s in commissioning.list_scenarios(o.county) if s.name == "Option A")
    commissioning.save_scenario(o.county, replace(county, notes="Checked with the PCC"))

    funders.delete_award(o.babergh, award.id)
    mine = next(s for s in commissioning.list_scenarios(o.babergh) if s.name == "Option A")
    commissioning.save_scenario(o.babergh, replace(mine, fund_pence=90_000))
    merge(o.county, [o.send(o.babergh)])

    [conflict] = list_conflicts(o.county)
    assert next(s for s in commissioning.list_scenarios(o.county) if s.name == "Option A").award_id == award.id
    assert [a.name for a in funders.list_awards(o.county) if a.name == "Babergh grant"] == ["Babergh grant"]
    assert o.county.scalar("SELECT count(*) FROM funding_award_years WHERE award_id = ?", (award.id,)) == 1
    assert stale(o) == [], conflict.detail


def test_a_project_a_scenario_names_removed_but_edited_at_the_county_keeps_its_officers(offices):
    o = offices
    projects.add_projects(o.babergh, [projects.Project(
        id="p-youth", title="Babergh youth work", areas=("Babergh",),
        officers=(projects.Officer("Youth lead", "Lead", "Babergh DC"),))])
    commissioning.save_scenario(o.babergh, commissioning.new_scenario(
        "Option A", 5_000_000, [commissioning.ScenarioItem("p-youth")]))
    merge(o.county, [o.send(o.babergh)])
    county = projects.get_project(o.county, "p-youth")
    projects.save_project(o.county, replace(county, notes="Asked the PCC"), loaded=county)

    projects.delete_projects(o.babergh, ["p-youth"])  # (its scenario no longer ticks it: taken out at the county)
    merge(o.county, [o.send(o.babergh)])
    [conflict] = list_conflicts(o.county)
    assert conflict.kind == "removed-but-edited", conflict.detail
    assert [o.name for o in projects.get_project(o.county, "p-youth").officers] == ["Youth lead"]
    assert ticked(o.county) == [] and stale(o) == []
