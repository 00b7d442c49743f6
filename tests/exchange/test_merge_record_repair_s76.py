"""s76: a county file's record of its merges (`_county_imports`, by which an older export is refused) changed with
another tool was found by `check`, but `check --repair`, which puts the register of signing keys back as the audit
trail records it, left it as it was and said nothing of it. What the trail records of a merge is the export's id
and number (its batch entry), not the rest of the record: the head of the office's audit trail the export carried,
when it was made, its checksum, which the office's next export is checked against. So:
- a number changed is put back as the trail records it (only the number changes), recorded in the trail, after a
  backup, as the key register's repair is;
- a merge removed is not made up without them: `check` says why, and the way back (a backup from before it).
"""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output, county_with_first_export, file_sha256


@pytest.fixture
def county_with_two_merges(district, tmp_path):
    """A county file into which Babergh's exports number 1 and 2 have been merged, and Babergh's older export."""
    county = county_with_first_export(district, tmp_path)[0]
    older = export_for_county(district, tmp_path / "babergh-older.sqlite").path  # number 2, not merged
    with district.transaction():
        district.conn.execute("UPDATE x_projects SET cost_pence = cost_pence + 100 WHERE rowid = "
                              "(SELECT min(rowid) FROM x_projects)")
    newer = export_for_county(district, tmp_path / "babergh-newer.sqlite").path  # number 3
    code, _, err = cli_output(["merge", str(county), str(newer)])
    assert code == 0, err
    return county, older


def _sqlite3(path, sql):
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(sql)
    conn.close()


def _numbers(county) -> list[int]:
    conn = sqlite3.connect(str(county))
    try:
        return [r[0] for r in conn.execute("SELECT sequence FROM _county_imports ORDER BY sequence")]
    finally:
        conn.close()


def test_a_merges_number_changed_is_put_back_by_repair(county_with_two_merges):
    county, older = county_with_two_merges
    _sqlite3(county, "UPDATE _county_imports SET sequence = 1 WHERE sequence = 3")  # export 2 then "follows on"
    code, out, err = cli_output(["check", str(county)])
    assert code == 1, (out, err)
    assert ("the county's record of its merges holds Babergh office's export number 3, merged " in err
            and "as export number 1: it was changed outside Safer Desk: an older export of that office would no "
                "longer be refused as older; it can be put back as the audit trail records it: run safer-desk "
                f'check "{county}" --repair' in err), err
    code, out, err = cli_output(["check", str(county), "--repair"])
    assert code == 0, (out, err)
    assert ("repaired: Babergh office's export number 3, merged " in out and ", held in the county's record of its "
            "merges as export number 1, is put back as number 3, as the audit trail records it" in out), out
    assert ("repaired: this change to the county's record of its merges is recorded in the audit trail (a backup "
            "was made first)") in out, out
    assert _numbers(county) == [1, 3]
    code, out, err = cli_output(["check", str(county)])
    assert code == 0 and "All checks passed." in out, (out, err)
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(older)])  # refused as older again
    assert code == 1 and "it is older than an export from Babergh office already merged" in err, (out, err)
    assert file_sha256(county) == before


def test_a_merge_removed_is_said_why_repair_does_not_put_it_back(county_with_two_merges):
    county, _ = county_with_two_merges
    _sqlite3(county, "DELETE FROM _county_imports WHERE sequence = 3")
    code, out, err = cli_output(["check", str(county), "--repair"])
    assert code == 1, (out, err)
    assert ("it was removed outside Safer Desk: an older export of that office would no longer be refused as older; "
            "--repair cannot put it back: the audit trail records which export was merged and its number, but not "
            "what that office's next export is checked against (the head of the office's audit trail the export "
            "carried, when it was made, its checksum), and a record made up without them would let an export that "
            "does not follow on go in. Go back to a backup of the county file made before it was removed, then merge "
            "again the exports merged since.") in err, err
    assert _numbers(county) == [1]


def test_a_repair_killed_as_it_puts_the_number_back_leaves_the_record_as_it_was(county_with_two_merges):
    import os
    import subprocess
    import sys
    from pathlib import Path

    county, _ = county_with_two_merges
    _sqlite3(county, "UPDATE _county_imports SET sequence = 1 WHERE sequence = 3")
    code = ("import os, signal, sys\nfrom safer_desk.exchange import county_merge\n"
            "from safer_desk.services.integrity import check_file\n"
            "mend = county_merge.mend_merge_numbers\n"
            "def killed(conn):\n    mend(conn)\n    os.kill(os.getpid(), signal.SIGKILL)  # inside the transaction\n"
            "county_merge.mend_merge_numbers = killed\ncheck_file(sys.argv[1], repair=True)\n")
    ran = subprocess.run([sys.executable, "-c", code, str(county)], cwd=Path(__file__).parents[2],
                         env=dict(os.environ), capture_output=True, text=True)
    assert ran.returncode == -9, ran.stderr
    code, out, err = cli_output(["check", str(county)])  # the change undone, as SQLite puts a killed change back
    assert code == 1 and "holds Babergh office's export number 3" in err and "as export number 1" in err, (out, err)
    assert _numbers(county) == [1, 1]
    code, out, err = cli_output(["check", str(county), "--repair"])
    assert code == 0 and "is put back as number 3" in out, (out, err)
    assert _numbers(county) == [1, 3]


def test_a_merge_that_changed_no_row_is_in_the_trail_and_its_record_is_checked(district, tmp_path):
    """A merge whose export brought no row the county did not hold already wrote no trail entry (a batch that wrote
    no row is not recorded), yet made its record in `_county_imports`: that record then removed with another tool
    passed `check`. Its new record is now counted in its entry (History: "Added 1 record of a merge")."""
    from safer_desk.presenters.history import noun

    county = county_with_first_export(district, tmp_path)[0]
    same = export_for_county(district, tmp_path / "babergh-again.sqlite").path  # number 2, nothing new in it
    code, _, err = cli_output(["merge", str(county), str(same)])
    assert code == 0, err
    conn = sqlite3.connect(str(county))
    try:
        entries = conn.execute("SELECT column_name FROM audit_log WHERE action = 'batch' ORDER BY id").fetchall()
    finally:
        conn.close()
    assert entries[-1] == ("Merge Babergh office export 2",), entries
    assert noun("_county_imports") == "record of a merge"
    _sqlite3(county, "DELETE FROM _county_imports WHERE sequence = 2")
    code, out, err = cli_output(["check", str(county)])
    assert code == 1 and "no longer holds Babergh office's export number 2" in err, (out, err)
