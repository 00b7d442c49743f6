"""Round 38 (prx): `safer-desk awards --add` of a name the file has says it of --add, as its other refusals name the
option, not the window's "Name:" field, which the command line has not got."""

from __future__ import annotations

from tests.cli_run import run


def test_a_name_the_file_has_is_said_of_add(demo_path, capsys):
    code, out, err = run(capsys, "awards", demo_path, "--add", "PCC grant to Safer Plymouth 2017–19",
                         "--funder", "OPCC", "--year", "2019/20=£5")
    assert code == 1 and out == ""
    assert err == "safer-desk: --add: there is already an award called “PCC grant to Safer Plymouth 2017-19”.\n"
