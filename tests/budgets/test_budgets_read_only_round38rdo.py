"""Round 38 (rdo): the Budgets grid of a file open read-only says why a double-click (or F2, or a figure typed) opens
no cell; at 1093x582 the hint under the grid is one line, the rest behind its "?", so more of the plan shows.

A double-click on a figure of a file open read-only (another copy open, or a county file opened to read) did nothing
without a word, where Enter, Del and Ctrl+V said why. The hint under the grid took four lines at a laptop's size,
leaving the grid about eleven rows of the East Sussex MTFP.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.window_sizes import resize_window, rows_in_view, widget_in_window

SAID = "was not done, as nothing in it can be changed (the title bar says read-only)."
MTFP = "East Sussex Community Safety MTFP"


def _tab(window, path, *, read_only: bool):
    assert window.open_path(path, read_only=read_only)
    tab = window.show_tab("budgets")
    resize_window(window, (1093, 582))
    plan = next(i for i in range(tab.plan_list.count()) if tab.plan_list.item(i).text().startswith(MTFP))
    tab.plan_list.setCurrentRow(plan)
    return tab


def _employees(tab, column: int):
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label == "Employees")
    return tab.model.index(row, column)


def _double_click(qtbot, view, index) -> None:
    view.scrollTo(index)
    point = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_a_double_click_on_a_figure_says_why_no_cell_opens(window, demo_path, qtbot):
    tab = _tab(window, demo_path, read_only=True)
    index = _employees(tab, tab.model.year_columns[0])
    _double_click(qtbot, tab.view, index)
    assert tab.message.isVisible()
    assert tab.message.text() == f"The file is open read-only: “Type in Employees, 2011/12” {SAID}"
    assert tab.view.state() != tab.view.State.EditingState


def test_a_double_click_on_a_name_and_f2_and_a_figure_typed_say_it_too(window, demo_path, qtbot):
    tab = _tab(window, demo_path, read_only=True)
    _double_click(qtbot, tab.view, _employees(tab, 0))
    assert tab.message.text() == f"The file is open read-only: “Rename Employees” {SAID}"
    tab.view.setCurrentIndex(_employees(tab, tab.model.year_columns[1]))
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    assert tab.message.text() == f"The file is open read-only: “Type in Employees, 2012/13” {SAID}"
    tab.view.setCurrentIndex(_employees(tab, tab.model.year_columns[0]))
    qtbot.keyClick(tab.view, Qt.Key.Key_5)
    assert tab.message.text() == f"The file is open read-only: “Type in Employees, 2011/12” {SAID}"


def test_a_cell_never_typed_in_says_nothing(window, demo_path, qtbot):
    # A section's heading row has no figure to type, in a file that can be changed either: nothing to say.
    tab = _tab(window, demo_path, read_only=True)
    section = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "section")
    _double_click(qtbot, tab.view, tab.model.index(section, tab.model.year_columns[0]))
    assert not tab.message.isVisible()


def test_a_double_click_still_opens_the_cell_in_a_file_that_can_be_changed(window, demo_path, qtbot):
    tab = _tab(window, demo_path, read_only=False)
    _double_click(qtbot, tab.view, _employees(tab, tab.model.year_columns[0]))
    qtbot.waitUntil(lambda: tab.view.state() == tab.view.State.EditingState, timeout=3000)
    assert not tab.message.isVisible()


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_at_1093x582_the_hint_is_one_line_and_the_grid_shows_more_rows(window, demo_path, qtbot, read_only):
    tab = _tab(window, demo_path, read_only=read_only)
    assert tab.hint.isVisible() and tab.hint.height() <= 2 * tab.hint.fontMetrics().lineSpacing()
    assert rows_in_view(tab.view) >= 14  # 12 with the hint's four lines
    assert widget_in_window(tab.hint_button, window) and widget_in_window(tab.add_line_button, window)


def test_the_whole_hint_is_behind_its_question_mark(window, demo_path, qtbot):
    tab = _tab(window, demo_path, read_only=False)
    assert not tab.full_hint.isVisible()
    for said in ("double-click a cell", "Del empties a cell", "Ctrl+V pastes"):
        assert said in tab.hint.text()
    qtbot.mouseClick(tab.hint_button, Qt.MouseButton.LeftButton)
    assert tab.full_hint.isVisible()
    every = tab.full_hint.text()
    for instruction in ("£4,000 (£2,000 per District), TBC, N/K or nil",
                        "over a subtotal or total, the figure the paper printed", "in a Change to cell",
                        "over a line's or section's name, its name",
                        "on a name deletes the line or section", "on a line's name, rows with their names",
                        "Right-click a section's name for its kind, a line's to move it to another section"):
        assert instruction in every
    assert tab.hint_button.toolTip() == every
    qtbot.mouseClick(tab.hint_button, Qt.MouseButton.LeftButton)
    assert not tab.full_hint.isVisible()
