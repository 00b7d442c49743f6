"""Round 25, the office file's safety: its -wal journal removed while it is open, an interrupted -wal said by
`check`, and a kept demo folder's leftovers note."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from safer_desk.services.files import JournalMissing, back_up, reading_connection, write_refused
from safer_desk.storage.store import open_store


def _written_in_wal(path: Path):
    """The file open for writing with changes committed to its -wal and not yet written into the file (the first
    change uses the rollback journal): each commit is written into the file as it is made (round 26), except what a
    reader was holding as it was, here a worker reading the tab as the changes were saved."""
    store = open_store(path)
    _saved_while_read(store)
    assert Path(f"{path}-wal").exists()
    return store


def _saved_while_read(store) -> None:
    with store.transaction():
        store.conn.execute("UPDATE projects SET title = title || ?", (" a",))
    with reading_connection(store) as reader:
        reader.conn.execute("BEGIN")
        reader.conn.execute("SELECT count(*) FROM projects").fetchone()  # the file as it was, held
        with store.transaction():
            store.conn.execute("UPDATE projects SET title = title || ?", (" b",))
        reader.conn.execute("COMMIT")


@pytest.mark.parametrize("removed", [("-wal",), ("-wal", "-shm")])
def test_a_journal_removed_while_the_file_is_open_is_said_not_a_full_disk(demo_path, removed):
    # A clean-up tool (or a person tidying the folder) removed office.sqlite-wal while the window had the file open.
    # Back Up Now, Save a Copy and a tab read on a worker said "the disk reported an error while writing (it may be
    # full)": the person went looking for disk space, while the cause was the missing journal and what to do is to
    # close the file (this window still holds the journal, and writes it into the file as it closes).
    store = _written_in_wal(demo_path)
    try:
        for side in removed:
            Path(f"{demo_path}{side}").unlink()
        for attempt in (lambda: back_up(demo_path),
                        lambda: _copy(store, demo_path.with_name("copy.sqlite")),
                        lambda: _read(store)):
            with pytest.raises(JournalMissing) as said:
                attempt()
            text = str(said.value)
            assert "full" not in text and write_refused(said.value) is None
            assert f"{demo_path.name}-wal" in text and "removed" in text and "close" in text, text
        assert store.scalar("SELECT count(*) FROM projects WHERE title LIKE '% a b'") > 0  # this window reads on
    finally:
        store.close()
    with sqlite3.connect(demo_path) as conn:  # nothing lost: closing wrote the journal into the file
        assert conn.execute("SELECT count(*) FROM projects WHERE title LIKE '% a b'").fetchone()[0] > 0
    assert not demo_path.with_name("copy.sqlite").exists()


def _copy(store, target: Path) -> None:
    with reading_connection(store) as own:
        own.backup_to(target)


def _read(store) -> None:
    with reading_connection(store) as own:
        own.scalar("SELECT group_concat(title) FROM projects")


def test_a_short_read_is_not_called_a_full_disk():
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorname = "SQLITE_IOERR_SHORT_READ"
    assert "full" not in write_refused(error) and "read" in write_refused(error)
    full = sqlite3.OperationalError("disk I/O error")
    full.sqlite_errorname = "SQLITE_IOERR_WRITE"
    assert "may be full" in write_refused(full)  # a refused write still says so


def test_back_up_now_in_the_window_says_the_journal_went_missing(demo_window, demo_path, prompts):
    store = demo_window.session.store
    _saved_while_read(store)
    Path(f"{demo_path}-wal").unlink()
    demo_window.backup_now()
    (title, text), = prompts.errors
    assert title == "Back up" and "example.sqlite-wal, was removed" in text and "full" not in text, text


# --- `safer-desk check` and a -wal left by a Safer Desk that did not close ----------------------------------------

def test_check_says_a_killed_writers_journal_holds_part_of_the_file(demo_path, private_home):
    # A Safer Desk killed (or a laptop losing power) with the file open leaves its last saves in office.sqlite-wal.
    # `check` read them and said "All checks passed." without a word: the person then copied or emailed the file
    # alone, without the saves in the -wal beside it.
    from tests.safety.helpers import run_cli, run_python

    code = ("import os, sys\nfrom safer_desk.storage.store import open_store\n"
            f"s = open_store({str(demo_path)!r})\n"
            "s.conn.execute('PRAGMA wal_autocheckpoint = 0')  # a tab reading: the last save not yet in the file\n"
            "for t in 'ab':\n"
            "    with s.transaction():\n"
            "        s.conn.execute('UPDATE projects SET title = title || ?', (' ' + t,))\n"
            "os._exit(9)\n")
    assert run_python(code, home=private_home).returncode == 9
    assert Path(f"{demo_path}-wal").stat().st_size > 32
    result = run_cli(["check", str(demo_path)], home=private_home)
    assert result.returncode == 0, result.stdout + result.stderr  # not damage: part of the file
    said = [line for line in result.stdout.splitlines() if "example.sqlite-wal" in line]
    assert len(said) == 1 and said[0].startswith("  ok: ") and "did not close" in said[0], result.stdout
    assert "part of the file" in said[0] and "opened for writing" in said[0], said[0]
    with sqlite3.connect(demo_path) as conn:  # the saves were not lost by the check
        assert conn.execute("SELECT count(*) FROM projects WHERE title LIKE '% a b'").fetchone()[0] > 0


def test_check_of_a_file_open_in_a_window_says_its_journal_is_that_windows(demo_path):
    from safer_desk.services.integrity import check_file

    store = _written_in_wal(demo_path)
    try:
        report = check_file(demo_path)
    finally:
        store.close()
    assert report.ok, report.lines()
    said = [line for line in report.lines() if "example.sqlite-wal" in line]
    assert len(said) == 1 and "open for writing in another Safer Desk window" in said[0], report.lines()
    assert "did not close" not in said[0]


def test_check_of_a_closed_file_says_nothing_of_a_journal(demo_path):
    from safer_desk.services.integrity import check_file

    _written_in_wal(demo_path).close()
    report = check_file(demo_path)
    assert report.ok and not [line for line in report.lines() if "-wal" in line], report.lines()


# --- a killed run's demo folder kept because another window has its copy open --------------------------------------

@pytest.mark.skipif(__import__("os").name == "nt", reason="SIGKILL")
def test_a_demo_folder_kept_while_open_elsewhere_goes_at_a_later_start(tmp_path, private_home, monkeypatch):
    # The next start keeps a killed run's demo folder whose copy another window has open (never pulled from under
    # it), but it removed that run's notes all the same: once the other window closed, no later start knew the folder
    # and the example office's copy stayed in the system's temporary folder.
    import tempfile

    from safer_desk.storage.leftovers import remove_leftovers, work_root
    from safer_desk.storage.locking import OfficeLock

    from tests.safety.test_litter_round22 import example_copy_killed

    temp, left = example_copy_killed(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    elsewhere = OfficeLock(left / "example.sqlite")  # another window opened the copy (File > Open)
    elsewhere.acquire()
    try:
        remove_leftovers()
        assert (left / "example.sqlite").exists()  # kept: it is open
        remove_leftovers()  # a second start meanwhile keeps it too, and its note
        assert (left / "example.sqlite").exists()
    finally:
        elsewhere.release()
    remove_leftovers()  # the first start after that window closed
    assert list(temp.iterdir()) == []
    assert not work_root().exists()


def test_another_program_reading_a_file_whose_journal_was_removed_says_so_not_damaged(demo_path, capsys):
    # With a window holding the file open and its -wal removed, a command in another process (`safer-desk projects
    # FILE`) said the file "is damaged … ask IT for the copy on the network drive": the person would restore a
    # backup over a file that loses nothing once the window closes it.
    from safer_desk.cli import main
    from safer_desk.storage.store import inspect_file

    store = _written_in_wal(demo_path)
    try:
        Path(f"{demo_path}-wal").unlink()
        with pytest.raises(JournalMissing) as said:
            inspect_file(demo_path)
        text = str(said.value)
        assert f"{demo_path.name}-wal" in text and "another" in text and "damaged" not in text, text
        assert main(["projects", str(demo_path)]) == 1
        err = capsys.readouterr().err
        assert "-wal" in err and "damaged" not in err and "ask IT" not in err, err
    finally:
        store.close()
    inspect_file(demo_path)  # whole again once the window has closed it


def test_demo_force_over_an_office_file_keeps_a_backup_of_it_first(demo_path, tmp_path, capsys):
    """`safer-desk demo office.sqlite --force`, the office's own file named by mistake, replaced its work with the
    example data and kept no copy: every other command that replaces a file keeps one."""
    from safer_desk.cli import main
    from safer_desk.storage.store import backups_of, open_store

    office = tmp_path / "office.sqlite"
    from safer_desk.services.projects import Project, add_projects

    store = open_store(office, create=True, office_name="Babergh office")
    add_projects(store, [Project(id="p1", title="Our own project")])
    store.close()
    assert main(["demo", str(office), "--force"]) == 0
    out = capsys.readouterr().out
    (backup,) = backups_of(office)
    assert str(backup) in out and "replaced" in out
    with sqlite3.connect(backup) as kept:
        assert kept.execute("SELECT title FROM projects").fetchall() == [("Our own project",)]
    fresh = tmp_path / "new.sqlite"
    assert main(["demo", str(fresh), "--force"]) == 0 and backups_of(fresh) == []  # nothing there to keep
