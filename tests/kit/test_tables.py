"""The kit's table model and its one sort proxy, without a window: model tester, totals, pence, copy values, sorting."""

from decimal import Decimal
from fractions import Fraction

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from safer_desk.domain.money import format_money
from safer_desk.presenters.formats import Unit, display, plain
from safer_desk.ui.kit.tables import (COPY_ROLE, RAW_ROLE, ROW_ROLE, Column, RowTableModel, SortProxy, money_column,
                                      sort_key)

# Who owes what on the Mid Suffolk review of £7,525.58 (seed 002): the shares of a split, one refused.
PARTNERS = [
    {"name": "Mid Suffolk District Council", "kind": "District", "owed": 107_509, "overdue": 3},
    {"name": "Suffolk County Council", "kind": "County", "owed": 107_508, "overdue": None},
    {"name": "Suffolk Constabulary", "kind": "Police", "owed": 0, "overdue": 12},
    {"name": "National Probation Service", "kind": "Probation", "owed": -107_508, "overdue": None},
    {"name": "NHS Ipswich and East Suffolk CCG", "kind": "Health", "owed": 30_000, "overdue": 1},
]


def columns():
    return [Column("name", "Partner"), Column("kind", "Kind"), money_column("owed", "Outstanding"),
            Column("overdue", "Days overdue", unit=Unit.COUNT, align=Qt.AlignmentFlag.AlignRight)]


def totals(shown):
    return {"name": "Total", "kind": "", "owed": sum(r["owed"] for r in shown),
            "overdue": sum(r["overdue"] or 0 for r in shown)}


def shown(proxy, column=0):
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def proxy_over(model):
    proxy = SortProxy()
    proxy.setSourceModel(model)
    return proxy


# -- the model tester on every shape -----------------------------------------------------------------

@pytest.mark.parametrize("with_totals", [False, True])
def test_model_tester_on_the_model_and_its_proxy(qtmodeltester, with_totals):
    model = RowTableModel(columns(), PARTNERS, totals=totals if with_totals else None)
    qtmodeltester.check(model)
    proxy = proxy_over(model)
    qtmodeltester.check(proxy)
    proxy.set_column_filter(1, "o")  # filters change the rows while the tester watches
    proxy.set_predicate(lambda r: r["owed"] >= 0)
    proxy.set_search_text("suffolk")
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    model.replace_row(0, {**PARTNERS[0], "owed": 100_000})
    model.insert_row(1, {"name": "Suffolk Fire and Rescue", "kind": "Fire", "owed": 5_000, "overdue": None})
    model.remove_row(2)
    model.set_rows(PARTNERS[:2])
    proxy.clear_column_filters()
    proxy.set_predicate(None)
    proxy.set_search_text("")
    qtmodeltester.check(proxy)
    assert model.rowCount() == 2 + with_totals


def test_the_totals_row_has_no_row_number():
    # The fund page's Referrals numbered its Total row 16, as if a 16th referral.
    model = RowTableModel(columns(), PARTNERS, totals=totals)
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == ["1", "2", "3", "4", "5",
                                                                                              ""]
    proxy = proxy_over(model)
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    assert proxy.index(proxy.rowCount() - 1, 0).data() == "Total"
    assert proxy.headerData(proxy.rowCount() - 1, Qt.Orientation.Vertical) == ""
    assert proxy.headerData(0, Qt.Orientation.Vertical) == "1"  # Mid Suffolk, owed most


def test_an_empty_model_and_a_model_without_a_total_row(qtmodeltester):
    empty = RowTableModel(columns(), [], totals=lambda rows: None)  # a totals function may say "no totals line"
    qtmodeltester.check(empty)
    assert empty.rowCount() == 0 and not empty.has_total
    assert empty.data(empty.index(0, 0)) is None and empty.rowCount(empty.index(0, 0)) == 0
    assert empty.headerData(0, Qt.Orientation.Horizontal) == "Partner"
    assert empty.headerData(3, Qt.Orientation.Vertical) == "4"
    assert empty.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert empty.column_index("owed") == 2
    with pytest.raises(KeyError):
        empty.column_index("nobody")


