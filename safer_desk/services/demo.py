"""The example file: reference data and each tab's examples, all taken from the seed board papers.

`safer-desk --demo` does not build it (about 1.5 s): it copies a prebuilt one shipped in
resources/example/example.sqlite.gz into its own temporary folder (services.example_copy). Each file
`build_demo` writes is an office of its own (its own office id, so a county can merge several); the
shipped file keeps the seeded one. A test checks that the shipped file equals what `build_demo` writes,
the office id set aside; after changing the example data, rebuild it with

    python -m safer_desk.services.demo --write-resource

which writes resources/example/example-rows.json too (services.example_rows: how a county tells an office that
sent only its copy of the example; a test checks it against a fresh merge of two copies).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from safer_desk.domain.clock import held_at
from safer_desk.domain.ids import seeded_ids
from safer_desk.services.demo_data import allocation, budgets, costs, indicators, projects, reference
from safer_desk.storage import audit
from safer_desk.storage.locking import FileInUse, OfficeLock
from safer_desk.storage.store import (Store, StoreError, create_file, refuse_journal_left_beside, refuse_name_too_long,
                                     refuse_new_file_in_unwritable_folder)

# Each tab adds its own examples; order matters only where one tab uses another's rows.
CONTRIBUTORS = (reference.add_examples, projects.add_examples, allocation.add_examples,
                costs.add_examples, indicators.add_examples, budgets.add_examples)

# The example file's row ids come from this seed, so every build (and the shipped copy) is the same.
DEMO_SEED = 20091011
REBUILD_COMMAND = "python -m safer_desk.services.demo --write-resource"

EXAMPLE_OFFICE = "Example office (seed papers)"
EXAMPLE_AUTHOR = audit.EXAMPLE_AUTHOR  # who the example's audit trail says made its rows (View > History of Changes)


class DemoError(ValueError):
    pass


@seeded_ids(DEMO_SEED)
@held_at()
def build_demo(path: Path | str, *, overwrite: bool = False, own_office: bool = True) -> Path:
    """Write the example data to a new file at path (refusing to overwrite unless asked).

    The file is built whole in a temporary file beside path and moved into place at the end, so a run
    killed half-way (or a full disk) leaves any old file at path exactly as it was. It is an office of its
    own (a fresh office id; its rows keep the seeded ids); own_office=False keeps the seeded office id too
    (the shipped file).
    """
    return _build_demo(Path(path), overwrite=overwrite, keep=False, own_office=own_office)[0]


def replace_with_demo(path: Path | str) -> tuple[Path, Path | None]:
    """`demo OUT --force`: the example in place of whatever is at path, and the backup kept of the Safer Desk file
    it replaced (None when there was none). The backup is made once the file's lock is held: a file open in a
    window is refused before any copy is made (each refused try made one, and the backups folder keeps five a
    file, so a script retrying pushed the real ones out)."""
    return _build_demo(Path(path), overwrite=True, keep=True)


def _build_demo(path: Path, *, overwrite: bool, keep: bool, own_office: bool = True) -> tuple[Path, Path | None]:
    if path.exists() and not overwrite:
        raise DemoError(f"{path} already exists; choose a new file name.")
    if path.is_dir():
        raise DemoError(f"{path} is a folder; choose a file name.")
    try:  # before the lock: its file, beside path, is one the person never asked for and need not hear of
        refuse_new_file_in_unwritable_folder(path)
        refuse_name_too_long(path)  # written, then refused by every change after it
    except StoreError as exc:
        raise DemoError(str(exc)) from None
    lock = OfficeLock(path)
    try:
        lock.acquire()  # never replace a file another window is writing to
    except FileInUse as exc:
        raise DemoError(f"{path.name} is open in {exc.who}{exc.holder}; {exc.what_to_do}. Nothing was changed.") \
            from None
    try:
        with _commits_count_once_in_place(path):
            # Refused for a journal holding saves before the backup, not after it: each refused try kept another
            # copy, and five a file push the real backups out.
            refuse_journal_left_beside(path)
            kept = keep_before_replacing(path) if keep else None
            create_file(path, EXAMPLE_OFFICE, fill=fill_own_demo if own_office else fill_demo, replace=overwrite,
                        label="demo")
    except StoreError as exc:
        raise DemoError(str(exc)) from exc
    finally:
        lock.release()
    return path, kept


@contextlib.contextmanager
def _commits_count_once_in_place(path: Path) -> Iterator[None]:
    """The example is filled in a temporary copy, committing as it goes: stopped before the copy is in place at
    path (Ctrl+C, a full disk), those commits went with the copy and changed no file. Counted, Ctrl+C said "what
    was saved before then stays saved, and the file is whole" of a file that was not there."""
    from safer_desk.storage import store

    before, commits = _file_state(path), store.commits_made()
    try:
        yield
    except BaseException:
        if _file_state(path) == before:
            store.forget_commits_since(commits)
        raise


