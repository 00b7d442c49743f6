"""Files dropped on the window (Qt-free): one Safer Desk file is opened; police.uk street files, their download .zip
or folders of them are imported; anything else is refused in words that say what can be dropped."""

from pathlib import Path

import pytest

from safer_desk.presenters.drops import Dropped, what_was_dropped


@pytest.mark.parametrize("names", [["office.sqlite"], ["Office.SQLITE"], ["county.db"]])
def test_one_safer_desk_file_is_opened(names):
    drop = what_was_dropped([Path(n) for n in names])
    assert drop.kind == Dropped.OPEN and drop.paths == (Path(names[0]),) and drop.message == ""


def test_police_files_zips_and_folders_are_imported(tmp_path):
    folder = tmp_path / "2019-01"
    folder.mkdir()
    paths = [tmp_path / "2019-02-suffolk-street.csv", tmp_path / "download.zip", folder]
    drop = what_was_dropped(paths)
    assert drop.kind == Dropped.POLICE and drop.paths == tuple(paths)


@pytest.mark.parametrize("names, words", [
    (["a.sqlite", "b.sqlite"], "one Safer Desk file at a time"),
    (["office.sqlite", "2019-02-suffolk-street.csv"], "either a Safer Desk file or police.uk files"),
    (["notes.docx"], "notes.docx is neither"),
    (["budget.xlsx", "report.pdf"], "budget.xlsx and report.pdf are neither"),
    ([], "no files"),
])
def test_anything_else_is_refused_saying_what_can_be_dropped(names, words):
    drop = what_was_dropped([Path(n) for n in names])
    assert drop.kind == Dropped.NOTHING and words in drop.message
    assert "Drop one Safer Desk file (.sqlite) to open it" in drop.message or not names
