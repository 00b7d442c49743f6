"""A linked line's actual across the years: the board report prints it in the Total column of the line's "actual"
row (the DHR's £7,525.58 in the Western Suffolk CSP plan), while the grid said what actually happened beside each
year's figure but left its Total column without it. The grid's Total column says it too, from the same view."""

from __future__ import annotations

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc

PLAN = "Western Suffolk CSP financial implications 2017/18 – 2019/20"


def _rows(store):
    p = BudgetsPresenter(store)
    p.reload()
    p.select(svc.plan_id_by_name(store, PLAN))
    return {r.label: r for r in p.rows if r.kind == "line"}


def test_the_total_column_of_a_linked_line_says_what_actually_happened(demo_store):
    rows = _rows(demo_store)
    dhr, hardening = rows["Domestic Homicide Reviews (DHRs)"], rows["Target Hardening for High Risk DV Victims"]
    assert (dhr.across.text, dhr.across.actual) == ("£7,525.58 + TBC + N/K", "£7,525.58")
    assert (hardening.across.text, hardening.across.actual) == ("£4,000 + N/K", "£4,000")
    assert all(not r.across.actual for r in rows.values() if not r.links)
    from safer_desk.services.report_sections.budgets import plan_table

    table = plan_table(svc.plan_view(demo_store, svc.plan_id_by_name(demo_store, PLAN)))
    at = next(i for i, r in enumerate(table.rows) if r[0].strip() == "Domestic Homicide Reviews (DHRs)")
    assert table.rows[at + 1][0].startswith("    actual:") and table.rows[at + 1][-1] == dhr.across.actual


def test_the_grid_shows_it_in_the_total_column_s_tooltip(tab):
    from PySide6.QtCore import Qt

    item = next(tab.plan_list.item(i) for i in range(tab.plan_list.count())
                if tab.plan_list.item(i).text().startswith("Western"))
    tab.plan_list.setCurrentItem(item)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data().startswith("Domestic"))
    total = tab.model.column_index("across")
    assert tab.model.index(row, total).data() == "£7,525.58 + TBC + N/K"
    tip = tab.model.index(row, total).data(Qt.ToolTipRole)
    assert "Actually (what the line is linked to shows): £7,525.58" in tip
