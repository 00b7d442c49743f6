"""Session 72: a file whose name begins with a dash ("-Bürgermeister office.sqlite", as a name sorted first in a
folder often is) could not be opened in the window from the command line at all: `safer-desk "-B….sqlite"` and the
usual `safer-desk -- "-B….sqlite"` both stopped with argparse's "argument COMMAND: invalid choice: '--'" and the
list of commands, exit 2. A command given such a file (`safer-desk projects -office.sqlite`) said "the following
arguments are required: FILE" of the file it had been given, and nothing said how to give it."""

from __future__ import annotations

import shutil

import pytest

from tests.cli_run import run

NAME = "-Bürgermeister ö office.sqlite"


@pytest.fixture
def opened(monkeypatch):
    import safer_desk.cli as cli

    calls: list[tuple[str | None, bool]] = []
    monkeypatch.setattr(cli, "_open_window", lambda file, demo: calls.append((file, demo)) or 0)
    return calls


@pytest.fixture
def folder(tmp_path, demo_path, monkeypatch):
    shutil.copy(demo_path, tmp_path / NAME)
    shutil.copy(demo_path, tmp_path / "-office.sqlite")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", [NAME, "-office.sqlite"])
def test_the_window_opens_a_file_named_with_a_leading_dash_after_double_dash(folder, capsys, opened, name):
    assert run(capsys, "--", name) == (0, "", "") and opened == [(name, False)]


@pytest.mark.parametrize("name", [NAME, "-office.sqlite"])
def test_the_window_opens_an_existing_file_named_with_a_leading_dash_given_alone(folder, capsys, opened, name):
    assert run(capsys, name) == (0, "", "") and opened == [(name, False)]


def test_options_are_still_options_and_a_missing_dash_name_is_still_refused(folder, capsys, opened):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "usage: safer-desk" in out and opened == []
    code, _, err = run(capsys, "-missing.sqlite")
    assert code == 2 and opened == [] and "./-missing.sqlite" in err  # said how to give such a name
    code, _, err = run(capsys, "--", "a.sqlite", "b.sqlite")
    assert code == 2 and opened == []


def test_a_command_given_such_a_file_says_how_to_give_it_and_works_so(folder, capsys):
    code, out, err = run(capsys, "projects", "-office.sqlite")
    assert (code, out) == (2, "")
    assert "-office.sqlite begins with -, so it is read as an option: give it as ./-office.sqlite" in err, err
    for given in (["--", "-office.sqlite"], ["./-office.sqlite"]):
        code, out, err = run(capsys, "projects", *given)
        assert (code, err) == (0, "") and out.startswith("id,title,status"), err
