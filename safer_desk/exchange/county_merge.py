"""Merge district exports into a county file: check each file first, then one transaction per file.

Rules (DESIGN §3, issue 7):
- every merged row keeps where it came from (``_county_provenance``: table, row key, office, export,
  content hash as merged);
- importing the same export again changes nothing; a newer export from the same office replaces that
  office's rows, and rows it no longer has are removed; an older one is refused;
- reference data (districts, partnerships, organisations and the links between them) is matched,
  not duplicated, never removed and never changed by an office;
- a row with a deterministic id elsewhere (an indicator "indicator:all-crime", a target, an area) belongs
  to the office that sent it first; when another office sends it alike it becomes shared (never removed,
  never changed); sent differently by another office, it is a conflict;
- a row that cannot be merged without overwriting something is reported in ``_county_conflicts`` and
  left as it is: the same row from two offices, a row edited at the county since it was imported,
  two offices' rows colliding on a UNIQUE constraint (one indicator value for one district and month),
  reference data that differs, and rows whose parent row was not merged;
- a file that is not an export, is damaged or truncated, fails its checksum or has a newer schema is
  refused before the county file is touched.

Verification (issue 12): an export is opened as hostile (``storage.hostile``: read-only, immutable, no
trusted schema, defensive, triggers and views off) and refused if its schema holds any code. Its signed
statement must verify with the public key it names, every manifest row must say what was signed, and the
schema, row counts, per-table checksums, internal tables and audit chain must match what was signed.
Against the county file (``verify_for_county``): the key must be registered for that office (a new key is
registered only when the county lead accepts its fingerprint, confirmed with the office by phone; a
withdrawn key is refused), the sequence number must be newer than the last merged from that office, and
the office's audit chain must still pass through the head the county saw last time. Every check reads;
nothing is written to the county file before all of them pass.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from safer_desk import __version__
from safer_desk.exchange import signing
from safer_desk.exchange.county_export import CHAIN_TABLE, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, utc_now
from safer_desk.exchange.county_schema import (CHECKSUM_METHOD, CancelCheck, ProgressFn, TableInfo,
                                               check_cancelled, content_checksum, content_checksums, data_tables,
                                               dependency_order, iter_rows, never_cancelled, no_progress, quote,
                                               row_counts, row_hash, schema_hash, table_info)
from safer_desk.storage import audit
from safer_desk.storage.hostile import open_hostile, schema_code
from safer_desk.storage.schema import known_steps
from safer_desk.storage.schema.exchange import CONFLICTS_TABLE, IMPORTS_TABLE, MANIFEST_TABLE, PROVENANCE_TABLE
from safer_desk.storage.leftovers import private_workspace

KEYS_TABLE = "_county_keys"
FUTURE_ALLOWANCE = timedelta(days=1)  # an export dated later than the county's clock plus this is refused
# Manifest fields in words, for "its … was changed after it was signed".
FIELD_WORDS = {
    "office_name": "office name", "office_id": "office id", "exported_at": "export date",
    "sequence": "sequence number", "include_referrals": "referral choice (individual referrals included or not)",
    "checksum": "checksum", "table_checksums": "table checksums", "row_counts": "row counts", "tables": "table list",
    "migration_steps": "list of schema steps", "schema_hash": "schema checksum",
    "internal_checksum": "checksum of its internal tables", "audit_head_id": "audit trail head",
    "audit_head_hash": "audit trail head", "audit_entries": "audit trail length", "key_fingerprint": "key id",
    "public_key": "public key", "export_id": "export id", "exported_by": "officer name",
    "private_tables_left_out": "list of tables left out",
}
from safer_desk.storage.store import (APP_ID, MIGRATIONS_TABLE, SQLITE_HEADER, Store, StoreError, open_store,
                                      read_only_uri)

# Shared reference data: matched across offices, never owned by one. The links have random ids, so
# they are matched by the pair they link.
REFERENCE_TABLES: dict[str, tuple[str, ...] | None] = {
    "districts": None,
    "partnerships": None,
    "organisations": None,
    "partnership_districts": ("partnership_id", "district_id"),
    "partnership_members": ("partnership_id", "organisation_id"),
}
REFERENCE_ID = re.compile(r"^[a-z][a-z0-9_-]*:[a-z0-9][a-z0-9-]*$")  # domain.ids.reference_id
_RANDOM_ID = re.compile(r"^[0-9a-f]{32}$")  # domain.ids.new_id


def _deterministic_key(key: str) -> bool:
    """A row identified by a deterministic id, or by a composite key naming one and no random id (an
    illustrative mark on a shared catalogue item: ["fund_items", "item:door-chain"]): two offices that
    send it alike hold the same thing."""
    if REFERENCE_ID.match(key):
        return True
    if not key.startswith("["):
        return False
    try:
        parts = [str(p) for p in json.loads(key)]
    except ValueError:
        return False
    return any(REFERENCE_ID.match(p) for p in parts) and not any(_RANDOM_ID.match(p) for p in parts)

CONFLICT_KINDS = {
    "other-office": "the same row came from another office",
    "edited-at-county": "edited at the county since it was imported",
    "made-at-county": "a row with this id was made at the county",
    "unique": "clashes with another row on a value that must be unique",
    "reference-differs": "shared reference data differs from the county's",
    "missing-parent": "depends on a row that was not merged",
    "removed-but-edited": "no longer in the office's file, but edited at the county since",
}


class ExportRefused(ValueError):
    """A district file that cannot be merged; the message says why, and that nothing was changed."""


class UnregisteredKey(ExportRefused):
    """Signed with a key the county has not registered for the office: the county lead may accept it.

    ``other_offices`` names the offices the key IS registered for (an export signed with another
    office's key)."""

    def __init__(self, message: str, *, path: Path, fingerprint: str, office_id: str, office_name: str,
                 signed_by: str, other_offices: list[str]):
        super().__init__(message)
        self.path, self.fingerprint, self.office_id, self.office_name = path, fingerprint, office_id, office_name
        self.signed_by, self.other_offices = signed_by, other_offices


@dataclass
class ExportManifest:
    path: Path
    export_id: str
    office_id: str
    office_name: str
    exported_at: str
    exported_by: str
    app_version: str
    migration_steps: list[str]
    tables: list[str]
    row_counts: dict[str, int]
    checksum: str
    include_referrals: bool
    pending_steps: list[tuple[str, str]] = field(default_factory=list)  # an older export: migrated on a copy
    sequence: int = 0
    key_fingerprint: str = ""
    public_key: str = ""
    audit_head_id: int = 0
    audit_head_hash: str = audit.GENESIS
    audit_entries: int = 0
    audit_repairs: int = 0
    protections: list[str] = field(default_factory=list)  # how the file was opened (storage.hostile)

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())


