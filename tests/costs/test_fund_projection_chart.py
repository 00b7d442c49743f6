"""The burn-down chart of a fund whose period has ended, in the window and in the board report: its forecast line is
what the sentence above it says it is, a projection from the burn rate's month ("Projected from Jun-18"), and its
run-out mark says "Would have run out". A fund still running keeps "Forecast at the recent rate" and "Runs out"."""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.services.report_sections.costs import board_report_sections

PILOT = "Suffolk Target Hardening Pilot"
LATER = date(2026, 12, 1)  # long after the pilot's period (01/04/2018 to 30/09/2019)
DURING = date(2018, 7, 20)  # while it ran


def _chart_series(store, today: date) -> list[str]:
    section = next(s for s in board_report_sections(store, today=today) if s.title.startswith(PILOT))
    return [series.name for chart in section.charts for series in chart.series]


def test_the_report_names_an_ended_funds_forecast_a_projection_and_a_running_funds_a_forecast(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    ended = funds.fund_figures(demo_store, fund.id, today=LATER)
    running = funds.fund_figures(demo_store, fund.id, today=DURING)
    assert funds.forecast_series_name(ended) == "Projected from Jun-18"
    assert funds.exhaustion_words(ended) == "Would have run out"
    assert funds.forecast_series_name(running) == funds.FORECAST_SERIES == "Forecast at the recent rate"
    assert funds.exhaustion_words(running) == "Runs out"
    assert "Projected from Jun-18" in _chart_series(demo_store, LATER)
    assert funds.FORECAST_SERIES in _chart_series(demo_store, DURING)


def test_the_pages_chart_of_an_ended_fund_says_its_line_is_a_projection(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.chart is not None, timeout=10000)
    for today, line, mark in ((LATER, "Projected from Jun 2018", "Would have run out Apr 2020"),
                              (DURING, funds.FORECAST_SERIES, "Runs out Apr 2020")):
        page.today = today
        page.refresh()
        qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.period_ended == (today == LATER),
                        timeout=10000)
        qtbot.waitUntil(lambda: line in page.chart.legend_names(), timeout=10000)
        assert mark in page.chart.legend_names()
