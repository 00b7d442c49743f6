"""The exchange part of the schema, and what the county merge needs from every other table."""

from __future__ import annotations

from safer_desk.exchange.county_schema import data_tables, dependency_order, table_info


def columns(store, table):
    return [(r["name"], r["type"], r["notnull"], r["pk"]) for r in store.rows(f'PRAGMA table_info("{table}")')]


def test_a_blank_file_has_the_county_bookkeeping_tables_with_exactly_these_columns(store):
    # Where each merged row came from, in about 70 bytes a row (issue 13); the old table's columns as a view.
    assert columns(store, "_county_origins") == [
        ("table_name", "TEXT", 1, 1), ("row_key", "TEXT", 1, 2), ("import_number", "INTEGER", 1, 0),
        ("row_hash", "BLOB", 1, 0), ("shared", "INTEGER", 1, 0)]
    assert [c[0] for c in columns(store, "_county_provenance")] == [
        "table_name", "row_key", "office_id", "office_name", "export_id", "exported_at", "row_hash", "shared",
        "imported_at"]
    assert store.scalar("SELECT type FROM sqlite_master WHERE name = '_county_provenance'") == "view"
    assert columns(store, "_county_imports") == [
        ("export_id", "TEXT", 1, 1), ("office_id", "TEXT", 1, 0), ("office_name", "TEXT", 1, 0),
        ("exported_at", "TEXT", 1, 0), ("exported_by", "TEXT", 1, 0), ("checksum", "TEXT", 1, 0),
        ("include_referrals", "INTEGER", 1, 0), ("file_name", "TEXT", 1, 0), ("imported_at", "TEXT", 1, 0),
        ("imported_by", "TEXT", 1, 0), ("added", "INTEGER", 1, 0), ("replaced", "INTEGER", 1, 0),
        ("unchanged", "INTEGER", 1, 0), ("removed", "INTEGER", 1, 0), ("conflicts", "INTEGER", 1, 0),
        ("sequence", "INTEGER", 0, 0), ("key_fingerprint", "TEXT", 0, 0), ("audit_head_id", "INTEGER", 0, 0),
        ("audit_head_hash", "TEXT", 0, 0), ("number", "INTEGER", 0, 0)]
    assert columns(store, "_county_keys") == [
        ("fingerprint", "TEXT", 1, 1), ("office_id", "TEXT", 1, 2), ("office_name", "TEXT", 1, 0),
        ("public_key", "TEXT", 1, 0), ("first_signed_by", "TEXT", 1, 0), ("accepted_at", "TEXT", 1, 0),
        ("accepted_by", "TEXT", 1, 0), ("withdrawn_at", "TEXT", 0, 0), ("withdrawn_by", "TEXT", 0, 0),
        ("withdrawn_reason", "TEXT", 1, 0)]
    assert columns(store, "_export_anchors") == [
        ("sequence", "INTEGER", 0, 1), ("export_id", "TEXT", 1, 0), ("exported_at", "TEXT", 1, 0),
        ("exported_by", "TEXT", 1, 0), ("key_fingerprint", "TEXT", 1, 0), ("audit_head_id", "INTEGER", 1, 0),
        ("audit_head_hash", "TEXT", 1, 0)]
    assert columns(store, "_county_conflicts") == [
        ("id", "INTEGER", 0, 1), ("export_id", "TEXT", 1, 0), ("office_id", "TEXT", 1, 0),
        ("office_name", "TEXT", 1, 0), ("table_name", "TEXT", 1, 0), ("row_key", "TEXT", 1, 0),
        ("kind", "TEXT", 1, 0), ("other_office", "TEXT", 1, 0), ("detail", "TEXT", 1, 0),
        ("incoming_row", "TEXT", 1, 0), ("found_at", "TEXT", 1, 0), ("county_key", "TEXT", 1, 0),
        ("conflict_group", "TEXT", 1, 0), ("subject", "TEXT", 1, 0), ("county_side", "TEXT", 1, 0),
        ("district_side", "TEXT", 1, 0), ("subject_key", "TEXT", 1, 0), ("county_version", "TEXT", 1, 0),
        ("incoming_version", "TEXT", 1, 0)]
    assert columns(store, "_county_decisions") == [
        ("id", "INTEGER", 0, 1), ("subject_key", "TEXT", 1, 0), ("kept_version", "TEXT", 1, 0),
        ("set_aside_version", "TEXT", 1, 0), ("choice", "TEXT", 1, 0), ("office_id", "TEXT", 1, 0),
        ("office_name", "TEXT", 1, 0), ("conflict", "TEXT", 1, 0), ("decided_at", "TEXT", 1, 0),
        ("decided_by", "TEXT", 1, 0)]
    # Internal: neither audited nor exported.
    triggers = {r[0] for r in store.rows("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'")}
    assert not {t for t in triggers if t.startswith("_county") or t.startswith("_export")}
    assert not {t for t in data_tables(store.conn) if t.startswith("_")}


