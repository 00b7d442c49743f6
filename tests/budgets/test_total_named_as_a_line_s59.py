"""Seed 002 §6's table ends with its total row, "Net Effect". Keyed row by row, the officer added it as a line (it is
not a word "Total"), then named the plan's total "Net Effect" in Plan settings…: it was taken, and the grid showed a
line and the worked-out total under one name (the line empty, or counted twice once typed in). Named the other way
round, the line was refused as the plan's total. Now the total's name a line of the plan has is refused too, naming
the line, beside the field."""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import BudgetError
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc


def _plan(store) -> str:
    plan = svc.create_plan(store, "Western Suffolk financial implications", columns=["2017/18", "2018/19"])
    section = svc.add_section(store, plan, "Revenue/Capital/Expenditure/Income Item")
    svc.add_lines(store, section, ["Domestic Homicide Reviews (DHRs)", "Net Effect"])
    return plan


@pytest.mark.parametrize("typed", ["Net Effect", "net  effect"])
def test_the_total_cannot_take_a_lines_name(store, typed):
    plan = _plan(store)
    with pytest.raises(BudgetError, match="“Net Effect”") as caught:
        svc.update_plan(store, plan, total_label=typed)
    assert str(caught.value).startswith("Total's name:")
    assert svc.load_plan(store, plan).total_label == "Total"
    assert svc.update_plan(store, plan, total_label="Net effect of the plan")["total_label"] == "Net effect of the plan"


def test_plan_settings_says_so_beside_the_field(store):
    plan = _plan(store)
    p = BudgetsPresenter(store)
    p.reload()
    p.select(plan)
    form = p.settings_form()
    form.set_value("total_label", "Net Effect")
    assert not form.save()
    assert "“Net Effect”" in form.message("total_label")
    assert [r.label for r in p.rows if r.kind == "total"] == ["Total"]
