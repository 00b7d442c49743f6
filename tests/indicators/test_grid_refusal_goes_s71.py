"""Session 71: a paste refused under the Indicators grid ("The clipboard is empty…", "Nothing was pasted: the Monthly
change row is worked out…") or keys typed on a cell worked out stayed said after the officer had moved on to another
cell, pressed Esc or clicked another cell, as the kit's tables no longer do. The words now go at the next key or
click on the grid; what the line said before them ("Not saved yet: … Save again to keep them.") is said again, and
Save again still keeps the figure queried."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.domain.periods import FinancialYear

HATE = "Police recorded hate crime"


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016)) and tab.select_indicator(HATE)
    return tab


def _refused_paste(qtbot, tab, key: str = "value", col: int = 8) -> None:
    grid = tab.grid
    grid.setFocus()
    grid.setCurrentCell(grid.keys.index(key), col)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "clipboard is empty" in tab.grid_messages.text(), tab.grid_messages.text()


@pytest.mark.parametrize("how", ["Down", "Esc", "click"])
def test_a_refused_paste_goes_when_the_officer_moves_on(qtbot, tab, how):
    _refused_paste(qtbot, tab)
    grid = tab.grid
    if how == "Down":
        qtbot.keyClick(grid, Qt.Key.Key_Down)
        assert grid.currentRow() == grid.keys.index("value") + 1
    elif how == "Esc":
        qtbot.keyClick(grid, Qt.Key.Key_Escape)
    else:
        other = grid.item(grid.keys.index("value"), 3)
        qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualItemRect(other).center())
        assert grid.currentItem() is other
    assert "clipboard is empty" not in tab.grid_messages.text()
    assert tab.grid_messages.isHidden()  # nothing else to say


def test_keys_typed_on_a_row_worked_out_are_said_until_the_officer_moves_on(qtbot, tab):
    grid = tab.grid
    grid.setFocus()
    grid.setCurrentCell(grid.keys.index("change"), 8)
    qtbot.keyClick(grid, Qt.Key.Key_4)
    assert "cannot be typed in" in tab.grid_messages.text()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert "cannot be typed in" not in tab.grid_messages.text()


def test_the_refusal_stays_while_nothing_else_is_done_and_a_paste_again_says_it_again(qtbot, tab):
    _refused_paste(qtbot, tab)
    qtbot.mouseMove(tab.grid.viewport())
    assert "clipboard is empty" in tab.grid_messages.text()
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "clipboard is empty" in tab.grid_messages.text()


def test_the_save_again_prompt_is_said_again_once_the_refusal_goes(qtbot, demo_window):
    """Forest Heath ended in 2019: a figure typed for May-20 is queried on Save, and Save again keeps it."""
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:forest-heath") and tab.select_year(FinancialYear(2020))
    assert tab.select_indicator("Burglary")
    grid = tab.grid
    may = tab.presenter.figures.grid.labels.index("May-20")
    grid.edit_text("value", may, "7")
    assert not tab.save_figures()
    prompt = "Not saved yet: check the figures queried, then Save again to keep them."
    assert tab.grid_messages.text().startswith(prompt)
    _refused_paste(qtbot, tab, "value", may)
    assert prompt not in tab.grid_messages.text()
    qtbot.keyClick(grid, Qt.Key.Key_Escape)
    assert tab.grid_messages.text().startswith(prompt) and "clipboard" not in tab.grid_messages.text()
    assert tab.save_figures()  # asked once: Save again keeps it
    assert not tab.presenter.figures.is_dirty
