"""View > Funders' Awards…: the list of awards, with Add, Edit and Delete (presenters.awards does the work)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.ui import prompts
from safer_desk.ui.costs.widgets import FormDialog
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.forms import NamedLabel
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.session import Session

COLUMNS = [
    Column("funder", "Funder"),
    Column("name", "Award"),
    Column("amounts", "Amounts", get=AwardsPresenter.amounts_text),
    Column("split", "Revenue / capital", get=AwardsPresenter.split_text),
    Column("conditions", "Conditions", tooltip=lambda a: a.conditions or None),
]
AWARD, CONDITIONS = 1, 4  # on a narrow window the conditions, then the award's name, give up width


class AwardsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.dialog: FormDialog | None = None  # the award being added or corrected
        self.setWindowTitle("Funders' Awards")
        self.presenter = AwardsPresenter(session.store, perform=lambda a: push_action(session.undo_stack, a),
                                         after=lambda: session.notify("projects"))
        self.presenter.form_opened.connect(self._show_form)
        # Refreshed through the session's Qt signal only, never the presenter's own event: a step of Edit > Undo
        # outlives this dialog (closed, or opened again as another), and Qt drops a destroyed dialog's connections.
        self.summary = NamedLabel(parent=self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Awards summary")
        self.model = RowTableModel(COLUMNS, parent=self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(self, accessible_name="Funders' awards", on_edit=self.edit_selected,
                                  on_delete=self.delete_selected)
        self.view.setModel(self.proxy)
        self.view.verticalHeader().hide()  # a double-click or Enter edits (on_edit), Del deletes
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add Award…", self)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("&Edit…", self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("&Delete", self)
        self.delete_button.clicked.connect(self.delete_selected)
        for b in (self.add_button, self.edit_button, self.delete_button):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
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
        self.session.data_changed.connect(self._data_changed)  # Edit > Undo of an award, from the window
        self.refresh()
        # As wide as its columns (within the window: at 150% on a 1366x768 laptop, 886): they fit the room it has.
        margins = layout.contentsMargins()
        need = self._columns_width + 2 * self.view.frameWidth() + margins.left() + margins.right()
        self.resize(*fitting_size(parent, max(960, need), 420))
        self.view.viewport().installEventFilter(self)  # a resized dialog fits the columns again

    def _data_changed(self, area: str) -> None:
        if area in ("projects", "") and self.session.store is self.presenter.store:
            self.refresh()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        self.model.set_rows(self.presenter.rows())
        self.summary.setText(self.presenter.summary())
        self.view.size_columns_to_visible(max_width=230)
        self._award_width = self.view.columnWidth(AWARD)
        self._columns_width = self.view.horizontalHeader().length()
        self.view.horizontalHeader().setStretchLastSection(True)  # the conditions take what is left
        self._fit_columns()
        self._enable()

    def _fit_columns(self) -> None:
        """The columns were 1072 wide in a table 936 wide (862 at 150%): Conditions, and at 150% Revenue / capital,
        were behind a sideways scroll. The conditions (whole in their tooltip) take what is left, down to their
        heading, and the award's name gives up width (down to about 18 letters) so that every column is in view."""
        view, header = self.view, self.view.horizontalHeader()
        conditions = header.sectionSizeHint(CONDITIONS)
        view.fit_column(CONDITIONS, conditions)  # the stretched last column: it grows into the room left
        others = sum(view.columnWidth(c) for c in range(CONDITIONS) if c != AWARD)
        room = view.viewport().width() - others - conditions
        floor = min(header.fontMetrics().averageCharWidth() * 18, self._award_width)
        view.fit_column(AWARD, max(floor, min(self._award_width, room)))

    def _enable(self) -> None:
        writable = not self.presenter.read_only
        chosen = self.selected() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(chosen)  # a file open read-only shows the award to read
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
        self.presenter.new_form()

    def edit_selected(self) -> None:
        award = self.selected()
        if award is not None:
            self.presenter.edit_form(award.id)

    def delete_selected(self) -> None:
        award = self.selected()
        if award is None or self.presenter.read_only:
            return
        if prompts.ask(self, "Delete award", self.presenter.delete_question(award.id), yes="Delete"):
            self.presenter.delete(award.id)
