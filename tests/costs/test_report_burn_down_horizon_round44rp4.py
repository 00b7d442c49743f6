"""Round 44 (rp4): the board report's burn-down chart runs as far as a board member needs, not decades on.

A pooled fund whose period ended in 2019, with £120 spent in its last month, has a burn rate of £40 a month: at that
rate its £17,463 would last to 2056. The report's chart, and its "Figures in this chart" table in the HTML, ran its
forecast line from Sep-19 to Feb-56 (about 440 monthly rows), though the paragraph above it says only what was spent
(no spend can be recorded after the period's end, so nothing is forecast past it). A running fund whose run-out is
decades away ran on as far. The chart's forecast now stops at the period's end, or at the run-out when that comes in
the year after it (the demo's Apr-20, which the paragraph names); a run-out later than that is said in the chart's note.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.services.report_sections.costs import board_report_sections


def _burn(store, name: str, today: date):
    return next(s for s in board_report_sections(store, today=today) if s.title == f"{name}: burn-down")


def _spend(store, fund_id: str, reference: str, day: str, amount: str) -> None:
    referral = funds.add_referral(store, fund_id, reference=reference, district="Babergh", referred_on=day,
                                  risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)
    funds.add_spend_line(store, referral, spent_on=day, item="Door chain", amount=amount)


def test_an_ended_fund_spent_to_its_last_month_has_no_forecast_past_its_end(demo_store):
    fund = funds.list_funds(demo_store)[0]
    _spend(demo_store, fund.id, "TH-2019-099", "03/09/2019", "£120")
    burn = _burn(demo_store, fund.name, date(2026, 12, 3))
    # September's one victim is given with the months back to June 2018 (small numbers): the paper's rate is over
    # them whole (s71), £907 over 16 months, not £40 over 3 (£120: what the one victim had).
    assert "It was spent at £56.69 a month (the 16 months to Sep-19)" in burn.paragraphs[1]
    chart = burn.charts[0]
    assert chart.categories[0] == "Apr-18" and chart.categories[-1] == "Sep-19", chart.categories[-3:]
    # Nothing is projected: the spend recorded to the end is the whole story, as the paragraph says (and no legend
    # for a forecast line that is not there).
    actual, level = chart.series
    assert [actual.name, level.name] == ["Spend to date", "Fund"]
    assert chart.title == f"{fund.name}: spend to date against the fund"
    assert actual.values[-1] == 2537.0 and actual.texts[-1] == "£2,537"
    assert len(actual.values) == len(level.values) == len(chart.categories) == 18
    assert chart.note == "Period ended Sep-19."


def test_a_projection_that_runs_out_soon_after_the_end_still_shows_its_run_out(demo_store):
    # The demo's fund: projected from Jun-18 it would have run out in Apr-20, 7 months after its Sep-19 end.
    burn = _burn(demo_store, "Suffolk Target Hardening Pilot", date(2026, 12, 3))
    assert "run out in Apr-20" in burn.paragraphs[1]
    chart = burn.charts[0]
    assert chart.categories[-1] == "Apr-20"
    assert chart.series[1].values[-1] >= 20000 and chart.series[1].name == "Projected from Jun-18"


def test_a_running_fund_whose_run_out_is_decades_away_stops_a_year_after_its_end(demo_store):
    fund = funds.add_fund(demo_store, name="Western Suffolk Sanctuary Fund", starts_on="01/04/2025",
                          ends_on="31/03/2027")
    funds.add_contribution(demo_store, fund, organisation="Suffolk County Council", amount="£20,000",
                           received_on="01/04/2025")
    _spend(demo_store, fund, "TH-2025-001", "10/04/2025", "£60")
    burn = _burn(demo_store, "Western Suffolk Sanctuary Fund", date(2025, 5, 15))
    out = funds.fund_figures(demo_store, fund, today=date(2025, 5, 15)).forecast.exhaustion_month
    assert out is not None and out.year > 2050
    assert f"runs out in {out.label}" in burn.paragraphs[1]
    chart = burn.charts[0]
    assert chart.categories[0] == "Apr-25" and chart.categories[-1] == "Mar-28", chart.categories[-3:]
    forecast = chart.series[1]
    assert forecast.values[0] == 60.0 and forecast.values[-1] == 60.0 + 35 * 60
    assert len(forecast.values) == len(chart.categories) == 36
    assert chart.note == (f"Period ends Mar-27. At the recent rate the fund runs out in {out.label}, past the end of "
                          "this chart (a year after the period's end).")
