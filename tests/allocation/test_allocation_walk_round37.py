"""Allocation, round 37 (alb): the tab used as a county lead would, at a laptop's size.

1. The tests' own helpers: ``edit_cell`` and ``type_in_cell`` found the cell's editor as the only line edit in the
   view, and a second call (the editor just closed not yet deleted) found two and failed. They take the cell's own
   editor (``indexWidget``): two cells typed one after the other both go in.
2. A count refused named the factor's key ("basis", "factor2"), not the column's heading.
3. Enter in an inputs cell left the same cell chosen: figures typed down the column went one over another.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from tests.allocation.test_tab import edit_cell
from tests.allocation.test_tab_round23 import type_in_cell
from tests.window_sizes import resize_window


def crimes(tab) -> list[Fraction]:
    """The first two partnerships' crime counts (the BCS comparator basis) held as the working inputs."""
    return [p.values["basis"] for p in tab.state.partnerships[:2]]


def test_two_cells_typed_one_after_the_other_both_go_in(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    edit_cell(qtbot, tab, 0, 2, "5000")
    edit_cell(qtbot, tab, 1, 2, "6000")
    assert crimes(tab) == [5000, 6000]
    view = tab.inputs_view
    type_in_cell(qtbot, view, tab.inputs_model.index(0, 2), "5100")
    type_in_cell(qtbot, view, tab.inputs_model.index(1, 2), "6100")  # choosing it put the first one in
    assert tab.save_changes()  # what is still typed goes in, as Ctrl+S puts it in
    assert crimes(tab) == [5100, 6100]


def test_a_refused_count_names_the_column_it_was_typed_in(qtbot, demo_window, prompts):
    """2. "-5" (or nothing) typed in the crime counts' column was refused as "Row 1 (Babergh CSP), basis: …": the
    factor's key in the file, a word the table shows nowhere (a factor added and renamed Population said "factor2").
    The refusal names the column as its heading says it."""
    tab = demo_window.show_tab("allocation")
    edit_cell(qtbot, tab, 0, 2, "-5")
    assert prompts.errors[-1][1].startswith("Row 1 (Babergh CSP), BCS comparator offences 2007-08: “-5” is negative")
    tab.add_factor()
    tab.factors_table.item(1, 0).setText("Population")
    column = tab.inputs_model.columnCount() - 2  # Population, before Last year
    assert tab.inputs_model.headerData(column, Qt.Orientation.Horizontal) == "Population"
    edit_cell(qtbot, tab, 1, column, "1e3")
    assert prompts.errors[-1][1].startswith("Row 2 (Ipswich CSP), Population: “1e3” is not a number")
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(2, column))
    QGuiApplication.clipboard().setText("12,000\n")
    tab.inputs_view.paste_rows()
    QGuiApplication.clipboard().setText("\n")  # an empty cell pasted over a count
    tab.inputs_view.paste_rows()
    assert "Population: the cell is empty" in prompts.errors[-1][1] and "factor" not in prompts.errors[-1][1]


def test_enter_in_a_cell_goes_down_the_column_as_in_excel(qtbot, demo_window, prompts):
    """3. Typing last year's crime counts down the column as in Excel (2442 Enter 7937 Enter …): Enter put the
    figure in and left the same cell chosen, so the next figure typed went over it (Babergh's count replaced by
    Ipswich's, Ipswich's never typed). Enter now goes to the cell below, as in Excel and the Budgets grid."""
    tab = demo_window.show_tab("allocation")
    resize_window(demo_window, (1093, 582))
    demo_window.activateWindow()
    assert QTest.qWaitForWindowActive(demo_window)
    view = tab.inputs_view
    view.setCurrentIndex(tab.inputs_model.index(0, 2))
    view.setFocus()
    for figure in ("5000", "6000", "7000"):
        for key in figure:
            qtbot.keyClick(QApplication.focusWidget(), key)  # the first key opens the cell's editor
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert [p.values["basis"] for p in tab.state.partnerships[:3]] == [5000, 6000, 7000]
    assert (view.currentIndex().row(), view.currentIndex().column()) == (3, 2)
    demo_window.undo_action.trigger()  # one step each, the last typed undone first
    assert [p.values["basis"] for p in tab.state.partnerships[:3]] == [5000, 6000, 4857]

    def type_in(text: str) -> None:
        view.setFocus()
        for key in text:
            qtbot.keyClick(QApplication.focusWidget(), key)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    view.setCurrentIndex(tab.inputs_model.index(3, 2))
    type_in("-5")  # refused: the cell stays chosen, its editor open on what was typed, to be put right (session 54)
    assert "is negative" in prompts.errors[-1][1]
    assert (view.currentIndex().row(), view.currentIndex().column()) == (3, 2)
    assert view.indexWidget(view.currentIndex()).text() == "-5"
    view.indexWidget(view.currentIndex()).selectAll()
    for key in "3500":  # the editor open on Suffolk Coastal, then another row clicked: that row, not the one below it
        qtbot.keyClick(QApplication.focusWidget(), key)
    ipswich = view.visualRect(tab.inputs_model.index(1, 2)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=ipswich)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert tab.state.partnerships[3].values["basis"] == 3500
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 2)
