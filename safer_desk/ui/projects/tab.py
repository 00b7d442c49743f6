"""The Projects tab: the register (filter, edit, undo, copy, paste, export) and commissioning against a fund.

The register is a thin view over ``presenters.projects.ProjectsPresenter``: the presenter holds the
rows, the selection and the edited project; this file shows them and forwards clicks and keys.
On the first-paint path: nothing here imports pandas, numpy, pyqtgraph or sqlite_utils.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QComboBox, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from safer_desk.domain.projects import CRITERIA, ProjectError, ProjectStatus
from safer_desk.domain.text import as_subject, counted, in_words, shown_total_label
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.files import reading_connection
from safer_desk.services import projects as service
from safer_desk.services.projects import Project
from safer_desk.services.provenance import RowOrigins
from safer_desk.ui import prompts, settings
from safer_desk.ui.kit import key_after_words
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.flow import FlowRow
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.pages import LeaveGuard
from safer_desk.ui.kit.search import SearchBox
from safer_desk.ui.kit.table_view import CELL_PAD, DataTableView, heading_width, heading_widths
from safer_desk.ui.kit.tables import SortProxy
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.projects.models import RegisterModel
from safer_desk.ui.tabs import TabBase
from safer_desk.ui.workers import run_task

if TYPE_CHECKING:
    from safer_desk.ui.projects.editor import ProjectEditor

ALL = ""
SPLITTER_KEY = "projects/splitter"  # the register's and the editor's widths, as the officer left them
# Registers this large are read on a worker thread so the window never freezes while the tab opens.
BACKGROUND_FROM = 1000


class RegisterPage(QWidget):
    """The register: filters over a sortable table, and the editor of the selected project."""

    def __init__(self, tab: "ProjectsTab"):
        super().__init__(tab)
        self.tab = tab
        self.session = tab.session
        self.loading = False
        self._syncing = False
        self._staying = False  # Cancel answered: Qt selecting the row moved to again in that event is not asked
        self._keep_filters = False  # a filter's question being answered: a project saved out of view stays out
        self.paste_dialog = None
        self.presenter = ProjectsPresenter(
            self.session.store, perform=lambda action: push_action(self.session.undo_stack, action))
        self.model = RegisterModel([], self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        # The filters and the buttons go onto a second line where the window is narrow (a laptop at 150% with a
        # 12 pt font: 942 and 1005 pixels side by side, the search box squeezed to 36 and the tab scrolling sideways).
        filters = FlowRow()
        layout.addLayout(filters)
        self.search = SearchBox()
        self.search.setPlaceholderText("Search titles, officers, indicators…")
        self.search.setAccessibleName("Search the register")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(12 * self.search.fontMetrics().averageCharWidth())  # what is typed can be read
        search_label = QLabel("Search:")  # no letter of its free on the page: Ctrl+F (Edit > Find) is its key
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        self.status_filter = self._combo("Filter by status", [("All statuses", ALL)]
                                         + [(m.label, m.value) for m in ProjectStatus])
        self.route_filter = self._combo("Filter by funding route", [("All funding routes", ALL)])
        self.criterion_filter = self._combo("Filter by criterion", [("Any criteria", ALL)]
                                            + [(f"{title} √", key) for key, _, title in CRITERIA]
                                            + [("All five √", "all"), ("At least 4 √", "4")])
        self.area_filter = self._combo("Filter by area", [("All areas", ALL)])
        for combo in (self.status_filter, self.route_filter, self.criterion_filter, self.area_filter):
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._filters_changed)
        self.search.textChanged.connect(self._filters_changed)
        self._filters_shown = self._filter_values()
        self.count = NamedLabel()
        self.count.setAccessibleName("Projects shown")
        filters.addWidget(self.count)

        buttons = FlowRow()
        layout.addLayout(buttons)
        self.add_button = QPushButton("Add pro&ject")
        self.add_button.setAccessibleName("Add project")
        self.add_button.clicked.connect(self.add_project)
        # Every letter of their words is another control's on the page (D, L and T are Start date's, Lead
        # organisation's and Title's; Y the start page's on a new file): the key after the words, as Allocation's.
        self.delete_button = key_after_words("Delete", "3")
        self.delete_button.setAccessibleName("Delete the selected projects")
        self.delete_button.clicked.connect(self.delete_selected)
        self.copy_button = key_after_words("Copy rows", "4")
        self.copy_button.setToolTip("Copy the selected rows as text that pastes into Excel (Ctrl+C)")
        self.copy_button.clicked.connect(self.copy_selection)
        self.paste_button = QPushButton("Paste ro&ws…")  # W, its one letter the page leaves free
        self.paste_button.setAccessibleName("Paste rows")
        self.paste_button.setToolTip("Add projects from rows copied out of Excel: a preview shows how they are read")
        self.paste_button.clicked.connect(self.paste_rows)
        self.export_button = QPushButton("E&xport…")
        self.export_button.setToolTip("Save the register as an Excel workbook, CSV or tab-separated text")
        self.export_button.clicked.connect(self.export_register)
        for b in (self.add_button, self.delete_button, self.copy_button, self.paste_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.legend = QLabel("√ yes   X no   ? unknown   ⚠ cost lines to check")
        buttons.addWidget(self.legend)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.view = DataTableView(accessible_name="Project register", on_edit=self.edit_selected,
                                  on_delete=self.delete_selected, on_export=self.export_register,
                                  on_paste=self.paste_rows)  # Ctrl+V: rows copied from Excel, as Paste rows…
        self.view.setModel(self.proxy)
        self.search.table = self.view  # Down from the search: into the register
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setColumnHidden(RegisterModel.MERGED_FROM, True)  # shown in a county file only
        self.view.keep_in_sight(self.model.column_index("title"))  # scrolled sideways, the titles stay in sight
        splitter.addWidget(self.view)
        # The editor is built just after the register's first screenful is drawn (start-up: the rows
        # first); ``editor`` builds it at once for anything that wants it sooner.
        self._editor = None
        self._editor_holder = QWidget()
        self._editor_holder.setMinimumWidth(370)
        QVBoxLayout(self._editor_holder).setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(self._editor_holder)
        self._editor_pending = True
        QTimer.singleShot(0, self, self._build_editor)
        # The office's own areas join the area choice after the first screen (``ProjectsPresenter.areas``)
        self._own_areas_offered = False
        QTimer.singleShot(0, self, self._offer_own_areas)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([895, 385])
        settings.remember_splitter(splitter, SPLITTER_KEY)
        self.view.verticalHeader().hide()
        self._title_width = 0  # the title column's width as sized to the rows, before it gives up any
        self.view.viewport().installEventFilter(self)  # a resized window fits the title again
        self.view.installEventFilter(self)  # a key pressed is a new choice (see _stay)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.presenter.rows_changed.connect(self._rows_changed)
        self.presenter.selection_changed.connect(self._show_selection)
        self.presenter.rows_chosen.connect(self._show_rows_chosen)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

        read_only = self.session.read_only
        for b in (self.add_button, self.paste_button):
            b.setEnabled(not read_only)
        # Delete and Copy rows greyed until a row is chosen: on an empty register they stood enabled and did nothing.
        self.view.selectionModel().selectionChanged.connect(self._offer_row_buttons)
        for signal in (self.proxy.modelReset, self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._offer_row_buttons)
        self._offer_row_buttons()

    def _offer_row_buttons(self, *_) -> None:
        """Delete (not on a file open read-only, where the Delete key says why) and Copy rows offered while a row is
        chosen."""
        chosen = self.view.selectionModel().hasSelection()
        self.delete_button.setEnabled(chosen and not self.session.read_only)
        self.copy_button.setEnabled(chosen)

    def _build_editor(self) -> None:
        """After the first screen: the editor built, unless the file closed meanwhile (the editor reads the file's
        areas for its warning)."""
        if not self._file_still_open():
            return
        self.editor  # noqa: B018 - built on first use

    def _file_still_open(self) -> bool:
        """Whether the file this page shows is still the window's and open (work left for after the first screen
        reads it: a window closed at once, and every test's window, would read a closed file)."""
        store = self.presenter.store
        return self.session.store is store and store is not None and store.is_open

    @property
    def editor(self) -> "ProjectEditor":
        """The editor of the selected project (built on first use)."""
        if self._editor is None:
            from safer_desk.ui.projects.editor import ProjectEditor

            self._editor = ProjectEditor(self.presenter.editor)
            self._editor_holder.layout().addWidget(self._editor)
            # Never narrower than the form needs: held at the 370 pixels kept for it before it was built while the
            # form needed 416, the form ran past the window's edge with its scroll bar (seen at 1093x582).
            self._editor_holder.setMinimumWidth(max(370, self._editor.minimumSizeHint().width()))
            self._editor.show()  # added to a page already shown: shown now, not at the next turn of the loop
            self._editor.cost_lines.accept_requested.connect(self.accept_suggestion)
            # Save changes greyed while nothing is typed, as Revert is: it stayed enabled after a save, as if unsaved.
            self.presenter.editor.changed.connect(self._show_save_state)
            self._show_save_state()
            self._editor_pending = False
            self.tab.loaded_if_idle()
        return self._editor

    def _show_save_state(self) -> None:
        editor = self.presenter.editor
        if self._editor is not None:
            editable = editor.enabled and not editor.read_only
            self._editor.save_button.setEnabled(editable and (editor.is_dirty or editor.is_new))

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = ChoiceBox()
        combo.setAccessibleName(name)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    # -- data ----------------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the register: at once when it is small, on a worker thread when it is large."""
        store = self.session.store
        count = self.presenter.project_count()
        if count < BACKGROUND_FROM:
            self.presenter.reload()
            self._after_first_load()
            return
        self.loading = True
        self.count.setText(f"Loading {count:,} projects…")
        self.view.setEnabled(False)

        def work(progress, cancelled):
            with reading_connection(store) as own:  # closed without writing: looking never writes
                projects = service.load_projects(own)
                origins = self.presenter.read_origins(own)
            for p in projects:  # work out what the table and the search need here, not on the GUI thread
                p.search_text, p.criteria_met, p.reconciliation  # noqa: B018
            return projects, origins

        # The task belongs to the application, so it outlives this page if another file is opened meanwhile.
        self._task = run_task(work, on_success=self._loaded, on_failure=self._load_failed,
                              parent=QApplication.instance())

    def _loaded(self, read: tuple[list[Project], RowOrigins]) -> None:
        self.loading = False
        self.view.setEnabled(True)
        self.presenter.show_rows(*read)
        self._after_first_load()
        self.tab.loaded_if_idle()

    def _load_failed(self, exc: BaseException, details: str) -> None:
        self.loading = False
        self.count.setText("The register could not be read.")
        self.tab.loaded_if_idle()
        prompts.show_error(self, "Projects", f"The register could not be read: {exc}")

    def _after_first_load(self) -> None:
        self._size_columns()
        if self.proxy.rowCount():
            self.select_project(self.project_at(0).id)

    def file_changed(self) -> None:
        """The file changed under the register: its rows and the editor's project are read again (what is typed in
        the editor kept, and said). A register still loading reads the file as it is now anyway."""
        if self.loading or self.session.store is None or self.session.store is not self.presenter.store:
            return
        self.presenter.file_changed()

    def _rows_changed(self, ids) -> None:
        """Show what the presenter re-read: every row, or just the changed ones. A chosen row removed (deleted, or
        its adding undone) leaves the row now in its place chosen, as every other table does, so Del, Copy and the
        editor go on from there (nothing was chosen, and the focus frame sat on the row above)."""
        gone_at = None
        if ids is None:
            origins = self.presenter.origins
            self.model.set_rows(self.presenter.rows, origins)
            self.view.setColumnHidden(RegisterModel.MERGED_FROM, not origins.shown)
        else:
            fresh = {p.id: p for p in self.presenter.rows if p.id in ids}
            gone_at = min((r for r in {i.row() for i in self.view.selectionModel().selectedRows()}
                           if self.project_at(r).id in ids and self.project_at(r).id not in fresh), default=None)
            for pid in ids:
                i = self.model.row_of(pid)
                if pid in fresh and i >= 0:
                    self.model.replace_row(i, fresh[pid])
                elif pid in fresh:
                    self.model.insert_row(len(self.model.rows), fresh[pid])
                elif i >= 0:
                    self.model.remove_row(i)
            self.session.notify("projects")
        self._refill_choices()
        self.apply_filters()
        if self._sized_empty and self.model.rows:  # a new file's register, sized with no rows: its first ones
            self._size_columns()
        elif self._title_width:  # sized already (not while the first rows are read)
            self._follow_statuses()
        if gone_at is not None and self.proxy.rowCount():
            self.presenter.select(self.project_at(min(gone_at, self.proxy.rowCount() - 1)).id)

    _sized_empty = False

    # Widest a column may grow to, in average characters; cells are measured on the first rows only, because
    # measuring thousands of rows would take longer than the paint.
    MAX_WIDTHS = {"ref": 8, "title": 28, "funding_route": 15, "cost": 19, "met": 5,
                  "lead_organisation": 26, "areas": 14, "check": 15, "merged_from": 24}
    MEASURED_ROWS = 30

    def _size_columns(self) -> None:
        """Each column as wide as its first rows and its heading as Qt draws it (bold over a chosen cell, beside the
        sort arrow once clicked: 24 px kept beside every heading left the title 119 px at 910x480 and cut it to
        "Project / initiati…"), at most ``MAX_WIDTHS`` but never narrower than that heading."""
        metrics, header = self.view.fontMetrics(), self.view.horizontalHeader()
        char = metrics.averageCharWidth()
        rows = self.model.rows[: self.MEASURED_ROWS]
        self._sized_empty = not rows  # on a new file: sized to the headings, and again when the first rows come
        headings = heading_widths(header, [column.header for column in self.model.columns])  # the style asked once
        for i, (column, heading) in enumerate(zip(self.model.columns, headings)):
            # cells in the kit's margins, so it never widens a figure (Cost by 2 px) after the title gave up width
            widest = max([heading] + [metrics.horizontalAdvance(column.text(row)) + CELL_PAD for row in rows])
            self.view.setColumnWidth(i, min(widest, max(heading, char * self.MAX_WIDTHS.get(column.key, 7) + 14)))
        self._title_width = self.view.columnWidth(self.TITLE)
        self._fit_title()

    TITLE, STATUS, MET = 1, 2, 5  # the title gives up width so the columns up to Met stay in view (issue 15)

    def _status_width(self, heading: int | None = None) -> int:
        """The Status column's width: the statuses its rows show, read whole (a handful of words: never held to
        ``MAX_WIDTHS``, whose 12 average letters cut "Commissioned" to "Commissio…"), and its heading."""
        metrics = self.view.fontMetrics()
        status = self.model.columns[self.STATUS]
        shown = {status.text(row) for row in self.model.rows}
        if heading is None:
            heading = heading_width(self.view.horizontalHeader(), status.header)
        return max([heading]
                   + [metrics.horizontalAdvance(text) + CELL_PAD for text in shown])

    def _follow_statuses(self) -> None:
        """A status saved, pasted or put back by Undo that the Status column is too narrow for ("Commissioned" in a
        register all proposed) widens it, the title giving up the width as it does on a narrow window."""
        if self._status_width() != self.view.columnWidth(self.STATUS):
            self._fit_title()

    _NEW_CHOICE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()
        if event.type() in self._NEW_CHOICE and watched in (self.view, self.view.viewport()):
            self._staying = False  # a click or key after Cancel is a choice of its own, asked about again
        return super().eventFilter(watched, event)

    def _fit_title(self) -> None:
        """On a laptop at 150% (910 wide, the editor beside the table) Cost was cut at the table's edge
        ("£54,372 - £62,3") and Met out of view: the title gives up width, down to about 16 letters (its tooltip
        holds it whole), so the columns up to Met are in view. It never goes below its heading as Qt draws it, bold
        over a chosen cell ("Project / initiati…" at 119 px). Where that is not room enough (a status "Commissioned"
        beside a cost "£54,372 - £62,372" at 910x480) Status gives up width next, down to its heading (the word cut
        is whole when pointed at). A column the person resized keeps its width."""
        if not self._title_width:
            return
        view, header = self.view, self.view.horizontalHeader()
        others = sum(view.columnWidth(c) for c in range(self.MET + 1) if c not in (self.TITLE, self.STATUS))
        room = view.viewport().width() - others
        # both headings as drawn, the style asked once (each asking reads every column's heading)
        title_heading, status_floor = heading_widths(
            header, [self.model.columns[self.TITLE].header, self.model.columns[self.STATUS].header])
        status_width = self._status_width(status_floor)
        if self.model.columns[self.TITLE].header in view.widths_by_hand:
            title = view.columnWidth(self.TITLE)
        else:
            floor = max(min(view.fontMetrics().averageCharWidth() * 16 + 14, self._title_width),
                        title_heading)
            title = max(floor, min(self._title_width, room - status_width))
            view.fit_column(self.TITLE, title)
        view.fit_column(self.STATUS, max(status_floor, min(status_width, room - title)))

    def _offer_own_areas(self) -> None:
        """After the first screen: the office's own areas join the area choice, unless the file closed meanwhile
        (they are read from it: a window closed at once, and every test's window, read a closed file)."""
        if not self._file_still_open():
            return
        self._own_areas_offered = True
        if not self.loading:
            self._refill_choices()

    def _refill_choices(self) -> None:
        for combo, values in ((self.route_filter, self.presenter.funding_routes()),
                              (self.area_filter, self.presenter.areas(own=self._own_areas_offered))):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for v in values:
                combo.addItem(v, v)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    # -- selection -----------------------------------------------------------------------------------------
    def project_at(self, proxy_row: int) -> Project:
        return self.model.row(self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row())

    def selected_projects(self) -> list[Project]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [p for p in (self.project_at(r) for r in rows) if p is not None]

    def select_project(self, project_id: str) -> None:
        """Select a project in the table and the editor (the caller has dealt with unsaved edits)."""
        self.presenter.select(project_id)

    def _show_rows_chosen(self, ids) -> None:
        """Several projects chosen again by an undo or redo (the two a delete named, put back): every one of their
        rows, the first current and in view (only the first was chosen); a filter hiding any is cleared, as for one."""
        rows = [self.model.row_of(pid) for pid in ids]
        indexes = [self.proxy.mapFromSource(self.model.index(i, 0)) for i in rows if i >= 0]
        if not indexes:
            return
        if not all(ix.isValid() for ix in indexes):
            self.clear_filters()
            indexes = [self.proxy.mapFromSource(self.model.index(i, 0)) for i in rows if i >= 0]
        self._syncing = True
        try:
            selection = self.view.selectionModel()
            flags = QItemSelectionModel.SelectionFlag
            chosen = QItemSelection()
            for ix in indexes:
                chosen.select(ix, ix)
            selection.select(chosen, flags.ClearAndSelect | flags.Rows)
            first = min(indexes, key=lambda ix: ix.row())
            selection.setCurrentIndex(first.siblingAtColumn(max(0, self.view.currentIndex().column())),
                                      flags.NoUpdate)
            self.view.scrollTo(first)
        finally:
            self._syncing = False

    def _show_selection(self, project_id: str | None) -> None:
        """The presenter's selection, shown in the table without asking again."""
        self._syncing = True
        try:
            if project_id is None:
                if len(self.view.selectionModel().selectedRows()) <= 1:  # keep several rows for Delete and Copy
                    self.view.clearSelection()
                return
            i = self.model.row_of(project_id)
            if i < 0:
                return
            proxy_index = self.proxy.mapFromSource(self.model.index(i, 0))
            if not proxy_index.isValid() and self._keep_filters:
                return  # saved as a filter was chosen: the filter stays as chosen (the caller empties the editor)
            if not proxy_index.isValid():  # filtered out: show everything so the change can be seen
                self.clear_filters()
                proxy_index = self.proxy.mapFromSource(self.model.index(i, 0))
            # The row alone and as the current row, whatever key is held (selectRow toggles it with Ctrl held, as
            # after Ctrl+click and Cancel: the table showed another project chosen than the editor's).
            selection = self.view.selectionModel()
            current = proxy_index.siblingAtColumn(max(0, self.view.currentIndex().column()))
            flags = QItemSelectionModel.SelectionFlag
            if {ix.row() for ix in selection.selectedRows()} != {proxy_index.row()}:
                selection.setCurrentIndex(current, flags.ClearAndSelect | flags.Rows)
            elif self.view.currentIndex().row() != proxy_index.row():
                selection.setCurrentIndex(current, flags.NoUpdate)
            self.view.scrollTo(proxy_index)
        finally:
            self._syncing = False

    def _selection_changed(self, *_) -> None:
        if self._syncing or self._staying:
            return
        if self.proxy.after_filtering(self._selection_changed):  # the row chosen is being filtered out: asked about
            return  # once the table is filtered, never from inside the filtering (a Save there re-read the rows)
        selected = self.selected_projects()
        wanted = selected[0].id if len(selected) == 1 else None
        if wanted == self.presenter.selected and not self.presenter.editor.is_new:
            if wanted is None:
                self.presenter.show_chosen(len(selected))  # two, then three, then none chosen
            return
        hidden = wanted is None and self.presenter.selected is not None and not self._shown(self.presenter.selected)
        left = self._may_leave_for_filter() if hidden else self.may_leave_record()
        if not left:
            self._stay(self.presenter.selected)  # stay on the record being edited
            return
        if hidden and self._shown(self.presenter.selected):
            self._show_selection(self.presenter.selected)  # saved, it now matches the filter: still chosen
            return
        self.presenter.select(wanted, chosen=len(selected))

    def _stay(self, project_id: str | None) -> None:
        """Cancel answered: the record being edited shown chosen again, now and once the key or click that moved off
        it is done (after a Down arrow Qt selects the row below a second time, which asked again: a second Cancel was
        needed, and the current row stayed below)."""
        self._show_selection(project_id)
        self._staying = True

        def stayed() -> None:
            self._staying = False
            if self.presenter.selected == project_id:
                self._show_selection(project_id)

        QTimer.singleShot(0, self, stayed)

    def _shown(self, project_id: str | None) -> bool:
        """Whether the filters let this project's row be seen."""
        i = self.model.row_of(project_id) if project_id is not None else -1
        return i >= 0 and self.proxy.mapFromSource(self.model.index(i, 0)).isValid()

    def _may_leave_for_filter(self) -> bool:
        """May the project being edited be hidden by a filter? Its unsaved edits are asked about; saved, it stays
        out of view if the filter still hides it (the filter is not cleared to show it)."""
        keeping, self._keep_filters = self._keep_filters, True
        try:
            return self.may_leave_record()
        finally:
            self._keep_filters = keeping

    def may_leave_record(self) -> bool:
        """Unsaved edits in the editor are asked about (Save / Discard / Cancel) before moving on."""
        return self.presenter.may_leave(lambda text: prompts.ask_unsaved(self, "Unsaved changes", text))

    def edit_selected(self) -> None:
        self.editor.widgets["title"].setFocus()

    # -- filters -------------------------------------------------------------------------------------------
    def _filter_values(self) -> tuple[str, str, str, str, str]:
        """The filters as their widgets show them: status, funding route, criterion, area, the words searched."""
        return (self.status_filter.currentData() or ALL, self.route_filter.currentData() or ALL,
                self.criterion_filter.currentData() or ALL, self.area_filter.currentData() or ALL, self.search.text())

    def apply_filters(self, *_) -> None:
        """Show the rows the filter widgets keep."""
        self._filters_shown = self._filter_values()
        self.proxy.set_predicate(self.presenter.filter_predicate(*self._filters_shown))
        self._update_count()

    def _filters_changed(self, *_) -> None:
        """A filter chosen or a letter typed. One that would hide the project being edited asks about its unsaved
        changes before the table changes: Save or Discard, and the table shows what the filters say (the editor
        emptied when the project stays hidden); Cancel, and the filter goes back to what it was (h18 F1)."""
        predicate = self.presenter.filter_predicate(*self._filter_values())
        project = self.presenter.selected_project
        hides = project is not None and predicate is not None and not predicate(project)
        if hides and not self._may_leave_for_filter():
            self._set_filter_widgets(self._filters_shown)  # as the table shows them
            return
        self.apply_filters()
        if hides and self.presenter.selected is not None:
            if self._shown(self.presenter.selected):  # saved, it matches now
                self._show_selection(self.presenter.selected)
            else:
                self.presenter.select(None)

    def _set_filter_widgets(self, values: tuple[str, str, str, str, str]) -> None:
        """The filter widgets showing ``values`` (as ``_filter_values`` gives them), unheard by ``_filters_changed``."""
        combos = (self.status_filter, self.route_filter, self.criterion_filter, self.area_filter)
        for combo, value in zip(combos, values):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        if self.search.text() != values[-1]:
            self.search.blockSignals(True)
            self.search.setText(values[-1])
            self.search.blockSignals(False)

    def clear_filters(self) -> None:
        self._set_filter_widgets((ALL, ALL, ALL, ALL, ""))  # each list's first entry is ALL
        self.proxy.clear_column_filters()
        self.apply_filters()

    def _update_count(self) -> None:
        shown, whole = len(self.proxy.source_rows()), len(self.model.rows)
        # every project hidden: the words a table's empty grid and totals line say ("None shown (of 23 projects)")
        text = (shown_total_label(0, whole, "project") if whole and not shown
                else f"{shown} of {counted(whole, 'project')}")
        # A county file's "All areas" leaves out the projects of other areas, as its board report does: said here.
        note = self.presenter.outside_areas_note() if (self.area_filter.currentData() or ALL) == ALL else ""
        if note:
            text += f" ({len(self.presenter.outside_areas()[0])} of other areas)"
        self.count.setText(text)  # (its words are its accessible description: the count is read out)
        self.count.setToolTip(note)
        if note:  # and what All areas leaves out, after them
            self.count.setAccessibleDescription(f"{text}. {note}")

    # -- actions -------------------------------------------------------------------------------------------
    def add_project(self) -> None:
        """A new, empty project in the editor; it is written only when saved."""
        if self.session.read_only or not self.may_leave_record():
            return
        self.presenter.add_project()
        title = self.editor.widgets["title"]
        title.setFocus()

    def save_editor(self) -> bool:
        return self.editor.save()

    def accept_suggestion(self, line_index: int) -> None:
        """The queried line read as its suggestion, saved as one step: other unsaved edits are asked about first (the
        step re-reads the project, which would replace what is typed). The line chosen is found again among the lines
        the editor holds after the answer (Discard puts back the file's: the row chosen may be another line there)."""
        def lines() -> list:
            return list(self.presenter.editor.value("cost_lines") or ())

        chosen = lines()[line_index] if 0 <= line_index < len(lines()) else None
        if not self.may_leave_record():
            return
        if chosen not in lines():
            prompts.show_error(self, "Cost line", "That cost line is no longer there.")
            return
        try:
            self.presenter.accept_suggestion(lines().index(chosen))
        except ProjectError as exc:
            prompts.show_error(self, "Cost line", str(exc))

    def delete_selected(self) -> None:
        projects = self.selected_projects()
        if not projects:
            return
        if self.session.read_only:  # the button is greyed; the Delete key says why nothing goes
            prompts.show_error(self, "Delete projects", self.presenter.read_only_refusal())
            return
        ids = [p.id for p in projects]
        title = f"Delete {self.presenter.describe_many(ids) if len(ids) == 1 else f'{len(ids)} projects'}"
        if not prompts.ask(self, title, self.presenter.delete_question(ids), yes="Delete"):  # the question names them
            return
        self.presenter.editor.discard()  # the record is going: its unsaved edits go with it
        self.presenter.delete(ids)

    def copy_selection(self) -> bool:
        return self.view.copy_selection()

    def paste_rows(self) -> None:
        """Rows copied out of Excel, shown first in a preview whose column mapping can be changed."""
        if self.session.read_only:  # Edit > Paste and Ctrl+V reach here with the button greyed: say why
            prompts.show_error(self, "Paste projects", self.presenter.read_only_refusal())
            return
        from safer_desk.exchange.files import parse_tsv  # here, as exports below: not needed for the first screen
        from safer_desk.ui.kit import clipboard_without_text
        from safer_desk.ui.projects.paste import PastePreviewDialog

        clipboard = QGuiApplication.clipboard()
        why = clipboard_without_text(clipboard.mimeData())
        if why:
            prompts.show_error(self, "Paste projects", why)
            return
        try:
            preview = self.presenter.paste_preview(parse_tsv(clipboard.text()))
        except ProjectError as exc:
            prompts.show_error(self, "Paste projects", str(exc))
            return
        # The pasted rows are shown once added: unsaved edits are asked about once Add is pressed (asked before the
        # preview, Discard then Cancel there lost the typing and added nothing).
        def ready() -> bool:
            if not self.may_leave_record():
                return False
            preview.existing = self.presenter.rows  # the register as Save or Discard left it
            return True

        self.paste_dialog = PastePreviewDialog(preview, self, ready=ready)
        self.paste_dialog.accepted.connect(lambda d=self.paste_dialog: self.presenter.add_pasted(d.projects))
        self.paste_dialog.open()

    def export_register(self) -> None:
        from safer_desk.ui.kit.exports import export_to_chosen_file, shown_rows

        combos = (self.status_filter, self.route_filter, self.criterion_filter, self.area_filter)
        said = []

        left_out = []

        def write(target):
            # The rows as shown once a change typed was asked about (``ready``): a title saved is exported as saved.
            chosen = [c.currentText() for c in combos if (c.currentData() or ALL) != ALL]
            if (self.area_filter.currentData() or ALL) == ALL:  # a county file's All areas leaves other areas out
                chosen.append(self.presenter.outside_areas_filter())
            said.append(shown_rows(self.proxy, "project", search=self.search.text(), chosen=chosen))
            projects = self.proxy.source_rows()
            written = self.presenter.export(target, projects, said=said[0].title if said[0].hidden else "")
            left_out.append(service.left_out_of_one_table(projects, written))  # a CSV's cost lines, left out unsaid
            return written

        # The export is read from the file: a change typed and not saved is asked about once the file is named.
        target = export_to_chosen_file(self, "Export the project register", "project-register.xlsx", write,
                                       failed="The register was not saved", refusals=(ProjectError,),
                                       ready=self.may_leave_record)
        # The projects shown: a filter that hides some is said (and in the title); one hiding all, as the grid says it
        if target is not None:
            prompts.show_info(self, "Export", " ".join(x for x in (said[0].saved_to(target), *left_out) if x))


