"""s74: Baseline and Benchmarks… offered the period of the last benchmarks saved (Oct-16), with October's figures in
its fields, while the tab in view judged Plymouth's 2016/17 at its latest figure (Nov-16): typing this month's
benchmarks there changed October's. The tab looks at the year to its latest figure (DESIGN §2.4: year to date), so
the dialog now offers that period and its benchmarks; October's are named in the heading as kept."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicator_framework import FrameworkForm
from safer_desk.services import indicators as svc

PLYMOUTH, FY16, ALL_CRIME = "district:plymouth", FinancialYear(2016), "indicator:all-crime"


def _form(store, log=None):
    view = svc.year_view(store, ALL_CRIME, PLYMOUTH, FY16)
    assert view.latest_label == "Nov-16"
    return FrameworkForm.make(store, view, PLYMOUTH, FY16, perform=log or ActionLog())


def test_the_period_offered_is_the_latest_figure_s_not_the_last_benchmarks_saved(demo_store):
    svc.set_benchmark(demo_store, ALL_CRIME, PLYMOUTH, "2016-10", kind="national", name="National", value=1250)
    form = _form(demo_store)
    assert (form.value("benchmark_period"), form.value("national_value")) == ("Nov-16", "")
    assert "National 1,250 (Oct-16)" in form.heading
    form.set_value("national_value", "1,300")
    assert form.save(), form.form_message
    held = [(b.period, b.value) for b in svc.benchmarks(demo_store, ALL_CRIME, PLYMOUTH)]
    assert held == [("2016-10", 1250), ("2016-11", 1300)]  # October's as they were


def test_benchmarks_of_the_period_in_view_are_shown_to_change(demo_store):
    svc.set_benchmark(demo_store, ALL_CRIME, PLYMOUTH, "2016-11", kind="regional", name="Regional", value=1200)
    svc.set_benchmark(demo_store, ALL_CRIME, PLYMOUTH, "2016-10", kind="national", name="National", value=1250)
    form = _form(demo_store)
    assert (form.value("benchmark_period"), form.value("regional_value"), form.value("national_value")) == (
        "Nov-16", "1200", "")
    form.set_value("regional_value", "")
    assert form.save(), form.form_message
    assert [(b.period, b.kind) for b in svc.benchmarks(demo_store, ALL_CRIME, PLYMOUTH)] == [("2016-10", "national")]


def test_a_year_with_no_figure_offers_its_latest_benchmarks(demo_store):
    fy = FinancialYear(2030)
    svc.set_benchmark(demo_store, ALL_CRIME, PLYMOUTH, "2030-06", kind="national", name="National", value=900)
    view = svc.year_view(demo_store, ALL_CRIME, PLYMOUTH, fy)
    assert view.periods_to_date == 0
    form = FrameworkForm.make(demo_store, view, PLYMOUTH, fy)
    assert (form.value("benchmark_period"), form.value("national_value")) == ("Jun-30", "900")
