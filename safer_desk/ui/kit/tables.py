"""The kit's table model and its one sort proxy: rows of Python objects, named columns, raw values.

Every table in the window is a ``RowTableModel`` (columns named, a unit per column for one
number format, an optional totals row kept last) behind the one ``SortProxy`` (sorts by raw
values, filters by a predicate, free text and a filter per column).

Sorting compares raw Python values (the RAW_ROLE), never display text or Qt
ints, because large pence values overflow Qt's 32-bit ints and "£9" sorts after
"£10" as text. Pence never pass through Qt as ints: RAW_ROLE returns a Python int
inside a QVariant-free Python object.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal

from safer_desk.domain.frozen import Frozen
from safer_desk.domain.money import any_pence, is_fraction
from safer_desk.domain.text import counted, folded, shown_total_label
from safer_desk.presenters.formats import Unit, display, plain

RAW_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
COPY_ROLE = Qt.ItemDataRole.UserRole + 3  # what Copy gives Excel: plain numbers, ASCII minus, no symbols
# The cells Copy gives after a column's own (a list; the headings likewise from headerData), so a cell that shows
# two figures ("+£56,500 (+17.2%)") pastes as two numbers, each in a column of its own.
COPY_BESIDE_ROLE = Qt.ItemDataRole.UserRole + 4

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

# Qt asks each cell in view for nine roles at every paint (its decoration, font, colours, check state...), one Python
# call each through the sort proxy, and each heading for six: the roles the kit answers are looked up once, here, and
# any other is answered None before anything else is read (two calls in three, at the register's first screen).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
CELL_ROLES = frozenset({_DISPLAY, _ACCESSIBLE, _FONT, _ALIGNMENT, _TOOLTIP, RAW_ROLE, ROW_ROLE, COPY_ROLE,
                        COPY_BESIDE_ROLE})
HEADING_ROLES = frozenset({_DISPLAY, COPY_ROLE, COPY_BESIDE_ROLE})
# The totals line while a search or filter hides every row: its label says none is shown, its figures are blank (a
# line of £0.00 read as real figures, an empty table as nothing held).
NONE_SHOWN = object()


def _default_get(row: Any, key: str) -> Any:
    if isinstance(row, dict):
        return row.get(key)
    try:
        return row[key]  # sqlite3.Row
    except (TypeError, KeyError, IndexError):
        return getattr(row, key, None)


class Column(Frozen):
    """One column: its key, header, how to get the raw value and how to show it.

    Frozen, compared and hashed as the tuple of its fields, as the ``@dataclass(frozen=True)`` it was: written out,
    its methods are compiled into the .pyc, where a dataclass's are compiled each start (issue 16). ``replace``
    for ``dataclasses.replace``."""

    __slots__ = ('key', 'header', 'get', 'show', 'align', 'tooltip', 'unit', 'text_of', 'copy_of', 'copy_beside',
                 'copy_header')
    __match_args__ = ('key', 'header', 'get', 'show', 'align', 'tooltip', 'unit', 'text_of', 'copy_of', 'copy_beside',
                      'copy_header')
    key: str
    header: str
    get: Callable[[Any], Any] | None
    show: Callable[[Any], str] | None
    align: Qt.AlignmentFlag
    tooltip: Callable[[Any], str | None] | None
    unit: Unit
    text_of: Callable[[Any], str] | None  # shown text worked out from the whole row
    copy_of: Callable[[Any], str] | None  # copied text worked out from the whole row
    copy_beside: tuple[tuple[str, Callable[[Any], str]], ...]  # further copied columns: (heading, cell of a row)
    copy_header: str | None  # the heading Copy gives Excel where the screen's is short ("A": a scenario's name)

    def __init__(self, key: str, header: str, get: Callable[[Any], Any] | None = None,
                 show: Callable[[Any], str] | None = None, align: Qt.AlignmentFlag = LEFT,
                 tooltip: Callable[[Any], str | None] | None = None, unit: Unit = Unit.TEXT,
                 text_of: Callable[[Any], str] | None = None, copy_of: Callable[[Any], str] | None = None,
                 copy_beside: tuple[tuple[str, Callable[[Any], str]], ...] = (),
                 copy_header: str | None = None) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "header", header)
        object.__setattr__(self, "get", get)
        object.__setattr__(self, "show", show)
        object.__setattr__(self, "align", align)
        object.__setattr__(self, "tooltip", tooltip)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "text_of", text_of)
        object.__setattr__(self, "copy_of", copy_of)
        object.__setattr__(self, "copy_beside", copy_beside)
        object.__setattr__(self, "copy_header", copy_header)

    def replace(self, **changes: Any) -> "Column":
        """A copy with some fields changed, of the same class (as ``dataclasses.replace`` made it)."""
        return type(self)(**{**dict(zip(self.__match_args__, self._fields())), **changes})

    def raw(self, row: Any) -> Any:
        return self.get(row) if self.get else _default_get(row, self.key)

    def text(self, row: Any, *, show_pence: bool = False) -> str:
        if self.text_of is not None:
            return self.text_of(row)
        value = self.raw(row)
        if self.show:
            return self.show(value)
        if self.unit != Unit.TEXT:
            return display(value, self.unit, show_pence=show_pence)
        return "" if value is None else str(value)

    def plain(self, row: Any) -> str:
        """The cell for Excel: raw numbers for numeric units, the shown text (ASCII minus) otherwise."""
        if self.copy_of is not None:
            return self.copy_of(row)
        if self.unit != Unit.TEXT:
            return plain(self.raw(row), self.unit)
        return self.text(row).replace("\u2212", "-")


def money_column(key: str, header: str, get: Callable[[Any], Any] | None = None) -> Column:
    """Pence shown as £, right-aligned; pence shown for the whole column when any row has them."""
    return Column(key, header, get, None, RIGHT, unit=Unit.MONEY)


class RowTableModel(QAbstractTableModel):
    """A read-only table over a list of rows; edit through services, then update the rows here.

    ``totals(rows)`` (optional) returns a row for the totals line: it is shown last, in bold,
    whatever the sort, and sums the rows the proxy shows (``update_total``). While a search or filter hides rows,
    its label ("Total") reads "Total of the 4 shown (of 9 partners)" (``noun``: what a row is; "rows" unless told),
    and "None shown (of 9 partners)" with no figures when every row is hidden, in the window, in Copy and to a
    screen reader, worded as the exports word it (``domain.text.shown_total_label``): pasted into a paper, a plain
    "Total" over 4 of 9 rows passed for the whole.
    Each money column shows pence when any of its rows has them; with ``pence_together`` (a ledger, whose
    columns add up to one another) every money column shows them when any money cell has them.
    """

    def __init__(self, columns: Sequence[Column], rows: Iterable[Any] = (), parent=None, *,
                 totals: Callable[[Sequence[Any]], Any] | None = None, pence_together: bool = False,
                 noun: str = "row", plural: str | None = None):
        super().__init__(parent)
        self.noun, self.plural = noun, plural
        self._pence_together = pence_together
        self.columns = list(columns)
        self._rows = list(rows)
        self._totals = totals
        self._total: Any = None
        self._pence: list[bool] = []
        self._total_over: list[Any] | None = None
        self._whole: int | None = None  # the rows before a filter, when the rows held are those it kept (set_rows)
        self._label_column: int | None = None  # the totals line's column saying "Total"
        # The rows the kit's proxy over this model keeps (None while no filter is set), set by the proxy: a row
        # changed, added or read anew under a search is totalled over those, as the proxy shows them.
        self.kept_by_filter: Callable[[Sequence[Any]], list[Any] | None] | None = None
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # the column and order the heading asked for
        self._refresh_derived()

    def _refresh_derived(self) -> None:
        self._pence = [c.unit == Unit.MONEY and any_pence(c.raw(r) for r in self._rows) for c in self.columns]
        if self._totals is not None:
            if self._total_over is None and self.kept_by_filter is not None:
                self._total_over = self.kept_by_filter(self._rows)
            over = self._rows if self._total_over is None else self._total_over
            if not over and self.totalled_of[1] > 0:  # a search or filter hides every row
                self._total = NONE_SHOWN
                if self._label_column is None:  # none found yet: the first column of words
                    self._label_column = next((c for c, column in enumerate(self.columns)
                                               if column.unit == Unit.TEXT), 0)
            else:
                self._total = self._totals(over)
                if self._total is not None:
                    self._pence = [p or (c.unit == Unit.MONEY and any_pence([c.raw(self._total)]))
                                   for p, c in zip(self._pence, self.columns)]
                self._label_column = self._total_label_column()
        if self._pence_together and any(self._pence):
            self._pence = [c.unit == Unit.MONEY for c in self.columns]

    @property
    def keeps_totals(self) -> bool:
        """True when the table has a totals function (its line may be absent while no row is shown)."""
        return self._totals is not None

    @property
    def has_total(self) -> bool:
        return self._totals is not None and self._total is not None

    def is_total_row(self, i: int) -> bool:
        return self.has_total and i == len(self._rows)

    def _total_label_column(self) -> int | None:
        if self._total is None:
            return None
        if self._total is NONE_SHOWN:
            return self._label_column
        for c, column in enumerate(self.columns):
            if column.unit == Unit.TEXT and column.text(self._total).startswith("Total"):
                return c
        return None

    @property
    def total_label_column(self) -> int | None:
        """The column of the totals line's label ("Total"), or None (no totals line, or none says "Total")."""
        return self._label_column if self.has_total else None

    @property
    def totalled_of(self) -> tuple[int, int]:
        """How many rows the totals line adds up, and of how many: (4, 9) while a filter hides 5."""
        if self._total_over is not None:
            return len(self._total_over), len(self._rows)
        return len(self._rows), max(self._whole or 0, len(self._rows))

    def _total_label(self, role: int) -> str | None:
        """The totals line's label while rows are hidden ("Total of the 4 shown (of 9 rows)"); None when none is."""
        shown, whole = self.totalled_of
        if shown >= whole:
            return None
        if role == _TOOLTIP:
            if not shown:
                return f"A search or filter hides every one of the {counted(whole, self.noun, self.plural)}."
            rows = "row" if shown == 1 else "rows"
            return f"The total of the {shown:,} {rows} shown: a search or filter hides {whole - shown:,} more."
        return shown_total_label(shown, whole, self.noun, self.plural)

    def update_total(self, shown: Sequence[Any] | None = None) -> None:
        """Work the totals row out again over ``shown`` (the rows a filter keeps; None for every row)."""
        if self._totals is None:
            return
        had = self.has_total
        self._total_over = None if shown is None else list(shown)
        self._refresh_derived()
        if had and self.has_total:
            self.dataChanged.emit(self.index(len(self._rows), 0), self.index(len(self._rows), len(self.columns) - 1))
        elif had != self.has_total:
            self.beginResetModel()
            self.endResetModel()

    def shows_pence(self, column: int) -> bool:
        if len(self._pence) != len(self.columns):  # a subclass replaced its columns or rows directly
            self._refresh_derived()
        return bool(self._pence[column]) if 0 <= column < len(self._pence) else False

    # -- Qt model API --------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        # has_total written out: Qt and the sort proxy ask this some 2,000 times while a screenful is drawn.
        if parent.isValid():
            return 0
        return len(self._rows) + (1 if self._totals is not None and self._total is not None else 0)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in CELL_ROLES or not index.isValid():
            return None
        at, rows = index.row(), self._rows
        total = at == len(rows)
        if total:
            if not self.has_total:  # asked of the totals line only
                return None
            row = self._total
            if row is NONE_SHOWN:
                return self._none_shown_data(index.column(), role)
        elif 0 <= at < len(rows):
            row = rows[at]
        else:
            return None
        column = self.columns[index.column()]
        if total and index.column() == self._label_column and role in (_DISPLAY, _ACCESSIBLE, COPY_ROLE, _TOOLTIP):
            label = self._total_label(role)
            if label is not None:
                return label
        if role == _DISPLAY or role == _ACCESSIBLE:
            return column.text(row, show_pence=self.shows_pence(index.column()))
        if role == RAW_ROLE:
            return column.raw(row)
        if role == COPY_ROLE:
            return column.plain(row)
        if role == COPY_BESIDE_ROLE:
            return [cell(row) for _, cell in column.copy_beside] if column.copy_beside else None
        if role == ROW_ROLE:
            return row
        if role == _FONT and total:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == _ALIGNMENT:
            return int(column.align)  # a Qt.AlignmentFlag is an int (its .value, a property, costs two calls more)
        if role == _TOOLTIP and column.tooltip:
            return column.tooltip(row)
        return None

    def _none_shown_data(self, column: int, role: int) -> Any:
        """The totals line while every row is hidden: its words in the label's column, nothing in the others."""
        if column == self._label_column and role in (_DISPLAY, _ACCESSIBLE, COPY_ROLE, _TOOLTIP):
            return self._total_label(role)
        if role == _FONT:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == _ALIGNMENT:
            return int(self.columns[column].align)
        return "" if role == COPY_ROLE else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in HEADING_ROLES:
            return None
        if role == COPY_BESIDE_ROLE and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return [heading for heading, _ in self.columns[section].copy_beside] or None
        if role == COPY_ROLE and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].copy_header or self.columns[section].header
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return "" if self.is_total_row(section) else str(section + 1)  # the totals row is not one more row
        return None

    # -- rows ------------------------------------------------------------------
    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, i: int) -> Any:
        return self._total if i == len(self._rows) and self.has_total else self._rows[i]

    def set_rows(self, rows: Iterable[Any], *, of: int | None = None) -> None:
        """Show these rows: in the order given, or in the sort the heading shows once one was asked for. ``of``: the
        number of rows before a filter, when these are the rows it kept (a large table filtered in Python)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._whole = of
        self._apply_sort()
        self._total_over = None
        self._refresh_derived()
        self.endResetModel()

    def _apply_sort(self) -> None:
        """Put ``_rows`` in the sort the heading shows (inside a reset: no layout change of its own)."""
        order = self._sort_order()
        if order is not None:
            self._rows = [self._rows[i] for i in order]

    def _rows_changed(self) -> None:
        """After a row is added, replaced or removed: pence per column and the totals row again."""
        before = list(self._pence)
        had_total, old_total = self.has_total, self._total
        self._total_over = None
        self._refresh_derived()
        if had_total != self.has_total:  # the totals line came or went: said, so a proxy over the model shows it
            new_total, at = self._total, len(self._rows)
            self._total = old_total if had_total else None
            (self.beginRemoveRows if had_total else self.beginInsertRows)(QModelIndex(), at, at)
            self._total = new_total
            (self.endRemoveRows if had_total else self.endInsertRows)()
        if before != self._pence and self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))
        elif had_total and self.has_total:
            last = len(self._rows)
            self.dataChanged.emit(self.index(last, 0), self.index(last, len(self.columns) - 1))

    def replace_row(self, i: int, row: Any) -> None:
        """Replace one row and signal only the cells whose text or value changed; in a sorted table a row whose
        sorted value changed moves to its place (a layout change, so the selection stays on it)."""
        old, self._rows[i] = self._rows[i], row
        changed = [c for c, col in enumerate(self.columns)
                   if col.raw(old) != col.raw(row) or col.text(old) != col.text(row)]
        if changed:
            self.dataChanged.emit(self.index(i, min(changed)), self.index(i, max(changed)))
        self._rows_changed()
        if self._out_of_place(i):
            self.resort()

    def insert_row(self, i: int, row: Any) -> None:
        """Add a row at ``i``; in a sorted table, at its place in the sort instead."""
        i = self._place_of(row, i)
        self.beginInsertRows(QModelIndex(), i, i)
        self._rows.insert(i, row)
        self.endInsertRows()
        self._rows_changed()
        if self._out_of_place(i):  # rows changed behind the model's back (edited in place): sorted whole again
            self.resort()

    def remove_row(self, i: int) -> Any:
        self.beginRemoveRows(QModelIndex(), i, i)
        row = self._rows.pop(i)
        self.endRemoveRows()
        self._rows_changed()
        return row

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python, once per click: one key per row, not a Python lessThan per comparison
        (20,000 rows sort in milliseconds instead of freezing the window). Blanks stay last either way.
        The sort is remembered, so rows given, replaced or added later keep it (h18 F2: a table whose heading
        shows a sort went back to file order after each change); column -1 (no sort shown) forgets it."""
        if not 0 <= column < len(self.columns):
            self._sorted_by = None
            return
        self._sorted_by = (column, order)
        self.resort()

    def _sort_key_of(self) -> Callable[[Any], tuple] | None:
        if self._sorted_by is None or not 0 <= self._sorted_by[0] < len(self.columns):
            return None  # never sorted, or the columns were replaced since
        column = self.columns[self._sorted_by[0]]
        return lambda row: sort_key(column.raw(row))

    def _sort_order(self) -> list[int] | None:
        """The rows' positions in sort order (None when unsorted): stable, blanks last whichever way."""
        key = self._sort_key_of()
        if key is None:
            return None
        keyed = [(key(row), i) for i, row in enumerate(self._rows)]
        filled = [k for k in keyed if k[0][0] == 0]
        blanks = [k for k in keyed if k[0][0] != 0]
        filled.sort(key=lambda k: k[0], reverse=self._sorted_by[1] == Qt.SortOrder.DescendingOrder)
        return [i for _, i in filled] + [i for _, i in blanks]

    def _goes_before(self, a: tuple, b: tuple) -> bool:
        """Whether a row with sort key ``a`` belongs strictly before one with ``b`` (blanks last either way)."""
        if (a[0] == 0) != (b[0] == 0):
            return a[0] == 0
        if a[0] != 0:
            return False
        return a > b if self._sorted_by[1] == Qt.SortOrder.DescendingOrder else a < b

    def _out_of_place(self, i: int) -> bool:
        """Whether row ``i`` sits out of the sort beside its neighbours (False when unsorted)."""
        key = self._sort_key_of()
        if key is None or not 0 <= i < len(self._rows):
            return False
        here = key(self._rows[i])
        return ((i > 0 and self._goes_before(here, key(self._rows[i - 1])))
                or (i + 1 < len(self._rows) and self._goes_before(key(self._rows[i + 1]), here)))

    def _place_of(self, row: Any, asked: int) -> int:
        """Where a new row goes: after the rows it does not go before (a binary search), or ``asked`` unsorted."""
        key = self._sort_key_of()
        if key is None:
            return asked
        wanted, low, high = key(row), 0, len(self._rows)
        while low < high:
            middle = (low + high) // 2
            if self._goes_before(wanted, key(self._rows[middle])):
                high = middle
            else:
                low = middle + 1
        return low

    def resort(self) -> None:
        """The rows put back in the remembered sort as a layout change: persistent indexes (the selection) follow
        their rows. For a subclass that replaces ``_rows`` itself rather than through ``set_rows``."""
        new_order = self._sort_order()
        if new_order is None or new_order == list(range(len(self._rows))):
            return
        self.layoutAboutToBeChanged.emit()
        position = {old: new for new, old in enumerate(new_order)}
        persistent = self.persistentIndexList()
        self._rows = [self._rows[i] for i in new_order]
        self.changePersistentIndexList(
            persistent, [self.index(position.get(p.row(), p.row()), p.column()) if p.isValid() else p
                         for p in persistent])
        self.layoutChanged.emit()

    def find(self, predicate: Callable[[Any], bool]) -> int:
        for i, row in enumerate(self._rows):
            if predicate(row):
                return i
        return -1

    def column_index(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)


