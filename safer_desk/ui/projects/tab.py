"""The Projects tab: the register (filter, edit, undo, copy, paste, export) and commissioning against a fund.

On the first-paint path: nothing here imports pandas, numpy, pyqtgraph or sqlite_utils.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout,
    QWidget,
)

from safer_desk.domain.ids import new_id
from safer_desk.domain.projects import CRITERIA, STATUSES, ProjectError
from safer_desk.exchange.files import parse_tsv
from safer_desk.services import projects as service
from safer_desk.services.projects import Project
from safer_desk.ui import prompts
from safer_desk.ui.projects.editor import ProjectEditor
from safer_desk.ui.projects.models import RegisterModel, SourceSortProxy
from safer_desk.ui.table_view import DataTableView
from safer_desk.ui.tabs import TabBase
from safer_desk.ui.undo import push_service_command
from safer_desk.ui.workers import run_task

ALL = ""
# Registers this large are read on a worker thread so the window never freezes while the tab opens.
BACKGROUND_FROM = 1000


class RegisterPage(QWidget):
    """The register: filters over a sortable table, and the editor of the selected project."""

    def __init__(self, tab: "ProjectsTab"):
        super().__init__(tab)
        self.tab = tab
        self.session = tab.session
        self.loading = False
        self._filtering = False
        self.model = RegisterModel([], self)
        self.proxy = SourceSortProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        filters = QHBoxLayout()
        layout.addLayout(filters)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles, officers, indicators…")
        self.search.setAccessibleName("Search the register")
        self.search.setClearButtonEnabled(True)
        filters.addWidget(QLabel("Search:"))
        filters.addWidget(self.search, 2)
        self.status_filter = self._combo("Filter by status", [("All statuses", ALL)]
                                         + [(s.capitalize(), s) for s in STATUSES])
        self.route_filter = self._combo("Filter by funding route", [("All funding routes", ALL)])
        self.criterion_filter = self._combo("Filter by criterion", [("Any criteria", ALL)]
                                            + [(f"{title} √", key) for key, _, title in CRITERIA]
                                            + [("All five √", "all"), ("At least 4 √", "4")])
        self.area_filter = self._combo("Filter by area", [("All areas", ALL)])
        for combo in (self.status_filter, self.route_filter, self.criterion_filter, self.area_filter):
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)
        self.count = QLabel()
        self.count.setAccessibleName("Projects shown")
        filters.addWidget(self.count)

        buttons = QHBoxLayout()
        layout.addLayout(buttons)
        self.add_button = QPushButton("&Add project")
        self.add_button.clicked.connect(self.add_project)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setAccessibleName("Delete the selected projects")
        self.delete_button.clicked.connect(self.delete_selected)
        self.copy_button = QPushButton("Copy rows")
        self.copy_button.setToolTip("Copy the selected rows as text that pastes into Excel (Ctrl+C)")
        self.copy_button.clicked.connect(self.copy_selection)
        self.paste_button = QPushButton("Paste rows")
        self.paste_button.setToolTip("Add projects from rows copied out of Excel (a header row names the columns)")
        self.paste_button.clicked.connect(self.paste_rows)
        self.export_button = QPushButton("&Export…")
        self.export_button.setToolTip("Save the register as an Excel workbook or CSV")
        self.export_button.clicked.connect(self.export_register)
        for b in (self.add_button, self.delete_button, self.copy_button, self.paste_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.legend = QLabel("√ yes   X no   ? unknown   ⚠ cost lines to check")
        buttons.addWidget(self.legend)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)
        self.view = DataTableView(accessible_name="Project register")
        self.view.setModel(self.proxy)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        splitter.addWidget(self.view)
        self.editor = ProjectEditor()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        scroll.setMinimumWidth(370)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([895, 385])
        self.view.verticalHeader().hide()
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.editor.save_requested.connect(self.save_editor)
        self.editor.revert_requested.connect(lambda: self._load_editor(self.editor.project))
        self.editor.accept_suggestion_requested.connect(self.accept_suggestion)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

        read_only = self.session.read_only
        for b in (self.add_button, self.delete_button, self.paste_button):
            b.setEnabled(not read_only)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    # -- data ----------------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the register: at once when it is small, on a worker thread when it is large."""
        store = self.session.store
        count = store.scalar("SELECT count(*) FROM projects") or 0
        if count < BACKGROUND_FROM:
            self._show(service.load_projects(store))
            return
        self.loading = True
        self.count.setText(f"Loading {count:,} projects…")
        self.view.setEnabled(False)

        def work(progress, cancelled):
            own = store.connect_for_thread()
            try:
                projects = service.load_projects(own)
            finally:
                own.close()
            for p in projects:  # work out what the table and the search need here, not on the GUI thread
                p.search_text, p.criteria_met, p.reconciliation  # noqa: B018
            return projects

        # The task belongs to the application, so it outlives this page if another file is opened meanwhile.
        self._task = run_task(work, on_success=self._loaded, on_failure=self._load_failed,
                              parent=QApplication.instance())

    def _loaded(self, projects: list[Project]) -> None:
        self.loading = False
        self.view.setEnabled(True)
        self._show(projects)

    def _load_failed(self, exc: BaseException, details: str) -> None:
        self.loading = False
        self.count.setText("The register could not be read.")
        prompts.show_error(self, "Projects", f"The register could not be read: {exc}")

    def _show(self, projects: list[Project]) -> None:
        self.model.set_rows(projects)
        self._refill_choices()
        self.apply_filters()
        self._size_columns()
        if self.proxy.rowCount():
            self.view.selectRow(0)

    # Widest a column may grow to, in average characters; cells are measured on the first rows only, because
    # measuring thousands of rows would take longer than the paint.
    MAX_WIDTHS = {"ref": 5, "title": 28, "status": 12, "funding_route": 15, "cost": 19, "met": 5,
                  "lead_organisation": 26, "areas": 14, "check": 15}
    MEASURED_ROWS = 30

    def _size_columns(self) -> None:
        metrics = self.view.fontMetrics()
        char = metrics.averageCharWidth()
        rows = self.model.rows[: self.MEASURED_ROWS]
        for i, column in enumerate(self.model.columns):
            widest = metrics.horizontalAdvance(column.header) + 24
            for row in rows:
                widest = max(widest, metrics.horizontalAdvance(column.text(row)) + 14)
            self.view.setColumnWidth(i, min(widest, char * self.MAX_WIDTHS.get(column.key, 7) + 14))

    def _refill_choices(self) -> None:
        rows = self.model.rows
        for combo, values in ((self.route_filter, service.funding_routes(rows)),
                              (self.area_filter, service.areas(rows))):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for v in values:
                combo.addItem(v, v)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def refresh_projects(self, ids: list[str], select: str | None = None) -> None:
        """Re-read just these projects after a change (or its undo), keeping the rest of the table as it is."""
        fresh = {p.id: p for p in service.load_projects(self.session.store, ids)}
        for pid in ids:
            i = self.model.row_of(pid)
            if pid in fresh and i >= 0:
                self.model.replace_row(i, fresh[pid])
            elif pid in fresh:
                self.model.insert_row(self.model.rowCount(), fresh[pid])
            elif i >= 0:
                self.model.remove_row(i)
        self._refill_choices()
        self._update_count()
        if select and select in fresh:
            self.select_project(select)
        else:
            self._selection_changed()
        self.session.notify("projects")

    def select_project(self, project_id: str) -> None:
        i = self.model.row_of(project_id)
        if i < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(i, 0))
        if not proxy_index.isValid():  # filtered out: show everything so the change can be seen
            self.clear_filters()
            proxy_index = self.proxy.mapFromSource(self.model.index(i, 0))
        self.view.selectRow(proxy_index.row())
        self.view.scrollTo(proxy_index)
        self._selection_changed()

    def selected_projects(self) -> list[Project]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]

    def _selection_changed(self, *_) -> None:
        selected = self.selected_projects()
        self._load_editor(selected[0] if len(selected) == 1 else None)

    def _load_editor(self, project: Project | None) -> None:
        if project is not None:
            i = self.model.row_of(project.id)
            project = self.model.row(i) if i >= 0 else None
        self.editor.set_project(project, read_only=self.session.read_only)

    # -- filters -------------------------------------------------------------------------------------------
    def apply_filters(self, *_) -> None:
        status = self.status_filter.currentData() or ALL
        route = self.route_filter.currentData() or ALL
        criterion = self.criterion_filter.currentData() or ALL
        area = self.area_filter.currentData() or ALL
        needle = self.search.text().strip().casefold()
        words = needle.split()

        def accept(p: Project) -> bool:
            if status and p.status != status:
                return False
            if route and p.funding_route != route:
                return False
            if area and area not in p.areas:
                return False
            if criterion == "all" and p.criteria_met < 5:
                return False
            if criterion == "4" and p.criteria_met < 4:
                return False
            if criterion not in (ALL, "all", "4") and not p.criterion(criterion).met:
                return False
            return all(w in p.search_text for w in words)

        filtering = any((status, route, criterion, area, words))
        if filtering or self._filtering:  # refiltering 5,000 rows to show them all again is wasted work
            self.proxy.set_predicate(accept if filtering else None)
        self._filtering = filtering
        self._update_count()

    def clear_filters(self) -> None:
        for combo in (self.status_filter, self.route_filter, self.criterion_filter, self.area_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def _update_count(self) -> None:
        self.count.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} projects")

    # -- actions -------------------------------------------------------------------------------------------
    def _stack(self):
        return self.session.undo_stack

    def add_project(self) -> None:
        if self.session.read_only:
            return
        project = Project(id=new_id(), title="New project",
                          status_history=(service.StatusChange("proposed", date.today().isoformat()),))
        store = self.session.store
        push_service_command(
            self._stack(), "Add project",
            do=lambda: service.add_projects(store, [project]),
            undo=lambda: service.remove_projects(store, [project.id]),
            after=lambda: self.refresh_projects([project.id], select=project.id))
        self.editor.edits["title"].setFocus()
        self.editor.edits["title"].selectAll()

    def save_editor(self) -> bool:
        """Check the editor's fields and save them as one undoable change; problems are shown, nothing saved."""
        before = self.editor.project
        if before is None or self.session.read_only:
            return False
        try:
            after = service.project_from_fields(self.editor.fields(), base=before,
                                                cost_lines=self.editor.cost_line_values())
        except ProjectError as exc:
            self.editor.show_errors(str(exc))
            return False
        self.editor.clear_errors()
        self._push_save(before, after, f"Edit “{after.title}”")
        return True

    def _push_save(self, before: Project, after: Project, text: str) -> None:
        store = self.session.store
        push_service_command(
            self._stack(), text,
            do=lambda: service.save_project(store, after),
            undo=lambda: service.save_project(store, before, touch=False),
            after=lambda: self.refresh_projects([before.id], select=before.id))

    def accept_suggestion(self, line_index: int) -> None:
        project = self.editor.project
        if project is None or self.session.read_only:
            return
        try:
            fixed = service.accept_line_suggestion(project, line_index)
        except ProjectError as exc:
            prompts.show_error(self, "Cost line", str(exc))
            return
        figure = fixed.cost_lines[line_index].amount.text
        self._push_save(project, fixed, f"Read cost line {line_index + 1} as {figure}")

    def delete_selected(self) -> None:
        projects = self.selected_projects()
        if not projects or self.session.read_only:
            return
        names = projects[0].title if len(projects) == 1 else f"{len(projects)} projects"
        if not prompts.ask(self, "Delete projects", f"Delete {names} from the register? (Edit > Undo puts "
                                                    "them back.)", yes="Delete"):
            return
        store = self.session.store
        ids = [p.id for p in projects]
        snapshots: list = []

        def do():
            snapshots[:] = service.delete_projects(store, ids)

        push_service_command(self._stack(), f"Delete {names}", do=do,
                             undo=lambda: service.restore_projects(store, snapshots),
                             after=lambda: self.refresh_projects(ids, select=ids[0]))

    def copy_selection(self) -> bool:
        return self.view.copy_selection()

    def paste_rows(self) -> None:
        """Add projects from rows copied out of Excel (one undoable step; all rows or none)."""
        if self.session.read_only:
            return
        text = QGuiApplication.clipboard().text()
        try:
            new = service.projects_from_rows(parse_tsv(text))
        except ProjectError as exc:
            prompts.show_error(self, "Paste projects", str(exc))
            return
        store = self.session.store
        ids = [p.id for p in new]
        push_service_command(
            self._stack(), f"Paste {len(new)} project{'s' if len(new) != 1 else ''}",
            do=lambda: service.add_projects(store, new),
            undo=lambda: service.remove_projects(store, ids),
            after=lambda: self.refresh_projects(ids, select=ids[0]))

    def export_register(self) -> None:
        name = prompts.save_file_name(self, "Export the project register",
                                      "Excel workbook (*.xlsx);;CSV (*.csv)", "project-register.xlsx")
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_suffix(".xlsx")
        shown = self.proxy.source_rows()
        try:
            service.export_register(self.session.store, target, shown)
        except (ProjectError, OSError) as exc:
            prompts.show_error(self, "Export", f"The register was not saved: {exc}")
            return
        prompts.show_info(self, "Export", f"Saved {len(shown)} projects to {target}.")


