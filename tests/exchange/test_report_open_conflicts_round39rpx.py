"""Round 39 (rpx): a county file's board report says which disagreements are still open, and a refund not merged.

Babergh office refunded its council £250 the county file's ledger had no overpayment for (conflict kind
``refund-cannot-take``, round 39), and the county lead had edited the review's cost line, which Babergh office changed
too (``edited-at-county``). The county's board report read as if nothing were pending: the review's table had no
Refunded column, nothing said a refund was held back, and the County overview said nothing of the two conflicts the
lead still had to decide, so the board took the county file's figures for settled ones. The review's section now says
the refund held back in the Conflicts window's words, and the County overview counts the open conflicts by what they
are about. An office's own report, and a county file with no conflict open, read as before.
"""

from __future__ import annotations

import pytest

from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.services.report import build_report
from tests.exchange.test_refund_beyond_credit_round39 import county_holding_a_refund_it_cannot_take
from tests.exchange.test_refund_merge_round38 import TODAY

REVIEW = "BABERGH-DHR-2025-01"


@pytest.fixture
def files(tmp_path):
    """A county file holding Babergh office's review, its lead having edited the chair's cost line since; Babergh
    office's next file lowered that cost and refunded its council, which the county's ledger cannot take."""
    with county_holding_a_refund_it_cannot_take(tmp_path) as (county, babergh, _case):
        yield county, babergh


def _section(report, title_part: str):
    return next(s for s in report.sections if title_part in s.title)


def test_the_reviews_section_says_the_refund_held_back_in_the_conflicts_words(files):
    county, _ = files
    [refund] = [c for c in list_conflicts(county) if c.kind == "refund-cannot-take"]
    said = " ".join(_section(build_report(county, today=TODAY), "cost recovery").paragraphs)
    assert refund.detail in said, said  # the Conflicts window's own words: the partner, the amount, the office, why
    assert "not in these figures until the county lead decides it (File > Conflicts…)" in said, said
    # The review's own report (Babergh office's file) has the refund in its figures, and no such sentence.
    own = " ".join(_section(build_report(files[1], today=TODAY), "cost recovery").paragraphs)
    assert "£250.00 refunded" in own and "Conflicts" not in own, own  # pence beside the £5,025.58 cost


def test_the_county_overview_counts_the_open_conflicts_by_what_they_are_about(files):
    county, _ = files
    said = " ".join(_section(build_report(county, today=TODAY), "County overview").paragraphs)
    assert ("2 conflicts between the merged office files and this county file are still open: until the county "
            "lead decides them (File > Conflicts…), this report gives the county file's side of each (reviews and "
            "their costs: 1; rows edited at the county since they were merged: 1).") in said, said


def test_once_decided_the_report_says_no_more_of_them(files):
    county, babergh = files
    for c in sorted(list_conflicts(county), key=lambda c: c.kind != "edited-at-county"):
        resolve_conflicts(county, "county", which=c.id)
    assert list_conflicts(county) == []
    report = build_report(county, today=TODAY)
    said = " ".join(p for s in report.sections for p in s.paragraphs)
    assert "Conflicts…" not in said and "still open" not in said, said


def test_as_at_a_day_before_the_refund_it_is_not_said(files):
    """The refund of 15/10/2025 would not be in figures as at 01/10/2025 whatever the lead decides."""
    from datetime import date

    county, _ = files
    section = _section(build_report(county, today=TODAY, as_at=date(2025, 10, 1)), "cost recovery")
    assert "Refund of review costs" not in " ".join(section.paragraphs), section.paragraphs
    later = _section(build_report(county, today=TODAY, as_at=date(2025, 10, 15)), "cost recovery")
    assert "Refund of review costs" in " ".join(later.paragraphs), later.paragraphs
