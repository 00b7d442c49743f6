"""`safer-desk allocate` with two columns of the same heading: refused, naming the heading and where both are.

A sheet that keeps an old or trial "basis" column beside the real one was split by whichever came last, without a
word (the reader kept the last column of a name): the same silent wrong split as a blank read as 0, with the
results going to a board. Which of the two is meant cannot be told, so the file is refused and nothing is printed.
"""

import pytest

from safer_desk.cli import main
from safer_desk.domain.allocation import AllocationError
from safer_desk.services.allocation import read_input_rows

SUFFOLK = [("Babergh", "1", "2,442", "70,725"), ("Ipswich", "1", "7,937", "160,607"),
           ("Waveney", "1", "4,857", "113,832"), ("Suffolk Coastal", "1", "3,324", "86,775"),
           ("West", "3", "8,335", "223,181")]


def csv_text(header: str, extra: str) -> str:
    """The Suffolk example with one more column (header and each row's cell)."""
    return header + "\n" + "".join(f'{p},{u},"{b}","{v}",{extra}\n' for p, u, b, v in SUFFOLK)


def run(capsys, tmp_path, text, *options):
    path = tmp_path / "dup.csv"
    path.write_text(text, encoding="utf-8")
    code = main(["allocate", str(path), *options])
    out = capsys.readouterr()
    return code, out.out, out.err


PAPER = ["--previous-total", "655120", "--retain", "10", "--fixed-share", "1/3"]


@pytest.mark.parametrize("header, extra, named", [
    ("partnership,fixed_units,basis,previous,basis", "1", "“basis” (columns 3 and 5: C and E)"),
    ("partnership,fixed_units,basis,previous,previous", "1", "“previous” (columns 4 and 5: D and E)"),
    ("partnership,fixed_units,basis,previous,fixed_units", "1", "“fixed_units” (columns 2 and 5: B and E)"),
    ("partnership,fixed_units,basis,previous,Partnership", "X", "“partnership” (columns 1 and 5: A and E)"),
    ("partnership,fixed_units,basis,previous,Basis ", "1", "“basis” (columns 3 and 5: C and E)"),
])
def test_a_repeated_heading_is_refused_naming_it_and_its_columns(capsys, tmp_path, header, extra, named):
    code, out, err = run(capsys, tmp_path, csv_text(header, extra), *PAPER)
    assert code == 1
    assert out == ""
    assert named in err, err
    assert "dup.csv has two columns headed" in err
    assert "delete or rename" in err


def test_a_repeated_factor_column_is_refused(capsys, tmp_path):
    text = "partnership,fixed_units,population,crime,crime\nCherwell,0,150000,3000,1\nOxford,0,150000,7000,1\n"
    code, out, err = run(capsys, tmp_path, text, "--pot", "1000000", "--factor", "population=50",
                         "--factor", "crime=50")
    assert (code, out) == (1, "")
    assert "two columns headed “crime” (columns 4 and 5: D and E)" in err


def test_three_columns_of_one_heading_are_all_named():
    with pytest.raises(AllocationError, match=r"three columns headed “basis” \(columns 3, 4 and 5: C, D and E\)"):
        read_input_rows([["partnership", "fixed_units", "basis", "basis", "basis"], ["A", "1", "1", "2", "3"]],
                        source="in.csv")


def test_the_simple_two_basis_file_is_refused_rather_than_split_by_the_second(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path, "partnership,fixed_units,basis,basis\nA,1,100,5\nB,1,200,6\n",
                         "--pot", "1000")
    assert (code, out) == (1, "")
    assert "“basis” (columns 3 and 4: C and D)" in err


def test_a_repeated_column_the_calculation_does_not_read_is_no_reason_to_refuse(capsys, tmp_path):
    text = "partnership,fixed_units,basis,notes,notes\nA,1,1,x,y\nB,1,3,,\n"
    code, out, err = run(capsys, tmp_path, text, "--pot", "1000")
    assert code == 0, err
    assert "A,1,1,25.00" in out
