"""Marking rows of the example file as illustrative: invented to make a screen usable, not from a paper.

One mechanism for every tab: the demo data marks the rows it invents, and the window and the board report
ask here before showing a figure as if a paper had printed it.
"""

from __future__ import annotations

from typing import Iterable

from safer_desk.storage.store import Store

ILLUSTRATIVE_LABEL = "illustrative"


def mark_illustrative(store: Store, table: str, row_ids: Iterable[object], note: str = "") -> int:
    """Mark rows of table as illustrative (idempotent); returns how many rows are marked by this call."""
    ids = [str(r) for r in row_ids]
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO illustrative_marks(table_name, row_id, note) VALUES (?, ?, ?) "
            "ON CONFLICT(table_name, row_id) DO UPDATE SET note = excluded.note",
            [(table, row_id, note) for row_id in ids],
        )
    return len(ids)


def illustrative_rows(store: Store, table: str) -> dict[str, str]:
    """The marked rows of one table: row id -> note (empty when none are marked)."""
    return {r[0]: r[1] for r in store.rows(
        "SELECT row_id, note FROM illustrative_marks WHERE table_name = ?", (table,))}


def is_illustrative(store: Store, table: str, row_id: object) -> bool:
    return store.scalar("SELECT 1 FROM illustrative_marks WHERE table_name = ? AND row_id = ?",
                        (table, str(row_id))) is not None


def has_illustrative_rows(store: Store) -> bool:
    """True when anything in the file is marked (the report then explains the mark once)."""
    return store.scalar("SELECT 1 FROM illustrative_marks LIMIT 1") is not None
