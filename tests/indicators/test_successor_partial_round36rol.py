"""A new district's last year everywhere it shows, and said where it is partial (DESIGN §2.4, §3).

East Suffolk's "same period last year" is Suffolk Coastal's and Waveney's figures added up (round 35). The rolling
12 months chart did not take them, so its line began a year late. A district that began part-way through a quarter
or a year (here, hypothetically, East Suffolk from 1 June 2019) has a last year that mixes: Apr-19 and May-19 its
predecessors', its own from Jun-19; the quarter (Q1 2019/20) and the year (2019/20) it began in are no one's whole
figure (Suffolk Coastal's and Waveney's stop on 31 May; a quarterly figure holds no months to split it by), so they
are blank, and the grid, chart words, Compare Areas and board report say why.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.demo_data import reference
from safer_desk.services.indicators import PeriodValue

Y18, Y19, Y20 = FinancialYear(2018), FinancialYear(2019), FinancialYear(2020)
EAST = "district:east-suffolk"


def _save(store, ind, area, values):
    svc.save_values(store, ind, area, values, require_red_comments=False)


def _presenter(store, area, year, ind, today):
    p = IndicatorsPresenter(store, today=lambda: today)
    p.load(area, year)
    assert p.choose_indicator(ind, lambda *a: True)
    return p


# -- 1. the rolling 12 months chart ------------------------------------------------------------------------------
@pytest.fixture
def east(store):
    """Suffolk's districts (East Suffolk from 1 April 2019): Waveney 100 and Suffolk Coastal 50 a month in
    2018/19, East Suffolk 160 a month from April to November 2019."""
    reference.add_examples(store)
    count = svc.save_indicator(store, "Domestic abuse incidents", polarity="higher")
    _save(store, count, "district:waveney", [PeriodValue(m.iso, 100.0) for m in Y18.months])
    _save(store, count, "district:suffolk-coastal", [PeriodValue(m.iso, 50.0) for m in Y18.months])
    _save(store, count, EAST, [PeriodValue(m.iso, 160.0) for m in Y19.months[:8]])
    return store, count


def test_the_rolling_chart_of_a_new_district_counts_the_districts_it_replaced(east):
    store, count = east
    data = _presenter(store, EAST, Y19, count, date(2019, 12, 10)).chart(ChartMode.ROLLING)
    # Mar 2019: twelve months of Suffolk Coastal + Waveney (150 each); then one month of East Suffolk's a month
    assert data.labels[0] == "Mar 2019" and data.labels[-1] == "Nov 2019"
    assert data.series["12 months to"] == [1800 + 10 * k for k in range(9)]
    assert "before 01/04/2019, Suffolk Coastal and Waveney added up" in data.summary


def test_the_rolling_chart_leaves_a_gap_rather_than_one_predecessor_alone(east):
    store, count = east
    _save(store, count, "district:suffolk-coastal", [PeriodValue(Y18.months[5].iso, None)])  # Sep-18
    points = dict(svc.rolling_12_months(store, svc.get_indicator(store, count), EAST))
    assert "2019-03" not in points or points["2019-03"] is None  # not Waveney's 100 as the whole area's Sep-18
    assert points["2019-09"] == 150 * 6 + 160 * 6  # the window from Oct-18 has every month


# -- 2 and 3. a district that began part-way through a quarter and a year --------------------------------------
@pytest.fixture
def june(store):
    """East Suffolk from 1 June 2019 (Waveney and Suffolk Coastal to 31 May): a monthly, a quarterly and an annual
    count, the predecessors' figures to May-19 (the quarter and year they ended in too), East Suffolk's after."""
    ref.add_district(store, "East Suffolk", county="Suffolk", valid_from="2019-06-01")
    for name in ("Waveney", "Suffolk Coastal"):
        ref.add_district(store, name, county="Suffolk", successor="East Suffolk", valid_to="2019-05-31")
    monthly = svc.save_indicator(store, "Domestic abuse incidents", polarity="higher")
    quarterly = svc.save_indicator(store, "Hate incidents", polarity="higher", frequency="quarterly")
    annual = svc.save_indicator(store, "Arson", frequency="annual")
    for name, n in (("district:waveney", 100.0), ("district:suffolk-coastal", 50.0)):
        _save(store, monthly, name, [PeriodValue(m.iso, n) for m in [*Y18.months, *Y19.months[:2]]])
        _save(store, quarterly, name, [PeriodValue(q.key, 3 * n) for q in [*Y18.quarters, Y19.quarters[0]]])
        _save(store, annual, name, [PeriodValue(y.label, 12 * n) for y in (Y18, Y19)])
    _save(store, monthly, EAST, [PeriodValue(m.iso, 160.0) for m in [*Y19.months[2:], *Y20.months[:3]]])
    _save(store, quarterly, EAST, [PeriodValue(q.key, 480.0) for q in [*Y19.quarters[1:], Y20.quarters[0]]])
    _save(store, annual, EAST, [PeriodValue(Y20.label, 1900.0)])
    return store, monthly, quarterly, annual


MIXED = "2019/20: own from Jun-19; before, Suffolk Coastal and Waveney"


def test_a_year_that_mixes_says_whose_is_which_in_the_row_label(june):
    store, monthly, _, _ = june
    v = svc.year_view(store, monthly, EAST, Y20)
    assert v.values_last == [150.0, 150.0] + [160.0] * 10
    assert v.change is not None and v.change.difference == 480 - 460
    grid = {r.key: r for r in svc.entry_grid(store, monthly, EAST, Y20).rows}
    assert grid[svc.GRID_LAST_YEAR].label == MIXED
    assert grid[svc.GRID_CUMULATIVE_LAST].label == "2019/20 cumulative: own from Jun-19; before, Suffolk Coastal " \
        "and Waveney"
    assert "Suffolk Coastal + Waveney" in grid[svc.GRID_LAST_YEAR].cells[0].tooltip
    assert grid[svc.GRID_LAST_YEAR].cells[2].tooltip == ""  # its own June
    headline = v.headline()
    assert "Last year's figures are those of" not in headline  # not all of them are
    assert f"Last year's figures to May-19 are those of the districts East Suffolk replaced ({MIXED})." in headline


def test_a_year_that_mixes_in_the_chart_compare_areas_and_report(june):
    from safer_desk.services.report import build_report

    store, monthly, _, _ = june
    chart = _presenter(store, EAST, Y20, monthly, date(2020, 7, 10)).chart(ChartMode.YEAR)
    assert list(chart.series) == ["2020/21", MIXED]
    comparison = AreaComparisonPresenter(store)
    comparison.load(monthly, Y20)
    row = next(r for r in comparison.rows if r.area_id == EAST)
    assert row.change_text.endswith(f"(against {MIXED})")
    doc = build_report(store, year="2020/21", area="East Suffolk", today=date(2020, 7, 10))
    section = next(s for s in doc.sections if s.title == "Indicators: East Suffolk")
    said = " ".join(section.paragraphs)
    assert "East Suffolk began on 01/06/2019: its 2019/20 figures here before then" in said
    assert "its 2019/20 figures here (Last year" not in said  # June to March are its own
    chart = next(c for c in section.charts if c.title.startswith("Domestic abuse incidents"))
    assert chart.series[0].name == MIXED and chart.series[0].values[:3] == [150.0, 150.0, 160.0]


PART_WAY = "East Suffolk began on 01/06/2019, part-way through Q1 2019/20"


def test_the_quarter_a_district_began_in_is_blank_and_said(june):
    store, _, quarterly, _ = june
    v = svc.year_view(store, quarterly, EAST, Y20)
    assert v.values_last == [None, 480.0, 480.0, 480.0]  # never Suffolk Coastal's and Waveney's April and May
    assert v.change is None
    grid = {r.key: r for r in svc.entry_grid(store, quarterly, EAST, Y20).rows}
    last = grid[svc.GRID_LAST_YEAR]
    assert last.label == "2019/20"  # the figures it shows are its own
    assert last.cells[0].text == "" and last.cells[0].tooltip.startswith(f"Blank: {PART_WAY}")
    assert "Suffolk Coastal's and Waveney's" in last.cells[0].tooltip
    said = "Q1 2019/20 left blank: East Suffolk began on 01/06/2019, part-way through it"
    assert v.last_year_words() == said and said in v.change_sentence()
    assert "Last year's Q1 2019/20 is left blank: East Suffolk began on 01/06/2019, part-way through it, and no " \
        "figure held covers all of it." in v.headline()
    chart = _presenter(store, EAST, Y20, quarterly, date(2020, 7, 10)).chart(ChartMode.YEAR)
    assert chart.series["2019/20"][0] is None and chart.summary.endswith(
        "Last year's Q1 2019/20 is left blank: East Suffolk began on 01/06/2019, part-way through it, and no "
        "figure held covers all of it.")
    comparison = AreaComparisonPresenter(store)
    comparison.load(quarterly, Y20)
    row = next(r for r in comparison.rows if r.area_id == EAST)
    assert row.change_text == f"not compared: {said}"


def test_the_year_a_district_began_in_is_blank_and_said_for_an_annual_indicator(june):
    from safer_desk.services.report import build_report

    store, _, _, annual = june
    v = svc.year_view(store, annual, EAST, Y20)
    assert v.values_last == [None] and v.change is None
    assert "Last year's 2019/20 is left blank: East Suffolk began on 01/06/2019, part-way through it" in v.headline()
    doc = build_report(store, year="2020/21", area="East Suffolk", today=date(2020, 7, 10))
    section = next(s for s in doc.sections if s.title == "Indicators: East Suffolk")
    assert any(p.startswith("Arson:") and "Last year's 2019/20 is left blank" in p for p in section.paragraphs)


def test_the_year_before_the_one_it_began_in_is_still_its_predecessors(june):
    store, _, quarterly, annual = june
    assert svc.year_view(store, quarterly, EAST, Y19).values_last == [450.0] * 4
    assert svc.year_view(store, annual, EAST, Y19).values_last == [1800.0]


def test_the_window_s_grid_cuts_a_long_row_label_and_shows_it_whole_on_pointing(window, june):
    """The named last-year rows widened the grid's row labels until no figure showed at 1093x582 (a 1366x768 laptop
    at 125%): the label is cut at its end, its own part first, and read whole in its tooltip."""
    store, monthly, _, _ = june
    window.resize(1093, 582)
    window.set_store(store)
    tab = window.show_tab("indicators")
    window.show()
    assert tab.select_area(EAST) and tab.select_year(Y20) and tab.select_indicator(monthly)
    grid = tab.grid
    row = grid.keys.index(svc.GRID_LAST_YEAR)
    shown = grid.verticalHeaderItem(row).text()
    assert shown.startswith("2019/20: own from Jun-19") and shown.endswith("…")
    assert grid.verticalHeaderItem(row).toolTip() == MIXED
    assert grid.columnViewportPosition(1) + grid.columnWidth(1) <= grid.viewport().width()  # Apr and May show
    assert grid.item(row, 0).text() == "150" and "Suffolk Coastal + Waveney" in grid.item(row, 0).toolTip()
