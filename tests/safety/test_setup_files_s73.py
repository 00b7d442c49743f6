"""Session 73: set-up and files as a new user and council IT meet them.

`safer-desk demo FILE --replace` on a file whose journal (FILE-wal) still holds saves (its window was killed while a
tab was reading) is refused: the example would take the journal's pages as its own. It was refused only after a
backup of the file had been made, so each try (a script retrying, a person trying again) wrote another 4.5 MB copy
into the backups folder, which keeps five a file: the real backups were pushed out by copies of a refusal, and the
message said "Nothing was written".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.safety.helpers import run_cli, run_python

KILLED = 86


def _killed_with_saves_in_its_journal(path: Path, home: Path) -> Path:
    """A window killed with its last save still in FILE-wal (not yet written into the file: a tab was reading)."""
    code = ("import os\n"
            "from safer_desk.storage.store import open_store\n"
            f"store = open_store({str(path)!r})\n"
            "with store.transaction():  # the first change switches the file to WAL\n"
            "    store.conn.execute(\"UPDATE projects SET title = title || ' (1)'\")\n"
            "store.conn.execute('PRAGMA wal_autocheckpoint = 0')  # as a reader holding the checkpoint back does\n"
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
