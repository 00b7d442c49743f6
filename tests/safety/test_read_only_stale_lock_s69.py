"""s69: a window killed with the office's file open left `office.sqlite.lock` beside it (and its lock on the file
itself in the data folder's `locks`), and every read-only command after it (safer-desk projects, check, report …)
left them there, saying nothing, until a command that changes the file took the lock over.

A read-only open now takes the lock a run that ended left, only when the operating system says no one holds it
(the holder's lock went with its process), and lets go of it at once: both lock files go, and it says once, as the
next writer would have, that the file was left open. A lock a living run holds is left alone and the file is still
read; nothing is made beside the file, nor left in the data folder."""

from __future__ import annotations

import sys

import pytest

from safer_desk.services.files import open_office_file
from safer_desk.storage import locking
from safer_desk.storage.locking import OfficeLock
from safer_desk.storage.store import open_store
from tests.foundation.test_locking import FakeMsvcrt
from tests.safety.helpers import run_cli
from tests.safety.test_lock_left_by_killed_s67 import _killed_holding, office  # noqa: F401 (a fixture)


def _beside(path):
    return sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("command", [["projects"], ["check"], ["office"], ["dhr-ledger"]])
def test_a_read_only_command_removes_a_lock_left_by_a_killed_window(office, private_home, command):  # noqa: F811
    pid = _killed_holding(office, private_home)
    assert _beside(office) == [office.name, office.name + ".lock"]
    run = run_cli([command[0], str(office), *command[1:]], home=private_home)
    assert run.returncode == 0, run.stderr
    assert _beside(office) == [office.name]
    assert not (private_home / "locks").exists() or not any((private_home / "locks").iterdir())
    said = run.stderr + run.stdout  # check says it among its findings, the others on stderr
    assert f"left open by Safer Desk process {pid} on " in said, said
    assert "the lock it left is removed" in said and "it is open here now" not in said


def test_a_living_holder_is_left_alone_and_the_file_still_read(office, private_home):  # noqa: F811
    lock = OfficeLock(office)
    lock.acquire()
    try:
        opened = open_office_file(office, read_only=True)
        try:
            assert opened.taken_over_note() == "" and opened.store.rows("SELECT count(*) FROM projects")
        finally:
            opened.store.close()
        assert lock.is_locked and _beside(office) == [office.name, office.name + ".lock"]
    finally:
        lock.release()
    assert _beside(office) == [office.name]


def test_a_read_only_open_makes_nothing_beside_a_file_without_a_lock(office, private_home):  # noqa: F811
    store = open_store(office, read_only=True)
    store.close()
    assert _beside(office) == [office.name]
    assert not (private_home / "locks").exists()


def test_with_windows_locks_a_lock_left_is_removed_too(office, private_home, monkeypatch):  # noqa: F811
    _killed_holding(office, private_home)
    monkeypatch.setitem(sys.modules, "msvcrt", FakeMsvcrt())
    monkeypatch.setattr(locking, "_is_windows", lambda: True)
    opened = open_office_file(office, read_only=True)
    try:
        assert "was left open by Safer Desk process" in opened.taken_over_note()
    finally:
        opened.store.close()
    assert _beside(office) == [office.name]
    # and a lock a living window holds stays, the file read all the same
    lock = OfficeLock(office)
    lock.acquire()
    try:
        again = open_office_file(office, read_only=True)
        again.store.close()
        assert lock.is_locked and _beside(office) == [office.name, office.name + ".lock"]
    finally:
        lock.release()


def test_with_windows_locks_a_lock_file_let_go_of_but_left_is_removed(office, private_home, monkeypatch):  # noqa: F811
    """Windows deletes a lock file only when nobody has it open: one a reader had open as its holder closed stays,
    marked let go of, beside the file. A look at the file removes it, as it removes one a killed run left."""
    monkeypatch.setitem(sys.modules, "msvcrt", FakeMsvcrt())
    monkeypatch.setattr(locking, "_is_windows", lambda: True)
    lock = OfficeLock(office)
    lock.acquire()
    with open(locking.lock_path(office), "rb"):  # a reader has it open: the holder's delete is refused
        monkeypatch.setattr(type(locking.lock_path(office)), "unlink", _refused_while_open)
        lock.release()
        monkeypatch.undo()
    monkeypatch.setitem(sys.modules, "msvcrt", FakeMsvcrt())
    monkeypatch.setattr(locking, "_is_windows", lambda: True)
    assert _beside(office) == [office.name, office.name + ".lock"]
    opened = open_office_file(office, read_only=True)
    try:
        assert opened.taken_over_note() == ""  # let go of properly: nobody to name
    finally:
        opened.store.close()
    assert _beside(office) == [office.name]


def _refused_while_open(self, missing_ok=False):
    raise PermissionError(13, "The process cannot access the file because it is being used by another process")


def test_where_the_disk_cannot_lock_a_look_leaves_it_to_the_next_writer(office, private_home,  # noqa: F811
                                                                       monkeypatch):
    """A disk that cannot lock (some network drives) cannot say that no writer is taking the lock over this very
    moment: a look removing it then could let a second writer in. It stays, and the file is read."""
    import errno
    import fcntl

    pid = _killed_holding(office, private_home)
    real = fcntl.flock

    def refused(fd, operation):
        if operation & fcntl.LOCK_UN:
            return real(fd, operation)
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", refused)
    opened = open_office_file(office, read_only=True)
    try:
        assert opened.taken_over_note() == ""
    finally:
        opened.store.close()
    assert _beside(office) == [office.name, office.name + ".lock"]
    assert f'"pid": {pid}' in locking.lock_path(office).read_text(encoding="utf-8")


def test_a_window_opening_it_read_only_says_so(office, private_home, window):  # noqa: F811
    pid = _killed_holding(office, private_home)
    assert window.open_path(office, read_only=True)
    said = window.statusBar().currentMessage()
    assert f"left open by Safer Desk process {pid}" in said and "the lock it left is removed" in said, said
    assert _beside(office) == [office.name]
