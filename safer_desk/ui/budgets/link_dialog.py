"""Link line…: a plan's line linked to a project, a pooled fund or a review, so what actually happened sits beside
the plan (``BudgetsPresenter.link_line``; one step of Edit > Undo)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from safer_desk.presenters.budgets import LINK_NONE_WHERE, LINK_NONE_YET, BudgetsPresenter, GridRow
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.labels import NamedLabel

KINDS = (("review", "A review (its cost)"), ("fund", "A pooled fund (its spend or contributions)"),
         ("project", "A project (its cost by year, or one funder's share)"))
MEASURE_WORDS = {"cost": "Its cost", "spend": "Its spend", "contributions": "Contributions into it",
                 "share": "One funder's share of it"}


class LinkDialog(QDialog):
    def __init__(self, parent: QWidget | None, presenter: BudgetsPresenter, row: GridRow):
        super().__init__(parent)
        self.presenter, self.row = presenter, row
        self.choices = presenter.link_choices()
        self.setWindowTitle("Link line")
        self.setAccessibleName("Link line")
        self.kind = ChoiceBox(self)
        self.kind.setAccessibleName("Linked to a")
        for key, words in KINDS:
            self.kind.addItem(words, key)
        self.target = ChoiceBox(self)
        self.target.setAccessibleName("Which one")
        self.measure = ChoiceBox(self)
        self.measure.setAccessibleName("What the line counts")
        self.organisation = ChoiceBox(self)
        self.organisation.setAccessibleName("Contributions from")
        self.message = NamedLabel(parent=self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Link messages")
        self.message.hide()
        for combo in (self.kind, self.target, self.measure, self.organisation):  # a long project's name: elided
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(30)
        # Wrapped: a line's name as long as a paper's sentence made the dialog wider than a laptop's screen at 150%,
        # its Link and Cancel buttons off the right edge.
        intro = QLabel(f"The line “{row.label}” is linked to what actually happened in:", self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(intro)
        for words, widget in (("&Kind:", self.kind), ("&Which:", self.target), ("&Counts:", self.measure),
                              ("&From:", self.organisation)):
            label = QLabel(words, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Link")
        self.buttons.accepted.connect(self.link)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.target.currentIndexChanged.connect(self._target_chosen)
        self.measure.currentIndexChanged.connect(self._target_chosen)
        self.organisation.currentIndexChanged.connect(
            lambda: self.organisation.setToolTip(self.organisation.currentText()))
        self._kind_chosen()
        self.resize(*fitting_size(parent, max(460, self.sizeHint().width()), self.sizeHint().height()))

    def _kind_chosen(self) -> None:
        kind = self.kind.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        for target_id, name in self.choices.get(kind, ()):
            self.target.addItem(name, target_id)
        if kind == "project":  # declined or withdrawn: shown greyed with why, not chosen (it would count nothing)
            for target_id, name, why in self.presenter.projects_held_back:
                self.target.addItem(f"{name} ({why}: no actual)", target_id)
                item = self.target.model().item(self.target.count() - 1)
                item.setEnabled(False)
                item.setToolTip(f"{name} was {why}: Commissioning and the board report count nothing for it, so "
                                "a line linked to it would show no actual.")
        if not self.target.count() and kind in LINK_NONE_YET:  # a new file's: none yet, and where one is added
            self.target.addItem(LINK_NONE_YET[kind], None)
            self.target.model().item(0).setEnabled(False)
        self.target.blockSignals(False)
        self.measure.blockSignals(True)
        self.measure.clear()
        for measure in self.presenter.measures(kind):
            self.measure.addItem(MEASURE_WORDS[measure], measure)
        self.measure.blockSignals(False)
        self.measure.setEnabled(self.measure.count() > 1)
        self._target_chosen()

    def _target_chosen(self) -> None:
        # Whole in the tooltip: a long title is cut at the box's edge, and with it the office telling two alike apart.
        self.target.setToolTip(self.target.currentText())
        if self.target.currentData() is None and (kind := self.kind.currentData()) in LINK_NONE_WHERE:
            self.target.setToolTip(f"This file has {LINK_NONE_WHERE[kind]}.")  # the none-yet words whole
        self.organisation.clear()
        contributions = self.measure.currentData() == "contributions"
        share = self.measure.currentData() == "share"
        if contributions:
            self.organisation.addItem("Every organisation", "")
            for name in self.presenter.contributors(self.target.currentData()):
                self.organisation.addItem(name, name)
        elif share:  # "OPCC's share of 4. IDVA service": the funders of its funding sources
            for funder, words in self.presenter.funders(self.target.currentData()):
                self.organisation.addItem(words, funder)
        self.organisation.setToolTip(self.organisation.currentText())
        self.organisation.setEnabled(contributions or share)

    def link(self) -> None:
        """Link: done, the dialog closes; refused, it stays open with the reason."""
        chosen = self.organisation.currentData() or None
        share = self.measure.currentData() == "share"
        if self.presenter.link_line(self.row.line_id, self.kind.currentData(), self.target.currentData(),
                                    self.measure.currentData(), None if share else chosen,
                                    funder=chosen if share else None):
            self.accept()
            return
        self.message.setText(self.presenter.error)
        self.message.show()
