"""View > Districts, Partnerships and Partners: the reference data every tab shares."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, ClassVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSplitter,
                               QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from safer_desk.domain.checks import Slip
from safer_desk.domain.periods import PeriodError, format_uk_date, parse_uk_date
from safer_desk.domain.text import in_words
from safer_desk.presenters import office
from safer_desk.presenters.forms import Field, FieldKind, FormError, FormPresenter
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import reference as ref
from safer_desk.ui import prompts, settings
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.dialogs import share_undo
from safer_desk.ui.kit.forms import FormDialog, set_widget_text
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, SortProxy, RowTableModel
from safer_desk.ui.kit.undo import push_action, push_service_action, push_snapshot_action
from safer_desk.ui.session import Session
from safer_desk.ui.kit import fitting_size

# The window's size and place, and the dividers of its Partnerships page, as the person left them (window state only,
# as the main window's): put back in every new window.
GEOMETRY_KEY = "reference/geometry"
PARTNERSHIPS_SPLITTER_KEY = "reference/partnerships-splitter"


class KindCombo(ChoiceBox):
    """A kind chosen by its words ("CSP") and stored by its code ("csp"). setCurrentText takes either: a script or a
    test names the kind as the file stores it."""

    def __init__(self, kinds: dict[str, str], parent: QWidget):
        super().__init__(parent)
        for code, words in kinds.items():
            self.addItem(words, code)

    def code(self) -> str:
        return self.currentData()

    def setCurrentText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        set_widget_text(self, text)  # the kit's rule for a choice list: its stored value, else its words


# What the Partnerships form's lists say while the file has none to tick (a new file): where the names come from
NO_DISTRICTS_YET = "None yet: tick the office's districts in File > Office Details…, or add one on Districts"
NO_PARTNERS_YET = "None yet: add each partner on Partner organisations first"


def _checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class _TippedModel(RowTableModel):
    """A table whose column headers say more when pointed at (``tips``: header text by column key)."""

    def __init__(self, columns: list[Column], tips: dict[str, str], parent=None, *, noun: str = "row"):
        super().__init__(columns, parent=parent, noun=noun)
        self.tips = tips

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.tips.get(self.columns[section].key)
        return super().headerData(section, orientation, role)


class _Page(QWidget):
    """A table of one kind of reference data, a form to add one, and Remove."""

    kind = ""
    header_tips: ClassVar[dict[str, str]] = {}

    def __init__(self, dialog: "ReferenceDialog", columns: list[Column]):
        super().__init__(dialog)
        self.dialog = dialog
        self.model = _TippedModel(columns, self.header_tips, parent=self, noun=self.kind or "row")
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(self, accessible_name=f"{self.kind.title()}s")
        self.view.setModel(self.proxy)
        self.view.keep_in_sight(0)  # the name in sight, scrolled sideways to the dates (the kit's)
        self.form = QFormLayout()
        self.add_button = QPushButton(f"&Add {self.kind}", self)
        self.remove_button = QPushButton("&Remove selected", self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = self.buttons = QHBoxLayout()
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

    def keyboard(self, fields: list[QWidget], buttons: list[QWidget]) -> None:
        """Tab goes down the page: the table, what is below it to the form's last field, then the buttons under them;
        Enter in a line of the form adds, as Add does (no button is pressed by Enter elsewhere: the table, the tabs)."""
        chain = [self.view, *fields, *buttons]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        for field in fields:
            if isinstance(field, QLineEdit):
                field.returnPressed.connect(self.add_button.click)

    def _edit_button(self, text: str, tip: str) -> None:
        """Edit…, beside Add, for the one row chosen (Enter or a double-click on it does too): the page's
        ``edit_selected`` opens its form in ``edit_dialog``; greyed on a file open read-only."""
        self.edit_dialog: MemberDialog | None = None
        self.edit_button = QPushButton(text, self)
        self.edit_button.setToolTip(tip)
        self.edit_button.clicked.connect(self.edit_selected)
        self.buttons.insertWidget(1, self.edit_button)
        self.view.on_edit = self.edit_selected
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable_edit())
        self._enable_edit()

    def _enable_edit(self) -> None:
        self.edit_button.setEnabled(not self.dialog.session.read_only and len(self.selected()) == 1)

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
        # The rows chosen go as one step, all or nothing: one Undo brings them all back, one refused keeps them all.
        store, kind, chosen = self.store, self.kind, self.selected()
        if not chosen:
            return
        ids, saved = [row.id for row in chosen], []
        text = f"Remove {kind} {chosen[0].name}" if len(chosen) == 1 else \
            f"Remove {kind}s {in_words([row.name for row in chosen])}"

        def do() -> None:
            saved[:] = ref.remove_references(store, kind, ids)

        try:
            push_service_action(self.dialog.session.undo_stack, text, do,
                                lambda: ref.restore_references(store, list(saved)), self.refresher())
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

        def undo() -> None:
            try:
                ref.remove_reference(store, kind, written["row"]["id"])
            except ref.ReferenceError as exc:  # said by the window as "…: {why}. Nothing was changed, …"
                raise ref.ReferenceError(str(exc).rstrip(".")) from None

        try:
            push_service_action(self.dialog.session.undo_stack, text, do, undo, self.refresher())
        except (ref.ReferenceError, ValueError) as exc:
            prompts.show_error(self, text, str(exc))
            return False
        return True

    def add(self) -> None:  # pragma: no cover - each page defines it
        raise NotImplementedError


def _uk(day: date | str | None) -> str:
    return format_uk_date(day) if isinstance(day, date) else (day or "")


def _stored_day(text: str | None) -> date | str | None:
    """A partnership's or district's stored From or To as a day, to show as 01/07/2022 and sort by date (a file
    written before dates were checked may hold it as typed); what is not a day stays as stored."""
    try:
        return parse_uk_date(text) if text else None
    except PeriodError:
        return text


def _label_for(text: str, widget: QWidget) -> QLabel:
    """A label whose Alt letter puts the keyboard in ``widget``."""
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    return label


class DistrictsPage(_Page):
    kind = "district"

    def __init__(self, dialog: "ReferenceDialog"):
        super().__init__(dialog, [Column("name", "District"), Column("ons_code", "ONS code"), Column("county", "County"),
                                  Column("valid_from", "From", get=lambda d: _stored_day(d.valid_from), show=_uk),
                                  Column("valid_to", "To", get=lambda d: _stored_day(d.valid_to), show=_uk),
                                  Column("successor", "Became", get=lambda d: dialog.district_name(d.successor_id))])
        self.name_edit, self.code_edit, self.county_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        # Each field with its Alt letter, as the Edit… form has (a keyboard user went by Tab through the table).
        for label, edit, shown in (("District name", self.name_edit, "District &name:"),
                                   ("ONS code", self.code_edit, "ONS &code:"),
                                   ("County", self.county_edit, "Co&unty:")):
            edit.setAccessibleName(label)
            self.form.addRow(shown, edit)
        # A district merged into another (Waveney and Suffolk Coastal became East Suffolk on 01/04/2019): what it
        # became and its last day, so its partnerships' and county's figures count the new one from then.
        self.successor_combo = ChoiceBox(self)
        self.successor_combo.setAccessibleName("Became (the district it became after its To)")
        self.from_edit, self.to_edit = QLineEdit(self), QLineEdit(self)
        for edit, label in ((self.from_edit, "From (dd/mm/yyyy)"), (self.to_edit, "To (dd/mm/yyyy)")):
            edit.setPlaceholderText("dd/mm/yyyy")
            edit.setAccessibleName(label)
        dates = QHBoxLayout()
        for label, widget in (("&From:", self.from_edit), ("&To:", self.to_edit), ("&Became:", self.successor_combo)):
            dates.addWidget(_label_for(label, widget))
            dates.addWidget(widget, 1)
        self.form.addRow("Dates (blank: always):", dates)
        # A district added wrong, or by the police.uk lookup with no dates (East Suffolk with no From 01/04/2019),
        # is corrected in place: removing and adding it again is refused once anything refers to it.
        self._edit_button("&Edit district…", "Correct the selected district's name, ONS code, county, From, To or what "
                          "it became (Enter or a double-click on it does too)")
        self.keyboard([self.name_edit, self.code_edit, self.county_edit, self.from_edit, self.to_edit,
                       self.successor_combo], [self.add_button, self.edit_button, self.remove_button])

    def edit_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or self.dialog.session.read_only:
            return
        district = chosen[0]
        store, undo_stack, after, did = self.store, self.dialog.session.undo_stack, self.refresher(), district.id
        others = tuple((d.id, d.name) for d in ref.list_districts(store) if d.id != did)
        before = {"name": district.name, "ons_code": district.ons_code or "", "county": district.county or "",
                  "valid_from": _stored_day(district.valid_from), "valid_to": _stored_day(district.valid_to),
                  "successor": district.successor_id or ""}
        labels = {"name": "name", "ons_code": "ONS code", "county": "county", "valid_from": "From",
                  "valid_to": "To", "successor": "Became"}
        loaded = {"name": district.name, "ons_code": district.ons_code or "", "county": district.county or "",
                  "valid_from": _uk(_stored_day(district.valid_from)), "valid_to": _uk(_stored_day(district.valid_to)),
                  "successor": district.successor_id or ""}

        def save(_typed: dict, parsed: dict) -> None:
            now = {k: parsed[k] if k in ("valid_from", "valid_to") else (parsed[k] or "").strip() for k in labels}
            now["ons_code"] = now["ons_code"].upper()
            now["name"] = " ".join(now["name"].split())  # held with its spaces tidied (reference.edit_district)
            changed = [label for k, label in labels.items() if now[k] != before[k]]
            if not changed:
                return  # nothing corrected: nothing to undo
            try:
                push_snapshot_action(
                    undo_stack, f"Edit district {district.name}: {', '.join(changed)}", key=did,
                    snap=lambda k: ref.district_snapshot(store, k),
                    restore=lambda snap: ref.put_district_snapshot(store, did, snap), absent=lambda k: None,
                    action=lambda: ref.edit_district(
                        store, did, name=parsed["name"], ons_code=parsed["ons_code"], county=parsed["county"],
                        successor=parsed["successor"], valid_from=parsed["valid_from"],
                        valid_to=parsed["valid_to"]), after=after)
            except ref.DistrictError as exc:
                raise FormError({exc.field: str(exc)}) from None

        class _Form(FormPresenter):
            def validate(self):
                """A To before months the district has figures for, or a From after some, is asked about once
                beside it: partnership and county totals would count another district's figures for them."""
                parsed = super().validate()
                if parsed is not None:
                    self.slips.update({k: Slip(text) for k, text in ref.district_dates_question(
                        store, did, name=parsed["name"], ons_code=parsed["ons_code"], county=parsed["county"],
                        successor=parsed["successor"], valid_from=parsed["valid_from"],
                        valid_to=parsed["valid_to"]).items()})
                    self.changed.emit()
                return parsed

        # A From or To may be long past (01/04/1974, when many districts began): not queried as a slip.
        form = _Form([
            Field("name", "&Name", required=True,
                  help="Its spelling only: a district renamed is a new district that this one became"),
            Field("ons_code", "&ONS code", placeholder="E07000244"),
            Field("county", "&County"),
            Field("valid_from", "&From (its first day)", FieldKind.DATE, placeholder="blank: always", slip_years=100),
            Field("valid_to", "&To (its last day)", FieldKind.DATE, placeholder="blank: still current",
                  slip_years=100),
            Field("successor", "&Became (from the day after its To)", FieldKind.CHOICE, choices=(("", ""), *others))],
            save_fn=save, title="Edit district")
        form.load(loaded, heading=f"Correct {district.name}")
        self.edit_dialog = MemberDialog(self, form)
        self.edit_dialog.resize(max(520, self.edit_dialog.width()), 400)  # every field in view, with a refusal
        self.edit_dialog.open()

    def reload(self) -> None:
        districts = ref.list_districts(self.store)
        self.model.set_rows(districts)
        chosen = self.successor_combo.currentText()
        self.successor_combo.clear()
        self.successor_combo.addItems(["", *(d.name for d in districts)])
        self.successor_combo.setCurrentText(chosen)
        self._enable_edit()

    def add(self) -> None:
        name = self.name_edit.text().strip()
        held = ref.name_taken(self.store, "district", name)
        if held:  # "Mid-Suffolk" typed where Mid Suffolk is: named as the list spells it
            prompts.show_error(self, "Add district", f"There is already a district called {held}.")
            return
        store, code, county = self.store, self.code_edit.text().strip() or None, self.county_edit.text().strip() or None
        became = self.successor_combo.currentText().strip() or None
        valid_from, valid_to = self.from_edit.text().strip() or None, self.to_edit.text().strip() or None
        if self.run_add(f"Add district {ref.district_spelling(store, name, code)}", lambda: ref.add_district(
                store, name, ons_code=code, county=county, successor=became, valid_from=valid_from,
                valid_to=valid_to)):
            for edit in (self.name_edit, self.code_edit, self.from_edit, self.to_edit):
                edit.clear()
            self.successor_combo.setCurrentIndex(0)


