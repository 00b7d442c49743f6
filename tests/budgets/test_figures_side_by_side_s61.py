"""Session 61: a row of a paper's table copied from its PDF (or its text) into one cell.

A PDF gives a row's figures with spaces between them, not tabs: seed 004's MTFP row "327,800 384,300 393,200
393,200" pasted on the Employees line was refused saying it "has a space between digits that is not a thousands
separator … type the amount with a comma every three digits", and the revenue budget's "878 884 641 652 648" (its
£'000 row) that it "is larger than Safer Desk can hold": both as if one figure had been mistyped. The refusal now
says what was pasted, several figures side by side, and how they go in: each in its own cell, or the row copied
from Excel, whose figures go across the line's years. A figure grouped with spaces ("110 000") reads as before."""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets as rules
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc

SAID = ("figures side by side (as a row copied from a PDF gives them): a cell takes one figure. Type each in its own "
        "cell, or copy the row from Excel, where its figures go across the line's years.")


@pytest.mark.parametrize(("typed", "unit", "count"), [
    ("327,800 384,300 393,200 393,200", "pound", 4),
    ("5000 5000", "pound", 2),
    ("£5,000 £5,000", "pound", 2),
    ("878 884 641 652 648", "thousand", 5),
    ("317 97 62 62", "thousand", 4),
])
def test_several_figures_in_one_cell_are_said_to_be_several(typed, unit, count):
    with pytest.raises(rules.BudgetError) as refused:
        rules.parse_cell(typed, unit=unit)
    said = str(refused.value)
    assert said.startswith(f"“{typed}” is {count} {SAID}"), said
    assert "thousands separator" not in said and "larger than" not in said


@pytest.mark.parametrize(("typed", "pence"), [("110 000", 11_000_000), ("£1 234.56", 123_456)])
def test_a_figure_grouped_with_spaces_reads_as_before(typed, pence):
    assert rules.parse_cell(typed).amount_pence == pence


def test_the_grid_says_so_beside_it_and_keeps_the_cell(demo_store):
    p = BudgetsPresenter(demo_store, perform=ActionLog())
    p.reload()
    p.select(svc.plan_id_by_name(demo_store, "East Sussex Community Safety MTFP 2011/12 – 2014/15"))
    employees = next(r for r in p.rows if r.label == "Employees")
    assert not p.set_cell(employees.line_id, p.columns[0], "327,800 384,300 393,200 393,200")
    assert f"is 4 {SAID}" in p.error
    assert next(r for r in p.rows if r.label == "Employees").cells[0].text == "£327,800"
