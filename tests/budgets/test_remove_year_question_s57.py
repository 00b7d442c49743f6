"""Remove year… asked about the year's figures and printed totals, and about the changes printed into the next year
that were on it, but not about the changes the paper printed into the year itself ("(0.6)" beside 2014/15's figure
in seed 004's revenue table), which go with it (Edit > Undo brings them back)."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc

REVENUE = "East Sussex Community Safety revenue budget 2010/11 – 2014/15 (£'000)"


def test_the_question_names_the_changes_printed_into_the_year(demo_store):
    log = ActionLog()
    p = BudgetsPresenter(demo_store, perform=log)
    p.reload()
    p.select(svc.plan_id_by_name(demo_store, REVENUE))
    last = p.columns.index("2014/15 Budget")
    printed = [r.cells[last].stated_change for r in p.rows if r.cells and r.cells[last].stated_change]
    assert printed == ["(0.6)", "-", "(0.6)"]
    assert p.remove_year_question(last) == (
        "Remove the year “2014/15 Budget” with its 2 figures, 1 printed total and the 3 changes the paper printed "
        "into it? Edit > Undo brings it back.")
    assert p.remove_year(last) and "2014/15 Budget" not in p.columns
    log.undo()
    assert [r.cells[last].stated_change for r in p.rows if r.cells and r.cells[last].stated_change] == printed


def test_the_window_asks_it_and_undo_brings_the_changes_back(qtbot, tab, demo_window, prompts):
    from PySide6.QtCore import Qt

    from tests.budgets.test_budgets_round25 import year_headings
    from tests.budgets.test_budgets_view import choose_plan

    choose_plan(tab, "East Sussex Community Safety revenue")
    last = tab.model.year_columns[-1]
    line_row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "line")
    tab.view.setCurrentIndex(tab.model.index(line_row, last))
    qtbot.mouseClick(tab.remove_year_button, Qt.MouseButton.LeftButton)  # answered Cancel
    assert prompts.questions[-1][0] == "Remove year"
    assert "and the 3 changes the paper printed into it?" in prompts.questions[-1][1]
    headings = year_headings(tab)
    prompts.answers.append(True)
    qtbot.mouseClick(tab.remove_year_button, Qt.MouseButton.LeftButton)
    assert len(year_headings(tab)) == len(headings) - 1
    demo_window.undo()
    assert year_headings(tab) == headings
    printed = [tab.model.row(r).cells[-1].stated_change for r in range(tab.model.rowCount())
               if tab.model.row(r).cells and tab.model.row(r).cells[-1].stated_change]
    assert printed == ["(0.6)", "-", "(0.6)"]
