"""A record's rows as they were, and putting them back exactly: what undo and redo of a change to one record do.

A snapshot is a list of parts, parent first: each part is the rows of one table that belong to the record (an SQL
condition with its parameters says which), with their ids. Putting it back leaves every other row alone:

- rows of the record that are not in the snapshot go (children first);
- rows that differ from it are changed back where they stand (the record's own row always: rows elsewhere that
  point at it with ON DELETE CASCADE, a budget line's link to a review or a scenario's tick of a project, are not
  deleted with it);
- then every row of the snapshot that is missing is written back, under its own id, parents first.

A row the same as in the snapshot is not touched, so the audit trail of an undo names only what the undo changed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Callable, Sequence


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class Part:
    """The rows of ``table`` WHERE ``where`` (with ``params``) as they were, in the order to write them back.

    ``only_if``: (table, column): a row is written back only while the row its column names is still in that
    table (a scenario deleted since, outside the undo stack, does not get its tick back)."""

    table: str
    where: str
    params: tuple
    rows: tuple[dict[str, Any], ...]
    only_if: tuple[str, str] | None = None


def _key_columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    info = conn.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    key = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    if not key:
        raise ValueError(f"{table} has no primary key to put its rows back by")
    return key


def take(conn: sqlite3.Connection, table: str, where: str, params: Sequence[Any] = (), *, order_by: str = "",
         only_if: tuple[str, str] | None = None) -> Part:
    """The rows of table WHERE where, as they are now, by key (order_by: the order to write them back in)."""
    order_by = order_by or ", ".join(_quote(c) for c in _key_columns(conn, table))
    sql = f"SELECT * FROM {_quote(table)} WHERE {where} ORDER BY {order_by}"
    cursor = conn.execute(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    return Part(table, where, tuple(params), tuple(dict(zip(names, row)) for row in cursor), only_if)


def put_back(conn: sqlite3.Connection, parts: Sequence[Part], *, in_place: Sequence[str] = ()) -> None:
    """Make the rows of every part exactly the snapshot's (inside the caller's transaction).

    A row that differs is updated where it stands, so the History of Changes says what changed back ("Changed the
    status … from refused to invoiced") rather than a row removed and added (and the rows its delete would take with
    it). Where an update cannot be made as it stands (two rows swapping a UNIQUE position, a parent not yet back),
    the row goes and comes back whole; the record's own row (``in_place``) is always updated, never deleted."""
    keys = {p.table: _key_columns(conn, p.table) for p in parts}
    differing: list[tuple[Part, tuple, dict[str, Any]]] = []
    for part in reversed(parts):  # children first: what is not in the snapshot goes
        key = keys[part.table]
        wanted = {tuple(r[c] for c in key): r for r in part.rows}
        match = " AND ".join(f"{_quote(c)} = ?" for c in key)
        for row in take(conn, part.table, part.where, part.params).rows:
            k = tuple(row[c] for c in key)
            if k not in wanted:
                conn.execute(f"DELETE FROM {_quote(part.table)} WHERE {match}", k)
            elif wanted[k] != row:
                differing.append((part, k, wanted[k]))
    for part, k, row in differing:  # what differs is changed back where it stands
        key = keys[part.table]
        match = " AND ".join(f"{_quote(c)} = ?" for c in key)
        columns = [c for c in row if c not in key]
        update = (f"UPDATE {_quote(part.table)} SET {', '.join(f'{_quote(c)} = ?' for c in columns)} WHERE {match}",
                  (*[row[c] for c in columns], *k))
        if part.table in in_place:
            conn.execute(*update)
            continue
        try:
            conn.execute(*update)  # a failed statement is undone whole by SQLite; the transaction goes on
        except sqlite3.IntegrityError:
            conn.execute(f"DELETE FROM {_quote(part.table)} WHERE {match}", k)  # comes back whole below
    for part in parts:  # parents first: what is missing comes back under its own id
        key = keys[part.table]
        present = {tuple(r[c] for c in key) for r in take(conn, part.table, part.where, part.params).rows}
        for row in part.rows:
            if tuple(row[c] for c in key) in present:
                continue
            columns = list(row)
            values = tuple(row.values())
            insert = (f"INSERT INTO {_quote(part.table)}({', '.join(_quote(c) for c in columns)}) "
                      f"SELECT {', '.join('?' * len(columns))}")
            if part.only_if is not None:
                table, column = part.only_if
                conn.execute(f"{insert} WHERE EXISTS (SELECT 1 FROM {_quote(table)} WHERE id = ?)",
                             (*values, row[column]))
            else:
                conn.execute(insert, values)


