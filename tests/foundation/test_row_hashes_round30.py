"""A migration step that adds a column keeps a county's merged rows "as merged" (round 30): without it, every merged
row of the table read as edited at the county since it was merged, and each office's next change to one was raised
as a conflict. Only rows still as merged over the columns they had are hashed again."""

from __future__ import annotations

import json
import sqlite3

from safer_desk.exchange.county_schema import row_hash as exchange_row_hash
from safer_desk.storage import row_hashes


def _county(held: str = row_hashes.ORIGINS) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE reviews (id TEXT PRIMARY KEY, ref TEXT, cost_pence INTEGER)")
    conn.execute("CREATE TABLE shares (case_id TEXT, partner TEXT, pence INTEGER, PRIMARY KEY (case_id, partner))")
    conn.execute("CREATE TABLE notes (text TEXT)")  # no primary key: its rowid
    blob = held == row_hashes.ORIGINS
    conn.execute(f"CREATE TABLE {held} (table_name TEXT, row_key TEXT, row_hash {'BLOB' if blob else 'TEXT'}, "
                 "PRIMARY KEY (table_name, row_key))")
    rows = {"reviews": [("R1", "DHR-1", 100), ("R2", "DHR-2", 200), ("R3", "DHR-3", 300)],
            "shares": [("R1", "BDC", 50), ("R1", "MSDC", 50)], "notes": [("merged",)]}
    for table, values in rows.items():
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        for n, row in enumerate(values, start=1):
            conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", row)
            key = row[0] if table == "reviews" else json.dumps(list(row[:2]), separators=(",", ":")) \
                if table == "shares" else str(n)
            digest = exchange_row_hash(columns, row)
            conn.execute(f"INSERT INTO {held} VALUES (?, ?, ?)",
                         (table, key, bytes.fromhex(digest[:32]) if blob else digest))
    return conn


def _as_merged(conn, held, table: str) -> set[str]:
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    found = set()
    for rowid, *row in conn.execute(f"SELECT rowid, * FROM {table}"):
        key = row[0] if table == "reviews" else json.dumps(row[:2], separators=(",", ":")) \
            if table == "shares" else str(rowid)
        digest = exchange_row_hash(columns, row)
        stored = conn.execute(f"SELECT row_hash FROM {held} WHERE table_name = ? AND row_key = ?",
                              (table, key)).fetchone()[0]
        if stored == (bytes.fromhex(digest[:32]) if held == row_hashes.ORIGINS else digest):
            found.add(key)
    return found


def test_rows_as_merged_stay_as_merged_through_a_step_that_adds_and_fills_a_column():
    for held in (row_hashes.ORIGINS, row_hashes.OLD_ORIGINS):
        conn = _county(held)
        conn.execute("UPDATE reviews SET cost_pence = 250 WHERE id = 'R2'")  # edited at the county since
        before = row_hashes.merged_columns(conn)
        assert before["reviews"] == ["id", "ref", "cost_pence"]
        conn.execute("ALTER TABLE reviews ADD COLUMN first_billed_on TEXT")
        conn.execute("UPDATE reviews SET first_billed_on = '2022-06-15'")
        conn.execute("ALTER TABLE shares ADD COLUMN due_on TEXT")
        conn.execute("ALTER TABLE notes ADD COLUMN kind TEXT DEFAULT 'note'")
        assert row_hashes.keep_as_merged(conn, before, ["reviews", "shares", "notes"]) == 5
        assert _as_merged(conn, held, "reviews") == {"R1", "R3"}  # R2 stays edited at the county
        assert _as_merged(conn, held, "shares") == {'["R1","BDC"]', '["R1","MSDC"]'}
        assert _as_merged(conn, held, "notes") == {"1"}


def test_a_table_whose_columns_went_or_that_no_step_changed_is_left_as_it_was():
    conn = _county()
    before = row_hashes.merged_columns(conn)
    conn.execute("ALTER TABLE reviews DROP COLUMN ref")  # a column gone: edited rows cannot be told apart
    conn.execute("ALTER TABLE shares ADD COLUMN due_on TEXT")
    assert row_hashes.keep_as_merged(conn, before, ["reviews"]) == 0  # shares not among the step's changes
    assert _as_merged(conn, row_hashes.ORIGINS, "shares") == set()


def test_a_file_that_is_no_county_s_has_nothing_to_keep():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE reviews (id TEXT PRIMARY KEY)")
    assert row_hashes.merged_columns(conn) == {}
    assert row_hashes.keep_as_merged(conn, {}, ["reviews"]) == 0
