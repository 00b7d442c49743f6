"""The same award, plan or allocation recorded by two offices is one thing at the county, not a conflict.

Two district offices that each record the PCC's award to the county (the same funder, name and amounts), the same
plan or the same allocation scenario, made the county merge report a conflict on each: "Funding award 'PCC grant
2019/20': created at 30/11/2026, updated at 30/11/2026 from Babergh; created at …, updated at … from Ipswich".
When each office typed it in is its own bookkeeping, as a project's times already were: only what the thing is
(its amounts, its lines, its rows) can disagree. The award's conflict, when there was one, was filed under "Pooled
funds", not with commissioning, which the awards serve. And a plan both typed doubled at the county.
"""

from __future__ import annotations

import pytest

from safer_desk.domain import clock
from safer_desk.services import allocation, budgets, funders, funds
from safer_desk.services.county import list_conflicts
from safer_desk.services.demo_data.allocation import suffolk_inputs, suffolk_options
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template


@pytest.fixture
def offices(tmp_path):
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield tmp_path, county, babergh, mid
    for store in (county, babergh, mid):
        store.close()


def record_at(monkeypatch, moment: str, fn) -> None:
    """``fn`` done at another time of day (each office types it in when it does)."""
    monkeypatch.setattr(clock, "now_iso", lambda: moment)
    fn()


def each_office_records(monkeypatch, babergh, mid, amounts=("£400,568", "£400,568")) -> None:
    for store, amount, moment in ((babergh, amounts[0], "2026-05-01T09:00:00+00:00"),
                                  (mid, amounts[1], "2026-06-12T15:30:00+00:00")):
        def typed(store=store, amount=amount):
            funders.save_award(store, funders.make_award(funder="OPCC", name="PCC grant 2019/20",
                                                         years={"2019/20": amount}))
            plan = budgets.create_plan(store, "Western Suffolk CSP financial implications",
                                       columns=["2019/20"])
            assert plan
            allocation.save_scenario(store, "Option 2", "2009/10", suffolk_inputs(), suffolk_options())
        record_at(monkeypatch, moment, typed)


