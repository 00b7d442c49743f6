"""Session 47: every figure on the plan grid is read whole after a change, not only when the plan is first shown.

Seen in the window (1366x768): on the East Sussex MTFP, Employees 2011/12 typed as (5,000) widened Change to 2012/13
(+£253,600 (+42.9%)), and 2014/15 then read "£393,2…" and "£834,…": its figures cut short until the plan was
chosen again."""

from PySide6.QtGui import QFontMetrics

from tests.budgets.test_budgets_view import choose_plan, type_cell


def _cut_short(tab) -> list[tuple[str, str, int, int]]:
    model, view = tab.model, tab.view
    cut = []
    for r in range(model.rowCount()):
        for c in range(1, model.columnCount()):
            text = model.index(r, c).data() or ""
            font = model.index(r, c).data(13)  # FontRole: a bold total is wider
            metrics = view.fontMetrics() if font is None else QFontMetrics(font)
            if text and view.columnWidth(c) < metrics.horizontalAdvance(text) + 8:
                cut.append((model.headerData(c, 1), text, view.columnWidth(c), metrics.horizontalAdvance(text)))
    return cut


def test_the_figures_stay_whole_after_a_change_widens_a_column(qtbot, demo_window, tab):
    demo_window.resize(1200, 705)
    choose_plan(tab, "East Sussex Community Safety MTFP")
    assert _cut_short(tab) == []
    employees = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "Employees")
    type_cell(qtbot, tab, employees, 1, "(5,000)")
    assert tab.model.index(employees, 1).data() == "-£5,000"
    assert _cut_short(tab) == []
