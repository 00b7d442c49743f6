"""A tester's walk (h26n) on the Budgets tab: the worked-out subtotal opened and left as it was overwrote the figure the
paper printed beside it; a line linked to a fund's contributions from every organisation and from one counted that one
twice; a figure asked about and then typed as the cell held it left the question on screen."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from safer_desk.domain.budgets import BudgetError
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from tests.budgets.test_budgets_view import choose_plan

MTFP = "East Sussex Community Safety MTFP"


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("budgets")


def _row(tab, label):
    return next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == label)


def _open_and_enter(qtbot, tab, row, column):
    """Double-click as an officer does, read the figure, and press Enter without typing."""
    view = tab.view
    index = tab.model.index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=3000)


def _printed_drugs_subtotal(store):
    plan = next(p for p in svc.list_plans(store) if p.name.startswith(MTFP))
    view = svc.plan_view(store, plan.id, with_actuals=False)
    row = next(r for r in view.rows if r.kind == "stated" and r.label.startswith("Drugs and alcohol"))
    return [c.text for c in row.cells], view.warnings


def test_the_worked_out_subtotal_opened_and_left_as_it_was_keeps_the_printed_figure(qtbot, tab, demo_window):
    """Seed 004 prints the 2012/13 drugs-and-alcohol subtotal as £97,200; its lines add to £212,100. Double-clicking
    the worked-out £212,100 to read it and pressing Enter put £212,100 in as the printed figure: the paper's £97,200
    was gone, and with it the only flag the plan has, without a word (and an undo step that looked like nothing)."""
    choose_plan(tab, MTFP)
    store = demo_window.session.store
    before = _printed_drugs_subtotal(store)
    assert before[0][1] == "£97,200" and before[1]
    subtotal = _row(tab, "Drugs and alcohol subtotal")
    column = tab.model.column_index("c1")
    assert tab.model.index(subtotal, column).data() == "⚠ £212,100"
    _open_and_enter(qtbot, tab, subtotal, column)
    assert _printed_drugs_subtotal(store) == before
    assert tab.model.index(subtotal, column).data() == "⚠ £212,100"


def test_the_printed_row_opened_and_left_as_it_was_is_no_change_to_undo(qtbot, tab, demo_window):
    choose_plan(tab, MTFP)
    store = demo_window.session.store
    before = _printed_drugs_subtotal(store)
    printed = _row(tab, "Drugs and alcohol subtotal (as printed)")
    stamp = store.scalar("SELECT updated_at FROM budget_plans WHERE name LIKE ?", (MTFP + "%",))
    _open_and_enter(qtbot, tab, printed, tab.model.column_index("c1"))
    assert _printed_drugs_subtotal(store) == before
    assert store.scalar("SELECT updated_at FROM budget_plans WHERE name LIKE ?", (MTFP + "%",)) == stamp


# -- a line linked to a fund's contributions from every organisation and from one of them counted that one twice --

WESTERN = "Western Suffolk"


def _target_hardening(store):
    plan = next(p for p in svc.list_plans(store) if p.name.startswith(WESTERN))
    view = svc.plan_view(store, plan.id)
    return plan.id, next(r for r in view.rows if r.label.startswith("Target Hardening"))


def test_contributions_from_every_organisation_are_refused_beside_one_organisations_on_the_same_line(demo_store):
    """The example's target-hardening line counts Babergh's and Mid Suffolk's contributions (£2,000 each, 2018/19).
    Linked to the fund's contributions from every organisation as well, its 2018/19 actual read £24,000 when the fund
    received £20,000: those two councils' £4,000 counted twice, without a word."""
    _, row = _target_hardening(demo_store)
    fund = row.links[0].target_id
    with pytest.raises(BudgetError, match="twice") as refused:
        svc.link_line(demo_store, row.line_id, fund=fund, measure="contributions")
    assert "Babergh District Council" in str(refused.value)
    _, after = _target_hardening(demo_store)
    assert [c.text for c in after.actuals] == ["—", "£4,000", ""]  # 2017/18: before the fund began


def test_one_organisations_contributions_are_refused_beside_every_organisations(demo_store):
    _, row = _target_hardening(demo_store)
    fund = row.links[0].target_id
    for link in row.links:
        svc.unlink_line(demo_store, link.id)
    svc.link_line(demo_store, row.line_id, fund=fund, measure="contributions")
    with pytest.raises(BudgetError, match="every organisation"):
        svc.link_line(demo_store, row.line_id, fund=fund, measure="contributions",
                      organisation="Babergh District Council")
    _, after = _target_hardening(demo_store)
    assert [c.text for c in after.actuals] == ["—", "£20,000", ""]  # 2017/18: before the fund began
    assert len(after.links) == 1


def test_the_link_dialog_says_so_and_stays_open(demo_store):
    p = BudgetsPresenter(demo_store)
    p.reload()
    plan, row = _target_hardening(demo_store)
    p.select(plan)
    grid_row = next(r for r in p.rows if r.line_id == row.line_id)
    assert not p.link_line(grid_row.line_id, "fund", row.links[0].target_id, "contributions")
    assert "twice" in p.error
    assert len(_target_hardening(demo_store)[1].links) == 2


# -- a figure asked about, then typed as the cell already held it: the question stayed on screen ----------------------

def test_a_line_figure_asked_about_then_typed_as_it_was_leaves_no_question_beside_the_grid(qtbot, tab):
    """In the revenue budget (£'000) A Budget Net 2011/12 holds 884. “£884,000” typed there is asked about (it reads
    as £884,000,000; type 884). Typing 884, as asked, changed nothing in the cell, so nothing was written, and the
    question stayed beside the grid telling the officer to type 884 or “£884,000” again."""
    from tests.budgets.test_budgets_view import type_cell, type_cell_left_open
    from tests.budgets.test_printed_totals_and_years import REVENUE, said

    choose_plan(tab, REVENUE)
    line = _row(tab, "A Budget Net")
    column = tab.model.year_columns[1]
    type_cell_left_open(qtbot, tab, line, column, "£884,000")
    assert "£884,000,000" in said(tab)
    type_cell(qtbot, tab, line, column, "884")
    assert said(tab) == ""
    assert tab.model.index(line, column).data().endswith("884")
