"""The Baseline, Benchmarks and Milestone dialog of the Indicators tab: the performance framework of the indicator,
area and year in view (a thin view over ``presenters.indicator_framework.FrameworkForm``).

Opened with ``open()``, never ``exec()``; Save is one named step of Edit > Undo (tab "indicators"); the kit's guard
asks Save / Discard / Cancel before Esc, Cancel or the close box throws typing away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicator_framework import FrameworkForm
from safer_desk.services import indicators as svc
from safer_desk.ui.indicators.dialogs import IndicatorFormDialog
from safer_desk.ui.kit.undo import push_action


class FrameworkDialog(IndicatorFormDialog):
    """Record, change or clear the baseline, regional and national benchmarks, a milestone's date and achievement,
    an estimated RAG with its basis, and the year's target withdrawn, for the indicator in view."""

    def __init__(self, session, view: svc.YearView, area_id: str, year: FinancialYear, parent=None, *, ready=None):
        presenter = FrameworkForm.make(session.store, view, area_id, year, read_only=session.read_only,
                                       perform=lambda action: push_action(session.undo_stack, action),
                                       after=lambda _indicator_id: session.notify("indicators"))
        super().__init__(session, presenter, parent, (560, 560), ready=ready)
        self.setWindowTitle(presenter.title)
        for key in ("baseline_value", "regional_value", "national_value"):  # text fields but a percentage's: figures
            self.form.widgets[key].setAlignment(Qt.AlignmentFlag.AlignRight)


__all__ = ["FrameworkDialog"]
