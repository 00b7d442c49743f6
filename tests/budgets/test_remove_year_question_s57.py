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
