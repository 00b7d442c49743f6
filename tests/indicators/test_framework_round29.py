"""Round 29: the performance framework entered by the officer (DESIGN 2.4): a baseline, regional and national
benchmarks, a milestone's date and its achievement, an estimated RAG with its basis, and a withdrawn target,
each recorded, changed and removed in Baseline and Benchmarks… beside Indicator and Target…, one step of Edit >
Undo, refused beside the field when wrong, and read back by the tab's sentence and the board report as the
example data's own ones read."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicator_framework import FrameworkForm
from safer_desk.services import indicators as svc
from safer_desk.services.report_sections.indicators import board_report_sections

SUFFOLK, EAST_SUSSEX = "county:suffolk", "county:east-sussex"
FY10, FY11, FY12 = FinancialYear(2010), FinancialYear(2011), FinancialYear(2012)
ASSESSMENT = "Produce a Strategic Assessment of Community Safety"
ALCOHOL = "Adults leaving alcohol treatment in a planned way"
IDVA = "Medium and high risk domestic abuse victims engaging with the IDVA service"


def view(store, name, area, year, today=None):
    return svc.year_view(store, svc.get_indicator(store, name), area, year, today=today)


def form_for(store, name, area, year, log):
    return FrameworkForm.make(store, view(store, name, area, year), area, year, perform=log)


def test_a_milestone_is_marked_achieved_and_undone_in_one_step(demo_store):
    # The August 2012 milestone stayed "▲ Red, overdue" for ever: nothing could record that it was done.
    log = ActionLog()
    assert view(demo_store, ASSESSMENT, EAST_SUSSEX, FY12).headline() == "Due by August 2012: overdue."
    form = form_for(demo_store, ASSESSMENT, EAST_SUSSEX, FY12, log)
    assert (form.value("due"), form.value("achieved")) == ("August 2012", "")
    form.set_value("achieved", "14/08/2012")
    assert form.save()
    assert log.done[-1].text == f"Mark {ASSESSMENT} achieved (East Sussex, 2012/13)"
    done = view(demo_store, ASSESSMENT, EAST_SUSSEX, FY12)
    assert done.rag is Rag.GREEN and done.target_words() == "By August 2012; achieved 14/08/2012"
    assert done.headline() == "Due by August 2012: achieved 14/08/2012."
    (section,) = board_report_sections(demo_store, year=FY12, area_id=EAST_SUSSEX, today=date(2013, 1, 1))
    row = [r for r in section.tables[0].rows if r[1] == ASSESSMENT][0]
    assert (row[0], row[7]) == ("\u25cf Green", "By August 2012; achieved 14/08/2012")
    m = svc.get_milestone(demo_store, done.indicator.id, EAST_SUSSEX, FY12)
    assert m.note.startswith("2012/13 target")  # the paper's note stays
    log.undo()
    assert view(demo_store, ASSESSMENT, EAST_SUSSEX, FY12).headline() == "Due by August 2012: overdue."
    # Cleared, the milestone goes (no date set), and the paper's date comes back with Undo.
    form = form_for(demo_store, ASSESSMENT, EAST_SUSSEX, FY12, log)
    form.set_value("due", "")
    assert form.save()
    assert view(demo_store, ASSESSMENT, EAST_SUSSEX, FY12).target_words() == "No date set"
    log.undo()
    assert view(demo_store, ASSESSMENT, EAST_SUSSEX, FY12).target_words() == "By August 2012"


@pytest.mark.parametrize("name, area, year, typed, field, words", [
    (ASSESSMENT, EAST_SUSSEX, FY12, {"due": "", "achieved": "14/08/2012"}, "due", "needs its due date"),
    (ASSESSMENT, EAST_SUSSEX, FY12, {"due": "the summer"}, "due", "not a date for a milestone"),
    (ALCOHOL, EAST_SUSSEX, FY10, {"regional_name": "East of England"}, "regional_value", "regional benchmark's figure"),
    (ALCOHOL, EAST_SUSSEX, FY10, {"national_value": "41", "benchmark_period": "2011/12"}, "benchmark_period",
     "not in 2010/11"),
    (ALCOHOL, EAST_SUSSEX, FY10, {"baseline_period": "2009/10"}, "baseline_value", "baseline's figure"),
    (ALCOHOL, EAST_SUSSEX, FY10, {"estimate_rag": "Green"}, "estimate_basis", "rests on"),
    (ALCOHOL, EAST_SUSSEX, FY10, {"estimate_basis": "the provider's forecast"}, "estimate_rag", "Choose"),
    (ALCOHOL, EAST_SUSSEX, FY10, {"withdrawn_on": "01/10/2010"}, "withdrawn_reason", "reason"),
    (ALCOHOL, EAST_SUSSEX, FY10, {"withdrawn_reason": "No longer a national target"}, "withdrawn_on", "date"),
])
def test_what_cannot_be_saved_is_refused_beside_its_field_and_nothing_is_written(demo_store, name, area, year,
                                                                                 typed, field, words):
    log = ActionLog()
    form = form_for(demo_store, name, area, year, log)
    for key, text in typed.items():
        form.set_value(key, text)
    before = demo_store.conn.total_changes
    assert not form.save()
    assert words in form.message(field), form.errors
    assert demo_store.conn.total_changes == before and not log.done


def test_baseline_and_benchmarks_read_as_the_example_datas_own(demo_store):
    log = ActionLog()
    drugs = view(demo_store, "Adults leaving drug treatment in a planned way", EAST_SUSSEX, FY10)
    assert "Compared with: regional 48%, national 43%." in drugs.headline()
    form = form_for(demo_store, ALCOHOL, EAST_SUSSEX, FY10, log)
    assert form.value("benchmark_period") == "2010/11"  # an annual indicator's year in view
    for key, text in (("baseline_value", "55.5"), ("baseline_period", "2009/10"), ("regional_value", "47"),
                      ("national_value", "42")):
        form.set_value(key, text)
    assert form.save()
    assert log.done[-1].text == f"Save the baseline and benchmarks of {ALCOHOL} (East Sussex, 2010/11)"
    v = view(demo_store, ALCOHOL, EAST_SUSSEX, FY10)
    assert "Baseline 55.5% (2009/10). Compared with: regional 47%, national 42%." in v.headline()
    (section,) = board_report_sections(demo_store, year=FY10, area_id=EAST_SUSSEX, today=date(2013, 1, 1))
    framework = {r[0]: r for r in section.tables[1].rows}
    assert framework[ALCOHOL][1:3] == ["55.5% (2009/10)", "Regional 47% (2010/11); National 42% (2010/11)"]
    assert framework["Adults leaving drug treatment in a planned way"][2] == \
        "Regional 48% (2010/11); National 43% (2010/11)"
    # A region named reads with its name; a benchmark cleared goes.
    form = form_for(demo_store, ALCOHOL, EAST_SUSSEX, FY10, log)
    assert (form.value("regional_value"), form.value("regional_name"), form.value("baseline_value")) == \
        ("47", "", "55.5")
    form.set_value("regional_name", "South East")
    form.set_value("national_value", "")
    assert form.save()
    assert "Compared with: regional (south east) 47%." in view(demo_store, ALCOHOL, EAST_SUSSEX, FY10).headline()
    assert [b.name for b in svc.benchmarks(demo_store, v.indicator.id, EAST_SUSSEX)] == ["South East"]
    log.undo()
    log.undo()
    assert svc.benchmarks(demo_store, v.indicator.id, EAST_SUSSEX) == []
    assert svc.get_baseline(demo_store, v.indicator.id, EAST_SUSSEX) is None
    # A percentage over 100 is asked about once, beside its field.
    form = form_for(demo_store, ALCOHOL, EAST_SUSSEX, FY10, log)
    form.set_value("baseline_value", "555")
    assert not form.save() and "Save again" in form.message("baseline_value")
    assert form.save()


def test_a_monthly_indicators_benchmarks_are_for_a_month_of_the_year(demo_store):
    log = ActionLog()
    plymouth, fy16 = "district:plymouth", FinancialYear(2016)
    form = form_for(demo_store, "All crime", plymouth, fy16, log)
    assert form.value("benchmark_period") == "Nov-16"  # the latest month with a figure
    form.set_value("national_value", "1,300")
    assert form.save()
    v = view(demo_store, "All crime", plymouth, fy16)
    assert [(b.period, b.kind, b.value) for b in v.benchmarks] == [("2016-11", "national", 1300)]
    assert "Compared with: national 1,300." in v.headline()
    # October's given beside it: November's stays (it is November's); cleared, a month's benchmark goes.
    form = form_for(demo_store, "All crime", plymouth, fy16, log)
    assert (form.value("benchmark_period"), form.value("national_value")) == ("Nov-16", "1300")
    form.set_value("benchmark_period", "Oct-16")
    form.set_value("national_value", "1,250")
    assert form.save()
    held = svc.benchmarks(demo_store, v.indicator.id, plymouth)
    assert [(b.period, b.value) for b in held] == [("2016-10", 1250), ("2016-11", 1300)]
    form = form_for(demo_store, "All crime", plymouth, fy16, log)
    form.set_value("national_value", "")
    assert form.save()
    assert [b.period for b in svc.benchmarks(demo_store, v.indicator.id, plymouth)] == ["2016-10"]


def test_withdrawing_a_target_and_reinstating_it(demo_store):
    log = ActionLog()
    lt6 = "People feeling safe and secure in their own homes"
    form = form_for(demo_store, lt6, SUFFOLK, FY10, log)
    form.set_value("withdrawn_on", "30/09/2010")
    form.set_value("withdrawn_reason", "Home Shield funding ended")
    assert form.save()
    assert log.done[-1].text == f"Withdraw the target of {lt6} (Suffolk, 2010/11)"
    v = view(demo_store, lt6, SUFFOLK, FY10)
    assert v.rag is Rag.WITHDRAWN and v.target_words() == "At least 90% (withdrawn 30/09/2010)"
    assert "The target of 90% was withdrawn on 30/09/2010: Home Shield funding ended." in v.headline()
    assert v.target.note == "From 88.75% (2009/10) to 90% (2010/11)"  # the paper's note stays
    # The confidence target the paper withdrew, reinstated by clearing its date and reason; Undo withdraws it again.
    ni21 = svc.get_indicator(demo_store, "NI 21").name
    form = form_for(demo_store, ni21, SUFFOLK, FY10, log)
    assert form.value("withdrawn_on") == "29/06/2010"
    form.set_value("withdrawn_on", "")
    form.set_value("withdrawn_reason", "")
    assert form.save()
    assert log.done[-1].text.startswith("Reinstate the target of")
    assert view(demo_store, ni21, SUFFOLK, FY10).target.status == "set"
    log.undo()
    assert view(demo_store, ni21, SUFFOLK, FY10).rag is Rag.WITHDRAWN


def test_an_estimated_rag_with_its_basis_and_cleared(demo_store):
    log = ActionLog()
    form = form_for(demo_store, IDVA, EAST_SUSSEX, FY12, log)
    form.set_value("estimate_rag", "Amber")
    form.set_value("estimate_basis", "two IDVA posts vacant since April")
    assert form.save()
    v = view(demo_store, IDVA, EAST_SUSSEX, FY12)
    assert v.status_label() == "Est. \u25c6 Amber"
    assert "Estimated RAG for 2012/13: amber (two IDVA posts vacant since April)." in v.headline()
    (section,) = board_report_sections(demo_store, year=FY12, area_id=EAST_SUSSEX, today=date(2012, 5, 1))
    rows = {r[1]: r for r in section.tables[0].rows}
    assert rows[IDVA][0] == "Est. \u25c6 Amber"
    est = [r for r in section.tables[1].rows if r[0] == IDVA][0]
    assert est[3] == "Amber (two IDVA posts vacant since April)"
    form = form_for(demo_store, IDVA, EAST_SUSSEX, FY11, log)
    form.set_value("estimate_rag", "None")
    form.set_value("estimate_basis", "")
    assert form.save()
    assert view(demo_store, IDVA, EAST_SUSSEX, FY11).estimate is None


def test_every_framework_saved_unchanged_writes_nothing(demo_store):
    log = ActionLog()
    for table in ("indicator_targets", "indicator_milestones", "indicator_estimates", "indicator_benchmarks"):
        for r in demo_store.rows(f"SELECT DISTINCT indicator_id, area_id, year FROM {table}"
                                 if table != "indicator_benchmarks" else
                                 "SELECT DISTINCT indicator_id, area_id, period AS year FROM indicator_benchmarks"):
            year = svc.year_of_period(r["year"])
            form = FrameworkForm.make(demo_store, svc.year_view(demo_store, r["indicator_id"], r["area_id"], year),
                                      r["area_id"], year, perform=log)
            before = demo_store.conn.total_changes
            assert form.save(), (table, r["indicator_id"], form.errors)
            assert demo_store.conn.total_changes == before and not log.done, (table, r["indicator_id"])


def test_the_dialog_marks_the_milestone_achieved_and_edit_undo_puts_it_back(demo_window, prompts, qtbot):
    from PySide6.QtCore import Qt

    from tests.indicators.test_tab import type_in

    tab = demo_window.show_tab("indicators")
    tab.select_area(EAST_SUSSEX)
    tab.select_year(FY12)
    tab.select_indicator(ASSESSMENT)
    assert tab.view.rag is Rag.RED and "overdue" in tab.headline.text()
    assert tab.framework_button.isEnabled()
    qtbot.mouseClick(tab.framework_button, Qt.MouseButton.LeftButton)
    dialog = tab._framework_dialog
    assert dialog.isVisible() and "2012/13" in dialog.windowTitle()
    type_in(qtbot, dialog.form.widgets["achieved"], "14/08/2012")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert tab.view.rag is Rag.GREEN
    assert "Due by August 2012: achieved 14/08/2012." in tab.headline.text()
    stack = demo_window.session.undo_stack
    assert stack.undoText() == f"Mark {ASSESSMENT} achieved (East Sussex, 2012/13)"
    stack.undo()
    assert tab.view.rag is Rag.RED and "overdue" in tab.headline.text()


def test_the_dialog_refuses_an_estimated_rag_with_no_basis_beside_the_field(demo_window, prompts, qtbot):
    from PySide6.QtCore import Qt

    from tests.indicators.test_tab import choose

    tab = demo_window.show_tab("indicators")
    tab.select_area(EAST_SUSSEX)
    tab.select_year(FY12)
    tab.select_indicator(IDVA)
    tab.edit_framework()
    dialog = tab._framework_dialog
    choose(dialog.form.widgets["estimate_rag"], "Green")
    before = demo_window.session.store.conn.total_changes
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "rests on" in dialog.presenter.message("estimate_basis")
    assert demo_window.session.store.conn.total_changes == before
    dialog.form.type_into("estimate_basis", "the service's own forecast")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert tab.view.status_label() == "Est. \u25cf Green"


def test_a_new_milestone_measure_is_added_then_given_its_date(demo_store):
    # The Indicator and Target form had no way to say an indicator is a milestone: set_milestone refused every one.
    from safer_desk.presenters.indicators import IndicatorForm

    log = ActionLog()
    name = "Publish the Community Safety Agreement"
    form = IndicatorForm.make(demo_store, None, EAST_SUSSEX, FY12, perform=log)
    for key, text in (("name", name), ("frequency", "annual"), ("measure", "Milestone (a date as target)"),
                      ("target_kind", "Annual figure"), ("target_value", "1")):
        form.set_value(key, text)
    assert not form.save()
    assert "choose No target" in form.message("target_kind")
    form.set_value("target_kind", "No target")
    form.set_value("target_value", "")
    assert form.save()
    ind = svc.get_indicator(demo_store, name)
    assert ind.measure == "milestone"
    v = view(demo_store, name, EAST_SUSSEX, FY12, today=date(2012, 5, 1))
    assert v.target_words() == "No date set"
    framework = FrameworkForm.make(demo_store, v, EAST_SUSSEX, FY12, perform=log)
    framework.set_value("due", "March 2013")
    assert framework.save()
    v = view(demo_store, name, EAST_SUSSEX, FY12, today=date(2012, 5, 1))
    assert v.headline() == "Due by March 2013: not yet due." and v.rag is Rag.NOT_DUE
    # An indicator holding figures is not made a milestone, which would hide them.
    form = IndicatorForm.make(demo_store, view(demo_store, ALCOHOL, EAST_SUSSEX, FY10), EAST_SUSSEX, FY10,
                              perform=log)
    form.set_value("target_kind", "No target")
    form.set_value("target_value", "")
    form.set_value("measure", "milestone")
    assert not form.save()
    assert "holds figures" in form.message("measure")
    assert svc.get_indicator(demo_store, ALCOHOL).measure == "performance"
