"""A spend line refunded in full, or a contribution withdrawn in full (session 75): the guide and a negative amount's
refusal say a refund is recorded by correcting the line to what was finally paid, so a coordinator whose £95 of locks
came back corrected the line to £0, and was told only "Amount: must be more than £0." with no way on. Correcting a
line (or a contribution) to £0 now says what to do: delete it (More > Delete spend line / Delete contribution).
Nothing is saved either way, and a new line's £0 is refused as before."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


def _presenter(store) -> FundsPresenter:
    p = FundsPresenter(store, perform=ActionLog(), today=lambda: date(2019, 4, 1))
    p.reload(select=funds.fund_by_name(store, PILOT).id)
    return p


def test_a_spend_line_corrected_to_0_says_to_delete_it(demo_store):
    p = _presenter(demo_store)
    line = p.data.lines[0]
    before = demo_store.scalar("SELECT sum(amount_pence) FROM fund_spend_lines")
    form = p.edit_spend_form(line)
    form.set_value("amount", "0")
    assert not form.save()
    assert form.message("amount") == ("Amount: must be more than £0: a spend line refunded in full is deleted "
                                      "(More > Delete spend line), not kept at £0.")
    assert demo_store.scalar("SELECT sum(amount_pence) FROM fund_spend_lines") == before == 241700


def test_a_contribution_corrected_to_0_says_to_delete_it(demo_store):
    p = _presenter(demo_store)
    contribution = p.data.contributions[0]
    form = p.edit_contribution_form(contribution)
    form.set_value("amount", "0.00")
    assert not form.save()
    assert form.message("amount") == ("Amount: must be more than £0: a contribution withdrawn in full is deleted "
                                      "(More > Delete contribution), not kept at £0.")
    assert demo_store.scalar("SELECT sum(amount_pence) FROM fund_contributions") == 2000000


def test_a_new_lines_0_is_refused_as_before(demo_store):
    p = _presenter(demo_store)
    form = p.spend_form()
    form.set_value("item", "Door chain")
    form.set_value("amount", "0")
    assert not form.save()
    assert form.message("amount") == "Amount: must be more than £0."


def test_a_part_refund_is_a_correction_to_what_was_paid(demo_store):
    p = _presenter(demo_store)
    line = p.data.lines[0]
    form = p.edit_spend_form(line)
    form.set_value("amount", "£45.50")
    assert form.save()
    assert demo_store.scalar("SELECT amount_pence FROM fund_spend_lines WHERE id = ?", (line["id"],)) == 4550
