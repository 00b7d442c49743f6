"""Session 63: a section named as the plan's total ("Community Safety Base Budget" in seed 004's MTFP, "Net Effect" in
seed 002's) was taken, added or renamed, where a line so named is refused: the grid, the report and `safer-desk
budget` then showed the section's heading over its lines under the name of the worked-out total at the foot of the
plan, as if those lines were the base budget. It is refused as a line is, saying what the name is."""

from __future__ import annotations

import pytest

from safer_desk.presenters.budgets import BudgetsPresenter

MTFP = "East Sussex Community Safety MTFP"


def _on(store, start: str) -> BudgetsPresenter:
    p = BudgetsPresenter(store)
    p.reload()
    p.select(next(plan.id for plan in p.plans if plan.name.startswith(start)))
    return p


@pytest.mark.parametrize("typed", ["Community Safety Base Budget", "community safety base budget:"])
def test_a_section_renamed_or_added_as_the_plan_s_total_is_refused(demo_store, typed):
    p = _on(demo_store, MTFP)
    section = next(r for r in p.rows if r.kind == "section")
    assert not p.rename(section, typed)
    assert "“Community Safety Base Budget” is the name of the plan's total" in p.error
    assert next(r for r in p.rows if r.kind == "section").label == "Community Safety"
    assert not p.add_section(typed, "expenditure")
    assert "the name of the plan's total" in p.error
    assert [r.label for r in p.rows if r.kind == "section"] == ["Community Safety", "Income and grants", "Savings",
                                                                 "Drugs and alcohol"]


def test_other_names_are_taken_as_before(demo_store):
    p = _on(demo_store, MTFP)
    section = next(r for r in p.rows if r.kind == "section")
    assert p.rename(section, "Community Safety budget"), p.error
    assert p.add_section("Base budget adjustments", "expenditure"), p.error