def _file_state(path: Path) -> tuple[int, int, int] | None:
    """Enough of path's identity to tell it was replaced (None when there is no file there)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


def keep_before_replacing(path: Path | str) -> Path | None:
    """Before `demo OUT --force` replaces a Safer Desk file: a backup of it in the backups folder beside it (its
    path; None when there is no such file there to keep). A file named by mistake is never lost with no copy."""
    from safer_desk.storage.store import remove_side_files_left

    path = Path(path)
    try:
        return _keep(path)
    finally:
        # A file left in WAL mode at rest: the look at it made FILE-shm and an empty FILE-wal, which would stay beside
        # the new file (not in WAL mode, nothing reads them).
        remove_side_files_left(path)


def _keep(path: Path) -> Path | None:
    from safer_desk.storage.store import holds_data, inspect_file, make_backup

    if not path.is_file():
        return None
    try:
        check = inspect_file(path)
    except StoreError as exc:
        if not holds_data(path):
            return None  # not a database (the name checks say what may be replaced), or an export: nothing kept
        # A newer version's file, another program's database, one cut short: no copy can be kept as a Safer Desk
        # file's is, so it is never replaced with none.
        raise DemoError(f"{exc} {path.name} was not replaced with the example: --replace replaces a Safer Desk file "
                        "once a copy of it is kept in the backups folder, and this one cannot be kept as one. Name "
                        "a new file (or move this one away first). Nothing was changed.") from exc
    if not check.has_tables or check.empty:
        return None
    try:
        return make_backup(path, reason="before-replace")
    except (OSError, StoreError) as exc:
        raise DemoError(f"{path.name} was not replaced: a backup of it could not be made first ({exc}).") from exc


def fill_demo(store: Store) -> None:
    """The example's rows, written by EXAMPLE_AUTHOR in its audit trail whoever builds it (the shipped file named
    the engineer's login for every change, and a build by anyone else differed from it)."""
    state = store.audit_state
    user, state.user = state.user, EXAMPLE_AUTHOR
    try:
        for add in CONTRIBUTORS:
            add(store)
    finally:
        state.user = user


def fill_own_demo(store: Store) -> None:
    """The example as an office of its own: a fresh office id before the examples (its office areas are kept
    under it). Every file the seeded id was in was the same office: the county refused the second of two
    offices made with `safer-desk demo` as a copy of the first."""
    give_own_office_id(store)
    fill_demo(store)


def give_own_office_id(store: Store) -> None:
    """A new office id for a file being made (part of making it, as its first id is: no audit entry)."""
    import uuid

    from safer_desk.storage import audit

    state = store.audit_state
    state.batch = audit.Batch("make the file")  # counted, never recorded
    try:  # one statement, its own transaction (store.transaction's action id is drawn seeded: rows' ids would move)
        store.conn.execute("UPDATE meta SET value = ? WHERE key = 'office_id'", (uuid.uuid4().hex,))
    finally:
        state.batch = None


# --- the shipped example file (copied by services.example_copy) -----------------------------------------

def write_resource(out: Path | None = None) -> Path:
    """Build the example file and store it, gzipped, as the shipped resource of the source checkout."""
    from safer_desk.services.example_copy import RESOURCE_PARTS
    from safer_desk.storage.safe_write import write_built_resource

    written = write_built_resource(RESOURCE_PARTS, lambda path: build_demo(path, own_office=False), out,
                                   refuse=DemoError)
    if out is None:  # the county's way of telling an office that sent only its copy of the example (example_rows)
        from safer_desk.services.example_rows import write_example_hashes

        write_example_hashes()
    return written


def main(argv: list[str] | None = None) -> int:
    from safer_desk.storage.safe_write import resource_main

    return resource_main(sys.argv[1:] if argv is None else argv, REBUILD_COMMAND, "the example file", write_resource)


if __name__ == "__main__":
    sys.exit(main())
