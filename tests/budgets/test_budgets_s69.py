"""Round 69's hunt on the Budgets tab, as a district officer types a plan from the papers."""

from __future__ import annotations

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as service


def test_years_typed_with_semicolons_between_them_are_each_a_column(store):
    """'2026/27; 2027/28' (as a list is often written) made a column headed "2026/27;", semicolon and all, shown so
    in the grid, the board report and the workbook: the semicolon separates the years as a comma does."""
    presenter = BudgetsPresenter(store)
    presenter.reload()
    plan = presenter.new_plan("CSP budget", "2026/27; 2027/28;2028/29")
    assert plan is not None, presenter.error
    assert presenter.columns == ["2026/27", "2027/28", "2028/29"]
    assert [c.financial_year for c in service.load_plan(store, plan).columns] == ["2026/27", "2027/28", "2028/29"]