# -- totals rows ----------------------------------------------------------------------------------------

def test_the_totals_row_is_last_in_bold_and_adds_up_the_rows():
    model = RowTableModel(columns(), PARTNERS, totals=totals)
    last = model.rowCount() - 1
    assert model.is_total_row(last) and not model.is_total_row(0)
    assert [model.index(last, c).data() for c in range(4)] == ["Total", "", "£1,375.09", "16"]
    assert model.index(last, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.row(last)["owed"] == 137_509


def test_totals_follow_the_filter_and_stay_last_whatever_the_sort():
    model = RowTableModel(columns(), PARTNERS, totals=totals)
    proxy = proxy_over(model)
    proxy.set_column_filter(0, "suffolk co")  # Suffolk County Council, Suffolk Constabulary
    assert shown(proxy) == ["Suffolk County Council", "Suffolk Constabulary", "Total of the 2 shown (of 5 rows)"]  # s73
    assert proxy.index(2, 2).data() == "£1,075.08"
    proxy.set_predicate(lambda r: r["kind"] != "County")
    assert shown(proxy) == ["Suffolk Constabulary", "Total of the 1 shown (of 5 rows)"]
    assert proxy.index(1, 2).data() == "£0.00"  # pence, because other rows of the column have them
    proxy.set_predicate(None)
    proxy.clear_column_filters()
    proxy.set_search_text("mid suffolk")  # free text searches every column
    assert shown(proxy) == ["Mid Suffolk District Council", "Total of the 1 shown (of 5 rows)"]
    assert proxy.index(1, 2).data() == "£1,075.09"
    proxy.set_search_text("")
    assert proxy.index(proxy.rowCount() - 1, 2).data() == "£1,375.09"  # every row again
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        proxy.sort(2, order)
        assert shown(proxy)[-1] == "Total"
    assert shown(proxy)[0] == "Mid Suffolk District Council"  # the largest amount first, descending


def test_the_totals_row_appears_and_goes_as_rows_come_and_go():
    model = RowTableModel(columns(), [], totals=lambda rows: totals(rows) if rows else None)
    proxy = proxy_over(model)
    assert model.rowCount() == 0
    model.insert_row(0, PARTNERS[0])
    assert model.rowCount() == 2 and model.index(1, 2).data() == "£1,075.09"
    assert proxy.rowCount() == 2  # s74: the line coming was said, so the proxy shows it too (it showed the row alone)
    model.replace_row(0, {**PARTNERS[0], "owed": 50_000})
    assert model.index(1, 2).data() == "£500"
    proxy.set_column_filter(0, "nobody matches")  # a filter that keeps nothing: a line saying so, no figures (s74)
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "None shown (of 1 row)"
    assert proxy.index(0, 2).data() is None
    proxy.clear_column_filters()  # the totals line comes back with the rows
    assert proxy.rowCount() == 2 and proxy.index(1, 2).data() == "£500"
    model.remove_row(0)
    assert model.rowCount() == 0


# -- money with pence for the whole column ------------------------------------------------------------

def test_pence_are_shown_for_the_whole_money_column_when_any_row_has_them():
    whole = [{"name": "Babergh", "owed": 30_000}, {"name": "Ipswich", "owed": 200_000}]
    model = RowTableModel([Column("name", "Partner"), money_column("owed", "Owed")], whole)
    assert [model.index(r, 1).data() for r in range(2)] == ["£300", "£2,000"]  # no row has pence
    assert not model.shows_pence(1) and not model.shows_pence(0) and not model.shows_pence(9)
    model.insert_row(2, {"name": "Waveney", "owed": 68_414})
    assert [model.index(r, 1).data() for r in range(3)] == ["£300.00", "£2,000.00", "£684.14"]
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight.value)
    model.remove_row(2)
    assert model.index(0, 1).data() == "£300"  # the pence went with the row that had them


