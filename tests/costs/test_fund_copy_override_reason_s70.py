"""S70 (privacy3): a copy of the fund's Referrals answered Leave it out still carried each override's reason.

The Referrals table asks before a copy (Include it / Leave it out) and, left out, gives each row without its reference
and district; but its Eligibility column kept "⚠ Override: medium risk, but the perpetrator is due out of prison
next week" -- free text about one victim, which the county export too leaves out unless individual referrals are
included. Left out, the copy now leaves out the Eligibility column as well; included, it is as before."""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from tests.clipboard import copied_with_ctrl_c
from tests.costs.test_fund_copy_victim_level_s70 import page  # noqa: F401 (the fixture)

REASON = "medium risk, but the perpetrator is due out of prison next week"


def test_a_copy_left_out_carries_no_override_reason(page, qtbot, prompts):  # noqa: F811
    store = page.session.store
    fund = funds.fund_by_name(store, "Suffolk Target Hardening Pilot").id
    funds.add_referral(store, fund, reference="TH-2018-090", district="Ipswich", referred_on="02/07/2018",
                       risk_level="medium", at_marac="yes", idva_assigned="yes", perpetrator_resident="no",
                       override_reason=REASON)
    page.today = date(2018, 7, 20)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and any(r.get("override_reason") for r in page.referrals.source_rows()
                                                       if isinstance(r, dict)), timeout=10000)
    view = page.referrals.view
    pasted = copied_with_ctrl_c(qtbot, view)  # the question closed: Leave it out
    text = "\n".join("\t".join(r) for r in pasted)
    assert "prison" not in text and "Eligibility" not in pasted[0] and "Risk" in pasted[0]
    [(_title, question)] = prompts.questions
    assert "eligibility (with any override's reason)" in question

    prompts.answers.append(True)  # Include it
    assert REASON in "\n".join("\t".join(r) for r in copied_with_ctrl_c(qtbot, view))
