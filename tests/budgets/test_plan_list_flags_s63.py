"""Session 63: the plan list's ⚠ count stayed as the plan was when the list was last filled.

The East Sussex MTFP is listed "⚠ 1" (its printed £97,200 drugs-and-alcohol subtotal against lines adding to £212,100).
The officer corrects the printed figure in the grid (the paper's erratum gives £212,100): the warning under the grid
goes and the summary says every printed figure agrees, but the list still said "⚠ 1" until another plan was made,
renamed or deleted, or the file was opened again. The other way, a figure typed that makes a printed total disagree
(Western Suffolk's printed total typed wrong) left the list without ⚠. The list now follows each edit, its undo and
its redo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.budgets.test_grid_keys_round22 import put_in


def _listed(tab, start: str) -> str:
    return next(tab.plan_list.item(i).text() for i in range(tab.plan_list.count())
                if tab.plan_list.item(i).text().startswith(start))


def _choose(tab, start: str) -> None:
    item = next(tab.plan_list.item(i) for i in range(tab.plan_list.count())
                if tab.plan_list.item(i).text().startswith(start))
    tab.plan_list.setCurrentItem(item)


def _at(tab, label: str, year: str):
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label == label)
    column = next(c for c in tab.model.year_columns
                  if tab.model.headerData(c, Qt.Orientation.Horizontal) == year)
    return row, column


def test_correcting_the_printed_total_takes_the_plan_list_s_flag_away(qtbot, tab, window):
    mtfp = "East Sussex Community Safety MTFP"
    _choose(tab, mtfp)
    assert _listed(tab, mtfp).endswith("⚠ 1")
    put_in(qtbot, tab, *_at(tab, "Drugs and alcohol subtotal (as printed)", "2012/13"), "212,100", Qt.Key.Key_Return)
    assert not tab.presenter.warnings()
    assert "⚠" not in _listed(tab, mtfp)
    window.session.undo_stack.undo()
    assert _listed(tab, mtfp).endswith("⚠ 1")
    window.session.undo_stack.redo()
    assert "⚠" not in _listed(tab, mtfp)


def test_a_figure_that_makes_a_printed_total_disagree_flags_the_plan_in_the_list(qtbot, tab):
    western = "Western Suffolk CSP financial implications"
    _choose(tab, western)
    assert "⚠" not in _listed(tab, western)
    put_in(qtbot, tab, *_at(tab, "Net Effect", "2017/18"), "12,000", Qt.Key.Key_Return)  # the paper's £12,525.58
    assert tab.presenter.warnings()
    assert _listed(tab, western).endswith("⚠ 1")
