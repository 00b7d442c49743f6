"""The kit's table view: behaves like a spreadsheet and like every other table in the window.

Sortable; copies the selected rows as Excel wants them (plain numbers, ASCII minus, no £ or ⚠
in numeric cells; text Excel would run as a formula quoted, as in every copy: ``exchange.files.to_tsv``;
the shown text is for showing only; a cell showing two figures may copy as two cells, each
under its own heading: ``Column.copy_beside``); a right-click menu on every table (Copy,
Copy with Headings, Export…, Edit…, Delete, a sort and a filter for the column clicked: the Menu key opens it on
the current cell, so a table sorts without a mouse); Tab and Shift+Tab leave the table (Ctrl+Tab moves between
cells where editing needs it).
"""

from __future__ import annotations

from typing import Callable, Collection

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QContextMenuEvent, QFont, QFontMetrics, QGuiApplication, QKeySequence, QPainter,
                           QPalette)
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QAbstractScrollArea, QHeaderView, QLineEdit,
                               QMenu, QStyle, QStyledItemDelegate, QStyleOptionHeader, QStyleOptionViewItem, QTableView,
                               QWidget, QWidgetAction)

from safer_desk.domain.text import shown_total_label
from safer_desk.presenters.formats import Unit
from safer_desk.ui.kit import copy_to_clipboard
from safer_desk.ui.kit.tables import COPY_BESIDE_ROLE, COPY_ROLE, RowTableModel, SortProxy

_HORIZONTAL = Qt.Orientation.Horizontal
MODIFIER_KEYS = (Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)


def _source_copy(index: QModelIndex) -> str:
    value = index.data(COPY_ROLE)
    if value is None:  # a model outside the kit: its shown text
        value = index.data()
    return "" if value is None else str(value)


# An editor property: what it holds was refused on Enter and is still typed (``DataTableView.refusal_taken_back``).
REFUSED = "refused_typing"


class KeepsTyping(QStyledItemDelegate):
    """Enter on a figure the model refuses ("abc", "£3.250", a scale asked about) leaves the editor open on what was
    typed, the reason beside the table, as Ctrl+S, closing or another tab do (``MainWindow.finish_cell_edits``):
    Qt's way closed it whatever the model said, and the figure had to be typed again whole. Esc puts the cell's
    figure back (the view then says ``refusal_taken_back``). The view is the delegate's parent. Cells are drawn as
    Qt draws them (``WholeNumbers`` draws figures cut by an edge)."""

    _putting_in = False  # a figure typed being put in on Enter: a message box taking the focus closes nothing

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 - Qt's name
        if self._putting_in and event.type() == QEvent.Type.FocusOut:
            return False  # the refusal's message box has the focus: Qt's way would put the figure in again and close
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and isinstance(editor, QLineEdit) and editor.isModified():
            view = self.parent()
            index = view.currentIndex()
            if isinstance(view, QAbstractItemView) and index.isValid() and view.indexWidget(index) is editor:
                self._enter(view, editor, index)
                return True
        return super().eventFilter(editor, event)

    def _enter(self, view: QAbstractItemView, editor: QLineEdit, index: QModelIndex) -> None:
        import shiboken6

        typed, kept = editor.text(), QPersistentModelIndex(index)  # the cell wherever a rebuilt table puts it
        self._putting_in = True
        try:
            done = self.put_in(editor, view.model(), index)
        finally:
            self._putting_in = False
        if not shiboken6.isValid(editor):
            return
        index = QModelIndex(kept)
        if done or (index.isValid() and typed == str(index.data(Qt.ItemDataRole.EditRole) or "")):
            editor.setProperty(REFUSED, False)  # put in: what is said of it now is the page's, not a refusal's
            # As Qt's Enter, even when the table was read again under the editor: the view moves to the cell below.
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
        elif index.isValid() and view.indexWidget(index) is editor:
            # Refused: what was typed stays, to be put right or taken back with Esc.
            editor.setProperty(REFUSED, True)
            if editor.text() != typed:  # the cell shown again (Qt puts a changed cell's figure in its open editor)
                editor.setText(typed)
                editor.setModified(True)
            editor.setFocus()

    def put_in(self, editor: QLineEdit, model, index: QModelIndex) -> bool:
        """What is typed given to the model, as ``setModelData`` does; whether it took it."""
        return bool(model.setData(index, editor.text(), Qt.ItemDataRole.EditRole))

    def helpEvent(self, event, view, option: QStyleOptionViewItem, index: QModelIndex) -> bool:  # noqa: N802
        """Pointed at, a cell cut short by its column's width ("Suffolk Fire and Resc…") and with no tooltip of its
        own shows its whole text, as a title's cell does by its own tooltip; a cell shown whole shows none."""
        if event.type() == QEvent.Type.ToolTip and view is not None and index.isValid() \
                and not index.data(Qt.ItemDataRole.ToolTipRole):
            # Imported when first pointed at, not on the way to the first screen.
            from PySide6.QtWidgets import QStyle, QToolTip

            shown = QStyleOptionViewItem(option)
            self.initStyleOption(shown, index)  # the cell's own font (a bold total) and text
            text = shown.text
            if text.strip():
                # Qt draws an item's text inside its focus frame's margin and one pixel more, each side.
                margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
                metrics = QFontMetrics(shown.font)
                if max(metrics.horizontalAdvance(line) for line in text.splitlines()) > shown.rect.width() - 2 * margin:
                    QToolTip.showText(event.globalPos(), text, view.viewport())
                    return True
        return super().helpEvent(event, view, option, index)

