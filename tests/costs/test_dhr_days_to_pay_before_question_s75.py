"""Session 75: Days to pay that cannot be taken are refused at once, not after a question about the date.

Costs > Reviews > Bill partners (charge)…: an invoice date after today with Days to pay 1.5 (or 99999) was first asked
about ("05/09/2018 is after today … Save again to keep it"); Save again then refused the days ("A whole number of
days.", "at most 3,650"): the question offered to keep what was then refused. The same in Refused… > Re-split or carry
(the decision's date). A refusal known before the question is now said beside Days to pay at once.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2018, 9, 1)
LATER = "05/09/2018"  # after today: a question, were everything else right


def _page(store, reference):
    page = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    page.reload(select=dhr.case_id_by_reference(store, reference))
    return page


@pytest.mark.parametrize(("typed", "said"), [("1.5", "A whole number of days."),
                                             ("99999", "Days to pay: at most 3,650 (ten years).")])
def test_bill_partners_refuses_the_days_before_asking_about_the_date(demo_store, typed, said):
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1000", invoiced_on="2018-08-01")
    page = _page(demo_store, "WSCSP-DHR-2017-02")
    form = page.bill_form()
    form.set_value("invoiced_on", LATER)
    form.set_value("due_days", typed)
    assert not form.save()
    assert form.message("due_days") == said
    assert form.form_message == "Not saved: correct the field marked."  # not "check the figures queried"
    assert dhr.list_shares(demo_store, today=TODAY, case_id=case_id) == []


@pytest.mark.parametrize(("typed", "said"), [("2.5", "A whole number of days."),
                                             ("4000", "Days to pay: at most 3,650 (ten years).")])
def test_a_refusal_re_split_refuses_the_days_before_asking_about_the_date(demo_store, typed, said):
    page = _page(demo_store, "WSCSP-DHR-2017-01")
    refused = next(s for s in page.details().shares if s.status == "refused")
    form = page.resolve_form(refused)
    form.set_value("on", LATER)
    form.set_value("due_days", typed)
    assert not form.save()
    assert form.message("due_days") == said
    assert form.form_message == "Not saved: correct the field marked."
    assert not any(s.kind == "re-split" for s in page.details().shares)
