"""Add year… into a gap between two years clears the changes the paper printed into the year after it, as Remove
year… clears them the other way: they were over two years (2017/18 £100,000 to 2019/20 £120,000, "20.0"), and once
2018/19 was typed they were flagged as the paper's own annual change it never printed ("… but £110,000 to £120,000
is +9.1%"). Undo puts them back."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc


def _gap_plan(store):
    plan = svc.create_plan(store, "Gap plan", columns=["2017/18", "2019/20"])
    line = svc.add_line(store, svc.add_section(store, plan, "Expenditure"), "Staff")
    svc.set_cell(store, line, "2017/18", "£100,000")
    svc.set_cell(store, line, "2019/20", "£120,000", stated_change="20.0")  # the paper's 2-year change: agrees
    return plan, line


def _changes(store, plan):
    return {c: cell.stated_change for c, cell in svc.load_plan(store, plan).sections[0].lines[0].cells.items()}


def test_a_year_added_into_a_gap_clears_the_change_printed_over_it_and_undo_puts_it_back(store):
    plan, line = _gap_plan(store)
    assert svc.warnings_for(store) == []
    log = ActionLog()
    p = BudgetsPresenter(store, perform=log)
    p.reload()
    p.select(plan)
    assert p.add_year("2018/19")
    assert set(_changes(store, plan).values()) == {""}
    assert p.set_cell(line, "2018/19", "£110,000")
    assert svc.warnings_for(store) == []
    log.undo()  # the figure
    log.undo()  # the year
    assert "20.0" in _changes(store, plan).values()


def test_a_year_added_at_the_end_keeps_the_changes_printed_before_it(store):
    plan, _line = _gap_plan(store)
    svc.add_column(store, plan, "2020/21")
    assert "20.0" in _changes(store, plan).values()
