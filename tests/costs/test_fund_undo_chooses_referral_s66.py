"""Edit > Undo (or Redo) of a spend line while another referral is chosen chooses the referral the step changed.

Session 66: a Door chain added for TH-2018-001, then TH-2018-015 chosen and Edit > Undo pressed, took £10 off
TH-2018-001's spend out of sight (it may be scrolled away) while TH-2018-015 stayed chosen, so the officer could not
see what the undo did. As a review's payment undone on another review chooses its share (test_undo_chooses_share_s62),
the referral the step was on is now chosen and scrolled to: on the Referrals table, or on Spend lines one of its lines.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.costs.test_fund_page_months_named_s64 import _funds_page
from tests.costs.test_new_case_then_cost_line import field, type_into

TOUCHED, OTHER = "TH-2018-001", "TH-2018-015"


def _choose(page, reference: str) -> dict:
    row = next(r for r in page.referrals.source_rows() if r["reference"] == reference)
    assert page.referrals.choose_id(row["id"])
    return row


def _spent(page, reference: str) -> int:
    return next(r["spent_pence"] for r in page.referrals.source_rows() if r["reference"] == reference)


def _add_door_chain(page, qtbot, reference: str) -> None:
    _choose(page, reference)
    dialog = page.spend_dialog()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    type_into(qtbot, field(dialog, "Amount (blank: the usual price)"), "10")
    qtbot.mouseClick(dialog.view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)


def test_undo_and_redo_of_a_spend_line_on_another_referral_choose_its_referral(demo_window, qtbot):
    page = _funds_page(demo_window, qtbot)
    page.select_table("Referrals")
    before = _spent(page, TOUCHED)
    _add_door_chain(page, qtbot, TOUCHED)
    stack = demo_window.session.undo_stack
    assert stack.undoText().startswith(f"Add Door chain (£10) for {TOUCHED}")

    for step, spent in ((stack.undo, before), (stack.redo, before + 1000)):
        _choose(page, OTHER)
        step()
        qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
        assert _spent(page, TOUCHED) == spent
        chosen = page.referrals.current()
        assert chosen is not None and chosen["reference"] == TOUCHED, step  # what the step changed is shown
        assert page.stack.currentWidget() is page.referrals.view


def test_on_the_spend_lines_table_a_line_of_the_referral_is_chosen(demo_window, qtbot):
    page = _funds_page(demo_window, qtbot)
    _add_door_chain(page, qtbot, TOUCHED)
    page.select_table("Spend lines")
    other = next(r for r in page.lines.source_rows() if r["reference"] == OTHER)
    stack = demo_window.session.undo_stack
    for step in (stack.undo, stack.redo):
        assert page.lines.choose_id(other["id"])
        step()
        qtbot.waitUntil(lambda: not page.is_busy(), timeout=5000)
        line = page.lines.current()
        assert line is not None and line["reference"] == TOUCHED, step
        assert page.stack.currentWidget() is page.lines.view  # the table the officer was reading stays
