"""A command typed with a capital was refused (session 61).

`safer-desk Projects office.sqlite` or `safer-desk EXPORT …` (as a Windows user, whose files and commands are read in
any case, types them) stopped with "'Projects' is neither a command nor a file", without even the near miss
"did you mean projects?" that "proj" gets, though every option's word is read in any case (session 59). The command's
word is read the same way; a file of that name still opens in the window, and a word that is no command is refused.
"""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("typed", ["Projects", "PROJECTS"])
def test_a_command_typed_with_capitals_runs_as_in_lower_case(demo_path, capsys, typed):
    lower = run(capsys, "projects", demo_path)
    assert lower[0] == 0 and lower[1].startswith("id,title,status")
    assert run(capsys, typed, demo_path) == lower


def test_a_command_that_writes_typed_with_a_capital_writes(demo_path, tmp_path, capsys):
    out = tmp_path / "for county.xlsx"
    code, said, err = run(capsys, "Export", demo_path, out)
    assert (code, err) == (0, "") and said.startswith(f"wrote {out}") and out.exists()


def test_a_word_that_is_no_command_in_any_case_is_still_refused_with_its_near_miss(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "Exprt", "x.sqlite")
    assert (code, out) == (2, "") and "'Exprt' is neither a command nor a file (did you mean export?)" in err


def test_a_file_named_as_a_command_is_given_with_its_folder_and_the_word_alone_is_the_command(tmp_path, monkeypatch,
                                                                                              capsys):
    """Session 62: a file named as a command in other capitals opened in the window, so whether "Budget" was the
    command hung on its case and on what the folder held; a command's word is now always the command, and the usage
    error says how to open the file."""
    import safer_desk.cli as cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "Budget").write_bytes(b"")
    opened = []
    monkeypatch.setattr(cli, "_open_window", lambda file, demo: opened.append((file, demo)) or 0)
    code, out, err = run(capsys, "Budget")
    assert (code, out, opened) == (2, "", []) and "required: FILE" in err
    assert "Budget is read as the command, though there is a file Budget here; to open the file, give its name " \
           "as ./Budget" in err
    assert run(capsys, "./Budget")[0] == 0 and opened == [("./Budget", False)]
