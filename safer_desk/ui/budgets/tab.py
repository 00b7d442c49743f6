"""The Budgets tab: a plan as its paper lays it out, with worked-out totals beside the printed ones.

A thin view over ``presenters.budgets.BudgetsPresenter``: the list of plans, the plan grid (lines by
section and year, subtotals and totals worked out, the paper's printed totals beside them with ⚠ where
they disagree, TBC / N/K / nil as stated, per-district splits, year-on-year change in £ and %), and the
fields that add a plan, a section, a line, or state a cell.
"""

from __future__ import annotations

import shiboken6

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListView, QListWidget, QListWidgetItem, QPushButton, QSplitter,
                               QToolButton, QVBoxLayout, QWidget)

from safer_desk.domain.money import format_pounds_plain
from safer_desk.exchange.files import parse_tsv
from safer_desk.presenters.budgets import (LEFT_OUT_HEADING, LINE_HEADING, PRINTED_CHANGE_KINDS, SECTION_KINDS,
                                           TOTAL_HEADING, TOTAL_KINDS, BudgetsPresenter, CellAt, GridCell, GridRow,
                                           left_out_words, plan_examples)
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui import prompts, settings
from safer_desk.ui.kit import clipboard_without_text
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.table_view import DataTableView, WholeNumbers
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.tables import LEFT, RIGHT, Column, RowTableModel
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.tabs import TabBase
from safer_desk.ui.kit.colours import alert_style, themed

BOLD_KINDS = ("section", "subtotal", "total")
# The areas whose changes the plan is read again for: everything (a merge of district files, a conflict decided, an
# undo of a change made elsewhere), and what a linked line counts (a review or a pooled fund, a project, an
# organisation).
READ_AGAIN_ON = ("", "costs", "projects", "reference")
# The length of the part of a cell's edit text that is the figure (before its note), for the editor to select.
FIGURE_LENGTH_ROLE = Qt.ItemDataRole.UserRole + 7
SPLITTER_KEY = "budgets/splitter"  # the list of plans' and the plan's widths, as the officer left them


class CellEditor(WholeNumbers):
    """A cell is edited with its note in brackets after the figure ("£7,525.58 (Cost to be reimbursed …)"), the
    figure alone selected: typing a new amount keeps the note, which can be changed or taken out in place."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kept_text: str | None = None  # what was being typed when the grid was read again: the next editor's text

    def setEditorData(self, editor, index) -> None:
        if self.kept_text is not None and isinstance(editor, QLineEdit):
            editor.setText(self.kept_text)
            editor.setModified(True)  # typed by the officer before the grid was read again
            self.kept_text = None
            return
        super().setEditorData(editor, index)
        length = index.data(FIGURE_LENGTH_ROLE)
        if isinstance(editor, QLineEdit) and isinstance(length, int) and length < len(editor.text()):
            editor.setProperty("figure_length", length)

    def eventFilter(self, watched, event) -> bool:
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.FocusOut and not watched.isVisible():
            # The tab hidden under the editor (another tab clicked): Qt's way would put the cell in now and close the
            # editor, and a figure refused or asked about was lost on a tab no longer seen. The editor stays open;
            # the window puts it in as it leaves the tab (``BudgetsTab.finish_typing``), and stays if it is refused.
            return False
        # (The delegate filters its editors' events already.) The view selects the whole text once the editor has
        # its data, and again as it gets the focus: the figure alone is selected after that, once. A key that comes
        # first (typing straight into a cell opens its editor with that key) gets the figure selected before it:
        # selected after it, the figure was the key just typed, and "8000" went in as "000" without its note.
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.FocusIn:
            length = watched.property("figure_length")
            if isinstance(length, int):
                watched.setProperty("figure_length", None)
                watched.setProperty("figure_pending", length)
                QTimer.singleShot(0, watched, lambda: self._select_figure(watched))
        elif isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            self._select_figure(watched)
        return super().eventFilter(watched, event)

    def setModelData(self, editor, model, index) -> None:
        # Whether the officer typed in the editor: a total's worked-out figure typed is the paper's, kept as printed;
        # opened and put back as it was, it is not (``PlanModel.setData``).
        model.typed_in = isinstance(editor, QLineEdit) and editor.isModified()
        try:
            super().setModelData(editor, model, index)
        finally:
            model.typed_in = False

    def put_in(self, editor, model, index) -> bool:
        model.typed_in = True  # Enter on a figure typed (``WholeNumbers._enter``)
        try:
            return super().put_in(editor, model, index)
        finally:
            model.typed_in = False

    @staticmethod
    def _select_figure(editor: QLineEdit) -> None:
        length = editor.property("figure_pending")
        if isinstance(length, int):
            editor.setProperty("figure_pending", None)
            editor.setSelection(0, length)


def _cell_text(row: GridRow, i: int, shown=str) -> str:
    """shown: the presenter's ``shown`` (pence throughout in a plan with pence anywhere, as the report prints it)."""
    cell = row.cells[i] if i < len(row.cells) else None
    if cell is None or not cell.text:
        return ""
    # ℹ, not ⓘ: a Linux desktop's DejaVu Sans (no Noto symbols) drew ⓘ as an empty box beside the figure.
    return ("⚠ " if cell.flag else "ℹ " if cell.unchecked else "") + shown(cell.text)


def _cell_tip(row: GridRow, i: int | None) -> str | None:
    """A cell's tooltip: the cell of year ``i``, or the Total column's (None)."""
    cell = row.across if i is None else row.cells[i] if i < len(row.cells) else None
    if cell is None:
        return None
    worded = f"“{cell.words}”, as the paper states it: " if cell.words else ""
    parts = [cell.flag, cell.unchecked, cell.note, f"{cell.change_basis}: {cell.change}" if cell.change else "",
             f"Actually (what the line is linked to shows): {cell.actual}"
             + (f", {cell.actual_difference}" if cell.actual_difference else "") if cell.actual else "",
             row.actuals_note,
             worded + {"tbc": "to be confirmed (TBC)", "nk": "not known (N/K)", "nil": "none (nil)"}[cell.status]
             if worded else
             {"tbc": "To be confirmed (as the paper states)", "nk": "Not known (as the paper states)",
              "total-incomplete": "Incomplete: a cell in this column is TBC or N/K",
              "stated": "As the paper printed it", "stated-differs": "As the paper printed it: differs from the lines",
              "stated-change-differs": "As the paper printed it: agrees with the lines; its printed change does not",
              "stated-unchecked": "As the paper printed it: not checked, as a line in this column is TBC or N/K"
              }.get(cell.status, "")]
    return "\n".join(p for p in parts if p) or None


def _with_split_note(tip: str | None, split_note: str) -> str | None:
    return "\n".join(x for x in (tip, split_note) if x) or None


