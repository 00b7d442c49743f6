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
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from safer_desk.exchange.county_export import EXPORT_FORMAT, utc_now
from safer_desk.exchange.county_schema import (CHECKSUM_METHOD, CancelCheck, ProgressFn, TableInfo,
                                               check_cancelled, content_checksum, data_tables, dependency_order,
                                               iter_rows, never_cancelled, no_progress, quote, row_counts,
                                               row_hash, table_info)
from safer_desk.storage import audit
from safer_desk.storage.schema import known_steps
from safer_desk.storage.schema.exchange import CONFLICTS_TABLE, IMPORTS_TABLE, MANIFEST_TABLE, PROVENANCE_TABLE
from safer_desk.storage.leftovers import private_workspace
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

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed)


def _refuse(path: Path, why: str) -> ExportRefused:
    return ExportRefused(f"{path.name} cannot be merged: {why}. The county file has not been changed.")


def _open_read_only(path: Path) -> sqlite3.Connection:
    # immutable: reading never creates -wal/-shm files beside the district's file.
    conn = sqlite3.connect(read_only_uri(path, immutable="1"), uri=True)
    conn.row_factory = sqlite3.Row
    return conn


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
        conn = _open_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, f"the file is damaged ({exc})") from exc
    try:
        return _check_export(path, conn)
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, f"the file is damaged ({exc})") from exc
    finally:
        conn.close()


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
    m = dict(conn.execute(f"SELECT key, value FROM {MANIFEST_TABLE}").fetchall())
    required = ("format", "export_id", "office_id", "office_name", "exported_at", "migration_steps", "tables",
                "row_counts", "checksum", "checksum_method", "include_referrals")
    if m.get("format") != EXPORT_FORMAT or any(k not in m for k in required):
        raise _refuse(path, "its manifest is missing or incomplete")
    applied = [(r[0], r[1]) for r in conn.execute(f"SELECT migration_set, name FROM {MIGRATIONS_TABLE} ORDER BY id")]
    unknown = set(applied) - known_steps()
    if unknown:
        raise _refuse(path, f"it was made by a newer version of Safer Desk ({m.get('app_version', '?')}) whose "
                            f"file layout this version does not know ({len(unknown)} change(s)); install the newer "
                            "version at the county first")
    if json.loads(m["migration_steps"]) != [f"{s}/{n}" for s, n in applied]:
        raise _refuse(path, "its manifest does not match its contents (the file was changed after export)")
    if m["checksum_method"] != CHECKSUM_METHOD:
        raise _refuse(path, f"its checksum method {m['checksum_method']!r} is unknown")
    listed = json.loads(m["tables"])
    if sorted(listed) != data_tables(conn):
        raise _refuse(path, "its tables do not match its manifest (the file was changed after export)")
    counts = json.loads(m["row_counts"])
    if row_counts(conn, listed) != counts:
        raise _refuse(path, "its row counts do not match its manifest (the file is incomplete or was changed)")
    if content_checksum(conn, listed) != m["checksum"]:
        raise _refuse(path, "its checksum does not match its contents (the file was changed after export "
                            "or damaged on the way)")
    pending = sorted(known_steps() - set(applied))
    return ExportManifest(path, m["export_id"], m["office_id"], m["office_name"], m["exported_at"],
                          m.get("exported_by", ""), m.get("app_version", ""), json.loads(m["migration_steps"]),
                          listed, counts, m["checksum"], m["include_referrals"] == "yes", pending)


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
            open_store(copy).close()  # applies the missing steps (never to the district's own file)
        except StoreError as exc:
            raise _refuse(manifest.path, f"it could not be upgraded to this version's layout ({exc})") from exc
        conn = sqlite3.connect(str(copy))
        conn.row_factory = sqlite3.Row
        try:
            yield conn
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
                if REFERENCE_ID.match(key) and current == digest == p["row_hash"]:
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
                 cancelled: CancelCheck = never_cancelled) -> MergeSummary:
    """Merge one checked district export into the county file in one transaction (all or nothing)."""
    path = manifest.path
    if manifest.office_id == county.office_id:
        raise _refuse(path, "it was exported from this very file")
    last = county.one(f"SELECT export_id, exported_at FROM {IMPORTS_TABLE} WHERE office_id = ? "
                      "ORDER BY exported_at DESC LIMIT 1", (manifest.office_id,))
    if last is not None and last["exported_at"] > manifest.exported_at:
        raise _refuse(path, f"a newer export from {manifest.office_name} (made {last['exported_at'][:16]} UTC) "
                            "has already been merged")
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
                summary = _Merger(county, src, manifest, progress, cancelled).run(tables)
                county.conn.execute(
                    f"INSERT INTO {IMPORTS_TABLE}(export_id, office_id, office_name, exported_at, exported_by, "
                    "checksum, include_referrals, file_name, imported_at, imported_by, added, replaced, unchanged, "
                    "removed, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(export_id) DO UPDATE SET imported_at = excluded.imported_at, "
                    "imported_by = excluded.imported_by, added = excluded.added, replaced = excluded.replaced, "
                    "unchanged = excluded.unchanged, removed = excluded.removed, conflicts = excluded.conflicts",
                    (manifest.export_id, manifest.office_id, manifest.office_name, manifest.exported_at,
                     manifest.exported_by, manifest.checksum, int(manifest.include_referrals), path.name,
                     utc_now(), audit.current_user(), summary.added, summary.replaced, summary.unchanged,
                     summary.removed, len(summary.conflicts)))
        except sqlite3.IntegrityError as exc:
            raise _refuse(path, f"its rows do not fit the county file ({exc})") from exc
    return summary
