"""Session 62 (keys2): Ctrl+V on a review's Shares and payments table did nothing and said nothing: the window's
Ctrl+V never reaches a table (Qt measures it against the Edit menu it is on), and the paste is only under More >
Paste payments from Excel…. The table's Ctrl+V now does what that entry does: the payments copied from Excel shown
row by row, nothing recorded until Record is answered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from safer_desk.services import dhr
from tests.costs.test_dhr_round34dhr import BILLED, TODAY, finance_report, paid_total
from tests.costs.test_search_choice_round22 import reviews_page

CTRL = Qt.KeyboardModifier.ControlModifier


def _shares(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentWidget(page.shares.view)
    view = page.shares.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return page, view


def test_ctrl_v_on_the_shares_asks_about_the_payments_and_records_them_on_record(demo_window, qtbot, prompts):
    page, view = _shares(demo_window, qtbot)
    before = paid_total(page.store)
    QGuiApplication.clipboard().setText(finance_report(page.store))
    prompts.answers.append(True)
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert prompts.questions[-1][0] == "Paste payments" and "Record 3 payments" in prompts.questions[-1][1]
    qtbot.waitUntil(lambda: paid_total(page.store) == before + 156828)
    assert demo_window.session.undo_stack.undoText() == f"3 payments pasted for {BILLED}"


def test_ctrl_v_on_the_shares_records_nothing_unless_record_is_answered(demo_window, qtbot, prompts):
    page, view = _shares(demo_window, qtbot)
    before = paid_total(page.store)
    QGuiApplication.clipboard().setText(finance_report(page.store))
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)  # the question answered Cancel
    assert prompts.questions[-1][0] == "Paste payments"
    assert paid_total(page.store) == before
    QGuiApplication.clipboard().setText("Invoice\tPaid\tAmount\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert prompts.errors[-1][0] == "Not done" and "No payments to record" in prompts.errors[-1][1]


def test_edit_paste_on_the_shares_asks_about_the_payments_too(demo_window, qtbot, prompts):
    """Edit > Paste clicked in the menu (the window asks the widget in focus) did nothing there either, unsaid."""
    page, view = _shares(demo_window, qtbot)
    QGuiApplication.clipboard().setText(finance_report(page.store))
    demo_window.paste_action.trigger()
    assert prompts.questions[-1][0] == "Paste payments" and "Record 3 payments" in prompts.questions[-1][1]
