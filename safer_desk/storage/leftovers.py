"""Temporary files we own, a private working folder, and removing what a killed run left behind.

Every new file is first written to a temporary file beside its target, named
``.<target name>.sdtmp-<session>-<random>.part``, and moved into place only when whole. A run that is
killed (a power cut, the task manager) cannot remove its temporary file, so each run has a *session*:
a lock file ``<data folder>/work/<session>.lock`` that the run holds for as long as it lives (the
operating system lets go of it when the process dies), and a folder ``<data folder>/work/<session>/``
holding a note of every temporary file it has under way (wherever the target is) and its private
working folders. At the next start ``remove_leftovers`` looks at every session whose lock is free
(its run has ended) and removes the temporary files its notes name, the temporary folders it made in the
system's temporary folder (a `--demo` copy's), its folder, and the `work` folder once it is empty. Files of a run
that is still going (another window, a command in a script) are never touched, and nothing whose
name is not ours is ever removed.

This module writes nothing but its own notes: it is cheap enough to run before the first paint.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import stat
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from safer_desk.domain.text import LazyPattern


def _random_hex(size: int) -> str:
    """``secrets.token_hex``, which is this: the secrets module would bring in OpenSSL's hashlib (5 ms of start-up)."""
    return os.urandom(size).hex()

TEMP_MARK = "sdtmp"
# .office.sqlite.sdtmp-0123456789ab-89abcdef.part, and the files SQLite keeps beside it while writing.
TEMP_PATTERN = LazyPattern(
    rf"^\.(?P<target>.+)\.{TEMP_MARK}-(?P<session>[0-9a-f]{{12}})-(?P<random>[0-9a-f]{{8}})\.part"
    r"(?P<side>-journal|-wal|-shm)?$")
SESSION_PATTERN = LazyPattern(r"^[0-9a-f]{12}$")
SQLITE_SIDECARS = ("-journal", "-wal", "-shm")

