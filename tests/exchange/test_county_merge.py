"""Merging district exports at the county: provenance, idempotence, replacement, conflicts, reference data."""

from __future__ import annotations

import pytest

from safer_desk.exchange.county_schema import content_checksum, row_counts
from safer_desk.services.county import (CountyError, check_district_files, export_for_county, list_conflicts,
                                        list_imports, provenance_counts)
from safer_desk.services.progress import Cancelled
from safer_desk.storage.store import open_store
from tests.exchange.helpers import (add_standin_tables, copy_file, fill_district, merge_accepting, reidentify,
                                   resign_export)


def data_state(store) -> tuple[str, dict[str, int]]:
    return content_checksum(store.conn), row_counts(store.conn)


def test_merging_an_export_into_an_empty_county_copies_every_row_with_its_origin(district, county, tmp_path):
    out = export_for_county(district, tmp_path / "babergh-export.sqlite", include_referrals=True)
    report = merge_accepting(county, [out.path])
    assert report.refused == [] and report.conflicts == []
    summary = report.merged[0]
    blank = sum(row_counts(county.conn).values()) - summary.added  # rows every new file starts with
    assert summary.added + summary.unchanged == out.total_rows and summary.unchanged == blank
    assert summary.replaced == summary.removed == 0
    # Same rows, same content: the county's checksum over these tables is the export's.
    assert content_checksum(county.conn, out.row_counts) == out.checksum
    counts = provenance_counts(county)
    assert counts[("Babergh office", "x_projects")] == 3
    assert counts[("Babergh office", "x_project_lines")] == 6
    row = county.one("SELECT * FROM _county_provenance WHERE table_name = 'x_projects' AND row_key = ?",
                     (district.ids["project0"],))
    assert row["office_id"] == district.office_id and row["export_id"] == out.export_id and not row["shared"]
    assert county.one("SELECT shared FROM _county_provenance WHERE row_key = 'district:babergh'")["shared"] == 1
    imports = list_imports(county)
    assert [(i["office_name"], i["added"], i["conflicts"]) for i in imports] == [("Babergh office", summary.added, 0)]


def test_merging_the_same_export_twice_changes_nothing(district, county, tmp_path):
    out = export_for_county(district, tmp_path / "babergh-export.sqlite")
    merge_accepting(county, [out.path])
    before = data_state(county)
    again = merge_accepting(county, [out.path]).merged[0]
    assert (again.added, again.replaced, again.removed, again.conflicts) == (0, 0, 0, [])
    assert again.unchanged == out.total_rows
    assert data_state(county) == before
    # A second export of unchanged data (new export id, same rows) changes nothing either.
    later = export_for_county(district, tmp_path / "babergh-later.sqlite")
    assert merge_accepting(county, [later.path]).merged[0].changed is False
    assert data_state(county) == before


def test_merging_the_same_export_again_keeps_the_record_of_its_first_merge(district, county, tmp_path):
    # The second merge said "0 added … unchanged" but rewrote _county_imports: a new imported_at (which a refusal
    # quotes as "which was merged on <date>") and its counts (180 added, 8 unchanged became 0 and 188).
    out = export_for_county(district, tmp_path / "babergh-export.sqlite")
    merge_accepting(county, [out.path])
    county.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = list(county.conn.iterdump())
    imports = [tuple(r) for r in county.rows("SELECT * FROM _county_imports")]
    again = merge_accepting(county, [out.path, out.path]).merged
    assert [s.added for s in again] == [0] and again[0].unchanged == out.total_rows
    assert [tuple(r) for r in county.rows("SELECT * FROM _county_imports")] == imports
    assert imports[0][list(county.one("SELECT * FROM _county_imports").keys()).index("added")] > 0
    assert list(county.conn.iterdump()) == before  # nothing in the county file changed


