"""An office file whose first bytes are damaged (its "SQLite format 3" overwritten) is a file that holds data, not
"any other file" (round 49): `export … --replace` wrote an export over it and `demo --replace` the example, with no
backup, though the rest of it was whole (writing the 16 bytes back made `check` pass)."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from safer_desk.storage.store import holds_data
from tests.cli_run import run


def damaged(path, tmp_path, name="office.sqlite"):
    copy = tmp_path / name
    shutil.copyfile(path, copy)
    with copy.open("r+b") as fh:
        fh.write(b"\x00" * 16)
    return copy


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_whose_magic_words_are_gone_holds_data(demo_path, tmp_path):
    assert holds_data(damaged(demo_path, tmp_path))


@pytest.mark.parametrize("not_ours", [b"", b"an earlier export", b"PK\x03\x04" + b"\x00" * 200, b"\x00" * 4096])
def test_other_files_do_not(tmp_path, not_ours):
    path = tmp_path / "x.sqlite"
    path.write_bytes(not_ours)
    assert not holds_data(path)


@pytest.mark.parametrize("argv", [["export", "{good}", "{office}", "--replace"], ["demo", "{office}", "--replace"]])
def test_neither_export_nor_demo_replaces_it(capsys, demo_path, tmp_path, argv):
    office = damaged(demo_path, tmp_path)
    before = digest(office)
    code, _, err = run(capsys, *[a.format(good=demo_path, office=office) for a in argv])
    assert code == 1, err
    assert digest(office) == before


def test_check_and_opening_say_it_is_damaged_and_where_to_restore_it(capsys, demo_path, tmp_path):
    office = damaged(demo_path, tmp_path)
    code, out, err = run(capsys, "check", office)
    assert code == 1
    said = out + err
    assert "its first bytes, which say it is an SQLite database, were overwritten" in said
    assert "not an SQLite database at all" not in said and "There is no backup of it in the backups folder" in said
    code, _, err = run(capsys, "projects", office)
    assert code == 1 and "its first bytes, which say it is an SQLite database, were overwritten" in err


def test_a_damaged_page_names_where_to_restore_it_as_the_other_commands_do(capsys, demo_path, tmp_path):
    office = tmp_path / "office.sqlite"
    shutil.copyfile(demo_path, office)
    with office.open("r+b") as fh:
        fh.seek(4096 * 96)
        fh.write(b"\x0d\xff\xff\xff\xff\xff\xff")
    code, _, err = run(capsys, "dhr-ledger", office)
    assert code == 1 and "damaged" in err
    assert "Restore it from the backups folder beside it." not in err  # there is none
    assert "There is no backup of it in the backups folder beside it" in err
