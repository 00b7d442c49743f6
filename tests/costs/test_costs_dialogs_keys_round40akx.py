"""Round 40 (akx): the Costs dialogs by keyboard alone on a 1366x768 laptop at 150% (910x480).

1. New case… and Edit case…: none of the eight stage dates (Notified … Learning workshop) had an Alt key, unlike
   the form's other fields: an officer filling in a review's dates went through them by Tab alone. Each now has one
   of its own in the form (Alt+O Notified, Alt+T Decision date, Alt+H Home Office told, Alt+I Chair appointed, Alt+Q
   Report to the QA Panel, Alt+E QA Panel letter, Alt+U Published, Alt+W Learning workshop):
   /work/tmp/akx/dhr-case-date-keys.patch (presenters/dhr.py).
Each dialog a Costs page opens from its buttons, opened by the button's Alt key: every field and button has a key
of its own in the dialog (Cancel is Esc's), and Esc closes it. Then a cost line typed, saved with Enter and undone
with Ctrl+Z, keys only.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.services import dhr
from tests.foundation.test_window_guard import without_key
from tests.indicators.test_indicators_keys_round40akx import repeated_keys

DIALOGS = [pytest.param(0, Qt.Key.Key_N, "New domestic homicide review", id="new case"),
           pytest.param(0, Qt.Key.Key_T, "Edit case", id="edit case"),
           pytest.param(0, Qt.Key.Key_O, "Cost line for", id="cost line"),
           pytest.param(0, Qt.Key.Key_S, "Split the cost of", id="split"),
           pytest.param(0, Qt.Key.Key_G, "Bill the partners for", id="bill partners"),
           pytest.param(2, Qt.Key.Key_O, "Contribution to", id="contribution"),
           pytest.param(2, Qt.Key.Key_W, "Referral to", id="new referral"),
           pytest.param(2, Qt.Key.Key_D, "Spend line for", id="spend line")]


def costs_page(window, qtbot, index: int):
    window.resize(910, 480)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    tab = window.show_tab("costs")
    tab.pages.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    page = (tab.reviews, tab.ledger, tab.funds)[index]
    if index == 0:
        page.cases.view.setFocus()
        page.cases.view.selectRow(0)
    return page


def opened_by_key(qtbot, page, key):
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    return page.dialog


@pytest.mark.parametrize(("index", "key", "title"), DIALOGS)
def test_each_dialog_has_a_key_for_every_field_and_button_and_esc_closes_it(demo_window, qtbot, index, key, title):
    page = costs_page(demo_window, qtbot, index)
    dialog = opened_by_key(qtbot, page, key)
    assert dialog.windowTitle().startswith(title)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    missing = [p for p in without_key(dialog) if p != "QPushButton Cancel"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert missing == [] and repeated_keys(dialog) == []


def test_a_cost_line_typed_saved_and_undone_by_keys_alone(demo_window, qtbot):
    page = costs_page(demo_window, qtbot, 0)
    case = page.cases.current()
    before = dhr.case_cost_pence(page.store, case.id)
    dialog = opened_by_key(qtbot, page, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # A&mount
    qtbot.keyClicks(QApplication.focusWidget(), "1250.50")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dhr.case_cost_pence(page.store, case.id) == before + 125050
    demo_window.activateWindow()  # as the desktop does when a dialog closes (offscreen, nothing does)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dhr.case_cost_pence(page.store, case.id) == before
