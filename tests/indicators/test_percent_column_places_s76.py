"""Session 76 (figures): a percentage indicator's row mixed numbers of places, each figure with its own: the
example's Level Two satisfaction read "100%", "88.9%", "88.9%", "85.7%", "75%", "90%" along 2016/17, its figures to
date "90%" beside "92.6%", and a typed 86 read "86%" beside a typed 85.5's "85.5%". Rates were given one number of
places along a row last round (dom.column_places); percentages now read the same way: the most places any figure
of the row is held with (a worked-out ratio's one place, a typed figure's up to two), in the grid, the year-to-date
cells, Compare Areas and the summary's export alike. The changes and gaps in points read with those places too
("+1.0 pts" beside "+2.4 pts")."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.domain import indicators as dom
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)
TODAY = date(2016, 7, 10)


def _ratio(period: str, num: int, den: int) -> PeriodValue:
    return PeriodValue(period, value=num * 100 / den, numerator=num, denominator=den)


@pytest.fixture
def grid(store):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    svc.save_values(store, ind, area, [_ratio("2016-04", 9, 9), _ratio("2016-05", 16, 18), _ratio("2016-06", 6, 8)])
    svc.save_values(store, ind, area, [PeriodValue("2015-04", value=85.5), PeriodValue("2015-05", value=86.5),
                                       PeriodValue("2015-06", value=74.0)])
    svc.set_target(store, ind, area, FY16, kind="threshold", value=90)
    return svc.entry_grid(store, ind, area, FY16, today=TODAY)


def row(grid, key, n=3):
    return [c.text for c in grid.row(key).cells[:n]]


def test_a_percentage_row_reads_with_one_number_of_places(grid):
    # was "100%", "88.9%", "75%" and "85.5%", "86.5%", "74%"
    assert row(grid, svc.GRID_VALUE) == ["100.0%", "88.9%", "75.0%"]
    assert row(grid, svc.GRID_LAST_YEAR) == ["85.5%", "86.5%", "74.0%"]


def test_changes_in_points_read_with_the_places_of_their_figures(grid):
    # 75.0% against 74.0% is "+1.0 pts" beside "+14.5 pts", never "+1 pt"
    assert row(grid, svc.GRID_CHANGE) == ["+14.5 pts", "+2.4 pts", "+1.0 pts"]


def test_figures_to_date_target_and_gap_read_alike(grid):
    assert row(grid, svc.GRID_CUMULATIVE) == ["100.0%", "92.6%", "88.6%"]
    assert row(grid, svc.GRID_TARGET) == ["90.0%", "90.0%", "90.0%"]
    # was "+10 pts" beside "+2.6 pts"
    assert row(grid, svc.GRID_GAP) == ["+10.0 pts", "+2.6 pts", "\u22121.4 pts"]
    v = grid.view
    assert (v.ytd_text(), v.ytd_last_text(), v.ytd_target_text()) == ("88.6%", "82.0%", "90.0%")


def test_whole_percentages_stay_whole(store):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    svc.save_values(store, ind, area, [PeriodValue("2016-04", value=90.0), PeriodValue("2016-05", value=80.0)])
    grid = svc.entry_grid(store, ind, area, FY16, today=TODAY)
    assert row(grid, svc.GRID_VALUE, 2) == ["90%", "80%"]
    assert row(grid, svc.GRID_CUMULATIVE, 2) == ["90%", "85%"]


def test_compare_areas_figure_column_reads_with_one_number_of_places(store):
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    for name, figure in (("Babergh", 85.5), ("Ipswich", 86.0)):
        area = svc.ensure_area(store, name, "district")
        svc.save_values(store, ind, area, [PeriodValue("2016-04", value=figure)])
    p = AreaComparisonPresenter(store, today=lambda: date(2016, 5, 10))
    p.load(ind, FY16)
    assert {r.area: r.figure_text for r in p.rows} == {"Babergh": "85.5%", "Ipswich": "86.0%"}


def test_the_summary_export_writes_the_places_shown(store):
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.indicators import IndicatorsPresenter

    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    svc.save_values(store, ind, area, [PeriodValue("2016-04", value=86.0)])
    svc.save_values(store, ind, area, [PeriodValue("2015-04", value=85.5)])
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    p.load(area, FY16)
    sheet = p.summary_sheet()
    ytd, last, change = sheet.rows[0][3:6]
    # a workbook prints 86.0% beside 85.5% (ShownFigure: the number, its places, its unit)
    assert (ytd.places, last.places, change.places) == (1, 1, 1)
    assert (float(ytd), float(last), float(change)) == (86.0, 85.5, 0.5)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 10000).map(lambda n: n / 100),
                          st.tuples(st.integers(0, 500), st.integers(1, 500)).map(lambda t: min(t) * 100 / max(t))),
                min_size=1, max_size=12))
def test_one_number_of_places_along_any_row_of_percentages(values):
    places = dom.column_places(values, "percentage")
    texts = [dom.format_value(v, "percentage", places) for v in values if v is not None]
    assert len({t.rstrip("%").partition(".")[2].__len__() for t in texts}) <= 1
    # no figure reads rougher than it does on its own
    for v in values:
        if v is not None:
            assert places >= dom.natural_places(v, "percentage")


def test_a_gap_of_one_point_is_one_point(store):
    """The example's "People feeling safe" read "+1 pts" against its target (91% against 90%)."""
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Feeling safe", unit="percentage", polarity="higher", frequency="quarterly")
    svc.set_target(store, ind, area, FY16, kind="threshold", value=90)
    svc.save_values(store, ind, area, [PeriodValue("2016/17-Q1", value=91.0)])
    grid = svc.entry_grid(store, ind, area, FY16, today=TODAY)
    assert grid.row(svc.GRID_GAP).cells[0].text == "+1 pt"  # was "+1 pts"
    svc.set_target(store, ind, area, FY16, kind="threshold", value=92)
    grid = svc.entry_grid(store, ind, area, FY16, today=TODAY)
    assert grid.row(svc.GRID_GAP).cells[0].text == "\u22121 pt"