@dataclass
class Conflict:
    table: str
    row_key: str
    kind: str
    office_name: str
    other: str
    detail: str

    @property
    def description(self) -> str:
        return CONFLICT_KINDS.get(self.kind, self.kind)


@dataclass
class MergeSummary:
    """What one district file did to the county file."""

    file_name: str
    office_name: str
    exported_at: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    sequence: int = 0  # the export's number at its office, as signed
    key_fingerprint: str = ""  # the key that signed it (verified against the county's register)
    key_accepted: bool = False  # the key was registered for the office with this merge

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed)


def _refuse(path: Path, why: str) -> ExportRefused:
    return ExportRefused(f"{path.name} cannot be merged: {why}. The county file has not been changed.")


def _open_read_only(path: Path) -> sqlite3.Connection:
    # Hostile until verified: read-only, immutable (no -wal/-shm beside the district's file), no code runs.
    conn, _ = open_hostile(path)
    return conn


def _now() -> datetime:
    return datetime.now(timezone.utc)


def read_export(path: Path | str) -> ExportManifest:
    """Check a district file from end to end and return its manifest, or raise ExportRefused."""
    path = Path(path)
    if not path.is_file():
        raise _refuse(path, "there is no such file")
    size = path.stat().st_size
    with path.open("rb") as fh:
        header = fh.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise _refuse(path, "it is not an export from Safer Desk (not an SQLite database at all)")
    if len(header) < 100:
        raise _refuse(path, "the file is truncated (it ends inside its header); ask for it to be sent again")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or size % page_size or (pages and size < pages * page_size):
        raise _refuse(path, f"the file is truncated ({size:,} bytes of {pages * page_size:,}); "
                            "ask for it to be sent again")
    try:
        conn, protections = open_hostile(path)
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, f"the file is damaged ({exc})") from exc
    try:
        manifest = _check_export(path, conn)
        manifest.protections = protections
        return manifest
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, f"the file is damaged ({exc})") from exc
    finally:
        conn.close()


def _signed_manifest(path: Path, rows: dict[str, str]) -> dict[str, str]:
    """The manifest as signed, after checking the signature and that every row says what was signed."""
    if "signed_statement" not in rows or "signature" not in rows:
        raise _refuse(path, "it is not signed: it was made by a version of Safer Desk from before signed exports, or "
                            f"its signature was removed. Ask the office to export again with Safer Desk {__version__} "
                            "or later")
    statement_text = rows["signed_statement"]
    try:
        signed = json.loads(statement_text)
    except ValueError:
        signed = None
    if not isinstance(signed, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in signed.items()):
        raise _refuse(path, "its signed statement is damaged")
    if signed.get("signature_method") != signing.SIGNATURE_METHOD or "public_key" not in signed:
        raise _refuse(path, f"it is signed in a way this version does not know ({signed.get('signature_method')!r})")
    try:
        signing.verify(statement_text.encode("utf-8"), rows["signature"], signed["public_key"])
    except signing.SignatureInvalid:
        raise _refuse(path, "its signature does not match its signed statement: the statement (office, date, "
                            "checksums …) was changed after it was signed") from None
    if signing.public_key_fingerprint(signed["public_key"]) != signed.get("key_fingerprint"):
        raise _refuse(path, "its key id does not belong to the key that signed it")
    for key, value in sorted(signed.items()):
        if rows.get(key) != value:
            words = FIELD_WORDS.get(key, key.replace("_", " "))
            if key in ("checksum", "table_checksums"):
                raise _refuse(path, f"its {words} was recomputed after it was signed (re-hashed): the rows were "
                                    "changed after export")
            raise _refuse(path, f"its {words} was changed after it was signed (it says {rows.get(key)!r}; "
                                f"it was signed as {value!r})")
    unsigned = sorted(set(rows) - set(signed) - {"signed_statement", "signature"})
    if unsigned:
        raise _refuse(path, f"its manifest has entries that were not signed ({', '.join(unsigned)})")
    return signed


