"""View > History of Changes: one line per user action, in words (``presenters.history``).

A thin view: the presenter reads and words the audit trail; this window shows the lines on the kit's
table, filters them (area, words, dates), shows the selected action's changes one per line below,
and exports what is shown. Left open, it reads the file again after each change, undo or redo (its filters, sort
and the line chosen kept); closed, it reads nothing until it is shown again.
"""

from __future__ import annotations

from dataclasses import replace

import shiboken6
from PySide6.QtCore import QCoreApplication, QMimeData, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton,
                               QSplitter, QVBoxLayout)

from safer_desk.domain.periods import format_uk_date
from safer_desk.domain.text import counted
from safer_desk.presenters.history import AREAS, HistoryLine, HistoryPresenter
from safer_desk.services.files import reading_connection
from safer_desk.services.progress import Cancelled
from safer_desk.ui import prompts, settings
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.dates import DateField
from safer_desk.ui.kit.dialogs import enter_presses_focused_button, share_undo
from safer_desk.ui.kit.exports import export_to_chosen_file, shown_rows
from safer_desk.ui.kit.search import SearchBox
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy
from safer_desk.ui.session import Session
from safer_desk.ui.workers import run_task, running_tasks
from safer_desk.ui.kit import fitting_size, kept_out_of_clipboard_history

ALL_AREAS = "All areas"
# The window's size and place, and the divider between the table and the detail, as the person left them (window
# state only, as the main window's): put back in every new window.
GEOMETRY_KEY = "history/geometry"
SPLITTER_KEY = "history/splitter"
# A trail this long (entries) is read on a worker thread; a shorter one reads in a blink. Every action of it (Show
# older actions) is read on a worker from a tenth of that: each action is a line to put into words (~45 µs).
BACKGROUND_FROM = 20_000

COLUMNS = [
    Column("when", "When", get=lambda line: line.at.timestamp(), text_of=lambda line: line.when,
           copy_of=lambda line: line.when),
    Column("who", "Who"),
    Column("area", "Area"),
    Column("action", "Action", tooltip=lambda line: line.action),
    Column("summary", "What changed", tooltip=lambda line: line.summary),
]


class HistoryTable(DataTableView):
    """The history's table: its Copy (Ctrl+C, Edit > Copy, the right-click menu) is the dialog's ``copied_text``."""

    def __init__(self, dialog: "HistoryDialog"):
        super().__init__(dialog, accessible_name="History of changes", on_export=dialog.export)
        self.dialog = dialog

    def copy_text(self, *, with_header: bool = True) -> str:
        return self.dialog.copied_text(with_header=with_header)


class HistoryDetail(QPlainTextEdit):
    """The chosen action's changes, in full for the officer to read. Ctrl+C and the right-click menu's Copy copy what
    the dialog's ``detail_copied`` gives, asked about as the table's Copy is; the text Qt takes by itself (on Linux the
    middle-click selection, filled at every mouse selection; a drag out of the pane) asks nothing and leaves the
    victim-level detail out (``detail_copied(ask=False)``): a question at each selection made to read was no question."""

    def __init__(self, dialog: "HistoryDialog"):
        super().__init__(dialog)
        self.dialog = dialog

    def _selected(self) -> str:
        return self.textCursor().selection().toPlainText()

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt's name)
        data = QMimeData()
        data.setText(self.dialog.detail_copied(self._selected(), ask=False))
        return data

    def copy_asked(self) -> None:
        """Ctrl+C and the menu's Copy: the selection as ``detail_copied`` gives it, asked about first."""
        if self._selected():
            from PySide6.QtGui import QGuiApplication

            # plain text, as the pane's own copy gives it (not the tables' copy for Excel: lines, not a table's rows)
            data = QMimeData()
            data.setText(self.dialog.detail_copied(self._selected()))
            if self.dialog.detail_included:  # victim-level detail, as answered: kept out of the clipboard's history
                kept_out_of_clipboard_history(data)
            QGuiApplication.clipboard().setMimeData(data)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.matches(QKeySequence.StandardKey.Copy):
            event.accept()
            self.copy_asked()
            return
        super().keyPressEvent(event)

    def copy_menu(self):
        """The pane's right-click menu, its Copy the asked one."""
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-copy":
                action.triggered.disconnect()
                action.triggered.connect(self.copy_asked)
        return menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        menu = self.copy_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()


