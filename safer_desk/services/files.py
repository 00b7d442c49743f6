"""Opening, copying and backing up the office file, for the window (which may not import storage).

The one write that opening may make is announced: an older file is backed up and upgraded,
and ``OpenedFile.upgraded_from`` says so, so the window can tell the person.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, NamedTuple

from safer_desk.storage.leftovers import remove_leftovers
from safer_desk.storage.safe_write import cause_of, folder_said, is_write_error, write_chunks, write_failed
from safer_desk.storage.schema import schema_version
from safer_desk.storage.store import (AuditTrailDamaged, CopyNotWritten, FileEmpty, FileLocked, FileMissing,
                                      FileReadOnly, IsAnExport, JournalMissing, NeedsUpgrade, Store, StoreError,
                                      backup_made_of, backups_of, inspect_file, inspect_to_write, journal_went_missing,
                                      leftover_folders, make_backup, on_read_only_disk, open_store, open_upgraded_copy,
                                      repair_audit_trail, why_copy_refused)

# What a failed read or write of the file raises, for the window to catch without importing sqlite3.
DatabaseError = sqlite3.Error

__all__ = ["AuditTrailDamaged", "CopyNotWritten", "DatabaseError", "FileEmpty", "FileLocked", "FileMissing",
           "FileReadOnly", "IsAnExport", "JournalMissing", "OpenNotWritten", "OpenedFile", "Store", "StoreError",
           "back_up", "folder_said", "open_office_file", "leftover_folders", "no_longer_there", "own_file_not_made",
           "program_schema_version",
           "reading_connection", "remove_leftovers", "repair_audit_trail", "why_copy_refused", "work_in_copy",
           "write_chunks", "write_refused"]


def _system_refusal(exc: BaseException | None) -> int | None:
    """The errno of the system's refusal behind exc (raised as it is, or the cause of the StoreError said of it)."""
    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, (OSError, sqlite3.Error)) and (code := cause_of(exc)[0]) is not None:
            return code
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def own_file_not_made(folder: Path, exc: BaseException, *, folder_made: bool = True) -> str:
    """Why the officer's own file could not be made in Safer Desk's data folder on a first start, and what to do: the
    folder is named in full (the person never chose it), the cause comes from the system's error (a read-only disk,
    no permission, a full disk; ``folder_made`` False: the folder itself could not be made), and the advice is to
    work in a file kept elsewhere or to move the data folder."""
    code = _system_refusal(exc)
    if code is None:  # refused before anything was tried there (the folder's permissions were looked at first)
        code = (errno.EROFS if on_read_only_disk(folder) else
                errno.EACCES if os.path.isdir(folder) and not os.access(folder, os.W_OK) else None)
    cause = {errno.EROFS: "the disk it is on is read-only (a write-protected drive or a read-only share)",
             errno.EACCES: "you do not have permission to write in it",
             errno.EPERM: "you do not have permission to write in it",
             errno.ENOSPC: "the disk it is on is full"}.get(code) or write_refused(exc) or str(exc)
    if os.path.isfile(folder):  # SAFER_DESK_HOME naming a file (the own file itself): not "The folder … is a file".
        cause = "that is a file, not a folder"
    cause = cause.rstrip(".")
    access = (" or ask your IT team for write access to it"
              if code in (errno.EACCES, errno.EPERM) else "")
    where = (f"your own file in its data folder {folder}" if folder_made else
             f"its data folder {folder}, where your own file is kept")
    return (f"Safer Desk could not make {where}: {cause}. Nothing was made or "
            "changed.\n\nYou can still work in a file kept elsewhere: File > Open opens one, File > New makes one in a "
            "folder you choose. To keep your own file in another folder, start Safer Desk with SAFER_DESK_HOME set to "
            f"that folder (see \"Your file\" in the user guide){access}.")


class OpenNotWritten(StoreError):
    """Opening a file to change it had to write (a new file made, an older one backed up and upgraded) and the disk
    refused (full, gone, read-only): the file is as it was. Said as any refused open is, naming the file."""


def write_refused(exc: BaseException) -> str | None:
    """The cause in words ("the disk is full") when exc means the disk or the file refused a write; None for any
    other error (a refusal of bad input, or a bug)."""
    return cause_of(exc)[1] if is_write_error(exc) else None


