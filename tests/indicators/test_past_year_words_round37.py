"""Round 37 (ind): a year that is over with no figures says so in the past, not "No figures yet".

East Sussex's 2011/12 in the example file: targets and the portfolio plan's estimated RAGs, no outturn. A board
report of 2011/12 written today read "No figures yet for 2011/12" and "no figure yet", as if they might still come;
once the year is over (by the report's day, or the day the window is looked at) it is "No figures were recorded for
2011/12". A year still running keeps "yet".
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.report import build_report

FY11 = FinancialYear(2011)
IDVA = "Medium and high risk domestic abuse victims engaging with the IDVA service"
DURING, AFTER = date(2011, 11, 15), date(2026, 1, 20)


def _section(store, today: date):
    doc = build_report(store, year="2011/12", area="East Sussex", today=today)
    return next(s for s in doc.sections if s.title == "Indicators: East Sussex")


def _said(section) -> str:
    """The section's paragraphs and the notes under its tables."""
    return " ".join([*section.paragraphs, *(t.note for t in section.tables if t.note)])


def test_the_report_of_a_past_year_says_no_figures_were_recorded(demo_store):
    said = _said(_section(demo_store, AFTER))
    assert "figures yet" not in said and "figure yet." not in said  # (the RAG legend's words stay the RAG's)
    assert f"{IDVA}: No figures were recorded for 2011/12. Target: at least 30%; no figure was recorded. " \
           "Estimated RAG for 2011/12: green" in said
    assert "Change and Change % are blank for Medium and high risk" in said
    assert ": no figures were recorded for 2011/12." in said


def test_the_report_of_the_year_running_says_no_figures_yet(demo_store):
    said = _said(_section(demo_store, DURING))
    assert f"{IDVA}: No figures yet for 2011/12. Target: at least 30%; no figure yet. " in said
    assert ": no figures yet for 2011/12." in said
    assert "were recorded" not in said


def test_the_window_s_words_follow_the_day_it_is_looked_at(demo_store):
    ind = svc.get_indicator(demo_store, IDVA)
    over = svc.year_view(demo_store, ind, "county:east-sussex", FY11, today=AFTER)
    assert over.headline().startswith("No figures were recorded for 2011/12. ")
    running = svc.year_view(demo_store, ind, "county:east-sussex", FY11, today=date(2012, 3, 31))
    assert running.headline().startswith("No figures yet for 2011/12. ")  # its last day: not over yet
