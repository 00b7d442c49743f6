"""S72 (privacy5): an office's own part of a pooled fund it holds as a copy never names one victim in a workbook.

An office that began from the example (or a copy of another office's file) holds the Suffolk pilot's £2,417 on 15
victims as no office's part, and keys one door chain itself (£25, 03/07/2018): the pilot has 16 victims. The export
for the county sends the office's own part apart (the county adds the offices' parts), one row for its one victim.
*Export for the County…* as a workbook (OUT.xlsx) then gave that row on its own in its Fund spend sheet: "Not given
by district, Jul 2018: fewer than 3, 1 spend line, £25", and the column's total 15 beside the Funds sheet's 16: what
was spent on the one victim first supported in July, and that it was one. The board report joins such a month with
the months next to it; the Fund spend sheet now does the same, so its counts add up to the Funds sheet's.
"""

from __future__ import annotations

from datetime import datetime

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safer_desk.services import funds
from safer_desk.services.county import export_for_county

PILOT = "Suffolk Target Hardening Pilot"


def _own_door_chain(store, day: str = "03/07/2018", amount: str = "£25") -> None:
    fund = funds.fund_by_name(store, PILOT).id
    referral = funds.add_referral(store, fund, reference="BAB-TH-2018-099", district="Babergh", referred_on=day,
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on=day, item="Door chain", amount=amount)


def _table(book, sheet: str) -> tuple[list, list[list]]:
    rows = [list(r) for r in book[sheet].iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Fund")
    body = [r for r in rows[start + 1:] if r[0] not in (None, "Total")]
    return rows[start], body


def test_the_fund_spend_sheet_gives_no_row_of_the_offices_one_victim(demo_store, tmp_path):
    _own_door_chain(demo_store)
    book = openpyxl.load_workbook(export_for_county(demo_store, tmp_path / "county.xlsx").path)
    header, funds_rows = _table(book, "Funds")
    [pilot] = [r for r in funds_rows if r[0] == PILOT]
    assert pilot[header.index("Victims supported")] == 16 and pilot[header.index("Spent (£)")] == 2_442
    header, spend_rows = _table(book, "Fund spend")
    victims, lines = header.index("Victims first supported"), header.index("Spend lines")
    rows = [r for r in spend_rows if r[0] == PILOT]
    # No row of one or two victims, or of spend on one or two (a row of 1 or 2 spend lines): the counts add up to
    # the fund's 16, and the money to its £2,442
    assert all(isinstance(r[victims], int) and r[victims] not in (1, 2) and r[lines] not in (1, 2) for r in rows)
    assert sum(r[victims] for r in rows) == 16 and sum(r[header.index("Spend (£)")] for r in rows) == 2_442
    # July's one victim is given together with the month next to it, and the row says which months it holds
    [joined] = [r for r in rows if r[header.index("Includes spend of")]]
    assert joined[header.index("Month")] == datetime(2018, 6, 1)
    assert joined[header.index("Includes spend of")] == "Jun 2018 to Jul 2018"
    assert (joined[victims], joined[lines], joined[header.index("Spend (£)")]) == (6, 14, 812)


def test_a_fund_of_three_or_more_own_victims_keeps_its_rows(demo_store, tmp_path):
    """Three door chains keyed in July: a row of three victims, given on its own as before."""
    fund = funds.fund_by_name(demo_store, PILOT).id
    for n, amount in enumerate(("£25", "£30", "£35"), start=1):
        referral = funds.add_referral(demo_store, fund, reference=f"BAB-TH-2018-09{n}", district="Babergh",
                                      referred_on="03/07/2018", risk_level="high", at_marac="yes",
                                      idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(demo_store, referral, spent_on="03/07/2018", item="Door chain", amount=amount)
    book = openpyxl.load_workbook(export_for_county(demo_store, tmp_path / "county.xlsx").path)
    header, spend_rows = _table(book, "Fund spend")
    july = [r for r in spend_rows if r[0] == PILOT and r[header.index("Month")] == datetime(2018, 7, 1)]
    assert [(r[header.index("Victims first supported")], r[header.index("Spend (£)")]) for r in july] == [(3, 90)]
    assert not any(r[header.index("Includes spend of")] for r in spend_rows if r[0] == PILOT)


_DISTRICTS = ["Babergh", "Ipswich", "Mid Suffolk", "Not given by district (small numbers)"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_DISTRICTS), st.integers(0, 11), st.integers(0, 5), st.integers(1, 90_000)),
                min_size=1, max_size=12, unique_by=lambda r: (r[0], r[1])))
def test_the_fund_spend_rows_given_add_up_and_none_is_of_one_or_two(cells):
    """Any rows of a fund (district, month, victims, spend lines at least as many, pence): the rows given add up to the
    same victims, spend lines and pence, and none counts one or two victims or spend lines unless the fund has one or
    two victims in all (or too few lines to make three)."""
    from safer_desk.domain.periods import Month
    from safer_desk.services.county_workbook import _fund_rows_given

    rows, covers = [], {}
    for district, month, victims, pence in cells:
        lines = victims + (pence % 3)
        if not lines:
            continue
        at = Month.parse("2018-04").plus(month)
        row = [PILOT, district, at.first_day, victims, lines, pence, None]
        rows.append(row)
        covers[id(row)] = (at, at)
    if not rows:
        return
    totals = [sum(r[k] for r in rows) for k in (3, 4, 5)]
    victims, lines = totals[0], totals[1]
    given = _fund_rows_given(rows, covers)
    assert [sum(r[k] for r in given) for k in (3, 4, 5)] == totals
    if not (0 < victims < 3) and lines >= 3:
        assert not [r for r in given if 0 < r[3] < 3 or 0 < r[4] < 3]
    elif any(0 < r[3] < 3 or 0 < r[4] < 3 for r in rows):  # a fund of one or two in all: one row
        assert len(given) == 1
    # A row that took another month's spend says which months it holds
    assert all(r[6] for r in given if covers[id(r)][0] != covers[id(r)][1])


def test_the_county_workbook_gives_a_fund_of_two_offices_one_victim_each_in_one_row(tmp_path):
    """Babergh office (a door chain, £100, May 2025) and Mid Suffolk office (£50, August 2025) each spent on one
    victim from the "Sanctuary fund": the county's workbook gave two rows, "Apr 2025: fewer than 3, 1 spend line,
    £100" and "Jul 2025: fewer than 3, 1 spend line, £50" (each office's part merged into its quarter), so each row
    was one victim's spend. A fund of fewer than three in all is now one row, as an office's export sends it."""
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import merge
    from tests.exchange.test_fund_parts_by_office_s68 import FUND, _two_offices

    paths, _own = _two_offices(tmp_path, [("Babergh", "100", "05/05/2025")], [("Mid Suffolk", "50", "06/08/2025")])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, paths).conflicts == []
        book = openpyxl.load_workbook(export_for_county(county, tmp_path / "county.xlsx").path)
    finally:
        county.close()
    header, rows = _table(book, "Fund spend")
    given = [[r[header.index(c)] for c in ("Month", "Victims first supported", "Spend lines", "Spend (£)",
                                           "Includes spend of")] for r in rows if r[0] == FUND]
    assert given == [[datetime(2025, 4, 1), "fewer than 3", 2, 150, "May 2025 to Aug 2025"]]