def test_a_newer_export_replaces_the_office_rows_and_removes_what_it_no_longer_has(district, county, tmp_path):
    first = export_for_county(district, tmp_path / "first.sqlite")
    merge_accepting(county, [first.path])
    with district.transaction():
        district.conn.execute("UPDATE x_projects SET status = 'commissioned' WHERE id = ?", (district.ids["project0"],))
        district.conn.execute("DELETE FROM x_projects WHERE id = ?", (district.ids["project1"],))  # and its 2 lines
        district.conn.execute("INSERT INTO x_projects VALUES ('new-project', 'Night bus', 'proposed', 500000)")
    second = export_for_county(district, tmp_path / "second.sqlite")
    summary = merge_accepting(county, [second.path]).merged[0]
    assert (summary.added, summary.replaced, summary.removed, summary.conflicts) == (1, 1, 3, [])
    assert county.scalar("SELECT status FROM x_projects WHERE id = ?", (district.ids["project0"],)) == "commissioned"
    assert county.scalar("SELECT count(*) FROM x_projects WHERE id = ?", (district.ids["project1"],)) == 0
    assert content_checksum(county.conn, second.row_counts) == second.checksum
    # The older export, merged after the newer one, is refused and changes nothing.
    before = data_state(county)
    report = merge_accepting(county, [first.path])
    assert report.merged == [] and "it is older than an export from" in report.refused[0][1]
    assert data_state(county) == before


def test_several_files_merge_oldest_export_first(district, county, tmp_path):
    first = export_for_county(district, tmp_path / "first.sqlite")
    with district.transaction():
        district.conn.execute("UPDATE x_projects SET status = 'live'")
    second = export_for_county(district, tmp_path / "second.sqlite")
    report = merge_accepting(county, [second.path, first.path])
    assert [s.file_name for s in report.merged] == ["first.sqlite", "second.sqlite"]
    assert county.scalar("SELECT count(*) FROM x_projects WHERE status = 'live'") == 3


def copy_of(store, target):
    """A copy of an open file with everything written so far (the WAL folded in first)."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return copy_file(store.path, target)


def second_district(district, tmp_path, name="Ipswich office", *, move_to="district:ipswich"):
    """Another office's file: a copy of the district with a new office id, new row ids, another district."""
    path = copy_of(district, tmp_path / f"{name}.sqlite")
    reidentify(path, name, district_from="district:babergh", district_to=move_to)
    return path


def test_two_districts_merge_side_by_side_and_share_reference_data(district, county, tmp_path):
    a = export_for_county(district, tmp_path / "babergh-export.sqlite")
    b_path = second_district(district, tmp_path)
    b_store = open_store(b_path)
    try:
        b = export_for_county(b_store, tmp_path / "ipswich-export.sqlite")
    finally:
        b_store.close()
    report = merge_accepting(county, [a.path, b.path])
    assert report.conflicts == [] and report.refused == []
    assert county.scalar("SELECT count(*) FROM x_projects") == 6
    assert county.scalar("SELECT count(*) FROM x_indicator_values") == 6
    # Reference data is matched, not duplicated (the partnership links have random ids in each file).
    for table in ("districts", "partnerships", "organisations", "partnership_districts", "partnership_members"):
        assert county.scalar(f"SELECT count(*) FROM {table}") == district.scalar(f"SELECT count(*) FROM {table}")
    counts = provenance_counts(county)
    assert counts[("Babergh office", "x_projects")] == counts[("Ipswich office", "x_projects")] == 3
    blank = open_store(tmp_path / "blank.sqlite", create=True)
    try:
        seeded = sum(row_counts(blank.conn).values())  # rows every new file starts with (settings, catalogues)
    finally:
        blank.close()
    assert report.merged[1].unchanged == seeded + sum(a.row_counts[t] for t in
                                                      ("districts", "partnerships", "organisations",
                                                       "partnership_districts", "partnership_members"))
    # Each office's rows are its own: a newer Ipswich export without a project removes only Ipswich's.
    b_store = open_store(b_path)
    try:
        with b_store.transaction():
            b_store.conn.execute("DELETE FROM x_projects WHERE title = 'A ELEV8'")
        b2 = export_for_county(b_store, tmp_path / "ipswich-export-2.sqlite")
    finally:
        b_store.close()
    summary = merge_accepting(county, [b2.path]).merged[0]
    assert summary.removed == 3 and summary.conflicts == []
    assert county.scalar("SELECT count(*) FROM x_projects WHERE title = 'A ELEV8'") == 1


