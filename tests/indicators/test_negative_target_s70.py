"""A negative target on a count: Target figure refused "-12" ("A figure here cannot be negative."), but the
Trajectory field took "-5, -3, 2" for Level Two incidents reported, and the cumulative chart drew the target line
below zero, judging 41 incidents against -5 as green; set_target itself took an annual target of -12 crimes, spread
as -1, -2, … -12. A count or a rate cannot be negative (its figures are refused so): neither can its target
(session 70)."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.indicators import IndicatorError
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorForm
from safer_desk.services import indicators as svc

FY16 = FinancialYear(2016)
PLYMOUTH = "district:plymouth"
REPORTED = "indicator:level-two-ist-incidents-reported"  # monthly, a count, a trajectory to 640
ALL_CRIME = "indicator:all-crime"


def _form(store, typed):
    view = svc.year_view(store, REPORTED, PLYMOUTH, FY16, today=date(2017, 1, 10))
    form = IndicatorForm.make(store, view, PLYMOUTH, FY16)
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", typed)
    return form


def test_a_trajectory_with_a_negative_figure_is_refused_beside_the_field(demo_store):
    before = svc.get_target(demo_store, REPORTED, PLYMOUTH, FY16)
    form = _form(demo_store, "-5, -3, 2")
    assert not form.save()
    said = form.message("trajectory")
    assert "“-5”" in said and "cannot be negative" in said, said
    assert svc.get_target(demo_store, REPORTED, PLYMOUTH, FY16) == before


@pytest.mark.parametrize("kind, figures", [("annual", dict(value=-12)), ("trajectory", dict(trajectory=[-5, -3, 2])),
                                           ("annual", dict(value=-0.5))])
def test_the_service_refuses_a_negative_target_on_a_count(demo_store, kind, figures):
    before = svc.get_target(demo_store, ALL_CRIME, PLYMOUTH, FY16)
    with pytest.raises(IndicatorError, match="cannot be negative"):
        svc.set_target(demo_store, ALL_CRIME, PLYMOUTH, FY16, kind=kind, **figures)
    assert svc.get_target(demo_store, ALL_CRIME, PLYMOUTH, FY16) == before


def test_a_target_of_zero_is_still_a_target(demo_store):
    """Zero road deaths is a real target: only below zero is refused."""
    svc.set_target(demo_store, ALL_CRIME, PLYMOUTH, FY16, kind="annual", value=0)
    assert svc.get_target(demo_store, ALL_CRIME, PLYMOUTH, FY16).value == 0
