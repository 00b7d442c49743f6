"""Spend keyed past the money before any month is complete, seen after that month (round 59). £1,000 received in
October 2025, spend keyed to 31/10/2025, £1,200 keyed in November: seen on 15/12/2025 the sentence said "it runs out in
Nov-25, whatever the burn rate turns out to be", in the present tense for a month over, while the command line called
it ran_out (and round 36 made the forecast with a burn rate say "ran out" for such a month). It now says the fund ran
out then; seen in November itself it still runs out, whatever the burn rate turns out to be."""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from tests.costs.test_fund_received_round30c import keyed_past_all_the_money

RAN_OUT = "The £1,200 keyed by Nov-25 is more than the £1,000 received by then: it ran out in Nov-25."


def test_a_month_over_is_when_it_ran_out(demo_store):
    f = funds.fund_figures(demo_store, keyed_past_all_the_money(demo_store, "£400"), today=date(2025, 12, 15))
    text = funds.forecast_sentence(f)
    assert RAN_OUT in text and "runs out in Nov-25" not in text, text
    assert dict(funds.fund_report_rows(f))["forecast_exhaustion_month_kind"] == "ran_out"


def all_at_once(store) -> str:
    """All the money received at the start, £1,200 keyed in November past all of it."""
    fund = funds.add_fund(store, name="All at once", starts_on="01/10/2025", ends_on="30/09/2026", risk_levels="high")
    funds.set_spend_keyed_to(store, fund, "31/10/2025")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£1,000",
                           received_on="01/10/2025")
    r = funds.add_referral(store, fund, reference="AO-001", district="Ipswich", referred_on="03/11/2025",
                           risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, r, spent_on="03/11/2025", item="Door chain", amount="£1,200")
    return fund


def test_past_all_the_money_in_a_month_over_ran_out_too(demo_store):
    text = funds.forecast_sentence(funds.fund_figures(demo_store, all_at_once(demo_store), today=date(2026, 1, 10)))
    assert "The £1,200 keyed by Nov-25 is more than the £1,000 in the fund: it ran out in Nov-25." in text, text


def test_in_the_month_itself_it_runs_out(demo_store):
    text = funds.forecast_sentence(funds.fund_figures(demo_store, all_at_once(demo_store), today=date(2025, 11, 20)))
    assert ("The £1,200 keyed by Nov-25 is more than the £1,000 in the fund: it runs out in Nov-25, whatever the burn "
            "rate turns out to be.") in text, text
