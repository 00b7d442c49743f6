"""Round 40: a file left in WAL mode at rest (a kill after its first change) leaves nothing beside it after a look.

A file is left in WAL mode at rest (byte 18 of its header 2, no -wal beside it) when its window is killed after its
first change. Every read-only command since (`projects`, `check`, `dhr-ledger`, `report`) then left an empty
office.sqlite-wal and a 32 kB office.sqlite-shm beside it (SQLite reads a WAL file through them, and a read-only
connection cannot remove them when it closes), which a person tidying the folder or copying the file met, and the
window opening and closing it without a change left it in WAL mode for the next command to do so again.

Now a read-only look removes the two files it made once it is done (when nobody else has the file open), changing
nothing in the file itself; and a window that closes the file puts it back to one self-contained file even when
nothing was changed.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from safer_desk.cli import main
from safer_desk.storage.store import open_store


def _left_in_wal_mode(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()  # the last connection: the -wal is written into the file and removed, the header stays WAL
    assert _header_mode(target) == 2
    return target


def _header_mode(path: Path) -> int:
    with open(path, "rb") as fh:
        return fh.read(20)[18]


def _beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", [["projects"], ["check"], ["dhr-ledger"], ["report", "OUT"]])
def test_a_read_only_command_leaves_nothing_beside_a_file_in_wal_mode(command, demo_path, private_home, tmp_path,
                                                                     capsys):
    folder = tmp_path / "office"
    folder.mkdir()
    path = _left_in_wal_mode(demo_path, folder / "office.sqlite")
    before = _digest(path)
    args = [command[0], str(path)] + [str(tmp_path / "report.html") for a in command[1:]]
    assert main(args) == 0, capsys.readouterr().err
    assert _beside(path) == ["office.sqlite"]
    assert _digest(path) == before  # a look changes nothing in the file itself


def test_a_look_leaves_the_side_files_of_a_file_another_connection_has_open(demo_path, tmp_path):
    """The window has the file open (in WAL mode): its -wal and -shm are its own, and stay while it is open."""
    folder = tmp_path / "office"
    folder.mkdir()
    path = _left_in_wal_mode(demo_path, folder / "office.sqlite")
    window = open_store(path)
    try:
        with window.transaction():
            window.conn.execute("UPDATE meta SET value = value WHERE key = 'app'")
        assert "office.sqlite-wal" in _beside(path)
        look = open_store(path, read_only=True)
        assert look.one("SELECT count(*) FROM projects")[0] > 0
        look.close()
        assert {"office.sqlite-wal", "office.sqlite-shm"} <= set(_beside(path))
        assert window.one("SELECT count(*) FROM projects")[0] > 0
    finally:
        window.close()
    assert _beside(path) == ["office.sqlite"] and _header_mode(path) == 1


def test_a_window_closing_a_file_left_in_wal_mode_unchanged_makes_it_one_file_again(demo_path, tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    path = _left_in_wal_mode(demo_path, folder / "office.sqlite")
    store = open_store(path)
    assert store.one("SELECT count(*) FROM projects")[0] > 0
    store.close()
    assert _header_mode(path) == 1  # rollback journal mode: the file alone holds everything
    assert [p for p in _beside(path) if not p.endswith(".lock")] == ["office.sqlite"]
    look = open_store(path, read_only=True)
    look.close()
    assert [p for p in _beside(path) if not p.endswith(".lock")] == ["office.sqlite"]
