"""Round 44 (xc4): a pooled fund's spend row several offices sent alike, then changed by one, is not "edited at the
county".

Babergh and Mid Suffolk office both hold the county fund's referrals (copies of one file), so their exports' row of
"Other districts" spend for a quarter is merged once, held by both. Babergh then keyed one more door chain: its next
file's row for that quarter differs, and the merge said the county's row had been "edited there since it was merged"
(group edited-at-county), though nobody had touched the county file. It is said as a project both offices sent is:
the county's row, sent alike by both offices, against Babergh's.

Session 68: a door chain Babergh keys itself is its own part of the fund's spend (its summary rows are of its office),
so it adds to the row both send alike instead of changing it: no conflict at all, and the spend counted once each.
"""

from __future__ import annotations

from safer_desk.services import funds
from safer_desk.services.county import export_for_county, list_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import babergh_and_mid_suffolk, county_fund_template, merge


def _referral(store, fund_id: str, reference: str) -> None:
    referral = funds.add_referral(store, fund_id, reference=reference, district="Babergh", referred_on="02/06/2025",
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="05/06/2025", item="Door chain", amount="£25")


def test_spend_both_hold_as_copies_is_taken_once_and_one_offices_own_spend_adds_to_it(tmp_path):
    # Session 68: Babergh's own door chain (keyed in its file, not the copy's) is Babergh's part of the fund's spend,
    # added at the county; the spend both hold as copies of one file stays one row, held by both, never counted twice.
    base, fund = county_fund_template(tmp_path, lambda store, fund: _referral(store, fund, "TH-2025-001"))
    sent = babergh_and_mid_suffolk(base, tmp_path)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        first = merge(county, sent)
        assert first.conflicts == []
        assert funds.fund_figures(county, fund).spent_pence == 2_500
        babergh = open_store(tmp_path / "Babergh.sqlite")
        try:
            _referral(babergh, fund, "TH-2025-002")
            again = export_for_county(babergh, tmp_path / "Babergh-2.sqlite").path
        finally:
            babergh.close()
        assert merge(county, [again]).conflicts == []
        assert funds.fund_figures(county, fund).spent_pence == 5_000
        assert county.scalar("SELECT count(*) FROM fund_spend_summary WHERE office_id = ''") == 1
        merge(county, sent[1:] + [again])  # both offices' files again: nothing changes
        assert funds.fund_figures(county, fund).spent_pence == 5_000
        assert not list_conflicts(county)
    finally:
        county.close()
