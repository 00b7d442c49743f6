"""Session 75: a cost line of £0 is refused beside its Amount at once, before any question.

Costs > Reviews > Cost line…: £0 typed with an invoice date after today (or a supplier that reads like a name, or a day
before the death was notified) was first asked about ("Save again to keep it"), and Save again then refused it
("Amount: must be more than £0."). Edit cost line… on a billed review did worse: £0 was answered with what billing again
would do ("The costs would come to £6,900 … 4 invoices not yet paid cancelled … Save again to keep it as it is"), and
Save again refused it. A refusal known before the questions is now said first, beside the Amount.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2018, 9, 1)
NOUGHT = "Amount: must be more than £0."


def _page(store, reference):
    page = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    page.reload(select=dhr.case_id_by_reference(store, reference))
    return page


@pytest.mark.parametrize("typed", [{"invoiced_on": "05/09/2018"}, {"supplier": "John Smith"},
                                   {"invoiced_on": "01/01/2010"}])
def test_a_new_cost_line_of_nought_is_refused_before_any_question(demo_store, typed):
    page = _page(demo_store, "WSCSP-DHR-2017-02")
    form = page.cost_line_form()
    form.set_value("amount", "£0")
    for key, value in typed.items():
        form.set_value(key, value)
    assert not form.save()
    assert form.message("amount") == NOUGHT and form.form_message == "Not saved: correct the field marked."
    assert page.details().costs == []


def test_a_cost_line_corrected_to_nought_is_refused_before_billing_again_is_said(demo_store):
    page = _page(demo_store, "WSCSP-DHR-2017-01")
    line = page.details().costs[0]
    form = page.edit_cost_line_form(line)
    form.set_value("amount", "0")
    assert not form.save()
    assert form.message("amount") == NOUGHT and form.form_message == "Not saved: correct the field marked."
    assert [c["amount_pence"] for c in page.details().costs][0] == line["amount_pence"]
