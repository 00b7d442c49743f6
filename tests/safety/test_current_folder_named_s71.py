"""Session 71: a write refused for a file named without a folder said where it was to go as "."
("CON.xlsx could not be written to .: its name begins with “CON” …"): nobody typed ".", and a county script run from
a scheduled task does not know which folder it was in. A folder is said as the person knows it: the current folder
with its full path, any other folder by its full path, in the command line's words and the window's alike."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from safer_desk.storage.safe_write import WriteFailed
from tests.cli_run import run


def test_a_refused_write_in_the_current_folder_says_which_folder_that_is(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    said = str(WriteFailed(errno.EACCES, "permission denied", "o.sqlite"))
    assert said.startswith(f"o.sqlite could not be written to the current folder ({tmp_path}): permission denied.")
    assert " to .:" not in said


def test_a_refused_write_in_a_folder_named_from_the_current_one_says_its_full_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "board").mkdir()
    said = str(WriteFailed(errno.ENOSPC, "the disk is full", Path("board") / "o.sqlite"))
    assert said.startswith(f"o.sqlite could not be written to {tmp_path / 'board'}: the disk is full.")
    missing = str(WriteFailed(errno.ENOENT, "no such file", Path("papers") / "o.sqlite"))
    assert f"the folder {tmp_path / 'papers'} does not exist" in missing


def test_a_folder_given_whole_is_said_as_given(tmp_path):
    from safer_desk.storage.safe_write import folder_said, full_folder

    assert full_folder(tmp_path / "o.sqlite") == str(tmp_path)
    assert folder_said(tmp_path / "o.sqlite") == str(tmp_path)


@pytest.mark.parametrize("name", ["CON.xlsx", "a:b.xlsx"])
def test_the_command_line_names_the_current_folder(demo_path, tmp_path, monkeypatch, capsys, name):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, _out, err = run(capsys, "export", demo_path, name)
    assert code == 1
    assert f"{name} could not be written to the current folder ({work}): its name " in err, err
    assert " to .:" not in err


def test_the_command_line_names_a_missing_folder_in_full(demo_path, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, "export", demo_path, Path("papers") / "county.xlsx")
    assert code == 1
    assert f"the folder {tmp_path / 'papers'} does not exist" in err.lower(), err


def test_a_copy_into_a_missing_folder_names_it_in_full(tmp_path, monkeypatch):
    from safer_desk.storage.store import CopyNotWritten, refuse_copy_where_it_cannot_be_made

    monkeypatch.chdir(tmp_path)
    with pytest.raises(CopyNotWritten) as refused:
        refuse_copy_where_it_cannot_be_made(Path("papers") / "copy.sqlite")
    assert f"the folder {tmp_path / 'papers'} does not exist" in str(refused.value)
