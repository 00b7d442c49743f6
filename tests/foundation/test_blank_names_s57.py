"""Names said as typed where a path has no last part: `safer-desk allocate . --pot 1` said " is a folder" (the
name blank) and `report FILE .` the same; help shows FILE for the file as every other command does; an unknown
area in `report --area` is quoted as the product quotes names (“Nowhere”), not 'Nowhere'."""

from __future__ import annotations

import pytest

from tests.exchange.helpers import cli_output


@pytest.mark.parametrize("argv", [["allocate", ".", "--pot", "1"], ["export", "{demo}", "."],
                                  ["report", "{demo}", "."]])
def test_a_folder_given_as_dot_is_named(argv, demo_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli_output([a.replace("{demo}", str(demo_path)) for a in argv])
    assert code in (1, 2) and ": " in err
    said = err.strip().splitlines()[-1]
    assert " is a folder" not in said or "“.”" in said or ". is a folder" in said, said
    assert not said.startswith("safer-desk:  ") and "  is a folder" not in said, said


@pytest.mark.parametrize("command", ["import-police", "indicators"])
def test_help_names_the_file_as_file(command):
    code, out, _ = cli_output([command, "--help"])
    assert code == 0 and " FILE" in out.split("\n\n")[0] and " file " not in out.split("\n\n")[0] + " "


def test_an_unknown_area_is_quoted_as_names_are(demo_path, tmp_path):
    code, _, err = cli_output(["report", str(demo_path), str(tmp_path / "r.html"), "--area", "Nowhere"])
    assert code == 1 and "“Nowhere”" in err and "'Nowhere'" not in err
