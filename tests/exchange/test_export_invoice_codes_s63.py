"""Round 63 (priv): the export checks the invoices' references that travel to the county as they are checked when
typed (services.dhr.invoice_code): a name joined up or turned round ("Jane-Smith-01") in a partner's invoice, which
the export did not look at, or in a cost line's, which it read as prose, stops the export, said without the text."""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.services.county import CountyError, export_for_county
from safer_desk.storage import audit
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output


def _office_changed_outside(folder, sql: str):
    """The example file with ``sql`` run on it as sqlite3 would (a file written by an older version)."""
    office = folder / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    conn = sqlite3.connect(office, isolation_level=None)
    try:
        audit.register_functions(conn)
        conn.execute(sql)
    finally:
        conn.close()
    return office


def _refusal(folder, office) -> str:
    store = open_store(office)
    try:
        with pytest.raises(CountyError) as refused:
            export_for_county(store, folder / "out.sqlite")
    finally:
        store.close()
    assert not (folder / "out.sqlite").exists()
    return str(refused.value)


def test_a_partners_invoice_joining_a_name_stops_the_export(tmp_path):
    office = _office_changed_outside(tmp_path, "UPDATE dhr_shares SET invoice_ref = 'Jane-Smith-0' || substr(id, 1, 3) "
                                               "WHERE id = (SELECT min(id) FROM dhr_shares)")
    said = _refusal(tmp_path, office)
    assert said.startswith("The export was not written: 1 field that would leave the office holds"), said
    assert "(table dhr_shares" in said and "column invoice_ref): looks like a person's name" in said
    assert "Jane" not in said and "Smith" not in said


def test_a_cost_lines_invoice_turning_a_name_round_stops_the_export(tmp_path):
    office = _office_changed_outside(tmp_path, "UPDATE dhr_cost_lines SET invoice_ref = 'SMITH-Jane' "
                                               "WHERE id = (SELECT min(id) FROM dhr_cost_lines)")
    said = _refusal(tmp_path, office)
    assert "(table dhr_cost_lines" in said and "column invoice_ref): looks like a person's name" in said
    assert "Jane" not in said and "SMITH" not in said


def test_the_examples_invoices_still_export(tmp_path):
    office = _office_changed_outside(tmp_path, "SELECT 1")
    code, out, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite")])
    assert code == 0 and err == "" and "wrote" in out
