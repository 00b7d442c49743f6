"""A withdrawn target read "At least 54.9% (withdrawn 29/06/2010) · amber within 5 percentage points of target" under
Suffolk's NI 21 headline (session 61): a withdrawn target is never judged (its RAG is "Target withdrawn"), so there is
no amber for the tolerance to bound, as session 45 found of an indicator with no target; nor is there for a monitor
only indicator given a target. The tolerance is said only beside a target its figures are judged against."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc


def _details(store, area_id: str, year: FinancialYear, name: str) -> str:
    presenter = IndicatorsPresenter(store)
    presenter.load(area_id, year)
    assert presenter.choose_indicator(svc.get_indicator(store, name).id, lambda *_: True)
    return presenter.details()


def test_a_withdrawn_target_says_no_tolerance(demo_store):
    details = _details(demo_store, "county:suffolk", FinancialYear(2010), "People who agree the police and local "
                       "council are dealing with the anti-social behaviour and crime issues that matter in their area")
    assert "withdrawn 29/06/2010" in details
    assert "amber within" not in details, details


def test_a_monitor_only_indicators_target_says_no_tolerance(demo_store):
    ind = svc.save_indicator(demo_store, "Hate incidents reported", polarity="monitor")
    svc.set_target(demo_store, ind, "district:plymouth", FinancialYear(2016), kind="annual", value=400)
    svc.save_values(demo_store, ind, "district:plymouth", [svc.PeriodValue("2016-04", 30)])
    details = _details(demo_store, "district:plymouth", FinancialYear(2016), "Hate incidents reported")
    assert "400 in the year" in details and "Monitor only" in details
    assert "amber within" not in details, details


def test_a_target_judged_still_says_its_tolerance(demo_store):
    details = _details(demo_store, "county:suffolk", FinancialYear(2010), "Repeat cases at MARAC")
    assert "No more than 28%" in details and "amber within" in details


def test_a_target_of_zero_says_no_relative_tolerance(demo_store):
    # "No domestic homicides": nothing is a percentage of zero, so any figure above it is red (the guide); "amber
    # within 5% of target" beside it promised an amber that cannot be. A tolerance in points still has a band.
    ind = svc.save_indicator(demo_store, "Domestic homicides", polarity="lower", frequency="annual")
    svc.set_target(demo_store, ind, "district:plymouth", FinancialYear(2016), kind="threshold", value=0)
    svc.save_values(demo_store, ind, "district:plymouth", [svc.PeriodValue("2016/17", 0)])
    details = _details(demo_store, "district:plymouth", FinancialYear(2016), "Domestic homicides")
    assert "No more than 0" in details
    assert "amber within" not in details, details
    svc.save_indicator(demo_store, "Domestic homicides", polarity="lower", frequency="annual", tolerance_pct=1,
                       tolerance_kind="points")
    details = _details(demo_store, "district:plymouth", FinancialYear(2016), "Domestic homicides")
    assert "amber within 1" in details, details
