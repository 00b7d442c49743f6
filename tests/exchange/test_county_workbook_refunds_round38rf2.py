"""Round 38 (rf2): the county workbook's Reviews sheet says what was refunded, as the ledger does.

dhr-ledger --by-case and the board report gained a trailing refunded column with the refunds (schema step 28); the
workbook (safer-desk export OUT.xlsx) had none, so a review with a refund read Net billed £3,593.46 beside Recovered
£3,820.73 and Outstanding £0: the sheet no longer added up. It gains a trailing Refunded (£) column, with a total, only
where something was refunded (the example, with none, reads as before).
"""

from __future__ import annotations

import shutil
from datetime import date

import openpyxl

from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.cli_run import run

BILLED = "WSCSP-DHR-2017-01"
BABERGH = "org:babergh-district-council"


def refunded_file(demo_master, tmp_path):
    path = tmp_path / "refunded.sqlite"
    shutil.copyfile(demo_master, path)
    store = open_store(path)
    try:
        case = dhr.case_id_by_reference(store, BILLED)
        chair = max(dhr.cost_lines(store, case), key=lambda line: line["amount_pence"])
        fields = {k: chair[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
        dhr.update_cost_line(store, chair["id"], bill_again_on="10/09/2018", amount=chair["amount_pence"] - 250000,
                             **fields)
        dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="£227.27", reference="BACS 4471")
        cases = {c.reference: c for c in dhr.list_cases(store, today=date.today())}
    finally:
        store.close()
    return path, cases


def reviews_sheet(path):
    ws = openpyxl.load_workbook(path)["Reviews"]
    rows = list(ws.iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r[0] == "Reference")
    return rows[at], [r for r in rows[at + 1:] if r[0]], ws


def test_the_workbook_gains_a_trailing_refunded_column_and_its_reviews_add_up(demo_master, tmp_path, capsys):
    path, cases = refunded_file(demo_master, tmp_path)
    out = tmp_path / "county.xlsx"
    code, _, err = run(capsys, "export", path, out)
    assert code == 0, err
    header, rows, ws = reviews_sheet(out)
    assert header[-1] == "Refunded (£)" and header[-2] == "Open recommendations"
    by_ref = {r[0]: dict(zip(header, r)) for r in rows}
    row = by_ref[BILLED]
    assert row["Refunded (£)"] == 227.27 == cases[BILLED].refunded_pence / 100
    assert round(row["Recovered (£)"] - row["Refunded (£)"] + row["Outstanding (£)"], 2) == row["Net billed (£)"]
    assert all(r["Refunded (£)"] == 0 for ref, r in by_ref.items() if ref not in (BILLED, "Total"))
    assert str(by_ref["Total"]["Refunded (£)"]).startswith("=SUM(")  # added up, as the other money columns
    notes = " ".join(str(c) for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, str))
    assert "Net billed is Recovered less Refunded plus Outstanding" in notes


def test_who_owes_what_says_the_refund_in_a_row_of_its_own(demo_master, tmp_path):
    path, _ = refunded_file(demo_master, tmp_path)
    from safer_desk.services.county import export_for_county

    store = open_store(path)
    try:
        export_for_county(store, tmp_path / "county.xlsx")
    finally:
        store.close()
    ws = openpyxl.load_workbook(tmp_path / "county.xlsx")["Who owes what"]
    # (round 41: its refunds too, so a partner's rows add up to its line of the ledger)
    refunds = [r for r in ws.iter_rows(values_only=True) if len(r) > 2 and r[2] == "Refund"]
    assert [(r[0], r[3], r[-1]) for r in refunds] == [("Babergh District Council", "BACS 4471", 227.27)]
