"""Plan settings…: the chosen plan's unit (£ or £'000), its total's name, its Total column and the report's changes
(``BudgetsPresenter.settings_form``): the kit's form, a refusal beside its field; Save makes the change as one step of
Edit > Undo and closes. Changing the unit changes how figures are typed and shown, never an amount held."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from safer_desk.presenters.forms import FormPresenter
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.forms import FormDialog


class PlanSettingsDialog(FormDialog):
    def __init__(self, parent: QWidget | None, form: FormPresenter):
        super().__init__(parent, form)
        self.resize(*fitting_size(parent, max(520, self.view.sizeHint().width()),
                                  self.view.body.sizeHint().height() + 190))
