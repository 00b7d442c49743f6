"""The blank Safer Desk file shipped in resources/blank/blank.sqlite.gz, and the command that rebuilds it.

Every new file starts as what this version's migration steps make of an empty database; running the 23
steps through sqlite-utils took about 0.35 s (and importing sqlite-utils 0.1 s more) each time a file was
made: a police import into a new file, a county merge, File > New. The blank file is that result made
once, with placeholders where each file has its own identity (office id, created time, office name,
version, the steps' applied times). ``store.create_file`` copies its bytes and gives the copy its identity
in one transaction; it falls back to running the steps, silently, whenever the blank is missing, stale (a
step was appended and the blank not rebuilt) or damaged. A test checks that a file made from it equals one
made by the steps; after appending a migration step, rebuild it with

    python -m safer_desk.storage.blank --write-resource

Cheap to import (the standard library only, loaded when used).
"""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCE_PARTS = ("blank", "blank.sqlite.gz")
REBUILD_COMMAND = "python -m safer_desk.storage.blank --write-resource"

# What the shipped blank holds where each new file gets its own values (meta keys, then the applied time of
# every row of _sqlite_migrations). Fixed, so that the same steps give the same bytes and no office's id or
# time is shipped.
PLACEHOLDER_META = {
    "office_id": "0" * 32,
    "created_at": "1970-01-01T00:00:00+00:00",
    "office_name": "",
    "written_by": "",
}
PLACEHOLDER_APPLIED = "1970-01-01 00:00:00+00:00"


def resource() -> Path:
    """Where the shipped blank file is (in the source checkout, the installed package or a packaged build)."""
    from safer_desk.paths import resource as shipped

    return shipped(*RESOURCE_PARTS)


def read_resource(path: Path | None = None) -> bytes | None:
    """The blank file's bytes, or None when it is not shipped or cannot be read whole."""
    import gzip
    import zlib

    try:
        with gzip.open(resource() if path is None else path, "rb") as src:
            return src.read()
    except (OSError, EOFError, zlib.error):  # missing, unreadable, not gzip, cut short
        return None


def build(target: Path) -> Path:
    """Make the blank file at target by running this version's steps, then put the placeholders in."""
    import contextlib
    import sqlite3

    from safer_desk.storage import audit, store

    target = Path(target)
    store.create_file(target, "", replace=True, use_blank=False)
    conn = sqlite3.connect(str(target), isolation_level=None)
    try:
        state = audit.register_functions(conn)
        state.batch = audit.Batch("make the file")  # as when the steps ran: not a change to record
        # The values replaced are zeroed on their pages, so the same steps always give the same bytes.
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                             [(value, key) for key, value in PLACEHOLDER_META.items()])
            conn.execute(f"UPDATE {store.MIGRATIONS_TABLE} SET applied_at = ?", (PLACEHOLDER_APPLIED,))
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        state.batch = None
    finally:
        conn.close()
    problem = store.blank_file_problem(target.read_bytes())
    if problem:  # pragma: no cover - a programming error in the builder
        raise RuntimeError(f"the blank file just built is not usable: {problem}")
    return target


def write_resource(out: Path | None = None) -> Path:
    """Build the blank file and store it, gzipped, as the shipped resource of the source checkout."""
    from safer_desk.storage.safe_write import write_built_resource

    return write_built_resource(RESOURCE_PARTS, build, out)


def main(argv: list[str] | None = None) -> int:
    from safer_desk.storage.safe_write import resource_main

    return resource_main(sys.argv[1:] if argv is None else argv, REBUILD_COMMAND, "the blank file", write_resource)


if __name__ == "__main__":
    raise SystemExit(main())
