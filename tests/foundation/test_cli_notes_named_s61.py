"""Three notes on standard error began "note: …" where every other command's begin "safer-desk: note: …" (session 61).

A county team's script that keeps what Safer Desk says (`2>> safer-desk.log`, or a filter on "safer-desk:") lost the
note that the county file is still called after its file (from `report` and from `export … OUT.xlsx`) and the note
that a --accept-key given to `merge` signed none of the files: the same words, now named as the command's own.
"""

from __future__ import annotations

from tests.cli_run import run
from tests.exchange.helpers import accept_key_args


def _county(tmp_path, capsys, demo_path):
    export = tmp_path / "office export.sqlite"
    assert run(capsys, "export", demo_path, export)[0] == 0
    county = tmp_path / "county.sqlite"
    assert run(capsys, "merge", county, export, *accept_key_args())[0] == 0
    return county, export


def test_the_note_that_a_county_file_is_unnamed_is_said_as_safer_desk_s(demo_path, tmp_path, capsys):
    county, _ = _county(tmp_path, capsys, demo_path)
    for command in (["report", county, tmp_path / "board.html"], ["export", county, tmp_path / "county.xlsx"]):
        code, _, err = run(capsys, *command)
        assert code == 0 and err.startswith("safer-desk: note: This county file is still called “county”"), err


def test_the_note_of_a_key_no_file_is_signed_with_is_said_as_safer_desk_s(demo_path, tmp_path, capsys):
    county, export = _county(tmp_path, capsys, demo_path)
    other = "0123 4567 89AB CDEF 0123 4567"
    code, _, err = run(capsys, "merge", county, export, "--accept-key", other)
    assert code == 0 and err.startswith(f"safer-desk: note: no file given is signed with key {other}"), err
