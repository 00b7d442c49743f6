"""Session 73: the README and the guide name the own file's folder as Windows writes it, `%LOCALAPPDATA%\\Safer Desk`,
and IT types it so (Explorer's address bar and Command Prompt read it). PowerShell, where the README's commands run,
and Safer Desk's own path fields passed it on as typed: `safer-desk check
"%LOCALAPPDATA%\\Safer Desk\\safer-desk.sqlite"` said "there is no file at %LOCALAPPDATA%\\Safer Desk\\…". On
Windows a %NAME% of a variable that is set is now read as Explorer reads it; one that is not set, and every %
elsewhere, stay as typed ("100% plan.sqlite")."""

from __future__ import annotations

import pytest

from safer_desk import paths
from tests.cli_run import run

LOCAL = "C:\\Users\\ann.smith\\AppData\\Local"


@pytest.fixture
def windows_env(monkeypatch):
    monkeypatch.setenv("LOCALAPPDATA", LOCAL)
    monkeypatch.delenv("NOT_SET_HERE", raising=False)


@pytest.mark.parametrize(("typed", "meant"), [
    ("%LOCALAPPDATA%\\Safer Desk\\safer-desk.sqlite", f"{LOCAL}\\Safer Desk\\safer-desk.sqlite"),
    ('"%LocalAppData%\\Safer Desk\\safer-desk.sqlite"', f"{LOCAL}\\Safer Desk\\safer-desk.sqlite"),
    ("H:\\CSP\\100% plan %NOT_SET_HERE%.sqlite", "H:\\CSP\\100% plan %NOT_SET_HERE%.sqlite"),
    ("\\\\fs01\\csp$\\office.sqlite", "\\\\fs01\\csp$\\office.sqlite"),
])
def test_on_windows_a_set_variable_is_read_as_explorer_reads_it(windows_env, typed, meant):
    assert paths.typed_path(typed, windows=True) == meant


def test_elsewhere_percent_signs_are_part_of_the_name(windows_env):
    assert paths.typed_path("%LOCALAPPDATA%/office.sqlite", windows=False) == "%LOCALAPPDATA%/office.sqlite"


def test_the_command_line_on_windows_reads_the_folder_the_readme_names(capsys, monkeypatch, demo_path):
    monkeypatch.setattr(paths, "ON_WINDOWS", True)
    monkeypatch.setenv("SAFERDESKTESTDIR", str(demo_path.parent))
    code, out, err = run(capsys, "projects", f"%SAFERDESKTESTDIR%/{demo_path.name}")
    assert code == 0, err
    assert out.splitlines()[0].startswith("id,title,")
