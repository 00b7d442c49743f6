"""Round 40 (qbr): a board report as at a month's last day counts that month as complete in the fund's burn-down.

The paper (seed 002): "April–June 2018: £2,417 spent ... at the current rate of spend, the budget will have been spent
by March 2020". `safer-desk report --as-at 30/06/2018` said "Jun-18 is not complete: the £787 keyed in it so far is
left out of the burn rate" and forecast at £815 a month from the 2 months to May-18, though every day of June was
counted in its figures; a year's report (as at 31/03/2019, the year's end) said "Jul-18 to Feb-19 are over", as if
March 2019 were not. The as-at day is read as over (the report is written after it), so a month ending on it is
complete; as at a day within a month, that month is still left out, as before.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report

PILOT = "Suffolk Target Hardening Pilot"


def _fund_words(store, **kwargs) -> str:
    report = build_report(store, today=date(2026, 12, 1), **kwargs)
    section = next(s for s in report.sections if s.title == f"{PILOT}: burn-down")
    return " ".join(section.paragraphs)


def test_as_at_the_papers_day_june_is_complete_and_the_rate_is_the_papers(demo_store):
    words = _fund_words(demo_store, as_at=date(2018, 6, 30))
    assert "Jun-18 is not complete" not in words, words
    assert "At £805.67 a month (the 3 months to Jun-18)" in words, words
    assert "runs out in Apr-20" in words and "£5,497.95 would be left" in words, words


def test_a_years_report_counts_its_last_month_as_over(demo_store):
    words = _fund_words(demo_store, year="2018/19")
    assert "Jul-18 to Mar-19 are over" in words, words


def test_as_at_a_day_within_the_month_that_month_is_still_incomplete(demo_store):
    words = _fund_words(demo_store, as_at=date(2018, 6, 29))
    assert "Jun-18 is not complete" in words, words
