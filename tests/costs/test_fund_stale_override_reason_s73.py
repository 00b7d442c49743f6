"""S73 (funds7): a reason to accept kept from before s72 on a referral that meets the fund's rules.

Since s72 a referral that meets the rules keeps no reason to accept it, but only a new save drops it: a file kept from
before held TH-2018-008, medium risk in a scheme taking high and medium, with "IDVA to be allocated on 02/07" left from
the override its IDVA put right. That reason went with the export for the county when the referrals were included
(though the referral is no override), and when the fund was made to take high risk only, Fund settings… did not name
TH-2018-008 among the referrals the rules leave out, and its row then read "⚠ Override: IDVA to be allocated on
02/07", a reason no one gave for its medium risk. Now the export sends no reason for a referral that meets its fund's
rules, Fund settings names the referral, and its save takes the reason off a referral that met the rules as they were
(one step of Edit > Undo with the settings); a real override keeps its reason throughout.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.services.county import export_for_county

PILOT = "Suffolk Target Hardening Pilot"
STALE = "IDVA to be allocated on 02/07"
REAL = "Agreed by the MARAC chair"


@pytest.fixture
def pilot(demo_store):
    """The pilot taking high and medium risk, TH-2018-008 medium risk and meeting the rules with a reason kept from
    before s72 (written as an older Safer Desk left it), TH-2018-009 an override (not at MARAC) with its reason."""
    fund = funds.fund_by_name(demo_store, PILOT)
    funds.update_fund(demo_store, fund.id, risk_levels="high,medium")
    with demo_store.transaction():
        demo_store.conn.execute("UPDATE fund_referrals SET risk_level = 'medium', override_reason = ? "
                                "WHERE reference = 'TH-2018-008'", (STALE,))
        demo_store.conn.execute("UPDATE fund_referrals SET at_marac = 0, override_reason = ? "
                                "WHERE reference = 'TH-2018-009'", (REAL,))
    return fund


def _reasons(conn) -> dict[str, str]:
    return dict(conn.execute("SELECT reference, override_reason FROM fund_referrals "
                             "WHERE reference IN ('TH-2018-008', 'TH-2018-009')").fetchall())


def test_the_export_with_referrals_sends_no_reason_for_a_referral_meeting_the_rules(demo_store, pilot, tmp_path):
    sent = export_for_county(demo_store, tmp_path / "for-county.sqlite", include_referrals=True).path
    conn = sqlite3.connect(sent)
    try:
        assert _reasons(conn) == {"TH-2018-008": "", "TH-2018-009": REAL}
    finally:
        conn.close()
    assert _reasons(demo_store.conn) == {"TH-2018-008": STALE, "TH-2018-009": REAL}  # the office's file as it was


def test_fund_settings_names_it_and_takes_the_reason_off(demo_store, pilot):
    assert funds.referrals_left_out(demo_store, pilot.id, risk_levels="high") == [
        ("TH-2018-008", ["risk level is medium; the fund accepts high"])]
    log = ActionLog()
    page = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 3))
    page.reload(select=pilot.id)
    form = page.edit_fund_form()
    form.set_value("risk_levels", "high")
    assert not form.save()  # asked once, naming TH-2018-008
    assert "TH-2018-008 (risk level is medium; the fund accepts high)" in str(form.errors), form.errors
    assert form.save(), form.errors
    rows = {r["reference"]: r for r in page.data.referrals}
    assert rows["TH-2018-008"]["eligibility"] == ("⚠ No override reason: risk level is medium; the fund "
                                                     "accepts high")
    assert rows["TH-2018-009"]["eligibility"] == f"⚠ Override: {REAL}"
    assert _reasons(demo_store.conn) == {"TH-2018-008": "", "TH-2018-009": REAL}
    log.undo()  # the settings and the reason back as they were, in one step
    assert funds.get_fund(demo_store, pilot.id).rules.risk_levels == frozenset({"high", "medium"})
    assert _reasons(demo_store.conn) == {"TH-2018-008": STALE, "TH-2018-009": REAL}
    log.redo()
    assert _reasons(demo_store.conn) == {"TH-2018-008": "", "TH-2018-009": REAL}


def test_settings_that_leave_the_rules_as_they_were_touch_no_referral(demo_store, pilot):
    funds.update_fund(demo_store, pilot.id, name="Suffolk Target Hardening Pilot (phase 1)")
    assert _reasons(demo_store.conn) == {"TH-2018-008": STALE, "TH-2018-009": REAL}
