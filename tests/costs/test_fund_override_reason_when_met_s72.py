"""S72 (fundsui): a referral that meets the fund's rules keeps no reason to accept it.

A scheme taking high and medium risk: TH-2018-008 keyed medium risk with no IDVA assigned, accepted with the reason
"IDVA to be allocated on 02/07". The IDVA came, and Edit referral… set IDVA assigned to Yes; the form still held the
reason, saved with it: the referral read "✔ Eligible" and the reason stayed in the file, seen nowhere but in that form
(and sent in the export for the county). When the fund was later made to take high risk only, Fund settings… did not
name TH-2018-008 among the referrals the new rules leave out (it had a reason), and its row then read "⚠ Override:
IDVA to be allocated on 02/07" for its medium risk, which no one had agreed. A reason to accept is kept only while a
rule is not met: a correction that meets the rules removes it, and its undo says so (Edit > Undo puts it back).
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"
REASON = "IDVA to be allocated on 02/07"


@pytest.fixture
def page(demo_store):
    log = ActionLog()
    fund = funds.fund_by_name(demo_store, PILOT)
    funds.update_fund(demo_store, fund.id, risk_levels="high,medium")
    p = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 3))
    p.reload(select=fund.id)
    return p, log


def _row(page, reference: str = "TH-2018-008") -> dict:
    return next(r for r in page.data.referrals if r["reference"] == reference)


def _edit(page, **values) -> None:
    form = page.edit_referral_form(_row(page))
    for key, value in values.items():
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors


def test_a_correction_that_meets_the_rules_removes_the_reason(page):
    page, log = page
    _edit(page, risk_level="medium", idva_assigned="no", override_reason=REASON)
    assert _row(page)["eligibility"] == f"⚠ Override: {REASON}"
    _edit(page, idva_assigned="yes")  # the reason still in the form, as it opened
    row = _row(page)
    assert row["eligibility"] == "✔ Eligible" and row["override_reason"] == ""
    assert log.undo_text.endswith(": IDVA assigned yes, reason to accept removed")
    # The fund then made to take high risk only: the referral is named as left out, not read as overridden
    left_out = funds.referrals_left_out(page.store, page.fund.id, risk_levels="high")
    assert [ref for ref, _ in left_out] == ["TH-2018-008"]
    funds.update_fund(page.store, page.fund.id, risk_levels="high")
    page.reload()
    assert _row(page)["eligibility"].startswith("⚠ No override reason: risk level is medium")
    log.undo()  # the fund's own change was made outside the log: the correction undone puts the reason back
    page.reload()
    assert _row(page)["override_reason"] == REASON


def test_a_new_referral_meeting_the_rules_keeps_no_reason(page, demo_store):
    page, _log = page
    form = page.referral_form()
    for key, value in (("reference", "TH-2018-099"), ("district", "Babergh"), ("override_reason", "Panel agreed")):
        form.set_value(key, value)
    assert form.save(), form.errors
    row = _row(page, "TH-2018-099")
    assert row["eligibility"] == "✔ Eligible" and row["override_reason"] == ""
    stored = demo_store.scalar("SELECT override_reason FROM fund_referrals WHERE reference = 'TH-2018-099'")
    assert stored == ""


def test_an_override_still_needs_and_keeps_its_reason(page):
    page, _log = page
    form = page.edit_referral_form(_row(page))
    form.set_value("at_marac", "no")
    assert not form.save()
    form.set_value("override_reason", "Agreed by the MARAC chair")
    assert form.save() or form.save(), form.errors
    assert _row(page)["override_reason"] == "Agreed by the MARAC chair"