def test_every_exported_table_has_a_primary_key_the_merge_can_match_by(store):
    """The merge matches rows by primary key (and UNIQUE constraints): every table that lands needs one."""
    for table in data_tables(store.conn):
        assert table_info(store.conn, table).primary_key != ("rowid",), f"{table} has no primary key"


def test_tables_are_ordered_parents_first(store):
    tables = data_tables(store.conn)
    order = dependency_order(store.conn, tables)
    assert sorted(order) == sorted(tables)
    for table in tables:
        for fk in table_info(store.conn, table).foreign_keys:
            if fk.table != table and fk.table in tables:
                assert order.index(fk.table) < order.index(table), (fk.table, table)


def test_a_county_file_of_the_version_before_keeps_where_its_rows_came_from(tmp_path):
    """The step that slims the provenance keeps every row's office, export and hash (as its first 16 bytes)."""
    import sqlite3

    from safer_desk.storage.schema.exchange import migrations
    from safer_desk.storage.store import open_store

    path = tmp_path / "county.sqlite"
    open_store(path, create=True).close()
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("BEGIN")
    # As the version before wrote it: the wide provenance table, no import numbers.
    conn.execute("DROP VIEW _county_provenance")
    conn.execute("DROP TABLE _county_origins")
    conn.execute("DROP INDEX _county_imports_number")
    conn.execute("ALTER TABLE _county_imports DROP COLUMN number")
    conn.execute("CREATE TABLE _county_provenance (table_name TEXT NOT NULL, row_key TEXT NOT NULL, office_id TEXT "
                 "NOT NULL, office_name TEXT NOT NULL, export_id TEXT NOT NULL, exported_at TEXT NOT NULL, row_hash "
                 "TEXT NOT NULL, shared INTEGER NOT NULL DEFAULT 0, imported_at TEXT NOT NULL, PRIMARY KEY "
                 "(table_name, row_key)) STRICT")
    conn.execute("INSERT INTO _county_imports(export_id, office_id, office_name, exported_at, exported_by, checksum, "
                 "include_referrals, file_name, imported_at, imported_by) VALUES ('e1', 'o1', 'Babergh office', "
                 "'2025-01-01', 'x', 'c', 0, 'b.sqlite', '2025-01-02', 'y')")
    conn.execute("INSERT INTO _county_provenance VALUES ('projects', 'p1', 'o1', 'Babergh office', 'e1', "
                 "'2025-01-01', ?, 0, '2025-01-02')", ("ab" * 32,))
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'keep_row_origins_slim'")
    conn.execute("COMMIT")
    conn.close()
    assert "keep_row_origins_slim" in migrations.names()
    store = open_store(path)
    try:
        row = store.one("SELECT * FROM _county_provenance")
        assert (row["office_name"], row["export_id"], row["row_hash"]) == ("Babergh office", "e1", "ab" * 16)
        assert store.scalar("SELECT number FROM _county_imports") == 1
    finally:
        store.close()
