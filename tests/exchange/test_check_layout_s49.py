"""`safer-desk check EXPORT` refuses an export whose tables were reshaped, as the county's merge does (s49).

An export changed with the sqlite3 tool (``ALTER TABLE projects ADD COLUMN future_col TEXT``) and signed again with
the office's own key has a valid signature: `check` said "All checks passed." while `merge` refused it ("its tables
are not laid out as Safer Desk lays them out (projects)"). `check` does everything the county checks before merging
but the key register, so it runs the merge's layout check (one check, in exchange.county_merge) and says the same.
"""

from __future__ import annotations

import pytest

from safer_desk.services.county import export_for_county
from safer_desk.services.integrity import check_file
from tests.exchange.helpers import cli_output, resign_export
from tests.exchange.test_signatures import county_with_babergh  # noqa: F401  (a fixture)

RESHAPED = ("cannot be merged: its tables are not laid out as Safer Desk lays them out ({}): a table or a column was "
            "added, removed or renamed after the office's Safer Desk made it. Ask the office to export again")

RESHAPES = [
    ("ALTER TABLE projects ADD COLUMN future_col TEXT", "projects"),
    ("ALTER TABLE projects RENAME COLUMN title TO name", "projects"),
    ("DROP TABLE project_status_history", "project_status_history"),
]


def _as_older_version(conn) -> None:
    """The export as a version without the county's bookkeeping steps signed it (test_county_merge's)."""
    for table in ("_county_conflicts", "_county_imports", "_county_origins", "_county_keys", "_export_anchors",
                  "_county_decisions"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name IN ('create_county_bookkeeping', "
                 "'create_signing_register', 'keep_conflicts_in_words_and_decisions', 'keep_row_origins_slim')")


def _reshaped(district, tmp_path, statement: str, *, older: bool = False):
    export = export_for_county(district, tmp_path / "babergh-2.sqlite").path

    def edit(conn) -> None:
        conn.execute("PRAGMA foreign_keys = OFF")
        if older:
            _as_older_version(conn)
        conn.execute(statement)

    return resign_export(export, edit=edit)  # with this officer's key: the office's own, registered at the county


def test_a_genuine_export_passes_check(district, tmp_path):
    export = export_for_county(district, tmp_path / "babergh-2.sqlite").path
    code, out, err = cli_output(["check", str(export)])
    assert code == 0 and out.splitlines()[-1] == "All checks passed.", (out, err)


def test_a_genuine_export_of_an_older_version_passes_check(district, tmp_path):
    export = export_for_county(district, tmp_path / "babergh-2.sqlite").path
    before = resign_export(export, edit=_as_older_version).read_bytes()
    report = check_file(export)
    assert report.ok, report.lines()
    assert export.read_bytes() == before  # upgraded on a private copy, never itself


@pytest.mark.parametrize("statement, table", RESHAPES)
def test_check_refuses_a_reshaped_export_in_the_merge_s_words(district, county_with_babergh, tmp_path,  # noqa: F811
                                                              statement, table):
    forged = _reshaped(district, tmp_path, statement)
    words = f"{forged.name} {RESHAPED.format(table)}"
    code, out, err = cli_output(["merge", str(county_with_babergh), str(forged)])
    assert code == 1 and words in err, (out, err)
    code, out, err = cli_output(["check", str(forged)])
    assert code == 1, (out, err)
    assert f"  PROBLEM: {words}." in err.splitlines(), (out, err)  # what is wrong, on stderr (DESIGN §4)
    assert "has not been changed" not in out and "Traceback" not in out + err


def test_check_refuses_a_reshaped_export_of_an_older_version(district, county_with_babergh, tmp_path):  # noqa: F811
    forged = _reshaped(district, tmp_path, RESHAPES[0][0], older=True)
    words = f"{forged.name} {RESHAPED.format('projects')}"
    code, out, err = cli_output(["merge", str(county_with_babergh), str(forged)])
    assert code == 1 and words in err, (out, err)
    report = check_file(forged)
    assert not report.ok and [f.text for f in report.findings if not f.ok] == [f"{words}."], report.lines()
