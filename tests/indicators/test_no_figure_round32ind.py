"""Round 32: a month with no figure between two that have one reads the same in the grid, its copy to Excel, the
summary's words and the chart: no figure, never the total before it carried over (read as a month of no crime)."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from tests.indicators.test_copy_round25 import copied_summary_row
from tests.indicators.test_indicators_round25 import copied_grid_row

FY16 = FinancialYear(2016)
PLYMOUTH = "district:plymouth"
HATE = "indicator:level-two-ist-incidents-reported"  # the trajectory 55, 108, 162, 214 … 640


def _without_june(store, indicator_id: str) -> None:
    with store.transaction():
        store.execute_counted("indicator_values", "delete", "DELETE FROM indicator_values WHERE indicator_id = ? AND "
                              "area_id = ? AND period = '2016-06'", (indicator_id, PLYMOUTH))


def _tab(demo_window, indicator: str):
    tab = demo_window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FY16)
    tab.select_indicator(indicator)
    return tab


def test_the_grid_s_cumulative_row_says_no_figure_for_a_month_missing_between_two(demo_window):
    """All crime without June 2016: the grid's cumulative row read 1,335 | 2,911 | 2,911 | 4,603, June's cell the
    total to May, while the chart leaves a gap there. June says "No figure"; July on adds the figures held and says
    so when pointed at; the months not in yet stay blank."""
    _without_june(demo_window.session.store, "indicator:all-crime")
    tab = _tab(demo_window, "All crime")
    row = tab.grid.keys.index(svc.GRID_CUMULATIVE)
    shown = [tab.grid.item(row, c).text() for c in range(tab.grid.columnCount())]
    assert shown[:8] == ["1,335", "2,911", "No figure", "4,603", "6,240", "7,830", "9,400", "10,975"]
    assert shown[8:] == [""] * 4
    assert "without Jun-16" in tab.grid.item(row, 3).toolTip()
    assert "No figure for Jun-16" in tab.grid.item(row, 2).toolTip()
    assert tab.grid.item(row, 1).toolTip() == ""
    # Excel gets what the grid shows: June is no figure, not 2911.
    assert copied_grid_row(tab, svc.GRID_CUMULATIVE)[1:9] == ["1335", "2911", "No figure", "4603", "6240", "7830",
                                                              "9400", "10975"]
    tab.set_mode("cumulative")
    _, ys = tab.chart.this_line.getData()
    assert ys[2] is None and ys[3] == 4603


def test_the_summary_s_to_says_the_month_the_year_to_date_leaves_out(demo_window, tmp_path):
    """The summary read "10,975 … To Nov-16" for seven months' crime: a board reads April to November. The To cell,
    its copy and the export name the month without a figure, as the headline and the board report do (the export as a
    workbook names months, "Nov 2016": "Nov-16" there reads as a date)."""
    _without_june(demo_window.session.store, "indicator:all-crime")
    tab = _tab(demo_window, "All crime")
    copied = copied_summary_row(tab, "All crime")
    assert copied["To"] == "Nov-16 (no figures for Jun-16)" and copied["Year to date"] == "10975"
    sheet = tab.presenter.summary_sheet()
    row = next(r for r in sheet.rows if r[1] == "All crime")
    assert row[sheet.header.index("To")] == "Nov 2016 (no figures for Jun 2016)"
    # Every month held: as before.
    other = next(r for r in sheet.rows if r[1] == "Anti-social behaviour")
    assert other[sheet.header.index("To")] == "Nov 2016"


def test_a_trajectory_s_grid_with_a_month_missing_is_not_judged_and_says_no_figure(demo_store):
    """The hate incidents trajectory (55, 108, 162 …) without June: June's cumulative is "No figure" (it read 102,
    the total to May, against a target of 162), the later months' totals are not judged ("Figures missing") and
    the gap to target is blank where the total is short, as the chart and the headline say."""
    _without_june(demo_store, HATE)
    grid = svc.entry_grid(demo_store, HATE, PLYMOUTH, FY16)
    cum = [c.text for c in grid.row(svc.GRID_CUMULATIVE).cells]
    assert cum[:7] == ["41", "102", "No figure", "169", "203", "254", "301"]
    assert grid.row(svc.GRID_CUMULATIVE).cells[2].value is None
    assert [c.text for c in grid.row(svc.GRID_TARGET).cells][:3] == ["55", "108", "162"]
    assert [c.text for c in grid.row(svc.GRID_GAP).cells][:4] == ["\u221214", "\u22126", "", ""]
    assert [c.text for c in grid.row(svc.GRID_RAG).cells][3:7] == ["\u25cb Figures missing"] * 4
    assert grid.view.to_text() == "Oct-16 (no figures for Jun-16)"
    assert "figures are missing for Jun-16" in grid.view.headline()


def test_a_first_month_without_a_figure_says_no_figure_too(demo_store):
    """April missing and May on held: April's cell is no figure (the year's total starts at May, short by April)."""
    with demo_store.transaction():
        demo_store.execute_counted("indicator_values", "delete", "DELETE FROM indicator_values WHERE indicator_id = "
                                   "'indicator:all-crime' AND area_id = ? AND period = '2016-04'", (PLYMOUTH,))
    grid = svc.entry_grid(demo_store, "indicator:all-crime", PLYMOUTH, FY16)
    cells = grid.row(svc.GRID_CUMULATIVE).cells
    assert [c.text for c in cells][:3] == ["No figure", "1,576", "3,187"]
    assert "without Apr-16" in cells[1].tooltip


def test_the_year_s_figures_to_date_held_leave_the_month_without_a_figure_out(demo_store):
    """What a chart of the figures to date draws (the tab's, and the board report's through YearView): None where the
    month has no figure, the totals of what is held either side."""
    _without_june(demo_store, "indicator:all-crime")
    v = svc.year_view(demo_store, "indicator:all-crime", PLYMOUTH, FY16)
    assert v.cumulative_held[:4] == [1335, 2911, None, 4603] and v.cumulative_held[8:] == [None] * 4
    assert v.cumulative[2] == 2911  # the total to May, still what the year to date and the RAG are worked from

