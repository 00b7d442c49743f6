"""Alt+1 … Alt+5 on Costs > Reviews put the page they show in focus (s68, keyboard only).

Session 68: on WSCSP-DHR-2017-01, Alt+3 showed Shares and payments but left the focus on the list of reviews, so the
next Down chose WSCSP-DHR-2017-02 (its shares replaced the ones just shown) and Enter opened Edit case… instead of
Payment… for a share. The page shown now takes the focus: Down moves down its rows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.services import dhr
from tests.costs.test_search_choice_round22 import reviews_page

BILLED = "WSCSP-DHR-2017-01"


def test_alt_3_puts_shares_and_payments_in_focus_and_down_moves_down_its_rows(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, date(2018, 9, 20))
    case_id = dhr.case_id_by_reference(page.store, BILLED)
    assert page.select_case(case_id)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.cases.view.setFocus()
    qtbot.keyClick(page.cases.view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert page.details.currentWidget() is page.shares.view
    assert QApplication.focusWidget() is page.shares.view
    qtbot.keyClick(page.shares.view, Qt.Key.Key_Down)
    assert page.presenter.selected == case_id  # still the review whose shares are shown
    assert page.shares.current() is not None and page.shares.current().case_reference == BILLED
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert page.details.currentWidget() is page.stages.view and QApplication.focusWidget() is page.stages.view