class HistoryDialog(QDialog):
    def __init__(self, session: Session, parent=None, *, tz=None):
        super().__init__(parent)
        self.session = session
        self.presenter = HistoryPresenter(session.store, tz=tz)
        self.detail_included = False  # the detail pane's last copy included victim-level detail, as answered
        self.setWindowTitle("History of changes")
        self.resize(*fitting_size(parent, 1000, 600))
        settings.remember_geometry(self, GEOMETRY_KEY)

        self.area_combo = ChoiceBox(self)
        self.area_combo.setAccessibleName("Area")
        self.area_combo.addItem(ALL_AREAS, "")
        for area in AREAS:
            self.area_combo.addItem(area, area)
        self.search = SearchBox(self)
        self.search.setPlaceholderText("A name, a project, a partner, an amount…")
        self.search.setAccessibleName("Search the history")
        self.search.setClearButtonEnabled(True)
        self.since = DateField(self, accessible_name="From", placeholder="from dd/mm/yyyy")
        self.until = DateField(self, accessible_name="To", placeholder="to dd/mm/yyyy")

        self.model = RowTableModel(COLUMNS, parent=self, noun="action")
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = HistoryTable(self)
        self.search.table = self.view  # Down from the search: into the changes
        self.view.setModel(self.proxy)
        self.view.verticalHeader().hide()
        self.detail = HistoryDetail(self)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName("Changes made by the selected action")
        self.detail.setTabChangesFocus(True)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Actions shown")
        # A trail changed outside Safer Desk, said above its lines (not by colour alone: its words say it).
        self.trail_warning = QLabel(self)
        self.trail_warning.setAccessibleName("Warning about the history")
        self.trail_warning.setWordWrap(True)
        self.trail_warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trail_warning.setStyleSheet("QLabel { border: 1px solid #b00020; padding: 4px; }")
        self.trail_warning.hide()

        filters = QHBoxLayout()
        for text, widget in (("&Area:", self.area_combo), ("&Search:", self.search), ("&From:", self.since.edit),
                             ("&To:", self.until.edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(self.since if widget is self.since.edit else self.until if widget is self.until.edit
                              else widget, 2 if widget is self.search else 0)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 110])  # the table first; the detail holds a few lines and scrolls
        settings.remember_splitter(splitter, SPLITTER_KEY)
        self.splitter = splitter
        self.older_button = QPushButton("Show &older actions", self)
        self.older_button.setToolTip("Read every action of the file's history, not only the most recent: the search "
                                     "and the dates then reach them all")
        self.older_button.clicked.connect(self.show_older)
        self.older_button.hide()
        self.export_button = QPushButton("&Export…", self)
        self.export_button.setToolTip("Save the actions shown as an Excel workbook, CSV or tab-separated text")
        self.export_button.clicked.connect(self.export)
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        # No button is the default one (the first, the hidden "Show older actions", was drawn and announced as it):
        # Enter presses only the button in focus (keyPressEvent).
        for button in (self.older_button, self.export_button, close):
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.older_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.trail_warning)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.area_combo.currentIndexChanged.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)
        for field in (self.since, self.until):
            field.textEdited.connect(self.apply_filters)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        # A change, an undo or a redo made while the window is open is read once the event that made it is over.
        self._stale = False
        self._reading = 0  # the reads started: only the last one's lines are shown
        self._task = None  # the read running on a worker thread, stopped when overtaken or the window closes
        self.loading = False
        self._reread = QTimer(self, singleShot=True, interval=0)
        self._reread.timeout.connect(self._refresh_if_shown)
        session.undo_stack.indexChanged.connect(self._file_changed)
        session.data_changed.connect(self._file_changed)
        # The keys of the main window, here too (a window of its own, its keys reached only it): Ctrl+F to the search
        # box, its words chosen to type over, as Edit > Find does on a tab; Ctrl+Z and Ctrl+Y undo and redo, the
        # lines then saying so.
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        share_undo(self)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first; a sort chosen since is kept
        self.view.setFocus()  # opens in the lines, the newest chosen: the arrows go through them
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def keyPressEvent(self, event) -> None:
        """Enter presses only the button in focus (its own): in the filters or the table it pressed Export… and
        opened a save window."""
        if not enter_presses_focused_button(self, event):
            super().keyPressEvent(event)

    # -- data ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the file's history again, keeping the filters, the sort and the line chosen; the first line chosen
        (the newest, as when opened) is followed by the line then first. A long trail is read on a worker thread
        (an action of 100,000 changes takes seconds to put into words): the window stays free, and says so."""
        chosen = self._chosen()
        self._stale = False
        self._stop_reading()
        store = self.presenter.store = self.session.store
        every = self.presenter.limit is None
        if store is None or self.presenter.entry_count() < (BACKGROUND_FROM // 10 if every else BACKGROUND_FROM):
            self._show_lines(self.presenter.load(), chosen)
            return
        reading, presenter = self._reading, self.presenter
        self._set_loading(True)

        def work(progress, cancelled):
            if cancelled():  # overtaken, or the window closed, before a thread was free
                raise Cancelled
            with reading_connection(store) as own:  # looking never writes
                lines = presenter.read(own)
                if cancelled():
                    raise Cancelled
                warning = presenter.trail_warning(own)  # every entry's hash worked out again: seconds for millions
            if cancelled():
                raise Cancelled
            for line in lines:  # the search's words worked out here, not on the GUI thread
                line.search_text  # noqa: B018
            return lines, warning

        def done(read) -> None:
            if shiboken6.isValid(self) and reading == self._reading:  # a later read (the file changed again) wins
                self._set_loading(False)
                self._show_lines(presenter.use(*read), self._chosen())  # a line clicked meanwhile stays chosen

        def failed(exc: BaseException, details: str) -> None:
            if shiboken6.isValid(self) and reading == self._reading:
                self._set_loading(False)
                self.count_label.setText("The history of changes could not be read.")
                prompts.show_error(self, "History of changes", f"The history could not be read: {exc}")

        # The task belongs to the application: it outlives this window (deleted with the main window, or by a test)
        # while its thread runs on, and its end is then dropped.
        self._task = run_task(work, on_success=done, on_failure=failed, parent=QCoreApplication.instance())

    def _chosen(self) -> HistoryLine | None:
        """The line to choose again after a read: the one chosen, or None when it is the first (the newest then is)."""
        chosen = self.selected_line()
        return None if chosen is not None and self.view.currentIndex().row() == 0 else chosen

    def _stop_reading(self) -> None:
        """Any read still running is overtaken: stopped, and its lines (or its failure) dropped when it ends."""
        self._reading += 1
        if any(task is self._task for task in running_tasks()):  # one finished may be deleted already
            self._task.cancel()
        self._task = None
        self._set_loading(False)

    def show_older(self) -> None:
        """Show older actions: every action of the trail read from now on (filters, sort and line chosen kept)."""
        self.presenter.show_all()
        self.older_button.hide()
        self.refresh()

    def _set_loading(self, loading: bool) -> None:
        self.loading = loading
        self._enable_export()  # the lines in the table are not (or not yet) the file's
        if loading:
            self.count_label.setText("Reading the history of changes…")

    def _show_lines(self, lines: list[HistoryLine], chosen: HistoryLine | None) -> None:
        self.model.set_rows(lines)
        self.older_button.setVisible(self.presenter.maybe_more)
        self.trail_warning.setText(self.presenter.warning)
        self.trail_warning.setVisible(bool(self.presenter.warning))
        self.view.size_columns_to_visible(max_width=260)
        # "What changed" takes the width left, so the table never scrolls sideways (its tooltip holds it all)
        self.view.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.apply_filters()
        self._select_line(chosen)

    def _select_line(self, chosen: HistoryLine | None) -> None:
        row = 0
        if chosen is not None:
            same = _identity(chosen)
            row = next((r for r in range(self.proxy.rowCount()) if same == _identity(
                self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()))), 0)
        if self.proxy.rowCount():
            self.view.selectRow(row)
        self._show_detail()

    def _file_changed(self, *_: object) -> None:
        self._stale = True
        if self.isVisible():
            self._reread.start()

    def _refresh_if_shown(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._reread.start()

    def hideEvent(self, event) -> None:
        """Closed (Close, Esc, another file opened): a read still running is stopped and its lines go nowhere; shown
        again, the window reads the file afresh."""
        super().hideEvent(event)
        if self.loading and not event.spontaneous():
            self._stop_reading()
            self._stale = True

    def apply_filters(self) -> None:
        self.proxy.set_predicate(self.presenter.filter_predicate(
            self.area_combo.currentData() or "", self.search.text(), self.since.date(), self.until.date()))
        if not self.loading:  # "Reading the history of changes…" stays until the lines are there
            note = self.presenter.dates_note(self.since.text(), self.until.text())  # a date it cannot filter by
            self.count_label.setText(self.presenter.count_text(self.proxy.rowCount()) + (f". {note}" if note else ""))
        self._enable_export()
        self._show_detail()

    def _enable_export(self) -> None:
        """Export… while lines are listed and read: a new file's history, or a search that found nothing, offered a
        workbook of nothing."""
        self.export_button.setEnabled(not self.loading and self.proxy.rowCount() > 0)

    def selected_line(self) -> HistoryLine | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def copied_text(self, *, with_header: bool = True) -> str:
        """The lines selected, for the clipboard: what leaves the file by a paste minimises as an export does (DESIGN
        §5), so a line that changed a referral or a review's notes is copied with that detail left out (its action
        saying so), unless the question asked first is answered Include it."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        lines = [self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]
        if not lines:
            return ""
        private = self.presenter.victim_level_count(lines)
        victim_level = bool(private) and self._copy_includes(
            f"{counted(private, 'of the actions', 'of the actions')} copied changed")
        self.view.copy_private = victim_level  # included: kept out of the clipboard's history
        shown = [c for c in range(len(COLUMNS)) if not self.view.isColumnHidden(c)]
        table = ([[COLUMNS[c].header for c in shown]] if with_header else []) + self.presenter.copied_rows(
            lines, victim_level=victim_level, columns=[COLUMNS[c].key for c in shown])
        from safer_desk.exchange.files import to_tsv

        return to_tsv(table)

    def _copy_includes(self, which: str) -> bool:
        """Whether a copy includes the victim-level detail ``which`` actions hold: asked, Leave it out unless answered
        Include it (Enter and closing the question leave it out)."""
        return prompts.ask(
            self, "Copy the history of changes",
            f"{which} target-hardening referrals or the reviews' notes. The copy leaves out their victim-level detail "
            "(referral references, districts and spend per referral, the notes' words) and says so in each of "
            "them.\n\nInclude that detail only when it is pasted where the referrals themselves may be kept.",
            yes="Include it", no="Leave it out", cautious=True)

    def detail_copied(self, selected: str, *, ask: bool = True) -> str:
        """The detail pane's copy of ``selected``: an action holding victim-level detail is asked about first (unless
        not ``ask``: then it is left out), and copied without that detail (the whole action, saying so) unless the
        answer is Include it."""
        line = self.selected_line()
        self.detail_included = False
        if not selected or line is None or not line.victim_level:
            return selected
        self.detail_included = ask and self._copy_includes("The action copied changed")
        return self.presenter.detail_copied(line, selected, victim_level=self.detail_included)

    def _show_detail(self) -> None:
        self.detail.setPlainText(self.presenter.detail_text(self.selected_line(), self.proxy.rowCount()))

    def export(self) -> None:
        """The actions shown; a filter that hides some is said in the confirmation and the workbook's title."""
        if self.loading:  # the table's Export… while the lines are read: what it holds is not yet the file's
            prompts.show_info(self, "Export", "The history of changes is still being read: export it once its lines "
                              "are shown (nothing was saved).")
            return
        shown = self.proxy.source_rows()
        if not shown:  # the table's Export… with no line listed
            prompts.show_info(self, "Export", "There is nothing to export: no action is listed (nothing was saved).")
            return
        chosen = [self.area_combo.currentText() if self.area_combo.currentData() else ""]
        chosen += [f"{word} {format_uk_date(day)}" for word, day in (("from", self.since.date()),
                                                                     ("to", self.until.date())) if day]
        said = shown_rows(self.proxy, "action", search=self.search.text(), chosen=chosen)
        private = self.presenter.victim_level_count(shown)
        # A file leaving the program minimises by default, as the export for the county does (DESIGN §5): Enter, Esc
        # or closing the question leaves the victim-level detail out.
        victim_level = bool(private) and prompts.ask(
            self, "Export the history of changes",
            f"{counted(private, 'of the actions', 'of the actions')} shown changed target-hardening referrals or the "
            "reviews' notes. The export leaves out their victim-level detail (referral references, districts and "
            "spend per referral, the notes' words) and says so in each of them.\n\nInclude that detail only when "
            "the file stays where the referrals themselves may be kept.",
            yes="Include it", no="Leave it out", cautious=True)
        note = str(said) if said.hidden else ""
        typed = [self.search.text(), *(self.proxy.column_filter(c) for c in range(len(COLUMNS)))]
        if note and private and not victim_level and self.presenter.finds_by_victim_level(typed, shown):
            # "search “TH-2026-099”" would name in the file's title the reference left out of its actions
            note = str(replace(said, filters="its words left out with the victim-level detail"))
        note = "; ".join(x for x in (note, self.presenter.warning) if x)  # a trail changed outside: its title says so
        target = export_to_chosen_file(self, "Export the history of changes", "history-of-changes.xlsx",
                                       lambda t: self.presenter.export(t, shown, said=note, victim_level=victim_level),
                                       failed="The history was not saved", refusals=(ValueError,))
        if target is not None:
            left = (f" The victim-level detail of {counted(private, 'action')} was left out." if private and not
                    victim_level else " The victim-level detail was included." if private else "")
            prompts.show_info(self, "Export", said.saved_to(target) + left)


def _identity(line: HistoryLine) -> tuple:
    """What tells one action from another across a re-read (its words may change: a record renamed since)."""
    return line.at, line.action, line.entries
