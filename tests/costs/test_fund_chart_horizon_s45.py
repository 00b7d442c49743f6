"""Costs > Pooled funds: a fund spending £60 a month of its £20,000 runs out in 2052, and the window's burn-down chart
ran its forecast line and month axis to 2052 (session 45): the two years of the fund's period, all the officer
keyed, were squeezed into the left tenth of the chart. The board report already stops its chart a year after the
period's end (round 44); the window now follows the same rule, and still names the run-out in its legend and summary.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.ui.costs.fund_page import FundChart, month_name


def _slow_fund(store) -> str:
    fund = funds.add_fund(store, name="Western Suffolk Sanctuary Fund", starts_on="01/04/2025", ends_on="31/03/2027")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£20,000",
                           received_on="01/04/2025")
    referral = funds.add_referral(store, fund, reference="TH-2025-001", district="Babergh", referred_on="10/04/2025",
                                  risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)
    funds.add_spend_line(store, referral, spent_on="10/04/2025", item="Door chain", amount="£60")
    return fund


def test_the_window_chart_stops_a_year_after_the_period(demo_store, qtbot):
    figures = funds.fund_figures(demo_store, _slow_fund(demo_store), today=date(2025, 5, 15))
    out = figures.forecast.exhaustion_month
    assert out is not None and out.year > 2050
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(figures)
    end_x = chart.end_line.value()
    assert end_x == 24.0  # Apr-25 … Mar-27
    assert max(chart.forecast_curve.xs) == end_x + funds.RUN_OUT_SHOWN_MONTHS
    assert chart._x_range == (0.0, end_x + funds.RUN_OUT_SHOWN_MONTHS + 1)
    assert chart.out_line.value() > chart._x_range[1]  # its month is off the chart: said, not drawn at its edge
    assert chart.summary.endswith(f"at the recent rate it runs out in {month_name(out)}, past the end of this chart (a "
                                  "year after the period's end); the period ends in Mar 2027."), chart.summary
    assert chart.out_line.label == f"Runs out {month_name(out)} (beyond this chart)"  # in the legend


def test_a_run_out_within_the_year_after_is_still_drawn(demo_store, qtbot):
    figures = funds.fund_figures(demo_store, funds.list_funds(demo_store)[0].id, today=date(2026, 12, 3))
    out = figures.forecast.exhaustion_month
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(figures)
    assert out is not None and chart.out_line.isVisible()
    assert max(chart.forecast_curve.xs) >= out.minus(chart.axis.start)
