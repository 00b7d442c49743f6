"""Edit > Undo (or Redo) of a payment while another review is shown chooses the share the payment was on.

Session 62: the review came back selected but no share was chosen, so Payment… (to record the payment again, on the
right partner) said to choose one first; the share the step was about is now chosen again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import field, type_into

BILLED, OTHER = "WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02"


def test_undo_and_redo_of_a_payment_on_another_review_choose_its_share(costs_tab, demo_window, qtbot):
    page = costs_tab.reviews
    store = page.store
    assert page.select_case(dhr.case_id_by_reference(store, BILLED))
    assert page.shares.select_where(lambda s: s.outstanding_pence > 0)
    share = page.shares.current()
    dialog = page.payment_dialog()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    type_into(qtbot, field(dialog, "Amount"), "10")
    qtbot.mouseClick(dialog.view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    stack = demo_window.session.undo_stack
    assert stack.undoText().startswith("£10 paid by")

    for step in (stack.undo, stack.redo):
        assert page.select_case(dhr.case_id_by_reference(store, OTHER))
        assert page.shares.current() is None
        step()
        assert page.current_case().reference == BILLED
        chosen = page.shares.current()
        assert chosen is not None and chosen.id == share.id, step
        assert page.details.currentWidget() is page.shares.view  # the share chosen is in view
    again = page.payment_dialog()  # recorded again on the right partner: Payment… opens for it
    assert again is not None and share.partner in again.windowTitle()
    again.reject()
