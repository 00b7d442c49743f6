"""A referral keyed under the victim's first name (round 59): "Jane", "SARAH-01" and "mary 2018" were each taken as
a pseudonymous reference. The name detector finds a first name only with a surname after it (in free text "June" or
"Grace" alone is no name), but a reference is a code, and one whose only letters are a first name names the victim.
It is refused, saying what to type instead; a code's letters that are no first name, and a first name inside a code
with letters of its own ("TH-ROSE-01" a scheme's word as much as a name), stay as they were."""

from __future__ import annotations

import pytest

from safer_desk.domain.funds import FundError
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


def refer(store, reference: str) -> str:
    fund = funds.fund_by_name(store, PILOT)
    return funds.add_referral(store, fund.id, reference=reference, district="Babergh", referred_on="2018-06-20",
                              risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)


@pytest.mark.parametrize("typed", ["Jane", "SARAH-01", "mary 2018", "Emily3", "sarah_2018_001", "Mohammed"])
def test_a_first_name_for_a_reference_is_refused(demo_store, typed):
    with pytest.raises(FundError) as refused:
        refer(demo_store, typed)
    assert str(refused.value) == (
        f"Reference: “{typed}” reads as a first name. A victim is recorded by a pseudonymous reference (such as "
        "TH-2018-001) and district only: never their name, when they were born, where they live or how to reach "
        "them.")
    assert len(funds.list_referrals(demo_store, funds.fund_by_name(demo_store, PILOT).id)) == 15


@pytest.mark.parametrize("typed", ["TH-2018-016", "MARAC-2018-07", "IDVA 12", "TH-ROSE-01", "Victim A", "JO-01",
                                   "june-2018-01", "BDC-TH-4"])
def test_a_code_is_still_a_reference(demo_store, typed):
    assert refer(demo_store, typed)


def test_correcting_a_referral_to_a_first_name_is_refused_and_changes_nothing(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    first = funds.list_referrals(demo_store, fund.id)[0]
    with pytest.raises(FundError, match="reads as a first name"):
        funds.update_referral(demo_store, first["id"], reference="Grace", district=first["district"],
                              referred_on=first["referred_on"], risk_level="high", at_marac=True, idva_assigned=True,
                              perpetrator_resident=False)
    assert funds.list_referrals(demo_store, fund.id)[0]["reference"] == first["reference"]
