"""Costs > Reviews, round 29: a billed cost keyed wrongly is corrected from the window; a reference is never an address.

The chair's invoice of £5,250 keyed as £6,250 (or the administration keyed twice) and billed to the partners could not
be put right: the correction and the deletion were refused for ever, "A cost that has been billed stays on the
review", and the partners stayed billed for a cost the review never had. The correction is now asked about once,
beside the amount (or in the question before a deletion): the invoices nothing was paid on are cancelled and each
partner billed what it is short of its share of the corrected cost, with the review's own split; one undo step. It is
refused, before anything is asked, where the partners already paid (refused, wrote off) more than the corrected cost.

A review's reference travels everywhere (the list, undo and history texts, the audit trail, exports): an address, a
postcode, an e-mail address or a name joined up or turned round ("Jane-Smith-01", "SMITH Jane") was accepted as one,
and an address in a review's notes or an action plan's text too.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from safer_desk.domain import dhr as rules
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.costs.test_search_choice_round22 import reviews_page
from tests.safety.helpers import stored_in

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"  # £7,525.58 billed equally to eleven partners; £4,504.87 paid, refused or closed at paid
CHAIR = "Independent chair/author"  # £6,250.00 keyed; the chair's invoice was £5,250.00
PAID_MORE = "paid, refused or written off £4,504.87"


def _line(store, case_id, category):
    return next(line for line in dhr.cost_lines(store, case_id) if line["category"] == category)


def _billed(store, case_id):
    return sum(s.amount_pence for s in dhr.list_shares(store, today=TODAY, case_id=case_id) if s.kind == "share")


def _paid(store, case_id):
    return sum(s.paid_pence for s in dhr.list_shares(store, today=TODAY, case_id=case_id))


@pytest.fixture
def presenter(demo_store):
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(dhr.case_id_by_reference(demo_store, BILLED))
    return p


# -- the presenter -----------------------------------------------------------------------------------------------------

def test_a_billed_cost_corrected_down_is_asked_about_beside_the_amount_then_billed_again(presenter, demo_store):
    case_id, paid = presenter.selected, _paid(demo_store, presenter.selected)
    form = presenter.edit_cost_line_form(_line(demo_store, case_id, CHAIR))
    assert "cannot go below" not in form.note
    form.set_value("amount", "£5,250")
    assert not form.save()  # asked once, beside the amount
    said = form.message("amount")
    assert "£6,525.58" in said and "billed again" in said and "MSDC-DHR1-03" in said
    assert _line(demo_store, case_id, CHAIR)["amount_pence"] == 625000
    assert form.save()
    assert dhr.case_cost_pence(demo_store, case_id) == _billed(demo_store, case_id) == 652558
    assert _paid(demo_store, case_id) == paid
    refs = {s.invoice_ref for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)}
    assert "MSDC-DHR1-03" not in refs and "MSDC-DHR1-12" in refs


def test_a_correction_below_what_the_partners_paid_is_refused_beside_the_amount_without_asking(presenter, demo_store):
    case_id = presenter.selected
    form = presenter.edit_cost_line_form(_line(demo_store, case_id, CHAIR))
    form.set_value("amount", "£100")
    assert not form.save()
    assert PAID_MORE in form.message("amount") and "Save again" not in form.message("amount")
    assert not form.save()  # a refusal, not a question: Save again does not keep it
    assert dhr.case_cost_pence(demo_store, case_id) == _billed(demo_store, case_id) == 752558


def test_deleting_a_billed_cost_says_what_is_billed_again_or_why_it_cannot_be(presenter, demo_store):
    case_id = presenter.selected
    admin = _line(demo_store, case_id, "Administration")
    said = presenter.delete_cost_line_said(admin)
    assert "£6,900" in said and "billed again" in said
    with pytest.raises(rules.DhrError, match=PAID_MORE):
        presenter.delete_cost_line_said(_line(demo_store, case_id, CHAIR))
    presenter.delete_cost_line(admin)
    assert dhr.case_cost_pence(demo_store, case_id) == _billed(demo_store, case_id) == 690000


# -- the window --------------------------------------------------------------------------------------------------------

def _open_chair(page, qtbot):
    page.details.setCurrentIndex(1)
    assert page.costs.select_where(lambda c: c["category"] == CHAIR)
    page.costs.view.setFocus()
    qtbot.keyClick(page.costs.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    return page.dialog


def _labels(dialog):
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_chairs_cost_keyed_too_high_is_corrected_in_the_window_and_undone(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    tab = demo_window.show_tab("costs")
    tab.ledger.today = TODAY
    case_id = dhr.case_id_by_reference(page.store, BILLED)
    assert page.select_case(case_id)
    dialog = _open_chair(page, qtbot)
    type_into(qtbot, field(dialog, "Amount"), "£5,250")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "billed again" in _labels(dialog) and "MSDC-DHR1-03" in _labels(dialog)
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert "MSDC-DHR1-12" in {s.invoice_ref for s in page.shares.rows}
    assert "MSDC-DHR1-03" not in {s.invoice_ref for s in page.shares.rows if s.counted}  # listed as withdrawn (s68)
    tab.ledger.refresh()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert sum(p.billed_pence for p in tab.ledger.partners.source_rows()) == 652558

    stack = demo_window.session.undo_stack
    assert stack.undoText().startswith(f"Change the {CHAIR} cost of £6,250")
    assert demo_window.undo_action.text().startswith("&Undo change the ")
    demo_window.undo_action.trigger()  # Edit > Undo, one step: the cost and the invoices
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert _line(page.store, case_id, CHAIR)["amount_pence"] == 625000
    assert _billed(page.store, case_id) == 752558
    assert "MSDC-DHR1-03" in {s.invoice_ref for s in page.shares.rows}


def test_a_correction_below_what_was_paid_is_refused_in_the_window(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    case_id = dhr.case_id_by_reference(page.store, BILLED)
    assert page.select_case(case_id)
    dialog = _open_chair(page, qtbot)
    type_into(qtbot, field(dialog, "Amount"), "£1")
    for _ in range(2):  # refused, not asked: Save again changes nothing
        qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and PAID_MORE in _labels(dialog)
    assert _line(page.store, case_id, CHAIR)["amount_pence"] == 625000
    assert demo_window.session.undo_stack.count() == 0


def test_a_billed_cost_keyed_twice_is_deleted_after_saying_what_is_billed_again(demo_window, qtbot, prompts):
    page = reviews_page(demo_window, qtbot, TODAY)
    case_id = dhr.case_id_by_reference(page.store, BILLED)
    assert page.select_case(case_id)
    page.details.setCurrentIndex(1)
    assert page.costs.select_where(lambda c: c["category"] == CHAIR)
    page.delete_cost_line()  # refused, not asked: the partners paid more than the rest of the costs
    assert not prompts.questions and PAID_MORE in prompts.errors[-1][1]
    assert page.costs.select_where(lambda c: c["category"] == "Administration")
    prompts.answers.append(True)
    page.delete_cost_line()
    _, question = prompts.questions[-1]
    assert question.startswith(f"Delete the Administration cost of £625.58 from {BILLED}?")
    assert "billed again" in question and "MSDC-DHR1-03" in question
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert dhr.case_cost_pence(page.store, case_id) == _billed(page.store, case_id) == 690000
    demo_window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert dhr.case_cost_pence(page.store, case_id) == _billed(page.store, case_id) == 752558


# -- references and free text that say who or where ---------------------------------------------------------------

IDENTIFYING = ["12 Acacia Avenue", "IP1 2AB", "WSCSP-DHR IP4 5XY", "jane.smith@example.com", "Jane-Smith-01",
               "SMITH Jane", "Smith-Jane-2017", "Flat 3, 12 High Street"]
CODES = ["WSCSP-DHR-2017-01", "MSDC-DHR1", "WSCSP-DHR-2014-01", "DHR 2017/01", "SCC-DARDR-2019-02", "WSCSP-LR-2017-01"]


@pytest.mark.parametrize("reference", IDENTIFYING)
def test_a_review_reference_that_is_an_address_a_postcode_an_email_or_a_disguised_name_is_refused(reference):
    with pytest.raises(rules.DhrError, match=r"(address|postcode|e-mail|person's name)"):
        rules.check_reference(reference, what="case reference")


@pytest.mark.parametrize("reference", CODES)
def test_review_codes_are_still_references(reference):
    assert rules.check_reference(reference, what="case reference") == reference


def test_the_case_form_refuses_an_address_beside_the_reference(presenter, demo_store):
    form = presenter.new_case_form()
    form.set_value("reference", "12 Acacia Avenue")
    assert not form.save() and "looks like an address" in form.message("reference")
    assert dhr.case_id_by_reference(demo_store, "12 Acacia Avenue") is None
    form.set_value("reference", "WSCSP-DHR-2018-09")
    assert form.save() or form.save()


@pytest.mark.parametrize("text", ["She lived at 12 Acacia Avenue", "Moved to IP1 2AB", "Write to jane.doe@example.com"])
def test_a_reviews_notes_and_action_plan_refuse_an_address(demo_store, text):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    with pytest.raises(rules.DhrError, match="Notes: .*(address|postcode|e-mail)"):
        dhr.update_case(demo_store, case_id, notes=text)
    with pytest.raises(rules.DhrError, match="Recommendation: .*(address|postcode|e-mail)"):
        dhr.add_recommendation(demo_store, case_id, text=text)
    with pytest.raises(rules.DhrError, match="Description: .*(address|postcode|e-mail)"):
        dhr.add_cost_line(demo_store, case_id, category="Legal", amount="100", description=text)


def test_ordinary_review_notes_are_kept(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    notes = "Panel met 3 times; 2 days at the QA Panel; invoice MSDC-DHR1-01"
    dhr.update_case(demo_store, case_id, notes=notes)
    assert stored_in(demo_store, notes) == ["dhr_cases.notes"]