# What earlier versions of Safer Desk left behind when killed (issue 12): ".office.sqlite.k2j4_x9a.part"
# (tempfile's eight random characters), ".x.sqlite.abcd1234.tmp" for backups, and "x.sqlite.building" for
# the example file. Recognised only in the folders scanned, only when the file is an SQLite database or
# its journal (or empty), and only when older than LEGACY_AGE_S, since no live run can own them then.
LEGACY_PATTERNS = (
    LazyPattern(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.(?:part|tmp)(?P<side>-journal|-wal|-shm)?$"),
    LazyPattern(r"^(?P<target>.+\.sqlite)\.building(?P<side>-journal|-wal|-shm)?$"),
)
# The officer's signing key and the record of a replaced one were written through tempfile.mkstemp(prefix=".key-")
# before session 67: ".key-k2j4_x9a" in the keys folder (or its replaced/), a copy of a private key when the run was
# killed. Removed when older than LEGACY_AGE_S and holding what those writes wrote (a key, a record, or nothing yet).
LEGACY_KEY_TEMP = LazyPattern(r"^\.key-[a-z0-9_]{8}$")
LEGACY_KEY_TEMP_CONTENT = (b"-----BEGIN PRIVATE KEY-----", b"A Safer Desk signing key replaced")
LEGACY_TEMP_FOLDER = LazyPattern(r"^safer-desk-export-[a-z0-9_]{8}$")  # tempfile.TemporaryDirectory's name
LEGACY_AGE_S = 600
UNKNOWN_SESSION_AGE_S = 24 * 3600  # a temporary file of a run this computer's user knows nothing of
SQLITE_HEADER = b"SQLite format 3\x00"


def work_root() -> Path:
    """Where sessions keep their locks, notes and private folders: inside the user's own data folder."""
    from safer_desk.paths import data_folder

    return data_folder() / "work"


class _Session(NamedTuple):
    """This run's own session: its folder of notes, and the lock that says the run is alive. (Not a dataclass: this
    module loads at every start, and Python 3.11 compiles a dataclass's methods as it is made, 2 M instructions.)"""
    root: Path
    id: str
    lock: object  # a storage.locking.OfficeLock held for the life of the process
    folder: Path
    pending: Path
    notes: dict[str, Path]  # temporary file -> its note


_sessions: dict[Path, _Session] = {}
_sessions_guard = threading.Lock()


def _private_folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # owner-only; on Windows the per-user data folder is private already
        os.chmod(path, stat.S_IRWXU)


def _lock_for(lock_path: Path):
    """The operating-system lock on lock_path (`<session>.lock`): the one lock of storage.locking."""
    from safer_desk.storage.locking import OfficeLock

    return OfficeLock(lock_path.with_name(lock_path.name.removesuffix(".lock")))


def _start_session(root: Path) -> _Session:
    from safer_desk.storage.locking import FileInUse

    for _ in range(5):
        _private_folder(root)
        sid = _random_hex(6)
        lock_path = root / f"{sid}.lock"
        lock = _lock_for(lock_path)
        try:
            lock.acquire()
        except FileInUse:  # pragma: no cover - a random id already in use
            continue
        except FileNotFoundError:  # another start removed the empty work folder this very moment: make it again
            continue
        if not lock_path.exists():  # a cleaner took it for a dead run's lock in the instant before we held it
            lock.release()
            continue
        folder = root / sid
        try:
            _private_folder(folder)
            pending = folder / "pending"
            pending.mkdir(exist_ok=True)
        except BaseException:  # a refusal, or a signal ending the run (SystemExit): no half-made session left
            shutil.rmtree(folder, ignore_errors=True)
            lock.release()  # removes its lock file
            with contextlib.suppress(OSError):
                root.rmdir()
            raise
        return _Session(root, sid, lock, folder, pending, {})
    raise OSError(f"could not start a working session in {root}")  # pragma: no cover


_exit_handler: list[bool] = []  # registered (once a process: a session ended and another started did it again)


def _session() -> _Session:
    root = work_root()
    with _sessions_guard:
        session = _sessions.get(root)
        if session is None or not session.folder.exists():
            if not _exit_handler:
                atexit.register(_end_sessions)
                _exit_handler.append(True)
            if session is not None:  # its folder went (a cleaner, the user): its lock goes with it, not kept open
                with contextlib.suppress(Exception):
                    session.lock.release()
            session = _sessions[root] = _start_session(root)
        return session


def current_session() -> _Session:
    """This run's working session in the current data folder (started when there is none)."""
    return _session()


def end_sessions() -> None:
    """End every working session of this process, as a normal exit does (its folder, lock and lock file go): for a
    process that moves between data folders, as the tests do (a lock left open a folder, a file a test)."""
    with _sessions_guard:
        _end_sessions()


def _end_sessions() -> None:
    """At a normal exit: a run that ends well leaves nothing in the work area (a killed one is tidied later).
    Ctrl+C while it tidies is let go by: the run is ending already, and raised here it was a traceback ("Exception
    ignored in atexit callback") after the command had said it was done, with the tidying left half-done."""
    with _ctrl_c_let_go():
        _tidy_sessions()


@contextlib.contextmanager
def _ctrl_c_let_go() -> Iterator[None]:
    import signal

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):  # not the main thread: nothing to hold back
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signal.SIGINT, previous)


def _tidy_sessions() -> None:
    for root, session in list(_sessions.items()):
        with contextlib.suppress(OSError):
            leftover_notes = [p for notes in (session.pending, session.folder / FOLDER_NOTES) if notes.exists()
                              for p in notes.iterdir()]
            if leftover_notes:
                continue  # a temporary file is still under way (a thread killed with the process): next start
            shutil.rmtree(session.folder, ignore_errors=True)
        with contextlib.suppress(Exception):
            session.lock.release()
        with contextlib.suppress(OSError):
            (root / f"{session.id}.lock").unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            root.rmdir()  # only when empty
        _sessions.pop(root, None)


def current_session_id() -> str | None:
    session = _sessions.get(work_root())
    return session.id if session else None


# -- temporary files ---------------------------------------------------------------------------

def new_temp_path(target: Path) -> Path:
    """A name for the temporary file of target, beside it, noted so a killed run's file is found later.

    The file is not created here; the caller creates it (exclusively) and calls ``forget`` once it has
    been moved into place or removed.
    """
    target = Path(target)
    try:
        session = _session()
        sid = session.id
    except OSError:  # no data folder to keep notes in: the name alone still marks the file as ours
        session, sid = None, "0" * 12
    name = target.name[:180]  # room for our suffix within the 255 characters a name may have
    while len(name.encode("utf-8")) > 180:  # and within its 255 bytes (Linux, macOS): "é" is two
        name = name[:-1]
    tmp = target.with_name(f".{name}.{TEMP_MARK}-{sid}-{_random_hex(4)}.part")
    if session is not None:
        note = session.pending / tmp.name
        try:
            note.write_text(str(tmp.absolute()), encoding="utf-8")
            session.notes[str(tmp)] = note
        except OSError:
            pass  # the note is a help for the next start, never a reason to refuse the write
    return tmp