def test_the_same_award_plan_and_allocation_from_two_offices_are_no_conflict(offices, monkeypatch):
    folder, county, babergh, mid = offices
    each_office_records(monkeypatch, babergh, mid)
    report = merge(county, [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")])
    assert report.refused == []
    assert [(c.table, c.detail) for c in list_conflicts(county)] == []
    assert [a.name for a in funders.list_awards(county)] == ["PCC grant 2019/20"]


def test_an_award_the_offices_disagree_on_is_a_conflict_about_its_amount_filed_with_commissioning(offices,
                                                                                                   monkeypatch):
    folder, county, babergh, mid = offices
    each_office_records(monkeypatch, babergh, mid, amounts=("£400,568", "£380,000"))
    merge(county, [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")])
    found = [c for c in list_conflicts(county) if c.table.startswith("funding_award")]
    assert len(found) == 1 and "£380,000" in found[0].detail and "created at" not in found[0].detail
    assert found[0].group_words == "Allocations and commissioning"


def type_plan(store, amounts: dict[str, str], *, stated: str | None = None) -> None:
    """The Western Suffolk financial implications table (seed 002 §6), as one office types it."""
    plan = budgets.create_plan(store, "Western Suffolk CSP financial implications", columns=["2019/20", "2020/21"])
    section = budgets.add_section(store, plan, "Community safety")
    for label, amount in amounts.items():
        line = budgets.add_line(store, section, label)
        budgets.set_cell(store, line, "2019/20", amount)
        budgets.set_cell(store, line, "2020/21", "TBC")
    if stated is not None:
        budgets.set_stated_total(store, plan, "2019/20", stated, section_id=section)


def plan_rows(store) -> dict[str, int]:
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in ("budget_sections", "budget_lines", "budget_cells")}


def test_a_plan_two_offices_typed_is_one_plan_and_a_cell_they_disagree_on_is_one_conflict(offices):
    """Before, the second office's sections and lines were added beside the first's: the county's plan held
    'Community safety' twice, and its 2019/20 total read £9,000, a figure neither office typed."""
    folder, county, babergh, mid = offices
    type_plan(babergh, {"Target hardening": "£4,000 (£2,000 per District)", "E-CINS": "£5,000"}, stated="£9,000")
    type_plan(mid, {"Target hardening": "£5,000", "E-CINS": "£5,000"}, stated="£10,000")
    merge(county, [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")])
    assert plan_rows(county) == {"budget_sections": 1, "budget_lines": 2, "budget_cells": 4}
    plan = "of plan 'Western Suffolk CSP financial implications'"
    assert sorted(c.detail for c in list_conflicts(county)) == [
        f"Plan cell 'Target hardening', 2019/20, {plan}: £4,000 (£2,000 per District) from Babergh office, "
        "£5,000 from Mid Suffolk office",
        f"Stated total of section 'Community safety', 2019/20, {plan}: £9,000 from Babergh office, £10,000 from "
        "Mid Suffolk office"]
    assert {c.group_words for c in list_conflicts(county)} == {"Budgets and plans"}


def test_the_same_plan_from_two_offices_merges_without_a_conflict(offices):
    folder, county, babergh, mid = offices
    for store in (babergh, mid):
        type_plan(store, {"Target hardening": "£4,000", "E-CINS": "£5,000"})
    merge(county, [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")])
    assert plan_rows(county) == {"budget_sections": 1, "budget_lines": 2, "budget_cells": 4}
    assert list_conflicts(county) == []


def plan_lines(store) -> list[tuple[str, str, str]]:
    """(section, line, 2019/20 as typed) of the county's plan."""
    return sorted(tuple(r) for r in store.conn.execute(
        "SELECT s.name, l.label, coalesce(c.text, '') FROM budget_lines l "
        "JOIN budget_sections s ON s.id = l.section_id LEFT JOIN budget_cells c ON c.line_id = l.id "
        "AND c.column_id = (SELECT id FROM budget_columns WHERE label = '2019/20') ORDER BY 1, 2"))


def test_a_plan_two_offices_typed_with_different_lines_is_one_conflict_not_their_lines_added_up(offices):
    """Mid Suffolk typed 'ECINS' where Babergh typed 'E-CINS': the county's plan held both lines, the £5,000 twice,
    and its 2019/20 total read £14,000, a figure neither office typed, with no conflict raised."""
    folder, county, babergh, mid = offices
    type_plan(babergh, {"Target hardening": "£4,000", "E-CINS": "£5,000"})
    type_plan(mid, {"Target hardening": "£4,000", "ECINS": "£5,000"})
    merge(county, [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")])
    assert [c.detail for c in list_conflicts(county)] == [
        "Plan 'Western Suffolk CSP financial implications': only in it “line E-CINS (Community safety)” from Babergh "
        "office, “line ECINS (Community safety)” from Mid Suffolk office. Keeping the county's version leaves Mid "
        "Suffolk office's line ECINS (Community safety) out of the county file; keeping Mid Suffolk office's version "
        "takes line E-CINS (Community safety) out of it. If they are two plans, not one paper typed twice, ask Mid "
        "Suffolk office to rename its plan (Budgets tab, Rename…) and send a new export: it then comes in as a plan of "
        "its own"]
    assert list_conflicts(county)[0].group_words == "Budgets and plans"
    assert plan_lines(county) == [("Community safety", "E-CINS", "£5,000"),
                                  ("Community safety", "Target hardening", "£4,000")]


@pytest.mark.parametrize("choice", ["district", "county"])
def test_the_plan_kept_is_the_whole_plan_and_stands_at_the_next_merge(offices, choice):
    from safer_desk.services.county import resolve_conflicts

    folder, county, babergh, mid = offices
    type_plan(babergh, {"Target hardening": "£4,000", "E-CINS": "£5,000"}, stated="£9,000")
    type_plan(mid, {"Target hardening": "£4,500", "ECINS": "£5,000", "Coordinator": "£10,000"}, stated="£19,500")
    paths = [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")]
    merge(county, paths)
    [conflict] = list_conflicts(county)
    resolve_conflicts(county, choice, which=conflict.id)
    kept = ([("Community safety", "Coordinator", "£10,000"), ("Community safety", "ECINS", "£5,000"),
             ("Community safety", "Target hardening", "£4,500")] if choice == "district" else
            [("Community safety", "E-CINS", "£5,000"), ("Community safety", "Target hardening", "£4,000")])
    assert plan_lines(county) == kept
    stated = county.scalar("SELECT text FROM budget_stated_totals")
    assert stated == ("£19,500" if choice == "district" else "£9,000")
    merge(county, paths)
    assert list_conflicts(county) == [] and plan_lines(county) == kept
    assert county.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_keeping_the_offices_plan_is_undone_exactly(offices):
    from safer_desk.services.county import ConflictsPresenter

    folder, county, babergh, mid = offices
    type_plan(babergh, {"Target hardening": "£4,000", "E-CINS": "£5,000"})
    type_plan(mid, {"Target hardening": "£4,000", "ECINS": "£5,000"})
    merge(county, [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")])
    tables = ("budget_plans", "budget_columns", "budget_sections", "budget_lines", "budget_cells",
              "budget_stated_totals", "_county_origins")

    def everything():
        return {t: sorted(map(tuple, county.conn.execute(f"SELECT * FROM {t}"))) for t in tables}

    presenter = ConflictsPresenter(county)
    [conflict] = presenter.conflicts
    plan = presenter.plan("district", conflict=conflict)
    before, rows_before = presenter.rows(plan), everything()
    presenter.keep("district", conflict=conflict)
    assert ("Community safety", "ECINS", "£5,000") in plan_lines(county)
    presenter.put_back(before)
    assert everything() == rows_before


def test_an_award_two_offices_typed_with_different_years_is_one_conflict_not_their_years_added_up(offices):
    """Babergh typed the PCC's award for two years, Mid Suffolk for the one: the county's award took both offices'
    years, so an office that typed the wrong year made the award twice as large, with no conflict raised."""
    from safer_desk.services.county import resolve_conflicts

    folder, county, babergh, mid = offices
    for store, years in ((babergh, {"2019/20": "£400,568", "2020/21": "£400,568"}),
                         (mid, {"2019/20": "£400,568", "2021/22": "£400,568"})):
        funders.save_award(store, funders.make_award(funder="OPCC", name="PCC grant", years=years))
    paths = [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")]
    merge(county, paths)
    [conflict] = list_conflicts(county)
    assert conflict.detail == (
        "Funding award 'PCC grant': last year 2020/21, years only in it “2020/21” from Babergh office; "
        "last year 2021/22, years only in it “2021/22” from Mid Suffolk office")
    assert conflict.group_words == "Allocations and commissioning"
    [award] = funders.list_awards(county)
    assert sorted(award.years) == ["2019/20", "2020/21"]
    resolve_conflicts(county, "district", which=conflict.id)
    [award] = funders.list_awards(county)
    assert sorted(award.years) == ["2019/20", "2021/22"]
    merge(county, paths)
    assert list_conflicts(county) == []


def test_an_allocation_two_offices_saved_with_different_partnerships_is_one_conflict_not_their_rows_added_up(
        offices):
    """Mid Suffolk called the Western CSP 'Western Suffolk CSP': the county's 'Option 2' took both offices' rows, the
    Western share twice, and its rows no longer added up to its total."""
    from safer_desk.services.county import resolve_conflicts
    from safer_desk.services.demo_data.allocation import PartnershipInput

    folder, county, babergh, mid = offices
    renamed = [PartnershipInput("Western Suffolk CSP" if p.name == "Western CSP" else p.name, p.fixed_units, p.values,
                                p.previous_pence) for p in suffolk_inputs()]
    for store, inputs in ((babergh, suffolk_inputs()), (mid, renamed)):
        allocation.save_scenario(store, "Option 2", "2009/10", inputs, suffolk_options())
    paths = [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")]
    merge(county, paths)
    [conflict] = list_conflicts(county)
    assert conflict.detail.endswith(": only in it “partnership Western CSP” from Babergh office, “partnership "
                                    "Western Suffolk CSP” from Mid Suffolk office")
    rows = "SELECT partnership FROM allocation_scenario_rows ORDER BY partnership"
    others = ["Babergh CSP", "Ipswich CSP", "Suffolk Coastal CSP", "Waveney CSP"]
    assert [r[0] for r in county.rows(rows)] == others + ["Western CSP"]
    resolve_conflicts(county, "district", which=conflict.id)
    assert [r[0] for r in county.rows(rows)] == others + ["Western Suffolk CSP"]
    merge(county, paths)
    assert list_conflicts(county) == []


def test_a_yes_no_column_the_offices_disagree_on_is_said_in_words_not_as_0_or_1(offices):
    """"Allocation scenario 'Option 2', Oct 2009: adopted 1 from Babergh office, 0 from Mid Suffolk office" and
    "Fund 'Sanctuary fund': require marac 1 …": the column's name and 0/1 (and the year 2009/10 read as a month)."""
    folder, county, babergh, mid = offices
    for store, agreed, marac, idva in ((babergh, True, "yes", "no"), (mid, False, "no", "yes")):
        allocation.set_adopted(store, allocation.save_scenario(store, "Option 2", "2009/10", suffolk_inputs(),
                                                               suffolk_options()), agreed)
        funds.add_fund(store, name="Sanctuary fund", starts_on="01/04/2025", ends_on="31/03/2026",
                       require_marac=marac, require_idva=idva)
    merge(county, [export(babergh, folder / "b.sqlite"), export(mid, folder / "m.sqlite")])
    assert sorted(c.detail for c in list_conflicts(county)) == [
        "Allocation scenario 'Option 2', 2009/10: agreed yes from Babergh office, no from Mid Suffolk office",
        "Fund 'Sanctuary fund': must be at MARAC yes, must have an IDVA no from Babergh office; must be at MARAC no, "
        "must have an IDVA yes from Mid Suffolk office"]
