"""Files the county merge must refuse, each with a message, leaving the county file exactly as it was."""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.exchange.county_merge import ExportRefused, read_export
from safer_desk.services.county import export_for_county
from tests.exchange.helpers import (accept_key_args, cli_output, file_sha256, merge_accepting, new_office,
                                   resign_export)
from tests.exchange.test_county_merge import data_state


@pytest.fixture
def export_path(district, tmp_path):
    return export_for_county(district, tmp_path / "babergh-export.sqlite").path


def truncated(path, tmp_path):
    bad = tmp_path / "truncated.sqlite"
    data = path.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    return bad


def truncated_mid_page(path, tmp_path):
    bad = tmp_path / "truncated-mid-page.sqlite"
    data = path.read_bytes()
    bad.write_bytes(data[: len(data) - 100])
    return bad


def added_to(path, tmp_path):
    bad = tmp_path / "added-to.sqlite"
    bad.write_bytes(path.read_bytes() + b"appended")
    return bad


def plain_sqlite(path, tmp_path):
    bad = tmp_path / "plain.sqlite"
    conn = sqlite3.connect(str(bad))
    conn.execute("CREATE TABLE things (a, b)")
    conn.execute("INSERT INTO things VALUES (1, 2)")
    conn.commit()
    conn.close()
    return bad


def tampered_checksum(path, tmp_path):
    conn = sqlite3.connect(str(path))
    conn.execute("UPDATE _export_manifest SET value = ? WHERE key = 'checksum'", ("0" * 64,))
    conn.commit()
    conn.close()
    return path


def writable(path):
    """A plain connection that can change an export behind Safer Desk's back (audit function stubbed)."""
    conn = sqlite3.connect(str(path))
    conn.create_function("safer_desk_user", 0, lambda: "tamperer")
    return conn


def tampered_row(path, tmp_path):
    conn = writable(path)
    conn.execute("UPDATE x_projects SET cost_pence = cost_pence + 1 WHERE cost_pence IS NOT NULL")
    conn.commit()
    conn.close()
    return path


def newer_schema(path, tmp_path):
    """A genuine export from a newer version (signed by the same officer) with a layout step this one lacks."""
    def add_step(conn):
        conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                     "VALUES ('safer_desk.future', 'create_time_machine', '2030-01-01')")

    return resign_export(path, edit=add_step, app_version="9.9")


def not_an_export(path, tmp_path):
    own = tmp_path / "babergh.sqlite"  # the district's own file: a Safer Desk file, not an export
    conn = sqlite3.connect(str(own))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return own


def text_file(path, tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("Babergh figures attached\n", encoding="utf-8")
    return bad


def empty_file(path, tmp_path):
    bad = tmp_path / "empty.sqlite"
    bad.write_bytes(b"")
    return bad


def corrupt_pages(path, tmp_path):
    bad = tmp_path / "corrupt.sqlite"
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for i in range(page * 2, len(data) - page, page):  # scribble over every page after the first two
        data[i:i + 64] = b"\xff" * 64
    bad.write_bytes(bytes(data))
    return bad


def missing_rows(path, tmp_path):
    conn = writable(path)
    conn.execute("DELETE FROM x_project_lines")
    conn.commit()
    conn.close()
    return path


CASES = [
    (truncated, "truncated"),
    (truncated_mid_page, "truncated"),
    (added_to, "has bytes added after its last page"),  # round 23: was said to be "truncated"
    (plain_sqlite, "not an export from Safer Desk"),
    (tampered_checksum, "checksum was recomputed after it was signed"),
    (tampered_row, "values in x_projects were changed after it was signed"),
    (newer_schema, "newer version of Safer Desk"),
    (not_an_export, "not an export for the county"),
    (text_file, "not an SQLite database"),
    (empty_file, "it is empty"),
    (corrupt_pages, "damaged"),
    (missing_rows, "rows were added to or removed from x_project_lines after it was signed"),
]


@pytest.mark.parametrize("make_bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_file_is_refused_and_the_open_county_file_is_unchanged(make_bad, message, export_path, county, tmp_path):
    assert merge_accepting(county, [export_path]).merged[0].added > 0  # a county with data in it
    bad = make_bad(export_path, tmp_path)
    with pytest.raises(ExportRefused, match=message) as refused:
        read_export(bad)
    assert bad.name in str(refused.value) and "has not been changed" in str(refused.value)
    before = data_state(county), county.rows("SELECT * FROM _county_imports"), \
        county.rows("SELECT * FROM _county_provenance ORDER BY table_name, row_key")
    report = merge_accepting(county, [bad])
    assert report.merged == [] and message in report.refused[0][1]
    after = data_state(county), county.rows("SELECT * FROM _county_imports"), \
        county.rows("SELECT * FROM _county_provenance ORDER BY table_name, row_key")
    assert after[0] == before[0]
    assert [tuple(r) for r in after[1]] == [tuple(r) for r in before[1]]
    assert [tuple(r) for r in after[2]] == [tuple(r) for r in before[2]]


@pytest.mark.parametrize("make_bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_command_refuses_bad_file_and_leaves_county_bytes_alone(make_bad, message, district, tmp_path):
    good = export_for_county(district, tmp_path / "good.sqlite").path
    county = tmp_path / "county.sqlite"
    new_office(county, "Suffolk county").close()  # with the stand-in tables, like the districts
    code, out, err = cli_output(["merge", str(county), str(good), *accept_key_args()])
    assert code == 0, err
    before = file_sha256(county)
    bad = make_bad(export_for_county(district, tmp_path / "babergh-export.sqlite").path, tmp_path)
    code, out, err = cli_output(["merge", str(county), str(good), str(bad), *accept_key_args()])
    assert code == 1 and message in err and "has not been changed" in err
    assert file_sha256(county) == before


def test_a_refused_file_does_not_create_the_county_file(tmp_path, district):
    county = tmp_path / "new-county.sqlite"
    code, _, err = cli_output(["merge", str(county), str(tmp_path / "babergh.sqlite")])
    assert code == 1 and "not an export" in err
    assert not county.exists()


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ExportRefused, match="no such file"):
        read_export(tmp_path / "nowhere.sqlite")
