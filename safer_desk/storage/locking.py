"""One writer per file: an operating-system lock on a small `.lock` file beside it (Windows too).

The lock is taken on the file's resolved real path, so a symlink or another spelling of the path
(`sub/../office.sqlite`) meets the same lock. The operating system releases it when the process
dies, so a crash never leaves a file locked for ever. The lock file holds a note of who has it
(host, process, since when) for the "in use" message.

The lock file is removed when the file closes, in a way that never lets two writers in:

- POSIX (`flock`): the holder removes the lock file *while still holding it*, then unlocks. A
  process that opened the old file just before and then wins the lock on it sees that the path
  no longer names the file it locked (inode check after locking) and starts again. This is the
  usual "lock, check the inode, unlink before unlock" scheme; filelock leaves the file in place
  instead because its waiters share the inode. (A Safer Desk older than this scheme, racing at
  the same microsecond, could lock a removed file: the versions are not meant to share a file.)
- Windows (`msvcrt.locking`): the holder unlocks, closes, then deletes the file. Windows refuses
  to delete a file another process has open, so the delete only happens when nobody can be
  holding or waiting on it; otherwise the next holder removes it when it closes.

A lock file left by a killed process (POSIX) or by a process that crashed (Windows) is taken over
by the next opener and removed when it closes.

The lock notes which file its path named when it was taken (device and inode), so a change can be refused in words
when the path no longer names it (``check_still_there``): the file moved, renamed, deleted or replaced by another copy
under the open window, or its drive gone. SQLite sees that only until the file's first save switches it to WAL; after
that its saves went into a file no longer on disk, and were lost when the window closed.

A file that is there already is also locked by what it *is* (its device and inode numbers, which Windows gives
too): a second lock file, `locks/DEV-INO.lock` in the user's data folder, taken the same way. Another name for the
same file (a hard link, the folder mounted twice) has another lock file beside it, so without this a second window
could write to the one file through the other name, each with its own `-wal`. Being in the data folder, it keeps
apart the windows of one user on one computer; if it cannot be made there (a locked-down profile) the lock beside
the file still stands alone.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime
from pathlib import Path

LOCK_SUFFIX = ".lock"
LEGACY_HOLDER_SUFFIX = ".lock-holder"  # versions before 0.1.1 wrote the holder note to a second file
# Windows locks one byte far past the note, so other processes can still read the note.
WINDOWS_LOCK_OFFSET = 1 << 20
_ATTEMPTS = 5
# The cause in words of a write refused because the path no longer names the file opened (safe_write.cause_of).
FILE_MOVED = ("it is no longer where it was opened (moved, renamed or deleted, replaced by another copy, or its drive "
              "disconnected): put it back where it was, or connect its drive again, and try again")


class FileInUse(Exception):
    """``holder``: who has the lock, as the message says it (" (by process 4120 on DESK-7 since …)"), or "";
    ``who``: what holds it, "another Safer Desk window" or "another Safer Desk command (safer-desk merge)";
    ``command``: whether that is a command (which ends by itself: wait for it) rather than a window."""

    def __init__(self, message: str, holder: str = "", who: str = "another Safer Desk window",
                 command: bool = False):
        super().__init__(message)
        self.holder = holder
        self.who = who
        self.command = command

    @property
    def what_to_do(self) -> str:
        """"wait for it to end" (a command) or "close it there first" (a window)."""
        return "wait for it to end" if self.command else "close it there first"


# What this process is, written in the note of every lock it takes: the window (unless told otherwise) or a
# command-line run, named ("safer-desk merge"). Another process refused the file says which: a county team's
# script holding the file is not "another window" to go and close.
_HOLDER = {"as": "window"}


def hold_as_command(name: str | None) -> dict[str, str]:
    """This process is the command-line run `name` ("safer-desk import-police"), or (None) a window: its locks say
    so from now on. Returns what they said before (``hold_as_before`` puts it back)."""
    before = dict(_HOLDER)
    _HOLDER.clear()
    _HOLDER.update({"as": "command", "command": name} if name else {"as": "window"})
    return before


def hold_as_before(before: dict[str, str]) -> None:
    _HOLDER.clear()
    _HOLDER.update(before)


class FileMoved(OSError):
    """The path of an open file no longer names the file that was opened; ``str()`` and ``strerror`` say so."""

    describes_itself = True  # safe_write.cause_of keeps its words

    def __init__(self, path: Path | str):
        super().__init__(errno.EIO, FILE_MOVED, str(path))

    def __str__(self) -> str:
        return f"{Path(self.filename).name} {FILE_MOVED.removeprefix('it ')}."


class LockFileBlocked(OSError):
    """The lock file's name is taken by a folder or a link (a stale copy, another program): said naming it, with what
    to do, not as the file's own fault ("o.sqlite could not be written to .: there is a folder of that name")."""

    describes_itself = True  # safe_write.cause_of keeps its words

    def __init__(self, lock_file: Path, what: str):
        super().__init__(errno.EEXIST, f"{lock_file.name} beside it is {what}, not the lock file Safer Desk keeps "
                                       f"there: remove or rename it (it holds nothing of the file's), then try again",
                         str(lock_file))


