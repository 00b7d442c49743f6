"""Session 73: set-up and files as a new user and council IT meet them.

`safer-desk demo FILE --replace` on a file whose journal (FILE-wal) still holds saves (its window was killed while a
tab was reading) is refused: the example would take the journal's pages as its own. It was refused only after a
backup of the file had been made, so each try (a script retrying, a person trying again) wrote another 4.5 MB copy
into the backups folder, which keeps five a file: the real backups were pushed out by copies of a refusal, and the
message said "Nothing was written". A -wal whose saves are all in the file already (most killed windows leave one)
refused the replace and was said by `check` to hold saves; and a file left in WAL mode at rest had its -shm and an
empty -wal left beside the example that replaced it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.safety.helpers import run_cli, run_python

KILLED = 86


def _killed_with_saves_in_its_journal(path: Path, home: Path, *, written: bool = False) -> Path:
    """A window killed with its last save still in FILE-wal (not yet written into the file: a tab was reading), or
    (written) with its saves written into the file, the -wal still holding their pages as SQLite leaves it until the
    next save: the way every window killed after a save (the task manager, a power cut) leaves its file."""
    held_back = "" if written else "store.conn.execute('PRAGMA wal_autocheckpoint = 0')  # a reader holds it back\n"
    code = ("import os\n"
            "from safer_desk.storage.store import open_store\n"
            f"store = open_store({str(path)!r})\n"
            "with store.transaction():  # the first change switches the file to WAL\n"
            "    store.conn.execute(\"UPDATE projects SET title = title || ' (1)'\")\n"
            f"{held_back}"
            "with store.transaction():\n"
            "    store.conn.execute(\"UPDATE projects SET title = title || ' (2)'\")\n"
            f"os._exit({KILLED})\n")
    result = run_python(code, home=home)
    assert result.returncode == KILLED, result.stderr
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    return wal


def test_demo_replace_refuses_a_file_whose_journal_holds_saves_before_any_backup(demo_path, tmp_path):
    home = tmp_path / "home"
    wal = _killed_with_saves_in_its_journal(demo_path, home)
    before, wal_before = demo_path.read_bytes(), wal.read_bytes()
    for _ in range(2):  # tried again, as a script retrying would
        result = run_cli(["demo", str(demo_path), "--replace"], home=home)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "holding saves of example.sqlite" in result.stderr, result.stderr
        assert "Nothing was written" in result.stderr
    assert not (demo_path.parent / "backups").exists()  # true to "Nothing was written": no copy of a refusal
    assert demo_path.read_bytes() == before and wal.read_bytes() == wal_before


def test_after_the_advice_the_replace_goes_ahead_with_the_saves_in_its_backup(demo_path, tmp_path):
    home = tmp_path / "home"
    wal = _killed_with_saves_in_its_journal(demo_path, home)
    from safer_desk.storage.store import open_store

    open_store(demo_path).close()  # "Open example.sqlite in Safer Desk and close it"
    assert not wal.exists()
    result = run_cli(["demo", str(demo_path), "--replace"], home=home)
    assert result.returncode == 0, result.stderr
    (backup,) = (demo_path.parent / "backups").iterdir()
    with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as conn:  # the killed window's last save is kept
        titles = [r[0] for r in conn.execute("SELECT title FROM projects")]
    assert titles and all(t.endswith(" (1) (2)") for t in titles)


# -- a journal whose saves are all in the file already -----------------------------------------------------------------
# A window killed after a save leaves FILE-wal (45 KB) beside its file: SQLite wrote its pages into the file at once
# (Safer Desk checkpoints every commit) but keeps them in the -wal until the next save. `demo FILE --replace` refused
# the file for it ("o.sqlite-wal lies beside it, holding saves of o.sqlite not yet written into it"), and `check` said
# "1 save … is in its journal beside it … never delete the -wal file", of saves that were in the file.


def _titles(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return [r[0] for r in conn.execute("SELECT title FROM projects ORDER BY title")]


def test_demo_replace_goes_ahead_over_a_journal_whose_saves_are_in_the_file(demo_path, tmp_path):
    home = tmp_path / "home"
    wal = _killed_with_saves_in_its_journal(demo_path, home, written=True)
    result = run_cli(["demo", str(demo_path), "--replace"], home=home)
    assert result.returncode == 0, result.stderr
    assert not wal.exists() and not Path(f"{demo_path}-shm").exists()  # nothing of the old file left beside it
    (backup,) = (demo_path.parent / "backups").iterdir()
    assert all(t.endswith(" (1) (2)") for t in _titles(backup))  # the killed window's saves are kept
    assert not any(t.endswith(")") and " (1)" in t for t in _titles(demo_path))  # the example, as built
    check = run_cli(["check", str(demo_path)], home=home)
    assert check.returncode == 0, check.stdout + check.stderr


def test_check_does_not_call_saves_already_in_the_file_unwritten(demo_path, tmp_path):
    home = tmp_path / "home"
    _killed_with_saves_in_its_journal(demo_path, home, written=True)
    result = run_cli(["check", str(demo_path)], home=home)
    assert result.returncode == 0, result.stderr
    assert "in its journal beside it" not in result.stdout, result.stdout


def test_check_still_says_saves_that_are_only_in_the_journal(demo_path, tmp_path):
    home = tmp_path / "home"
    _killed_with_saves_in_its_journal(demo_path, home)
    result = run_cli(["check", str(demo_path)], home=home)
    assert "1 save made by a Safer Desk that did not close" in result.stdout, result.stdout


def test_save_a_copy_over_such_a_file_writes_the_copy_and_leaves_no_journal_beside_it(demo_store, demo_master,
                                                                                      tmp_path):
    import shutil

    target = tmp_path / "copy.sqlite"
    shutil.copyfile(demo_master, target)
    _killed_with_saves_in_its_journal(target, tmp_path / "home", written=True)
    demo_store.backup_to(target)  # File > Save a Copy, Replace chosen
    assert not Path(f"{target}-wal").exists() and not Path(f"{target}-shm").exists()
    assert _titles(target) == _titles(demo_store.path)  # the copy, whole, with nothing of the old file's -wal


def test_demo_replace_over_a_file_left_in_wal_mode_leaves_nothing_beside_the_new_file(demo_path, tmp_path):
    # A file left in WAL mode at rest (its window killed after its saves were in it, or closed while another program
    # read it): the look at it before its backup made example.sqlite-shm (32 KB) and an empty example.sqlite-wal,
    # which stayed beside the new example file (nothing read them: it is not in WAL mode).
    with sqlite3.connect(demo_path) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    beside = lambda: sorted(p.name for p in demo_path.parent.iterdir() if p.name != "home")  # noqa: E731
    assert beside() == ["example.sqlite"]
    result = run_cli(["demo", str(demo_path), "--replace"], home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert beside() == ["backups", "example.sqlite"]
