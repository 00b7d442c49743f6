"""The Baseline, Benchmarks and Milestone dialog of the Indicators tab: the performance framework of the indicator,
area and year in view (a thin view over ``presenters.indicator_framework.FrameworkForm``).

Opened with ``open()``, never ``exec()``; Save is one named step of Edit > Undo (tab "indicators"); the kit's guard
asks Save / Discard / Cancel before Esc, Cancel or the close box throws typing away.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicator_framework import FrameworkForm
from safer_desk.services import indicators as svc
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.dialogs import GuardedDialog
from safer_desk.ui.kit.forms import FormView
from safer_desk.ui.kit.undo import push_action


class FrameworkDialog(GuardedDialog):
    """Record, change or clear the baseline, regional and national benchmarks, a milestone's date and achievement,
    an estimated RAG with its basis, and the year's target withdrawn, for the indicator in view."""

    def __init__(self, session, view: svc.YearView, area_id: str, year: FinancialYear, parent=None):
        presenter = FrameworkForm.make(session.store, view, area_id, year,
                                       perform=lambda action: push_action(session.undo_stack, action),
                                       after=lambda _indicator_id: session.notify("indicators"))
        presenter.read_only = session.read_only
        super().__init__(parent, presenter)
        self.session, self.presenter = session, presenter
        self.setWindowTitle(presenter.title)
        self.form = FormView(self.presenter, self, save_text="&Save", discard_text="Re&vert")
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        self.form.button_bar.addWidget(cancel)
        self.presenter.saved.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.resize(*fitting_size(parent, 560, 560))

    def save(self) -> bool:
        return self.form.save()  # the view's save: a problem puts the focus on its field

    def apply(self) -> bool:
        return self.save()


__all__ = ["FrameworkDialog"]