def _file_id(path: Path | str) -> tuple[int, int] | None:
    """The device and inode numbers of the file at path: None when there is none (or no such numbers)."""
    try:
        info = os.stat(real_path(path))
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode) or not info.st_ino:
        return None
    return info.st_dev, info.st_ino


def real_path(path: Path | str) -> Path:
    """The file's real location: symlinks followed, `..` and `.` gone, absolute."""
    return Path(os.path.realpath(Path(path).expanduser()))


def lock_path(path: Path | str) -> Path:
    """Where the lock of a Safer Desk file lives: beside its real path, named FILE.lock."""
    real = real_path(path)
    return real.with_name(real.name + LOCK_SUFFIX)


def identity_lock_path(path: Path | str) -> Path | None:
    """The lock keyed on the file itself, met by every name it has: None for a file not there yet (or not a
    file), or on a file system that gives no identity (inode 0)."""
    found = _file_id(path)
    if found is None:
        return None
    device, inode = found
    return identity_locks_folder() / f"{device:x}-{inode:x}{LOCK_SUFFIX}"


def identity_locks_folder() -> Path:
    """Where the locks on files themselves are kept: the user's own data folder (made when first needed, removed
    when empty; what a killed run left there is tidied at the next start, ``leftovers.remove_leftovers``)."""
    from safer_desk.paths import data_folder

    return data_folder() / "locks"


def _is_windows() -> bool:
    return os.name == "nt"


def _host() -> str:
    """This computer's name, without importing socket (start-up)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")


def _holder_note() -> bytes:
    return json.dumps({"host": _host(), "pid": os.getpid(), "since": datetime.now().isoformat(timespec="seconds"),
                       **_HOLDER}).encode("utf-8")


def _describe(note: bytes) -> str:
    try:
        info = json.loads(note.decode("utf-8"))
        if "released" in info:  # let go of (``_mark_released``): naming nobody
            return ""
        since = info.get("since")
        return f" (by process {info.get('pid')} on {info.get('host')}{f' since {_when(since)}' if since else ''})"
    except (ValueError, AttributeError, TypeError):
        return ""


def _json_object(note: bytes) -> dict:
    try:
        info = json.loads(note.decode("utf-8"))
    except ValueError:
        return {}
    return info if isinstance(info, dict) else {}


def _note_of(note: bytes) -> dict:
    """The note of a lock's holder as written by ``_holder_note``, or {} when it is not one."""
    info = _json_object(note)
    return info if "pid" in info else {}


def _holder_words(note: bytes) -> str:
    """The holder a note names, in words: "Safer Desk process 4120 on DESK-7, since 09:05 on 04/12/2026", or ""."""
    info = _note_of(note)
    if not info:
        return ""
    since = info.get("since")
    return f"Safer Desk process {info.get('pid')} on {info.get('host')}{f', since {_when(since)}' if since else ''}"


# The lock files this process holds (where the disk cannot lock, a note naming this process is alive only if so).
_HELD_HERE: set[str] = set()


def _alive_here(info: dict, lock_file: Path) -> bool | None:
    """Whether the process a note names is running: True or False for one on this computer (POSIX), None when that
    cannot be told (another computer's, a note without a number, Windows)."""
    pid = info.get("pid")
    if _is_windows() or info.get("host") != _host() or not isinstance(pid, int) or pid <= 0:
        return None
    if pid == os.getpid():  # this process: holding it (the lock is not re-entrant), or an earlier one of that number
        return str(lock_file) in _HELD_HERE
    try:
        os.kill(pid, 0)  # signal 0: asks only whether the process is there
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, but another user's
    return True


def _command_of(note: bytes) -> str:
    """The command-line run holding a lock ("safer-desk merge"), "" for a window (or an older version's note,
    which did not tell them apart)."""
    try:
        info = json.loads(note.decode("utf-8"))
        return str(info.get("command") or "safer-desk") if info.get("as") == "command" else ""
    except (ValueError, AttributeError):
        return ""


