"""Edit > Undo on the Budgets tab named what changed but not the plan it changed in ("Undo set Employees, 2011/12",
"Undo delete 3 lines", "Undo remove year 2011/12"), while the Projects and Costs tabs name what they change in ("Undo
change referral TH-2018-008 in <fund>") and the History names the plan ("budget figure of 2011/12, Employees, <plan>").
A file holds several plans each with an Employees line and a 2011/12: now the plan is named (session 67)."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter

MTFP = "East Sussex Community Safety MTFP"


def on_plan(store, starts: str) -> tuple[BudgetsPresenter, ActionLog, str]:
    log = ActionLog()
    p = BudgetsPresenter(store, perform=log)
    p.reload()
    plan = next(plan for plan in p.plans if plan.name.startswith(starts))
    p.select(plan.id)
    return p, log, plan.name


def test_a_figure_set_lines_deleted_and_a_year_removed_are_undone_by_name_with_their_plan(demo_store):
    p, log, name = on_plan(demo_store, MTFP)
    employees = next(r for r in p.rows if r.kind == "line" and r.label == "Employees")
    assert p.set_cell(employees.line_id, "2011/12", "327,900"), p.error
    assert log.undo_text == f"Undo set Employees, 2011/12 in plan {name}"
    lines = [r for r in p.rows if r.kind == "line"][:3]
    assert p.delete_rows(lines), p.error
    assert log.undo_text == f"Undo delete 3 lines in plan {name}"
    assert p.remove_year(0), p.error
    assert log.undo_text == f"Undo remove year 2011/12 in plan {name}"


def test_a_change_that_names_its_plan_already_does_not_name_it_twice(demo_store):
    p, log, name = on_plan(demo_store, MTFP)
    assert p.rename_plan(f"{name} (draft)"), p.error
    assert log.undo_text == f"Undo rename plan {name} to {name} (draft)"
