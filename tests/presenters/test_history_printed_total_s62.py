"""Session 62 (kit): a total typed over a plan's worked-out total is a "printed total" everywhere the officer meets
it (the grid's "(as printed)" row and its tooltip "As the paper printed it", the plan's summary, Edit > Undo
"Undo set the printed Net Effect, 2017/18", the Budgets guide); the History of Changes alone called it a "stated
total" ("Added stated total of 2017/18, …"), a word the tab never uses, so its line did not read as the change made."""

from __future__ import annotations

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import budgets

PLAN = "Western Suffolk CSP financial implications 2017/18 – 2019/20"


def test_a_printed_total_typed_is_said_so_in_the_history(demo_store):
    page = BudgetsPresenter(demo_store)
    page.select(budgets.plan_id_by_name(demo_store, PLAN))
    total = next(r for r in page.rows if r.label == "Net Effect")
    assert page.set_printed_total(total, "2017/18", "£20,000"), page.error
    line = history_lines(demo_store)[0]
    words = " ".join((line.action, line.summary, *line.details))
    assert "stated total" not in words, words
    assert line.summary == f"Added printed total of 2017/18, {PLAN}", line.summary
    assert "amount £20,000" in words, words
