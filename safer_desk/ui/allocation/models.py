"""Table models of the Allocation tab: the editable inputs, the results laid out like the paper, a comparison."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from safer_desk.domain.allocation import AllocationResult, format_number, plain_number
from safer_desk.domain.money import format_percent, format_pounds_plain
from safer_desk.domain.text import shown_total_label
from safer_desk.presenters.formats import Unit
from safer_desk.presenters.allocation import COMPARISON_DIFFERENCE
from safer_desk.services.allocation import total_share_pct
from safer_desk.services.allocation_workbench import NAME, PREVIOUS, WorkState, cell_raw, cell_text
from safer_desk.ui.kit.tables import COPY_ROLE, LEFT, RAW_ROLE, RIGHT, Column, RowTableModel

TOTAL_KEY = "\x00totals"  # the totals row's name; no partnership can be called this
# The totals line as every table of the window words it (domain.text.shown_total_label); the command line's allocate
# CSV keeps its "Totals" row (services.allocation.CLI_TOTALS, DESIGN.md §4).
WINDOW_TOTAL = shown_total_label(1, 1)


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
        if role == COPY_ROLE:  # Excel's plain numbers: pounds without £ or separators
            raw = cell_raw(p, key)
            if key == PREVIOUS:
                return "" if raw is None else format_pounds_plain(raw)
            return raw if isinstance(raw, str) else _plain_fraction(raw)
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


class _SignedMoney(Column):
    """A change ("+£1" beside "-£4"), shown as the kit shows money: pence down the whole column when any row has them
    ("+£3,271.00" over "-£5,616.67"), so its figures line up at the pound."""

    __slots__ = ()

    def text(self, row: Any, *, show_pence: bool = False) -> str:
        shown = super().text(row, show_pence=show_pence)
        value = self.raw(row)
        return f"+{shown}" if isinstance(value, int) and not isinstance(value, bool) and value > 0 else shown


def _money_column(key: str, header: str, *, signed: bool = False) -> Column:
    """Pence, shown as pounds (with pence down the column when any row has them); copied to Excel as a plain number
    with an ASCII minus."""
    return _money_column_of(key, header, lambda r, k=key: r[k], signed=signed)


def _plain_fraction(value: Fraction | None) -> str:
    """A count or measure copied for Excel with every decimal it has (10234.75, not 10234.8)."""
    return "" if value is None else plain_number(Fraction(value))


KEY_COLUMNS = ("Partnership", "This year", "Last year", "Variance")


def result_columns(result: AllocationResult) -> list[Column]:
    """Partnership, this year, last year and variance first (in view on a laptop), then the paper's breakdown:
    units, fixed fee, variable fee, damping, each factor's value and share."""
    columns = [Column("name", "Partnership", lambda r: r["name"], lambda v: WINDOW_TOTAL if v == TOTAL_KEY else v),
               _money_column("total", "This year"),
               _money_column("previous", "Last year"),
               _money_column("variance", "Variance", signed=True),
               Column("fixed_units", "Units", lambda r: r["fixed_units"], align=RIGHT, unit=Unit.COUNT),
               _money_column("fixed", "Fixed fee"),
               _money_column("variable", "Variable fee")]
    if result.options.damping is not None:
        columns.append(_money_column("damping", "Damping", signed=True))
    for f in result.options.factors:
        columns.append(Column(f"value:{f.name}", f.title, lambda r, k=f.name: r["values"][k],
                              lambda v: "" if v is None else format_number(v), RIGHT,
                              copy_of=lambda r, k=f.name: _plain_fraction(r["values"][k])))
        columns.append(Column(f"share:{f.name}", "% of total" if len(result.options.factors) == 1 else f"{f.title} %",
                              lambda r, k=f.name: _share(r, k), lambda v: f"{format_percent(v)}%", RIGHT,
                              copy_of=lambda r, k=f.name: format_percent(_share(r, k))))
    if len(result.options.factors) > 1:
        # The share is written to two places ("9.08"): sorted as the number it is, never as text (12.50 before 9.08).
        columns.append(Column("share", "Weighted share", lambda r: Decimal(r["share"]) if r["share"] else None,
                              lambda v: "" if v is None else f"{v}%", RIGHT, copy_of=lambda r: str(r["share"])))
    return columns


