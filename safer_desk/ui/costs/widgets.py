"""Pieces the Costs tab's pages share: fast sortable/filterable tables, form dialogs, undoable edits.

Sorting happens in the source model with Python's sort on raw values (20,000 spend
lines sort in milliseconds), not in the proxy's ``lessThan``, which calls back into
Python once per comparison. Filtering matches a lower-cased text per row, built once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from safer_desk.domain.money import format_money
from safer_desk.domain.periods import format_uk_date
from safer_desk.ui.table_model import RIGHT, Column, RawSortFilterProxy, RowTableModel
from safer_desk.ui.table_view import DataTableView
from safer_desk.ui.undo import push_service_command


def _sort_key(value: Any) -> tuple:
    if value is None or value == "":
        return (1, 0, "")
    if isinstance(value, bool):
        return (0, 0, int(value))
    if isinstance(value, (int, float)):
        return (0, 0, value)
    if isinstance(value, date):
        return (0, 0, value.toordinal())
    if isinstance(value, str):
        return (0, 1, value.casefold())
    return (0, 2, str(value))


def money_col(key: str, header: str, get: Callable[[Any], Any] | None = None) -> Column:
    return Column(key, header, get, lambda v: "" if v is None else format_money(v), RIGHT)


def date_col(key: str, header: str, get: Callable[[Any], Any] | None = None) -> Column:
    def raw(row: Any) -> Any:
        value = get(row) if get else (row.get(key) if isinstance(row, dict) else getattr(row, key, None))
        if isinstance(value, str) and value:
            return date.fromisoformat(value)
        return value or None

    return Column(key, header, raw, lambda v: format_uk_date(v) if v else "")


class SortedRowModel(RowTableModel):
    """A RowTableModel that sorts itself by raw values and keeps a search text per row."""

    def __init__(self, columns: Sequence[Column], rows=(), parent=None):
        super().__init__(columns, rows, parent)
        self._haystack: list[str] | None = None
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder

    def set_rows(self, rows) -> None:
        rows = list(rows)
        if self.sort_column >= 0:
            rows = self._sorted(rows, self.sort_column, self.sort_order)
        self._haystack = None
        super().set_rows(rows)

    def _sorted(self, rows: list, column: int, order: Qt.SortOrder) -> list:
        col = self.columns[column]
        blanks = [r for r in rows if _sort_key(col.raw(r))[0] == 1]
        filled = [r for r in rows if _sort_key(col.raw(r))[0] == 0]
        filled.sort(key=lambda r: _sort_key(col.raw(r)), reverse=order == Qt.SortOrder.DescendingOrder)
        return filled + blanks  # blanks last either way

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_column, self.sort_order = column, order
        self.beginResetModel()
        self._rows = self._sorted(self._rows, column, order)
        self._haystack = None
        self.endResetModel()

    def haystack(self, i: int) -> str:
        if self._haystack is None:
            self._haystack = ["\t".join(c.text(r) for c in self.columns).casefold() for r in self._rows]
        return self._haystack[i]

    def replace_row(self, i: int, row: Any) -> None:
        self._haystack = None
        super().replace_row(i, row)


class FastFilterProxy(RawSortFilterProxy):
    """Filters by a predicate and search text; sorting is passed to the source model."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, SortedRowModel):
            source.sort(column, order)
        else:  # pragma: no cover - every costs table uses SortedRowModel
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, SortedRowModel):
            return super().filterAcceptsRow(source_row, source_parent)
        if self._predicate is not None and not self._predicate(model.row(source_row)):
            return False
        return not self._needle or self._needle in model.haystack(source_row)


@dataclass
class Table:
    """A model, its filtering proxy and the view, built together."""

    model: SortedRowModel
    proxy: FastFilterProxy
    view: DataTableView

    def selected_rows(self) -> list[Any]:
        selection = self.view.selectionModel()
        if selection is None:
            return []
        rows = sorted({i.row() for i in selection.selectedRows()})
        return [self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]

    def current(self) -> Any | None:
        rows = self.selected_rows()
        if rows:
            return rows[0]
        index = self.view.currentIndex()
        if index.isValid():
            return self.model.row(self.proxy.mapToSource(index).row())
        return None

    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        for r in range(self.proxy.rowCount()):
            row = self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            if predicate(row):
                self.view.selectRow(r)
                return True
        return False