def _plain(cell: GridCell | None) -> str:
    """A figure for Excel: pounds as a plain number (in a plan in £'000 too, as Excel adds them); words as stated,
    with what the grid shows for them ("Awaiting confirmation (TBC)", as the workbook says it: "TBC" alone lost the
    paper's words). A total with a TBC or N/K cell in it pastes its known figure: ``_left_out`` says beside the line
    what it leaves out."""
    if cell is None:
        return ""
    if cell.pence is not None:
        return format_pounds_plain(cell.pence)
    return f"{cell.words} ({cell.text})" if cell.words else cell.text


def _copy(row: GridRow, i: int) -> str:
    return _plain(row.cells[i] if i < len(row.cells) else None)


def _change_copy(row: GridRow, i: int) -> str:
    """The change in £ as a number Excel adds ("+£56,500 (+17.2%)" pastes 56500); its % goes in a column beside."""
    cell = row.cells[i] if i < len(row.cells) else None
    return "" if cell is None or cell.change_pence is None else format_pounds_plain(cell.change_pence)


def _percent_copy(row: GridRow, i: int) -> str:
    """The change in % as shown, as a number ("+17.2%" pastes 17.2); blank when the year before was £0."""
    return row.cells[i].change_percent if i < len(row.cells) else ""


def _change_tip(row: GridRow, i: int) -> str | None:
    """A change cell's tooltip: the change the paper prints into the year, when one is typed (double-click to type
    it, beside a line's figure or a printed total)."""
    cell = row.cells[i] if i < len(row.cells) else None
    return f"The paper prints a change of {cell.stated_change}" if cell is not None and cell.stated_change else None


def _menu_words(text: str) -> str:
    """A name in a menu entry as typed ("Drugs & alcohol"): its "&" is not taken as the entry's shortcut letter."""
    return text.replace("&", "&&")


def _row_key(row: GridRow) -> tuple:
    """A row by what it is, not where it stands: a line or a section by its id, a subtotal by its section."""
    return row.kind, row.line_id, row.section_id


class PlanModel(RowTableModel):
    """The plan grid; line cells are edited by typing what the paper states."""

    def __init__(self, presenter: BudgetsPresenter, parent=None):
        super().__init__([], [], parent)
        self.presenter = presenter
        self.year_columns: list[int] = []
        self._plan: str | None = None
        self._pence_throughout = False  # the plan was shown with pence throughout (the presenter's pence_throughout)
        self.typed_in = False  # the value being set was typed in the cell's editor (``CellEditor.setModelData``)

    def cell_key(self, index) -> tuple | None:
        """The cell at ``index`` by what it is (the plan, the row's identity, the column's heading), to find it again
        after the grid is rebuilt."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._plan, _row_key(self._rows[index.row()]), self.columns[index.column()].header

    def index_of(self, key: tuple | None) -> QModelIndex:
        """Where the cell ``cell_key`` named stands now (invalid when it is no longer in the grid)."""
        if key is None or key[0] != self._plan:
            return QModelIndex()
        row = next((i for i, r in enumerate(self._rows) if _row_key(r) == key[1]), None)
        column = next((c for c, col in enumerate(self.columns) if col.header == key[2]), None)
        return QModelIndex() if row is None or column is None else self.index(row, column)

    def show_plan(self) -> bool:
        """Show the presenter's plan; True when the grid was rebuilt (rows or columns came or went).

        A change that leaves the rows and columns as they were (a figure typed, a name retyped) updates the rows that
        changed in place: the cell in view, the selection and an open editor stay where they are. Rebuilding the
        grid lost the cell in view inside the editor's own commit, and Qt then took Tab from no cell as Tab into the
        top-left one: a section's name, which the next figure typed renamed. (After a rebuild the tab finds the cell
        in view again with ``cell_key`` and ``index_of``.)"""
        p = self.presenter
        rows = list(p.rows)
        headings = list(p.columns)
        # A plan with a total that leaves out a TBC or N/K copies, beside each line's name, what its figures leave out.
        beside = ((LEFT_OUT_HEADING, lambda r: left_out_words(r, headings)),) \
            if any(left_out_words(r, headings) for r in rows) else ()
        columns = [Column("label", LINE_HEADING, lambda r: r.label, align=LEFT, tooltip=lambda r: r.label_tip or None,
                          copy_beside=beside)]
        self.year_columns = []
        changes = p.change_columns  # each year's change on the year before it, whatever the order of the columns
        for i, label in enumerate(p.columns):
            self.year_columns.append(len(columns))
            columns.append(Column(f"c{i}", label, text_of=lambda r, i=i: _cell_text(r, i, p.shown), align=RIGHT,
                                  tooltip=lambda r, i=i: _with_split_note(_cell_tip(r, i), p.split_note_tip(r, i)),
                                  copy_of=lambda r, i=i: _copy(r, i)))
            if i in changes:
                heading = p.change_heading(i)  # "2-year change to 2013/14" where the paper skips a year
                columns.append(Column(f"d{i}", heading, align=RIGHT,
                                      text_of=lambda r, i=i: p.shown(r.change_shown(i)),
                                      copy_of=lambda r, i=i: _change_copy(r, i),
                                      tooltip=lambda r, i=i: _change_tip(r, i),
                                      copy_beside=((f"{heading} (%)", lambda r, i=i: _percent_copy(r, i)),)))
        if p.shows_total_column:
            columns.append(Column("across", TOTAL_HEADING, align=RIGHT,
                                  text_of=lambda r: (("⚠ " if r.across.flag else "") + p.shown(r.across.text))
                                  if r.across is not None else "", copy_of=lambda r: _plain(r.across),
                                  tooltip=lambda r: _cell_tip(r, None)))
        if p.selected == self._plan and [c.header for c in columns] == [c.header for c in self.columns] \
                and [_row_key(r) for r in rows] == [_row_key(r) for r in self._rows]:
            old, self._rows, self.columns = self._rows, rows, columns
            # A figure with pence typed (or taken away) changes how every figure of the plan is shown.
            every, self._pence_throughout = self._pence_throughout != p.pence_throughout, p.pence_throughout
            self._refresh_derived()
            for i, (was, now) in enumerate(zip(old, rows)):
                if was != now or every:
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(columns) - 1))
            return False
        self.beginResetModel()
        self._plan = p.selected
        self._pence_throughout = p.pence_throughout
        self.columns = columns
        self._rows = rows
        self._refresh_derived()
        self.endResetModel()
        return True

    def index_at(self, cell: CellAt) -> QModelIndex:
        """Where a cell the presenter names (``CellAt``: one an undo changed) stands in the grid; invalid when it is not
        there (a line the undo took away, a year removed)."""
        row = next((i for i, r in enumerate(self._rows) if cell.is_row(r)), None)
        if row is None:
            return QModelIndex()
        if cell.part == "name":
            return self.index(row, 0)
        headings = self.presenter.columns
        if cell.column not in headings:
            return QModelIndex()
        at = headings.index(cell.column)
        key = f"d{at}" if cell.part == "change" else f"c{at}"
        column = next((c for c, col in enumerate(self.columns) if col.key == key), None)
        return QModelIndex() if column is None else self.index(row, column)

    def cell_at(self, index) -> CellAt | None:
        """The cell at ``index`` as the presenter names it (``CellAt``): a figure or a Change to cell; None for a name,
        the Total column or no cell."""
        at = self.plan_column(index.column()) if index.isValid() and index.row() < len(self._rows) else None
        if at is None:
            return None
        part = "change" if self.columns[index.column()].key.startswith("d") else "figure"
        return CellAt.of(self._rows[index.row()], self.presenter.columns[at], part)

    def plan_column(self, column: int) -> int | None:
        """The plan's column (by position) that a grid column shows: its figures, or the change into it."""
        if not 0 <= column < len(self.columns):
            return None
        key = self.columns[column].key
        return int(key[1:]) if key[:1] in ("c", "d") and key[1:].isdigit() else None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and not self.presenter.read_only and self.typed_over(index):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def typed_over(self, index) -> bool:
        """Whether the cell takes typing, the file's being open read-only aside: a figure, a printed total or change,
        a line's or a section's name."""
        kind = self.row(index.row()).kind
        if index.column() in self.year_columns and kind in ("line", *TOTAL_KINDS):
            return True
        # a line's label or a section's name, retyped; a subtotal's or the total's name as the paper prints it
        if index.column() == 0 and kind in ("line", "section", "subtotal", "total"):
            return True
        at = self._change_of(index.column())
        # the change the paper prints beside its figure
        return at is not None and kind in PRINTED_CHANGE_KINDS and bool(self.row(index.row()).cells[at].status)

    def _change_of(self, column: int) -> int | None:
        """The plan's column (by position) whose change a grid column shows; None for any other grid column."""
        at = self.plan_column(column)
        return at if at is not None and self.columns[column].key.startswith("d") else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.FontRole and self.row(index.row()).kind in BOLD_KINDS:
            font = QFont()
            font.setBold(True)
            return font
        if index.isValid() and role == Qt.ItemDataRole.EditRole and index.column() in self.year_columns:
            cell = self.row(index.row()).cells[self.year_columns.index(index.column())]
            return cell.edit_text
        if index.isValid() and role == FIGURE_LENGTH_ROLE and index.column() in self.year_columns:
            return len(self.row(index.row()).cells[self.year_columns.index(index.column())].edited_figure)
        if index.isValid() and role == Qt.ItemDataRole.EditRole and index.column() == 0:
            return self.row(index.row()).label
        if index.isValid() and role == Qt.ItemDataRole.EditRole and (at := self._change_of(index.column())) is not None:
            return self.row(index.row()).cells[at].stated_change
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == 0:
            return self.presenter.rename(self.row(index.row()), str(value))
        if (at := self._change_of(index.column())) is not None:
            return self.presenter.set_printed_change(self.row(index.row()), self.presenter.columns[at], str(value))
        if index.column() not in self.year_columns:
            return False
        row = self.row(index.row())
        at = self.year_columns.index(index.column())
        column = self.presenter.columns[at]
        if row.kind == "line" and str(value).strip() == row.cells[at].edit_text:
            # left as it was (Enter, or the file closing with the editor open): no change to undo, and a question
            # asked about the cell is answered
            return self.presenter.left_as_it_was()
        if row.kind in TOTAL_KINDS:  # what the paper printed, typed over the worked-out total
            return self.presenter.set_printed_total(row, column, str(value), typed=self.typed_in)
        return self.presenter.set_cell(row.line_id, column, str(value))


