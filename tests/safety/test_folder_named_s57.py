"""A write refused because its folder is a file (a file called "backups" where the backups folder goes) said "the
folder is a file, not a folder" without naming which folder: where only the cause is said (an older file's upgrade,
refused before its backup), nothing named it at all. The cause names the folder."""

from __future__ import annotations

import shutil

from safer_desk.services.files import back_up
from safer_desk.storage.safe_write import WriteFailed
from tests.safety.helpers import make_older_file, run_cli


def test_an_upgrade_refused_for_a_file_in_the_backups_place_names_it(tmp_path, private_home):
    older = make_older_file(tmp_path / "older.sqlite")
    (tmp_path / "backups").write_text("not a folder", encoding="utf-8")
    result = run_cli(["awards", str(older), "--add", "X", "--funder", "F", "--year", "2018/19=5"], home=private_home)
    assert result.returncode == 1
    assert f"the folder {tmp_path / 'backups'} is a file, not a folder" in result.stderr, result.stderr


def test_a_backup_refused_so_names_the_folder(demo_path, tmp_path):
    office = tmp_path / "office" / "e.sqlite"
    office.parent.mkdir()
    shutil.copyfile(demo_path, office)
    (office.parent / "backups").write_text("not a folder", encoding="utf-8")
    try:
        back_up(office)
    except WriteFailed as exc:
        said = str(exc)
    assert f"the folder {office.parent / 'backups'} is a file, not a folder" in said
