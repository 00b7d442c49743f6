"""Session 72: thousands marked on every year heading ("2011/12 £'000") make a plan in £'000.

Given as "2011/12 £'000, 2012/13 £'000", the plan was made in pounds under headings saying thousands, so 884 typed
read as £884 beneath "£'000". Thousands marked on every year now make the plan's unit £'000 (unless one is chosen);
the headings stay as the paper prints them (round 22: "11/12 £" too).
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter


def _plan(store, years: str, **fields):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan(f"MTFP {len(years)} {fields}", years, **fields), p.error
    return [c.label for c in p.view.plan.columns], p.view.plan.unit


def test_pounds_marked_on_the_mtfps_years(store):
    assert _plan(store, "Community Safety including Drugs and Alcohol Portfolio\t11/12 £\t12/13 £\t13/14 £") == (
        ["11/12 £", "12/13 £", "13/14 £"], "pound")


def test_thousands_marked_on_every_year_make_a_plan_in_thousands(store):
    assert _plan(store, "2011/12 £'000, 2012/13 £'000") == (["2011/12 £'000", "2012/13 £'000"], "thousand")
    assert _plan(store, "2013/14 Budget (£000), 2014/15 Budget (£000)") == (
        ["2013/14 Budget (£000)", "2014/15 Budget (£000)"], "thousand")


def test_a_unit_chosen_stays_and_mixed_marks_are_left_as_typed(store):
    assert _plan(store, "2011/12 £'000, 2012/13 £'000", unit="pound") == (["2011/12 £'000", "2012/13 £'000"],
                                                                            "pound")
    assert _plan(store, "2011/12 £, 2012/13 £'000") == (["2011/12 £", "2012/13 £'000"], "pound")
