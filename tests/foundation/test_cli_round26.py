"""The command line against its contract (round 26).

1. An option's value that is malformed (a year that is not YYYY/YY, a date that is not a date, an amount that is not
   money, a choice not on the list) is a usage error in every command: exit 2, argparse's "usage: … error: argument
   OPTION: …", before any file is opened. Allocate, top-slice and awards said it as a refusal (exit 1) while fund,
   office and report said it as a usage error; `report --year 1850/51` ended in a traceback.
2. A well-formed value the file does not hold (a fund, a partnership, an area, a conflict it has not) is a refusal:
   exit 1, a plain message, nothing written.
3. A file open for writing elsewhere, refused by a command that changes it, said "It can be opened read-only." --
   nothing a command that writes can do: it now says what the user can do.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from tests.cli_run import run

SEED_CSV = Path(__file__).resolve().parents[1] / "allocation" / "suffolk-2009-10-allocation.csv"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


ALLOCATE = ["allocate", "INPUT"]

BAD_VALUES = [
    (ALLOCATE + ["--pot", "ten pounds"], "--pot", "is not an amount of money"),
    (ALLOCATE + ["--pot", "-5"], "--pot", "negative"),
    (ALLOCATE + ["--previous-total", "lots", "--retain", "10"], "--previous-total", "is not an amount of money"),
    (ALLOCATE + ["--previous-total", "655120", "--retain", "xx"], "--retain", "is not a percentage"),
    (ALLOCATE + ["--pot", "10", "--fixed-share", "xx"], "--fixed-share", "is not a fraction"),
    (ALLOCATE + ["--pot", "10", "--fixed-share", "4/3"], "--fixed-share", "“4/3”"),
    (ALLOCATE + ["--pot", "10", "--fixed-share", "£lots"], "--fixed-share", "is not an amount of money"),
    (ALLOCATE + ["--pot", "10", "--rounding", "bankers"], "--rounding", "bankers"),
    (ALLOCATE + ["--pot", "10", "--unit", "shilling"], "--unit", "shilling"),
    (ALLOCATE + ["--pot", "10", "--factor", "crime"], "--factor", "NAME=WEIGHT"),
    (ALLOCATE + ["--pot", "10", "--factor", "crime=x"], "--factor", "is not a number"),
    (ALLOCATE + ["--pot", "10", "--damping", "x"], "--damping", "is not a percentage"),
    (["top-slice", "lots"], "TOTAL", "is not an amount of money"),
    (["top-slice", "1000", "--lsp-share", "half"], "--lsp-share", "is not a percentage"),
    (["top-slice", "1000", "--retain", "150"], "--retain", "between 0% and 100%"),
    (["top-slice", "1000", "--vary", "x"], "--vary", "is not a percentage"),
    (["top-slice", "1000", "--partners", "0"], "--partners", "at least 1"),
    (["fund", "FILE", "Suffolk Target Hardening Pilot", "--as-at", "June"], "--as-at", "is not a month"),
    (["fund", "FILE", "Suffolk Target Hardening Pilot", "--today", "31/02/2018"], "--today", "28 days"),
    (["fund", "FILE", "Suffolk Target Hardening Pilot", "--keyed-to", "soon"], "--keyed-to", "is not a date"),
    (["fund", "FILE", "Suffolk Target Hardening Pilot", "--window", "0"], "--window", "at least 1"),
    (["dhr-ledger", "FILE", "--as-at", "yesterday"], "--as-at", "is not a date"),
    (["office", "FILE", "--year", "2018"], "--year", "is not a financial year"),
    (["office", "FILE", "--year", "1850/51"], "--year", "1900/01"),
    (["office", "FILE", "--county", "Devon", "--year", "2018"], "--year", "is not a financial year"),
    (["report", "FILE", "OUT.html", "--year", "2016-17x"], "--year", "is not a financial year"),
    (["report", "FILE", "OUT.html", "--year", "1850/51"], "--year", "1900/01"),
    (["report", "FILE", "OUT.html", "--meeting", "next week"], "--meeting", "is not a date"),
    (["awards", "FILE", "--add", "G", "--funder", "OPCC", "--year", "2017=£5"], "--year", "should read like"),
    (["awards", "FILE", "--add", "G", "--funder", "OPCC", "--year", "2017/18=lots"], "--year",
     "is not an amount of money"),
    (["awards", "FILE", "--add", "G", "--funder", "OPCC", "--total", "lots"], "--total", "is not an amount of money"),
    (["awards", "FILE", "--add", "G", "--funder", "OPCC", "--total", "5", "--first-year", "2017"], "--first-year",
     "is not a financial year"),
    (["awards", "FILE", "--add", "G", "--funder", "OPCC", "--total", "5", "--revenue", "xx", "--capital", "10"],
     "--revenue", "is not a percentage"),
    (["merge", "COUNTY", "FILE", "--accept-key", "abc"], "--accept-key", "is not a key fingerprint"),
    (["conflicts", "FILE", "--keep", "county", "--conflict", "projcts"], "--conflict", "is not a conflict"),
    (["keys", "FILE", "--withdraw", "abc"], "--withdraw", "is not a key fingerprint"),
]


@pytest.mark.parametrize("argv, option, words", BAD_VALUES)
def test_a_malformed_option_value_is_a_usage_error_naming_the_option(demo_path, tmp_path, capsys, argv, option,
                                                                     words):
    county = tmp_path / "county.sqlite"
    out = tmp_path / "board.html"
    given = {"FILE": demo_path, "INPUT": SEED_CSV, "COUNTY": county, "OUT.html": out}
    before = digest(demo_path)
    code, printed, err = run(capsys, *[given.get(a, a) for a in argv])
    assert code == 2, err
    assert err.startswith(f"usage: safer-desk {argv[0]}"), err
    assert f"error: argument {option}" in err and words in err, err
    assert "Traceback" not in err and printed == ""
    assert digest(demo_path) == before and not county.exists() and not out.exists()


@pytest.mark.parametrize("argv, words", [
    (["fund", "FILE", "Nowhere Fund"], "there is no fund called “Nowhere Fund”"),
    (["office", "FILE", "--partnership", "Nowhere CSP"], "there is no partnership called “Nowhere CSP”"),
    (["report", "FILE", "OUT.html", "--area", "Nowhere"], "--area: there is no district"),
    (["conflicts", "FILE", "--keep", "county", "--conflict", "99999"], "no open conflict matches '99999'"),
    (["awards", "FILE", "--delete", "Nothing"], "there is no award called “Nothing”"),
    (["budget", "FILE", "No Such Plan"], "there is no plan called “No Such Plan”"),
])
def test_a_well_formed_value_the_file_does_not_hold_is_a_refusal(demo_path, tmp_path, capsys, argv, words):
    out = tmp_path / "board.html"
    before = digest(demo_path)
    code, printed, err = run(capsys, *[{"FILE": demo_path, "OUT.html": out}.get(a, a) for a in argv])
    assert code == 1 and err.startswith("safer-desk: ") and words in err, err
    assert "usage:" not in err and printed == ""
    assert digest(demo_path) == before and not out.exists()


def test_a_good_value_still_reads_as_before(demo_path, capsys):
    code, out, err = run(capsys, "top-slice", "£2,900,692", "--retain", "10%", "--partners", "9")
    assert code == 0 and "each_partner,145034.60" in out, err
    code, out, err = run(capsys, "allocate", SEED_CSV, "--previous-total", "655120", "--retain", "10",
                         "--fixed-share", "1/3", "--rounding", "percent-2dp", "--unit", "pound")
    assert code == 0 and "63768" in out, err
    code, out, err = run(capsys, "office", demo_path, "--year", "2016-17")
    assert code == 0 and "Districts 2016/17:" in out, err


# -- 3. A file another window holds, refused by a command that changes it ------------------------------------------

WRITING_COMMANDS = [
    ["office", "FILE", "--county", "Devon"],
    ["awards", "FILE", "--add", "G", "--funder", "OPCC", "--total", "5"],
    ["export", "FILE", "OUT.sqlite"],
    ["conflicts", "FILE", "--keep", "county"],
]


@pytest.mark.parametrize("argv", WRITING_COMMANDS)
def test_a_file_open_for_writing_elsewhere_is_refused_saying_what_to_do(demo_path, tmp_path, capsys, argv):
    from safer_desk.storage.locking import OfficeLock

    lock = OfficeLock(demo_path)
    lock.acquire()  # as a window that has the file open
    before = digest(demo_path)
    try:
        code, printed, err = run(capsys, *[{"FILE": demo_path, "OUT.sqlite": tmp_path / "out.sqlite"}.get(a, a)
                                           for a in argv])
    finally:
        lock.release()
    assert code == 1 and printed == ""
    assert "is already open for writing in another Safer Desk window" in err
    assert "It can be opened read-only." not in err  # nothing a command that changes the file can do
    assert "close it there" in err.lower() and "run the command again" in err and "Nothing was changed." in err
    assert digest(demo_path) == before and not (tmp_path / "out.sqlite").exists()


def test_a_file_open_elsewhere_can_still_be_listed(demo_path, capsys):
    from safer_desk.storage.locking import OfficeLock

    lock = OfficeLock(demo_path)
    lock.acquire()
    try:
        code, out, err = run(capsys, "office", demo_path)
    finally:
        lock.release()
    assert code == 0 and "County: Suffolk" in out, err


def test_a_file_read_only_on_disk_is_refused_saying_what_to_do(demo_path, capsys):
    os.chmod(demo_path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        before = digest(demo_path)
        code, printed, err = run(capsys, "office", demo_path, "--county", "Devon")
    finally:
        os.chmod(demo_path, stat.S_IRUSR | stat.S_IWUSR)
    assert code == 1 and printed == ""
    assert "is read-only on disk" in err and "run the command again" in err and "Nothing was changed." in err, err
    assert digest(demo_path) == before
