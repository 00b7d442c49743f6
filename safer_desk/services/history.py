"""Reading the audit trail for the History view."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable

from safer_desk.storage import audit, audit_chain
from safer_desk.storage.audit import user_action as user_action  # re-exported: presenters name the actions they perform
from safer_desk.storage.store import Store, export_words

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
    named: bool = True  # False when nobody named the action (the label was worked out from its entries)

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
    action each. The trail is read page by page until the action before the oldest asked for begins: an action
    that wrote more rows than a page (an indicator sheet, a paste) is read whole, not counted short.
    """
    groups: list[tuple[str | None, str | None, list[AuditEntry]]] = []
    index: dict[str, int] = {}
    page, before, full = max(limit, 1) * 50, None, False
    while not full:
        rows = store.rows(
            "SELECT id, at, who, table_name, row_id, action, column_name, old_value, new_value, action_id, "
            f"action_label FROM audit_log {'' if before is None else 'WHERE id < ?'} ORDER BY id DESC LIMIT ?",
            (page,) if before is None else (before, page))
        for r in rows:
            entry = AuditEntry(*tuple(r)[1:9])
            action_id = r["action_id"]
            if action_id is not None and action_id in index:
                groups[index[action_id]][2].append(entry)
                continue
            if len(groups) >= limit:
                full = True
                break
            if action_id is not None:
                index[action_id] = len(groups)
            groups.append((action_id, r["action_label"], [entry]))
        if len(rows) < page:
            break
        before = rows[-1]["id"]
    out = []
    for action_id, label, entries in groups:
        entries.reverse()
        out.append(ActionEntry(action_id, _label_of(entries, label), entries[0].at, entries[0].who, tuple(entries),
                               named=bool(label)))
    return out


# -- names for the readable history (presenters.history) ---------------------------------------------------
# The column that names a row, per table when it differs from the first of NAME_COLUMNS it has.
NAME_COLUMNS = ("title", "name", "label", "reference", "ref", "financial_year", "period", "month")
_OWN_NAME = {"projects": "title", "indicator_values": None, "budget_cells": None, "budget_stated_totals": None,
             # a funder's share, an award's year, a project's cost line: by what they are of, not their year alone
             "project_funding_sources": None, "funding_award_years": None, "project_cost_lines": None}


@dataclass(frozen=True)
class RecordFacts:
    """What the history needs to name one row: its values (now, or as last recorded) and how it links."""

    table: str
    row_id: str
    values: dict[str, Any]
    exists: bool


def table_links(store: Store) -> dict[str, dict[str, str]]:
    """Per audited table, its link columns and the table each points to (from the file's foreign keys)."""
    out: dict[str, dict[str, str]] = {}
    for name in _user_tables(store):
        out[name] = {r["from"]: r["table"] for r in store.rows(f'PRAGMA foreign_key_list("{name}")')}
    return out


def table_columns(store: Store) -> dict[str, list[str]]:
    return {name: [r["name"] for r in store.rows(f'PRAGMA table_info("{name}")')] for name in _user_tables(store)}


def _user_tables(store: Store) -> list[str]:
    return [r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                     "AND name NOT LIKE '\\_%' ESCAPE '\\' AND name <> 'audit_log' ORDER BY name")]


def name_column(table: str, columns: list[str]) -> str | None:
    """The column that names rows of ``table`` (None for rows named by what they link to)."""
    if table in _OWN_NAME:
        return _OWN_NAME[table]
    return next((c for c in NAME_COLUMNS if c in columns), None)


def area_names(store: Store) -> dict[str, str]:
    """id -> name of every district, partnership and indicator area ("partnership:babergh-csp" -> "Babergh CSP"): the
    areas a budget or the office's own areas name by id, with no link the file's foreign keys know."""
    known = set(_user_tables(store))
    out: dict[str, str] = {}
    for table in ("indicator_areas", "partnerships", "districts"):
        if table in known:
            out.update({str(r[0]): str(r[1]) for r in store.rows(f'SELECT id, name FROM "{table}"')})
    return out


