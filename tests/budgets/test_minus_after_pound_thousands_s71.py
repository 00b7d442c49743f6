"""Session 71: in a plan in £'000 (seed 004's revenue budget), a figure copied from a finance sheet kept in pounds
whose negatives Excel formats "£-4,000" (a currency format of £#,##0;£-#,##0) went in silently as -£4,000,000 (shown
"-4,000"), while "-£4,000", "(£4,000)" and "£(4,000)" were asked about ("reads as -£4,000,000; if it means -£4,000,
type -4"). It is asked about as they are."""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets as rules
from safer_desk.domain.budgets import parse_cell
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services.demo_data import budgets as demo


@pytest.mark.parametrize("typed", ["£-4,000", "£ -4,000", "£\u22124,000", "£-4,000 (£2,000 per District)"])
def test_a_minus_after_the_pound_sign_is_asked_about_as_before_it(typed):
    query = rules.pounds_in_thousands_query(typed, "thousand")
    assert query is not None and "reads as -£4,000,000; if it means -£4,000, type -4" in query
    offered = query.split(", type ", 1)[1].removesuffix(".")
    assert parse_cell(offered, unit="thousand").amount_pence == -4_000_00


def test_typed_in_the_revenue_budget_it_is_asked_about_and_not_put_in(demo_store):
    p = BudgetsPresenter(demo_store)
    p.reload()
    p.select(next(x.id for x in p.plans if x.name == demo.REVENUE))
    row = next(r for r in p.rows if r.kind == "line")
    was = row.cells[0].text
    assert not p.set_cell(row.line_id, p.columns[0], "£-4,000")
    assert "reads as -£4,000,000" in p.error
    assert next(r for r in p.rows if r.line_id == row.line_id).cells[0].text == was
    assert p.set_cell(row.line_id, p.columns[0], "£-4,000")  # typed again: kept as typed, as the question says
    assert next(r for r in p.rows if r.line_id == row.line_id).cells[0].pence == -4_000_000_00
