"""The audit trail: SQLite triggers on every user table, so no code path can write without a record.

An insert records the new row as JSON, a delete the old row, an update one entry
per changed column (old and new value). ``who`` comes from the function
``safer_desk_user()`` that every Safer Desk connection registers: a program that
has not registered it cannot write user data at all, so it cannot bypass the trail.
"""

from __future__ import annotations

import getpass
import os
import sqlite3

UNAUDITED = {"audit_log"}


def current_user() -> str:
    """The operating-system user, as the audit trail records it."""
    try:
        return getpass.getuser()
    except Exception:  # getpass raises when no user name can be found (some service accounts)
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


def register_functions(conn: sqlite3.Connection, user: str | None = None) -> None:
    who = user or current_user()
    conn.create_function("safer_desk_user", 0, lambda: who, deterministic=False)


def audited_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows if r[0] not in UNAUDITED]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def refresh_audit_triggers(conn: sqlite3.Connection) -> None:
    """(Re)create the three audit triggers of every user table; run after each migration."""
    for table in audited_tables(conn):
        info = conn.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
        columns = [row[1] for row in info]
        pks = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
        for action in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER IF EXISTS {_quote(f'audit_{table}_{action}')}")

        def row_id(alias: str) -> str:
            if len(pks) == 1:
                return f"CAST({alias}.{_quote(pks[0])} AS TEXT)"
            keys = pks or ["rowid"]
            return "json_array(" + ", ".join(f"{alias}.{_quote(k)}" for k in keys) + ")"

        def as_json(alias: str) -> str:
            return "json_object(" + ", ".join(f"'{c}', {alias}.{_quote(c)}" for c in columns) + ")"

        head = (
            "INSERT INTO audit_log(at, who, table_name, row_id, action, column_name, old_value, new_value) "
        )
        now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        conn.execute(
            f"CREATE TRIGGER {_quote(f'audit_{table}_insert')} AFTER INSERT ON {_quote(table)} BEGIN "
            f"{head} VALUES ({now}, safer_desk_user(), '{table}', {row_id('new')}, 'insert', NULL, NULL, {as_json('new')}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {_quote(f'audit_{table}_delete')} AFTER DELETE ON {_quote(table)} BEGIN "
            f"{head} VALUES ({now}, safer_desk_user(), '{table}', {row_id('old')}, 'delete', NULL, {as_json('old')}, NULL); END"
        )
        updates = " ".join(
            f"{head} SELECT {now}, safer_desk_user(), '{table}', {row_id('new')}, 'update', '{c}', "
            f"old.{_quote(c)}, new.{_quote(c)} WHERE old.{_quote(c)} IS NOT new.{_quote(c)};"
            for c in columns
        )
        conn.execute(
            f"CREATE TRIGGER {_quote(f'audit_{table}_update')} AFTER UPDATE ON {_quote(table)} BEGIN {updates} END"
        )
