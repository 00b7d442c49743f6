"""S73 (funds7): Edit > Find on a Pooled funds table the search does not choose rows of.

With *Per month* shown (its search box greyed: the search chooses rows of Referrals and Spend lines only), Ctrl+F
said "This page has no search box." in the status bar, though the box stands there above the table, greyed; the
officer was told nothing of why, nor how to search. It now says the search finds referrals and spend lines, and puts
the keyboard on the list of the fund's tables, from which Referrals or Spend lines is one arrow key away; on
Referrals and Spend lines Ctrl+F goes to the search box as before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.costs.test_fund_page_months_named_s64 import _funds_page


def test_find_on_a_whole_fund_table_says_what_the_search_finds(demo_window, qtbot):
    demo_window.show()
    page = _funds_page(demo_window, qtbot)
    page.select_table("Per month")
    assert not page.search.isEnabled()
    qtbot.keyClick(demo_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    said = demo_window.statusBar().currentMessage()
    assert "no search box" not in said
    assert said.startswith("The search finds referrals and spend lines only: choose Referrals or Spend lines")
    assert page.table_list.hasFocus()
    qtbot.keyClick(page.table_list, Qt.Key.Key_Home)
    assert page.stack.currentWidget() is page.referrals.view and page.search.isEnabled()
    qtbot.keyClick(demo_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()


def test_find_on_referrals_goes_to_the_search_box(demo_window, qtbot):
    demo_window.show()
    page = _funds_page(demo_window, qtbot)
    page.select_table("Spend lines")
    assert demo_window.focus_search() and page.search.hasFocus()
