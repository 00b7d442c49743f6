"""A file the command line writes (OUT) is never replaced unasked (round 40, cwx).

`safer-desk export FILE existing.xlsx` (or `existing.sqlite`) and `safer-desk report FILE existing.pdf` replaced the
file without a word, where the window asks first. They now refuse (exit 1), name the file and the option that
replaces it (--replace, said in --help), and leave the file byte for byte as it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli_run import run


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command, name", [("export", "county.xlsx"), ("export", "county.sqlite"),
                                           ("report", "board.html")])
def test_an_existing_out_is_refused_and_left_as_it_was(capsys, demo_path, tmp_path, command, name):
    out = tmp_path / name
    code, _, err = run(capsys, command, demo_path, out)
    assert code == 0, err
    before = digest(out)
    code, said, err = run(capsys, command, demo_path, out)
    assert code == 1 and said == ""
    assert f"{name} already exists" in err and "--replace" in err and "Nothing was written" in err
    assert digest(out) == before
    code, said, err = run(capsys, command, demo_path, out, "--replace")
    assert code == 0, err
    assert f"wrote {out}" in said


def test_a_refused_export_takes_no_export_number(capsys, demo_path, tmp_path):
    out = tmp_path / "county.sqlite"
    run(capsys, "export", demo_path, out)
    run(capsys, "export", demo_path, out)  # refused
    code, said, _ = run(capsys, "export", demo_path, out, "--replace")
    assert code == 0 and "export number 2 of this office" in said


def test_the_office_file_named_as_out_is_said_as_before(capsys, demo_path):
    """Naming the office's own file as OUT is refused as it was (an export never replaces it), not with --replace
    offered, which could not help."""
    code, _, err = run(capsys, "export", demo_path, demo_path)
    assert code == 1 and "is the file being exported" in err and "--replace" not in err


def test_a_usage_error_is_said_before_an_out_that_exists(capsys, demo_path, tmp_path):
    out = tmp_path / "county.sqlite"
    out.write_bytes(b"an earlier export")
    code, _, err = run(capsys, "export", demo_path, out, "--raw-tables")
    assert code == 2 and "--raw-tables is for a workbook" in err
    assert out.read_bytes() == b"an earlier export"


@pytest.mark.parametrize("command", ["export", "report"])
def test_help_says_replace(capsys, command):
    code, said, _ = run(capsys, command, "--help")
    assert code == 0 and "--replace" in said


# -- demo and screenshot, the other commands that write an OUT ---------------------------------------------------

def test_demo_names_replace_as_export_does(capsys, tmp_path):
    out = tmp_path / "example.sqlite"
    assert run(capsys, "demo", out)[0] == 0
    before = digest(out)
    code, _, err = run(capsys, "demo", out)
    assert code == 1 and "example.sqlite already exists: add --replace" in err
    assert digest(out) == before
    assert run(capsys, "demo", out, "--replace")[0] == 0
    assert run(capsys, "demo", out, "--force")[0] == 0  # its older spelling still works in scripts


def test_a_screenshot_never_replaces_a_picture_unasked(capsys, tmp_path):
    out = tmp_path / "shot.png"
    out.write_bytes(b"a picture drawn earlier")
    code, _, err = run(capsys, "screenshot", out, "--demo")
    assert code == 1 and "shot.png already exists: add --replace" in err
    assert out.read_bytes() == b"a picture drawn earlier"
    assert "--replace" in run(capsys, "screenshot", "--help")[1]
