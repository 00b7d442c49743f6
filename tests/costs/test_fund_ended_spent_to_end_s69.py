"""S69: a fund whose period has ended, its spend keyed to its last day, still ran on past the end.

The Suffolk pilot (01/04/2018 to 30/09/2019) with £9,000 spent in September 2019 and its spend keyed to 30/09/2019,
seen in December 2026: the sentence rightly said "It was spent at £3,000 a month (the 3 months to Sep-19)" and "£8,583
of the £20,000 received is left unspent as recorded", but beside it "Runs out" read "Dec 2019" and "Covers spending
to" "Nov 2019", the chart drew "Forecast at the recent rate" on past the end of the period to a "Runs out Dec 2019"
mark, and `safer-desk fund` printed forecast_exhaustion_month 2019-12 (and each window's). Nothing more can be spent
from a fund whose period has ended, and its spend is recorded to its last day: there is nothing to project (the
board report's chart drew no forecast for it already). Its run-out is now only what the spend recorded reached."""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.cli import main
from safer_desk.domain.periods import Month
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"
LATER = date(2026, 12, 1)  # long after the pilot's period


def _spend_in_september(store, amount: str) -> str:
    fund = funds.fund_by_name(store, PILOT).id
    referral = funds.add_referral(store, fund, reference="TH-2019-040", district="Babergh", referred_on="02/09/2019",
                                  risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)
    funds.add_spend_line(store, referral, spent_on="10/09/2019", item="Replacement door locks", amount=amount)
    funds.set_spend_keyed_to(store, fund, "30/09/2019")
    return fund


def test_an_ended_fund_keyed_to_its_last_day_runs_out_in_no_month_after_it(demo_store):
    fund = _spend_in_september(demo_store, "9000")
    figures = funds.fund_figures(demo_store, fund, today=LATER)
    f = figures.forecast
    assert f.as_at == Month(2019, 9) and f.burn_rate_pence == 300_000  # £9,000 over Jul-19 to Sep-19
    assert f.exhaustion_month is None and f.last_funded_month is None
    assert figures.left_at_end_pence == 858_300 and funds.left_at_end_kind(figures) == "recorded"
    assert all(w.exhaustion_month is None for w in figures.ranges.forecasts)
    assert "It was spent at £3,000 a month (the 3 months to Sep-19)." in funds.forecast_sentence(figures)


def test_its_chart_draws_no_forecast_past_the_end(demo_store, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    fund = _spend_in_september(demo_store, "9000")
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(funds.fund_figures(demo_store, fund, today=LATER))
    assert chart.legend_names() == ["Spend to date", "Fund", "End of period Sep 2019"]
    assert not chart.out_line.isVisible()
    assert "run out" not in chart.summary and "projected from" not in chart.summary
    assert chart.summary == ("£11,417 of the £20,000 fund spent by Sep 2019; its spend is recorded to the end of its "
                             "period, so nothing is projected; the period ended in Sep 2019.")


def test_the_command_line_prints_no_run_out_month(demo_path, capsys):
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        _spend_in_september(store, "9000")
    finally:
        store.close()
    assert main(["fund", str(demo_path), PILOT, "--today", "01/12/2026"]) == 0
    rows = dict(list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:])
    assert rows["monthly_burn_rate"] == "3000" and rows["left_at_period_end"] == "8583"
    assert rows["left_at_period_end_kind"] == "recorded"
    for name in ("forecast_exhaustion_month", "last_fully_funded_month", "forecast_exhaustion_month_3m",
                 "forecast_exhaustion_month_6m", "forecast_exhaustion_month_12m", "forecast_exhaustion_month_kind"):
        assert rows[name] == "", name


def test_the_page_says_the_period_ended_beside_runs_out(costs_tab, qtbot):
    tab = costs_tab
    _spend_in_september(tab.window().session.store, "9000")
    page = tab.funds
    page.today = LATER
    tab.pages.setCurrentIndex(2)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None
                    and page.data.figures.spent_pence == 1_141_700, timeout=10000)
    assert page.figure_labels["runs_out"].text() == "Period ended"
    assert page.figure_labels["last_funded"].text() == "—"
    assert page.figure_labels["at_end"].text() == "£8,583 left"


def test_spend_recorded_past_the_money_before_the_end_still_ran_out(demo_store):
    fund = _spend_in_september(demo_store, "19000")  # £21,417 of £20,000: past it in September 2019
    figures = funds.fund_figures(demo_store, fund, today=LATER)
    assert figures.forecast.exhaustion_month == Month(2019, 9)
    assert funds.run_out_kind(figures, Month(2019, 9)) == "ran_out"
    assert funds.exhaustion_words(figures) == "Ran out"