def remove_temp(tmp: Path) -> None:
    """Remove a temporary file and what SQLite may have kept beside it, then forget it."""
    tmp = Path(tmp)
    for path in (tmp, *(tmp.with_name(tmp.name + s) for s in SQLITE_SIDECARS)):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    forget(tmp)


def forget(tmp: Path) -> None:
    """The temporary file is gone (moved into place or removed): drop its note."""
    session = _sessions.get(work_root())
    if session is None:
        return
    note = session.notes.pop(str(tmp), None)
    if note is not None:
        with contextlib.suppress(OSError):
            note.unlink(missing_ok=True)


# -- temporary folders in the system's temporary folder (a `--demo` copy's) ----------------------

FOLDER_NOTES = "folders"  # in a session's folder: one note per temporary folder the run has made
# safer-desk-demo-0123456789ab: only a folder named so, and noted by the run that made it, is ever removed
OWN_TEMP_FOLDER = LazyPattern(r"^safer-desk-[a-z]+-[0-9a-f]{12}$")


def new_temp_folder(prefix: str) -> Path:
    """A new private folder ``<system temp>/<prefix><random>``, noted in this run's session before it is made, so
    that if the run is killed (or ended by a signal before it could tidy) the next start removes it.

    prefix is ``safer-desk-<word>-``. Remove the folder with ``remove_temp_folder``."""
    parent = Path(tempfile.gettempdir())
    try:
        session = _session()
    except OSError:  # no data folder to keep notes in: the folder's name alone still marks it as ours
        session = None
    for _ in range(5):
        folder = parent / f"{prefix}{_random_hex(6)}"
        if session is not None:
            notes = session.folder / FOLDER_NOTES
            try:
                notes.mkdir(exist_ok=True)
                (notes / folder.name).write_text(str(folder.absolute()), encoding="utf-8")
            except OSError:
                pass  # the note is a help for the next start, never a reason to refuse the copy
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:  # pragma: no cover - a random name already taken
            _forget_folder(folder)
            continue
        except OSError:
            _forget_folder(folder)
            raise
        return folder
    raise FileExistsError(f"could not make a temporary folder in {parent}")  # pragma: no cover


def remove_temp_folder(folder: Path) -> None:
    """Remove a folder made by ``new_temp_folder``, then forget it (kept in the notes if it cannot go yet)."""
    shutil.rmtree(folder, ignore_errors=True)
    if not Path(folder).exists():
        _forget_folder(Path(folder))


def _forget_folder(folder: Path) -> None:
    session = _sessions.get(work_root())
    if session is not None:
        with contextlib.suppress(OSError):
            (session.folder / FOLDER_NOTES / folder.name).unlink(missing_ok=True)


def _removable_temp_folder(folder: Path) -> bool | None:
    """A noted folder of an ended run goes only when it is still ours by name and shape (files only, and a
    `backups` folder of files) and no Safer Desk has a file in it open (another window may have opened the copy):
    None for one kept only while that window has it open (asked again at a later start)."""
    from safer_desk.storage.locking import FileInUse, OfficeLock

    if not OWN_TEMP_FOLDER.match(folder.name) or folder.is_symlink() or not folder.is_dir():
        return False
    for item in folder.iterdir():
        if item.is_symlink():
            return False
        if item.is_dir():
            if item.name != "backups" or any(p.is_symlink() or not p.is_file() for p in item.iterdir()):
                return False
        elif item.suffix == ".sqlite":
            lock = OfficeLock(item)
            try:
                lock.acquire()
            except FileInUse:
                return None
            except OSError:
                return False
            lock.release()
    return True


@contextlib.contextmanager
def private_workspace(prefix: str = "work") -> Iterator[Path]:
    """A folder only this user can read, removed afterwards (and at the next start if the run is killed).

    It lives in this run's session folder inside the user's own data folder, with owner-only
    permissions, never in the shared system temporary folder. Prefer memory for anything victim-level:
    a killed run's folder survives until the next start.
    """
    try:
        parent = _session().folder
    except OSError:
        parent = None
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}-", dir=None if parent is None else str(parent)))
    with contextlib.suppress(OSError):
        os.chmod(folder, stat.S_IRWXU)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- the next start ----------------------------------------------------------------------------