def _parse_time(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _check_export(path: Path, conn: sqlite3.Connection) -> ExportManifest:
    check = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in check] != [("ok",)]:
        raise _refuse(path, f"the file is damaged ({check[0][0]})")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables or MIGRATIONS_TABLE not in tables:
        raise _refuse(path, "it is an SQLite database but not an export from Safer Desk")
    app = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    if not app or app[0] != APP_ID:
        raise _refuse(path, "it is an SQLite database but not an export from Safer Desk")
    if MANIFEST_TABLE not in tables:
        raise _refuse(path, "it is a Safer Desk file but not an export for the county (in the district, use "
                            "File > Export for County… to make one)")
    code = schema_code(conn)
    if code:
        raise _refuse(path, f"it holds {', '.join(code[:3])}{' …' if len(code) > 3 else ''}, which a Safer Desk "
                            "export never does: it was not made by Safer Desk, or was changed after it was made")
    rows = {r[0]: r[1] for r in conn.execute(f"SELECT key, value FROM {MANIFEST_TABLE}").fetchall()}
    if rows.get("format") != EXPORT_FORMAT:
        raise _refuse(path, "its manifest is missing or incomplete")
    m = _signed_manifest(path, rows)
    required = ("format", "format_version", "export_id", "office_id", "office_name", "exported_at", "sequence",
                "migration_steps", "tables", "row_counts", "checksum", "checksum_method", "table_checksums",
                "internal_tables", "internal_checksum", "schema_hash", "include_referrals", "audit_entries",
                "audit_head_id", "audit_head_hash", "key_fingerprint", "public_key")
    missing = [k for k in required if k not in m]
    if missing or m["format_version"] != EXPORT_FORMAT_VERSION:
        raise _refuse(path, f"its manifest is missing or incomplete ({', '.join(missing) or 'format version'})")
    exported = _parse_time(m["exported_at"])
    if exported is None:
        raise _refuse(path, f"its export date {m['exported_at']!r} is not a date")
    now = _now()
    if exported > now + FUTURE_ALLOWANCE:
        raise _refuse(path, f"it is dated {exported:%d/%m/%Y %H:%M} UTC, more than a day after this computer's clock "
                            f"({now:%d/%m/%Y %H:%M} UTC): an export from the future would shut out that office's real "
                            "exports. Check the date on both computers")
    applied = [(r[0], r[1]) for r in conn.execute(f"SELECT migration_set, name FROM {MIGRATIONS_TABLE} ORDER BY id")]
    unknown = set(applied) - known_steps()
    if unknown:
        raise _refuse(path, f"it was made by a newer version of Safer Desk ({m.get('app_version', '?')}) whose "
                            f"file layout this version does not know ({len(unknown)} change(s)); install the newer "
                            "version at the county first")
    if json.loads(m["migration_steps"]) != [f"{s}/{n}" for s, n in applied]:
        raise _refuse(path, "its list of schema steps does not match its contents (the file was changed after it "
                            "was signed)")
    if schema_hash(conn, [MANIFEST_TABLE]) != m["schema_hash"]:
        raise _refuse(path, "its tables were changed after it was signed (its schema does not match)")
    if m["checksum_method"] != CHECKSUM_METHOD:
        raise _refuse(path, f"its checksum method {m['checksum_method']!r} is unknown")
    listed = json.loads(m["tables"])
    if sorted(listed) != data_tables(conn):
        raise _refuse(path, "its tables do not match its manifest (the file was changed after it was signed)")
    counts = json.loads(m["row_counts"])
    actual_counts = row_counts(conn, listed)
    for table in sorted(set(counts) | set(actual_counts)):
        if counts.get(table) != actual_counts.get(table):
            raise _refuse(path, f"rows were added to or removed from {table} after it was signed "
                                f"({counts.get(table, 0):,} signed, {actual_counts.get(table, 0):,} now)")
    total, per_table = content_checksums(conn, listed)
    signed_tables = json.loads(m["table_checksums"])
    for table in sorted(per_table):
        if signed_tables.get(table) != per_table[table]:
            raise _refuse(path, f"values in {table} were changed after it was signed")
    if total != m["checksum"]:
        raise _refuse(path, "its checksum does not match its contents (the file was changed after export "
                            "or damaged on the way)")
    internal = json.loads(m["internal_tables"])
    present_internal = sorted(t for t in tables if not t.startswith("sqlite_") and t not in set(listed)
                              and t != MANIFEST_TABLE)
    if sorted(internal) != present_internal or content_checksum(conn, internal) != m["internal_checksum"]:
        raise _refuse(path, "its internal tables (office details, schema steps, audit chain) were changed after it "
                            "was signed")
    include = m["include_referrals"] == "yes"
    if not include:
        from safer_desk.storage.schema import costs as costs_schema

        held = [t for t in costs_schema.PRIVATE_TABLES if actual_counts.get(t)]
        if held:
            raise _refuse(path, f"it holds individual referrals ({', '.join(held)}) although it says they were left out")
    head_id, head_hash = int(m["audit_head_id"]), m["audit_head_hash"]
    chain_rows = conn.execute(f"SELECT id, digest, hash FROM {CHAIN_TABLE} ORDER BY id") \
        if CHAIN_TABLE in tables else iter(())
    entries, head, problem = audit.verify_shipped_chain(tuple(r) for r in chain_rows)
    got = (head.id, head.hash) if head else (0, audit.GENESIS)
    if problem or entries != int(m["audit_entries"]) or got != (head_id, head_hash):
        raise _refuse(path, "its audit chain does not lead to the head that was signed"
                            + (f" ({problem})" if problem else ""))
    pending = sorted(known_steps() - set(applied))
    return ExportManifest(path, m["export_id"], m["office_id"], m["office_name"], m["exported_at"],
                          m.get("exported_by", ""), m.get("app_version", ""), json.loads(m["migration_steps"]),
                          listed, counts, m["checksum"], include, pending, int(m["sequence"]), m["key_fingerprint"],
                          m["public_key"], head_id, head_hash, entries, int(m.get("audit_repairs", "0") or 0))


