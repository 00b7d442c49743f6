"""Round 38 (rof): a district formed since says of a predecessor the file does not hold that it is not held.

East Suffolk replaced Suffolk Coastal and Waveney on 1 April 2019. A county file merged from today's offices holds
Waveney's 2018/19 figures but none of Suffolk Coastal's at all: the Last year row's tooltip said "no figure for
Suffolk Coastal" of it, as of a held district without a figure for the period. It says "not held in this file", by the
rule the grid's Source row and the board report use (``districts_not_held``); a held predecessor without a figure is
"no figure yet" while last year runs, "no figure" once it is over, as before.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.demo_data import reference
from safer_desk.services.indicators import PeriodValue

Y18, Y19 = FinancialYear(2018), FinancialYear(2019)
EAST = "district:east-suffolk"
OVER, RUNNING = date(2026, 1, 20), date(2019, 2, 1)  # 2018/19 over; 2018/19 still running (2019/20 looked ahead at)
REST = ", and the others' figures alone are not East Suffolk's area."


def _file(store, *, coastal_held: bool) -> str:
    """Quarterly counts: Waveney's for 2018/19, East Suffolk's for 2019/20; Suffolk Coastal's none at all (not
    held), or one for 2017/18 only (held, without a figure for 2018/19)."""
    reference.add_examples(store)
    ind = svc.save_indicator(store, "Domestic abuse incidents", polarity="higher", frequency="quarterly")
    svc.save_values(store, ind, "district:waveney", [PeriodValue(p, 10.0) for p in svc.year_periods("quarterly", Y18)],
                    require_red_comments=False)
    svc.save_values(store, ind, EAST, [PeriodValue(p, 30.0) for p in svc.year_periods("quarterly", Y19)],
                    require_red_comments=False)
    if coastal_held:
        svc.save_values(store, ind, "district:suffolk-coastal", [PeriodValue("2017-Q1", 12.0)],
                        require_red_comments=False)
    return ind


def _last_year_q1(store, ind, today) -> svc.GridCell:
    return svc.entry_grid(store, ind, EAST, Y19, today=today).row(svc.GRID_LAST_YEAR).cells[0]


@pytest.mark.parametrize("today", [OVER, RUNNING])
def test_the_grid_s_last_year_tooltip_says_a_predecessor_the_file_lacks_is_not_held(store, today):
    ind = _file(store, coastal_held=False)
    assert svc.districts_not_held(store, ["Suffolk Coastal", "Waveney"]) == {"Suffolk Coastal"}
    cell = _last_year_q1(store, ind, today)
    assert cell.text == "" and cell.tooltip == "Blank: not held in this file: Suffolk Coastal" + REST, cell.tooltip


def test_a_held_predecessor_without_a_figure_is_no_figure_once_last_year_is_over(store):
    ind = _file(store, coastal_held=True)
    assert _last_year_q1(store, ind, OVER).tooltip == "Blank: no figure for Suffolk Coastal" + REST


def test_and_no_figure_yet_while_last_year_runs(store):
    ind = _file(store, coastal_held=True)
    assert _last_year_q1(store, ind, RUNNING).tooltip == "Blank: no figure yet for Suffolk Coastal" + REST


def test_the_year_view_says_it_given_the_districts_not_held(store):
    """The service's own words, for any caller holding ``districts_not_held`` (as the grid does)."""
    ind = _file(store, coastal_held=False)
    v = svc.year_view(store, ind, EAST, Y19, today=OVER)
    assert v.last_year_tooltip(0) == "Blank: no figure for Suffolk Coastal" + REST
    assert v.last_year_tooltip(0, {"Suffolk Coastal"}) == "Blank: not held in this file: Suffolk Coastal" + REST