def says_itself(exc: BaseException) -> bool:
    """Whether exc's words are the whole message (the file, the folder, the cause and "Nothing was changed"): a
    copy refused where it was to go, a write the disk refused; shown as they are, not after "could not be written"
    again."""
    from safer_desk.storage.safe_write import WriteFailed

    return isinstance(exc, (CopyNotWritten, WriteFailed))


class OpenedFile(NamedTuple):
    """An office file just opened, and what opening it did (an upgrade and its backup). (A NamedTuple: Python 3.11
    compiles a frozen dataclass's methods as it is made, 3 M instructions of every start.)"""
    store: Store
    upgrade_steps: int = 0  # how many schema steps this open applied to an older file
    backup: Path | None = None  # the copy kept before the upgrade
    read_as_upgraded: bool = False  # an older file opened to look at: read through an upgraded copy in memory

    def announcement(self) -> str:
        """What the window says after opening ("" when opening wrote nothing)."""
        if not self.upgrade_steps:
            return ""
        kept = f"; a copy of the file as it was is in {self.backup}" if self.backup else ""
        return (f"{self.store.path.name} was made by an older version of Safer Desk and has been upgraded "
                f"({self.upgrade_steps} change{'s' if self.upgrade_steps != 1 else ''} to its tables){kept}.")

    def taken_over_note(self) -> str:
        """What is said when the file was left open by a Safer Desk run that ended without closing it ("" otherwise):
        its lock was taken over, and nothing saved is lost (each change is written as it is made)."""
        if not self.store.left_open_by:
            return ""
        here = "the lock it left is removed" if self.store.read_only else "it is open here now"
        return (f"{self.store.path.name} was left open by {self.store.left_open_by}, which ended without closing it "
                f"(the program was stopped, or the computer switched off): {here}. Every change saved before then is "
                "in the file.")

    def reading_note(self) -> str:
        """What is said when an older file opened only to look at is read as this version reads it ("" otherwise)."""
        if not self.read_as_upgraded:
            return ""
        return (f"{self.store.path.name} was made by an older version of Safer Desk: it is read as this version reads "
                "it and is not changed (it is upgraded, with a backup, the next time it is opened to change it).")


def open_office_file(path: Path | str, *, create: bool = False, read_only: bool = False,
                     replace_empty: bool = False, defer_checks: bool = False,
                     leftovers_later: bool = False) -> OpenedFile:
    """Open (create, or upgrade after a backup) an office file; StoreError says why not.

    A zero-byte file raises FileEmpty unless ``replace_empty`` (the person agreed to start a new file there).
    ``defer_checks``: the damage checks of an up-to-date file wait for ``store.verify()`` or its first write
    (``storage.store.WriteGate``). ``leftovers_later``: what killed runs left beside it is the caller's to remove
    (``remove_leftovers(leftover_folders(path))``), as the window's start-up does after its first screen.
    """
    path = Path(path)
    # Opened to change: the look is made through the connection the store then keeps (one parse of the schema).
    check, looked = (inspect_file(path), None) if read_only else inspect_to_write(path)
    upgrading = check.exists and check.has_tables and check.pending and not read_only
    steps = len(check.pending) if upgrading else 0
    try:
        store = open_store(path, create=create, read_only=read_only, replace_empty=replace_empty, check=check,
                           defer_checks=defer_checks, looked=looked, leftovers_later=leftovers_later)
    except (OSError, DatabaseError) as exc:
        # Not left to the window's last-resort hook, which said "Change not saved" of the file open before.
        if isinstance(exc, StoreError) or (cause := write_refused(exc)) is None:
            raise  # a refusal said already (a folder refusing the lock is both), or not a write refused
        if upgrading:
            raise OpenNotWritten(
                f"{path.name} was made by an older version of Safer Desk: opened to change, it is upgraded after a "
                f"backup of it is made, and these could not be written ({cause}). Nothing was changed. Deal with the "
                "cause (for example, free some space on the disk), then open it again.") from exc
        raise OpenNotWritten(str(write_failed(exc, path))) from exc
    except NeedsUpgrade:  # an older file opened only to look at (read-only storage, or in use): nothing written
        store = open_upgraded_copy(path)
        if check.export:
            _figures_for_reading(store)
        return OpenedFile(store, read_as_upgraded=True)
    backup = None
    if upgrading:
        kept = [p for p in backups_of(path) if p.name.endswith(".before-upgrade.sqlite")]
        backup = kept[-1] if kept else None
    if read_only and check.export:  # an export opened to look at: the figures its police.uk counts give
        _figures_for_reading(store)
    return OpenedFile(store, steps, backup)