class WholeNumbers(KeepsTyping):
    """Draws a right-aligned cell (a number, an amount) that runs past an edge of the table's view in the part in
    view, so "£5,000" is never shown cut to "£5,00" at the right edge, nor "£125,000" to "25,000" at the left (where
    tables scroll by pixels, as on macOS) or beside the names kept in sight there; Qt elides it ("£5,0…") only when
    even that part is too narrow. Every other cell is drawn as Qt draws it; typing as ``KeepsTyping``."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        view = self.parent()
        edge = view.viewport().width()
        # The left edge is the names' right edge where names are drawn over it (``DataTableView.keep_in_sight``)
        kept = getattr(view, "kept_in_sight", None)
        start = kept.width() if kept is not None and kept.isVisible() and not kept.keeps(index.column()) else 0
        rect = option.rect
        if rect.right() >= edge or rect.left() < start:
            alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
            if alignment is not None and Qt.AlignmentFlag(int(alignment)) & Qt.AlignmentFlag.AlignRight:
                option = QStyleOptionViewItem(option)
                option.rect.setLeft(max(rect.left(), start))
                option.rect.setRight(min(rect.right(), edge - 1))
        super().paint(painter, option, index)


def height_for_rows(view: QAbstractItemView, rows: int, heading_lines: int = 1) -> int:
    """The height a table needs to show its heading (over ``heading_lines`` lines), ``rows`` rows and a sideways
    scroll bar, in its own font's sizes: a least height in pixels set for the normal font left one row in view with
    a 12 pt font."""
    heading = view.horizontalHeader().sizeHint().height() if heading_lines == 1 \
        else heading_lines * view.fontMetrics().lineSpacing() + 12
    return (heading + rows * view.verticalHeader().defaultSectionSize()
            + view.horizontalScrollBar().sizeHint().height() + 2 * view.frameWidth() + 2)


def show_whole_figures(view: QAbstractItemView) -> None:
    """A figure cut by the view's left or right edge drawn in the part in view (``WholeNumbers``), for every table of
    figures (the kit's, the Indicators grid); and the whole view drawn again after a sideways scroll: Qt moves the
    pixels drawn and draws only the strip coming into view, so a figure drawn for the edge ("£393,2…") stayed beside
    the end of the whole one ("£393,2… 00") once scrolled into view. Call it once the view has its viewport."""
    view.setItemDelegate(WholeNumbers(view))
    view.horizontalScrollBar().valueChanged.connect(view.viewport().update)


def own_viewport(view: QAbstractScrollArea) -> None:
    """Give the view a viewport made here, set up as Qt sets up its own (name, background, filling).

    The first time Python is handed the viewport Qt made, PySide6 finds its Python class by trying every widget
    class it has not loaded yet (about 7 ms at start-up, all of it before the register's first screen, which reads
    the viewport's width); a viewport made in Python is known already."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    view.setViewport(viewport)


class Included(tuple):
    """What a table's ``copy_leaves_out`` gives when the officer answered Include it: no column left out, and the
    copy victim-level, so kept out of the clipboard's history (``copy_to_clipboard(private=True)``)."""


class CopiesSelection:
    """Ctrl+C and Edit > Copy (the window asks the widget in focus) put ``copy_text()`` on the clipboard: the
    selected cells as Excel reads them. For a table of the kit; its keyPressEvent asks ``copy_key`` first, then
    ``paste_key`` (Ctrl+V does ``on_paste``, where the table has one)."""

    on_paste: Callable[[], None] | None = None
    # Set by ``copy_text``: the text holds victim-level detail the officer chose to include (``Included``), put on
    # the clipboard kept out of its history.
    copy_private = False

    def copy_text(self, *, with_header: bool = True) -> str:
        raise NotImplementedError

    def copy_selection(self, *, with_header: bool = True) -> bool:
        self.copy_private = False
        text = self.copy_text(with_header=with_header)
        if text:
            copy_to_clipboard(text, private=self.copy_private)
        return bool(text)

    def paste_key(self, event) -> bool:
        """Ctrl+V does the table's ``on_paste`` (the register's Paste rows…), as Edit > Paste does: the window's
        Ctrl+V does not reach a table (Qt measures the shortcut against the Edit menu it is on), and in the register
        it did nothing, unsaid, though the guide says Ctrl+V pastes rows copied from Excel. A table with no paste of
        its own gives Ctrl+V to its window's Edit > Paste, which finds the page's or says nothing here takes one."""
        if not event.matches(QKeySequence.StandardKey.Paste) or self.state() == QAbstractItemView.State.EditingState:
            return False
        paste = self.on_paste or getattr(self.window(), "paste_into_focus", None)
        if paste is None:  # in a dialog: nothing to give it to
            return False
        paste()
        event.accept()
        return True

    def copy_key(self, event) -> bool:
        """Copy on the platform's copy key; True when the key was that (the event is then taken)."""
        if not event.matches(QKeySequence.StandardKey.Copy):
            return False
        self.copy_selection()
        event.accept()
        return True


def menu_key_on_current_cell(view: QAbstractItemView, event) -> bool:
    """The Menu key (Shift+F10) opens a view's own menu on its current cell; True when the event was that key (then
    handled). Qt gives the view its point in the view's own coordinates, past the row numbers and headings; the menu
    reads the viewport's, so it opened a column or a row away (a table offered the next column's filter)."""
    if event.reason() != QContextMenuEvent.Reason.Keyboard:
        return False
    current = view.currentIndex()
    pos = view.visualRect(current).center() if current.isValid() else view.viewport().mapFrom(view, event.pos())
    view.customContextMenuRequested.emit(pos)
    event.accept()
    return True


class _Headings(QHeaderView):
    """The table's column headings (as QTableView makes its own: clickable, the selection's sections highlighted),
    which know whether the left mouse button went down on them and is still held (``held``).

    The presses are read as the headings' viewport passes them on (``viewportEvent``), not by a filter on the
    viewport: handed the viewport Qt made, PySide6 finds its Python class by loading every widget class it has not
    loaded yet (35 M instructions, 3% of the way to the register's first screen)."""

    def __init__(self, parent: QWidget):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.held = False

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick) \
                and event.button() == Qt.MouseButton.LeftButton:
            self.held = True
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self.held = False
        elif kind == QEvent.Type.ToolTip and self.orientation() == Qt.Orientation.Horizontal:
            text = self.cut_heading(self.logicalIndexAt(event.pos()))
            if text:
                from PySide6.QtWidgets import QToolTip  # when first pointed at, not on the way to the first screen

                QToolTip.showText(event.globalPos(), text, self.viewport())
                return True
        return super().viewportEvent(event)

    def cut_heading(self, section: int) -> str:
        """The heading of ``section`` when it is drawn cut short ("BCS comparator offe…") and has no tooltip of its
        own, else "": pointed at, it is shown whole, as a cut cell is (a heading wrapped whole onto two lines is not
        cut)."""
        model = self.model()
        if section < 0 or model is None:
            return ""
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not text.strip() or model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole):
            return ""
        option = QStyleOptionHeader()
        self.initStyleOptionForIndex(option, section)
        option.rect = QRect(0, 0, self.sectionSize(section), self.height())
        room = self.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, self)
        font = QFont(self.font())
        font.setBold(font.bold() or bool(option.state & QStyle.StateFlag.State_On))  # drawn bold over a chosen cell
        metrics = QFontMetrics(font)
        if self.defaultAlignment() & Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value):
            needed = metrics.boundingRect(QRect(0, 0, max(room.width(), 1), 10_000), int(Qt.TextFlag.TextWordWrap),
                                          text)
            return text if needed.width() > room.width() or needed.height() > room.height() else ""
        return text if max(metrics.horizontalAdvance(line) for line in text.splitlines()) > room.width() else ""


