"""Session 72: Ctrl+C on the Indicators figures grid gave Excel a target spread over the year and a percentage worked
out from its numerator and denominator with float noise: Babergh's All crime against 3,700 a year showed a Target
(cum.) of 308.3 for Apr-25 and pasted 308.3333333333333 (beside a Gap to target of 40.7, which Excel's 349 - 308.33
does not give), and Plymouth's satisfaction percentage showed 88.9% and pasted 88.88888888888889. A figure worked out
(a target spread over the year, a ratio of its numerator and denominator, a partnership's sum of its districts') is now
copied as the grid shows it, as the change, the cumulative figures and the gap are; a figure typed is copied as typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidgetSelectionRange
from PySide6.QtGui import QGuiApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc

PLYMOUTH = "district:plymouth"
FY16 = FinancialYear(2016)


def _copied_rows(tab) -> dict[str, list[str]]:
    grid = tab.grid
    grid.clearSelection()
    grid.setRangeSelected(QTableWidgetSelectionRange(0, 0, grid.rowCount() - 1, grid.columnCount() - 1), True)
    QGuiApplication.clipboard().setText("(nothing copied)")
    assert grid.copy_selection()
    lines = [line.split("\t") for line in QGuiApplication.clipboard().text().splitlines()]
    return {line[0]: line[1:] for line in lines[1:]}


def test_a_target_spread_over_the_year_is_copied_as_the_grid_shows_it(demo_window):
    store = demo_window.session.store
    ind = svc.save_indicator(store, "Thefts reported", unit="count", polarity="lower")
    svc.save_values(store, ind, PLYMOUTH, [svc.PeriodValue("2016-04", value=349),
                                           svc.PeriodValue("2016-05", value=288)], require_red_comments=False)
    svc.set_target(store, ind, PLYMOUTH, FY16, kind="annual", value=3700)
    tab = demo_window.show_tab("indicators")
    assert tab.select_area(PLYMOUTH) and tab.select_year(FY16) and tab.select_indicator(ind)
    rows = _copied_rows(tab)
    assert rows["Target (cum.)"][:3] == ["308.3", "616.7", "925.0"]  # one number of places along the row (s76)
    assert rows["Gap to target"][:2] == ["40.7", "20.3"]  # 349 - 308.3, 637 - 616.7 … as Excel adds them
    assert rows["2016/17"][:2] == ["349", "288"]


def test_a_percentage_worked_out_from_its_counts_is_copied_as_shown_and_a_typed_one_as_typed(demo_window):
    store = demo_window.session.store
    ind = svc.save_indicator(store, "Victims satisfied", unit="percentage", polarity="higher")
    svc.save_values(store, ind, PLYMOUTH, [svc.PeriodValue("2016-04", numerator=16, denominator=18),
                                           svc.PeriodValue("2016-05", value=85.7142)], require_red_comments=False)
    tab = demo_window.show_tab("indicators")
    assert tab.select_area(PLYMOUTH) and tab.select_year(FY16) and tab.select_indicator(ind)
    assert [tab.grid.item(0, c).text() for c in (0, 1)] == ["88.9%", "85.7%"]
    rows = _copied_rows(tab)
    assert rows["2016/17"][:2] == ["88.9", "85.7142"]  # worked out: as shown; typed: every place typed
    assert rows["Numerator"][:1] == ["16"] and rows["Denominator"][:1] == ["18"]


def test_last_year_s_percentage_worked_out_is_copied_as_shown(demo_window):
    store = demo_window.session.store
    ind = svc.save_indicator(store, "Victims satisfied", unit="percentage", polarity="higher")
    svc.save_values(store, ind, PLYMOUTH, [svc.PeriodValue("2016-04", numerator=16, denominator=18)],
                    require_red_comments=False)
    tab = demo_window.show_tab("indicators")
    assert tab.select_area(PLYMOUTH) and tab.select_year(FinancialYear(2017)) and tab.select_indicator(ind)
    assert _copied_rows(tab)["2016/17"][:1] == ["88.9"]


def test_the_rag_row_is_copied_in_words_as_the_summary_s_rag_is(demo_window):
    """The RAG row pasted "▲ Red" and "◆ Amber" into Excel, where the summary's Copy gives "Red" and "Amber": a
    COUNTIF of "Red" over the pasted months found none."""
    store = demo_window.session.store
    ind = svc.save_indicator(store, "Thefts reported", unit="count", polarity="lower")
    svc.save_values(store, ind, PLYMOUTH, [svc.PeriodValue("2016-04", value=349),
                                           svc.PeriodValue("2016-05", value=288)], require_red_comments=False)
    svc.set_target(store, ind, PLYMOUTH, FY16, kind="annual", value=3700)
    tab = demo_window.show_tab("indicators")
    assert tab.select_area(PLYMOUTH) and tab.select_year(FY16) and tab.select_indicator(ind)
    rag = tab.grid.keys.index(svc.GRID_RAG)
    assert [tab.grid.item(rag, c).text() for c in (0, 1)] == ["\u25b2 Red", "\u25c6 Amber"]
    assert _copied_rows(tab)["RAG"][:3] == ["Red", "Amber", ""]
