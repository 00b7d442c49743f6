"""Session 73: a folder given where the Safer Desk file belongs (`safer-desk projects "H:\\CSP"`, a desktop shortcut
to the folder, `safer-desk check .`) was refused as "CSP is a folder, not a Safer Desk file." and, for the window,
"Give the file's own name (for example …\\office.sqlite)", a name the folder did not hold, while the office's file
in it was "Babergh CSP.sqlite". The refusal now names the Safer Desk files the folder holds (told by what is in them,
not by their ending), so the name to give is there to copy; a folder without one is said as before."""

from __future__ import annotations

import shutil

import pytest

from tests.cli_run import run


@pytest.fixture
def office_folder(tmp_path, demo_path):
    folder = tmp_path / "CSP shared"
    folder.mkdir()
    shutil.copyfile(demo_path, folder / "Babergh CSP.sqlite")
    (folder / "minutes.docx").write_bytes(b"not a database")
    return folder


@pytest.mark.parametrize("argv", [["projects"], ["indicators"], ["check"], ["export", "{out}"]])
def test_a_command_given_the_folder_names_the_file_in_it(capsys, tmp_path, office_folder, argv):
    words = [a.format(out=tmp_path / "out.xlsx") for a in argv]
    code, _, err = run(capsys, words[0], office_folder, *words[1:])
    assert code == 1
    assert f"{office_folder} is a folder, not a Safer Desk file" in err, err
    assert f"It holds Babergh CSP.sqlite: give that file's name ({office_folder / 'Babergh CSP.sqlite'})" in err, err
    assert not (tmp_path / "out.xlsx").exists()


def test_a_folder_with_several_names_them_and_leaves_out_what_is_not_one(capsys, office_folder, demo_path):
    shutil.copyfile(demo_path, office_folder / "county.db")
    (office_folder / "empty.sqlite").write_bytes(b"")
    code, _, err = run(capsys, "projects", office_folder)
    assert code == 1
    assert "It holds Babergh CSP.sqlite and county.db: give one file's name" in err, err
    assert "empty.sqlite" not in err and "minutes.docx" not in err


def test_a_folder_without_one_is_said_as_before(capsys, tmp_path):
    folder = tmp_path / "empty folder"
    folder.mkdir()
    code, _, err = run(capsys, "projects", folder)
    assert code == 1 and err.strip() == f"safer-desk: {folder} is a folder, not a Safer Desk file.", err


def test_the_window_given_the_folder_names_the_file_in_it(capsys, monkeypatch, office_folder):
    import safer_desk.ui.app as app

    opened = []
    monkeypatch.setattr(app, "ensure_app", lambda: None)
    monkeypatch.setattr(app, "run_window", lambda *a, **k: opened.append(a) or 0)
    code, _, err = run(capsys, office_folder)
    assert (code, opened) == (1, [])
    assert f"It holds Babergh CSP.sqlite: give that file's name ({office_folder / 'Babergh CSP.sqlite'})" in err, err
    assert "office.sqlite" not in err  # no name the folder does not hold
