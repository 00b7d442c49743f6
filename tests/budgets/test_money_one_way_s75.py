"""s75: the Budgets tab showed seed 002's implications with "£0" and "£9,000 + TBC" beside "£7,525.58", and a total
the paper printed to the pound ("£12,526") as "£12,526" beside the lines' "£12,525.58", while the board report
writes a plan's money one way ("£0.00", "£12,526.00": ``table_money``). The tab now shows a plan in pounds with pence
anywhere in it as the report does, so the figures an officer checks in the tab are those the board reads (what is
held, copied, exported and typed over is unchanged: "£0"); and a printed total that is its lines' total rounded to
the pound says so where it is flagged, not only "a difference of £0.42"."""

from __future__ import annotations

import pytest

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as service
from safer_desk.services.report import build_report
from tests.budgets.test_budgets_view import type_cell

PLAN = "Western Suffolk CSP financial implications 2017/18 – 2019/20"
ROUNDED = ("Net Effect, 2017/18: the paper states £12,526 but the lines add up to £12,525.58 (a difference of "
           "£0.42: the paper's figure is the lines' total rounded to the pound).")


@pytest.fixture
def presenter(demo_store):
    plan_id = demo_store.scalar("SELECT id FROM budget_plans WHERE name = ?", (PLAN,))
    service.set_stated_total(demo_store, plan_id, "2017/18", "£12,526")  # the paper's total, to the pound
    p = BudgetsPresenter(demo_store)
    p.reload()
    p.select(plan_id)
    return p


def _row(p, start, kind="line"):
    return next(r for r in p.rows if r.label.startswith(start) and r.kind == kind)


def test_a_plan_with_pence_is_shown_with_pence_throughout_as_the_report_prints_it(presenter, demo_store):
    p = presenter
    assert p.pence_throughout
    hardening = _row(p, "Target Hardening")
    assert [p.shown(c.text) for c in hardening.cells] == ["£0.00", "£4,000.00 (£2,000.00 per district)", "N/K"]
    assert p.shown(hardening.cells[1].change) == "+£4,000.00"
    assert hardening.cells[0].text == hardening.cells[0].edit_text == "£0"  # as held and typed over
    net, printed = _row(p, "Net Effect", "total"), _row(p, "Net Effect", "stated-total")
    assert [p.shown(c.text) for c in net.cells] == ["£12,525.58", "£9,000.00 + TBC", "N/K"]
    assert p.shown(net.across.text) == "£21,525.58 + TBC + N/K"
    assert p.shown(printed.cells[0].text) == "£12,526.00" and printed.cells[0].flag
    document = build_report(demo_store, year="2017/18")
    [table] = [t for s in document.sections for t in s.tables if t.title == PLAN]
    for row in p.rows:
        if row.kind in ("line", "total"):
            [paper] = [r for r in table.rows if r[0].strip().removesuffix(" (worked out)") == row.label]
            said = [t.removesuffix(" *").removesuffix(" ⚠") for t in paper[1:4]]
            assert said == [p.shown(c.text) for c in row.cells]


def test_a_plan_in_whole_pounds_keeps_them(presenter):
    p = presenter
    p.select(next(x.id for x in p.plans if x.name.startswith("East Sussex Community Safety MTFP")))
    assert not p.pence_throughout and p.shown("£327,800") == "£327,800"


def test_a_printed_total_rounded_to_the_pound_says_so(presenter):
    assert ROUNDED in presenter.warnings()
    assert _row(presenter, "Net Effect", "stated-total").cells[0].flag == ROUNDED


def test_the_grid_shows_pence_throughout_once_a_figure_has_them_and_not_after(tab, qtbot):
    names = [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]
    tab.plan_list.setCurrentRow(next(i for i, n in enumerate(names) if "Western Suffolk" in n))
    model = tab.model

    def shown(label, year):
        row = next(r for r in range(model.rowCount()) if model.row(r).label.startswith(label))
        return model.index(row, model.year_columns[year]).data()

    assert shown("Target Hardening", 0) == "£0.00" and shown("Net Effect", 1) == "£9,000.00 + TBC"
    dhr = next(r for r in range(model.rowCount()) if model.row(r).label.startswith("Domestic Homicide"))
    type_cell(qtbot, tab, dhr, model.year_columns[0], "£7,526")  # the plan's only pence gone: whole pounds again
    qtbot.waitUntil(lambda: shown("Target Hardening", 0) == "£0", timeout=3000)
    assert shown("Net Effect", 1) == "£9,000 + TBC" and shown("Domestic Homicide", 0).startswith("£7,526")
