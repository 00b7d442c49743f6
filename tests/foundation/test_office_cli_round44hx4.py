"""`safer-desk office FILE --county ""`: the help says "" clears the office's county, but the command stopped with a
usage error about files ("NAME: an empty name is not a file"), and the county stayed."""

from __future__ import annotations

from tests.cli_run import run


def test_an_empty_county_clears_it_as_the_help_says(demo_path, capsys):
    code, out, err = run(capsys, "office", demo_path, "--county", "")
    assert code == 0, err
    assert "not a file" not in err
    assert "County: not named" in out
    code, out, err = run(capsys, "office", demo_path)
    assert code == 0
    assert "County: not named" in out


def test_an_empty_file_name_is_still_refused(capsys):
    code, out, err = run(capsys, "office", "", "--county", "Suffolk")
    assert code == 2
    assert "FILE: an empty name is not a file" in err
