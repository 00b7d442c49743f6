"""A budget figure typed again as the file holds it is no change (session 63, helper hist).

The MTFP's Employees 2011/12 is held as the paper prints it, "327,800" (the grid shows £327,800). Typing 327,800 in
that cell (reading the paper again to check it) wrote nothing a person could see, yet Edit > Undo then offered
"Undo set Employees, 2011/12" and the History of Changes gained a line "Nothing a person would see changed (only
positions or time stamps)": an undo that undoes nothing, and an audit trail that says the plan was changed. A
figure typed as the cell holds it now leaves the file, the undo stack and the history as they were, as Enter on
the figure shown does.
"""

from __future__ import annotations

from safer_desk.presenters.history import history_lines
from tests.budgets.test_budgets_view import type_cell

PLAN = "MTFP"


def test_a_figure_typed_as_the_cell_holds_it_leaves_no_undo_step_and_no_history_line(tab, qtbot):
    tab.plan_list.setCurrentRow(next(i for i in range(tab.plan_list.count()) if PLAN in tab.plan_list.item(i).text()))
    store, stack = tab.session.store, tab.session.undo_stack
    row = next(r for r, g in enumerate(tab.presenter.rows) if g.kind == "line" and g.label == "Employees")
    column = tab.model.year_columns[0]
    assert tab.model.index(row, column).data() == "£327,800"
    assert store.scalar("SELECT text FROM budget_cells WHERE amount_pence = 32780000") == "327,800"
    audit, lines = store.scalar("SELECT max(id) FROM audit_log"), len(history_lines(store))
    type_cell(qtbot, tab, row, column, "327,800")
    assert tab.model.index(row, column).data() == "£327,800"
    assert stack.count() == 0 and not tab.window().undo_action.isEnabled()
    assert store.scalar("SELECT max(id) FROM audit_log") == audit
    assert len(history_lines(store)) == lines
    type_cell(qtbot, tab, row, column, "327,900")  # a figure that changes is a step still
    assert stack.undoText() == f"Set Employees, 2011/12 in plan {tab.presenter.view.plan.name}"


def test_a_printed_total_typed_as_held_leaves_no_undo_step_and_no_history_line(tab, qtbot):
    """The same over the MTFP's Total Expenditure (as printed), 2011/12: 924,500 typed over the paper's £924,500."""
    tab.plan_list.setCurrentRow(next(i for i in range(tab.plan_list.count()) if PLAN in tab.plan_list.item(i).text()))
    store, stack = tab.session.store, tab.session.undo_stack
    row = next(r for r, g in enumerate(tab.presenter.rows) if g.label == "Total Expenditure (as printed)")
    column = tab.model.year_columns[0]
    assert tab.model.index(row, column).data() == "£924,500"
    audit = store.scalar("SELECT max(id) FROM audit_log")
    type_cell(qtbot, tab, row, column, "924,500")
    assert tab.model.index(row, column).data() == "£924,500"
    assert stack.count() == 0 and store.scalar("SELECT max(id) FROM audit_log") == audit
