"""Round 31: the Indicators tab's chart against the table and the file (a month with no figure, units)."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter

SUFFOLK = "county:suffolk"
ARSON = "indicator:arson-offences"  # rolling 12-month figures held for Dec 2007 and Dec 2008 only
EAST_SUSSEX = "county:east-sussex"
ADMISSIONS = "indicator:alcohol-related-hospital-admissions"  # a rate per 100,000


def _presenter(store, area_id, year, indicator_id):
    p = IndicatorsPresenter(store)
    p.load(area_id, FinancialYear(year))
    assert p.choose_indicator(indicator_id, lambda _text: True)
    return p


# -- 1. rolling figures with months missing between them ---------------------------------------------------------
def test_rolling_chart_of_rolling_figures_leaves_a_gap_for_the_months_without_one(demo_store):
    """Figures that are already rolling 12-month ones (arson, Dec 2007 and Dec 2008) were drawn as two neighbouring
    points, "Dec 2007" then "Dec 2008", one line between them: the eleven months without a figure were left off the
    axis, so the line read as one month's fall. Each month has its place; one without a figure is a gap."""
    data = _presenter(demo_store, SUFFOLK, 2008, ARSON).chart(ChartMode.ROLLING)
    assert data.labels[0] == "Dec 2007" and data.labels[-1] == "Dec 2008" and len(data.labels) == 13
    values = data.series["12 months to"]
    assert values[0] == 543 and values[-1] == 459 and values[1:-1] == [None] * 11
    assert "2 figures, latest 459 (Dec 2008)" in data.summary


def test_rolling_chart_draws_the_missing_months_as_a_gap_in_the_window(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area(SUFFOLK)
    tab.select_year(FinancialYear(2008))
    tab.select_indicator(ARSON)
    tab.set_mode("rolling")
    xs, ys = tab.chart.this_line.getData()
    assert xs == [float(i) for i in range(13)] and ys[0] == 543 and ys[-1] == 459 and ys[1:-1] == [None] * 11
    assert tab.chart.categories[6] == "Jun 2008"
    assert "Jun 2008" in tab.chart.hover_text(6) and "—" in tab.chart.hover_text(6)


# -- 2. a rate's value axis says its base --------------------------------------------------------------------------
def test_a_rate_chart_s_value_axis_says_per_100000(demo_window, tmp_path):
    """The value axis of a rate per 100,000 read "0, 500, 1,000, 1,500" with nothing saying what they count: the
    chart on screen (its title is drawn only when exported) and the exported picture never said "per 100,000"."""
    tab = demo_window.show_tab("indicators")
    tab.select_area(EAST_SUSSEX)
    tab.select_year(FinancialYear(2010))
    tab.select_indicator(ADMISSIONS)
    for mode in ("year", "cumulative"):
        tab.set_mode(mode)
        assert tab.chart.value_label == "Rate per 100,000"
    svg = tmp_path / "rate.svg"
    tab.chart.export(svg)
    assert "Rate per 100,000" in svg.read_text(encoding="utf-8")
    # A count or a percentage has its unit in its ticks ("12,000", "90%"): no axis title to crowd a laptop.
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    tab.select_indicator("All crime")
    assert tab.chart.value_label == ""


# -- 3. a month without a figure on the cumulative line ------------------------------------------------------------
def _without_june(store):
    with store.transaction():
        store.execute_counted("indicator_values", "delete", "DELETE FROM indicator_values WHERE indicator_id = "
                              "'indicator:all-crime' AND area_id = 'district:plymouth' AND period = '2016-06'")


def test_cumulative_chart_leaves_a_gap_at_a_month_without_a_figure(demo_window):
    """With June 2016 missing, the cumulative line ran flat from May's 2,911 to June's 2,911, as if June had no
    crime, and the line under the chart counted "8 figures" for seven months held to November. The month is a gap;
    the months either side keep their figures to date."""
    from tests.indicators.test_tab import plymouth_tab

    _without_june(demo_window.session.store)
    tab = plymouth_tab(demo_window)
    tab.select_indicator("All crime")
    tab.set_mode("cumulative")
    _, ys = tab.chart.this_line.getData()
    assert ys[:4] == [1335, 2911, None, 4603] and ys[7] == 10975
    # Last year's line adds the same months (round 32: June left out of both, as the year-to-date change does).
    assert tab.chart.hover_text(2) == "Jun\n2016/17 cumulative: —\n2015/16 cumulative: —"
    assert tab.chart.hover_text(3) == "Jul\n2016/17 cumulative: 4,603\n2015/16 cumulative: 4,805"
    assert "2016/17 cumulative: 7 figures, latest 10,975 (Nov 2016)" in tab.chart_summary.text()


# -- 4. a count's value axis in whole numbers ----------------------------------------------------------------------
def test_a_count_chart_s_value_axis_never_counts_half_a_crime(demo_window):
    """Babergh's robberies (police.uk: 0, 0, 1, 1, 3 …) were charted against an axis of 0.0, 0.5, 1.0 … 3.5: half a
    robbery. A count's axis steps in whole numbers; a percentage's keeps its places."""
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:babergh")
    tab.select_year(FinancialYear(2025))
    tab.select_indicator("Robbery")
    for mode in ("year", "cumulative", "areas"):
        tab.set_mode(mode)
        for height in (180, 300, 450, 600):
            ticks = tab.chart.value_ticks(height=height)
            assert ticks[0] == "0" and len(ticks) >= 2 and all(t.replace(",", "").isdigit() for t in ticks), ticks
    tab.set_mode("year")
    assert tab.chart.value_ticks(height=600) == ["0", "1", "2", "3"]
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    tab.select_indicator("Level Two \u201cist\u201d incidents satisfaction")
    assert tab.chart.value_ticks(height=600)[-1] == "100%"
    tab.select_indicator("Level Two \u201cist\u201d incidents reported")  # a count of tens: as before
    assert tab.chart.value_ticks(height=600)[:3] == ["0", "10", "20"]
