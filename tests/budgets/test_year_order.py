"""A plan's years go oldest first, as the paper's columns do: "Change to" a year is worked out from the year before
it. Typed newest first ("2020/21, 2019/20"), the change into 2019/20 was worked out from 2020/21, a wrong figure
under the wrong heading, without a word."""

import pytest

from safer_desk.domain.budgets import BudgetError
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc


def test_a_new_plan_with_its_years_newest_first_is_refused_saying_they_go_oldest_first(store):
    with pytest.raises(BudgetError, match="oldest first") as refused:
        svc.create_plan(store, "Financial implications", columns=["2020/21", "2019/20"])
    assert "2019/20, 2020/21" in str(refused.value)
    assert svc.list_plans(store) == []


def test_the_new_plan_form_says_so_and_makes_nothing(store):
    p = BudgetsPresenter(store)
    p.reload()
    assert p.new_plan("Financial implications", "2020/21, 2019/20") is None
    assert "oldest first" in p.error and "2019/20, 2020/21" in p.error
    assert svc.list_plans(store) == []
    assert p.new_plan("Financial implications", "2019/20, 2020/21") is not None and p.error == ""


def test_a_heading_beside_its_year_may_come_after_a_later_year(store):
    """Seed 004's unit costs: "East Sussex 2009/10", "Benchmark 2009/10": a heading beside a year is not a year
    column of its own, and years given once each, oldest first, are taken."""
    plan = svc.create_plan(store, "Unit costs", columns=["2009/10", "2010/11", ("Benchmark 2009/10", "")])
    assert [c.label for c in svc.load_plan(store, plan).columns] == ["2009/10", "2010/11", "Benchmark 2009/10"]


def test_a_year_added_out_of_order_is_refused(store):
    plan = svc.create_plan(store, "Plan", columns=["2019/20", "2020/21"])
    with pytest.raises(BudgetError, match="oldest first"):
        svc.add_column(store, plan, "2018/19")  # at the end, after 2020/21
    svc.add_column(store, plan, "2018/19", position=0)
    svc.add_column(store, plan, "2021/22")
    assert [c.label for c in svc.load_plan(store, plan).columns] == ["2018/19", "2019/20", "2020/21", "2021/22"]


def test_a_plan_already_in_the_file_newest_first_shows_no_change_worked_out_from_the_following_year(store):
    """A plan saved newest first before this was refused: each change is worked out from the year before it,
    whatever the order of the columns, never from the year after."""
    plan = svc.create_plan(store, "Plan", columns=["2019/20", "2020/21"])
    line = svc.add_line(store, svc.add_section(store, plan, "Spend"), "Target hardening")
    svc.set_cell(store, line, "2019/20", "£4,000")
    svc.set_cell(store, line, "2020/21", "£5,000")
    with store.transaction():  # as an older version saved it: the columns the other way round
        store.conn.execute("UPDATE budget_columns SET position = 1 - position WHERE plan_id = ?", (plan,))
    view = svc.plan_view(store, plan)
    assert [c.label for c in view.plan.columns] == ["2020/21", "2019/20"]
    row = next(r for r in view.rows if r.kind == "line")
    newest, oldest = row.cells
    assert oldest.change is None  # 2019/20 is the first year: no change into it
    assert newest.change is not None and newest.change.change_pence == 100_000  # +£1,000 into 2020/21
