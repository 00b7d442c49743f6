"""A sorted table stays sorted by the column its heading shows after its rows change (round 22, h18 F2).

The kit's model remembers the sort the heading asked for and sorts again whenever its rows are replaced
(a change read back, a Save, an undo or redo), a row is replaced or one is added; the row chosen stays chosen.
Checked on the kit alone and on the tables of the window the tester found going back to file order.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import dhr
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy, money_column
from tests.costs.test_search_choice_round22 import reviews_page

DESC = Qt.SortOrder.DescendingOrder


def click_heading(qtbot, view, column: int) -> None:
    """A click on a column's heading, where a person clicks it."""
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def shown(view, column: int = 0) -> list:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def chosen(view, column: int = 0) -> list:
    return [view.model().index(i.row(), column).data() for i in view.selectionModel().selectedRows()]


def rows(*pairs) -> list[dict]:
    return [{"id": name, "name": name, "amount": pence} for name, pence in pairs]


@pytest.fixture
def table(qtbot):
    def total(shown):
        return {"name": "Total", "amount": sum(r["amount"] or 0 for r in shown)} if shown else None

    model = RowTableModel([Column("name", "Name"), money_column("amount", "Amount")], totals=total)
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Amounts")
    view.setModel(proxy)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as the Costs tables start
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    model.set_rows(rows(("a", 300), ("b", 100), ("c", None), ("d", 200)))
    return model, proxy, view


def test_rows_given_anew_are_sorted_by_the_column_the_heading_shows(table, qtbot):
    model, _proxy, view = table
    click_heading(qtbot, view, 1)
    click_heading(qtbot, view, 1)
    assert view.horizontalHeader().sortIndicatorOrder() == DESC
    assert shown(view) == ["a", "d", "b", "c", "Total"]
    model.set_rows(rows(("a", 50), ("b", 100), ("c", None), ("d", 200), ("e", 999)))  # read back after a change
    assert shown(view) == ["e", "d", "b", "a", "c", "Total"]  # blanks last, the totals line last
    assert shown(view, 1)[-1] == "£13.49"  # the totals line sums every row


def test_a_table_never_sorted_keeps_the_order_it_was_given(table):
    model, _proxy, view = table
    model.set_rows(rows(("z", 1), ("y", 2), ("x", 3)))
    assert shown(view) == ["z", "y", "x", "Total"]


def test_the_heading_put_back_to_no_sort_gives_the_order_given_again(table, qtbot):
    model, _proxy, view = table
    click_heading(qtbot, view, 1)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    model.set_rows(rows(("z", 1), ("y", 2), ("x", 3)))
    assert shown(view) == ["z", "y", "x", "Total"]


def test_a_replaced_row_moves_to_its_place_and_stays_chosen(table, qtbot):
    model, _proxy, view = table
    click_heading(qtbot, view, 1)  # ascending: b 100, d 200, a 300, c blank
    view.selectRow(shown(view).index("d"))
    model.replace_row(model.find(lambda r: r["id"] == "d"), {"id": "d", "name": "d", "amount": 400})
    assert shown(view) == ["b", "a", "d", "c", "Total"]
    assert chosen(view) == ["d"]


def test_an_added_row_goes_to_its_place_in_the_sort(table, qtbot):
    model, _proxy, view = table
    click_heading(qtbot, view, 1)
    click_heading(qtbot, view, 1)
    view.selectRow(shown(view).index("b"))
    model.insert_row(len(model.rows), {"id": "e", "name": "e", "amount": 250})
    assert shown(view) == ["a", "e", "d", "b", "c", "Total"]
    assert chosen(view) == ["b"]


def test_a_table_without_a_proxy_sorts_its_new_rows_as_well(qtbot):
    model = RowTableModel([Column("name", "Name"), money_column("amount", "Amount")])
    view = DataTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    model.set_rows(rows(("a", 300), ("b", 100)))
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    model.set_rows(rows(("a", 300), ("b", 100), ("c", 200)))
    assert shown(view) == ["b", "c", "a"]


# -- the window's tables ---------------------------------------------------------------------------------

@pytest.fixture
def reviews(demo_window, qtbot):
    return reviews_page(demo_window, qtbot, date(2018, 9, 1))


def sorted_by_cost_descending(page) -> bool:
    cases = page.cases.source_rows()
    costs = [c.cost_pence for c in cases if c.cost_known]
    known = [c.cost_known for c in cases]
    return costs == sorted(costs, reverse=True) and known == sorted(known, reverse=True)


def choose(qtbot, view, text: str, column: int = 0) -> None:
    row = shown(view, column).index(text)
    view.scrollTo(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(row, column))
                     .center())


def test_reviews_sorted_by_cost_stay_sorted_after_a_panel_meeting_and_its_undo(reviews, demo_window, qtbot):
    page, view = reviews, reviews.cases.view
    click_heading(qtbot, view, 1)
    click_heading(qtbot, view, 1)  # Cost, descending
    assert sorted_by_cost_descending(page)
    before = shown(view)
    choose(qtbot, view, "WSCSP-DHR-2017-02")
    page.panel_meeting_dialog()
    page.dialog.set_value("met_on", "01/06/2018")
    assert page.dialog.save()
    assert "2018-06-01" in [m["met_on"] for m in dhr.panel_meetings(page.store, page.presenter.selected)]
    assert shown(view) == before and sorted_by_cost_descending(page)
    assert chosen(view) == ["WSCSP-DHR-2017-02"] and page.presenter.selected_case.reference == "WSCSP-DHR-2017-02"
    header = view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, DESC)
    demo_window.session.undo_stack.undo()
    assert shown(view) == before and chosen(view) == ["WSCSP-DHR-2017-02"]
    demo_window.session.undo_stack.redo()
    assert shown(view) == before and chosen(view) == ["WSCSP-DHR-2017-02"]


def test_cost_lines_sorted_by_amount_stay_sorted_after_one_is_corrected(reviews, qtbot):
    page = reviews
    choose(qtbot, page.cases.view, "WSCSP-DHR-2017-01")
    page.details.setCurrentIndex(1)
    lines = page.costs.view
    click_heading(qtbot, lines, 1)
    click_heading(qtbot, lines, 1)  # Amount, descending
    amounts = [r["amount_pence"] for r in page.costs.source_rows()]
    assert amounts == sorted(amounts, reverse=True) and len(amounts) >= 3
    second = page.costs.source_rows()[1]
    choose(qtbot, lines, shown(lines, 1)[1], 1)
    page.edit_cost_line_dialog()
    page.dialog.set_value("amount", "£700")
    assert page.dialog.save()
    amounts = [r["amount_pence"] for r in page.costs.source_rows()]
    assert amounts == sorted(amounts, reverse=True) and 70000 in amounts
    assert [r["id"] for r in page.costs.selected_rows()] == [second["id"]]  # the line just corrected


def test_the_indicators_summary_stays_sorted_after_save_figures(demo_window, qtbot):
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    view, name = tab.summary_view, tab.summary_model.column_index("name")
    view.sortByColumn(name, DESC)
    names = shown(view, name)
    assert names == sorted(names, key=str.casefold, reverse=True)
    tab.select_indicator("Serious acquisitive crime")
    grid = tab.grid
    empty = next(c for c in range(grid.columnCount())
                 if grid.item(0, c).flags() & Qt.ItemFlag.ItemIsEditable and not grid.item(0, c).text())
    grid.edit_text("value", empty, "42")
    assert tab.save_figures()
    assert shown(view, name) == names
    assert chosen(view, name) == ["Serious acquisitive crime"]
