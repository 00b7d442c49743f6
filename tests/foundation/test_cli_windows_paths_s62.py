"""Round 62: two ways a path given on the command line named a file that was not meant.

- Command Prompt (and Python's reading of a Windows command line) takes a backslash before a closing quote as a
  quote in the word: `safer-desk import-police office.sqlite "C:\\police data\\"` gave the folder `C:\\police data"`
  ("there is no file at …"), and with more words after it, glued them on to the folder's name. A Windows name never
  holds a quote: a lone closing one is taken off, and words glued on are refused saying what to type.
- A `~` inside quotes (`"~/CSP files/office.sqlite"`) is not made the home folder by the shell, nor ever by
  Command Prompt: the command looked for a folder named `~`. It is now read as the home folder, as the shell would.
"""

from __future__ import annotations

import pytest

from safer_desk import paths
from safer_desk.paths import typed_path
from tests.cli_run import run


@pytest.mark.parametrize("given, meant", [
    ('C:\\police data"', "C:\\police data"),  # "C:\police data\" as Command Prompt hands it on
    ('"C:\\police data\\"', "C:\\police data\\"),  # both quotes kept (by a script): one pair, as before
    ("C:\\police data\\", "C:\\police data\\"),
])
def test_a_closing_quote_left_by_a_trailing_backslash_is_taken_off_on_windows(given, meant):
    assert typed_path(given, windows=True) == meant


def test_elsewhere_a_quote_can_be_part_of_a_name_and_is_kept():
    assert typed_path('/home/ann/data"', windows=False) == '/home/ann/data"'


def test_a_quoted_tilde_is_the_home_folder(monkeypatch):
    monkeypatch.setenv("HOME", "/home/ann")
    assert typed_path('"~/CSP files/office.sqlite"', windows=False) == "/home/ann/CSP files/office.sqlite"
    assert typed_path("~", windows=False) == "/home/ann"
    assert typed_path("~ann.bak/x.sqlite", windows=False) == "~ann.bak/x.sqlite"  # not the home folder's form
    assert typed_path("reports/~draft.html", windows=False) == "reports/~draft.html"
    monkeypatch.setenv("USERPROFILE", "C:\\Users\\ann.smith")
    assert typed_path('"~\\CSP\\office.sqlite"', windows=True) == "C:\\Users\\ann.smith\\CSP\\office.sqlite"


def test_the_command_line_reads_a_quoted_tilde_as_the_home_folder(capsys, demo_path, monkeypatch):
    monkeypatch.setenv("HOME", str(demo_path.parent))
    code, out, err = run(capsys, "projects", f"~/{demo_path.name}")
    assert code == 0, err
    assert out.splitlines()[0].startswith("id,title,")


def test_the_command_line_on_windows_reads_a_folder_given_with_a_trailing_backslash(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "ON_WINDOWS", True)
    folder = tmp_path / "police data"
    folder.mkdir()
    code, _, err = run(capsys, "import-police", tmp_path / "office.sqlite", f'{folder}"')
    assert code == 1 and "files to import: police data is empty" in err, err  # the folder itself, read


def test_words_glued_on_by_a_trailing_backslash_are_refused_saying_what_to_type(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "ON_WINDOWS", True)
    office = tmp_path / "office.sqlite"
    code, _, err = run(capsys, "import-police", office, 'C:\\police data" --replace-typed')
    assert code == 2
    assert "a backslash just before a closing quote" in err and '"C:\\police data"' in err
    assert not office.exists()