def test_a_change_in_points_is_the_difference_of_the_figures_as_shown(store):
    """2,666 of 3,000 (88.87%) against 2,251 of 3,000 (75.03%) read "88.9%" and "75.0%" beside a change of "+13.8
    pts" (the unrounded difference, 13.83, rounded): the figures as read differ by 13.9. The change now reads as the
    difference of the figures beside it, in the grid, the year to date and the sentence, so they add up as read."""
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    svc.save_values(store, ind, area, [_ratio("2016-04", 2666, 3000)])
    svc.save_values(store, ind, area, [_ratio("2015-04", 2251, 3000)])
    grid = svc.entry_grid(store, ind, area, FY16, today=TODAY)
    assert row(grid, svc.GRID_VALUE, 1) == ["88.9%"] and row(grid, svc.GRID_LAST_YEAR, 1) == ["75.0%"]
    assert row(grid, svc.GRID_CHANGE, 1) == ["+13.9 pts"]  # was "+13.8 pts"
    v = grid.view
    assert (v.ytd_text(), v.ytd_last_text(), v.change.signed_text()) == ("88.9%", "75.0%", "+13.9 pts")
    assert "88.9%, an increase of 13.9 percentage points" in v.headline()
    assert float(v.change.shown_difference()) == 13.9


def test_figures_reading_alike_keep_their_change_from_reading_as_none(store):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    svc.save_values(store, ind, area, [_ratio("2016-04", 3002, 4001)])  # 75.031%
    svc.save_values(store, ind, area, [_ratio("2015-04", 3001, 4000)])  # 75.025%
    grid = svc.entry_grid(store, ind, area, FY16, today=TODAY)
    assert row(grid, svc.GRID_VALUE, 1) == ["75%"] and row(grid, svc.GRID_LAST_YEAR, 1) == ["75%"]
    assert row(grid, svc.GRID_CHANGE, 1) == ["+0.01 pts"]  # never "0" beside a real increase


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 500), st.integers(0, 500), st.integers(1, 500), st.integers(1, 500))
def test_a_change_adds_up_with_its_figures_as_read(a, b, den_a, den_b):
    this, last = min(a, den_a) * 100 / den_a, min(b, den_b) * 100 / den_b
    places = dom.column_places([this, last], "percentage")
    shown_this, shown_last = (dom.round_half_up(x, places) for x in (this, last))
    change = dom.Change(this, last, "percentage", "higher", None, places)
    if shown_this != shown_last:
        assert change.shown_difference() == shown_this - shown_last
    assert (change.shown_difference() > 0) == (this - last > 1e-9)


def test_the_rolling_chart_says_its_points_with_one_number_of_places(store):
    """The rolling 12 months chart said each point with its own places ("90%" then "89.2%") where the grid's rows
    read with one: its hover, the words under it and its Copy now read "90.0%" beside "89.2%"."""
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.indicators import IndicatorsPresenter

    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    months = [f"2015-{m:02d}" for m in range(4, 13)] + [f"2016-{m:02d}" for m in range(1, 5)]
    svc.save_values(store, ind, area, [_ratio(p, 8 if p == "2016-04" else 9, 10) for p in months],
                    require_red_comments=False)
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    p.load(area, FY16)
    assert p.choose_indicator(ind, lambda *a: True)
    data = p.chart("rolling")
    shown = [data.text("12 months to", i) for i, x in enumerate(data.series["12 months to"]) if x is not None]
    assert shown == ["90.0%", "89.2%"]  # was "90%", "89.2%"
    assert "latest 89.2% (Apr 2016), highest 90.0% (Mar 2016)" in data.summary


def test_the_county_workbook_holds_the_change_the_tab_shows(store):
    """The Indicator summary's Change cell held the unrounded 13.83 printed with one place, so Excel showed "13.8"
    beside "88.9" and "75.0" where the tab says +13.9 points; it now holds the change as shown."""
    from safer_desk.services.county_workbook import indicator_summary_sheet

    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    svc.save_values(store, ind, area, [_ratio("2016-04", 2666, 3000)])
    svc.save_values(store, ind, area, [_ratio("2015-04", 2251, 3000)])
    sheet = indicator_summary_sheet(store)
    change = [c.title for c in sheet.columns].index("Change")
    (row,) = [r for b in sheet.blocks for r in b.rows if r[1] == "2016/17"]
    assert (row[change].value, row[change].places) == (13.9, 1)
