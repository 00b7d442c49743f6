"""Costs > Reviews > More > Paste payments from Excel…: a finance report's rows with the customer before the invoice
(session 58's hunt of the Costs tab).

A row was read cell by cell, and a partner's name before the invoice reference took the partner's one open invoice,
the invoice named then read as the payment's reference: "Babergh District Council | MSDC-DHR1-01 | 01/10/2018 |
£100.00" put £100 on Babergh's further invoice MSDC-DHR1-12, though MSDC-DHR1-01 was named (and paid already). With two
invoices open, the row was refused "paste the invoice reference instead", the reference in it. The invoice a row names
is now its invoice, in whatever column; the partner's name beside it is checked against it, as before.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.services import dhr
from tests.costs.test_dhr_round34dhr import BILLED, TODAY, log, reviews  # noqa: F401 (fixtures)

HEADINGS = "Customer\tInvoice\tDate paid\tAmount\r\n"


@pytest.fixture
def further(demo_store, reviews):  # noqa: F811
    """The example's review with £1,100 of costs added since, billed as further invoices: each partner has two
    (its first invoice, by partner, is returned)."""
    case = dhr.case_id_by_reference(demo_store, BILLED)
    dhr.add_cost_line(demo_store, case, category="Administration", amount="1100", invoiced_on="20/08/2018")
    dhr.bill_partners(demo_store, case, invoiced_on="25/08/2018")
    reviews.reload()
    first: dict[str, dhr.ShareRow] = {}
    for share in sorted(dhr.list_shares(demo_store, today=TODAY, case_id=case), key=lambda s: s.invoiced_on):
        first.setdefault(share.partner, share)
    return first  # each partner's first invoice


def test_the_invoice_named_after_the_customer_is_the_one_paid(reviews, further):  # noqa: F811
    crc = further["Norfolk and Suffolk CRC"]
    [payment] = reviews.pasted_payments(f"{HEADINGS}Norfolk and Suffolk CRC\t{crc.invoice_ref}\t26/08/2018\t"
                                        "£684.14\r\n").payments
    assert payment.share.id == crc.id and payment.amount_pence == 68414 and payment.reference == ""


def test_a_paid_invoice_named_is_not_paid_on_the_partners_open_one(reviews, further):  # noqa: F811
    paid = further["Babergh District Council"]
    assert paid.outstanding_pence == 0
    with pytest.raises(DhrError, match=f"Line 2 \\({paid.invoice_ref} Babergh District Council\\): £100 is more "
                                       "than the £0 outstanding on this share: it is paid in full"):
        reviews.pasted_payments(f"{HEADINGS}Babergh District Council\t{paid.invoice_ref}\t26/08/2018\t£100.00\r\n")


def test_a_customer_that_is_not_the_invoices_partner_is_still_refused(reviews, further):  # noqa: F811
    crc = further["Norfolk and Suffolk CRC"]
    with pytest.raises(DhrError, match=f"{crc.invoice_ref} is Norfolk and Suffolk CRC's invoice, not Suffolk "
                                       "Constabulary's"):
        reviews.pasted_payments(f"{HEADINGS}Suffolk Constabulary\t{crc.invoice_ref}\t26/08/2018\t£684.14\r\n")


def test_a_customer_with_two_invoices_open_and_none_named_is_refused_as_before(reviews, further):  # noqa: F811
    with pytest.raises(DhrError, match="Norfolk and Suffolk CRC has 2 invoices open on"):
        reviews.pasted_payments(f"{HEADINGS}Norfolk and Suffolk CRC\t\t26/08/2018\t£684.14\r\n")
