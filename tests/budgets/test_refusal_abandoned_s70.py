"""Session 70: a figure the Budgets grid refused on Enter ("12x4" is not an amount of money) was said beside the grid,
and stayed said after the officer abandoned the cell (Esc put £7,525.58 back, or another cell was chosen), beside
figures all fine, until some later edit. A refusal lasts while what it refused is still typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.budgets.test_grid_keys_round22 import DHR, WESTERN, choose_plan, editing_done, f2_on, row_of, year


def _refused(qtbot, tab):
    choose_plan(tab, WESTERN)
    assert not tab.message.isVisible()
    index = tab.model.index(row_of(tab, DHR), year(tab, 0))
    kept = index.data()
    editor = f2_on(qtbot, tab, index.row(), index.column())
    qtbot.keyClicks(editor, "12x4")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert tab.message.isVisible() and "“12x4” is not an amount of money" in tab.message.text()
    assert tab.view.indexWidget(index) is editor  # still typed, to be put right
    return index, kept, editor


@pytest.mark.parametrize("how", ["Esc", "another cell"])
def test_a_refusal_goes_with_the_typing_it_refused(qtbot, tab, how):
    index, kept, editor = _refused(qtbot, tab)
    if how == "Esc":
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    else:
        tab.view.setCurrentIndex(tab.model.index(index.row(), year(tab, 1)))
    editing_done(qtbot, tab)
    chosen = index if how == "Esc" else tab.model.index(index.row(), year(tab, 1))
    assert tab.view.currentIndex() == chosen
    assert tab.model.index(index.row(), index.column()).data() == kept
    assert not tab.message.isVisible() and tab.message.text() == "", tab.message.text()


def test_a_figure_put_right_after_a_refusal_goes_in(qtbot, tab, demo_path):
    index, kept, editor = _refused(qtbot, tab)
    editor.selectAll()
    qtbot.keyClicks(editor, "1244")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editing_done(qtbot, tab)
    assert tab.model.index(index.row(), index.column()).data().startswith("£1,244")
    assert not tab.message.isVisible()
