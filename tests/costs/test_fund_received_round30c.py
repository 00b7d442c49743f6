"""Pooled funds, round 30 (second look).

1. A top-up received this month ends a shortage even when another contribution is still due later this month.
   £2,000 received in April 2025, £1,000 spent in each of April, May and June; Ipswich paid £5,000 on 05/08/2025 and
   Babergh's £500 is due on 25/08/2025. On 15/08/2025 the page read "Runs out: ⚠ Before the end: Jun 2025" and "the
   fund is short of money … until £5,500 received in Aug-25" beside a balance of £4,000: the money in hand was
   judged by the month, and a month with any money still to come counted none of it as received.
2. Spend keyed past the money received, then past all the money, before any month is complete: £1,000 received in
   October 2025, £500 due on 10/01/2026, spend keyed to 31/10/2025, £1,200 keyed in November and £400 in December.
   "Runs out" said Dec 2025 and "Last fully funded" Nov 2025, though November's £1,200 was £200 past the £1,000
   there (the balance -£600): the month the spend passed all the money was taken, not the month it passed the money
   received by then."""

from __future__ import annotations

from datetime import date, timedelta

from safer_desk.domain.periods import Month
from safer_desk.services import funds


def two_top_ups_fund(store, *, ipswich_on: str = "05/08/2025", babergh_on: str = "25/08/2025") -> str:
    fund = funds.add_fund(store, name="Two top-ups", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£2,000",
                           received_on="01/04/2025")
    funds.add_contribution(store, fund, organisation="Ipswich Borough Council", amount="£5,000",
                           received_on=ipswich_on)
    funds.add_contribution(store, fund, organisation="Babergh District Council", amount="£500",
                           received_on=babergh_on)
    for n, month in enumerate((4, 5, 6)):
        r = funds.add_referral(store, fund, reference=f"TT-{n:03d}", district="Ipswich",
                               referred_on=f"02/{month:02d}/2025", risk_level="high", at_marac="yes",
                               idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, r, spent_on=f"03/{month:02d}/2025", item="Door chain", amount="£1,000")
    return fund


def test_a_top_up_received_ends_the_shortage_with_more_money_due_this_month(demo_store):
    fund = two_top_ups_fund(demo_store)
    f = funds.fund_figures(demo_store, fund, today=date(2025, 8, 15))
    assert f.balance_pence == 400_000
    # £7,000 in hand (£7,500 by the end of August); £3,000 spent by June, then £1,000 a month: out in November
    assert f.forecast.exhaustion_month == Month(2025, 11)
    assert {r.exhaustion_month for r in f.ranges.forecasts} == {Month(2025, 11)}
    text = funds.forecast_sentence(f)
    assert "covers spending to Oct-25 and runs out in Nov-25" in text
    assert "The fund was short of money from Jun-25 to Jul-25" in text and "is short" not in text
    assert dict(funds.fund_report_rows(f))["forecast_exhaustion_month"] == "2025-11"


def test_money_due_this_month_that_alone_would_end_it_does_not(demo_store):
    """Only the £500 received by today (the £5,000 due on 28/08/2025): June's shortage is not over."""
    fund = two_top_ups_fund(demo_store, ipswich_on="28/08/2025", babergh_on="10/08/2025")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 8, 15))
    assert f.balance_pence == -50_000
    assert f.forecast.exhaustion_month == Month(2025, 6)
    assert "the fund is short of money from Jun-25 to Jul-25, until £5,500 received in Aug-25" in \
        funds.forecast_sentence(f)


def keyed_past_all_the_money(store, december: str) -> str:
    fund = funds.add_fund(store, name="Keyed past", starts_on="01/10/2025", ends_on="30/09/2026", risk_levels="high")
    funds.set_spend_keyed_to(store, fund, "31/10/2025")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£1,000",
                           received_on="01/10/2025")
    funds.add_contribution(store, fund, organisation="Ipswich Borough Council", amount="£500",
                           received_on="10/01/2026")
    for n, (day, amount) in enumerate((("03/11/2025", "£1,200"), ("03/12/2025", december))):
        r = funds.add_referral(store, fund, reference=f"KP-{n:03d}", district="Ipswich", referred_on=day,
                               risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, r, spent_on=day, item="Door chain", amount=amount)
    return fund


