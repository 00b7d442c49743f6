"""Fresh copies of the example file for `safer-desk --demo`, in their own temporary folders.

The copy comes from the prebuilt file shipped in resources/example/example.sqlite.gz (a few
milliseconds; building it takes about 1.5 s, see services.demo). Each copy lives in
<temp>/safer-desk-demo-<random>/example.sqlite and goes when its run ends; the folders of killed
runs are removed by the next run. Cheap to import: the window asks `is_demo_copy` on every open.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

RESOURCE_PARTS = ("example", "example.sqlite.gz")
# Nothing else uses this name in the temporary folder.
COPY_PREFIX = "safer-desk-demo-"
COPY_NAME = "example.sqlite"
# What a demo folder may hold (the copy, SQLite's and the lock's side files, a pre-upgrade backup):
# a folder with anything else in it is not ours and is never removed.
_COPY_FILES = {COPY_NAME, *(COPY_NAME + s for s in ("-wal", "-shm", "-journal", ".lock", ".lock-holder"))}
STALE_AFTER_S = 60  # a folder this old whose file nobody has open is left over from a killed run


def example_resource() -> Path:
    from safer_desk.paths import resource

    return resource(*RESOURCE_PARTS)


def copy_example(target: Path) -> Path:
    """Write the shipped example file to target; build it instead if it is not shipped."""
    import gzip
    import shutil

    target = Path(target)
    try:
        with gzip.open(example_resource(), "rb") as src, open(target, "wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
    except (FileNotFoundError, gzip.BadGzipFile, EOFError):
        target.unlink(missing_ok=True)
        from safer_desk.services.demo import build_demo

        build_demo(target)
    return target


def copies_folder() -> Path:
    import tempfile

    return Path(tempfile.gettempdir())


def is_demo_copy(path: Path | str) -> bool:
    """True for a file inside a `--demo` temporary folder (it is gone when that run ends)."""
    folder = Path(os.path.realpath(path)).parent
    if not folder.name.startswith(COPY_PREFIX):  # the usual answer, without importing tempfile (start-up)
        return False
    return folder.parent == Path(os.path.realpath(copies_folder()))


@contextlib.contextmanager
def example_copy() -> Iterator[Path]:
    """A fresh copy of the example file in its own temporary folder, removed on the way out (normal
    exit or exception). The folder is noted in this run's working session before it is made, so a killed
    run's copy goes at the next start of any kind (storage.leftovers.remove_leftovers); remove_stale_copies
    takes those of runs that kept no notes."""
    from safer_desk.storage.leftovers import new_temp_folder, remove_temp_folder

    remove_stale_copies()
    folder = new_temp_folder(COPY_PREFIX)
    try:
        yield copy_example(folder / COPY_NAME)
    finally:
        remove_temp_folder(folder)


@contextlib.contextmanager
def example_copy_said(refuse: type[Exception]) -> Iterator[Path]:
    """example_copy() for the command line: a copy that cannot be made (the temporary folder's disk full or refused)
    raised as refuse(words naming the example's copy and the folder), not as an unnamed file's "could not be written";
    errors of the work done with the copy pass as they are."""
    with contextlib.ExitStack() as stack:
        try:
            path = stack.enter_context(example_copy())
        except OSError as exc:
            raise refuse(example_not_copied(exc)) from exc
        yield path


def example_not_copied(exc: OSError) -> str:
    """Why the example could not be opened: its copy could not be made in the temporary folder."""
    from safer_desk.storage.safe_write import cause_of

    return (f"The example could not be copied into the temporary folder {copies_folder()}: {cause_of(exc)[1]}. "
            "Your own file is as it was.")


def remove_stale_copies(*, older_than_s: float = STALE_AFTER_S) -> list[Path]:
    """Remove `--demo` folders left by runs that were killed: only our own names in the temporary
    folder, only when they hold nothing but our files and nobody has the copy open."""
    import shutil
    import time

    from safer_desk.storage.locking import OfficeLock

    removed = []
    now = time.time()
    try:
        candidates = sorted(copies_folder().glob(COPY_PREFIX + "*"))
    except OSError:
        return removed
    for folder in candidates:
        try:
            if folder.is_symlink() or not folder.is_dir() or now - folder.stat().st_mtime < older_than_s:
                continue
            if not _holds_only_our_files(folder):
                continue
            if OfficeLock.held_by(folder / COPY_NAME):
                continue  # another window has this example open
            shutil.rmtree(folder)
            removed.append(folder)
        except OSError:
            continue
    return removed


def _holds_only_our_files(folder: Path) -> bool:
    for item in folder.iterdir():
        if item.is_symlink():
            return False
        if item.is_dir():
            if item.name != "backups" or any(not p.name.startswith("example.") for p in item.iterdir()):
                return False
        elif item.name not in _COPY_FILES:
            return False
    return True
