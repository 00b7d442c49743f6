"""A tester's walk (t28k) on the Budgets tab with seed 004's revenue table (£'000): the gross budget the paper prints
(1,460, 1,201 …) agrees with its lines, and typed over the worked-out total it was not kept: no "(as printed)" row,
without a word, so a line corrected later (317 to 316.9, as the MTFP has it) was not flagged against the paper."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from safer_desk.services import budgets as svc
from tests.budgets.test_budgets_round22 import add_line, add_section, new_plan
from tests.budgets.test_budgets_view import type_cell, type_cell_left_open


def _row(tab, label):
    return next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == label)


def _revenue_table(qtbot, tab):
    """Seed 004's revenue table, two years of it, typed as an officer does: the plan in £'000, A and B."""
    new_plan(qtbot, tab, "ESCC revenue budget", "2010/11 Budget, 2011/12 Budget")
    form = tab.presenter.settings_form()
    form.set_value("unit", "thousand")
    form.set_value("total_label", "C = A+B Gross budget")
    assert form.save()
    add_section(qtbot, tab, "Revenue", "budget")
    add_line(qtbot, tab, "A Budget Net")
    add_line(qtbot, tab, "B Income or specific grant")
    for label, figures in (("A Budget Net", ("878", "884")), ("B Income or specific grant", ("582", "317"))):
        for column, text in zip((1, 2), figures):
            type_cell(qtbot, tab, _row(tab, label), column, text)
    assert tab.presenter.error == ""


def test_the_papers_total_typed_over_an_agreeing_worked_out_total_is_kept_as_printed(qtbot, empty_tab):
    tab = empty_tab
    _revenue_table(qtbot, tab)
    total = _row(tab, "C = A+B Gross budget")
    assert [tab.model.index(total, c).data() for c in (1, 2)] == ["1,460", "1,201"]
    type_cell(qtbot, tab, total, 1, "1,460")
    type_cell(qtbot, tab, _row(tab, "C = A+B Gross budget"), 2, "1,201")
    printed = _row(tab, "C = A+B Gross budget (as printed)")
    assert [tab.model.index(printed, c).data() for c in (1, 2)] == ["1,460", "1,201"]
    assert tab.presenter.warnings() == ()
    # The line corrected later to the MTFP's 316.9: the paper's 1,201 no longer agrees, and it is said.
    type_cell(qtbot, tab, _row(tab, "B Income or specific grant"), 2, "316.9")
    assert tab.presenter.warnings() == ("C = A+B Gross budget, 2011/12 Budget: the paper states 1,201 but the lines "
                                        "add up to 1,200.9 (a difference of 0.1).",)


def test_the_worked_out_total_opened_and_left_as_it_was_still_keeps_nothing(qtbot, empty_tab):
    tab = empty_tab
    _revenue_table(qtbot, tab)
    view, index = tab.view, tab.model.index(_row(tab, "C = A+B Gross budget"), 1)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=3000)
    assert not any(r.kind == "stated-total" for r in tab.presenter.rows)
    assert not tab.presenter.store.rows("SELECT * FROM budget_stated_totals")


# -- the paper's printed annual change could not be typed in the window: only the example file had one ---------------

def test_the_papers_printed_change_is_typed_in_its_change_column_and_checked(qtbot, empty_tab):
    """Seed 004's revenue table prints an annual change beside each figure: (0.7) for 878 to 884, which is a rise,
    and (17.7) for the gross budget, 1,460 to 1,201. The guide says a printed change is checked; typed in the window,
    the table had nowhere to hold it (only the example file had any), so the paper's slip could not be found."""
    tab = empty_tab
    _revenue_table(qtbot, tab)
    change = tab.model.column_index("d1")
    assert tab.model.headerData(change, Qt.Orientation.Horizontal) == "Change to 2011/12 Budget"
    type_cell(qtbot, tab, _row(tab, "A Budget Net"), change, "(0.7)")
    assert tab.presenter.error == ""
    said = ("A Budget Net, 2011/12 Budget: the paper prints an annual change of (0.7) (-0.7%) but 878 to 884 is "
            "+0.7%.")
    assert tab.presenter.warnings() == (said,)
    a = _row(tab, "A Budget Net")
    assert tab.model.index(a, tab.model.column_index("c1")).data() == "⚠ 884"
    assert tab.model.index(a, change).data() == "+6 (+0.7%)"  # worked out, as before
    assert "(0.7)" in tab.model.index(a, change).data(Qt.ItemDataRole.ToolTipRole)
    # The gross budget: its printed figure, then the change printed beside it, which agrees.
    type_cell(qtbot, tab, _row(tab, "C = A+B Gross budget"), 2, "1,201")
    type_cell(qtbot, tab, _row(tab, "C = A+B Gross budget (as printed)"), change, "(17.7)")
    assert tab.presenter.error == "" and tab.presenter.warnings() == (said,)
    plan = tab.presenter.view.plan
    assert plan.stated_totals[plan.columns[1].id].stated_change == "(17.7)"
    # The figure put back as it was keeps the printed change; each change typed is one step of Edit > Undo.
    type_cell(qtbot, tab, _row(tab, "A Budget Net"), 2, "884")
    assert tab.presenter.warnings() == (said,)
    stack = tab.session.undo_stack
    assert stack.undoText() == "Printed change, C = A+B Gross budget, 2011/12 Budget in plan ESCC revenue budget"
    stack.undo()
    assert tab.presenter.view.plan.stated_totals[plan.columns[1].id].stated_change == ""
    stack.undo()  # the printed 1,201
    assert stack.undoText() == "Printed change, A Budget Net, 2011/12 Budget in plan ESCC revenue budget"
    stack.undo()
    assert tab.presenter.warnings() == ()
    assert tab.presenter.view.plan.sections[0].lines[0].cells[plan.columns[1].id].amount_pence == 88_400_000
    stack.redo()
    assert tab.presenter.warnings() == (said,)


