"""Session 61 (second look): "N/A" and "£100." typed into a plan's cell were refused with the general "is not an
amount of money" and the list of what a cell takes, leaving the officer to work out which to type. N/A, the paper's
mark for no figure, is said to be none or not known, and which word the plan takes for each (nil, N/K); a figure
ending in a point with no pence after it is said so, with the figure to type (£100)."""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets as rules
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc


def refusal(typed: str, unit: str = "pound") -> str:
    with pytest.raises(rules.BudgetError) as refused:
        rules.parse_cell(typed, unit=unit)
    return str(refused.value)


@pytest.mark.parametrize("typed", ["N/A", "n/a", "N.A.", "NA"])
@pytest.mark.parametrize("unit", ["pound", "thousand"])
def test_n_a_is_said_to_be_nil_or_n_k(typed, unit):
    said = refusal(typed, unit)
    assert said.startswith(f"“{typed}” stands for no figure:"), said
    assert "type nil if the paper means there is none (£0), or N/K if the figure is not known" in said, said


@pytest.mark.parametrize(("typed", "unit", "offered"), [
    ("£100.", "pound", "£100"), ("100.", "pound", "100"), ("£1,250.", "pound", "£1,250"), ("884.", "thousand", "884"),
    ("(£100.)", "pound", "(£100)"),
])
def test_a_figure_ending_in_a_point_is_said_so_with_what_to_type(typed, unit, offered):
    said = refusal(typed, unit)
    assert said == f"“{typed}” ends with a point and no pence after it: type {offered}.", said
    assert rules.parse_cell(offered, unit=unit).status == "amount"


def test_the_grid_says_it_beside_the_cell(demo_store):
    p = BudgetsPresenter(demo_store, perform=ActionLog())
    p.reload()
    p.select(svc.plan_id_by_name(demo_store, "East Sussex Community Safety MTFP 2011/12 – 2014/15"))
    employees = next(r for r in p.rows if r.label == "Employees")
    assert not p.set_cell(employees.line_id, p.columns[0], "N/A")
    assert "type nil if the paper means there is none" in p.error
    assert not p.set_cell(employees.line_id, p.columns[0], "£100.")
    assert "type £100." in p.error
