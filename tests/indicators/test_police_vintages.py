"""Public data is shared, not owned (issue 13, storage side): police.uk counts are keyed by force, month
and the vintage of the download, never by the office that imported them."""

from __future__ import annotations

import hashlib
import sqlite3

from safer_desk.cli import main
from safer_desk.services.police_import import import_police_files
from safer_desk.storage.store import open_store
from tests.indicators.police_helpers import download_zip, fixture, snapshot, street_file, suffolk_row

A = fixture("devon-and-cornwall-2020-q1", "download-a")
B = fixture("devon-and-cornwall-2020-q1", "download-b")
COUNTS = "SELECT * FROM _police_counts ORDER BY force, month, source_district, crime_type"
POLICE_VALUES = "SELECT * FROM indicator_values WHERE source = 'police.uk' ORDER BY id"
VINTAGES = ("SELECT force, month, file_name, file_sha256, download_newest_month, rows FROM _police_vintages "
            "ORDER BY force, month")


def rows(store, sql):
    return [tuple(r) for r in store.rows(sql)]


def test_a_blank_file_has_the_vintage_table(store):
    columns = [r[1] for r in store.rows("PRAGMA table_info(_police_vintages)")]
    assert columns == ["force", "month", "file_name", "file_sha256", "download_newest_month", "rows", "imported_at"]
    sql = store.scalar("SELECT sql FROM sqlite_master WHERE name = '_police_vintages'")
    assert "WITHOUT ROWID" in sql and "PRIMARY KEY (force, month)" in sql
    # Public data: no audit triggers of its own (one batch entry per import instead).
    assert store.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                        "AND tbl_name IN ('_police_vintages', '_police_counts')") == 0


def test_each_force_month_keeps_its_file_hash_and_download(store):
    result = import_police_files(store, [A])
    got = rows(store, VINTAGES)
    expected = []
    for path in sorted(A.glob("*.csv")):
        n = len(path.read_bytes().splitlines()) - 1
        expected.append(("Devon & Cornwall Police", path.name[:7], path.name,
                         hashlib.sha256(path.read_bytes()).hexdigest(), "2020-03", n))
    assert got == expected
    imported_at = {r[0] for r in store.rows("SELECT imported_at FROM _police_vintages")}
    assert len(imported_at) == 1 and next(iter(imported_at)).endswith("Z")
    assert [v.file_name for v in result.vintages] == [p.name for p in sorted(A.glob("*.csv"))]


def test_two_offices_hold_identical_rows(tmp_path):
    """The county merge can take the same counts from two districts as one fact."""
    files = []
    for office, order in (("babergh", [A]), ("mid-suffolk", [download_zip(tmp_path / "dc.zip", A)])):
        path = tmp_path / f"{office}.sqlite"
        with open_store(path, create=True, office_name=office) as store:
            import_police_files(store, order)
        files.append(path)
    with open_store(files[0]) as one, open_store(files[1]) as two:
        assert one.office_name != two.office_name
        assert rows(one, COUNTS) == rows(two, COUNTS)
        assert rows(one, VINTAGES) == rows(two, VINTAGES)
        assert rows(one, POLICE_VALUES) == rows(two, POLICE_VALUES)
        for sql in (COUNTS, POLICE_VALUES, VINTAGES):  # no office in them
            assert not any(one.office_name in map(str, r) for r in rows(one, sql))
        assert {r[0] for r in one.rows("SELECT id FROM indicator_values WHERE source = 'police.uk'")} == \
            {f"pv:{r[1]}:{r[2]}:{r[3]}" for r in one.rows(POLICE_VALUES)}  # derived ids, no random ones


def test_the_same_file_again_changes_nothing(store, capsys, tmp_path):
    import_police_files(store, [A])
    before = snapshot(store)
    audit = store.scalar("SELECT count(*) FROM audit_log")
    result = import_police_files(store, [A])
    assert snapshot(store) == before
    assert store.scalar("SELECT count(*) FROM audit_log") == audit
    assert (len(result.unchanged), result.replaced) == (3, [])
    assert result.summary_lines()[0] == "Nothing new: every month in these files is held already, from the same " \
        "file, as it was; nothing was changed."  # not "Imported … rows" (round 37 pol)


