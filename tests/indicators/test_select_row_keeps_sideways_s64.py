"""S64 (left): choosing a row of the summary keeps the table where it was scrolled sideways.

At 1093x582 an officer scrolls the summary right to read Last year, Change % and Better when (the names kept in
sight over the left edge), then a row is chosen whole (``selectRow``, as a page chooses the row it shows): the
table jumped back to its first columns. Qt makes the cell at the viewport's left edge current, one under the names
kept in sight, and scrolling it out from under them threw the table back to the left. The table stays scrolled; the
row is chosen, and shown (scrolled to) up and down.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from tests.window_sizes import resize_window


def _scrolled_summary(demo_window, qtbot):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))
    view = tab.summary_view
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 100  # a table wider than its room: it scrolls sideways
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: view.kept_in_sight is not None and view.kept_in_sight.isVisible())
    return tab, view, bar


def test_select_row_keeps_the_table_scrolled_sideways(demo_window, qtbot):
    tab, view, bar = _scrolled_summary(demo_window, qtbot)
    view.selectRow(4)
    assert bar.value() == bar.maximum()
    assert tab.presenter.view.indicator.label == "Anti-social behaviour"  # the row is chosen
    assert [i.row() for i in view.selectionModel().selectedRows()] == [4]


def test_a_row_chosen_below_the_view_is_scrolled_to_up_and_down_only(demo_window, qtbot):
    tab, view, bar = _scrolled_summary(demo_window, qtbot)
    demo_window.resize(1093, 420)  # fewer rows in view
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 1) < view.model().rowCount() - 1, timeout=5000)
    bar.setValue(bar.maximum())
    last = view.model().rowCount() - 1
    view.selectRow(last)
    assert bar.value() == bar.maximum()
    assert view.visualRect(view.model().index(last, view.model().columnCount() - 1)).bottom() <= \
        view.viewport().height()
    qtbot.keyClick(view, Qt.Key.Key_Up)  # the keys move from the row chosen, in the column in view
    assert bar.value() == bar.maximum()
