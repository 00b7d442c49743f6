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

import itertools
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


def _key_columns(conn: sqlite3.Connection, table: str, info: list | None = None) -> tuple[str, ...]:
    """The table's primary key columns, in order (``info``: its PRAGMA table_info, when read already)."""
    if info is None:
        info = conn.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    key = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    if not key:
        raise ValueError(f"{table} has no primary key to put its rows back by")
    return key


def _natural_order(conn: sqlite3.Connection, table: str) -> str:
    """The order a change makes a table's rows in: a list's by position, else as they were written (rowid; a table
    without one by key). An undo or redo deletes, changes and writes back rows in this order, so the History of
    Changes lists them as the change did (cost lines 1 to 6, not in the order of their random ids)."""
    info = conn.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    key = ", ".join(_quote(c) for c in _key_columns(conn, table, info))
    if any(r[1] == "position" for r in info):
        return f'"position", {key}'
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    if sql and "WITHOUT ROWID" in " ".join((sql[0] or "").upper().split()):
        return key
    return f"rowid, {key}"


def take(conn: sqlite3.Connection, table: str, where: str, params: Sequence[Any] = (), *, order_by: str = "",
         only_if: tuple[str, str] | None = None) -> Part:
    """The rows of table WHERE where, as they are now, in the order a change makes them (``_natural_order``;
    order_by: another order to write them back in)."""
    order_by = order_by or _natural_order(conn, table)
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
    """A record's list kept in table as rows at position 0, 1 … (a project's cost lines, a scenario's rows): each
    row keeps its id, so saving changes only the rows that changed (one line deleted is one row deleted in the
    History and at the county, one edited is one row updated) instead of deleting and adding every row again.

    A row keeps its id by what it is: a row alike stays the same row wherever it moves (only its position changes,
    which the History does not call a change), a row edited keeps the id of the row it was (``_matched_ids``).
    key names a column unique within the record (a scenario's partnership): rows then keep their id by it."""
    quoted, parent = _quote(table), _quote(parent_column)
    if key is None:
        old = [(r[0], tuple(r[1:])) for r in conn.execute(
            f"SELECT id, {', '.join(_quote(c) for c in columns)} FROM {quoted} WHERE {parent} = ? ORDER BY position",
            (parent_id,))]
        row_ids = _matched_ids(old, [tuple(row) for row in rows])
    else:
        at = list(columns).index(key)
        ids = dict(conn.execute(f"SELECT {_quote(key)}, id FROM {quoted} WHERE {parent} = ?", (parent_id,)).fetchall())
        row_ids = [ids.get(row[at]) for row in rows]
    now = dict(conn.execute(f"SELECT id, position FROM {quoted} WHERE {parent} = ?", (parent_id,)).fetchall())
    kept = set(row_ids)
    conn.executemany(f"DELETE FROM {quoted} WHERE id = ?", [(i,) for i in now if i not in kept])
    _move(conn, quoted, {i: now[i] for i in now if i in kept},
          {i: at for at, i in enumerate(row_ids) if i is not None})
    names = ("id", parent_column, "position", *columns)
    conn.executemany(
        f"INSERT INTO {quoted}({', '.join(_quote(n) for n in names)}) VALUES ({', '.join('?' * len(names))}) "
        f"ON CONFLICT(id) DO UPDATE SET position = excluded.position, "
        f"{', '.join(f'{_quote(c)} = excluded.{_quote(c)}' for c in columns)}",
        [(row_id or new_id(), parent_id, i, *row) for i, (row_id, row) in enumerate(zip(row_ids, rows))])


def _move(conn: sqlite3.Connection, quoted: str, now: dict[str, int], wanted: dict[str, int]) -> None:
    """Each row (by id) from the position it has now to the one wanted, never onto a position another row still
    holds (UNIQUE (parent, position)): a row whose place is free moves first, and rows moving round in a circle
    (two swapped) go through a place below 0 that no row holds."""
    held = {at: i for i, at in now.items()}
    waiting = {i: at for i, at in wanted.items() if now.get(i, at) != at}
    while waiting:
        free = [i for i, at in waiting.items() if at not in held]
        if not free:  # a circle: one row steps aside
            i = next(iter(waiting))
            del held[now[i]]
            now[i] = min([0, *held]) - 1
            held[now[i]] = i
            conn.execute(f"UPDATE {quoted} SET position = ? WHERE id = ?", (now[i], i))
            continue
        for i in free:
            del held[now[i]]
            now[i] = waiting.pop(i)
            held[now[i]] = i
            conn.execute(f"UPDATE {quoted} SET position = ? WHERE id = ?", (now[i], i))


def _matched_ids(old: Sequence[tuple[str, tuple]], new: Sequence[tuple]) -> list[str | None]:
    """For each new row (its values), the id of the old row (id, values; in position order) it is, or None for a
    row added. Each old row is used once: first a row alike (the rows that stayed in order, then a row moved
    elsewhere in the list), then for a row edited an old row left between the same two rows that stayed (in order
    when as many are left there, or too many to weigh; else the one most alike, then the nearest); so one line
    deleted, added or moved leaves every other row its own id."""
    import difflib  # here: only saving a list needs it

    ids: list[str | None] = [None] * len(new)
    used: set[int] = set()
    for block in difflib.SequenceMatcher(None, [v for _, v in old], list(new), autojunk=False).get_matching_blocks():
        for k in range(block.size):  # the rows that stayed, in order
            ids[block.b + k] = old[block.a + k][0]
            used.add(block.a + k)
    waiting: dict[tuple, list[int]] = {}
    for i, (_, values) in enumerate(old):
        if i not in used:
            waiting.setdefault(values, []).append(i)
    for j, values in enumerate(new):  # a row moved: alike, elsewhere in the list
        if ids[j] is None and waiting.get(values):
            ids[j] = old[waiting[values][0]][0]
            used.add(waiting[values].pop(0))
    # the rest, a row edited: among the old rows left between the same two rows that stayed
    gap_of_old = list(itertools.accumulate((i in used for i in range(len(old))), initial=0))
    gap_of_new = list(itertools.accumulate((i is not None for i in ids), initial=0))
    olds: dict[int, list[int]] = {}
    for i in range(len(old)):
        if i not in used:
            olds.setdefault(gap_of_old[i], []).append(i)
    news: dict[int, list[int]] = {}
    for j in range(len(new)):
        if ids[j] is None:
            news.setdefault(gap_of_new[j], []).append(j)
    for gap, js in news.items():
        free = olds.get(gap, [])
        if len(free) == len(js) or len(free) * len(js) > 10_000:  # as many edited as were there: each in its place
            for i, j in zip(free, js):
                ids[j] = old[i][0]
            continue
        for j in js:
            if not free:
                break
            i = max(free, key=lambda i: (sum(a == b for a, b in zip(old[i][1], new[j])), -abs(i - j)))
            ids[j] = old[i][0]
            free.remove(i)
    return ids


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
