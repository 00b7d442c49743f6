"""Session 71: the history names a review's stage dates as Edit case labels them.

A Welsh officer with the reviews called Single Unified Safeguarding Reviews typed the dates Edit case asks for as
Referred and Welsh Government told; View > History of Changes said "Changed the notified date of review
CV-SUSR-2025-01 from (blank) to 3 Feb 2025" and "Changed the home office told date …": the Home Office (in lower case)
is told nothing of a SUSR, and no field says "notified". The history now says each stage date as the case form of the
file's reviews names it ("referred date", "Welsh Government told date", "report sent for QA date"); a DHR's reads
"Home Office told date", as its form says it.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import dhr

SUSR = "Single Unified Safeguarding Review"


def _said(store) -> str:
    line = history_lines(store)[0]
    return "\n".join([line.summary, *line.details])


def _edit_dates(store, reference: str, **dates: str) -> None:
    presenter = DhrPresenter(store, perform=ActionLog(), today=lambda: date(2026, 12, 7))
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(store, reference))
    form = presenter.edit_case_form()
    for key, value in dates.items():
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors


def test_a_susrs_dates_are_said_as_edit_case_names_them(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    dhr.add_case(demo_store, reference="CV-SUSR-2025-01")
    _edit_dates(demo_store, "CV-SUSR-2025-01", notified_on="03/02/2025", home_office_told_on="24/02/2025",
                qa_submitted_on="01/09/2025")
    said = _said(demo_store)
    assert "notified" not in said and "home office" not in said.casefold() and "qa submitted" not in said, said
    assert "Changed the referred date of review CV-SUSR-2025-01 from (blank) to 3 Feb 2025" in said, said
    assert "Changed the Welsh Government told date of review CV-SUSR-2025-01 from (blank) to 24 Feb 2025" in said, said
    assert "Changed the report sent for QA date of review CV-SUSR-2025-01 from (blank) to 1 Sep 2025" in said, said


def test_a_susr_added_with_its_dates_says_them_so(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    dhr.add_case(demo_store, reference="CV-SUSR-2025-02", notified_on="2025-02-03", home_office_told_on="2025-02-24")
    said = _said(demo_store)
    assert "referred date 3 Feb 2025" in said and "Welsh Government told date 24 Feb 2025" in said, said
    assert "notified" not in said, said


def test_a_dhrs_home_office_keeps_its_capitals(demo_store):
    _edit_dates(demo_store, "WSCSP-DHR-2017-01", home_office_told_on="02/02/2018")
    said = _said(demo_store)
    assert "Changed the Home Office told date of review WSCSP-DHR-2017-01" in said, said
