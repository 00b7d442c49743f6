"""Session 71: a panel meeting dated before the review's first stage is asked about, as any stage is.

A Welsh officer recording a Single Unified Safeguarding Review's first panel meeting typed 01/01/2025 for a review
referred to the Regional Safeguarding Board on 03/02/2025 (a slip of the year): it was saved at once, and the list's
Stage reached moved on to "First review panel meeting", though a cost, an invoice or any other stage dated before the
referral is asked about once (the guide's *Stages*). Panel meeting… and its correction now ask, in the name's words
("before it was referred to the Regional Safeguarding Board"; a DHR's "before the death was notified"); Save again
keeps the date.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

SUSR = "Single Unified Safeguarding Review"
TODAY = date(2026, 12, 7)
CASE = "WSCSP-DHR-2017-02"  # notified (a SUSR: referred) on 13/11/2017


def _presenter(store) -> DhrPresenter:
    presenter = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(store, CASE))
    return presenter


def _meetings(store) -> list[str]:
    return [m["met_on"] for m in dhr.panel_meetings(store, dhr.case_id_by_reference(store, CASE))]


def test_a_susrs_panel_meeting_before_its_referral_is_asked_about(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    before = _meetings(demo_store)
    form = _presenter(demo_store).panel_meeting_form()
    form.set_value("met_on", "14/11/2016")
    assert not form.save()
    assert form.message("met_on").startswith(
        "14/11/2016 is before it was referred to the Regional Safeguarding Board (13/11/2017)."), form.message("met_on")
    assert _meetings(demo_store) == before
    assert form.save()  # asked once: Save again keeps it
    assert "2016-11-14" in _meetings(demo_store)


def test_a_dhrs_is_asked_about_in_its_words_and_a_later_day_is_not(demo_store):
    form = _presenter(demo_store).panel_meeting_form()
    form.set_value("met_on", "14/11/2016")
    assert not form.save()
    assert form.message("met_on").startswith("14/11/2016 is before the death was notified (13/11/2017).")
    form = _presenter(demo_store).panel_meeting_form()
    form.set_value("met_on", "14/12/2017")
    assert form.save(), form.errors


def test_a_meeting_corrected_to_before_the_referral_is_asked_about_and_one_kept_is_not(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    case_id = dhr.case_id_by_reference(demo_store, CASE)
    dhr.add_panel_meeting(demo_store, case_id, "2016-12-01", "keyed a year out")
    presenter = _presenter(demo_store)
    (meeting,) = [m for m in dhr.panel_meetings(demo_store, case_id) if m["met_on"] == "2016-12-01"]
    form = presenter.edit_panel_meeting_form(meeting)
    form.set_value("note", "keyed a year out, checked")
    assert form.save(), form.errors  # the date as kept: not asked about again
    form = presenter.edit_panel_meeting_form(dict(meeting, note="keyed a year out, checked"))
    form.set_value("met_on", "02/12/2016")
    assert not form.save()
    assert "before it was referred to the Regional Safeguarding Board" in form.message("met_on")
