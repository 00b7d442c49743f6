"""Round 41 (mwd): a DHR payment row pasted with its date column as Excel's numbers ("45383" for 1 April 2024).

A number alone is an amount (tests/foundation/test_money_words_round41mwd.py). A payment row says more: it needs a date
paid, and one with none but two figures, one of them a day Excel numbers, is refused (as before) with a hint that
the date column was copied as numbers and how to copy it as dates.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError
from tests.costs.test_dhr_round34dhr import log, open_share, paid_total, reviews  # noqa: F401 (fixtures)


def test_a_row_with_no_date_paid_is_refused_and_nothing_is_recorded(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, "Norfolk and Suffolk CRC")
    before = paid_total(demo_store)
    with pytest.raises(DhrError, match="no date paid.*Nothing was recorded"):
        reviews.pasted_payments(f"{crc.invoice_ref}\t45383\t£684.14\r\n")
    assert paid_total(demo_store) == before


def test_a_date_paid_copied_as_excels_number_is_said_as_one(reviews, demo_store):  # noqa: F811
    crc = open_share(demo_store, "Norfolk and Suffolk CRC")
    with pytest.raises(DhrError) as refused:
        reviews.pasted_payments(f"{crc.invoice_ref}\t45383\t£684.14\r\n")
    assert ("“45383” may be the date paid as Excel numbers a date (01/04/2024): format that column as a date in Excel "
            "(Home > Number > Short Date), copy the rows again and paste. Nothing was recorded.") in str(refused.value)
    with pytest.raises(DhrError) as refused:  # two amounts, neither a day Excel numbers: no hint
        reviews.pasted_payments(f"{crc.invoice_ref}\t£600\t£684.14\r\n")
    assert "may be the date paid" not in str(refused.value)
