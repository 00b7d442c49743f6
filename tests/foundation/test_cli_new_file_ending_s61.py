"""A new file made from the command line (`demo office`, `import-police office street/`, `merge county export`)
was made under the name as typed, without an ending, where the window's File > New adds .sqlite: File > Open's
filter ("Safer Desk files (*.sqlite *.db)") then did not list it. A new file's name now gets .sqlite as File > New
gives it; a file that is there, made without an ending before, is still the one read and written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli_run import run
from tests.indicators.police_helpers import FIXTURES

STREET = FIXTURES / "suffolk-2021-01" / "2021-01-suffolk-street.csv"  # a cut of the real file, in tests/


def _street_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "street"
    folder.mkdir()
    shutil.copy(STREET, folder / STREET.name)
    return folder


def test_demo_adds_the_ending_as_file_new_does(capsys, tmp_path):
    code, out, err = run(capsys, "demo", tmp_path / "office")
    assert code == 0, err
    assert (tmp_path / "office.sqlite").is_file() and not (tmp_path / "office").exists()
    assert f"wrote the example data to {tmp_path / 'office.sqlite'}" in out
    code, _, err = run(capsys, "demo", tmp_path / "Babergh 2019.20")  # a dot in a name is not an ending
    assert code == 0, err
    assert (tmp_path / "Babergh 2019.20.sqlite").is_file()
    code, _, err = run(capsys, "demo", tmp_path / "office.db")  # an ending File > Open lists: kept
    assert code == 0 and (tmp_path / "office.db").is_file()


def test_import_police_makes_a_new_file_ending_sqlite_and_says_so(capsys, tmp_path):
    folder = _street_folder(tmp_path)
    code, out, err = run(capsys, "import-police", tmp_path / "office", folder)
    assert code == 0, err
    assert (tmp_path / "office.sqlite").is_file() and not (tmp_path / "office").exists()
    assert f"the new file is {tmp_path / 'office.sqlite'}" in err
    assert run(capsys, "indicators", tmp_path / "office.sqlite")[1].count("\n") > 1


def test_an_existing_file_without_an_ending_is_still_the_one_written(capsys, tmp_path, demo_path):
    folder = _street_folder(tmp_path)
    old = tmp_path / "office"
    shutil.copy(demo_path, old)
    code, _, err = run(capsys, "import-police", old, folder)
    assert code == 0, err
    assert "the new file" not in err and not (tmp_path / "office.sqlite").exists()
    assert run(capsys, "projects", old)[0] == 0
    code, _, err = run(capsys, "demo", old, "--replace")
    assert code == 0, err
    assert not (tmp_path / "office.sqlite").exists()


def test_merge_into_a_new_county_file_adds_the_ending(capsys, tmp_path, demo_path):
    export = tmp_path / "district.sqlite"
    assert run(capsys, "export", demo_path, export)[0] == 0
    code, _, err = run(capsys, "merge", tmp_path / "county", export, "--accept-key", _fingerprint(capsys))
    assert code == 0, err
    assert (tmp_path / "county.sqlite").is_file() and not (tmp_path / "county").exists()
    assert f"the new file is {tmp_path / 'county.sqlite'}" in err


def _fingerprint(capsys) -> str:
    code, out, _ = run(capsys, "key")
    assert code == 0
    return out.strip()


def test_a_name_without_its_ending_writes_the_file_of_that_name_and_says_so(capsys, tmp_path, demo_path):
    folder = _street_folder(tmp_path)
    shutil.copy(demo_path, tmp_path / "office.sqlite")
    code, _, err = run(capsys, "import-police", tmp_path / "office", folder)
    assert code == 0, err
    assert f"there is no file {tmp_path / 'office'}: {tmp_path / 'office.sqlite'} is the one used" in err
    assert "the new file" not in err and not (tmp_path / "office").exists()


@pytest.mark.parametrize("argv", [["projects", "{name}"], ["report", "{name}", "{tmp}/board.html"],
                                  ["export", "{name}", "{tmp}/for county.xlsx"], ["check", "{name}"]])
def test_a_file_named_without_its_ending_is_read(capsys, tmp_path, demo_path, argv):
    # Windows' Explorer hides the ending: the officer sees "office" and types it; "there is no file at office".
    shutil.copy(demo_path, tmp_path / "office.sqlite")
    code, _, err = run(capsys, *[a.format(name=tmp_path / "office", tmp=tmp_path) for a in argv])
    assert code == 0, err
    assert f"there is no file {tmp_path / 'office'}: {tmp_path / 'office.sqlite'} is the one used" in err


def test_neither_there_is_still_no_file(capsys, tmp_path):
    code, _, err = run(capsys, "projects", tmp_path / "office")
    assert code == 1 and f"there is no file at {tmp_path / 'office'}" in err


@pytest.mark.parametrize("spelled", ["{folder}/babergh", "babergh"])
def test_the_window_opens_a_file_named_without_its_ending(capsys, tmp_path, demo_path, monkeypatch, spelled):
    from safer_desk.ui import app

    shutil.copy(demo_path, tmp_path / "babergh.sqlite")
    monkeypatch.chdir(tmp_path)
    opened = []
    monkeypatch.setattr(app, "ensure_app", lambda: None)
    monkeypatch.setattr(app, "run_window", lambda path, **kw: opened.append(path) or 0)
    code, _, err = run(capsys, spelled.format(folder=tmp_path))
    assert code == 0, err
    assert [p.resolve() for p in opened] == [(tmp_path / "babergh.sqlite").resolve()]
    assert "babergh.sqlite is the one opened" in err
