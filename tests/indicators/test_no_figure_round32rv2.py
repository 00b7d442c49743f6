"""Round 32 (rv2): a month with no figure this year, tried as an analyst would: last year's cumulative beside it adds
the same months (as the year-to-date change does), a percentage's figure to date over the months held is not "short",
and "No figure" copied from the grid and pasted back writes no figure and is not refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.services import indicators as svc
from tests.indicators.test_copy_round25 import copied_summary_row
from tests.indicators.test_indicators_round25 import copied_grid_row
from tests.indicators.test_no_figure_round32ind import FY16, PLYMOUTH, _tab

HATE = "indicator:level-two-ist-incidents-reported"  # the trajectory 55, 108, 162, 214 … 640; higher is better
SATISFACTION = "indicator:level-two-ist-incidents-satisfaction"  # a percentage: 9/9, 16/18, 8/9, 12/14, 6/8, 9/10


def _without(store, indicator_id: str, period: str) -> None:
    with store.transaction():
        store.execute_counted("indicator_values", "delete", "DELETE FROM indicator_values WHERE indicator_id = ? AND "
                              "area_id = ? AND period = ?", (indicator_id, PLYMOUTH, period))


def test_last_year_s_cumulative_adds_the_same_months_as_this_year_s(demo_window):
    """All crime without June 2016: July read 4,603 against last year's 6,212 (a month more) and November 10,975
    against 12,016, where the summary's Last year and the change compare 10,609 (the same months). Last year's row
    leaves June out too, says so there and when pointed at, and its line in the chart does the same."""
    _without(demo_window.session.store, "indicator:all-crime", "2016-06")
    tab = _tab(demo_window, "All crime")
    row = tab.grid.keys.index(svc.GRID_CUMULATIVE_LAST)
    shown = [tab.grid.item(row, c).text() for c in range(12)]
    # 2015/16: 1,652 1,684 (1,407) 1,469 1,386 1,467 1,565 1,386 1,427 1,332 1,334 1,498
    assert shown[:8] == ["1,652", "3,336", "Left out", "4,805", "6,191", "7,658", "9,223", "10,609"]
    assert shown[11] == "16,200"  # the year without June, as this year's will be
    assert tab.grid.item(row, 1).toolTip() == ""
    assert "Jun-15" in tab.grid.item(row, 2).toolTip() and "Jun-16" in tab.grid.item(row, 2).toolTip()
    assert "without Jun-15" in tab.grid.item(row, 7).toolTip() and "12,016" in tab.grid.item(row, 7).toolTip()
    view = tab.view
    assert view.cumulative_last[7] == view.ytd_last.value == 10609  # the grid and the summary's Last year agree
    assert copied_grid_row(tab, svc.GRID_CUMULATIVE_LAST)[1:5] == ["1652", "3336", "Left out", "4805"]
    tab.set_mode("cumulative")
    assert tab.chart.data.series["2015/16 cumulative"][1:4] == [3336, None, 4805]


def test_last_year_s_cumulative_is_as_it_was_with_every_month_held(demo_store):
    grid = svc.entry_grid(demo_store, "indicator:all-crime", PLYMOUTH, FY16)
    cells = grid.row(svc.GRID_CUMULATIVE_LAST).cells
    assert [c.text for c in cells][:4] == ["1,652", "3,336", "4,743", "6,212"]
    assert all(c.tooltip == "" for c in cells)


def test_a_percentage_over_the_months_held_is_not_said_to_be_short(demo_store):
    """Satisfaction without May: June's 94.4% is 17 of 18 over April and June, a rate, not a total short by May."""
    _without(demo_store, SATISFACTION, "2016-05")
    grid = svc.entry_grid(demo_store, SATISFACTION, PLYMOUTH, FY16)
    cell = grid.row(svc.GRID_CUMULATIVE).cells[2]
    assert cell.text == "94.4%"
    assert "short" not in cell.tooltip and "without May-16" in cell.tooltip


