"""Round 41 (kbu): the Allocation buttons by their Alt keys, and a control reached by its key scrolled into view.

1. Nine buttons had no Alt key: Open, Delete and Export… in the scenario bar, Add Partnership, Remove Partnership
   and Paste under the inputs, = Sum beside Last year, Add Factor and Remove Factor. With the menus, the main tabs,
   the scenario bar, the options and the pages on screen, the letters left are J, Q and Z, none in their words, and
   the digits 5 to 0 (1 to 4 are the pages): each button shows its key after its words ("Open (5)"), its name for a
   screen reader unchanged. The factors' two say "Add (J)" and "Remove (Z)": "Remove Factor (Z)" widened the options
   and put the inputs' Last year column out of view at 1093x582.
2. Scrolling a control reached by its Alt key into view was Allocation's own (round 40); the window's tab area does it
   for every tab now (kbu's patch to main_window.py), and Allocation's copy goes (kbu's allocation patch, after it).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from safer_desk.services import allocation_workbench as bench
from tests.allocation.test_allocation_keys_round40akx import PAGES, allocation_page
from tests.foundation.test_window_guard import clashes, visible_letters, without_key

ALT = Qt.KeyboardModifier.AltModifier
SHOWN = {"Open": "Open (Alt+&5)", "Delete": "Delete (Alt+&6)", "Export": "Export… (Alt+&7)",
         "Add Partnership": "Add Partnership (Alt+&8)", "Remove Partnership": "Remove Partnership (Alt+&9)",
         "Paste": "Paste (Alt+&0)", "= Sum": "= Sum (&Q)",
         "Add Factor": "Add (&J)", "Remove Factor": "Remove (&Z)"}  # under the factors' table: room for the inputs


@pytest.mark.parametrize("index", range(4), ids=PAGES)
def test_every_button_has_an_alt_key_no_other_control_on_the_page_has(demo_window, qtbot, index):
    allocation_page(demo_window, qtbot, index)
    assert [w for w in without_key(demo_window) if w.startswith("QPushButton")] == []
    assert clashes(demo_window) == [], sorted(visible_letters(demo_window))


def test_each_button_shows_its_key_after_its_words_and_keeps_its_name(demo_window, qtbot):
    tab = allocation_page(demo_window, qtbot, 0)
    assert {b.accessibleName(): b.text() for b in tab.findChildren(QPushButton) if b.accessibleName() in SHOWN} == SHOWN


def active(demo_window, qtbot):
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)


def test_alt_8_adds_a_partnership_alt_j_a_factor_and_alt_q_puts_the_sum_in_last_year(demo_window, qtbot):
    tab = allocation_page(demo_window, qtbot, 0)
    active(demo_window, qtbot)
    rows, factors = tab.inputs_model.rowCount(), tab.factors_table.rowCount()
    tab.inputs_view.setFocus()
    qtbot.keyClick(tab.inputs_view, Qt.Key.Key_8, ALT)  # a button's key presses it as a click would, a moment later
    qtbot.waitUntil(lambda: tab.inputs_model.rowCount() == rows + 1, timeout=5000)
    tab.inputs_view.setFocus()
    qtbot.keyClick(tab.inputs_view, Qt.Key.Key_J, ALT)
    qtbot.waitUntil(lambda: tab.factors_table.rowCount() == factors + 1, timeout=5000)
    last_year = tab.option_edits["previous_total"]
    tab.edit_option("previous_total", "")
    assert last_year.text() == ""
    tab.inputs_view.setFocus()
    qtbot.keyClick(tab.inputs_view, Qt.Key.Key_Q, ALT)
    qtbot.waitUntil(lambda: last_year.text() != "", timeout=5000)
    assert bench.field_text(tab.state.options, "previous_total") == last_year.text()


def in_view(area, widget) -> bool:
    viewport = area.viewport()
    return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))


def shown_at_800(demo_window, qtbot, key):
    demo_window.resize(800, 420)  # the least window: a 1366x768 laptop at 150%, maximised
    demo_window.show()
    active(demo_window, qtbot)
    tab = demo_window.show_tab(key)
    qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
    QApplication.processEvents()
    return tab


def buddy_of(tab, text):
    return next(label.buddy() for label in tab.findChildren(QLabel) if label.text() == text and label.isVisible())


def test_a_field_reached_by_its_alt_key_is_scrolled_into_view(demo_window, qtbot):
    """At 800x420 Allocation scrolls sideways, and its options sat off its right edge. (Costs, which this test used,
    no longer scrolls there: session 76's rows that wrap.)"""
    tab = shown_at_800(demo_window, qtbot, "allocation")
    area = demo_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() > 0, timeout=5000)
    field = buddy_of(tab, "Retai&ned %:")
    assert not in_view(area, field)
    qtbot.keyClick(QApplication.focusWidget() or tab, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(field.hasFocus, timeout=5000)
    assert in_view(area, field)


def test_a_project_field_reached_by_its_alt_key_is_scrolled_into_view_in_the_form(demo_window, qtbot):
    """The project's form scrolls inside the tab: Lead organisation was below its view, typed into unseen."""
    tab = shown_at_800(demo_window, qtbot, "projects")
    form = tab.register.editor.scroll
    field = buddy_of(tab, "&Lead organisation:")
    assert not in_view(form, field)
    qtbot.keyClick(QApplication.focusWidget() or tab, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(field.hasFocus, timeout=5000)
    assert in_view(form, field)


def test_a_click_does_not_scroll_the_tab(demo_window, qtbot):
    """Not on a click: the page must not jump under the pointer (a field half in view, clicked)."""
    tab = shown_at_800(demo_window, qtbot, "allocation")
    area = demo_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() > 0, timeout=5000)
    field = buddy_of(tab, "Retai&ned %:")
    bar = area.horizontalScrollBar()
    left = field.mapTo(area.widget(), QPoint(0, 0)).x()
    bar.setValue(left - area.viewport().width() + field.width() // 3)  # its left third in view, the rest not
    scrolled = bar.value()
    where = field.mapTo(area.viewport(), QPoint(0, 0))
    assert 0 <= where.x() < area.viewport().width() < where.x() + field.width()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(2, field.height() // 2))
    assert field.hasFocus() and bar.value() == scrolled
