"""Allocation, round 36 (ucs): the tab used with the keyboard alone.

1. Remove Partnership left no cell chosen: the arrows started again from the top-left cell, and a second Remove did
   nothing. Now the row that takes its place is chosen (the one before, when the last is removed).
2. Esc in an option's field (Retained %, Damping …) left what was typed there: leaving the field then put it in.
   Esc now puts back the figure the option holds, as Esc does in the Reviews page's As at field.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("allocation")


def test_remove_partnership_chooses_the_row_in_its_place(qtbot, tab):
    names = [p.name for p in tab.state.partnerships]
    view = tab.inputs_view
    view.setCurrentIndex(tab.inputs_model.index(2, 1))
    tab.remove_partnerships()
    assert [p.name for p in tab.state.partnerships] == names[:2] + names[3:]
    at = view.currentIndex()
    assert (at.row(), at.column()) == (2, 1) and view.selectionModel().isSelected(at)
    view.setCurrentIndex(tab.inputs_model.index(len(names) - 2, 0))  # the last: the one before it
    tab.remove_partnerships()
    assert view.currentIndex().row() == len(names) - 3


def test_esc_in_an_option_field_puts_back_its_figure(qtbot, tab, demo_window):
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    retain = tab.option_edits["retain"]
    retain.setFocus()
    qtbot.waitUntil(retain.hasFocus)
    was, depth = retain.text(), tab.session.undo_stack.count()
    retain.selectAll()
    qtbot.keyClicks(retain, "15")
    qtbot.keyClick(retain, Qt.Key.Key_Escape)
    assert retain.text() == was
    tab.inputs_view.setFocus()  # leaving the field puts nothing in
    qtbot.waitUntil(tab.inputs_view.hasFocus)
    assert tab.session.undo_stack.count() == depth and retain.text() == was
    assert not tab.has_unsaved_changes()
