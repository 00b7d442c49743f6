"""Costs > Reviews > Payment…: a payment larger than the invoice was refused saying to "record £284.14 here and refund
the £15.86 overpaid" (session 67). The officer did so, and Refund excess… then refused: "Suffolk County Council has not
overpaid on this review … nothing to refund", as the £15.86 is never recorded. The words now say to return it to the
partner, not recorded here, and never send the officer to a refund the file refuses.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.services import dhr

TODAY = date(2018, 10, 1)
BILLED = "WSCSP-DHR-2017-01"


def test_the_overpaid_part_is_not_sent_to_a_refund_the_file_refuses(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    county = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)
                  if s.partner == "Suffolk County Council")  # £400.00 paid of £684.14
    with pytest.raises(DhrError) as refused:
        dhr.record_payment(demo_store, county.id, paid_on="01/09/2018", amount="£300")
    said = str(refused.value)
    assert "refund" not in said.casefold()
    assert "record £284.14 here and return the £15.86 overpaid to the partner (it is not recorded here" in said
    dhr.record_payment(demo_store, county.id, paid_on="01/09/2018", amount="£284.14")  # as the words say
    with pytest.raises(DhrError, match="nothing to refund"):  # why "refund the £15.86" could not be followed
        dhr.record_refund(demo_store, case_id, county.organisation_id, refunded_on="02/09/2018", amount="£15.86")
    with pytest.raises(DhrError) as again:
        dhr.record_payment(demo_store, county.id, paid_on="01/09/2018", amount="£15.86")
    assert "is an overpayment: return it to the partner (it is not recorded here" in str(again.value)
    assert "refund" not in str(again.value).casefold()
