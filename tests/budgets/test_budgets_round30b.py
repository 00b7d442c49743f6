"""The Budgets tab, round 30 (follow-ups).

1. A total the paper printed beside a worked-out total with a TBC or N/K in it ("£9,000 + TBC") cannot be checked,
   yet it showed as plainly "stated" in the grid and on the command line, with no word of it, and the summary above
   the grid said "every printed figure agrees with its lines".
2. A line linked to a review left the review's cost lines with no invoice date out of every year's actual, unsaid.
"""

from __future__ import annotations

import csv
import io

from safer_desk.cli import main
from safer_desk.services import budgets as svc
from safer_desk.storage.store import open_store

PLAN = "Western Suffolk CSP financial implications"
WHY = "the lines cannot be checked against it because 1 of them is not known yet"


def _implications(path):
    """Seed 002 §6 shape: DHRs £7,525.58, target hardening TBC, and the paper's total printed as £12,000."""
    store = open_store(path, create=True)
    try:
        plan = svc.create_plan(store, PLAN, columns=["2018/19"])
        section = svc.add_section(store, plan, "Costs")
        svc.set_cell(store, svc.add_line(store, section, "Domestic Homicide Reviews"), "2018/19", "£9,000")
        svc.set_cell(store, svc.add_line(store, section, "Target hardening"), "2018/19", "TBC")
        svc.set_stated_total(store, plan, "2018/19", "£12,000")
    finally:
        store.close()
    return path


def _printed(view):
    row = next(r for r in view.rows if r.kind == "stated-total")
    return row.cells[0]


def test_a_printed_total_beside_an_incomplete_one_is_said_to_be_unchecked_and_why(tmp_path):
    store = open_store(_implications(tmp_path / "office.sqlite"))
    try:
        view = svc.plan_view(store, svc.plan_id_by_name(store, PLAN))
    finally:
        store.close()
    printed = _printed(view)
    assert printed.pence == 12_000_00
    assert printed.status == "stated-unchecked"  # was "stated", as a figure that had been checked and agreed
    assert WHY in printed.unchecked
    assert not printed.flagged  # not a disagreement: nothing is known to be wrong


def test_the_command_line_says_the_printed_total_was_not_checked_and_why(tmp_path, capsys):
    path = _implications(tmp_path / "office.sqlite")
    assert main(["budget", str(path)]) == 0
    out = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out.out)))
    printed = next(r for r in rows if r["amount"] == "12000")
    assert printed["status"] == "stated-unchecked"
    assert next(r for r in rows if r["status"] == "total-incomplete")["amount"] == "9000"
    assert "safer-desk: note: " in out.err and WHY in out.err and "£12,000" in out.err


def test_the_grid_marks_the_unchecked_printed_total_and_says_why(window, tmp_path):
    assert window.open_path(_implications(tmp_path / "office.sqlite"))
    window.resize(1280, 800)
    window.show()
    tab = window.show_tab("budgets")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data().endswith("(as printed)"))
    index = tab.model.index(row, 1)
    from PySide6.QtCore import Qt

    assert index.data() == "ℹ £12,000"  # was "£12,000", as one that agreed
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "not checked" in tip and WHY in tip
    said = tab.warnings.text()
    assert tab.warnings.isVisibleTo(tab) and WHY in said and "⚠" not in said
    assert "every printed figure agrees" not in tab.summary.text()  # it was said to agree
    assert "could not be checked" in tab.summary.text()


# 2. A line linked to a review shows what the review actually cost by year of invoice; a cost line with no invoice
#    date (a legal bill not yet invoiced) belongs to no year and was left out of every year's actual without a word.

def _undated_legal_cost(path):
    from safer_desk.services import dhr

    store = open_store(path)
    try:
        case_id = store.scalar("SELECT case_id FROM dhr_cost_lines LIMIT 1")
        dhr.add_cost_line(store, case_id, category="Legal", amount="1500")  # no invoice date yet
        plan_id = next(p.id for p in svc.list_plans(store) if p.name.startswith("Western Suffolk"))
        return svc.plan_view(store, plan_id)
    finally:
        store.close()


def test_a_linked_reviews_cost_with_no_invoice_date_is_said_beside_the_actual(demo_path):
    view = _undated_legal_cost(demo_path)
    row = next(r for r in view.rows if r.kind == "line" and r.label.startswith("Domestic Homicide"))
    assert [a.pence for a in row.actuals if a.pence is not None] == [7_525_58]  # the dated costs, by year, as before
    assert "£1,500 of its costs" in row.actuals_note and "no invoice date" in row.actuals_note


def test_the_grid_says_a_linked_reviews_undated_cost_is_in_no_years_actual(window, demo_path):
    from PySide6.QtCore import Qt

    _undated_legal_cost(demo_path)
    assert window.open_path(demo_path)
    tab = window.show_tab("budgets")
    tab.presenter.select(next(p.id for p in tab.presenter.plans if p.name.startswith("Western Suffolk")))
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data().startswith("Domestic Homicide"))
    for column in (0, 1):  # the line's name and its 2017/18 cell, where the actual is read
        tip = tab.model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        assert "£1,500 of its costs" in tip and "no invoice date" in tip, tip