class ProjectsTab(TabBase):
    """The register and commissioning, as two pages of one tab."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("Projects pages")  # a stop of Tab: a screen reader says where it is
        self.pages.setDocumentMode(True)
        layout.addWidget(self.pages)
        self.register = RegisterPage(self)
        self._commissioning = None
        self._commissioning_holder = QWidget()
        QVBoxLayout(self._commissioning_holder).setContentsMargins(0, 0, 0, 0)
        # Alt+1 and Alt+2, as Allocation's pages: every letter of both words is a control's on one page or the other
        # (Revert, Funding route, Save, Title; Cost, Remove line, Add line; Scenario, Name, Against award …).
        pages = ((self.register, "Register"), (self._commissioning_holder, "Commissioning"))
        for key, (page, words) in enumerate(pages, start=1):
            i = self.pages.addTab(page, f"&{key} {words}")
            self.pages.tabBar().setAccessibleTabName(i, words)  # a screen reader says the name, not the key
        # Leaving a page asks as leaving the tab does (the window's ``LeaveGuard``): the Register page with a change
        # not saved asks Save / Discard / Cancel before Commissioning, which counts the register as saved, is shown.
        self._page_guard = LeaveGuard(self.pages, self._may_leave_page, self._page_shown)
        # Edit > Undo takes back Commissioning's ticks first only while that page is in view: the menu says so.
        self.pages.currentChanged.connect(lambda *_: self.session.unsaved_changed.emit())
        # A project's change, its undo or its redo (ids: re-read after an action, never a whole reload) and a
        # scenario's: its page in view, so Edit > Undo from the other page is seen (the Costs tab does the same).
        self.register.presenter.rows_changed.connect(
            lambda ids: ids is not None and self.pages.setCurrentWidget(self.register))
        self.register.load()
        session.data_changed.connect(self._data_changed)
        self.watch_unsaved(self.register.presenter.editor.changed)

    @property
    def commissioning(self):
        """The commissioning page, built when first wanted."""
        if self._commissioning is None:
            from safer_desk.ui.projects.commissioning import CommissioningPage

            self._commissioning = CommissioningPage(self)
            self._commissioning_holder.layout().addWidget(self._commissioning)
            self._commissioning.presenter.scenarios_changed.connect(
                lambda: self.pages.setCurrentWidget(self._commissioning_holder))
            self.watch_unsaved(self._commissioning.presenter.changed)
            # A change typed on the Register page and not saved is said on Commissioning, which counts it as saved.
            self.register.presenter.editor.changed.connect(self._commissioning.show_register_edit)
        return self._commissioning

    def own_step_text(self, redo: bool = False) -> str:
        """A tick, scale, suggestion or award chosen on Commissioning, not yet saved: Edit > Undo takes it back
        (Redo puts it back) while that page is in view, before the file's steps."""
        if self._commissioning is None or self.pages.currentWidget() is not self._commissioning_holder:
            return ""
        presenter = self._commissioning.presenter
        return presenter.tick_redo_text if redo else presenter.tick_undo_text

    def step_own(self, redo: bool = False) -> str:
        if not self.own_step_text(redo):
            return ""
        presenter = self._commissioning.presenter
        return presenter.redo_tick() if redo else presenter.undo_tick()

    def show_commissioning(self):
        self.pages.setCurrentWidget(self._commissioning_holder)
        return self.commissioning

    def _may_leave_page(self, left: int, _index: int) -> bool:
        """Commissioning left with a scale typed and refused: back to it, said why. The Register page left with a
        change not saved: asked first (Save / Discard / Cancel), as Commissioning counts the register as saved; the
        commissioning set is not asked about, as the Register page neither shows nor loses it."""
        if self.pages.widget(left) is self._commissioning_holder:
            if self._commissioning is not None and not self._commissioning.finish_typing():
                self._commissioning.finish_typing_refused()
                return False
            return True
        from safer_desk.ui.kit.cell_editors import put_in_open_cells

        # A cost line still being typed in goes in first, so it is asked about (Alt+2 went to Commissioning unasked).
        return put_in_open_cells(self.register) is None and self.register.may_leave_record()

    def _page_shown(self, index: int) -> None:
        if self.pages.widget(index) is self._commissioning_holder:
            self.commissioning.reload_if_stale()

    def finish_typing(self) -> bool:
        """A scale still typed on Commissioning put in before the tab is left (``TabBase.finish_typing``)."""
        return self._commissioning is None or self._commissioning.finish_typing()

    def finish_typing_refused(self) -> None:
        self._page_guard.show_unasked(self.pages.indexOf(self._commissioning_holder), settle=True)
        self._commissioning.finish_typing_refused()

    def _data_changed(self, area: str) -> None:
        if area == "":  # a merge of district files, a conflict decided, an undo of a change made elsewhere
            self.register.file_changed()
        if area in ("projects", "") and self._commissioning is not None:
            self._commissioning.mark_stale()
            if self.pages.currentWidget() is self._commissioning_holder:
                QTimer.singleShot(0, self._commissioning.reload_if_stale)
        elif area == "allocation" and self._commissioning is not None:
            self._commissioning.refresh_fund_choices()  # a top-slice saved, replaced or removed: its shares offered

    def is_busy(self) -> bool:
        return self.register.loading or self.register._editor_pending

    @property
    def presenter(self) -> ProjectsPresenter:
        return self.register.presenter

    # The commissioning page's working set joins the window's unsaved-changes guard (issue 11, behaviour 2).
    def _screens(self) -> list:
        pages = [self.register.presenter]
        if self._commissioning is not None:
            pages.append(self._commissioning.presenter)
        return pages

    def has_unsaved_changes(self) -> bool:
        return any(p.has_unsaved_changes() for p in self._screens())

    def describe_unsaved(self) -> str:
        return " ".join(p.describe_unsaved() for p in self._screens() if p.has_unsaved_changes())

    def not_saved_why(self) -> str:
        """Commissioning's what-if in a file open read-only: Ctrl+S says why it is not saved, with the set in view."""
        why = self._commissioning.presenter.not_saved_why() if self._commissioning is not None else ""
        if why:
            self.pages.setCurrentWidget(self._commissioning_holder)
        return why

    def _guarded(self) -> list:
        """Each page holding unsaved changes, the one in view first: (page, its presenter, its own Save, which says
        why a refused save was refused: the register beside its fields, commissioning in a message)."""
        pages = [(self.register, self.register.presenter, self.register.presenter.save)]
        if self._commissioning is not None:
            page = self._commissioning
            pages.append((self._commissioning_holder, page.presenter, page.save))
        pages.sort(key=lambda p: p[0] is not self.pages.currentWidget())
        return [p for p in pages if p[1].has_unsaved_changes()]

    def save_changes(self) -> bool:
        """File > Save: the register's editor and the commissioning set, whichever hold unsaved changes (the * in
        the title says so whichever page is in view); one that is not saved is shown, with why."""
        for page, _presenter, save in self._guarded():
            if not save():
                self.pages.setCurrentWidget(page)
                return False
        return True

    def may_leave(self, ask) -> bool:
        """Each page's unsaved changes asked about with that page in view; Save refused keeps it there, said why."""
        for page, presenter, save in self._guarded():
            self.pages.setCurrentWidget(page)
            if not presenter.may_leave(ask, save):
                return False
        return True

    def may_step(self, action, ask) -> bool:
        """Before Edit > Undo or Redo of a register step: only a change typed on the Register page is asked about,
        with that page in view, as the step re-reads its rows. Commissioning keeps its ticks through that re-reading,
        so its unsaved set is not asked about (the undo of a delete jumped to Commissioning to ask about a set neither
        project was ticked in). A project of the step ticked there keeps its tick, whether the step takes it out or
        puts it back (``CommissioningPresenter._in_register``): the status bar says what the set now counts
        (``stepped_words``). A scenario's step asks about both pages."""
        if getattr(action, "page", "") != "register":
            return self.may_leave(ask)
        self.pages.setCurrentWidget(self.register)
        if self.pages.currentWidget() is not self.register:
            return False  # a scale typed on Commissioning and refused: that page says why
        return self.register.presenter.may_leave(ask, self.register.presenter.save)

    def before_step(self, action):
        """A register step's projects ticked in Commissioning's unsaved set, each with whether it is in the register
        before the step (None: none such)."""
        presenter = self._commissioning.presenter if self._commissioning is not None else None
        if getattr(action, "page", "") != "register" or presenter is None or not presenter.has_unsaved_changes():
            return None
        listed = {p.id for p in self.register.presenter.rows}
        ticked = {k: k in listed for k in getattr(action, "keys", ()) if k in presenter.ticks}
        return ticked or None

    def stepped_words(self, before) -> str:
        """What Commissioning's unsaved set counts now of the step's projects ticked in it: "The Commissioning set
        not saved counts Suffolk Recre8 again." / "… no longer counts Suffolk Recre8 (still ticked there)." / "…
        counts Suffolk Recre8 as the register now holds it." (its cost, its status)."""
        rows = {p.id: p for p in self.register.presenter.rows}
        titles = {p.id: p.title for p in self._commissioning.presenter.projects} | {k: p.title for k, p in rows.items()}
        groups: dict[str, list[str]] = {"again": [], "gone": [], "changed": []}
        for pid, was_listed in before.items():
            group = "changed" if was_listed and pid in rows else "again" if pid in rows else "gone"
            groups[group].append(as_subject(titles.get(pid, "a project")))
        said = [f"counts {in_words(groups['again'])} again"] if groups["again"] else []
        if groups["changed"]:
            said.append(f"counts {in_words(groups['changed'])} as the register now holds "
                        f"{'it' if len(groups['changed']) == 1 else 'them'}")
        if groups["gone"]:
            said.append(f"no longer counts {in_words(groups['gone'])} (still ticked there)")
        return f"The Commissioning set not saved {in_words(said)}." if said else ""

    # The window's Edit > Copy / Paste find these on the focused widget's parents.
    def copy_selection(self) -> bool:
        if self.pages.currentWidget() is self.register:
            return self.register.copy_selection()
        return self.commissioning.copy_selection()

    def takes_paste(self) -> bool:
        """Rows paste into the register; Commissioning takes none (Edit > Paste there says so, not nothing)."""
        return self.pages.currentWidget() is self.register

    def paste_rows(self) -> None:
        if self.takes_paste():
            self.register.paste_rows()