FULL_HINT = ("Double-click a cell to type what the paper states: £4,000 (£2,000 per District), TBC, N/K or nil, and "
             "a note in brackets after it; over a subtotal or total, the figure the paper printed (kept beside the "
             "worked-out one); in a Change to cell beside a line's or a printed figure, the change the paper prints; "
             "over a line's or section's name, its name; over a subtotal's or total's name, the name the paper "
             "prints. Del empties a cell (with several lines chosen, all their figures, as one undo step), or on a "
             "name deletes the line or section. Ctrl+V pastes cells copied "
             "from Excel from the chosen one on (on a line's name, rows with their names). Right-click a section's "
             "name for its kind, a line's to move it to another section.")


class PlanView(DataTableView):
    """The plan grid: Tab in a cell's editor puts the figure in and opens the next figure of the line (Shift+Tab the
    one before), as in a spreadsheet, then the first of the next line; Enter puts it in and moves to the cell below
    (``figure_below``).
    Tab never opens a name: a figure typed next would rename the line or the section.

    Its right-click menu (on a cell or a heading) adds Add Year… and Remove Year for that column's year, and on a line
    Link Line… and an Unlink entry for each of its links."""

    def __init__(self, parent=None, *, year_actions=None, link_actions=None, **kwargs):
        super().__init__(parent, **kwargs)
        self.on_paste = self.paste_rows  # Ctrl+V reaching the grid itself, as the other grids take it
        # The Line column drawn over the left edge while the grid is scrolled sideways (the kit's): at 1093x582 a plan
        # of three years, their changes and a Total is wider than its room, and scrolled to its last years the line
        # names went off the left edge, a figure no longer told from the one above it.
        self.keep_in_sight(0)
        self.year_actions = year_actions  # (add, remove): callables, remove given the grid column; None read-only
        self.link_actions = link_actions  # (link, unlink): link given the row, unlink the row and a link

    @property
    def line_names(self):
        """The line names drawn over the left edge (the kit's, made when the grid is first scrolled sideways)."""
        return self.kept_in_sight

    def focusInEvent(self, event) -> None:
        """Alt+U (the hint's key) with no cell chosen lands on the first line's first figure, as Enter on a plan
        does: Qt chose the top-left cell, a section's name, which the next figure typed renamed."""
        model = self.model()
        if event.reason() == Qt.FocusReason.ShortcutFocusReason and not self.currentIndex().isValid() \
                and isinstance(model, PlanModel) and model.year_columns:
            line = next((r for r in range(model.rowCount()) if model.row(r).kind == "line"), None)
            if line is not None:
                self.setCurrentIndex(model.index(line, model.year_columns[0]))
        super().focusInEvent(event)

    def context_menu(self, column: int = -1):
        menu = super().context_menu(column)
        model = self.model()
        if self.year_actions is None or not isinstance(model, PlanModel):
            return menu
        add, remove = self.year_actions
        menu.addSeparator()
        menu.addAction("&Add Year…", add).setEnabled(model.presenter.selected is not None)
        position = model.plan_column(column if column >= 0 else self.currentIndex().column())
        label = model.presenter.column_at(position)
        menu.addAction(f"Remove Year {_menu_words(label)}…" if label else "Remove Year",
                       lambda: remove(position)).setEnabled(bool(label))
        at = self.currentIndex()
        row = model.row(at.row()) if at.isValid() and at.row() < model.rowCount() else None
        if self.link_actions is not None:
            link, unlink = self.link_actions
            menu.addSeparator()
            is_line = row is not None and row.kind == "line"
            menu.addAction(f"Lin&k Line {_menu_words(row.label)}…" if is_line else "Lin&k Line…",
                           lambda: link(row)).setEnabled(is_line)
            for each in row.links if is_line else ():
                menu.addAction(f"Unlink from {_menu_words(each.describe())}", lambda each=each: unlink(row, each))
        self._add_structure_entries(menu, model.presenter, row)
        return menu

    @staticmethod
    def _add_structure_entries(menu, presenter: BudgetsPresenter, row: GridRow | None) -> None:
        """On a section's heading, its kind (Expenditure adds to the total, Income takes away …) chosen again; on a
        line, Move to Section: each one step of Edit > Undo."""
        if row is not None and row.kind == "section":
            menu.addSeparator()
            kinds = menu.addMenu("Section &Kind")
            for key, words in SECTION_KINDS:
                action = kinds.addAction(words, lambda key=key: presenter.set_section_kind(row, key))
                action.setCheckable(True)
                action.setChecked(key == row.section_kind)
        elif row is not None and row.kind == "line":
            menu.addSeparator()
            sections = presenter.sections_to_move_to(row)
            move = menu.addMenu("&Move to Section")
            move.setEnabled(bool(sections))
            for section_id, name in sections:
                move.addAction(_menu_words(name), lambda section_id=section_id: presenter.move_line_to_section(
                    row, section_id))

    def paste_rows(self) -> None:
        """Edit > Paste (Ctrl+V): a figure copied from Excel goes into the chosen cell as typed there would; a block
        into the chosen line's figures and the lines below it (``BudgetsPresenter.paste_block``); nothing to paste is
        said beside the grid (``BudgetsPresenter.pasted_figure``)."""
        model, at = self.model(), self.currentIndex()
        if not isinstance(model, PlanModel):
            return
        clipboard = QGuiApplication.clipboard()
        why_none = clipboard_without_text(clipboard.mimeData())
        table = parse_tsv(clipboard.text() or "", keep_blank_rows=True)  # an empty row keeps its line, as in Excel
        if not why_none and model.presenter.is_block(table):
            position = model.plan_column(at.column()) if at.isValid() and at.column() in model.year_columns else None
            model.presenter.paste_block(self._block_start(at), position, table,
                                        with_names=at.isValid() and at.column() == 0)
            return
        editable = at.isValid() and bool(model.flags(at) & Qt.ItemFlag.ItemIsEditable)
        over = model.row(at.row()).cells[model.year_columns.index(at.column())] \
            if editable and at.column() in model.year_columns else None  # a figure's cell: its note stays
        text = model.presenter.pasted_figure(table, editable=editable, why_none=why_none, over=over)
        if text is None:
            return
        model.typed_in = True  # as typed in the cell: the paper's total pasted over the worked-out one is kept
        try:
            model.setData(at, text)
        finally:
            model.typed_in = False

    def _block_start(self, at: QModelIndex) -> int:
        """The row a block goes in from: as in Excel, the first of the chosen rows the current cell is among (chosen
        top to bottom, the current cell ends on the last); the current row otherwise."""
        if not at.isValid():
            return -1
        rows = self._selected_rows()
        if at.row() not in rows:
            return at.row()
        first = at.row()
        while first - 1 in rows:  # the run of chosen rows the current one is in
            first -= 1
        return first

    def edit(self, index, trigger=None, event=None):
        """A double-click, F2 or a figure typed on a cell of a file open read-only opened nothing, without a word
        (Enter, Del and Ctrl+V said why): it says so beside the grid, naming what was not done."""
        if trigger is None:  # edit(index), called from here
            return super().edit(index)
        opened = super().edit(index, trigger, event)
        model = self.model()
        if opened or not index.isValid() or not isinstance(model, PlanModel) or not model.presenter.read_only:
            return opened
        typed = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed and event is not None and \
            event.text().isprintable() and event.text().strip() and \
            not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        asked = trigger in (QAbstractItemView.EditTrigger.DoubleClicked, QAbstractItemView.EditTrigger.EditKeyPressed)
        if (asked or typed) and model.typed_over(index):
            row = model.row(index.row())
            heading = model.headerData(index.column(), Qt.Orientation.Horizontal)
            model.presenter.refuse_read_only(f"Rename {row.label}" if index.column() == 0 else
                                             f"Type in {row.label}, {heading}")
        return opened

    def moveCursor(self, action, modifiers):
        if action == QAbstractItemView.CursorAction.MoveNext:  # where the editor goes on Tab
            return self.next_figure(1)
        if action == QAbstractItemView.CursorAction.MovePrevious:
            return self.next_figure(-1)
        return super().moveCursor(action, modifiers)

    def next_figure(self, step: int) -> QModelIndex:
        """The next (step 1) or previous (-1) figure that can be typed in: along the current row, else the first
        (or last) of the next line (a worked-out change, a section's name or a total in between is passed over);
        invalid past the last line or before the first, or with no cell in view."""
        model, at = self.model(), self.currentIndex()
        if not isinstance(model, PlanModel) or not at.isValid():
            return QModelIndex()
        columns = model.year_columns if step > 0 else model.year_columns[::-1]

        def typed_in(row: int, column: int) -> bool:
            return bool(model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable)

        along = next((c for c in columns if (c - at.column()) * step > 0 and typed_in(at.row(), c)), None)
        if along is not None:
            return model.index(at.row(), along)
        row = at.row() + step
        while 0 <= row < model.rowCount():
            if model.row(row).kind == "line":
                first = next((c for c in columns if typed_in(row, c)), None)
                return QModelIndex() if first is None else model.index(row, first)
            row += step
        return QModelIndex()

    def closeEditor(self, editor, hint) -> None:
        super().closeEditor(editor, hint)
        # Enter (the editor's Return sends this hint; focus leaving, Esc and the window closing the editor do not).
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            at, model = self.currentIndex(), self.model()
            if at.isValid() and at.row() + 1 < model.rowCount():
                below = self.figure_below(at)
                self.setCurrentIndex(below if below.isValid() else model.index(at.row() + 1, at.column()))

    def figure_below(self, at: QModelIndex) -> QModelIndex:
        """Where Enter goes from ``at``: the next row of the paper below it that can be typed in. A section's heading
        is passed over, and in a year's column the "(as printed)" row a total typed over has just made: the figure
        typed next, the next line's, went over the printed total. Invalid when there is none."""
        model = self.model()
        if not isinstance(model, PlanModel):
            return QModelIndex()
        in_a_year = at.column() in model.year_columns
        for row in range(at.row() + 1, model.rowCount()):
            if in_a_year and model.row(row).kind in ("stated", "stated-total"):
                continue
            index = model.index(row, at.column())
            if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                return index
        return QModelIndex()


