"""`safer-desk export FILE out.xlsx/` (a trailing slash: a folder meant, or a slip) wrote out.xlsx without a word, as
did report and demo: a name ending in a slash names a folder, and is now refused, saying so, with nothing
written."""

from __future__ import annotations

import pytest

from tests.cli_run import run


# -- 2. OUT ending in a slash ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("command, out", [("export", "out.xlsx/"), ("export", "out.sqlite/"),
                                          ("report", "board.pdf/")])
def test_an_out_ending_in_a_slash_is_refused_as_a_folder_not_written(capsys, tmp_path, demo_path, command, out):
    before = sorted(tmp_path.rglob("*"))
    code, got, err = run(capsys, command, demo_path, f"{tmp_path}/{out}")
    assert code == 1 and got == ""
    assert "ends in a slash" in err and "Nothing was written." in err, err
    assert sorted(tmp_path.rglob("*")) == before


def test_demo_to_a_name_ending_in_a_slash_is_refused(capsys, tmp_path):
    before = sorted(tmp_path.rglob("*"))
    code, _, err = run(capsys, "demo", f"{tmp_path}/new/")
    assert code == 1 and "ends in a slash" in err, err
    assert f"give {tmp_path}/new without the slash" in err
    assert sorted(tmp_path.rglob("*")) == before


def test_an_existing_folder_ending_in_a_slash_is_still_said_as_that_folder(capsys, tmp_path, demo_path):
    (tmp_path / "dir.xlsx").mkdir()
    code, _, err = run(capsys, "export", demo_path, f"{tmp_path}/dir.xlsx/")
    assert code == 1 and "dir.xlsx is a folder: name the export file in it" in err, err


def test_merge_into_a_county_file_named_with_a_slash_is_refused(capsys, tmp_path, demo_path):
    before = sorted(tmp_path.rglob("*"))
    code, _, err = run(capsys, "merge", f"{tmp_path}/county/", demo_path)
    assert code == 1 and "ends in a slash" in err, err
    assert sorted(tmp_path.rglob("*")) == before
