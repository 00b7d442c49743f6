"""A review or pooled fund the office deleted while a plan the county holds in conflict links to it (round 39, cm2).

Babergh office's plan had a line linked to its review (its cost beside the plan) and one to its pooled fund. The
county lead noted something on the plan; the office then deleted the review and the fund (their links went with them
at the office) and changed the plan. Its next file raised a conflict about the plan, which keeps the county's plan as
it is made, links included, until the lead decides; yet the review and the fund went from the county, and the links
with them: the county's plan was neither side's, and the conflict named links the county no longer held. Projects
and awards were held back already (``named_by_parts``); a review and a fund stay the same way, with everything of
theirs, and go with the office's next file once the county's plan no longer links to them.
"""

from __future__ import annotations

import pytest

from safer_desk.services import budgets, dhr, funds
from safer_desk.services.county import list_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_award_conflict_stale_round38 import stale


def _links(store, plan: str) -> list[tuple]:
    return sorted((tuple(r) for r in store.rows(
        "SELECT k.case_id, k.fund_id FROM budget_line_links k JOIN budget_lines l ON l.id = k.line_id "
        "JOIN budget_sections s ON s.id = l.section_id WHERE s.plan_id = ?", (plan,))), key=repr)


@pytest.mark.parametrize("what", ["review", "fund"])
def test_a_plan_held_by_a_conflict_keeps_the_review_or_fund_its_office_deleted(offices, what):
    o = offices
    case = dhr.add_case(o.babergh, reference="BABERGH-DHR-2025-09", district="Babergh",
                        partnership="Western Suffolk CSP", notified_on="2025-06-02")
    dhr.add_cost_line(o.babergh, case, category="Independent chair/author", amount="1000")
    fund = funds.add_fund(o.babergh, name="Babergh target hardening", starts_on="01/04/2025", ends_on="31/03/2026",
                          risk_levels="high")
    funds.add_contribution(o.babergh, fund, organisation="Suffolk County Council", amount="£2,000",
                           received_on="01/04/2025")
    plan = budgets.create_plan(o.babergh, "Babergh CSP plan", columns=["2025/26"])
    section = budgets.add_section(o.babergh, plan, "Spend")
    review_line, fund_line = budgets.add_lines(o.babergh, section, ["Reviews", "Target hardening"])
    budgets.link_line(o.babergh, review_line, review="BABERGH-DHR-2025-09")
    budgets.link_line(o.babergh, fund_line, fund="Babergh target hardening")
    merge(o.county, [o.send(o.babergh)])
    budgets.update_plan(o.county, plan, notes="Checked with the PCC")
    held = _links(o.county, plan)

    if what == "review":
        dhr.delete_case(o.babergh, case)
    else:
        # gone from the office's file with its money and link (More > Delete fund refuses that since session 60: a
        # file of an earlier version, or its rows deleted otherwise)
        with o.babergh.transaction():
            o.babergh.conn.execute("DELETE FROM funds WHERE id = ?", (fund,))
    budgets.update_plan(o.babergh, plan, notes="Agreed at the board")
    report = merge(o.county, [o.send(o.babergh)])

    [conflict] = list_conflicts(o.county)
    assert conflict.table == "budget_plans", conflict.detail
    assert _links(o.county, plan) == held, conflict.detail  # the county's plan, as the conflict says it is
    assert stale(o) == [], conflict.detail
    named = "review" if what == "review" else "pooled fund"
    assert f"Kept at the county for now: 1 {named}" in report.text(), report.text()
    if what == "review":
        assert o.county.scalar("SELECT count(*) FROM dhr_cost_lines WHERE case_id = ?", (case,)) == 1
    else:
        assert o.county.scalar("SELECT count(*) FROM fund_contributions WHERE fund_id = ?", (fund,)) == 1

    resolve_conflicts(o.county, "district", which=conflict.id)  # the office's plan: its link goes with it
    merge(o.county, [o.send(o.babergh)])  # and the review (or fund) with the office's next file
    assert list_conflicts(o.county) == []
    gone = ("SELECT count(*) FROM dhr_cases WHERE id = ?", case) if what == "review" else \
        ("SELECT count(*) FROM funds WHERE id = ?", fund)
    assert o.county.scalar(gone[0], (gone[1],)) == 0
