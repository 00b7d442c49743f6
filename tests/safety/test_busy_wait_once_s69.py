"""`safer-desk population FILE …` (any command that writes) against a file another program held locked waited about
10 seconds, while its message said "kept it locked for more than 5 seconds": the look through the connection to
write waited 5 seconds, met the lock, and then inspect_file's own look waited 5 seconds more. The lock is now waited
for once, as long as the message says."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from safer_desk.services.files import open_office_file
from safer_desk.storage import store as store_module
from safer_desk.storage.store import FileBusy, in_use_elsewhere, open_store


@pytest.fixture
def waits(monkeypatch):
    """The looks at a file that met another program's lock (each one a whole busy wait), counted."""
    met: list[str] = []

    def counted(look):
        def looking(path, *args):
            try:
                return look(path, *args)
            except sqlite3.DatabaseError as exc:
                if in_use_elsewhere(exc):
                    met.append(f"{look.__name__} {path.name}")
                raise
        return looking

    for look in ("_looked", "read_only_look"):  # through the connection to write; inspect_file's own
        monkeypatch.setattr(store_module, look, counted(getattr(store_module, look)))
    monkeypatch.setattr(store_module, "BUSY_WAIT_SECONDS", 0.05)
    return met


def test_a_file_held_locked_is_waited_for_once_as_long_as_the_message_says(demo_path, tmp_path, waits):
    path = tmp_path / "office.sqlite"
    shutil.copyfile(demo_path, path)
    other = sqlite3.connect(path, isolation_level=None)  # another program writing it
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(FileBusy) as refused:
            open_office_file(path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert waits == ["_looked office.sqlite"]
    assert "kept it locked for more than 0.05 seconds" in str(refused.value)


def test_a_store_waits_for_a_lock_as_long_as_the_message_says(demo_path, tmp_path, waits):
    path = tmp_path / "office.sqlite"
    shutil.copyfile(demo_path, path)
    store = open_store(path)
    try:
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 50
    finally:
        store.close()
