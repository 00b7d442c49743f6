"""Export for the county: a copy of the office's file, minimised, with a manifest (the workbook people read is
built from it in exchange.county_workbook).

The export is itself a Safer Desk file (same schema, same migrations table) plus the table
``_export_manifest``, so the county merge reads it with the same code that reads any file.
What is left out, and why:

- ``audit_log``: the office's own history of edits (who changed what, with old values, including
  values of victim-level rows) stays with the office; the county file keeps its own trail of the merge.
- internal tables (names starting with ``_``) other than the migrations table.
- victim-level tables (``storage.schema.costs.PRIVATE_TABLES``), unless the user ticks
  "include individual referrals": their rows are deleted from the copy and replaced by the aggregate
  view copied into ``FUND_SUMMARY_TABLE`` (only then: the costs figures add the detailed rows and that
  table together, so filling it beside the detailed rows would count them twice); the copy is then
  VACUUMed so no deleted row lingers in free pages of the file.

Everything is written to a temporary file beside the target and moved into place at the end.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from safer_desk import __version__
from safer_desk.domain.ids import new_id
from safer_desk.exchange.county_schema import (CHECKSUM_METHOD, CancelCheck, ProgressFn, check_cancelled,
                                               content_checksum, data_tables, dependency_order, has_table,
                                               never_cancelled, no_progress, quote, row_counts, table_info)
from safer_desk.exchange.files import atomic_path
from safer_desk.storage import audit
from safer_desk.storage.schema import costs as costs_schema
from safer_desk.storage.schema.exchange import MANIFEST_TABLE
from safer_desk.storage.store import MIGRATIONS_TABLE, Store

EXPORT_FORMAT = "safer-desk-county-export"
EXPORT_FORMAT_VERSION = "1"


@dataclass
class ExportResult:
    """What an export wrote: the manifest's figures, for the summary the user sees."""

    path: Path
    export_id: str
    office_name: str
    exported_at: str
    include_referrals: bool
    row_counts: dict[str, int]
    checksum: str
    left_out: list[str] = field(default_factory=list)  # private tables whose rows were left out
    summary_rows: int = 0  # aggregate rows written in their place

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())


def utc_now() -> str:
    """A UTC timestamp precise enough to order two exports made in the same second."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _private_tables(conn: sqlite3.Connection) -> list[str]:
    return [t for t in costs_schema.PRIVATE_TABLES if has_table(conn, t)]


def _copy_fund_summary(conn: sqlite3.Connection, office_id: str) -> int:
    """Fill FUND_SUMMARY_TABLE from FUND_SUMMARY_VIEW (district-by-month totals); 0 when either is absent."""
    table, view = costs_schema.FUND_SUMMARY_TABLE, costs_schema.FUND_SUMMARY_VIEW
    if not (has_table(conn, table) and has_table(conn, view, "view")):
        return 0
    info = table_info(conn, table)
    view_cols = [r[1] for r in conn.execute(f"PRAGMA table_info({quote(view)})")]
    shared = [c for c in info.columns if c in view_cols]
    conn.execute(f"DELETE FROM {quote(table)}")
    synth_id = "id" in info.columns and "id" not in view_cols
    names = shared + (["id"] if synth_id else [])
    sql = f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in names)}) VALUES ({', '.join('?' * len(names))})"
    count = 0
    for values in conn.execute(f"SELECT {', '.join(quote(c) for c in shared)} FROM {quote(view)}").fetchall():
        values = list(values)
        if synth_id:
            # The same office and figures give the same id, so re-exporting merges as "unchanged".
            seed = json.dumps([office_id] + [v if not isinstance(v, bytes) else v.hex() for v in values])
            values.append(hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32])
        conn.execute(sql, values)
        count += 1
    return count


def write_county_export(store: Store, target: Path | str, *, include_referrals: bool = False,
                        progress: ProgressFn = no_progress, cancelled: CancelCheck = never_cancelled) -> ExportResult:
    """Write the office's data to target (.sqlite) as an export for the county, atomically."""
    target = Path(target)
    progress(0, 4, "Copying the file…")
    with atomic_path(target) as tmp:
        out = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            store.conn.backup(out)
            check_cancelled(cancelled)
            out.execute("PRAGMA journal_mode = DELETE")
            out.execute("PRAGMA foreign_keys = ON")
            audit.register_functions(out)
            progress(1, 4, "Leaving out what stays with the office…")
            result = _minimise_and_sign(out, store, target, include_referrals, progress, cancelled)
            out.execute("VACUUM")  # deleted rows must not survive in free pages
        finally:
            out.close()
        check_cancelled(cancelled)
    progress(4, 4, "Export written.")
    return result


