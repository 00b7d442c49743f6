"""The Costs tables on the kit (RowTableModel behind the one SortProxy): raw sorting, filters, totals."""

from datetime import date

from PySide6.QtCore import Qt

from safer_desk.ui.costs.widgets import date_col, make_table, sum_row
from safer_desk.ui.kit.tables import COPY_ROLE, RAW_ROLE, Column, money_column

ROWS = [
    {"reference": "TH-2018-002", "district": "Waveney", "spent_on": "2018-04-12", "amount_pence": 16000},
    {"reference": "TH-2018-001", "district": "Ipswich", "spent_on": "2018-04-09", "amount_pence": 900000001},
    {"reference": "TH-2018-003", "district": "Mid Suffolk", "spent_on": None, "amount_pence": None},
]


def table(qtmodeltester=None, totals=None):
    t = make_table([Column("reference", "Reference"), Column("district", "District"),
                    date_col("spent_on", "Date"), money_column("amount_pence", "Amount")], "Spend", totals=totals)
    t.set_rows(ROWS)
    if qtmodeltester is not None:
        qtmodeltester.check(t.proxy)
    return t


def test_sorts_by_raw_values_with_blanks_last(qtmodeltester):
    t = table(qtmodeltester)
    t.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert [r["reference"] for r in t.source_rows()] == ["TH-2018-001", "TH-2018-002", "TH-2018-003"]
    assert t.proxy.index(0, 3).data() == "£9,000,000.01" and t.proxy.index(0, 3).data(RAW_ROLE) == 900000001
    assert t.proxy.index(1, 3).data() == "£160.00"  # pence for the whole column when any row has them
    t.view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [r["reference"] for r in t.source_rows()] == ["TH-2018-002", "TH-2018-001", "TH-2018-003"]
    t.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert t.proxy.index(0, 2).data() == "09/04/2018" and t.proxy.index(0, 2).data(RAW_ROLE) == date(2018, 4, 9)
    assert t.source_rows()[-1]["spent_on"] is None


def test_filters_by_search_and_predicate():
    t = table()
    t.proxy.set_search_text("ipswich")
    assert t.proxy.rowCount() == 1
    t.proxy.set_search_text("")
    t.proxy.set_predicate(lambda r: r["district"] != "Waveney")
    assert {r["reference"] for r in t.source_rows()} == {"TH-2018-001", "TH-2018-003"}


def test_totals_row_stays_last_sums_what_is_shown_and_copies_plain_numbers(qtmodeltester):
    t = table(qtmodeltester, totals=sum_row("reference", ["amount_pence"]))
    last = t.proxy.rowCount() - 1
    assert t.proxy.index(last, 0).data() == "Total"
    assert t.proxy.index(last, 3).data() == "£9,000,160.01"
    assert t.proxy.index(last, 3).data(COPY_ROLE) == "9000160.01"  # Excel gets a number
    t.view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert t.proxy.index(t.proxy.rowCount() - 1, 0).data() == "Total"
    t.proxy.set_predicate(lambda r: r["district"] == "Waveney")
    assert t.proxy.index(t.proxy.rowCount() - 1, 3).data() == "£160.00"
    assert t.current() is None  # nothing selected; the totals row is never a record
    t.view.selectRow(t.proxy.rowCount() - 1)
    assert t.selected_rows() == []


def test_a_large_table_filters_in_python_and_keeps_its_sort(qtmodeltester):
    t = make_table([Column("reference", "Reference"), money_column("amount_pence", "Amount")], "Spend lines",
                   large=True)
    assert t.proxy is None and t.view.model() is t.model
    t.set_rows(ROWS)
    t.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [r["reference"] for r in t.source_rows()] == ["TH-2018-001", "TH-2018-002", "TH-2018-003"]
    t.filter(lambda r: r["reference"] != "TH-2018-001")
    assert [r["reference"] for r in t.source_rows()] == ["TH-2018-002", "TH-2018-003"]
    t.set_rows(list(reversed(ROWS)))  # new rows keep the filter and the sort
    assert [r["reference"] for r in t.source_rows()] == ["TH-2018-002", "TH-2018-003"]
    assert len(t.rows) == 3
    t.filter(None)
    assert t.select_where(lambda r: r["reference"] == "TH-2018-003") and t.current()["reference"] == "TH-2018-003"
    qtmodeltester.check(t.shown)
