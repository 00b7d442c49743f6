"""Session 73 (ind7): 98 violent crimes in April among Babergh's 100,000 people are 0.98 per 1,000; the grid showed
"1 per 1,000" (a rate's one place, 1.0, written without its 0) beside a target to date of "3 per 1,000" and a Gap to
target of "−2.0", a place the figure beside it does not have, which reads as a figure that is not 1. The gap now has
the places its figure and target are shown with ("−2"), and a figure whose own places would not add up with the gap
is shown with the gap's (0.94 against 2.46 is "0.94" against "2.46", a gap of "−1.52", never "0.9" and "2.5" beside
"−1.5")."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain import indicators as dom
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc

FY16 = FinancialYear(2016)


@pytest.fixture
def grid(store):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.set_population(store, area, FY16, 100000)
    svc.set_target(store, ind, area, FY16, kind="annual", value=36)
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: date(2017, 1, 10))
    p.load(area, FY16)
    p.choose_indicator(ind, lambda *a: True)
    p.figures.set_text(svc.GRID_NUMERATOR, 0, "98")
    p.figures.set_text(svc.GRID_DENOMINATOR, 0, "100,000")
    assert p.figures.save(), p.figures.form_message
    return p.figures


def test_the_figure_target_and_gap_read_alike(grid):
    assert grid.cell(svc.GRID_CUMULATIVE, 0).text == "0.98 per 1,000"  # "1" until s74
    assert grid.cell(svc.GRID_TARGET, 0).text == "3.00 per 1,000"  # the figure's places (s75)
    assert grid.cell(svc.GRID_GAP, 0).text == "\u22122.02"


@pytest.mark.parametrize(("value", "target", "shown"), [
    (0.98, 3, ("0.98 per 1,000", "3 per 1,000", "\u22122.02")),
    (0.94, 2.46, ("0.94 per 1,000", "2.46 per 1,000", "\u22121.52")),
    (0.944, 2.5, ("0.94 per 1,000", "2.5 per 1,000", "\u22121.56")),
])
def test_the_three_add_up_as_read(value, target, shown):
    figure, target_text = dom.format_against_target(value, target, "rate", "lower", 5, "relative", 1000)
    pv, pt = dom.places_against_target(value, target, "rate", "lower", 5)
    gap_places = dom.places_adding_up(value, target, pv, pt)[2]
    gap = "\u2212" + dom.format_number(abs(value - target), gap_places)
    assert (figure, target_text, gap) == shown
