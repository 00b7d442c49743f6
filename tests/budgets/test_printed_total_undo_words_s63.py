"""Session 63: Edit > Undo after a printed total was typed read "Undo printed total, 2017/18": no verb, and no word of
which total (a plan has a subtotal per section and its own total, each with a year of the same name). It reads as the
clearing of one does: "Undo set the printed Net Effect, 2017/18"; and its clearing on the "(as printed)" row no longer
says "the printed … (as printed)"."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter


def test_typing_a_printed_total_is_undone_by_its_name_and_year(demo_store):
    log = ActionLog()
    p = BudgetsPresenter(demo_store, perform=log)
    p.reload()
    p.select(next(plan.id for plan in p.plans if plan.name.startswith("Western Suffolk")))
    total = next(r for r in p.rows if r.kind == "total")
    assert p.set_printed_total(total, "2017/18", "£12,525.58", typed=True)
    assert log.undo_text == "Undo set the printed Net Effect, 2017/18 in plan " + p.view.plan.name
    p.select(next(plan.id for plan in p.plans if plan.name.startswith("East Sussex Community Safety MTFP")))
    printed = next(r for r in p.rows if r.kind == "stated" and r.label.startswith("Drugs"))
    assert p.set_printed_total(printed, "2012/13", "212,100")
    assert log.undo_text == "Undo set the printed Drugs and alcohol subtotal, 2012/13 in plan " + p.view.plan.name
    printed = next(r for r in p.rows if r.kind == "stated" and r.label.startswith("Drugs"))
    assert p.set_printed_total(printed, "2012/13", "")  # not "… subtotal (as printed), 2012/13"
    assert log.undo_text == "Undo clear the printed Drugs and alcohol subtotal, 2012/13 in plan " + p.view.plan.name
