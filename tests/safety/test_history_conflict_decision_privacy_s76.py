"""S76 (privacy): the History of Changes' Export… and Copy of a county file said a decided conflict about a referral
whole, with the detail left out.

Found with the example office's exports sent with --include-referrals to a county file: the county lead moved
referral VICTIMSON-2026 to Babergh, the office moved it to Mid Suffolk, and the county lead kept the office's version
(`safer-desk conflicts COUNTY --keep district`). The history's line, exported with the victim-level detail left out,
had the reference left out of its action but read in its summary and detail "Kept Example office (seed papers)'s
version: Referral 'VICTIMSON-2026': district Babergh at the county (edited there since it was merged), Mid Suffolk
from Example office (seed papers)": the decision's own entry (on the county's decisions, not on the referrals) was
not taken for victim-level. A decision about a referral or a spend line now is: the shared line says that a change
to referrals was left out, as for the change itself.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.history import history_lines
from safer_desk.services import funds
from safer_desk.services.county import export_for_county, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.helpers import merge_accepting

REFERENCE = "VICTIMSON-2026"


def moved(store, district: str) -> None:
    fund = funds.list_funds(store)[0]
    r = next(r for r in funds.list_referrals(store, fund.id) if r["reference"] in (REFERENCE, "TH-2018-001"))
    funds.update_referral(store, r["id"], reference=REFERENCE, district=district, referred_on=r["referred_on"],
                          risk_level=r["risk_level"], at_marac=r["at_marac"], idva_assigned=r["idva_assigned"],
                          perpetrator_resident=r["perpetrator_resident"], override_reason=r["override_reason"])


@pytest.mark.parametrize("kept", ["district", "county"])  # the county's kept: the decision changes no referral
def test_a_decided_conflict_about_a_referral_is_shared_without_its_detail(demo_store, tmp_path, kept):
    moved(demo_store, "Ipswich")
    first = export_for_county(demo_store, tmp_path / "first.sqlite", include_referrals=True).path
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, [first])
        moved(county, "Babergh")
        moved(demo_store, "Mid Suffolk")
        merge_accepting(county, [export_for_county(demo_store, tmp_path / "second.sqlite",
                                                   include_referrals=True).path])
        [conflict] = [c for c in list_conflicts(county) if c.table == "fund_referrals"]
        resolve_conflicts(county, kept, which=conflict.id)

        decision = history_lines(county, limit=1)[0]
        assert REFERENCE in decision.summary  # the window says it whole, to the county lead
        shared = decision.shared
        assert shared is not None and decision.victim_level
        said = "\n".join([shared.action, shared.summary, *shared.details])
        assert REFERENCE not in said and "district Babergh" not in said and "Mid Suffolk from" not in said, said
        assert "(victim-level detail left out)" in shared.summary
        side = "the county's version" if kept == "county" else "Example office (seed papers)'s version"
        assert shared.action == f"Keep {side}: Referral (victim-level detail left out)"
    finally:
        county.close()
