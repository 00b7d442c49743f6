"""Opening, creating, migrating and backing up the one SQLite file of an office.

Reads use the standard library's ``sqlite3`` directly; sqlite-utils (which
imports pandas and numpy when they are installed, unless loaded through
``import_sqlite_utils``) is loaded only for migrations and for code that asks for
``store.db``. Every refusal (missing, not SQLite, corrupt, not a Safer Desk
file, newer, read-only, in use) happens before the file is opened for writing,
so a refused file is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import stat
import struct
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, NamedTuple

from safer_desk import __version__, faults
from safer_desk.domain.ids import new_id
from safer_desk.domain.text import LazyPattern, counted
from safer_desk.storage import audit, blank, leftovers
from safer_desk.storage.safe_write import (WriteFailed, atomic_path, folder_problem, full_folder,
                                          refuse_new_name_windows_refuses, write_failed)
from safer_desk.storage.locking import FileInUse, OfficeLock, remove_lock_left
from safer_desk.storage.schema import all_sets, known_steps

if TYPE_CHECKING:
    from safer_desk.storage.audit_chain import RepairReport

APP_ID = "safer-desk"
SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_BACKUPS = 5
MIGRATIONS_TABLE = "_sqlite_migrations"


class StoreError(Exception):
    """A file that cannot be opened; the message is written for the person who chose it."""


class FileMissing(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class NotSaferDeskFile(StoreError):
    pass


class FileTooNew(StoreError):
    pass


class FileReadOnly(StoreError):
    """The file or its folder cannot be written; it can still be opened read-only."""


class DiskReadOnly(FileReadOnly):
    """The whole disk the file is on cannot be written to (a write-protected USB stick, a CD, a share mounted
    read-only): no mark on the file to clear, nor access to ask for in its folder."""


class WriteInterrupted(StoreError):
    """A file with a write left interrupted beside it (a killed writer's journal), where this user may not write:
    not damaged, but not readable until someone who may write there opens it."""


class FolderNotWritable(StoreError):
    """A new file's folder cannot be written to: there is no file to open read-only, so none is offered."""


class _RefusedByTheFolder(PermissionError):
    """A lock file the folder refused (storage.locking, Windows): a StoreError for the store, and still a
    PermissionError for callers that only ask whether the lock could be made (working sessions, demo copies)."""

    def __str__(self) -> str:
        return str(self.strerror)


class FolderRefusedReadOnly(FileReadOnly, _RefusedByTheFolder):
    pass


class FolderRefusedNotWritable(FolderNotWritable, _RefusedByTheFolder):
    pass


class DiskRefusedReadOnly(DiskReadOnly, _RefusedByTheFolder):
    pass


def folder_refuses_file(path: Path) -> str:
    return f"The folder of {path.name} cannot be written to; the file can be opened read-only."


def folder_refuses_new_file(path: Path) -> str:
    if on_read_only_disk(path.parent):  # nobody can give write access to a write-protected stick or a CD
        return (f"{path.name} cannot be made there: its folder is on a disk that cannot be written to (a "
                "write-protected drive or a read-only share). Choose a folder you can save files in.")
    return (f"The folder of {path.name} cannot be written to, so {path.name} cannot be made there. Choose a folder "
            "you can save files in, or ask for write access to this one.")


class CopyNotWritten(StoreError):
    """File > Save a Copy refused where the copy was to go (its folder missing, not a folder, or not writable): said
    whole, naming the copy (never the lock file made beside it) and what to do; nothing was written."""


def refuse_copy_where_it_cannot_be_made(target: Path) -> None:
    """A copy into a folder that cannot take it is refused before anything (its lock file included) is tried there,
    in the words File > New and Export for County use; so is a name Windows refuses (its lock file would be made
    under it first)."""
    try:
        refuse_new_name_windows_refuses(target, what=f"The copy {target.name}")
    except WriteFailed as exc:
        raise CopyNotWritten(str(exc)) from None
    if problem := folder_problem(target):
        raise CopyNotWritten(f"The copy {target.name} could not be written: the folder {full_folder(target)} "
                             f"{problem}. Choose a folder that exists, or make the folder first (nothing was written).")
    if not os.access(target.parent, os.W_OK):
        raise CopyNotWritten(folder_refuses_new_file(target))


def why_copy_refused(target: Path) -> str | None:
    """Why a copy (File > Save a Copy) cannot be written at target, in the words the copy itself would fail with, or
    None: asked before the person is asked whether to replace a file there (asked, answered Replace, then refused,
    the answer went for nothing). A folder there, a folder that cannot take it, a file another Safer Desk holds."""
    target = Path(target)
    try:
        refuse_copy_where_it_cannot_be_made(target)
    except CopyNotWritten as exc:
        return str(exc)
    if target.is_dir():
        return (f"The copy {target.name} could not be written: there is a folder of that name in "
                f"{full_folder(target)}. Choose another name. Nothing was written.")
    if not target.exists():
        return None
    try:
        held = OfficeLock.held_by(target)
    except OSError:
        return None  # said by the copy itself, in its words, if it fails there
    return str(_copy_target_held(target, held)) if held else None


def _copy_target_held(target: Path, exc: FileInUse) -> FileLocked:
    one = "window or command" if exc.command else "window"
    return FileLocked(f"{target.name} is open for writing in {exc.who}{exc.holder}: a copy cannot replace it. "
                      f"Only one {one} can change a file at a time; {exc.what_to_do}, or choose another name.",
                      exc.command)


def copy_not_written(exc: OSError, target: Path) -> CopyNotWritten:
    """The folder refused the copy's lock file where os.access did not see it would (a network share; a system
    folder even root cannot write in): said of the copy, with what to do when it is a matter of permission."""
    failed = write_failed(exc, target)
    advice = (" Choose a folder you can save files in, or ask for write access to this one."
              if failed.errno in (errno.EACCES, errno.EPERM) else "")
    return CopyNotWritten(f"{failed}{advice}")


class FileLocked(StoreError):
    """Another Safer Desk window or command has the file open for writing (``command``: a command-line run, which
    lets go of it when it ends)."""

    def __init__(self, message: str, command: bool = False):
        super().__init__(message)
        self.command = command


class FileBusy(StoreError):
    """Another program (not Safer Desk: a backup or sync tool, a database browser) held the file locked for longer
    than SQLite waits: the file is not damaged, only in use."""


# How long a look at a file waits for another program's lock on it before saying the file is in use.
BUSY_WAIT_SECONDS = 5.0


def busy_words(path: Path) -> str:
    """What FileBusy says: the wait said is the one made (BUSY_WAIT_SECONDS, every connection's busy timeout)."""
    return (f"{path.name} is in use by another program, which kept it locked for more than {BUSY_WAIT_SECONDS:g} "
            "seconds, so it could not be read; it has not been changed. Close it in that program (or wait until it "
            "has finished with it), then try again.")


def in_use_elsewhere(exc: BaseException) -> bool:
    """Whether an SQLite error is another connection's lock (SQLITE_BUSY, SQLITE_LOCKED), not damage."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc)


class NeedsUpgrade(StoreError):
    """An older file opened read-only: it must be opened for writing once to be upgraded."""


class IsAnExport(StoreError):
    """A district's export for the county opened for changes: an export is never changed (its signed checksums
    would no longer match; it has no audit triggers by design). It can be opened read-only, or merged."""


class AuditTrailDamaged(StoreError):
    """The file's audit triggers are missing, changed or joined by others: changes would go unrecorded.

    Nothing was written. The window offers read-only or ``repair_audit_trail``; the command line names
    ``safer-desk check FILE --repair``.
    """

    def __init__(self, path: Path, problems: list):
        self.path = Path(path)
        self.problems = list(problems)
        listed = "; ".join(p.text for p in self.problems[:3]) + ("; …" if len(self.problems) > 3 else "")
        super().__init__(
            f"The audit trail of {self.path.name} cannot be trusted: {len(self.problems)} of its safeguards "
            f"are missing or changed ({listed}). Changes made now would not all be recorded. Open it read-only, "
            "or repair it: a backup is made first, the safeguards are made again and the gap is recorded in the "
            f'trail (on the command line: safer-desk check "{self.path}" --repair). The file has not been changed.'
        )


class WrongKindOfName(StoreError):
    """A new file was asked for under a name that belongs to another kind of file (street.csv, figures.xlsx)."""


# Names a new Safer Desk file is never made under: they are the files the program reads or writes beside it.
OTHER_KINDS_OF_FILE = {".csv": "a CSV file", ".zip": "a zip file", ".xlsx": "an Excel workbook",
                       ".xls": "an Excel workbook", ".pdf": "a PDF", ".html": "a web page", ".htm": "a web page",
                       ".txt": "a text file", ".png": "a picture", ".json": "a JSON file", ".gz": "a compressed file"}


def refuse_other_kind_of_name(path: Path) -> None:
    kind = OTHER_KINDS_OF_FILE.get(path.suffix.lower())
    if kind:
        raise WrongKindOfName(f"A new Safer Desk file is not made under the name {path.name}: that is the name of "
                              f"{kind}. Name a new Safer Desk file ending .sqlite (nothing was made).")


def journal_beside(path: Path) -> Path | None:
    """The journal lying beside path that holds something (FILE-wal, else FILE-journal), or None: an empty one, an
    unmarked one (``journal_unmarked``), or none, SQLite reads nothing from."""
    for side in ("-wal", "-journal"):
        journal = Path(f"{path}{side}")
        try:
            if journal.stat().st_size and not (side == "-journal" and journal_unmarked(journal)):
                return journal
        except OSError:
            continue  # not there (or its folder is not one: the checks that follow say so)
    return None


def journal_unmarked(journal: Path) -> bool:
    """Whether a rollback journal (FILE-journal) holds something but is not marked as one to play back: its first
    byte still 0. SQLite writes a journal so, and marks it only once it is on disk, just before the change reaches
    the file; a run killed before then (inside its first change to a file: a police import, a merge) left the file
    whole and this journal beside it, which SQLite never reads (nor removes)."""
    try:
        with open(journal, "rb") as fh:
            return fh.read(1) == b"\x00"
    except OSError:
        return False


def remove_unmarked_journal(path: Path) -> bool:
    """Remove FILE-journal left unmarked beside path by a killed run (``journal_unmarked``), when no connection is
    writing to path (one that is has its journal under way, unmarked until it is on disk): held so by SQLite's own
    write lock, taken without waiting. True when one was removed; False when there was none, or it stays (the
    file busy, a read-only disk, a journal another program holds open on Windows)."""
    journal = Path(f"{path}-journal")
    if not journal_unmarked(journal):
        return False  # the common case: one failed open
    try:
        # Never made by this look (mode=rw): a file gone from beside its journal has no lock to take, and made here
        # (0 bytes) it stopped the command that was to create it ("already exists"). That journal stays, unread.
        conn = sqlite3.connect(sqlite_uri_for(Path(path).resolve().as_posix(), {"mode": "rw"}), uri=True, timeout=0,
                               isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")  # no other connection writing: the journal is no run's
        try:
            if not journal_unmarked(journal):
                return False
            journal.unlink()
            return True
        finally:
            conn.execute("ROLLBACK")
    except (OSError, sqlite3.Error):
        return False
    finally:
        conn.close()


WAL_HEADER_SIZE, WAL_FRAME_HEADER_SIZE = 32, 24  # a -wal's header; each frame is a 24-byte header and a page
WAL_MAGIC = (0x377F0682, 0x377F0683)


def wal_saves(path: Path) -> tuple[int, list[dict[int, bytes]]]:
    """The saves (committed transactions) the -wal beside path holds, as SQLite would read them: its page size and,
    per save, its pages by page number. Only frames of the -wal's current run count (their salts the header's: a
    frame left from an earlier run, or from another file's -wal, is not read), a save is one only once its last
    frame (the file's size after it, 0 mid-transaction) is whole, and the reading ends at a frame cut short (a torn
    write) or whose checksum, which runs on from the header through every frame before it, does not match (a page
    written in part, a frame header written over). No -wal, or not one SQLite would read: (0, []). OSError when it
    cannot be read."""
    with open(f"{path}-wal", "rb") as wal:
        header = wal.read(WAL_HEADER_SIZE)
        if not _wal_header_read(header):
            return 0, []  # no frames SQLite would read
        page_size, salts = int.from_bytes(header[8:12], "big"), header[16:24]
        order = ">" if int.from_bytes(header[:4], "big") & 1 else "<"
        # Only frames up to the last save's are summed (a killed import's uncommitted frames are no save whatever
        # their checksums): the first pass reads the frames' headers alone.
        frames = _wal_frames_to_last_save(wal, page_size, salts)
        wal.seek(WAL_HEADER_SIZE)
        s1, s2 = int.from_bytes(header[24:28], "big"), int.from_bytes(header[28:32], "big")
        saves: list[dict[int, bytes]] = []
        pending: dict[int, bytes] = {}  # the frames of a transaction not yet committed in the -wal
        for _ in range(frames):
            frame = wal.read(WAL_FRAME_HEADER_SIZE)
            page = wal.read(page_size)
            s1, s2 = _wal_checksum(frame[:8] + page, s1, s2, order)
            if len(page) < page_size or frame[16:24] != s1.to_bytes(4, "big") + s2.to_bytes(4, "big"):
                break
            pending[int.from_bytes(frame[:4], "big")] = page
            if int.from_bytes(frame[4:8], "big"):
                saves.append(pending)
                pending = {}
        return page_size, saves


def _wal_frames_to_last_save(wal: Any, page_size: int, salts: bytes) -> int:
    """How many frames, from the first, run to the last whole frame of the -wal's current run that ends a save (its
    salts the header's, the file's size after it not 0); 0 when none does. The pages are not read."""
    size = os.fstat(wal.fileno()).st_size
    count = last_save = 0
    while len(frame := wal.read(WAL_FRAME_HEADER_SIZE)) == WAL_FRAME_HEADER_SIZE and frame[8:16] == salts:
        if wal.tell() + page_size > size:  # its page cut short: a torn write
            break
        wal.seek(page_size, os.SEEK_CUR)  # stepped over, not read: a killed import's -wal can run to gigabytes
        count += 1
        if int.from_bytes(frame[4:8], "big"):
            last_save = count
    return last_save


def _wal_checksum(data: bytes, s1: int, s2: int, order: str) -> tuple[int, int]:
    """SQLite's -wal checksum of data (its 32-bit words in the order the -wal's magic number names) run on from
    (s1, s2). About 0.27 ms a 4 KiB frame on a 2-core machine (a 506-frame -wal: 1 ms read by its salts alone, 135
    ms with its checksums); numpy would be 15 times faster but is left out of the packaged build."""
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for first, second in zip(words[::2], words[1::2]):
        s1 = (s1 + first + s2) & 0xFFFFFFFF
        s2 = (s2 + second + s1) & 0xFFFFFFFF
    return s1, s2


def _wal_header_read(header: bytes) -> bool:
    """Whether SQLite reads a -wal with this header at all: its magic number, a page size it can have (a power of two
    from 512 to 65536) and the header's own checksum (its first 24 bytes, as 32-bit words in the order the magic
    number names). A header failing any is a -wal SQLite treats as empty."""
    if len(header) < WAL_HEADER_SIZE or (magic := int.from_bytes(header[:4], "big")) not in WAL_MAGIC:
        return False
    page_size = int.from_bytes(header[8:12], "big")
    if not 512 <= page_size <= 65536 or page_size & (page_size - 1):
        return False
    s1, s2 = _wal_checksum(header[:24], 0, 0, ">" if magic & 1 else "<")
    return header[24:32] == s1.to_bytes(4, "big") + s2.to_bytes(4, "big")


def wal_holds_unwritten(path: Path, read: tuple[int, list[dict[int, bytes]]] | None = None) -> bool:
    """Whether FILE-wal beside path holds a save not yet in the file itself: a page of its saves (``wal_saves``)
    that differs from the file's page. SQLite writes a save's pages into the file at its checkpoint (at once here:
    ``wal_autocheckpoint = 1``) and keeps them in the -wal until the next save, so a window killed after saving
    leaves a -wal whose every page is in the file already. True when it cannot tell (the -wal or the file
    unreadable). ``read``: what ``wal_saves`` has read of it already (its checksums are not summed twice)."""
    try:
        page_size, saves = read if read is not None else wal_saves(path)
        committed: dict[int, bytes] = {}
        for save in saves:
            committed.update(save)
        with open(path, "rb") as db:
            for number, page in committed.items():
                db.seek((number - 1) * page_size)
                if db.read(page_size) != page:
                    return True
            return False
    except OSError:
        return True


def settle_written_wal(path: Path) -> bool:
    """Let SQLite take away FILE-wal (and FILE-shm) beside path when every save in it is in the file already
    (``wal_holds_unwritten``): what closing the file in a window would have done. The last connection to leave WAL
    mode removes them, and only when no other program has the file open (SQLite's exclusive lock, not waited for).
    True when they went."""
    wal = Path(f"{path}-wal")
    try:
        if not wal.stat().st_size or not Path(path).is_file() or wal_holds_unwritten(path):
            return False
        conn = sqlite3.connect(sqlite_uri_for(Path(path).resolve().as_posix(), {"mode": "rw"}), uri=True, timeout=0,
                               isolation_level=None)
    except (OSError, sqlite3.Error):
        return False
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # pages the file holds already: nothing of it changes
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return not wal.exists()


def _wal_mode_on_disk(path: Path) -> bool:
    """Whether path's header says WAL mode (byte 18 is 2): a file left so at rest by a writer killed after its first
    change, or closed while another program read it; False for a file that cannot be read."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return len(header) == 20 and header.startswith(SQLITE_HEADER) and header[18] == 2


def remove_side_files_left(path: Path) -> None:
    """Remove an empty FILE-wal and its FILE-shm lying beside a file nobody has open: read-only looks at a file in
    WAL mode make them (SQLite reads such a file through them) and cannot remove them when they close, so a file
    left in WAL mode by a killed window had them beside it after every command that looked at it. The last
    connection to close removes them, so a brief connection that reads and closes does, unless another program
    (the window) has the file open, whose files they then are and stay. Nothing in the file itself changes: the
    -wal is empty, and closing it moves nothing into the file. A -wal that holds something is left alone."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    try:
        if not shm.exists() or (wal.exists() and wal.stat().st_size):
            return  # nothing left beside it (the common case: one stat), or saves not yet in the file
        if not _wal_mode_on_disk(path):
            return  # not a file in WAL mode: not what a look leaves
        conn = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    except (OSError, sqlite3.Error):
        return
    try:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


class AnotherFilesJournal(StoreError):
    """A journal beside the file (FILE-wal, FILE-journal) that is another file's: read with it or played back over
    it, SQLite would make the file that other one. Neither is changed (``another_files_journal``)."""


def _page_size(head: bytes) -> int:
    """A file's page size, from its header (1 stands for 65,536)."""
    size = int.from_bytes(head[16:18], "big")
    return 65536 if size == 1 else size


def _another_files_words(path: Path, side: str, why: str, *, to: str) -> str:
    """What `check` (to="check") and opening (to="open") say of FILE-wal or FILE-journal beside path that is another
    file's, why being what shows it."""
    journal, it = f"{path.name}{side}", "it" if to == "check" else path.name
    done = "nothing of it was checked" if to == "check" else "it was not opened"
    if side == "-wal":
        keep = (f"Move {journal} and {path.name}-shm to another folder (keep them: they may hold that other file's "
                "last saves)")
        why = why.replace("{done}", done)
        return f"the journal beside {it}, {journal}, is another file's: {why}. {keep}, then {to} {it} again"
    return (f"the journal beside {it}, {journal}, is another file's: {why}. SQLite would play it back over {it} as "
            f"it opens it, writing that other file's pages into it, so {done} (neither {path.name} nor {journal} "
            f"was changed). Move {journal} to another folder (keep it: it may be needed to put that other file "
            f"back as it was), then {to} {it} again")


def another_files_journal(path: Path, head: bytes, *, to: str = "open") -> str:
    """What is said of a journal beside path that is not path's, found by its bytes before SQLite reads it: a -wal
    whose saves are of pages of another size than the file's (SQLite never writes one so for a file, and cannot
    change a file's page size in WAL mode, yet reads it with the file, which then reads as that other file), or a
    -journal marked to be played back (``journal_unmarked``) that does not belong to it (``_journal_not_its_own``),
    which SQLite plays back over the file at the first look. "" for none. head: the file's first 100 bytes. A file
    read as it lies (``read_as_it_lies``: an export, another program's file) is the caller's to leave out."""
    if len(head) < 100:
        return ""
    own, wal_page_size, saves = _page_size(head), 0, []
    try:
        with open(f"{path}-wal", "rb") as wal:
            header = wal.read(WAL_HEADER_SIZE)
        if _wal_header_read(header) and int.from_bytes(header[8:12], "big") != own:
            # Its frames read only then (their checksums: a killed import's -wal can run to gigabytes)
            wal_page_size, saves = wal_saves(path)
    except OSError:
        pass  # none (the common case), or unreadable: opening it says so
    if saves and wal_page_size != own:
        return _another_files_words(
            path, "-wal", f"its pages are of {wal_page_size:,} bytes and this file's of {own:,}, which SQLite never "
            "writes for one file, yet it reads the two together, so this file reads as that other one ({done})", to=to)
    if why := _journal_not_its_own(path, head):
        return _another_files_words(path, "-journal", why, to=to)
    return ""


def wal_makes_it_another_file(path: Path, *, to: str = "open") -> str:
    """What is said when path, read with the saves of the -wal beside it, is not a Safer Desk file though it is one
    read on its own (immutable: SQLite leaves the -wal be): Safer Desk never saves what makes its file another
    program's, so the -wal is another file's. "" otherwise."""
    try:
        conn = sqlite3.connect(read_only_uri(path, immutable="1"), uri=True)
    except sqlite3.Error:
        return ""
    try:
        app = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    except sqlite3.Error:
        return ""
    finally:
        conn.close()
    if not app or app[0] != APP_ID:
        return ""
    return _another_files_words(path, "-wal", f"read on its own, {path.name} is a Safer Desk file, but read with it "
                                "(as SQLite reads the two) it is not one, so {done}", to=to)


def _journal_not_its_own(path: Path, head: bytes) -> str:
    """Why FILE-journal beside path, marked to be played back, is another file's ("" when it may be path's own, or
    is none SQLite would play back). SQLite keeps nothing in a rollback journal naming its file, and plays back any
    journal of that name whose header is a journal's; what a journal does record tells whose it is not: its page
    size; the file's size in pages when its change began (0: played back, it would empty the file); and the file's
    first page as it was then, which holds the count of the file's changes. A change is counted once, so this
    file's own interrupted change leaves it counting as the journal's page does, or one more (its first page
    written already). When the first page is not in the journal the change never reached it: the file's own first
    page is then as it was, and gives the file's size in pages, which must be the journal's."""
    try:
        with open(f"{path}-journal", "rb") as journal:
            header = journal.read(28)
            if len(header) < 28 or not header.startswith(JOURNAL_MAGIC):
                return ""  # none, unmarked (a killed run's, never read), or not a journal SQLite plays back
            _, _, pages_then, sector, page_size = struct.unpack(">IIIII", header[8:28])
            own = _page_size(head)
            if page_size != own:
                return f"its pages are of {page_size:,} bytes and this file's of {own:,}"
            if not pages_then:
                return ("it was written for a file that was empty when it was changed, and this one is not: played "
                        "back, it would empty it")
            if not 512 <= sector <= 65536 or sector & (sector - 1):
                return ""
            first = _journaled_first_page(journal, sector, page_size)
    except OSError:
        return ""
    changes = int.from_bytes(head[24:28], "big")
    if first is not None:
        then = int.from_bytes(first[24:28], "big")
        if changes not in (then, (then + 1) & 0xFFFFFFFF):
            return (f"it records a change to a file that had been changed {then:,} times, and this file has been "
                    f"changed {changes:,} times")
        return ""
    pages = int.from_bytes(head[28:32], "big")
    if head[92:96] == head[24:28] and pages != pages_then:  # (its size in pages is valid as of its last change)
        return f"it records a change to a file of {pages_then:,} pages, and this file has {pages:,}"
    return ""


JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # a rollback journal's first bytes, once marked to be played back


def _journaled_first_page(journal: Any, sector: int, page_size: int) -> bytes | None:
    """Page 1 as a rollback journal holds it (each of its parts: a header of one sector, then records of a page
    number, the page and a checksum), None when it holds none."""
    size = os.fstat(journal.fileno()).st_size
    start = 0
    while start + 28 <= size:
        journal.seek(start)
        header = journal.read(28)
        if not header.startswith(JOURNAL_MAGIC):
            return None
        records = int.from_bytes(header[8:12], "big")
        at = start + sector
        if records == 0xFFFFFFFF:  # written without syncing: as many as the file holds
            records = (size - at) // (page_size + 8)
        if not records:
            return None
        for _ in range(records):
            if at + 8 + page_size > size:
                return None
            journal.seek(at)
            if int.from_bytes(journal.read(4), "big") == 1:
                return journal.read(page_size)
            at += page_size + 8
        start = -(-at // sector) * sector  # the next part begins on a sector
    return None


def remove_index_made(path: Path, there_before: bool) -> None:
    """Remove FILE-shm that looks made beside path: SQLite makes one to read a -wal that holds saves, read-only too,
    and only a connection that may write the file takes it away (``remove_side_files_left`` does for an empty
    -wal). Only when it was not there before the looks (``there_before``), and no program has it open now: every
    connection reading through it holds SQLite's shared lock on its byte 128, so one taken here alone finds none
    (on Windows a file another program has open cannot be removed). It is SQLite's index of the -wal, made again
    from the -wal whenever the file is next opened: nothing of the file or its saves is in it."""
    shm = Path(f"{path}-shm")
    if there_before or not shm.exists():
        return
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return
    try:
        if sys.platform != "win32":
            import fcntl

            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)  # (SQLite's own lock byte: os_unix.c, os_win.c)
        else:
            os.close(fd)
            fd = -1
        shm.unlink()
    except OSError:
        return  # held open by another program (whose index it now is), or not ours to remove
    finally:
        if fd >= 0:
            os.close(fd)


def refuse_journal_left_beside(path: Path) -> None:
    """No new file where a removed file's journal still lies ("office.sqlite-wal" left by a crash, office.sqlite then
    deleted or moved): SQLite would take its pages as the new file's (File > New then stopped with "no such table"),
    and it holds that file's last saves, which are not to be written over. Nor does a new file (a copy, the example)
    replace a file whose journal lies beside it (its window was killed): the copy took the journal's pages too.
    The caller holds path's lock when path may be open in a window (whose journal it is, while it is open). A journal
    a killed run left unmarked holds nothing SQLite reads: it goes, and refuses nothing; so does a -wal whose saves
    are all in the file (a window killed after saving), through SQLite, as closing the window would have."""
    remove_unmarked_journal(path)
    settle_written_wal(path)
    if (journal := journal_beside(path)) is not None:
        if path.exists():
            raise StoreError(
                f"{path.name} is not replaced: {journal.name} lies beside it, holding saves of {path.name} not yet "
                "written into it (left by a Safer Desk that was stopped, or lost power), which the new file would "
                f"take as its own. Open {path.name} in Safer Desk and close it (its saves are written into it, and "
                "the journal goes), then try again; or choose another name. Nothing was written.")
        raise FileMissing(
            f"A new Safer Desk file is not made under the name {path.name}: {journal.name} lies beside it, the journal "
            f"of a file of that name that was removed or moved, holding its last saves, which a new file would take "
            f"as its own. Put that file back beside it (then open it), or move {journal.name} away, or choose "
            "another name (nothing was made).")


class NameTooLong(StoreError):
    """A file name too long for the files SQLite keeps beside it while writing ("-journal", "-wal", ".lock")."""


# A file system takes names of up to 255 bytes (UTF-8 on Linux and macOS; UTF-16 units on Windows): the longest
# name written beside the file, the journal, must fit too.
NAME_MAX = 255
_LONGEST_SIDE_FILE = "-journal"


def refuse_name_too_long(path: Path) -> None:
    """Refuse, before anything is made, a file whose journal could not be made beside it (SQLite would refuse
    every change to it as if the folder could not be written)."""
    words = name_too_long(path)
    if words:
        raise NameTooLong(f"{words} Give it a shorter name ({words_for_limit(path)}). Nothing was changed.")


def name_too_long(path: Path) -> str:
    """Why path's name is too long for the files written beside it ("" when it is not)."""
    if _fits(path.name):
        return ""
    size = len(path.name)
    measure = f"{size} characters" if path.name.isascii() else \
        f"{size} characters, {len(path.name.encode('utf-8'))} bytes"
    return (f"The name {path.name[:40]}… is too long ({measure}): Safer Desk keeps files beside it while it writes, "
            "whose names would be longer than the disk allows.")


def words_for_limit(path: Path) -> str:
    """The limit as this name is measured: characters for plain letters, bytes (and how many of this name's
    characters must go) for accented letters and other scripts, which a disk stores in two bytes or more."""
    limit = NAME_MAX - len(_LONGEST_SIDE_FILE)
    if path.name.isascii():
        return f"at most {limit} characters"
    stem, suffix = path.stem, path.suffix
    cut = next((n for n in range(1, len(stem) + 1) if _fits(stem[:-n] + suffix)), len(stem)) if stem else 0
    return (f"at most {limit} bytes as the disk stores names, where an accented letter or another script takes two "
            f"or more: this one must be at least {counted(cut, 'character')} shorter")


def _fits(name: str) -> bool:
    side = name + _LONGEST_SIDE_FILE
    return len(side.encode("utf-8")) <= NAME_MAX and len(side.encode("utf-16-le")) // 2 <= NAME_MAX


def sqlite_path_limit(platform: str = sys.platform) -> int:
    """The longest whole path SQLite opens a file by, "-journal" after it included: 512 bytes on Linux and macOS
    (its unix VFS's MAX_PATHNAME), Windows' 260 characters (MAX_PATH) there. A longer one it refuses as "unable to
    open database file", which was said as damage (an existing file) or as permission denied (a new one)."""
    return 260 if platform == "win32" else 512


def path_too_long(path: Path | str, platform: str = sys.platform) -> str:
    """"too long (530 characters; …)" when SQLite cannot open a file at path for its whole path's length ("" when
    it is not); said only of a file SQLite has refused to open ("unable to open database file")."""
    import ntpath

    full = (ntpath if platform == "win32" else os.path).abspath(str(path))
    size = len(full) if platform == "win32" or full.isascii() else len(os.fsencode(full))
    most = sqlite_path_limit(platform) - len(_LONGEST_SIDE_FILE)
    if size <= most:
        return ""
    unit = "characters" if platform == "win32" or full.isascii() else "bytes"
    return f"too long ({size} {unit}; Safer Desk opens a file whose path is at most {most})"


PATH_TOO_LONG_ADVICE = "a folder nearer the top of the drive, or give the folders on the way shorter names"


def _cannot_open(exc: BaseException) -> bool:
    return (getattr(exc, "sqlite_errorname", "") or "").startswith("SQLITE_CANTOPEN")


class FileEmpty(StoreError):
    """A file of zero bytes (or an SQLite file with no tables): never silently turned into a new file.

    The window asks whether to start a new file there; ``open_store(..., replace_empty=True)`` does it.
    """


class JournalMissing(StoreError):
    """The file's journal beside it (``FILE-wal``) was removed while the file was open: another connection to it
    (a backup, a copy, a worker's read, another program's look) finds the file shorter than SQLite's index of it
    says. The connection that has it open still holds the journal, and writes it into the file as it closes."""


WAL_HEADER_SIZE = 32  # a -wal shorter than its header holds nothing


def journal_went_missing(path: Path, exc: BaseException, *, open_here: bool = True) -> JournalMissing | None:
    """A JournalMissing saying so when exc is SQLite's failed read of path (or a write failure it caused) and
    path, written in WAL mode (byte 18 of its header is 2), has no -wal beside it (or an empty one, which the failed
    read itself made); None otherwise. ``open_here``: this program has the file open (else another window has)."""
    while exc is not None and not isinstance(exc, sqlite3.Error):
        exc = exc.__cause__
    if exc is None or not (getattr(exc, "sqlite_errorname", "") or "").startswith("SQLITE_IOERR"):
        return None
    path = Path(path)
    journal = Path(f"{path}-wal")
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        return None  # the file itself cannot be read (gone, or refused): not the journal's doing
    if len(header) < 20 or header[18] != 2:
        return None
    try:
        if journal.stat().st_size >= WAL_HEADER_SIZE:
            return None
    except FileNotFoundError:
        pass  # gone
    except OSError:
        return None
    if open_here:
        holds = ("this window still holds the journal and writes it into the file when the file is closed. Close "
                 "the file (open another, or close Safer Desk), then open it again")
    else:
        holds = ("the Safer Desk window that has it open (on this computer or another) still holds the journal and "
                 "writes it into the file when it closes the file. Close the file in that window, then try again; "
                 "do not restore a backup over it")
    return JournalMissing(
        f"{path.name} could not be read: its journal beside it, {journal.name}, was removed while the file was open "
        f"in {'this' if open_here else 'another'} window (by hand, or by a clean-up or sync program). Nothing saved "
        f"is lost yet: {holds}; never remove the files beside a file that is open.")


class FileDamaged(StoreError):
    """SQLite's page check found damage: the file is refused for writing (and by the window), untouched."""


class FileCheck(NamedTuple):
    """What a read-only look at a file found, before anything is written. (A NamedTuple: Python 3.11 compiles a
    frozen dataclass's methods as it is made, 4 M instructions of every start.)"""

    exists: bool
    has_tables: bool
    pending: list[tuple[str, str]]
    empty: bool = False  # zero bytes, or an SQLite file with no tables
    export: str = ""  # an export for the county: whose, and its number ("Babergh office's export … number 3")


def read_only_uri(path: Path, **options: str) -> str:
    """An SQLite URI that opens path read-only, on Windows drives, UNC shares and POSIX alike.

    ``Path.as_uri()`` turns a network share path into file://server/share/f.sqlite, whose
    authority SQLite refuses; SQLite wants file:////server/share/f.sqlite for a share, and
    file:///C:/... for a drive. Characters that mean something in a URI (%, ?, #) are escaped.

    A whole file left in WAL mode on storage that cannot be written is read as it lies (``wal_index_unmakeable``).
    """
    if "immutable" not in options and wal_index_unmakeable(Path(path)):
        options = {**options, "immutable": "1"}
    return sqlite_uri_for(Path(path).resolve().as_posix(), {"mode": "ro", **options})


def wal_index_unmakeable(path: Path) -> bool:
    """Whether path is a whole file in WAL mode (byte 18 of its header 2, nothing in a -wal beside it) that cannot be
    written, or in a folder that cannot be (a read-only share, a write-protected stick, a file marked read-only). A
    file is left so at rest when its writer was killed after its first change, or closed it while another program
    read it. SQLite reads such a file through an index it makes beside it (FILE-shm), and where it cannot, it said
    "unable to open database file", which the file was then refused as damaged for; with nothing in a -wal, the file
    itself holds everything. (Windows answers for a file's read-only mark, not a share's permissions.)"""
    try:
        if os.access(path.parent, os.W_OK) and os.access(path, os.W_OK):
            return False  # the common case: two calls
    except OSError:
        return False
    return _wal_mode_on_disk(path) and journal_beside(path) is None


def sqlite_uri_for(posix_path: str, options: dict[str, str]) -> str:
    from urllib.parse import quote, urlencode

    if re.match(r"^[A-Za-z]:", posix_path):  # a Windows drive: C:/Users/...
        posix_path = "/" + posix_path
    uri_path = quote(posix_path, safe="/:")
    return f"file://{uri_path}?{urlencode(options)}" if uri_path.startswith("/") else f"file:{uri_path}?{urlencode(options)}"


def not_sqlite_words(path: Path, header: bytes) -> str:
    """"it is an Excel workbook (.xlsx), not an SQLite database" (a workbook renamed .sqlite), as the county's merge
    says it; "it is not an SQLite database at all" for a file of no kind known (storage.kinds)."""
    from safer_desk.storage.kinds import what_file_is

    kind = what_file_is(path, header)
    return "it is not an SQLite database at all" if kind == "not an SQLite database" else \
        f"it is {kind}, not an SQLite database"


_FOLDER_LOOK_LIMIT = 200  # entries of a folder looked at for its files (a network share's may hold thousands)


def folder_given(folder: Path, *, end: str = ".") -> str:
    """What a folder given where a Safer Desk file belongs is: said so, with the SQLite files it holds (told by their
    first bytes, not their ending), whose name to give instead. "H:\\CSP is a folder" alone left the person to find
    the file's name, and an example name ("office.sqlite") was one the folder did not hold."""
    held = sqlite_files_in(folder)
    said = f"{folder} is a folder, not a Safer Desk file"
    return f"{said}. {files_held_words(held)}." if held else said + end


def files_held_words(held: list[Path]) -> str:
    """"It holds X: give that file's name (FOLDER/X)", of the SQLite files a folder given for a file holds."""
    names = " and ".join(filter(None, [", ".join(p.name for p in held[:-1]), held[-1].name]))
    which = f"that file's name ({held[0]})" if len(held) == 1 else f"one file's name (such as {held[0]})"
    return f"It holds {names}: give {which}"


def sqlite_files_in(folder: Path, most: int = 3) -> list[Path]:
    """Up to ``most`` files directly in folder that are SQLite files (by their first bytes), by name."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for n, entry in enumerate(entries):
                if n >= _FOLDER_LOOK_LIMIT:
                    break
                try:
                    if entry.is_file():
                        with open(entry.path, "rb") as fh:
                            if fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                                found.append(Path(entry.path))
                except OSError:
                    continue
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name.casefold())[:most]


def inspect_file(path: Path) -> FileCheck:
    """Look at a file without changing it; raise a StoreError when it cannot be used."""
    path = Path(path)
    if not path.exists():
        return FileCheck(False, False, sorted(known_steps()))
    if path.is_dir():
        raise NotADatabase(folder_given(path))
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise FileMissing(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if header == b"" and path.stat().st_size == 0:
        return FileCheck(True, False, sorted(known_steps()), empty=True)
    if header_overwritten(header):
        raise FileDamaged(f"{path.name} is damaged: {header_overwritten_words(path)}")
    if not header.startswith(SQLITE_HEADER):
        from safer_desk.storage.kinds import journal_or_packed

        if words := journal_or_packed(path, header):  # as `check` says it (a file's -wal, a .gz)
            raise NotADatabase(f"{path.name} is not a Safer Desk file: {words}. It has not been changed.")
        raise NotADatabase(f"{path.name} is not a Safer Desk file: {not_sqlite_words(path, header)}.")
    if not read_as_it_lies(path) and (words := another_files_journal(path, header)):
        raise AnotherFilesJournal(f"{words[0].upper()}{words[1:]}.")  # as `check` says it, before SQLite reads it
    index_there = Path(f"{path}-shm").exists()
    try:
        return _look(path)
    except BaseException:
        remove_index_made(path, index_there)  # refused: the -shm this look made to read a -wal goes too
        raise


def _look(path: Path) -> FileCheck:
    """inspect_file's look at an SQLite file, through read_only_look; raises a StoreError saying why it is refused."""
    try:
        conn = read_only_look(path)
        try:
            return _looked(path, conn)
        finally:
            conn.close()
    except NotSaferDeskFile:
        if Path(f"{path}-wal").exists() and (words := wal_makes_it_another_file(path)):
            raise AnotherFilesJournal(f"{words[0].upper()}{words[1:]}.") from None
        raise
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, StoreError):  # pragma: no cover - StoreError is not a DatabaseError
            raise
        if (missing := journal_went_missing(path, exc, open_here=False)) is not None:
            raise missing from exc
        if in_use_elsewhere(exc):
            raise FileBusy(busy_words(path)) from exc
        if interrupted_write(exc):  # not damage: a write only someone who may write there can finish
            raise WriteInterrupted(
                f"{path.name} cannot be read here: a change to it was interrupted (its journal is beside it), and only "
                "someone who may write to the file and its folder can finish putting it back as it was before that "
                "change. It is not damaged, and it has not been changed. Open it once from an account that may write "
                "there (or ask IT to give you write access), then open it again.") from exc
        if short := cut_short(path):
            raise NotADatabase(f"{path.name} cannot be read: {short}. It has not been changed. "
                               f"{where_to_get_whole(path)}") from exc
        if _cannot_open(exc) and (too_long := path_too_long(path)):  # read whole above: not damage
            raise NameTooLong(f"{path.name} cannot be opened where it is: its whole path is {too_long}. It is not "
                              f"damaged, and it has not been changed. Move it to {PATH_TOO_LONG_ADVICE}, then open it "
                              "there.") from exc
        raise NotADatabase(f"{path.name} is damaged and cannot be read ({exc}); it has not been changed. "
                           f"{where_to_restore(path)}") from exc


