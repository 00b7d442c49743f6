"""Bad input found by trying the program as its users do (round 51): each refusal names what is wrong."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("unit", "said"), [("rate", "population"), ("percentage", "how many")])
def test_a_zero_denominator_says_what_the_denominator_is(demo_store, unit, said):
    # "the denominator cannot be 0" named neither what the denominator stands for (a rate's population, a
    # percentage's whole) nor what to type instead.
    from safer_desk.services.indicators import PeriodValue
    from safer_desk.services import indicators as svc

    ind = next(i for i in svc.list_indicators(demo_store) if i.unit == unit)
    with pytest.raises(svc.IndicatorError) as refused:
        svc.check_value(ind, PeriodValue("2016-04", None, 5, 0))
    message = str(refused.value)
    assert said in message and "5" in message, message
    assert message != f"{ind.name}, Apr-16: the denominator cannot be 0."
