"""Baseline and Benchmarks…: a target withdrawn on a day that has not come ("29/06/2030", a slip for 2020 or 2016)
was kept at once, and the tab said "Target withdrawn" from then on, today, of a withdrawal dated four years ahead.
It is asked about beside the field, as an achievement dated after today is, and kept when saved again (session 68).
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicator_framework import FrameworkForm
from safer_desk.services import indicators as svc

FY16 = FinancialYear(2016)
PLYMOUTH = "district:plymouth"
REPORTED = "indicator:level-two-ist-incidents-reported"  # targeted in 2016/17
TODAY = date(2026, 12, 1)


def _form(store):
    view = svc.year_view(store, REPORTED, PLYMOUTH, FY16, today=TODAY)
    return FrameworkForm.make(store, view, PLYMOUTH, FY16, today=lambda: TODAY)


def test_a_withdrawal_dated_after_today_is_asked_about_before_it_is_kept(demo_store):
    form = _form(demo_store)
    form.set_value("withdrawn_on", "29/06/2030")
    form.set_value("withdrawn_reason", "Withdrawn by the new Government")
    before = demo_store.conn.total_changes
    assert not form.save()
    said = form.message("withdrawn_on")
    assert "29/06/2030 is after today (01/12/2026)" in said and "Save again" in said, said
    assert demo_store.conn.total_changes == before
    assert svc.get_target(demo_store, REPORTED, PLYMOUTH, FY16).status == "set"
    assert form.save()  # asked once: kept when saved again
    assert svc.get_target(demo_store, REPORTED, PLYMOUTH, FY16).status == "withdrawn"


def test_a_withdrawal_on_a_day_gone_is_kept_at_once(demo_store):
    form = _form(demo_store)
    form.set_value("withdrawn_on", "29/06/2016")
    form.set_value("withdrawn_reason", "Withdrawn by the new Government")
    assert form.save(), (form.errors, form.slips)
    assert svc.get_target(demo_store, REPORTED, PLYMOUTH, FY16).status == "withdrawn"
