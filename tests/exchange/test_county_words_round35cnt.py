"""Round 35 (cnt): what the county lead reads when an export cannot be merged is plain English, never SQLite's own
words ("database disk image is malformed", "btreeInitPage() returns error code 11")."""

from __future__ import annotations

import pytest

from tests.exchange.district_offices import district_exports
from tests.exchange.helpers import cli_output, file_sha256, merge_accepting
from safer_desk.storage.store import open_store

SQLITE_WORDS = ("malformed", "btree", "***", "error code", "disk image", "database main", "sqlite ")


def scribbled(export, tmp_path, share: float):
    """A copy of the export with 3,000 bytes overwritten from about this share of its length (a bad disk, a bad copy).
    Bytes over a page's unused room damage nothing (the file reads as whole, and is), so the scribble moves on a page at
    a time from there until SQLite finds the copy damaged."""
    bad = tmp_path / f"scribbled-{int(share * 100)}.sqlite"
    whole = export.read_bytes()
    for at in range(int(len(whole) * share), len(whole), 4096):
        data = bytearray(whole)
        data[at:at + 3000] = b"\xff" * 3000
        bad.write_bytes(bytes(data))
        if not _reads_as_whole(bad):
            return bad
    raise AssertionError(f"no scribble from {share:.0%} of the export on damaged it")


def _reads_as_whole(path) -> bool:
    import sqlite3

    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


@pytest.mark.parametrize("share", [0.01, 0.1, 0.5, 0.9])
def test_a_damaged_export_is_refused_in_plain_words(tmp_path, share):
    export, = district_exports(tmp_path, ["Babergh"], own_rows=False)
    bad = scribbled(export, tmp_path, share)
    county_path = tmp_path / "county.sqlite"
    county = open_store(county_path, create=True, office_name="Suffolk county team")
    try:
        report = merge_accepting(county, [bad])
    finally:
        county.close()
    assert not report.merged and len(report.refused) == 1
    why = report.refused[0][1]
    assert why.startswith(f"{bad.name} cannot be merged: the file is damaged"), why
    assert "ask for it to be sent again" in why, why
    assert not [w for w in SQLITE_WORDS if w in why.replace(bad.name, "").lower()], why

    before = file_sha256(county_path)
    code, out, err = cli_output(["merge", str(county_path), str(bad)])
    assert code == 1 and "the file is damaged" in err, err
    assert not [w for w in SQLITE_WORDS if w in err.replace(bad.name, "").lower()], err
    assert file_sha256(county_path) == before


@pytest.mark.parametrize("sqlite_says, plain", [
    ("UNIQUE constraint failed: organisations.name", "an organisation the county file holds already"),
    ("FOREIGN KEY constraint failed", "refers to something the county file does not hold"),
    ("NOT NULL constraint failed: projects.title", "a value the county file cannot take"),
])
def test_rows_that_do_not_fit_the_county_file_are_said_in_plain_words(tmp_path, monkeypatch, sqlite_says, plain):
    """Whatever makes an office's rows not fit (a county file changed outside Safer Desk, a bug), the lead reads
    what happened and what to do, not SQLite's constraint."""
    import sqlite3

    from safer_desk.exchange import county_merge

    export, = district_exports(tmp_path, ["Babergh"], own_rows=False)

    def does_not_fit(self, tables):
        raise sqlite3.IntegrityError(sqlite_says)

    monkeypatch.setattr(county_merge._Merger, "run", does_not_fit)
    county_path = tmp_path / "county.sqlite"
    county = open_store(county_path, create=True, office_name="Suffolk county team")
    try:
        before = county.scalar("SELECT count(*) FROM audit_log")
        report = merge_accepting(county, [export])
        assert county.scalar("SELECT count(*) FROM audit_log") == before
    finally:
        county.close()
    why = report.refused[0][1]
    assert why.startswith(f"{export.name} cannot be merged: its rows do not fit the county file"), why
    assert plain in why, why
    assert "constraint" not in why and "organisations.name" not in why and "projects.title" not in why, why
    assert why.endswith("The county file has not been changed."), why


def test_a_decision_that_does_not_fit_the_county_file_is_said_in_plain_words(tmp_path, monkeypatch):
    import sqlite3

    from safer_desk.exchange import county_merge
    from safer_desk.services.county import CountyError, list_conflicts, resolve_conflicts
    from tests.exchange.district_offices import exports_disagreeing_on_one_figure

    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, list(exports_disagreeing_on_one_figure(tmp_path)))
        [conflict] = list_conflicts(county)

        def does_not_fit(*args, **kwargs):
            raise sqlite3.IntegrityError("UNIQUE constraint failed: indicator_values.indicator_id, "
                                         "indicator_values.area_id, indicator_values.period")

        monkeypatch.setattr(county_merge, "apply_decision", does_not_fit)
        with pytest.raises(CountyError) as caught:
            resolve_conflicts(county, "district", which=conflict.id)
        assert [c.id for c in list_conflicts(county)] == [conflict.id]
    finally:
        county.close()
    said = str(caught.value)
    assert said.startswith("The office's version does not fit the county file: it gives an indicator figure the "
                           "county file holds already"), said
    assert "constraint" not in said and "indicator_values" not in said and said.endswith("Nothing was changed."), said
