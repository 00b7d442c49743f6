"""Round 30: the Indicators tab's forms as an officer types what the paper says."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc

FY10, FY16 = FinancialYear(2010), FinancialYear(2016)
SUFFOLK = "county:suffolk"
MARAC = "indicator:repeat-cases-at-marac"
SAFE_AT_HOME = "indicator:people-feeling-safe-and-secure-in-their-own-homes"


def _view(store, indicator_id, area_id=SUFFOLK, year=FY10):
    return svc.year_view(store, indicator_id, area_id, year, today=date(2011, 5, 1))


def _indicator_form(store, indicator_id, area_id=SUFFOLK, year=FY10):
    from safer_desk.presenters.indicators import IndicatorForm

    return IndicatorForm.make(store, _view(store, indicator_id, area_id, year), area_id, year)


# -- 1. a percentage target typed with its % sign ----------------------------------------------------------------
def test_a_percentage_target_typed_as_the_paper_gives_it_is_kept(demo_store):
    """"No more than 28%" (MARAC repeat rate): the officer types 28% in Target figure. It was refused as "not a
    number", though the baseline and benchmark fields and the grid all take "47%" for a percentage, and a
    percentage's figures are held as 28 for 28%."""
    form = _indicator_form(demo_store, MARAC)
    form.set_value("target_value", "30%")
    assert form.save(), form.message("target_value")
    assert svc.get_target(demo_store, MARAC, SUFFOLK, FY10).value == 30
    form = _indicator_form(demo_store, MARAC)
    form.set_value("target_value", "27.5 %")
    assert form.save(), form.message("target_value")
    assert svc.get_target(demo_store, MARAC, SUFFOLK, FY10).value == 27.5


def test_a_percent_sign_on_a_count_target_is_refused_saying_why(demo_store):
    """A % on a count's target is not the count (12% is never 12 crimes), as the grid refuses it: said in words."""
    form = _indicator_form(demo_store, "indicator:anti-social-behaviour", "district:plymouth", FY16)
    form.set_value("target_kind", "annual")
    form.set_value("target_value", "5%")
    assert not form.save()
    assert "is a count" in form.message("target_value") and "Percentage" in form.message("target_value")


def test_a_percentage_target_under_one_without_its_sign_is_asked_about(demo_store):
    """0.28 in a percentage's target is 0.28%, not 28% (a sheet's ratio): asked once, as Import Figures asks."""
    form = _indicator_form(demo_store, MARAC)
    form.set_value("target_value", "0.28")
    assert not form.save()
    assert "for 28% type 28" in form.message("target_value")
    assert svc.get_target(demo_store, MARAC, SUFFOLK, FY10).value == 28  # nothing written yet
    assert form.save()  # Save again keeps it
    assert svc.get_target(demo_store, MARAC, SUFFOLK, FY10).value == 0.28
    form = _indicator_form(demo_store, MARAC)
    form.set_value("target_value", "0.5%")  # with its sign, meant
    assert form.save(), form.message("target_value")


def test_the_indicator_dialog_takes_a_percentage_target_with_its_sign(demo_window, prompts, qtbot):
    from tests.indicators.test_tab import type_in

    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FY16)
    assert tab.select_indicator("Level Two \u201cist\u201d incidents satisfaction")
    qtbot.mouseClick(tab.indicator_button, Qt.MouseButton.LeftButton)
    dialog = tab._indicator_dialog
    type_in(qtbot, dialog.form.widgets["target_value"], "92%")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.form.messages["target_value"].text()
    target = svc.get_target(demo_window.session.store, "indicator:level-two-ist-incidents-satisfaction",
                            "district:plymouth", FY16)
    assert target.value == 92


# -- 2. the baseline's year -----------------------------------------------------------------------------------
def _framework_form(store, indicator_id=SAFE_AT_HOME):
    from safer_desk.presenters.indicator_framework import FrameworkForm

    return FrameworkForm.make(store, _view(store, indicator_id), SUFFOLK, FY10, today=lambda: date(2011, 5, 1))


def test_a_baseline_year_is_kept_as_a_financial_year_however_it_is_typed(demo_store):
    """"2009-10" and "09/10" were stored as typed and shown so ("Baseline 88.75% (09/10)."), beside targets and
    benchmarks that read 2009/10: the year is kept as the tab writes every year."""
    for typed in ("2009-10", "09/10", "2009/2010"):
        form = _framework_form(demo_store)
        form.set_value("baseline_period", "2008/09")
        assert form.save()
        form = _framework_form(demo_store)
        form.set_value("baseline_period", typed)
        assert form.save(), form.message("baseline_period")
        assert svc.get_baseline(demo_store, SAFE_AT_HOME, SUFFOLK).period == "2009/10"
        assert "Baseline 88.75% (2009/10)." in _view(demo_store, SAFE_AT_HOME).headline()


def test_a_baseline_year_that_is_not_a_year_is_refused(demo_store):
    """"last year" was kept and shown in every year's sentence ("Baseline 88.75% (last year).") though a baseline
    is one per area, not per year: which year it meant is lost. Refused beside the field, nothing written."""
    for typed in ("last year", "2009", "09-11"):
        form = _framework_form(demo_store)
        form.set_value("baseline_period", typed)
        assert not form.save()
        assert "2009/10" in form.message("baseline_period")
        assert svc.get_baseline(demo_store, SAFE_AT_HOME, SUFFOLK).period == "2009/10"


