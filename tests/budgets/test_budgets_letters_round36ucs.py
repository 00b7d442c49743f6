"""Budgets, round 36 (ucs): the page's Alt letters.

Add year… and Remove year… had none ("every letter taken"). The menus (F, E, V, H) and the tabs (P, A, C, I, B)
leave twelve letters that the page's words hold (L N S W R M D T G Y O K), for ten buttons and five fields' labels:
three go without. They are now the three whose work is reached another way: Add section and Add line (Enter in their
field, whose label has the letter: Alt+T, Alt+L) and Read as splits (shown only for cells an older version saved).
Every field and every other button has its own letter, none twice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.foundation.test_window_guard import clashes, mnemonic

# Reached without an Alt letter of their own: Enter in the Section (Alt+T) and Line (Alt+L) fields; shown for old files.
WITHOUT = {"Add section", "Add line", "Read as splits"}


def test_every_button_and_field_of_the_page_has_its_own_alt_letter(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    buttons = [tab.new_plan_button, tab.rename_plan_button, tab.delete_plan_button, tab.settings_button,
               tab.add_year_button, tab.remove_year_button, tab.add_section_button, tab.add_line_button,
               tab.link_line_button, tab.read_splits_button]
    missing = [b.text() for b in buttons if mnemonic(b.text()) is None and b.text().replace("&", "") not in WITHOUT]
    assert missing == []
    fields = {tab.plan_list, tab.plan_name, tab.plan_years, tab.section_name, tab.line_label}
    labelled = {label.buddy() for label in tab.findChildren(QLabel) if label.buddy() is not None
                and mnemonic(label.text())}
    assert fields <= labelled, [f.accessibleName() for f in fields - labelled]
    assert clashes(demo_window) == []


def test_alt_y_adds_a_year_and_alt_o_removes_the_chosen_cells_year(demo_window, qtbot, prompts):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    demo_window.activateWindow()
    years = list(tab.presenter.columns)
    tab.view.setCurrentIndex(tab.model.index(1, tab.model.year_columns[-1]))
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    prompts.texts.append(None)  # Add year…: asked for the heading, then Cancel
    qtbot.keyClick(tab.view, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: prompts.texts == [])  # a button's Alt letter clicks it on the next turns of the loop
    assert tab.presenter.columns == years
    prompts.answers.append(True)  # Remove year…: asked (it holds figures), then removed
    qtbot.keyClick(tab.view, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.presenter.columns == years[:-1])
    # Alt+T and Alt+L: into the new section's name and the new line's label, where Enter adds them.
    qtbot.keyClick(tab.view, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert tab.line_label.hasFocus()
    qtbot.keyClick(tab.line_label, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert tab.section_name.hasFocus()