class OrganisationsPage(_Page):
    kind = "organisation"

    def __init__(self, dialog: "ReferenceDialog"):
        super().__init__(dialog, [Column("name", "Organisation"),
                                  Column("kind", "Kind", show=lambda k: office.ORGANISATION_KINDS.get(k, k or ""))])
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Organisation name")
        self.kind_combo = KindCombo(office.ORGANISATION_KINDS, self)
        self.kind_combo.setAccessibleName("Kind of organisation")
        self.form.addRow("Organisation &name:", self.name_edit)
        self.form.addRow("&Kind:", self.kind_combo)
        # A partner renamed (the National Probation Service became The Probation Service) or its name mistyped:
        # renamed in place, as one undoable step; its reviews' bills, payments and fund contributions follow it.
        self._edit_button("&Edit organisation…", "Rename the selected organisation or correct its kind (Enter or a "
                          "double-click on it does too)")
        self.keyboard([self.name_edit, self.kind_combo], [self.add_button, self.edit_button, self.remove_button])

    def edit_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or self.dialog.session.read_only:
            return
        org = chosen[0]
        store, undo_stack, after = self.store, self.dialog.session.undo_stack, self.refresher()
        kinds = dict(office.ORGANISATION_KINDS)
        kinds.setdefault(org.kind, org.kind)  # another office's kind, said as stored

        def save(_typed: dict, parsed: dict) -> None:
            try:
                action = office.edit_organisation_action(store, org.id, parsed["name"] or "", parsed["kind"] or None,
                                                         after)
                if action is not None:
                    push_action(undo_stack, action)
            except ref.ReferenceError as exc:
                raise FormError({"name": str(exc)}) from None

        form = FormPresenter([
            Field("name", "&Name", required=True,
                  help="Its name now: reviews, payments and funds name it by it from now on; papers already "
                       "printed or exported keep the old one"),
            Field("kind", "&Kind", FieldKind.CHOICE, choices=tuple(kinds.items()))],
            save_fn=save, title="Edit organisation")
        form.load({"name": org.name, "kind": org.kind}, heading=f"Rename or correct {org.name}")
        self.edit_dialog = MemberDialog(self, form)
        self.edit_dialog.open()

    def reload(self) -> None:
        self.model.set_rows(ref.list_organisations(self.store))
        self._enable_edit()

    def add(self) -> None:
        name = " ".join(self.name_edit.text().split())
        held = ref.name_taken(self.store, "organisation", name)
        if held:  # "Suffolk Constabulary" typed where suffolk constabulary is: named as the list spells it
            prompts.show_error(self, "Add organisation", f"There is already an organisation called {held}: use that "
                                                         "one, or give the new organisation a name of its own.")
            return
        store, kind = self.store, self.kind_combo.code()
        if self.run_add(f"Add organisation {name}", lambda: ref.add_organisation(store, name, kind)):
            self.name_edit.clear()