class BudgetsTab(TabBase):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.presenter = BudgetsPresenter(session.store, read_only=session.read_only,
                                          perform=lambda action: push_action(session.undo_stack, action))
        writes = not session.read_only

        self.plan_list = QListWidget(self)
        self.plan_list.setAccessibleName("Plans")
        # Each name wraps within the list: cut off at a laptop's width, two plans read alike and a ⚠ after a name
        # was out of sight (the list scrolled sideways).
        self.plan_list.setWordWrap(True)
        self.plan_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plan_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.plan_list.currentItemChanged.connect(self._plan_chosen)
        self.plan_list.itemActivated.connect(lambda _item: self._into_grid())  # Enter (or a double-click) on a plan
        plans_label = QLabel("Pla&ns", self)
        plans_label.setBuddy(self.plan_list)
        self.plan_name = QLineEdit(self)
        self.plan_name.setAccessibleName("New plan's name")
        name_example, years_example = plan_examples()  # a format to follow, this year's (not another office's paper)
        self.plan_name.setPlaceholderText(name_example)
        self.plan_years = QLineEdit(self)
        self.plan_years.setAccessibleName("New plan's years")
        self.plan_years.setPlaceholderText(years_example)
        self.new_plan_button = QPushButton("Ne&w plan", self)
        self.new_plan_button.clicked.connect(self.new_plan)
        # Enter in the years makes the plan, as Enter in a new line's label adds the line (read-only, it says why not).
        self.plan_years.returnPressed.connect(self.new_plan)
        self.rename_plan_button = QPushButton("&Rename…", self)
        self.rename_plan_button.setAccessibleName("Rename plan")
        self.rename_plan_button.clicked.connect(self.rename_plan)
        self.delete_plan_button = QPushButton("&Delete", self)
        self.delete_plan_button.setAccessibleName("Delete plan")
        self.delete_plan_button.clicked.connect(self.delete_plan)
        # The plan's unit (£ or £'000), its total's name, its Total column and the report's changes.
        self.settings_button = QPushButton("Plan settin&gs…", self)
        self.settings_button.setAccessibleName("Plan settings: unit, total's name, Total column")
        self.settings_button.clicked.connect(lambda: self.plan_settings())
        # The plan as the grid lays it out, to a workbook or CSV: read-only too (it changes nothing).
        self.export_button = QPushButton("E&xport…", self)
        self.export_button.setAccessibleName("Export the plan")
        self.export_button.setToolTip("Save the plan shown as an Excel workbook, CSV or tab-separated text")
        self.export_button.clicked.connect(self.export_plan)
        # A year's column added to the chosen plan (a new year's plan), or the chosen cell's year removed.
        # The page's Alt letters: the menus (F, E, V, H) and the tabs (P, A, C, I, B) leave twelve that its words hold,
        # for fifteen buttons and fields. Add section and Add line go without (Enter in their fields, Alt+T and Alt+L,
        # does their work), and Read as splits (shown only for an older version's notes).
        self.add_year_button = QPushButton("Add &year…", self)
        self.add_year_button.setAccessibleName("Add a year to the plan")
        self.add_year_button.clicked.connect(self.add_year)
        self.remove_year_button = QPushButton("Rem&ove year…", self)
        self.remove_year_button.setAccessibleName("Remove the chosen cell's year from the plan")
        self.remove_year_button.clicked.connect(lambda: self.remove_year())
        for b in (self.new_plan_button, self.rename_plan_button, self.delete_plan_button, self.settings_button,
                  self.add_year_button, self.remove_year_button):
            b.setEnabled(writes)
        if writes:  # Del and F2 on the chosen plan, as on a file in a folder
            for key, slot in ((QKeySequence.StandardKey.Delete, self.delete_plan), (Qt.Key.Key_F2, self.rename_plan)):
                action = QAction(self.plan_list)
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(slot)
                self.plan_list.addAction(action)
        new_form = QFormLayout()
        name_label, years_label = QLabel("Na&me:", self), QLabel("Year&s:", self)
        name_label.setBuddy(self.plan_name)
        years_label.setBuddy(self.plan_years)
        new_form.addRow(name_label, self.plan_name)
        new_form.addRow(years_label, self.plan_years)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(plans_label)
        left_layout.addWidget(self.plan_list, 1)
        # The plans of other areas (listed last, as the board report leaves them out): said under the list.
        self.outside_note = QLabel(self)
        self.outside_note.setWordWrap(True)
        self.outside_note.setVisible(False)
        left_layout.addWidget(self.outside_note)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.rename_plan_button)
        plan_buttons.addWidget(self.delete_plan_button)
        left_layout.addLayout(plan_buttons)
        settings_buttons = QHBoxLayout()
        settings_buttons.addWidget(self.settings_button)
        settings_buttons.addWidget(self.export_button)
        left_layout.addLayout(settings_buttons)
        year_buttons = QHBoxLayout()
        year_buttons.addWidget(self.add_year_button)
        year_buttons.addWidget(self.remove_year_button)
        left_layout.addLayout(year_buttons)
        left_layout.addLayout(new_form)
        left_layout.addWidget(self.new_plan_button)
        # Tab goes down the column: the plan's buttons under the list before the new plan's form at the foot (it
        # went from the list to the form, then back up to Rename).
        order = [self.plan_list, self.rename_plan_button, self.delete_plan_button, self.settings_button,
                 self.export_button, self.add_year_button, self.remove_year_button, self.plan_name, self.plan_years,
                 self.new_plan_button]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

        self.summary = NamedLabel(parent=self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Plan summary")
        self.model = PlanModel(self.presenter, self)
        self.view = PlanView(self, accessible_name="Plan lines by year",
                             on_delete=self.delete_chosen,  # read-only, Del says why nothing goes
                             year_actions=(self.add_year, self.remove_year) if writes else None,
                             link_actions=(self.link_line, self.presenter.unlink_line) if writes else None)
        self.view.setModel(self.model)
        self.cell_editor = CellEditor(self.view)
        self.view.setItemDelegate(self.cell_editor)
        self.view.setSortingEnabled(False)  # the paper's order
        self.view.verticalHeader().hide()
        self.warnings = NamedLabel(parent=self)
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName("Printed figures that disagree")
        themed(self.warnings, alert_style)
        self.message = NamedLabel(parent=self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Budgets messages")
        # Cells an older version saved with their split as a note ("£4,000 (£1,500 per Borough)"): said, and read as
        # splits only when the officer presses the button (one undo step).
        self.split_notes = NamedLabel(parent=self)
        self.split_notes.setWordWrap(True)
        self.split_notes.setAccessibleName("Splits kept as notes")
        self.read_splits_button = QPushButton("Read as splits", self)  # no Alt letter: see add_year_button
        self.read_splits_button.setAccessibleName("Read these notes as splits")
        self.read_splits_button.clicked.connect(self.presenter.read_notes_as_splits)
        self.read_splits_button.setEnabled(writes)
        self.split_notes_row = QWidget(self)
        split_notes_layout = QHBoxLayout(self.split_notes_row)
        split_notes_layout.setContentsMargins(0, 0, 0, 0)
        split_notes_layout.addWidget(self.split_notes, 1)
        split_notes_layout.addWidget(self.read_splits_button)
        self.split_notes_row.hide()

        self.section_name = QLineEdit(self)
        self.section_name.setAccessibleName("New section's name")
        self.section_name.setPlaceholderText("Revenue/Capital/Expenditure/Income Item")
        self.section_kind = ChoiceBox(self)
        self.section_kind.setAccessibleName("New section's kind")
        for key, label in SECTION_KINDS:
            self.section_kind.addItem(label, key)
        self.add_section_button = QPushButton("Add section", self)  # Enter in the section's name (Alt+T)
        self.add_section_button.clicked.connect(self.add_section)
        self.section_name.returnPressed.connect(self.add_section)  # read-only, the presenter says why nothing is added
        self.section_choice = ChoiceBox(self)
        self.section_choice.setAccessibleName("Section of the new line")
        # Enter in a kind or section box adds, as Enter in the name beside it does: a keyboard user typing the name,
        # Tab to its kind and Enter saw nothing added, and the lines typed next refused.
        for box, add in ((self.section_kind, self.add_section), (self.section_choice, self.add_line)):
            for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                action = QAction(box)
                action.setShortcut(QKeySequence(enter))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(add)
                box.addAction(action)
        self.line_label = QLineEdit(self)
        self.line_label.setAccessibleName("New line's label")
        self.line_label.setPlaceholderText("Domestic Homicide Reviews (DHRs)")
        self.line_label.returnPressed.connect(self.add_line)
        self.add_line_button = QPushButton("Add line", self)  # Enter in the line's label (Alt+L)
        self.add_line_button.clicked.connect(self.add_line)
        self.link_line_button = QPushButton("Lin&k line…", self)
        self.link_line_button.setAccessibleName("Link the chosen line to a project, fund or review")
        self.link_line_button.clicked.connect(lambda: self.link_line())
        for b in (self.add_section_button, self.add_line_button, self.link_line_button):
            b.setEnabled(writes)
        section_row, line_row = QHBoxLayout(), QHBoxLayout()
        section_label, line_label = QLabel("Sec&tion:", self), QLabel("&Line:", self)
        section_label.setBuddy(self.section_name)
        line_label.setBuddy(self.line_label)
        section_row.addWidget(section_label)
        section_row.addWidget(self.section_name, 2)
        section_row.addWidget(self.section_kind, 1)
        section_row.addWidget(self.add_section_button)
        line_row.addWidget(line_label)
        line_row.addWidget(self.section_choice, 1)
        line_row.addWidget(self.line_label, 2)
        line_row.addWidget(self.add_line_button)
        line_row.addWidget(self.link_line_button)
        # One line under the grid, the whole of it behind "?" (and in the guide): its four lines at 1093x582 left
        # the grid about eleven rows of a paper's plan.
        # Its words lead with the grid's Alt key (U, one of the five letters the page left): the grid had none.
        self.hint = QLabel("Plan fig&ures: double-click a cell to type what the paper states; Del empties a cell; "
                           "Ctrl+V pastes cells copied from Excel.", self)
        self.hint.setBuddy(self.view)
        self.hint.setWordWrap(True)
        self.hint.setToolTip(FULL_HINT)
        self.full_hint = QLabel(FULL_HINT, self)
        self.full_hint.setWordWrap(True)
        self.full_hint.hide()
        self.hint_button = QToolButton(self)
        self.hint_button.setText("?")
        self.hint_button.setCheckable(True)
        self.hint_button.setAccessibleName("How to type in the plan")
        self.hint_button.setToolTip(FULL_HINT)
        self.hint_button.toggled.connect(self.full_hint.setVisible)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.hint_button, 0, Qt.AlignmentFlag.AlignTop)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.warnings)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.split_notes_row)
        right_layout.addLayout(section_row)
        right_layout.addLayout(line_row)
        right_layout.addLayout(hint_row)
        right_layout.addWidget(self.full_hint)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([220, 860])
        self.splitter = splitter
        settings.remember_splitter(splitter, SPLITTER_KEY)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        # A name typed in a form and not added marks the title ("*") and is asked about when the file closes.
        for edit in (self.plan_name, self.plan_years, self.section_name, self.line_label):
            edit.textChanged.connect(lambda *_: self.session.unsaved_changed.emit())
        self.presenter.changed.connect(self._show)
        self.view.refusal_taken_back.connect(self.presenter.typing_taken_back)
        self.presenter.plans_changed.connect(self._fill_plans)
        self.presenter.reload()
        session.data_changed.connect(self._data_changed)

    # -- shown ---------------------------------------------------------------------------------------
    def _fill_plans(self) -> None:
        self.plan_list.blockSignals(True)
        self.plan_list.clear()
        for plan in self.presenter.plans:
            item = QListWidgetItem(plan.name + (f"  ⚠ {plan.flags}" if plan.flags else ""))
            item.setData(Qt.ItemDataRole.UserRole, plan.id)
            item.setToolTip(plan.source or plan.name)
            if plan.id in self.presenter.outside:  # another area's: greyed (still opened and edited as any)
                item.setForeground(self.plan_list.palette().placeholderText())
                item.setToolTip(f"{plan.source or plan.name}\n{self.presenter.outside_note()}")
            self.plan_list.addItem(item)
        self.plan_list.blockSignals(False)
        note = self.presenter.outside_note()
        self.outside_note.setText(note)
        self.outside_note.setVisible(bool(note))

    def _show(self) -> None:
        p = self.presenter
        self.summary.setText(p.summary())
        at = self.view.currentIndex()
        in_view, place = self.model.cell_key(at), (at.row(), at.column())
        if self.model.show_plan():  # rebuilt: the cell in view found again by what it is (rows may have come or gone)
            index = self.model.index_of(in_view)
            if not index.isValid() and in_view is not None and in_view[0] == p.selected and self.model.rowCount():
                # Its row deleted (Del on a line's name): the row in its place, or the last, as Del does in the other
                # lists (no cell was chosen, and the arrows started again from the top-left one).
                index = self.model.index(min(place[0], self.model.rowCount() - 1),
                                         min(place[1], self.model.columnCount() - 1))
            if index.isValid():
                self.view.setCurrentIndex(index)
        self._choose(p.undone_cells)
        self.view.size_columns_to_visible(max_width=320)
        shown, every = p.warnings_shown()
        self.warnings.setText(shown)
        self.warnings.setToolTip(every if every != shown else "")
        self.warnings.setVisible(bool(shown))
        self.message.setText(p.error or p.told)
        self.message.setVisible(bool(p.error or p.told))
        said, every = p.splits_in_notes()
        self.split_notes.setText(said)
        self.split_notes.setToolTip(every)
        self.split_notes_row.setVisible(bool(said))
        keep = self.section_choice.currentData()
        self.section_choice.clear()
        for section_id, name in p.sections():
            self.section_choice.addItem(name, section_id)
        index = self.section_choice.findData(keep)
        self.section_choice.setCurrentIndex(index if index >= 0 else self.section_choice.count() - 1)
        self.plan_list.blockSignals(True)
        for i in range(self.plan_list.count()):
            if self.plan_list.item(i).data(Qt.ItemDataRole.UserRole) == p.selected:
                self.plan_list.setCurrentRow(i)
        self.plan_list.blockSignals(False)

    def _choose(self, cells) -> None:
        """The cells an undo or a redo changed, chosen (the first current, in view), so the officer sees what went
        back; none when none of them is in the grid now (a line the undo took away)."""
        found = [i for i in (self.model.index_at(c) for c in cells) if i.isValid()]
        if not found:
            return
        selection = QItemSelection()
        for index in found:
            selection.select(index, index)
        self.view.setCurrentIndex(found[0])
        self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(found[0])

    def _data_changed(self, area: str) -> None:
        """The file changed under the tab (a merge of district files, an undo elsewhere …): the plan is read again,
        as the Costs pages are. A figure being typed stays in its cell's editor (the cell found again by what it
        is); if the change took its line away, the message says what was typed and that it was not put in."""
        if area not in READ_AGAIN_ON or self.session.store is None or self.session.store is not self.presenter.store:
            return
        typing = self._typing()
        self.presenter.reload()
        if typing is not None:
            self._keep_typing(*typing)

    def finish_typing(self) -> bool:
        """The cell being typed in put in the file (``TabBase.finish_typing``): refused ("abc") or asked about
        ("12.345"), the editor stays open on what was typed and the message beside the grid says why."""
        typing = self._typing()
        if typing is None:
            return True
        index = self.view.currentIndex()
        editor = self.view.indexWidget(index)
        if editor.isModified():
            self.model.typed_in = True  # typed by the officer, as CellEditor.setModelData marks it
            try:
                done = self.model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
            finally:
                self.model.typed_in = False
            if not done:
                self._keep_typing(*typing)
                return False
        if shiboken6.isValid(editor) and self.view.indexWidget(self.view.currentIndex()) is editor:
            self.cell_editor.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return True

    def finish_typing_refused(self) -> None:
        editor = self.view.indexWidget(self.view.currentIndex())
        if editor is not None:
            editor.setFocus()

    def _typing(self) -> tuple | None:
        """The cell being typed in: its key, where it is in words, what it held and what is typed."""
        index = self.view.currentIndex()
        editor = self.view.indexWidget(index) if index.isValid() else None
        if self.view.state() != QAbstractItemView.State.EditingState or not isinstance(editor, QLineEdit):
            return None
        held = index.data(Qt.ItemDataRole.EditRole) or ""
        return self.model.cell_key(index), self._cell_words(index), held, editor.text()

    def _cell_words(self, index) -> str:
        row = self.model.row(index.row())
        if index.column() == 0:
            return f"the name “{row.label}”"
        return f"{row.label}, {self.model.headerData(index.column(), Qt.Orientation.Horizontal)}"

    def _keep_typing(self, key: tuple, words: str, held: str, typed: str) -> None:
        index, changed = self.model.index_of(key), typed != held
        if not index.isValid() or not self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            if changed:
                self.presenter.typing_lost(words, typed)
            return
        if self.view.state() != QAbstractItemView.State.EditingState or self.view.indexWidget(index) is None:
            self.view.setCurrentIndex(index)  # the grid was rebuilt, closing the editor: opened again
            self.cell_editor.kept_text = typed if changed else None
            self.view.edit(index)
            self.cell_editor.kept_text = None
        editor = self.view.indexWidget(index)
        if changed and isinstance(editor, QLineEdit) and (editor.text() != typed or editor.hasSelectedText()):
            # What is typed, the cursor after it (Qt puts a changed cell's new text in its open editor).
            editor.setProperty("figure_length", None)
            editor.setText(typed)
            editor.setModified(True)
        now = index.data(Qt.ItemDataRole.EditRole) or ""
        if changed and now != held:
            self.presenter.typing_over_change(words, now)

    def _into_grid(self) -> None:
        """Into the plan's grid, on the cell in view or else its first line's first figure."""
        if not self.view.currentIndex().isValid():
            line = next((r for r in range(self.model.rowCount()) if self.model.row(r).kind == "line"), None)
            if line is not None and self.model.year_columns:
                self.view.setCurrentIndex(self.model.index(line, self.model.year_columns[0]))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _plan_chosen(self, current, _previous=None) -> None:
        if current is not None:
            self.presenter.select(current.data(Qt.ItemDataRole.UserRole))

    # -- actions -------------------------------------------------------------------------------------
    def new_plan(self) -> None:
        if self.presenter.new_plan(self.plan_name.text(), self.plan_years.text()):
            self.plan_name.clear()
            self.plan_years.clear()

    def add_section(self) -> None:
        if self.presenter.add_section(self.section_name.text(), self.section_kind.currentData()):
            self.section_name.clear()
            # The lines typed next are the new section's, as the guide's steps go (they went into the section
            # chosen before, where income and savings added to the total instead of taking away).
            index = self.section_choice.findData(self.presenter.added_section)
            if index >= 0:
                self.section_choice.setCurrentIndex(index)

    def add_line(self) -> None:
        if self.presenter.add_line(self.section_choice.currentData(), self.line_label.text()):
            self.line_label.clear()

    # -- names typed and not added -----------------------------------------------------------------------
    def _typed_forms(self) -> list[tuple[str, QLineEdit, object]]:
        """The forms holding a name typed and not added, each as (what is said of it, its field, what adds it): a
        section and a line first, as they go into the plan chosen now, then a new plan (which is chosen once made).
        Closing the file had dropped them without a word. None in a file open read-only (nothing could be added)."""
        if self.presenter.read_only or self.session.store is not self.presenter.store:
            return []
        typed = []
        if self.section_name.text().strip():
            typed.append((f"The section “{self.section_name.text().strip()}” is typed in but not added.",
                          self.section_name, self.add_section))
        if self.line_label.text().strip():
            into = self.section_choice.currentText()
            typed.append((f"The line “{self.line_label.text().strip()}” is typed in but not added"
                          + (f" (to {into})." if into else "."), self.line_label, self.add_line))
        name, years = self.plan_name.text().strip(), self.plan_years.text().strip()
        if name or years:
            typed.append((f"The new plan “{name}” is typed in but not made." if name else
                          f"A new plan's years ({years}) are typed in but the plan is not made.",
                          self.plan_name if name or not years else self.plan_years, self.new_plan))
        return typed

    def has_unsaved_changes(self) -> bool:
        return super().has_unsaved_changes() or bool(self._typed_forms())

    def describe_unsaved(self) -> str:
        return " ".join(filter(None, [super().describe_unsaved(), *(said for said, _, _ in self._typed_forms())]))

    def may_close(self, ask) -> bool:
        """Before the file closes: the names typed and not added asked about, all at once. Save adds each as its
        button does (a refusal is said beside the grid and keeps the window open on what was typed); Discard empties
        the forms; Cancel stays with them."""
        if not super().may_close(ask):
            return False
        typed = self._typed_forms()
        if not typed:
            return True
        choice = ask(self.describe_unsaved())
        if choice == UnsavedChoice.DISCARD:
            for edit in (self.section_name, self.line_label, self.plan_name, self.plan_years):
                edit.clear()
            return True
        if choice == UnsavedChoice.SAVE:
            return self._add_typed(typed)
        typed[0][1].setFocus()
        return False

    def save_changes(self) -> bool:
        """Ctrl+S: the names typed and not added are added, as on closing (it said "Saved." and added nothing)."""
        return super().save_changes() and self._add_typed(self._typed_forms())

    @staticmethod
    def _add_typed(typed) -> bool:
        """Each name typed added as its button does; False at the first refused (said beside the grid), the typing
        point in it."""
        for _, edit, add in typed:
            add()
            if edit.text().strip():
                edit.setFocus()
                return False
        return True

    def delete_chosen(self) -> None:
        """Del (or the menu's Delete): on a figure it empties the cell, as in a spreadsheet, and with several rows
        chosen what they hold (``BudgetsPresenter.clear_cells``); on a line's or a section's name it deletes the line
        or the section, after asking."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row = self.model.row(index.row())
        if self.presenter.read_only:  # nothing went, without a word
            heading = self.model.headerData(index.column(), Qt.Orientation.Horizontal)
            self.presenter.refuse_read_only(f"Delete {row.label}" if index.column() == 0 else f"Clear {row.label}, "
                                            f"{heading}")
            return
        chosen = self.view.selectionModel().selectedIndexes()
        if index.column() != 0 and len({i.row() for i in chosen}) > 1:  # what the chosen rows hold, as one step
            self.presenter.clear_cells([c for c in map(self.model.cell_at, chosen) if c is not None])
            return
        if index.column() != 0:
            self.view.clear_current_cell()
            return
        rows = sorted({i.row() for i in chosen} | {index.row()})
        if len(rows) > 1:  # the names of several rows: each line and section of them, asked once, as one step
            gone = self.presenter.rows_to_delete([self.model.row(r) for r in rows])
            kinds = {r.kind for r in gone}
            title = f"Delete {gone[0].kind}" if len(gone) == 1 else "Delete lines" if kinds == {"line"} else \
                "Delete sections" if kinds == {"section"} else "Delete rows"
            question = self.presenter.delete_rows_question(gone)
            if question and prompts.ask(self, title, question, yes="Delete"):
                # the row in the first one's place is chosen after, as after one row's Del
                self.view.selectionModel().setCurrentIndex(self.model.index(rows[0], 0),
                                                           QItemSelectionModel.SelectionFlag.NoUpdate)
                self.presenter.delete_rows(gone)
            return
        question = self.presenter.delete_question(row)
        if question and prompts.ask(self, f"Delete {row.kind}", question, yes="Delete"):
            self.presenter.delete_row(row)

    def add_year(self) -> None:
        """Add year…: the year's heading asked for, the year after the plan's latest offered."""
        if self.presenter.selected is None:
            self.presenter.add_year("")  # says to choose or make a plan first
            return
        heading = prompts.ask_text(self, "Add year", "The year's heading, as the paper heads its column (2020/21, "
                                   "or a heading with its year: 2020/21 Budget):", self.presenter.next_year())
        if heading is not None:
            self.presenter.add_year(heading)

    def remove_year(self, position: int | None = None) -> None:
        """Remove year…: the year of the chosen cell (or of the column the grid's menu was opened on), after asking
        when it holds figures."""
        if position is None:
            position = self.model.plan_column(self.view.currentIndex().column())
        label = self.presenter.column_at(position)
        if not label:
            self.presenter.remove_year(-1)  # says to choose a cell of the year first
            return
        question = self.presenter.remove_year_question(position)
        if question and not prompts.ask(self, "Remove year", question, yes="Remove"):
            return
        self.presenter.remove_year(position)

    def link_line(self, row: GridRow | None = None):
        """Link line…: the chosen line (or the one the grid's menu was opened on) linked to a project, a pooled fund
        or a review; returns the dialog (None when no line is chosen: the message says so)."""
        if row is None:
            index = self.view.currentIndex()
            row = self.model.row(index.row()) if index.isValid() else None
        if row is None or row.kind != "line":
            self.presenter.link_line(None, "", None)  # says to choose a line first
            return None
        from safer_desk.ui.budgets.link_dialog import LinkDialog

        self.link_dialog = LinkDialog(self, self.presenter, row)
        self.link_dialog.open()
        return self.link_dialog

    def rename_plan(self) -> None:
        plan = self.presenter.view.plan if self.presenter.view else None
        if plan is None:
            self.presenter.choose_a_plan_first()
            return
        name = prompts.ask_text(self, "Rename plan", "The plan's name:", plan.name)
        if name is not None:
            self.presenter.rename_plan(name)

    def plan_settings(self):
        """Plan settings…: the chosen plan's unit, total's name, Total column and report's changes, in a dialog;
        returns it (None when no plan is chosen: the message says so)."""
        form = self.presenter.settings_form()
        if form is None:
            return None
        from safer_desk.ui.budgets.settings_dialog import PlanSettingsDialog

        self.settings_dialog = PlanSettingsDialog(self, form)
        self.settings_dialog.open()
        return self.settings_dialog

    def delete_plan(self) -> None:
        if self.presenter.selected is None:
            self.presenter.choose_a_plan_first()
            return
        question = self.presenter.delete_plan_question()
        if question and prompts.ask(self, "Delete plan", question, yes="Delete"):
            self.presenter.delete_plan()

    def export_plan(self):
        """Export…: the plan shown, through the one export path; a name typed and not added is asked about first."""
        from safer_desk.domain.budgets import BudgetError
        from safer_desk.domain.text import file_name_from
        from safer_desk.ui.kit.exports import export_to_chosen_file

        if self.presenter.selected is None:
            self.presenter.choose_a_plan_first()
            return None
        if not self.finish_typing():  # a figure still being typed in the grid goes in first (or is refused, said)
            return None
        name = self.presenter.view.plan.name
        target = export_to_chosen_file(self, "Export the plan", f"{file_name_from(name)}.xlsx", self.presenter.export,
                                       failed="The plan was not saved", refusals=(BudgetError,))
        if target is not None:
            prompts.show_info(self, "Export", f"Saved the plan “{name}” to {target}.")
        return target

    def copy_selection(self) -> bool:
        return self.view.copy_selection()