def test_a_printed_change_that_is_not_a_percentage_is_refused_beside_the_grid(qtbot, empty_tab):
    tab = empty_tab
    _revenue_table(qtbot, tab)
    change = tab.model.column_index("d1")
    type_cell_left_open(qtbot, tab, _row(tab, "A Budget Net"), change, "rise")
    assert "not a percentage change" in tab.presenter.error
    assert tab.presenter.view.plan.sections[0].lines[0].cells[tab.presenter.view.plan.columns[1].id].stated_change == ""


def test_a_worked_out_row_and_an_empty_cell_have_no_printed_change_to_type(qtbot, empty_tab):
    tab = empty_tab
    _revenue_table(qtbot, tab)
    change = tab.model.column_index("d1")
    editable = Qt.ItemFlag.ItemIsEditable
    assert tab.model.flags(tab.model.index(_row(tab, "A Budget Net"), change)) & editable
    assert not tab.model.flags(tab.model.index(_row(tab, "C = A+B Gross budget"), change)) & editable
    assert not tab.model.flags(tab.model.index(_row(tab, "Revenue"), change)) & editable


def test_the_service_refuses_a_change_into_the_first_year_and_one_with_no_figure_beside_it(store):
    plan = svc.create_plan(store, "Revenue", columns=["2010/11", "2011/12"], unit="thousand")
    line = svc.add_line(store, svc.add_section(store, plan, "Revenue", kind="budget"), "A Budget Net")
    svc.set_cell(store, line, "2010/11", "878")
    for column, said in (("2010/11", "after the plan's first"), ("2011/12", "type the figure the paper prints first")):
        try:
            svc.set_printed_change(store, plan, column, "(0.7)", line_id=line)
        except svc.BudgetError as exc:
            assert said in str(exc)
        else:
            raise AssertionError(f"{column}: a printed change was taken")
    svc.set_cell(store, line, "2011/12", "884")
    assert svc.set_printed_change(store, plan, "2011/12", "(0.7)", line_id=line) == ""
    # In the paper's £'000, and said so (round 50: beside `safer-desk budget`'s CSV in pounds).
    assert svc.warnings_for(store) == ["Revenue (its figures in £'000, as the paper prints them): A Budget Net, "
                                       "2011/12: the paper prints an annual change of (0.7) (-0.7%) but 878 to 884 "
                                       "is +0.7%."]
