"""Reading the audit trail for the History view."""

from __future__ import annotations

from dataclasses import dataclass

from safer_desk.storage.store import Store

HISTORY_LIMIT = 10_000


@dataclass(frozen=True)
class AuditEntry:
    at: str
    who: str
    table_name: str
    row_id: str | None
    action: str
    column_name: str | None
    old_value: object
    new_value: object


def audited_table_names(store: Store) -> list[str]:
    return [r[0] for r in store.rows("SELECT DISTINCT table_name FROM audit_log ORDER BY table_name")]


def history(store: Store, *, table: str | None = None, since: str | None = None, until: str | None = None,
            limit: int = HISTORY_LIMIT) -> list[AuditEntry]:
    """Newest first; since/until are ISO dates (YYYY-MM-DD), both inclusive."""
    clauses, params = [], []
    if table:
        clauses.append("table_name = ?")
        params.append(table)
    if since:
        clauses.append("at >= ?")
        params.append(since)
    if until:
        clauses.append("at < date(?, '+1 day')")
        params.append(until)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.rows(
        f"SELECT at, who, table_name, row_id, action, column_name, old_value, new_value FROM audit_log {where} "
        f"ORDER BY id DESC LIMIT ?", (*params, limit))
    return [AuditEntry(*tuple(r)) for r in rows]
