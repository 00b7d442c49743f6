"""Session 63: a lower-is-better rate per head already over its target, with a month before missing, read "Figures
missing", though a count in the same place is red (s61/s62). A rate's year to date is its crimes over the year's
population: a missing month's crimes over that population can only add to it, so it is as certain as the count's.
Months given different populations are taken at their mean, which a missing month's own could move either way:
those stay unjudged."""

from __future__ import annotations

import pytest

from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)


@pytest.fixture
def area(store):
    area = svc.ensure_area(store, "Mid Suffolk", "district")
    svc.set_population(store, area, FY16, 104000, source="ONS mid-2016")
    return area


def _rate(store, polarity: str) -> str:
    return svc.save_indicator(store, f"Violent crime rate ({polarity})", unit="rate", rate_per=1000, polarity=polarity)


def test_a_rate_over_its_target_with_a_month_missing_is_red_and_says_the_month(store, area):
    rate = _rate(store, "lower")
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=52), PeriodValue("2016-06", numerator=26)])
    svc.set_target(store, rate, area, FY16, kind="annual", value=1)  # 0.25 per 1,000 by June
    v = svc.year_view(store, rate, area, FY16)
    assert v.rag is Rag.RED and v.period_rags[2] is Rag.RED
    assert "red; figures are missing for May-16, which can only add to it" in v.headline(), v.headline()
    grid = svc.entry_grid(store, rate, area, FY16)
    assert [c.text for c in grid.row(svc.GRID_RAG).cells][2] == Rag.RED.label


def test_a_higher_is_better_rate_at_its_target_with_a_month_missing_is_green(store, area):
    rate = _rate(store, "higher")
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=52), PeriodValue("2016-06", numerator=26)])
    svc.set_target(store, rate, area, FY16, kind="annual", value=1)
    assert svc.year_view(store, rate, area, FY16).rag is Rag.GREEN


def test_rates_typed_as_figures_add_up_so_are_judged_too(store, area):
    rate = _rate(store, "lower")
    svc.save_values(store, rate, area, [PeriodValue("2016-04", 0.5), PeriodValue("2016-06", 0.25)])
    svc.set_target(store, rate, area, FY16, kind="annual", value=1)
    assert svc.year_view(store, rate, area, FY16).rag is Rag.RED


def test_a_rate_under_its_target_with_a_month_missing_is_still_not_judged(store, area):
    rate = _rate(store, "lower")
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=52), PeriodValue("2016-06", numerator=26)])
    svc.set_target(store, rate, area, FY16, kind="annual", value=100)
    assert svc.year_view(store, rate, area, FY16).rag is Rag.INCOMPLETE


def test_months_given_different_populations_are_not_judged_with_a_month_missing(store, area):
    """At the mean of 10,000 and 200,000 people, a May among 1,000,000 with no crimes would bring the rate down."""
    rate = _rate(store, "lower")
    svc.save_values(store, rate, area, [PeriodValue("2016-04", numerator=52, denominator=10000),
                                        PeriodValue("2016-06", numerator=26, denominator=200000)])
    svc.set_target(store, rate, area, FY16, kind="annual", value=1)
    assert svc.year_view(store, rate, area, FY16).rag is Rag.INCOMPLETE
