"""Round 40 (akx): every Allocation page by its Alt keys, on a council laptop.

1. The Redistribute page, the Unit box and the Last year field had no Alt key, and no letter of theirs was free: the
   menus, the main tabs, the scenario bar and the options spend all 26. The pages now go by Alt+1 … Alt+4, as the
   Costs tab's tables do; R is Rounding, U Unit, L Last year, and O each page's first field (Compare, Not committed,
   Saved top-slices).
Checked on every page, from the widgets themselves: each page tab, check box, the first radio button of a group (the
arrows choose within it), each field label of the options and the scenario bar, and the first of each page's own
fields has a key, no two alike on the page and none a menu's. The page's other fields follow their first in Tab
order (``test_allocation_keyboard_round40akx``): with the options on screen there is no letter left for them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QRadioButton, QTabBar

from tests.foundation.test_window_guard import clashes, mnemonic, page_in_view, visible_letters

PAGES = ["results", "compare", "redistribute", "top-slice"]


def allocation_page(window, qtbot, index: int):
    return page_in_view(window, qtbot, "allocation", index)


def missing_keys(window, tab) -> list[str]:
    """What on the page in view should have an Alt key and has none."""
    shown = [w for w in window.findChildren(QLabel) + window.findChildren(QCheckBox) + window.findChildren(QRadioButton)
             if w.isVisible() and w.window() is window]
    missing = [f"tab {bar.tabText(i)}" for bar in window.findChildren(QTabBar) if bar.isVisible()
               for i in range(bar.count()) if mnemonic(bar.tabText(i)) is None]
    page = tab.pages.currentWidget()
    own_fields = []
    for w in shown:
        if isinstance(w, QLabel):
            if w.buddy() is None:
                continue
            if page.isAncestorOf(w.buddy()):
                own_fields.append(w)
                continue
        if isinstance(w, QRadioButton) and w.group() is not None and w.group().buttons()[0] is not w:
            continue
        if mnemonic(w.text()) is None:
            missing.append(f"{type(w).__name__} {w.text()}")
    if own_fields:
        first = min(own_fields, key=lambda w: (w.buddy().mapTo(page, w.buddy().rect().topLeft()).y(),
                                                 w.buddy().mapTo(page, w.buddy().rect().topLeft()).x()))
        if mnemonic(first.text()) is None:
            missing.append(f"first field of the page {first.text()}")
    return missing


@pytest.mark.parametrize("index", range(4), ids=PAGES)
def test_every_page_tab_field_and_box_has_an_alt_key_of_its_own(demo_window, qtbot, index):
    tab = allocation_page(demo_window, qtbot, index)
    assert missing_keys(demo_window, tab) == []
    assert clashes(demo_window) == [], sorted(visible_letters(demo_window))


@pytest.mark.parametrize(("key", "field"), [(Qt.Key.Key_U, "unit_combo"), (Qt.Key.Key_L, "previous_total"),
                                            (Qt.Key.Key_R, "rounding_combo")])
def test_alt_key_goes_to_its_field(demo_window, qtbot, key, field):
    tab = allocation_page(demo_window, qtbot, 0)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    tab.inputs_view.setFocus()
    qtbot.keyClick(tab.inputs_view, key, Qt.KeyboardModifier.AltModifier)
    target = tab.option_edits.get(field) or getattr(tab, field)
    qtbot.waitUntil(target.hasFocus, timeout=5000)


def test_alt_3_shows_redistribute_and_alt_o_its_amount(demo_window, qtbot):
    tab = allocation_page(demo_window, qtbot, 0)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    tab.inputs_view.setFocus()
    qtbot.keyClick(tab.inputs_view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == 2, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(tab.redistribute_amount.hasFocus, timeout=5000)
