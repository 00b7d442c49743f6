"""Bad input found by trying the command line as its users do (round 49): each refusal names what is wrong."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("typed", "said"), [(1500.0000000001, "1500.0000000001"), (1234567.5, "1234567.5"),
                                             (2.5, "2.5")])
def test_a_count_refused_as_not_whole_names_the_figure_given(demo_store, typed, said):
    # "a count is a whole number, and 1500 is not": the figure was shown to 6 significant figures, so the refusal
    # contradicted itself for a count a hair off whole, and a large one read "1.23457e+06".
    from safer_desk.services.indicators import PeriodValue
    from safer_desk.services import indicators as svc

    ind = svc.get_indicator(demo_store, "indicator:domestic-abuse-crimes-and-incidents")
    with pytest.raises(svc.IndicatorError) as refused:
        svc.check_value(ind, PeriodValue("2016-04", typed))
    assert f"a count is a whole number, and {said} is not" in str(refused.value)


def test_a_percentage_over_100_names_its_numbers_in_full(demo_store):
    from safer_desk.services.indicators import PeriodValue
    from safer_desk.services import indicators as svc

    ind = next(i for i in svc.list_indicators(demo_store) if i.unit == "percentage")
    with pytest.raises(svc.IndicatorError) as refused:
        svc.check_value(ind, PeriodValue("2016-04", None, 1234567, 1234566))
    assert "the numerator (1234567) is more than the denominator (1234566)" in str(refused.value)