def test_a_baseline_year_after_the_year_in_view_is_asked_about(demo_store):
    """A target is measured from its baseline: 2031/32 typed for 2009/10 (in 2010/11's form) is asked once."""
    form = _framework_form(demo_store)
    form.set_value("baseline_period", "2031/32")
    assert not form.save()
    assert "2031/32 is after 2010/11" in form.message("baseline_period")
    assert svc.get_baseline(demo_store, SAFE_AT_HOME, SUFFOLK).period == "2009/10"
    assert form.save()
    assert svc.get_baseline(demo_store, SAFE_AT_HOME, SUFFOLK).period == "2031/32"


def test_a_baseline_year_already_in_the_file_is_not_refused_when_something_else_is_saved(demo_store):
    """An older file's free-text year ("2008") stays as it is when only the benchmarks are changed."""
    svc.set_baseline(demo_store, SAFE_AT_HOME, SUFFOLK, 88.75, period="2008")
    form = _framework_form(demo_store)
    form.set_value("estimate_rag", "green")
    form.set_value("estimate_basis", "Survey trend")
    assert form.save(), form.messages if hasattr(form, "messages") else form.errors
    assert svc.get_baseline(demo_store, SAFE_AT_HOME, SUFFOLK).period == "2008"


# -- 3. a percentage under one typed in the grid without its sign ------------------------------------------------
def test_the_grid_asks_about_a_percentage_under_one_typed_without_its_sign(demo_store):
    """Satisfaction typed (or pasted from a sheet's unformatted cell) as 0.85 was saved as 0.85%, red against 90%,
    without a word, though the guide says the grid asks, as Import Figures marks such a row Check."""
    from safer_desk.presenters.indicators import IndicatorsPresenter

    p = IndicatorsPresenter(demo_store, today=lambda: date(2017, 1, 10))
    p.load("district:plymouth", FY16)
    assert p.choose_indicator("indicator:level-two-ist-incidents-satisfaction", lambda *a: None)
    p.editor.set_text(svc.GRID_VALUE, 7, "0.85")  # Nov-16
    p.editor.set_text(svc.GRID_COMMENT, 7, "From the survey sheet")  # red: a comment is needed
    assert not p.editor.save()
    assert "0.85% is less than 1%" in p.editor.message(svc.GRID_VALUE, 7)
    assert "85" in p.editor.message(svc.GRID_VALUE, 7)
    assert p.editor.save()  # Save again keeps it
    assert p.view.this_year[7].value == 0.85
    p.editor.set_text(svc.GRID_VALUE, 8, "0.5%")  # with its sign: meant, not asked
    p.editor.set_text(svc.GRID_COMMENT, 8, "One of 200 satisfied")
    assert p.editor.save(), p.editor.messages()
    assert p.view.this_year[8].value == 0.5


# -- 4. a rate's baseline and benchmarks typed as the tab shows a rate ---------------------------------------------
def test_a_rates_benchmark_is_taken_as_the_tab_writes_a_rate(demo_store):
    """The sentence reads "1,610 per 100,000": typed so as the regional benchmark it was refused as "a comma where a
    thousands separator cannot be", which it is not. Read as the grid reads a rate's figure."""
    from safer_desk.presenters.indicator_framework import FrameworkForm

    ind, area = "indicator:alcohol-related-hospital-admissions", "county:east-sussex"
    form = FrameworkForm.make(demo_store, _view(demo_store, ind, area), area, FY10)
    form.set_value("regional_value", "1,500 per 100,000")
    form.set_value("baseline_value", "1,448")
    form.set_value("baseline_period", "2009/10")
    assert form.save(), form.errors
    v = _view(demo_store, ind, area)
    assert [(b.kind, b.value) for b in v.benchmarks] == [("regional", 1500)]
    assert svc.get_baseline(demo_store, ind, area).value == 1448
    form = FrameworkForm.make(demo_store, v, area, FY10)
    form.set_value("national_value", "12%")
    assert not form.save() and "is a percentage, but this indicator is a rate" in form.message("national_value")
    form.set_value("national_value", "−3")
    assert not form.save() and form.message("national_value") == "A figure here cannot be negative."


def test_the_baseline_dialog_keeps_the_year_as_a_year_and_takes_a_rate_as_shown(demo_window, prompts, qtbot):
    from tests.indicators.test_tab import type_in

    tab = demo_window.show_tab("indicators")
    assert tab.select_area("county:east-sussex") and tab.select_year(FY10)
    assert tab.select_indicator("Alcohol-related hospital admissions")
    qtbot.mouseClick(tab.framework_button, Qt.MouseButton.LeftButton)
    dialog = tab._framework_dialog
    type_in(qtbot, dialog.form.widgets["baseline_value"], "1,448 per 100,000")
    type_in(qtbot, dialog.form.widgets["baseline_period"], "last year")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "is not a financial year" in dialog.form.messages["baseline_period"].text()
    type_in(qtbot, dialog.form.widgets["baseline_period"], "09-10")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Baseline 1,448 per 100,000 (2009/10)." in tab.headline.text()
