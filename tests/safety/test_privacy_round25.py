"""Round 25, privacy of what leaves the office file: small numbers in the fund summary and both exports."""

from __future__ import annotations

import sqlite3

from safer_desk.domain.disclosure import SMALL_NUMBER, SpendLine, summarise_with_disclosure_control


def _small_count(n: int) -> bool:
    """A count of people the small-number rule forbids: 1 or 2 (none is not a count of anyone)."""
    return 0 < n < SMALL_NUMBER


def test_no_row_counts_one_or_two_victims_first_supported():
    # Babergh: three victims first supported with locks in April; in May two of them get more locks and a fourth
    # victim is first supported with locks. The May row describes three victims, but its "victims first supported"
    # was 1: "the one victim first supported in Babergh in May", which the rule is there to prevent (and the
    # county's figures by district and by month, which add that column up, would show Babergh's May as 1 victim).
    lines = [SpendLine("f", "district:babergh", "2018-04", "Replacement door locks", r, 9500, True) for r in "ABC"]
    lines += [SpendLine("f", "district:babergh", "2018-05", "Replacement door locks", r, 9500, False) for r in "AB"]
    lines += [SpendLine("f", "district:babergh", "2018-05", "Replacement door locks", "D", 9500, True)]
    rows = summarise_with_disclosure_control(lines)
    assert not [r.key for r in rows if _small_count(r.victims)], [(r.key, r.victims) for r in rows]
    assert all(len(r.referrals) >= SMALL_NUMBER for r in rows)
    assert sum(r.victims for r in rows) == 4
    assert sum(r.spend_lines for r in rows) == 6
    assert sum(r.amount_pence for r in rows) == 6 * 9500


def test_a_kept_row_that_takes_one_or_two_victims_merges_further():
    # Three victims first supported in April with door chains (kept, "other districts" after merging), and in May
    # each of them gets a personal alarm (a row of three victims, none first supported): a fourth victim's one
    # May alarm, too few on its own, must not turn that May row into "1 victim first supported".
    lines = [SpendLine("f", f"district:{d}", "2018-04", "Door chain", d, 2500, True)
             for d in ("babergh", "ipswich", "waveney")]
    lines += [SpendLine("f", f"district:{d}", "2018-05", "Personal alarm", d, 4000, False)
              for d in ("babergh", "ipswich", "waveney")]
    lines += [SpendLine("f", "district:mid-suffolk", "2018-05", "Personal alarm", "late", 4000, True)]
    rows = summarise_with_disclosure_control(lines)
    assert not [r.key for r in rows if _small_count(r.victims)], [(r.key, r.victims) for r in rows]
    assert sum(r.victims for r in rows) == 4 and sum(r.amount_pence for r in rows) == 3 * 2500 + 4 * 4000


def test_the_example_exports_show_no_count_of_one_or_two_victims(demo_store, tmp_path):
    import openpyxl

    from safer_desk.services import funds
    from safer_desk.services.county import export_for_county

    fund = funds.fund_by_name(demo_store, "Suffolk Target Hardening Pilot")
    office = funds.fund_figures(demo_store, fund.id)
    out = export_for_county(demo_store, tmp_path / "county.sqlite").path
    conn = sqlite3.connect(str(out))
    try:
        rows = conn.execute("SELECT district_id, month, item, victims, spend_lines, amount_pence "
                            "FROM fund_spend_summary WHERE fund_id = ?", (fund.id,)).fetchall()
    finally:
        conn.close()
    assert not [r for r in rows if _small_count(r[3])], rows
    assert sum(r[3] for r in rows) == office.victims == 15
    assert sum(r[5] for r in rows) == office.spent_pence == 241700

    book = export_for_county(demo_store, tmp_path / "county.xlsx").path
    ws = openpyxl.load_workbook(book)["Fund spend"]
    table = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(table) if r and r[0] == "Fund")
    column = table[head].index("Victims first supported")
    body = [r for r in table[head + 1:] if r and r[0] == "Suffolk Target Hardening Pilot"]
    assert body and not [r for r in body if _small_count(r[column])], body
    assert sum(r[column] for r in body) == 15


def test_the_example_exports_keep_the_offices_months(demo_store, tmp_path):
    """Merging months before items: the example's pilot reaches the county with the office's spend and victims
    per month (April 5 victims and £795, as the paper's quarter adds up), so the county's forecast is the office's."""
    from safer_desk.services import funds
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import open_store

    fund = funds.fund_by_name(demo_store, "Suffolk Target Hardening Pilot")
    office = funds.fund_figures(demo_store, fund.id)
    out = export_for_county(demo_store, tmp_path / "county.sqlite").path
    county = open_store(out, read_only=True)
    try:
        there = funds.fund_figures(county, fund.id)
    finally:
        county.close()
    assert there.by_month == office.by_month
    assert there.merged == {}
    assert (there.forecast.exhaustion_month, there.forecast.burn_rate, there.forecast.warnings, there.victims) == (
        office.forecast.exhaustion_month, office.forecast.burn_rate, office.forecast.warnings, office.victims)
