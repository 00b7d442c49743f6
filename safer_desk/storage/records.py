"""One record written from a dict of its columns: the values a service has read and checked (``_…_values``), so
adding a record and correcting it write the same columns."""

from __future__ import annotations

import sqlite3
from typing import Any, Mapping


def insert(conn: sqlite3.Connection, table: str, values: Mapping[str, Any]) -> None:
    """A new row of ``table`` (its id and parent among ``values``)."""
    conn.execute(f"INSERT INTO {table}({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                 tuple(values.values()))


def update(conn: sqlite3.Connection, table: str, row_id: str, values: Mapping[str, Any]) -> None:
    """The row of ``table`` whose id is ``row_id``, its columns in ``values`` set."""
    conn.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?", (*values.values(), row_id))
