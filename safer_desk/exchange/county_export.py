"""Export for the county: a copy of the office's file, minimised, with a manifest; or an Excel workbook.

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

The working copy is made in memory (never in a file anyone else could read, and gone if the run is
killed); only the minimised result is written, to a temporary file beside the target that is moved
into place when whole.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from safer_desk import __version__, faults
from safer_desk.domain.disclosure import SpendLine, summarise_with_disclosure_control
from safer_desk.domain.ids import new_id
from safer_desk.exchange.county_schema import (CHECKSUM_METHOD, CancelCheck, ProgressFn, check_cancelled,
                                               content_checksum, data_tables, dependency_order, has_table, iter_rows,
                                               never_cancelled, no_progress, quote, row_counts, table_info)
from safer_desk.exchange.files import Sheet, write_bytes_atomically, write_xlsx
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
    """Fill FUND_SUMMARY_TABLE with district-by-month totals of the victim-level rows, none describing fewer
    than three victims (small-number disclosure control: domain.disclosure); 0 when the tables are absent.

    The totals (amount, spend lines, victims) are exactly those of the detailed rows.
    """
    table = costs_schema.FUND_SUMMARY_TABLE
    needed = (table, "fund_spend_lines", "fund_referrals", "fund_items")
    if not all(has_table(conn, t) for t in needed):
        return 0
    lines = [SpendLine(r[0], r[1], r[2], r[3], r[4], int(r[5]), r[6] == 1) for r in conn.execute(
        "SELECT r.fund_id, r.district_id, substr(s.spent_on, 1, 7), i.name, r.id, s.amount_pence, "
        "       ROW_NUMBER() OVER (PARTITION BY s.referral_id ORDER BY s.spent_on, i.name, s.id) "
        "FROM fund_spend_lines s JOIN fund_referrals r ON r.id = s.referral_id JOIN fund_items i ON i.id = s.item_id")]
    rows = summarise_with_disclosure_control(lines)
    conn.execute(f"DELETE FROM {quote(table)}")
    columns = ("id", "fund_id", "district_id", "month", "item", "victims", "spend_lines", "amount_pence")
    sql = f"INSERT INTO {quote(table)} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for row in rows:
        values = [row.fund_id, row.district_id, row.month, row.item, row.victims, row.spend_lines, row.amount_pence]
        # The same office and figures give the same id, so re-exporting merges as "unchanged".
        seed = json.dumps([office_id] + values)
        conn.execute(sql, [hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32], *values])
    return len(rows)


def write_county_export(store: Store, target: Path | str, *, include_referrals: bool = False,
                        progress: ProgressFn = no_progress, cancelled: CancelCheck = never_cancelled) -> ExportResult:
    """Write the office's data to target (.sqlite) as an export for the county, atomically.

    The unminimised working copy lives only in memory: a killed export leaves no copy of the office
    file anywhere, and only the minimised result is written beside the target (to a temporary file that
    is moved into place when whole and flushed to the disk).
    """
    target = Path(target)
    out, result = export_in_memory(store, target, include_referrals=include_referrals, progress=progress,
                                   cancelled=cancelled)
    try:
        data = out.serialize()
    finally:
        out.close()
    check_cancelled(cancelled)
    write_bytes_atomically(target, data, label="export", what=f"The export {target.name}")
    progress(4, 4, "Export written.")
    return result


def export_in_memory(store: Store, target: Path, *, include_referrals: bool = False,
                     progress: ProgressFn = no_progress,
                     cancelled: CancelCheck = never_cancelled) -> tuple[sqlite3.Connection, ExportResult]:
    """The minimised, signed export as an in-memory SQLite database (the caller closes it).

    The workbook reads its rows from here, so nothing victim-level is ever written to a temporary file.
    """
    progress(0, 4, "Copying the file…")
    out = sqlite3.connect(":memory:", isolation_level=None)
    try:
        store.conn.backup(out)
        faults.boundary("export:after-copy")
        check_cancelled(cancelled)
        out.execute("PRAGMA foreign_keys = ON")
        audit.register_functions(out)
        progress(1, 4, "Leaving out what stays with the office…")
        result = _minimise_and_sign(out, store, target, include_referrals, progress, cancelled)
        out.execute("VACUUM")  # deleted rows must not survive in free pages
        faults.boundary("export:after-minimise")
    except BaseException:
        out.close()
        raise
    return out, result


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


def write_county_workbook(store: Store, target: Path | str, *, include_referrals: bool = False,
                          progress: ProgressFn = no_progress, cancelled: CancelCheck = never_cancelled) -> ExportResult:
    """The same export as an Excel workbook: a Contents sheet, then one sheet per table (money in £).

    The minimised export is made in memory and the workbook is built in memory: nothing is written to
    the system's temporary folder, and only the finished workbook reaches the disk, atomically.
    """
    target = Path(target)
    conn, staged = export_in_memory(store, target, include_referrals=include_referrals,
                                    progress=lambda d, t, m="": progress(d, t * 2, m), cancelled=cancelled)
    try:
        faults.boundary("workbook:after-export")
        manifest = dict(conn.execute(f"SELECT key, value FROM {MANIFEST_TABLE}").fetchall())
        tables = json.loads(manifest["tables"])
        contents_rows = [
            ["Office", manifest["office_name"], ""],
            ["Exported (UTC)", manifest["exported_at"], ""],
            ["Exported by", manifest["exported_by"], ""],
            ["Individual referrals", "included" if include_referrals else
             "left out (totals by district and month instead)", ""],
            ["Checksum (SHA-256 of the rows)", manifest["checksum"], ""],
            ["", "", ""],
            ["Sheet", "Table", "Rows"],
        ]
        sheets: list[Sheet] = []
        for i, table in enumerate(tables):
            check_cancelled(cancelled)
            info = table_info(conn, table)
            rows = [[row[c] for c in info.columns] for row in iter_rows(conn, info)]
            title = sheet_title(table)
            sheets.append(Sheet(title, [column_title(c) for c in info.columns], rows,
                                money_columns=set(info.money_columns)))
            contents_rows.append([title, table, len(rows)])
            progress(len(tables) + i, len(tables) * 2, f"Writing sheet {title}…")
    finally:
        conn.close()
    write_xlsx(target, [Sheet("Contents", ["Item", "Value", ""], contents_rows,
                              title="Safer Desk export for the county")] + sheets, label="workbook")
    staged.path = target
    return staged
