"""Pooled funds, round 30 (fourth look): money not yet received, and the page's date.

1. £2,000 received in April 2025, £1,000 spent a month April–June, Ipswich's £5,000 received on 05/08/2025 and
   Babergh's £500 due on 25/08/2025, seen on 15/08/2025: the sentence said the fund "was short … until £5,500
   received in Aug-25 (Ipswich Borough Council, Babergh District Council)", naming Babergh's £500 as received though
   the next sentence said it is still to come. Only the money received by today is named.
2. The fund page's figures were read on the real date, not the page's own (which its forms use): on 15/08/2025 the
   balance counted Babergh's £500 due on 25/08/2025.
3. The chart's summary said "£1,000 of the £5,000 fund spent by Jul 2025" when £2,000 had been spent: it gave the
   spend to the burn rate's month, leaving out the spend keyed in months not complete."""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from tests.costs.test_fund_received_round30c import two_top_ups_fund

SEEN = date(2025, 8, 15)


def test_a_shortage_ended_names_only_the_money_received_by_today(demo_store):
    fund = two_top_ups_fund(demo_store)
    text = funds.forecast_sentence(funds.fund_figures(demo_store, fund, today=SEEN))
    assert ("The fund was short of money from Jun-25 to Jul-25, until £5,000 received in Aug-25 "
            "(Ipswich Borough Council): spending passed the money received by then.") in text
    assert "£500 of the contributions is dated after today (the first on 25/08/2025)" in text
    # once Babergh's £500 is in too, both are named
    later = funds.forecast_sentence(funds.fund_figures(demo_store, fund, today=date(2025, 8, 30)))
    assert "until £5,500 received in Aug-25 (Ipswich Borough Council, Babergh District Council)" in later


def test_money_not_yet_received_is_still_named_as_what_ends_a_shortage(demo_store):
    """The shortage not over: the money that will end it is named, as before (all of it is to come)."""
    fund = two_top_ups_fund(demo_store, ipswich_on="28/08/2025", babergh_on="10/08/2025")
    assert "the fund is short of money from Jun-25 to Jul-25, until £5,500 received in Aug-25" in \
        funds.forecast_sentence(funds.fund_figures(demo_store, fund, today=SEEN))


def _page_on(demo_window, qtbot, day: date, name: str):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.today = day
    page.refresh()  # read again on the page's date (the fund may be the one shown first)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.fund_combo.setCurrentIndex(page.fund_combo.findText(name))
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.fund.name == name, timeout=10000)
    return page


def test_the_page_reads_its_figures_on_its_own_date(demo_window, qtbot):
    two_top_ups_fund(demo_window.session.store)
    page = _page_on(demo_window, qtbot, SEEN, "Two top-ups")
    assert page.figure_labels["balance"].text() == "£4,000"  # Babergh's £500 is due on 25/08/2025
    assert "£500 of the contributions is dated after today" in page.sentence.text()
    assert "until £5,000 received in Aug 2025 (Ipswich Borough Council):" in page.sentence.text()
    assert page.presenter.read().figures.balance_pence == 400_000


def spend_in_a_month_not_complete(store) -> str:
    fund = funds.add_fund(store, name="Half a month", starts_on="01/07/2025", ends_on="30/06/2026",
                          risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£5,000",
                           received_on="01/07/2025")
    for n, day in enumerate(("03/07/2025", "04/08/2025")):
        r = funds.add_referral(store, fund, reference=f"HM-{n:03d}", district="Ipswich", referred_on=day,
                               risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, r, spent_on=day, item="Door chain", amount="£1,000")
    return fund


def test_the_chart_summary_says_all_that_was_spent_and_what_the_burn_rate_counts(demo_store, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    fund = spend_in_a_month_not_complete(demo_store)
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(funds.fund_figures(demo_store, fund, today=SEEN))
    assert chart.summary == ("£2,000 of the £5,000 fund spent; the burn rate counts the £1,000 spent by Jul 2025 "
                             "(spend keyed in months not complete is left out); at the recent rate it runs out in "
                             "Dec 2025; the period ends in Jun 2026.")
    assert chart.accessibleDescription() == chart.summary


def test_the_page_chart_summary_says_all_that_was_spent(demo_window, qtbot):
    spend_in_a_month_not_complete(demo_window.session.store)
    page = _page_on(demo_window, qtbot, SEEN, "Half a month")
    assert page.figure_labels["spent"].text() == "£2,000"
    summary = page.ensure_chart().summary
    assert summary.startswith("£2,000 of the £5,000 fund spent; the burn rate counts the £1,000 spent by Jul 2025 "
                              "(spend keyed in months not complete is left out); at the recent rate it runs out in "), \
        summary
    assert "£1,000 of the £5,000 fund spent by" not in summary


def test_the_chart_summary_of_the_example_fund_is_as_it_was(demo_window, qtbot):
    page = _page_on(demo_window, qtbot, date(2026, 12, 1), "Suffolk Target Hardening Pilot")
    # round 34: in December 2026 the period is over, and the forecast from Jun-18 a projection
    assert page.ensure_chart().summary == ("£2,417 of the £20,000 fund spent by Jun 2018; projected from Jun 2018 it "
                                           "would have run out in Apr 2020; the period ended in Sep 2019.")
