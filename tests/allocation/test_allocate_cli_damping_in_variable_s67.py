"""s67: `safer-desk allocate --damping` folds each partnership's damping adjustment into the variable column (the CSV's
columns are DESIGN.md §4's) without a word, where the window shows a Damping column beside the Variable fee.

Waveney with no crime counted (basis 0, basis_share_pct 0.00) was printed a variable fee of 80064 under ±5% damping:
the formula gave it no variable fee; damping lifted it to within 5% of last year. The command now says, on standard
error, that the variable column includes damping and how much for each partnership damping moved.
"""

from __future__ import annotations

import csv
import io

from tests.cli_run import run

ROWS = ("partnership,fixed_units,basis,previous\n"
        "Babergh,1,2442,70725\nIpswich,1,7937,160607\nWaveney,1,0,113832\nSuffolk Coastal,1,3324,\n"
        "West,3,8335,223181\n")


def _rows(out: str) -> dict[str, dict[str, str]]:
    return {r["partnership"]: r for r in csv.DictReader(io.StringIO(out))}


def test_the_damping_folded_into_the_variable_column_is_said(capsys, tmp_path):
    path = tmp_path / "input.csv"
    path.write_text(ROWS, encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--pot", "589609", "--fixed-share", "1/3")
    assert code == 0, err
    undamped = _rows(out)
    assert undamped["Waveney"]["variable"] == "0"
    assert "damping" not in err.lower()

    code, out, err = run(capsys, "allocate", path, "--pot", "589609", "--fixed-share", "1/3", "--damping", "5")
    assert code == 0, err
    rows = _rows(out)
    assert rows["Waveney"]["basis_share_pct"] == "0.00" and rows["Waveney"]["variable"] == "80064"
    moved = {name: int(rows[name]["variable"]) - int(undamped[name]["variable"]) for name in rows if name != "Totals"}
    assert sum(moved.values()) == 0
    assert "the variable column includes the damping adjustment" in err, err
    assert "Waveney +£80,064" in err, err
    assert f"Babergh -£{-moved['Babergh']:,}" in err, err
    assert "Suffolk Coastal" in err  # unlimited (no last year), it met the difference too


def test_damping_that_moves_nothing_says_nothing_of_the_variable_column(capsys, tmp_path):
    path = tmp_path / "input.csv"
    path.write_text(ROWS, encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--pot", "589609", "--fixed-share", "1/3", "--damping", "100")
    assert code == 0, err
    assert "variable column includes" not in err
