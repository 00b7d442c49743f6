"""Session 63: the annual change a paper prints beside its total ("C = A+B Gross budget": (17.7), (38.6), (3.3), (0.6)
in seed 004's revenue table) is typed in the Change to cell of the total's "(as printed)" row. It was kept, and said in
the cell's tooltip, but the cell showed nothing: typed and Enter, the figure seemed lost, and the board report's
"(as printed)" row printed its changes blank too, though the paper printed them. Both show the paper's figure now."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services.report_sections.budgets import plan_table
from tests.budgets.test_grid_keys_round22 import put_in

REVENUE = "East Sussex Community Safety revenue budget"
PRINTED = "C = A+B Gross budget (as printed)"


def _row(tab, label: str) -> int:
    return next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label == label)


def _changes(tab, row: int) -> list[str]:
    m = tab.model
    return [m.index(row, c).data() for c in range(m.columnCount())
            if m.headerData(c, Qt.Orientation.Horizontal).startswith("Change to")]


def test_the_printed_row_s_change_cells_show_what_the_paper_printed(qtbot, tab):
    item = next(tab.plan_list.item(i) for i in range(tab.plan_list.count())
                if tab.plan_list.item(i).text().startswith(REVENUE))
    tab.plan_list.setCurrentItem(item)
    row = _row(tab, PRINTED)
    assert _changes(tab, row) == ["(17.7)", "(38.6)", "(3.3)", "(0.6)"]
    column = next(c for c in range(tab.model.columnCount())
                  if tab.model.headerData(c, Qt.Orientation.Horizontal) == "Change to 2012/13 Budget")
    put_in(qtbot, tab, row, column, "(38.5)", Qt.Key.Key_Return)  # typed over the printed (38.6): what it shows
    assert _changes(tab, _row(tab, PRINTED)) == ["(17.7)", "(38.5)", "(3.3)", "(0.6)"]


def test_the_report_prints_the_paper_s_changes_on_its_printed_row(demo_store):
    p = BudgetsPresenter(demo_store)
    p.reload()
    p.select(next(plan.id for plan in p.plans if plan.name.startswith(REVENUE)))
    table = plan_table(p.view)
    printed = next(r for r in table.rows if r[0] == PRINTED)
    assert printed == [PRINTED, "1,460", "(17.7)", "1,201", "(38.6)", "738", "(3.3)", "714", "(0.6)", "710"]