def sort_key(value: Any) -> tuple:
    """How raw values order: numbers (pence, counts), dates, then text without case; blanks apart."""
    if value is None or value == "":
        return (1, 0, "")
    if isinstance(value, bool):
        return (0, 0, int(value))
    if isinstance(value, (int, float, Decimal)) or is_fraction(value):  # a share kept exact: by size, not "227/2500"
        return (0, 0, value)
    if isinstance(value, date):
        return (0, 0, value.toordinal())
    if isinstance(value, str):  # accents beside their plain letters ("Émile" with E, "Ŵyl" with W), as Excel sorts
        return (0, 1, folded(value), value.casefold())
    return (0, 2, str(value))


class SortProxy(QSortFilterProxyModel):
    """The one sort proxy: sorts by raw Python values, filters by a predicate, free text and per column.

    Sorting is handed to a RowTableModel source, which orders its rows by raw values in one
    Python sort (blanks last; the totals row stays last). The predicate is answered for every
    row in one pass when it changes, so a keystroke refilters 5,000 rows without 5,000 calls
    from C++; any change to the source drops those answers first.
    ``filtered`` is emitted once a change of filter has ended (``filtering`` is True until then): a slot that hears
    a row go meanwhile (the selection) can wait for it before acting, rather than change the rows under it.
    """

    filtered = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._predicate: Callable[[Any], bool] | None = None
        self._needle = ""
        self._column_filters: dict[int, str] = {}
        self._accepted: list[bool] | None = None
        self._filtering = self._again = False  # rows being filtered; the filter changed again meanwhile
        self._waiting: list[Callable[[], None]] = []  # slots to call once the rows are filtered (after_filtering)
        self._kit_source: RowTableModel | None = None  # the source, when its headings can be asked directly
        self.setSortRole(RAW_ROLE)

    def setSourceModel(self, model) -> None:
        for signal in (model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved, model.modelAboutToBeReset,
                       model.layoutAboutToBeChanged, model.dataChanged, model.rowsAboutToBeMoved):
            signal.connect(self._drop_answers)
        super().setSourceModel(model)
        self._kit_source = model if isinstance(model, RowTableModel) else None
        if self._kit_source is not None:
            self._kit_source.kept_by_filter = self._kept_of

    def _drop_answers(self, *_) -> None:
        self._accepted = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            model.sort(column, order)  # the proxy keeps the source's order
        else:
            super().sort(column, order)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return sort_key(left.data(RAW_ROLE)) < sort_key(right.data(RAW_ROLE))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Change the filter and show the rows it keeps. A change made while the rows are being filtered for another
        (a slot of the selection hearing a row go) is followed by one more pass once that one has ended, every row
        asked again: without it the rows shown were left for a filter no longer set (h18 F1)."""
        if self._filtering:
            self._filter_rows(change)
            self._again = True
            return
        self._filtering = True
        try:
            self._filter_rows(change)
            while self._again:
                self._again = False
                self._filter_rows(lambda: None)
        finally:
            self._filtering = self._again = False
        self._update_total()
        self.filtered.emit()
        waiting, self._waiting = self._waiting, []
        for slot in waiting:
            slot()

    @property
    def filtering(self) -> bool:
        """True while the rows are being filtered for a change (until ``filtered``)."""
        return self._filtering

    def after_filtering(self, slot: Callable[[], None]) -> bool:
        """True while the rows are being filtered: ``slot`` is then called once, when they are (a selection slot
        hearing its row go acts after the filtering, never from inside it, changing the rows under it)."""
        if self._filtering and slot not in self._waiting:
            self._waiting.append(slot)
        return self._filtering

    def _filter_rows(self, change: Callable[[], None]) -> None:
        # Qt 6.9+ wants begin/endFilterChange around the change; invalidateFilter is deprecated there.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    def _update_total(self) -> None:
        model = self.sourceModel()
        if isinstance(model, RowTableModel) and model.keeps_totals:  # a line gone while nothing was shown comes back
            filtering = self._predicate is not None or self._needle or self._column_filters
            model.update_total(self.source_rows() if filtering else None)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        model = self.sourceModel()

        def change() -> None:
            self._predicate = predicate
            self._accepted = None if predicate is None or model is None else [predicate(r) for r in model.rows]

        self._refilter(change)

    def set_search_text(self, text: str) -> None:
        needle = (text or "").strip().casefold()
        if needle != self._needle:
            self._refilter(lambda: setattr(self, "_needle", needle))

    def set_column_filter(self, column: int, text: str) -> None:
        """Keep the rows whose shown text in ``column`` contains ``text`` (any case); "" clears it."""
        needle = (text or "").strip().casefold()
        if self._column_filters.get(column, "") == needle:
            return

        def change() -> None:
            if needle:
                self._column_filters[column] = needle
            else:
                self._column_filters.pop(column, None)

        self._refilter(change)

    def column_filter(self, column: int) -> str:
        return self._column_filters.get(column, "")

    def clear_column_filters(self) -> None:
        if self._column_filters:
            self._refilter(self._column_filters.clear)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and self._kit_source is not None:
            # A kit model's columns stay where they are in the proxy (it filters rows only): its heading is asked of
            # it here, not through Qt's mapping and a second call from C++. Qt asks each heading four roles at a
            # time, again after every column resized: 543 askings before the register's first screen.
            value = self._kit_source.headerData(section, orientation, role)
        else:
            value = super().headerData(section, orientation, role)
        if role == _DISPLAY and horizontal and section in self._column_filters:
            return f"{value} ▾ “{self._column_filters[section]}”"
        return value

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan) -> None:  # noqa: N802, N803 - Qt's
        """A cell's roles as Qt asks them for drawing (seven at a time: text, font, alignment, colours, icon, check),
        answered by a kit model in one call from C++: Qt's proxy asked each of them of the source through its own
        call from C++, which for the register's first screenful was 1,955 calls (46 M instructions)."""
        source = self._kit_source
        if source is None:
            super().multiData(index, roleDataSpan)
            return
        at = self.mapToSource(index)
        if index.isValid() and not at.isValid():  # as Qt's proxy answers a cell it no longer maps
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        data = source.data
        for role_data in roleDataSpan:
            role_data.setData(data(at, role_data.role()))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RowTableModel):
            return True
        if model.is_total_row(source_row):
            return True
        row = model.row(source_row)
        if self._predicate is not None:
            accepted = self._accepted
            if accepted is not None and source_row < len(accepted):
                if not accepted[source_row]:
                    return False
            elif not self._predicate(row):
                return False
        return self._keeps_text(model, row)

    def _kept_of(self, rows: Sequence[Any]) -> list[Any] | None:
        """The rows of ``rows`` the filter keeps (the source's totals then add those up); None while none is set."""
        model = self._kit_source
        if model is None or (self._predicate is None and not self._needle and not self._column_filters):
            return None
        predicate = self._predicate
        return [r for r in rows if (predicate is None or predicate(r)) and self._keeps_text(model, r)]

    def _keeps_text(self, model: RowTableModel, row: Any) -> bool:
        # The text as the cell shows it (£6,250.00 in a column with pence), so what is typed as seen is found.
        for c, needle in self._column_filters.items():
            if needle not in model.columns[c].text(row, show_pence=model.shows_pence(c)).casefold():
                return False
        if self._needle:
            return any(self._needle in column.text(row, show_pence=model.shows_pence(c)).casefold()
                       for c, column in enumerate(model.columns))
        return True

    def source_rows(self) -> list[Any]:
        """The rows as shown, filtered and in sort order (without the totals row)."""
        model = self.sourceModel()
        out = []
        for r in range(self.rowCount()):
            source_row = self.mapToSource(self.index(r, 0)).row()
            if not model.is_total_row(source_row):
                out.append(model.row(source_row))
        return out


# The name the tabs used before the kit; the same class.
