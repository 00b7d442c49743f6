"""The entry grid of the Indicators tab: a ``FiguresEditor`` shown by period, rows like the paper's tables.

It shows what the presenter holds (typed text in the editable rows, the computed rows in the unit's
one format, the RAG as symbol and word with a tint) and forwards typing, paste and copy; nothing here
reads or writes the file.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableWidget, QTableWidgetItem, QWidget

from safer_desk.exchange.files import parse_tsv, to_tsv
from safer_desk.presenters.formats import Unit, plain, plain_shown
from safer_desk.presenters.indicators import FiguresEditor, PasteTotal, rag_words
from safer_desk.services import indicators as svc
from safer_desk.ui.indicators.models import RAG_COLOURS
from safer_desk.ui.kit import clipboard_without_text, copy_to_clipboard
from safer_desk.ui.kit.colours import on_pale
from safer_desk.ui.kit.table_view import MODIFIER_KEYS, menu_key_on_current_cell, show_whole_figures


SHOWN = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
TYPED = SHOWN | Qt.ItemFlag.ItemIsEditable
LEFT_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# Worked-out rows copied as the grid shows them ("+13.2 pts" is 13.2, "0.3 per 1,000" is 0.3), as the summary's are:
# the raw difference or running total is float noise to Excel (63.2 - 50 is 13.200000000000003, 0.1 + 0.2 is
# 0.30000000000000004).
SHOWN_AS_COPIED = (svc.GRID_CHANGE, svc.GRID_CUMULATIVE, svc.GRID_CUMULATIVE_LAST, svc.GRID_GAP)


def _tint(state) -> str | None:
    """A cell's background: a query on what was typed, its RAG, or red where a comment is needed; else none."""
    if state.message:
        return "#ffe08a"
    if state.rag is not None and state.text:
        return RAG_COLOURS[state.rag.key]
    return RAG_COLOURS["red"] if state.needs_comment else None


