"""Costs > Reviews > More > Paste payments from Excel…, round 43 (cpd).

A finance report's rows often carry the invoice's date (or its due date) beside the day it was paid. Such a row was
refused as "two dates" though the heading row copied with it said which was which. The date paid is now read from
the heading above it ("Date paid", "Payment date", "Received") or, with no heading to go by, as the one date that is
not the invoice's own date or due date; only dates that still cannot be told apart are refused, naming each date and
its heading, and saying what to copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.domain.periods import format_uk_date
from tests.costs.test_dhr_round34dhr import log, open_share, paid_total, reviews  # noqa: F401 (fixtures)

CRC = "Norfolk and Suffolk CRC"


@pytest.mark.parametrize("header, row", [
    ("Invoice\tInvoice date\tDate paid\tAmount", "{ref}\t01/06/2018\t03/08/2018\t£600.00"),
    ("Date paid\tInvoice\tInvoiced\tAmount", "03/08/2018\t{ref}\t01/06/2018\t£600.00"),
    ("Invoice\tPayment date\tDue date\tAmount", "{ref}\t03/08/2018\t01/07/2018\t£600.00"),
    ("Customer\tInvoice no.\tRaised\tReceived\tValue", "Norfolk and Suffolk CRC\t{ref}\t01/06/2018\t2018-08-03\t600"),
])
def test_the_date_paid_is_read_from_the_heading_above_it(reviews, demo_store, header, row):  # noqa: F811
    crc = open_share(demo_store, CRC)
    pasted = reviews.pasted_payments(f"{header}\r\n{row.format(ref=crc.invoice_ref)}\r\n")
    [payment] = pasted.payments
    assert (payment.share.id, payment.paid_on, payment.amount_pence) == (crc.id, date(2018, 8, 3), 60000)
    assert "paid on 03/08/2018" in pasted.question()
    before = paid_total(demo_store)
    reviews.record_pasted_payments(pasted)
    assert paid_total(demo_store) == before + 60000


def test_with_no_heading_the_invoice_own_date_is_not_the_date_paid(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, CRC)
    assert crc.invoiced_on is not None
    text = f"{crc.invoice_ref}\t{format_uk_date(crc.invoiced_on)}\t03/08/2018\t£600.00\r\n"
    [payment] = reviews.pasted_payments(text).payments
    assert payment.paid_on == date(2018, 8, 3)


def test_two_dates_that_cannot_be_told_apart_are_refused_naming_each(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, CRC)
    before = paid_total(demo_store)
    with pytest.raises(DhrError) as refused:
        reviews.pasted_payments(f"{crc.invoice_ref}\t02/08/2018\t03/08/2018\t£600.00\r\n")
    said = str(refused.value)
    assert "two dates (“02/08/2018” and “03/08/2018”)" in said
    assert "Date paid" in said and "Nothing was recorded." in said
    assert paid_total(demo_store) == before


def test_headings_that_do_not_say_which_is_paid_are_named(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, CRC)
    with pytest.raises(DhrError) as refused:
        reviews.pasted_payments(f"Invoice\tDate\tPosted\tAmount\r\n"
                                f"{crc.invoice_ref}\t02/08/2018\t03/08/2018\t£600.00\r\n")
    said = str(refused.value)
    assert "“02/08/2018” under Date" in said and "“03/08/2018” under Posted" in said


def test_two_columns_headed_as_paid_are_refused(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, CRC)
    with pytest.raises(DhrError, match="two dates"):
        reviews.pasted_payments(f"Invoice\tPaid\tReceived\tAmount\r\n"
                                f"{crc.invoice_ref}\t02/08/2018\t03/08/2018\t£600.00\r\n")