def test_a_later_download_replaces_the_vintage_whole(store):
    import_police_files(store, [A])
    counts = rows(store, COUNTS)
    result = import_police_files(store, [B])
    assert len(result.replaced) == 3
    assert rows(store, COUNTS) == counts  # the same crimes: the counts do not change, never added twice
    assert [r[3] for r in rows(store, VINTAGES)] == [hashlib.sha256(p.read_bytes()).hexdigest()
                                                    for p in sorted(B.glob("*.csv"))]


def test_the_newest_month_of_a_download(tmp_path, store):
    jan = fixture("suffolk-2025", "2025-01-suffolk-street.csv")
    import_police_files(store, [jan])
    assert rows(store, VINTAGES)[0][4] == "2025-01"  # a single file: its own month
    # The same file inside a download reaching March: the same vintage, seen in a newer download.
    import_police_files(store, [download_zip(tmp_path / "q1.zip", fixture("suffolk-2025"))])
    assert [r[4] for r in rows(store, VINTAGES)] == ["2025-03", "2025-03", "2025-03"]
    first = store.scalar("SELECT imported_at FROM _police_vintages WHERE month = '2025-01'")
    assert first  # when the file was first taken in stays


def test_a_file_in_a_download_takes_the_download_s_newest_month(tmp_path, store):
    folder = tmp_path / "download"
    folder.mkdir()
    street_file(folder, "2025-01-suffolk-street.csv", [suffolk_row("2025-01")])
    street_file(folder, "2025-06-suffolk-street.csv", [suffolk_row("2025-06")])
    other = tmp_path / "loose"
    other.mkdir()
    loose = street_file(other, "2025-02-suffolk-street.csv", [suffolk_row("2025-02")])
    import_police_files(store, [folder, loose])
    assert {r[1]: r[4] for r in rows(store, VINTAGES)} == {"2025-01": "2025-06", "2025-06": "2025-06",
                                                           "2025-02": "2025-02"}


def test_counts_from_before_vintages_get_an_unknown_one(tmp_path):
    """An office file from before this step: its counts get a vintage of an unknown file, replaced by any."""
    path = tmp_path / "old.sqlite"
    with open_store(path, create=True) as store:
        import_police_files(store, [A])
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE _police_vintages")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'keep_police_vintages'")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert rows(store, VINTAGES) == [("Devon & Cornwall Police", m, "", "", "", n) for m, n in
                                         store.rows("SELECT month, sum(count) FROM _police_counts GROUP BY month")]
        result = import_police_files(store, [A])
        assert len(result.replaced) == 3
        assert all(r[3] for r in rows(store, VINTAGES))


def test_the_command_line_says_which_download(tmp_path, capsys):
    target = tmp_path / "x.sqlite"
    assert main(["import-police", str(target), str(download_zip(tmp_path / "d.zip", fixture("suffolk-2025")))]) == 0
    assert "Download to 2025-03; each file's SHA-256 is kept with its counts." in capsys.readouterr().out


def test_the_counts_keep_only_their_key(store):
    assert [r[1] for r in store.rows("PRAGMA index_list(_police_counts)")] == ["sqlite_autoindex__police_counts_1"]


def test_figures_can_be_worked_out_again_from_the_counts(store):
    """What the county merge does after taking another office's vintage of a force-month."""
    from safer_desk.services.police_import import refresh_police_figures

    import_police_files(store, [fixture("suffolk-2025")])
    before = rows(store, POLICE_VALUES)
    with store.transaction():
        store.conn.execute("UPDATE _police_counts SET count = count + 1 WHERE month = '2025-02' "
                           "AND source_district = 'Babergh' AND crime_type = 'Robbery'")
    assert refresh_police_figures(store, ["Suffolk Constabulary"]) == []
    got = {(r[1], r[2], r[3]): r[4] for r in rows(store, POLICE_VALUES)}
    assert got[("indicator:robbery", "district:babergh", "2025-02")] == 2
    assert got[("indicator:all-crime", "district:babergh", "2025-02")] == \
        {(r[1], r[2], r[3]): r[4] for r in before}[("indicator:all-crime", "district:babergh", "2025-02")] + 1
    assert refresh_police_figures(store, []) == []


def test_the_demo_s_counts_name_the_file_they_were_shipped_in(demo_store):
    from safer_desk.paths import resource

    shipped = resource("example", "suffolk-2025-police-counts.csv.gz")
    got = {(r[2], r[3], r[4], r[6]) for r in demo_store.rows("SELECT * FROM _police_vintages")}
    assert got == {(shipped.name, hashlib.sha256(shipped.read_bytes()).hexdigest(), "2025-12", "")}
