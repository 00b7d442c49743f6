"""Round 40 (akx): *Only overdue* (Costs > Reviews) had no Alt key.

Every letter of "Only overdue" is another control's on that page, and so is every letter of the controls holding
them (no re-lettering of the page frees one: with the menus, the tabs and the buttons only J, K, Q and Z are left).
The box now reads *Only marked overdue* (Alt+K): the cases the Status column marks ⚠ Overdue. Every key the guide
documents stays as it was.
Checked on each Costs page: each tab, button, check box and field label has a key, none repeated, none a menu's.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.costs.test_costs_keys_round39 import PAGES, costs_page
from tests.foundation.test_window_guard import clashes, visible_letters, without_key

LAPTOP = (1093, 582)


@pytest.mark.parametrize("index", range(3), ids=PAGES)
def test_every_tab_button_box_and_field_of_the_page_has_an_alt_key(demo_window, qtbot, index):
    costs_page(demo_window, qtbot, index, LAPTOP)
    assert without_key(demo_window) == []
    assert clashes(demo_window) == [], sorted(visible_letters(demo_window))


def test_alt_k_ticks_only_marked_overdue(demo_window, qtbot):
    _tab, page = costs_page(demo_window, qtbot, 0, LAPTOP)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    page.cases.view.setFocus()
    shown = len(page.cases.source_rows())
    qtbot.keyClick(page.cases.view, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.overdue_only.isChecked, timeout=5000)
    assert 0 < len(page.cases.source_rows()) < shown  # the demo file has reviews on track and overdue
