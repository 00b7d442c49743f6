"""Round 39 (qax): a whole file left in WAL mode, read from storage that cannot be written.

A file is left in WAL mode at rest (byte 18 of its header 2, nothing in a -wal beside it) when its writer is killed
after its first change, or when the window closes it while another program still reads it (the switch back then
"fails harmlessly"). Everything is in the file itself, but SQLite reads such a file through a -shm it makes beside
it: on a read-only share or a write-protected stick it cannot, and every command said the file was "damaged and
cannot be read (unable to open database file)", which it is not. It is read as it lies now.

The read-only storage is a small file system mounted read-only for the test (root on Linux; skipped otherwise):
as root, a folder's permissions refuse nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from safer_desk.cli import main


@pytest.fixture
def read_only_disk(tmp_path):
    """A folder on a small tmpfs, and a function that remounts it read-only."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root on Linux")
    mount = tmp_path / "share"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True,
                          text=True)
    if made.returncode:
        pytest.skip(f"cannot mount a small file system here: {made.stderr.strip()}")

    def seal():
        sealed = subprocess.run(["mount", "-o", "remount,ro", str(mount)], capture_output=True, text=True)
        assert sealed.returncode == 0, sealed.stderr

    try:
        yield mount, seal
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _left_in_wal_mode(source, target):
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()  # the last connection: the -wal is written into the file and removed, the header stays WAL
    with open(target, "rb") as fh:
        assert fh.read(20)[18] == 2
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_whole_file_in_wal_mode_on_a_read_only_disk_is_read(read_only_disk, demo_path, private_home, capsys):
    mount, seal = read_only_disk
    path = mount / "office.sqlite"
    _left_in_wal_mode(demo_path, path)
    capsys.readouterr()
    assert main(["projects", str(demo_path)]) == 0
    expected = capsys.readouterr().out
    seal()
    assert main(["projects", str(path)]) == 0
    said = capsys.readouterr()
    assert "damaged" not in said.err
    assert said.out == expected
    assert main(["check", str(path)]) == 0
    assert "All checks passed." in capsys.readouterr().out
    assert main(["report", str(path), str(private_home / "report.html")]) == 0
    assert sorted(p.name for p in mount.iterdir()) == ["office.sqlite"]


def test_the_window_opens_it_to_look_at(read_only_disk, demo_path, private_home):
    from safer_desk.services.files import open_office_file

    mount, seal = read_only_disk
    path = mount / "office.sqlite"
    _left_in_wal_mode(demo_path, path)
    seal()
    opened = open_office_file(path, read_only=True)
    try:
        assert opened.store.scalar("SELECT count(*) FROM projects") > 0
    finally:
        opened.store.close()
