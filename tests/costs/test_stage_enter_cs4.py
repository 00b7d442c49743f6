"""Costs > Reviews > Stages: Enter (or a double-click) on a stage did nothing, though every other table opens its
row; it now opens Edit case at that stage's date (the first panel meeting: the Panel meetings page, where meetings
are added and corrected)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.services import dhr
from tests.costs.test_costs_gui import BILLED, tab  # noqa: F401 (the Costs tab fixture)


def _enter_on_stage(page, qtbot, key: str) -> None:
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(0)
    assert page.stages.select_where(lambda s: s.stage.key == key)
    page.stages.view.setFocus()
    qtbot.keyClick(page.stages.view, Qt.Key.Key_Return)


def test_enter_on_a_stage_opens_edit_case_at_its_date(tab, qtbot):  # noqa: F811
    page = tab.reviews
    _enter_on_stage(page, qtbot, "chair_appointed")
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    assert dialog.windowTitle().startswith("Edit") and BILLED in dialog.windowTitle()
    date_edit = dialog.editors["chair_appointed_on"].edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is date_edit, timeout=5000)
    dialog.reject()


def test_enter_on_the_first_panel_meeting_shows_the_panel_meetings(tab, qtbot):  # noqa: F811
    page = tab.reviews
    _enter_on_stage(page, qtbot, "first_panel")
    qtbot.waitUntil(lambda: page.details.currentWidget() is page.meetings.view, timeout=5000)
    assert page.dialog is None or not page.dialog.isVisible()
