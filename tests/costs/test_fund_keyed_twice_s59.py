"""A contribution keyed twice (round 59): keying the partners' contributions from the board paper's list, the
coordinator keyed Babergh's £2,000 of 01/04/2018 a second time. Save took it without a word: the pilot read £22,000
contributed and the run-out moved two and a half months later. The same contributor's same amount on the same day
is now asked about once beside the Amount (Save again keeps it: two top-ups on one day can be real)."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


def _page(store) -> FundsPresenter:
    page = FundsPresenter(store, perform=ActionLog(), today=lambda: date(2018, 7, 20))
    page.reload(select=funds.fund_by_name(store, PILOT).id)
    return page


def _key(form, **typed) -> bool:
    for key, value in typed.items():
        form.set_value(key, value)
    return form.save()


def test_the_same_contribution_keyed_again_is_asked_about_once(demo_store):
    page = _page(demo_store)
    form = page.contribution_form()
    assert not _key(form, organisation="Babergh District Council", amount="2,000", received_on="01/04/2018")
    assert form.errors["amount"] == (
        "Babergh District Council's £2,000 received on 01/04/2018 is already recorded for Suffolk Target Hardening "
        "Pilot: saving records it a second time (£22,000 contributed in all). Save again to keep it as it is.")
    assert page.data.figures.contributions_pence == 2_000_000  # nothing saved yet
    assert form.save()  # a second top-up of the same on the same day: kept when meant
    assert page.data.figures.contributions_pence == 2_200_000


def test_another_day_amount_or_contributor_is_not_asked_about(demo_store):
    page = _page(demo_store)
    for typed in ({"organisation": "Babergh District Council", "amount": "2,000", "received_on": "01/07/2018"},
                  {"organisation": "Babergh District Council", "amount": "500", "received_on": "01/04/2018"},
                  {"organisation": "Suffolk Constabulary", "amount": "2,000", "received_on": "01/04/2018"}):
        form = page.contribution_form()
        assert _key(form, **typed), form.errors


def test_correcting_a_contribution_is_asked_only_when_it_becomes_another_s_twin(demo_store):
    page = _page(demo_store)
    babergh = next(c for c in page.data.contributions if c["organisation"] == "Babergh District Council")
    form = page.edit_contribution_form(babergh)
    assert _key(form, note="Paid by BACS"), form.errors  # the contribution itself is no twin of its own
    mid = next(c for c in page.data.contributions if c["organisation"] == "Mid Suffolk District Council")
    form = page.edit_contribution_form(mid)
    assert not _key(form, organisation="Babergh District Council")  # Mid Suffolk's keyed as Babergh's again
    assert "Babergh District Council's £2,000 received on 01/04/2018 is already recorded" in form.errors["amount"]
    assert "(£20,000 contributed in all)" in form.errors["amount"]  # a correction: the total stays


def test_an_undated_contribution_keyed_twice_is_asked_about(demo_store):
    fund = funds.add_fund(demo_store, name="Sanctuary 2025/26", starts_on="01/04/2025", ends_on="31/03/2026",
                          risk_levels="high")
    funds.add_contribution(demo_store, fund, organisation="Suffolk County Council", amount="£4,000")
    doubt = funds.contribution_keyed_before(demo_store, fund, organisation="suffolk county council", amount=400_000,
                                            received_on=None)
    assert doubt.startswith("Suffolk County Council's £4,000 (no date received) is already recorded")


def test_the_window_asks_beside_the_amount_and_the_second_save_keeps_it(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.today = date(2018, 7, 20)
    dialog = page.contribution_dialog()
    dialog.set_value("organisation", "Babergh District Council")
    dialog.view.type_into("amount", "2000")
    dialog.view.type_into("received_on", "01/04/2018")
    assert not dialog.apply()
    assert "is already recorded for Suffolk Target Hardening Pilot" in dialog.message_text()
    assert dialog.apply(), dialog.message_text()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.contributions_pence == 2_200_000, timeout=10000)
    assert page.figure_labels["contributions"].text() == "£22,000"


# -- a spend line keyed twice --------------------------------------------------------------------------------------

def _referral(page, reference: str) -> dict:
    return next(r for r in page.data.referrals if r["reference"] == reference)


def test_the_same_spend_line_keyed_again_is_asked_about_once(demo_store):
    """TH-2018-001's invoice TH-INV-001 keyed again line by line: its door chain went in twice, unasked."""
    page = _page(demo_store)
    form = page.spend_form(_referral(page, "TH-2018-001"))
    assert not _key(form, spent_on="09/04/2018", item="Door chain", amount="25", invoice_ref="TH-INV-001")
    assert form.errors["amount"] == (
        "A Door chain of £25 on 09/04/2018 (invoice TH-INV-001) is already recorded for TH-2018-001: saving records "
        "it a second time. Save again to keep it as it is.")
    assert page.data.figures.spent_pence == 241_700
    assert form.save()  # two door chains on one invoice (a front and a back door) are kept when meant
    assert page.data.figures.spent_pence == 244_200


def test_another_invoice_day_amount_or_victim_is_not_asked_about(demo_store):
    page = _page(demo_store)
    for reference, typed in (
            ("TH-2018-001", {"spent_on": "09/04/2018", "item": "Door chain", "amount": "25", "invoice_ref": "X-9"}),
            ("TH-2018-001", {"spent_on": "10/04/2018", "item": "Door chain", "amount": "25",
                             "invoice_ref": "TH-INV-001"}),
            ("TH-2018-001", {"spent_on": "09/04/2018", "item": "Door chain", "amount": "30",
                             "invoice_ref": "TH-INV-001"}),
            ("TH-2018-002", {"spent_on": "09/04/2018", "item": "Door chain", "amount": "25",
                             "invoice_ref": "TH-INV-001"})):
        form = page.spend_form(_referral(page, reference))
        assert _key(form, **typed), form.errors


def test_correcting_a_spend_line_into_another_s_twin_is_asked_about(demo_store):
    page = _page(demo_store)
    alarm = next(line for line in page.data.lines if line["reference"] == "TH-2018-001"
                 and line["item"] == "Personal alarm")
    form = page.edit_spend_form(alarm)
    assert _key(form, supplier="Safe Homes Ltd"), form.errors  # the line is no twin of its own
    alarm = next(line for line in page.data.lines if line["id"] == alarm["id"])
    form = page.edit_spend_form(alarm)
    assert not _key(form, item="Door chain", amount="25")
    assert "A Door chain of £25 on 09/04/2018 (invoice TH-INV-001) is already recorded" in form.errors["amount"]


def test_the_window_asks_about_a_spend_line_keyed_again(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.today = date(2018, 7, 20)
    assert page.referrals.select_where(lambda r: r["reference"] == "TH-2018-001")
    dialog = page.spend_dialog()
    dialog.view.type_into("spent_on", "09/04/2018")
    dialog.set_value("item", "Door chain")
    dialog.view.type_into("amount", "25")
    dialog.view.type_into("invoice_ref", "TH-INV-001")
    assert not dialog.apply()
    assert "already recorded for TH-2018-001: saving records it a second time" in dialog.message_text()
    assert page.data.figures.spent_pence == 241_700
