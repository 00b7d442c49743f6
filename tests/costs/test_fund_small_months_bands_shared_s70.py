"""S70 (privacy3): a fund's spend per month and per victim leave the office file small-number suppressed.

The per-district figures were already (test_fund_small_numbers_shared_s70), but the fund's workbook (*Export fund
report…*: Per month, Per victim) and the board report's "Spend per month" still gave a count of one or two victims:
the example's pilot with one more victim, referred in July 2018, gave "Jul 2018: 1 victim first supported, £150",
and the example itself "over £200 to £300: 1 victim": anyone who knew of the one victim helped in July could tell
what was spent on them. The county export merges such a month into its quarter (domain.disclosure); the same rule
(``spans_with_disclosure_control``) now joins such a month with the months next to it, in its quarter first, and
such a band with its neighbours, and the tables say small numbers are suppressed. The fund's page keeps each figure.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.disclosure import spans_with_disclosure_control
from safer_desk.domain.funds import band_label
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.services.report import build_report

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2018, 8, 20)


def test_a_row_of_one_or_two_joins_its_neighbours_in_its_group_first():
    # Jul's one joins Aug's none (same quarter), still one: then June, the quarter before; Aug, adding no one, is
    # given on its own again (s70: its spend read for its month)
    assert spans_with_disclosure_control([5, 5, 5, 1, 0], ["q1", "q1", "q1", "q2", "q2"]) == [
        range(0, 1), range(1, 2), range(2, 4), range(4, 5)]
    # a small month joins the small month beside it before a big one; within its quarter before across
    assert spans_with_disclosure_control([4, 1, 1, 7], ["a", "a", "a", "b"]) == [range(0, 3), range(3, 4)]
    assert spans_with_disclosure_control([4, 1, 2, 7], ["a", "a", "a", "b"]) == [range(0, 1), range(1, 3),
                                                                                range(3, 4)]
    # nothing small: one row to a span; a table of fewer than three in all: one span
    assert spans_with_disclosure_control([3, 0, 4]) == [range(0, 1), range(1, 2), range(2, 3)]
    assert spans_with_disclosure_control([1, 0, 1]) == [range(0, 3)]
    # bands: "over £200 to £300: 1" joins the empty bands after it, then "over £100 to £200"; the empty ones, adding
    # no one, are given on their own again
    assert spans_with_disclosure_control([0, 14, 1, 0, 0]) == [range(0, 1), range(1, 3), range(3, 4), range(4, 5)]
    assert band_label(10_000, None) == "over £100" and band_label(0, None) == "any amount"


@pytest.fixture
def pilot(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT).id
    referral = funds.add_referral(demo_store, fund, reference="TH-2018-JUL-01", district="Ipswich",
                                  referred_on="02/07/2018", risk_level="high", at_marac="yes",
                                  idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(demo_store, referral, spent_on="03/07/2018", item="Door chain", amount="150")
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload(select=fund)
    return p


def test_the_workbooks_per_month_and_per_victim_count_no_one_or_two(pilot):
    sheets = {s.name: s for s in pilot.report_sheets()}
    months = sheets["Per month"]
    assert [r[:2] for r in months.rows] == [["Apr 2018", 5], ["May 2018", 5], ["Jun 2018 to Jul 2018", 6],
                                            ["Total", 16]]
    assert months.rows[-1][2] == 241_700 + 15_000
    assert "Small numbers are suppressed" in months.title
    bands = sheets["Per victim"]
    assert bands.rows == [["up to £100", 0], ["over £100 to £300", 16], ["over £300 to £500", 0], ["over £500", 0]]
    assert "Small numbers are suppressed" in bands.title
    # the office's own page keeps every month and band
    f = pilot.data.figures
    assert (7, 1) in [(m.month, v) for m, v, _ in f.month_rows]
    assert ("over £200 to £300", 1) in f.distribution


def test_the_board_reports_spend_per_month_counts_no_one_or_two(pilot):
    doc = build_report(pilot.store, year="2018/19", today=TODAY)
    [section] = [s for s in doc.sections if s.title == f"{PILOT}: burn-down"]
    table = next(t for t in section.tables if t.title == "Spend per month")
    assert [r[:2] for r in table.rows] == [["Apr-18", "5"], ["May-18", "5"], ["Jun-18 to Jul-18", "6"]]
    assert table.total_row[:2] == ["Total", "16"]
    assert "Small numbers are suppressed" in table.note
    # no table of victims in the paper counts one or two
    counts = [r[i] for s in doc.sections for t in s.tables for i, h in enumerate(t.header) if "Victims" in h
              for r in t.rows]
    assert counts and not {"1", "2"} & set(counts)
