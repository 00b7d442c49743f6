"""A row several offices hold alike is kept at the county by its hash without the offices' own bookkeeping (when each
typed it in: ``row_hashes.LOCAL_COLUMNS``), so any of them sending it as it was is no new version (round 31). A
migration step that adds a column keeps such rows "as merged" too: hashed again as they were kept, or each office's
next export would raise them as edited at the county."""

from __future__ import annotations

import sqlite3

from safer_desk.storage import row_hashes


def _county() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE projects (id TEXT PRIMARY KEY, title TEXT, cost_pence INTEGER, updated_at TEXT)")
    conn.execute(f"CREATE TABLE {row_hashes.ORIGINS} (table_name TEXT, row_key TEXT, row_hash BLOB, shared INTEGER, "
                 "PRIMARY KEY (table_name, row_key))")
    columns = ["id", "title", "cost_pence", "updated_at"]
    for row, shared in ((("P1", "Suffolk Strive", 2900000, "2026-04-02 10:00"), 1),
                        (("P2", "Homeshield", 500000, "2026-04-03 11:00"), 1),
                        (("P3", "Recre8", 100000, "2026-04-04 12:00"), 0)):
        conn.execute("INSERT INTO projects VALUES (?, ?, ?, ?)", row)
        digest = (row_hashes.shared_row_hash("projects", columns, row) if shared
                  else row_hashes.row_hash(columns, row))
        conn.execute(f"INSERT INTO {row_hashes.ORIGINS} VALUES ('projects', ?, ?, ?)",
                     (row[0], bytes.fromhex(digest[:32]), shared))
    return conn


def _kept(conn, key: str) -> bytes:
    return conn.execute(f"SELECT row_hash FROM {row_hashes.ORIGINS} WHERE row_key = ?", (key,)).fetchone()[0]


def test_a_shared_row_is_the_same_whenever_each_office_typed_it_in():
    columns = ["id", "title", "cost_pence", "updated_at"]
    babergh = ("P1", "Suffolk Strive", 2900000, "2026-04-02 10:00")
    mid_suffolk = ("P1", "Suffolk Strive", 2900000, "2026-05-11 16:20")
    assert row_hashes.shared_row_hash("projects", columns, babergh) == \
        row_hashes.shared_row_hash("projects", columns, mid_suffolk)
    assert row_hashes.shared_row_hash("projects", columns, babergh) != \
        row_hashes.shared_row_hash("projects", columns, (*babergh[:2], 3100000, babergh[3]))


def test_shared_rows_as_merged_stay_so_through_a_step_that_adds_a_column():
    conn = _county()
    conn.execute("UPDATE projects SET cost_pence = 3100000 WHERE id = 'P2'")  # edited at the county since
    before = row_hashes.merged_columns(conn)
    conn.execute("ALTER TABLE projects ADD COLUMN lead TEXT DEFAULT 'CSP'")
    assert row_hashes.keep_as_merged(conn, before, ["projects"]) == 2  # P1 (shared) and P3; P2 stays edited
    columns = ["id", "title", "cost_pence", "updated_at", "lead"]
    p1 = conn.execute("SELECT * FROM projects WHERE id = 'P1'").fetchone()
    p3 = conn.execute("SELECT * FROM projects WHERE id = 'P3'").fetchone()
    assert _kept(conn, "P1") == bytes.fromhex(row_hashes.shared_row_hash("projects", columns, p1)[:32])
    assert _kept(conn, "P3") == bytes.fromhex(row_hashes.row_hash(columns, p3)[:32])
    p2 = conn.execute("SELECT * FROM projects WHERE id = 'P2'").fetchone()
    assert _kept(conn, "P2") != bytes.fromhex(row_hashes.shared_row_hash("projects", columns, p2)[:32])


def test_a_county_merged_before_keeps_its_shared_rows_by_what_they_are_once_upgraded():
    """Step keep_rows_several_offices_hold_by_what_they_are: shared rows kept the older way (the first office's copy
    to the byte) and still as merged are kept by what they are; one edited at the county since, and a row one
    office holds, stay as they were."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE projects (id TEXT PRIMARY KEY, title TEXT, cost_pence INTEGER, updated_at TEXT)")
    conn.execute(f"CREATE TABLE {row_hashes.ORIGINS} (table_name TEXT, row_key TEXT, row_hash BLOB, shared INTEGER, "
                 "PRIMARY KEY (table_name, row_key))")
    columns = ["id", "title", "cost_pence", "updated_at"]
    rows = {"P1": (("P1", "Suffolk Strive", 2900000, "2026-04-02 10:00"), 1),
            "P2": (("P2", "Homeshield", 500000, "2026-04-03 11:00"), 1),
            "P3": (("P3", "Recre8", 100000, "2026-04-04 12:00"), 0)}
    for key, (row, shared) in rows.items():
        conn.execute("INSERT INTO projects VALUES (?, ?, ?, ?)", row)
        conn.execute(f"INSERT INTO {row_hashes.ORIGINS} VALUES ('projects', ?, ?, ?)",
                     (key, bytes.fromhex(row_hashes.row_hash(columns, row)[:32]), shared))
    conn.execute("UPDATE projects SET cost_pence = 3100000 WHERE id = 'P2'")  # edited at the county since
    before = {key: _kept(conn, key) for key in rows}
    assert row_hashes.keep_shared_by_what_they_are(conn) == 1
    p1 = rows["P1"][0]
    assert _kept(conn, "P1") == bytes.fromhex(row_hashes.shared_row_hash("projects", columns, p1)[:32])
    assert _kept(conn, "P2") == before["P2"] and _kept(conn, "P3") == before["P3"]
    assert row_hashes.keep_shared_by_what_they_are(conn) == 0  # once is enough


def test_an_office_file_has_no_shared_rows_to_keep(demo_path):
    conn = sqlite3.connect(demo_path)
    try:
        assert row_hashes.keep_shared_by_what_they_are(conn) == 0
    finally:
        conn.close()
