"""An upgrade that fails leaves the file out of WAL mode, as it was: it said "Nothing was changed" while the file's
header was left switched to WAL (at rest a file is one self-contained file, with no -wal beside it)."""

from __future__ import annotations

import sqlite3

from tests.exchange.helpers import cli_output


def test_a_failed_upgrade_leaves_the_journal_mode_as_it_was(demo_path, tmp_path):
    # The file says it is older: a step that makes a table runs again, and fails (the table is there). Named, not the
    # last step: a step that rebuilds a table (keep_each_offices_part_of_a_funds_spend) runs again without failing.
    with sqlite3.connect(demo_path) as conn:
        gone = conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'create_dhr_withdrawn_invoices'").rowcount
        assert gone == 1
    conn.close()
    before = demo_path.read_bytes()
    assert before[18:20] == b"\x01\x01"  # rollback journal, at rest
    sheet = tmp_path / "figs.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Babergh,2025-04,10\n", encoding="utf-8")
    code, _out, err = cli_output(["import-figures", str(demo_path), str(sheet)])
    assert code == 1 and "Nothing was changed" in err
    after = demo_path.read_bytes()
    assert after[18:20] == b"\x01\x01"
    assert not demo_path.with_name(demo_path.name + "-wal").exists()
    # only SQLite's change counter (and the version number written with it) moved
    assert [i for i in range(len(before)) if before[i] != after[i]] == [i for i in (24, 25, 26, 27, 92, 93, 94, 95)
                                                                       if before[i] != after[i]]
