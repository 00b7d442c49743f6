"""Round 39 (cux): the Costs pages driven as an officer does, with the tables sorted.

1. A cost line deleted in error (Del, Yes) and brought back with Edit > Undo came back unchosen on Costs > Reviews:
   Enter and Del then did nothing (or, on Pooled funds, acted on the line that had taken its place, which stayed
   chosen). A cost line just added was not chosen either, on its review's Costs page, to correct it with Enter.
   As the Populations list does (round 29), a row that appears (added, or brought back by an undo) is the row chosen.
2. What held already, kept: a payment, a refusal and a refund keyed on the share chosen in a sorted table go to that
   partner on the review chosen, and each undo leaves that review and that share chosen; Refund excess… is greyed once
   the credit is refunded and offered again when the refund is undone.
3. Pooled funds: Spend line… with every referral searched (or filtered) out of view opened on the fund's first
   referral, hidden and chosen by nobody; Save put the spend on it. The form's Referral is left to choose.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"


def settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    QApplication.processEvents()


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def press(qtbot, view, key) -> None:
    view.setFocus()
    qtbot.keyClick(view, key)


def test_a_cost_line_deleted_then_undone_is_chosen_again_for_enter_and_del(demo_window, qtbot, prompts):
    page = reviews_page(demo_window, qtbot, TODAY)
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(1)  # Costs
    costs = page.costs
    costs.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by amount: the smallest first
    assert costs.select_where(lambda line: line["category"] == "Administration")
    prompts.answers.append(True)
    press(qtbot, costs.view, Qt.Key.Key_Delete)
    assert prompts.questions[-1][0] == "Delete cost line"
    settle(demo_window, qtbot)
    assert "Administration" not in [line["category"] for line in costs.source_rows()]
    demo_window.undo_action.trigger()
    settle(demo_window, qtbot)
    assert page.current_case().reference == BILLED and page.details.currentIndex() == 1
    assert costs.current() is not None and costs.current()["category"] == "Administration"
    press(qtbot, costs.view, Qt.Key.Key_Return)  # Enter corrects the line brought back
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    assert page.dialog.windowTitle() == f"Administration cost of £625.58 for {BILLED}"
    page.presenter.close_form(page.presenter.editor)


def test_a_cost_line_just_added_is_the_one_chosen(demo_window, qtbot, prompts):
    page = reviews_page(demo_window, qtbot, TODAY)
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(1)
    assert page.costs.select_where(lambda line: line["category"] == "Administration")
    dialog = page.cost_line_dialog()
    qtbot.waitUntil(dialog.isVisible)
    type_into(qtbot, field(dialog, "Category"), "Legal")
    type_into(qtbot, field(dialog, "Amount"), "123")
    save(qtbot, dialog)
    settle(demo_window, qtbot)
    assert page.costs.current() is not None
    assert (page.costs.current()["category"], page.costs.current()["amount_pence"]) == ("Legal", 12300)


def test_a_spend_line_deleted_then_undone_is_chosen_again_not_its_neighbour(demo_window, qtbot, prompts):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    tab.pages.setCurrentIndex(2)
    settle(demo_window, qtbot)
    page = tab.funds
    page.select_table("Spend lines")
    lines = page.lines
    lines.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # the dearest first
    QApplication.processEvents()
    lines.view.selectRow(1)
    chosen = lines.current()
    prompts.answers.append(True)
    press(qtbot, lines.view, Qt.Key.Key_Delete)
    assert prompts.questions[-1][0] == "Delete spend line"
    settle(demo_window, qtbot)
    assert chosen["id"] not in [line["id"] for line in lines.source_rows()]
    neighbour = lines.current()["id"]  # the line in its place is chosen (Del goes on from there)
    demo_window.undo_action.trigger()
    settle(demo_window, qtbot)
    assert lines.current() is not None and lines.current()["id"] == chosen["id"] != neighbour


def test_payment_refusal_and_refund_go_to_the_share_chosen_and_undo_keeps_it(demo_window, qtbot, prompts):
    from tests.costs.test_reviews_buttons_in_view_round38rf2 import _overpaid_page

    page = _overpaid_page(demo_window, qtbot)  # Babergh's share chosen: it paid beyond its new share
    case = page.current_case().reference
    page.shares.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by what each paid
    QApplication.processEvents()
    assert page.shares.current().partner == "Babergh District Council" and page.refund_button.isEnabled()
    dialog = page.refund_dialog()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == f"Refund to Babergh District Council for {case}"
    save(qtbot, dialog)
    settle(demo_window, qtbot)
    assert page.shares.current().partner == "Babergh District Council" and not page.refund_button.isEnabled()
    demo_window.undo_action.trigger()
    settle(demo_window, qtbot)
    assert page.current_case().reference == case
    assert page.shares.current().partner == "Babergh District Council" and page.refund_button.isEnabled()

    owing = next(s for s in page.shares.source_rows() if s.status == "invoiced" and s.outstanding_pence > 0)
    assert page.shares.select_where(lambda s: s.id == owing.id)
    dialog = page.payment_dialog()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == f"Payment from {owing.partner} for {case}"
    save(qtbot, dialog)
    settle(demo_window, qtbot)
    paid = next(s for s in page.shares.source_rows() if s.id == owing.id)
    assert paid.outstanding_pence == 0 and page.shares.current().id == owing.id
    demo_window.undo_action.trigger()
    settle(demo_window, qtbot)
    assert page.shares.current().id == owing.id and page.shares.current().outstanding_pence == owing.outstanding_pence

    dialog = page.refuse_dialog()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle().startswith(f"Refused: {owing.partner}'s share of {case}")
    type_into(qtbot, field(dialog, "Reason"), "Not a partner to this review")
    save(qtbot, dialog)
    settle(demo_window, qtbot)
    assert page.shares.current().id == owing.id and page.shares.current().status == "refused"
    demo_window.undo_action.trigger()
    settle(demo_window, qtbot)
    assert page.shares.current().id == owing.id and page.shares.current().status == "invoiced"


def funds_page(window, qtbot):
    window.resize(1280, 800)
    window.show()
    tab = window.show_tab("costs")
    tab.pages.setCurrentIndex(2)
    settle(window, qtbot)
    page = tab.funds
    page._today = date(2019, 6, 1)  # within the pilot's period
    return page


def test_spend_line_with_every_referral_searched_away_puts_it_on_none_unasked(demo_window, qtbot, prompts):
    """3. A search that left no referral in view, then Spend line…: the form opened on the first referral of the fund
    (TH-2018-001), which the search hid and nobody chose, and Save put the spend on it. The Referral is left to
    choose, as a payment's partner is (Save says it is needed)."""
    page = funds_page(demo_window, qtbot)
    lines = len(page.lines.rows)
    qtbot.keyClicks(page.search, "no such referral")
    qtbot.waitUntil(lambda: page.referrals.source_rows() == [], timeout=5000)
    dialog = page.spend_dialog()
    qtbot.waitUntil(dialog.isVisible)
    referral = field(dialog, "Referral")
    assert referral.currentText() == ""
    type_into(qtbot, field(dialog, "Amount (blank: the usual price)"), "10")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "needed" in dialog.message_text()
    settle(demo_window, qtbot)
    assert len(page.lines.rows) == lines
    page.presenter.close_form(page.presenter.editor)


def test_the_spend_form_opens_on_no_referral_when_asked_to(demo_store):
    """The presenter, without a window: with no referral given, the fund's first (the command's and older callers'
    default), or none when the page says none is in view."""
    from safer_desk.presenters.funds import FundsPresenter

    fund = FundsPresenter(demo_store, today=lambda: date(2018, 7, 3))
    fund.reload()
    assert fund.spend_form().values["referral"] == "TH-2018-001"
    fund.close_form(fund.editor)
    assert fund.spend_form(first_when_none=False).values["referral"] == ""
    fund.close_form(fund.editor)
