"""Reading the audit trail for the History view."""

from __future__ import annotations

from dataclasses import dataclass

from safer_desk.storage.audit import user_action as user_action  # re-exported: presenters name the actions they perform
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


@dataclass(frozen=True)
class ActionEntry:
    """One user action (a save, an import, an undo …) and the audit entries it wrote, oldest first."""

    action_id: str | None
    label: str
    at: str
    who: str
    entries: tuple[AuditEntry, ...]

    @property
    def tables(self) -> list[str]:
        return sorted({e.table_name for e in self.entries})


def _label_of(entries: list[AuditEntry], label: str | None) -> str:
    if label:
        return label
    if len(entries) == 1 and entries[0].action == "batch":
        return str(entries[0].column_name or "Batch")
    tables = sorted({e.table_name for e in entries})
    return "Changes to " + ", ".join(tables[:3]) + (" …" if len(tables) > 3 else "")


def actions(store: Store, *, limit: int = 500) -> list[ActionEntry]:
    """The most recent user actions, newest first, each with its entries (one action per line of history).

    Entries written outside any action (by another program, or before actions were recorded) are one
    action each.
    """
    rows = store.rows(
        "SELECT at, who, table_name, row_id, action, column_name, old_value, new_value, action_id, action_label "
        "FROM audit_log ORDER BY id DESC LIMIT ?", (limit * 50,))
    groups: list[tuple[str | None, str | None, list[AuditEntry]]] = []
    index: dict[str, int] = {}
    for r in rows:
        entry = AuditEntry(*tuple(r)[:8])
        action_id = r["action_id"]
        if action_id is not None and action_id in index:
            groups[index[action_id]][2].append(entry)
            continue
        if len(groups) >= limit:
            break
        if action_id is not None:
            index[action_id] = len(groups)
        groups.append((action_id, r["action_label"], [entry]))
    out = []
    for action_id, label, entries in groups:
        entries.reverse()
        out.append(ActionEntry(action_id, _label_of(entries, label), entries[0].at, entries[0].who, tuple(entries)))
    return out