def test_spend_past_the_money_received_then_past_all_of_it_runs_out_in_the_first_month(demo_store):
    fund = keyed_past_all_the_money(demo_store, "£400")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 12, 15))
    assert f.forecast.as_at is None and f.balance_pence == -60_000
    assert f.forecast.exhaustion_month == Month(2025, 11)
    assert f.forecast.last_funded_month == Month(2025, 10)
    text = funds.forecast_sentence(f)
    assert text.startswith("No complete month of spend yet, so no burn rate.")
    # seen in December, November is over: it ran out then (round 59)
    assert "The £1,200 keyed by Nov-25 is more than the £1,000 received by then: it ran out in Nov-25." in text
    assert "Dec-25" not in text.split("Dec-25 is not complete")[-1].split("£500 of the")[0]  # no other run-out
    rows = dict(funds.fund_report_rows(f))
    assert rows["forecast_exhaustion_month"] == "2025-11"
    assert {r.exhaustion_month for r in f.ranges.forecasts} == {Month(2025, 11)}


def test_spend_past_the_money_received_but_within_all_of_it_is_as_it_was(demo_store):
    """£200 in December (£1,400 in all, within the £1,500): short from November until January's £500."""
    fund = keyed_past_all_the_money(demo_store, "£200")
    f = funds.fund_figures(demo_store, fund, today=date(2025, 12, 15))
    assert f.forecast.exhaustion_month == Month(2025, 11)
    assert "the fund is short of money from Nov-25 to Dec-25, until £500 received in Jan-26" in \
        funds.forecast_sentence(f)


def test_the_command_line_says_the_same(demo_path, capsys):
    import csv
    import io

    from safer_desk.storage.store import open_store
    from tests.costs.test_cli import run

    store = open_store(demo_path)
    try:
        two_top_ups_fund(store)
    finally:
        store.close()
    code, out, _ = run(capsys, "fund", str(demo_path), "Two top-ups", "--today", "15/08/2025")
    values = dict(csv.reader(io.StringIO(out)))
    assert code == 0 and values["balance"] == "4000"
    assert values["forecast_exhaustion_month"] == "2025-11" and values["last_fully_funded_month"] == "2025-10"
    assert values["forecast_exhaustion_month_3m"] == "2025-11"
    assert "was short of money from Jun-25 to Jul-25" in values["forecast_warnings"]


def test_the_page_and_the_chart_say_the_first_month(demo_window, qtbot):
    """The same on the page on today's date: keyed to the end of the fund's first month, the money's first £1,000
    passed in the month after it and all £1,500 in the next; the last £500 is due next month."""
    this = Month.of(date.today())
    first, passed, past_all = this.plus(-3), this.plus(-2), this.plus(-1)
    store = demo_window.session.store
    fund = funds.add_fund(store, name="Keyed past", starts_on=first.first_day, ends_on=this.plus(8).first_day,
                          risk_levels="high")
    funds.set_spend_keyed_to(store, fund, passed.first_day - timedelta(days=1))  # the first month's last day
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£1,000",
                           received_on=first.first_day)
    funds.add_contribution(store, fund, organisation="Ipswich Borough Council", amount="£500",
                           received_on=this.plus(1).first_day)
    for n, (month, amount) in enumerate(((passed, "£1,200"), (past_all, "£400"))):
        r = funds.add_referral(store, fund, reference=f"KP-{n:03d}", district="Ipswich", referred_on=month.first_day,
                               risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, r, spent_on=month.first_day, item="Door chain", amount=amount)
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.fund_combo.setCurrentIndex(page.fund_combo.findText("Keyed past"))
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.fund.name == "Keyed past", timeout=10000)
    name = f"{passed.first_day:%b %Y}"
    assert page.figure_labels["balance"].text() == "-£600"
    # a month over that the spend recorded passed the money: it ran out then (round 59)
    assert page.figure_labels["runs_out"].text() == f"⚠ Ran out in {name}"
    assert page.figure_labels["last_funded"].text() == f"{first.first_day:%b %Y}"
    assert f"it ran out in {name}" in page.ensure_chart().summary
    said = f"The £1,200 keyed by {passed.first_day:%b %Y} is more than the £1,000 received by then"
    assert said in page.sentence.text()