def test_a_total_with_pence_shows_pence_in_its_column():
    rows = [{"name": "A", "owed": 100}, {"name": "B", "owed": 200}]
    model = RowTableModel([Column("name", "Partner"), money_column("owed", "Owed")], rows,
                          totals=lambda shown: {"name": "Total", "owed": 333})  # e.g. a stated total beside its lines
    assert [model.index(r, 1).data() for r in range(3)] == ["£1.00", "£2.00", "£3.33"]


def test_a_ledger_shows_pence_in_every_money_column_when_any_has_them():
    # A review's row in the Costs tab read "Cost £1,000.00 … Shortfall £0.00 … Not yet billed £1,000".
    rows = [{"name": "A", "cost": 100_000, "paid": 68_414, "unbilled": 0}, {"name": "B", "cost": 200, "paid": 0,
                                                                              "unbilled": 100}]
    cols = [Column("name", "Review"), money_column("cost", "Cost"), money_column("paid", "Paid"),
            money_column("unbilled", "Not yet billed")]
    apart = RowTableModel(cols, rows)
    assert [apart.index(0, c).data() for c in (1, 2, 3)] == ["£1,000", "£684.14", "£0"]  # each column decides
    together = RowTableModel(cols, rows, pence_together=True)
    assert [together.index(0, c).data() for c in (1, 2, 3)] == ["£1,000.00", "£684.14", "£0.00"]
    assert not together.shows_pence(0)  # text stays text
    together.replace_row(0, {**rows[0], "paid": 68_400})
    assert [together.index(r, c).data() for r in (0, 1) for c in (1, 2, 3)] == ["£1,000", "£684", "£0",
                                                                                  "£2", "£0", "£1"]


def test_replacing_a_row_signals_only_the_cells_that_changed(qtbot):
    model = RowTableModel(columns(), PARTNERS)
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.replace_row(1, {**PARTNERS[1], "overdue": 5})
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), top.column(), bottom.row(), bottom.column()) == (1, 3, 1, 3)
    with qtbot.assertNotEmitted(model.dataChanged):
        model.replace_row(1, dict(model.row(1)))  # nothing changed: nothing to repaint


# -- copy gives Excel numbers; the display keeps its format ---------------------------------------------

def test_copy_role_gives_plain_numbers_while_the_display_keeps_its_format():
    rows = [{"name": "Domestic abuse", "change": -1099, "rate": Decimal("-25.4"), "owed": -695_700,
             "paid": 68_415, "share": Fraction(8, 9) * 100}]
    cols = [Column("name", "Indicator"), Column("change", "Change", unit=Unit.COUNT),
            Column("rate", "Change %", unit=Unit.PERCENT), money_column("owed", "Variance"),
            Column("paid", "Outstanding", unit=Unit.MONEY,
                   text_of=lambda r: f"⚠ Overdue {format_money(r['paid'])}"),
            Column("share", "Share", unit=Unit.NUMBER)]
    model = RowTableModel(cols, rows)
    shown_text = [model.index(0, c).data() for c in range(6)]
    copied = [model.index(0, c).data(COPY_ROLE) for c in range(6)]
    assert shown_text == ["Domestic abuse", "\u22121,099", "\u221225.4%", "-£6,957", "⚠ Overdue £684.15", "88.9"]
    assert copied[:5] == ["Domestic abuse", "-1099", "-25.4", "-6957", "684.15"]
    assert Decimal(copied[5]).quantize(Decimal("0.0001")) == Decimal("88.8889")
    for text in copied:
        assert "£" not in text and "⚠" not in text and "\u2212" not in text and "," not in text
    assert model.index(0, 3).data(RAW_ROLE) == -695_700 and model.index(0, 0).data(ROW_ROLE) == rows[0]


def test_copy_text_of_a_text_column_has_an_ascii_minus_and_a_copy_of_function_wins():
    cols = [Column("note", "Note"), Column("ref", "Ref", copy_of=lambda r: r["ref"].upper(), show=str.lower)]
    model = RowTableModel(cols, [{"note": "\u22123 on last year", "ref": "Wscsp-DHR"}])
    assert model.index(0, 0).data(COPY_ROLE) == "-3 on last year"
    assert model.index(0, 1).data() == "wscsp-dhr" and model.index(0, 1).data(COPY_ROLE) == "WSCSP-DHR"