class MemberDialog(FormDialog):
    """End a membership (its To) or add a member (organisation, From, To, statutory or not), or correct a district:
    the kit's form, each refusal beside its field; Save does the change as one undoable step and closes."""

    def __init__(self, parent: QWidget, form: FormPresenter, custom: dict[str, QWidget] | None = None):
        super().__init__(parent, form, custom)  # sized for its fields and grown for a refusal by the kit's dialog



class PartnershipsPage(_Page):
    kind = "partnership"
    header_tips: ClassVar[dict[str, str]] = {
        "partners": "The partnership's statutory partners today (each member's From and To dates count): those a "
                    "review's costs are shared among if billed today."}

    def __init__(self, dialog: "ReferenceDialog"):
        super().__init__(dialog, [
            Column("name", "Partnership"),
            Column("kind", "Kind", show=lambda k: office.PARTNERSHIP_KINDS.get(k, k or "")),
            Column("districts", "Districts", get=lambda p: ref.partnership_district_words(dialog.session.store, p.id)),
            Column("partners", "Statutory partners", get=lambda p: str(len(
                ref.statutory_partners(dialog.session.store, p.id, date.today())))),
            Column("valid_from", "From", get=lambda p: _stored_day(p.valid_from), show=_uk),
            Column("valid_to", "To", get=lambda p: _stored_day(p.valid_to), show=_uk)])
        self.partnership_id: str | None = None
        self.member_dialog: MemberDialog | None = None
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Partnership name")
        self.kind_combo = KindCombo(office.PARTNERSHIP_KINDS, self)
        self.kind_combo.setAccessibleName("Kind of partnership")
        self.district_list = QListWidget(self)
        self.district_list.setAccessibleName("Districts covered")
        self.member_list = QListWidget(self)
        self.member_list.setAccessibleName("Statutory partners")
        for widget in (self.district_list, self.member_list):
            widget.setWordWrap(True)  # a new file's words where the names will be read whole
        self.from_edit, self.to_edit = QLineEdit(self), QLineEdit(self)
        for edit, label in ((self.from_edit, "From (dd/mm/yyyy)"), (self.to_edit, "To (dd/mm/yyyy)")):
            edit.setPlaceholderText("dd/mm/yyyy")
            edit.setAccessibleName(label)
        lists = QHBoxLayout()
        lists.addWidget(self.district_list)
        lists.addWidget(self.member_list)
        named = QHBoxLayout()  # the name and its kind on one row, as the dates: the dialog fits a laptop at 150%
        named.addWidget(self.name_edit, 1)
        named.addWidget(_label_for("&Kind:", self.kind_combo))
        named.addWidget(self.kind_combo)
        # Letters the page's buttons leave (N, T, O and the others are theirs); To goes without, after From by Tab.
        self.form.addRow(_label_for("Partners&hip name:", self.name_edit), named)
        self.form.addRow(_label_for("Districts / stat&utory partners:", self.district_list), lists)
        dates = QHBoxLayout()  # one row, as on the Districts page: two rows ran the dialog off a laptop at 150%
        for label, widget in (("&From:", self.from_edit), ("To:", self.to_edit)):
            dates.addWidget(_label_for(label, widget))
            dates.addWidget(widget, 1)
        self.form.addRow("Dates (blank: always):", dates)
        self._add_members_panel()
        self.keyboard([self.members_view, self.end_button, self.add_member_button, self.correct_button,
                       self.add_district_button, self.end_district_button, self.correct_district_button,
                       self.name_edit, self.kind_combo,
                       self.district_list, self.member_list, self.from_edit, self.to_edit],
                      [self.add_button, self.end_partnership_button, self.correct_start_button, self.remove_button])

    def _add_members_panel(self) -> None:
        """Below the partnerships, the selected one's members by date, with End membership and Add member."""
        self.members_model = RowTableModel([
            Column("name", "Member"), Column("statutory", "Statutory", get=lambda m: "Yes" if m.statutory else "No"),
            Column("valid_from", "From", show=_uk), Column("valid_to", "To", show=_uk)], parent=self)
        self.members_view = DataTableView(self, accessible_name="Members of the selected partnership")
        self.members_view.setModel(self.members_model)
        self.members_label = QLabel("Members (select a partnership above):", self)
        self.end_button = QPushButton("&End membership…", self)
        self.end_button.setToolTip("End the selected member's membership on a date (its last day)")
        self.add_member_button = QPushButton("Add me&mber…", self)
        self.add_member_button.setToolTip("Add an organisation to the selected partnership from a date")
        # A district joining from a date (Babergh in Western Suffolk CSP from 01/04/2018, when three became four):
        # the partnership's figures count it from then, and not before.
        self.add_district_button = QPushButton("Add dis&trict…", self)
        self.add_district_button.setToolTip("Add a district to the selected partnership from a date")
        self.end_button.clicked.connect(self.end_membership)
        self.add_member_button.clicked.connect(self.add_member)
        self.add_district_button.clicked.connect(self.add_district)
        # A district leaving a partnership that goes on (so another CSP may take it from the next day).
        self.end_district_button = QPushButton("End distri&ct…", self)
        self.end_district_button.setToolTip("End one district's cover by the selected partnership on a date (its "
                                            "last day); the partnership goes on")
        self.end_district_button.clicked.connect(self.end_district)
        self.end_partnership_button = QPushButton("End part&nership…", self)
        self.end_partnership_button.setToolTip("End the selected partnership on a date (its last day), with the "
                                               "districts and members it had then")
        self.end_partnership_button.clicked.connect(self.end_partnership)
        # A member's From typed wrong, or a member added as statutory that shares no review's costs: corrected in
        # place (End membership… moves only its To, and a member cannot be taken out).
        self.correct_button = QPushButton("Correct mem&bership…", self)
        self.correct_button.setToolTip("Correct the selected member's From, To or whether it is a statutory partner")
        self.correct_button.clicked.connect(self.correct_membership)
        # A partnership's From typed wrong when it was added (with the districts and members ticked then).
        self.correct_start_button = QPushButton("Correct &start…", self)
        self.correct_start_button.setToolTip("Correct the selected partnership's From (its first day), with the "
                                             "districts and members that began with it")
        self.correct_start_button.clicked.connect(self.correct_start)
        # The day a district joined, typed wrong (End district… moves only its To).
        self.correct_district_button = QPushButton("Correct distr&ict…", self)
        self.correct_district_button.setToolTip("Correct the From and To of one district's cover by the selected "
                                                "partnership")
        self.correct_district_button.clicked.connect(self.correct_district)
        # Two by two, the members' on the left and the districts' on the right: five in a column made the dialog
        # taller than a 1366x768 laptop's screen at 150%, and so did a fourth row (three columns left the members'
        # dates no room). The partnership's own End and Correct start sit with Add and Remove below.
        buttons = QGridLayout()
        for column, stack in enumerate(((self.end_button, self.add_member_button, self.correct_button),
                                        (self.add_district_button, self.end_district_button,
                                         self.correct_district_button))):
            for line, button in enumerate(stack):
                buttons.addWidget(button, line, column)
        buttons.setRowStretch(3, 1)
        self.buttons.insertWidget(self.buttons.count() - 1, self.end_partnership_button)
        self.buttons.insertWidget(self.buttons.count() - 1, self.correct_start_button)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.members_view, 1)
        row.addLayout(buttons)
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.members_label)
        column.addLayout(row)
        # The partnerships, the members and the form to add a partnership share the height (a splitter between
        # them): at 1093x582 the form's lists alone took the room of every row of both tables.
        form = QWidget(self)
        self.layout().removeItem(self.form)
        self.form.setParent(None)
        form.setLayout(self.form)
        self.form.setContentsMargins(0, 0, 0, 0)
        for widget in (self.district_list, self.member_list):
            widget.setMinimumHeight(3 * widget.fontMetrics().lineSpacing() + 12)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        self.layout().replaceWidget(self.view, splitter)
        for i, (widget, stretch) in enumerate(((self.view, 2), (panel, 2), (form, 1))):
            splitter.addWidget(widget)
            splitter.setStretchFactor(i, stretch)
        settings.remember_splitter(splitter, PARTNERSHIPS_SPLITTER_KEY)
        self.splitter = splitter
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.members_view.selectionModel().selectionChanged.connect(lambda *_: self._enable_member_buttons())
        self._enable_member_buttons()

    def _selection_changed(self, *_) -> None:
        chosen = self.selected()
        self.partnership_id = chosen[0].id if len(chosen) == 1 else None
        self._show_members()

    def _show_members(self) -> None:
        pid = self.partnership_id
        name = ref.held_name(self.store, "partnership", pid)
        if not name:
            self.partnership_id = None
        self.members_label.setText(f"Members of {name}, by date:" if name else "Members (select a partnership above):")
        self.members_model.set_rows(ref.partnership_members(self.store, pid) if name else [])
        self.members_view.size_columns_to_visible()
        self._enable_member_buttons()

    def _enable_member_buttons(self) -> None:
        writable = not self.dialog.session.read_only and self.partnership_id is not None
        self.add_member_button.setEnabled(writable)
        self.add_district_button.setEnabled(writable)
        self.end_district_button.setEnabled(writable and bool(ref.partnership_district_covers(self.store,
                                                                                             self.partnership_id)))
        self.end_partnership_button.setEnabled(writable)
        self.correct_start_button.setEnabled(writable)
        self.correct_district_button.setEnabled(self.end_district_button.isEnabled())
        self.end_button.setEnabled(writable and self._selected_member() is not None)
        self.correct_button.setEnabled(writable and self._selected_member() is not None)

    def _selected_member(self) -> ref.Membership | None:
        rows = self.members_view.selectionModel().selectedRows()
        return self.members_model.row(rows[0].row()) if len(rows) == 1 else None

    def _partnership_name(self) -> str:
        return ref.held_name(self.store, "partnership", self.partnership_id)

    def _open_member_form(self, fields: list[Field], title: str, heading: str, change: Callable[[dict], None],
                          values: dict | None = None, custom: dict[str, QWidget] | None = None,
                          form_type: type[FormPresenter] = FormPresenter) -> None:
        def save(_typed: dict, parsed: dict) -> None:
            try:
                change(parsed)
            except ref.MembershipError as exc:
                raise FormError({exc.field: str(exc)}) from None

        form = form_type(fields, save_fn=save, title=title)
        form.load(values or {}, heading=heading, dirty=True)
        self.member_dialog = MemberDialog(self, form, custom)
        self.member_dialog.open()

    def end_membership(self) -> None:
        member, pname = self._selected_member(), self._partnership_name()
        if member is None or not pname:
            return
        store, undo_stack, after = self.store, self.dialog.session.undo_stack, self.refresher()

        def change(parsed: dict) -> None:
            push_action(undo_stack, office.end_membership_action(store, member.id, parsed["valid_to"], after))

        since = f" (a member from {_uk(member.valid_from)})" if member.valid_from else ""
        self._open_member_form(
            [Field("valid_to", "&To (its last day)", FieldKind.DATE, required=True)],
            "End membership", f"End the membership of {member.name} in {pname}{since}", change,
            {"valid_to": _uk(member.valid_to)})

    def correct_membership(self) -> None:
        member, pname = self._selected_member(), self._partnership_name()
        if member is None or not pname:
            return
        store, undo_stack, after = self.store, self.dialog.session.undo_stack, self.refresher()

        def change(parsed: dict) -> None:
            now = (parsed["valid_from"], parsed["valid_to"], bool(parsed["statutory"]))
            if now == (member.valid_from, member.valid_to, member.statutory):
                return  # nothing corrected: nothing to undo
            push_action(undo_stack, office.correct_membership_action(
                store, member.id, parsed["valid_from"], parsed["valid_to"], statutory=bool(parsed["statutory"]),
                after=after))

        statutory = QCheckBox("a statutory partner (shares a review's costs)")
        statutory.setAccessibleName("Statutory partner")
        statutory.setChecked(member.statutory)
        self._open_member_form(
            [Field("valid_from", "&From (its first day)", FieldKind.DATE, placeholder="blank: from the start",
                   slip_years=30),
             Field("valid_to", "&To (blank: no end)", FieldKind.DATE, slip_years=30),
             Field("statutory", "Stat&utory", FieldKind.CUSTOM)],
            "Correct membership", f"Correct the membership of {member.name} in {pname}", change,
            {"valid_from": _uk(member.valid_from), "valid_to": _uk(member.valid_to), "statutory": member.statutory},
            {"statutory": statutory})
        statutory.toggled.connect(lambda on, form=self.member_dialog.form: form.set_value("statutory", on))

    def add_member(self) -> None:
        pid, pname = self.partnership_id, self._partnership_name()
        if not pid or not pname:
            return
        store, undo_stack, after = self.store, self.dialog.session.undo_stack, self.refresher()
        names = {o.id: o.name for o in ref.list_organisations(store)}

        def change(parsed: dict) -> None:
            push_action(undo_stack, office.add_membership_action(
                store, pid, parsed["organisation"], parsed["valid_from"], parsed["valid_to"],
                statutory=bool(parsed["statutory"]), after=after))

        # Ticked: a statutory partner, among those a review's costs are shared among; unticked: a member only.
        statutory = QCheckBox("a statutory partner (shares a review's costs)")
        statutory.setAccessibleName("Statutory partner")
        self._open_member_form(
            [Field("organisation", "&Organisation", FieldKind.CHOICE, required=True,
                   choices=(("", ""), *names.items())),
             Field("valid_from", "&From (its first day)", FieldKind.DATE, required=True),
             Field("valid_to", "&To (blank: no end)", FieldKind.DATE),
             Field("statutory", "Stat&utory", FieldKind.CUSTOM)],
            "Add member", f"Add a member to {pname}", change, {"statutory": True}, {"statutory": statutory})
        statutory.setChecked(True)
        statutory.toggled.connect(lambda on, form=self.member_dialog.form: form.set_value("statutory", on))

    def add_district(self) -> None:
        pid, pname = self.partnership_id, self._partnership_name()
        if not pid or not pname:
            return
        store, undo_stack, after = self.store, self.dialog.session.undo_stack, self.refresher()
        names = {d.id: d.name for d in ref.list_districts(store)}

        def change(parsed: dict) -> None:
            push_action(undo_stack, office.add_partnership_district_action(
                store, pid, parsed["district"], parsed["valid_from"], parsed["valid_to"], after))

        self._open_member_form(
            [Field("district", "&District", FieldKind.CHOICE, required=True, choices=(("", ""), *names.items())),
             Field("valid_from", "&From (the first day it covers it)", FieldKind.DATE, required=True),
             Field("valid_to", "&To (blank: no end)", FieldKind.DATE)],
            "Add district", f"Add a district to {pname} from a date", change)

    def end_district(self) -> None:
        pid, pname = self.partnership_id, self._partnership_name()
        if not pid or not pname:
            return
        store, undo_stack, after = self.store, self.dialog.session.undo_stack, self.refresher()
        covers = ref.partnership_district_covers(store, pid)

        def change(parsed: dict) -> None:
            push_action(undo_stack, office.end_partnership_district_action(store, parsed["district"],
                                                                           parsed["valid_to"], after))

        self._open_member_form(
            [Field("district", "&District", FieldKind.CHOICE, required=True, choices=(("", ""), *covers)),
             Field("valid_to", "&To (the last day it covers it)", FieldKind.DATE, required=True, slip_years=30)],
            "End district", f"End a district's time in {pname} (the partnership goes on)", change,
            {"district": covers[0][0]} if len(covers) == 1 else None)

    def end_partnership(self) -> None:
        pid, pname = self.partnership_id, self._partnership_name()
        if not pid or not pname:
            return
        store, undo_stack, after = self.store, self.dialog.session.undo_stack, self.refresher()

        def change(parsed: dict) -> None:
            # Those whose To is its old end run on with it, unless one left that day on its own: asked, naming them.
            question = office.run_on_question(store, pid, parsed["valid_to"])
            run_on = not question or prompts.ask(self, office.end_partnership_text(store, pid, parsed["valid_to"]),
                                                 question, yes="Run them on", no="Keep their end")
            push_action(undo_stack, office.end_partnership_action(store, pid, parsed["valid_to"], after,
                                                                  run_on=run_on))

        # CSPs date from 1998: one ended in 2010 is not a slip of the year.
        self._open_member_form([Field("valid_to", "&To (its last day)", FieldKind.DATE, required=True, slip_years=30)],
                               "End partnership", f"End {pname} (its districts and members end with it)", change)

    def correct_district(self) -> None:
        pid, pname = self.partnership_id, self._partnership_name()
        if not pid or not pname:
            return
        store, undo_stack, after = self.store, self.dialog.session.undo_stack, self.refresher()
        covers = ref.partnership_district_covers(store, pid)
        days = {row_id: ref.partnership_district_row(store, row_id) or {} for row_id, _ in covers}

        def shown(row_id: str) -> dict:
            row = days.get(row_id, {})
            return {"valid_from": _uk(_stored_day(row.get("valid_from"))),
                    "valid_to": _uk(_stored_day(row.get("valid_to")))}

        class _Form(FormPresenter):
            def set_value(self, key: str, value) -> None:
                super().set_value(key, value)
                if key == "district":  # the chosen cover's days, to correct
                    for k, v in shown(value).items():
                        super().set_value(k, v)

        def change(parsed: dict) -> None:
            row = days.get(parsed["district"], {})
            if (parsed["valid_from"], parsed["valid_to"]) == (_stored_day(row.get("valid_from")),
                                                              _stored_day(row.get("valid_to"))):
                return  # nothing corrected: nothing to undo
            push_action(undo_stack, office.correct_partnership_district_action(
                store, parsed["district"], parsed["valid_from"], parsed["valid_to"], after))

        first = covers[0][0] if len(covers) == 1 else ""
        self._open_member_form(
            [Field("district", "&District", FieldKind.CHOICE, required=True, choices=(("", ""), *covers)),
             Field("valid_from", "&From (the first day it covers it)", FieldKind.DATE, required=True, slip_years=30),
             Field("valid_to", "&To (blank: no end)", FieldKind.DATE, slip_years=30)],
            "Correct district", f"Correct the days {pname} covers a district", change,
            {"district": first, **shown(first)} if first else None, form_type=_Form)

    def correct_start(self) -> None:
        pid, pname = self.partnership_id, self._partnership_name()
        if not pid or not pname:
            return
        store, undo_stack, after = self.store, self.dialog.session.undo_stack, self.refresher()
        began = next((p.valid_from for p in ref.list_partnerships(store) if p.id == pid), None)

        def change(parsed: dict) -> None:
            if parsed["valid_from"] == _stored_day(began):
                return  # nothing corrected: nothing to undo
            push_action(undo_stack, office.correct_partnership_from_action(store, pid, parsed["valid_from"], after))

        # CSPs date from 1998: one begun in 2009 is not a slip of the year.
        self._open_member_form([Field("valid_from", "&From (its first day)", FieldKind.DATE, slip_years=30,
                                      placeholder="blank: always")],
                               "Correct start", f"Correct {pname}'s From (its districts and members that began "
                                                "with it move too)", change, {"valid_from": _uk(_stored_day(began))})

    def reload(self) -> None:
        self.model.set_rows(ref.list_partnerships(self.store))
        if self.partnership_id is not None:  # the partnership chosen stays chosen, its members shown afresh
            chosen = self.partnership_id
            for r in range(self.proxy.rowCount()):
                if self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).id == chosen:
                    self.view.selectRow(r)
            self.partnership_id = chosen
            self._show_members()
        for widget, names, none_yet in (
                (self.district_list, [d.name for d in ref.list_districts(self.store)], NO_DISTRICTS_YET),
                (self.member_list, [o.name for o in ref.list_organisations(self.store)], NO_PARTNERS_YET)):
            widget.clear()
            for name in names:
                item = QListWidgetItem(name, widget)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            if not names:  # a new file's: where the names come from, not an empty box (nothing to tick)
                item = QListWidgetItem(none_yet, widget)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(none_yet)

    def add(self) -> None:
        name = " ".join(self.name_edit.text().split())
        held = ref.name_taken(self.store, "partnership", name)
        if held:
            prompts.show_error(self, "Add partnership", f"There is already a partnership called {held}: use that "
                                                        "one, or give the new partnership a name of its own.")
            return
        store, kind = self.store, self.kind_combo.code()
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
        self._store = session.store  # the file it shows (another file opened closes it)
        self.setWindowTitle("Districts, Partnerships and Partners")
        self.resize(*fitting_size(parent, 900, 620))
        settings.remember_geometry(self, GEOMETRY_KEY)
        self.pages = QTabWidget(self)
        self.districts = DistrictsPage(self)
        self.organisations = OrganisationsPage(self)
        self.partnerships = PartnershipsPage(self)
        self.pages.addTab(self.districts, "&Districts")
        self.pages.addTab(self.partnerships, "&Partnerships")
        self.pages.addTab(self.organisations, "Partner &organisations")
        note = QLabel("Shared by every tab. Names are matched across offices' files when the county merges them.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # No Alt letter, as every dialog's Close and Cancel (Esc presses it); Qt's own "&Close" took End distri&ct's C.
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Close")
        buttons.rejected.connect(self.close)
        # The pages scroll inside the dialog where it is too short for them: with a 12 pt font they could not be made
        # less than 497 high, so on a laptop at 150% (about 440 inside the dialog's frame) Close was off the screen.
        pages_area = QScrollArea(self)
        pages_area.setWidget(self.pages)
        pages_area.setWidgetResizable(True)
        pages_area.setFrameShape(QFrame.Shape.NoFrame)
        pages_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no stop of Tab of its own: the pages' controls have theirs
        pages_area.setMinimumHeight(min(self.pages.minimumSizeHint().height(), 240))
        pages_area.setMinimumWidth(self.pages.minimumSizeHint().width())  # scrolled up and down only
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(pages_area, 1)
        layout.addWidget(buttons)
        self.districts.view.setFocus()  # opens in the districts, not on the tabs
        share_undo(self)  # Edit > Undo and Redo from here too: the window's keys reached only the window
        self.refresh()

    def _typed_pages(self) -> list:
        """The pages whose form holds a name typed and not added, for the file the dialog shows (none once another
        file is open: the name was for the file that has gone)."""
        if self.session.store is not self._store:
            return []
        return [page for page in (self.districts, self.partnerships, self.organisations)
                if page.name_edit.text().strip() and page.add_button.isEnabled()]

    def has_unsaved_changes(self) -> bool:
        return self.isVisible() and bool(self._typed_pages())

    def may_close(self) -> bool:
        """Before the dialog closes, or its file does (another file opened, the program closing): each name typed and
        not added is asked about, as every other form asks (it was lost without a word). Save adds it, as Add does,
        to this file; Discard forgets it; True once each is added or forgotten, False for Cancel or an add refused
        (its message said why), the name in focus."""
        for page in self._typed_pages():
            name = page.name_edit.text().strip()
            choice = prompts.ask_unsaved(self, self.windowTitle(), f"The {page.kind} “{name}” is typed in but not "
                                                                   "added.")
            if choice is UnsavedChoice.DISCARD:
                page.name_edit.clear()
                continue
            self.pages.setCurrentWidget(page)
            if choice is UnsavedChoice.SAVE:
                page.add()
            if page.name_edit.text().strip():  # Cancel, or the add refused
                page.name_edit.setFocus()
                return False
        return True

    def reject(self) -> None:
        """Esc, Close or the close box: a name typed and not added is asked about first (``may_close``)."""
        if self.may_close():
            super().reject()

    def keyPressEvent(self, event) -> None:
        """Enter presses the button in focus (its own), adds from a line of a page's form (``_Page.keyboard``), and
        else does nothing: on the tabs or a table it pressed the first page's Add ("A district needs a name.")."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def district_name(self, district_id: str | None) -> str:
        return ref.held_name(self.session.store, "district", district_id)

    def refresh(self) -> None:
        for page in (self.districts, self.organisations, self.partnerships):
            page.reload()
            page.view.size_columns_to_visible()
        self.session.notify("reference")
