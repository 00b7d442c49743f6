"""Pooled funds, round 30.

1. A shortage that money already received has ended is over.

£2,000 received in April 2025 and £1,000 spent in each of April, May and June: the fund was £1,000 short in June.
Ipswich paid its £5,000 top-up on 15/07/2025 and nothing was spent in July. On 15/08/2025 the page read
"Runs out: ⚠ Before the end: Jun 2025" and "£… would be missing" beside a balance of £4,000, and said the fund "is
short of money" until money that had come a month before: the shortage was judged over only once spend was keyed
in a month after the top-up, not once the money was in.
2. Spend keyed past the fund before any month of it is complete: "Runs out: —" and "no forecast" beside a negative
   balance; the money is gone, so the fund runs out in the month the keyed spend passes it."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.services import funds


def topped_up_fund(store, *, top_up_on: str) -> str:
    fund = funds.add_fund(store, name="Top-up fund", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£2,000",
                           received_on="01/04/2025")
    funds.add_contribution(store, fund, organisation="Ipswich Borough Council", amount="£5,000",
                           received_on=top_up_on, note="top-up")
    for n, month in enumerate((4, 5, 6)):
        r = funds.add_referral(store, fund, reference=f"TU-{n:03d}", district="Ipswich",
                               referred_on=f"02/{month:02d}/2025", risk_level="high", at_marac="yes",
                               idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, r, spent_on=f"03/{month:02d}/2025", item="Door chain", amount="£1,000")
    return fund


def test_a_top_up_already_received_ends_the_shortage_before_it(demo_store):
    fund = topped_up_fund(demo_store, top_up_on="15/07/2025")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 8, 15))
    assert f.forecast.as_at == Month(2025, 6) and f.balance_pence == 400_000
    # £7,000 received; £3,000 spent by June, then £1,000 a month: £7,000 by October, £8,000 by November
    assert f.forecast.exhaustion_month == Month(2025, 11)
    assert f.forecast.last_funded_month == Month(2025, 10)
    assert {r.exhaustion_month for r in f.ranges.forecasts} == {Month(2025, 11)}
    text = funds.forecast_sentence(f)
    assert "covers spending to Oct-25 and runs out in Nov-25" in text
    assert "was short of money from Jun-25, until £5,000 received in Jul-25" in text
    assert "is short" not in text
    assert dict(funds.fund_report_rows(f))["forecast_exhaustion_month"] == "2025-11"


def test_a_top_up_still_to_come_leaves_the_fund_short(demo_store):
    """Due later this month (20/08/2025, today 15/08/2025): not received, so June's shortage is not over."""
    fund = topped_up_fund(demo_store, top_up_on="20/08/2025")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 8, 15))
    assert f.forecast.exhaustion_month == Month(2025, 6)
    assert "the fund is short of money from Jun-25 to Jul-25, until £5,000 received in Aug-25" in \
        funds.forecast_sentence(f)


# -- spend past the fund before any month of it is complete -----------------------------------------------------------

def new_fund_overspent(store) -> str:
    """A fund from 01/10/2025 with £1,000 in it; £1,500 keyed on 10/11/2025, the month not over yet."""
    fund = funds.add_fund(store, name="New fund", starts_on="01/10/2025", ends_on="30/09/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£1,000",
                           received_on="01/10/2025")
    referral = funds.add_referral(store, fund, reference="NF-001", district="Ipswich", referred_on="02/11/2025",
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="10/11/2025", item="Door chain", amount="£1,500")
    return fund


def test_spend_keyed_past_the_fund_before_a_complete_month_is_a_run_out(demo_store):
    """With no complete month there is no burn rate; but £1,500 keyed against £1,000 is money gone. The page read
    "Runs out: —" and "No complete month of spend yet, so no forecast" beside a balance of -£500 (a month not
    complete whose spend is more than the burn rate is counted as money gone: this one had no burn rate to pass)."""
    fund = new_fund_overspent(demo_store)
    f = funds.fund_figures(demo_store, fund, today=date(2025, 11, 20))
    assert f.forecast.as_at is None and f.balance_pence == -50_000
    assert f.forecast.exhaustion_month == Month(2025, 11)
    assert f.forecast.last_funded_month == Month(2025, 10)
    text = funds.forecast_sentence(f)
    assert "runs out in Nov-25" in text and "no forecast" not in text
    rows = dict(funds.fund_report_rows(f))
    assert rows["forecast_exhaustion_month"] == "2025-11" and rows["monthly_burn_rate"] == ""
    assert rows["left_at_period_end"] == ""  # no burn rate, so no forecast of the end


def test_the_page_says_it_runs_out(demo_store, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    fund = new_fund_overspent(demo_store)
    figures = funds.fund_figures(demo_store, fund, today=date(2025, 11, 20))
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(figures)
    assert chart.summary == ("No complete month of spend yet: £1,500 spent so far, in months not complete; it runs "
                             "out in Nov 2025.")


def test_spend_keyed_within_the_fund_before_a_complete_month_is_still_no_forecast(demo_store):
    fund = new_fund_overspent(demo_store)
    funds.add_contribution(demo_store, fund, organisation="Ipswich Borough Council", amount="£1,000",
                           received_on="01/10/2025")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 11, 20))
    assert f.forecast.exhaustion_month is None
    assert funds.forecast_sentence(f).startswith("No complete month of spend yet, so no forecast.")
