"""`--area ""` (a script's `--area "$AREA"` with the variable left empty) was read two ways: `report FILE OUT --area ""`
wrote the whole office's report, exit 0, as if the area had been left out, and `indicators FILE --area ""` refused
"this file has no area called “”". Both now refuse it as `budget FILE ""` refuses an empty plan: the name is empty,
give one or leave --area out (exit 1, nothing written) (session 69)."""

from __future__ import annotations

import pytest

from tests.cli_run import run

SAID = "safer-desk: --area: the area's name is empty: give a district's, partnership's or county's name, or leave " \
       "--area out for every area."


@pytest.mark.parametrize("empty", ["", "  "])
def test_report_with_an_empty_area_writes_nothing(empty, demo_path, tmp_path, capsys):
    out_path = tmp_path / "board.html"
    code, out, err = run(capsys, "report", demo_path, out_path, "--area", empty)
    assert code == 1 and out == ""
    assert err.startswith(SAID), err
    assert not out_path.exists()


def test_indicators_with_an_empty_area_says_it_is_empty(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--area", "")
    assert code == 1 and out == ""
    assert err.startswith(SAID), err


def test_population_with_an_empty_area_says_it_is_empty(demo_path, capsys):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "population", demo_path, "", "2020/21", "5000")
    assert code == 1 and out == ""
    assert err.startswith("safer-desk: AREA: the area's name is empty: give a district's, partnership's or county's "
                          "name."), err
    assert demo_path.read_bytes() == before


def test_fund_with_an_empty_name_says_it_is_empty(demo_path, capsys):
    code, out, err = run(capsys, "fund", demo_path, " ")
    assert code == 1 and out == ""
    assert err == "safer-desk: the fund's name is empty: give a fund's name. Funds: Suffolk Target Hardening " \
                  "Pilot.\n", err
