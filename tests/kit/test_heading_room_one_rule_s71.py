"""Session 71: the width a column keeps for its heading was worked out in two places, the first sizing
(``DataTableView._width_needed``: the heading + 28 px) and the widening after the rows change (``_follow_rows``: the
heading as drawn, bold beside the sort arrow, never more than the heading + 28 px, and never held to the sizing's
widest). The two disagreed: a table sized to its rows was widened by the next change of those same rows, a column
capped at the sizing's widest going past it (Allocation's results, 160 px at most) and the others wider than their
first width by what the 28 px keeps beside a short heading. One rule now (``heading_room``): after the rows change,
a column is as wide as at first show for the same contents, and the Totals rows stay in view at 1093x582.
"""

from __future__ import annotations

import pytest

from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy, Unit
from tests.allocation.test_compare_in_view_s60 import _compared_in_sight
from tests.allocation.test_compare_merger_in_view_s61 import BOTH, choose
from tests.allocation.test_report_csp_names_s60 import save_after_the_merger
from tests.allocation.test_results_in_view_round38nhd import _settle
from tests.window_sizes import resize_window

HEADINGS = ("Partnership", "Met", "Total", "Difference (second − first)", "Variance against last year")


def _same_rows_again(view: DataTableView, qtbot) -> None:
    """The rows given again as they were (a save, an Undo, a recalculation with the same figures): every cell said
    changed, and the table's widening after the change let run."""
    model = view.model()
    source = model.sourceModel() if isinstance(model, SortProxy) else model
    last = source.index(source.rowCount() - 1, source.columnCount() - 1)
    with qtbot.waitSignal(source.dataChanged):
        source.dataChanged.emit(source.index(0, 0), last)
    _settle()


def _widths(view: DataTableView) -> list[int]:
    return [view.columnWidth(c) for c in range(view.model().columnCount() - 1)]  # the last one stretches


def _kit_table(qtbot, rows: list[dict]) -> DataTableView:
    columns = [Column("name", HEADINGS[0])] + [Column(h, h, unit=Unit.MONEY) for h in HEADINGS[1:]]
    model = RowTableModel(columns)
    model.set_rows(rows)
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Figures")
    view.setModel(proxy)
    view.resize(900, 240)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("widest", [360, 160, 60], ids=["roomy", "results-160", "narrow-60"])
def test_a_column_after_its_rows_change_is_as_wide_as_at_first_show(qtbot, widest):
    rows = [{"name": "Babergh CSP", **{h: 6_376_800 for h in HEADINGS[1:]}},
            {"name": "West Suffolk CSP", **{h: -1_653_500 for h in HEADINGS[1:]}}]
    view = _kit_table(qtbot, rows)
    view.size_columns_to_visible(widest)
    first = _widths(view)
    _same_rows_again(view, qtbot)
    assert _widths(view) == first


def test_a_table_sized_empty_is_as_wide_when_its_rows_come_as_one_shown_with_them(qtbot):
    rows = [{"name": "Ipswich CSP", **{h: 14_407_200 for h in HEADINGS[1:]}}]
    shown_with_rows = _kit_table(qtbot, rows)
    shown_with_rows.size_columns_to_visible(160)
    sized_empty = _kit_table(qtbot, [])
    sized_empty.size_columns_to_visible(160)
    sized_empty.model().sourceModel().set_rows(rows)
    _settle()
    _same_rows_again(sized_empty, qtbot)
    assert _widths(sized_empty) == _widths(shown_with_rows)


def test_figures_grown_past_a_column_still_widen_it(qtbot):
    """What the widening is for: a column sized when every figure was £0 takes a £3,000 payment whole."""
    view = _kit_table(qtbot, [{"name": "Babergh CSP", **{h: 0 for h in HEADINGS[1:]}}])
    view.size_columns_to_visible()
    before = view.columnWidth(2)
    source = view.model().sourceModel()
    source.set_rows([{"name": "Babergh CSP", **{h: 300_000_000 for h in HEADINGS[1:]}}])
    _settle()
    assert view.columnWidth(2) > before
    assert view.columnWidth(2) >= view.fontMetrics().horizontalAdvance("£3,000,000") + 16


def _register(window):
    return window.show_tab("projects").register.view


def _results(window):
    tab = window.show_tab("allocation")
    tab.pages.setCurrentIndex(0)
    return tab.results_view


def _compare(window):
    save_after_the_merger(window.session.store)
    tab = window.show_tab("allocation")
    tab.pages.setCurrentIndex(tab.pages.indexOf(tab.compare_view.parentWidget()))
    _settle()
    choose(tab.compare_first, "updated crime figures")
    choose(tab.compare_second, "After the merger")
    return tab.compare_view


@pytest.mark.parametrize("table", [_register, _results, _compare], ids=["register", "allocation", "compare"])
def test_the_windows_tables_keep_their_widths_when_the_same_rows_come_again(demo_window, qtbot, table):
    resize_window(demo_window, (1093, 582))
    view = table(demo_window)
    _settle()
    first, sideways = _widths(view), view.horizontalScrollBar().maximum()
    _same_rows_again(view, qtbot)
    assert _widths(view) == first
    assert view.horizontalScrollBar().maximum() == sideways  # no scroll bar come (or grown) over the last row
    if table is _compare:
        assert _compared_in_sight(demo_window.show_tab("allocation")) == BOTH
    elif table is _results:
        model = view.model()
        last = model.index(model.rowCount() - 1, 0)
        bottom = view.visualRect(last).bottom()
        assert 0 <= bottom <= view.viewport().height()  # the Totals row in view
