"""Costs > Reviews > More > Paste payments from Excel…, round 42 (exc).

A finance report's receipt numbers are often digits alone ("Receipt no. 5001234"). A row of invoice, date paid,
amount and such a number was refused as "two amounts" though it was one payment of each thing the refusal asked for,
and the officer was not told which figure was taken for what nor what to do. A bare number beside an amount written
as money (£, pence or a thousands comma) is now the payment's reference, shown in the question before anything is
recorded; two figures that cannot be told apart are refused naming both and saying how to paste them.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError
from tests.costs.test_dhr_round34dhr import log, open_share, paid_total, reviews  # noqa: F401 (fixtures)


@pytest.mark.parametrize("amount", ["684.14", "£684.14", "£684", "684.10"])
def test_a_receipt_number_of_digits_beside_the_amount_is_the_payment_reference(
        reviews, demo_store, amount):  # noqa: F811
    crc = open_share(demo_store, "Norfolk and Suffolk CRC")
    pasted = reviews.pasted_payments(f"Invoice\tPaid on\tAmount\tReceipt no.\r\n"
                                     f"{crc.invoice_ref}\t01/08/2018\t{amount}\t5001234\r\n")
    [payment] = pasted.payments
    assert payment.share.id == crc.id and payment.reference == "5001234"
    assert payment.amount_pence == int(amount.strip("£").replace(".", "")) * (100 if "." not in amount else 1)
    assert "(5001234)" in pasted.question()  # what was read is said before Record
    before = paid_total(demo_store)
    reviews.record_pasted_payments(pasted)
    assert paid_total(demo_store) == before + payment.amount_pence


def test_the_receipt_number_may_come_before_the_amount(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, "Norfolk and Suffolk CRC")
    [payment] = reviews.pasted_payments(f"5001234\t{crc.invoice_ref}\t01/08/2018\t£600.00\r\n").payments
    assert (payment.amount_pence, payment.reference) == (60000, "5001234")


def test_two_bare_figures_are_refused_naming_both_and_what_to_do(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, "Norfolk and Suffolk CRC")
    before = paid_total(demo_store)
    with pytest.raises(DhrError) as refused:
        reviews.pasted_payments(f"{crc.invoice_ref}\t01/08/2018\t684\t5001234\r\n")
    said = str(refused.value)
    assert "two amounts (“684” and “5001234”)" in said
    assert "with its pence (684.00)" in said and "Nothing was recorded." in said
    assert paid_total(demo_store) == before


def test_two_amounts_written_as_money_are_still_refused(reviews, demo_store):  # noqa: F811
    """An invoice's amount beside what was paid: which is the payment cannot be told, so nothing is guessed."""
    crc = open_share(demo_store, "Norfolk and Suffolk CRC")
    with pytest.raises(DhrError, match="two amounts"):
        reviews.pasted_payments(f"{crc.invoice_ref}\t01/08/2018\t£684.14\t£600.00\r\n")
