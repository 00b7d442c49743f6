"""Costs > Reviews, round 27.

1. A second cost added after the partners were billed could be billed as further invoices dated before those of the
   first late cost: £1,000 added to the Mid Suffolk review and billed on 01/09/2018 (MSDC-DHR1-12 … 22), then £500
   added and billed on 01/07/2018 (MSDC-DHR1-23 … 33), numbered after invoices dated later and split on from them.
   The ledger as at 15/07/2018 had the partners billed and owing the £500's top-ups to a share of £1,500 of costs of
   which £1,000 had not been billed yet. Further invoices are dated on or after the review's latest invoices for its
   costs: refused beside the date, before any question about it, saying which date is the earliest allowed and why.
2. Further invoices for a review billed on 60 days' terms were offered 30 days to pay: kept as offered, the late cost's
   invoices fell overdue a month early (the ledger's overdue and the ⚠ Overdue flag). The Bill form offers the terms of
   the review's latest invoices for its costs, as a re-split offers those of the invoice refused (round 25).
3. The Split grid of a billed review with a cost added since (not billed yet) read "Net billed £7,525.58 of the cost
   £8,525.58", its rows showing no refusal: £1,000 missing without a word, where the guide says the net billed equals
   the cost once refusals are dealt with. The total says what is not yet billed, as the case's sentence does.
4. Refusing (or writing off) a share billed £0 (a capped payer covering the whole cost: *Nothing to pay*) said "This
   share is paid in full", though nothing was paid: it now says the share is for £0.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from safer_desk.domain.dhr import DhrError
from safer_desk.presenters.costs import NothingTo
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"  # its partners billed on 15/06/2018 (MSDC-DHR1-01 … 11)


def two_late_costs(store) -> str:
    """£1,000 added and billed on 01/09/2018, then £500 added (not billed yet)."""
    case_id = dhr.case_id_by_reference(store, BILLED)
    dhr.add_cost_line(store, case_id, category="Administration", amount="1000", invoiced_on="01/08/2018")
    dhr.bill_partners(store, case_id, invoiced_on="01/09/2018")
    dhr.add_cost_line(store, case_id, category="Administration", amount="500", invoiced_on="01/06/2018")
    return case_id


def invoices(store, case_id: str) -> int:
    return store.scalar("SELECT count(*) FROM dhr_shares WHERE case_id = ?", (case_id,))


# -- 1. a second late cost billed before the first one's invoices ---------------------------------------------------

def test_a_second_late_cost_billed_before_the_first_ones_invoices_is_refused(demo_store):
    case_id = two_late_costs(demo_store)
    before = invoices(demo_store, case_id)
    with pytest.raises(DhrError) as said:
        dhr.bill_partners(demo_store, case_id, invoiced_on="01/07/2018")
    assert str(said.value) == (
        "Invoice date: 01/07/2018 is before the partners' latest invoices for this review's costs (01/09/2018, "
        "MSDC-DHR1-22); costs added since are billed on from them, so on or after 01/09/2018.")
    assert invoices(demo_store, case_id) == before
    assert dhr.unbilled_pence(demo_store, case_id) == 50000


def test_a_second_late_cost_billed_on_the_day_of_the_first_ones_invoices_is_kept(demo_store):
    case_id = two_late_costs(demo_store)
    shares = dhr.bill_partners(demo_store, case_id, invoiced_on="01/09/2018")
    assert sum(shares.values()) == 50000
    refs = [r[0] for r in demo_store.rows("SELECT invoice_ref FROM dhr_shares WHERE case_id = ? AND kind = 'share' "
                                          "AND invoiced_on = '2018-09-01' ORDER BY invoice_ref", (case_id,))]
    assert refs[0] == "MSDC-DHR1-12" and refs[-1] == "MSDC-DHR1-33"
    assert dhr.unbilled_pence(demo_store, case_id) == 0


def test_only_the_first_invoices_still_say_first(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1000", invoiced_on="01/08/2018")
    assert dhr.further_date_refusal(demo_store, case_id, date(2018, 1, 1)) == (
        "Invoice date: 01/01/2018 is before the partners' first invoices for this review (15/06/2018); costs added "
        "since are billed on or after 15/06/2018.")


def test_the_bill_form_refuses_it_beside_the_date_before_asking_anything(demo_store):
    case_id = two_late_costs(demo_store)
    before = invoices(demo_store, case_id)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    form = p.bill_form()
    form.set_value("invoiced_on", "01/07/2018")
    assert not form.save()
    assert "before the partners' latest invoices for this review's costs (01/09/2018" in form.message("invoiced_on")
    assert not form.save()  # refused, not asked once
    assert invoices(demo_store, case_id) == before


def test_the_bill_dialog_says_it_beside_the_date(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    case_id = two_late_costs(page.store)
    before = invoices(page.store, case_id)
    page.presenter.reload()
    assert page.select_case(case_id)
    dialog = page.bill_dialog()
    type_into(qtbot, field(dialog, "Invoice date"), "01/07/2018")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    beside = next(label for label in dialog.findChildren(QLabel)
                  if label.accessibleName() == "Message about Invoice date")
    assert beside.isVisible() and "on or after 01/09/2018" in beside.text()
    assert invoices(page.store, case_id) == before


# -- 2. the further invoices' days to pay ----------------------------------------------------------------------------

UNDER_WAY = "WSCSP-DHR-2017-02"


def billed_on_sixty_days(store) -> DhrPresenter:
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, category="Administration", amount="1100")
    dhr.bill_partners(store, case_id, invoiced_on="01/08/2018", due_days=60)
    dhr.add_cost_line(store, case_id, category="Administration", amount="550")
    p = DhrPresenter(store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    return p


def test_further_invoices_are_offered_the_terms_of_the_first_ones_not_thirty_days(demo_store):
    p = billed_on_sixty_days(demo_store)
    form = p.bill_form()
    assert form.value("due_days") == "60"
    assert "Days to pay: those of the invoices before (60)." in form.note
    assert form.save()
    further = [s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected) if s.invoiced_on == TODAY]
    assert len(further) == 11 and {s.due_on for s in further} == {date(2018, 10, 31)}  # 01/09/2018 + 60 days
    assert not any(s.overdue_pence for s in dhr.list_shares(demo_store, today=date(2018, 10, 15),
                                                            case_id=p.selected) if s.invoiced_on == TODAY)


def test_the_first_invoices_are_still_offered_thirty_days(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1100")
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    form = p.bill_form()
    assert form.value("due_days") == str(dhr.DEFAULT_DUE_DAYS) and "Days to pay" not in form.note


# -- 3. the Split grid of a billed review with a cost added since ---------------------------------------------------

def test_the_billed_split_says_the_cost_added_since_is_not_billed_yet(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    p.resolve_form(next(s for s in p.details().shares if s.status == "refused")).save()  # re-split: net = cost
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1000", invoiced_on="01/08/2018")
    p.reload()
    split = p.split_form()
    assert split.billed and sum(r.net_pence for r in split.rows()) == 752558
    assert split.total_text() == "Net billed £7,525.58 of the cost £8,525.58,\n£1,000.00 of it not yet billed"
    p.close_form()
    dhr.bill_partners(demo_store, case_id, invoiced_on="01/09/2018")
    p.reload()
    assert p.split_form().total_text() == "Net billed £8,525.58 of the cost £8,525.58"


def test_the_split_dialog_says_it_under_the_grid(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    case_id = dhr.case_id_by_reference(page.store, BILLED)
    dhr.add_cost_line(page.store, case_id, category="Administration", amount="1000", invoiced_on="01/08/2018")
    page.presenter.reload()
    assert page.select_case(case_id)
    dialog = page.split_dialog()
    total = next(label for label in dialog.findChildren(QLabel) if label.accessibleName() == "Total")
    assert total.isVisible() and total.text().endswith("£1,000.00 of it not yet billed")


# -- 4. a £0 share refused -------------------------------------------------------------------------------------------

def test_refusing_a_share_billed_nothing_does_not_say_it_was_paid(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    payer, *_ = dhr.case_partners(demo_store, case_id, date(2018, 6, 15))
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1000")
    dhr.set_split_rule(demo_store, case_id, "capped", cap_payer=payer, cap_percent="100", on=date(2018, 6, 15))
    dhr.bill_partners(demo_store, case_id, invoiced_on="15/06/2018")
    nothing = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id) if s.amount_pence == 0)
    assert nothing.status_text == "Nothing to pay"
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    with pytest.raises(NothingTo) as said:  # s75: said at once, no form to type a reason in (it was then refused)
        p.refuse_form(nothing)
    assert "billed £0: there is nothing to refuse" in str(said.value) and "paid in full" not in str(said.value)
    with pytest.raises(DhrError, match="billed £0: there is nothing to write off"):
        dhr.write_off_share(demo_store, nothing.id, on="01/09/2018", reason="Gone")
