"""Session 71: a worked-out total with no known figure in its column, an unknown added (an N/K spend) and one taken
away (an N/K grant, in a section that takes away), read "N/K / − N/K": a slash, then a minus, where "£9,000 − N/K"
is written for the same with a figure known. It reads "N/K − N/K" now, and "TBC + N/K" as "£9,000 + TBC + N/K"
does; one unknown alone is as before."""

from __future__ import annotations

from safer_desk.domain.budgets import Figure
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services.demo_data import budgets as demo


def test_unknowns_alone_are_written_with_their_signs():
    assert Figure(nk=1, nk_less=1).describe() == "N/K − N/K"
    assert Figure(tbc=1, nk=1).describe() == "TBC + N/K"
    assert Figure(tbc_less=1).describe() == "− TBC"
    assert Figure(nk=2).describe() == "N/K"
    assert Figure(900_000, 1, nk_less=1).describe() == "£9,000 − N/K"


def test_a_dhr_line_moved_to_an_income_section_of_seed_002s_plan(demo_store):
    p = BudgetsPresenter(demo_store, perform=ActionLog())
    p.reload()
    plan = next(x.id for x in p.plans if x.name == demo.IMPLICATIONS)
    p.select(plan)
    assert p.add_section("Income", "income"), p.error
    row = next(r for r in p.rows if r.label.startswith("Domestic"))
    assert p.move_line_to_section(row, p.sections_to_move_to(row)[0][0]), p.error
    net = next(r for r in p.rows if r.kind == "total")
    assert [c.text for c in net.cells] == ["-£2,525.58", "£9,000 − TBC", "N/K − N/K"]
