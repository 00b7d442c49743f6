"""Round 39 (inx): a district formed since says "not held in this file" of a predecessor the file holds nothing of,
in its words as in its grid.

East Suffolk replaced Suffolk Coastal and Waveney on 1 April 2019. A county file merged from today's offices holds
Waveney's 2018/19 figures but none of Suffolk Coastal's at all. The Last year row's tooltips said so (round 38 rof),
but the words under the grid (the headline, its change sentence, the list's tooltip, the summary exported) said "no
figures for Suffolk Coastal", the chart's words said only "no figures", and the chart's place nothing of last year.
Each now says "not held in this file: Suffolk Coastal" (``YearView.replaced_not_held``, by ``districts_not_held``);
a held predecessor without a figure is "no figures for Suffolk Coastal", as before.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter, last_year_gaps
from safer_desk.services import indicators as svc
from tests.indicators.test_last_year_not_held_round38rof import EAST, OVER, Y19, _file

NOT_HELD = "not held in this file: Suffolk Coastal"
LABEL = "2018/19: Suffolk Coastal and Waveney"


def _presenter(store, ind) -> IndicatorsPresenter:
    p = IndicatorsPresenter(store, today=lambda: OVER)
    p.load(EAST, Y19)
    assert p.choose_indicator(ind, lambda *a: True)
    return p


def _grid_tooltip(store, ind) -> str:
    return svc.entry_grid(store, ind, EAST, Y19, today=OVER).row(svc.GRID_LAST_YEAR).cells[0].tooltip


def test_the_words_say_not_held_as_the_grid_does(store):
    ind = _file(store, coastal_held=False)
    assert NOT_HELD in _grid_tooltip(store, ind)  # the grid, since round 38
    p = _presenter(store, ind)
    v = p.view
    assert v.last_year_words() == f"{LABEL}; {NOT_HELD}, left blank rather than Waveney's alone"
    assert f"({LABEL}; {NOT_HELD}, left blank rather than Waveney's alone)." in p.headline()
    assert "no figures for Suffolk Coastal" not in p.headline()
    assert NOT_HELD in v.change_sentence()
    sheet = p.summary_sheet()  # the summary exported says whose last year is, and why it is blank
    assert any(NOT_HELD in str(cell) for row in sheet.rows for cell in row)


@pytest.mark.parametrize("mode", [ChartMode.YEAR, ChartMode.CUMULATIVE])
def test_the_chart_s_words_say_why_last_year_is_blank(store, mode):
    ind = _file(store, coastal_held=False)
    summary = _presenter(store, ind).chart(mode).summary
    assert f": no figures ({NOT_HELD}, left blank rather than Waveney's alone)" in summary, summary


def test_the_chart_s_words_name_a_held_predecessor_without_a_figure(store):
    """Not waiting for the patch: a predecessor held, without a figure, was "no figures" and no more."""
    ind = _file(store, coastal_held=True)
    p = _presenter(store, ind)
    assert last_year_gaps(p.view) == "no figures for Suffolk Coastal, left blank rather than Waveney's alone"
    summary = p.chart(ChartMode.YEAR).summary
    assert f"{LABEL}: no figures (no figures for Suffolk Coastal, left blank rather than Waveney's alone)." \
        in summary, summary
    assert "no figures for Suffolk Coastal" in p.headline()  # as before


def _without_this_year(store, ind) -> None:
    """East Suffolk's own 2019/20 figures gone: nothing to chart, last year blank."""
    with store.transaction():
        store.execute_counted("indicator_values", "delete", "DELETE FROM indicator_values WHERE indicator_id = ? AND "
                              "area_id = ?", (ind, EAST))


def test_the_chart_s_place_says_whose_last_year_is_and_why_it_is_blank(store):
    ind = _file(store, coastal_held=False)
    _without_this_year(store, ind)
    p = _presenter(store, ind)
    data = p.chart(ChartMode.YEAR)
    assert data.empty
    said = p.no_chart_text(data.title)
    assert said.endswith(f"Type them in the grid below, or import them. Last year ({LABEL}; {NOT_HELD}, left blank "
                         "rather than Waveney's alone)."), said


def test_the_chart_s_place_of_a_district_whose_last_year_is_its_own_is_as_before(store):
    ind = _file(store, coastal_held=False)
    p = IndicatorsPresenter(store, today=lambda: OVER)
    p.load("district:waveney", Y19)  # ended before 2019/20: nothing of its own that year, last year its own
    assert p.choose_indicator(ind, lambda *a: True)
    data = p.chart(ChartMode.YEAR)
    assert p.no_chart_text(data.title).endswith("Type them in the grid below, or import them.")


def test_the_tab_shows_the_same_words(window, store, qtbot):
    ind = _file(store, coastal_held=False)
    path = store.path
    store.close()
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    assert tab.select_area(EAST) and tab.select_year(Y19) and tab.select_indicator(ind)
    grid_tip = tab.grid.item(tab.grid.keys.index(svc.GRID_LAST_YEAR), 0).toolTip()
    assert NOT_HELD in grid_tip
    assert NOT_HELD in tab.headline.text()
    assert NOT_HELD in tab.chart_summary.text()
    row = tab.summary_proxy.index(0, 0)
    tips = [tab.summary_proxy.index(0, c).data(0x03) or "" for c in range(tab.summary_proxy.columnCount())]
    assert row.isValid() and any(NOT_HELD in t for t in tips), tips
