"""Opening a file to change looks at it through the connection the store then keeps (services.files.open_office_file,
storage.store.inspect_to_write): each connection parses the whole schema again, 3 ms of every start on an office
file. Every other file gets the read-only look it always had, and no connection it made is left open."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from safer_desk.services.files import open_office_file
from safer_desk.storage import store as store_module
from safer_desk.storage.store import FileTooNew, IsAnExport, NotSaferDeskFile

from tests.safety.helpers import make_older_file, sha256


@pytest.fixture
def connections(monkeypatch):
    """Every connection storage.store makes, with whether it was made to write (not an SQLite URI)."""
    made: list[tuple[sqlite3.Connection, bool]] = []
    real = sqlite3.connect

    def connect(target, *args, **kwargs):
        conn = real(target, *args, **kwargs)
        made.append((conn, not kwargs.get("uri", False)))
        return conn

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)
    return made


def _is_open(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return False
    return True


def test_an_up_to_date_file_opened_to_change_is_looked_at_through_the_stores_own_connection(demo_path, connections):
    opened = open_office_file(demo_path, defer_checks=True)
    try:
        assert [conn for conn, _ in connections] == [opened.store.conn]
        assert connections[0][1]  # made to write: the store's own
        # Its checks, put off until the first screen, still run on that connection and pass.
        opened.store.verify()
        assert opened.store.scalar("SELECT count(*) FROM projects") > 0
    finally:
        opened.store.close()


def test_read_only_opening_keeps_its_read_only_look(demo_path, connections):
    opened = open_office_file(demo_path, read_only=True)
    try:
        assert all(not writable for _, writable in connections)
    finally:
        opened.store.close()
    assert not any(_is_open(conn) for conn, _ in connections)


def test_an_older_file_is_upgraded_as_before_and_its_look_is_closed(tmp_path, connections):
    path = make_older_file(tmp_path / "older.sqlite")
    connections.clear()
    opened = open_office_file(path)
    try:
        assert opened.upgrade_steps > 0 and opened.backup is not None and opened.backup.exists()
        assert [conn for conn, _ in connections if _is_open(conn)] == [opened.store.conn]
    finally:
        opened.store.close()


def test_a_file_that_is_refused_leaves_no_connection_open_and_is_unchanged(demo_path, tmp_path, connections):
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(demo_path, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("INSERT INTO _sqlite_migrations(migration_set, name) VALUES ('safer_desk.core', '9999_later')")
    conn.close()
    before = sha256(newer)
    with pytest.raises(FileTooNew):
        open_office_file(newer)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t(x)")
    conn.close()
    with pytest.raises(NotSaferDeskFile):
        open_office_file(other)
    assert connections and not any(_is_open(conn) for conn, _ in connections)
    assert sha256(newer) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("newer", "other"))) == ["newer.sqlite",
                                                                                       "other.sqlite"]


def test_an_export_is_refused_as_before_and_left_byte_for_byte(demo_store, tmp_path, connections):
    from safer_desk.services.county import export_for_county

    export = tmp_path / "babergh-export.sqlite"
    export_for_county(demo_store, export)
    before = export.read_bytes()
    connections.clear()
    with pytest.raises(IsAnExport):
        open_office_file(export)
    assert connections and not any(_is_open(conn) for conn, _ in connections)
    assert export.read_bytes() == before
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("babergh-export"))
    assert left == ["babergh-export.sqlite"]


def _killed_runs_copy(beside: Path) -> Path:
    """A temporary copy an earlier version left beside the file when it was killed an hour ago (an SQLite file)."""
    left = beside.parent / f".{beside.name}.k2j4_x9a.part"
    left.write_bytes(beside.read_bytes()[:4096])
    an_hour_ago = time.time() - 3600
    os.utime(left, (an_hour_ago, an_hour_ago))
    return left


def test_what_killed_runs_left_beside_the_file_is_removed_on_opening_unless_left_for_later(demo_path):
    left = _killed_runs_copy(demo_path)
    opened = open_office_file(demo_path, defer_checks=True, leftovers_later=True)
    opened.store.close()
    assert left.exists()  # the window's start-up removes it after its first screen (below)
    opened = open_office_file(demo_path)
    opened.store.close()
    assert not left.exists()


def test_the_windows_start_up_removes_what_killed_runs_left_beside_the_file_after_its_first_screen(demo_path,
                                                                                                  process_env):
    left = _killed_runs_copy(demo_path)
    done = subprocess.run([sys.executable, "-m", "safer_desk", str(demo_path)],
                          env={**process_env, "SAFER_DESK_CLOSE_AFTER_START": "1"}, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "first screen at" in done.stderr
    assert not left.exists()