def _minimise_and_sign(out: sqlite3.Connection, store: Store, target: Path, include_referrals: bool,
                       progress: ProgressFn, cancelled: CancelCheck) -> ExportResult:
    office_id = out.execute("SELECT value FROM meta WHERE key = 'office_id'").fetchone()[0]
    office_row = out.execute("SELECT value FROM meta WHERE key = 'office_name'").fetchone()
    office_name = office_row[0] if office_row else store.office_name
    left_out: list[str] = []
    out.execute("BEGIN IMMEDIATE")
    try:
        summary_rows = 0
        private = _private_tables(out)
        if not include_referrals and private:
            # The totals by district and month first, from the victim-level rows, then those rows go. (Only
            # then: the costs figures read the detailed rows and the summary table together.)
            summary_rows = _copy_fund_summary(out, office_id)
            for table in reversed(dependency_order(out, private)):  # children before parents
                out.execute(f"DELETE FROM {quote(table)}")
            left_out = sorted(private)
        internal = [r[0] for r in out.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_%' ESCAPE '\\'")]
        for table in internal:
            if table != MIGRATIONS_TABLE:
                out.execute(f"DELETE FROM {quote(table)}")
        out.execute("DELETE FROM audit_log")  # last: the deletions above were audited too
        check_cancelled(cancelled)
        progress(2, 4, "Computing the checksum…")
        tables = data_tables(out)
        counts = row_counts(out, tables)
        checksum = content_checksum(out, tables)
        check_cancelled(cancelled)
        steps = [f"{r[0]}/{r[1]}" for r in out.execute(
            f"SELECT migration_set, name FROM {MIGRATIONS_TABLE} ORDER BY id")]
        export_id, exported_at = new_id(), utc_now()
        manifest = {
            "format": EXPORT_FORMAT,
            "format_version": EXPORT_FORMAT_VERSION,
            "export_id": export_id,
            "office_id": office_id,
            "office_name": office_name,
            "exported_at": exported_at,
            "exported_by": audit.current_user(),
            "app_version": __version__,
            "schema_version": str(len(steps)),
            "migration_steps": json.dumps(steps),
            "tables": json.dumps(tables),
            "row_counts": json.dumps(counts, sort_keys=True),
            "checksum": checksum,
            "checksum_method": CHECKSUM_METHOD,
            "include_referrals": "yes" if include_referrals else "no",
            "private_tables_left_out": json.dumps(left_out),
            "fund_summary_rows": str(summary_rows),
            "source_file": store.path.name,
        }
        out.execute(f"CREATE TABLE {MANIFEST_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")
        out.executemany(f"INSERT INTO {MANIFEST_TABLE}(key, value) VALUES (?, ?)", list(manifest.items()))
        out.execute("COMMIT")
    except BaseException:
        if out.in_transaction:
            out.execute("ROLLBACK")
        raise
    progress(3, 4, "Compacting…")
    return ExportResult(target, export_id, office_name, exported_at, include_referrals, counts, checksum,
                        left_out, summary_rows)


def sheet_title(table: str) -> str:
    """A table name as a sheet name people recognise: "dhr_cost_lines" -> "Dhr cost lines"."""
    return table.replace("_", " ").strip().capitalize() or table


def column_title(column: str) -> str:
    if column.endswith("_pence"):
        return column[: -len("_pence")].replace("_", " ") + " (£)"
    return column.replace("_", " ")
