"""Session 72: the paper's whole heading row pasted into Years makes the plan's years.

The guide says the Years box takes "the paper's heading row of years pasted from Excel". A paper's heading row holds
more than its years: its caption over the line names ("Revenue/Capital/ Expenditure/Income Item", seed 002), its
Total column, and the Annual Change the revenue table prints between its years (seed 004). Copied whole and pasted,
it was refused: "Column “Revenue/Capital/ Expenditure/Income Item” has no financial year in it", and "Column “Annual
Change” …". Pasted as a row (cells between tabs), its caption, Total and Annual Change cells are left aside, and a
Total among them shows the plan's Total column, as the paper has one; typed with commas, a heading with no year is
still refused.
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter


def _presenter(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    return p


def test_seed_002s_heading_row_with_its_caption_and_total(store):
    p = _presenter(store)
    assert p.new_plan("Western Suffolk CSP", "Revenue/Capital/ Expenditure/Income Item\tTotal\t2017/18\t2018/19\t"
                                             "2019/20"), p.error
    assert [c.label for c in p.view.plan.columns] == ["2017/18", "2018/19", "2019/20"]
    assert p.view.plan.show_total_column


def test_seed_004s_heading_row_with_its_annual_changes(store):
    p = _presenter(store)
    assert p.new_plan("Revenue", "Revenue\t2010/11 Budget\tAnnual Change\t2011/12 Budget\tAnnual Change\t"
                                 "2012/13 Budget"), p.error
    assert [c.label for c in p.view.plan.columns] == ["2010/11 Budget", "2011/12 Budget", "2012/13 Budget"]
    assert not p.view.plan.show_total_column


def test_typed_with_commas_a_heading_without_a_year_is_still_refused(store):
    p = _presenter(store)
    assert not p.new_plan("Revenue", "Revenue, 2010/11, 2011/12")
    assert "Column “Revenue” has no financial year in it" in p.error
