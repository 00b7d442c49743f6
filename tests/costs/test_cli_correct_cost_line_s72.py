"""Session 72: a review's cost line corrected from the command line, as Edit cost line… corrects it in the window.

`safer-desk dhr-costs FILE CASE` lists the review's cost lines, numbered; `--correct LINE` with the fields to change
corrects one through the same service (services.dhr.update_cost_line), one action in the history, with the window's
refusals: a cost below what the partners paid, an estimate for an amount, a correction dated before one already
kept. A cost corrected below what the partners were billed bills them again today only with --bill-again.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.costs.test_cli import run

CASE = "WSCSP-DHR-2017-01"  # the example's review: £7,525.58 billed, £3,820.73 paid, Probation refused £684.14


def _lines(capsys, path) -> list[dict]:
    code, out, err = run(capsys, "dhr-costs", str(path), CASE)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def _chair(rows: list[dict]) -> str:
    return next(r["line"] for r in rows if r["category"] == "Independent chair/author")


def _ledger(path) -> tuple[int, int, int]:
    store = open_store(path, read_only=True)
    try:
        case = next(c for c in dhr.list_cases(store, today=date.today()) if c.reference == CASE)
        return case.cost_pence, case.billed_pence, dhr.unbilled_pence(store, case.id)
    finally:
        store.close()


def test_the_review_cost_lines_are_listed_numbered(demo_path, capsys):
    rows = _lines(capsys, demo_path)
    assert [r["line"] for r in rows] == ["1", "2", "3"]
    assert sum(int(r["amount"].replace(".", "")) * (1 if "." in r["amount"] else 100) for r in rows) == 752558
    assert {"category": "Independent chair/author", "amount": "6250", "supplier": "Independent DHR chair",
            "invoiced_on": "2018-03-29"}.items() <= next(r for r in rows if r["line"] == _chair(rows)).items()


def test_a_supplier_and_date_corrected_keep_the_rest_and_are_one_action(demo_path, capsys):
    line = _chair(_lines(capsys, demo_path))
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--supplier", "J Smith Reviews",
                         "--invoice-date", "30/03/2018")
    assert code == 0, err
    assert out.strip() == (f"corrected the Independent chair/author cost of £6,250 for {CASE}: supplier “Independent "
                           "DHR chair” → “J Smith Reviews”; invoiced on 29/03/2018 → 30/03/2018")
    row = next(r for r in _lines(capsys, demo_path) if r["category"] == "Independent chair/author")
    assert (row["supplier"], row["invoiced_on"], row["amount"]) == ("J Smith Reviews", "2018-03-30", "6250")
    store = open_store(demo_path, read_only=True)
    try:
        labels = {r[0] for r in store.rows("SELECT action_label FROM audit_log WHERE table_name = 'dhr_cost_lines'")}
    finally:
        store.close()
    assert f"Change the Independent chair/author cost of £6,250 for {CASE}" in labels


def test_a_cost_below_what_was_billed_is_said_and_bills_again_only_when_asked(demo_path, capsys):
    line = _chair(_lines(capsys, demo_path))
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--amount", "6000")
    assert code == 1 and out == ""
    assert err.startswith("safer-desk: the costs would come to £7,275.58, less than the partners were billed, so "
                          "they would be billed again today with the review's own split: 4 invoices not yet paid "
                          "cancelled"), err
    assert err.rstrip().endswith("Give --bill-again to do so."), err
    assert _ledger(demo_path) == (752558, 752558, 0)  # nothing changed

    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--amount", "£6,000",
                         "--bill-again")
    assert code == 0, err
    assert "amount £6,250 → £6,000; billed again today: 4 invoices not yet paid cancelled" in out, out
    assert _ledger(demo_path) == (727558, 727558, 0)  # every penny billed again, none twice


def test_the_window_refusals_hold(demo_path, capsys):
    line = _chair(_lines(capsys, demo_path))
    code, _, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--amount", "1000",
                       "--bill-again")  # below what the partners paid: a cost paid for stays on the review
    assert code == 1 and "a cost paid for stays on the review" in err, err
    code, _, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--amount", "c. £5,000")
    assert code == 1 and err.startswith("safer-desk: --amount: “c. £5,000” is an estimate"), err
    store = open_store(demo_path)
    try:  # a script billed the partners again on a later day, correcting the line then
        case = dhr.case_id_by_reference(store, CASE)
        chair = next(r for r in dhr.cost_lines(store, case) if r["category"] == "Independent chair/author")
        fields = {k: chair[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
        dhr.update_cost_line(store, chair["id"], bill_again_on=date.today() + timedelta(days=3), amount=620000,
                             **fields)
    finally:
        store.close()
    code, _, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--supplier", "Another")
    assert code == 1 and "is before this cost line's correction of" in err, err
    code, _, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", "9", "--amount", "5")
    assert code == 1 and err.startswith(f"safer-desk: --correct: {CASE} has 3 cost lines"), err
    code, _, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--amount", "5")
    assert code == 2 and "give its number with --correct" in err, err


def test_a_review_without_cost_lines_is_said_so(demo_path, capsys):
    code, out, err = run(capsys, "dhr-costs", str(demo_path), "WSCSP-DHR-2017-02")
    assert code == 0 and out.strip() == "line,category,description,supplier,invoice_ref,invoiced_on,amount"
    assert err == "safer-desk: note: WSCSP-DHR-2017-02 has no cost lines yet.\n"
