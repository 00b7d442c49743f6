"""View > History: the audit trail, filterable by table and date."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QVBoxLayout)

from safer_desk.services.history import HISTORY_LIMIT, audited_table_names, history
from safer_desk.ui.session import Session
from safer_desk.ui.table_model import Column, RawSortFilterProxy, RowTableModel
from safer_desk.ui.table_view import DataTableView

ALL_TABLES = "All tables"


def _value(v: object) -> str:
    return "" if v is None else str(v)


COLUMNS = [
    Column("at", "When", show=lambda v: (v or "").replace("T", " ").rstrip("Z")[:19]),
    Column("who", "Who"),
    Column("table_name", "Table"),
    Column("action", "Change"),
    Column("row_id", "Row"),
    Column("column_name", "Column", show=_value),
    Column("old_value", "Old value", show=_value),
    Column("new_value", "New value", show=_value),
]


class HistoryDialog(QDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("History of changes")
        self.resize(1000, 560)
        self.table_combo = QComboBox(self)
        self.table_combo.setAccessibleName("Table")
        self.since_check = QCheckBox("From", self)
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.until_check = QCheckBox("To", self)
        self.until_edit = QDateEdit(QDate.currentDate(), self)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.model = RowTableModel(COLUMNS, parent=self)
        self.proxy = RawSortFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(self, accessible_name="History of changes")
        self.view.setModel(self.proxy)
        self.count_label = QLabel(self)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Table:", self))
        filters.addWidget(self.table_combo)
        for w in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            filters.addWidget(w)
        filters.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self.table_combo.currentIndexChanged.connect(self.refresh)
        for w in (self.since_check, self.until_check):
            w.toggled.connect(self.refresh)
        for w in (self.since_edit, self.until_edit):
            w.dateChanged.connect(self.refresh)
        self._fill_tables()
        self.refresh()

    def _fill_tables(self) -> None:
        self.table_combo.blockSignals(True)
        self.table_combo.clear()
        self.table_combo.addItem(ALL_TABLES)
        if self.session.store is not None:
            self.table_combo.addItems(audited_table_names(self.session.store))
        self.table_combo.blockSignals(False)

    def refresh(self) -> None:
        store = self.session.store
        if store is None:
            self.model.set_rows([])
            return
        table = self.table_combo.currentText()
        entries = history(
            store,
            table=None if table in ("", ALL_TABLES) else table,
            since=self.since_edit.date().toString("yyyy-MM-dd") if self.since_check.isChecked() else None,
            until=self.until_edit.date().toString("yyyy-MM-dd") if self.until_check.isChecked() else None,
        )
        self.model.set_rows(entries)
        self.view.size_columns_to_visible()
        more = " (the most recent; narrow the filter to see older changes)" if len(entries) >= HISTORY_LIMIT else ""
        self.count_label.setText(f"{len(entries):,} change(s){more}")