def test_no_figure_pasted_back_on_a_figure_writes_none_and_is_not_refused(demo_window):
    """The cumulative row copied to Excel carries "No figure"; pasted on the figures row it was refused on Save as
    "“No figure” is not a figure", words the grid itself wrote. It is no figure: the month stays empty."""
    _without(demo_window.session.store, "indicator:all-crime", "2016-06")
    tab = _tab(demo_window, "All crime")
    grid = tab.grid
    QGuiApplication.clipboard().setText("1335\t1576\tNo figure\t1692\n")
    grid.setCurrentCell(grid.keys.index(svc.GRID_VALUE), 0)
    assert grid.paste_rows()
    row = grid.keys.index(svc.GRID_VALUE)
    assert [grid.item(row, c).text() for c in range(4)] == ["1335", "1576", "", "1692"]
    assert (svc.GRID_VALUE, 2) not in tab.presenter.figures.dirty_cells() and not tab.presenter.figures.messages()
    assert tab.save_figures(), tab.grid_messages.text()
    assert tab.view.this_year[2] is None and tab.view.cumulative[3] == 4603
    # Over a month with a figure, as a blank pasted there: the figure goes (saved, or discarded, like any typing).
    QGuiApplication.clipboard().setText("no figure\n")
    grid.setCurrentCell(row, 0)
    assert grid.paste_rows()
    assert grid.item(row, 0).text() == "" and tab.presenter.figures.dirty_cells() == [(svc.GRID_VALUE, 0)]
    assert not tab.presenter.figures.messages()


def test_saving_a_figure_that_turns_later_months_red_says_they_need_a_comment(demo_window, prompts):
    """Held by design (save_values asks only about the periods saved): correcting July down turns the months after it
    red, and Save keeps the correction rather than refusing it until six other months have comments; the grid then
    says which months need one, tints them and the Comment row asks."""
    tab = _tab(demo_window, "Level Two “ist” incidents reported")
    before = tab.grid_messages.text()
    rag = tab.grid.keys.index(svc.GRID_RAG)
    assert tab.grid.item(rag, 4).text() != "\u25b2 Red"
    tab.grid.edit_text(svc.GRID_VALUE, 3, "7")
    tab.grid.edit_text(svc.GRID_COMMENT, 3, "Police reports not yet in for July.")
    assert tab.save_figures(), tab.grid_messages.text()
    assert tab.grid.item(rag, 4).text() == "\u25b2 Red"
    message = tab.grid_messages.text()
    assert message != before and "Aug-16" in message and "add a comment saying why" in message
    comment = tab.grid.keys.index(svc.GRID_COMMENT)
    assert "comment saying why" in tab.grid.item(comment, 4).toolTip()


def test_a_figure_typed_into_the_missing_month_and_undone_brings_no_figure_back(demo_window, prompts):
    _without(demo_window.session.store, "indicator:all-crime", "2016-06")
    tab = _tab(demo_window, "All crime")
    cum, last = tab.grid.keys.index(svc.GRID_CUMULATIVE), tab.grid.keys.index(svc.GRID_CUMULATIVE_LAST)
    tab.grid.edit_text(svc.GRID_VALUE, 2, "1,600")
    assert tab.save_figures(), tab.grid_messages.text()
    assert [tab.grid.item(cum, c).text() for c in range(2, 4)] == ["4,511", "6,203"]
    assert [tab.grid.item(last, c).text() for c in range(2, 4)] == ["4,743", "6,212"]
    assert tab.grid.item(last, 3).toolTip() == ""
    demo_window.session.undo_stack.undo()
    assert [tab.grid.item(cum, c).text() for c in range(2, 4)] == ["No figure", "4,603"]
    assert [tab.grid.item(last, c).text() for c in range(2, 4)] == ["Left out", "4,805"]


def test_the_summary_s_to_keeps_last_year_in_sight_on_a_laptop(demo_window, qtbot):
    """"Nov-16 (no figures for Jun-16)" widened the To column until Last year, the figure the change is worked from,
    was off the right of the summary at 1366×728. The cell says it short, as the chart's gap ("Nov-16 (gap)", "(gaps)"
    for more), the whole words when pointed at; copied, exported and in the headline, whole."""
    _without(demo_window.session.store, "indicator:all-crime", "2016-06")
    demo_window.resize(1366, 728)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = _tab(demo_window, "All crime")
    view, proxy = tab.summary_view, tab.summary_proxy
    heads = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == "All crime")
    to, last = heads.index("To"), heads.index("Last year")
    assert proxy.index(row, to).data() == "Nov-16 (gap)"
    assert "no figures for Jun-16" in proxy.index(row, to).data(Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: view.columnViewportPosition(last) + view.columnWidth(last) <= view.viewport().width())
    assert copied_summary_row(tab, "All crime")["To"] == "Nov-16 (no figures for Jun-16)"
    for period in ("2016-08", "2016-09"):
        _without(demo_window.session.store, "indicator:all-crime", period)
    tab.reload()
    assert proxy.index(row, to).data() == "Nov-16 (gaps)"
    assert "Jun-16, Aug-16 to Sep-16" in proxy.index(row, to).data(Qt.ItemDataRole.ToolTipRole)
