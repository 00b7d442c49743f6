"""The invoices a cost line's correction bills say it was a correction, not another split.

Session 64: the chair's £6,250 corrected to the invoice's £5,250 (or the administration keyed twice and deleted), once
billed, bills the partners again with the review's own split. Shares and payments then gave each new invoice the
reason "Billed again with another split on 01/09/2018, in place of MSDC-DHR1-03", and a part-paid one "Closed at the
£400.00 paid of £684.14: billed again with another split …": no split was changed, and an officer reading it (or the
partner's finance team) was left asking who had changed the agreed split.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"
CHAIR = "Independent chair/author"


@pytest.fixture
def presenter(demo_store):
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(dhr.case_id_by_reference(demo_store, BILLED))
    return p


def _shares(store, case_id):
    return dhr.list_shares(store, today=TODAY, case_id=case_id)


def _corrected(presenter, store):
    case_id = presenter.selected
    line = next(li for li in dhr.cost_lines(store, case_id) if li["category"] == CHAIR)
    form = presenter.edit_cost_line_form(line)
    form.set_value("amount", "£5,250")
    assert not form.save() and form.save()  # asked once, then saved
    return _shares(store, case_id)


def test_the_new_invoices_say_the_cost_was_corrected_with_the_reviews_own_split(presenter, demo_store):
    shares = _corrected(presenter, demo_store)
    ipswich = next(s for s in shares if s.invoice_ref == "MSDC-DHR1-12")
    assert "another split" not in ipswich.reason, ipswich.reason
    assert ipswich.reason == ("Billed again on 01/09/2018 with the review's own split, its costs corrected to "
                              "£6,525.58, in place of MSDC-DHR1-03"), ipswich.reason


def test_a_part_paid_invoice_closed_by_a_correction_says_so(presenter, demo_store):
    shares = _corrected(presenter, demo_store)
    county = next(s for s in shares if s.partner == "Suffolk County Council" and s.paid_pence)
    assert "another split" not in county.reason, county.reason
    assert county.reason.startswith("Closed at the £400.00 paid of £684.14: billed again on 01/09/2018 with the "
                                    "review's own split, its costs corrected to £6,525.58"), county.reason


def test_billing_again_with_another_split_still_says_so(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    police = demo_store.scalar("SELECT id FROM organisations WHERE name = 'Suffolk Constabulary'")
    dhr.rebill_with_split(demo_store, case_id, "capped", on=TODAY, cap_payer=police, cap_percent="50",
                          cap_amount="5000")
    new = [s for s in _shares(demo_store, case_id) if s.invoiced_on == TODAY]
    assert new and all(s.reason.startswith("Billed again with another split on 01/09/2018") for s in new)
