"""Round 26: a saved change reaches the office file itself at once, not only its -wal journal.

A clean-up tool (or a person tidying the folder) that removes office.sqlite-wal and office.sqlite-shm while the
window has the file open leaves no sign for another program, which then read the file as it was before every change
since the journal was last written into it; and if the window was then killed (a laptop's battery, Task Manager)
those changes were gone. Each committed change is now written into the file as it is committed (SQLite's
checkpoint after every commit), so what the journal holds is at most the change being made.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

KILLED_AFTER_THE_JOURNAL_WENT = """
import os, sys
from pathlib import Path
from safer_desk.storage.store import open_store
path = Path(sys.argv[1])
store = open_store(path)
for mark in ("a", "b", "c"):
    with store.transaction():
        store.conn.execute("UPDATE projects SET title = title || ?", (" " + mark,))
assert Path(f"{path}-wal").exists()
for side in ("-wal", "-shm"):
    Path(f"{path}{side}").unlink()
os._exit(9)  # killed: nothing closed, nothing written at exit
"""


def _titles_marked(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM projects WHERE title LIKE '% a b c'").fetchone()[0]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses to remove a journal a program has open")
def test_changes_saved_before_the_journal_was_removed_and_the_window_killed_are_in_the_file(demo_path, process_env):
    with sqlite3.connect(demo_path) as conn:
        projects = conn.execute("SELECT count(*) FROM projects").fetchone()[0]
    assert projects > 0
    done = subprocess.run([sys.executable, "-c", KILLED_AFTER_THE_JOURNAL_WENT, str(demo_path)], env=process_env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr
    assert not Path(f"{demo_path}-wal").exists()
    assert _titles_marked(demo_path) == projects  # every saved change is in the file itself


def test_another_program_reading_the_file_alone_sees_every_saved_change(demo_path):
    # What a reader that cannot see the journal reads (a copy made by a file-sync tool, a backup program copying
    # office.sqlite alone): the file itself, opened immutable so SQLite ignores any journal beside it.
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        for mark in ("a", "b", "c"):
            with store.transaction():
                store.conn.execute("UPDATE projects SET title = title || ?", (f" {mark}",))
        assert Path(f"{demo_path}-wal").exists()  # the file is in WAL mode, open for writing
        uri = demo_path.resolve().as_uri() + "?mode=ro&immutable=1"
        with sqlite3.connect(uri, uri=True) as alone:
            marked = alone.execute("SELECT count(*) FROM projects WHERE title LIKE '% a b c'").fetchone()[0]
            every = alone.execute("SELECT count(*) FROM projects").fetchone()[0]
        assert marked == every > 0
    finally:
        store.close()


@pytest.mark.parametrize("side", ["-wal", "-journal"])
def test_a_new_file_is_not_made_where_a_removed_files_journal_still_lies(side, tmp_path):
    # office.sqlite removed (or moved) after a crash left its -wal beside it: File > New with the same name made the
    # file, SQLite then took the old journal's pages as the new file's, and the Projects tab stopped with "no such
    # table: projects". The journal holds the old file's last saves: a new file is not made over it.
    from safer_desk.storage.store import StoreError, open_store

    target = tmp_path / "office" / "office.sqlite"
    target.parent.mkdir()
    journal = Path(f"{target}{side}")
    journal.write_bytes(b"x" * 4096)  # what a crash leaves: the old file's journal, its file gone
    with pytest.raises(StoreError) as said:
        open_store(target, create=True)
    text = str(said.value)
    assert journal.name in text and "nothing was made" in text.lower(), text
    assert not target.exists() and journal.read_bytes() == b"x" * 4096  # the journal is left as it was


def test_an_empty_journal_left_beside_does_not_stop_a_new_file(tmp_path):
    from safer_desk.storage.store import open_store

    target = tmp_path / "office.sqlite"
    Path(f"{target}-wal").write_bytes(b"")  # holds nothing: SQLite reads nothing from it
    open_store(target, create=True).close()
    assert target.exists()


def test_back_up_now_says_a_file_named_backups_is_in_the_way(demo_path):
    # A file called "backups" beside the office file (a colleague's note, a download): Back Up Now said "…could not
    # be written to …/backups: File exists", which does not say what to move.
    from safer_desk.services.files import back_up

    (demo_path.parent / "backups").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError) as said:
        back_up(demo_path)
    text = str(said.value)
    assert "is a file, not a folder" in text and "File exists" not in text, text
    assert (demo_path.parent / "backups").read_text(encoding="utf-8") == "not a folder"
