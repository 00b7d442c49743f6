"""Session 74: a payment pasted from Excel with a day its month does not have (29/02/2019, a slip or a text cell).

Norfolk and Suffolk CRC's invoice pasted as "MSDC-DHR1-06 | 29/02/2019 | £100.5" was refused as having "no date
paid", though a date was there: the officer looked at a date and was told there was none. With the invoice's own
date beside it ("MSDC-DHR1-06 | 01/06/2018 | 29/02/2019 | £100.5" under Invoice, Invoiced, Date paid, Amount), the
invoice's date was taken as the day paid and "29/02/2019" kept as the payment's reference, asked as if right. A day
not in its month is now refused naming it and why ("February 2019 has 28 days"), and nothing is recorded.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError
from tests.costs.test_dhr_round34dhr import log, open_share, paid_total, reviews  # noqa: F401 (fixtures)

CRC = "Norfolk and Suffolk CRC"


def test_a_day_not_in_its_month_is_said_not_no_date(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, CRC)
    with pytest.raises(DhrError) as refused:
        reviews.pasted_payments(f"{crc.invoice_ref}\t29/02/2019\t£100.5\r\n")
    said = str(refused.value)
    assert "no date paid" not in said and "“29/02/2019” is not a date: February 2019 has 28 days" in said, said
    assert said.endswith("Nothing was recorded."), said


def test_beside_the_invoice_date_it_is_not_taken_as_a_reference(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, CRC)
    before = paid_total(demo_store)
    with pytest.raises(DhrError) as refused:
        reviews.pasted_payments(f"Invoice\tInvoiced\tDate paid\tAmount\r\n"
                                f"{crc.invoice_ref}\t01/06/2018\t29/02/2019\t£100.5\r\n")
    assert "“29/02/2019” is not a date: February 2019 has 28 days" in str(refused.value), str(refused.value)
    assert paid_total(demo_store) == before
