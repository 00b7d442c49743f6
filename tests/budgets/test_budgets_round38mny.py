"""Round 38 (mny): the Budgets grid and Years as a finance officer's spreadsheet gives them.

A line's figures pasted from a finance system ("53,400-", "£1,234.00 CR", "=SUM(A1:A3)") were refused in the
generic words, the formula's brackets read as a note ("“=SUM” is not an amount"); a range typed in Years
("2011/12 – 2014/15", as the plan's title writes it) was refused as a heading naming two years.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import BudgetError
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as service

YEARS = "2011/12, 2012/13, 2013/14, 2014/15"


def _plan(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", YEARS), p.error
    assert p.add_section("Community Safety", "expenditure"), p.error
    assert p.add_line(p.added_section, "Employees"), p.error
    return p


def _row(p, label):
    return next(i for i, r in enumerate(p.rows) if r.label == label)


def test_a_minus_after_the_figure_pastes_as_a_negative(store):
    p = _plan(store)
    assert p.paste_block(_row(p, "Employees"), 0, [["327,800", "53,400-"]]), p.error
    assert [c.text for c in p.rows[_row(p, "Employees")].cells][:2] == ["£327,800", "-£53,400"]


@pytest.mark.parametrize("cell, said", [
    ("=SUM(A1:A3)", "“=SUM(A1:A3)” is a formula, not an amount: paste the values, not the formulas "
                    "(Paste Special > Values in Excel)"),
    ("£1,234.00 CR", "“£1,234.00 CR” is marked CR (credit), as a ledger prints it"),
])
def test_a_formula_or_a_ledgers_mark_pastes_nothing_saying_what_was_seen(store, cell, said):
    p = _plan(store)
    assert not p.paste_block(_row(p, "Employees"), 0, [["327,800", cell]])
    assert said in p.error and "nothing was pasted" in p.error.lower()
    assert [c.text for c in p.rows[_row(p, "Employees")].cells] == [""] * 4


@pytest.mark.parametrize("typed", ["2011/12 – 2014/15", "2011/12 - 2014/15", "11/12 to 14/15", "2011-12 – 2014-15"])
def test_a_range_in_years_is_refused_offering_the_list(store, typed):
    words = f"Years: “{typed}” is a range of years, and a plan's years are listed, one a column: type {YEARS}."
    with pytest.raises(BudgetError) as caught:
        service.create_plan(store, "MTFP", columns=[typed])
    assert str(caught.value) == words
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("MTFP", typed) is None
    assert words in p.error


def test_a_heading_with_two_years_not_in_order_is_refused_as_before(store):
    with pytest.raises(BudgetError, match="names more than one year"):
        service.create_plan(store, "MTFP", columns=["2014/15 – 2011/12"])
