"""Pooled funds, round 30 (follow-ups).

1. Spend keyed past the money received before any month of it is complete, with the rest still to come: a new fund
   whose £5,000 is due on 01/10/2025, £1,000 keyed on 03/08/2025, on 15/08/2025. The balance said -£1,000, but
   "Runs out" said "—", the sentence "no forecast" and the command line no run-out month; once July had a complete
   month of spend the same shortage was a run-out in its month. It runs out in Aug-25 (short until the money comes),
   and the page, the chart and `safer-desk fund` say so."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.services import funds


def money_later_fund(store) -> tuple[str, str]:
    fund = funds.add_fund(store, name="Money later", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£5,000",
                           received_on="01/10/2025")
    r = funds.add_referral(store, fund, reference="ML-001", district="Ipswich", referred_on="02/08/2025",
                           risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, r, spent_on="03/08/2025", item="Door chain", amount="£1,000")
    return fund, r


def test_spend_past_the_money_received_in_a_month_not_complete_is_a_run_out(demo_store):
    fund, _ = money_later_fund(demo_store)
    f = funds.fund_figures(demo_store, fund, today=date(2025, 8, 15))
    assert f.balance_pence == -100_000 and f.forecast.as_at is None
    assert f.forecast.exhaustion_month == Month(2025, 8)
    text = funds.forecast_sentence(f)
    # £1,000 spent, none of the £5,000 received yet: overspent now (round 64), then the forecast as before
    assert text.startswith("The fund is overspent: £1,000 more than the £0 received is already spent. "
                           "No complete month of spend yet, so no burn rate.")
    assert "short of money from Aug-25 to Sep-25, until £5,000 received in Oct-25" in text
    assert "left out of the burn rate and the forecast" not in text  # the forecast counts it: it is money gone
    rows = dict(funds.fund_report_rows(f))
    assert rows["forecast_exhaustion_month"] == "2025-08" and rows["monthly_burn_rate"] == ""


def test_the_money_received_since_ends_it(demo_store):
    """Spend keyed to 31/07/2025 (August on not complete) and, on 15/10/2025, the £5,000 is in: the shortage is
    over, and there is no run-out until there is a burn rate."""
    fund, _ = money_later_fund(demo_store)
    f = funds.fund_figures(demo_store, fund, today=date(2025, 10, 15), keyed_to=date(2025, 7, 31))
    assert f.forecast.as_at is None and f.forecast.exhaustion_month is None
    assert "The fund was short of money from Aug-25 to Sep-25, until £5,000 received in Oct-25" in \
        funds.forecast_sentence(f)


def test_spend_within_the_money_received_is_no_run_out(demo_store):
    fund, _ = money_later_fund(demo_store)
    funds.add_contribution(demo_store, fund, organisation="Ipswich Borough Council", amount="£1,000",
                           received_on="01/08/2025")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 8, 15))
    assert f.forecast.exhaustion_month is None
    assert funds.forecast_sentence(f).startswith("No complete month of spend yet, so no forecast.")


def test_the_page_and_the_chart_say_it(demo_window, qtbot):
    """The same on the page on today's date: the money due two months on, £1,000 keyed on the 1st of this month."""
    this = Month.of(date.today())
    first, due = this.plus(-4).first_day, this.plus(2).first_day
    store = demo_window.session.store
    fund = funds.add_fund(store, name="Money later", starts_on=first, ends_on=this.plus(8).first_day,
                          risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£5,000", received_on=due)
    r = funds.add_referral(store, fund, reference="ML-001", district="Ipswich", referred_on=this.first_day,
                           risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, r, spent_on=this.first_day, item="Door chain", amount="£1,000")
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.fund_combo.setCurrentIndex(page.fund_combo.findText("Money later"))
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.fund.name == "Money later", timeout=10000)
    name = f"{this.first_day:%b %Y}"
    assert page.figure_labels["balance"].text() == "-£1,000"
    assert page.figure_labels["runs_out"].text() == f"⚠ Before the end: {name}"
    assert f"it runs out in {name}" in page.ensure_chart().summary
    assert f"short of money from {name} to {this.plus(1).first_day:%b %Y}" in page.sentence.text()
