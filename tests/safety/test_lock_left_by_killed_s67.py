"""A Safer Desk killed with a file open (the task manager, a power cut) left its lock file beside it. The next start
took it over without a word, so an officer whose window had vanished was never told why, nor that nothing saved was
lost; and on a disk that cannot lock files (some network drives) a window still open on this computer was not
recognised at all: a second window wrote to the file beside it. Now the lock a dead run left is taken over saying so
(the window's status bar, the command's one line), a living holder is refused even where the disk cannot lock, and a
file let go of properly (Windows too, where the lock file may have to stay) is never said to have been left open."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from datetime import datetime

import pytest

from safer_desk.services.files import open_office_file
from safer_desk.storage import locking
from safer_desk.storage.locking import FileInUse, OfficeLock
from tests.safety.helpers import REPO, _child_env, run_cli

HOLD_IT_OPEN = """
import sys
from safer_desk.storage.store import open_store
store = open_store(sys.argv[1])
print("open", flush=True)
sys.stdin.read()
"""


def _killed_holding(path, home):
    """The pid of a Safer Desk run that opened path to change and was then killed (SIGKILL: nothing tidied)."""
    child = subprocess.Popen([sys.executable, "-c", HOLD_IT_OPEN, str(path)], cwd=REPO, env=_child_env(home),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "open"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    child.stdin.close()
    return child.pid


@pytest.fixture
def office(demo_master, tmp_path):
    folder = tmp_path / "Réunion du conseil"
    folder.mkdir()
    target = folder / "office copy.sqlite"
    target.write_bytes(demo_master.read_bytes())
    return target


def test_a_killed_windows_lock_is_taken_over_saying_so(office, private_home):
    pid = _killed_holding(office, private_home)
    assert office.with_name(office.name + ".lock").exists()  # what the killed run left

    opened = open_office_file(office)
    try:
        note = opened.taken_over_note()
        assert f"left open by Safer Desk process {pid} on " in note and "ended without closing it" in note, note
        assert "Every change saved before then is in the file" in note
    finally:
        opened.store.close()
    assert not office.with_name(office.name + ".lock").exists()

    again = open_office_file(office)  # closed properly this time: nothing to say
    try:
        assert again.taken_over_note() == ""
    finally:
        again.store.close()


def test_the_command_line_says_it_took_over(office, private_home, tmp_path):
    pid = _killed_holding(office, private_home)
    csv = tmp_path / "2021-01-suffolk-street.csv"
    csv.write_text("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                   "Crime type,Last outcome category,Context\n"
                   ",2021-01,Suffolk Constabulary,Suffolk Constabulary,1.1,52.0,On or near X,E01029853,Babergh 001A,"
                   "Anti-social behaviour,,\n", encoding="utf-8")
    run = run_cli(["import-police", str(office), str(csv)], home=private_home)
    assert run.returncode == 0, run.stderr
    assert f"left open by Safer Desk process {pid} on " in run.stderr, run.stderr
    assert not office.with_name(office.name + ".lock").exists()


def test_the_window_says_it_took_over(office, private_home, window):
    pid = _killed_holding(office, private_home)
    assert window.open_path(office)
    assert f"Safer Desk process {pid}" in window.statusBar().currentMessage()


# -- a disk that cannot lock files (flock refused with ENOLCK, as some network mounts refuse it) ---------------------

@pytest.fixture
def no_locks(monkeypatch):
    import fcntl

    real = fcntl.flock

    def refused(fd, operation):
        if operation & fcntl.LOCK_UN:
            return real(fd, operation)
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", refused)


def _note(lock_file, host, pid):
    lock_file.write_text(json.dumps({"host": host, "pid": pid, "since": datetime.now().isoformat(timespec="seconds"),
                                     "as": "window"}), encoding="utf-8")


def test_where_the_disk_cannot_lock_a_living_window_here_is_still_refused(tmp_path, private_home, no_locks):
    target = tmp_path / "office.sqlite"
    target.write_bytes(b"")
    living = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        _note(locking.lock_path(target), locking._host(), living.pid)
        with pytest.raises(FileInUse) as refused:
            OfficeLock(target).acquire()
        assert f"by process {living.pid}" in str(refused.value)
    finally:
        living.stdin.close()
        living.wait()
    lock = OfficeLock(target)  # its process has ended: taken over, saying by whom
    lock.acquire()
    try:
        assert lock.left_by.startswith(f"Safer Desk process {living.pid} on {locking._host()}")
    finally:
        lock.release()


def test_where_the_disk_cannot_lock_another_computers_window_is_refused_saying_why(tmp_path, private_home,
                                                                                   no_locks):
    target = tmp_path / "office.sqlite"
    target.write_bytes(b"")
    _note(locking.lock_path(target), "DESK-7-ELSEWHERE", 4120)
    with pytest.raises(FileInUse) as refused:
        OfficeLock(target).acquire()
    words = str(refused.value)
    assert "on DESK-7-ELSEWHERE" in words and "delete office.sqlite.lock" in words, words
    locking.lock_path(target).unlink()
    lock = OfficeLock(target)
    lock.acquire()
    assert lock.left_by == ""
    lock.release()


def test_where_the_disk_cannot_lock_this_process_is_still_one_writer(tmp_path, private_home, no_locks):
    target = tmp_path / "office.sqlite"
    target.write_bytes(b"")
    first = OfficeLock(target)
    first.acquire()
    with pytest.raises(FileInUse):  # not re-entrant, as where the disk locks
        OfficeLock(target).acquire()
    first.release()
    _note(locking.lock_path(target), locking._host(), os.getpid())  # an earlier process given the same number
    again = OfficeLock(target)
    again.acquire()
    try:
        assert again.left_by.startswith(f"Safer Desk process {os.getpid()} on ")
    finally:
        again.release()


# -- Windows: the lock file stays when another process has it open at release -------------------------------------

class _FakeMsvcrt:
    LK_NBLCK, LK_UNLCK = 2, 0

    @staticmethod
    def locking(fd, mode, nbytes):
        return None


def test_windows_a_file_let_go_of_properly_is_never_said_left_open(tmp_path, private_home, monkeypatch):
    monkeypatch.setattr(locking, "_is_windows", lambda: True)
    monkeypatch.setitem(sys.modules, "msvcrt", _FakeMsvcrt)
    target = tmp_path / "office.sqlite"
    lock_file = locking.lock_path(target)
    real_unlink = type(lock_file).unlink

    def refused_while_open_elsewhere(self, *args, **kwargs):
        if self == lock_file:  # Windows refuses to delete a file another process has open
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(self))
        return real_unlink(self, *args, **kwargs)

    monkeypatch.setattr(type(lock_file), "unlink", refused_while_open_elsewhere)
    first = OfficeLock(target, lock_file=lock_file)
    first.acquire()
    first.release()
    assert lock_file.exists()  # stayed: the next holder removes it
    second = OfficeLock(target, lock_file=lock_file)
    second.acquire()
    try:
        assert second.left_by == ""
    finally:
        second.release()


def test_windows_a_crashed_windows_lock_is_taken_over_saying_so(tmp_path, private_home, monkeypatch):
    monkeypatch.setattr(locking, "_is_windows", lambda: True)
    monkeypatch.setitem(sys.modules, "msvcrt", _FakeMsvcrt)
    target = tmp_path / "office.sqlite"
    lock_file = locking.lock_path(target)
    crashed = OfficeLock(target, lock_file=lock_file)
    crashed.acquire()
    os.close(crashed._fd)  # the process gone: Windows lets go of its lock and closes its files, nothing tidied
    crashed._fd = None
    taken = OfficeLock(target, lock_file=lock_file)
    taken.acquire()
    try:
        assert taken.left_by.startswith(f"Safer Desk process {os.getpid()} on ")
    finally:
        taken.release()
    assert not lock_file.exists()


def test_windows_a_lock_file_let_go_of_but_kept_is_still_tidied_later(tmp_path, private_home, monkeypatch):
    monkeypatch.setattr(locking, "_is_windows", lambda: True)
    monkeypatch.setitem(sys.modules, "msvcrt", _FakeMsvcrt)
    target = tmp_path / "never made.sqlite"  # a file a run set out to make and never did
    lock_file = locking.lock_path(target)
    real_unlink = type(lock_file).unlink
    refusing = [True]

    def refused_while_open_elsewhere(self, *args, **kwargs):
        if self == lock_file and refusing[0]:
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(self))
        return real_unlink(self, *args, **kwargs)

    monkeypatch.setattr(type(lock_file), "unlink", refused_while_open_elsewhere)
    lock = OfficeLock(target, lock_file=lock_file)
    lock.acquire()
    lock.release()
    assert lock_file.exists()
    refusing[0] = False  # the other process has let go of it
    assert locking.remove_if_stale(lock_file) and not lock_file.exists()
