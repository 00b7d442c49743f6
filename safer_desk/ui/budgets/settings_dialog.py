"""Plan settings…: the chosen plan's unit (£ or £'000), its total's name, its Total column and the report's changes
(``BudgetsPresenter.settings_form``): the kit's form, a refusal beside its field; Save makes the change as one step of
Edit > Undo and closes. Changing the unit changes how figures are typed and shown, never an amount held."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from safer_desk.presenters.forms import FormPresenter
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.dialogs import GuardedDialog
from safer_desk.ui.kit.forms import FormView, ViewedForm


class PlanSettingsDialog(ViewedForm, GuardedDialog):
    def __init__(self, parent: QWidget | None, form: FormPresenter):
        super().__init__(parent, form)
        self.form = form
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = FormView(form, self, save_text="&Save")
        cancel = QPushButton("Cancel", self.view)
        cancel.clicked.connect(self.reject)
        self.view.button_bar.addWidget(cancel)
        QVBoxLayout(self).addWidget(self.view)
        form.saved.connect(self.accept)
        self.destroyed.connect(lambda *_: form.saved.disconnect(self.accept))
        self.resize(*fitting_size(parent, max(520, self.view.sizeHint().width()),
                                  self.view.body.sizeHint().height() + 190))
