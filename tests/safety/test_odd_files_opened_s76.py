"""s76: what `check` says of an odd file, every open path says (the window's File > Open, `safer-desk FILE`'s
commands), and a journal that is another file's is never played back or read with the file.

Found by trying them as an officer would:
- `safer-desk projects office.sqlite-wal` (or `dhr-costs example.sqlite.gz …`) said "not an SQLite database at all",
  where `check` names the file the journal belongs to, or says to uncompress it;
- a -wal of another file beside an office file: `check` said it is another file's, opening said "an SQLite database
  but not a Safer Desk file";
- another database's hot -journal, copied beside an office file under its name, was played back over the office
  file by SQLite at the first look: the file was then "cut short" or "malformed", and said "not changed".
Each is now refused in `check`'s words before SQLite reads the journal, exit 1, neither file changed; the file's own
interrupted change is still played back.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from safer_desk.services.files import open_office_file
from safer_desk.services.integrity import check_file
from safer_desk.storage.store import AnotherFilesJournal, remove_index_made
from tests.cli_run import run
from tests.safety.helpers import sha256
from tests.safety.test_wal_frames_s74 import _killed_after, _plain_file

BIG_CHANGE = ("CREATE TABLE big(a)", "INSERT INTO big SELECT randomblob(500) FROM (WITH RECURSIVE r(i) AS (SELECT 1 "
              "UNION ALL SELECT i + 1 FROM r WHERE i < 3000) SELECT i FROM r)")


def _killed_inside(path: Path, *statements: str) -> None:
    """path as a program killed (SIGKILL) inside one change leaves it: the change's pages partly written into the
    file (a small cache spills them), its rollback journal beside it marked to be played back."""
    code = ("import os, signal, sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('PRAGMA cache_size = 5')\nc.execute('BEGIN')\n"
            "for s in sys.argv[2:]:\n    c.execute(s)\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code, str(path), *statements], check=False)
    assert Path(f"{path}-journal").read_bytes()[:1] not in (b"", b"\x00")  # hot: SQLite would play it back


def _unchanged(*paths: Path):
    return [sha256(p) for p in paths]


# 1. A file's journal, or a Safer Desk file compressed with gzip, given to a command or to File > Open


def test_a_files_wal_given_to_a_command_is_said_as_check_says_it(tmp_path, capsys):
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES (1)")
    wal = Path(f"{path}-wal")
    before = _unchanged(path, wal)
    code, out, err = run(capsys, "projects", wal)
    assert code == 1, (out, err)
    assert ("plain.sqlite-wal is not a Safer Desk file: it is the journal (-wal) of plain.sqlite beside it (that "
            "file's last saves, read with it), not a file of its own: open plain.sqlite instead, and keep the two "
            "together (never delete the journal). It has not been changed.") in err, err
    assert _unchanged(path, wal) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["plain.sqlite", "plain.sqlite-wal"]


def test_a_compressed_file_given_to_a_command_or_the_window_says_to_uncompress_it(demo_path, capsys, demo_window,
                                                                                  prompts):
    packed = demo_path.with_name("sent.sqlite.gz")
    with open(demo_path, "rb") as src, gzip.open(packed, "wb") as out:
        shutil.copyfileobj(src, out)
    words = ("sent.sqlite.gz is not a Safer Desk file: it is an SQLite database compressed with gzip (.gz): "
             "uncompress it first (7-Zip does it on Windows) and open the file inside. It has not been changed.")
    code, out, err = run(capsys, "dhr-costs", packed, "DHR-1")
    assert code == 1 and words in err, (out, err)
    office = demo_window.session.store.path
    assert not demo_window.open_path(packed)
    assert prompts.errors[-1] == ("Cannot open file", words)
    assert demo_window.session.store.path == office


# 1. Another file's -wal beside an office file


def _other_files_wal(tmp_path: Path, page_size: int) -> Path:
    other = tmp_path / "other" / "other.sqlite"
    other.parent.mkdir()
    with sqlite3.connect(other) as conn:
        conn.execute(f"PRAGMA page_size = {page_size}")
        conn.execute("CREATE TABLE y(a)")
    conn.close()
    _killed_after(other, "CREATE TABLE x(a)", "INSERT INTO x VALUES (1)")  # its first page in the -wal
    return Path(f"{other}-wal")


@pytest.mark.parametrize(("page_size", "why"), [
    (1024, "its pages are of 1,024 bytes and this file's of 4,096, which SQLite never writes for one file, yet it "
           "reads the two together, so this file reads as that other one (it was not opened)"),
    (4096, "read on its own, example.sqlite is a Safer Desk file, but read with it (as SQLite reads the two) it is "
           "not one, so it was not opened")])
def test_another_files_wal_is_refused_on_opening_as_check_refuses_it(demo_path, tmp_path, capsys, page_size, why):
    wal = shutil.copyfile(_other_files_wal(tmp_path, page_size), f"{demo_path}-wal")
    before = _unchanged(demo_path, wal)
    code, out, err = run(capsys, "projects", demo_path)
    assert code == 1, (out, err)
    assert (f"the journal beside example.sqlite, example.sqlite-wal, is another file's: {why}. Move example.sqlite-wal "
            "and example.sqlite-shm to another folder (keep them: they may hold that other file's last saves), then "
            "open example.sqlite again.") in err, err
    with pytest.raises(AnotherFilesJournal):
        open_office_file(demo_path)  # the window's File > Open
    assert _unchanged(demo_path, wal) == before
    assert not Path(f"{demo_path}-shm").exists()  # nothing left beside it by the refused look
    checked = "\n".join(check_file(demo_path).lines())
    assert "example.sqlite-wal, is another file's" in checked and "then check it again" in checked


# 2. Another database's hot -journal beside an office file


def _journal_of_a_plain_database(tmp_path: Path) -> Path:
    """Another program's database, killed inside a change that never reached its first page."""
    other = tmp_path / "other" / "plain.sqlite"
    other.parent.mkdir()
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t(a)")
        conn.execute("INSERT INTO t SELECT randomblob(500) FROM (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL "
                     "SELECT i + 1 FROM r WHERE i < 2000) SELECT i FROM r)")
    conn.close()
    _killed_inside(other, "UPDATE t SET a = randomblob(500)")
    return Path(f"{other}-journal")