def test_same_rows_from_two_offices_are_conflicts_and_the_first_is_kept(district, county, tmp_path):
    a = export_for_county(district, tmp_path / "a.sqlite")
    merge_accepting(county, [a.path])
    before = data_state(county)
    before_tables = content_checksum(county.conn, [t for t in before[1] if t != "x_fund_summary"])
    # Another office started from a copy of Babergh's file and edited a project: same ids, other office.
    path = copy_of(district, tmp_path / "copy.sqlite")
    other = open_store(path)
    try:
        other.set_meta("office_id", "other-office-id")
        other.set_meta("office_name", "Copycat office")
        with other.transaction():
            other.conn.execute("UPDATE x_projects SET title = 'Edited elsewhere' WHERE id = ?", (district.ids["project0"],))
        b = export_for_county(other, tmp_path / "b.sqlite")
    finally:
        other.close()
    summary = merge_accepting(county, [b.path]).merged[0]
    kinds = {(c.table, c.kind) for c in summary.conflicts}
    assert ("x_projects", "other-office") in kinds
    assert all(c.other == "Babergh office" for c in summary.conflicts if c.kind == "other-office")
    # Nothing replaced, nothing added (the stand-ins' district-month totals are no longer exported: the real
    # fund summary, with small-number control, is tested in tests/safety/test_disclosure.py).
    assert summary.replaced == 0 and summary.added == county.scalar(
        "SELECT count(*) FROM _county_provenance WHERE office_name = 'Copycat office'") == 0
    assert data_state(county)[1]["x_projects"] == before[1]["x_projects"]
    tables = [t for t in before[1] if t != "x_fund_summary"]
    assert content_checksum(county.conn, tables) == before_tables  # nothing overwritten
    assert county.scalar("SELECT title FROM x_projects WHERE id = ?", (district.ids["project0"],)) == "A ELEV8"
    listed = list_conflicts(county)
    assert len(listed) == len(summary.conflicts)
    assert {c.office_name for c in listed} == {"Copycat office"}
    assert all(c.detail.startswith("X projects '") for c in listed if c.table == "x_projects")


def test_a_row_edited_at_the_county_is_never_overwritten(district, county, tmp_path):
    merge_accepting(county, [export_for_county(district, tmp_path / "a.sqlite").path])
    pid = district.ids["project0"]
    with county.transaction():
        county.conn.execute("UPDATE x_projects SET status = 'county says no' WHERE id = ?", (pid,))
    with district.transaction():
        district.conn.execute("UPDATE x_projects SET status = 'live' WHERE id = ?", (pid,))
        district.conn.execute("DELETE FROM x_projects WHERE id = ?", (district.ids["project2"],))
    with county.transaction():
        county.conn.execute("UPDATE x_projects SET cost_pence = 1 WHERE id = ?", (district.ids["project2"],))
    summary = merge_accepting(county, [export_for_county(district, tmp_path / "b.sqlite").path]).merged[0]
    kinds = sorted((c.kind, c.row_key) for c in summary.conflicts)
    assert kinds == sorted([("edited-at-county", pid), ("removed-but-edited", district.ids["project2"])])
    assert county.scalar("SELECT status FROM x_projects WHERE id = ?", (pid,)) == "county says no"
    assert county.scalar("SELECT cost_pence FROM x_projects WHERE id = ?", (district.ids["project2"],)) == 1


def test_two_offices_sending_one_district_month_agree_or_conflict_once(district, county, tmp_path):
    """Figures both offices send alike are one fact; where they differ, one conflict in words, the first kept."""
    a = export_for_county(district, tmp_path / "a.sqlite")
    # The second office also reports Babergh's figures (not moved to another district), April differently.
    b_path = second_district(district, tmp_path, "Rival office", move_to="district:babergh")
    b_store = open_store(b_path)
    try:
        with b_store.transaction():
            b_store.conn.execute("UPDATE x_indicator_values SET value = value + 1 WHERE month = '2016-04'")
        b = export_for_county(b_store, tmp_path / "b.sqlite")
    finally:
        b_store.close()
    report = merge_accepting(county, [a.path, b.path])
    conflicts = report.merged[1].conflicts
    assert [(c.table, c.kind) for c in conflicts] == [("x_indicator_values", "differs")]
    assert conflicts[0].detail == ("X indicator values of district Babergh, Apr 2016: 120 from Babergh office, 121 "
                                   "from Rival office")
    assert county.scalar("SELECT count(*) FROM x_indicator_values") == 3
    assert county.scalar("SELECT value FROM x_indicator_values WHERE month = '2016-04'") == 120
    # May and June are the same figures: held by both offices now, so neither removes them alone.
    shared = county.scalar("SELECT count(*) FROM _county_provenance WHERE table_name = 'x_indicator_values' "
                           "AND shared = 1")
    assert shared == 2


