"""A table view that behaves like a spreadsheet: sortable, copies selected rows as Excel-ready text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from safer_desk.exchange.files import to_tsv

_HORIZONTAL = Qt.Orientation.Horizontal


class DataTableView(QTableView):
    def __init__(self, parent=None, *, accessible_name: str = ""):
        super().__init__(parent)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        if accessible_name:
            self.setAccessibleName(accessible_name)

    def selected_rows_text(self, *, with_header: bool = True) -> str:
        """The selected rows (in the order shown) as tab-separated text with the header."""
        model = self.model()
        if model is None:
            return ""
        rows = sorted({index.row() for index in self.selectionModel().selectedIndexes()}) if self.selectionModel() else []
        columns = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)]
        table = []
        if with_header:
            table.append([model.headerData(c, _HORIZONTAL) for c in columns])
        for r in rows:
            table.append([model.index(r, c).data() for c in columns])
        return to_tsv(table) if rows else ""

    def copy_selection(self) -> bool:
        text = self.selected_rows_text()
        if text:
            QGuiApplication.clipboard().setText(text)
        return bool(text)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def size_columns_to_visible(self, max_width: int = 360) -> None:
        """Size columns on the visible rows only: resizeColumnsToContents on 100k rows takes a second."""
        model = self.model()
        if model is None:
            return
        metrics = self.fontMetrics()
        first = max(0, self.rowAt(0))
        last = min(model.rowCount(), first + 60)
        for c in range(model.columnCount()):
            header = str(model.headerData(c, _HORIZONTAL) or "")
            width = metrics.horizontalAdvance(header) + 28
            for r in range(first, last):
                width = max(width, metrics.horizontalAdvance(str(model.index(r, c).data() or "")) + 16)
            self.setColumnWidth(c, min(width, max_width))
