"""Plymouth's "Level Two ist incidents reported" has no figures for 2015/16: its chart named "2015/16" (and "2015/16
cumulative") in the legend with no bar or line anywhere, as if last year's figures had been lost, while the words under
the chart said "2015/16: no figures" (session 61; the allocation chart's legend was put right the same way in session
60). The legend names only the series drawn; with figures for both years it names both again."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear

L2 = "Level Two “ist” incidents reported"


def _tab(demo_window, indicator: str):
    demo_window.resize(1093, 582)
    demo_window.show()
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))
    assert tab.select_indicator(indicator)
    QApplication.processEvents()
    return tab


def test_a_year_with_no_figures_is_not_in_the_legend(demo_window):
    tab = _tab(demo_window, L2)
    assert tab.chart.legend_names() == ["2016/17"]
    assert "2015/16: no figures" in tab.chart_summary.text()
    tab.bars_check.setChecked(False)
    assert tab.chart.legend_names() == ["2016/17"]
    tab.set_mode("cumulative")
    assert tab.chart.legend_names() == ["2016/17 cumulative", "Target 2016/17"]


def test_both_years_with_figures_are_named(demo_window):
    tab = _tab(demo_window, "Police recorded hate crime")
    assert tab.chart.legend_names() == ["2015/16", "2016/17"]
    tab.set_mode("cumulative")
    assert tab.chart.legend_names() == ["2016/17 cumulative", "2015/16 cumulative"]
