"""Session 71: History of Changes said a panel meeting's date by the file's column: "Added panel meeting of
WSCSP-DHR-2017-02: case WSCSP-DHR-2017-02; met date 1 Mar 2027", its correction "Changed the met date of …", and
Edit > Undo's line "Deleted panel meeting …: met date 1 Mar 2027", though Panel meeting… and its correction ask for
its Date. History now says it as the form does."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import dhr

CASE = "WSCSP-DHR-2017-02"


def test_a_panel_meetings_date_is_said_as_the_form_asks_for_it(demo_store):
    log = ActionLog()
    presenter = DhrPresenter(demo_store, perform=log, today=lambda: date(2026, 12, 7))
    presenter.reload()
    case_id = dhr.case_id_by_reference(demo_store, CASE)
    presenter.select(case_id)
    form = presenter.panel_meeting_form()
    form.set_value("met_on", "01/03/2027")
    assert not form.save()  # after today: asked once
    assert form.save()
    (meeting,) = [m for m in dhr.panel_meetings(demo_store, case_id) if m["met_on"] == "2027-03-01"]
    form = presenter.edit_panel_meeting_form(meeting)
    form.set_value("met_on", "01/02/2027")
    assert not form.save()
    assert form.save()
    log.undo()
    undone, corrected, added = history_lines(demo_store)[:3]
    assert added.action == f"Add panel meeting to {CASE}"
    assert added.details == (f"Added panel meeting of {CASE}: case {CASE}; date 1 Mar 2027",), added.details
    assert corrected.action == f"Change the panel meeting of 01/03/2027 in {CASE}"
    assert corrected.summary == f"Changed the date of panel meeting of {CASE} from 1 Mar 2027 to 1 Feb 2027", \
        corrected.summary
    assert undone.action == f"Undo change the panel meeting of 01/03/2027 in {CASE}"
    assert undone.summary == f"Changed the date of panel meeting of {CASE} from 1 Feb 2027 to 1 Mar 2027", \
        undone.summary
    assert not any("met date" in text for line in (undone, corrected, added) for text in (line.summary, *line.details))
