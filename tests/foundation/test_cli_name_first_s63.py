"""`safer-desk fund "Suffolk Target Hardening Pilot" office.sqlite` (the fund's name before the file, as it is said
aloud: "the pilot's figures from the office file") said only "there is no file at Suffolk Target Hardening Pilot",
as did `budget "East Sussex …" office.sqlite` and `population Babergh office.sqlite 2019/20 104000`: the file the
officer named was there, and nothing said it was in the wrong place (session 63). Said as a usage error (exit 2)
naming the file and the order; nothing is read or changed."""

from __future__ import annotations

import pytest

from tests.cli_run import run

FUND = "Suffolk Target Hardening Pilot"
PLAN = "East Sussex Community Safety MTFP 2011/12 - 2014/15"


@pytest.mark.parametrize("argv, what, usage", [
    (("fund", FUND, "{file}"), "NAME", "safer-desk fund FILE NAME"),
    (("budget", PLAN, "{file}"), "PLAN", "safer-desk budget FILE [PLAN]"),
    (("population", "Babergh", "{file}", "2019/20", "104000"), "AREA", "safer-desk population FILE AREA YEAR NUMBER"),
], ids=["fund", "budget", "population"])
def test_the_file_given_after_the_name_is_said_in_its_place(demo_path, capsys, argv, what, usage):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, *(str(demo_path) if a == "{file}" else a for a in argv))
    assert code == 2 and out == ""
    given = argv[1]
    assert (f"safer-desk: there is no file at {given}; {demo_path.name}, given as {what}, is the file: the Safer "
            f"Desk FILE comes first ({usage}). Nothing was read or changed.") in err, err
    assert demo_path.read_bytes() == before


def test_a_name_that_is_no_file_still_says_there_is_no_file(demo_path, tmp_path, capsys):
    code, _, err = run(capsys, "fund", tmp_path / "missing.sqlite", FUND)
    assert (code, err.strip()) == (1, f"safer-desk: there is no file at {tmp_path / 'missing.sqlite'}.")


def test_the_right_order_still_prints_the_fund(demo_path, capsys):
    code, out, _ = run(capsys, "fund", demo_path, FUND)
    assert code == 0 and out.startswith("name,value")