def _journal_of_another_office(demo_path: Path, tmp_path: Path) -> Path:
    """Another office's file (the example, changed three times since), killed inside a change to its first page."""
    other = tmp_path / "other" / "office.sqlite"
    other.parent.mkdir()
    shutil.copyfile(demo_path, other)
    with sqlite3.connect(other, isolation_level=None) as conn:
        for n in range(3):
            conn.execute(f"CREATE TABLE x{n}(a)")
    conn.close()
    _killed_inside(other, *BIG_CHANGE)
    return Path(f"{other}-journal")


@pytest.mark.parametrize(("whose", "why"), [
    ("plain", "it records a change to a file of 252 pages, and this file has"),
    ("office", "it records a change to a file that had been changed {then} times, and this file has been changed "
               "{now} times")])
def test_another_files_journal_is_not_played_back_over_the_office_file(demo_path, tmp_path, capsys, window,
                                                                        prompts, whose, why):
    made = _journal_of_a_plain_database(tmp_path) if whose == "plain" else \
        _journal_of_another_office(demo_path, tmp_path)
    journal = Path(shutil.copyfile(made, f"{demo_path}-journal"))
    now = int.from_bytes(demo_path.read_bytes()[24:28], "big")  # how many changes its header counts
    why = why.format(then=now + 3, now=now)
    before = _unchanged(demo_path, journal)
    code, out, err = run(capsys, "projects", demo_path)
    assert code == 1, (out, err)
    assert ("the journal beside example.sqlite, example.sqlite-journal, is another file's: " + why) in err, err
    assert ("SQLite would play it back over example.sqlite as it opens it, writing that other file's pages into it, "
            "so it was not opened (neither example.sqlite nor example.sqlite-journal was changed). Move "
            "example.sqlite-journal to another folder (keep it: it may be needed to put that other file back as it "
            "was), then open example.sqlite again.") in err, err
    assert not window.open_path(demo_path)  # File > Open
    assert prompts.errors[-1][1].startswith("The journal beside example.sqlite, example.sqlite-journal, is another")
    report = check_file(demo_path)
    assert not report.ok and report.kind == "file with another file's journal beside it"
    assert any(why in line and "then check it again" in line for line in report.lines())
    assert _unchanged(demo_path, journal) == before
    assert sorted(p.name for p in demo_path.parent.iterdir() if p.is_file()) == ["example.sqlite",
                                                                                 "example.sqlite-journal"]


