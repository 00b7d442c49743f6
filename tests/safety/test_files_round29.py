"""Round 29, files under stress: an export with another file's journal beside it (left by a crash of a file of
the same name, or copied with it) is read as it lies, never changed by `check` or by opening it to look at."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.safety.helpers import our_leftovers, sha256


def _export(demo_store, tmp_path: Path) -> Path:
    from safer_desk.services.county import export_for_county

    target = tmp_path / "babergh export.sqlite"
    export_for_county(demo_store, target)
    return target


def _foreign_journal(demo_path: Path, beside: Path, side: str) -> None:
    """Another file's journal laid beside `beside`: a rollback journal of a write still under way ("-journal",
    hot for any file it lies beside), or a write-ahead log of committed changes ("-wal")."""
    other = demo_path.with_name("other office.sqlite")
    shutil.copyfile(demo_path, other)
    conn = sqlite3.connect(other, isolation_level=None)
    try:
        conn.execute(f"PRAGMA journal_mode = {'WAL' if side == '-wal' else 'DELETE'}")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("PRAGMA cache_size = 10")  # pages spill: the journal is written while the change is under way
        conn.execute("BEGIN")
        conn.execute("CREATE TABLE junk(x)")
        conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                     "INSERT INTO junk SELECT randomblob(3000) FROM n")
        if side == "-wal":
            conn.execute("COMMIT")
        shutil.copyfile(f"{other}{side}", f"{beside}{side}")
        if side == "-journal":
            conn.execute("ROLLBACK")
    finally:
        conn.close()


@pytest.mark.parametrize("side", ["-journal", "-wal"])
def test_check_never_changes_an_export_with_another_files_journal_beside_it(demo_store, demo_path, tmp_path, side):
    # `safer-desk check EXPORT` with a journal beside it that is not its own: the hot -journal was played back into
    # the export (its bytes rewritten, 1.6 MB grown to the other file's 4.4 MB), which was then called "damaged"
    # with advice to restore a backup; with a -wal, the export (untouched) was called damaged too. An export is
    # never written to, so no journal beside it is its own: it is read as it lies, as the merge reads it.
    from safer_desk.services.integrity import check_file

    export = _export(demo_store, tmp_path)
    before = sha256(export)
    _foreign_journal(demo_path, export, side)
    report = check_file(export)
    assert sha256(export) == before, "check changed the export"
    assert report.kind == "export for the county", report.lines()
    assert report.ok, report.lines()
    assert Path(f"{export}{side}").exists()  # not ours to remove: it may be another file's last saves
    assert not Path(f"{export}-shm").exists()


@pytest.mark.parametrize("side", ["-journal", "-wal"])
def test_opening_an_export_to_look_at_never_changes_it(demo_store, demo_path, tmp_path, side):
    from safer_desk.services.files import open_office_file

    export = _export(demo_store, tmp_path)
    before = sha256(export)
    _foreign_journal(demo_path, export, side)
    opened = open_office_file(export, read_only=True)
    try:
        assert opened.store.scalar("SELECT count(*) FROM projects") > 0
        assert opened.store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'junk'") == 0
    finally:
        opened.store.close()
    assert sha256(export) == before


def _left_by_a_killed_window(path: Path) -> None:
    """path's -wal as a window killed after its last saves leaves it (with the -shm beside it), the saves not yet
    written into the file (a tab was reading): only in the -wal. (Session 73: the file was put back as closing left
    it, the saves written into it, and a -wal whose saves are all in the file no longer refuses a name.)"""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        before = path.read_bytes()  # the file as it was before the saves (in WAL mode)
        conn.execute("BEGIN")
        conn.execute("CREATE TABLE last_saves(x)")
        conn.execute("INSERT INTO last_saves VALUES (1)")
        conn.execute("COMMIT")
        kept = {side: Path(f"{path}{side}").read_bytes() for side in ("-wal", "-shm")}
    finally:
        conn.close()  # writes the -wal into the file and removes it: put back as the killed window left them
    path.write_bytes(before)
    for side, data in kept.items():
        Path(f"{path}{side}").write_bytes(data)


def test_save_a_copy_over_a_file_whose_journal_lies_beside_it_is_refused(demo_store, demo_master, tmp_path):
    # File > Save a Copy onto "copy.sqlite", chosen to be replaced, whose window was killed: its -wal stayed beside it.
    # The copy was written and said saved, and SQLite then took the -wal's pages (the earlier file's last saves) as
    # the copy's: the copy opened damaged ("database disk image is malformed"), or with rows of the other file in it.
    from safer_desk.storage.store import StoreError

    target = tmp_path / "copy.sqlite"
    shutil.copyfile(demo_master, target)
    _left_by_a_killed_window(target)
    before = {side: sha256(Path(f"{target}{side}")) for side in ("", "-wal")}
    with pytest.raises(StoreError) as refused:
        demo_store.backup_to(target)
    text = str(refused.value)
    assert "copy.sqlite-wal" in text and "Nothing was written" in text, text
    assert {side: sha256(Path(f"{target}{side}")) for side in ("", "-wal")} == before
    assert sorted(p.name for p in tmp_path.glob("copy*")) == ["copy.sqlite", "copy.sqlite-shm", "copy.sqlite-wal"]
    assert our_leftovers(tmp_path) == []


def test_the_example_is_not_written_where_a_removed_files_journal_lies(tmp_path):
    # `safer-desk demo OUT.sqlite` (and File > New's own making of a file, refused since round 26) where OUT.sqlite
    # was removed after its window was killed: the new file took the -wal's pages as its own.
    from safer_desk.services.demo import DemoError, build_demo

    target = tmp_path / "office.sqlite"
    other = tmp_path / "old.sqlite"
    other.write_bytes(b"")
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    _left_by_a_killed_window(other)
    Path(f"{other}-wal").rename(f"{target}-wal")
    with pytest.raises(DemoError) as refused:
        build_demo(target)
    assert "office.sqlite-wal" in str(refused.value)
    assert not target.exists() and Path(f"{target}-wal").exists()


def _backups_stamped_later(path: Path, count: int = 5) -> list[Path]:
    """Backups made while the computer's clock was ahead (a flat clock battery, a clock set a year on, the hour the
    clocks go back), stamped after any made now."""
    from safer_desk.storage.store import backups_folder

    folder = backups_folder(path)
    folder.mkdir(exist_ok=True)
    made = [folder / f"{path.stem}.20991231-2359{i:02d}-000000.on-demand.sqlite" for i in range(count)]
    for backup in made:
        shutil.copyfile(path, backup)
    return made


def test_back_up_now_keeps_the_backup_it_made_when_later_stamped_ones_are_there(demo_path):
    # Back Up Now said "Backup written to …" naming a file it had just removed itself: keeping the last five by their
    # stamps, the new one (stamped before five made while the clock was ahead) was the oldest, and went.
    from safer_desk.services.files import back_up

    _backups_stamped_later(demo_path)
    made = back_up(demo_path)
    assert made.exists()
    with sqlite3.connect(f"file:{made}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_an_upgrade_keeps_its_backup_when_later_stamped_ones_are_there(tmp_path):
    # DESIGN 3: an older file is upgraded after a backup. The backup was made, removed at once by the keeping of the
    # last five, and the file upgraded with no copy of it as it was.
    from safer_desk.services.files import open_office_file
    from tests.safety.helpers import make_older_file

    path = make_older_file(tmp_path / "older.sqlite")
    _backups_stamped_later(path)
    opened = open_office_file(path)
    try:
        assert opened.upgrade_steps and opened.backup is not None and opened.backup.exists(), opened.announcement()
        assert str(opened.backup) in opened.announcement()
    finally:
        opened.store.close()


def _backups_refused(monkeypatch):
    """Every backup refused as a full disk refuses it (``tests/safety/test_full_disk.py`` fills a real one)."""
    import errno

    from safer_desk.storage import store as store_module
    from safer_desk.storage.safe_write import write_failed

    def full(conn, target, **kwargs):
        raise write_failed(OSError(errno.ENOSPC, "No space left on device"), target)

    monkeypatch.setattr(store_module, "_backup_connection", full)


def test_opening_an_older_file_whose_backup_the_disk_refuses_is_said_by_the_window(window, demo_path, tmp_path,
                                                                                    prompts, monkeypatch):
    # File > Open of an older file on a full disk: its backup before the upgrade could not be written. The error went
    # past the window's open to its last-resort hook: "Change not saved: example.sqlite could not be written … your
    # last change was not saved … anything you typed is still on the screen", naming the file already open, not the
    # one being opened, and a change nobody had made.
    from tests.safety.helpers import make_older_file

    assert window.open_path(demo_path)
    older = make_older_file(tmp_path / "older.sqlite")
    before = sha256(older)
    _backups_refused(monkeypatch)
    prompts.answers = [False]  # offered read-only (s57), as the command line reads it: declined here
    assert not window.open_path(older)
    [(title, text)] = prompts.questions
    assert title == "Open read-only?" and prompts.errors == []
    assert "older.sqlite" in text and "backup" in text and "the disk is full" in text and "Nothing was changed" in text
    assert window.session.store.path == demo_path  # the file open before stays open
    assert sha256(older) == before and our_leftovers(tmp_path) == []


@pytest.mark.parametrize("letter", ["a", "é"])
def test_a_file_with_a_long_name_is_backed_up_and_upgraded(tmp_path, letter):
    # A name Safer Desk opens for changes (up to 247 characters: room for its journal) had no room for the stamp and
    # reason of a backup's name: Back Up Now said "[Errno 36] File name too long: 'backups/aaa…'", and an older file
    # of such a name could never be upgraded (its backup first). A backup's name keeps the name's start and a short
    # mark of the whole, and is still found as that file's own.
    from safer_desk.services.files import back_up, open_office_file
    from safer_desk.storage.store import KEEP_BACKUPS, backups_of, where_to_restore
    from tests.safety.helpers import make_older_file

    stem = letter * (240 if letter == "a" else 120)  # "é" is two bytes: 247 bytes in all with ".sqlite"
    path = make_older_file(tmp_path / f"{stem}.sqlite")
    opened = open_office_file(path)
    try:
        assert opened.backup is not None and opened.backup.exists()
    finally:
        opened.store.close()
    made = [back_up(path) for _ in range(KEEP_BACKUPS)]
    assert all(len(p.name.encode("utf-8")) <= 255 for p in made)
    assert backups_of(path) == made  # the last five, the upgrade's the oldest and gone
    assert made[-1].name in where_to_restore(path)
    with sqlite3.connect(f"file:{made[-1]}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    other = tmp_path / f"{stem[:-1]}b.sqlite"  # the same start: its backups are not the first file's
    shutil.copyfile(path, other)
    assert backups_of(other) == [] and back_up(other) not in backups_of(path)


def test_the_window_says_why_a_copy_was_not_saved_over_a_file_with_its_journal_beside_it(demo_window, prompts,
                                                                                        demo_master, tmp_path):
    target = tmp_path / "copy.sqlite"
    shutil.copyfile(demo_master, target)
    _left_by_a_killed_window(target)
    before = sha256(target)
    prompts.file_names.append(str(target))
    prompts.answers.append(True)  # Replace: Safer Desk asks (its file dialog no longer does)
    demo_window.save_copy()
    title, text = prompts.errors[-1]
    assert title == "Save a copy" and "copy.sqlite-wal" in text and "Open copy.sqlite in Safer Desk" in text, text
    assert sha256(target) == before and our_leftovers(tmp_path) == []


def _killed_mid_write(source: Path, target: Path, change: str) -> None:
    """target: a copy of source as a program killed in the middle of a change to it leaves it, with its hot
    -journal beside it (pages already written into the file, the journal holding them as they were)."""
    work = source.with_name(f"work-{target.name}")
    shutil.copyfile(source, work)
    conn = sqlite3.connect(work, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA cache_size = 10")
        conn.execute("BEGIN")
        conn.execute(change)
        shutil.copyfile(work, target)
        shutil.copyfile(f"{work}-journal", f"{target}-journal")
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    work.unlink()


def _another_programs_file(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE places(id INTEGER PRIMARY KEY, url TEXT)")
    conn.executemany("INSERT INTO places(url) VALUES (?)", [(f"https://example.org/{i}",) for i in range(2000)])
    conn.commit()
    conn.close()
    return path


def _newer_file(demo_path: Path) -> Path:
    conn = sqlite3.connect(demo_path)
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('safer_desk', "
                 "'9999_a_later_step', '2030-01-01')")
    conn.commit()
    conn.close()
    return demo_path


@pytest.mark.parametrize("kind", ["another program's", "newer"])
def test_a_refused_file_with_a_write_left_interrupted_is_not_changed(demo_path, tmp_path, kind):
    # File > Open (or `check`) of another program's SQLite file, or of one from a newer Safer Desk, that program
    # killed in the middle of a change: Safer Desk played its journal back into it (a writable connection, to read
    # it), then refused it "…; it has not been changed". Only a Safer Desk file it may write to is recovered so.
    from safer_desk.services.files import StoreError, open_office_file
    from safer_desk.services.integrity import check_file

    target = tmp_path / "chosen.sqlite"
    if kind == "newer":
        _killed_mid_write(_newer_file(demo_path), target, "UPDATE _sqlite_migrations SET applied_at = "
                                                          "hex(randomblob(3000))")
    else:
        _killed_mid_write(_another_programs_file(tmp_path / "places.sqlite"), target,
                          "UPDATE places SET url = hex(randomblob(1500))")
    before = {side: sha256(Path(f"{target}{side}")) for side in ("", "-journal")}
    with pytest.raises(StoreError) as refused:
        open_office_file(target)
    assert ("newer version" if kind == "newer" else "not a Safer Desk file") in str(refused.value)
    report = check_file(target)
    assert not report.ok
    assert {side: sha256(Path(f"{target}{side}")) for side in ("", "-journal")} == before
