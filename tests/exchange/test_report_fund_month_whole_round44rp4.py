"""Round 44 (rp4): a county's board report as at a day in the middle of a month says the offices' spend is by month.

The example office's report as at 15/06/2018 said the target-hardening pilot had spent £1,950 (£467 of June's spend is
dated after that day); the county file it merged into, as at the same day, said £2,417: an office's export gives the
county its spend by district and month, not by day, so June's spend is counted whole. Two figures for one fund on one
day, and nothing on the county's paper said why. Its burn-down now says so, naming the month and the money.
"""

from __future__ import annotations

from datetime import date

from tests.exchange.test_report_fund_as_at_round42cas import _report, county_path  # noqa: F401 (a fixture)

FUND = "Suffolk target hardening"


def _burn_down_words(report) -> str:
    section = next(s for s in report.sections if s.title == f"{FUND}: burn-down")
    return " ".join(section.paragraphs)


def test_as_at_a_day_inside_a_month_of_summary_spend_says_the_month_is_counted_whole(county_path):  # noqa: F811
    # Babergh's £300 of 03/06/2025 came to the county as "Jun-25"; the paper as at 15/06/2025 counts all of June.
    words = _burn_down_words(_report(county_path, as_at=date(2025, 6, 15)))
    assert ("The offices' exports give this county file their spend by month, not by day: the £300 of Jun-25 is "
            "counted whole, though some of it may be dated after 15/06/2025.") in words, words


def test_as_at_a_month_end_or_a_month_without_summary_spend_says_nothing_of_it(county_path):  # noqa: F811
    for day in (date(2025, 6, 30), date(2025, 3, 31), date(2025, 5, 15)):  # a month's end; May-25: nothing spent
        assert "by month, not by day" not in _burn_down_words(_report(county_path, as_at=day)), day
