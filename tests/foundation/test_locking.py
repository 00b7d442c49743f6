"""The one-writer lock: the real path, lock files that go away, and the Windows branch forced here."""

from __future__ import annotations

import fcntl
import os
import sys
import types
from pathlib import Path

import pytest

from safer_desk.storage import locking
from safer_desk.storage.locking import FileInUse, OfficeLock, lock_path
from safer_desk.storage.store import FileLocked, open_store

posix_only = pytest.mark.skipif(os.name == "nt", reason="symlinks and flock: POSIX")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".lock" in p.name)


@posix_only
def test_a_symlink_to_an_open_file_meets_the_same_lock(tmp_path):
    real = tmp_path / "office.sqlite"
    store = open_store(real, create=True)
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    try:
        with pytest.raises(FileLocked, match="already open for writing"):
            open_store(link)
    finally:
        store.close()
    assert leftovers(tmp_path) == []


@posix_only
def test_other_spellings_of_the_path_meet_the_same_lock(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    elsewhere = tmp_path / "elsewhere" / "deeper"
    elsewhere.mkdir(parents=True)
    (tmp_path / "sub" / "jump").symlink_to(elsewhere)  # sub/jump/.. is tmp_path/elsewhere, not sub
    target = tmp_path / "elsewhere" / "office.sqlite"
    store = open_store(target, create=True)
    monkeypatch.chdir(tmp_path)
    try:
        for spelling in ("sub/jump/../office.sqlite", "elsewhere/deeper/../office.sqlite",
                         "./elsewhere/office.sqlite", str(tmp_path / "sub" / ".." / "elsewhere" / "office.sqlite")):
            with pytest.raises(FileLocked):
                open_store(Path(spelling))
    finally:
        store.close()
    assert lock_path("sub/jump/../office.sqlite") == target.with_name("office.sqlite.lock").resolve()


def test_the_lock_file_goes_when_the_file_closes(tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    assert lock_path(path).exists()
    note = lock_path(path).read_text(encoding="utf-8")
    assert str(os.getpid()) in note  # who holds it, for the "in use" message
    store.close()
    assert leftovers(tmp_path) == []
    open_store(path).close()
    assert leftovers(tmp_path) == []


def test_the_in_use_message_names_the_holder(tmp_path):
    path = tmp_path / "office.sqlite"
    first = OfficeLock(path)
    first.acquire()
    try:
        with pytest.raises(FileInUse, match=rf"by process {os.getpid()} on "):
            OfficeLock(path).acquire()
    finally:
        first.release()
    assert leftovers(tmp_path) == []


def test_a_lock_file_left_by_a_killed_process_is_taken_over_and_removed(tmp_path):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    # What a killed process (or an older version) leaves: a lock file nobody holds and the old note file.
    lock_path(path).write_text('{"pid": 1, "host": "old"}', encoding="utf-8")
    (tmp_path / "office.sqlite.lock-holder").write_text("{}", encoding="utf-8")
    store = open_store(path)
    store.close()
    assert leftovers(tmp_path) == []


def test_an_empty_building_lock_does_not_stay_beside_the_demo(tmp_path):
    from safer_desk.services.demo import build_demo

    folder = tmp_path / "out"
    folder.mkdir()
    build_demo(folder / "example.sqlite")
    assert sorted(p.name for p in folder.iterdir()) == ["example.sqlite"]


@posix_only
def test_a_lock_won_on_a_file_its_holder_had_just_removed_is_not_kept(tmp_path, monkeypatch):
    """The race that makes removing lock files unsafe: we open the lock file, its holder removes it
    and unlocks, we win the lock on the removed file. The inode check must send us round again."""
    path = tmp_path / "office.sqlite"
    stale = lock_path(path)
    stale.write_text("", encoding="utf-8")
    orphan = os.open(stale, os.O_RDWR)
    stale.unlink()  # the holder removed it (it had it locked) and unlocked
    real_open = os.open
    calls = []

    def open_once_stale(name, flags, mode=0o777):
        calls.append(name)
        return orphan if len(calls) == 1 else real_open(name, flags, mode)

    monkeypatch.setattr(locking.os, "open", open_once_stale)
    lock = OfficeLock(path)
    lock.acquire()
    monkeypatch.undo()
    try:
        assert len(calls) == 2  # the orphan was locked, found removed, and given up
        assert stale.exists()
        # Someone else now finds the new lock file locked.
        with pytest.raises(FileInUse):
            OfficeLock(path).acquire()
    finally:
        lock.release()
    with pytest.raises(OSError):
        os.fstat(orphan)  # closed, not kept
    assert not stale.exists()


@posix_only
def test_the_holder_only_removes_its_own_lock_file(tmp_path):
    path = tmp_path / "office.sqlite"
    lock = OfficeLock(path)
    lock.acquire()
    # Someone removed and recreated the lock file behind our back: leave theirs alone.
    lock_path(path).unlink()
    lock_path(path).write_text("theirs", encoding="utf-8")
    lock.release()
    assert lock_path(path).read_text(encoding="utf-8") == "theirs"


# --- Windows, forced -----------------------------------------------------------------------------------

class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking over flock: one lock per open file, like Windows byte-range locks per handle."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self):
        super().__init__("msvcrt")
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        self.calls.append((mode, os.lseek(fd, 0, os.SEEK_CUR), nbytes))
        if mode == self.LK_UNLCK:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PermissionError(13, "Permission denied") from None


@pytest.fixture
def windows(monkeypatch):
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(locking, "_is_windows", lambda: True)
    return fake


def test_windows_lock_refuses_a_second_writer_and_removes_its_file(tmp_path, windows):
    path = tmp_path / "office.sqlite"
    first = OfficeLock(path)
    first.acquire()
    # The lock is one byte far past the note, so another process can read who holds it.
    assert windows.calls == [(FakeMsvcrt.LK_NBLCK, locking.WINDOWS_LOCK_OFFSET, 1)]
    with pytest.raises(FileInUse, match=rf"by process {os.getpid()}"):
        OfficeLock(path).acquire()
    first.release()
    assert windows.calls[-1] == (FakeMsvcrt.LK_UNLCK, locking.WINDOWS_LOCK_OFFSET, 1)
    assert leftovers(tmp_path) == []
    again = OfficeLock(path)
    again.acquire()
    again.release()
    assert leftovers(tmp_path) == []


def test_windows_lock_file_open_elsewhere_stays_until_the_last_holder(tmp_path, windows, monkeypatch):
    """Windows will not delete a file another process has open: the delete fails quietly, the file
    stays for the next holder, who removes it when it closes."""
    path = tmp_path / "office.sqlite"
    lock = OfficeLock(path)
    lock.acquire()
    real_unlink = Path.unlink

    def sharing_violation(self, missing_ok=False):
        raise PermissionError(32, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(Path, "unlink", sharing_violation)
    lock.release()
    monkeypatch.setattr(Path, "unlink", real_unlink)
    assert leftovers(tmp_path) == ["office.sqlite.lock"]
    nxt = OfficeLock(path)
    nxt.acquire()
    nxt.release()
    assert leftovers(tmp_path) == []


def test_windows_lock_file_being_deleted_means_in_use(tmp_path, windows, monkeypatch):
    real_open = os.open
    lock_file = lock_path(tmp_path / "office.sqlite")

    def delete_pending(path, *args, **kwargs):  # only the lock file: the folder itself takes new files
        if Path(path) == lock_file:
            raise PermissionError(13, "Access is denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(locking.os, "open", delete_pending)
    with pytest.raises(FileInUse):
        OfficeLock(tmp_path / "office.sqlite").acquire()


def test_windows_store_opens_and_closes_without_leftovers(tmp_path, windows):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    with pytest.raises(FileLocked):
        open_store(path)
    store.close()
    assert leftovers(tmp_path) == []


def test_a_copy_is_never_written_over_a_file_open_for_writing(tmp_path):
    # Save a Copy onto a colleague's file open in another Safer Desk replaced it under their window (os.replace): their
    # next save failed and the file held the other office's data. The copy takes the target's lock while it writes.
    ours = open_store(tmp_path / "ours.sqlite", create=True)
    theirs_path = tmp_path / "colleague.sqlite"
    theirs = open_store(theirs_path, create=True)  # a second lock in one process is refused as in another
    try:
        inode = theirs_path.stat().st_ino
        with pytest.raises(FileLocked, match=rf"colleague.sqlite is open for writing in another Safer Desk window "
                                             rf"\(by process {os.getpid()} on .*Only one window can change a file"):
            ours.backup_to(theirs_path)
        assert theirs_path.stat().st_ino == inode and theirs.scalar("SELECT count(*) FROM projects") == 0
        with pytest.raises(FileLocked):
            ours.backup_to(tmp_path / "ours.sqlite")  # nor over its own file
    finally:
        theirs.close()
    assert ours.backup_to(theirs_path) == theirs_path  # closed there: the copy may replace it
    ours.close()
    assert theirs_path.stat().st_ino != inode and leftovers(tmp_path) == []


# --- Another name for the same file (a hard link) ------------------------------------------------------

@posix_only
def test_a_hard_link_to_an_open_file_meets_the_same_lock(tmp_path, private_home):
    # `ln office.sqlite copy.sqlite` (or a "copy" made by a backup tool that links) names the same file twice: the
    # lock beside each name was different, so a second window wrote to the one file with its own -wal beside the other
    # name, and the file was damaged. The lock is also keyed on the file itself.
    real = tmp_path / "office.sqlite"
    store = open_store(real, create=True)
    store.close()
    store = open_store(real)
    link = tmp_path / "copy.sqlite"
    os.link(real, link)
    try:
        with pytest.raises(FileLocked, match="copy.sqlite is already open for writing.*read-only"):
            open_store(link)
    finally:
        store.close()
    assert leftovers(tmp_path) == [] and not (private_home / "locks").exists()
    open_store(link).close()  # free once closed
    assert leftovers(tmp_path) == []


def test_windows_a_hard_link_to_an_open_file_meets_the_same_lock(tmp_path, windows, private_home):
    real = tmp_path / "office.sqlite"
    open_store(real, create=True).close()
    link = tmp_path / "copy.sqlite"
    os.link(real, link)
    first = OfficeLock(real)
    first.acquire()
    try:
        with pytest.raises(FileInUse, match=rf"copy.sqlite is already open .*by process {os.getpid()}"):
            OfficeLock(link).acquire()
        assert leftovers(tmp_path) == ["office.sqlite.lock"]  # the refused one took nothing and left nothing
    finally:
        first.release()
    assert leftovers(tmp_path) == [] and not (private_home / "locks").exists()
    again = OfficeLock(link)
    again.acquire()
    again.release()
    assert leftovers(tmp_path) == []


def test_a_lock_on_the_file_itself_that_cannot_be_made_leaves_the_lock_beside_it(tmp_path, private_home):
    # A data folder that cannot be written (a locked-down profile) must not stop a file from opening: the lock beside
    # the file still keeps out a second window using the same name.
    (private_home / "locks").write_text("not a folder", encoding="utf-8")
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    store = open_store(path)
    try:
        with pytest.raises(FileLocked):
            open_store(path)
    finally:
        store.close()
    assert leftovers(tmp_path) == []


def test_a_lock_on_the_file_itself_left_by_a_killed_run_is_tidied_at_the_next_start(tmp_path, private_home):
    from safer_desk.storage.leftovers import remove_leftovers

    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    held = OfficeLock(path)
    held.acquire()
    stale = private_home / "locks" / "1f-2a.lock"  # a killed run's: nobody holds it
    stale.write_text('{"pid": 1}', encoding="utf-8")
    try:
        remove_leftovers()
        assert [p.name for p in (private_home / "locks").iterdir()] == [locking.identity_lock_path(path).name]
    finally:
        held.release()
    assert not (private_home / "locks").exists()


@pytest.mark.parametrize("start", ["new", "empty"])
def test_a_file_made_by_this_open_is_locked_by_itself_too(tmp_path, private_home, start):
    # A file the open makes (a new name, or a 0-byte file replaced on request) had no lock on the file itself for
    # that session: a hard link made to it while open let a second writer in. The new file is locked once made (the
    # replaced one by its new identity, not the 0-byte file's).
    real = tmp_path / "office.sqlite"
    if start == "empty":
        real.write_bytes(b"")
    store = open_store(real, create=True, replace_empty=True)
    link = tmp_path / "copy.sqlite"
    os.link(real, link)
    try:
        with pytest.raises(FileLocked, match="copy.sqlite is already open for writing"):
            open_store(link)
    finally:
        store.close()
    assert leftovers(tmp_path) == [] and not (private_home / "locks").exists()
    open_store(link).close()
