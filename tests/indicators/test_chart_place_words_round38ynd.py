"""Round 38 (ynd): the chart's place of a partnership or county with nothing to chart says what can be done there.

It said "Type them in the grid below, or import them." of a partnership whose figures are added up from its
districts' (a derived figure cannot be typed over): it says now that they come from its districts', names the few
districts without a figure for the year, and says to type or import theirs; in the window and to a screen reader
(the chart's words). A district's chart place is as it was.
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators import PeriodValue

FY16, FY19 = FinancialYear(2016), FinancialYear(2019)
OVER, RUNNING = date(2026, 1, 20), date(2019, 11, 5)
ABC = "partnership:abc-csp"


def _abc(store) -> str:
    """ABC CSP of Alpha, Beta and Gamma: Alpha has figures for 2019/20, Beta and Gamma none."""
    for name in ("Alpha", "Beta", "Gamma"):
        ref.add_district(store, name, county="Testshire")
    ref.add_partnership(store, "ABC CSP", districts=["Alpha", "Beta", "Gamma"])
    ind = svc.save_indicator(store, "Burglary")
    area = svc.ensure_area(store, "Alpha", "district")
    svc.save_values(store, ind, area, [PeriodValue(m.iso, 10.0) for m in FY19.months[:6]])
    return ind


def _presenter(store, ind: str, today: date, area: str = ABC, year: FinancialYear = FY19) -> IndicatorsPresenter:
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: today)
    p.load(area, year)
    assert p.choose_indicator(ind, lambda *a: True)
    return p


def test_a_partnership_s_chart_place_names_the_districts_without_figures(store):
    ind = _abc(store)
    p = _presenter(store, ind, OVER)
    data = p.chart(ChartMode.YEAR)
    assert data.empty
    said = p.no_chart_text(data.title)
    assert said == (f"{data.title}: no figures were recorded for 2019/20. ABC CSP's figures are added up from its "
                    "districts', and Beta and Gamma have none for 2019/20: type or import theirs (choose a district "
                    "in Area).")
    assert "grid below" not in said
    assert data.summary == said  # what a screen reader is told of the chart


def test_while_the_year_runs_the_districts_have_none_yet(store):
    ind = _abc(store)
    p = _presenter(store, ind, RUNNING)
    data = p.chart(ChartMode.CUMULATIVE)
    assert "Beta and Gamma have none for 2019/20 yet: type or import theirs" in p.no_chart_text(data.title)
    assert "Beta and Gamma have none for 2019/20 yet" in data.summary


def test_the_rolling_chart_of_a_partnership_says_it_to_a_screen_reader(store):
    ind = _abc(store)
    p = _presenter(store, ind, OVER)
    data = p.chart(ChartMode.ROLLING)
    assert data.empty
    assert data.summary.endswith("Beta and Gamma have none for 2019/20: type or import theirs (choose a district "
                                 "in Area).")


def test_a_county_of_many_districts_without_figures_counts_them(demo_store):
    p = _presenter(demo_store, "All crime", OVER, "county:suffolk", FY16)
    assert p.view is not None and p.view.ytd is None
    said = p.no_chart_text("X")
    assert said == ("X: no figures were recorded for 2016/17. Suffolk's figures are added up from its districts', "
                    "and its 7 districts have none for 2016/17: type or import theirs (choose a district in Area).")


def test_a_county_whose_districts_the_file_does_not_all_hold_says_so_to_a_screen_reader_too(store):
    """Plymouth alone of Devon's districts, with figures, and a target for Devon (its row is listed)."""
    ref.add_district(store, "Plymouth", county="Devon")
    ind = svc.save_indicator(store, "Burglary")
    svc.save_values(store, ind, svc.ensure_area(store, "Plymouth", "district"),
                    [PeriodValue(m.iso, 10.0) for m in FY19.months[:6]])
    svc.set_target(store, ind, svc.ensure_area(store, "Devon", "county"), FY19, kind="annual", value=500)
    p = _presenter(store, ind, OVER, "county:devon")
    data = p.chart(ChartMode.YEAR)
    assert data.empty and "does not hold all of them (not East Devon" in data.summary
    assert data.summary == p.no_chart_text(data.title) and "type or import theirs" not in data.summary


def test_a_district_s_chart_place_is_as_it_was(store):
    ind = _abc(store)
    p = _presenter(store, ind, OVER, "district:beta")
    data = p.chart(ChartMode.YEAR)
    assert p.no_chart_text(data.title) == (f"{data.title}: no figures were recorded for 2019/20. Type them in the "
                                           "grid below, or import them.")
    assert data.summary == f"{data.title}: no figures were recorded for 2019/20."


def test_the_window_says_it_in_the_chart_s_place_and_in_the_chart_s_words(window, tmp_path):
    from safer_desk.storage.store import open_store

    path = tmp_path / "abc.sqlite"
    s = open_store(path, create=True)
    _abc(s)
    s.close()
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    assert tab.select_area(ABC) and tab.select_year(FY19) and tab.select_indicator("Burglary")
    assert tab.chart_stack.currentWidget() is tab.empty_state
    said = tab.empty_state.text()
    assert "Beta and Gamma have none for 2019/20" in said and "type or import theirs" in said
    assert "grid below" not in said
    assert tab.chart.accessibleDescription() == said
    tab.mode_combo.setCurrentIndex(tab.mode_combo.findData(ChartMode.ROLLING.value))
    assert tab.chart_stack.currentWidget() is tab.chart  # an empty rolling chart is drawn, its words under it
    assert tab.chart_summary.isVisibleTo(window)
    assert "Beta and Gamma have none for 2019/20" in tab.chart_summary.text()
