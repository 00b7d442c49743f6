"""Costs > Reviews: a cost line's Amount typed 0 was refused "Amount: the amount must be more than £0.", and -5
"Amount: an amount cannot be negative (−£5.00).", saying the field's name twice over (session 73). Each now names the
field once: "Amount: must be more than £0." The same for a payment's and a refund's amount.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.services import dhr


@pytest.mark.parametrize("field", ["Amount", "Amount paid", "Amount refunded"])
def test_a_nought_is_refused_naming_the_field_once(field):
    with pytest.raises(DhrError) as refused:
        dhr.as_pence("0", field, allow_zero=False)
    assert str(refused.value) == f"{field}: must be more than £0."


def test_a_negative_amount_is_refused_naming_the_field_once():
    with pytest.raises(DhrError) as refused:
        dhr.as_pence("-5", "Amount")
    assert str(refused.value).startswith("Amount: cannot be negative")
    assert str(refused.value).lower().count("amount") == 1


def test_a_cost_line_of_nought_says_it_once(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    with pytest.raises(DhrError, match=r"^Amount: must be more than £0\.$"):
        dhr.add_cost_line(demo_store, case_id, category="Administration", amount="£0.00")
