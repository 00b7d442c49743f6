"""Writing a new file so that it is either whole and on disk, or not there at all, and saying why not.

``atomic_path`` hands out a temporary file beside the target (named as ours: see ``leftovers``);
when the caller has written it, it is flushed to the disk (fsync), moved over the target in one
step (``os.replace``) and the folder is flushed too. Any failure removes the temporary file and
leaves the old target exactly as it was. An ``OSError`` or an SQLite "disk full" / "cannot open"
on the way becomes ``WriteFailed``: an ``OSError`` whose message names the file and the cause
(the disk is full, permission denied, the folder does not exist) in words for the person who chose
the file, so the window shows it and the command line prints it on one line and exits 1.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
from pathlib import Path
from typing import Callable, Iterable, Iterator

from safer_desk import faults
from safer_desk.domain.text import name_windows_refuses
from safer_desk.storage import leftovers
from safer_desk.storage.locking import FILE_MOVED

CHUNK = 1 << 20
ON_WINDOWS = os.name == "nt"
# Windows: a file just written is often opened for a moment by an antivirus scanner, the search indexer or a sync
# tool (OneDrive), and moving it into place is refused ("access denied", a sharing violation) until they let go; a
# refusal that outlasts these waits (1.55 s in all) stands: the file is open in another program (Excel).
WINDOWS_REPLACE_WAITS = (0.05, 0.1, 0.2, 0.4, 0.8)

_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EACCES: "permission denied (you cannot write there, or the file is open in another program)",
    errno.EPERM: "permission denied (you cannot write there, or the file is open in another program)",
    errno.EROFS: "the disk is read-only",
    errno.EBUSY: "another program was using the file (a colleague's report or export of it, a backup or a sync "
                 "tool) for longer than Safer Desk waits; wait a moment and do it again",
    errno.ENOENT: "the file or its folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EISDIR: "there is a folder of that name",
    errno.ENAMETOOLONG: "the name or path is too long: use a folder nearer the top of the drive, or a shorter name",
    errno.EIO: "the disk reported an input/output error",
    errno.EFBIG: "the file is too large for that disk",
}
_SQLITE_ERRNO = {"SQLITE_FULL": errno.ENOSPC, "SQLITE_READONLY": errno.EACCES, "SQLITE_PERM": errno.EACCES,
                 "SQLITE_CANTOPEN": errno.EACCES, "SQLITE_BUSY": errno.EBUSY}


def _sqlite_errno(name: str) -> int | None:
    """The errno of an SQLite error name, by its primary code where SQLite names an extended one: a folder made
    read-only while its file is open is SQLITE_READONLY_DIRECTORY (or _CANTINIT, _CANTLOCK), a refused write like
    SQLITE_READONLY itself."""
    return _SQLITE_ERRNO.get(name, _SQLITE_ERRNO.get("_".join(name.split("_")[:2])))


def folder_problem(target: Path | str) -> str | None:
    """Why target's folder cannot take a new file, in words ("does not exist", "is a file, not a folder"), or
    None when it is a folder. A write never makes a missing folder: a mistyped one is refused, as any program
    refuses it, rather than made with the user's file in it where nobody looks."""
    folder = Path(target).parent
    if _looks(folder.is_dir):
        return None
    return "is a file, not a folder" if _looks(folder.exists) else "does not exist"


def full_folder(target: Path | str) -> str:
    """The folder of target by its full path, as a message names it: a file named from the current folder
    ("papers/o.sqlite", or no folder at all) is said where it is, never "papers" or "." that a script's reader
    cannot place."""
    folder = Path(target).parent
    try:
        return os.path.abspath(folder)
    except OSError:  # the current folder itself removed: what was given is all there is to say
        return str(folder)


def folder_said(target: Path | str) -> str:
    """Where target was to go, as the person knows it: "the current folder (C:\\Users\\…)" for a file named
    without a folder ("o.sqlite could not be written to .: …" named a folder nobody typed), else its full path."""
    if str(Path(target).parent) == ".":
        return f"the current folder ({full_folder(target)})"
    return full_folder(target)


def _looks(probe: Callable[[], bool]) -> bool:
    """A look at a path (``Path.is_file`` …) that answers False where the look itself fails (a name or path too long
    for the disk, a folder that cannot be looked in), as a path that is not there: the words of a failure must never
    be lost to a second failure while they are written."""
    try:
        return probe()
    except OSError:
        return False


