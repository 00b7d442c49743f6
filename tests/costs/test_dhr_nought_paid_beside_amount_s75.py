"""Session 75: a payment or refund of £0 is refused beside its Amount, before any question about its date.

Costs > Reviews, a partner's invoice, Payment…: £0 typed with a date after today was first asked about ("02/09/2018 is
after today … Save again to keep it"), and Save again then refused it at the top of the form, "Not saved: Amount paid:
must be more than £0.", naming a field the form does not have, with nothing marked: the refusal was known before the
question (a query never offers to keep what will be refused). The same for Refund excess…. It is now refused at once,
beside the Amount, in the form's word for it.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_refunds_round38 import BABERGH, bill_again_below_what_five_paid

TODAY = date(2018, 9, 1)
CASE = "WSCSP-DHR-2017-01"


def _page(store, today=TODAY):
    page = DhrPresenter(store, perform=ActionLog(), today=lambda: today)
    page.reload(select=dhr.case_id_by_reference(store, CASE))
    return page


def _share(page, partner):
    return next(s for s in page.details().shares if s.partner == partner and s.kind == "share")


def test_a_payment_of_nought_is_refused_beside_the_amount_before_its_date_is_asked_about(demo_store):
    page = _page(demo_store)
    form = page.payment_form(_share(page, "Ipswich and East CCG"))
    form.set_value("amount", "£0")
    form.set_value("paid_on", "02/09/2018")  # after today: a question, were the amount one to keep
    assert not form.save()
    assert form.message("amount") == "Amount: must be more than £0."
    assert form.form_message == "Not saved: correct the field marked."  # not the question: "Save again to keep it"
    assert dhr.share_payments(demo_store, _share(page, "Ipswich and East CCG").id) == []


def test_a_refund_of_nought_is_refused_beside_the_amount(demo_store):
    bill_again_below_what_five_paid(demo_store)
    page = _page(demo_store, date(2018, 9, 12))
    share = next(s for s in page.details().shares if s.organisation_id == BABERGH and s.counted)
    form = page.refund_form(share)
    form.set_value("amount", "0.00")
    assert not form.save()
    assert form.message("amount") == "Amount: must be more than £0."
    assert dhr.case_refunds(demo_store, page.selected_case.id) == []
