"""Round s61 (funds): a contribution with no *Received* date is money the fund holds from its first month (Costs,
`safer-desk fund`, the board report all count it so); a budget line linked to the fund's contributions from that
partner showed no actual for it in any year, and said nothing: Babergh's £2,000, keyed without its date, was gone
from the Western Suffolk plan's target-hardening line for 2018/19 (£2,000 of the £4,000 shown). It now counts in the
year of the fund's first month, as a project's cost line without a year counts in its start date's year.
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


def _target_hardening_actual(store) -> list[str]:
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    p.select(next(x.id for x in p.plans if x.name.startswith("Western Suffolk")))
    row = next(r for r in p.rows if r.kind == "line" and r.label.startswith("Target Hardening"))
    return [c.actual for c in row.cells]


def test_an_undated_contribution_counts_in_the_fund_s_first_year(demo_store):
    before = _target_hardening_actual(demo_store)
    assert "£4,000" in before  # Babergh's £2,000 and Mid Suffolk's, received 01/04/2018: 2018/19
    fund = funds.fund_by_name(demo_store, PILOT)
    babergh = next(c for c in funds.contributions(demo_store, fund.id)
                   if c["organisation"] == "Babergh District Council")
    funds.update_contribution(demo_store, babergh["id"], organisation=babergh["organisation"], amount="2000",
                              received_on="")  # keyed without its date: the fund counts it from April 2018
    assert funds.fund_figures(demo_store, fund.id).contributions_pence == 2_000_000
    assert _target_hardening_actual(demo_store) == before