# -- the county's register of keys, and the checks against it ------------------------------------------------
@dataclass(frozen=True)
class RegisteredKey:
    fingerprint: str
    office_id: str
    office_name: str
    public_key: str
    first_signed_by: str
    accepted_at: str
    accepted_by: str
    withdrawn_at: str | None
    withdrawn_by: str | None
    withdrawn_reason: str

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


def registered_keys(conn: sqlite3.Connection, fingerprint: str | None = None) -> list[RegisteredKey]:
    sql = f"SELECT * FROM {KEYS_TABLE}" + (" WHERE fingerprint = ?" if fingerprint else "") + \
        " ORDER BY office_name, accepted_at"
    return [RegisteredKey(*tuple(r)) for r in conn.execute(sql, (fingerprint,) if fingerprint else ())]


def last_import(conn: sqlite3.Connection, office_id: str) -> sqlite3.Row | None:
    cursor = conn.execute(
        f"SELECT export_id, sequence, exported_at, imported_at, audit_head_id, audit_head_hash FROM {IMPORTS_TABLE} "
        "WHERE office_id = ? AND sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1", (office_id,))
    cursor.row_factory = sqlite3.Row
    return cursor.fetchone()


def verify_for_county(county: Store | None, manifest: ExportManifest, accept_keys: Iterable[str] = ()) -> bool:
    """Check a verified export against the county's register and history; True when its key is to be registered.

    county None: a county file not made yet (an empty register). Raises ExportRefused (UnregisteredKey for
    a key the county lead may accept). Reads only.
    """
    path, m = manifest.path, manifest
    if county is not None and m.office_id == county.office_id:
        raise _refuse(path, "it was exported from this very file")
    accept = {signing.normal_fingerprint(k) for k in accept_keys}
    keys = registered_keys(county.conn, m.key_fingerprint) if county is not None else []
    mine = [k for k in keys if k.office_id == m.office_id]
    register = False
    if mine and not mine[0].active:
        k = mine[0]
        raise _refuse(path, f"it is signed with a key that was withdrawn for {k.office_name} on {k.withdrawn_at[:10]} "
                            f"by {k.withdrawn_by}{' (' + k.withdrawn_reason + ')' if k.withdrawn_reason else ''} "
                            f"(fingerprint {m.key_fingerprint}); exports signed with it are refused")
    if not mine:
        others = sorted({k.office_name for k in keys if k.office_id != m.office_id and k.active})
        if m.key_fingerprint not in accept:
            if others:
                why = (f"it says it is from {m.office_name} but is signed with the key of {', '.join(others)} "
                       f"(fingerprint {m.key_fingerprint}), which is not registered for {m.office_name}: an export "
                       "signed with another office's key is refused. Only if "
                       f"{m.office_name} confirms this fingerprint by phone as its own officer's may it be accepted")
            else:
                why = (f"it is signed with a key the county has not registered for {m.office_name} (fingerprint "
                       f"{m.key_fingerprint}, signed by {m.exported_by or 'an unnamed officer'}). Confirm the "
                       f"fingerprint with {m.office_name} by phone, then accept it (in the window, or merge again "
                       f'with --accept-key "{m.key_fingerprint}")')
            raise UnregisteredKey(_refuse(path, why).args[0], path=path, fingerprint=m.key_fingerprint,
                                  office_id=m.office_id, office_name=m.office_name, signed_by=m.exported_by,
                                  other_offices=others)
        register = True
    last = last_import(county.conn, m.office_id) if county is not None else None
    if last is not None and last["export_id"] != m.export_id:
        if m.sequence <= last["sequence"]:
            raise _refuse(path, f"it is older than an export from {m.office_name} already merged (it is export "
                                f"number {m.sequence}; number {last['sequence']}, made "
                                f"{last['exported_at'][:16].replace('T', ' ')} UTC, has already been merged): "
                                "a newer export from that office has already been merged, and an older one would "
                                "roll its figures back")
        if last["audit_head_id"]:
            found = _chain_hash_at(path, int(last["audit_head_id"]))
            if found != last["audit_head_hash"]:
                raise _refuse(path, f"{m.office_name}'s audit trail does not extend the one merged with its export "
                                    f"number {last['sequence']}: entry {last['audit_head_id']} or an entry before it "
                                    "was changed or removed since (the office's log was edited or cut short)")
    return register


