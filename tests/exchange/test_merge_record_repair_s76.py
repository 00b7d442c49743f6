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
            "--repair alone cannot put it back: the audit trail records which export was merged and its number, but "
            "not what that office's next export is checked against (the head of the office's audit trail the export "
            "carried, when it was made, its checksum), and a record made up without them would let an export that "
            "does not follow on go in. The export itself holds them, signed: give its file to rebuild the record, "
            f'safer-desk check "{county}" --repair --export EXPORT_FILE (the file merged was babergh-newer.sqlite), '
            "or go back to a backup of the county file made before it was removed, then merge again the exports "
            "merged since.") in err, err
    assert _numbers(county) == [1]


def _record(county) -> list[dict]:
    conn = sqlite3.connect(str(county))
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM _county_imports ORDER BY number")]
    finally:
        conn.close()


def test_a_merge_removed_is_rebuilt_from_its_export_and_the_next_export_follows_on(county_with_two_merges, district,
                                                                                     tmp_path):
    """The engineer's way back without a backup: the export's signed manifest holds the record's every field the
    office's next export is checked against; the trail holds when, by whom and from which file it was merged."""
    county, older = county_with_two_merges
    newer = tmp_path / "babergh-newer.sqlite"
    whole = _record(county)
    _sqlite3(county, "DELETE FROM _county_imports WHERE sequence = 3")
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(newer)])  # merged as new, it would take a new number
    assert code == 1 and ("no longer holds Babergh office's export number 3" in err and "this file is that export. "
                          "Merging it again would not put the record back as it was: rebuild it from this file with "
                          f'safer-desk check "{county}" --repair --export "{newer}"' in err), (out, err)
    assert file_sha256(county) == before
    code, out, err = cli_output(["check", str(county), "--export", str(newer)])  # --export is for --repair
    assert code == 2 and "add --repair" in err, (out, err)
    code, out, err = cli_output(["check", str(county), "--repair", "--export", str(newer)])
    assert code == 0, (out, err)
    assert ("repaired: Babergh office's export number 3, merged " in out and ", removed from the county's record of "
            "its merges, is put back from its export babergh-newer.sqlite (its signature, number, office and contents "
            "as the audit trail records them)" in out), out
    assert "(a backup was made first)" in out, out
    rebuilt = _record(county)
    # Every field as the merge wrote it (its figures from the trail's entry), but when: the trail's time of the merge,
    # written as it committed, a moment after the merge made the record.
    from datetime import datetime

    gap = datetime.fromisoformat(rebuilt[1]["imported_at"]) - datetime.fromisoformat(whole[1]["imported_at"])
    assert 0 <= gap.total_seconds() < 5, (rebuilt[1]["imported_at"], whole[1]["imported_at"])
    assert [dict(r, imported_at="") for r in rebuilt] == [dict(r, imported_at="") for r in whole]
    assert rebuilt[0] == whole[0]  # (the record of the other merge untouched)
    code, out, err = cli_output(["check", str(county)])
    assert code == 0 and "All checks passed." in out, (out, err)
    conn = sqlite3.connect(str(county))
    try:
        event = conn.execute("SELECT column_name FROM audit_log WHERE table_name = '_county_imports' AND action = "
                             "'event' ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    assert event == ("record of a merge rebuilt",), event
    before = file_sha256(county)
    code, out, err = cli_output(["merge", str(county), str(older)])  # refused as older again
    assert code == 1 and "it is older than an export from Babergh office already merged" in err, (out, err)
    assert file_sha256(county) == before
    with district.transaction():
        district.conn.execute("UPDATE x_projects SET cost_pence = cost_pence + 100 WHERE rowid = "
                              "(SELECT min(rowid) FROM x_projects)")
    following = export_for_county(district, tmp_path / "babergh-next.sqlite").path  # number 4: follows on from 3
    code, out, err = cli_output(["merge", str(county), str(following)])
    assert code == 0, (out, err)
    assert _numbers(county) == [1, 3, 4]


def test_a_file_that_is_not_the_export_merged_rebuilds_nothing(county_with_two_merges, tmp_path):
    from tests.exchange.helpers import copy_file, resign_export

    county, older = county_with_two_merges
    newer = tmp_path / "babergh-newer.sqlite"
    _sqlite3(county, "DELETE FROM _county_imports WHERE sequence = 3")
    before = file_sha256(county)
    code, out, err = cli_output(["check", str(county), "--repair", "--export", str(older)])  # another export
    assert code == 1, (out, err)
    assert ("Nothing was repaired: the record of the merge was not rebuilt from babergh-older.sqlite: it is not an "
            "export missing from the county's record of its merges (Babergh office's export number 2); what is "
            "missing is Babergh office's export number 3, merged ") in err, err
    edited = resign_export(copy_file(newer, tmp_path / "edited.sqlite"),  # its id, signed again after an edit
                           edit=lambda conn: conn.execute("UPDATE x_projects SET cost_pence = cost_pence + 1 "
                                                          "WHERE rowid = (SELECT min(rowid) FROM x_projects)"))
    code, out, err = cli_output(["check", str(county), "--repair", "--export", str(edited)])
    assert code == 1 and "it is not the file that was merged (from babergh-newer.sqlite)" in err, (out, err)
    assert "its contents (the file's SHA-256)" in err, err
    code, out, err = cli_output(["check", str(county), "--repair", "--export", str(tmp_path / "none.sqlite")])
    assert code == 1 and "Nothing was repaired" in err, (out, err)
    assert file_sha256(county) == before and _numbers(county) == [1]


def test_a_merge_removed_is_not_rebuilt_by_a_trail_that_is_not_whole(county_with_two_merges, tmp_path):
    """The trail is the evidence of which file was merged: changed, or sealed again over a change, it is not."""
    county, _ = county_with_two_merges
    newer = tmp_path / "babergh-newer.sqlite"
    conn = sqlite3.connect(str(county), isolation_level=None)
    for sql in ("DELETE FROM _county_imports WHERE sequence = 3", "DROP TRIGGER IF EXISTS audit_log_no_update",
                "UPDATE audit_log SET who = 'someone else' WHERE id = (SELECT min(id) FROM audit_log)"):
        conn.execute(sql)
    conn.close()
    code, out, err = cli_output(["check", str(county)])
    assert code == 1 and "--export" not in err and "nor can it be rebuilt from the export" in err, (out, err)
    before = file_sha256(county)
    code, out, err = cli_output(["check", str(county), "--repair", "--export", str(newer)])
    assert code == 1 and ("Nothing was repaired: the record of the merge was not rebuilt from babergh-newer.sqlite: "
                          "the audit trail was changed or sealed again") in err, (out, err)
    assert file_sha256(county) == before and _numbers(county) == [1]


def test_a_rebuild_killed_inside_its_transaction_leaves_the_record_as_it_was(county_with_two_merges, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    county, _ = county_with_two_merges
    newer = tmp_path / "babergh-newer.sqlite"
    _sqlite3(county, "DELETE FROM _county_imports WHERE sequence = 3")
    code = ("import os, signal, sys\nfrom safer_desk.exchange import county_merge\n"
            "from safer_desk.services.integrity import check_file\n"
            "rebuild = county_merge.rebuild_merge_record\n"
            "def killed(conn, m):\n    rebuild(conn, m)\n    os.kill(os.getpid(), signal.SIGKILL)\n"
            "county_merge.rebuild_merge_record = killed\ncheck_file(sys.argv[1], repair=True, export=sys.argv[2])\n")
    ran = subprocess.run([sys.executable, "-c", code, str(county), str(newer)], cwd=Path(__file__).parents[2],
                         env=dict(os.environ), capture_output=True, text=True)
    assert ran.returncode == -9, ran.stderr
    code, out, err = cli_output(["check", str(county)])
    assert code == 1 and "no longer holds Babergh office's export number 3" in err, (out, err)
    assert _numbers(county) == [1]
    code, out, err = cli_output(["check", str(county), "--repair", "--export", str(newer)])
    assert code == 0 and "is put back from its export babergh-newer.sqlite" in out, (out, err)
    assert _numbers(county) == [1, 3]


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