class WriteFailed(OSError):
    """A file could not be written; ``str()`` is the whole message, ``strerror`` the cause in words."""

    def __init__(self, code: int | None, cause: str, path: Path | str, *, what: str = "", happened: str = ""):
        if code in (errno.ENOENT, errno.ENOTDIR) and (problem := folder_problem(path)):
            cause = f"the folder {full_folder(path)} {problem}"  # named: the cause may be all that is said of it
        # what happened, for a record read later (History): the cause without the advice it gives now
        self.happened = happened or cause
        super().__init__(code or errno.EIO, cause, str(path))
        name = Path(path).name or str(path)
        # A write goes to a temporary file first, so what is at path now is what was there before: named only when
        # there is one (a backup's name just made up has no earlier file).
        earlier = f" (the earlier {name} is as it was)" if _looks(Path(path).is_file) else ""
        self.message = (f"{what or name} could not be written to {folder_said(path)}: {cause}. "
                        f"Nothing was changed{earlier}.")

    def __str__(self) -> str:
        return self.message


def cause_of(exc: BaseException) -> tuple[int | None, str]:
    """The errno and the cause in words of an OSError or an SQLite error raised while writing."""
    if isinstance(exc, WriteFailed) or getattr(exc, "describes_itself", False):
        return exc.errno, exc.strerror
    if isinstance(exc, OSError):
        code = exc.errno
        if code is None and getattr(exc, "winerror", None) in (39, 112):  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
            code = errno.ENOSPC
        if getattr(exc, "winerror", None) == 206:  # ERROR_FILENAME_EXCED_RANGE: over 260 characters, raised as ENOENT
            code = errno.ENAMETOOLONG
        return code, _CAUSES.get(code, exc.strerror or str(exc))
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name == "SQLITE_IOERR_SHORT_READ":  # a read, not a write: a file (or the journal beside it) cut short
            return errno.EIO, ("part of the file could not be read (it, or its journal beside it, is shorter than it "
                               "should be)")
        if name == "SQLITE_READONLY_DBMOVED":  # the file renamed, deleted or replaced under its connection
            return errno.EIO, FILE_MOVED
        if name.startswith("SQLITE_IOERR"):
            # SQLite reports a failed write (ENOSPC among others) as an I/O error on some paths.
            return errno.EIO, "the disk reported an error while writing (it may be full)"
        code = _sqlite_errno(name)
        if code is None and "disk is full" in str(exc):
            code = errno.ENOSPC
        return code, _CAUSES.get(code, str(exc)) if code else str(exc)
    return None, str(exc)


def is_write_error(exc: BaseException) -> bool:
    """An error that means the disk or the folder refused a write (as opposed to a bug or bad data)."""
    if isinstance(exc, OSError):
        return True
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        return (_sqlite_errno(name) is not None or name.startswith("SQLITE_IOERR") or "disk is full" in str(exc))
    return False


def write_failed(exc: BaseException, path: Path | str, *, what: str = "") -> WriteFailed:
    if isinstance(exc, WriteFailed):
        return exc
    code, cause = cause_of(exc)
    return WriteFailed(code, cause, path, what=what)


