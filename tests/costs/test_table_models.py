"""The costs tables' self-sorting, self-filtering model, without a window."""

from datetime import date

from PySide6.QtCore import Qt

from safer_desk.ui.costs.widgets import SortedRowModel, date_col
from safer_desk.ui.table_model import money_column as money_col
from safer_desk.ui.table_model import RAW_ROLE, Column

ROWS = [
    {"reference": "TH-2018-002", "district": "Waveney", "spent_on": "2018-04-12", "amount_pence": 16000},
    {"reference": "TH-2018-001", "district": "Ipswich", "spent_on": "2018-04-09", "amount_pence": 900000001},
    {"reference": "TH-2018-003", "district": "Mid Suffolk", "spent_on": None, "amount_pence": None},
]


def model(qtmodeltester=None):
    m = SortedRowModel([Column("reference", "Reference"), Column("district", "District"),
                        date_col("spent_on", "Date"), money_col("amount_pence", "Amount")])
    m.set_rows(ROWS)
    if qtmodeltester is not None:
        qtmodeltester.check(m)
    return m


def test_sorts_by_raw_values_with_blanks_last(qtmodeltester):
    m = model(qtmodeltester)
    m.sort(3, Qt.SortOrder.DescendingOrder)
    assert [r["reference"] for r in m.source_rows()] == ["TH-2018-001", "TH-2018-002", "TH-2018-003"]
    assert m.index(0, 3).data() == "£9,000,000.01" and m.index(0, 3).data(RAW_ROLE) == 900000001
    m.sort(3, Qt.SortOrder.AscendingOrder)
    assert [r["reference"] for r in m.source_rows()] == ["TH-2018-002", "TH-2018-001", "TH-2018-003"]
    m.sort(2, Qt.SortOrder.AscendingOrder)
    assert m.index(0, 2).data() == "09/04/2018" and m.index(0, 2).data(RAW_ROLE) == date(2018, 4, 9)
    assert m.source_rows()[-1]["spent_on"] is None


def test_filters_by_search_and_predicate_and_keeps_sort_on_new_rows():
    m = model()
    m.set_search_text("ipswich")
    assert m.rowCount() == 1
    m.set_filter("", lambda r: r["district"] != "Waveney")
    assert {r["reference"] for r in m.source_rows()} == {"TH-2018-001", "TH-2018-003"}
    m.set_filter("", None)
    m.sort(0, Qt.SortOrder.DescendingOrder)
    m.set_rows(list(reversed(ROWS)))
    assert [r["reference"] for r in m.source_rows()] == ["TH-2018-003", "TH-2018-002", "TH-2018-001"]
    assert len(m.all_rows) == 3


def test_search_texts_handed_in_are_used():
    m = SortedRowModel([Column("reference", "Reference")])
    m.set_rows([{"reference": "A"}, {"reference": "B"}], ["alpha", "beta"])
    m.set_search_text("bet")
    assert [r["reference"] for r in m.source_rows()] == ["B"]
