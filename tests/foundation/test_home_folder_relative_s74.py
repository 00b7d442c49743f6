"""SAFER_DESK_HOME given as a relative folder (`set SAFER_DESK_HOME=office data`) is that folder in the folder Safer
Desk was started in, fixed once as it starts (``paths.settle_home_folder``). Before session 74 it was read afresh
each time it was wanted: `safer-desk key` said the key was "kept in office data/keys" (in which folder?), and once
the current folder changed (a Windows file dialog moves it) the own file, the signing key and errors.log were looked
for in another folder: a second key made there, the own file not found."""
import os
import subprocess
import sys

import pytest

from safer_desk import cli, paths
from tests.safety.helpers import REPO, _child_env


@pytest.fixture
def started_in(tmp_path, private_home, monkeypatch):
    """The folder Safer Desk is started in, with SAFER_DESK_HOME relative; another folder to move to afterwards."""
    start, other = tmp_path / "started here", tmp_path / "elsewhere"
    start.mkdir()
    other.mkdir()
    monkeypatch.chdir(start)
    monkeypatch.setenv("SAFER_DESK_HOME", "office data")
    return start, other


def test_the_command_line_names_the_folder_it_keeps_the_key_in_in_full(tmp_path, private_home):
    start = tmp_path / "started here"
    start.mkdir()
    env = _child_env(private_home)
    env.update(SAFER_DESK_HOME="office data", PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-m", "safer_desk", "key"], cwd=start, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (start / "office data" / "keys").is_dir()
    assert f"kept in {start / 'office data' / 'keys'}" in result.stderr, result.stderr


def test_the_window_keeps_the_folder_it_started_in_when_the_current_folder_moves(started_in, monkeypatch, qapp):
    start, other = started_in
    seen = []

    def run_window(path, **kwargs):
        os.chdir(other)  # a file dialog moved the current folder
        seen.append((paths.default_file(), paths.keys_folder()))
        return 0

    monkeypatch.setattr("safer_desk.ui.app.run_window", run_window)
    assert cli.main([]) == 0
    assert seen == [(start / "office data" / "safer-desk.sqlite", start / "office data" / "keys")]


def test_help_says_where_a_relative_folder_is(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "SAFER_DESK_HOME" in said and "a relative one (office data) is that folder in the folder Safer Desk was " \
                                        "started in" in said


def test_a_folder_given_in_full_is_kept_as_given(tmp_path, private_home, monkeypatch):
    monkeypatch.setenv("SAFER_DESK_HOME", f'"{tmp_path / "own"}"')  # quoted, as Command Prompt keeps it
    paths.settle_home_folder()
    assert os.environ["SAFER_DESK_HOME"] == str(tmp_path / "own") and paths.data_folder() == tmp_path / "own"


def test_read_before_the_start_it_is_still_a_full_path(started_in):
    start, _ = started_in
    assert paths.data_folder() == start / "office data" and paths.data_folder().is_absolute()


def test_started_in_a_folder_since_removed_it_still_starts(tmp_path, private_home):
    # The folder started in was removed (a network drive disconnected): `--version` ended in a traceback as the
    # relative folder was fixed; it is left as given, for what needs it to say it cannot be reached.
    start = tmp_path / "gone"
    start.mkdir()
    env = _child_env(private_home)
    env.update(SAFER_DESK_HOME="office data", PYTHONPATH=str(REPO))
    code = "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); from safer_desk.cli import main; " \
           "sys.exit(main(['--version']))"
    result = subprocess.run([sys.executable, "-c", code, str(start)], env=env, capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert result.stdout.startswith("safer-desk ")
