"""Session 73: SAFER_DESK_HOME as IT and people set it. In Command Prompt `set SAFER_DESK_HOME="H:\\Safer Desk"` (the
quotes seem needed for the space) keeps the quotes in the value, and a value set in Windows' environment variables
dialog, a shortcut or a service is never read by a shell, so `~\\Safer Desk` keeps its ~. Both were taken as they
were: a folder named `"` or `~` was made in whatever folder the program was started from, and the own file and the
signing key were kept there (`~/sd/keys` under the current folder): started from another folder, Safer Desk made
another own file and another key. The value is now read as a path typed in a field is (``paths.typed_path``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from safer_desk import paths


@pytest.mark.parametrize("quoted", ['"{}"', "“{}”", " {} "])
def test_quotes_and_spaces_round_the_folder_are_no_part_of_it(monkeypatch, tmp_path, quoted):
    monkeypatch.setenv("SAFER_DESK_HOME", quoted.format(tmp_path / "Safer Desk"))
    assert paths.data_folder() == tmp_path / "Safer Desk"
    assert paths.default_file() == tmp_path / "Safer Desk" / "safer-desk.sqlite"


def test_a_tilde_is_the_home_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SAFER_DESK_HOME", "~/Safer Desk")
    assert paths.data_folder() == tmp_path / "Safer Desk"


def test_on_windows_a_quoted_tilde_backslash_is_the_users_profile(monkeypatch):
    monkeypatch.setattr(paths, "ON_WINDOWS", True)
    monkeypatch.setenv("USERPROFILE", "C:\\Users\\ann.smith")
    monkeypatch.setenv("SAFER_DESK_HOME", '"~\\Safer Desk"')
    assert str(paths.data_folder()) == "C:\\Users\\ann.smith\\Safer Desk"


def test_a_blank_value_is_the_usual_folder(monkeypatch):
    monkeypatch.setenv("SAFER_DESK_HOME", "  ")
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: "/usual/Safer Desk")
    assert paths.data_folder() == Path("/usual/Safer Desk")


def test_the_key_goes_to_the_folder_meant_and_nothing_is_made_where_it_started(tmp_path):
    started_in = tmp_path / "started here"
    started_in.mkdir()
    env = {**os.environ, "SAFER_DESK_HOME": f'"{tmp_path / "H drive" / "Safer Desk"}"', "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "safer_desk", "key"], cwd=started_in, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert list(started_in.iterdir()) == []
    assert (tmp_path / "H drive" / "Safer Desk" / "keys").is_dir()
    assert f"kept in {tmp_path / 'H drive' / 'Safer Desk' / 'keys'};" in result.stdout + result.stderr
