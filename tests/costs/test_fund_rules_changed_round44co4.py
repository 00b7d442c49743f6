"""Pooled funds, round 44 (co4): a fund's rules made stricter in Fund settings… after referrals were accepted.

The coordinator accepted a medium-risk victim not at MARAC while the fund took medium risk, then set the fund to high
risk and MARAC only (its second phase). Fund settings saved without a word, and the referral read "⚠ Override: " with
nothing after it on the Referrals page (and in the county workbook): an override with no reason, which the fund's rules
never allow, and no word of which rule it does not meet. Now Save asks once, naming the referrals the new rules leave
out and what each does not meet (Save again keeps the rules); the list says such a referral has no override reason and
which rules it does not meet, so a reason can be given with Edit referral….
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from tests.costs.test_new_case_then_cost_line import button, field

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2018, 7, 3)
MEDIUM = "TH-2018-016"


def accepted_under_looser_rules(store) -> funds.Fund:
    """The pilot taking medium risk and no MARAC for a while: a medium-risk victim not at MARAC accepted then."""
    fund = funds.fund_by_name(store, PILOT)
    funds.update_fund(store, fund.id, risk_levels="high,medium", require_marac="no")
    funds.add_referral(store, fund.id, reference=MEDIUM, district="Babergh", referred_on="10/06/2018",
                       risk_level="medium", at_marac=False, idva_assigned=True, perpetrator_resident=False)
    return fund


def presenter(store) -> tuple[FundsPresenter, ActionLog]:
    log = ActionLog()
    p = FundsPresenter(store, perform=log, today=lambda: TODAY)
    p.reload(select=funds.fund_by_name(store, PILOT).id)
    return p, log


def eligibility(store, fund_id: str, reference: str) -> str:
    return next(r["eligibility"] for r in funds.list_referrals(store, fund_id) if r["reference"] == reference)


def test_stricter_rules_are_asked_about_once_naming_the_referrals_they_leave_out(demo_store):
    fund = accepted_under_looser_rules(demo_store)
    p, log = presenter(demo_store)
    form = p.edit_fund_form()
    form.set_value("risk_levels", "high")
    form.set_value("require_marac", "yes")
    assert not form.save()  # asked first, beside the first rule changed
    assert form.message("risk_levels") == (
        f"1 referral accepted under the fund's rules as they were does not meet these: {MEDIUM} (risk level is "
        "medium; the fund accepts high; not at MARAC). It is kept, as an override with no reason given until one is "
        "given with Edit referral…. Save again to keep it as it is.")
    assert not log.done and funds.get_fund(demo_store, fund.id).rules.risk_levels == {"high", "medium"}
    assert form.save()  # Save again keeps the rules
    assert funds.get_fund(demo_store, fund.id).rules.risk_levels == {"high"}
    assert eligibility(demo_store, fund.id, MEDIUM) == (
        "⚠ No override reason: risk level is medium; the fund accepts high; not at MARAC")
    log.undo()
    assert eligibility(demo_store, fund.id, MEDIUM) == "✔ Eligible"


def test_rules_that_leave_every_referral_in_are_saved_at_once(demo_store):
    fund = accepted_under_looser_rules(demo_store)
    p, log = presenter(demo_store)
    form = p.edit_fund_form()
    form.set_value("require_idva", "yes")  # TH-2018-016 has an IDVA: nothing is left out
    form.set_value("name", "Suffolk Target Hardening Pilot (phase 2)")
    assert form.save(), (form.errors, form.form_message)
    assert funds.get_fund(demo_store, fund.id).rules.require_idva


def test_a_referral_with_a_reason_is_an_override_as_before(demo_store):
    fund = accepted_under_looser_rules(demo_store)
    given = funds.add_referral(demo_store, fund.id, reference="TH-2018-017", district="Ipswich",
                               referred_on="12/06/2018", risk_level="standard", at_marac=False, idva_assigned=True,
                               perpetrator_resident=False, override_reason="Repeat victim, agreed by the MARAC chair")
    assert given
    p, _log = presenter(demo_store)
    form = p.edit_fund_form()
    form.set_value("risk_levels", "high")
    assert not form.save()
    assert "TH-2018-017" not in form.message("risk_levels")  # overridden with a reason: nothing new to say
    assert form.save()
    assert eligibility(demo_store, fund.id, "TH-2018-017") == "⚠ Override: Repeat victim, agreed by the MARAC chair"


def test_the_referrals_page_says_it_after_fund_settings_in_the_window(demo_window, qtbot, prompts):
    accepted_under_looser_rules(demo_window.session.store)
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    page.today = TODAY
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.edit_fund_dialog()  # More > Fund settings…
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    field(dialog, "Risk levels accepted").setCurrentIndex(field(dialog, "Risk levels accepted").findData("high"))
    field(dialog, "Must be at MARAC").setCurrentIndex(field(dialog, "Must be at MARAC").findData("yes"))
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and MEDIUM in dialog.form.message("risk_levels")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    model = page.referrals.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == MEDIUM)
    assert model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        "⚠ No override reason: risk level is medium; the fund accepts high; not at MARAC")
