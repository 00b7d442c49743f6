"""The rolling 12 months chart of a county with police.uk files for Jan 2021 and 2025 (a lone month years before the
rest, as an officer keeps an old download) ran from "Dec 2021" to "Dec 2025": 49 months on the axis, 48 of them
without a figure, and the one figure there is (43,308, Dec 2025) a dot squeezed against the right edge. The months
before the first figure and after the last are not the chart's: it runs from its first figure to its last, a month
without a figure between them still a gap (session 70)."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter
from safer_desk.services import indicators as svc

PLYMOUTH = "district:plymouth"
ALL_CRIME = "indicator:all-crime"  # Plymouth: Apr 2015 to Nov 2016, every month


def _with_a_lone_old_month(store):
    svc.save_values(store, ALL_CRIME, PLYMOUTH, [svc.PeriodValue("2012-01", value=1500)], require_red_comments=False)


def test_the_rolling_chart_starts_at_its_first_figure(demo_store):
    _with_a_lone_old_month(demo_store)
    p = IndicatorsPresenter(demo_store)
    p.load(PLYMOUTH, FinancialYear(2016))
    assert p.choose_indicator(ALL_CRIME, lambda _text: True)
    data = p.chart(ChartMode.ROLLING)
    values = data.series["12 months to"]
    assert data.labels[0] == "Mar 2016" and data.labels[-1] == "Nov 2016", data.labels
    assert values[0] is not None and values[-1] is not None and None not in values
    assert "9 figures" in data.summary


def test_the_rolling_chart_draws_from_first_figure_to_last_in_the_window(demo_window):
    _with_a_lone_old_month(demo_window.session.store)
    tab = demo_window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FinancialYear(2016))
    tab.select_indicator(ALL_CRIME)
    tab.set_mode("rolling")
    xs, ys = tab.chart.this_line.getData()
    assert len(xs) == 9 and ys[0] is not None and ys[-1] is not None
    assert tab.chart.categories[0] == "Mar 2016" and tab.chart.categories[-1] == "Nov 2016"
    assert tab.chart.hover_text(0).startswith("Mar 2016\n12 months to: ")
