"""Session 67: a section's subtotal could not be named as the paper prints it. Keying seed 004's MTFP, the officer's
"Community Safety" section worked out a row called "Community Safety: subtotal" where the paper prints "Total
Expenditure"; typing "Total Expenditure" as a line was refused (it would count the lines twice), and the subtotal's
name took no typing. Double-clicking a subtotal's (or the plan total's) name now takes the paper's wording, as one
step of Edit > Undo; a name a line of the plan has is refused, as for the plan's total."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter


def _keyed(store, log: ActionLog) -> BudgetsPresenter:
    p = BudgetsPresenter(store, perform=log)
    p.reload()
    assert p.new_plan("MTFP as keyed", "2011/12, 2012/13"), p.error
    assert p.add_section("Community Safety"), p.error
    section = p.sections()[0][0]
    for line in ("Employees", "Transport"):
        assert p.add_line(section, line), p.error
    return p


def _labels(p: BudgetsPresenter) -> list[str]:
    return [r.label for r in p.rows]


def test_the_subtotal_takes_the_papers_name_and_undo_gives_the_old_back(demo_store):
    log = ActionLog()
    p = _keyed(demo_store, log)
    subtotal = next(r for r in p.rows if r.kind == "subtotal")
    assert subtotal.label == "Community Safety: subtotal"
    assert p.rename(subtotal, "Total Expenditure"), p.error
    assert "Total Expenditure" in _labels(p) and "Community Safety: subtotal" not in _labels(p)
    assert log.undo_text == ("Undo rename subtotal Community Safety: subtotal to Total Expenditure in plan "
                             "MTFP as keyed")
    log.undo()
    assert "Community Safety: subtotal" in _labels(p)
    log.redo()
    assert "Total Expenditure" in _labels(p)


def test_a_subtotal_named_as_a_line_is_refused(demo_store):
    p = _keyed(demo_store, ActionLog())
    subtotal = next(r for r in p.rows if r.kind == "subtotal")
    assert not p.rename(subtotal, "employees")
    assert p.error.startswith("Subtotal's name: the plan has a line “Employees”"), p.error
    assert "Community Safety: subtotal" in _labels(p)


def test_the_plans_total_takes_its_name_in_the_grid_too(demo_store):
    p = _keyed(demo_store, ActionLog())
    total = next(r for r in p.rows if r.kind == "total")
    assert p.rename(total, "Community Safety Base Budget"), p.error
    assert p.view.plan.total_label == "Community Safety Base Budget"


def test_the_subtotals_name_takes_typing_in_the_grid(tab, qtbot):
    model = tab.model
    row = next(i for i, r in enumerate(model._rows) if r.kind == "subtotal")
    index = model.index(row, 0)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "Total for Community Safety", Qt.ItemDataRole.EditRole), tab.presenter.error
    assert any(r.label == "Total for Community Safety" and r.kind == "subtotal" for r in model._rows)