class DataTableView(CopiesSelection, QTableView):
    """``on_edit`` / ``on_delete`` / ``on_export`` (callables, optional) add those entries to the menu; ``on_paste``
    is what Ctrl+V does on the table. ``refusal_taken_back``: an editor open on a figure refused on Enter has closed
    (Esc, another cell chosen), the figure not put in: the page says its own state again, not the refusal, which
    stayed beside figures all fine until some later edit. So too after a paste or a delete (``on_paste``,
    ``on_delete``, however asked for: a key, a menu, Edit > Paste): the next key or click on the table says it, and
    what the page said of the action, refused ("There is nothing to paste"), goes then, not at some later edit."""

    refusal_taken_back = Signal()

    @property
    def on_paste(self) -> Callable[[], None] | None:
        return self._on_paste

    @on_paste.setter
    def on_paste(self, paste: Callable[[], None] | None) -> None:
        self._on_paste = None if paste is None else self.as_action(paste)

    @property
    def on_delete(self) -> Callable[[], None] | None:
        return self._on_delete

    @on_delete.setter
    def on_delete(self, delete: Callable[[], None] | None) -> None:
        self._on_delete = None if delete is None else self.as_action(delete)

    def as_action(self, action: Callable[[], None]) -> Callable[[], None]:
        """``action`` as the table does it (its paste, its delete): once it is done, what the page said of it lasts
        until the person acts on the table again (``_moved_on``); what it does to the table meanwhile (rows read
        again) is not that."""
        def act() -> None:
            action()  # what it says replaces what was said (a question asked of a paste kept by pasting again)
            self._action_said = True
        return act

    def _moved_on(self) -> None:
        """The person acted on the table again after a paste or a delete: what was said of it is no longer said."""
        if self._action_said:
            self._action_said = False
            self.refusal_taken_back.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:  # another cell chosen (a right-click opens the menu, whose
            self._moved_on()  # Paste may be the one a question asked for: "Paste the same cells again to keep it")
        super().mousePressEvent(event)

    def __init__(self, parent=None, *, accessible_name: str = "", on_edit: Callable[[], None] | None = None,
                 on_delete: Callable[[], None] | None = None, on_export: Callable[[], None] | None = None,
                 on_paste: Callable[[], None] | None = None):
        super().__init__(parent)
        self._action_said = False  # a paste or a delete done, and nothing since (``_moved_on``)
        own_viewport(self)
        self.setHorizontalHeader(_Headings(self))
        self.on_edit, self.on_delete, self.on_export = on_edit, on_delete, on_export
        self.on_paste = on_paste  # Ctrl+V on the table (rows copied from Excel), where the page pastes rows
        # A table of victim-level rows (a fund's referrals): asked before every copy of rows (Ctrl+C, Edit > Copy, the
        # menu's), as History's copies are: it returns the columns the copy leaves out.
        self.copy_leaves_out: Callable[[], Collection[int]] | None = None
        # A table whose figures leave the window as an export gives them (a fund's per-district counts, small numbers
        # suppressed): the text a copy of rows gives instead of the rows shown, or None to copy them as shown.
        self.copy_given: Callable[[bool], str | None] | None = None
        self.setSortingEnabled(True)
        # No sort shown until one is asked for: Qt's heading starts with ▲ on the first column, which a table given
        # its rows in a presenter's order (the indicators as entered) never follows. A table sorted from the start
        # (the register by Ref) says so with sortByColumn.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in any other form
        # Figures cut by an edge drawn whole (``show_whole_figures``), by the kit's own delegates: once a kit model is
        # set, only its right-aligned columns' cells go through ``WholeNumbers``'s paint, a Python call per cell
        # (about 10 M instructions of the register's first screen when every cell did); the others are drawn by Qt.
        self._whole_figures: WholeNumbers | None = WholeNumbers(self)
        self._plain_cells = KeepsTyping(self)
        self._figure_columns: tuple[int, ...] = ()
        QTableView.setItemDelegate(self, self._whole_figures)  # every cell until a kit model says which hold figures
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)  # as ``show_whole_figures``
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.horizontalHeader().customContextMenuRequested.connect(self._show_header_menu)
        self.last_menu: QMenu | None = None
        # Columns the person dragged wider or narrower (by heading): sizing to the rows leaves them as dragged.
        self.widths_by_hand: dict[str, int] = {}
        self._sizing = False
        self._sized_empty: int | None = None  # the max_width of a sizing done while no row was shown
        self._widest: int | None = None  # the max_width of the last sizing to the rows (none: the page sizes them)
        self._follow = QTimer(self)  # widths follow the rows once a change has ended (one pass for many signals)
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self._follow_rows)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.doubleClicked.connect(self._double_clicked)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        self.kept_in_sight: KeptInSight | None = None  # the names drawn over the left edge (``keep_in_sight``)
        self._kept_column: int | None = None  # the column to keep, until the table is first scrolled sideways

    # -- copying ------------------------------------------------------------------------------------
    def _selected_rows(self) -> list[int]:
        if self.selectionModel() is None:
            return []
        return sorted({index.row() for index in self.selectionModel().selectedIndexes()})

    def _is_totals_line(self, row: int) -> bool:
        """Whether the view's ``row`` is a kit table's totals line (no one's row: nothing to open or delete)."""
        model = self.model()
        if isinstance(model, SortProxy):
            source, row = model.sourceModel(), model.mapToSource(model.index(row, 0)).row()
        else:
            source = model
        return isinstance(source, RowTableModel) and source.is_total_row(row)

    def _rows_chosen(self) -> bool:
        """Whether a row other than the totals line is selected: what Enter, Del, Edit… and Delete act on."""
        return any(not self._is_totals_line(r) for r in self._selected_rows())

    def selected_rows_text(self, *, with_header: bool = True, leave_out: Collection[int] = ()) -> str:
        """The selected rows (in the order shown) as tab-separated text Excel reads cell by cell, without the columns
        ``leave_out`` names."""
        model = self.model()
        if model is None:
            return ""
        rows = self._selected_rows()
        columns = [c for c in range(model.columnCount()) if not self.isColumnHidden(c) and c not in leave_out]
        source = model.sourceModel() if isinstance(model, SortProxy) else model
        beside = {c: list(source.headerData(c, _HORIZONTAL, COPY_BESIDE_ROLE) or ()) for c in columns}
        # The totals line's words ("Total of 4 shown") where their column is not copied (the Referrals' references,
        # left out as victim-level): pasted, the line was bare figures, nothing saying they were a total, or of what.
        label_at = source.total_label_column if isinstance(source, RowTableModel) else None
        if label_at is not None and label_at in columns:
            label_at = None
        table = []
        if with_header:
            # a heading may copy longer than it shows (a comparison's "A": the scenario's name, for Excel)
            table.append([h for c in columns for h in (source.headerData(c, _HORIZONTAL, COPY_ROLE)
                                                       or source.headerData(c, _HORIZONTAL), *beside[c])])
        for r in rows:
            line = []
            for c in columns:
                index = model.index(r, c)
                line.append(_source_copy(index))
                if beside[c]:  # a column that copies as more than one cell (a change in £, then in %)
                    line += list(index.data(COPY_BESIDE_ROLE) or [""] * len(beside[c]))
            if label_at is not None and "" in line:
                at = model.mapToSource(model.index(r, 0)).row() if isinstance(model, SortProxy) else r
                if source.is_total_row(at):  # in its first blank cell: the figures keep their columns
                    line[line.index("")] = _source_copy(source.index(at, label_at))
            table.append(line)
        from safer_desk.exchange.files import to_tsv  # here: the file formats are not needed for the first screen

        return to_tsv(table) if rows else ""

    def none_shown_words(self) -> str | None:
        """"None shown (of 4 catalogue items)" while a search or filter hides every row of a table with no totals line
        (a totals line says it itself), worded as that line is; None otherwise (rows shown, or none to show)."""
        model = self.model()
        if model is None or model.rowCount() > 0:
            return None
        source = model.sourceModel() if isinstance(model, SortProxy) else model
        if not isinstance(source, RowTableModel):
            return None
        whole = max(len(source.rows), source.totalled_of[1])
        return shown_total_label(0, whole, source.noun, source.plural) if whole else None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """The empty grid of a table whose every row a filter hides says so: it read as an empty file."""
        super().paintEvent(event)
        words = self.none_shown_words()
        if words:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(self.viewport().rect().adjusted(8, 8, -8, -8), flags, words)
            painter.end()

    def _none_shown_text(self, words: str, with_header: bool) -> str:
        """Ctrl+C on a table a filter empties: its headings and the words, as a totals table's "None shown" line."""
        model = self.model()
        columns = [c for c in range(model.columnCount()) if not self.isColumnHidden(c)]
        line = [words, *[""] * (len(columns) - 1)]
        from safer_desk.exchange.files import to_tsv  # here: the file formats are not needed for the first screen

        headings = [[str(model.headerData(c, _HORIZONTAL) or "") for c in columns]] if with_header else []
        return to_tsv(headings + [line])

    def copy_text(self, *, with_header: bool = True) -> str:
        if not self._selected_rows() and (words := self.none_shown_words()) is not None:
            return self._none_shown_text(words, with_header)
        given = self.copy_given(with_header) if self.copy_given is not None and self._selected_rows() else None
        if given is not None:
            return given
        if not self._selected_rows() or self.copy_leaves_out is None:
            return self.selected_rows_text(with_header=with_header)
        leave_out = self.copy_leaves_out()
        self.copy_private = isinstance(leave_out, Included)
        return self.selected_rows_text(with_header=with_header, leave_out=leave_out)

    # -- keys -----------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if self.copy_key(event) or self.paste_key(event):
            return
        deleting = event.matches(QKeySequence.StandardKey.Delete)
        opening = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if deleting or opening:  # the selection is only looked at for these keys (not at every arrow key)
            # the totals line alone chosen is no one's row: on a fund's Referrals Enter on it said "Select a referral
            # on the Referrals page first." as the officer stood on that table
            chosen = self._rows_chosen() and self.state() != QAbstractItemView.State.EditingState
            act = self.on_delete if deleting else self.on_edit  # as the menu's Delete (Del) and Edit… say
            if act is not None and chosen:
                act()
                event.accept()
                return
            if act is not None and self._selected_rows() and not chosen \
                    and self.state() != QAbstractItemView.State.EditingState:
                event.accept()  # the totals line: nothing to open or delete (nor an Enter for the dialog around)
                return
            if deleting and self.on_delete is None and self.clear_current_cell():
                event.accept()  # a table edited in place: Del empties the cell, as in a spreadsheet
                return
        if event.key() == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._move_current(1)  # Ctrl+Tab: the next cell, where editing needs it
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backtab and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._move_current(-1)
            event.accept()
            return
        super().keyPressEvent(event)

    def clear_current_cell(self) -> bool:
        """Empty the cell in view where the table is edited in place (its model takes "" as clearing it)."""
        index, model = self.currentIndex(), self.model()
        if model is None or not index.isValid() or not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        return bool(model.setData(index, ""))

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt's name
        refused = bool(editor.property(REFUSED))
        super().closeEditor(editor, hint)
        if refused and editor.isHidden():
            editor.setProperty(REFUSED, False)
            self.refusal_taken_back.emit()

    def _double_clicked(self, index: QModelIndex) -> None:
        """A double-click on a row opens it, as Edit… does (a cell edited in place is edited instead)."""
        model = self.model()
        editable = model is not None and bool(model.flags(index) & Qt.ItemFlag.ItemIsEditable)
        if self.on_edit is not None and index.isValid() and not editable and not self._is_totals_line(index.row()):
            self.on_edit()

    def _move_current(self, step: int) -> None:
        model, current = self.model(), self.currentIndex()
        if model is None or not current.isValid():
            return
        columns = model.columnCount()
        flat = current.row() * columns + current.column() + step
        if 0 <= flat < model.rowCount() * columns:
            self.setCurrentIndex(model.index(flat // columns, flat % columns))

    # -- menus ----------------------------------------------------------------------------------------
    def context_menu(self, column: int = -1) -> QMenu:
        """The right-click menu (built fresh each time; tests read its actions)."""
        menu = QMenu(self)
        has_rows = bool(self._selected_rows()) or self.none_shown_words() is not None
        copy = menu.addAction("&Copy", lambda: self.copy_selection(with_header=False))
        copy_headings = menu.addAction("Copy with &Headings", lambda: self.copy_selection(with_header=True))
        copy_headings.setShortcut(QKeySequence.StandardKey.Copy)  # what Ctrl+C (and Edit > Copy) copies
        for action in (copy, copy_headings):
            action.setEnabled(has_rows)
        if self.on_export is not None:
            menu.addAction("&Export…", self.on_export)
        if self.on_edit is not None or self.on_delete is not None:
            menu.addSeparator()
        if self.on_edit is not None:
            menu.addAction("E&dit…", self.on_edit).setEnabled(self._rows_chosen())
        if self.on_delete is not None:
            delete = menu.addAction("De&lete", self.on_delete)
            delete.setShortcut(QKeySequence.StandardKey.Delete)
            delete.setEnabled(self._rows_chosen())
        if isinstance(self.model(), SortProxy) and column >= 0:
            menu.addSeparator()
            self._add_filter_entry(menu, column)
        self.last_menu = menu
        return menu

    def _add_filter_entry(self, menu: QMenu, column: int) -> None:
        proxy: SortProxy = self.model()  # type: ignore[assignment]
        header = proxy.sourceModel().headerData(column, _HORIZONTAL)
        edit = QLineEdit(menu)
        edit.setPlaceholderText(f"Show rows whose {header} contains…")
        edit.setAccessibleName(f"Filter {header}")
        edit.setText(proxy.column_filter(column))
        edit.setClearButtonEnabled(True)
        edit.returnPressed.connect(menu.close)
        edit.textChanged.connect(lambda text, c=column: proxy.set_column_filter(c, text))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(edit)
        menu.addAction(holder)
        clear = QAction("Show &All Rows", menu)
        clear.triggered.connect(proxy.clear_column_filters)
        menu.addAction(clear)

    def event(self, event) -> bool:
        # Esc, another cell chosen, any other key (before a table's own keys: the inputs' Del): a refused paste or
        # delete is no longer said. Not Ctrl+V: pasted again, the same cells are kept where a question asked so.
        if event.type() == QEvent.Type.KeyPress and event.key() not in MODIFIER_KEYS \
                and not event.matches(QKeySequence.StandardKey.Paste):
            self._moved_on()
        if event.type() == QEvent.Type.ContextMenu and (
                self.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
                and menu_key_on_current_cell(self, event)):
            return True
        return super().event(event)

    def _show_menu(self, pos: QPoint) -> None:
        column = self.columnAt(pos.x())
        self._with_sorting(self.context_menu(column), column).popup(self.viewport().mapToGlobal(pos))

    def _show_header_menu(self, pos: QPoint) -> None:
        column = self.horizontalHeader().logicalIndexAt(pos)
        self._with_sorting(self.context_menu(column), column).popup(self.horizontalHeader().mapToGlobal(pos))

    def _with_sorting(self, menu: QMenu, column: int) -> QMenu:
        """The menu shown ends with sorting by its column: the headings a click sorts by are out of the keyboard's
        reach, and the Menu key opens this menu on the current cell."""
        if self.isSortingEnabled() and column >= 0:
            menu.addSeparator()
            heading = self._heading(column)
            for order, text in ((Qt.SortOrder.AscendingOrder, f"&Sort by {heading}, ascending"),
                                (Qt.SortOrder.DescendingOrder, f"Sort by {heading}, desce&nding")):
                menu.addAction(text, lambda o=order: self.sortByColumn(column, o))
        return menu

    def filter_column(self, column: int, text: str) -> None:
        """What the filter entry of the menu does, for code and tests."""
        model = self.model()
        if isinstance(model, SortProxy):
            model.set_column_filter(column, text)

    # -- sizes ----------------------------------------------------------------------------------------
    def setModel(self, model) -> None:
        old = self.model()
        if old is not None:
            for signal in (old.modelReset, old.rowsInserted, old.dataChanged, old.layoutChanged):
                signal.disconnect(self._follow.start)
            for signal in (old.modelReset, old.rowsInserted, old.rowsRemoved, old.layoutChanged):
                signal.disconnect(self._say_none_shown)
            for signal in (old.modelReset, old.columnsInserted, old.columnsRemoved):
                signal.disconnect(self._figures_by_column)
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.dataChanged, model.layoutChanged):
                signal.connect(self._follow.start)
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
                signal.connect(self._say_none_shown)
            for signal in (model.modelReset, model.columnsInserted, model.columnsRemoved):  # columns replaced
                signal.connect(self._figures_by_column)
        self._figures_by_column()
        if self.kept_in_sight is not None:
            self.kept_in_sight.take_model(model)
        self._say_none_shown()

    def setItemDelegate(self, delegate) -> None:  # noqa: N802 - Qt's name
        """A page's own delegate (``ScaleCells``, ``FactorCells``, a budget's cells) draws and edits every cell, as
        it did: the kit's delegates by column are let go."""
        self._whole_figures = None
        self._figures_by_column()
        super().setItemDelegate(delegate)

    def _figures_by_column(self, *_) -> None:
        """The kit's delegates: ``WholeNumbers`` for a kit model's right-aligned columns (amounts, counts), Qt's own
        paint (``KeepsTyping``) for the others; every cell through ``WholeNumbers`` for a model of another kind."""
        for column in self._figure_columns:
            self.setItemDelegateForColumn(column, None)
        self._figure_columns = ()
        whole = self._whole_figures
        if whole is None:  # a delegate of the page's own
            return
        model = self.model()
        source = model._kit_source if isinstance(model, SortProxy) else model
        if not isinstance(source, RowTableModel):
            super().setItemDelegate(whole)
            return
        super().setItemDelegate(self._plain_cells)
        self._figure_columns = tuple(i for i, column in enumerate(source.columns)
                                     if int(column.align) & int(Qt.AlignmentFlag.AlignRight))
        for column in self._figure_columns:
            self.setItemDelegateForColumn(column, whole)

    def _say_none_shown(self, *_) -> None:
        """A screen reader is told what the empty grid shows ("None shown (of 4 catalogue items)"), as it is read."""
        words = self.none_shown_words() or ""
        if self.accessibleDescription() != words:
            self.setAccessibleDescription(words)

    # -- names kept in sight --------------------------------------------------------------------------
    def keep_in_sight(self, column: int) -> None:
        """Keep ``column`` (a row's name) and those left of it in sight while the table is scrolled sideways: they are
        drawn over the left edge (``KeptInSight``). Scrolled to its last columns at 1093x582, a wide table's names
        (the register's titles, the cases' references, the indicators) went off the left edge, and a figure was no
        longer told from the one above it. The table scrolls by the pixel, so no column hides whole under them."""
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        waiting, self._kept_column = self._kept_column is not None, column
        if self.kept_in_sight is not None or self.horizontalScrollBar().value() > 0:
            self._scrolled_sideways(1)
        elif not waiting:  # made when first scrolled sideways: nothing to draw over the edge before (the first
            self.horizontalScrollBar().valueChanged.connect(self._scrolled_sideways)  # screen is not kept for it)

    def _scrolled_sideways(self, value: int) -> None:
        if value <= 0 or self._kept_column is None:
            return
        if self.kept_in_sight is None:
            self.kept_in_sight = KeptInSight(self)
        self.kept_in_sight.column = self._kept_column
        self.kept_in_sight.take_model(self.model())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.kept_in_sight is not None:
            self.kept_in_sight.follow()

    def selectRow(self, row: int) -> None:  # noqa: N802 (Qt's name)
        """A row chosen whole keeps the table where it is scrolled sideways: Qt makes the cell at the viewport's left
        edge current, one under the names kept in sight, and scrolling it out from under them threw the table back to
        its first columns. Up and down it is scrolled to as before."""
        bar = self.horizontalScrollBar()
        sideways = bar.value()
        super().selectRow(row)
        bar.setValue(sideways)

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """A cell chosen comes out from under the names kept in sight (Left from a later column); a name chosen (a click
        on the names drawn over the edge, a row chosen by the page) is in sight already: the table stays scrolled."""
        kept, bar = self.kept_in_sight, self.horizontalScrollBar()
        if kept is not None and index.isValid() and kept.keeps(index.column()) and kept.isVisible():
            sideways = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(sideways)
            return
        super().scrollTo(index, hint)
        if kept is None or not index.isValid() or kept.keeps(index.column()):
            return
        under = kept.kept_width() - self.visualRect(index).left()
        if under > 0 and bar.value() > 0:
            bar.setValue(max(0, bar.value() - under))

    def _follow_rows(self) -> None:
        """After the rows changed: a table sized while empty is sized to its rows once they come (a new file's
        first case read "BCSP-DHR-…"), and a column of figures (money, counts, dates) whose figures no longer fit is
        widened (sized when every figure was £0, a £3,000 payment read "£3,0…" in the bold Total), as is the column of
        the totals line's words once a filter makes them longer ("Total of the 5 shown (of 11 p…", the count hidden
        cut off). Columns never narrow here, so nothing jumps as a filter is typed; a column the person resized keeps
        their width."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        if self._sized_empty is not None:
            self.size_columns_to_visible(self._sized_empty)
            return
        source = model.sourceModel() if isinstance(model, SortProxy) else model
        if not isinstance(source, RowTableModel):
            return
        first = max(0, self.rowAt(0))
        last = min(model.rowCount(), first + 60)
        label = source.total_label_column
        figures = [c for c, column in enumerate(source.columns)
                   if (column.unit != Unit.TEXT or c == label) and self._heading(c) not in self.widths_by_hand
                   and not self.isColumnHidden(c)]
        self._sizing = True
        try:
            # as wide as the first sizing would make it for these rows (one rule for the heading, the same widest):
            # a column capped at 160 went to 187 for its heading when the same results came again
            for c, heading in zip(figures, self._heading_rooms(figures)):
                needed = self._width_needed(model, c, first, last, heading)
                if self._widest is not None:
                    needed = min(needed, self._widest)
                if needed > self.columnWidth(c):
                    self.setColumnWidth(c, needed)
        finally:
            self._sizing = False

    def _width_needed(self, model, column: int, first: int, last: int, heading: int | None = None) -> int:
        """The width the heading and the rows ``first`` to ``last`` of a column need to be read whole (``heading``:
        its ``_heading_rooms``, when asked already for many columns at once)."""
        if heading is None:
            heading = self._heading_rooms([column])[0]
        return max(heading, self._figures_width(model, column, first, last))

    def _heading_rooms(self, columns: list[int]) -> list[int]:
        """The width each of ``columns`` keeps for its heading, the one rule of the first sizing and of the widening
        after the rows change: the heading as drawn (bold over a chosen cell, beside the sort arrow), never more than
        the heading + 28 px kept before. Worked out in two places, they disagreed: Met kept 28 px beside its heading
        and, widened to 50 after a project was added, went out of view on a laptop at 150%; a long heading drawn bold
        ("Difference (second − first)") widened Compare scenarios' columns until a scroll bar hid its Totals."""
        model = self.model()  # the heading shown, with a column's filter ("Status ▾ “live”")
        metrics, texts = self.fontMetrics(), [str(model.headerData(c, _HORIZONTAL) or "") for c in columns]
        drawn = heading_widths(self.horizontalHeader(), texts) if texts else []  # the style asked once
        return [min(width, metrics.horizontalAdvance(text) + 28) for text, width in zip(texts, drawn)]

    def _figures_width(self, model, column: int, first: int, last: int) -> int:
        """The width the rows ``first`` to ``last`` of a column need to be read whole."""
        metrics, width = self.fontMetrics(), 0
        for r in range(first, last):
            index = model.index(r, column)
            font = index.data(Qt.ItemDataRole.FontRole)  # a bold total is wider than the plain lines
            cell = metrics if font is None else QFontMetrics(font)
            width = max(width, cell.horizontalAdvance(str(index.data() or "")) + 16)
        return width

    def _heading(self, column: int) -> str:
        model = self.model()
        source = model.sourceModel() if isinstance(model, SortProxy) else model
        return str(source.headerData(column, _HORIZONTAL) or "") if source is not None else ""

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        """A column resized with the mouse held (a drag of the heading's edge, or a double-click on it) is kept at
        that width; the stretched last column shown follows the view, not the person, and a hidden one is no one's."""
        header = self.horizontalHeader()
        # The mouse button held went down on the headings (a drag of an edge, a double-click on it): a press elsewhere
        # (a plan chosen in a list beside, whose columns then change) resized nothing by hand.
        held = getattr(header, "held", False) and QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton
        if self._sizing or not held:
            return
        if header.isSectionHidden(column) or header.stretchLastSection() and column == self._last_shown():
            return
        self.widths_by_hand[self._heading(column)] = new

    def _last_shown(self) -> int:
        """The column shown last (the one a stretched last section widens): hidden columns may come anywhere (the
        register hides *Merged from* before *Check* in an office's own file), not only last."""
        header = self.horizontalHeader()
        for visual in range(header.count() - 1, -1, -1):
            if not header.isSectionHidden(header.logicalIndex(visual)):
                return header.logicalIndex(visual)
        return -1

    def fit_column(self, column: int, width: int) -> None:
        """Set a column's width as the program fits it (never taken for one the person gave, though a mouse button
        is held while a window's edge or a splitter is dragged); a column the person resized keeps theirs."""
        if self._heading(column) in self.widths_by_hand:
            return
        self._sizing = True
        try:
            self.setColumnWidth(column, width)
        finally:
            self._sizing = False

    def size_columns_to_visible(self, max_width: int = 360) -> None:
        """Size columns on the visible rows only: resizeColumnsToContents on 100k rows takes a second. A column the
        person resized keeps the width they gave it (the tables are sized again after every change: a column
        widened to read a long name went back to the sizing's width each time)."""
        model = self.model()
        if model is None:
            return
        self._sized_empty = max_width if model.rowCount() == 0 else None  # sized again when rows come
        self._widest = max_width  # the widening after the rows change keeps to it too
        self._sizing = True
        try:
            self._size_columns(model, max_width)
        finally:
            self._sizing = False

    def width_needed(self, column: int, max_width: int) -> int:
        """The width ``column`` needs for its heading and visible rows to be read whole, at most ``max_width``: what a
        column that gives up width on a narrow window takes back where there is room."""
        model = self.model()
        if model is None:
            return 0
        first = max(0, self.rowAt(0))
        return min(self._width_needed(model, column, first, min(model.rowCount(), first + 60)), max_width)

    def _size_columns(self, model, max_width: int) -> None:
        first = max(0, self.rowAt(0))
        last = min(model.rowCount(), first + 60)
        columns = list(range(model.columnCount()))
        for c, heading in zip(columns, self._heading_rooms(columns)):
            if self._heading(c) in self.widths_by_hand:
                self.setColumnWidth(c, self.widths_by_hand[self._heading(c)])
                continue
            self.setColumnWidth(c, min(self._width_needed(model, c, first, last, heading), max_width))


CELL_PAD = 16  # a cell's margins, as the tables size their columns
HEADING_PAD = 12  # a heading's margins


def heading_width(header: QHeaderView, text: str) -> int:
    """The least width at which ``text`` reads whole in a column's heading as Qt draws it: bold over the column a cell
    is chosen in, beside the sort arrow once the column is clicked, in the style's own margins (12 px in Fusion, not
    the 24 to 28 the tables used to keep)."""
    return heading_widths(header, [text])[0]


def heading_widths(header: QHeaderView, texts: list[str]) -> list[int]:
    """``heading_width`` of each of ``texts``, the style asked once: the header's size hint it reads goes through
    every column's heading, and sizing a table's columns one by one asked it again for each (15 columns of the
    register: about 100 M instructions before the first screen)."""
    bold = QFont(header.font())
    bold.setBold(True)
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.state |= QStyle.StateFlag.State_Horizontal
    probe = 400
    option.rect = QRect(0, 0, probe, max(header.height(), header.sizeHint().height()))
    option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
    metrics, style, widths = QFontMetrics(bold), header.style(), []
    for text in texts:
        option.text = text
        label = style.subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        widths.append(metrics.horizontalAdvance(text) + probe - label.width())
    return widths


def two_line_width(metrics, heading: str) -> int:
    """The least width at which ``heading`` is read on two lines (its width on one, for a single word): how
    narrow a column of short figures under a long heading may be once its heading wraps."""
    words = heading.split()
    if len(words) < 2:
        return metrics.horizontalAdvance(heading)
    return min(max(metrics.horizontalAdvance(" ".join(words[:i])), metrics.horizontalAdvance(" ".join(words[i:])))
               for i in range(1, len(words)))


class KeptInSight(QTableView):
    """A kit table's name column, and those left of it, drawn over the table's left edge while it is scrolled sideways
    (Qt's frozen-column example; ``DataTableView.keep_in_sight``). It shares the table's rows, selection and
    vertical scroll: a click chooses the row in the table, a double-click opens it there, a right-click gives the
    table's menu, a click on a heading sorts the table; the keyboard stays in the table."""

    def __init__(self, table: DataTableView):
        super().__init__(table)
        self.table = table
        self.column = 0
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(table.verticalScrollMode())
        self.setSelectionBehavior(table.selectionBehavior())
        self.setSelectionMode(table.selectionMode())
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setStyleSheet("QTableView { border-right: 1px solid palette(mid); }")
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionsClickable(True)
        self.horizontalHeader().sectionClicked.connect(self._sort)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.doubleClicked.connect(self._double_clicked)
        self.setAccessibleName(f"{table.accessibleName() or 'Table'}: names kept in sight")
        self.hide()
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.horizontalScrollBar().valueChanged.connect(lambda _v: self.follow())
        table.horizontalScrollBar().rangeChanged.connect(lambda *_: self.follow())
        header = table.horizontalHeader()
        header.sectionResized.connect(lambda *_: self.follow())
        header.sectionMoved.connect(lambda *_: self.follow())
        header.sortIndicatorChanged.connect(lambda c, order: self.horizontalHeader().setSortIndicator(c, order))
        table.verticalHeader().sectionResized.connect(lambda row, _old, new: self.setRowHeight(row, new))

    def take_model(self, model) -> None:
        if model is not None and self.model() is not model:
            self.setModel(model)
            for signal in (model.modelReset, model.layoutChanged, model.columnsInserted, model.rowsInserted):
                signal.connect(self.follow)
        if model is not None:
            self.setSelectionModel(self.table.selectionModel())
        self.setSelectionBehavior(self.table.selectionBehavior())
        self.setSelectionMode(self.table.selectionMode())
        self.follow()

    def keeps(self, column: int) -> bool:
        """Whether ``column`` is drawn here (the name column, or one shown left of it)."""
        header = self.table.horizontalHeader()
        return not self.table.isColumnHidden(column) and header.visualIndex(column) <= header.visualIndex(self.column)

    def kept_width(self) -> int:
        model = self.table.model()
        return sum(self.table.columnWidth(c) for c in range(model.columnCount()) if self.keeps(c)) if model else 0

    def follow(self, *_args) -> None:
        """Shown, as wide as the columns kept and as tall as the table, only while the table is scrolled sideways."""
        table, model = self.table, self.table.model()
        if model is None or self.model() is not model or self.column >= model.columnCount():
            self.hide()
            return
        for c in range(model.columnCount()):
            kept = self.keeps(c)
            self.setColumnHidden(c, not kept)
            if kept:
                self.setColumnWidth(c, table.columnWidth(c))
        ours = self.horizontalHeader()
        for visual in range(model.columnCount()):  # the columns in the table's order (a heading dragged elsewhere)
            logical = table.horizontalHeader().logicalIndex(visual)
            if ours.visualIndex(logical) != visual:
                ours.moveSection(ours.visualIndex(logical), visual)
        ours.setFixedHeight(table.horizontalHeader().height())
        theirs = table.horizontalHeader()  # the sort the table shows, and none where it keeps its own order
        ours.setSortIndicatorShown(table.isSortingEnabled() and theirs.isSortIndicatorShown())
        ours.setSortIndicator(theirs.sortIndicatorSection(), theirs.sortIndicatorOrder())
        width, room = self.kept_width(), table.viewport().geometry()
        self.setGeometry(room.x(), room.y() - ours.height(), width + 1, room.height() + ours.height())
        self.verticalScrollBar().setValue(table.verticalScrollBar().value())
        self.setVisible(table.horizontalScrollBar().value() > 0 and 0 < width < room.width() // 2)

    def _sort(self, column: int) -> None:
        if not self.table.isSortingEnabled():  # a table in its own order (a plan's lines) is never sorted
            return
        header = self.table.horizontalHeader()
        down = header.sortIndicatorSection() == column and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, Qt.SortOrder.DescendingOrder if down else Qt.SortOrder.AscendingOrder)

    def _menu(self, pos: QPoint) -> None:
        """The table's menu for the name clicked (not for the figure scrolled under it)."""
        column = self.columnAt(pos.x())
        table = self.table
        table._with_sorting(table.context_menu(column), column).popup(self.viewport().mapToGlobal(pos))

    def _double_clicked(self, index: QModelIndex) -> None:
        """As in the table: a name typed over in place (a plan's line renamed, in view), else the row opened."""
        table = self.table
        editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        if editable and table.editTriggers() & QAbstractItemView.EditTrigger.DoubleClicked:
            table.horizontalScrollBar().setValue(0)  # the name's editor opens in the table, where it can be seen
            table.setCurrentIndex(index)
            table.edit(index)
        else:
            table.doubleClicked.emit(index)

    def wheelEvent(self, event) -> None:
        self.table.wheelEvent(event)