def test_the_files_own_interrupted_change_is_still_put_back(demo_path, capsys):
    kept = demo_path.read_bytes()
    _killed_inside(demo_path, *BIG_CHANGE)
    assert demo_path.read_bytes() != kept  # pages of the change reached the file before the kill
    report = check_file(demo_path)
    assert report.ok, report.lines()
    assert any("it was undone, the file is as it was before that change" in line for line in report.lines())
    assert demo_path.read_bytes() == kept and not Path(f"{demo_path}-journal").exists()
    code, out, err = run(capsys, "projects", demo_path)
    assert code == 0, err


def test_a_change_to_its_first_page_killed_is_put_back_when_opened(demo_path, capsys):
    kept = demo_path.read_bytes()
    _killed_inside(demo_path, "UPDATE _sqlite_migrations SET name = name", *BIG_CHANGE)
    code, out, err = run(capsys, "projects", demo_path)
    assert code == 0, err
    assert demo_path.read_bytes()[:24] == kept[:24] and not Path(f"{demo_path}-journal").exists()


# 3. `check` of a file whose -wal holds saves leaves no -shm


def test_check_of_a_file_whose_wal_holds_saves_leaves_no_new_file(demo_path):
    from safer_desk.storage import audit

    code = ("import os, signal, sqlite3, sys\nfrom safer_desk.storage import audit\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\naudit.register_functions(c)\n"
            "c.execute('PRAGMA journal_mode = WAL')\nc.execute('PRAGMA wal_autocheckpoint = 0')\n"
            "c.execute(\"UPDATE meta SET value = 'Babergh' WHERE key = 'office_name'\")\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    assert audit  # the save goes through the audit trail's function, as the window's does
    subprocess.run([sys.executable, "-c", code, str(demo_path)], check=False, cwd=Path(__file__).parents[2])
    shm, wal = Path(f"{demo_path}-shm"), Path(f"{demo_path}-wal")
    shm.unlink()  # copied with its -wal, without its index (or the window was killed and the index cleared)
    before = _unchanged(demo_path, wal)
    report = check_file(demo_path)
    assert report.ok and any("1 save made by a Safer Desk" in line for line in report.lines()), report.lines()
    assert not shm.exists()
    assert _unchanged(demo_path, wal) == before


def test_check_leaves_the_index_of_a_file_another_program_reads(demo_path):
    code = ("import os, signal, sqlite3, sys\nfrom safer_desk.storage import audit\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\naudit.register_functions(c)\n"
            "c.execute('PRAGMA journal_mode = WAL')\nc.execute('PRAGMA wal_autocheckpoint = 0')\n"
            "c.execute(\"UPDATE meta SET value = 'Babergh' WHERE key = 'office_name'\")\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    subprocess.run([sys.executable, "-c", code, str(demo_path)], check=False, cwd=Path(__file__).parents[2])
    shm = Path(f"{demo_path}-shm")
    shm.unlink()
    reader = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n"
                               "c.execute('SELECT count(*) FROM meta').fetchone()\nprint('reading', flush=True)\n"
                               "sys.stdin.read()\n", str(demo_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline() == "reading\n"  # it made the index and reads through it
        remove_index_made(demo_path, there_before=False)  # as if made by a look of check's, the reader come since
        assert shm.exists()
    finally:
        reader.stdin.close()
        reader.wait()
    remove_index_made(demo_path, there_before=False)  # the reader gone: no one's
    assert not shm.exists()
