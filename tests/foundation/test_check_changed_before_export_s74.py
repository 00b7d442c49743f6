"""`safer-desk check` of an office file whose trail was altered before an export no longer says the trail still passes
through the exports' heads (s74, audit).

Found on a copy of the example exported once: the trail's guard dropped with sqlite3, an entry from before the export
altered (who made the change), the guard made again. `check` said "PROBLEM: audit trail: entry 3433 … was changed
after it was written" and, on the next line, "ok: the trail still passes through the heads recorded at its 1
export": the head's stored hash was compared, not the chain that leads to it, so the one thing the county cares
about (a history changed before what it was sent, which makes it refuse the office's next export) read as sound;
only after --repair did it say "changed … before export number 1". It now says so before, naming the export and
the entry.
"""

from __future__ import annotations

import sqlite3

from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.cli_run import run


def _alter_entry(path, entry_id: int) -> None:
    conn = sqlite3.connect(path)
    (guard,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").fetchone()
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET who = 'someone else' WHERE id = ?", (entry_id,))
    conn.execute(guard)
    conn.commit()
    conn.close()


def test_an_entry_altered_before_an_export_is_said_against_that_export(demo_path, tmp_path, capsys):
    store = open_store(demo_path)
    try:
        export_for_county(store, tmp_path / "first.sqlite")
        head = store.scalar("SELECT max(id) FROM audit_log")
    finally:
        store.close()
    _alter_entry(demo_path, head - 5)
    code, out, err = run(capsys, "check", demo_path)
    assert code == 1
    assert "still passes through the heads" not in out, out
    assert f"entry {head - 5} (its record of" in err
    assert ("the audit trail was changed before export number 1 (" in err
            and f"entry {head - 5}, written before it, is not as it was then" in err), err


def test_an_entry_altered_after_the_last_export_leaves_the_exports_heads_sound(demo_path, tmp_path, capsys):
    store = open_store(demo_path)
    try:
        export_for_county(store, tmp_path / "first.sqlite")
    finally:
        store.close()
    code, out, _ = run(capsys, "office", demo_path, "--name", "Babergh office")
    assert code == 0
    later = open_store(demo_path, read_only=True)
    try:
        last = later.scalar("SELECT max(id) FROM audit_log")
    finally:
        later.close()
    _alter_entry(demo_path, last)
    code, out, err = run(capsys, "check", demo_path)
    assert code == 1 and f"entry {last} (its record of" in err
    assert "ok: the trail still passes through the heads recorded at its 1 export" in out, out
    assert "before export number" not in err
