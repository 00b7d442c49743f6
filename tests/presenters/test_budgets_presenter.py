"""The Budgets presenter without a window: the MTFP's printed £97,200 flagged beside the £212,100 worked out,
TBC / N/K and per-district cells as stated, year-on-year change in £ and %, every change undoable."""

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as service


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def presenter(demo_store, log):
    p = BudgetsPresenter(demo_store, perform=log)
    p.reload()
    return p


def plan(p, start):
    p.select(next(x.id for x in p.plans if x.name.startswith(start)))
    return p


def test_the_mtfp_keeps_the_printed_subtotal_beside_the_worked_out_one_and_flags_it(presenter):
    p = plan(presenter, "East Sussex")
    assert any(x.name.startswith("East Sussex") and x.flags for x in p.plans)
    year = p.columns.index("2012/13")
    printed = next(r for r in p.rows if r.kind == "stated" and "£97,200" in r.cells[year].text)
    assert printed.cells[year].flag and printed.cells[year].status == "stated-differs"
    worked = next(r for r in p.rows if r.kind == "subtotal" and r.cells[year].text == "£212,100")
    assert worked.label == printed.label.removesuffix(" (as printed)")
    assert any("97,200" in w and "212,100" in w for w in p.warnings())
    assert "disagree" in p.summary()


def test_the_financial_implications_show_tbc_nk_and_the_split_per_district(presenter):
    p = plan(presenter, "Western Suffolk")
    dhr = next(r for r in p.rows if r.label.startswith("Domestic Homicide"))
    assert [c.text for c in dhr.cells] == ["£7,525.58", "TBC", "N/K"]
    assert dhr.cells[0].note.startswith("Cost to be reimbursed")
    hardening = next(r for r in p.rows if r.label.startswith("Target Hardening"))
    assert [c.text for c in hardening.cells] == ["£0", "£4,000 (£2,000 per district)", "N/K"]
    assert hardening.cells[1].change == "+£4,000"  # from £0: no percentage
    ecins = next(r for r in p.rows if r.label.startswith("E-CINS"))
    assert ecins.cells[1].change == "£0 (0.0%)"
    net = next(r for r in p.rows if r.kind == "total")
    assert [c.text for c in net.cells] == ["£12,525.58", "£9,000 + TBC", "N/K"]
    assert net.across.text == "£21,525.58 + TBC + N/K"


def test_year_on_year_change_in_pounds_and_percent(presenter):
    p = plan(presenter, "East Sussex")
    total = next(r for r in p.rows if r.kind == "total")
    assert total.cells[1].change.startswith("-£") and "%" in total.cells[1].change


def test_a_new_plan_section_line_and_cells_each_undoable(presenter, demo_store, log):
    before = len(presenter.plans)
    plan_id = presenter.new_plan("Test plan", "2017/18, 2018/19")
    assert presenter.selected == plan_id and len(presenter.plans) == before + 1
    assert presenter.add_section("Items")
    assert presenter.add_line(presenter.sections()[0][0], "DHRs")
    line = next(r for r in presenter.rows if r.kind == "line")
    assert presenter.set_cell(line.line_id, "2017/18", "£7525.58")
    assert presenter.set_cell(line.line_id, "2018/19", "TBC")
    line = next(r for r in presenter.rows if r.kind == "line")
    assert [c.text for c in line.cells] == ["£7,525.58", "TBC"]
    assert log.undo_text == "Undo set DHRs, 2018/19"
    log.undo()
    line = next(r for r in presenter.rows if r.kind == "line")
    assert [c.text for c in line.cells] == ["£7,525.58", ""]
    assert not presenter.set_cell(line.line_id, "2018/19", "lots") and presenter.error
    for _ in range(4):
        log.undo()
    assert all(x.id != plan_id for x in service.list_plans(demo_store))
