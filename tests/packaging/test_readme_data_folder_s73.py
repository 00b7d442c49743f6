"""The README's set-up for IT (session 73). "Where your data lives": the folder it gives for each system is the one
Safer Desk uses there (platformdirs' branch for that system, forced here), and it names SAFER_DESK_HOME, the way IT
keeps the own file, the signing key and errors.log elsewhere (a network home drive, a roaming profile): the user
guide said so, the README, which IT reads, did not. The macOS line names a Python the commands' `python3` runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Where your data lives", 1)[1].split("\n## ", 1)[0]


def _table() -> dict[str, str]:
    rows = re.findall(r"^\| (Windows|macOS|Linux) \| `([^`]+)` \|$", _section(), flags=re.MULTILINE)
    return dict(rows)


@pytest.mark.parametrize(("system", "module", "cls"), [("macOS", "macos", "MacOS"), ("Linux", "unix", "Unix")])
def test_the_readme_folder_is_the_one_used_on_that_system(monkeypatch, system, module, cls):
    import importlib

    import platformdirs

    from safer_desk import paths

    monkeypatch.delenv("SAFER_DESK_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", "/home/ann")
    monkeypatch.setattr(platformdirs, "PlatformDirs", getattr(importlib.import_module(f"platformdirs.{module}"), cls))
    written = _table()[system]
    assert str(paths.data_folder()) == written.replace("~", "/home/ann")


def test_the_readme_names_safer_desk_home_and_what_it_moves():
    section = _section()
    assert set(_table()) == {"Windows", "macOS", "Linux"}
    assert "SAFER_DESK_HOME" in section
    assert "errors.log" in section and "signing key" in section


def test_safer_desk_home_is_where_the_own_file_key_and_log_go(monkeypatch, tmp_path):
    from safer_desk import paths

    monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / "H drive" / "Safer Desk"))
    assert paths.default_file() == tmp_path / "H drive" / "Safer Desk" / "safer-desk.sqlite"
    assert paths.keys_folder() == tmp_path / "H drive" / "Safer Desk" / "keys"


def _macos_bullet() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Set up\n", 1)[1].split("\n## ", 1)[0]
    return section.split("- **macOS**", 1)[1].split("\n- **", 1)[0]


def test_the_macos_python_it_names_is_the_python3_the_commands_run():
    """The Linux and macOS commands run `python3`. Homebrew's versioned formulae (`brew install python@3.12`) put
    only `python3.12` on the path (Homebrew/homebrew-core#149998: "expected behaviour"), so on a stock Mac
    `python3` stayed Apple's /usr/bin/python3 (3.9): the venv was made with it and pip refused Safer Desk
    ("requires a different Python: 3.9.6 not in '>=3.11'") after the README had said that Python would do."""
    bullet = _macos_bullet()
    for formula in re.findall(r"brew install ([\w@.]+)", bullet):
        if formula != "python":  # the unversioned formula is the one that gives `python3`
            version = formula.split("@", 1)[1]
            assert f"`python{version}`" in bullet and "in place of `python3`" in bullet, bullet
    assert "/usr/bin/python3" in bullet and "python3 --version" in bullet, bullet
