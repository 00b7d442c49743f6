"""Session 75 (ind1): a rate per 1,000 typed as 0.5 in April and 0.48 in May read "0.5 per 1,000" beside
"0.48 per 1,000", each figure with its own places, and an officer reading along the grid or down a period took the
first for a rougher figure. A rate's figures now read with the most places any of its figures is held with (within
a rate's rule: two at most under 10 when worked out), this year's and last year's alike, and so do the figures to
date: "0.50" beside "0.48"."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)


@pytest.fixture
def presenter(store):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.save_values(store, ind, area, [PeriodValue("2016-04", value=0.5), PeriodValue("2016-05", value=0.48),
                                       PeriodValue("2016-06", value=3.0)])
    svc.save_values(store, ind, area, [PeriodValue("2015-04", value=0.52), PeriodValue("2015-05", value=0.5),
                                       PeriodValue("2015-06", value=1.0)])
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: date(2017, 1, 10))
    p.load(area, FY16)
    p.choose_indicator(ind, lambda *a: True)
    return p


def row(p, key):
    return [p.figures.cell(key, i).text for i in range(3)]


def test_a_rate_row_reads_with_the_places_of_its_figures(presenter):
    assert row(presenter, svc.GRID_VALUE) == ["0.50 per 1,000", "0.48 per 1,000", "3.00 per 1,000"]
    assert row(presenter, svc.GRID_LAST_YEAR) == ["0.52 per 1,000", "0.50 per 1,000", "1.00 per 1,000"]
    assert presenter.view.period_text(0) == "0.50 per 1,000"


def test_figures_to_date_read_alike(presenter):
    assert row(presenter, svc.GRID_CUMULATIVE) == ["0.50 per 1,000", "0.98 per 1,000", "3.98 per 1,000"]
    assert row(presenter, svc.GRID_CUMULATIVE_LAST) == ["0.52 per 1,000", "1.02 per 1,000", "2.02 per 1,000"]


def test_a_rate_in_whole_numbers_stays_whole(store):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.save_values(store, ind, area, [PeriodValue("2016-04", value=5.0), PeriodValue("2016-05", value=4.0)])
    view = svc.year_view(store, ind, area, FY16, today=date(2017, 1, 10))
    assert [view.period_text(i) for i in range(2)] == ["5 per 1,000", "4 per 1,000"]


def test_compare_areas_figure_column_reads_with_one_number_of_places(store):
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    ind = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    for name, figure in (("Babergh", 0.5), ("Ipswich", 0.48)):
        area = svc.ensure_area(store, name, "district")
        svc.save_values(store, ind, area, [PeriodValue("2016-04", value=figure)])
    p = AreaComparisonPresenter(store, today=lambda: date(2016, 5, 10))
    p.load(ind, FY16)
    shown = {r.area: r.figure_text for r in p.rows}
    assert shown == {"Babergh": "0.50 per 1,000", "Ipswich": "0.48 per 1,000"}


def test_a_rate_target_row_reads_with_one_number_of_places(store):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.set_target(store, ind, area, FY16, kind="annual", value=20)
    svc.save_values(store, ind, area, [PeriodValue("2016-04", value=1.6)])
    grid = svc.entry_grid(store, ind, area, FY16, today=date(2016, 5, 10))
    targets = [c.text.removesuffix(" per 1,000") for c in grid.row(svc.GRID_TARGET).cells]
    # was "1.67", "3.33", "5", "6.67", "8.33", "10", "11.7", "13.3", "15", "16.7", "18.3", "20"
    assert targets == ["1.67", "3.33", "5.00", "6.67", "8.33", "10.00", "11.67", "13.33", "15.00", "16.67", "18.33",
                       "20.00"]
    assert grid.row(svc.GRID_CUMULATIVE).cells[0].text == "1.60 per 1,000"
    assert grid.row(svc.GRID_GAP).cells[0].text == "\u22120.07"
