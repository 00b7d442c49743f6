"""View > Populations…: the populations rates use, by area and financial year, with Add, Change and Remove
(presenters.populations does the work; each change is one step of Edit > Undo)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.formats import Unit
from safer_desk.presenters.populations import PopulationsPresenter
from safer_desk.ui import prompts
from safer_desk.ui.costs.widgets import FormDialog, Table
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.forms import NamedLabel
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import RIGHT, Column, RowTableModel, SortProxy
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.session import Session

COLUMNS = [
    Column("area", "Area"),
    Column("year", "Year"),
    Column("population", "Population", align=RIGHT, unit=Unit.COUNT),
    Column("source", "Source", tooltip=lambda r: r.source or None),
]


class PopulationsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None, *, area_id: str | None = None,
                 year: FinancialYear | None = None):
        super().__init__(parent)
        self.session = session
        self.area_id, self.year = area_id, year  # in view on the tab: what Add… starts with
        self.dialog: FormDialog | None = None  # the population being added or changed
        self.setWindowTitle("Populations")
        self.presenter = PopulationsPresenter(session.store, perform=lambda a: push_action(session.undo_stack, a),
                                              after=lambda: session.notify("indicators"))
        self.presenter.form_opened.connect(self._show_form)
        self.summary = NamedLabel(parent=self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Populations summary")
        self.model = RowTableModel(COLUMNS, parent=self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(self, accessible_name="Populations", on_edit=self.edit_selected,
                                  on_delete=self.delete_selected)
        self.view.setModel(self.proxy)
        self.view.verticalHeader().hide()  # a double-click or Enter changes (on_edit), Del removes
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add…", self)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("&Change…", self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("&Remove", self)
        self.delete_button.clicked.connect(self.delete_selected)
        for b, name in ((self.add_button, "Add population"), (self.edit_button, "Change population"),
                        (self.delete_button, "Remove population")):
            b.setAccessibleName(name)
            row.addWidget(b)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        # Through the session's signal: Edit > Undo of a population, from the window, outlives this dialog.
        self.session.data_changed.connect(self._data_changed)
        self.refresh()
        self.resize(*fitting_size(parent, 720, 400))

    def _data_changed(self, area: str) -> None:
        if area in ("indicators", "") and self.session.store is self.presenter.store:
            self.refresh()

    def refresh(self) -> None:
        chosen, at = self.selected(), self.view.currentIndex().row()
        before = {(r.area_id, r.year) for r in self.model.rows}
        self.model.set_rows(self.presenter.rows())
        self._choose_again(chosen, at, before)
        self.summary.setText(self.presenter.summary())
        self.view.size_columns_to_visible(max_width=260)
        self.view.horizontalHeader().setStretchLastSection(True)  # the source takes what is left
        self._enable()

    def _choose_again(self, chosen, at: int, before: set) -> None:
        """The row added, changed (or moved to another year) or put back by Edit > Undo is chosen again, so Enter
        and Del act on it without finding it with the arrows; a row removed leaves the one now in its place."""
        table = Table(self.model, self.proxy, self.view)
        new = [(r.area_id, r.year) for r in self.model.rows if (r.area_id, r.year) not in before]
        wanted = new if len(new) == 1 else [(chosen.area_id, chosen.year)] if chosen is not None else []
        if wanted and not table.select_where(lambda r: (r.area_id, r.year) == wanted[0]) and chosen is not None:
            row = min(at, self.proxy.rowCount() - 1)
            if row >= 0:
                self.view.selectRow(row)

    def _enable(self) -> None:
        writable = not self.presenter.read_only
        chosen = self.selected() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(chosen)  # a file open read-only shows the population to read
        self.delete_button.setEnabled(writable and chosen)

    def selected(self):
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().selectedRows():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def _show_form(self, form) -> None:
        self.dialog = FormDialog(self, form, self.presenter)
        self.dialog.open()

    def add(self) -> None:
        self.presenter.new_form(self.area_id, self.year)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.presenter.edit_form(row.area_id, row.year)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None or self.presenter.read_only:
            return
        if prompts.ask(self, "Remove population", self.presenter.delete_question(row.area_id, row.year),
                       yes="Remove"):
            self.presenter.delete(row.area_id, row.year)


__all__ = ["PopulationsDialog"]
