"""Session 70 (privacy): a cost line's earlier version (dhr_cost_line_versions, kept when a correction replaces it,
for the ledger as at a past day) went to the county with its words unchecked.

A line's description "Chair visited 12 Acacia Road, IP1 2AB" (written by an older version, or changed outside Safer
Desk) refused the export, naming the line; the officer corrected it (Edit cost line…) to "Chair's fee". The export then
went, and the version the correction replaced travelled with the address in it: the county's file held it. An earlier
version is a record of what was, corrected by nothing, as a deleted line is: its words that look private are left out
of the export (its category, amount and days still go), it is said, and the office's file keeps them.
"""

from __future__ import annotations

import sqlite3

from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.costs.dated_days import file_moved_back
from tests.exchange.helpers import cli_output, edit_outside

ADDRESS = "Chair visited 12 Acacia Road, IP1 2AB"


def test_a_corrected_lines_earlier_words_that_name_an_address_are_left_out_of_the_export(tmp_path):
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    store = open_store(office)
    try:
        case_id = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-02")
        line = dhr.add_cost_line(store, case_id, category="Venue", amount="80", invoiced_on="2018-05-20")
    finally:
        store.close()
    edit_outside(office, "UPDATE dhr_cost_lines SET description = ?, invoice_ref = ? WHERE id = ?",
                 (ADDRESS, "Jane Smith", line))
    file_moved_back(office)  # keyed in the day before: corrected today, it is kept as it stood
    code, _out, err = cli_output(["export", str(office), str(tmp_path / "refused.sqlite")])
    assert code == 1 and "(table dhr_cost_lines, row" in err, err
    store = open_store(office)
    try:  # the officer corrects it
        dhr.update_cost_line(store, line, category="Venue", amount="80", invoiced_on="2018-05-20",
                             description="Room hire", invoice_ref="INV-4")
    finally:
        store.close()

    code, out, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite")])
    assert code == 0, err
    assert "review cost lines' earlier versions: words left out of 1" in out, out
    assert "Acacia" not in out + err and "Smith" not in out + err
    conn = sqlite3.connect(tmp_path / "out.sqlite")
    try:
        sent = conn.execute("SELECT category, description, invoice_ref, amount_pence FROM dhr_cost_line_versions "
                            "WHERE line_id = ?", (line,)).fetchall()
        assert sent == [("Venue", "", "", 8000)]  # the county's ledger as at a past day still has its cost
        assert conn.execute("SELECT description FROM dhr_cost_lines WHERE id = ?", (line,)).fetchone() == (
            "Room hire",)
    finally:
        conn.close()
    store = open_store(office)
    try:  # the office's own record keeps what it was
        assert store.one("SELECT description FROM dhr_cost_line_versions WHERE line_id = ?", (line,))[0] == ADDRESS
    finally:
        store.close()


def test_the_export_dialog_says_the_versions_words_were_left_out():
    from types import SimpleNamespace

    from safer_desk.ui.exchange.dialogs import deleted_lines_words

    said = deleted_lines_words(SimpleNamespace(deleted_lines_words_left_out=0, versions_words_left_out=2))
    assert said == (" The words of 2 earlier versions of review cost lines were left out: they look like a name or an "
                    "address, and a version a correction replaced cannot be corrected. Their cost and days are in the "
                    "export; the words stay in the office's file.")
    assert deleted_lines_words(SimpleNamespace(deleted_lines_words_left_out=0, versions_words_left_out=0)) == ""
