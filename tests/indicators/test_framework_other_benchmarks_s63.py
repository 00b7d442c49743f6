"""Session 63: Baseline and Benchmarks… of East Sussex's re-offending by adults under probation supervision, 2010/11,
showed empty Regional and National benchmarks and said "A field cleared removes what it held", while the tab's
sentence and the board report read "Compared with: Sussex average 8.7%" (seed 004's comparison). The dialog holds
only the regional and national benchmarks of the year's latest period; the others the year holds (a comparator area's
figure, an earlier period's benchmark) were nowhere in it, so the officer could not tell they were there nor that
Save would keep them. Its heading now names them as kept."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from tests.indicators.test_framework_round29 import EAST_SUSSEX, FY10, form_for, view

REOFFENDING = "Re-offending by adults under probation supervision"
DRUG = "Adults leaving drug treatment in a planned way"


def test_a_comparator_benchmark_the_fields_do_not_hold_is_named_in_the_heading(demo_store):
    assert "Compared with: Sussex average 8.7%." in view(demo_store, REOFFENDING, EAST_SUSSEX, FY10).headline()
    form = form_for(demo_store, REOFFENDING, EAST_SUSSEX, FY10, ActionLog())
    assert (form.values["regional_value"], form.values["national_value"]) == ("", "")
    assert ("Also held for 2010/11, shown in the sentence and the board report and kept as they are: Sussex average "
            "8.7% (2010/11).") in form.heading, form.heading


def test_saved_as_it_is_the_comparator_stays(demo_store):
    log = ActionLog()
    form = form_for(demo_store, REOFFENDING, EAST_SUSSEX, FY10, log)
    form.set_value("national_value", "9.1")
    assert form.save()
    assert "Sussex average 8.7%" in view(demo_store, REOFFENDING, EAST_SUSSEX, FY10).headline()


def test_benchmarks_the_fields_hold_are_not_named_again(demo_store):
    form = form_for(demo_store, DRUG, EAST_SUSSEX, FY10, ActionLog())
    assert (form.values["regional_value"], form.values["national_value"]) == ("48", "43")
    assert "Also held" not in form.heading
