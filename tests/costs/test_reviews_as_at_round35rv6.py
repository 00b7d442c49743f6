"""Costs > Reviews as at a day, round 35 (rv6): the selected review's Costs table adds up to its Cost column.

A supplier's invoice can be dated after the partners were billed for it (billed in June on the chair's estimate, the
administration invoice dated 1 July). As at a day between, the list, `dhr-ledger --as-at DAY --by-case` and the board
report count that line in the review's cost (``list_cases``: a cost line dated after the invoices that billed it was a
cost by then), but the Costs table beneath left it out: the table read £6,900.00 under a review costing £7,525.58.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.domain.money import format_pounds_plain
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.cli_run import run

TODAY = date(2026, 12, 1)


def test_a_cost_line_dated_after_its_billing_is_in_the_costs_table_as_at_a_day_between(demo_store, demo_path,
                                                                                           capsys):
    case = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")  # costs dated 29/03/2018, billed 15/06/2018
    line = next(c for c in dhr.cost_lines(demo_store, case) if c["category"] == "Administration")
    fields = {k: line[k] for k in ("category", "supplier", "invoice_ref", "description")}
    # its date corrected before the day read (s70: a correction made after it leaves the line as it stood then);
    # nothing is billed again (its amount stays), the day is the correction's
    dhr.update_cost_line(demo_store, line["id"], **fields, amount=format_pounds_plain(line["amount_pence"]),
                         invoiced_on="01/07/2018", bill_again_on="2018-04-01")
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    assert p.choose_day("20/06/2018")
    p.select(case)
    costs = p.details().costs
    code, out, err = run(capsys, "dhr-ledger", demo_path, "--as-at", "20/06/2018", "--by-case")
    assert code == 0, err
    cli = {r["case"]: r for r in csv.DictReader(io.StringIO(out))}["WSCSP-DHR-2017-01"]
    assert p.selected_case.cost_pence == 752558 and cli["cost"] == "7525.58"
    assert sum(c["amount_pence"] for c in costs) == p.selected_case.cost_pence  # the table's total, the Cost column's
    assert [c["category"] for c in costs][-1] == "Administration"  # dated 01/07/2018, last in date order
    # before the billing, the line dated later was not a cost yet: the table and the column leave it out alike
    assert p.choose_day("01/06/2018")
    p.select(case)
    assert sum(c["amount_pence"] for c in p.details().costs) == p.selected_case.cost_pence == 690000


def test_a_read_only_file_as_at_a_day_does_not_say_changes_are_made_on_todays_list(demo_store):
    """A file opened read-only (another officer has it open, a copy on a shared drive): no change is made anywhere, so
    the sentence above the list does not send the officer to today's list to make one."""
    p = DhrPresenter(demo_store, today=lambda: TODAY, read_only=True)
    p.reload()
    assert p.choose_day("31/03/2018")
    assert p.shown.note.startswith("As at 31/03/2018, not today's list:")
    assert p.shown.note.endswith("Clear the date for today's list.")
    assert "changes are made" not in p.shown.note
    p = DhrPresenter(demo_store, today=lambda: TODAY)  # a file that can be changed: said as before
    p.reload()
    assert p.choose_day("31/03/2018") and p.shown.note.endswith("Clear the date for today's list, where changes are "
                                                                "made.")


def test_enter_on_a_review_of_a_read_only_file_as_at_a_day_asks_nothing(window, qtbot, prompts, demo_path):
    """A read-only file as at a past day: Enter on a review (or on its action plan) asked to show today's list because
    "a change is made to the reviews as they are today" — on a file where nothing can be changed, Yes losing the day
    chosen. Nothing is asked: Enter opens what it opens on a read-only file (the review to read), the day kept."""
    from PySide6.QtCore import Qt

    assert window.open_path(demo_path, read_only=True)
    window.resize(1093, 582)
    window.show()
    page = window.show_tab("costs").reviews
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.as_at.edit.setFocus()
    page.as_at.edit.selectAll()
    qtbot.keyClicks(page.as_at.edit, "31/3/18")
    qtbot.keyClick(page.as_at.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.presenter.as_at.past and not page.is_busy(), timeout=10000)
    assert page.as_at_note.text().endswith("Clear the date for today's list.")
    assert page.cases.select_where(lambda c: c.reference == "WSCSP-DHR-2017-01")
    page.cases.view.setFocus()
    qtbot.keyClick(page.cases.view, Qt.Key.Key_Return)
    editor = page.presenter.editor
    assert prompts.questions == [] and editor is not None and editor.read_only  # the review, to read
    page.presenter.close_form(editor)
    page.actions.view.setFocus()
    page.actions.view.selectRow(0)
    qtbot.keyClick(page.actions.view, Qt.Key.Key_Return)
    editor = page.presenter.editor
    assert prompts.questions == [] and editor is not None and editor.read_only
    page.presenter.close_form(editor)
    assert page.presenter.as_at.past and page.as_at.text() == "31/03/2018"
