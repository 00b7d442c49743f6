"""Session 70: a billed review's Split… window opened with the keyboard on "Bill again with another split…" (its
fields and Save are greyed, so it was the first thing to take the focus, and Qt made it Enter's button): Enter,
pressed to leave a split only looked at, closed it and opened the grid to cancel the invoices not yet paid and bill
every partner again. Enter there now does nothing; Space or Alt+A still chooses Bill again, Esc closes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from safer_desk.services import dhr
from tests.costs.test_search_choice_round22 import reviews_page


def _billed_split(window, qtbot):
    page = reviews_page(window, qtbot, date(2018, 9, 1))
    assert page.select_case(dhr.case_id_by_reference(page.store, "WSCSP-DHR-2017-01"))
    billed = page.split_dialog()
    qtbot.waitUntil(billed.isVisible)
    billed.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is billed)
    return page, billed


def test_enter_in_a_billed_split_bills_nothing_again(demo_window, qtbot, prompts):
    page, billed = _billed_split(demo_window, qtbot)
    assert not billed.save_button.isEnabled()
    focus = QApplication.focusWidget()
    assert focus is not None and focus.window() is billed
    QTest.keyClick(focus, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert page.dialog is billed and billed.isVisible()  # no grid to bill again opened in its place
    QTest.keyClick(billed.bill_again_button, Qt.Key.Key_Space)  # chosen on purpose, it still opens
    qtbot.waitUntil(lambda: page.dialog is not billed and page.dialog.isVisible(), timeout=5000)
    page.dialog.reject()
