"""Shares and payments: Enter or a double-click on a partner's share did nothing (session 45), while every other
table on the page opens its row. What is done to a share most is recording its payment: Enter opens Payment… for the
share chosen (never another partner's); a share with nothing outstanding says so and what to use instead."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.services import dhr
from tests.costs.test_costs_gui import BILLED, tab  # noqa: F401 (the Costs tab fixture)


def _shares_page(tab, outstanding: bool):  # noqa: F811
    page = tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: (s.outstanding_pence > 0) == outstanding)
    page.shares.view.setFocus()
    return page, page.shares.current()


def test_enter_on_a_share_with_money_owed_opens_its_payment(tab, qtbot):  # noqa: F811
    page, share = _shares_page(tab, outstanding=True)
    qtbot.keyClick(page.shares.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    assert page.dialog.windowTitle() == f"Payment from {share.partner} for {BILLED}"
    page.dialog.reject()


def test_enter_on_a_share_paid_in_full_says_what_to_use(tab, qtbot, prompts):  # noqa: F811
    page, share = _shares_page(tab, outstanding=False)
    shown_before = page.dialog
    qtbot.keyClick(page.shares.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(prompts.infos), timeout=5000)
    title, text = prompts.infos[-1]
    assert title == "Nothing outstanding"
    assert text.startswith(f"Nothing is outstanding on {share.partner}'s share of {BILLED}")
    assert "More > Delete a payment…" in text
    assert page.dialog is shown_before or not page.dialog.isVisible()
