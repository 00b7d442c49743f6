"""Session 72: a run killed inside its first change to a file (a police import, a merge, the first edit in the
window) leaves FILE-journal beside it, written as SQLite writes every journal before the change reaches the file:
its header not yet marked, so SQLite never reads it and the file is whole without it. It stayed there for ever:
no later start removed it (opening the file in the window and closing it, `safer-desk check`), and
`safer-desk demo FILE --replace` refused the file because of it ("holding saves of FILE not yet written into it
… Open FILE in Safer Desk and close it … then try again"), which never helped, while a 4.5 MB backup was made at
each try. The next start that may write to the file now removes such a journal (no other program writing to the
file), and nothing refuses a file for one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.safety.helpers import run_cli, run_python

KILLED = 86


def _killed_inside_first_change(path: Path, home: Path) -> Path:
    """Kill a run half-way through its first change to path (the change made, not yet committed)."""
    code = ("import os\n"
            "from safer_desk.storage.store import open_store\n"
            f"store = open_store({str(path)!r})\n"
            "with store.transaction():\n"
            "    store.conn.execute(\"UPDATE projects SET title = title || ' (half-made)'\")\n"
            f"    os._exit({KILLED})\n")
    result = run_python(code, home=home)
    assert result.returncode == KILLED, result.stderr
    journal = Path(f"{path}-journal")
    # What a killed import left here: a journal SQLite never reads (its first byte still 0), the file whole.
    assert journal.stat().st_size > 0 and journal.read_bytes()[:1] == b"\x00"
    return journal


def _titles(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in conn.execute("SELECT title FROM projects ORDER BY title")]


def test_opening_the_file_again_removes_the_journal_the_killed_run_left(demo_path, tmp_path):
    from safer_desk.storage.store import open_store

    before = _titles(demo_path)
    journal = _killed_inside_first_change(demo_path, tmp_path / "home")
    open_store(demo_path).close()  # the window opening the file, and closing it
    assert not journal.exists()
    assert _titles(demo_path) == before  # nothing of the killed change is in it
    assert sorted(p.name for p in demo_path.parent.iterdir() if p.name.startswith(demo_path.name)) == [demo_path.name]


def test_check_removes_it_and_says_the_change_was_undone(demo_path, tmp_path):
    journal = _killed_inside_first_change(demo_path, tmp_path / "home")
    result = run_cli(["check", str(demo_path)], home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert not journal.exists()
    assert "a change to it had been interrupted" in result.stdout, result.stdout


def test_demo_replace_is_not_refused_for_it_and_keeps_one_backup(demo_path, tmp_path):
    journal = _killed_inside_first_change(demo_path, tmp_path / "home")
    result = run_cli(["demo", str(demo_path), "--replace"], home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert not journal.exists()
    assert len(list((demo_path.parent / "backups").iterdir())) == 1



def test_a_new_file_is_made_where_a_removed_files_unmarked_journal_lies(tmp_path):
    # Removing such a journal opened the file it was beside, and where that file was gone, made it (0 bytes): the
    # command that was to create it then said "new.sqlite already exists; it has not been changed" and left it there.
    target = tmp_path / "new.sqlite"
    journal = Path(f"{target}-journal")
    journal.write_bytes(b"\x00" * 8 + b"x" * 4088)  # what a killed first change leaves, its file since removed
    street = Path(__file__).resolve().parents[1] / "fixtures" / "police" / "suffolk-2021-01"
    result = run_cli(["import-police", str(target), str(street)], home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert _titles(target) == []  # a whole new file, with the import in it
    with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM indicator_values").fetchone()[0] > 0
