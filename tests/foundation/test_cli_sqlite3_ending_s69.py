"""`safer-desk demo x.sqlite3` wrote x.sqlite3.sqlite, though every other command reads .sqlite3 as a Safer Desk
file's ending: .sqlite3 is now one of the endings File > Open lists (and a drop on the window opens), kept as
typed."""

from __future__ import annotations

from tests.cli_run import run


# -- 1. demo x.sqlite3 ----------------------------------------------------------------------------------------------

def test_demo_keeps_a_sqlite3_ending_as_typed(capsys, tmp_path):
    code, out, err = run(capsys, "demo", tmp_path / "x.sqlite3")
    assert code == 0, err
    assert (tmp_path / "x.sqlite3").is_file() and not (tmp_path / "x.sqlite3.sqlite").exists()
    assert f"wrote the example data to {tmp_path / 'x.sqlite3'}" in out
    assert run(capsys, "projects", tmp_path / "x.sqlite3")[0] == 0


def test_file_open_lists_what_the_command_line_reads_as_a_safer_desk_file():
    from safer_desk.cli.common import OFFICE_FILE_ENDINGS
    from safer_desk.services.files import OFFICE_SUFFIXES, new_office_file_name

    assert set(OFFICE_SUFFIXES) == set(OFFICE_FILE_ENDINGS)
    assert str(new_office_file_name("Office.SQLITE3")) == "Office.SQLITE3"
