"""An older file whose upgrade the disk then refuses (full) is left as it was, and said so: "Nothing was changed".
Its before-upgrade backup was left in the backups folder all the same (a copy of a file that did not change, taking
room on a disk that has none), and making it had already removed the oldest of the file's five kept backups: every
try on a full disk put one more copy of the unchanged file in place of an older backup.

A backup made for an upgrade that did not happen goes (and its folder, when it made it and is left empty); the older
backups are rotated only once the upgrade is written."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from safer_desk.services.files import OpenNotWritten, open_office_file
from safer_desk.storage import store as store_module
from tests.safety.helpers import logical_state, make_older_file

FULL = "database or disk is full"


@pytest.fixture
def upgrade_refused(monkeypatch):
    """Call it once the older file is made: from then on, the upgrade writes something and the disk refuses it."""
    def full(conn, office_name):
        conn.execute("CREATE TABLE half_made (x)")
        raise sqlite3.OperationalError(FULL)

    return lambda: monkeypatch.setattr(store_module, "_apply_migrations", full)


def _kept_backups(folder, older, n):
    folder.mkdir()
    names = [f"{older.stem}.2020010{day}-120000-000000.before-upgrade.sqlite" for day in range(1, n + 1)]
    for name in names:
        shutil.copyfile(older, folder / name)
    return names


def test_a_refused_upgrade_leaves_the_five_older_backups_and_no_new_one(tmp_path, upgrade_refused):
    older = make_older_file(tmp_path / "office.sqlite")
    before = logical_state(older, tmp_path / "scratch")
    kept = _kept_backups(tmp_path / "backups", older, store_module.KEEP_BACKUPS)
    upgrade_refused()
    with pytest.raises(OpenNotWritten, match="Nothing was changed"):
        open_office_file(older)
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == kept
    assert logical_state(older, tmp_path / "scratch") == before


def test_a_refused_upgrade_leaves_no_backups_folder_it_made(tmp_path, upgrade_refused):
    folder = tmp_path / "office"
    folder.mkdir()
    older = make_older_file(folder / "office.sqlite")
    upgrade_refused()
    with pytest.raises(OpenNotWritten, match="Nothing was changed"):
        open_office_file(older)
    assert sorted(p.name for p in folder.iterdir()) == ["office.sqlite"]


def test_an_upgrade_written_keeps_its_backup_and_rotates_the_older_ones(tmp_path):
    older = make_older_file(tmp_path / "office.sqlite")
    kept = _kept_backups(tmp_path / "backups", older, store_module.KEEP_BACKUPS)
    opened = open_office_file(older)
    try:
        assert opened.upgrade_steps and opened.backup is not None and opened.backup.is_file()
    finally:
        opened.store.close()
    after = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert after == sorted(kept[1:] + [opened.backup.name])  # the oldest went, for the upgrade's own
