"""Session 69 (privacy): a deleted review cost line whose words look like a name or an address, kept as it was
(dhr_deleted_cost_lines, since this round), blocked every export for the county with a remedy no one could follow.

An officer whose export was refused for a cost line's description "Chair visited 12 Acacia Road, IP1 2AB" (written by
an older version, or changed outside Safer Desk) deleted the line, as the line was wrong anyway. The line is kept as it
was deleted, for the ledger as at a past day, and the next export was refused again, naming it "(table
dhr_deleted_cost_lines, …): looks like an address; undo deleting the cost line, correct it (Edit cost line…), delete
it": an undo that is gone once the window is closed, and for a line an earlier Safer Desk deleted (kept by the
upgrade from the audit trail) never there. A deleted line is a record of what was, corrected by nothing: the export now
leaves its words out (the category, amount and days still go, for the county's ledger as at a past day), says so, and
keeps them in the office's file.
"""

from __future__ import annotations

import sqlite3

from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.costs.dated_days import file_moved_back, trail_moved_back
from tests.exchange.helpers import cli_output, edit_outside

ADDRESS = "Chair visited 12 Acacia Road, IP1 2AB"


def test_a_deleted_line_that_names_an_address_leaves_its_words_out_of_the_export(tmp_path):
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
    file_moved_back(office)  # keyed in the day before: deleted today, it is kept as it stood
    code, _out, err = cli_output(["export", str(office), str(tmp_path / "refused.sqlite")])
    assert code == 1 and "(table dhr_cost_lines, row" in err, err  # a line that stands is corrected where it is
    store = open_store(office)
    try:
        dhr.delete_cost_line(store, line)  # the officer takes the wrong line away
    finally:
        store.close()

    code, out, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite")])
    assert code == 0, err
    assert "deleted review cost lines: words left out of 1" in out, out
    assert "Acacia" not in out + err and "Smith" not in out + err
    conn = sqlite3.connect(tmp_path / "out.sqlite")
    try:
        sent = conn.execute("SELECT category, description, invoice_ref, amount_pence FROM dhr_deleted_cost_lines "
                            "WHERE id = ?", (line,)).fetchone()
    finally:
        conn.close()
    assert sent == ("Venue", "", "", 8000)  # the county's ledger as at a past day still has its cost
    store = open_store(office)
    try:  # the office's own record keeps what it was
        assert store.one("SELECT description FROM dhr_deleted_cost_lines WHERE id = ?", (line,))[0] == ADDRESS
    finally:
        store.close()


def test_a_deleted_line_with_plain_words_sends_them_as_before(tmp_path):
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    store = open_store(office)
    try:
        case_id = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-02")
        line = dhr.add_cost_line(store, case_id, category="Venue", amount="80", invoiced_on="2018-05-20",
                                 description="Room hire, panel 2", invoice_ref="INV-0042")
        trail_moved_back(store.conn)  # keyed in the day before
        dhr.delete_cost_line(store, line)
    finally:
        store.close()
    code, out, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite")])
    assert code == 0 and "words left out" not in out, out + err
    conn = sqlite3.connect(tmp_path / "out.sqlite")
    try:
        assert conn.execute("SELECT description, invoice_ref FROM dhr_deleted_cost_lines WHERE id = ?",
                            (line,)).fetchone() == ("Room hire, panel 2", "INV-0042")
    finally:
        conn.close()


def test_the_window_s_export_says_the_words_were_left_out(tmp_path):
    """The Export for the county dialog's summary says it as the command line does."""
    from safer_desk.services.county import export_for_county
    from safer_desk.ui.exchange.dialogs import _victim_level_words

    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    store = open_store(office)
    try:
        case_id = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-02")
        line = dhr.add_cost_line(store, case_id, category="Venue", amount="80", invoiced_on="2018-05-20")
        store.conn.execute("UPDATE dhr_cost_lines SET description = ? WHERE id = ?", (ADDRESS, line))
        trail_moved_back(store.conn)  # keyed in the day before
        dhr.delete_cost_line(store, line)
        said = _victim_level_words(export_for_county(store, tmp_path / "out.sqlite"))
    finally:
        store.close()
    assert "The words of 1 deleted review cost line were left out: they look like a name or an address" in said
    assert "Acacia" not in said
