"""Round 29, a second look at Baseline and Benchmarks…: a milestone's due date typed as its placeholder shows
("31/08/2012"), an achievement dated after today asked about before it turns the RAG green, and a percentage's
baseline or benchmark typed with its % sign ("47%"), as the grid takes it."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicator_framework import FrameworkForm
from safer_desk.services import indicators as svc

EAST_SUSSEX = "county:east-sussex"
FY10, FY12 = FinancialYear(2010), FinancialYear(2012)
ASSESSMENT = "Produce a Strategic Assessment of Community Safety"
ALCOHOL = "Adults leaving alcohol treatment in a planned way"


def view(store, name, area, year, today=None):
    return svc.year_view(store, svc.get_indicator(store, name), area, year, today=today)


def form_for(store, name, area, year, log, today=date(2026, 12, 1)):
    return FrameworkForm.make(store, view(store, name, area, year), area, year, perform=log, today=lambda: today)


def test_a_milestone_due_on_a_day_typed_as_its_placeholder_shows_is_kept(demo_store):
    # The field's placeholder says "August 2012 or 31/08/2012"; "31/08/2012" was refused as "not a date".
    log = ActionLog()
    form = form_for(demo_store, ASSESSMENT, EAST_SUSSEX, FY12, log)
    assert "31/08/2012" in form.fields[[f.key for f in form.fields].index("due")].placeholder
    form.set_value("due", "31/08/2012")
    assert form.save(), form.errors
    v = view(demo_store, ASSESSMENT, EAST_SUSSEX, FY12, today=date(2012, 8, 20))
    assert v.milestone.due == "2012-08-31" and v.target_words() == "By 31/08/2012"
    assert v.headline() == "Due by 31/08/2012: not yet due."
    log.undo()
    assert view(demo_store, ASSESSMENT, EAST_SUSSEX, FY12).target_words() == "By August 2012"


def test_an_achievement_dated_after_today_is_asked_about_before_it_is_kept(demo_store):
    # "01/01/2030" was kept at once: the milestone read as achieved (late) on a day that has not come.
    log = ActionLog()
    form = form_for(demo_store, ASSESSMENT, EAST_SUSSEX, FY12, log, today=date(2026, 12, 1))
    form.set_value("achieved", "01/01/2030")
    before = demo_store.conn.total_changes
    assert not form.save()
    assert "after today" in form.message("achieved") and "Save again" in form.message("achieved")
    assert demo_store.conn.total_changes == before and not log.done
    assert form.save()  # asked once: kept when saved again
    form = form_for(demo_store, ASSESSMENT, EAST_SUSSEX, FY12, log, today=date(2026, 12, 1))
    form.set_value("achieved", "14/08/2012")
    assert form.save()
    assert view(demo_store, ASSESSMENT, EAST_SUSSEX, FY12).rag is Rag.GREEN


def test_a_percentages_baseline_and_benchmarks_take_a_percent_sign(demo_store):
    # "47%" was refused as "not a number", though the grid and the papers write a percentage so.
    log = ActionLog()
    form = form_for(demo_store, ALCOHOL, EAST_SUSSEX, FY10, log)
    for key, text in (("baseline_value", "55.5%"), ("baseline_period", "2009/10"), ("regional_value", "47%"),
                      ("national_value", "42 %")):
        form.set_value(key, text)
    assert form.save(), form.errors
    assert "Baseline 55.5% (2009/10). Compared with: regional 47%, national 42%." in \
        view(demo_store, ALCOHOL, EAST_SUSSEX, FY10).headline()
    form = form_for(demo_store, ALCOHOL, EAST_SUSSEX, FY10, log)
    form.set_value("regional_value", "470%")
    assert not form.save() and "Save again" in form.message("regional_value")  # over 100 is still asked about
    # A count's benchmark is still a number, not a percentage.
    form = form_for(demo_store, "All crime", "district:plymouth", FinancialYear(2016), log)
    form.set_value("national_value", "12%")
    assert not form.save() and "is a percentage, but this indicator is a count" in form.message("national_value")


@pytest.mark.parametrize("typed, due", [("August 2012", "2012-08"), ("Aug 2012", "2012-08"), ("sept 2012", "2012-09"),
                                        ("by March 2013", "2013-03"), ("2012-08-31", "2012-08-31")])
def test_a_milestones_month_is_read_by_its_name_or_short_form(typed, due):
    from safer_desk.domain.indicators import parse_due

    assert parse_due(typed) == due


@pytest.mark.parametrize("typed", ["Junk 2012", "Mayday 2012", "Marching 2013", "Augustus 2012"])
def test_a_word_that_only_starts_like_a_month_is_not_one(typed):
    """'Junk 2012' was read as June 2012 and 'Mayday 2012' as May: any word's first three letters were taken."""
    from safer_desk.domain.indicators import IndicatorError, parse_due

    with pytest.raises(IndicatorError, match="is not a date for a milestone"):
        parse_due(typed)
