"""Panel meetings: Enter (or a double-click) on a meeting opens it to correct its date or note, as every other
table opens its row; a date already met on is refused, and Edit > Undo puts the meeting back as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.dhr import DhrError
from safer_desk.services import dhr
from tests.costs.test_costs_gui import BILLED, tab  # noqa: F401 (the Costs tab fixture)
from tests.costs.test_new_case_then_cost_line import button, field, type_into


def test_enter_on_a_panel_meeting_opens_it_to_correct_its_note(tab, qtbot):  # noqa: F811
    page = tab.reviews
    case_id = dhr.case_id_by_reference(page.store, BILLED)
    assert page.select_case(case_id)
    page.details.setCurrentIndex(4)
    meetings = len(page.meetings.rows)
    assert page.meetings.select_where(lambda m: True)
    meeting = page.meetings.current()
    page.meetings.view.setFocus()
    qtbot.keyClick(page.meetings.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    assert dialog.windowTitle() == f"Panel meeting for {BILLED}"
    assert field(dialog, "Note").text() == (meeting["note"] or "")
    type_into(qtbot, field(dialog, "Note"), "Agreed the terms of reference")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert len(page.meetings.rows) == meetings
    row = next(m for m in page.meetings.rows if m["id"] == meeting["id"])
    assert (row["met_on"], row["note"]) == (meeting["met_on"], "Agreed the terms of reference")


def test_a_meeting_moved_onto_another_meetings_day_is_refused(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    first = dhr.add_panel_meeting(demo_store, case_id, "01/02/2019", "First")
    dhr.add_panel_meeting(demo_store, case_id, "01/03/2019", "Second")
    with pytest.raises(DhrError, match="already a panel meeting on 01/03/2019"):
        dhr.update_panel_meeting(demo_store, first, met_on="01/03/2019", note="First")
    dhr.update_panel_meeting(demo_store, first, met_on="08/02/2019", note="First, moved")
    row = next(m for m in dhr.panel_meetings(demo_store, case_id) if m["id"] == first)
    assert (row["met_on"], row["note"]) == ("2019-02-08", "First, moved")
