"""The window's burn-down chart names only the lines it draws, as the board report's does (round 59). A closed fund
(nothing more is spent from it, so no forecast), an ended one whose spend is keyed to its last day, and a fund with
no spend yet drew no forecast line, but the legend under the chart still read "Forecast at the recent rate"; the
board paper's chart of the same fund has no such entry. A fund with no spend yet drew no spend at all, where the
board paper draws spend to date at £0 through the months over."""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.services.report_sections.costs import board_report_sections

PILOT = "Suffolk Target Hardening Pilot"
LATER = date(2020, 1, 10)


def _chart(qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    chart = FundChart()
    qtbot.addWidget(chart)
    return chart


def _report_series(store, today: date, name: str) -> list[str]:
    section = next(s for s in board_report_sections(store, today=today) if s.title.startswith(name))
    return [series.name for chart in section.charts for series in chart.series]


def test_a_closed_fund_has_no_forecast_in_its_legend(demo_store, qtbot):
    fund = funds.fund_by_name(demo_store, PILOT).id
    funds.update_fund(demo_store, fund, status="closed")
    chart = _chart(qtbot)
    chart.show_forecast(funds.fund_figures(demo_store, fund, today=LATER))
    assert chart.legend_names() == ["Spend to date", "Fund", "End of period Sep 2019"]
    assert funds.FORECAST_SERIES not in _report_series(demo_store, LATER, PILOT)


def test_an_ended_fund_keyed_to_its_end_has_none_either(demo_store, qtbot):
    fund = funds.fund_by_name(demo_store, PILOT).id
    funds.set_spend_keyed_to(demo_store, fund, "30/09/2019")
    chart = _chart(qtbot)
    chart.show_forecast(funds.fund_figures(demo_store, fund, today=LATER))
    assert chart.legend_names() == ["Spend to date", "Fund", "End of period Sep 2019"]


def test_a_fund_with_no_spend_draws_spend_at_nothing_through_the_months_over(demo_store, qtbot):
    fund = funds.add_fund(demo_store, name="Empty pot", starts_on="01/04/2025", ends_on="31/03/2026",
                          risk_levels="high")
    funds.add_contribution(demo_store, fund, organisation="Suffolk County Council", amount="£5,000",
                           received_on="01/04/2025")
    chart = _chart(qtbot)
    chart.show_forecast(funds.fund_figures(demo_store, fund, today=date(2025, 9, 15)))
    assert chart.legend_names() == ["Spend to date", "Fund", "End of period Mar 2026"]
    xs, ys = chart.spend_curve.getData()
    assert list(xs) == [0, 1, 2, 3, 4, 5] and set(ys) == {0}  # April to August are over: £0 spent by each
    assert _report_series(demo_store, date(2025, 9, 15), "Empty pot") == ["Spend to date", "Fund"]


def test_a_fund_not_begun_draws_no_spend_line(demo_store, qtbot):
    fund = funds.add_fund(demo_store, name="Next year", starts_on="01/04/2026", ends_on="31/03/2027",
                          risk_levels="high")
    chart = _chart(qtbot)
    chart.show_forecast(funds.fund_figures(demo_store, fund, today=date(2026, 2, 1)))
    assert chart.legend_names() == ["Fund", "End of period Mar 2027"]


def test_a_running_fund_keeps_its_forecast(demo_store, qtbot):
    chart = _chart(qtbot)
    chart.show_forecast(funds.fund_figures(demo_store, funds.fund_by_name(demo_store, PILOT).id,
                                           today=date(2018, 7, 20)))
    assert funds.FORECAST_SERIES in chart.legend_names()
