"""Round 30, second look: a quarterly indicator's benchmarks saved from Baseline and Benchmarks…, and a percentage's
baseline or benchmark under 1 typed without its % sign asked about there as the grid and Target figure ask."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.services import indicators as svc

FY10 = FinancialYear(2010)
SUFFOLK = "county:suffolk"
SAFE = "indicator:people-feeling-safe-and-secure-in-their-own-homes"  # quarterly, a percentage


def _framework_form(store, indicator_id, area_id, year, perform=None):
    from safer_desk.presenters.indicator_framework import FrameworkForm

    view = svc.year_view(store, indicator_id, area_id, year)
    if perform is None:
        return FrameworkForm.make(store, view, area_id, year)
    return FrameworkForm.make(store, view, area_id, year, perform=perform)


# -- 1. a quarterly indicator's benchmark -------------------------------------------------------------------------
def test_a_quarterly_indicator_s_benchmark_is_saved_for_the_quarter_shown(demo_store):
    """People feeling safe (quarterly): the regional benchmark typed for the quarter the dialog offers (Q1 2010/11)
    was refused above Save, "“2010-Q1” could mean January to March 2010 …", naming a period the officer never
    typed: the dialog handed the stored quarter to a service that reads it as typed."""
    log = ActionLog()
    form = _framework_form(demo_store, SAFE, SUFFOLK, FY10, log)
    assert form.value("benchmark_period") == "Q1 2010/11"
    form.set_value("regional_value", "80%")
    form.set_value("national_value", "79")
    assert form.save(), form.form_message
    held = [(b.kind, b.period, b.value) for b in svc.year_view(demo_store, SAFE, SUFFOLK, FY10).benchmarks]
    assert held == [("regional", "2010-Q1", 80), ("national", "2010-Q1", 79)]
    form = _framework_form(demo_store, SAFE, SUFFOLK, FY10)
    assert (form.value("regional_value"), form.value("national_value")) == ("80", "79")
    log.undo()
    assert svc.year_view(demo_store, SAFE, SUFFOLK, FY10).benchmarks == []


def test_a_stored_quarter_typed_as_a_bare_year_is_still_refused_by_set_benchmark(demo_store):
    """The stored form is read as stored only where the program hands it on: typed, "2010-Q1" stays ambiguous."""
    import pytest

    from safer_desk.domain.indicators import IndicatorError

    with pytest.raises(IndicatorError, match="could mean"):
        svc.parse_period("2010-Q1", "quarterly")
    svc.set_benchmark(demo_store, SAFE, SUFFOLK, "Q2 2010/11", kind="national", name="", value=77)
    assert [(b.period, b.value) for b in svc.benchmarks(demo_store, SAFE, SUFFOLK)] == [("2010-Q2", 77)]


# -- 2. a percentage's baseline or benchmark under 1 --------------------------------------------------------------
def test_a_percentage_s_baseline_under_one_without_its_sign_is_asked_about(demo_store):
    """A sheet holds 88.75% as 0.8875: typed as People feeling safe's baseline it was kept as 0.8875% without a
    word, where the grid and Target figure ask; "0.5%" with its sign is meant and kept at once."""
    form = _framework_form(demo_store, SAFE, SUFFOLK, FY10)
    form.set_value("baseline_value", "0.8875")
    assert not form.save()
    assert "0.8875% is less than 1%: for 88.75% type 88.75." in form.message("baseline_value")
    assert svc.get_baseline(demo_store, SAFE, SUFFOLK).value == 88.75
    assert form.save(), form.errors  # asked once: Save again keeps it
    assert svc.get_baseline(demo_store, SAFE, SUFFOLK).value == 0.8875

    form = _framework_form(demo_store, SAFE, SUFFOLK, FY10)
    form.set_value("baseline_value", "88.75")
    form.set_value("regional_value", "0.5%")
    assert form.save(), form.errors
    assert [(b.kind, b.value) for b in svc.year_view(demo_store, SAFE, SUFFOLK, FY10).benchmarks] == [
        ("regional", 0.5)]
    form = _framework_form(demo_store, SAFE, SUFFOLK, FY10)
    form.set_value("estimate_rag", "green")  # a field beside it typed: the figure loaded is not asked about again
    form.set_value("estimate_basis", "the plan's estimate")
    assert form.save(), form.errors


def test_a_percentage_s_benchmark_under_one_without_its_sign_is_asked_about(demo_store):
    form = _framework_form(demo_store, SAFE, SUFFOLK, FY10)
    form.set_value("national_value", "0.79")
    assert not form.save()
    assert "0.79% is less than 1%: for 79% type 79." in form.message("national_value")
    assert svc.year_view(demo_store, SAFE, SUFFOLK, FY10).benchmarks == []


# -- 3. a percentage's trajectory over 100 or under 1 -------------------------------------------------------------
MARAC = "indicator:repeat-cases-at-marac"  # quarterly, a percentage, lower is better


def _indicator_form(store, indicator_id, area_id, year):
    from datetime import date

    from safer_desk.presenters.indicators import IndicatorForm

    view = svc.year_view(store, indicator_id, area_id, year, today=date(2011, 5, 1))
    return IndicatorForm.make(store, view, area_id, year)


def _trajectory(store):
    view = svc.year_view(store, MARAC, SUFFOLK, FY10)
    return view.target.kind, [t for t in view.target_at if t is not None]


def test_a_percentage_s_trajectory_copied_from_a_sheet_as_ratios_is_asked_about(demo_store):
    """MARAC repeats' trajectory pasted from a sheet as 0.29, 0.285, 0.28 (29% … 28%) was kept as a target of 0.28%
    without a word, red all year, where Target figure asks about 0.28; asked once, then kept if Save is pressed."""
    form = _indicator_form(demo_store, MARAC, SUFFOLK, FY10)
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", "0.29, 0.285, 0.28")
    assert not form.save()
    assert form.message("trajectory") == "0.29% is less than 1%: for 29% type 29. Save again to keep it."
    assert _trajectory(demo_store) == ("threshold", [28, 28, 28, 28])
    form.set_value("trajectory", "29, 28.5, 28")
    assert form.save(), form.errors
    assert _trajectory(demo_store)[1][:3] == [29, 28.5, 28]


def test_a_percentage_s_trajectory_over_100_is_asked_about_and_its_percent_signs_are_meant(demo_store):
    form = _indicator_form(demo_store, MARAC, SUFFOLK, FY10)
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", "29, 285")
    assert not form.save()
    assert form.message("trajectory").startswith("285% is more than 100%")
    assert form.save(), form.errors  # asked once
    assert _trajectory(demo_store)[1][:2] == [29, 285]

    form = _indicator_form(demo_store, MARAC, SUFFOLK, FY10)
    form.set_value("trajectory", "0.5%, 0.4%")
    assert form.save(), form.errors  # with their % signs: meant
    assert _trajectory(demo_store)[1][:2] == [0.5, 0.4]


# -- 4. a second % sign ------------------------------------------------------------------------------------------
def test_a_figure_typed_with_two_percent_signs_is_refused_quoting_what_was_typed(demo_store):
    """"28%%" (a key held down) was refused as "“28%” is not a target figure", which is just what the guide says
    to type: the grid, Target figure and the trajectory now quote what was typed and say what is wrong with it."""
    import pytest

    from safer_desk.domain.checks import NumberError

    marac = svc.get_indicator(demo_store, MARAC)
    with pytest.raises(NumberError) as caught:
        svc.parse_figure(marac, "28%%")
    assert str(caught.value) == "“28%%” has more than one % sign: type the figure with one (28%)."
    assert svc.parse_figure(marac, "28 %") == 28

    form = _indicator_form(demo_store, MARAC, SUFFOLK, FY10)
    form.set_value("target_value", "28%%")
    assert not form.save()
    assert form.message("target_value") == "“28%%” has more than one % sign: type the figure with one (28%)."
    form.set_value("target_value", "28")
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", "29%%, 28%")
    assert not form.save()
    assert form.message("trajectory") == "“29%%” has more than one % sign: type the figure with one (29%)."
    assert _trajectory(demo_store) == ("threshold", [28, 28, 28, 28])
