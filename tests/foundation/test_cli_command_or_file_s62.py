"""Session 62: in a folder holding Export.sqlite, `safer-desk Export office.sqlite out.xlsx` stopped with "unrecognized
arguments: office.sqlite out.xlsx" (the word was taken for the file Export.sqlite, to open in the window), while the
same line in lower case, or in a folder without that file, exported. Whether a word was the command hung on its case
and on what the folder held. A command's word, in any case, is now always the command; a file named like one is given
with its ending, and a usage error says so when such a file is there."""

from __future__ import annotations

import shutil

import pytest

from tests.cli_run import run


@pytest.fixture
def folder(tmp_path, demo_path, monkeypatch):
    shutil.copy(demo_path, tmp_path / "Export.sqlite")
    shutil.copy(demo_path, tmp_path / "babergh.sqlite")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("word", ["Export", "export", "EXPORT"])
def test_export_in_any_case_exports_beside_a_file_named_export(folder, capsys, word):
    code, out, err = run(capsys, word, "babergh.sqlite", "out.xlsx")
    assert (code, err) == (0, "") and out.startswith("wrote out.xlsx")
    assert (folder / "out.xlsx").is_file()


def test_the_word_alone_is_the_command_and_its_usage_error_says_how_to_open_the_file(folder, capsys, monkeypatch):
    import safer_desk.cli as cli

    opened = []
    monkeypatch.setattr(cli, "_open_window", lambda file, demo: opened.append((file, demo)) or 0)
    code, out, err = run(capsys, "Export")
    assert (code, out, opened) == (2, "", [])
    assert "the following arguments are required: FILE" in err
    assert err.rstrip().endswith("Export is read as the command, though there is a file Export.sqlite here; to open "
                                 "the file, give its name as Export.sqlite")
    assert run(capsys, "Export.sqlite")[0] == 0 and opened == [("Export.sqlite", False)]


def test_a_plain_word_that_is_no_command_still_opens_its_file(folder, capsys, monkeypatch):
    import safer_desk.cli as cli

    opened = []
    monkeypatch.setattr(cli, "_open_window", lambda file, demo: opened.append((file, demo)) or 0)
    assert run(capsys, "babergh")[0] == 0 and opened == [("babergh", False)]