class ValuesGrid(QTableWidget):
    """The entry grid by period (rows like the paper's tables); shows a ``FiguresEditor`` and forwards typing."""

    def __init__(self, parent=None):
        super().__init__(0, 0, parent)  # columns: the periods of the grid shown (none before one is)
        self.setAccessibleName("Figures by period")
        show_whole_figures(self)  # a month half in view read "1,6" for 1,637
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the grid; Ctrl+Tab moves within it
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(lambda pos: self.context_menu().popup(
            self.viewport().mapToGlobal(pos)))
        self.editor: FiguresEditor | None = None
        self.shown_grid = None
        self.keys: list[str] = []
        self._loading = False
        self.on_save = None
        self.on_discard = None
        self.itemChanged.connect(self._changed)

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._loading or self.editor is None:
            return
        key = self.keys[item.row()]
        self.editor.set_text(key, item.column(), item.text())

    def show_editor(self, editor: FiguresEditor) -> None:
        """Show the grid of the editor: typed text in the editable rows, the computed rows as the unit shows them."""
        self.editor = editor
        grid = editor.grid
        self.shown_grid = grid
        self._loading = True
        try:
            if grid is None:  # no indicator chosen: no periods (the table's own "1 2 3 …" read as six to type in)
                self.setRowCount(0)
                self.setColumnCount(0)
                self.keys = []
                return
            self.keys = grid.keys
            self.setRowCount(len(grid.rows))
            self.setColumnCount(len(grid.periods))
            self.setHorizontalHeaderLabels(list(grid.labels))
            # A new district's last-year rows name whose figures they are ("2018/19: Suffolk Coastal and Waveney"):
            # cut to a width that leaves the figures showing on a laptop, the whole label read on pointing at it.
            metrics = self.verticalHeader().fontMetrics()
            widest = metrics.horizontalAdvance("2019/20 cumulative: own from Jun-19 …")
            self.setVerticalHeaderLabels([metrics.elidedText(r.label, Qt.TextElideMode.ElideRight, widest)
                                          for r in grid.rows])
            for r, row in enumerate(grid.rows):
                self.verticalHeaderItem(r).setToolTip(row.label)
            bold = QFont()
            bold.setBold(True)
            dirty = set(editor.dirty_cells())
            for r, row in enumerate(grid.rows):
                for c in range(len(grid.periods)):
                    state = editor.cell(row.key, c)
                    item = self.item(r, c)
                    if item is None:
                        item = QTableWidgetItem()
                        self.setItem(r, c, item)
                    item.setTextAlignment(LEFT_ALIGN if row.key in (svc.GRID_COMMENT, svc.GRID_SOURCE)
                                          else RIGHT_ALIGN)
                    item.setFlags(TYPED if state.editable else SHOWN)
                    item.setText(state.text)
                    tip = state.message or state.tooltip
                    if state.needs_comment:
                        tip = "Red against target: a comment saying why is needed."
                    item.setToolTip(tip)
                    # A screen reader is given the tip too: an empty red Comment cell was said by its colour alone.
                    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip or None)
                    tint = _tint(state)
                    if tint is not None:
                        item.setBackground(QColor(tint))
                        item.setForeground(on_pale())  # the tint is pale in either theme: its text stays dark
                    else:
                        item.setBackground(QColor(Qt.GlobalColor.transparent))
                        item.setForeground(QBrush())  # the theme's own text colour
                    item.setFont(bold if (row.key, c) in dirty else QFont())
            # As wide as the widest figure or RAG word in the column: a rate's "1.14 per 1,000" read "1.14 per 1…" in
            # 84 pixels. The comment and source rows are words read by pointing at them, not the column's measure.
            fm = self.fontMetrics()
            measured = [r for r, row in enumerate(grid.rows) if row.key not in (svc.GRID_COMMENT, svc.GRID_SOURCE)]
            width = 84 if len(grid.periods) > 4 else 150
            for c in range(self.columnCount()):
                texts = (self.item(r, c).text() for r in measured)
                self.setColumnWidth(c, max([width, *(fm.horizontalAdvance(t) + 10 for t in texts if t)]))
            height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(self.rowCount())) + 4
            self.setMaximumHeight(height + self.horizontalScrollBar().sizeHint().height())
            self._choose(editor.undone_positions())
        finally:
            self._loading = False

    def _choose(self, cells: list[tuple[str, int]]) -> None:
        """The cells an undo or a redo put back, chosen (the first current, in view), so the officer sees what went
        back, as the Budgets grid does: the keys stayed on the cell moved to, and nothing showed which figure it was."""
        if not cells:
            return
        items = [self.item(self.keys.index(key), col) for key, col in cells]
        self.setCurrentItem(items[0])
        for item in items[1:]:
            item.setSelected(True)
        self.scrollToItem(items[0])

    def edit_text(self, key: str, col: int, text: str) -> None:
        """Type ``text`` into a cell as a person would (tests use the keyboard; this is for code)."""
        self.item(self.keys.index(key), col).setText(text)

    def empty_selected_cells(self) -> int:
        """Empty the selected cells a person can type in (the figures and comments); how many were emptied. Del on
        cells none of which can be typed in (a derived month, a row worked out) says why, as typing there does."""
        emptied = 0
        kept = []
        for item in self.selectedItems():
            if item.flags() & Qt.ItemFlag.ItemIsEditable and item.text():
                item.setText("")  # typed, as any cell: the editor hears it through itemChanged
                emptied += 1
            elif item.text() and not item.flags() & Qt.ItemFlag.ItemIsEditable:
                kept.append(item)
        if not emptied and kept and self.editor is not None:
            first = min(kept, key=lambda i: (i.row(), i.column()))
            self.editor.refuse_typing(self.keys[first.row()], first.column())
        return emptied

    def copy_selection(self) -> bool:
        """The selected cells as Excel wants them: plain numbers (no commas, %, "per 100,000"), ASCII minus."""
        ranges = self.selectedRanges()
        if not ranges or self.editor is None or self.editor.grid is None:
            return False
        r = ranges[0]
        grid = self.editor.grid
        table = [[""] + [grid.labels[c] for c in range(r.leftColumn(), r.rightColumn() + 1)]]
        for row in range(r.topRow(), r.bottomRow() + 1):
            key = self.keys[row]
            line = [grid.rows[row].label]
            for c in range(r.leftColumn(), r.rightColumn() + 1):
                cell = grid.rows[row].cells[c]
                typed = (key, c) in self.editor.dirty_cells()
                if (key in SHOWN_AS_COPIED or cell.worked_out) and cell.value is not None and not typed:
                    line.append(plain_shown(cell.text))
                elif cell.rag is not None:  # in words, as the summary's RAG is copied: "Red", never "▲ Red"
                    line.append(rag_words(self.item(row, c).text()))
                elif cell.value is not None and not typed:
                    line.append(plain(cell.value, Unit.NUMBER))
                else:
                    line.append(self.item(row, c).text().replace("\u2212", "-"))
            table.append(line)
        copy_to_clipboard(to_tsv(table))
        return True

    def paste_rows(self) -> bool:
        if self.editor is None or not self.keys:
            return False
        why = clipboard_without_text(QGuiApplication.clipboard().mimeData())
        if why:  # nothing to read: said under the grid, never a paste that silently does nothing
            self.editor.refuse_paste(why)
            return False
        row, col = max(self.currentRow(), 0), max(self.currentColumn(), 0)
        cells = parse_tsv(QGuiApplication.clipboard().text(), keep_blank_rows=True)  # an empty row keeps its place
        return bool(self.editor.paste(self.keys[row], col, cells, ask_total=lambda text: ask_paste_total(self, text)))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction("&Copy", self.copy_selection).setShortcut(QKeySequence.StandardKey.Copy)
        menu.addAction("&Paste", self.paste_rows).setShortcut(QKeySequence.StandardKey.Paste)
        dirty = self.editor is not None and self.editor.is_dirty
        if self.on_save is not None:
            menu.addSeparator()
            menu.addAction("&Save Figures", self.on_save).setEnabled(dirty)
            menu.addAction("&Discard Typed Figures", self.on_discard).setEnabled(dirty)
        self.last_menu = menu
        return menu

    def event(self, event) -> bool:
        """The Menu key (Shift+F10) opens the menu on the current cell, as the kit's tables do (it opened the row
        labels' width to the right of the cell, and the headings' height below it). Any other key but Ctrl+V (another
        cell, Esc) first takes back what a refused paste or keys said, as the kit's tables do (``_moved_on``)."""
        if event.type() == QEvent.Type.KeyPress and event.key() not in MODIFIER_KEYS \
                and not event.matches(QKeySequence.StandardKey.Paste):
            self._moved_on()
        if event.type() == QEvent.Type.ContextMenu and menu_key_on_current_cell(self, event):
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:  # another cell chosen (a right-click opens the menu: Paste)
            self._moved_on()
        super().mousePressEvent(event)

    def _moved_on(self) -> None:
        """The person acted on the grid again: "The clipboard is empty…" under it stayed said until a later edit."""
        if self.editor is not None:
            self.editor.take_back_refusal()

    def _typed_in_vain(self, event, item) -> bool:
        """A character typed (no Ctrl, Alt or Meta) on a cell that cannot be typed in."""
        text = event.text()
        chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
        return (self.editor is not None and item is not None and not item.flags() & Qt.ItemFlag.ItemIsEditable
                and bool(text.strip()) and text.isprintable() and not event.modifiers() & chord
                and self.state() != QAbstractItemView.State.EditingState)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_rows()
            return
        if event.matches(QKeySequence.StandardKey.Delete) and self.state() != QAbstractItemView.State.EditingState:
            self.empty_selected_cells()  # as in a spreadsheet; saved (or discarded) like any typing
            return
        item = self.currentItem()
        if self._typed_in_vain(event, item):  # keys on a cell that cannot be typed in went nowhere, unsaid
            self.editor.refuse_typing(self.keys[item.row()], item.column())
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 1 if event.key() == Qt.Key.Key_Tab else -1
            col = self.currentColumn() + step
            if 0 <= col < self.columnCount():
                self.setCurrentCell(max(self.currentRow(), 0), col)
            return
        super().keyPressEvent(event)


def ask_paste_total(parent: QWidget, text: str) -> PasteTotal:
    """Paste Without It / Paste All / Cancel for a row copied with a last figure that is the others' sum (Cancel when
    the box is closed)."""
    from PySide6.QtWidgets import QMessageBox

    from safer_desk.ui.prompts import message_box

    box = message_box(QMessageBox.Icon.Question, "Paste a total?", text, parent)
    buttons = {box.addButton(choice.label, role): choice for choice, role in (
        (PasteTotal.WITHOUT, QMessageBox.ButtonRole.AcceptRole), (PasteTotal.ALL, QMessageBox.ButtonRole.ActionRole),
        (PasteTotal.CANCEL, QMessageBox.ButtonRole.RejectRole))}
    box.setDefaultButton(next(b for b, c in buttons.items() if c == PasteTotal.WITHOUT))
    box.setEscapeButton(next(b for b, c in buttons.items() if c == PasteTotal.CANCEL))
    box.exec()
    return buttons.get(box.clickedButton(), PasteTotal.CANCEL)