def fsync_file(path: Path) -> None:
    """Make sure what was written to path is on the disk, not only in the system's cache."""
    fd = os.open(str(path), os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in folder durable (POSIX; Windows has no handle on a folder to flush)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(str(folder), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot flush a folder; the file itself is already on disk
    finally:
        os.close(fd)


def replace_into_place(tmp: Path | str, target: Path | str) -> None:
    """``os.replace(tmp, target)``, tried again for a moment on Windows while another program briefly has either
    file open (``WINDOWS_REPLACE_WAITS``)."""
    import time

    waits = iter(WINDOWS_REPLACE_WAITS if ON_WINDOWS else ())
    while True:
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            wait = next(waits, None)
            if wait is None:
                raise
            time.sleep(wait)


def refuse_new_name_windows_refuses(target: Path | str, *, what: str = "") -> None:
    """``WriteFailed`` before anything is made for a new file whose name Windows refuses (``name_windows_refuses``):
    on Linux it was written, and then could not be copied to, or opened on, the office's Windows computers. A file
    already there under such a name is replaced as before (it was made elsewhere)."""
    target = Path(target)
    why = name_windows_refuses(target.name)
    if why and not _looks(target.exists):
        raise WriteFailed(errno.EINVAL, f"its name {why}; give it another name", target, what=what)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o644


@contextlib.contextmanager
def atomic_path(target: Path | str, *, label: str | None = None, private: bool = False,
                what: str = "", before_replace: Callable[[], None] | None = None,
                name_checked: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside target; on success it replaces target, on failure it is removed.

    label names the fault boundaries passed (``f"{label}:temp-written"`` and so on; see ``faults``).
    private keeps the owner-only permission of the temporary file (a data file, a backup); otherwise the
    file gets the mode the old target had, or an ordinary new file's. ``before_replace`` runs once the file is
    whole on the disk, just before it is moved into place (an export records its number there); if it fails,
    nothing is moved and the temporary file goes. A new file's name is first checked as Windows takes names
    (``refuse_new_name_windows_refuses``), unless ``name_checked`` is False: a name made from a file already there
    (its backup), which was taken as it is.
    """
    target = Path(target)
    if name_checked:
        refuse_new_name_windows_refuses(target, what=what)
    tmp = leftovers.new_temp_path(target)
    try:
        fd = os.open(str(tmp), os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
        os.close(fd)
    except OSError as exc:
        # Not made: its note goes too (the next start looked for it, and a path too long to look at refused every
        # file it opened).
        leftovers.forget(tmp)
        raise write_failed(exc, target, what=what) from exc
    try:
        yield tmp
        if label:
            faults.boundary(f"{label}:temp-written")
        fsync_file(tmp)
        # The mode the old target had (or a new file's) is given once the file is in place, not before: until then
        # it stays owner-only, so that a run killed before the move (an export with individual referrals, whole
        # and flushed) leaves a copy no one else can read until the next start removes it.
        mode = None if private else _mode_for(target)
        if before_replace is not None:
            before_replace()
        if label:
            faults.boundary(f"{label}:before-replace")
        try:
            replace_into_place(tmp, target)
        except PermissionError as exc:
            if not _looks(target.is_file):
                raise
            # The temporary file was made in the folder, so the folder takes new files: Windows refuses to replace
            # a file another program holds open (Excel, a PDF reader) or one marked read-only.
            raise WriteFailed(exc.errno, f"{target.name} is open in another program, such as Excel (or is marked "
                              "read-only): close it there and try again", target, what=what,
                              happened=f"{target.name} was open in another program, such as Excel, or marked "
                                       "read-only") from exc
        if mode is not None:
            with contextlib.suppress(OSError):  # in place already: left owner-only rather than failed
                os.chmod(target, mode)
        leftovers.forget(tmp)
        fsync_folder(target.parent)
        if label:
            faults.boundary(f"{label}:after-replace")
    except BaseException as exc:
        leftovers.remove_temp(tmp)
        if is_write_error(exc):
            raise write_failed(exc, target, what=what) from exc
        raise


def write_chunks(fd: int, chunks: Iterable[bytes]) -> int:
    """Write every chunk to an open file descriptor, checking that each was written whole."""
    total = 0
    for chunk in chunks:
        view = memoryview(chunk)
        while view:
            n = os.write(fd, view[:CHUNK])
            if n <= 0:
                raise OSError(errno.EIO, "the disk accepted nothing")
            view = view[n:]
            total += n
    return total


def write_bytes_atomically(target: Path | str, data: bytes | Iterable[bytes], *, label: str | None = None,
                           private: bool = False, what: str = "",
                           before_replace: Callable[[], None] | None = None) -> Path:
    """Write bytes (or chunks of bytes) to target atomically, checked and flushed to the disk (``atomic_path``)."""
    target = Path(target)
    chunks = [data] if isinstance(data, (bytes, bytearray, memoryview)) else data
    with atomic_path(target, label=label, private=private, what=what, before_replace=before_replace) as tmp:
        fd = os.open(str(tmp), os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
        try:
            write_chunks(fd, chunks)
        finally:
            os.close(fd)
    return target


def write_gzip_atomically(source: Path | str, target: Path | str) -> Path:
    """source's bytes gzipped into target, whole or not at all (atomic_path); no name and mtime 0 in the gzip
    header, so the same bytes always give the same file (the shipped example and blank files)."""
    import gzip
    import shutil

    target = Path(target)
    with atomic_path(target, what=target.name) as tmp, open(source, "rb") as src, open(tmp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            shutil.copyfileobj(src, gz, 1 << 20)
    return target


def write_built_resource(parts: tuple[str, ...], build: Callable[[Path], Path], out: Path | str | None = None, *,
                         refuse: type[Exception] = SystemExit) -> Path:
    """A shipped file (the blank, the example) built by ``build(scratch path)`` in a scratch folder and stored
    gzipped at out, or at resources/<parts> of the source checkout; ``refuse`` is raised outside a checkout."""
    import tempfile

    from safer_desk.paths import checkout_resource

    target = checkout_resource(*parts) if out is None else Path(out)
    if target is None:
        raise refuse("This is not a Safer Desk source checkout; pass the output path instead.")
    with tempfile.TemporaryDirectory(prefix="safer-desk-build-") as work:
        return write_gzip_atomically(build(Path(work) / parts[-1].removesuffix(".gz")), target)


def resource_main(argv: list[str], rebuild_command: str, what: str,
                  write: Callable[[Path | None], Path]) -> int:
    """The ``--write-resource [OUT.sqlite.gz]`` command of a shipped file's builder (``what``: "the blank file")."""
    import sys

    if argv[:1] != ["--write-resource"] or len(argv) > 2:
        print(f"usage: {rebuild_command} [OUT.sqlite.gz]", file=sys.stderr)
        return 2
    out = write(Path(argv[1]) if len(argv) == 2 else None)
    print(f"wrote {what} to {out} ({out.stat().st_size:,} bytes)")
    return 0
