"""Budgets, round 37 (alb): Ctrl+Z then Ctrl+Y (or Ctrl+Shift+Z) after Add line chooses the line that came back.

Undo and Redo choose what they changed everywhere else in the grid (a figure, a pasted block, a deleted line's name);
a line added with Add line (Enter in the Line field), undone and redone, came back with the cell in view left where it
was: the officer could not see which line had come back, or where. The section added with Add section, and the year
added with Add year… (its first line's figure, as Remove year's undo chooses), likewise.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.window_sizes import resize_window

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NEW_LINE = "Youth diversion outreach"


def _tab(window, demo_path, qtbot):
    assert window.open_path(demo_path)
    tab = window.show_tab("budgets")
    resize_window(window, (1093, 582))  # a laptop at 125%: the grid shows a few rows, the new line below them
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)  # the window's Undo and Redo shortcuts reach the active window
    for i in range(tab.plan_list.count()):
        if "Western Suffolk" in tab.plan_list.item(i).text():
            tab.plan_list.setCurrentRow(i)
    return tab


def _labels(tab) -> list[str]:
    return [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]


def _in_view(tab) -> bool:
    """The chosen cell is on screen in the grid (scrolled to), and highlighted."""
    at = tab.view.currentIndex()
    return (tab.view.viewport().rect().contains(tab.view.visualRect(at).center())
            and tab.view.selectionModel().isSelected(at))


@pytest.mark.parametrize("redo", [(Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)], ids=["Ctrl+Y", "Ctrl+Shift+Z"])
def test_redo_of_add_line_chooses_the_new_line(demo_path, window, qtbot, redo):
    tab = _tab(window, demo_path, qtbot)
    first_line = next(r for r in range(tab.model.rowCount()) if tab.presenter.rows[r].kind == "line")
    tab.view.setCurrentIndex(tab.model.index(first_line, tab.model.year_columns[0]))
    tab.line_label.setFocus()
    qtbot.keyClicks(tab.line_label, NEW_LINE)
    qtbot.keyClick(tab.line_label, Qt.Key.Key_Return)
    assert NEW_LINE in _labels(tab), tab.message.text()
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, CTRL)
    assert NEW_LINE not in _labels(tab)
    tab.view.setCurrentIndex(tab.model.index(0, 0))  # the officer looks elsewhere, then redoes
    qtbot.keyClick(tab.view, *redo)
    assert NEW_LINE in _labels(tab)
    at = tab.view.currentIndex()
    assert tab.model.index(at.row(), 0).data() == NEW_LINE and at.column() == 0
    assert _in_view(tab)


def test_redo_of_add_section_chooses_the_new_section(demo_path, window, qtbot):
    tab = _tab(window, demo_path, qtbot)
    qtbot.keyClicks(tab.section_name, "Capital items")
    qtbot.keyClick(tab.section_name, Qt.Key.Key_Return)
    assert "Capital items" in _labels(tab), tab.message.text()
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, CTRL)
    assert "Capital items" not in _labels(tab)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Y, CTRL)
    at = tab.view.currentIndex()
    assert tab.model.index(at.row(), 0).data() == "Capital items" and at.column() == 0
    assert _in_view(tab)


def test_redo_of_add_year_chooses_the_new_years_first_figure(demo_path, window, qtbot, prompts):
    tab = _tab(window, demo_path, qtbot)
    prompts.texts.append("2020/21")
    tab.add_year_button.click()
    years = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in tab.model.year_columns]
    assert years[-1] == "2020/21", tab.message.text()
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, CTRL)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Y, CTRL)
    at = tab.view.currentIndex()
    first_line = next(r for r in range(tab.model.rowCount()) if tab.presenter.rows[r].kind == "line")
    assert (at.row(), tab.model.headerData(at.column(), Qt.Orientation.Horizontal)) == (first_line, "2020/21")
    assert _in_view(tab)