def _when(stamp: object) -> str:
    """The note's moment as the program writes times and dates ("09:05 on 04/12/2026"); as it stands if odd."""
    try:
        moment = datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp)
    return f"{moment:%H:%M} on {moment:%d/%m/%Y}"


def _read_note(fd: int) -> bytes:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 4096)
    except OSError:
        return b""


def remove_if_stale(lock_file: Path) -> bool:
    """Remove a lock file left beside a file that is not there (a run killed while making it: `safer-desk demo
    new.sqlite`), when no one holds it; True when removed. Only a lock holding Safer Desk's note of its holder
    (nothing whose content is not ours), never one a living run holds (taking it is how that is known)."""
    if not lock_file.name.endswith(LOCK_SUFFIX) or len(lock_file.name) == len(LOCK_SUFFIX):
        return False
    target = lock_file.with_name(lock_file.name[: -len(LOCK_SUFFIX)])
    try:
        info = lock_file.lstat()
        if os.path.lexists(target) or not stat.S_ISREG(info.st_mode) or info.st_size > 4096:
            return False
        note = lock_file.read_bytes()
        if not _describe(note) and "released" not in _json_object(note):
            return False
    except OSError:
        return False
    lock = OfficeLock(target)
    try:
        lock.acquire()
    except (FileInUse, OSError):
        return False
    lock.release()  # removes the lock file as every release does
    return not os.path.lexists(lock_file)


def remove_lock_left(path: Path | str) -> str:
    """For a look at the file (read-only): the lock a Safer Desk run that ended without letting go left beside it
    (killed, a power cut) taken and let go of at once, which removes it (and its lock on the file itself in the data
    folder); who had left it, in words ("Safer Desk process 4120 on DESK-7, since …"), or "" when there was none.

    Only when the operating system says no one holds it: a holder's lock goes with its process (POSIX and Windows). On
    a disk that cannot lock nothing can say no writer is taking it over this very moment, so it is left for the next
    writer. A lock a living run holds, or a lock file that is not Safer Desk's note, is left as it is; nothing is made
    when there is none. A lock
    file let go of that Windows would not delete then (someone had it open) goes the same way, naming nobody."""
    lock_file = lock_path(path)
    try:
        info = lock_file.lstat()
        note = lock_file.read_bytes() if stat.S_ISREG(info.st_mode) and info.st_size <= 4096 else b""
        if not _holder_words(note) and "released" not in _json_object(note):
            return ""  # not Safer Desk's note (nor one let go of whose delete Windows refused): not ours to remove
    except OSError:
        return ""
    if not _is_windows() and not _disk_locks(lock_file):
        return ""  # no lock says nobody is taking it this very moment: a writer's own takeover, not a reader's
    lock = OfficeLock(Path(path))
    try:
        lock.acquire()
    except (FileInUse, OSError):
        return ""
    left = lock.left_by
    lock.release()
    return left