@pytest.mark.parametrize("value, unit, shown_as, copied_as", [
    (None, Unit.MONEY, "", ""),
    (True, Unit.TEXT, "True", "TRUE"),
    (1652, Unit.COUNT, "1,652", "1652"),
    (92.6, Unit.PERCENT, "92.6%", "92.6"),
    (Decimal("1335"), Unit.NUMBER, "1,335.0", "1335"),
    (2.50, Unit.NUMBER, "2.5", "2.5"),
])
def test_one_format_per_unit(value, unit, shown_as, copied_as):
    assert display(value, unit) == shown_as
    assert plain(value, unit) == copied_as


def test_dates_show_and_copy_the_british_way():
    from datetime import date

    assert display(date(2026, 4, 1), Unit.DATE) == "01/04/2026" and plain(date(2026, 4, 1), Unit.DATE) == "01/04/2026"


# -- the one sorter --------------------------------------------------------------------------------------

BIG = [3_000_000_000, 2_147_483_648, 5, -4_000_000_000, None, 2_147_483_647, 10**15]


def test_sorting_compares_raw_python_ints_beyond_two_to_the_31():
    model = RowTableModel([Column("name", "Fund"), money_column("pence", "Balance")],
                          [{"name": f"fund {i}", "pence": p} for i, p in enumerate(BIG)])
    proxy = proxy_over(model)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    raw = [proxy.index(r, 1).data(RAW_ROLE) for r in range(proxy.rowCount())]
    assert raw == [-4_000_000_000, 5, 2_147_483_647, 2_147_483_648, 3_000_000_000, 10**15, None]  # blanks last
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    raw = [proxy.index(r, 1).data(RAW_ROLE) for r in range(proxy.rowCount())]
    assert raw == [10**15, 3_000_000_000, 2_147_483_648, 2_147_483_647, 5, -4_000_000_000, None]
    assert proxy.index(0, 1).data() == "£10,000,000,000,000.00"  # pence in the column: shown for every row


def test_sorting_keeps_persistent_indexes_on_their_rows():
    model = RowTableModel([Column("name", "Fund"), money_column("pence", "Balance")],
                          [{"name": "a", "pence": 3}, {"name": "b", "pence": 1}, {"name": "c", "pence": 2}])
    from PySide6.QtCore import QPersistentModelIndex

    held = QPersistentModelIndex(model.index(0, 0))
    model.sort(1)
    assert held.row() == 2 and held.data() == "a"
    model.sort(1)  # already in order: nothing moves
    model.sort(7)  # no such column: nothing happens
    assert [model.index(r, 0).data() for r in range(3)] == ["b", "c", "a"]


def test_a_source_outside_the_kit_is_sorted_by_its_raw_role_too():
    source = QStandardItemModel()
    for name, pence in (("a", 3_000_000_000), ("b", 2_147_483_648), ("c", 7)):
        item = QStandardItem(format_money(pence))
        item.setData(pence, RAW_ROLE)
        source.appendRow([QStandardItem(name), item])
    proxy = proxy_over(source)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == ["c", "b", "a"]  # as text "£30,000,000" would sort before "£7"
    proxy.set_column_filter(0, "a")  # filters are the kit's own model's business; other models show every row
    assert proxy.rowCount() == 3


def test_sort_keys_put_numbers_dates_and_text_apart_and_blanks_last():
    from datetime import date

    assert sort_key(None) == sort_key("") > sort_key("zebra") > sort_key(10**12)
    assert sort_key("apple") < sort_key("Banana")  # without case
    assert sort_key(date(2026, 4, 1)) > sort_key(date(2026, 3, 31))
    assert sort_key(True) > sort_key(False)
    assert sort_key(object())[0:2] == (0, 2)


# -- a filter per column ----------------------------------------------------------------------------------

