"""S68: a board report for a partnership the pooled fund spent wholly in said it had spent elsewhere too.

The Safer Suffolk Partnership Board's 2018/19 report (the demo's partnership: every Suffolk district) began the
Target Hardening Pilot's section "its contributions, balance, spend per month and forecast below are the whole
fund's, across every district it spent in, not only in Safer Suffolk Partnership Board. Spent in Safer Suffolk
Partnership Board: £2,417 supporting 15 victims, of the fund's £2,417 and 15 victims." All fifteen victims were in
its districts: "not only in" told the board some of the money went elsewhere, and the figures then contradicted it.
When every penny of the spend is in the report's areas, the section now says so; a report whose areas hold only part
of the spend reads as before (test_fund_report_area_round41rpa).
"""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report

TODAY = date(2026, 12, 2)
FUND = "Suffolk Target Hardening Pilot"
SSPB = "Safer Suffolk Partnership Board"


def _first_paragraph(store, area: str) -> str:
    doc = build_report(store, year="2018/19", today=TODAY, area=area)
    return next(s for s in doc.sections if s.title == f"{FUND}: burn-down").paragraphs[0]


def test_a_partnership_holding_all_the_funds_spend_is_not_told_it_was_spent_elsewhere(demo_store):
    first = _first_paragraph(demo_store, SSPB)
    assert "not only in" not in first, first
    assert first == (f"{FUND} is a pooled fund: its contributions, balance, spend per month and forecast below are "
                     f"the whole fund's. All of its spend so far was in {SSPB}: £2,417 supporting 15 victims.")


def test_a_district_holding_part_of_it_still_reads_as_before(demo_store):
    first = _first_paragraph(demo_store, "Mid Suffolk")
    assert "across every district it spent in, not only in Mid Suffolk." in first
    # Its 2 victims are not named on a paper (s70: small numbers): its part may be in the spend named by no district.
    assert "Spent in Mid Suffolk: none that the figures place there, of the fund's £2,417 and 15 victims." in first