def make_table(columns: Sequence[Column], name: str, parent: QWidget | None = None) -> Table:
    model = SortedRowModel(columns, parent=parent)
    proxy = FastFilterProxy(parent)
    proxy.setSourceModel(model)
    view = DataTableView(parent, accessible_name=name)
    view.setModel(proxy)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return Table(model, proxy, view)


def debounced(parent: QWidget, ms: int, fn: Callable[[], None]) -> QTimer:
    """A single-shot timer that runs fn ms after the last start() (typing in a search box)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(fn)
    return timer


# -- form dialogs ---------------------------------------------------------------------

@dataclass
class Field:
    key: str
    label: str
    kind: str = "text"  # text | date | money | choice | check | multiline
    choices: Sequence[str] = ()
    value: Any = ""
    hint: str = ""


class FormDialog(QDialog):
    """A form whose OK validates and applies through a callback; errors are shown in the dialog.

    Tests fill ``editors`` and call ``apply()`` (no modal loop); the tab opens it with ``open()``.
    """

    def __init__(self, parent: QWidget | None, title: str, fields: Sequence[Field],
                 on_apply: Callable[[dict[str, Any]], Any], *, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._on_apply = on_apply
        self.result_value: Any = None
        self.editors: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        for f in fields:
            editor = self._editor(f)
            editor.setAccessibleName(f.label)
            if f.hint:
                editor.setToolTip(f.hint)
            self.editors[f.key] = editor
            label = QLabel(f"&{f.label}:" if f.kind != "check" else "", self)
            label.setBuddy(editor)
            form.addRow(label, editor)
        layout.addLayout(form)
        self.error_label = QLabel("", self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Problem")
        self.error_label.setStyleSheet("color: #a00000; font-weight: bold;")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _editor(self, f: Field) -> QWidget:
        if f.kind == "choice":
            box = QComboBox(self)
            box.addItems(list(f.choices))
            if f.value:
                box.setCurrentText(str(f.value))
            return box
        if f.kind == "check":
            check = QCheckBox(f.label, self)
            check.setChecked(bool(f.value))
            return check
        if f.kind == "multiline":
            edit = QPlainTextEdit(str(f.value or ""), self)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(70)
            return edit
        edit = QLineEdit(self)
        value = f.value
        if f.kind == "date" and isinstance(value, (date, QDate)):
            value = format_uk_date(value if isinstance(value, date) else value.toPython())
        elif f.kind == "date" and isinstance(value, str) and len(value) == 10 and value[4] == "-":
            value = format_uk_date(date.fromisoformat(value))
        elif f.kind == "money" and isinstance(value, int):
            value = format_money(value)
        edit.setText("" if value is None else str(value))
        if f.kind == "date":
            edit.setPlaceholderText("dd/mm/yyyy")
        elif f.kind == "money":
            edit.setPlaceholderText("£0.00")
        return edit

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                result[key] = editor.currentText()
            elif isinstance(editor, QCheckBox):
                result[key] = editor.isChecked()
            elif isinstance(editor, QPlainTextEdit):
                result[key] = editor.toPlainText()
            else:
                result[key] = editor.text()
        return result

    def set_value(self, key: str, value: Any) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(value))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value))
        else:
            editor.setText(str(value))

    def apply(self) -> bool:
        """Validate and apply; on a problem, say it in the dialog and keep it open (nothing is saved)."""
        try:
            self.result_value = self._on_apply(self.values())
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return False
        self.error_label.setText("")
        self.accept()
        return True


# -- undoable edits ---------------------------------------------------------------------

@dataclass
class EditState:
    before: Any = None
    after: Any = None
    result: Any = None
    done: bool = False
    extra: dict = field(default_factory=dict)


def push_edit(stack, text: str, *, key: str | None, snap: Callable[[str], Any], restore: Callable[[Any], None],
              absent: Callable[[str], Any], action: Callable[[], Any], after: Callable[[], None]) -> Any:
    """Do ``action`` as one undoable step; undo and redo put back the rows as they were before and after.

    ``key`` names the case/fund/referral the action changes, or None when the action creates it
    (its id is then the action's result, and "before" is that it did not exist).
    """
    state = EditState()

    def do() -> None:
        if state.done:
            restore(state.after)
            return
        before = snap(key) if key else None
        state.result = action()
        k = key or state.result
        state.before = before if before is not None else absent(k)
        state.after = snap(k)
        state.done = True

    def undo() -> None:
        restore(state.before)

    push_service_command(stack, text, do, undo, after)
    return state.result
