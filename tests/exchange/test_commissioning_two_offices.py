"""Two offices' commissioning scenarios of one name, at the county: compared as a whole, choices and all.

Before, Babergh's "Option A" (ticking its youth work) and Mid Suffolk's "Option A" (ticking its night safe) joined
in one scenario at the county, which then ticked both offices' projects against a fund neither office chose them
for. The only conflict raised was about when each was typed in ("created at 01/05/2026 … from Babergh office"),
which said nothing of what had happened. And the same scenario from both offices was a conflict about its times.

Now a scenario's choices are part of what it is: the same scenario from two offices is one thing; a scenario
they disagree on (its fund or its choices) is one conflict that says which projects each ticks, and the county's
scenario keeps its own choices until the county lead decides. Keeping the office's version makes the county's
scenario the office's, choices and all, and the decision stands when the files are merged again.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from safer_desk.services import county as county_service
from safer_desk.services import projects_commissioning as commissioning
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.test_same_thing_two_offices import record_at

BABERGH_TIME, MID_TIME = "2026-05-01T09:00:00+00:00", "2026-06-12T15:30:00+00:00"


@pytest.fixture
def offices(tmp_path):
    base = template(tmp_path, police=False)
    store = open_store(base)  # a project every office's file starts with (a county-wide service both may fund)
    add_projects(store, [Project(id="shared-dv-service", title="County DV outreach", areas=("Countywide",))])
    store.close()
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    for store, title in ((babergh, "Babergh youth work"), (mid, "Mid Suffolk night safe")):
        add_projects(store, [Project(id=title, title=title, areas=("Countywide",))])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield tmp_path, county, babergh, mid
    for store in (county, babergh, mid):
        store.close()


def save_option_a(monkeypatch, store, moment: str, ticked: list[str], fund_pence: int = 5_000_000,
                  scale=commissioning.Scale()) -> None:
    items = [commissioning.ScenarioItem(p, scale) for p in ticked]
    record_at(monkeypatch, moment, lambda: commissioning.save_scenario(
        store, commissioning.new_scenario("Option A", fund_pence, items)))


def both_save_option_a(monkeypatch, offices, babergh_ticks: list[str], mid_ticks: list[str], *,
                       mid_time: str = MID_TIME, **mid_changes) -> None:
    """Each office saves its 'Option A' (Mid Suffolk's with mid_changes), then both files are merged."""
    folder, county, babergh, mid = offices
    save_option_a(monkeypatch, babergh, BABERGH_TIME, babergh_ticks)
    save_option_a(monkeypatch, mid, mid_time, mid_ticks, **mid_changes)
    merge_both(folder, county, babergh, mid)


def resave_option_a(store, **changes) -> None:
    """The office saves its 'Option A' again, changed."""
    scenario = next(s for s in commissioning.list_scenarios(store) if s.name == "Option A")
    commissioning.save_scenario(store, replace(scenario, **changes))


def merge_both(folder, county, babergh, mid):
    return merge(county, [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")])


def ticked(store, name: str = "Option A") -> list[str]:
    scenario = next(s for s in commissioning.list_scenarios(store) if s.name == name)
    return sorted(item.project_id for item in scenario.items)


def scenario_rows(store) -> list[tuple]:
    """Every choice and its origin, exactly."""
    return [tuple(r) for r in store.conn.execute(
        "SELECT i.*, o.import_number, o.row_hash, o.shared FROM scenario_items i LEFT JOIN _county_origins o "
        "ON o.table_name = 'scenario_items' AND o.row_key = i.id ORDER BY i.id")]


def test_the_same_scenario_from_two_offices_is_one_scenario_and_no_conflict(offices, monkeypatch):
    folder, county, babergh, mid = offices
    both_save_option_a(monkeypatch, offices, ["shared-dv-service"], ["shared-dv-service"])
    assert list_conflicts(county) == []
    assert ticked(county) == ["shared-dv-service"]


def test_scenarios_of_one_name_ticking_each_offices_own_projects_are_one_conflict_in_words(offices, monkeypatch):
    folder, county, babergh, mid = offices
    both_save_option_a(monkeypatch, offices, ["Babergh youth work"], ["Mid Suffolk night safe"])
    found = list_conflicts(county)
    assert [c.detail for c in found] == [
        "Commissioning scenario 'Option A': projects ticked “Babergh youth work” from Babergh office, "
        "“Mid Suffolk night safe” from Mid Suffolk office"]
    assert found[0].group_words == "Allocations and commissioning"
    # the county's scenario is left as it was until the county lead decides: Babergh's choices only
    assert ticked(county) == ["Babergh youth work"]
    # the other office's project itself is in the county file (it is that office's register)
    assert county.scalar("SELECT title FROM projects WHERE id = 'Mid Suffolk night safe'") == "Mid Suffolk night safe"


def test_a_fund_and_a_scaling_they_disagree_on_are_said_with_the_choices(offices, monkeypatch):
    folder, county, babergh, mid = offices
    both_save_option_a(monkeypatch, offices, ["shared-dv-service"], ["shared-dv-service"], fund_pence=6_000_000,
                       scale=commissioning.Scale(1, 3))
    [conflict] = list_conflicts(county)
    assert conflict.detail == (
        "Commissioning scenario 'Option A': fund £50,000, projects ticked “County DV outreach” from Babergh office; "
        "fund £60,000, projects ticked “County DV outreach (scaled 1/3)” from Mid Suffolk office")


@pytest.mark.parametrize("choice", ["district", "county"])
@pytest.mark.parametrize("mid_time", [MID_TIME, BABERGH_TIME], ids=["typed apart", "typed in the same second"])
def test_the_county_leads_decision_sets_the_choices_and_stands_at_the_next_merge(offices, monkeypatch, choice,
                                                                                 mid_time):
    """Typed in the same second, the two scenarios' own rows are alike to the byte once the office's is kept: found
    using it, where merging Babergh's file again then ticked its project in the county's scenario once more."""
    folder, county, babergh, mid = offices
    both_save_option_a(monkeypatch, offices, ["Babergh youth work", "shared-dv-service"],
                       ["Mid Suffolk night safe", "shared-dv-service"], mid_time=mid_time)
    [conflict] = list_conflicts(county)
    resolve_conflicts(county, choice, which=conflict.id)
    kept = (["Mid Suffolk night safe", "shared-dv-service"] if choice == "district"
            else ["Babergh youth work", "shared-dv-service"])
    assert ticked(county) == kept
    assert list_conflicts(county) == []
    merge_both(folder, county, babergh, mid)  # the same two files again: the decision stands
    assert list_conflicts(county) == []
    assert ticked(county) == kept
    assert county_service.county_checksum(county)  # the file reads whole (every link to a project holds)
    assert county.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_keeping_the_offices_choices_is_undone_exactly(offices, monkeypatch):
    folder, county, babergh, mid = offices
    both_save_option_a(monkeypatch, offices, ["Babergh youth work"], ["Mid Suffolk night safe"])
    presenter = county_service.ConflictsPresenter(county)
    [conflict] = presenter.conflicts
    plan = presenter.plan("district", conflict=conflict)
    before = presenter.rows(plan)
    items_before = scenario_rows(county)
    presenter.keep("district", conflict=conflict)
    assert ticked(county) == ["Mid Suffolk night safe"]
    presenter.put_back(before)
    assert scenario_rows(county) == items_before
    assert [c.id for c in list_conflicts(county)] == [conflict.id]


def test_an_office_changing_its_choices_later_is_asked_about_again(offices, monkeypatch):
    folder, county, babergh, mid = offices
    both_save_option_a(monkeypatch, offices, ["shared-dv-service"], ["shared-dv-service"])
    assert list_conflicts(county) == []
    resave_option_a(mid, items=(commissioning.ScenarioItem("shared-dv-service"),
                                commissioning.ScenarioItem("Mid Suffolk night safe")))
    merge(county, [export(mid, folder / "m2.sqlite")])
    [conflict] = list_conflicts(county)
    assert "“County DV outreach; Mid Suffolk night safe” from Mid Suffolk office" in conflict.detail
    assert ticked(county) == ["shared-dv-service"]


def test_renamed_in_its_office_the_second_scenario_comes_in_beside_the_first(offices, monkeypatch):
    """What the exchange guide tells an office whose scenario is its own: rename it and export again."""
    folder, county, babergh, mid = offices
    both_save_option_a(monkeypatch, offices, ["Babergh youth work"], ["Mid Suffolk night safe"])
    assert len(list_conflicts(county)) == 1
    resave_option_a(mid, name="Option A (Mid Suffolk)")
    merge(county, [export(mid, folder / "m2.sqlite")])
    assert list_conflicts(county) == []
    assert ticked(county) == ["Babergh youth work"]
    assert ticked(county, "Option A (Mid Suffolk)") == ["Mid Suffolk night safe"]


def test_the_merge_order_keeps_every_table_after_what_it_links_to_and_scenarios_after_projects(offices):
    from safer_desk.exchange.county_merge import wholes_before_parts
    from safer_desk.exchange.county_schema import data_tables, dependency_order, table_info

    county = offices[1]
    infos = {t: table_info(county.conn, t) for t in data_tables(county.conn)}
    order = wholes_before_parts(dependency_order(county.conn, list(infos), infos), infos)
    assert sorted(order) == sorted(infos)
    for t in order:
        assert all(order.index(fk.table) < order.index(t) for fk in infos[t].foreign_keys if fk.table != t), t
    assert order.index("projects") < order.index("commissioning_scenarios") < order.index("scenario_items")


def test_a_scenario_kept_once_what_it_is_against_has_come_brings_its_choices(tmp_path, monkeypatch):
    """A scenario whose award was not in the county file was held back ("not merged, because …"); keeping the office's
    version once the award had come in (from the other office) brought the scenario without the projects it ticks."""
    from safer_desk.services import funders
    from tests.exchange.helpers import resign_export

    base = template(tmp_path, police=False)
    store = open_store(base)
    funders.save_award(store, funders.make_award(funder="OPCC", name="PCC grant", years={"2019/20": "£400,568"}))
    add_projects(store, [Project(id="shared-dv-service", title="County DV outreach", areas=("Countywide",))])
    award_id = funders.list_awards(store)[0].id
    store.close()
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        commissioning.save_scenario(babergh, commissioning.new_scenario(
            "Option A", 5_000_000, [commissioning.ScenarioItem("shared-dv-service")], award_id=award_id,
            award_year="2019/20"))
        sent = resign_export(export(babergh, tmp_path / "b.sqlite"), edit=lambda conn: conn.executescript(
            "DELETE FROM funding_award_years; DELETE FROM funding_awards;"))
        merge(county, [sent])
        [held] = [c for c in list_conflicts(county) if c.table == "commissioning_scenarios"]
        assert held.kind == "missing-parent"
        merge(county, [export(mid, tmp_path / "m.sqlite")])  # the award comes in from Mid Suffolk
        presenter = county_service.ConflictsPresenter(county)
        held = next(c for c in presenter.conflicts if c.id == held.id)
        origins = "SELECT count(*) FROM _county_origins WHERE table_name = 'scenario_items'"
        before, rows_before = presenter.rows(presenter.plan("district", conflict=held)), scenario_rows(county)
        presenter.keep("district", conflict=held)
        assert ticked(county) == ["shared-dv-service"] and county.scalar(origins) == 1
        presenter.put_back(before)  # Edit > Undo of the decision takes the choices out with the scenario
        assert scenario_rows(county) == rows_before == [] and county.scalar(origins) == 0
    finally:
        for store in (county, babergh, mid):
            store.close()