def test_a_filter_per_column_is_named_in_its_heading_and_cleared_together():
    model = RowTableModel(columns(), PARTNERS)
    proxy = proxy_over(model)
    proxy.set_column_filter(1, "  COUNTY ")
    assert proxy.column_filter(1) == "county" and shown(proxy) == ["Suffolk County Council"]
    assert proxy.headerData(1, Qt.Orientation.Horizontal) == "Kind ▾ “county”"
    assert proxy.headerData(0, Qt.Orientation.Horizontal) == "Partner"
    proxy.set_column_filter(1, "county")  # the same filter again changes nothing
    proxy.set_column_filter(3, "1")  # days overdue as shown: "1", "12"
    assert shown(proxy) == []
    proxy.set_column_filter(1, "")
    assert shown(proxy) == ["Suffolk Constabulary", "NHS Ipswich and East Suffolk CCG"]
    proxy.clear_column_filters()
    assert proxy.rowCount() == len(PARTNERS) and proxy.column_filter(3) == ""
    assert proxy.source_rows() == PARTNERS


def test_predicate_answers_are_dropped_when_the_rows_change():
    model = RowTableModel(columns(), PARTNERS)
    proxy = proxy_over(model)
    proxy.set_predicate(lambda r: (r["overdue"] or 0) > 2)
    assert shown(proxy) == ["Mid Suffolk District Council", "Suffolk Constabulary"]
    model.replace_row(1, {**PARTNERS[1], "overdue": 40})  # the answers kept for the old rows no longer hold
    assert shown(proxy) == ["Mid Suffolk District Council", "Suffolk County Council", "Suffolk Constabulary"]
    model.insert_row(0, {"name": "Babergh", "kind": "District", "owed": 1, "overdue": 90})
    assert shown(proxy)[0] == "Babergh"


def test_rows_that_are_objects_or_tuples_are_read_by_key_or_attribute():
    from collections import namedtuple

    Row = namedtuple("Row", "name owed")
    model = RowTableModel([Column("name", "Name"), money_column("owed", "Owed")], [Row("x", 150)])
    assert model.index(0, 0).data() == "x" and model.index(0, 1).data() == "£1.50"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert not model.index(5, 0).isValid() and model.data(QModelIndex()) is None


def test_a_filter_changed_while_rows_are_being_filtered_out_leaves_the_rows_of_the_last_filter():
    """h18 F1: a slot that hears a row go (the selection), changes a row and sets the filter again, from inside the
    first change; the rows shown are then those of the filter last set, with ``filtered`` once at the end."""
    model = RowTableModel(columns(), PARTNERS)
    proxy = proxy_over(model)
    heard, ended = [], []
    proxy.filtered.connect(lambda: ended.append(proxy.filtering))

    def row_going(*_):
        heard.append(proxy.filtering)
        if len(heard) == 1:
            model.replace_row(2, {**PARTNERS[2], "owed": 5})  # a Save re-reads the row being edited
            proxy.set_predicate(lambda r: r["kind"] == "County")
            proxy.set_predicate(None)  # and the filters are cleared to show it

    proxy.rowsAboutToBeRemoved.connect(row_going)
    proxy.set_predicate(lambda r: r["kind"] == "District")
    assert heard[0] is True and ended == [False]
    assert shown(proxy) == [p["name"] for p in PARTNERS]  # every row: no filter is set
    assert shown(proxy, 2)[2] == "£0.05"


def test_text_sorts_with_its_accents_beside_the_plain_letters():
    """Session 66 (wales2): a Welsh office's register sorted by title put "Ŵyl Ddiogel" and "Émile scheme" after
    "Zebra project" (by the accented letter's code, past z): Excel and a reader put them with W and E."""
    titles = ["Zebra project", "Ŵyl Ddiogel", "Émile scheme", "Ynys Môn patrols", "Ynys Mon CCTV", "earlier one",
              "Wrexham pilot"]
    model = RowTableModel([Column("title", "Title")], [{"title": t} for t in titles])
    proxy = proxy_over(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == ["earlier one", "Émile scheme", "Wrexham pilot", "Ŵyl Ddiogel", "Ynys Mon CCTV",
                            "Ynys Môn patrols", "Zebra project"]
    assert sort_key("Môn") > sort_key("Mon") and sort_key("émile") < sort_key("Émilf")
