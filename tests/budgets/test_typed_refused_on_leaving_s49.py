"""A figure still being typed in a Budgets cell when the window closes, the tab is left, another file is opened or
Edit > Undo is chosen (round 49). It is put in the file first, as Enter would; when the grid refuses it ("abc",
"12.345": a point then three digits) or asks about it (pounds typed in a plan in £'000), that was said only on the
Budgets tab, then hidden or closed, and what was typed was lost without a word. Now the window stays on the tab,
the cell's editor open on what was typed and the reason beside the grid, and the file is as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from safer_desk.ui.tabs import TAB_KEYS
from tests.budgets.test_budgets_view import start_editing

DHR = "Domestic Homicide Reviews (DHRs)"
SAID = {"abc": "", "12.345": "point followed by three digits"}


def dhr_cells(path) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True) as db:
        return db.execute("SELECT * FROM budget_cells ORDER BY 1, 2").fetchall()


def typing_in_the_dhr_cell(qtbot, tab, text: str) -> str:
    """Typed over the 2017/18 figure (its note stays after it, as typed over a figure does); the editor's text."""
    item = next(tab.plan_list.item(i) for i in range(tab.plan_list.count())
                if tab.plan_list.item(i).text().startswith("Western"))
    tab.plan_list.setCurrentItem(item)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == DHR)
    editor = start_editing(qtbot, tab, row, tab.model.year_columns[0])
    qtbot.keyClicks(editor, text)
    assert editor.text().startswith(text)
    return editor.text()


def still_typing(tab, typed: str, text: str) -> None:
    assert tab.view.state() == QAbstractItemView.State.EditingState
    editor = tab.view.indexWidget(tab.view.currentIndex())
    assert isinstance(editor, QLineEdit) and editor.text() == text
    assert tab.model.index(tab.view.currentIndex().row(), 0).data() == DHR
    assert tab.message.isVisible() and SAID[typed] in tab.message.text() and typed in tab.message.text()


@pytest.mark.parametrize("typed", sorted(SAID))
def test_closing_the_window_stays_on_what_was_typed(qtbot, demo_window, tab, demo_path, prompts, typed):
    before = dhr_cells(demo_path)
    text = typing_in_the_dhr_cell(qtbot, tab, typed)
    assert not demo_window.close()
    assert demo_window.isVisible() and demo_window.current_tab_key() == "budgets"
    still_typing(tab, typed, text)
    assert dhr_cells(demo_path) == before


@pytest.mark.parametrize("typed", sorted(SAID))
def test_leaving_the_tab_stays_on_what_was_typed(qtbot, demo_window, tab, demo_path, prompts, typed):
    before = dhr_cells(demo_path)
    text = typing_in_the_dhr_cell(qtbot, tab, typed)
    bar = demo_window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_KEYS.index("costs")).center())
    qtbot.waitUntil(lambda: demo_window.current_tab_key() == "budgets" and tab.isVisible(), timeout=3000)
    still_typing(tab, typed, text)
    assert dhr_cells(demo_path) == before


def test_opening_another_file_stays_on_what_was_typed(qtbot, demo_window, tab, demo_path, prompts, tmp_path):
    text = typing_in_the_dhr_cell(qtbot, tab, "abc")
    assert not demo_window.open_path(tmp_path / "other.sqlite", create=True)
    assert demo_window.session.store.path == demo_path and not (tmp_path / "other.sqlite").exists()
    still_typing(tab, "abc", text)


def test_undo_stays_on_what_was_typed(qtbot, demo_window, tab, demo_path, prompts):
    assert tab.presenter.rename_plan("Renamed to have something to undo")
    depth = demo_window.session.undo_stack.index()
    text = typing_in_the_dhr_cell(qtbot, tab, "abc")
    before = dhr_cells(demo_path)
    demo_window.undo()
    assert demo_window.session.undo_stack.index() == depth
    still_typing(tab, "abc", text)
    assert dhr_cells(demo_path) == before


def test_a_figure_asked_about_is_kept_with_enter_after_the_close_stopped(qtbot, demo_window, tab, demo_path, prompts):
    item = next(tab.plan_list.item(i) for i in range(tab.plan_list.count())
                if "(£'000)" in tab.plan_list.item(i).text())
    tab.plan_list.setCurrentItem(item)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "line")
    index = tab.model.index(row, tab.model.year_columns[0])
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    editor = tab.view.indexWidget(index)
    editor.selectAll()
    qtbot.keyClicks(editor, "£62,499")
    assert not demo_window.close()  # asked about: £62,499 in a plan in £'000 is £62,499,000
    assert "Type £62,499 again to keep it" in tab.message.text()
    editor = tab.view.indexWidget(tab.view.currentIndex())
    assert editor.text() == "£62,499"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # it is still there, so Enter keeps it
    qtbot.waitUntil(lambda: tab.view.state() != QAbstractItemView.State.EditingState, timeout=3000)
    assert tab.model.index(row, tab.model.year_columns[0]).data(Qt.ItemDataRole.EditRole) == "62,499"  # £62,499,000
    assert demo_window.close()


def test_a_good_figure_is_saved_and_the_window_closes(qtbot, demo_window, tab, demo_path, prompts):
    typing_in_the_dhr_cell(qtbot, tab, "£12,345")
    assert demo_window.close()
    assert prompts.errors == [] and prompts.questions == []
