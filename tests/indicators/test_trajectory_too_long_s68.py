"""A cumulative trajectory with more figures than the year has periods (5 typed for a quarterly indicator, 13 for a
monthly one) was refused above the Save button, "Not saved: Referrals to domestic abuse services: a quarterly
trajectory has at most 4 figures, not 5.", naming neither the field nor how to put it right, with the field
unmarked; it is now said beside the Trajectory field, by the frequency chosen in the form (session 68)."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorForm
from safer_desk.services import indicators as svc

FY16 = FinancialYear(2016)
PLYMOUTH = "district:plymouth"
REFERRALS = "indicator:referrals-to-domestic-abuse-services"  # quarterly, a count
REPORTED = "indicator:level-two-ist-incidents-reported"  # monthly, a count


def _form(store, indicator_id, typed):
    view = svc.year_view(store, indicator_id, PLYMOUTH, FY16, today=date(2017, 1, 10))
    form = IndicatorForm.make(store, view, PLYMOUTH, FY16)
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", typed)
    return form


def test_five_figures_for_a_quarterly_indicator_are_refused_beside_the_trajectory(demo_store):
    before = svc.get_target(demo_store, REFERRALS, PLYMOUTH, FY16)
    form = _form(demo_store, REFERRALS, "500, 1,000, 1,500, 2,000, 2,500")
    assert not form.save()
    said = form.message("trajectory")
    assert "at most 4 figures" in said and "not 5" in said and "Q1 2016/17 to Q4 2016/17" in said, said
    assert "Not saved: Referrals" not in form.form_message, form.form_message
    assert svc.get_target(demo_store, REFERRALS, PLYMOUTH, FY16) == before
    form.set_value("trajectory", "500, 1,000, 1,500, 2,000")
    assert form.save(), form.message("trajectory")
    assert list(svc.get_target(demo_store, REFERRALS, PLYMOUTH, FY16).trajectory.values()) == [500, 1000, 1500, 2000]


def test_thirteen_figures_for_a_monthly_indicator_are_refused_beside_the_trajectory(demo_store):
    form = _form(demo_store, REPORTED, ", ".join(str(10 * i) for i in range(1, 14)))
    assert not form.save()
    said = form.message("trajectory")
    assert "at most 12 figures" in said and "not 13" in said and "Apr-16 to Mar-17" in said, said


def test_a_threshold_on_a_count_is_refused_beside_the_kind_of_target(demo_store):
    """As the trajectory: "Not saved: Referrals … is a count added up through the year …" above Save, no field
    marked; said beside the kind of target now, and nothing changed."""
    before = svc.get_target(demo_store, REFERRALS, PLYMOUTH, FY16)
    view = svc.year_view(demo_store, REFERRALS, PLYMOUTH, FY16, today=date(2017, 1, 10))
    form = IndicatorForm.make(demo_store, view, PLYMOUTH, FY16)
    form.set_value("target_kind", "threshold")
    form.set_value("target_value", "500")
    assert not form.save()
    said = form.message("target_kind")
    assert "is a count added up through the year" in said and "500 a quarter, 2,000 in the year" in said, said
    assert "Not saved: Referrals" not in form.form_message, form.form_message
    assert svc.get_target(demo_store, REFERRALS, PLYMOUTH, FY16) == before


def test_a_new_indicator_is_judged_by_the_unit_chosen_in_the_form(demo_store):
    """A new count with a threshold is refused beside the kind of target; a new percentage keeps its threshold."""
    form = IndicatorForm.make(demo_store, None, PLYMOUTH, FY16)
    form.set_value("name", "Repeat victims")
    form.set_value("unit", "count")
    form.set_value("frequency", "monthly")
    form.set_value("polarity", "lower")
    form.set_value("target_kind", "threshold")
    form.set_value("target_value", "10")
    assert not form.save()
    assert "Repeat victims is a count added up through the year" in form.message("target_kind")
    assert not demo_store.one("SELECT 1 FROM indicators WHERE name = 'Repeat victims'")
    form.set_value("unit", "percentage")
    assert form.save(), (form.errors, form.form_message)
    ind = svc.get_indicator(demo_store, "Repeat victims").id
    assert svc.get_target(demo_store, ind, PLYMOUTH, FY16).kind == "threshold"


def test_a_trajectory_chosen_with_no_figures_is_asked_for_beside_the_field(demo_store):
    """"Not saved: Referrals …: enter the cumulative target for each period." above Save, no field marked."""
    before = svc.get_target(demo_store, REFERRALS, PLYMOUTH, FY16)
    form = _form(demo_store, REFERRALS, "")
    assert not form.save()
    said = form.message("trajectory")
    assert "one cumulative figure for each quarter" in said and "or choose No target" in said, said
    assert "Not saved: Referrals" not in form.form_message, form.form_message
    assert svc.get_target(demo_store, REFERRALS, PLYMOUTH, FY16) == before