def office_names(store: Store) -> dict[str, str]:
    """office id -> name: this file's own office, and in a county file each office merged into it."""
    out: dict[str, str] = {}
    if store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_county_provenance'"):
        out.update({str(r[0]): str(r[1]) for r in store.rows(
            "SELECT office_id, max(office_name) FROM _county_provenance GROUP BY office_id")})
    own = {r[0]: r[1] for r in store.rows("SELECT key, value FROM meta WHERE key IN ('office_id', 'office_name')")}
    if own.get("office_id") and own.get("office_name"):
        out[str(own["office_id"])] = str(own["office_name"])
    return out


def record_facts(store: Store, refs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], RecordFacts]:
    """The current values of each (table, row id); for a row since deleted, the values its last insert or
    delete entry recorded (privacy: the audit trail holds no free text of victim-level rows)."""
    wanted: dict[str, set[str]] = {}
    for table, row_id in refs:
        if table and row_id is not None:
            wanted.setdefault(table, set()).add(str(row_id))
    known = set(_user_tables(store))
    out: dict[tuple[str, str], RecordFacts] = {}
    for table, ids in wanted.items():
        if table not in known:
            continue
        key_column = "id" if "id" in [r["name"] for r in store.rows(f'PRAGMA table_info("{table}")')] else None
        if key_column is None:
            continue
        ids_list = sorted(ids)
        for start in range(0, len(ids_list), 500):
            chunk = ids_list[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for r in store.rows(f'SELECT * FROM "{table}" WHERE CAST(id AS TEXT) IN ({marks})', tuple(chunk)):
                out[(table, str(r["id"]))] = RecordFacts(table, str(r["id"]), dict(r), True)
        missing = [i for i in ids_list if (table, i) not in out]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for r in store.rows(
                    f"SELECT row_id, action, old_value, new_value FROM audit_log WHERE table_name = ? "
                    f"AND action IN ('insert', 'delete') AND row_id IN ({marks}) ORDER BY id", (table, *chunk)):
                text = r["new_value"] if r["action"] == "insert" else r["old_value"]
                try:
                    values = json.loads(text) if text else {}
                except ValueError:
                    values = {}
                if isinstance(values, dict):
                    out[(table, r["row_id"])] = RecordFacts(table, r["row_id"], values, False)
    return out


# -- whether the trail can be trusted ------------------------------------------------------------------------
@dataclass(frozen=True)
class TrailProblem:
    """The trail changed outside Safer Desk, as the History window says it: an entry altered, entries removed, or
    the triggers that record changes missing or changed, or entries put in another order (``kind``: "edited",
    "removed", "triggers" or "moved")."""

    kind: str
    at: str | None = None  # when the entry altered, or the one after a gap, was recorded (UTC)
    table_name: str | None = None  # what the entry altered recorded a change to
    missing: int = 0  # how many entries a gap lost (0: the one before was replaced)
    before_at: str | None = None  # when the entry before a gap was recorded


def trail_problems(store: Store, *, limit: int = 20) -> list[TrailProblem]:
    """What ``safer-desk check`` finds wrong with the file's audit trail (its triggers and its hash chain); an
    empty list when the trail is whole (a trail cut short at its end, or rewritten whole, cannot be told), and for an
    export for the county opened to look at: it keeps no trail, nor the triggers that record one."""
    conn = store.conn
    if export_words(conn):
        return []
    out = [TrailProblem("triggers")] if audit.check_triggers(conn) else []
    if not audit.chain_ready(conn):
        return out
    for problem in audit_chain.verify_chain(conn, limit=limit).problems:
        row = conn.execute("SELECT at, table_name FROM audit_log WHERE id = ?", (problem.entry_id,)).fetchone()
        if problem.kind == "moved":
            out.append(TrailProblem("moved", row and row[0]))
        elif problem.kind == "edited":
            out.append(TrailProblem("edited", row and row[0], row and row[1]))
        elif problem.kind == "unlinked":
            before = conn.execute("SELECT id, at FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1",
                                  (problem.entry_id,)).fetchone()
            missing = problem.entry_id - (before[0] if before else 0) - 1
            out.append(TrailProblem("removed", row and row[0], missing=missing, before_at=before and before[1]))
    return out
