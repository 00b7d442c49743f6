"""The export workbook's Scenarios sheet counts a scenario as the window and the board report count it: against a
funder's award, each project's share from that funder for the award's year (seed 003: the PCC's £400,568 for
2017/18 against £110,000 + £25,000 + £98,500 = £233,500, £167,068 left), and a cost range at the end the scenario
chose. It counted each project's whole cost and a range's upper end: "committed £2,576,753; OVER-COMMITTED by
£2,176,185", where the window said £167,068 remaining."""

from __future__ import annotations

import pytest

from safer_desk.services.county_workbook import EVERY_ROW, scenarios_sheet
from safer_desk.services.funders import list_awards
from safer_desk.services.projects import load_projects
from safer_desk.services.projects_commissioning import Scenario, ScenarioItem, evaluate_saved, save_scenario


@pytest.fixture
def scenarios(demo_store):
    by_ref = {p.ref: p.id for p in load_projects(demo_store)}
    pcc = next(a for a in list_awards(demo_store) if a.name.startswith("PCC grant to Safer Plymouth"))
    against = save_scenario(demo_store, Scenario(
        "plymouth-pcc", "Plymouth against the PCC award", 0, items=tuple(ScenarioItem(by_ref[r]) for r in
                                                                           ("P1", "P2", "P3")),
        award_id=pcc.id, award_year="2017/18"))
    lower = save_scenario(demo_store, Scenario("lower", "Sexual exploitation, lower end", 60_000_00,
                                               items=(ScenarioItem(by_ref["13"]),), range_end="lower"))
    return demo_store, against, lower


def _block(sheet, name):
    return next(b for b in sheet.blocks if b.title.startswith(name))


def _committed(sheet, block) -> list:
    at = [c.title for c in sheet.columns].index("Committed (£)")
    return [row[at] for row in block.rows]


def test_a_scenario_against_an_award_counts_the_funders_shares_as_the_window_does(scenarios):
    store, against, _ = scenarios
    sheet = scenarios_sheet(store, EVERY_ROW)
    block = _block(sheet, against.name)
    said = evaluate_saved(store, against)
    assert "committed £233,500 of OPCC's money; remaining £167,068" in said.summary()
    assert block.note.startswith(said.summary() + ".")
    assert "OVER-COMMITTED" not in block.note
    committed = _committed(sheet, block)
    assert sum(committed) == 233_500_00
    assert "PCC grant to Safer Plymouth 2017-19" in block.title and "£400,568" in block.title


def test_a_range_counted_at_its_lower_end_is_counted_there(scenarios):
    store, _, lower = scenarios
    sheet = scenarios_sheet(store, EVERY_ROW)
    block = _block(sheet, lower.name)
    assert _committed(sheet, block) == [54_372_00]
    assert block.note.startswith(evaluate_saved(store, lower).summary() + ".")
    assert "remaining £5,628" in block.note
