"""View > Compare Areas… of a year long over in which none of the office's areas has a figure (session 59): the line
under the chart said "none of the office's areas has a figure yet" for 2016/17, beside a table whose every row says
"No figure recorded". A year over says its figures were not recorded, as the tab, the chart and the board report do;
"yet" is for a year still running."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.services import indicators as svc


def test_a_year_over_says_no_figure_was_recorded_not_yet(demo_store):
    p = AreaComparisonPresenter(demo_store)
    p.load("indicator:all-crime", FinancialYear(2016))  # Plymouth's year: none of Suffolk's areas has one
    assert {r.figure_text for r in p.rows} == {"No figure recorded"}
    assert p.summary() == "All crime, 2016/17: no figure was recorded for any of the office's areas."


def test_a_year_still_running_says_yet(demo_store):
    running = FinancialYear.of(date.today())
    month = running.first_day.strftime("%Y-%m")
    svc.save_values(demo_store, "indicator:all-crime", "district:plymouth", [svc.PeriodValue(month, 1200)])
    p = AreaComparisonPresenter(demo_store)
    p.load("indicator:all-crime", running)
    assert p.year == running and {r.figure_text for r in p.rows} == {"No figure yet"}
    assert p.summary() == f"All crime, {running.label}: none of the office's areas has a figure yet."
