"""Session 71: a panel meeting dated after today is asked about once, in a meeting's words.

An officer recording a SUSR's panel meeting typed 01/03/2027 on 07/12/2026 (the 03/01/2027 planned, or a slip of the
year): it was saved at once and the list's Stage reached moved on to the panel meeting as held, though a stage, a
payment or an invoice dated after today is asked about once. Panel meeting… and its correction now ask ("01/03/2027
is after today (07/12/2026): a panel meeting not yet held?"); Save again keeps the date, and a correction that keeps
the date is not asked about again.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

SUSR = "Single Unified Safeguarding Review"
TODAY = date(2026, 12, 7)
CASE = "WSCSP-DHR-2017-02"


def _presenter(store) -> DhrPresenter:
    presenter = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(store, CASE))
    return presenter


def _meetings(store) -> list[str]:
    return [m["met_on"] for m in dhr.panel_meetings(store, dhr.case_id_by_reference(store, CASE))]


def test_a_panel_meeting_after_today_is_asked_about_once(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    before = _meetings(demo_store)
    form = _presenter(demo_store).panel_meeting_form()
    form.set_value("met_on", "01/03/2027")
    assert not form.save()
    assert form.message("met_on").startswith(
        "01/03/2027 is after today (07/12/2026): a panel meeting not yet held?"), form.message("met_on")
    assert "cannot have been made" not in form.message("met_on")
    assert _meetings(demo_store) == before
    assert form.save()  # asked once: Save again keeps it
    assert "2027-03-01" in _meetings(demo_store)


def test_a_meeting_today_is_not_asked_about(demo_store):
    form = _presenter(demo_store).panel_meeting_form()
    form.set_value("met_on", "07/12/2026")
    assert form.save(), form.errors


def test_a_meeting_corrected_to_after_today_is_asked_about_and_one_kept_is_not(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, CASE)
    dhr.add_panel_meeting(demo_store, case_id, "2026-12-01", "")
    presenter = _presenter(demo_store)
    (meeting,) = [m for m in dhr.panel_meetings(demo_store, case_id) if m["met_on"] == "2026-12-01"]
    form = presenter.edit_panel_meeting_form(meeting)
    form.set_value("met_on", "01/12/2027")
    assert not form.save()
    assert form.message("met_on").startswith("01/12/2027 is after today (07/12/2026): a panel meeting not yet held?")
    assert form.save()
    (meeting,) = [m for m in dhr.panel_meetings(demo_store, case_id) if m["met_on"] == "2027-12-01"]
    form = presenter.edit_panel_meeting_form(meeting)
    form.set_value("note", "moved to next year")
    assert form.save(), form.errors  # the date as kept: not asked about again
