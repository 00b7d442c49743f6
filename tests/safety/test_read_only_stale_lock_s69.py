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
