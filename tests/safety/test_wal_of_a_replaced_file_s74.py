"""A killed window's -wal left beside a file that was then replaced (session 74). Safer Desk was stopped with the
office file open, its last saves in office.sqlite-wal; the officer then copied a backup (or a colleague's copy) over
office.sqlite. SQLite reads the -wal as part of whatever file lies beside it, so the copy was refused as damaged,
"ask IT for the copy on the network drive": a copy from IT put there met the same -wal and was refused too. The
words now say the file is whole on its own and to move the -wal (and -shm) aside, keeping them."""
import shutil
import sqlite3
from pathlib import Path

import pytest

from safer_desk.services.integrity import check_file
from safer_desk.storage.store import StoreError, create_file, whole_without_its_wal, wal_saves
from tests.safety.helpers import run_cli, run_python


def _killed_with_saves_in_wal(path: Path, home: Path) -> None:
    code = ("import os\nfrom safer_desk.storage.store import open_store\n"
            f"s = open_store({str(path)!r})\n"
            "s.conn.execute('PRAGMA wal_autocheckpoint = 0')  # a tab reading: the saves not yet in the file\n"
            "for t in 'abcdefghij':\n"
            "    with s.transaction():\n"
            "        s.conn.execute('UPDATE projects SET title = title || ?, description = "
            "coalesce(description, \\'\\') || ?', (' ' + t, 'x' * 500))\n"
            "os._exit(9)\n")
    assert run_python(code, home=home).returncode == 9
    assert wal_saves(path)[1]


@pytest.fixture
def replaced(demo_path, private_home, tmp_path):
    _killed_with_saves_in_wal(demo_path, private_home)
    (tmp_path / "other").mkdir()
    other = create_file(tmp_path / "other" / "copy.sqlite", "Another office")
    shutil.copyfile(other, demo_path)  # the copy put in its place, the -wal left beside it
    conn = sqlite3.connect(f"file:{demo_path}?mode=ro", uri=True)
    try:  # SQLite reads the -wal over it: damaged
        assert conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        pass
    finally:
        conn.close()
    return demo_path


def test_check_says_the_wal_beside_a_replaced_file_is_the_damage(replaced, private_home):
    assert whole_without_its_wal(replaced)
    result = run_cli(["check", str(replaced)], home=private_home)
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert "The file on its own is whole" in said and "move example.sqlite-wal and example.sqlite-shm" in said
    assert "ask IT" not in said and "never delete the -wal" not in said, said


def test_the_window_opening_it_says_so_and_nothing_is_changed(replaced, private_home):
    from safer_desk.services.files import open_office_file

    before = {side: Path(f"{replaced}{side}").read_bytes() for side in ("", "-wal")}
    with pytest.raises(StoreError) as refused:
        open_office_file(replaced).store.close()
    assert "The file on its own is whole" in str(refused.value), str(refused.value)
    assert {side: Path(f"{replaced}{side}").read_bytes() for side in ("", "-wal")} == before


def test_moved_aside_as_said_the_file_opens(replaced, tmp_path):
    aside = tmp_path / "aside"
    aside.mkdir()
    for side in ("-wal", "-shm"):
        Path(f"{replaced}{side}").replace(aside / f"example.sqlite{side}")
    report = check_file(replaced)
    assert report.ok, report.lines()


def test_a_file_damaged_on_its_own_is_not_blamed_on_its_wal(demo_path, private_home):
    _killed_with_saves_in_wal(demo_path, private_home)
    data = bytearray(demo_path.read_bytes())
    data[4096 * 3:4096 * 6] = b"\xff" * (4096 * 3)  # pages of the file itself written over
    demo_path.write_bytes(bytes(data))
    assert not whole_without_its_wal(demo_path)


def test_check_says_a_wal_of_another_page_size_is_another_files_s75(demo_path, tmp_path, capsys):
    # A -wal of a file of 1,024-byte pages (another program's) beside an office file of 4,096: SQLite reads its pages
    # all the same, so the office file read as that file. check said "4 saves made by a Safer Desk that did not close
    # … never delete the -wal file", "SQLite's integrity check found no damage" and "PROBLEM: example.sqlite is an
    # SQLite database but not a Safer Desk file" of an office file that is whole on its own.
    import sqlite3

    from tests.cli_run import run
    from tests.safety.helpers import sha256

    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for statement in ("CREATE TABLE t(x)", "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"):
        conn.execute(statement)  # each a save, in the -wal only
    wal = Path(f"{other}-wal").read_bytes()
    conn.close()
    Path(f"{demo_path}-wal").write_bytes(wal)
    before = sha256(demo_path), sha256(Path(f"{demo_path}-wal"))
    code, out, err = run(capsys, "check", demo_path)
    assert code == 1, (out, err)
    assert ("the journal beside it, example.sqlite-wal, is another file's: its pages are of 1,024 bytes and this "
            "file's of 4,096") in err, err
    assert "Move example.sqlite-wal and example.sqlite-shm to another folder" in err, err
    assert "not a Safer Desk file" not in out + err and "made by a Safer Desk that did not close" not in out, (out, err)
    assert (sha256(demo_path), sha256(Path(f"{demo_path}-wal"))) == before
    Path(f"{demo_path}-wal").unlink()
    Path(f"{demo_path}-shm").unlink(missing_ok=True)
    assert run(capsys, "check", demo_path)[0] == 0


def test_check_says_a_wal_that_makes_an_office_file_another_kind_is_another_files_s75(demo_path, tmp_path, capsys):
    # Another program's -wal of the same page size beside an office file: its first page (the schema) read over the
    # file's, the office file was "an SQLite database but not a Safer Desk file", its saves "made by a Safer Desk".
    # Safer Desk never writes a save that makes its file another program's: on its own the file is a Safer Desk file.
    import sqlite3

    from tests.cli_run import run
    from tests.safety.helpers import sha256

    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t(x)")
    wal = Path(f"{other}-wal").read_bytes()
    conn.close()
    Path(f"{demo_path}-wal").write_bytes(wal)
    before = sha256(demo_path), sha256(Path(f"{demo_path}-wal"))
    code, out, err = run(capsys, "check", demo_path)
    assert code == 1, (out, err)
    assert ("the journal beside it, example.sqlite-wal, is another file's: read on its own, example.sqlite is a Safer "
            "Desk file, but read with it (as SQLite reads the two) it is not one") in err, err
    assert "made by a Safer Desk that did not close" not in out, out
    assert (sha256(demo_path), sha256(Path(f"{demo_path}-wal"))) == before