class CleanUp:
    """What ``remove_leftovers`` removed (paths), for tests and the log. (A plain class, as _Session is no
    dataclass.)"""

    def __init__(self) -> None:
        self.removed: list[Path] = []
        self.sessions = 0  # ended runs whose notes were read


def _session_ended(root: Path, sid: str, cache: dict[str, bool]) -> bool:
    """True when the run of session sid has ended (its lock is free, or it has no lock file left)."""
    if sid in cache:
        return cache[sid]
    from safer_desk.storage.locking import FileInUse

    ours = _sessions.get(root)
    if ours is not None and ours.id == sid:
        cache[sid] = False
        return False
    lock_path = root / f"{sid}.lock"
    if not lock_path.exists():
        cache[sid] = True
        return True
    lock = _lock_for(lock_path)
    try:
        lock.acquire()
    except FileInUse:
        cache[sid] = False
        return False
    except OSError:
        cache[sid] = False  # cannot tell: leave it alone
        return False
    lock.release()
    cache[sid] = True
    return True


def _unlink(path: Path, result: CleanUp) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return
    except OSError:
        return
    result.removed.append(path)


def _clear_session(root: Path, sid: str, result: CleanUp) -> None:
    folder = root / sid
    pending = folder / "pending"
    if pending.is_dir():
        for note in pending.iterdir():
            try:
                tmp = Path(note.read_text(encoding="utf-8").strip())
            except (OSError, UnicodeDecodeError):
                continue
            match = TEMP_PATTERN.match(tmp.name)
            if match and match.group("session") == sid:  # only ever a file named as this run's own
                for path in (tmp, *(tmp.with_name(tmp.name + s) for s in SQLITE_SIDECARS)):
                    try:
                        there = path.exists()
                    except OSError:  # a path that cannot even be looked at (too long for the disk): never made
                        continue
                    if there:
                        _unlink(path, result)
                # The lock the run took on the file it was making, wherever that was (a copy saved to another
                # folder): gone with its temporary file when no file of that name is there and no one holds it.
                if _stale_lock(tmp.with_name(match.group("target") + ".lock")):
                    result.removed.append(tmp.with_name(match.group("target") + ".lock"))
    notes = folder / FOLDER_NOTES
    kept = False  # a noted folder another window has a file of open: its note stays for a later start
    if notes.is_dir():
        for note in notes.iterdir():
            try:
                made = Path(note.read_text(encoding="utf-8").strip())
                removable = made.name == note.name and _removable_temp_folder(made)
                if removable:
                    _unlink(made, result)
                elif removable is None:
                    kept = True
                    continue
                note.unlink(missing_ok=True)
            except (OSError, UnicodeDecodeError):
                continue
    if kept:
        shutil.rmtree(pending, ignore_errors=True)  # its temporary files are dealt with: only the kept notes stay
    elif folder.exists():
        _unlink(folder, result)
    lock_path = root / f"{sid}.lock"
    with contextlib.suppress(OSError):
        lock_path.unlink(missing_ok=True)
    result.sessions += 1


def _is_sqlite_or_empty(path: Path) -> bool:
    try:
        if path.stat().st_size == 0:
            return True
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _older_than(path: Path, now: float, seconds: float) -> bool:
    try:
        return now - path.stat().st_mtime > seconds
    except OSError:
        return False


def _legacy_leftover(path: Path, now: float) -> bool:
    for pattern in LEGACY_PATTERNS:
        match = pattern.match(path.name)
        if not match:
            continue
        try:
            old = now - path.stat().st_mtime > LEGACY_AGE_S
        except OSError:
            return False
        if not old or not path.is_file():
            return False
        return bool(match.group("side")) or _is_sqlite_or_empty(path)
    return False


