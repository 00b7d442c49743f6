"""Session 61 (second look): a cell typed "Awaiting confirmation" (a paper's words for TBC) was read as TBC and its
words stored, but nowhere shown: the grid, its editor, the board report and the workbook all said "TBC", and a note
added to the cell in its editor (which started from "TBC") put "TBC" in place of the paper's words.

The grid shows TBC, as its "+ TBC" total reads, and says the paper's words in the cell's tooltip; its editor starts
from them, so editing the cell keeps them; the board report prints TBC with a mark, its note under the table giving
the paper's words; the workbook's "As the paper states it" gives "Awaiting confirmation (TBC)"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from safer_desk.domain import budgets as rules
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services.county_workbook import budgets_sheet
from safer_desk.services.report_sections.budgets import plan_table

SUFFOLK = "Western Suffolk CSP financial implications 2017/18 – 2019/20"
LINE = "Domestic Homicide Reviews (DHRs)"


@pytest.mark.parametrize(("typed", "words", "worded"), [
    ("Awaiting confirmation", "Awaiting confirmation", "Awaiting confirmation (TBC)"),
    ("Unknown (PCC to say)", "Unknown", "Unknown (N/K)"),
    ("TBC", "", "TBC"), ("n/k", "", "N/K"), ("-", "", "nil"), ("£4,000", "", "£4,000"),
])
def test_a_cell_keeps_the_papers_words_beside_what_they_stand_for(typed, words, worded):
    cell = rules.parse_cell(typed)
    assert (cell.words, cell.describe_worded()) == (words, worded)
    again = rules.parse_cell(cell.edit_text())  # edited from its words, it is the same cell
    assert (again.status, again.amount_pence, again.note, again.words) == (cell.status, cell.amount_pence, cell.note,
                                                                           cell.words)


def _awaiting(store) -> BudgetsPresenter:
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    p.select(svc.plan_id_by_name(store, SUFFOLK))
    row = next(r for r in p.rows if r.label == LINE)
    assert p.set_cell(row.line_id, p.columns[1], "Awaiting confirmation"), p.error
    return p


def test_the_grid_shows_tbc_and_edits_the_papers_words(demo_store):
    p = _awaiting(demo_store)
    cell = next(r for r in p.rows if r.label == LINE).cells[1]
    assert (cell.text, cell.edit_text, cell.status) == ("TBC", "Awaiting confirmation", "tbc")
    row = next(r for r in p.rows if r.label == LINE)
    assert p.set_cell(row.line_id, p.columns[1], "Awaiting confirmation (PCC to confirm)"), p.error
    cell = next(r for r in p.rows if r.label == LINE).cells[1]
    assert (cell.text, cell.note, cell.edit_text) == ("TBC", "PCC to confirm", "Awaiting confirmation (PCC to confirm)")


def test_the_board_report_says_the_papers_words_under_the_table(demo_store):
    p = _awaiting(demo_store)
    table = plan_table(p.view)
    row = next(r for r in table.rows if r[0].strip() == LINE)
    assert "TBC *" in row
    assert f"* {LINE}, 2018/19: the paper states “Awaiting confirmation” (TBC)" in table.note, table.note


def test_the_workbook_gives_the_papers_words_with_tbc(demo_store):
    _awaiting(demo_store)
    (block,) = [b for b in budgets_sheet(demo_store).blocks if b.title == SUFFOLK]
    row = next(r for r in block.rows if r[1] == LINE and r[2] == "2018/19")
    assert row[3:6] == [None, None, "Awaiting confirmation (TBC)"]


def test_editing_the_cell_in_the_grid_keeps_the_papers_words(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    tab.presenter.select(svc.plan_id_by_name(tab.presenter.store, SUFFOLK))
    row = next(n for n, r in enumerate(tab.presenter.rows) if r.label == LINE)
    assert tab.presenter.set_cell(tab.presenter.rows[row].line_id, tab.presenter.columns[1], "Awaiting confirmation")
    index = tab.model.index(row, tab.model.year_columns[1])
    assert index.data() == "TBC"
    assert "“Awaiting confirmation”, as the paper states it: to be confirmed (TBC)" in index.data(
        Qt.ItemDataRole.ToolTipRole)
    tab.view.setCurrentIndex(index)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: any(e.isVisible() for e in tab.view.viewport().findChildren(QLineEdit)))
    editor = next(e for e in tab.view.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.waitUntil(lambda: editor.selectedText() == "Awaiting confirmation")
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " (PCC to confirm)")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.view.state() != QAbstractItemView.State.EditingState, timeout=3000)
    cell = tab.presenter.rows[row].cells[1]
    assert (cell.text, cell.note, cell.edit_text) == ("TBC", "PCC to confirm", "Awaiting confirmation (PCC to confirm)")


def test_a_figure_pasted_over_the_papers_words_keeps_the_cells_note(demo_store):
    p = _awaiting(demo_store)
    at = next(n for n, r in enumerate(p.rows) if r.label == LINE)
    assert p.set_cell(p.rows[at].line_id, p.columns[1], "Awaiting confirmation (PCC to confirm)"), p.error
    assert p.paste_block(at, 1, [["£500"]]), p.error  # a block pasted over it
    cell = p.rows[at].cells[1]
    assert (cell.text, cell.note) == ("£500", "PCC to confirm")
    assert p.set_cell(p.rows[at].line_id, p.columns[1], "Awaiting confirmation (PCC to confirm)"), p.error
    # Edit > Paste of one figure over the chosen cell (the note had gone: its editor's text no longer began "TBC")
    assert p.pasted_figure([["£500"]], over=p.rows[at].cells[1]) == "£500 (PCC to confirm)"