def _share(row: dict, factor: str) -> Fraction:
    """A factor value over its total, worked out only for the cells that are shown or sorted."""
    total = row["totals"][factor]
    value = row["values"][factor]
    return value / total if total and value is not None else Fraction(0)


def result_rows(result: AllocationResult) -> list[dict]:
    """One dict per partnership (raw values: pence as int, shares as fractions of one)."""
    factors = result.options.factors
    return [{"name": r.name, "fixed_units": r.fixed_units, "fixed": r.fixed_pence, "variable": r.variable_pence,
             "damping": r.damping_pence, "values": {f.name: r.values.get(f.name) for f in factors},
             "totals": result.factor_totals, "share": r.share_pct,
             "total": r.total_pence, "previous": r.previous_pence, "variance": r.variance_pence}
            for r in result.rows]


def totals_row(result: AllocationResult, shown: list[dict]) -> dict:
    """The paper's totals line, over the partnerships shown (all of them: exactly the pot)."""
    def total(key: str):
        values = [r[key] for r in shown if r[key] is not None]
        return sum(values) if values else None

    if len(shown) == len(result.rows):
        return {"name": TOTAL_KEY, "fixed_units": result.fixed_units, "fixed": result.fixed_total_pence,
                "variable": result.variable_total_pence, "damping": sum(r.damping_pence for r in result.rows),
                "values": dict(result.factor_totals), "totals": result.factor_totals,
                "share": total_share_pct(result), "total": result.total_pence, "previous": result.previous_sum_pence,
                "variance": result.variance_pence}
    factors = result.options.factors
    return {"name": TOTAL_KEY, "fixed_units": total("fixed_units"), "fixed": total("fixed"),
            "variable": total("variable"), "damping": total("damping"),
            "values": {f.name: sum((r["values"][f.name] or 0) for r in shown) for f in factors},
            "totals": result.factor_totals, "share": "", "total": total("total"), "previous": total("previous"),
            "variance": total("variance")}


class ResultsModel(RowTableModel):
    """The results and the totals line (the kit keeps it last, in bold, whatever the sort or filter)."""

    def __init__(self, parent=None):
        self.result: AllocationResult | None = None
        super().__init__([], [], parent, totals=self._totals, noun="partnership")

    def _totals(self, shown):
        return totals_row(self.result, list(shown)) if self.result is not None else None

    def show(self, result: AllocationResult | None) -> None:
        self.result = result
        columns = result_columns(result) if result is not None else self.columns
        rows = result_rows(result) if result is not None else []
        same_shape = [c.header for c in columns] == [c.header for c in self.columns] and len(rows) == len(self._rows)
        if not same_shape:
            self.beginResetModel()
            self.columns, self._rows, self._total_over = columns, rows, None
            self._apply_sort()  # in the order the heading shows, as every kit table after a change
            self._refresh_derived()
            self.endResetModel()
            return
        self.columns = columns
        before = {row["name"]: row for row in self._rows}
        self._rows = rows
        self.resort()  # the new figures in the order the heading shows (they had gone back to the paper's)
        changed = [i for i, row in enumerate(self._rows) if before.get(row["name"]) != row]
        self._total_over = None
        self._refresh_derived()
        if changed:  # one signal for the band of changed rows and the totals line
            self.dataChanged.emit(self.index(changed[0], 0), self.index(self.rowCount() - 1, len(columns) - 1))

    def every_row(self) -> list[dict]:
        """The partnerships and the totals line, as shown (for tests and copying)."""
        return [*self._rows, *([self._total] if self.has_total else [])]


def comparison_columns(first_title: str, second_title: str) -> list[Column]:
    return [Column("partnership", "Partnership", lambda r: r.partnership),
            _money_column_of("first", first_title, lambda r: r.first_pence),
            _money_column_of("second", second_title, lambda r: r.second_pence),
            _money_column_of("difference", COMPARISON_DIFFERENCE, lambda r: r.difference_pence, signed=True)]


def _money_column_of(key: str, header: str, get, *, signed: bool = False) -> Column:
    return (_SignedMoney if signed else Column)(key, header, get, None, RIGHT, unit=Unit.MONEY)
