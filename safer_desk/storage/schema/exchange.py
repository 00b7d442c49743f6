"""Schema of the exchange part of the file (its own migration set, applied after core).

The county merge keeps its bookkeeping in internal tables (names start with ``_``: not audited, not
exported): where every merged row came from, which exports were imported, and the conflicts found.
Every office file has them (empty until it is used as a county file), so any file can become one.
"""

from __future__ import annotations

from safer_desk.storage.schema import MANIFEST_TABLE as MANIFEST_TABLE  # named there: opening a file reads them
from safer_desk.storage.schema import PROVENANCE_TABLE as PROVENANCE_TABLE
from safer_desk.storage.schema import MigrationSet

migrations = MigrationSet("safer_desk.exchange")

IMPORTS_TABLE = "_county_imports"
CONFLICTS_TABLE = "_county_conflicts"


@migrations.step
def create_county_bookkeeping(db) -> None:
    # One row per merged row: which office and export it came from, and its content hash as merged,
    # so a later import can tell "unchanged", "replaced" and "edited at the county since".
    db.execute(
        """CREATE TABLE _county_provenance (
            table_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            office_id TEXT NOT NULL,
            office_name TEXT NOT NULL,
            export_id TEXT NOT NULL,
            exported_at TEXT NOT NULL,
            row_hash TEXT NOT NULL,
            shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
            imported_at TEXT NOT NULL,
            PRIMARY KEY (table_name, row_key)
        ) STRICT"""
    )
    db.execute("CREATE INDEX _county_provenance_office ON _county_provenance(office_id, table_name)")
    db.execute(
        """CREATE TABLE _county_imports (
            export_id TEXT PRIMARY KEY,
            office_id TEXT NOT NULL,
            office_name TEXT NOT NULL,
            exported_at TEXT NOT NULL,
            exported_by TEXT NOT NULL,
            checksum TEXT NOT NULL,
            include_referrals INTEGER NOT NULL CHECK (include_referrals IN (0, 1)),
            file_name TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            added INTEGER NOT NULL DEFAULT 0,
            replaced INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0
        ) STRICT"""
    )
    db.execute("CREATE INDEX _county_imports_office ON _county_imports(office_id, exported_at)")
    # A conflict is reported, never resolved silently: the county row stays as it was.
    db.execute(
        """CREATE TABLE _county_conflicts (
            id INTEGER PRIMARY KEY,
            export_id TEXT NOT NULL,
            office_id TEXT NOT NULL,
            office_name TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            kind TEXT NOT NULL,
            other_office TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL,
            incoming_row TEXT NOT NULL,
            found_at TEXT NOT NULL,
            UNIQUE (office_id, table_name, row_key, kind)
        ) STRICT"""
    )


@migrations.step
def create_signing_register(db) -> None:
    # Issue 12, signed exports. In an office file: the head of the audit chain at each export (with the
    # export's sequence number), so `safer-desk check` finds a trail cut short or rewritten before it.
    db.execute(
        """CREATE TABLE _export_anchors (
            sequence INTEGER PRIMARY KEY,
            export_id TEXT NOT NULL UNIQUE,
            exported_at TEXT NOT NULL,
            exported_by TEXT NOT NULL,
            key_fingerprint TEXT NOT NULL,
            audit_head_id INTEGER NOT NULL,
            audit_head_hash TEXT NOT NULL
        ) STRICT"""
    )
    # In a county file: the keys registered for each office (fingerprint confirmed with the office by
    # phone); a key is withdrawn, never deleted. Accepting and withdrawing are recorded in the audit trail.
    db.execute(
        """CREATE TABLE _county_keys (
            fingerprint TEXT NOT NULL,
            office_id TEXT NOT NULL,
            office_name TEXT NOT NULL,
            public_key TEXT NOT NULL,
            first_signed_by TEXT NOT NULL DEFAULT '',
            accepted_at TEXT NOT NULL,
            accepted_by TEXT NOT NULL,
            withdrawn_at TEXT,
            withdrawn_by TEXT,
            withdrawn_reason TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (fingerprint, office_id)
        ) STRICT"""
    )
    # What each merge verified: the export's sequence number, the key that signed it and the head of the
    # office's audit chain (the next export from that office must extend it).
    for column in ("sequence INTEGER", "key_fingerprint TEXT", "audit_head_id INTEGER", "audit_head_hash TEXT"):
        db.execute(f"ALTER TABLE _county_imports ADD COLUMN {column}")
    db.execute("CREATE INDEX _county_imports_sequence ON _county_imports(office_id, sequence)")


