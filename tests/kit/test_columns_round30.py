"""The kit's tables, round 30: a figure is never cut, and widths follow the figures after a change.

On a new file the Reviews list was sized while it was empty (or every figure was £0): after a £3,000 payment its Total
row showed "£3,0…" under Paid (the bold total is wider than the row above it, "£3,000"), Reference "BCSP-DHR-…",
Cost "Not y…". A table widens a column whose figures (money, counts, dates) no longer fit once its rows change, and
sizes itself to its rows once they first arrive after it was sized empty; it never narrows as rows change (no jumping
as a filter is typed), and a column the person resized keeps their width.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from safer_desk.presenters.formats import Unit
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy, money_column


def table(qtbot):
    model = RowTableModel([Column("reference", "Reference"), money_column("cost", "Cost"),
                           money_column("paid", "Paid"), Column("due", "Due", unit=Unit.DATE)],
                          totals=lambda rows: {"reference": "Total", "cost": sum(r["cost"] for r in rows),
                                               "paid": sum(r["paid"] for r in rows)} if rows else None)
    proxy = SortProxy()
    proxy.setSourceModel(model)
    view = DataTableView(accessible_name="Reviews")
    view.setModel(proxy)
    view.resize(1200, 400)
    qtbot.addWidget(view)
    view.show()
    return model, view


def cut(view: DataTableView, column: int) -> list[str]:
    """The cells of a column Qt would elide: their text (bold on the total row) wider than the column."""
    out = []
    model = view.model()
    for r in range(model.rowCount()):
        index = model.index(r, column)
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
        text = str(index.data() or "")
        if metrics.horizontalAdvance(text) + 8 > view.columnWidth(column):
            out.append(text)
    return out


ROW = {"reference": "BCSP-DHR-2025-01", "cost": 600_000, "paid": 0, "due": date(2025, 7, 1)}


def test_a_payment_after_the_table_was_sized_on_zero_figures_is_shown_whole(qtbot):
    model, view = table(qtbot)
    model.set_rows([ROW])
    view.size_columns_to_visible()
    model.set_rows([dict(ROW, paid=300_000)])
    QApplication.processEvents()
    assert [text for c in range(4) for text in cut(view, c)] == []


def test_a_table_sized_empty_is_sized_to_its_rows_when_they_come(qtbot):
    model, view = table(qtbot)
    view.size_columns_to_visible()  # a new file: no case yet
    model.insert_row(0, ROW)
    QApplication.processEvents()
    assert [text for c in range(4) for text in cut(view, c)] == []


def test_widths_never_narrow_as_rows_change_and_a_width_given_by_hand_is_kept(qtbot):
    model, view = table(qtbot)
    model.set_rows([dict(ROW, cost=12_345_600_00)])
    view.size_columns_to_visible()
    wide = view.columnWidth(1)
    view.widths_by_hand["Paid"] = 30
    view.setColumnWidth(2, 30)
    model.set_rows([dict(ROW, cost=100, paid=300_000)])
    QApplication.processEvents()
    assert view.columnWidth(1) == wide and view.columnWidth(2) == 30
