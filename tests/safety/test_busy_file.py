"""A change refused because another program is reading the file (COMMIT finds it locked) leaves the file and the
open store as they were, so the next change is written: found by trying it, a refused first change left its
transaction open, every later change ran inside it as a savepoint, said it was saved, and was lost at closing."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from safer_desk.services import funders
from safer_desk.services.files import open_office_file
from safer_desk.storage.safe_write import is_write_error, write_failed
from safer_desk.storage.store import NameTooLong, open_store


def test_a_change_refused_while_another_program_reads_the_file_is_not_left_half_done(demo_path, tmp_path):
    path = tmp_path / "office.sqlite"
    shutil.copyfile(demo_path, path)
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM audit_log").fetchone()  # a colleague's report, reading
    store = open_office_file(path).store
    try:
        store.conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(sqlite3.OperationalError) as refused:
            funders.save_award(store, funders.make_award(funder="Home Office", name="Refused award", total="1000"))
        assert is_write_error(refused.value)  # said as a write refused, in words, not as a program error
        assert "another program was using the file" in str(write_failed(refused.value, path, what="The change"))
        assert not store.conn.in_transaction
        assert "Refused award" not in {a.name for a in funders.list_awards(store)}
        reader.execute("COMMIT")
        funders.save_award(store, funders.make_award(funder="Home Office", name="Saved award", total="1000"))
    finally:
        store.close()
        reader.close()
    check = sqlite3.connect(path)
    try:
        names = {r[0] for r in check.execute("SELECT name FROM funding_awards")}
    finally:
        check.close()
    assert "Saved award" in names and "Refused award" not in names


def test_a_name_too_long_for_the_journal_beside_it_is_refused_before_anything_is_made(tmp_path):
    """A 250-character name (the limit is 255) was made, then every change to it was refused as 'permission
    denied': SQLite's '-journal' beside it would be longer than the disk allows. A 1 MB file was left behind."""
    folder = tmp_path / "files"
    folder.mkdir()
    long = folder / ("b" * 243 + ".sqlite")
    with pytest.raises(NameTooLong, match="at most 247 characters"):
        open_store(long, create=True)
    assert list(folder.iterdir()) == []
    fits = folder / ("b" * 240 + ".sqlite")
    open_store(fits, create=True).close()
    assert fits.exists()


@pytest.fixture
def held_by_another_program(demo_path, tmp_path, monkeypatch):
    """A copy of the example that another program is writing (its lock held past the busy wait, shortened here)."""
    from safer_desk.storage import store as store_module

    monkeypatch.setattr(store_module, "BUSY_WAIT_SECONDS", 0.05)
    path = tmp_path / "office.sqlite"
    shutil.copyfile(demo_path, path)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = DELETE")
    writer.execute("BEGIN EXCLUSIVE")
    try:
        yield path
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    from safer_desk.storage.store import inspect_file

    assert inspect_file(path).has_tables  # once the other program lets go, the file opens as ever


def test_a_file_another_program_holds_locked_is_said_to_be_in_use_not_damaged(held_by_another_program):
    """Another program writing the file (its lock held past the busy wait) was "damaged and cannot be read (database
    is locked) … ask for the copy on the network drive": a file that is fine sent the officer to restore a backup."""
    from safer_desk.storage.store import FileBusy, inspect_file

    path = held_by_another_program
    with pytest.raises(FileBusy) as refused:
            inspect_file(path)
    said = str(refused.value)
    assert "in use by another program" in said and "damaged" not in said and "restore" not in said.lower()
    with pytest.raises(FileBusy):
        open_office_file(path)


def test_check_says_a_file_another_program_holds_locked_is_in_use(held_by_another_program):
    """`safer-desk check` on such a file printed "damaged SQLite database … ask IT for the copy on the network
    drive"."""
    from safer_desk.services.integrity import check_file

    report = check_file(held_by_another_program)
    assert report.kind == "file in use by another program"
    said = "\n".join(report.lines())
    assert "damaged" not in said.lower() and "network drive" not in said and "in use" in report.kind