def _chain_hash_at(path: Path, entry_id: int) -> str | None:
    conn, _ = open_hostile(path)
    try:
        row = conn.execute(f"SELECT hash FROM {CHAIN_TABLE} WHERE id = ?", (entry_id,)).fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


def register_key(county: Store, manifest: ExportManifest) -> None:
    """Register the export's key for its office, and record that in the audit trail (inside a transaction)."""
    m = manifest
    now, who = utc_now(), audit.current_user()
    county.conn.execute(
        f"INSERT INTO {KEYS_TABLE}(fingerprint, office_id, office_name, public_key, first_signed_by, accepted_at, "
        "accepted_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (m.key_fingerprint, m.office_id, m.office_name, m.public_key, m.exported_by, now, who))
    with audit.user_action(f"Accept the signing key of {m.office_name}"):
        audit.record_event(county.conn, KEYS_TABLE, m.key_fingerprint, "key accepted", {
            "office": m.office_name, "office_id": m.office_id, "fingerprint": m.key_fingerprint,
            "first_signed_by": m.exported_by, "confirmed": "fingerprint confirmed with the office by the county lead",
        })


def withdraw_key(county: Store, fingerprint: str, reason: str = "", office_id: str | None = None) -> list[RegisteredKey]:
    """Withdraw a registered key (for one office, or every office it is registered for); audited.

    Exports signed with it are refused from now on. Returns the registrations withdrawn.
    """
    fp = signing.normal_fingerprint(fingerprint)
    active = [k for k in registered_keys(county.conn, fp) if k.active and (office_id is None or k.office_id == office_id)]
    if not active:
        return []
    with county.action(f"Withdraw signing key {fp}"), county.transaction():
        now, who = utc_now(), audit.current_user()
        for k in active:
            county.conn.execute(
                f"UPDATE {KEYS_TABLE} SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? "
                "WHERE fingerprint = ? AND office_id = ?", (now, who, reason, fp, k.office_id))
            audit.record_event(county.conn, KEYS_TABLE, fp, "key withdrawn", {
                "office": k.office_name, "office_id": k.office_id, "fingerprint": fp, "reason": reason})
    return active


@contextmanager
def _readable_copy(manifest: ExportManifest) -> Iterator[sqlite3.Connection]:
    """A read connection to the export; an older export is first upgraded on a private copy."""
    if not manifest.pending_steps:
        conn = _open_read_only(manifest.path)
        try:
            yield conn
        finally:
            conn.close()
        return
    # The export may hold victim-level rows (a district may opt in): its copy is made in the user's own private
    # folder, never the shared system temporary folder, and a killed run's copy goes at the next start.
    with private_workspace("merge") as folder:
        copy = Path(folder) / "export.sqlite"
        shutil.copyfile(manifest.path, copy)
        try:
            _give_copy_its_triggers(copy)
            open_store(copy).close()  # applies the missing steps (never to the district's own file)
        except StoreError as exc:
            raise _refuse(manifest.path, f"it could not be upgraded to this version's layout ({exc})") from exc
        conn = sqlite3.connect(str(copy))
        conn.row_factory = sqlite3.Row
        try:
            yield conn
        finally:
            conn.close()


def _give_copy_its_triggers(copy: Path) -> None:
    """A verified export's private copy, made a normal file again (exports carry no triggers) so it can be
    upgraded like any file."""
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        audit.register_functions(conn)
        conn.execute("BEGIN")
        conn.execute(f"DROP TABLE IF EXISTS {MANIFEST_TABLE}")
        conn.execute(f"DROP TABLE IF EXISTS {CHAIN_TABLE}")
        if audit.chain_ready(conn):
            for sql in audit.GUARD_TRIGGERS.values():
                conn.execute(sql)
        audit.install_triggers(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()


class _Merger:
    def __init__(self, county: Store, src: sqlite3.Connection, manifest: ExportManifest,
                 progress: ProgressFn, cancelled: CancelCheck):
        self.county, self.dst, self.src, self.m = county, county.conn, src, manifest
        self.progress, self.cancelled = progress, cancelled
        self.summary = MergeSummary(manifest.path.name, manifest.office_name, manifest.exported_at)
        self.remap: dict[tuple[str, str], Any] = {}  # (table, incoming key) -> the county row it matched
        self.skipped: set[tuple[str, str]] = set()  # rows not merged (their children cannot be either)
        self.now = utc_now()
        self._parent_sql: dict = {}
        self._sql: dict = {}  # SQL text per table, built once
        self.done = 0
        self.total = max(1, manifest.total_rows)

    # -- bookkeeping ------------------------------------------------------------
    def conflict(self, table: str, key: str, kind: str, other: str, detail: str, row: dict) -> None:
        self.skipped.add((table, key))
        self.summary.conflicts.append(Conflict(table, key, kind, self.m.office_name, other, detail))
        self.dst.execute(
            f"INSERT INTO {CONFLICTS_TABLE}(export_id, office_id, office_name, table_name, row_key, kind, "
            "other_office, detail, incoming_row, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(office_id, table_name, row_key, kind) DO UPDATE SET export_id = excluded.export_id, "
            "other_office = excluded.other_office, detail = excluded.detail, incoming_row = excluded.incoming_row, "
            "found_at = excluded.found_at",
            (self.m.export_id, self.m.office_id, self.m.office_name, table, key, kind, other, detail,
             json.dumps(row, default=str, ensure_ascii=False), self.now))

    def set_provenance(self, table: str, key: str, digest: str, shared: bool) -> None:
        self.dst.execute(
            f"INSERT INTO {PROVENANCE_TABLE}(table_name, row_key, office_id, office_name, export_id, exported_at, "
            "row_hash, shared, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(table_name, row_key) DO UPDATE SET office_id = excluded.office_id, "
            "office_name = excluded.office_name, export_id = excluded.export_id, "
            "exported_at = excluded.exported_at, row_hash = excluded.row_hash, shared = excluded.shared, "
            "imported_at = excluded.imported_at",
            (table, key, self.m.office_id, self.m.office_name, self.m.export_id, self.m.exported_at, digest,
             int(shared), self.now))

    def tick(self, message: str) -> None:
        self.done += 1
        if self.done % 500 == 0:
            check_cancelled(self.cancelled)
            self.progress(self.done, self.total, message)

    # -- rows in the county file ----------------------------------------------
    def where_key(self, info: TableInfo) -> str:
        return " AND ".join(f"{quote(c)} = ?" for c in info.primary_key)

    def key_values(self, info: TableInfo, key: str) -> list:
        return [key] if len(info.primary_key) == 1 else json.loads(key)

    def select_by_key_sql(self, info: TableInfo) -> str:
        sql = self._sql.get(("select", info.name))
        if sql is None:
            cols = ", ".join(quote(c) for c in info.columns)
            sql = self._sql[("select", info.name)] = \
                f"SELECT {cols} FROM {quote(info.name)} WHERE {self.where_key(info)}"
        return sql

    def county_row(self, info: TableInfo, row: dict) -> dict | None:
        found = self.dst.execute(self.select_by_key_sql(info), [row[c] for c in info.primary_key]).fetchone()
        return None if found is None else dict(zip(info.columns, tuple(found)))

    def county_row_by_key(self, info: TableInfo, key: str) -> dict | None:
        found = self.dst.execute(self.select_by_key_sql(info), self.key_values(info, key)).fetchone()
        return None if found is None else dict(zip(info.columns, tuple(found)))

    def digest(self, info: TableInfo, row: dict) -> str:
        return row_hash(info.columns, [row[c] for c in info.columns])

    def clash(self, info: TableInfo, row: dict, natural: tuple[str, ...] | None) -> tuple[tuple[str, ...], dict] | None:
        """The first county row (another row than this one) with the same values on a UNIQUE key."""
        keys = list(info.uniques) + ([natural] if natural else [])
        for unique in keys:
            values = [row[c] for c in unique]
            if any(v is None for v in values):  # NULLs never clash in SQLite
                continue
            sql = self._sql.get(("clash", info.name, unique))
            if sql is None:
                cols = ", ".join(quote(c) for c in info.columns)
                where = " AND ".join(f"{quote(c)} = ?" for c in unique)
                sql = self._sql[("clash", info.name, unique)] = \
                    f"SELECT {cols} FROM {quote(info.name)} WHERE {where} AND NOT ({self.where_key(info)}) LIMIT 1"
            found = self.dst.execute(sql, values + [row[c] for c in info.primary_key]).fetchone()
            if found is not None:
                return unique, dict(zip(info.columns, tuple(found)))
        return None

    def owner(self, table: str, key: str) -> sqlite3.Row | None:
        return self.dst.execute(f"SELECT * FROM {PROVENANCE_TABLE} WHERE table_name = ? AND row_key = ?",
                                (table, key)).fetchone()

    def owner_name(self, table: str, key: str) -> str:
        p = self.owner(table, key)
        return "the county file itself" if p is None else p["office_name"]

    # -- the merge ---------------------------------------------------------------
    def run(self, tables: list[str]) -> MergeSummary:
        infos = {t: table_info(self.dst, t) for t in tables}
        incoming = {t: {infos[t].key_of(r) for r in iter_rows(self.src, infos[t])} for t in tables}
        self.dst.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE office_id = ?", (self.m.office_id,))
        self.remove_missing(tables, infos, incoming)
        for t in tables:
            check_cancelled(self.cancelled)
            self.merge_table(infos[t], incoming[t])
        self.progress(self.total, self.total, "Merged.")
        return self.summary

    def remove_missing(self, tables: list[str], infos: dict[str, TableInfo], incoming: dict[str, set[str]]) -> None:
        """Rows this office sent before but no longer has, children first; county edits are kept."""
        for t in reversed(tables):
            info = infos[t]
            owned = self.dst.execute(
                f"SELECT row_key, row_hash FROM {PROVENANCE_TABLE} WHERE office_id = ? AND table_name = ? "
                "AND shared = 0", (self.m.office_id, t)).fetchall()
            for p in owned:
                key = p["row_key"]
                if key in incoming[t]:
                    continue
                current = self.county_row_by_key(info, key)
                if current is not None and self.digest(info, current) != p["row_hash"]:
                    self.conflict(t, key, "removed-but-edited", "the county",
                                  "The office no longer has this row, but it was edited at the county; "
                                  "it has been kept.", current)
                    continue
                if current is not None:
                    self.dst.execute(f"DELETE FROM {quote(t)} WHERE {self.where_key(info)}",
                                     self.key_values(info, key))
                    self.summary.removed += 1
                self.dst.execute(f"DELETE FROM {PROVENANCE_TABLE} WHERE table_name = ? AND row_key = ?", (t, key))

    def apply_remap(self, info: TableInfo, row: dict) -> dict:
        for fk in info.foreign_keys:
            if len(fk.columns) == 1:
                value = row.get(fk.columns[0])
                if value is not None and (fk.table, str(value)) in self.remap:
                    row[fk.columns[0]] = self.remap[(fk.table, str(value))]
        return row

    def parent_sql(self, info: TableInfo, fk) -> str:
        """SELECT 1 for the parent row of a foreign key (built once per key: PRAGMAs are not free)."""
        sql = self._parent_sql.get((info.name, fk))
        if sql is None:
            parent = table_info(self.dst, fk.table) if fk.table != info.name else info
            to_cols = fk.to_columns or parent.primary_key
            where = " AND ".join(f"{quote(c)} = ?" for c in to_cols)
            sql = self._parent_sql[(info.name, fk)] = f"SELECT 1 FROM {quote(fk.table)} WHERE {where}"
        return sql

    def missing_parent(self, info: TableInfo, row: dict, incoming_keys: set[str]) -> str | None:
        for fk in info.foreign_keys:
            values = [row[c] for c in fk.columns]
            if any(v is None for v in values):
                continue
            if len(values) == 1 and (fk.table, str(values[0])) in self.skipped:
                return f"{fk.table} row {values[0]} was not merged"
            if fk.table == info.name and len(values) == 1 and str(values[0]) in incoming_keys:
                continue  # a parent later in the same table (checked again when the transaction commits)
            if self.dst.execute(self.parent_sql(info, fk), values).fetchone() is None:
                return f"{fk.table} row {', '.join(map(str, values))} is not in the county file"
        return None

    def merge_table(self, info: TableInfo, incoming_keys: set[str]) -> None:
        t = info.name
        natural = REFERENCE_TABLES.get(t)
        insert_sql = (f"INSERT INTO {quote(t)} ({', '.join(quote(c) for c in info.columns)}) "
                      f"VALUES ({', '.join('?' * len(info.columns))})")
        set_cols = [c for c in info.columns if c not in info.primary_key]
        update_sql = (f"UPDATE {quote(t)} SET {', '.join(f'{quote(c)} = ?' for c in set_cols)} "
                      f"WHERE {self.where_key(info)}") if set_cols else None
        for row in iter_rows(self.src, info):
            self.tick(f"Merging {t}…")
            row = self.apply_remap(info, row)
            key = info.key_of(row)
            digest = self.digest(info, row)
            reference = t in REFERENCE_TABLES
            existing = self.county_row(info, row)
            if existing is None:
                self.add_row(info, row, key, digest, reference, natural, incoming_keys, insert_sql)
                continue
            p = self.owner(t, key)
            current = self.digest(info, existing)
            if p is not None and not p["shared"] and p["office_id"] != self.m.office_id:
                if _deterministic_key(key) and current == digest == p["row_hash"]:
                    # A definition with a deterministic id (an indicator, an area) that another office sent
                    # alike: shared from now on, so neither office's later export changes or removes it.
                    self.dst.execute(f"UPDATE {PROVENANCE_TABLE} SET shared = 1 WHERE table_name = ? AND row_key = ?",
                                     (t, key))
                    self.summary.unchanged += 1
                    continue
                self.conflict(t, key, "other-office", p["office_name"],
                              f"{p['office_name']} sent a row with the same id; it has been kept.", row)
                continue
            if current == digest:
                self.summary.unchanged += 1
                if p is None:
                    # Already in the county file, with no origin (the rows every new file starts with, or the
                    # county's own): common to all, so no office owns it and none removes it.
                    self.set_provenance(t, key, digest, True)
                elif p["office_id"] == self.m.office_id:
                    self.set_provenance(t, key, digest, bool(p["shared"]))
                continue
            differs = ", ".join(c for c in info.columns if existing[c] != row[c] or type(existing[c]) is not type(row[c]))
            if reference or (p is not None and p["shared"]):
                self.conflict(t, key, "reference-differs", self.owner_name(t, key),
                              f"The county's row differs from the office's in {differs}; the county's has been kept.",
                              row)
                continue
            if p is None:
                self.conflict(t, key, "made-at-county", "the county file itself",
                              f"The county file has its own row with this id (differing in {differs}); "
                              "it has been kept.", row)
                continue
            if current != p["row_hash"]:
                self.conflict(t, key, "edited-at-county", "the county",
                              "Edited at the county since it was imported; the county's version has been kept.", row)
                continue
            clash = self.clash(info, row, None)
            if clash is not None:
                unique, other = clash
                self.conflict(t, key, "unique", self.owner_name(t, info.key_of(other)),
                              f"Same {', '.join(f'{c} {row[c]}' for c in unique)} as another row, which has "
                              "been kept.", row)
                continue
            if update_sql:
                self.dst.execute(update_sql, [row[c] for c in set_cols] + [row[c] for c in info.primary_key])
            self.set_provenance(t, key, digest, False)
            self.summary.replaced += 1

    def add_row(self, info: TableInfo, row: dict, key: str, digest: str, reference: bool,
                natural: tuple[str, ...] | None, incoming_keys: set[str], insert_sql: str) -> None:
        t = info.name
        clash = self.clash(info, row, natural)
        if clash is not None:
            unique, other = clash
            other_key = info.key_of(other)
            same = all(row[c] == other[c] for c in info.columns if c not in info.primary_key)
            p = self.owner(t, other_key)
            if same and (reference or p is None or p["shared"] or p["office_id"] == self.m.office_id):
                # The same thing under another id (a link between reference rows, or a definition both
                # offices made alike): match it, and point this file's children at the county's row.
                self.remap[(t, key)] = other[info.primary_key[0]] if len(info.primary_key) == 1 else other_key
                self.summary.unchanged += 1
                return
            self.conflict(t, key, "unique" if not reference else "reference-differs", self.owner_name(t, other_key),
                          f"Same {', '.join(f'{c} {row[c]}' for c in unique)} as a row from "
                          f"{self.owner_name(t, other_key)}, which has been kept.", row)
            return
        missing = self.missing_parent(info, row, incoming_keys)
        if missing:
            self.conflict(t, key, "missing-parent", "", f"Not merged: {missing}.", row)
            return
        self.dst.execute(insert_sql, [row[c] for c in info.columns])
        self.set_provenance(t, key, digest, reference)
        self.summary.added += 1


def merge_export(county: Store, manifest: ExportManifest, *, progress: ProgressFn = no_progress,
                 cancelled: CancelCheck = never_cancelled, accept_keys: Iterable[str] = ()) -> MergeSummary:
    """Merge one checked district export into the county file in one transaction (all or nothing).

    The export is checked against the county's key register and history first (``verify_for_county``);
    a key in accept_keys (fingerprints the county lead confirmed) is registered in the same transaction.
    """
    path = manifest.path
    register = verify_for_county(county, manifest, accept_keys)
    missing = sorted(set(manifest.tables) - set(data_tables(county.conn)))
    if missing:
        raise _refuse(path, f"it has tables this county file does not know ({', '.join(missing)}); open the "
                            "county file with the newer version of Safer Desk first")
    with _readable_copy(manifest) as src:
        src_tables = data_tables(src)
        tables = dependency_order(county.conn, [t for t in src_tables if t in set(data_tables(county.conn))])
        try:
            with county.transaction():
                county.conn.execute("PRAGMA defer_foreign_keys = ON")
                if register:
                    register_key(county, manifest)
                summary = _Merger(county, src, manifest, progress, cancelled).run(tables)
                summary.sequence, summary.key_fingerprint = manifest.sequence, manifest.key_fingerprint
                summary.key_accepted = register
                county.conn.execute(
                    f"INSERT INTO {IMPORTS_TABLE}(export_id, office_id, office_name, exported_at, exported_by, "
                    "checksum, include_referrals, file_name, imported_at, imported_by, added, replaced, unchanged, "
                    "removed, conflicts, sequence, key_fingerprint, audit_head_id, audit_head_hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(export_id) DO UPDATE SET imported_at = excluded.imported_at, "
                    "imported_by = excluded.imported_by, added = excluded.added, replaced = excluded.replaced, "
                    "unchanged = excluded.unchanged, removed = excluded.removed, conflicts = excluded.conflicts",
                    (manifest.export_id, manifest.office_id, manifest.office_name, manifest.exported_at,
                     manifest.exported_by, manifest.checksum, int(manifest.include_referrals), path.name,
                     utc_now(), audit.current_user(), summary.added, summary.replaced, summary.unchanged,
                     summary.removed, len(summary.conflicts), manifest.sequence, manifest.key_fingerprint,
                     manifest.audit_head_id, manifest.audit_head_hash))
        except sqlite3.IntegrityError as exc:
            raise _refuse(path, f"its rows do not fit the county file ({exc})") from exc
    return summary