def _disk_locks(lock_file: Path) -> bool:
    """POSIX: whether the disk takes a lock on the lock file (which is there), tried and let go of at once; False too
    when someone holds it."""
    import fcntl

    try:
        fd = os.open(lock_file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


class OfficeLock:
    """Exclusive lock for writing one Safer Desk file (not re-entrant: a second lock in the same
    process is refused, exactly like one in another process)."""

    def __init__(self, path: Path, *, lock_file: Path | None = None):
        """lock_file: a lock file of the caller's choosing, taken alone; by default FILE.lock beside the file's real
        path, and the lock on the file itself (module docstring)."""
        self.path = Path(path)
        self.lock_file = lock_file or lock_path(self.path)
        self._by_identity = lock_file is None
        self._fd: int | None = None
        self._identity: OfficeLock | None = None
        self._opened: tuple[int, int] | None = None  # the file the path named when the lock was taken
        # Who held the lock before and ended without letting go of it ("Safer Desk process 4120 on DESK-7, since
        # 09:05 on 04/12/2026"), found when it was taken; "" when the file was let go of properly.
        self.left_by = ""

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    @classmethod
    def held_by(cls, path: Path | str, *, beside_only: bool = False) -> FileInUse | None:
        """Who holds the file at path open for writing, another window or command (this process's own lock on it
        too: it is not re-entrant): the FileInUse a lock taken now is refused with (its ``holder``, ``who``,
        ``command``), or None when nobody does. Asked by taking the lock and letting go of it at once, which tidies
        a lock a killed run left. OSError when it cannot be told (a folder that refuses the lock file): what that
        means is the caller's to say (a copy refuses in its own words, a backup is kept, an example left alone).

        beside_only: ask only the lock file beside it, and only when it is there (a backup: the usual one has none,
        and none is made beside it to ask)."""
        path = Path(path)
        if beside_only:
            lock_file = lock_path(path)
            if not lock_file.exists():
                return None
            lock = cls(path, lock_file=lock_file)
        else:
            lock = cls(path)
        try:
            lock.acquire()
        except FileInUse as exc:
            return exc
        lock.release()
        return None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        self._fd = self._acquire_windows() if _is_windows() else self._acquire_posix()
        # A note still there was left by a holder that ended without letting go (killed, a power cut): every release
        # removes the lock file, or empties it where it cannot (Windows, another process having it open).
        self.left_by = _holder_words(_read_note(self._fd))
        try:
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, _holder_note())
        except OSError:
            pass  # the note of who holds the lock is a courtesy; the lock itself is what counts
        self._opened = _file_id(self.path)
        try:
            self._identity = self._hold_identity()
        except BaseException:
            self.release()
            raise

    def check_still_there(self) -> None:
        """Raise FileMoved when the path no longer names the file it named when the lock was taken (or made by this
        lock's holder): a change written now would go to a file that is not there, or not the one at that name.
        Nothing to check for a file with no inode numbers (some network drives), or not there when locked."""
        if self._fd is not None and self._opened is not None and _file_id(self.path) != self._opened:
            raise FileMoved(self.path)

    def lock_the_file_itself(self) -> None:
        """After this lock's holder made the file (a new name, or a 0-byte file replaced): the lock on the file as
        it now is, in place of any on what was there before (its replacement is another file)."""
        if self._fd is None:
            return
        self._opened = _file_id(self.path)
        if not self._by_identity:
            return
        where = identity_lock_path(self.path)
        if self._identity is not None and self._identity.lock_file == where:
            return
        self._release_identity()
        self._identity = self._hold_identity()

    def _hold_identity(self) -> OfficeLock | None:
        """The lock on the file itself (beside the path's own: a hard link is refused as the same name is)."""
        where = identity_lock_path(self.path) if self._by_identity else None
        if where is None:
            return None
        lock = OfficeLock(self.path, lock_file=where)
        for _ in range(_ATTEMPTS):
            try:
                where.parent.mkdir(parents=True, exist_ok=True)
                lock.acquire()
            except FileNotFoundError:
                continue  # another Safer Desk removed the empty folder this very moment: make it again
            except OSError:
                return None  # no lock can be made there: the lock beside the file still keeps out the same name
            return lock
        return None

    def _release_identity(self) -> None:
        identity, self._identity = self._identity, None
        if identity is not None:
            identity.release()
            try:
                identity.lock_file.parent.rmdir()  # only when empty: no other file of this user's is open
            except OSError:
                pass

    def release(self) -> None:
        self._release_identity()
        self._opened = None
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if _is_windows():
            self._release_windows(fd)
        else:
            self._release_posix(fd)
        legacy = self.lock_file.with_name(self.lock_file.name[: -len(LOCK_SUFFIX)] + LEGACY_HOLDER_SUFFIX)
        try:
            legacy.unlink(missing_ok=True)
        except OSError:
            pass

    def _in_use(self, note: bytes) -> FileInUse:
        holder, command = _describe(note), _command_of(note)
        if command:
            return FileInUse(f"{self.path.name} is being written by another Safer Desk command ({command}){holder}, "
                             "which lets go of it when it ends. It can be opened read-only.", holder,
                             f"another Safer Desk command ({command})", True)
        return FileInUse(f"{self.path.name} is already open for writing in another Safer Desk window{holder}. It can "
                         "be opened read-only.", holder)

    # -- POSIX: flock, inode check, unlink before unlock --------------------------------------------
    def _acquire_posix(self) -> int:
        import fcntl

        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        for _ in range(_ATTEMPTS):
            try:
                fd = os.open(self.lock_file, flags, 0o644)
            except OSError as exc:
                if exc.errno in (errno.EISDIR, errno.ELOOP):
                    raise LockFileBlocked(self.lock_file, "a folder" if exc.errno == errno.EISDIR
                                          else "a link (a shortcut)") from None
                raise
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                    note = _read_note(fd)
                    os.close(fd)
                    raise self._in_use(note) from None
                if exc.errno in (errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOLCK):
                    # A file system without locks (some network mounts): the operating system cannot say whether
                    # the holder is alive, so its note is asked (a living holder's is there until it closes).
                    self._refuse_unless_holder_ended(fd)
                    _HELD_HERE.add(str(self.lock_file))
                    return fd
                os.close(fd)
                raise
            if _same_file(fd, self.lock_file):
                return fd
            os.close(fd)  # its holder removed it while we were waiting for it: take the new one
        raise self._in_use(b"")

    def _refuse_unless_holder_ended(self, fd: int) -> None:
        """Where no lock can be taken: refuse the file while the note beside it names a holder that may be running
        (closing fd): one on this computer whose process is there, or one on another computer, which this one cannot
        look at. A note naming a process of this computer that is gone is taken over (``left_by`` says so)."""
        note = _read_note(fd)
        info = _note_of(note)
        alive = _alive_here(info, self.lock_file) if info else False
        if alive is False:
            return
        os.close(fd)
        if alive:
            raise self._in_use(note)
        refused = self._in_use(note)
        raise FileInUse(f"{refused} This disk cannot lock files, so Safer Desk cannot tell whether it is still "
                        f"running there: if it is not (that computer was switched off, or Safer Desk ended without "
                        f"closing the file), delete {self.lock_file.name} beside the file and open it again.",
                        refused.holder, refused.who, refused.command)

    def _release_posix(self, fd: int) -> None:
        import fcntl

        _HELD_HERE.discard(str(self.lock_file))
        _mark_released(fd)  # were the removal refused, what stays names no holder that ended without letting go
        try:
            if _same_file(fd, self.lock_file):
                self.lock_file.unlink()
        except OSError:
            pass
        finally:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            except OSError:
                pass
            os.close(fd)

    # -- Windows: a byte-range lock; delete after close, which Windows refuses while others have it open
    def _acquire_windows(self) -> int:
        import msvcrt

        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
        try:
            fd = os.open(self.lock_file, flags, 0o644)
        except PermissionError:
            # Windows says "access denied" both for a lock file its last holder is deleting this very moment and
            # for a folder whose permissions refuse new files (os.access cannot tell: it never reads ACLs).
            if self._folder_takes_new_files():
                raise self._in_use(b"") from None
            raise self._folder_refused() from None
        try:
            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            note = _read_note(fd)
            os.close(fd)
            raise self._in_use(note) from None
        return fd

    def _folder_takes_new_files(self) -> bool:
        """Whether the lock file's folder lets this user make a file: one with a name nobody else uses, made and
        removed at once."""
        probe = self.lock_file.with_name(f".{self.lock_file.name}.probe-{os.urandom(4).hex()}")
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_TEMPORARY", 0)
        try:
            fd = os.open(probe, flags, 0o600)
        except PermissionError:
            return False
        except OSError:
            return True  # another reason (a name taken, say): not the folder's permissions
        os.close(fd)
        try:
            probe.unlink(missing_ok=True)  # O_TEMPORARY has removed it on Windows already
        except OSError:
            pass
        return True

    def _folder_refused(self) -> PermissionError:
        """The folder refuses new files: said as the store says it when it can see so itself (a FileReadOnly for
        a file that exists, offered read-only; a FolderNotWritable for a new one), and still a PermissionError for
        callers that only ask whether the lock could be made (working sessions, demo copies)."""
        from safer_desk.storage.store import (DiskRefusedReadOnly, FolderRefusedNotWritable, FolderRefusedReadOnly,
                                              disk_refuses_file, folder_refuses_file, folder_refuses_new_file,
                                              on_read_only_disk)

        if self.path.exists() and on_read_only_disk(self.path):  # a write-protected stick: no access to ask for
            return DiskRefusedReadOnly(errno.EROFS, disk_refuses_file(self.path), str(self.lock_file))
        if self.path.exists():
            return FolderRefusedReadOnly(errno.EACCES, folder_refuses_file(self.path), str(self.lock_file))
        return FolderRefusedNotWritable(errno.EACCES, folder_refuses_new_file(self.path), str(self.lock_file))

    def _release_windows(self, fd: int) -> None:
        import msvcrt

        # Marked while still held: if the delete below is refused (another process has the file open), what stays
        # is no note of a holder that ended without letting go (``left_by``).
        _mark_released(fd)
        try:
            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        finally:
            os.close(fd)
        try:
            self.lock_file.unlink()
        except OSError:
            pass  # another process has it open (it is taking the lock): it removes the file when it closes


def _mark_released(fd: int) -> None:
    """The holder's note replaced by one saying the lock was let go of: still Safer Desk's (a lock file that stays
    beside no file is tidied at a later start, ``remove_if_stale``), naming no holder that ended without letting go."""
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps({"released": datetime.now().isoformat(timespec="seconds")}).encode("utf-8"))
    except OSError:
        pass


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)
