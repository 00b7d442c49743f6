"""A victim referred again under their reference typed another way (round 52's bug hunt): "TH 2018 001",
"TH/2018/001" and "TH-2018-1" were each taken as a new victim beside TH-2018-001 (victims supported 15 → 18, the
mean per victim £161.13 → £138.44), where a review's reference treats the same variants as one case."""

from __future__ import annotations

import pytest

from safer_desk.domain.funds import FundError
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


def refer(store, reference: str) -> str:
    fund = funds.fund_by_name(store, PILOT)
    return funds.add_referral(store, fund.id, reference=reference, district="Babergh", referred_on="2018-06-20",
                              risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)


@pytest.mark.parametrize("typed", ["TH 2018 001", "TH/2018/001", "TH-2018-1", "th-2018-001", "TH – 2018 – 001"])
def test_a_reference_typed_another_way_is_the_victim_already_referred(demo_store, typed):
    fund = funds.fund_by_name(demo_store, PILOT)
    before = funds.fund_figures(demo_store, fund.id).victims
    with pytest.raises(FundError, match="TH-2018-001 is already referred to this fund"):
        refer(demo_store, typed)
    assert funds.fund_figures(demo_store, fund.id).victims == before == 15


def test_another_number_is_another_victim(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    assert refer(demo_store, "TH-2018-016")  # 16, not 1 or 6: a victim of their own
    assert refer(demo_store, "TH-2018-101")
    assert len(funds.list_referrals(demo_store, fund.id)) == 17
