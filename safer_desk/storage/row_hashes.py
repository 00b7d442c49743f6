"""A row's content hash, and keeping a county file's merged rows "as merged" through a migration step.

The county keeps, for every row it merged, the hash of the row as it came (``_county_origins``; before it,
``_county_provenance``): a row whose hash no longer matches was edited at the county since, and an office's later
change to it is raised as a conflict. A step that adds a column to a table (and fills it from what the file holds)
changes the hash of every merged row of that table, though nobody edited one: each office's next change to any of
them was raised as "edited at the county". ``merged_columns`` before a step and ``keep_as_merged`` after it hash
again the rows that were as merged before it. Qt-free and below the exchange layer, which hashes rows the same way.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any, Iterable, Iterator

ORIGINS = "_county_origins"  # the first 16 bytes of each merged row's hash
OLD_ORIGINS = "_county_provenance"  # before _county_origins: the hex digest

ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode

# Columns that are the office's own arrangement, not the thing itself: never a disagreement between offices (the
# exchange compares offices' rows without them, and keeps a row several offices hold by its hash without them).
LOCAL_COLUMNS = {
    "indicators": {"sort_order"},
    "indicator_values": {"id", "comment", "source"},  # the figure is its value; where it came from is said apart
    # when each office typed a thing in is its own bookkeeping: the same award, plan, allocation or commissioning
    # scenario recorded by two offices is one thing at the county, and only what it is can disagree (their years,
    # lines and rows are matched by what they are, so a difference among them is a conflict of its own; a plan's
    # lines and a scenario's choices are compared with it, as WHOLES says).
    "projects": {"created_at", "updated_at"},
    "funding_awards": {"created_at", "updated_at"},
    "budget_plans": {"created_at", "updated_at"},
    "allocation_scenarios": {"saved_at"},
    "commissioning_scenarios": {"created_at", "updated_at"},
}


def shared_row_hash(table: str, columns: Iterable[str], values: Iterable[Any]) -> str:
    """The hash a row several offices hold alike is kept by: ``row_hash`` with its LOCAL_COLUMNS blank, which every
    holder's copy gives whenever each typed it in."""
    local = LOCAL_COLUMNS.get(table, set())
    columns = list(columns)
    return row_hash(columns, [None if c in local else v for c, v in zip(columns, values)])


def canonical(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"blob": value.hex()}
    if isinstance(value, float):
        return {"real": repr(value)}
    return value


def row_hash(columns: Iterable[str], values: Iterable[Any]) -> str:
    """SHA-256 of a row's values by column name (column order does not matter; types do)."""
    pairs = sorted(zip(columns, values), key=lambda p: p[0])
    text = ENCODE([[c, canonical(v)] for c, v in pairs])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _held(conn: sqlite3.Connection) -> str | None:
    """The table holding the merged rows' hashes in this file (None: not a county file)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
                                         (ORIGINS, OLD_ORIGINS))}
    return ORIGINS if ORIGINS in tables else OLD_ORIGINS if OLD_ORIGINS in tables else None


def _columns(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[str]]:
    """(columns, primary key) as the county's table_info finds them; ("rowid",) for a table without a key."""
    info = conn.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    key = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])] or ["rowid"]
    return [r[1] for r in info], key


def _rows_by_key(conn: sqlite3.Connection, table: str, key: list[str]) -> tuple[list[str], Iterator[tuple[str, tuple]]]:
    """The table's columns, and each row as (its key as the county's origins name it, its values)."""
    cursor = conn.execute(f"SELECT rowid AS _rowid_kept, * FROM {_quote(table)}")
    names = [d[0] for d in cursor.description][1:]
    at = {c: i for i, c in enumerate(names)}

    def rows() -> Iterator[tuple[str, tuple]]:
        for found in cursor:
            values = found[1:]
            keys = [found[0] if k == "rowid" else values[at[k]] for k in key]
            yield (str(keys[0]) if len(keys) == 1 else json.dumps(keys, separators=(",", ":"))), values
    return names, rows()


def merged_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Before a step: the columns of each table the county has merged rows of ({} for a file that is no county's)."""
    held = _held(conn)
    if held is None:
        return {}
    names = [r[0] for r in conn.execute(f"SELECT DISTINCT table_name FROM {held}")]
    found = {name: _columns(conn, name)[0] for name in names}
    return {name: columns for name, columns in found.items() if columns}


def keep_as_merged(conn: sqlite3.Connection, before: dict[str, list[str]], changed: Iterable[str]) -> int:
    """After a step that changed the tables ``changed``: each merged row of a table that only gained columns, still
    as merged over the columns it had (the step filled only the new ones), is hashed again as it now is. A table
    whose columns went or were renamed is left: its rows cannot be told apart from edited ones. Returns how many
    rows were hashed again."""
    held = _held(conn)
    if held is None:
        return 0
    updated = 0
    for table in changed:
        old = before.get(table)
        columns, key = _columns(conn, table)
        if not old or not columns or set(old) == set(columns) or not set(old) <= set(columns):
            continue
        stored = dict(conn.execute(f"SELECT row_key, row_hash FROM {held} WHERE table_name = ?", (table,)))
        shared = {k for (k,) in conn.execute(f"SELECT row_key FROM {held} WHERE table_name = ? AND shared = 1",
                                            (table,))} if held == ORIGINS and table in LOCAL_COLUMNS else set()
        names, rows = _rows_by_key(conn, table, key)
        at = {c: i for i, c in enumerate(names)}
        again = []
        for row_key, values in rows:
            if row_key not in stored:
                continue
            if _digest(row_hash(old, [values[at[c]] for c in old]), held) == stored[row_key]:
                again.append((_digest(row_hash(names, values), held), table, row_key))
            elif row_key in shared and _digest(shared_row_hash(table, old, [values[at[c]] for c in old]),
                                               held) == stored[row_key]:  # held alike by several offices
                again.append((_digest(shared_row_hash(table, names, values), held), table, row_key))
            # otherwise edited at the county before this step: it stays so
        conn.executemany(f"UPDATE {held} SET row_hash = ? WHERE table_name = ? AND row_key = ?", again)
        updated += len(again)
    return updated


def keep_shared_by_what_they_are(conn: sqlite3.Connection) -> int:
    """A county merged before rows held alike by several offices were kept by ``shared_row_hash``: each such row of a
    LOCAL_COLUMNS table still as merged (its whole hash the one kept) is kept by what it is, as a merge now keeps it.
    Kept by the first office's copy to the byte, another holder's unchanged copy (saved at another moment) read as
    a new version once the county had edited the row. Returns how many rows are kept so now."""
    if _held(conn) != ORIGINS:
        return 0
    again = []
    for table in LOCAL_COLUMNS:
        stored = dict(conn.execute(f"SELECT row_key, row_hash FROM {ORIGINS} WHERE table_name = ? AND shared = 1",
                                   (table,)))
        columns, key = _columns(conn, table)
        if not stored or not columns:
            continue
        names, rows = _rows_by_key(conn, table, key)
        for row_key, values in rows:
            if row_key in stored and _digest(row_hash(names, values), ORIGINS) == stored[row_key]:
                again.append((_digest(shared_row_hash(table, names, values), ORIGINS), table, row_key))
    conn.executemany(f"UPDATE {ORIGINS} SET row_hash = ? WHERE table_name = ? AND row_key = ?", again)
    return len(again)


def _digest(hex_digest: str, held: str) -> Any:
    return bytes.fromhex(hex_digest[:32]) if held == ORIGINS else hex_digest
