"""The command line's range checks (round 27): a value no file could ever accept is a usage error.

A value of the right kind that is out of the domain's range, or options that contradict each other, can be refused
without looking at any file: exit 2, naming the option (and the allowed range), before any file is opened or
written. `top-slice --partners 99999999999` said it as a refusal (exit 1); `fund --as-at 1850-01` said "year 1850 is
out of range" without the years Safer Desk holds; a factor given twice, and an award whose revenue and capital
shares do not add up (or whose last year is before its first, or a year given twice), were refused with exit 1, the
award's after the file had been opened to change. A well-formed value this file does not hold stays exit 1.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli_run import run

SEED_CSV = Path(__file__).resolve().parents[1] / "allocation" / "suffolk-2009-10-allocation.csv"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


OUT_OF_RANGE = [
    (["top-slice", "1000", "--partners", "99999999999"], "--partners", ["1 to 100"]),
    (["top-slice", "1000", "--partners", "101"], "--partners", ["1 to 100"]),
    (["fund", "FILE", "Suffolk Target Hardening Pilot", "--as-at", "1850-01"], "--as-at",
     ["“1850-01”", "1900", "2200"]),
    (["fund", "FILE", "Suffolk Target Hardening Pilot", "--as-at", "May 2201"], "--as-at", ["“May 2201”", "2200"]),
    (["fund", "FILE", "Suffolk Target Hardening Pilot", "--as-at", "2018-13"], "--as-at", ["“2018-13”", "1 to 12"]),
]


@pytest.mark.parametrize("argv, option, words", OUT_OF_RANGE)
def test_a_value_out_of_the_domains_range_is_a_usage_error_naming_the_range(demo_path, capsys, argv, option, words):
    before = digest(demo_path)
    code, printed, err = run(capsys, *[demo_path if a == "FILE" else a for a in argv])
    assert code == 2, err
    assert err.startswith(f"usage: safer-desk {argv[0]}") and f"error: argument {option}" in err, err
    assert all(w in err for w in words), err
    assert "Traceback" not in err and printed == ""
    assert digest(demo_path) == before


def test_the_most_partners_still_top_slices(capsys):
    code, out, err = run(capsys, "top-slice", "1000", "--partners", "100")
    assert code == 0 and "partners,100" in out, err


CONTRADICTIONS = [
    (["allocate", SEED_CSV, "--pot", "1000", "--factor", "basis=1", "--factor", "Basis=2"], "--factor",
     "given twice"),
    (["awards", "FILE", "--add", "G", "--funder", "OPCC", "--total", "5", "--revenue", "60", "--capital", "60"],
     "--revenue/--capital", "do not add up to 100%"),
    (["awards", "FILE", "--add", "G", "--funder", "OPCC", "--total", "5", "--first-year", "2019/20",
      "--last-year", "2017/18"], "--last-year", "cannot end before it starts"),
    (["awards", "FILE", "--add", "G", "--funder", "OPCC", "--year", "2017/18=1", "--year", "2017-18=2"], "--year",
     "2017/18 is given twice"),
    (["awards", "FILE", "--add", "G", "--funder", "OPCC", "--year", "2017/18=1", "--first-year", "2018/19"],
     "--first-year", "2017/18 is before the award's first year"),
]


@pytest.mark.parametrize("argv, option, words", CONTRADICTIONS)
def test_options_no_file_could_accept_together_are_a_usage_error_before_the_file_is_opened(
        demo_path, capsys, monkeypatch, argv, option, words):
    from safer_desk.cli import common

    opened = []
    monkeypatch.setattr(common, "_open_existing", lambda *a, **k: opened.append(a) or pytest.fail("file opened"))
    before = digest(demo_path)
    code, printed, err = run(capsys, *[demo_path if a == "FILE" else a for a in argv])
    assert code == 2 and err.startswith(f"safer-desk: {option}") and words in err, err
    assert "Traceback" not in err and printed == "" and not opened
    assert digest(demo_path) == before


def test_an_award_name_the_file_already_holds_is_still_a_refusal(demo_path, capsys):
    code, printed, err = run(capsys, "awards", demo_path, "--add", "G", "--funder", "OPCC", "--total", "5")
    assert code == 0, err
    before = digest(demo_path)
    code, printed, err = run(capsys, "awards", demo_path, "--add", "G", "--funder", "OPCC", "--total", "5")
    assert code == 1 and "there is already an award called “G”" in err and printed == "", err
    assert digest(demo_path) == before