def scan_folder(folder: Path, *, root: Path | None = None, cache: dict[str, bool] | None = None,
                result: CleanUp | None = None) -> CleanUp:
    """Remove our temporary files of ended runs from one folder (not its sub-folders)."""
    result = result if result is not None else CleanUp()
    cache = cache if cache is not None else {}
    root = root if root is not None else work_root()
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return result
    now = time.time()
    for path in entries:
        match = TEMP_PATTERN.match(path.name)
        if match:
            sid = match.group("session")
            if (root / f"{sid}.lock").exists() or (root / sid).exists():
                if _session_ended(root, sid, cache):
                    _unlink(path, result)
            elif _older_than(path, now, UNKNOWN_SESSION_AGE_S):
                # Not a run of this computer's user (a shared drive: another colleague's, perhaps still
                # going): only when it is a day old can it be no living run's.
                _unlink(path, result)
        elif _legacy_leftover(path, now):
            _unlink(path, result)
        elif path.name.endswith(".lock") and _stale_lock(path):
            result.removed.append(path)  # beside a file a killed run never made ("demo new.sqlite" killed)
    return result


def _stale_lock(path: Path) -> bool:
    from safer_desk.storage.locking import remove_if_stale

    return remove_if_stale(path)


def _legacy_temp_folders(result: CleanUp) -> None:
    """Old versions staged a whole unminimised export in the system temporary folder: remove those."""
    now = time.time()
    try:
        entries = list(Path(tempfile.gettempdir()).iterdir())
    except OSError:
        return
    for folder in entries:
        if not LEGACY_TEMP_FOLDER.match(folder.name) or not folder.is_dir():
            continue
        try:
            if now - folder.stat().st_mtime <= LEGACY_AGE_S:
                continue
            names = [p.name for p in folder.iterdir()]
        except OSError:
            continue
        if all(n.startswith(("export.sqlite", ".export.sqlite.")) for n in names):
            _unlink(folder, result)


def _legacy_key_temps(result: CleanUp) -> None:
    """The temporary files of the signing key that runs of earlier versions, killed, left in the keys folder."""
    from safer_desk.paths import keys_folder

    now = time.time()
    for folder in (keys_folder(), keys_folder() / "replaced"):  # exchange.signing.REPLACED_FOLDER
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            if not LEGACY_KEY_TEMP.match(path.name) or path.is_symlink() or not path.is_file():
                continue
            try:
                if now - path.stat().st_mtime <= LEGACY_AGE_S:
                    continue  # a run of an earlier version making its key this very moment, perhaps
                with path.open("rb") as fh:
                    head = fh.read(64)
            except OSError:
                continue
            if not head or head.startswith(LEGACY_KEY_TEMP_CONTENT):
                _unlink(path, result)


IDENTITY_LOCK = LazyPattern(r"^[0-9a-f]+-[0-9a-f]+\.lock$")  # storage.locking.identity_lock_path's names


def _stale_identity_locks(result: CleanUp) -> None:
    """The locks on files themselves (``<data folder>/locks/DEV-INO.lock``, storage.locking) that killed runs left:
    each taken and let go, which removes it, unless a running Safer Desk holds it."""
    from safer_desk.storage.locking import FileInUse, OfficeLock, identity_locks_folder

    folder = identity_locks_folder()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if not IDENTITY_LOCK.match(entry.name) or entry.is_symlink() or not entry.is_file():
            continue
        lock = OfficeLock(entry, lock_file=entry)
        try:
            lock.acquire()
        except (FileInUse, OSError):
            continue
        lock.release()
        result.removed.append(entry)
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty


def remove_leftovers(folders: Iterable[Path | str] = (), *, system_temp: bool = False) -> CleanUp:
    """At start: remove what ended runs left (their noted temporary files and private folders), and our
    temporary files of ended runs in the given folders (the folder of the file being opened, its backups);
    with system_temp, also what earlier versions left in the system's temporary folder."""
    result = CleanUp()
    try:
        root = work_root()
    except Exception:  # pragma: no cover - no data folder can be worked out: nothing of ours to find
        return result
    cache: dict[str, bool] = {}
    if root.is_dir():
        try:
            entries = list(root.iterdir())
        except OSError:
            entries = []
        sids = {p.stem for p in entries if p.suffix == ".lock" and SESSION_PATTERN.match(p.stem)}
        sids |= {p.name for p in entries if p.is_dir() and SESSION_PATTERN.match(p.name)}
        for sid in sorted(sids):
            if _session_ended(root, sid, cache):
                _clear_session(root, sid, result)
        with contextlib.suppress(OSError):
            root.rmdir()  # only when empty: what killed runs left was all it held (a new session makes it again)
    _stale_identity_locks(result)
    _legacy_key_temps(result)
    for folder in folders:
        scan_folder(Path(folder), root=root, cache=cache, result=result)
    if system_temp:
        _legacy_temp_folders(result)
    return result