@migrations.step
def keep_conflicts_in_words_and_decisions(db) -> None:
    # Issue 13, conflicts people can act on. Self-contained: adds columns with defaults and a new table.
    # Each conflict is kept in words (what it is about, the county's side, the office's side), with its
    # group, the county row it concerns, and the two versions that disagree (hashes of the values compared),
    # so the county lead's decision can be applied later and recognised when the same versions meet again.
    for column in ("county_key", "conflict_group", "subject", "county_side", "district_side", "subject_key",
                   "county_version", "incoming_version"):
        db.execute(f"ALTER TABLE _county_conflicts ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    # One row per decision: which version of a thing (subject_key: its natural identity) was kept and which
    # set aside. A decision is recorded in the audit trail too, as an action of its own.
    db.execute(
        """CREATE TABLE _county_decisions (
            id INTEGER PRIMARY KEY,
            subject_key TEXT NOT NULL,
            kept_version TEXT NOT NULL,
            set_aside_version TEXT NOT NULL,
            choice TEXT NOT NULL CHECK (choice IN ('county', 'district')),
            office_id TEXT NOT NULL,
            office_name TEXT NOT NULL,
            conflict TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            UNIQUE (subject_key, kept_version, set_aside_version)
        ) STRICT"""
    )


ORIGINS_TABLE = "_county_origins"


@migrations.step
def keep_row_origins_slim(db) -> None:
    # Issue 13, a county file that does not balloon. Where each merged row came from is kept in about 70 bytes
    # a row instead of about 400: the export that brought it by number (office, export id and dates are in
    # _county_imports, once per export), the first 16 bytes of its content hash (enough to tell a row edited
    # at the county since), and whether several offices hold it. _county_provenance stays, as a view with its
    # old columns, for whatever reads it. Self-contained: adds a column, a table and a view.
    db.execute("ALTER TABLE _county_imports ADD COLUMN number INTEGER")
    db.execute("UPDATE _county_imports SET number = rowid")
    db.execute("CREATE UNIQUE INDEX _county_imports_number ON _county_imports(number)")
    db.execute(
        """CREATE TABLE _county_origins (
            table_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            import_number INTEGER NOT NULL,
            row_hash BLOB NOT NULL,
            shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
            PRIMARY KEY (table_name, row_key)
        ) STRICT, WITHOUT ROWID"""
    )
    rows = db.execute(
        "SELECT p.table_name, p.row_key, i.number, p.row_hash, p.shared FROM _county_provenance p "
        "JOIN _county_imports i ON i.export_id = p.export_id").fetchall()
    db.conn.executemany("INSERT INTO _county_origins(table_name, row_key, import_number, row_hash, shared) "
                        "VALUES (?, ?, ?, ?, ?)",
                        [(t, k, n, bytes.fromhex(h[:32]) if len(h) >= 32 else h.encode("utf-8"), s)
                         for t, k, n, h, s in rows])
    db.execute("DROP TABLE _county_provenance")
    db.execute(
        """CREATE VIEW _county_provenance AS
        SELECT o.table_name AS table_name, o.row_key AS row_key, i.office_id AS office_id,
               i.office_name AS office_name, i.export_id AS export_id, i.exported_at AS exported_at,
               lower(hex(o.row_hash)) AS row_hash, o.shared AS shared, i.imported_at AS imported_at
        FROM _county_origins o JOIN _county_imports i ON i.number = o.import_number"""
    )


# The columns steps before round 30 added to tables a county merges, by the step that added them (in order): a
# county upgraded through one of them kept the hash of each merged row without it.
_COLUMNS_ADDED = {
    "funds": [["spend_keyed_to"]],
    "indicators": [["tolerance_kind", "measure", "figure_basis"]],
    "indicator_targets": [["status", "withdrawn_on", "withdrawn_reason"]],
    "project_funding_sources": [["financial_year"]],
    "commissioning_scenarios": [["award_id", "award_year", "range_end"]],
}


@migrations.step
def rehash_rows_merged_before_columns_were_added(db) -> None:
    # A county file upgraded through a step that added a column (funds' spend_keyed_to …) before round 30 kept the
    # hash of every merged row of that table as it was without the column, so each office's next change to one came
    # up as "edited at the county". The rows still as merged over the columns they had then are hashed again as they
    # are now (a step since does this itself: storage.store._with_audit_triggers). A row edited at the county stays
    # so; an office file (no merged rows) is left as it is.
    from safer_desk.storage import row_hashes

    for table, groups in _COLUMNS_ADDED.items():
        columns = [r[1] for r in db.conn.execute(f"PRAGMA table_info({table})")]
        dropped: list[str] = []
        for group in reversed(groups):  # the latest step's columns first, then with the earlier ones too
            dropped += group
            before = [c for c in columns if c not in dropped]
            if columns and len(before) < len(columns):
                row_hashes.keep_as_merged(db.conn, {table: before}, [table])


@migrations.step
def keep_rows_several_offices_hold_by_what_they_are(db) -> None:
    # Round 31: a row several offices hold alike is kept at the county by its hash without the offices' own
    # bookkeeping (when each typed it in). Counties merged before kept the first office's copy to the byte, so once
    # the county edited such a row, another holder's unchanged copy came up as a conflict nobody made. Rows still as
    # merged are kept the new way; a row edited at the county stays so; an office file has nothing to keep.
    from safer_desk.storage import row_hashes

    row_hashes.keep_shared_by_what_they_are(db.conn)


HOLDERS_TABLE = "_county_holders"


@migrations.step
def keep_which_offices_hold_shared_rows(db) -> None:
    # Round 33: a row several offices send alike is one row at the county, and its origin names one import and
    # "shared", so the county could not tell when the last of its offices deleted it: it stayed for good. Which
    # offices hold it is kept here, one row each, for rows shared from now on; a row shared before (no holder kept),
    # or common to every file or made at the county, has none and is never removed, as before. No other index: it is
    # read a table at a time, and one on the offices made 25 offices' county file half as big again. Self-contained.
    db.execute(
        """CREATE TABLE _county_holders (
            table_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            office_id TEXT NOT NULL,
            PRIMARY KEY (table_name, row_key, office_id)
        ) STRICT, WITHOUT ROWID"""
    )
