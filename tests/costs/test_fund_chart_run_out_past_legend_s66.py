"""A run-out past the end of the fund's chart is named in the legend under it (session 66).

The chart stops a year after the period's end, so a fund lasting to 2038 (or 2053) draws no run-out mark
(test_fund_chart_horizon_s45). The user guide and that test's note say the run-out is still named in the legend,
but the legend under the chart read only "Spend to date, Forecast at the recent rate, Fund, End of period Sep 2027":
a sighted officer reading the chart learnt nothing of when the money runs out (the screen reader's summary said it).
The legend now ends "Runs out Jan 2053 (beyond this chart)", and still no line is drawn at the chart's edge.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.ui.costs.fund_page import FundChart, month_name
from tests.costs.test_fund_chart_horizon_s45 import _slow_fund


def test_the_legend_names_a_run_out_past_the_chart(demo_store, qtbot):
    figures = funds.fund_figures(demo_store, _slow_fund(demo_store), today=date(2025, 5, 15))
    out = figures.forecast.exhaustion_month
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(figures)
    assert chart.legend_names()[-1] == f"Runs out {month_name(out)} (beyond this chart)"
    assert chart.out_line.value() > chart._x_range[1]  # named, not drawn: its month is off the chart
    chart.resize(400, 300)
    assert f"Runs out {month_name(out)}" in " ".join(chart.legend_names())


def test_a_run_out_on_the_chart_keeps_its_plain_name(demo_store, qtbot):
    figures = funds.fund_figures(demo_store, funds.list_funds(demo_store)[0].id, today=date(2018, 7, 20))
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(figures)
    assert chart.legend_names()[-1] == "Runs out Apr 2020"
    assert chart._x_range[0] <= chart.out_line.value() <= chart._x_range[1]
