"""The Budgets tab, round 34 (bgt): a year with no lines yet, and the total the paper printed for it.

1. The paper's subtotal typed for a year whose lines are not typed yet (2018/19 of three years, keyed column by
   column) was flagged "the paper states £1,500 but the lines add up to £0", yet the worked-out subtotal beside it
   was blank, without its ⚠, and the command line printed the stated-differs row with no worked-out figure above it
   to compare it with (every other stated-differs row has one): three answers for one figure. The worked-out figure a
   printed total disagrees with is shown, £0, flagged, in the grid, on the command line and in the report.
"""

from __future__ import annotations

import csv
import io

from safer_desk.cli import main
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services.report_sections.budgets import plan_table
from safer_desk.storage.store import open_store

SAID = "Spend: subtotal, 2018/19: the paper states £1,500 but the lines add up to £0"


def _plan(store):
    """Two lines with 2017/18 and 2019/20 typed, 2018/19 not yet; the paper's 2018/19 subtotal typed over it."""
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Test plan", "2017/18, 2018/19, 2019/20")
    assert p.add_section("Spend", "expenditure"), p.error
    for label in ("Staff", "Travel"):
        assert p.add_line(p.added_section, label), p.error
    start = next(i for i, r in enumerate(p.rows) if r.label == "Staff")
    assert p.paste_block(start, 0, [["1,000", "", "2,000"], ["500", "", "500"]]), p.error
    subtotal = next(r for r in p.rows if r.kind == "subtotal")
    assert p.set_printed_total(subtotal, "2018/19", "£1,500", typed=True), p.error
    return p


def test_the_worked_out_figure_a_printed_total_disagrees_with_is_shown_flagged(store):
    p = _plan(store)
    assert any(SAID in w for w in p.warnings())
    subtotal = next(r for r in p.rows if r.kind == "subtotal")
    assert [c.text for c in subtotal.cells] == ["£1,500", "£0", "£2,500"]
    assert subtotal.cells[1].flag and subtotal.cells[1].pence == 0
    printed = next(r for r in p.rows if r.kind == "stated")
    assert printed.cells[1].text == "£1,500" and printed.cells[1].flag
    view = svc.plan_view(store, p.selected)
    worked_out = next(r for r in plan_table(view).rows if r[0].startswith("Spend: subtotal (worked out)"))
    assert worked_out[2] == "£0 ⚠"  # the board report's cell, as the grid shows it


def test_the_command_line_prints_the_worked_out_figure_above_the_printed_one(tmp_path, capsys):
    path = tmp_path / "plan.sqlite"
    store = open_store(path, create=True)
    try:
        _plan(store)
    finally:
        store.close()
    assert main(["budget", str(path)]) == 0
    out = capsys.readouterr()
    rows = [r for r in csv.reader(io.StringIO(out.out)) if r[2] == "Spend: subtotal" and r[3] == "2018/19"]
    assert rows == [["Test plan", "Spend", "Spend: subtotal", "2018/19", "0", "total", ""],
                    ["Test plan", "Spend", "Spend: subtotal", "2018/19", "1500", "stated-differs", ""]]
    assert SAID in out.err


def test_the_grid_shows_the_flagged_zero_beside_the_printed_total(window, tmp_path):
    path = tmp_path / "plan.sqlite"
    store = open_store(path, create=True)
    try:
        plan_id = _plan(store).selected
    finally:
        store.close()
    assert window.open_path(path)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(plan_id)
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Spend: subtotal")
    assert model.index(row, model.year_columns[1]).data() == "⚠ £0"
