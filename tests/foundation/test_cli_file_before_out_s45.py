"""`safer-desk report missing.sqlite board.pdf` with board.pdf already there said "board.pdf already exists: add
--replace", and with OUT in a folder not made yet, "The folder … does not exist" (session 45).

FILE comes first on the line and is what the command is about: the officer who adds --replace (or makes the folder) is
then told there is no FILE at all. A missing FILE is said first, by report, export and screenshot alike, and nothing
is written.
"""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.fixture
def out_there(tmp_path):
    board = tmp_path / "board.pdf"
    board.write_bytes(b"%PDF-1.4 the last board's paper\n")
    return board


@pytest.mark.parametrize("command, out_name", [
    ("report", "board.pdf"), ("export", "county.xlsx"), ("export", "county.sqlite"), ("screenshot", "window.png"),
])
@pytest.mark.parametrize("out_problem", ["exists", "no folder"])
def test_a_missing_file_is_said_before_out(tmp_path, capsys, command, out_name, out_problem):
    out = tmp_path / out_name if out_problem == "exists" else tmp_path / "not made" / out_name
    if out_problem == "exists":
        out.write_bytes(b"kept as it was")
    missing = tmp_path / "missing.sqlite"
    argv = [command, out, missing] if command == "screenshot" else [command, missing, out]
    code, _, err = run(capsys, *argv)
    assert (code, err.strip()) == (1, f"safer-desk: there is no file at {missing}.")
    assert (out.read_bytes() == b"kept as it was") if out_problem == "exists" else not out.parent.exists()
    assert not missing.exists()


def test_out_is_still_refused_for_a_file_there(tmp_path, capsys, out_there):
    office = tmp_path / "office.sqlite"
    assert run(capsys, "demo", office)[0] == 0
    code, _, err = run(capsys, "report", office, out_there)
    assert code == 1 and "board.pdf already exists: add --replace" in err
    assert out_there.read_bytes() == b"%PDF-1.4 the last board's paper\n"
