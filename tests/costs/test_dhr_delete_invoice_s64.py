"""Del on a partner's invoice (Costs > Reviews > Shares and payments) says how an invoice is put right.

Session 64: an officer who billed a partner in error (the wrong split, a partner who should not have been billed, a
cost keyed wrongly) chose its invoice on Shares and payments and pressed Del, or looked for Delete on its right-click
menu: nothing happened at all, not a word, while Del deletes a cost line, a recommendation or a panel meeting on the
pages beside it. An invoice sent keeps its number and is not deleted; Del (and the menu's Delete) now says what puts
it right for that invoice, and deletes nothing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"


def _share(store, partner):
    case_id = dhr.case_id_by_reference(store, BILLED)
    return next(s for s in dhr.list_shares(store, today=TODAY, case_id=case_id) if s.partner == partner)


def test_an_unpaid_invoice_says_how_to_bill_again_or_correct_the_cost(demo_store):
    said = DhrPresenter.share_delete_words(_share(demo_store, "Ipswich and East CCG"))
    assert said.startswith("MSDC-DHR1-03, Ipswich and East CCG's invoice of £684.15 for WSCSP-DHR-2017-01, is not "
                           "deleted"), said
    assert "Bill again with another split…" in said and "Costs" in said and "Edit > Undo" in said
    assert "Delete a payment" not in said and "Reopen" not in said


def test_a_part_paid_invoice_names_delete_a_payment(demo_store):
    said = DhrPresenter.share_delete_words(_share(demo_store, "Suffolk County Council"))
    assert "More > Delete a payment…" in said, said


def test_a_refused_invoice_names_reopen(demo_store):
    said = DhrPresenter.share_delete_words(_share(demo_store, "National Probation Service"))
    assert "More > Reopen a refused or written-off share" in said, said


def test_del_on_an_invoice_in_the_window_says_so_and_deletes_nothing(demo_window, qtbot, prompts):
    page = reviews_page(demo_window, qtbot, TODAY)
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.details.setCurrentWidget(page.shares.view)
    view = page.shares.view
    row = [s.partner for s in page.shares.source_rows()].index("Ipswich and East CCG")
    view.selectRow(row)
    assert page.shares.current().partner == "Ipswich and East CCG"
    before = dhr.list_shares(page.store, today=TODAY)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert prompts.infos and "MSDC-DHR1-03" in prompts.infos[-1][1] and "is not deleted" in prompts.infos[-1][1]
    assert dhr.list_shares(page.store, today=TODAY) == before


def _resolved(store, how):
    case_id = dhr.case_id_by_reference(store, BILLED)
    lead = store.scalar("SELECT id FROM organisations WHERE name = 'Mid Suffolk District Council'")
    dhr.update_case(store, case_id, lead_organisation=lead)
    dhr.resolve_refusal(store, _share(store, "National Probation Service").id, how, on=TODAY)
    return [s for s in dhr.list_shares(store, today=TODAY, case_id=case_id) if s.kind != "share"]


def test_the_lead_authoritys_carrying_names_reopening_the_refusal_not_deleting_a_payment(demo_store):
    carried = _resolved(demo_store, "lead authority")[0]
    said = DhrPresenter.share_delete_words(carried)
    assert "lead authority carrying a refusal" in said and "Reopen a refused or written-off share" in said, said
    assert "Delete a payment" not in said and "Bill again" not in said


def test_a_re_split_invoice_names_reopening_the_refusal(demo_store):
    part = _resolved(demo_store, "re-split")[0]
    said = DhrPresenter.share_delete_words(part)
    assert "refusal re-split" in said and "Reopen a refused or written-off share" in said, said
    assert "Bill again" not in said


def test_enter_on_the_lead_authoritys_carrying_names_reopening_the_refusal_not_deleting_a_payment(demo_store):
    """Enter on it said to correct a payment with More > Delete a payment…, which refuses a carrying."""
    carried = _resolved(demo_store, "lead authority")[0]
    said = DhrPresenter.share_opened_words(carried)
    assert said.startswith(f"Nothing is outstanding on {carried.partner}'s share of {BILLED}"), said
    assert "lead authority carrying a refusal" in said and "Reopen a refused or written-off share" in said, said
    assert "Delete a payment" not in said
