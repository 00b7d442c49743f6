"""s61: the cumulative chart of an indicator with no target was titled "… cumulative against target", promising a
line it does not draw. Its title says what it compares: this year's total to date against last year's."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode
from tests.indicators.test_charts_round31 import _presenter

PLYMOUTH = "district:plymouth"


def test_the_cumulative_chart_without_a_target_is_not_titled_against_target(demo_store):
    data = _presenter(demo_store, PLYMOUTH, 2016, "indicator:all-crime").chart(ChartMode.CUMULATIVE)
    assert "Target 2016/17" not in data.series
    assert data.title == "All crime, Plymouth: cumulative, 2016/17 against 2015/16"
    assert "against target" not in data.summary


def test_the_cumulative_chart_with_a_target_still_says_against_target(demo_store):
    data = _presenter(demo_store, PLYMOUTH, 2016, "indicator:level-two-ist-incidents-reported").chart(
        ChartMode.CUMULATIVE)
    assert "Target 2016/17" in data.series
    assert data.title.endswith(": cumulative against target")


def test_the_window_s_chart_says_it_too(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FinancialYear(2016))
    tab.select_indicator("All crime")
    tab.set_mode("cumulative")
    assert tab.chart.accessibleName() == "Chart: All crime, Plymouth: cumulative, 2016/17 against 2015/16"
    assert tab.chart_summary.text().startswith("All crime, Plymouth: cumulative, 2016/17 against 2015/16")
