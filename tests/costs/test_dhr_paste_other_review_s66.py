"""Costs > Reviews > More > Paste payments from Excel…: a payment for another review's invoice landed on this review.

Session 66's hunt of the DHR costs. Two reviews billed, the finance report's rows pasted with the wrong review chosen:
"Ipswich and East CCG | MS2-03 | 01/08/2018 | £393.94" (MS2-03 is the other review's invoice) was read by the
partner's name as a payment on its one open invoice of the review chosen, MSDC-DHR1-03, the other review's invoice
number kept as the payment's reference: the question read "Record 1 payment … MSDC-DHR1-03 Ipswich and East CCG:
£393.94 paid on 01/08/2018 (MS2-03)", and Record put the money on the wrong review (its ledger showed it paid, the
other review's invoice still owed). A row naming only the other review's invoice was refused as naming "no invoice
or partner" of this one, when the invoice was there, on the other review. A row naming another review's invoice is
now refused, saying which review it belongs to, and nothing is recorded.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.services import dhr
from tests.costs.test_dhr_round34dhr import BILLED, TODAY, log, reviews  # noqa: F401 (fixtures)

OTHER = "WSCSP-DHR-2017-02"
HEADINGS = "Customer\tInvoice\tDate paid\tAmount\r\n"


@pytest.fixture
def other_billed(demo_store, reviews):  # noqa: F811
    """The example's second review costed and billed too (MS2-01 … MS2-11): Ipswich and East CCG's is MS2-03."""
    case = dhr.case_id_by_reference(demo_store, OTHER)
    dhr.add_cost_line(demo_store, case, category="Independent chair/author", amount="4,333.34")
    dhr.bill_partners(demo_store, case, invoiced_on="01/08/2018", invoice_prefix="MS2-")
    reviews.reload()
    return case


def _owed(store, reference):
    return sum(s.outstanding_pence for s in dhr.list_shares(store, today=TODAY,
                                                             case_id=dhr.case_id_by_reference(store, reference)))


def test_a_row_naming_another_reviews_invoice_beside_the_partner_is_refused(reviews, other_billed):  # noqa: F811
    with pytest.raises(DhrError) as refused:
        reviews.pasted_payments(f"{HEADINGS}Ipswich and East CCG\tMS2-03\t20/08/2018\t£393.94\r\n")
    said = str(refused.value)
    assert said.startswith("Line 2 “Ipswich and East CCG | MS2-03 | 20/08/2018 | £393.94”: MS2-03 is an invoice "
                           f"of {OTHER}, not of {BILLED}"), said
    assert f"choose {OTHER}" in said and said.endswith("Nothing was recorded."), said


def test_a_row_naming_only_another_reviews_invoice_says_whose_it_is(reviews, other_billed):  # noqa: F811
    with pytest.raises(DhrError, match=f"MS2-03 is an invoice of {OTHER}, not of {BILLED}"):
        reviews.pasted_payments("MS2-03\t20/08/2018\t£393.94\r\n")


def test_nothing_lands_on_either_review(demo_store, reviews, other_billed):  # noqa: F811
    before = _owed(demo_store, BILLED), _owed(demo_store, OTHER)
    with pytest.raises(DhrError):
        reviews.pasted_payments(f"{HEADINGS}Ipswich and East CCG\tMSDC-DHR1-03\t20/08/2018\t£1.00\r\n"
                                f"Ipswich and East CCG\tMS2-03\t20/08/2018\t£393.94\r\n")
    assert (_owed(demo_store, BILLED), _owed(demo_store, OTHER)) == before


def test_the_same_row_pasted_on_its_own_review_is_paid_there(reviews, other_billed):  # noqa: F811
    reviews.select(other_billed)
    [payment] = reviews.pasted_payments(f"{HEADINGS}Ipswich and East CCG\tMS2-03\t20/08/2018\t£393.94\r\n").payments
    assert payment.share.invoice_ref == "MS2-03" and payment.amount_pence == 39394 and payment.reference == ""
