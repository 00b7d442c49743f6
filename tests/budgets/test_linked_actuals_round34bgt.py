"""The Budgets tab, round 34 (bgt): what a linked line's actual leaves out.

1. A line of the Western Suffolk financial implications (2017/18 – 2019/20) linked to a project whose cost falls in
   another year (Homeshield Plus, £125,000 from April 2009) showed no actual in any year and said nothing: the link
   looked as if the project had cost nothing. What a link shows in a year the plan has no column for is said beside
   the actual (the line's and its cells' tooltips, and under the plan's table in the board report), as a review's
   undated costs are.
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services.projects import load_projects
from safer_desk.services.report_sections.budgets import plan_table
from safer_desk.storage.store import open_store

PLAN = "Western Suffolk"
LINE = "Target Hardening"
SAID = "Project 1. Homeshield Plus: cost: £125,000 in 2009/10, a year the plan has no column for"


def _presenter(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    p.select(next(x.id for x in p.plans if x.name.startswith(PLAN)))
    return p


def _linked(store):
    """Target hardening linked to Homeshield Plus (its £125,000 in 2009/10) through the tab's own action."""
    p = _presenter(store)
    row = next(r for r in p.rows if r.kind == "line" and r.label.startswith(LINE))
    homeshield = next(x for x in load_projects(store) if x.title.startswith("Homeshield"))
    assert p.link_line(row.line_id, "project", homeshield.id), p.error
    return p, next(r for r in p.rows if r.line_id == row.line_id)


def test_a_linked_projects_cost_in_a_year_the_plan_has_not_is_said_beside_the_actual(demo_store):
    p, row = _linked(demo_store)
    assert SAID in row.actuals_note
    view = svc.plan_view(demo_store, p.selected)
    assert SAID in plan_table(view).note  # the board report says it under the plan's table


def test_actuals_in_the_plans_own_years_are_not_said_as_left_out(demo_store):
    p = _presenter(demo_store)
    row = next(r for r in p.rows if r.kind == "line" and r.label.startswith(LINE))  # its fund contributions, 2018/19
    # Nothing left out; only 2017/18's "—" said, a year before the fund began (s74)
    assert row.links and row.actuals_note == ("“—” (not started) in 2017/18: Suffolk Target Hardening Pilot began in "
                                              "April 2018.")


def test_the_grid_tooltip_says_what_the_linked_actual_leaves_out(window, demo_path):
    from PySide6.QtCore import Qt

    store = open_store(demo_path)
    try:
        _linked(store)
    finally:
        store.close()
    assert window.open_path(demo_path)
    tab = window.show_tab("budgets")
    tab.presenter.select(next(x.id for x in tab.presenter.plans if x.name.startswith(PLAN)))
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data().startswith(LINE))
    for column in (0, tab.model.year_columns[1]):  # the line's name and its 2018/19 cell, where the actual is read
        tip = tab.model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        assert SAID in tip, tip
