"""The History of Changes' export, round 33 (second look sl2): a referral whose reference was corrected.

A spend line added to TH-2026-777, whose reference was then corrected to TH-2026-778, kept "TH-2026-777" in its
action's name in an export leaving the victim-level detail out ("Spend line for TH-2026-777: Door chain (amount
left out)"): only the reference the referral has now was left out. Every reference a referral had in the actions
read is left out.
"""

from __future__ import annotations

import csv

from safer_desk.presenters.history import HistoryPresenter
from safer_desk.services import funds

REFERRAL = dict(district="Babergh", referred_on="2018-06-01", risk_level="high", at_marac=True, idva_assigned=True,
                perpetrator_resident=False)


def test_a_reference_corrected_later_is_left_out_of_the_actions_made_before(demo_store, tmp_path):
    fund_id = demo_store.scalar("SELECT id FROM funds ORDER BY name LIMIT 1")
    with demo_store.action("Add referral TH-2026-777 to Suffolk Target Hardening Pilot"):
        referral = funds.add_referral(demo_store, fund_id, reference="TH-2026-777", **REFERRAL)
    with demo_store.action("Spend line for TH-2026-777 in Suffolk Target Hardening Pilot"):
        funds.add_spend_line(demo_store, referral, spent_on="2018-06-04", item="Door chain", amount="181.27")
    with demo_store.action("Edit referral TH-2026-778"):  # the reference corrected
        funds.update_referral(demo_store, referral, reference="TH-2026-778", **REFERRAL)
    presenter = HistoryPresenter(demo_store)
    lines = presenter.load()[:3]
    target = presenter.export(tmp_path / "history.csv", lines)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        text = "\n".join(",".join(row) for row in csv.reader(fh))
    assert "2026-777" not in text and "2026-778" not in text and "181.27" not in text, text
    assert "Spend line for (reference left out) in Suffolk Target Hardening Pilot" in text
    assert "TH-2026-777" in presenter.export(tmp_path / "full.csv", lines, victim_level=True).read_text("utf-8-sig")
