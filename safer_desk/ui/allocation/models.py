"""Table models of the Allocation tab: the editable inputs, the results laid out like the paper, a comparison."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from safer_desk.domain.allocation import AllocationResult, format_number, format_percent
from safer_desk.domain.money import format_money
from safer_desk.services.allocation_workbench import NAME, WorkState, cell_raw, cell_text
from safer_desk.ui.table_model import LEFT, RAW_ROLE, RIGHT, Column, RawSortFilterProxy, RowTableModel

TOTAL_KEY = "\x00totals"  # the totals row's name; no partnership can be called this


class InputsModel(QAbstractTableModel):
    """The inputs of the working state; an edit is handed to ``on_edit(row, key, text)`` (which goes via undo)."""

    def __init__(self, on_edit: Callable[[int, str, str], bool], parent=None):
        super().__init__(parent)
        self._on_edit = on_edit
        self._state: WorkState | None = None
        self._keys: list[str] = []
        self._headers: list[str] = []
        self.editable = True

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    def set_state(self, state: WorkState) -> None:
        """Show a new state: only the changed cells are signalled when the shape is the same."""
        old = self._state
        keys, headers = state.input_columns(), state.input_headers()
        if old is None or keys != self._keys or len(old.partnerships) != len(state.partnerships):
            self.beginResetModel()
            self._state, self._keys, self._headers = state, keys, headers
            self.endResetModel()
            return
        self._state = state
        if headers != self._headers:
            self._headers = headers
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)
        for r, (a, b) in enumerate(zip(old.partnerships, state.partnerships)):
            if a != b:
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(keys) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._state is None else len(self._state.partnerships)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._state is None or index.row() >= len(self._state.partnerships):
            return None
        p = self._state.partnerships[index.row()]
        key = self._keys[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_text(p, key)
        if role == RAW_ROLE:
            return cell_raw(p, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((LEFT if key == NAME else RIGHT).value)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        key = self._keys[index.column()]
        if str(value) == cell_text(self._state.partnerships[index.row()], key):
            return False
        return bool(self._on_edit(index.row(), key, str(value)))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


def _money(value: Any) -> str:
    return "" if value is None else format_money(value)


def _signed_money(value: Any) -> str:
    return "" if value is None else ("+" if value > 0 else "") + format_money(value)


def result_columns(result: AllocationResult) -> list[Column]:
    """The paper's columns: fixed fee, variable fee, factor values and shares, this year, last year, variance."""
    columns = [Column("name", "Partnership", lambda r: r["name"], lambda v: "Totals" if v == TOTAL_KEY else v),
               Column("fixed_units", "Units", lambda r: r["fixed_units"], align=RIGHT),
               Column("fixed", "Fixed fee", lambda r: r["fixed"], _money, RIGHT),
               Column("variable", "Variable fee", lambda r: r["variable"], _money, RIGHT)]
    if result.options.damping is not None:
        columns.append(Column("damping", "Damping", lambda r: r["damping"], _signed_money, RIGHT))
    for f in result.options.factors:
        columns.append(Column(f"value:{f.name}", f.title, lambda r, k=f.name: r["values"][k],
                              lambda v: "" if v is None else format_number(v), RIGHT))
        columns.append(Column(f"share:{f.name}", "% of total" if len(result.options.factors) == 1 else f"{f.title} %",
                              lambda r, k=f.name: _share(r, k),
                              lambda v: f"{format_percent(v)}%", RIGHT))
    if len(result.options.factors) > 1:
        columns.append(Column("share", "Weighted share", lambda r: r["share"], lambda v: f"{v}%", RIGHT))
    columns += [Column("total", "This year", lambda r: r["total"], _money, RIGHT),
                Column("previous", "Last year", lambda r: r["previous"], _money, RIGHT),
                Column("variance", "Variance", lambda r: r["variance"], _signed_money, RIGHT)]
    return columns


def _share(row: dict, factor: str) -> Fraction:
    """A factor value over its total, worked out only for the cells that are shown or sorted."""
    total = row["totals"][factor]
    return row["values"][factor] / total if total else Fraction(0)


def result_rows(result: AllocationResult) -> list[dict]:
    """One dict per partnership and a totals row (raw values: pence as int, shares as fractions of one)."""
    factors = result.options.factors
    rows = [{"name": r.name, "fixed_units": r.fixed_units, "fixed": r.fixed_pence, "variable": r.variable_pence,
             "damping": r.damping_pence, "values": {f.name: r.values.get(f.name) for f in factors},
             "totals": result.factor_totals, "share": r.share_pct,
             "total": r.total_pence, "previous": r.previous_pence, "variance": r.variance_pence}
            for r in result.rows]
    rows.append({"name": TOTAL_KEY, "fixed_units": result.fixed_units, "fixed": result.fixed_total_pence,
                 "variable": result.variable_total_pence, "damping": sum(r.damping_pence for r in result.rows),
                 "values": dict(result.factor_totals), "totals": result.factor_totals,
                 "share": "100.00", "total": result.total_pence, "previous": result.previous_sum_pence,
                 "variance": result.variance_pence})
    return rows


class ResultsModel(RowTableModel):
    """The results; a new result of the same shape signals only the cells that changed."""

    def show(self, result: AllocationResult | None) -> None:
        if result is None:
            self.beginResetModel()
            self._rows = []
            self.endResetModel()
            return
        columns = result_columns(result)
        rows = result_rows(result)
        same_shape = [c.header for c in columns] == [c.header for c in self.columns] and len(rows) == len(self._rows)
        if not same_shape:
            self.beginResetModel()
            self.columns = columns
            self._rows = rows
            self.endResetModel()
            return
        self.columns = columns
        changed = [i for i, (old, new) in enumerate(zip(self._rows, rows)) if old != new]
        self._rows = rows
        if changed:  # one signal for the band of changed rows: the view repaints only what is visible
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(columns) - 1))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and self._rows[index.row()]["name"] == TOTAL_KEY:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class TotalsLastProxy(RawSortFilterProxy):
    """Sorts the partnerships by raw value and keeps the totals row at the bottom either way.

    A results table has a few hundred rows at most, so the proxy sorts itself (with the
    lessThan below) rather than handing the sort to the model as the shared proxy does.
    """

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        QSortFilterProxyModel.sort(self, column, order)

    def lessThan(self, left, right) -> bool:
        model = self.sourceModel()
        left_total = model.row(left.row())["name"] == TOTAL_KEY
        right_total = model.row(right.row())["name"] == TOTAL_KEY
        if left_total or right_total:
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return right_total != descending if left_total != right_total else False
        return super().lessThan(left, right)


def comparison_columns(first_title: str, second_title: str) -> list[Column]:
    return [Column("partnership", "Partnership", lambda r: r.partnership),
            Column("first", first_title, lambda r: r.first_pence, _money, RIGHT),
            Column("second", second_title, lambda r: r.second_pence, _money, RIGHT),
            Column("difference", "Difference", lambda r: r.difference_pence, _signed_money, RIGHT)]