def write_list(conn: sqlite3.Connection, table: str, parent_column: str, parent_id: str, columns: Sequence[str],
               rows: Sequence[Sequence[Any]], new_id: Callable[[], str], *, key: str | None = None) -> None:
    """A record's list kept in table as rows at position 0, 1 … (a project's cost lines, a scenario's rows): the
    row at each position keeps its id, so saving changes only the rows that changed (one update in the history,
    one changed row at the county) instead of deleting and adding every row again.

    key names a column unique within the record (a scenario's partnership): rows then keep their id by it, not
    by place. By place, a row removed above the last would have each row below take the name the next one still
    holds, which the UNIQUE constraint refuses; by key, the removed row goes and the others only move up."""
    quoted, parent = _quote(table), _quote(parent_column)
    if key is None:
        ids = dict(conn.execute(f"SELECT position, id FROM {quoted} WHERE {parent} = ?", (parent_id,)).fetchall())
        conn.execute(f"DELETE FROM {quoted} WHERE {parent} = ? AND position >= ?", (parent_id, len(rows)))
        row_ids = [ids.get(i) for i in range(len(rows))]
    else:
        at = list(columns).index(key)
        ids = dict(conn.execute(f"SELECT {_quote(key)}, id FROM {quoted} WHERE {parent} = ?", (parent_id,)).fetchall())
        kept = {row[at] for row in rows}
        conn.executemany(f"DELETE FROM {quoted} WHERE id = ?", [(i,) for k, i in ids.items() if k not in kept])
        row_ids = [ids.get(row[at]) for row in rows]
    names = ("id", parent_column, "position", *columns)
    conn.executemany(
        f"INSERT INTO {quoted}({', '.join(_quote(n) for n in names)}) VALUES ({', '.join('?' * len(names))}) "
        f"ON CONFLICT(id) DO UPDATE SET position = excluded.position, "
        f"{', '.join(f'{_quote(c)} = excluded.{_quote(c)}' for c in columns)}",
        [(row_id or new_id(), parent_id, i, *row) for i, (row_id, row) in enumerate(zip(row_ids, rows))])


def take_record(conn: sqlite3.Connection, root: str, key: str, rows: dict[str, str], *,
                only_if: dict[str, tuple[str, str]] | None = None,
                order_by: dict[str, str] | None = None) -> tuple[Part, ...] | None:
    """A record's rows: for each table of rows (the record's own table, root, first) its rows WHERE the condition
    (one "?": the record's id); None when the record is not in the file."""
    if conn.execute(f"SELECT 1 FROM {_quote(root)} WHERE id = ?", (key,)).fetchone() is None:
        return None
    return tuple(take(conn, table, where, (key,), order_by=(order_by or {}).get(table, ""),
                      only_if=(only_if or {}).get(table)) for table, where in rows.items())


def put_back_record(conn: sqlite3.Connection, root: str, key: str, parts: Sequence[Part] | None) -> None:
    """A record exactly as ``take_record`` took it (inside the caller's transaction): removed when it was not in
    the file, else its rows put back with its own row updated where it stands."""
    if parts is None:
        conn.execute(f"DELETE FROM {_quote(root)} WHERE id = ?", (key,))
    else:
        put_back(conn, parts, in_place=(root,))
