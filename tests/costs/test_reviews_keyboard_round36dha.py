"""The Reviews page's inner tabs by keyboard, round 36 (dha): Stages, Costs, Shares and payments, Action plan and
Panel meetings each have an Alt key of their own (1 to 5: every letter of their words is taken on the page), clashing
with no menu, tab, button or field of the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.foundation.test_window_guard import clashes, mnemonic, visible_letters


def reviews_page(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
    tab.pages.setCurrentWidget(tab.reviews)
    return tab.reviews


def test_each_inner_tab_has_a_letter_of_its_own_on_the_page(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot)
    titles = [page.details.tabText(i) for i in range(page.details.count())]
    letters = [mnemonic(t) for t in titles]
    assert None not in letters, titles
    for i in range(page.details.count()):
        page.details.setCurrentIndex(i)
        QApplication.processEvents()
        assert clashes(demo_window) == [], sorted(visible_letters(demo_window))


def test_alt_and_the_letter_shows_the_inner_tab(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    for i in reversed(range(page.details.count())):
        key = getattr(Qt.Key, f"Key_{mnemonic(page.details.tabText(i)).upper()}")  # Alt+5 … Alt+1
        page.cases.view.setFocus()
        qtbot.keyClick(page.cases.view, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda i=i: page.details.currentIndex() == i, timeout=5000)