class ProjectsTab(TabBase):
    """The register and commissioning, as two pages of one tab."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        layout.addWidget(self.pages)
        self.register = RegisterPage(self)
        self.pages.addTab(self.register, "Register")
        self._commissioning = None
        self._commissioning_holder = QWidget()
        QVBoxLayout(self._commissioning_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(self._commissioning_holder, "Commissioning")
        self.pages.currentChanged.connect(self._page_changed)
        self.register.load()
        session.data_changed.connect(self._data_changed)

    @property
    def commissioning(self):
        """The commissioning page, built when first wanted."""
        if self._commissioning is None:
            from safer_desk.ui.projects.commissioning import CommissioningPage

            self._commissioning = CommissioningPage(self)
            self._commissioning_holder.layout().addWidget(self._commissioning)
        return self._commissioning

    def show_commissioning(self):
        self.pages.setCurrentWidget(self._commissioning_holder)
        return self.commissioning

    def _page_changed(self, index: int) -> None:
        if self.pages.widget(index) is self._commissioning_holder:
            self.commissioning.reload_if_stale()

    def _data_changed(self, area: str) -> None:
        if area in ("projects", "") and self._commissioning is not None:
            self._commissioning.mark_stale()
            if self.pages.currentWidget() is self._commissioning_holder:
                QTimer.singleShot(0, self._commissioning.reload_if_stale)

    def is_busy(self) -> bool:
        return self.register.loading

    # The window's Edit > Copy / Paste find these on the focused widget's parents.
    def copy_selection(self) -> bool:
        if self.pages.currentWidget() is self.register:
            return self.register.copy_selection()
        return self.commissioning.copy_selection()

    def paste_rows(self) -> None:
        if self.pages.currentWidget() is self.register:
            self.register.paste_rows()
