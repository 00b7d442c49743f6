"""Round 39 (cux): every button and menu entry of the Costs pages by its Alt key.

1. Refund… (Costs > Reviews) had no Alt key, unlike its neighbours: every letter of "Refund" was another control's
   (R the Reviews page's tab, E the Edit menu, F the File menu, U the Pooled funds tab, N New case…, D Refused…). It
   reads *Refund excess…* (Alt+X): what it gives back is what the partner paid beyond its share.
2. The entries of the two More menus had no letters: with a menu open, a letter did nothing. Each has one of its own
   within its menu.
Checked on each of the three pages (Reviews, Ledger, Pooled funds), not only the one the bug was seen on.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.foundation.test_window_guard import clashes, mnemonic, page_in_view, visible_letters

TODAY = date(2026, 12, 1)
BABERGH = "org:babergh-district-council"
PAGES = ["reviews", "ledger", "funds"]


def costs_page(window, qtbot, index: int, size: tuple[int, int] = (1280, 800)):
    """The Costs tab with page index in view (``page_in_view``): the tab and the page."""
    tab = page_in_view(window, qtbot, "costs", index, size)
    return tab, (tab.reviews, tab.ledger, tab.funds)[index]


@pytest.mark.parametrize("index", range(3), ids=PAGES)
def test_every_button_on_the_page_has_an_alt_key_of_its_own_in_the_window(demo_window, qtbot, index):
    tab, page = costs_page(demo_window, qtbot, index)
    buttons = [b for b in page.findChildren(QPushButton) if b.isVisibleTo(page) and b.window() is demo_window]
    assert buttons
    assert [b.text() for b in buttons if mnemonic(b.text()) is None] == []
    assert clashes(demo_window) == [], sorted(visible_letters(demo_window))


@pytest.mark.parametrize("index", [0, 2], ids=["reviews", "funds"])
def test_every_entry_of_the_more_menu_has_a_letter_of_its_own_in_the_menu(demo_window, qtbot, index):
    tab, _page = costs_page(demo_window, qtbot, index)
    menu = (tab.reviews if index == 0 else tab.funds).more_menu
    entries = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert [t for t in entries if mnemonic(t) is None] == []
    letters = [mnemonic(t) for t in entries]
    assert sorted({x for x in letters if letters.count(x) > 1}) == [], entries


def test_alt_x_opens_refund_excess_on_the_partner_that_paid_beyond_its_share(demo_window, qtbot):
    """By keyboard, as an officer: the overpaid partner's share chosen, Alt+X, the refund form for that partner."""
    from tests.costs.test_reviews_buttons_in_view_round38rf2 import _overpaid_page

    page = _overpaid_page(demo_window, qtbot)
    assert page.refund_button.isEnabled() and page.refund_button.text().replace("&", "") == "Refund excess…"
    page.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window(), timeout=5000)
    page.shares.view.setFocus()
    qtbot.keyClick(page.shares.view, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    assert page.dialog.windowTitle().startswith("Refund to Babergh District Council for ")
    page.presenter.close_form(page.presenter.editor)


def test_the_more_menu_entry_is_reached_by_its_letter(demo_window, qtbot, prompts):
    """More (Alt+M), then the entry's letter: Delete case asks about the chosen review."""
    from tests.costs.test_search_choice_round22 import reviews_page

    page = reviews_page(demo_window, qtbot, TODAY)
    page.cases.select_where(lambda c: c.reference == "WSCSP-DHR-2017-02")
    entry = page.more_actions["delete_case"]
    prompts.answers.append(False)
    page.more.click()
    qtbot.waitUntil(page.more_menu.isVisible, timeout=5000)
    key = getattr(Qt.Key, f"Key_{mnemonic(entry.text()).upper()}")
    qtbot.keyClick(page.more_menu, key)
    qtbot.waitUntil(lambda: bool(prompts.questions), timeout=5000)
    assert prompts.questions[-1][0] == "Delete case" and "WSCSP-DHR-2017-02" in prompts.questions[-1][1]
