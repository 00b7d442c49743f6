"""Pooled funds, round 28.

1. The forecast over 3-, 6- and 12-month windows is there so that one window's luck shows. A window on which the
   money does not run out (spending stopped: £0 a month over the last three months keyed) was left out of the range
   without a word: "runs out between Jun-26 and Feb-27" read as if every window ran out, and with the 3-month window
   chosen (the fund lasts) the 6- and 12-month run-outs were not said at all.
2. The spend line's question about money not received by its month said a contribution dated later this month
   "was received" (the page beside it: "not in the balance until it is received"), and ran three contributions
   still to come together with "and … and …".
3. A fund's first month (not complete yet) with £1,500 spent: the chart's one-sentence summary, which screen readers
   read, said "No spend recorded yet." beside "Spent: £1,500"."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.funds import forecast_range
from safer_desk.domain.periods import Month
from safer_desk.services import funds


def stopped_fund(store) -> str:
    """£20,000 from April 2024; £1,000 spent a month from April to December 2024, then nothing to March 2025, which is
    when spend is keyed to."""
    fund = funds.add_fund(store, name="Stopped fund", starts_on="01/04/2024", ends_on="31/03/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£20,000",
                           received_on="01/04/2024")
    referral = funds.add_referral(store, fund, reference="SF-001", district="Ipswich", referred_on="02/04/2024",
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    for k in range(9):
        funds.add_spend_line(store, referral, spent_on=Month(2024, 4).plus(k).first_day.isoformat(),
                             item="Door chain", amount="£1,000")
    funds.update_fund(store, fund, spend_keyed_to="31/03/2025")
    return fund


def test_a_window_on_which_the_fund_lasts_is_said_in_the_range(demo_store):
    fund = stopped_fund(demo_store)
    f = funds.fund_figures(demo_store, fund, today=date(2025, 4, 15), window=12)
    assert [r.exhaustion_month for r in f.ranges.forecasts] == [None, Month(2027, 2), Month(2026, 6)]
    text = funds.forecast_sentence(f)
    assert "runs out between Jun-26 and Feb-27: Feb-27 on 6 months; Jun-26 on 12 months" in text
    assert "on 3 months (£0 a month) it does not run out" in text


def test_the_range_is_said_when_the_chosen_window_lasts(demo_store):
    fund = stopped_fund(demo_store)
    f = funds.fund_figures(demo_store, fund, today=date(2025, 4, 15), window=3)
    text = funds.forecast_sentence(f)
    assert "the fund does not run out: it lasts past March 2076" in text
    assert "Feb-27 on 6 months; Jun-26 on 12 months; on 3 months (£0 a month) it does not run out" in text


def test_one_run_out_month_on_some_windows_is_not_said_to_be_on_each():
    """Six months of a fund: £1,000 a month for three, then none. On 6 and 12 months (only 6 of spend) the same month;
    on 3 months the money lasts: not "runs out in … on each window"."""
    spend = {Month(2024, 4): 100_000, Month(2024, 5): 100_000, Month(2024, 6): 100_000}
    ranges = forecast_range(2_000_000, spend, start=Month(2024, 4), end=Month(2026, 3), complete_to=Month(2024, 9))
    assert ranges.describe() == ("runs out in Aug-27: Aug-27 on 6 months; Aug-27 on 12 months (only 6 months of "
                                 "spend); on 3 months (£0 a month) it does not run out")


# -- 2. the money still to come, as the balance counts it ------------------------------------------------------------

def short_fund(store) -> str:
    """£2,000 received in April 2025, £1,500 spent in April; more money to come later."""
    fund = funds.add_fund(store, name="Top-up fund", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£2,000",
                           received_on="01/04/2025")
    referral = funds.add_referral(store, fund, reference="TU-001", district="Ipswich", referred_on="02/04/2025",
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="03/04/2025", item="Door chain", amount="£1,500")
    return fund


def test_money_dated_later_this_month_is_due_not_received(demo_store):
    fund = short_fund(demo_store)
    funds.add_contribution(demo_store, fund, organisation="Ipswich Borough Council", amount="£5,000",
                           received_on="25/10/2025")
    funds.add_contribution(demo_store, fund, organisation="Babergh District Council", amount="£1,000",
                           received_on="02/10/2025")
    question = funds.overspend_warning(demo_store, fund, item="Door chain", amount="£1,000",
                                       spent_on=date(2025, 8, 10), today=date(2025, 10, 10))
    assert "£5,000 from Ipswich Borough Council is due in October 2025" in question
    assert "£1,000 from Babergh District Council was received in October 2025" in question
    figures = funds.fund_figures(demo_store, fund, today=date(2025, 10, 10))
    assert figures.not_received_pence == 500_000  # the balance leaves the same money out


def test_three_contributions_still_to_come_read_as_a_list(demo_store):
    fund = short_fund(demo_store)
    for who, day in (("Ipswich Borough Council", "01/10/2025"), ("Babergh District Council", "01/11/2025"),
                     ("Mid Suffolk District Council", "01/12/2025")):
        funds.add_contribution(demo_store, fund, organisation=who, amount="£1,000", received_on=day)
    question = funds.overspend_warning(demo_store, fund, item="Door chain", amount="£1,000",
                                       spent_on=date(2025, 8, 10), today=date(2025, 9, 15))
    assert question.endswith("; £1,000 from Ipswich Borough Council is due in October 2025, £1,000 from Babergh "
                             "District Council is due in November 2025 and £1,000 from Mid Suffolk District Council "
                             "is due in December 2025.")


# -- 3. the chart's summary before a complete month of spend ----------------------------------------------------------

def new_fund_with_one_spend_line(store) -> str:
    """A fund from 01/10/2026 with £2,000 received that day and one spend line, £1,500 on 03/11/2026."""
    fund = funds.add_fund(store, name="New fund", starts_on="01/10/2026", ends_on="30/09/2027",
                          risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£2,000",
                           received_on="01/10/2026")
    referral = funds.add_referral(store, fund, reference="NF-001", district="Ipswich", referred_on="02/11/2026",
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="03/11/2026", item="Door chain", amount="£1,500")
    return fund


def test_the_charts_summary_says_the_spend_of_a_month_not_complete(demo_store, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    fund = new_fund_with_one_spend_line(demo_store)
    figures = funds.fund_figures(demo_store, fund, today=date(2026, 11, 20))
    assert figures.forecast.as_at is None and figures.spent_pence == 150_000
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(figures)
    assert "No spend recorded yet" not in chart.summary
    assert chart.summary == "No complete month of spend yet: £1,500 spent so far, in months not complete."
    assert chart.accessibleDescription() == chart.summary
    chart.show_forecast(funds.fund_figures(demo_store, fund, today=date(2026, 10, 20)))  # dated after today
    assert chart.summary == "No spend by today: the £1,500 keyed is dated after it."
    new = funds.add_fund(demo_store, name="Newer fund", starts_on="01/10/2026", ends_on="30/09/2027")
    chart.show_forecast(funds.fund_figures(demo_store, new, today=date(2026, 11, 20)))
    assert chart.summary == "No spend recorded yet."
