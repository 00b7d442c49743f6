"""Session 71: seed 002's target-hardening line counts Babergh's and Mid Suffolk's contributions to the pooled fund
(£4,000 in 2018/19). Linked to the same fund's spend as well, its actual read £6,417: the £4,000 that came in and the
£2,417 spent in April–June 2018 added together, a figure of neither. A line counts what came into a fund or what went
out of it, so the second is refused, saying to put them on lines of their own (an income line for the money in)."""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import BudgetError
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services.demo_data import budgets as demo

LINE = "Target Hardening for High Risk DV Victims"


def _line(store):
    plan = svc.plan_id_by_name(store, demo.IMPLICATIONS)
    return plan, next(r for r in svc.plan_view(store, plan).rows if r.label == LINE)


def test_a_funds_spend_beside_its_contributions_on_one_line_is_refused(demo_store):
    plan, row = _line(demo_store)
    fund = row.links[0].target_id
    with pytest.raises(BudgetError, match="already counts contributions into Fund Suffolk Target Hardening Pilot: its "
                                          "spend as well would add the money that went out to the money that came "
                                          "in"):
        svc.link_line(demo_store, row.line_id, fund=fund, measure="spend")
    assert [a.pence for a in _line(demo_store)[1].actuals] == [None, 4_000_00, None]


def test_and_the_other_way_round_in_the_tab(demo_store):
    plan, row = _line(demo_store)
    fund = row.links[0].target_id
    for link in row.links:
        svc.unlink_line(demo_store, link.id)
    svc.link_line(demo_store, row.line_id, fund=fund, measure="spend")
    p = BudgetsPresenter(demo_store, perform=ActionLog())
    p.reload()
    p.select(plan)
    assert not p.link_line(row.line_id, "fund", fund, "contributions")
    assert "already counts the spend of Fund Suffolk Target Hardening Pilot" in p.error
    (shown,) = [r for r in p.rows if r.line_id == row.line_id]
    assert [link.measure for link in shown.links] == ["spend"]
