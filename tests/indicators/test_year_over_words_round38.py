"""Round 38 (yet): the chart's place and the tab's empty words of a year that is over no longer say "yet".

Round 37 made a past year's headline, RAG word and the grid's Source cell say "No figure(s) recorded" once the year is
over by the day it is looked at (``YearView.year_over``). The chart's place under them still said "no figures to
chart yet" of 2019/20 (the chart's words for a screen reader too), and the tab with no indicator for an area and a
year over "No indicator figures for … yet", beside a headline saying "No figures were recorded for 2019/20". They
follow the same rule now; a year still running keeps "yet".
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators import PeriodValue

FY19 = FinancialYear(2019)
OVER, RUNNING = date(2026, 1, 20), date(2019, 11, 5)


def _alpha(store) -> str:
    """Alpha with a target for 2019/20 and no figure (its row is listed; there is nothing to chart)."""
    ref.add_district(store, "Alpha", county="Testshire")
    ind = svc.save_indicator(store, "Burglary")
    svc.set_target(store, ind, svc.ensure_area(store, "Alpha", "district"), FY19, kind="annual", value=500)
    return ind


def _presenter(store, ind: str, today: date) -> IndicatorsPresenter:
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: today)
    p.load("district:alpha", FY19)
    assert p.choose_indicator(ind, lambda *a: True)
    return p


def test_the_chart_of_a_year_over_says_no_figures_were_recorded(store):
    ind = _alpha(store)
    p = _presenter(store, ind, OVER)
    assert p.view.headline().startswith("No figures were recorded for 2019/20.")
    data = p.chart(ChartMode.YEAR)
    assert data.empty
    assert p.no_chart_text(data.title) == (f"{data.title}: no figures were recorded for 2019/20. Type them in the "
                                           "grid below, or import them.")
    assert data.summary == f"{data.title}: no figures were recorded for 2019/20."
    assert "yet" not in data.summary


def test_the_chart_of_the_year_running_keeps_yet(store):
    ind = _alpha(store)
    p = _presenter(store, ind, RUNNING)
    data = p.chart(ChartMode.YEAR)
    assert p.no_chart_text(data.title) == f"{data.title}: no figures to chart yet. Type them in the grid below, " \
                                          "or import them."
    assert data.summary == f"{data.title}: no figures to chart yet."


def test_an_area_with_no_indicator_in_a_year_over_says_none_was_recorded(store):
    ref.add_district(store, "Alpha", county="Testshire")
    svc.ensure_area(store, "Alpha", "district")
    for today, said in ((OVER, "No indicator figures were recorded for Alpha in 2019/20. Import police data"),
                        (RUNNING, "No indicator figures for Alpha in 2019/20 yet. Import police data")):
        p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda today=today: today)
        p.load("district:alpha")
        assert p.choose_year(FY19, lambda *a: True) and not p.rows
        assert p.empty_message().startswith(said)


def test_the_window_s_chart_place_says_a_past_year_s_figures_were_not_recorded(demo_window):
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("county:suffolk")
    assert tab.select_year(FY19)
    assert tab.select_indicator("All crime")
    assert tab.chart_stack.currentWidget() is tab.empty_state
    assert "No figures were recorded for 2019/20" in tab.headline.text()
    said = tab.empty_state.text()
    assert "no figures were recorded for 2019/20" in said and "yet" not in said


# -- a partnership's last year: whose figures each period adds, and why a blank one is blank ------------------------
FY20 = FinancialYear(2020)
AB = "partnership:ab-csp"


def _ab(store) -> str:
    """AB CSP from Alpha and Beta; Beta's May 2019 figure missing (the grid's Source row says so of 2019/20)."""
    ref.add_district(store, "Alpha", county="Testshire")
    ref.add_district(store, "Beta", county="Testshire")
    ref.add_partnership(store, "AB CSP", districts=["Alpha", "Beta"])
    ind = svc.save_indicator(store, "Burglary")
    for district, n in (("Alpha", 10.0), ("Beta", 6.0)):
        area = svc.ensure_area(store, district, "district")
        svc.save_values(store, ind, area, [PeriodValue(m.iso, n) for m in FY19.months[:6]])
        svc.save_values(store, ind, area, [PeriodValue(FY20.months[0].iso, n)])
    svc.save_values(store, ind, "district:beta", [PeriodValue("2019-05", None)])
    return ind


def _last_year(store, ind, today: date):
    return svc.entry_grid(store, ind, AB, FY20, today=today).row(svc.GRID_LAST_YEAR).cells


def test_last_year_s_blank_says_no_figure_was_recorded_once_that_year_is_over(store):
    ind = _ab(store)
    cells = _last_year(store, ind, OVER)
    assert [c.text for c in cells[:3]] == ["16", "", "16"]
    assert cells[0].tooltip == "Derived from Alpha + Beta"
    assert cells[1].tooltip == "Blank: no figure was recorded for Beta."
    assert cells[11].text == "" and cells[11].tooltip == ""  # no district's figure held: nothing to add up


def test_last_year_s_blank_says_yet_while_that_year_runs(store):
    ind = _ab(store)
    assert _last_year(store, ind, date(2020, 3, 31))[1].tooltip == "Blank: no figure yet for Beta."  # its last day


def test_the_window_s_last_year_cell_says_why_it_is_blank(window, tmp_path):
    from safer_desk.storage.store import open_store

    path = tmp_path / "ab.sqlite"
    s = open_store(path, create=True)
    _ab(s)
    s.close()
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    assert tab.select_area(AB) and tab.select_year(FY20) and tab.select_indicator("Burglary")
    row = tab.grid.keys.index(svc.GRID_LAST_YEAR)
    assert tab.grid.item(row, 0).toolTip() == "Derived from Alpha + Beta"
    assert tab.grid.item(row, 1).text() == ""
    assert tab.grid.item(row, 1).toolTip() == "Blank: no figure was recorded for Beta."
