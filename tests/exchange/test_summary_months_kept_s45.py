"""A county keeps an office's version of a shared fund spend row, and with it the months that row's spend is of
(session 45; seen by round 44's xc4, confirmed here).

Babergh and Mid Suffolk office both send the county fund's "Other districts" row (one victim, £25 in April). Babergh
then keys £40 in June: its next file's row holds both, merged into the quarter (small numbers), its id naming April to
June. The merge asks which version to keep; kept as Babergh's, the county held £65 with the old row's id, which
names April alone: the county said all £65 was spent in April (its burn rate, the report's "spend of other months
merged into its quarter" note, the workbook's span), while Babergh's own file says April and June.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.services.county import export_for_county
from safer_desk.storage.schema.costs import moved_months
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import babergh_and_mid_suffolk, county_fund_template, merge

TODAY = date(2025, 12, 1)


def _referral(store, fund_id: str, reference: str, day: str, amount: str) -> None:
    referral = funds.add_referral(store, fund_id, reference=reference, district="Babergh", referred_on=day,
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on=day, item="Door chain", amount=amount)


def _county_after_keeping_babergh(tmp_path):
    base, fund = county_fund_template(
        tmp_path, lambda store, fund: _referral(store, fund, "TH-2025-001", "05/04/2025", "£25"))
    sent = babergh_and_mid_suffolk(base, tmp_path)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    assert merge(county, sent).conflicts == []
    babergh = open_store(tmp_path / "Babergh.sqlite")
    try:
        _referral(babergh, fund, "TH-2025-002", "05/06/2025", "£40")
        again = export_for_county(babergh, tmp_path / "Babergh-2.sqlite").path
    finally:
        babergh.close()
    # Session 68: the £40 Babergh keyed itself is its own part, added beside the row both offices send alike
    assert merge(county, [again]).conflicts == []
    return county, fund, again


def test_the_row_kept_says_the_months_of_its_spend(tmp_path):
    county, fund, again = _county_after_keeping_babergh(tmp_path)
    try:
        sent = open_store(again, read_only=True)
        try:
                theirs = [dict(r) for r in sent.rows("SELECT * FROM fund_spend_summary ORDER BY office_id")]
        finally:
            sent.close()
        # the copies' £25 of April (no office's), and Babergh's own £40 of June merged into its quarter
        assert [(t["office_id"] != "", t["amount_pence"]) for t in theirs] == [(False, 2500), (True, 4000)]
        assert moved_months(theirs[1]["id"]) == ("2025-06", "2025-06")
        held = [dict(r) for r in county.rows("SELECT * FROM fund_spend_summary ORDER BY office_id")]
        assert held == theirs
        figures = funds.fund_figures(county, fund, today=TODAY)
        assert figures.spent_pence == 6500
        # the county knows the £40 is of June, not of the quarter's first month
        assert {m.iso: (a.iso, b.iso) for m, (a, b) in funds.merged_months(county, fund).items()} == {
            "2025-04": ("2025-06", "2025-06")}
    finally:
        county.close()


def test_the_county_file_stays_whole_and_merging_the_same_file_again_changes_nothing(tmp_path):
    county, fund, again = _county_after_keeping_babergh(tmp_path)
    try:
        before = [dict(r) for r in county.rows("SELECT * FROM fund_spend_summary")]
        result = merge(county, [again])
        assert result.conflicts == []
        assert [dict(r) for r in county.rows("SELECT * FROM fund_spend_summary")] == before
        assert county.scalar("SELECT count(*) FROM _county_conflicts") == 0
    finally:
        county.close()
    from safer_desk.services.integrity import check_file

    report = check_file(tmp_path / "county.sqlite")
    assert report.ok, [f for f in report.findings if not f.ok]