def test_a_child_another_office_adds_to_a_shared_row_is_merged_under_it(district, county, tmp_path):
    """Another office holding the same project (a copy of the file) adds a cost line: the line joins the project."""
    merge_accepting(county, [export_for_county(district, tmp_path / "a.sqlite").path])
    path = copy_of(district, tmp_path / "copy.sqlite")
    other = open_store(path)
    try:
        other.set_meta("office_id", "other-office-id")
        other.set_meta("office_name", "Copycat office")
        with other.transaction():
            other.conn.execute("INSERT INTO x_project_lines VALUES ('new-line', ?, '2011/12', 100)",
                               (district.ids["project0"],))
        b = export_for_county(other, tmp_path / "b.sqlite")
    finally:
        other.close()
    summary = merge_accepting(county, [b.path]).merged[0]
    assert summary.conflicts == [] and summary.added == 1
    assert county.scalar("SELECT project_id FROM x_project_lines WHERE id = 'new-line'") == district.ids["project0"]
    assert county.scalar("SELECT office_name FROM _county_provenance WHERE row_key = 'new-line'") == "Copycat office"


def test_reference_data_that_differs_is_a_conflict_and_the_county_keeps_its_own(district, county, tmp_path):
    merge_accepting(county, [export_for_county(district, tmp_path / "a.sqlite").path])
    b_path = second_district(district, tmp_path)
    b_store = open_store(b_path)
    try:
        with b_store.transaction():
            b_store.conn.execute("UPDATE districts SET ons_code = 'E99999999' WHERE id = 'district:babergh'")
        b = export_for_county(b_store, tmp_path / "b.sqlite")
    finally:
        b_store.close()
    conflicts = merge_accepting(county, [b.path]).merged[0].conflicts
    assert [(c.table, c.row_key, c.kind) for c in conflicts] == [("districts", "district:babergh", "reference-differs")]
    assert county.scalar("SELECT ons_code FROM districts WHERE id = 'district:babergh'") == "E07000200"
    assert county.scalar("SELECT count(*) FROM x_projects") == 6


def test_a_cancelled_merge_rolls_back_the_whole_file(district, county, tmp_path):
    out = export_for_county(district, tmp_path / "a.sqlite")
    before = data_state(county)
    progress = []
    with pytest.raises(Cancelled, match="a.sqlite"):
        merge_accepting(county, [out.path], progress=lambda d, t, m="": progress.append((d, t)),
                             cancelled=lambda: True)
    assert data_state(county) == before
    assert county.scalar("SELECT count(*) FROM _county_provenance") == 0
    assert list_imports(county) == []


def test_an_export_is_not_merged_into_the_file_it_came_from(district, tmp_path):
    out = export_for_county(district, tmp_path / "a.sqlite")
    # An office's own file that has made exports is no county file (s58): refused before any file is read.
    with pytest.raises(CountyError, match="own file: it has made 1 export for the county"):
        merge_accepting(district, [out.path])
    assert district.scalar("SELECT count(*) FROM _county_imports") == 0