def _looked(path: Path, conn: sqlite3.Connection) -> FileCheck:
    """What inspect_file finds, read through conn (nothing written); raises NotSaferDeskFile or FileTooNew, and
    sqlite3.DatabaseError as reading does (a spoilt schema's text too: ``read_schema_text``)."""
    read_schema_text(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return FileCheck(True, False, sorted(known_steps()), empty=True)
    if "meta" not in tables or MIGRATIONS_TABLE not in tables:
        raise NotSaferDeskFile(f"{path.name} is an SQLite database but not a Safer Desk file; it has not been changed.")
    app = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    if not app or app[0] != APP_ID:
        raise NotSaferDeskFile(f"{path.name} is an SQLite database but not a Safer Desk file; it has not been changed.")
    applied = {(r[0], r[1]) for r in conn.execute(f"SELECT migration_set, name FROM {MIGRATIONS_TABLE}")}
    export = export_words(conn) if _manifest_table() in tables else ""
    unknown = applied - known_steps()
    if unknown:
        raise FileTooNew(
            f"{path.name} was written by a newer version of Safer Desk (it has {counted(len(unknown), 'change')} to "
            f"the file's layout that version {__version__} does not know). Install the newer version to open "
            "it; the file has not been changed."
        )
    pending = sorted(known_steps() - applied, key=_step_order)
    return FileCheck(True, True, pending, export=export)


def inspect_to_write(path: Path) -> tuple[FileCheck, sqlite3.Connection | None]:
    """inspect_file's look, and the connection a store opening path to change is to use when that look could be
    made through it: an up-to-date office or county file, there to be written, with nothing beside it for SQLite
    to recover (no journal, no write-ahead log). Each new connection parses the whole schema again (3 ms of an
    office file's 162 audit triggers, at every start); this look is made through the connection the store keeps.

    Reading through a writable connection writes nothing. Any other file (none there, empty, damaged, an export,
    another program's, a newer or an older version's, one a killed writer left a journal beside) gets
    inspect_file's own read-only look and no connection, so what is found and said about it is as it always was.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            plain = fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        plain = False
    if not plain or journal_beside(path) is not None or not os.access(path, os.W_OK):
        return inspect_file(path), None
    conn = None
    try:
        conn = _connect(path, read_only=False)
        check = _looked(path, conn)
    except sqlite3.DatabaseError as exc:  # said as inspect_file says it (busy, damaged …), from its own look
        if conn is not None:
            conn.close()
        if in_use_elsewhere(exc):  # already waited for: inspect_file's look would wait as long again (10 s, not 5)
            raise FileBusy(busy_words(path)) from exc
        return inspect_file(path), None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    if not check.has_tables or check.pending or check.export:
        conn.close()
        return check, None
    return check, conn


def _manifest_table() -> str:
    """The table only an export for the county has."""
    from safer_desk.storage.schema import MANIFEST_TABLE

    return MANIFEST_TABLE


def export_words(conn: sqlite3.Connection) -> str:
    """"Babergh office's export for the county (export number 3)", from an export's manifest; "" for a file
    that is not an export."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (_manifest_table(),)).fetchone():
        return ""
    try:
        rows = dict(conn.execute(f"SELECT key, value FROM {_manifest_table()} WHERE key IN ('office_name', "
                                 "'sequence')"))
    except sqlite3.DatabaseError:
        rows = {}
    office = rows.get("office_name") or "an office"
    number = f" (export number {rows['sequence']})" if rows.get("sequence") else ""
    return f"{office}'s export for the county{number}"


def holds_data(path: Path) -> bool:
    """Whether path is an SQLite database other than an export (an office's or a county's file, or one SQLite
    cannot read): a file an export or a picture is never written over. An export, or any other file, is not.
    One whose first 16 bytes ("SQLite format 3") are damaged and the rest of its header is SQLite's holds data too:
    taken for any other file, an export and the example were written over an office's file with no backup."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    if not header.startswith(SQLITE_HEADER):
        return header_overwritten(header)
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            return not export_words(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return True


def header_overwritten(header: bytes) -> bool:
    """A file's first 100 bytes: an SQLite file's header whose first 16 bytes ("SQLite format 3") were overwritten,
    the rest of it whole: bytes 21-23 of every SQLite file's header are its payload fractions, 64, 32 and 32
    (sqlite.org/fileformat). Such a file is damaged, not another kind of file."""
    return len(header) >= 100 and not header.startswith(SQLITE_HEADER) and header[21:24] == b"\x40\x20\x20"


def header_overwritten_words(path: Path) -> str:
    """What `check` and opening say (after "… is damaged: ") of a file ``header_overwritten`` finds."""
    return ("its first bytes, which say it is an SQLite database, were overwritten, though the rest of its header is "
            f"whole. Nothing was changed. {where_to_restore(path)}")


def refuse_export(path: Path, check: FileCheck) -> None:
    """An export is opened read-only or merged, never changed."""
    if check.export:
        raise IsAnExport(
            f"{path.name} is {check.export}, not a file to change: an export is never changed (its signature "
            "would no longer match what the office sent). To merge it, open the county's own file and use File > "
            f"Import District Files… (or safer-desk merge COUNTY_FILE \"{path.name}\"); to look at it, open it "
            "read-only. It has not been changed.")


def read_only_look(path: Path) -> sqlite3.Connection:
    """A read-only connection that has read the file's schema, after letting SQLite recover a file whose
    writer was killed: one connection for the probe and the look that follows (each new connection parses
    the whole schema again, about 7 ms for an office file). Raises sqlite3.DatabaseError as connecting does
    (SQLITE_READONLY, ``interrupted_write``: an interrupted write this process may not finish).

    A writer killed mid-transaction leaves a write-ahead log (or a hot journal) that only a writable
    connection may recover ("attempt to write a readonly database" on a read-only one); SQLite does it on
    the first read of a writable connection, restoring the file as it was before the lost transaction.
    Found by benchmarks/kill_loop.py: without this a merge killed at the wrong moment left a file refused
    as damaged at the next start. Only a Safer Desk file this version may write to is recovered so: an export,
    another program's file or a newer version's is read as it lies (``read_as_it_lies``).
    """
    if read_as_it_lies(path):
        return _schema_read(sqlite3.connect(read_only_uri(path, immutable="1"), uri=True))
    try:
        return _schema_read(sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_WAIT_SECONDS))
    except sqlite3.DatabaseError as exc:
        if not interrupted_write(exc) or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            # Not a recovery: the caller says what is wrong. In a folder this user may not write to, SQLite would
            # put the file back but could not remove the journal beside it: left for someone who may write there.
            raise
    with contextlib.closing(sqlite3.connect(str(path), timeout=BUSY_WAIT_SECONDS)) as writer, \
            contextlib.suppress(sqlite3.DatabaseError):
        writer.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return _schema_read(sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_WAIT_SECONDS))


def read_as_it_lies(path: Path) -> bool:
    """Whether path, with a journal beside it (FILE-journal, FILE-wal), is to be read as it lies, the journal neither
    played back into it nor read with it: an export for the county, or a file this version does not write to
    (another program's SQLite file, a newer Safer Desk's), which is refused "unchanged".

    An export is never written to, so a journal beside it is another file's (left by a crash of a file of that name,
    or copied with it): played back, it rewrote the export (its signature then no longer matched), and read with it,
    it showed the export as damaged. The merge reads an export so too (``storage.hostile``)."""
    if journal_beside(path) is None:
        return False  # nothing beside it: read as any file is (the common case costs two stats)
    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path, immutable="1"), uri=True)) as conn:
            conn.execute("PRAGMA writable_schema = ON")  # past a table the interrupted write had begun to make
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                return False  # nothing to read as it lies: the journal may hold all of it
            if _manifest_table() in tables or "meta" not in tables or MIGRATIONS_TABLE not in tables:
                return True
            app = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
            steps = {(r[0], r[1]) for r in conn.execute(f"SELECT migration_set, name FROM {MIGRATIONS_TABLE}")}
            return not app or app[0] != APP_ID or bool(steps - known_steps())
    except sqlite3.DatabaseError:
        return False  # not readable as it lies (half written): SQLite's recovery, as before


def interrupted_write(exc: BaseException) -> bool:
    """Whether a read-only connection's error is a write left interrupted beside the file (a hot journal or
    write-ahead log) that only a writable connection may finish, not damage."""
    return (getattr(exc, "sqlite_errorname", "") or "").startswith("SQLITE_READONLY")


def _schema_read(conn: sqlite3.Connection) -> sqlite3.Connection:
    """conn, once it has read the schema (closed if it cannot)."""
    try:
        read_schema_text(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def read_schema_text(conn: sqlite3.Connection) -> None:
    """Read the file's schema, its text too; a schema whose text is not UTF-8 (a byte spoilt by a bad copy) raises
    sqlite3.DatabaseError, as any damage does.

    SQLite quotes the spoilt text in its error ("malformed database schema … near" the spoilt bytes) or gives it
    as a table's or column's name, and Python, unable to decode either, raised UnicodeDecodeError: not an SQLite
    error, so every caller's words for a damaged file were passed over for a traceback. (A text read as a row's
    value is sqlite3.OperationalError already.)"""
    spoilt = "the description of its tables is damaged: part of it is not readable text"
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    except UnicodeDecodeError as exc:
        raise sqlite3.DatabaseError(spoilt) from exc
    except sqlite3.OperationalError as exc:
        if "decode" in str(exc).casefold():  # Python's words quote the whole statement: said as the damage it is
            raise sqlite3.DatabaseError(spoilt) from exc
        raise


def _step_order(step: tuple[str, str]) -> tuple[int, int]:
    for i, migration_set in enumerate(all_sets()):
        if migration_set.name == step[0]:
            return i, migration_set.names().index(step[1])
    return len(all_sets()), 0  # pragma: no cover - only known steps are ordered


# What the authorizer refuses on the file itself while its write gate is shut (sqlite3's action codes).
_WRITES = frozenset(getattr(sqlite3, name) for name in (
    "SQLITE_INSERT", "SQLITE_UPDATE", "SQLITE_DELETE", "SQLITE_CREATE_TABLE", "SQLITE_CREATE_INDEX",
    "SQLITE_CREATE_TRIGGER", "SQLITE_CREATE_VIEW", "SQLITE_DROP_TABLE", "SQLITE_DROP_INDEX", "SQLITE_DROP_TRIGGER",
    "SQLITE_DROP_VIEW", "SQLITE_ALTER_TABLE", "SQLITE_REINDEX", "SQLITE_ANALYZE", "SQLITE_CREATE_VTABLE",
    "SQLITE_DROP_VTABLE") if hasattr(sqlite3, name))


class WriteGate:
    """What must happen before the first write to an opened file, and nothing sooner.

    - The checks that refuse a damaged file (a damaged page, audit triggers changed or missing). The window
      puts them off until its first screen is drawn (``open_store(defer_checks=True)``) and runs them then,
      before it handles any input; whatever begins a transaction first runs them, so nothing is ever written
      to a file they would refuse. Until they have passed, an authorizer refuses any write to the file
      through a connection that bypasses ``Store.transaction`` (a programming error, never the user's).
    - The switch to WAL, which rewrites the file's header: made after the first transaction that changed
      something (that one is written with SQLite's rollback journal, just as safely), so a file only looked
      at, or "saved" with nothing changed, is left byte for byte as it was (issue 11: opening writes nothing).

    The store and the worker connections made from it share one gate.
    """

    def __init__(self, checks: list[Callable[[sqlite3.Connection], None]] | None = None, *, wal: bool = True):
        self.checks = list(checks or [])
        self.wal = wal  # the switch to WAL is still to come
        self.failure: StoreError | None = None
        self._lock = threading.RLock()
        self._connections: list[sqlite3.Connection] = []

    @property
    def checked(self) -> bool:
        return not self.checks and self.failure is None

    @property
    def written(self) -> bool:
        """Something has been written through this gate (or it was open from the start: a new file)."""
        return self.checked and not self.wal

    def guard(self, conn: sqlite3.Connection) -> None:
        """Refuse writes to the file through conn until the checks have passed."""
        with self._lock:
            if self.checked:
                return
            self._connections.append(conn)
            conn.set_authorizer(_refuse_writes)

    def verify(self, conn: sqlite3.Connection) -> None:
        """Run the checks still to run (once); raise the StoreError of the first that fails, now and after."""
        if self.checked:
            return
        with self._lock:
            if self.failure is not None:
                raise self.failure
            while self.checks:
                try:
                    self.checks[0](conn)
                except StoreError as exc:
                    self.failure = exc
                    raise
                self.checks.pop(0)
            for other in self._connections:
                with contextlib.suppress(sqlite3.ProgrammingError):  # closed already
                    other.set_authorizer(None)
            self._connections.clear()

    def after_commit(self, conn: sqlite3.Connection, changed: bool) -> None:
        """After a transaction: the first that changed something switches the file to WAL."""
        if changed and self.wal:
            with self._lock:
                if self.wal:
                    conn.execute("PRAGMA journal_mode = WAL")
                    self.wal = False


def _refuse_writes(action: int, arg1, arg2, database, source) -> int:
    if action in _WRITES and database == "main":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


_COMMITS = [0]  # changes committed by this process (the command line says what an interruption left saved)


def commits_made() -> int:
    """How many changes this process has committed to any Safer Desk file so far."""
    return _COMMITS[0]


def forget_commits_since(count: int) -> None:
    """The commits made since ``commits_made()`` said count were to a temporary file thrown away (an example file
    stopped before it was put in place): none of them changed a file that is kept."""
    _COMMITS[0] = min(_COMMITS[0], count)


class Store:
    """An open Safer Desk file: one sqlite3 connection in autocommit mode with explicit transactions."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool, lock: OfficeLock | None,
                 gate: WriteGate | None = None):
        self.path = Path(path)
        self.conn = conn
        self.read_only = read_only
        self._lock = lock
        # The Safer Desk run that had the file open and ended without closing it (killed, a power cut), whose lock
        # this store took over ("Safer Desk process 4120 on DESK-7, since 09:05 on 04/12/2026"); "" most times.
        self.left_open_by = lock.left_by if lock is not None else ""
        self._db = None
        self._savepoints = 0  # savepoints open inside the current transaction
        self._journal_left = False  # a failed write's journal could not be played back yet (Store._roll_back)
        self.gate = gate if gate is not None else WriteGate(wal=False)
        if not read_only:
            self.gate.guard(conn)
        # (Re-)registered here so the store holds its connection's audit state (the open batch).
        self.audit_state = audit.register_functions(conn)

    # -- reading ------------------------------------------------------------
    def rows(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def execute_counted(self, table: str, action: str, sql: str, params: Any = ()) -> int:
        """Run one statement that writes rows of `table` by `action` ("insert", "update" or "delete") and nothing
        else; returns the rows it wrote. Inside a batch they are counted once, from the statement, rather than
        row by row by the triggers (audit.rows_counted_by_caller); a statement that changed anything else (a
        trigger's rows) raises, so the batch's counts cannot come out wrong. Outside a batch, a plain execute:
        each row gets its entry."""
        state = self.audit_state
        if state.batch is None:
            return self.conn.execute(sql, params).rowcount
        before = self.conn.total_changes
        with audit.rows_counted_by_caller(self.conn, state) as by_caller:
            written = self.conn.execute(sql, params).rowcount
        if by_caller:
            if self.conn.total_changes - before != written:
                raise RuntimeError(f"A statement counted as {written} {action}s of {table} changed "
                                   f"{self.conn.total_changes - before} rows; the change was not made.")
            if written:  # a statement that wrote nothing leaves no trace, as row-by-row counting does
                state.batch.count(table, action, written)
        return written

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def meta(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return default if value is None else value

    @property
    def schema_version(self) -> int:
        return int(self.scalar(f"SELECT count(*) FROM {MIGRATIONS_TABLE}") or 0)

    @property
    def is_open(self) -> bool:
        """Whether the file is still open here (work left for after the first screen asks before it reads)."""
        try:
            self.conn.total_changes  # noqa: B018 - raises once the connection is closed
        except sqlite3.ProgrammingError:
            return False
        return True

    @property
    def office_id(self) -> str:
        return self.meta("office_id") or ""

    @property
    def office_name(self) -> str:
        return self.meta("office_name") or self.path.stem

    # -- checks ------------------------------------------------------------
    def verify(self) -> None:
        """Run the checks ``open_store(defer_checks=True)`` put off (a damaged page, the audit triggers);
        raise the StoreError that refuses the file. Reads only; cheap once run."""
        self.gate.verify(self.conn)

    def check_pages(self) -> None:
        """Refuse the file (FileDamaged) if a page is damaged: for a store opened only to look at, which is opened
        without that check (``open_store(read_only=True)``), before anything made from it leaves the office."""
        check_pages(self.path, self.conn)

    # -- writing ------------------------------------------------------------
    def _change_mark(self) -> tuple[int, int]:
        """Rows changed on this connection, and the schema's version (DDL is not a row change); only asked
        while the switch to WAL is still to come."""
        if not self.gate.wal:
            return (0, 0)
        return self.conn.total_changes, self.conn.execute("PRAGMA schema_version").fetchone()[0]

    @contextlib.contextmanager
    def snapshot(self) -> Iterator["Store"]:
        """One read transaction: every query inside sees the file as it stood at the first, though another window
        saves meanwhile (a board report's sections all of one moment). Inside a transaction already: that one."""
        if self.conn.in_transaction:
            yield self
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # it only read

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Store"]:
        """All or nothing: BEGIN IMMEDIATE, or a savepoint when already inside a transaction."""
        if self.read_only:
            raise FileReadOnly(f"{self.path.name} is open read-only; nothing can be changed.")
        if self.conn.in_transaction:
            # Named by depth, so the statements' text repeats and sqlite3's statement cache keeps them (and
            # the statements around them: a new name each time evicted those, whose audit triggers make them
            # slow to prepare, ~1 ms each); unique along the nesting, which is all SAVEPOINT needs.
            self._savepoints += 1
            name = f"sp_{self._savepoints}"
            try:
                self.conn.execute(f"SAVEPOINT {name}")
                try:
                    yield self
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                        self.conn.execute(f"RELEASE SAVEPOINT {name}")
                    raise
                else:
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
            finally:
                self._savepoints -= 1
            return
        if self._lock is not None:  # the path still names the file opened (not moved, deleted or replaced under it)
            self._lock.check_still_there()
        self.gate.verify(self.conn)  # the checks put off at open, before anything is written
        changes = self._change_mark()
        # Every outermost transaction belongs to a user action (an unnamed one unless store.action named it).
        with audit.user_action(None):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self._roll_back()
                raise
            else:
                try:
                    self.conn.execute("COMMIT")
                except BaseException:
                    # Refused (another program reading the file held it past the busy timeout, a full disk): a
                    # transaction left open would take every later change into it, unwritten.
                    self._roll_back()
                    raise
                _COMMITS[0] += 1
        self.gate.after_commit(self.conn, self._change_mark() != changes)

    def _roll_back(self) -> None:
        """End a failed transaction, leaving the file on disk whole with nothing beside it; the caller raises the
        original error (a rollback that fails too is not what the person needs to hear).

        A write the disk refused half-way through (a full disk, a network drive gone) may have left some pages
        written and SQLite's rollback unable to write them back: the journal then stays beside the file ("hot")
        for the next opener to play back, and the file copied or attached alone is damaged. The first read on
        this connection plays it back (round 23: the command line said "Nothing was changed" with a half-written
        file and its -journal left on disk). When the disk still refuses, the journal stays for the next opener
        (the read is tried again at close)."""
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        self._journal_left = not self._play_back()

    def _play_back(self) -> bool:
        """One read on the connection, outside any transaction: SQLite plays back a journal left hot beside the
        file (a no-op otherwise). False when it cannot (the disk still refuses)."""
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            return False
        return True

    def action(self, label: str):
        """``with store.action("Save project Suffolk Strive"):`` every audit entry written inside carries
        this action's id and label (nested actions join the outer one), so the history reads one action
        per line."""
        return audit.user_action(label)

    @contextlib.contextmanager
    def batch(self, label: str, *, source: str | None = None, source_hash: str | None = None) -> Iterator[audit.Batch]:
        """One transaction audited as ONE entry: what, the source file and its SHA-256, rows per table.

        The row triggers count instead of writing while it is open; the entry is written at the end in
        the same transaction (nothing at all if it fails, or if it wrote no row: doing the same import
        or merge again changes nothing, the trail included). A batch inside a batch joins it.
        """
        state = self.audit_state
        if state.batch is not None:
            yield state.batch
            return
        with self.action(label), self.transaction():
            current = audit.Batch(label, source, source_hash)
            state.batch = current
            try:
                yield current
            finally:
                state.batch = None
            if current.rows:
                audit.record_batch(self.conn, current)

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def db(self):
        """A sqlite_utils.Database on the same connection (keep it off start-up)."""
        if self._db is None:
            self._db = import_sqlite_utils().Database(self.conn)
        return self._db

    def check_still_there(self) -> None:
        """Raise FileMoved when the path no longer names the file opened (moved, deleted, replaced by another copy,
        or its drive gone): what is written from the path then (a backup) would not be of this file."""
        if self._lock is not None:
            self._lock.check_still_there()

    def work_in(self, copy: "Store") -> None:
        """This store now works in copy's file (File > Save a Copy of a file its path no longer names, with typing
        on screen that can be saved nowhere else): copy's connection, lock and path are taken over, and copy closes
        what this store held. Whatever holds this store (each screen, every step of Edit > Undo) goes on, in the copy,
        which holds the same rows under the same ids. Every attribute is swapped (all of them are the open file's:
        a list of names missed one added later)."""
        mine, theirs = dict(vars(self)), dict(vars(copy))
        vars(self).clear()
        vars(self).update(theirs)
        vars(copy).clear()
        vars(copy).update(mine)
        copy.close()

    def connect_for_thread(self) -> "Store":
        """Another connection to the same file for a worker thread (one connection per thread).

        It shares this store's lock (the process already holds it) and must be closed by the worker. Refused
        (FileMoved) when the path no longer names the file opened: a copy or export made from it read another file.
        """
        if self._lock is not None:
            self._lock.check_still_there()
        return Store(self.path, _connect(self.path, read_only=self.read_only), read_only=self.read_only, lock=None,
                     gate=self.gate)

    def backup_to(self, target: Path) -> Path:
        """Write a consistent copy of the whole file to target (File > Save a Copy), atomically.

        Never over a file another Safer Desk has open for writing (nor this one): the copy would replace it under
        that window, whose saves would then fail or go to a file no longer on disk. Its lock is held while the copy
        is written, so no window opens it half-way either."""
        target = Path(target)
        refuse_copy_where_it_cannot_be_made(target)
        lock = OfficeLock(target)
        try:
            lock.acquire()
        except FileInUse as exc:
            raise _copy_target_held(target, exc) from exc
        except OSError as exc:
            raise copy_not_written(exc, target) from exc
        try:
            refuse_journal_left_beside(target)  # not the journal of a window (the lock is ours): a killed one's
            return _backup_connection(self.conn, target, private=False)
        finally:
            lock.release()

    def close(self) -> None:
        try:
            try:
                self._tidy_before_closing()
            finally:  # Ctrl+C half-way still closes: the last connection's close writes the -wal into the file
                self.conn.close()
            if self.read_only:
                remove_side_files_left(self.path)
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def _tidy_before_closing(self) -> None:
        if self._journal_left and not self.conn.in_transaction:
            self._play_back()  # the disk may have room again since the write it refused
        # A file only looked at (nothing written through the gate) is left as it was: no ANALYZE, and no
        # journal switch unless a killed window had left it in WAL mode.
        if not self.read_only and (self.gate.written or self._in_wal_mode()):
            if self.gate.written:
                with contextlib.suppress(sqlite3.Error):
                    # A sample of each index is enough for the planner: ANALYZE of a whole table just filled
                    # (a big police import's 50,000 figures) took ~20 ms of closing (SQLite's own advice).
                    self.conn.execute("PRAGMA analysis_limit = 400")
                    self.conn.execute("PRAGMA optimize")
            # At rest the file is one self-contained file (no -wal beside it), so a copy or an
            # email attachment holds everything and a read-only opener needs no side files.
            # While someone else still reads it this fails harmlessly and WAL stays on; it must
            # fail at once, not after the busy timeout, or closing the window would freeze.
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA busy_timeout = 0")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self.conn.execute("PRAGMA journal_mode = DELETE")

    def _in_wal_mode(self) -> bool:
        try:
            return self.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        except sqlite3.Error:
            return False

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        options = {"immutable": "1"} if read_as_it_lies(path) else {}
        conn = sqlite3.connect(read_only_uri(path, **options), uri=True, isolation_level=None,
                               check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        # Each committed change is written into the file itself as it is committed, not left in the -wal until
        # 1,000 pages have gathered: a clean-up tool that removes the -wal and -shm while the file is open left
        # another program reading the file as it was before them all, and lost them all if the window was then
        # killed (tests/safety/test_journal_round26.py). A change is a few pages; the copy costs little.
        conn.execute("PRAGMA wal_autocheckpoint = 1")
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_WAIT_SECONDS * 1000)}")  # the wait FileBusy says
    # SQLite's own temporary tables and big sorts (the History of Changes over a long trail, a merge, a listing of
    # referrals) stay in memory: as files they would put the office's rows in the system's temporary folder.
    conn.execute("PRAGMA temp_store = MEMORY")
    audit.register_functions(conn)
    return conn


def _backup_connection(conn: sqlite3.Connection, target: Path, *, label: str = "backup",
                       private: bool = True, name_checked: bool = True) -> Path:
    """A consistent copy of conn's database at target: whole and flushed to disk, or not there at all.
    ``name_checked`` False: target's name is made from a file already there (a backup's), not chosen."""
    with atomic_path(target, label=label, private=private, name_checked=name_checked) as tmp:
        out = sqlite3.connect(str(tmp))
        try:
            conn.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    return target


def backups_folder(path: Path) -> Path:
    return Path(path).parent / "backups"


def leftover_folders(path: Path) -> list[Path]:
    """Where temporary files of a file's own (its exports', copies', backups') are written: beside it, and its
    backups folder. What ended runs left there is removed when the file is opened (``open_store``)."""
    return [Path(path).parent, backups_folder(path)]


BACKUP_STAMP = "%Y%m%d-%H%M%S-%f"
_BACKUP_NAME = LazyPattern(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<reason>[a-z][a-z-]*)\.sqlite$")


_BACKUP_NAME_ROOM = len(".20240101-000000-000000.before-audit-repair.sqlite") + 8  # a stamp, a reason, a margin


def backup_stem(path: Path) -> str:
    """How path's backups are named before their stamp and reason: its stem, or for a stem too long to leave room
    for them within the 255 bytes a name may have, its start and a mark of the whole ("~" and 8 hex digits), so
    the backup can be written and is still its own file's (not another's of the same start)."""
    stem = Path(path).stem
    if len(stem.encode("utf-8")) <= NAME_MAX - _BACKUP_NAME_ROOM:
        return stem
    import hashlib  # only here: a name this long is rare

    mark = "~" + hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    while len((stem + mark).encode("utf-8")) > NAME_MAX - _BACKUP_NAME_ROOM:
        stem = stem[:-1]
    return stem + mark


def backups_of(path: Path) -> list[Path]:
    """The backups of this one data file, oldest first (never another file's: office.2019.sqlite's backups
    are not office.sqlite's, though both start with "office.")."""
    path = Path(path)
    stem = backup_stem(path)
    found = []
    try:
        entries = list(backups_folder(path).iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _BACKUP_NAME.match(entry.name)
        if match and match.group("stem") == stem and entry.is_file():
            found.append((match.group("stamp"), entry))
    return [p for _, p in sorted(found)]


def backup_made_of(path: Path) -> Path | None:
    """The file a backup in a backups folder was made of (a backup opened from there to restore it), as its backups
    name it: the folder above, its stem, ".sqlite" (its own ending is not in the backup's name); None for any other
    file, one named so outside a backups folder too."""
    path = Path(path)
    match = _BACKUP_NAME.match(path.name)
    if match is None or path.parent.name != backups_folder(path).name:
        return None
    return path.parent.parent / f"{match.group('stem')}.sqlite"


def cut_short(path: Path) -> str:
    """Words for a file that ends before the pages its header gives ("it is cut short, 1,465,002 bytes of the
    4,395,008 it should have: a copy, a download or an e-mail attachment that did not finish"), else "": SQLite
    reads such a file as "malformed", which names no cause a person can act on. The header's page count is used
    only where SQLite keeps it valid (its change counter and the version it was written with agree)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return ""
    if not header.startswith(SQLITE_HEADER):
        return ""
    if len(header) < 100:  # no SQLite file is shorter than its header: cut short, whatever size it would have said
        return (f"it is cut short, {size:,} bytes, less than the 100 of the header every SQLite file begins with: a "
                "copy, a download or an e-mail attachment that did not finish (copy it again, or ask for it to be "
                "sent again)")
    if header[24:28] != header[92:96]:
        return ""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    whole = int.from_bytes(header[28:32], "big") * page_size
    if page_size < 512 or not size < whole:
        return ""
    return (f"it is cut short, {size:,} bytes of the {whole:,} it should have: a copy, a download or an e-mail "
            "attachment that did not finish (copy it again, or ask for it to be sent again)")


def where_to_restore(path: Path) -> str:
    """What a person does with a damaged file: open its latest backup (named), else ask IT for theirs; first, when the
    damage is what the -wal beside it adds (``whole_without_its_wal``), to move the -wal aside."""
    path = Path(path).absolute()  # a name typed in a command prompt: the folder said in full
    if whole_without_its_wal(path):
        return (f"The file on its own is whole: the damage is in what {path.name}-wal beside it adds, the journal of a "
                "Safer Desk that did not close, which SQLite reads as part of the file. If the file was replaced "
                "since (a backup or a copy put in its place), that journal is the old file's: move "
                f"{path.name}-wal and {path.name}-shm to another folder (keep them: they hold that run's last "
                "saves) and open the file again.")
    backups = backups_of(path)
    if backups:
        return (f"Open its latest backup instead, {backups[-1].name}, in the backups folder beside it "
                f"({backups_folder(path)}), or ask IT for the copy on the network drive.")
    return (f"There is no backup of it in the backups folder beside it ({backups_folder(path)}): ask IT for the "
            "copy on the network drive.")


def whole_without_its_wal(path: Path) -> bool:
    """Whether a file is whole on its own, without the saves of the -wal beside it (False when it holds none). Asked
    of a file found damaged: a killed window's -wal left beside a file replaced since (a backup copied over it) has
    its pages read over another file's. Read as immutable, SQLite leaves the -wal alone."""
    try:
        if not wal_saves(path)[1]:
            return False
        conn = sqlite3.connect(sqlite_uri_for(Path(path).resolve().as_posix(), {"mode": "ro", "immutable": "1"}),
                               uri=True, timeout=0)
    except (OSError, sqlite3.Error):
        return False
    try:
        return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def where_to_get_whole(path: Path) -> str:
    """What a person does with a file cut short: its latest backup when there is one; else, since a file cut short was
    most often sent (an export for the county, whose county keeps no backup of it), the office is asked for another."""
    if backups_of(Path(path).absolute()):
        return where_to_restore(path)
    restore = where_to_restore(path)  # "There is no backup of it …", going on after the colon in lower case
    return ("If it is an office's export for the county, ask the office to export again and send the new file. If it "
            f"is your own Safer Desk file: {restore[:1].lower()}{restore[1:]}")


def make_backup(path: Path, *, reason: str = "backup", rotate: bool = True, of: Path | None = None) -> Path:
    """A timestamped copy of the file in the backups folder beside it; keeps the last KEEP_BACKUPS of this file
    (``rotate=False``: the older ones stay until ``rotate_backups``, once what it was made for is written).
    ``of``: the file the copy is named, placed and kept as a backup of, when not path itself (``backup_made_of``)."""
    path = Path(path)
    of = path if of is None else Path(of)
    stamp = datetime.now().strftime(BACKUP_STAMP)
    target = backups_folder(of) / f"{backup_stem(of)}.{stamp}.{reason}.sqlite"
    made = not target.parent.exists()
    try:
        target.parent.mkdir(exist_ok=True)  # ours to make, beside the file (a write makes no other folder)
    except FileExistsError as exc:  # a file named "backups" in its place: said so, not "File exists"
        raise write_failed(NotADirectoryError(errno.ENOTDIR, exc.strerror), target) from exc
    except OSError as exc:
        raise write_failed(exc, target) from exc
    src = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        _backup_connection(src, target, name_checked=False)  # (aux.sqlite made on Linux is still backed up)
    except BaseException:
        if made:  # the folder this backup made, left empty by its failure (a full disk) goes with it
            with contextlib.suppress(OSError):
                target.parent.rmdir()
        raise
    finally:
        src.close()
    if rotate:
        rotate_backups(of, target)
    return target


def rotate_backups(path: Path, made: Path) -> None:
    """Keep the last KEEP_BACKUPS backups of path, made (the one just made) among them."""
    # Never the one just made: stamped before others when they were made while the clock was ahead (a clock set
    # wrong, then put right; the hour the clocks go back), it would be the "oldest", and go at once.
    # Nor one open in a window (restored by opening it from the backups folder, as the guide says): removed as the
    # oldest, it went from under that window, and on Linux and macOS the work done in it since went when it closed.
    for old in [b for b in backups_of(path) if b.name != made.name and not _held_open(b)][:-(KEEP_BACKUPS - 1)]:
        with contextlib.suppress(OSError):
            old.unlink(missing_ok=True)


def _held_open(backup: Path) -> bool:
    """Whether a Safer Desk window or command holds backup open (its lock beside it is held); a lock a killed run
    left is not held. Only a backup with a lock file beside it is asked about: the usual one has none."""
    try:
        return OfficeLock.held_by(backup, beside_only=True) is not None
    except OSError:
        return True  # not to be told: kept (a backup too many is better than one too few)


def _drop_backup_of_no_upgrade(path: Path, backup: Path, folder_made: bool, pending: list) -> None:
    """The backup made for an upgrade that failed and was rolled back ("Nothing was changed") goes, with the folder it
    made: a copy of an unchanged file, taking room on a disk that had none (every try would add one). It stays
    whenever the file may not be as it was (a journal beside it, or its steps no longer the ones pending)."""
    try:
        if journal_beside(path) is not None or inspect_file(path).pending != pending:
            return
        backup.unlink()
        if folder_made:
            backup.parent.rmdir()
    except (OSError, StoreError, sqlite3.Error):
        return  # kept: a backup too many is better than one too few


def _check_writable(path: Path) -> None:
    if not path.exists():
        refuse_new_file_in_unwritable_folder(path)
        return
    # The mode bits count even for an administrator: a file marked read-only is not written.
    if not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR:
        if on_read_only_disk(path):
            raise DiskReadOnly(disk_refuses_file(path))
        raise FileReadOnly(f"{path.name} is read-only on disk; it can be opened read-only.")
    if not os.access(path.parent, os.W_OK):
        raise FileReadOnly(folder_refuses_file(path))


def on_read_only_disk(path: Path) -> bool:
    """Whether the disk path is on cannot be written to at all (asked only once writing is known to be refused):
    mounted read-only, or on Windows a write-protected volume. False where the system cannot say."""
    if _on_windows():
        return _windows_volume_read_only(path)
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):
        return False


def _on_windows() -> bool:
    return os.name == "nt"


FILE_READ_ONLY_VOLUME = 0x00080000  # GetVolumeInformationW's flag for a write-protected stick, a CD, a read-only share


def _windows_volume_read_only(path: Path) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32
    root = ctypes.create_unicode_buffer(1024)
    flags = ctypes.c_ulong(0)
    try:
        if not kernel32.GetVolumePathNameW(str(path), root, len(root)):
            return False
        if not kernel32.GetVolumeInformationW(root, None, 0, None, None, ctypes.byref(flags), None, 0):
            return False
    except OSError:
        return False
    return bool(flags.value & FILE_READ_ONLY_VOLUME)


def disk_refuses_file(path: Path) -> str:
    return (f"{path.name} is on a disk that cannot be written to (a write-protected drive or a read-only share); "
            "it can be opened read-only.")


def refuse_new_file_in_unwritable_folder(path: Path | str) -> None:
    """A file to be made in a folder that cannot be written to is refused before anything (its lock file
    included) is tried there, in words that fit a file that does not exist yet."""
    path = Path(path)
    if not os.access(path.parent, os.W_OK):
        raise FolderNotWritable(folder_refuses_new_file(path))


def open_store(path: Path | str, *, create: bool = False, read_only: bool = False,
               office_name: str | None = None, replace_empty: bool = False, check: FileCheck | None = None,
               defer_checks: bool = False, looked: sqlite3.Connection | None = None,
               leftovers_later: bool = False) -> Store:
    """Open (and if needed create or migrate) a Safer Desk file, or raise a StoreError saying why not.

    A zero-byte file is refused with FileEmpty (it is never silently made a new file); replace_empty=True,
    given when the person has said so, makes a new Safer Desk file in its place.

    Nothing is written by opening an up-to-date file: the switch to WAL waits for the first write (its
    ``WriteGate``). ``defer_checks``: the page and audit-trigger checks of an up-to-date file are left to
    ``Store.verify()`` (the window runs it right after its first screen) or to the first write, whichever
    comes first; without it they run here and refuse the file before this returns.

    ``looked``: the writable connection ``inspect_to_write`` made its look through (given with its ``check``): the
    store keeps it when it opens the file to change as it is; it is closed on every other way out.

    What killed runs left beside the file (``leftover_folders``) is removed first, unless ``leftovers_later``: the
    window's start-up removes it once the first screen is drawn (a large folder's listing is not in its way).
    """
    path = Path(path)
    try:
        if not leftovers_later:
            leftovers.remove_leftovers(leftover_folders(path))
        store = _open_store(path, create=create, read_only=read_only, office_name=office_name,
                            replace_empty=replace_empty, check=check, defer_checks=defer_checks, looked=looked)
    except BaseException:
        if looked is not None:
            looked.close()
        raise
    if looked is not None and store.conn is not looked:
        looked.close()
    return store


def _open_store(path: Path, *, create: bool, read_only: bool, office_name: str | None, replace_empty: bool,
                check: FileCheck | None, defer_checks: bool, looked: sqlite3.Connection | None) -> Store:
    if check is None:  # a caller that has just looked (services.files.open_office_file) passes what it saw
        check = inspect_file(path)
    if not check.exists and not create:
        raise FileMissing(f"There is no file at {path}.")
    if not check.exists:
        refuse_other_kind_of_name(path)
        refuse_journal_left_beside(path)
    if check.empty and not (replace_empty and not read_only):
        raise FileEmpty(
            f"{path.name} is empty ({'0 bytes' if path.stat().st_size == 0 else 'an SQLite file with no tables'}): "
            "it is not a Safer Desk file, and it has not been changed. Choose another file, or delete it and "
            "create a new file there.")
    if read_only:
        if not check.exists:
            raise FileMissing(f"There is no file at {path}.")
        if check.pending:
            raise NeedsUpgrade(
                f"{path.name} was made by an older version of Safer Desk and must be opened for writing once "
                "to be upgraded (a backup is made first)."
            )
        # No page check here: it costs about 0.3 s a 100 MB file (benchmarks/open_check.py) and a read-only
        # store cannot spread damage; a damaged page met while reading is an sqlite3.DatabaseError that the
        # command line turns into one line naming the file (cli.main).
        left_by = remove_lock_left(path)  # a killed run's lock, which no read-only look would ever take over
        store = Store(path, _connect(path, read_only=True), read_only=True, lock=None)
        store.left_open_by = left_by
        return store
    refuse_export(path, check)
    refuse_name_too_long(path)
    if check.exists:
        _check_writable(path)
    elif problem := folder_problem(path):
        raise FileMissing(f"The folder {full_folder(path)} {problem}.")
    else:
        _check_writable(path)
    lock = OfficeLock(path)
    try:
        lock.acquire()
    except FileInUse as exc:
        raise FileLocked(str(exc), exc.command) from exc
    if check.exists:
        remove_unmarked_journal(path)  # a killed run's, beside the file for ever after (SQLite leaves it)
    try:
        if not check.exists or check.empty:
            # Built whole in a temporary file and moved into place: a full disk or a kill leaves no
            # half-made file behind that would be refused for ever after as "not a Safer Desk file".
            create_file(path, office_name or path.stem, replace=check.empty)
            lock.lock_the_file_itself()  # now that it is there (a hard link made to it meets this lock too)
            check = FileCheck(True, True, [])
        elif not check.pending:
            # Up to date: the checks run on the store's own connection (no second and third connection
            # parsing the whole schema again), before its first write and never after it.
            gate = WriteGate([lambda c: check_pages(path, c),
                              lambda c: _refuse_damaged_audit(path, _trigger_problems(c, False))])
            conn = looked if looked is not None else _connect(path, read_only=False)
            store = Store(path, conn, read_only=False, lock=lock, gate=gate)
            if not defer_checks:
                try:
                    store.verify()
                except BaseException:
                    conn.close()
                    raise
            return store
        else:
            check_pages(path)
            # Before anything is written, the backup included.
            _refuse_damaged_audit(path, audit_trigger_problems(path, check))
        backup, folder_made = None, False
        # A backup opened to restore it is backed up beside it, as a backup of its file (not in backups/backups).
        backed_up_as = backup_made_of(path) or path
        if check.has_tables and check.pending:
            folder_made = not backups_folder(backed_up_as).exists()
            # the older ones go once it is written
            backup = make_backup(path, reason="before-upgrade", rotate=False, of=backed_up_as)
            faults.boundary("migration:after-backup")
        try:
            conn = _connect(path, read_only=False)
        except BaseException:
            if backup is not None:
                _drop_backup_of_no_upgrade(path, backup, folder_made, check.pending)
            raise
        try:
            if not check.pending:
                conn.execute("PRAGMA journal_mode = WAL")
            else:
                # Written with the file's rollback journal, as it is at rest, and WAL only after the first change
                # (as for an up-to-date file): once committed the upgrade is in the file itself. Made in WAL mode,
                # a disk with room for the -wal but not for copying it into the file left the upgrade in a -wal
                # and -shm beside the file after the command's own change had failed.
                _migrate_all_or_nothing(conn, office_name or path.stem)
                if backup is not None:
                    rotate_backups(backed_up_as, backup)
                return Store(path, conn, read_only=False, lock=lock, gate=WriteGate())
        except BaseException:
            # An upgrade that failed (rolled back) leaves the file as it was: out of WAL mode too, which its header
            # kept ("Nothing was changed", though the file was left in WAL mode at rest).
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.close()
            if backup is not None:
                _drop_backup_of_no_upgrade(path, backup, folder_made, check.pending)
            raise
        return Store(path, conn, read_only=False, lock=lock)
    except BaseException:
        lock.release()
        raise


def check_pages(path: Path, conn: sqlite3.Connection | None = None) -> None:
    """Refuse a damaged file before anything is written to it: a damaged page, or an index that no longer matches its
    table (SQLite's integrity_check, as `safer-desk check` runs it: quick_check does not look inside indexes, and
    `import-figures` added to a file `check` called damaged).

    Run on its own read-only connection, or on a store's connection before its first write (the
    switch to WAL already writes to the file's header), so damage is never built on. Its cost is
    measured by benchmarks/open_check.py (the example file and a 100 MB file).
    """
    try:
        with contextlib.nullcontext(conn) if conn is not None else \
                contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as checking:
            problems = [r[0] for r in checking.execute("PRAGMA integrity_check(5)").fetchall()]
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorname", "") or "") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            return  # another writer is busy with it: not damage (the writable open waits its turn)
        problems = [str(exc)]
    if problems and problems != ["ok"]:
        raise FileDamaged(
            f"{Path(path).name} is damaged and cannot be used ({problems[0]}); it has not been changed. "
            f"{where_to_restore(path)}")


def create_file(path: Path, office_name: str, *, fill=None, replace: bool = False, label: str = "new-file",
                use_blank: bool = True) -> Path:
    """A new Safer Desk file at path, made whole in a temporary file and moved into place at the end.

    The temporary file starts as a copy of the shipped blank file (``storage.blank``: what this version's
    steps make, a few milliseconds instead of about half a second), given its own identity in one
    transaction; when the blank is missing, stale or damaged (or ``use_blank`` is False) the steps run
    instead, as they always did. fill(store), when given, adds rows before the move (the example file).
    Without replace an existing file is never overwritten. The caller holds the path's lock when other
    windows may open it.
    """
    path = Path(path)
    if path.exists() and not replace:
        raise StoreError(f"{path.name} already exists; it has not been changed.")
    refuse_journal_left_beside(path)
    with atomic_path(path, label=label) as tmp:
        from_blank = use_blank and _copy_blank(tmp)
        try:
            conn = _connect(tmp, read_only=False)
        except sqlite3.Error as exc:  # the temporary file was made there: not "permission denied"
            if _cannot_open(exc) and (too_long := path_too_long(tmp)):
                raise NameTooLong(f"A new Safer Desk file cannot be made at {path}: the whole path of the temporary "
                                  f"file it is made in, beside it, is {too_long}. Choose {PATH_TOO_LONG_ADVICE}. "
                                  "Nothing was made.") from exc
            raise
        try:
            if from_blank and blank_problem(conn):
                from_blank, conn = False, _start_again(conn, tmp)  # stale or damaged: the steps, silently
            faults.boundary(f"{label}:after-create")
            try:
                _migrate_all_or_nothing(conn, office_name)  # on a copy of the blank: its identity
            except sqlite3.Error:
                if not from_blank:
                    raise
                # A blank that could not be finished (damage its check did not see): the steps instead. A
                # failure that is not the blank's (a full disk) fails the steps too, and is raised from there.
                from_blank, conn = False, _start_again(conn, tmp)
                _migrate_all_or_nothing(conn, office_name)
            if fill is not None:
                fill(Store(tmp, conn, read_only=False, lock=None))
            faults.boundary(f"{label}:after-migrations" if fill is None else f"{label}:after-fill")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
    return path


# -- the shipped blank file (storage.blank) --------------------------------------------------------------

def _copy_blank(tmp: Path) -> bool:
    """Write the shipped blank file's bytes into the (empty) temporary file; False when there is none."""
    data = blank.read_resource()
    if not data:
        return False
    with open(tmp, "wb") as out:
        out.write(data)
    return True


def _start_again(conn: sqlite3.Connection, tmp: Path) -> sqlite3.Connection:
    """Close conn, empty the temporary file (and any journal beside it) and connect to it afresh."""
    conn.close()
    for side in ("-journal", "-wal", "-shm"):
        Path(str(tmp) + side).unlink(missing_ok=True)
    with open(tmp, "wb"):
        pass
    return _connect(tmp, read_only=False)


def _this_versions_steps() -> list[tuple[str, str]]:
    return [(migration_set.name, name) for migration_set in all_sets() for name in migration_set.names()]


def _blank_identity_problem(conn: sqlite3.Connection) -> str | None:
    """Why conn's file is not an unfinished copy of this version's blank file (None when it is)."""
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is None:
            return "it has no meta table"
        steps = [tuple(r) for r in conn.execute(f"SELECT migration_set, name FROM {MIGRATIONS_TABLE} ORDER BY id")]
        wanted = _this_versions_steps()
        if steps != wanted:
            return (f"it was made by other migration steps ({len(steps)} steps; this version has {len(wanted)}"
                    f"{'' if len(steps) != len(wanted) else ', named or ordered differently'})")
        applied = {r[0] for r in conn.execute(f"SELECT DISTINCT applied_at FROM {MIGRATIONS_TABLE}")}
        meta = {r[0]: r[1] for r in conn.execute("SELECT key, value FROM meta")}
        if meta != {"app": APP_ID, **blank.PLACEHOLDER_META} or applied != {blank.PLACEHOLDER_APPLIED}:
            return "its meta table or applied times are not the blank file's placeholders"
        if conn.execute(f"SELECT 1 FROM {audit.AUDIT_TABLE} LIMIT 1").fetchone() is not None:
            return "its audit trail is not empty"
    except sqlite3.DatabaseError as exc:
        return f"it cannot be read ({exc})"
    return None


def blank_problem(conn: sqlite3.Connection) -> str | None:
    """Why conn's file (a copy of the shipped blank) cannot be used for a new file: damaged (SQLite's
    quick_check), made by other steps than this version's, or not holding the placeholders; None when it can.
    A few milliseconds: the page check reads the whole (1 MB) file once."""
    try:
        pages = [r[0] for r in conn.execute("PRAGMA quick_check(1)").fetchall()]
    except sqlite3.DatabaseError as exc:
        return f"it is damaged ({exc})"
    if pages != ["ok"]:
        return f"it is damaged ({pages[0]})"
    return _blank_identity_problem(conn)


def blank_file_problem(data: bytes | None = None) -> str | None:
    """Why the shipped blank file (or these bytes of one) would not be used by ``create_file``; None when it
    would. For tests and the builder; ``create_file`` checks its own copy."""
    if data is None:
        data = blank.read_resource()
    if not data:
        return f"there is no blank file at {blank.resource()}"
    conn = sqlite3.connect(":memory:")
    try:
        try:
            conn.deserialize(data)
        except sqlite3.DatabaseError as exc:
            return f"it is not an SQLite database ({exc})"
        return blank_problem(conn)
    finally:
        conn.close()


def _finish_blank_copy(conn: sqlite3.Connection, office_name: str) -> None:
    """Give a copy of the blank file its own identity, inside the caller's transaction: what the steps
    write as they make a file (a new office id, created now, the steps applied now, the office's name, this
    version), with the audit trail as they leave it (empty: making the file is not a change to record) and
    every audit trigger checked (and made again where this version's differs, as the steps' last act does).
    """
    state = audit.register_functions(conn)
    state.batch = audit.Batch("make the file")
    try:
        now = datetime.now(timezone.utc)
        identity = {"office_id": new_id(), "created_at": now.isoformat(timespec="seconds"),
                    "office_name": office_name, "written_by": __version__}
        conn.executemany("UPDATE meta SET value = ? WHERE key = ?", [(v, k) for k, v in identity.items()])
        conn.execute(f"UPDATE {MIGRATIONS_TABLE} SET applied_at = ?", (str(now),))
        faults.boundary("migration:before-finish")
        if audit.check_triggers(conn):  # audit.py changed since the blank was built (its test says so too)
            audit.install_triggers(conn)
    finally:
        state.batch = None


def open_upgraded_copy(path: Path | str) -> Store:
    """An older file read as this version reads it, without writing to it (or beside it): a private copy in
    memory, its pending steps applied, open read-only. For looking only (a command printing or reporting): the
    file itself is upgraded, with a backup, only when it is opened for writing."""
    path = Path(path)
    source = _connect(path, read_only=True)
    copy = _connect(Path(":memory:"), read_only=False)
    try:
        source.backup(copy)
        _migrate_all_or_nothing(copy, path.stem)
    except sqlite3.Error as exc:
        copy.close()
        raise NotADatabase(f"{path.name} was made by an older version of Safer Desk and could not be read as this "
                           f"version reads it ({exc}); it has not been changed.") from exc
    except BaseException:
        copy.close()
        raise
    finally:
        source.close()
    return Store(path, copy, read_only=True, lock=None)


def _migrate_all_or_nothing(conn: sqlite3.Connection, office_name: str) -> None:
    """Every pending step, the version and the audit triggers in one transaction (each step a savepoint).

    A run killed or failing half-way leaves the file exactly as it was before the upgrade (with the
    backup beside it), never with some steps applied or without its audit triggers.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        _apply_migrations(conn, office_name)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def import_sqlite_utils():
    """sqlite-utils, without the pandas and numpy it imports whenever they are installed.

    Safer Desk never hands sqlite-utils a pandas or numpy value (they would only add column types for
    them), and importing the two costs about half a second: where they are installed beside Safer Desk
    (a developer's or an analyst's environment) that was half a second added to making a file, a police
    import or a merge. Where another part of the process has already imported them, they are used.
    """
    if "sqlite_utils.migrations" not in sys.modules:
        blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
        with _import_lock:
            for name in blocked:
                sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" raises ImportError
            try:
                import sqlite_utils.migrations  # noqa: F401  (imports sqlite_utils and its db module)
            finally:
                for name in blocked:
                    if sys.modules.get(name, 0) is None:
                        del sys.modules[name]
    return sys.modules["sqlite_utils"]


_import_lock = threading.Lock()


def _apply_migrations(conn: sqlite3.Connection, office_name: str) -> None:
    if _blank_identity_problem(conn) is None:
        # A copy of the shipped blank file (create_file has checked its pages): every step is applied
        # already; what is left is what making the file writes.
        _finish_blank_copy(conn, office_name)
        return
    sqlite_utils = import_sqlite_utils()
    Migrations = sqlite_utils.migrations.Migrations

    db = sqlite_utils.Database(conn)
    state = audit.register_functions(conn)
    if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
        # Making a new file: its seed rows, name and version are part of making it, not changes to record.
        state.batch = audit.Batch("make the file")
    steps_run = 0

    def between_steps(fn):
        # sqlite-utils runs a step and records it in one savepoint: the boundary is passed as the next
        # step starts, before it changes anything, i.e. between finished steps.
        def step(database) -> None:
            nonlocal steps_run
            if steps_run:
                faults.boundary("migration:after-step")
            steps_run += 1
            fn(database)
        return step

    for migration_set in all_sets():
        runner = Migrations(migration_set.name)
        for name, fn in migration_set.steps:
            runner(name=name)(between_steps(_with_audit_triggers(fn)))
        runner.apply(db)
    faults.boundary("migration:before-finish")
    with db.atomic():
        conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('office_name', ?)", (office_name,))
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('written_by', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (__version__,),
        )
        audit.install_triggers(conn)
    state.batch = None


def _with_audit_triggers(fn):
    """A migration step that also makes the audit triggers of the tables it created or changed, in its own
    transaction: a crash between a step and its triggers cannot leave a table unaudited. In a county file, the rows
    still as merged in a table the step gave columns are hashed again as they now are (``storage.row_hashes``): the
    office's next export replaced them, and raised none as edited at the county."""

    def step(db) -> None:
        from safer_desk.storage import row_hashes  # (hashlib: not on the way to the first screen)

        before = audit.table_definitions(db.conn)
        merged = row_hashes.merged_columns(db.conn)  # a county file's merged rows: kept as merged through the step
        fn(db)
        after = audit.table_definitions(db.conn)
        changed = [t for t, sql in after.items() if before.get(t) != sql]
        audit.install_triggers(db.conn, tables=changed)
        row_hashes.keep_as_merged(db.conn, merged, changed)

    step.__name__ = fn.__name__
    return step


def _trigger_problems(conn: sqlite3.Connection, pending: bool) -> list:
    """What is wrong with the audit triggers; with steps still to apply, only whether they are all there
    (their exact SQL is this version's and is made again by the steps)."""
    if not audit.chain_ready(conn):
        return []  # a file from before the chain: the step that chains it makes every trigger and records any gap
    problems = audit.check_triggers(conn)
    if pending:
        problems = [p for p in problems if p.kind != "changed"]
    return problems


def audit_trigger_problems(path: Path, check: FileCheck | None = None) -> list:
    """A read-only look at a file's audit triggers (an empty list when all is well)."""
    if check is None:
        check = inspect_file(path)
    if not check.has_tables:
        return []
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return _trigger_problems(conn, bool(check.pending))
    finally:
        conn.close()


def _refuse_damaged_audit(path: Path, problems: list) -> None:
    if problems:
        raise AuditTrailDamaged(path, problems)


def repair_audit_trail(path: Path | str, also: Callable[[sqlite3.Connection], Any] | None = None) -> "RepairReport":
    """Back the file up, make its audit triggers again, re-seal a broken chain and record the gap.

    ``also``: more mending (the county's register of keys), run in the same transaction after the trail's.
    Raises a StoreError when the file cannot be opened for writing (missing, in use, read-only …).
    """
    from safer_desk.storage.audit_chain import repair  # (not on the way to the first screen)

    path = Path(path)
    check = inspect_file(path)
    if not check.has_tables:
        raise FileMissing(f"There is no Safer Desk file at {path}.")
    _check_writable(path)
    before = audit_trigger_problems(path)
    lock = OfficeLock(path)
    try:
        lock.acquire()
    except FileInUse as exc:
        raise FileLocked(str(exc), exc.command) from exc
    try:
        make_backup(path, reason="before-audit-repair")
        conn = _connect(path, read_only=False)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            if check.pending:
                _migrate_all_or_nothing(conn, path.stem)  # the chaining step makes every trigger again
            conn.execute("BEGIN IMMEDIATE")
            try:
                report = repair(conn, known=before)
                if also is not None:
                    also(conn)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        finally:
            Store(path, conn, read_only=False, lock=None).close()
        return report
    finally:
        lock.release()
