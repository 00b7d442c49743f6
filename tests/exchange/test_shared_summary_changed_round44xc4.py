"""Round 44 (xc4): a pooled fund's spend row several offices sent alike, then changed by one, is not "edited at the
county".

Babergh and Mid Suffolk office both hold the county fund's referrals (copies of one file), so their exports' row of
"Other districts" spend for a quarter is merged once, held by both. Babergh then keyed one more door chain: its next
file's row for that quarter differs, and the merge said the county's row had been "edited there since it was merged"
(group edited-at-county), though nobody had touched the county file. It is said as a project both offices sent is:
the county's row, sent alike by both offices, against Babergh's.
"""

from __future__ import annotations

from safer_desk.services import funds
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import babergh_and_mid_suffolk, county_fund_template, merge


def _referral(store, fund_id: str, reference: str) -> None:
    referral = funds.add_referral(store, fund_id, reference=reference, district="Babergh", referred_on="02/06/2025",
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="05/06/2025", item="Door chain", amount="£25")


def test_one_office_changing_a_row_both_sent_is_a_disagreement_between_offices(tmp_path):
    base, fund = county_fund_template(tmp_path, lambda store, fund: _referral(store, fund, "TH-2025-001"))
    sent = babergh_and_mid_suffolk(base, tmp_path)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        first = merge(county, sent)
        assert first.conflicts == []
        babergh = open_store(tmp_path / "Babergh.sqlite")
        try:
            _referral(babergh, fund, "TH-2025-002")
            again = export_for_county(babergh, tmp_path / "Babergh-2.sqlite").path
        finally:
            babergh.close()
        (conflict,) = merge(county, [again]).conflicts
        assert conflict.table == "fund_spend_summary"
        assert conflict.kind == "differs" and conflict.group == "fund"
        assert "edited" not in conflict.detail
        # Babergh's file sends another version now: the county's is Mid Suffolk's alone (round 49)
        assert conflict.county_side.endswith("from Mid Suffolk office")
        assert conflict.district_side.endswith("from Babergh office")
    finally:
        county.close()
