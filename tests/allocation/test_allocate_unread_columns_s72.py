"""`safer-desk allocate` says which columns of INPUT.csv it did not read (session 72).

A county sheet heads last year's money "Previous (£)" (or "Allocation 2008/09"): the command read only a column
headed previous or last year, so it printed an empty previous and variance column with not a word, and the
coordinator saw no comparison with last year and no reason why. Now each column it passes over is named on standard
error, with the heading to give last year's allocations when none was read; the split itself is unchanged.
"""

from __future__ import annotations

from safer_desk.services.allocation import read_input_rows
from tests.cli_run import run


def _write(tmp_path, text: str):
    path = tmp_path / "inputs.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_last_years_column_under_another_heading_is_said_not_read(capsys, tmp_path):
    path = _write(tmp_path, "Partnership,Fixed units,Basis,Previous (£)\nA,1,10,100\nB,1,30,200\n")
    code, out, err = run(capsys, "allocate", path, "--pot", "1000")
    assert code == 0, err
    assert out.splitlines()[1] == "A,1,10,25.00,0,250,250,,"
    assert ("safer-desk: note: inputs.csv: the column “Previous (£)” is not read (the columns read: partnership, "
            "fixed_units, basis). If it holds last year's allocations, head it “previous” to compare with them.\n"
            ) in err


def test_columns_passed_over_beside_last_year_are_named_without_the_hint(capsys, tmp_path):
    path = _write(tmp_path, "partnership,fixed_units,basis,population,previous,Notes,\nA,1,10,5,100,new,\n"
                            "B,1,30,6,200,,\n")
    code, _, err = run(capsys, "allocate", path, "--pot", "1000")
    assert code == 0, err
    assert ("safer-desk: note: inputs.csv: the columns “population” and “Notes” are not read (the columns read: "
            "partnership, fixed_units, basis, previous).\n") in err
    code, _, err = run(capsys, "allocate", path, "--pot", "1000", "--factor", "population=1")
    assert code == 0, err
    assert "the columns “basis” and “Notes” are not read (the columns read: partnership, fixed_units, " \
           "population, previous)" in err


def test_every_column_read_says_nothing(capsys, tmp_path):
    path = _write(tmp_path, "partnership,fixed_units,basis,Last year\nA,1,10,100\nB,1,30,200\n")
    code, _, err = run(capsys, "allocate", path, "--pot", "1000")
    assert code == 0 and "not read" not in err, err
    notes: list[str] = []
    read_input_rows([["partnership", "fixed_units", "basis"], ["A", "1", "1"]], notes=notes)
    assert notes == []
