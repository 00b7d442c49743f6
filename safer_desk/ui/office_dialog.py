"""File > Office Details…: name the office's partnership(s), districts and county (a thin view over
presenters.office.OfficePresenter; saved as one undoable action)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from safer_desk.presenters.office import OfficePresenter, ScopeChoice
from safer_desk.services.reference import ReferenceError
from safer_desk.ui import prompts
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole


class OfficeDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Office Details")
        self.presenter = OfficePresenter(
            session.store, perform=lambda action: push_action(session.undo_stack, action, run_first=True),
            after=lambda: session.notify(""))
        intro = QLabel("Whose file this is. Lists of areas show these areas first, and the board report's "
                       "\"All areas\" means them; the districts follow from the partnerships by date.", self)
        intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("What the file says now")
        self.partnership_list = self._checklist("Partnerships of the office", self.presenter.partnerships())
        self.district_list = self._checklist("Districts the partnerships do not cover",
                                             self.presenter.districts())
        self.county_combo = QComboBox(self)
        self.county_combo.setAccessibleName("County")
        self.county_combo.addItem("(none)", "")
        for name in self.presenter.counties():
            self.county_combo.addItem(name, name)
        self.county_combo.setCurrentIndex(max(self.county_combo.findData(self.presenter.county()), 0))
        grid = QGridLayout()
        for column, (text, widget) in enumerate((("&Partnerships:", self.partnership_list),
                                                 ("&Districts (not covered above):", self.district_list))):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, 0, column)
            grid.addWidget(widget, 1, column)
        county_label = QLabel("&County:", self)
        county_label.setBuddy(self.county_combo)
        grid.addWidget(county_label, 2, 0)
        grid.addWidget(self.county_combo, 3, 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(not self.presenter.read_only)
        if self.presenter.read_only:
            self.save_button.setToolTip("The file is open read-only.")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)
        layout.addWidget(self.buttons)
        self._show_summary()
        self.resize(720, 480)

    def _checklist(self, name: str, choices: list[ScopeChoice]) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName(name)
        for choice in choices:
            item = QListWidgetItem(choice.name, widget)
            item.setData(ID_ROLE, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.chosen else Qt.CheckState.Unchecked)
        return widget

    @staticmethod
    def checked_ids(widget: QListWidget) -> list[str]:
        return [widget.item(i).data(ID_ROLE) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, widget: QListWidget, name: str, checked: bool = True) -> None:
        """Tick (or untick) the item called name, as a click on its box would."""
        for i in range(widget.count()):
            if widget.item(i).text() == name:
                widget.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(name)

    def _show_summary(self) -> None:
        self.summary.setText(self.presenter.summary())

    def save(self) -> None:
        try:
            self.presenter.save(self.checked_ids(self.partnership_list), self.checked_ids(self.district_list),
                                self.county_combo.currentData() or "")
        except ReferenceError as exc:
            prompts.show_error(self, "Office", str(exc))
            return
        self._show_summary()
        self.accept()
