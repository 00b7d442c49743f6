"""An office that restored an older backup of its file (session 60, keys).

Safer Desk advises a damaged file be opened from its latest backup. An office that did so after exporting made exports
the county refused as "forked" (two files have each been making this office's exports), with no way forward: every
later export of the restored file was refused too. The county lead, having asked the office, now merges its export
with `--accept-restored` (one file at a time): the merge says plainly that the office restored a backup and what that
does to its figures, records it in the audit trail, and the office's later exports follow on from it. Everything else
stays refused, with the option too: an export made before the last one merged (a replay), a tampered file, a file that
needs no such acceptance.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

from tests.cli_run import run
from tests.exchange.helpers import accept_key_args


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _restored(demo_path, tmp_path, capsys):
    """Exports 1 and 2 merged at the county, then the office restores the backup it made between them and exports."""
    e1, e2, e3 = (tmp_path / f"e{n}.sqlite" for n in (1, 2, 3))
    county = tmp_path / "county.sqlite"
    assert run(capsys, "export", demo_path, e1)[0] == 0
    backup = shutil.copyfile(demo_path, tmp_path / "backup.sqlite")
    assert run(capsys, "export", demo_path, e2)[0] == 0
    code, _, err = run(capsys, "merge", county, e1, e2, *accept_key_args())
    assert code == 0, err
    shutil.copyfile(backup, demo_path)
    assert run(capsys, "export", demo_path, e3)[0] == 0
    return county, e1, e2, e3


def test_the_refusal_of_a_restored_files_export_says_the_way_forward(demo_path, tmp_path, capsys):
    county, _, _, e3 = _restored(demo_path, tmp_path, capsys)
    before = _digest(county)
    code, _, err = run(capsys, "merge", county, e3)
    assert code == 1 and _digest(county) == before
    assert "a different export number 2 of" in err and "two files have each been making" in err, err
    assert "--accept-restored" in err and "restored a backup" in err, err


def test_the_county_accepts_a_restored_files_export_when_it_asks_for_it(demo_path, tmp_path, capsys):
    county, _, _, e3 = _restored(demo_path, tmp_path, capsys)
    code, printed, err = run(capsys, "merge", county, e3, "--accept-restored")
    assert code == 0, err
    assert "restored a backup of its file" in printed, printed
    assert "merged its export number 2" in printed and "figures are now those of its restored file" in printed, printed
    conn = sqlite3.connect(county)
    said = [r[0] for r in conn.execute("SELECT column_name FROM audit_log WHERE action = 'event' AND column_name "
                                       "LIKE '%restored%'")]
    conn.close()
    assert said, "the acceptance is in the county's audit trail"
    # the office's next export follows on from the one accepted, with no option
    e4 = tmp_path / "e4.sqlite"
    assert run(capsys, "export", demo_path, e4)[0] == 0
    code, _, err = run(capsys, "merge", county, e4)
    assert code == 0, err


def test_a_replayed_older_export_is_still_refused_with_the_option(demo_path, tmp_path, capsys):
    county, e1, _, _ = _restored(demo_path, tmp_path, capsys)
    before = _digest(county)
    code, _, err = run(capsys, "merge", county, e1, "--accept-restored")
    assert code == 1 and _digest(county) == before
    assert "made before" in err and "--accept-restored" in err, err


def test_a_tampered_export_is_still_refused_with_the_option(demo_path, tmp_path, capsys):
    county, _, _, e3 = _restored(demo_path, tmp_path, capsys)
    conn = sqlite3.connect(e3)
    conn.execute("UPDATE projects SET title = title || ' (changed)'")
    conn.commit()
    conn.close()
    before = _digest(county)
    code, _, err = run(capsys, "merge", county, e3, "--accept-restored")
    assert code == 1 and _digest(county) == before
    assert "changed after it was signed" in err, err


def test_the_option_is_refused_for_an_export_that_needs_no_acceptance(demo_path, tmp_path, capsys):
    e1, e2, e3 = (tmp_path / f"e{n}.sqlite" for n in (1, 2, 3))
    county = tmp_path / "county.sqlite"
    assert run(capsys, "export", demo_path, e1)[0] == 0
    assert run(capsys, "merge", county, e1, *accept_key_args())[0] == 0
    assert run(capsys, "export", demo_path, e2)[0] == 0
    before = _digest(county)
    code, _, err = run(capsys, "merge", county, e2, "--accept-restored")
    assert code == 1 and _digest(county) == before
    assert "needs no --accept-restored" in err and "Merge it without the option" in err, err


def test_the_option_takes_one_file_at_a_time(demo_path, tmp_path, capsys):
    county, e1, _, e3 = _restored(demo_path, tmp_path, capsys)
    before = _digest(county)
    code, _, err = run(capsys, "merge", county, e1, e3, "--accept-restored")
    assert code == 2 and _digest(county) == before
    assert "one file at a time" in err, err


def test_an_older_number_made_since_the_last_merged_says_the_way_forward(demo_path, tmp_path, capsys):
    """Exports 1, 2 and 3 merged, then the backup made after export 1 restored: its next export is number 2 again, made
    after number 3. It was refused as "older than an export already merged", with no word of --accept-restored, which
    takes it. An older export made before the last one merged (a file sent again) keeps its words exactly."""
    exports = [tmp_path / f"e{n}.sqlite" for n in (1, 2, 3, 4)]
    county = tmp_path / "county.sqlite"
    assert run(capsys, "export", demo_path, exports[0])[0] == 0
    backup = shutil.copyfile(demo_path, tmp_path / "backup.sqlite")
    for out in exports[1:3]:
        assert run(capsys, "export", demo_path, out)[0] == 0
    code, _, err = run(capsys, "merge", county, *exports[:3], *accept_key_args())
    assert code == 0, err
    shutil.copyfile(backup, demo_path)
    assert run(capsys, "export", demo_path, exports[3])[0] == 0
    before = _digest(county)
    code, _, err = run(capsys, "merge", county, exports[3])
    assert code == 1 and _digest(county) == before
    assert "it is older than an export from" in err and "(it is export number 2;" in err, err
    assert "made after that export" in err and "--accept-restored" in err, err
    code, _, err = run(capsys, "merge", county, exports[1])  # number 2 sent again: made before number 3
    assert code == 1 and "it is older than an export from" in err
    assert "--accept-restored" not in err and "made after" not in err, err
    code, printed, err = run(capsys, "merge", county, exports[3], "--accept-restored")
    assert code == 0 and "restored a backup of its file" in printed, err


def test_after_a_restored_export_the_office_is_called_what_that_export_calls_it(demo_path, tmp_path, capsys):
    """The office renamed itself after the backup was taken; the export of its restored file, accepted, calls it by the
    backup's name again. The county's lists and workbook name an office by its latest export merged: that one, not
    the export with the highest number (the renamed file's, which the office no longer has)."""
    from safer_desk.exchange.county_merge import latest_office_name

    e1, e2, e3, e4 = (tmp_path / f"e{n}.sqlite" for n in (1, 2, 3, 4))
    county = tmp_path / "county.sqlite"
    assert run(capsys, "office", demo_path, "--name", "Babergh office")[0] == 0
    assert run(capsys, "export", demo_path, e1)[0] == 0
    backup = shutil.copyfile(demo_path, tmp_path / "backup.sqlite")
    assert run(capsys, "office", demo_path, "--name", "Babergh District Council")[0] == 0
    assert run(capsys, "export", demo_path, e2)[0] == 0
    assert run(capsys, "export", demo_path, e3)[0] == 0
    code, _, err = run(capsys, "merge", county, e1, e2, e3, *accept_key_args())
    assert code == 0, err
    shutil.copyfile(backup, demo_path)
    assert run(capsys, "export", demo_path, e4)[0] == 0  # its number 2, below the 3 merged
    code, printed, err = run(capsys, "merge", county, e4, "--accept-restored")
    assert code == 0 and "restored a backup of its file" in printed, err
    assert "The office is now called Babergh office (was Babergh District Council)." in printed, printed
    conn = sqlite3.connect(county)
    office_id = conn.execute("SELECT office_id FROM _county_imports LIMIT 1").fetchone()[0]
    try:
        assert latest_office_name(conn, office_id) == "Babergh office"
    finally:
        conn.close()
