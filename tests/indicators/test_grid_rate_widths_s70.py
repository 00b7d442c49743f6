"""The Figures grid of a rate per 1,000 showed every figure cut: "1.14 per 1…", "0.9 per 1,…", "2.1 per 1,…" in
columns of a fixed 84 pixels, so a board-paper writer read no rate from the grid the chart is checked against (and a
count of a force's calls, 1,234,567,890, read "1,234,567,…"). A column is now as wide as its widest figure; the
comment and source rows, words read by pointing at them, do not widen it (session 70)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc

FY16 = FinancialYear(2016)
PLYMOUTH = "district:plymouth"


def _rate(store) -> str:
    ind = svc.save_indicator(store, "Repeat burglary rate", unit="rate", rate_per=1000, polarity="lower")
    svc.set_population(store, PLYMOUTH, FY16, 264200)
    svc.set_population(store, PLYMOUTH, FY16.previous(), 263100)
    svc.save_values(store, ind, PLYMOUTH, [svc.PeriodValue("2016-04", numerator=300),
                                           svc.PeriodValue("2016-05", numerator=250),
                                           svc.PeriodValue("2015-04", numerator=280)], require_red_comments=False)
    svc.set_target(store, ind, PLYMOUTH, FY16, kind="annual", value=10, profile="even")
    return ind


def _cut_cells(grid) -> list[str]:
    fm = grid.fontMetrics()
    cut = []
    for r in range(grid.rowCount()):
        if grid.keys[r] in (svc.GRID_COMMENT, svc.GRID_SOURCE):
            continue
        for c in range(grid.columnCount()):
            item = grid.item(r, c)
            text = item.text() if item is not None else ""
            if text and fm.horizontalAdvance(text) + 8 > grid.columnWidth(c):
                cut.append(f"{grid.keys[r]} {c}: {text}")
    return cut


def test_a_rate_s_figures_are_whole_in_the_grid(demo_window):
    ind = _rate(demo_window.session.store)
    demo_window.resize(1366, 768)
    tab = demo_window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FY16)
    tab.select_indicator(ind)
    grid = tab.grid
    assert any("per 1,000" in (grid.item(r, 0).text() if grid.item(r, 0) else "") for r in range(grid.rowCount()))
    assert _cut_cells(grid) == []
    # The source row's words are not the column's measure: it stays a figure's width.
    assert grid.columnWidth(0) < 200
    # A count of tens keeps the narrow columns that show more months on a laptop.
    tab.select_indicator("Police recorded hate crime")
    assert _cut_cells(grid) == [] and grid.columnWidth(0) == 84


def test_a_very_large_count_is_whole_in_the_grid(demo_window):
    store = demo_window.session.store
    ind = svc.save_indicator(store, "Calls to 101", polarity="monitor")
    svc.save_values(store, ind, PLYMOUTH, [svc.PeriodValue("2016-04", value=1234567890),
                                           svc.PeriodValue("2015-04", value=987654321)], require_red_comments=False)
    tab = demo_window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FY16)
    tab.select_indicator(ind)
    assert tab.grid.item(0, 0).text() == "1,234,567,890"
    assert _cut_cells(tab.grid) == []
    assert tab.grid.item(0, 0).textAlignment() & Qt.AlignmentFlag.AlignRight