def test_an_export_from_an_older_version_is_upgraded_on_a_copy(district, county, tmp_path):
    """A genuine export missing layout steps this version has is migrated on a private copy, then merged."""
    out = export_for_county(district, tmp_path / "old.sqlite")

    def as_older_version(conn):
        for table in ("_county_conflicts", "_county_imports", "_county_origins", "_county_keys", "_export_anchors",
                      "_county_decisions"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name IN ('create_county_bookkeeping', "
                     "'create_signing_register', 'keep_conflicts_in_words_and_decisions', 'keep_row_origins_slim')")

    resign_export(out.path, edit=as_older_version)  # as the older version would have signed it
    before = out.path.read_bytes()
    manifests, refused = check_district_files([out.path])
    assert refused == [] and manifests[0].pending_steps == [
        ("safer_desk.exchange", "create_county_bookkeeping"), ("safer_desk.exchange", "create_signing_register"),
        ("safer_desk.exchange", "keep_conflicts_in_words_and_decisions"),
        ("safer_desk.exchange", "keep_row_origins_slim")]
    summary = merge_accepting(county, [out.path]).merged[0]
    assert summary.added + summary.unchanged == out.total_rows and summary.conflicts == []
    assert content_checksum(county.conn, out.row_counts) == out.checksum
    assert out.path.read_bytes() == before  # the district's file itself is never upgraded


def test_progress_reaches_the_end(district, county, tmp_path):
    out = export_for_county(district, tmp_path / "a.sqlite")
    seen = []
    merge_accepting(county, [out.path], progress=lambda d, t, m="": seen.append((d, t, m)))
    assert seen[-1][0] == seen[-1][1] and "a.sqlite" in seen[-1][2]


def test_tables_are_found_by_introspection(district, county, tmp_path):
    """A table no exchange code knows about is exported and merged like the rest."""
    for store in (district, county):
        with store.transaction():
            store.conn.execute("CREATE TABLE late_arrival (id TEXT PRIMARY KEY, label TEXT NOT NULL, "
                               "project_id TEXT REFERENCES x_projects(id)) STRICT")
    with district.transaction():
        district.conn.execute("INSERT INTO late_arrival VALUES ('l1', 'landed later', ?)", (district.ids["project0"],))
    out = export_for_county(district, tmp_path / "a.sqlite")
    assert out.row_counts["late_arrival"] == 1
    merge_accepting(county, [out.path])
    assert county.scalar("SELECT label FROM late_arrival WHERE id = 'l1'") == "landed later"


def test_fill_district_helper_gives_distinct_offices(tmp_path, standin_privacy):
    """The helper used above: two offices filled alike still have their own row ids."""
    from tests.exchange.helpers import new_office

    one, two = new_office(tmp_path / "1.sqlite", "One"), new_office(tmp_path / "2.sqlite", "Two")
    try:
        from safer_desk.services.demo_data import reference

        reference.add_examples(one)
        reference.add_examples(two)
        assert set(fill_district(one).values()).isdisjoint(fill_district(two).values())
        add_standin_tables(one)  # idempotent
        assert one.office_id != two.office_id
    finally:
        one.close()
        two.close()


@pytest.mark.parametrize("bulk_rows", [20, 0], ids=["row by row", "in bulk"])
def test_rows_with_deterministic_ids_are_owned_until_another_office_sends_them_alike(district, county, tmp_path,
                                                                                    monkeypatch, bulk_rows):
    """An indicator ("indicator:all-crime") one office made is that office's; sent alike by two, it is shared. In
    bulk too (a table of 20 rows or more): there a row sent alike by a second office was counted unchanged and
    stayed the first office's alone, so the first office's later change replaced it and its deletion removed it."""
    from safer_desk.exchange import county_merge

    monkeypatch.setattr(county_merge, "BULK_ROWS", bulk_rows)
    ipswich = open_store(second_district(district, tmp_path), read_only=False)
    try:
        for store in (district, county, ipswich):
            with store.transaction():
                store.conn.execute("CREATE TABLE IF NOT EXISTS x_definitions (id TEXT PRIMARY KEY, name TEXT NOT NULL "
                                   "UNIQUE, polarity TEXT NOT NULL) STRICT")
        for store in (district, ipswich):
            with store.transaction():
                store.conn.execute("INSERT INTO x_definitions VALUES ('indicator:all-crime', 'All crime', 'lower')")
        with district.transaction():
            district.conn.execute("INSERT INTO x_definitions VALUES ('indicator:hate-crime', 'Hate crime', 'lower')")

        def merge(store, name):
            return merge_accepting(county, [export_for_county(store, tmp_path / name).path]).merged[0]

        merge(district, "b1.sqlite")
        second = merge(ipswich, "i1.sqlite")
        assert second.conflicts == []  # the same definition from a second office: matched, now shared
        shared = county.scalar("SELECT shared FROM _county_provenance WHERE row_key = 'indicator:all-crime'")
        assert shared == 1
        with district.transaction():
            district.conn.execute("UPDATE x_definitions SET polarity = 'higher'")  # both definitions
        summary = merge(district, "b2.sqlite")
        assert summary.replaced == 1  # hate crime is Babergh's alone: replaced
        assert [(c.row_key, c.kind) for c in summary.conflicts] == [("indicator:all-crime", "reference-differs")]
        assert "polarity" in summary.conflicts[0].detail
        assert county.scalar("SELECT polarity FROM x_definitions WHERE id = 'indicator:all-crime'") == "lower"
        with district.transaction():
            district.conn.execute("DELETE FROM x_definitions")
        summary = merge(district, "b3.sqlite")
        assert summary.removed == 1  # Babergh's own definition goes; the shared one stays
        assert [r[0] for r in county.rows("SELECT id FROM x_definitions")] == ["indicator:all-crime"]
    finally:
        ipswich.close()
