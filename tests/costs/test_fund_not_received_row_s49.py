"""`safer-desk fund` names the contributions not received yet (round 49): it printed contributions,20000 / spend,0 /
balance,0 for a fund whose £20,000 was due later, so the rows did not add up; the reason was only in the warnings."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.money import parse_pence
from safer_desk.services import funds
from tests.costs.test_fund_received_round30b import money_later_fund


@pytest.mark.parametrize(("today", "due"), [(date(2025, 8, 15), "5000"), (date(2025, 10, 1), "0")])
def test_the_rows_add_up_to_the_balance(demo_store, today, due):
    fund, _ = money_later_fund(demo_store)
    rows = dict(funds.fund_report_rows(funds.fund_figures(demo_store, fund, today=today)))
    assert rows["contributions_not_received"] == due
    pence = {k: parse_pence(rows[k]) for k in ("contributions", "contributions_not_received", "spend", "balance")}
    assert pence["contributions"] - pence["contributions_not_received"] - pence["spend"] == pence["balance"]


def test_the_new_row_comes_after_every_row_there_was(demo_store):
    fund, _ = money_later_fund(demo_store)
    names = [name for name, _ in funds.fund_report_rows(funds.fund_figures(demo_store, fund, today=date(2025, 8, 15)))]
    # spend_dated_after_today (session 69) after it, last
    assert names[-2:] == ["contributions_not_received", "spend_dated_after_today"]
    assert names.index("left_at_period_end_kind") == len(names) - 3
