"""View > Districts, Partnerships and Partners: the reference data every tab shares."""

from __future__ import annotations

from typing import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from safer_desk.domain.ids import reference_id
from safer_desk.services import reference as ref
from safer_desk.ui import prompts
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, SortProxy, RowTableModel
from safer_desk.ui.kit.undo import push_service_action
from safer_desk.ui.session import Session
from safer_desk.ui.kit import fitting_size

ORGANISATION_KINDS = ("district council", "county council", "unitary council", "police", "pcc", "fire", "health",
                      "probation", "other")


def _checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class _Page(QWidget):
    """A table of one kind of reference data, a form to add one, and Remove."""

    kind = ""

    def __init__(self, dialog: "ReferenceDialog", columns: list[Column]):
        super().__init__(dialog)
        self.dialog = dialog
        self.model = RowTableModel(columns, parent=self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(self, accessible_name=f"{self.kind.title()}s")
        self.view.setModel(self.proxy)
        self.form = QFormLayout()
        self.add_button = QPushButton(f"&Add {self.kind}", self)
        self.remove_button = QPushButton("&Remove selected", self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        writable = not dialog.session.read_only
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable)

    @property
    def store(self):
        return self.dialog.session.store

    def selected(self) -> list:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return [self.model.row(r) for r in sorted(rows)]

    def refresher(self) -> Callable[[], None]:
        """The action's ``after``: the dialog's lists if it is still there, the other tabs either way."""
        dialog, session = self.dialog, self.dialog.session

        def after() -> None:
            if shiboken6.isValid(dialog):
                dialog.refresh()
            else:
                session.notify("reference")
        return after

    def remove_selected(self) -> None:
        # The actions keep the file and the kind, not the page: Edit > Undo / Redo outlive the dialog.
        store, kind = self.store, self.kind
        for chosen in self.selected():
            ref_id, saved = chosen.id, {}

            def do(ref_id=ref_id, saved=saved) -> None:
                saved.clear()
                saved.update(ref.remove_reference(store, kind, ref_id))

            try:
                push_service_action(self.dialog.session.undo_stack, f"Remove {kind} {chosen.name}", do,
                                     lambda saved=saved: ref.restore_reference(store, dict(saved)), self.refresher())
            except ref.ReferenceError as exc:
                prompts.show_error(self, f"Remove {kind}", str(exc))

    def run_add(self, text: str, add: Callable[[], str]) -> bool:
        """Add as one undoable step. ``add`` holds the values the form had when the person added (it reads no
        widget); the first do runs it and keeps the rows it wrote, and a redo puts back those very rows, ids and all.
        """
        store, kind = self.store, self.kind
        written: dict = {}

        def do() -> None:
            if written:
                ref.restore_reference(store, written)
            else:
                written.update(ref.reference_rows(store, kind, add()))

        try:
            push_service_action(self.dialog.session.undo_stack, text, do,
                                 lambda: ref.remove_reference(store, kind, written["row"]["id"]), self.refresher())
        except (ref.ReferenceError, ValueError) as exc:
            prompts.show_error(self, text, str(exc))
            return False
        return True

    def add(self) -> None:  # pragma: no cover - each page defines it
        raise NotImplementedError


class DistrictsPage(_Page):
    kind = "district"

    def __init__(self, dialog: "ReferenceDialog"):
        super().__init__(dialog, [Column("name", "District"), Column("ons_code", "ONS code"), Column("county", "County"),
                                  Column("successor", "Became", get=lambda d: dialog.district_name(d.successor_id))])
        self.name_edit, self.code_edit, self.county_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        for label, edit in (("District name", self.name_edit), ("ONS code", self.code_edit), ("County", self.county_edit)):
            edit.setAccessibleName(label)
            self.form.addRow(label + ":", edit)

    def reload(self) -> None:
        self.model.set_rows(ref.list_districts(self.store))

    def add(self) -> None:
        name = self.name_edit.text().strip()
        if name and self.store.scalar("SELECT 1 FROM districts WHERE id = ?", (reference_id("district", name),)):
            prompts.show_error(self, "Add district", f"There is already a district called {name}.")
            return
        store, code, county = self.store, self.code_edit.text().strip() or None, self.county_edit.text().strip() or None
        if self.run_add(f"Add district {name}", lambda: ref.add_district(store, name, ons_code=code, county=county)):
            for edit in (self.name_edit, self.code_edit):
                edit.clear()


class OrganisationsPage(_Page):
    kind = "organisation"

    def __init__(self, dialog: "ReferenceDialog"):
        super().__init__(dialog, [Column("name", "Organisation"), Column("kind", "Kind")])
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Organisation name")
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItems(ORGANISATION_KINDS)
        self.kind_combo.setAccessibleName("Kind of organisation")
        self.form.addRow("Organisation name:", self.name_edit)
        self.form.addRow("Kind:", self.kind_combo)

    def reload(self) -> None:
        self.model.set_rows(ref.list_organisations(self.store))

    def add(self) -> None:
        name = self.name_edit.text().strip()
        if name and self.store.scalar("SELECT 1 FROM organisations WHERE id = ?", (reference_id("org", name),)):
            prompts.show_error(self, "Add organisation", f"There is already an organisation called {name}.")
            return
        store, kind = self.store, self.kind_combo.currentText()
        if self.run_add(f"Add organisation {name}", lambda: ref.add_organisation(store, name, kind)):
            self.name_edit.clear()


class PartnershipsPage(_Page):
    kind = "partnership"

    def __init__(self, dialog: "ReferenceDialog"):
        super().__init__(dialog, [
            Column("name", "Partnership"), Column("kind", "Kind"),
            Column("districts", "Districts", get=lambda p: ", ".join(
                d.name for d in ref.partnership_districts(dialog.session.store, p.id))),
            Column("partners", "Statutory partners", get=lambda p: str(len(
                ref.statutory_partners(dialog.session.store, p.id)))),
            Column("valid_from", "From"), Column("valid_to", "To")])
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Partnership name")
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItems(("csp", "county board", "other"))
        self.kind_combo.setAccessibleName("Kind of partnership")
        self.district_list = QListWidget(self)
        self.district_list.setAccessibleName("Districts covered")
        self.member_list = QListWidget(self)
        self.member_list.setAccessibleName("Statutory partners")
        self.from_edit, self.to_edit = QLineEdit(self), QLineEdit(self)
        for edit, label in ((self.from_edit, "From (YYYY-MM-DD)"), (self.to_edit, "To (YYYY-MM-DD)")):
            edit.setPlaceholderText("YYYY-MM-DD")
            edit.setAccessibleName(label)
        lists = QHBoxLayout()
        lists.addWidget(self.district_list)
        lists.addWidget(self.member_list)
        self.form.addRow("Partnership name:", self.name_edit)
        self.form.addRow("Kind:", self.kind_combo)
        self.form.addRow("Districts / statutory partners:", lists)
        self.form.addRow("From:", self.from_edit)
        self.form.addRow("To:", self.to_edit)

    def reload(self) -> None:
        self.model.set_rows(ref.list_partnerships(self.store))
        for widget, names in ((self.district_list, [d.name for d in ref.list_districts(self.store)]),
                              (self.member_list, [o.name for o in ref.list_organisations(self.store)])):
            widget.clear()
            for name in names:
                item = QListWidgetItem(name, widget)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)

    def add(self) -> None:
        name = self.name_edit.text().strip()
        if name and self.store.scalar("SELECT 1 FROM partnerships WHERE id = ?", (reference_id("partnership", name),)):
            prompts.show_error(self, "Add partnership", f"There is already a partnership called {name}.")
            return
        store, kind = self.store, self.kind_combo.currentText()
        districts, members = _checked(self.district_list), [(m, True) for m in _checked(self.member_list)]
        valid_from, valid_to = self.from_edit.text().strip() or None, self.to_edit.text().strip() or None
        if self.run_add(f"Add partnership {name}", lambda: ref.add_partnership(
                store, name, kind=kind, districts=districts, members=members, valid_from=valid_from,
                valid_to=valid_to)):
            self.name_edit.clear()


class ReferenceDialog(QDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Districts, Partnerships and Partners")
        self.resize(*fitting_size(parent, 900, 620))
        self.pages = QTabWidget(self)
        self.districts = DistrictsPage(self)
        self.organisations = OrganisationsPage(self)
        self.partnerships = PartnershipsPage(self)
        self.pages.addTab(self.districts, "&Districts")
        self.pages.addTab(self.partnerships, "&Partnerships")
        self.pages.addTab(self.organisations, "P&artner organisations")
        note = QLabel("Shared by every tab. Names are matched across offices' files when the county merges them.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        self.refresh()

    def district_name(self, district_id: str | None) -> str:
        if not district_id:
            return ""
        return self.session.store.scalar("SELECT name FROM districts WHERE id = ?", (district_id,)) or ""

    def refresh(self) -> None:
        for page in (self.districts, self.organisations, self.partnerships):
            page.reload()
            page.view.size_columns_to_visible()
        self.session.notify("reference")
