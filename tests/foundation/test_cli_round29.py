"""The command line against DESIGN §4, as a county team's script runs it (round 29).

1. An option that takes one value, given twice (`allocate --pot 1000 --pot 589608`, `office --county A --county B`,
   `conflicts --keep county --keep district`), was taken from its last mention without a word: a split of another
   pot printed, another county saved, another decision recorded. It is now a usage error (exit 2, naming the
   option), before any file is opened; the same text twice still runs.
2. An amount given as "-0" ("£-0", "(0)") was taken as a pot of £0 while "-5" and a percentage "-0" are refused as
   negative: an amount typed with a minus is refused as negative, whatever its size.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.cli_run import run

SEED_CSV = Path(__file__).resolve().parents[1] / "allocation" / "suffolk-2009-10-allocation.csv"


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


TWICE = [
    (["allocate", SEED_CSV, "--pot", "1000", "--pot", "589608"], "--pot"),
    (["allocate", SEED_CSV, "--pot=1000", "--pot", "589608"], "--pot"),
    (["allocate", SEED_CSV, "--pot", "589608", "--rounding", "exact", "--rounding", "percent-2dp"], "--rounding"),
    (["top-slice", "2900692", "--vary", "10", "--vary", "20"], "--vary"),
    (["office", "FILE", "--county", "Suffolk", "--county", "Norfolk"], "--county"),
    (["conflicts", "FILE", "--keep", "county", "--keep", "district"], "--keep"),
    (["merge", "FILE", "FILE", "--keep", "county", "--conflict", "1", "--conflict", "2"], "--conflict"),
    (["dhr-ledger", "FILE", "--as-at", "01/04/2019", "--as-at", "01/04/2020"], "--as-at"),
]


@pytest.mark.parametrize("argv, option", TWICE, ids=[" ".join(map(str, a[:1])) + " " + o for a, o in TWICE])
def test_an_option_of_one_value_given_twice_is_a_usage_error(demo_path, capsys, argv, option):
    before = digest(demo_path)
    argv = [demo_path if a == "FILE" else a for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert f"argument {option}" in err and "more than once" in err
    assert digest(demo_path) == before


def test_the_same_value_given_twice_still_runs(capsys):
    code, out, err = run(capsys, "allocate", SEED_CSV, "--pot", "£589,608", "--pot", "£589,608")
    assert code == 0, err
    assert out.splitlines()[-1].split(",")[6] == "589608"


def test_options_that_take_several_values_still_take_them(demo_path, capsys):
    code, out, err = run(capsys, "office", demo_path, "--partnership", "Safer Suffolk Partnership Board",
                         "--district", "Babergh", "--district", "Ipswich")
    assert code == 0, err
    assert "Babergh" in out and "Ipswich" in out


@pytest.mark.parametrize("amount", ["-0", "-0.00", "£-0", "(0)", "−0"])
@pytest.mark.parametrize("argv", [["allocate", SEED_CSV, "--pot"], ["top-slice"]], ids=["pot", "top-slice"])
def test_an_amount_typed_with_a_minus_is_refused_even_when_zero(capsys, argv, amount):
    code, out, err = run(capsys, *argv, amount)
    assert code == 2
    assert out == ""
    assert "negative" in err


def test_a_pot_of_nought_typed_plainly_still_runs(capsys):
    code, out, err = run(capsys, "top-slice", "0")
    assert code == 0, err
    assert "total,0" in out


# -- 3. `demo FILE --force` refused because FILE is open in a window ------------------------------------------------

def test_demo_force_over_a_file_open_elsewhere_makes_no_backup_and_keeps_the_older_ones(demo_path, capsys):
    """Refused (the file is open in a window), `demo FILE --force` still made a backup first: a stray copy, and
    the backups folder keeps five per file, so a script retrying it pushed out the real ones (the copy made before
    an upgrade) one by one, unsaid."""
    from safer_desk.storage.locking import OfficeLock
    from safer_desk.storage.store import backups_of, make_backup

    real = [make_backup(demo_path, reason="before-upgrade")]
    lock = OfficeLock(demo_path)
    lock.acquire()  # as a window that has the file open
    before = digest(demo_path)
    try:
        results = [run(capsys, "demo", demo_path, "--force") for _ in range(6)]
    finally:
        lock.release()
    for code, out, err in results:
        assert code == 1 and out == ""
        assert "open" in err and "another Safer Desk window" in err and "It can be opened read-only." not in err
    assert digest(demo_path) == before
    assert backups_of(demo_path) == real


def test_demo_force_over_a_file_nobody_has_open_still_keeps_a_backup(demo_path, capsys):
    from safer_desk.storage.store import backups_of

    code, out, err = run(capsys, "demo", demo_path, "--force")
    assert code == 0, err
    kept = backups_of(demo_path)
    assert len(kept) == 1 and kept[0].name in out


# -- 4. Standard error closed (`2>&-`) -----------------------------------------------------------------------------

@pytest.mark.parametrize("argv, header", [
    (["budget", "FILE"], "plan,section,line,year,amount,status"),
    (["allocate", SEED_CSV, "--pot", "7525.58"], "partnership,fixed_units,basis,basis_share_pct,"),
])
def test_with_standard_error_closed_warnings_never_go_into_the_data(demo_path, capsys, monkeypatch, argv, header):
    """`safer-desk budget FILE > plans.csv 2>&-`: Python's print sends what it is given for a closed standard error
    to standard output, so the warnings came first in the CSV, above its header."""
    import sys

    monkeypatch.setattr(sys, "stderr", None)
    code, out, _ = run(capsys, *[demo_path if a == "FILE" else a for a in argv])
    assert code == 0
    assert out.startswith(header) and "safer-desk:" not in out


def test_with_standard_error_closed_a_refusal_is_not_printed_as_data(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys, "stderr", None)
    code, out, _ = run(capsys, "projects", tmp_path / "missing.sqlite")
    assert code == 1 and out == ""