def _figures_for_reading(store: Store) -> None:
    """An export opened to look at: the police.uk figures its counts give, for this connection (nothing written).
    When they cannot be worked out the store is closed before the error goes on: nobody else holds it."""
    from safer_desk.services.police_import import figures_for_reading

    try:
        figures_for_reading(store)
    except BaseException:
        store.close()
        raise


# The endings File > Open's filter lists ("Safer Desk files (*.sqlite *.sqlite3 *.db)"), as a file dropped on the window
# opens and as the command line reads a file named so as a Safer Desk file (.sqlite3: SQLite's own tools' ending).
OFFICE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def new_office_file_name(name: Path | str) -> Path:
    """A new Safer Desk file's path as typed, with .sqlite added unless it ends in a suffix File > Open lists: a dot
    in a name ("Babergh 2019.20", "Plan v2.1") is not a suffix, and without .sqlite Open's filter hid the file.
    A name ending as another kind of file's (.csv, .xlsx) is kept as typed, for the caller to refuse."""
    path = Path(name)
    if path.suffix.lower() in OFFICE_SUFFIXES or names_another_kind(path):
        return path
    # A dot or space typed at the end ("office.", as a sentence ends) is no part of the name: Windows drops them
    # ("office." is "office" there), and .sqlite after them made "office..sqlite".
    return path.with_name((path.name.rstrip(". ") or path.name) + ".sqlite")


def names_another_kind(path: Path | str) -> bool:
    """The name ends as another kind of file's does (.csv, .xlsx …): never made a Safer Desk file under it."""
    from safer_desk.storage.store import OTHER_KINDS_OF_FILE

    return Path(path).suffix.lower() in OTHER_KINDS_OF_FILE


def back_up(path: Path, *, reason: str = "on-demand", store: Store | None = None) -> Path:
    """A dated backup of the file at path in the backups folder beside it. ``store``: the file open in the window,
    refused (FileMoved) when path no longer names it: a backup from the path would be of another file, or said as a
    missing backups folder when the drive was pulled out."""
    if store is not None:
        store.check_still_there()
    try:
        # A backup opened to restore it is backed up beside it, as a backup of its file: not in backups/backups, where
        # no one looked for it and the file's last five did not count it.
        return make_backup(path, reason=reason, of=backup_made_of(path))
    except Exception as exc:
        if (missing := journal_went_missing(path, exc)) is not None:
            raise missing from exc
        raise


def no_longer_there(store: Store) -> str | None:
    """Why the open file's path no longer names it (moved, deleted, replaced by another copy), in words; None while
    it does. The window still holds the file itself then: Save a Copy writes it from there."""
    from safer_desk.storage.locking import FileMoved

    try:
        store.check_still_there()
    except FileMoved as exc:
        return str(exc)
    return None


def work_in_copy(store: Store, copy: Path) -> None:
    """The window's file, no longer where it was opened, is worked on in its copy (just written from the window's
    own connection) from now on: what is typed on screen can be saved there, and nowhere else. StoreError when the
    copy cannot be opened to change (the window then stays on the file it held)."""
    store.work_in(open_store(copy))


def program_schema_version() -> int:
    return schema_version()


@contextmanager
def reading_connection(store: Store) -> Iterator[Store]:
    """Another connection to the open file for a worker thread that only reads (one connection per thread).

    It is closed without ``Store.close``'s housekeeping: ``PRAGMA optimize`` may run ANALYZE and the
    switch back from WAL rewrites the header, and either is a write to a file the person only looked
    at (issue 11, behaviour 8: found by the no-write test when the Costs tab's pages loaded).
    """
    own = store.connect_for_thread()
    try:
        yield own
    except Exception as exc:
        if (missing := journal_went_missing(store.path, exc)) is not None:
            raise missing from exc
        raise
    finally:
        own.conn.close()
