"""Core schema: the file's identity, the audit trail, and reference data every tab shares."""

from __future__ import annotations

from datetime import datetime, timezone

from safer_desk.domain.ids import new_id
from safer_desk.storage.schema import MigrationSet

migrations = MigrationSet("safer_desk.core")


@migrations.step
def create_meta_and_audit(db) -> None:
    db.execute(
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT"""
    )
    # Rows are written only by the triggers of storage.audit; nothing else inserts here.
    db.execute(
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT,
            action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
            column_name TEXT,
            old_value ANY,
            new_value ANY
        ) STRICT"""
    )
    db.execute("CREATE INDEX audit_log_table_at ON audit_log(table_name, at)")
    db.execute("CREATE INDEX audit_log_at ON audit_log(at)")
    # The file says what it is in the same step that creates it, so no half-made file looks foreign.
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db.execute(
        "INSERT INTO meta(key, value) VALUES ('app', 'safer-desk'), ('office_id', ?), ('created_at', ?)",
        [new_id(), now],
    )


@migrations.step
def create_reference_data(db) -> None:
    db.execute(
        """CREATE TABLE districts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            ons_code TEXT,
            county TEXT,
            successor_id TEXT REFERENCES districts(id),
            valid_from TEXT,
            valid_to TEXT
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE partnerships (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'csp',
            valid_from TEXT,
            valid_to TEXT,
            notes TEXT NOT NULL DEFAULT ''
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE partnership_districts (
            id TEXT PRIMARY KEY,
            partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
            district_id TEXT NOT NULL REFERENCES districts(id),
            valid_from TEXT,
            valid_to TEXT
        ) STRICT"""
    )
    db.execute("CREATE INDEX partnership_districts_partnership ON partnership_districts(partnership_id)")
    db.execute(
        """CREATE TABLE organisations (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'other'
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE partnership_members (
            id TEXT PRIMARY KEY,
            partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
            organisation_id TEXT NOT NULL REFERENCES organisations(id),
            statutory INTEGER NOT NULL DEFAULT 1 CHECK (statutory IN (0, 1)),
            valid_from TEXT,
            valid_to TEXT
        ) STRICT"""
    )
    db.execute("CREATE INDEX partnership_members_partnership ON partnership_members(partnership_id)")


@migrations.step
def create_illustrative_marks(db) -> None:
    # Figures the example file invents to make a screen usable (payments, satisfaction counts, catalogue
    # prices …) are marked here, row by row, so the window and the board report can say "illustrative":
    # nothing not taken from a paper may pass for a paper's figure. row_id is written as the audit trail
    # writes it (the primary key as text).
    db.execute(
        """CREATE TABLE illustrative_marks (
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (table_name, row_id)
        ) STRICT, WITHOUT ROWID"""
    )


@migrations.step
def create_office_areas(db) -> None:
    # Whose file this is (DESIGN §3, issue 13): the office's partnership(s), any district named on its own, and
    # its county. One row per area the office names; its districts follow from the partnerships' members by date
    # (with successors), so nothing here goes stale when districts merge. A table, not meta keys, so a district's
    # rows travel in its export (keyed by that office's id: two offices never touch each other's rows) and a
    # county file knows which districts were merged into it. area_id uses the ids of indicator_areas
    # ("partnership:western-suffolk-csp", "district:babergh", "county:suffolk"); name is kept beside it.
    db.execute(
        """CREATE TABLE office_areas (
            id TEXT PRIMARY KEY,
            office_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('partnership', 'district', 'county')),
            area_id TEXT NOT NULL,
            name TEXT NOT NULL CHECK (name <> '')
        ) STRICT"""
    )
    db.execute("CREATE INDEX office_areas_office ON office_areas(office_id)")


@migrations.step
def chain_the_audit_trail(db) -> None:
    # Issue 12: entries carry the user action they belong to and a hash chain (storage.audit explains it);
    # audit_log refuses UPDATE and DELETE; victim-level entries already written lose their free text.
    # Every audit trigger is made again here, in this step's transaction.
    from safer_desk.storage import audit

    audit.chain_existing_trail(db.conn)
