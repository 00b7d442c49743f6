"""File > Office Details…: name the office's partnership(s), districts and county (a thin view over
presenters.office.OfficePresenter; saved as one undoable action).

The district list is long (every current district the police.uk lookup knows), so a filter box sits above it:
presenters.office.DistrictPicker says which names show and in what order, and which are ticked; this view
only shows that and passes on what the user types and ticks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QVBoxLayout, QWidget)

from safer_desk.presenters.office import OfficePresenter, ScopeChoice
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services.reference import ReferenceError
from safer_desk.ui import prompts
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.dialogs import share_undo
from safer_desk.ui.kit.search import SearchBox
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.session import Session
from safer_desk.ui.kit import fitting_size

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the district's own name ("Forest Heath"), whatever the label adds


class OfficeDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Office Details")
        self.presenter = OfficePresenter(
            session.store, perform=lambda action: push_action(session.undo_stack, action, run_first=True),
            after=lambda: session.notify(""))
        self.picker = self.presenter.district_picker()
        intro = QLabel("Whose file this is. Lists of areas show these areas first, and the board report's "
                       "\"All areas\" means them; the districts follow from the partnerships by date.", self)
        intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("What the file says now")
        # What the office's exports say they are from, and what the county calls it (a new file takes its file
        # name's: every office that started with the default file was "safer-desk" at the county).
        self.name_box = QLineEdit(self.presenter.name(), self)
        self.name_box.setAccessibleName("Office name")
        self.name_box.setPlaceholderText(self.picker.name_example)  # from what is ticked
        self.name_box.setToolTip("What your exports say they are from, and what the county calls this office")
        self.name_box.setReadOnly(self.presenter.read_only)
        # The example's eight partnerships fit without scrolling: no filter for them.
        self.partnership_list = self._checklist("Partnerships of the office", self.presenter.partnerships())
        self.partnership_list.itemChanged.connect(self._partnership_ticked)
        self.county_combo = ChoiceBox(self)
        self.county_combo.setAccessibleName("County")
        self.county_combo.addItem("(none)", "")
        for name in self.presenter.counties():
            self.county_combo.addItem(name, name)
        self.county_combo.setCurrentIndex(max(self.county_combo.findData(self.presenter.county()), 0))
        self.county_combo.currentIndexChanged.connect(self._county_changed)

        self.district_list = QListWidget(self)
        self.district_list.setAccessibleName("Districts the partnerships do not cover")
        self.district_list.itemChanged.connect(self._district_ticked)
        # Enter goes into the list too, as Down does: it would otherwise press Save half-way through choosing.
        self.district_filter = SearchBox(self, table=self.district_list, enter_goes_in=True)
        self.district_filter.setPlaceholderText(self.picker.filter_example)  # the county chosen's
        self.district_filter.setAccessibleName("Filter the districts")
        self.district_filter.setToolTip("Shows the districts whose name contains this text. "
                                        "Down arrow: into the list. Esc: clear.")
        self.district_filter.textChanged.connect(self._filter_changed)
        self.district_heading = QLabel(self)
        self.district_heading.setWordWrap(True)
        self.district_heading.setBuddy(self.district_filter)
        self.filter_note = QLabel(self)
        self.filter_note.setWordWrap(True)
        self.ticked_line = QLabel(self)
        self.ticked_line.setWordWrap(True)
        self.ticked_line.setAccessibleName("Ticked districts")
        self.ticked_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        grid = QGridLayout()
        partnership_label = QLabel("&Partnerships:", self)
        partnership_label.setBuddy(self.partnership_list)
        county_label = QLabel("&County (its districts are listed first):", self)
        county_label.setBuddy(self.county_combo)
        self.no_partnerships = QLabel(self.presenter.no_partnerships_note(), self)
        self.no_partnerships.setWordWrap(True)
        self.no_partnerships.setVisible(bool(self.no_partnerships.text()))
        left = QVBoxLayout()  # the county first: it decides which districts the list on the right starts with
        left.addWidget(county_label)
        left.addWidget(self.county_combo)
        left.addWidget(partnership_label)
        left.addWidget(self.no_partnerships)
        left.addWidget(self.partnership_list, 1)
        if self.partnership_list.count() == 0:  # nothing to tick: the note says so, the space goes unused
            self.partnership_list.hide()
            partnership_label.setText("Partnerships:")  # no Alt+P: it went to the hidden list, nowhere to be seen
            left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.district_heading)
        right.addWidget(self.district_filter)
        right.addWidget(self.district_list, 1)
        right.addWidget(self.filter_note)
        right.addWidget(self.ticked_line)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save")  # Alt+S, as every other form's Save
        self.save_button.setEnabled(not self.presenter.read_only)
        if self.presenter.read_only:
            self.save_button.setToolTip("The file is open read-only.")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        name_row = QHBoxLayout()
        name_label = QLabel("Office &name:", self)
        name_label.setBuddy(self.name_box)
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addLayout(name_row)
        layout.addLayout(grid, 1)
        layout.addWidget(self.buttons)
        # Tab goes down the page: the county above the partnerships, the filter above the list it filters.
        order = [self.name_box, self.county_combo, self.partnership_list, self.district_filter, self.district_list,
                 self.buttons]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)
        self._show_summary()
        self._show_districts()
        self.resize(*fitting_size(parent, 760, 520))
        share_undo(self, form=True)  # Ctrl+Z and Ctrl+Y here too, closing the form first (asked if changed)

    def _checklist(self, name: str, choices: list[ScopeChoice]) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName(name)
        for choice in choices:
            item = QListWidgetItem(choice.label, widget)
            item.setData(ID_ROLE, choice.id)
            item.setData(NAME_ROLE, choice.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.chosen else Qt.CheckState.Unchecked)
        return widget

    def _show_districts(self) -> None:
        """Refill the district list with the rows the picker gives, keeping the current one where it still shows.

        The order is taken here (on opening, filtering, choosing a county), not on each tick, so a name does not
        jump away from under the user's hand when ticked."""
        current = self.district_list.currentItem()
        current_id = current.data(ID_ROLE) if current is not None else None
        self.district_list.blockSignals(True)
        try:
            self.district_list.clear()
            for row in self.picker.rows():
                item = QListWidgetItem(row.text, self.district_list)
                item.setData(ID_ROLE, row.id)
                item.setData(NAME_ROLE, row.name)
                if row.became:
                    item.setToolTip(f"{row.name} was abolished; its area became part of {row.became}.")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked)
                if row.covered:  # named through the partnership: not ticked on its own as well
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                    item.setToolTip(f"{row.covered} covers {row.name}: untick {row.covered} to name it on its own.")
                if row.id == current_id:
                    self.district_list.setCurrentItem(item)
        finally:
            self.district_list.blockSignals(False)
        self.district_heading.setText("&" + self.picker.heading() + ":")
        note = self.picker.filter_note()
        self.filter_note.setText(note)
        self.filter_note.setVisible(bool(note))
        self._show_ticked()

    def _show_ticked(self) -> None:
        self.ticked_line.setText(self.picker.ticked_line())

    def _filter_changed(self, text: str) -> None:
        self.picker.set_filter(text)
        self._show_districts()

    def _county_changed(self, _index: int) -> None:
        self.picker.set_county(self.county_combo.currentData() or "")
        self.district_filter.setPlaceholderText(self.picker.filter_example)
        self._show_districts()

    def _partnership_ticked(self, _item: QListWidgetItem) -> None:
        self.picker.set_partnerships(self.checked_ids(self.partnership_list))
        self._show_districts()
        self.name_box.setPlaceholderText(self.picker.name_example)

    def _district_ticked(self, item: QListWidgetItem) -> None:
        self.picker.tick(item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked)
        self._show_ticked()
        self.name_box.setPlaceholderText(self.picker.name_example)

    @staticmethod
    def checked_ids(widget: QListWidget) -> list[str]:
        return [widget.item(i).data(ID_ROLE) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, widget: QListWidget, name: str, checked: bool = True) -> None:
        """Tick (or untick) the shown item called name, as a click on its box would."""
        for i in range(widget.count()):
            if name in (widget.item(i).text(), widget.item(i).data(NAME_ROLE)):
                widget.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(name)

    def _show_summary(self) -> None:
        self.summary.setText(self.presenter.summary())

    def reject(self) -> None:
        """Esc, Cancel or the window's close: what was ticked, chosen or typed is asked about first (Save, Discard or
        Cancel), as the other forms do; it closed without a word, the ticks lost."""
        if not self.presenter.read_only and self.presenter.differs(
                self.checked_ids(self.partnership_list), self.picker.ticked_ids(),
                self.county_combo.currentData() or "", self.name_box.text()):
            choice = prompts.ask_unsaved(self, "Office Details", "The office's details have changed and are not "
                                                                 "saved.")
            if choice is UnsavedChoice.SAVE:
                self.save()
                return
            if choice is not UnsavedChoice.DISCARD:
                return
        super().reject()

    def save(self) -> None:
        partnerships, districts = self.checked_ids(self.partnership_list), self.picker.ticked_ids()
        county = self.county_combo.currentData() or ""
        question = self.presenter.outside_county_question(partnerships, districts, county)
        if question and not prompts.ask(self, "Office Details", question, yes="Save", no="Back"):
            return  # back to the form, the ticks as they were
        try:
            self.presenter.save(partnerships, districts, county, name=self.name_box.text())
        except ReferenceError as exc:
            prompts.show_error(self, "Office", str(exc))
            return
        self._show_summary()
        if self.presenter.left_outside:  # kept, but no longer in "All areas": said once the change is made
            prompts.show_info(self, "Office Details", self.presenter.left_outside)
        self.accept()
