"""Dated days for tests of cost lines' corrections and deletions (s70).

A correction or deletion keeps the line as it was only when it stood at the end of a day before the change: the
services read the day a line was keyed in (or last corrected) from the audit trail's time, and the change's day from
the clock (``date.today()``, or the billing's day). A test that keys a line in and corrects it in one run would keep
nothing; ``trail_moved_back`` makes everything recorded so far a day (or ``days``) older, as if the file had been
closed and opened again the next day, with the trail's hash chain made again, so ``check`` still finds it whole.
Its code uses only sqlite3 and storage.audit's chain, so the previous program's steps (tests run it from git) can run
the same words (``MOVE_BACK_SOURCE``).
"""

from __future__ import annotations

import inspect
import sqlite3
from pathlib import Path


def trail_moved_back(conn, days=1):
    """Every audit entry so far made ``days`` earlier, the chain made again (a test's dated days)."""
    from datetime import datetime, timedelta, timezone

    from safer_desk.storage.audit import GENESIS, GUARD_TRIGGERS, _chain

    if conn.in_transaction:
        conn.commit()
    rows = conn.execute("SELECT id, at, who, table_name, row_id, action, column_name, old_value, new_value, "
                        "action_id, action_label FROM audit_log ORDER BY id").fetchall()
    guards = {name: sql for name, sql in GUARD_TRIGGERS.items()
              if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()}
    for name in guards:
        conn.execute(f"DROP TRIGGER {name}")
    prev = GENESIS
    for entry_id, at, *rest in rows:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00")) - timedelta(days=days)
        moved = moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        digest = _chain(prev, entry_id, moved, *rest)
        conn.execute("UPDATE audit_log SET at = ?, prev_hash = ?, hash = ? WHERE id = ?",
                     (moved, prev, digest, entry_id))
        prev = digest
    for sql in guards.values():
        conn.execute(sql)
    conn.commit()


MOVE_BACK_SOURCE = inspect.getsource(trail_moved_back)


def file_moved_back(path: Path, days: int = 1) -> None:
    """``trail_moved_back`` on a closed file."""
    conn = sqlite3.connect(path)
    try:
        trail_moved_back(conn, days)
    finally:
        conn.close()
