"""`safer-desk allocate`: seed 000 to the pound, the other options, and bad input named (exit 1)."""

import csv
import io
from pathlib import Path

import pytest

from safer_desk.cli import main
from tests.allocation.seed import EXACT_VARIABLE, INPUTS, PAPER

SEED_CSV = Path(__file__).with_name("suffolk-2009-10-allocation.csv")
PAPER_OPTIONS = ["--previous-total", "655120", "--retain", "10", "--fixed-share", "1/3", "--rounding", "percent-2dp",
                 "--unit", "pound"]


def run(capsys, *argv):
    try:
        code = main(["allocate", *map(str, argv)])
    except SystemExit as exc:  # argparse's usage errors (a malformed option value)
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def rows_of(out):
    """The partnerships' rows (the Totals row that ends the table left out)."""
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and rows[-1]["partnership"] == "Totals"
    return rows[:-1]


def totals_of(out):
    return list(csv.DictReader(io.StringIO(out)))[-1]


def write(tmp_path, text, name="input.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_paper_table_to_the_pound(capsys):
    code, out, err = run(capsys, SEED_CSV, *PAPER_OPTIONS)
    assert code == 0, err
    assert out.splitlines()[0] == "partnership,fixed_units,basis,basis_share_pct,fixed,variable,total,previous,variance"
    rows = rows_of(out)
    assert [r["partnership"] for r in rows] == [i[0] for i in INPUTS]
    for r in rows:
        pct, fixed, variable, total, variance = PAPER[r["partnership"]]
        assert (r["basis_share_pct"], r["fixed"], r["variable"], r["total"], r["variance"]) == (
            pct, str(fixed), str(variable), str(total), str(variance))
    assert sum(int(r["total"]) for r in rows) == 589608
    assert sum(int(r["variance"]) for r in rows) == -65512
    assert [r["basis"] for r in rows] == ["2442", "7937", "4857", "3324", "8335"]
    # the paper's Totals row: £196,539 fixed, £393,069 variable, 26,895 offences, £589,608, £655,120, -£65,512
    assert totals_of(out) == {"partnership": "Totals", "fixed_units": "7", "basis": "26895", "basis_share_pct": "100.00",
                              "fixed": "196539", "variable": "393069", "total": "589608", "previous": "655120",
                              "variance": "-65512"}
    assert err == ""  # nothing rescaled, no odd pence


def test_exact_rounding_adds_up_and_differs_only_in_the_variable_fee(capsys):
    options = PAPER_OPTIONS[:-4] + ["--unit", "pound"]  # no --rounding: exact is the default
    code, out, _ = run(capsys, SEED_CSV, *options)
    assert code == 0
    rows = rows_of(out)
    assert sum(int(r["total"]) for r in rows) == 589608
    for r in rows:
        pct, fixed, variable, total, variance = PAPER[r["partnership"]]
        assert int(r["fixed"]) == fixed and r["basis_share_pct"] == pct
        assert int(r["variable"]) == EXACT_VARIABLE[r["partnership"]]
        assert int(r["total"]) - total == EXACT_VARIABLE[r["partnership"]] - variable


def test_same_pot_given_directly_in_pounds_and_pence(capsys):
    code, out, _ = run(capsys, SEED_CSV, "--pot", "£589,608", "--fixed-share", "33.333333%", "--unit", "penny")
    assert code == 0
    rows = rows_of(out)
    assert sum(int(float(r["total"]) * 100 + 0.5) for r in rows) == 589_608_00
    assert any("." in r["fixed"] for r in rows)  # pennies kept


def test_several_factors_and_damping(capsys, tmp_path):
    path = write(tmp_path, "partnership,fixed_units,population,crime,demand,previous\n"
                           "Cherwell,0,150000,3000,1000,400000\nOxford,0,150000,7000,3000,600000\n")
    code, out, err = run(capsys, path, "--pot", "1000000", "--factor", "population=50", "--factor", "crime=25",
                         "--factor", "demand=25")
    assert code == 0, err
    rows = rows_of(out)
    assert [r["total"] for r in rows] == ["387500", "612500"]
    assert rows[0]["basis"] == "" and rows[0]["basis_share_pct"] == "38.75"
    code, out, _ = run(capsys, path, "--pot", "1000000", "--factor", "population=50", "--factor", "crime=25",
                       "--factor", "demand=25", "--damping", "2%")
    rows = rows_of(out)
    assert [r["total"] for r in rows] == ["392000", "608000"]  # Cherwell held to -2%
    assert sum(int(r["fixed"]) + int(r["variable"]) for r in rows) == 1000000


@pytest.mark.parametrize("text, options, message", [
    ("partnership,basis\nA,1\n", ["--pot", "10"], "no column “fixed_units”"),
    ("partnership,fixed_units,basis\nA,1,1\nB,-2,1\n", ["--pot", "10"], "row 3 (B): fixed units “-2” is negative"),
    ("partnership,fixed_units,basis\nA,1,1\nB,1,-5\n", ["--pot", "10"], "row 3 (B): basis"),
    ("partnership,fixed_units,basis\nA,1,0\nB,1,0\n", ["--pot", "10"], "add up to zero"),
    ("partnership,fixed_units,basis\nA,1,lots\n", ["--pot", "10"], "row 2 (A): basis “lots” is not a number"),
    ("partnership,fixed_units,basis,previous\nA,1,1,£3.250\n", ["--pot", "10"], "row 2 (A): previous"),
    ("partnership,fixed_units,basis\nA,1,1\n", ["--pot", "100", "--fixed-share", "£160"], "smaller than the fixed part"),
    ("partnership,fixed_units,basis\nA,1,1\nA,1,1\n", ["--pot", "10"], "listed twice"),
])
def test_bad_input_exits_1_naming_the_row_or_option(capsys, tmp_path, text, options, message):
    code, out, err = run(capsys, write(tmp_path, text), *options)
    assert code == 1
    assert out == ""
    assert message in err


@pytest.mark.parametrize("options, message", [
    (["--pot", "ten pounds"], "argument --pot:"),
    (["--pot", "10", "--rounding", "bankers"], "argument --rounding:"),
    (["--pot", "10", "--unit", "shilling"], "argument --unit:"),
    (["--pot", "10", "--fixed-share", "4/3"], "argument --fixed-share:"),
    (["--pot", "10", "--factor", "crime"], "argument --factor: “crime”"),
    (["--pot", "10", "--damping", "x"], "argument --damping:"),
])
def test_a_malformed_option_value_is_a_usage_error_naming_the_option(capsys, tmp_path, options, message):
    code, out, err = run(capsys, write(tmp_path, "partnership,fixed_units,basis\nA,1,1\n"), *options)
    assert code == 2 and out == ""
    assert err.startswith("usage: safer-desk allocate") and message in err


def test_missing_input_file_and_missing_pot(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path / "nope.csv", "--pot", "1")
    assert code == 1 and "no file" in err
    code, _, err = run(capsys, SEED_CSV)  # neither --pot nor --previous-total: how the command is used (exit 2)
    assert code == 2 and "--pot" in err
    code, _, err = run(capsys, SEED_CSV, "--pot", "1", "--previous-total", "2", "--retain", "10")
    assert code == 2 and "not both" in err


def test_an_unrecognised_flag_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["allocate", str(SEED_CSV), "--pot", "1", "--frobnicate"])
    assert exit_.value.code == 2


def test_the_example_input_ships_with_the_program():
    example = Path(__file__).resolve().parents[2] / "resources" / "example" / "suffolk-2009-10-allocation.csv"
    assert example.read_text(encoding="utf-8") == SEED_CSV.read_text(encoding="utf-8")


def test_excel_csv_with_byte_order_mark(capsys, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text(SEED_CSV.read_text(encoding="utf-8"), encoding="utf-8-sig")
    code, out, _ = run(capsys, path, *PAPER_OPTIONS)
    assert code == 0 and rows_of(out)[0]["total"] == "63768"


def test_excel_csv_comma_delimited_in_windows_1252_is_read_as_excel_wrote_it(capsys, tmp_path):
    # Excel's "CSV (Comma delimited)" on a British Windows writes £ and é as one byte each (Windows-1252): it was
    # refused as "not a UTF-8 CSV file", though every officer's Excel writes it.
    path = tmp_path / "excel.csv"
    path.write_bytes("partnership,fixed_units,basis,previous\r\nCafé CSP,1,100,£1000\r\nB,1,200,£2000\r\n"
                     .encode("cp1252"))
    code, out, err = run(capsys, path, "--pot", "6000")
    assert code == 0, err
    rows = rows_of(out)
    assert [r["partnership"] for r in rows] == ["Café CSP", "B"]
    assert [r["previous"] for r in rows] == ["1000", "2000"] and [r["total"] for r in rows] == ["2000", "4000"]


# Tab-separated text (Excel's "Text (Tab delimited)" and "Unicode Text") is read since session 73:
# test_allocate_tab_text_s73.
@pytest.mark.parametrize("data, words", [
    ("partnership;fixed_units;basis\nA;1;100\n".encode("utf-8"), "separated by semicolons, not commas"),
    # a figure with a comma in it made the row look split (more cells than the one-cell heading row)
    ("partnership;fixed_units;basis;previous\r\nA;1;100;£70,725\r\n".encode("cp1252"),
     "separated by semicolons, not commas"),
    (b"partnership,fixed_units,basis\nA\x81,1,100\n", "not text a spreadsheet writes"),
])
def test_a_csv_saved_another_way_is_refused_saying_how_to_save_it(capsys, tmp_path, data, words):
    path = tmp_path / "input.csv"
    path.write_bytes(data)
    code, out, err = run(capsys, path, "--pot", "6000")
    assert code == 1 and out == ""
    assert words in err and "input.csv" in err and "CSV UTF-8 (Comma delimited)" in err


@pytest.mark.parametrize("option", [("--fixed-share", "inf"), ("--retain", "Infinity"), ("--damping", "1e999999999"),
                                    ("--fixed-share", "1/1e999999999"), ("--factor", "basis=1e999999999")])
def test_a_number_written_another_way_is_refused_in_a_line(capsys, option):
    code, out, err = run(capsys, INPUTS, "--pot", "1000", *option)
    assert code == 2 and err.startswith("usage: safer-desk allocate") and "Traceback" not in err and out == ""


def test_top_slice_for_more_partners_than_a_partnership_has_is_refused(capsys):
    with pytest.raises(SystemExit) as exc:  # a usage error, as --partners 0 is (round 27)
        main(["top-slice", "1000", "--partners", "99999999999"])
    assert exc.value.code == 2 and "argument --partners" in capsys.readouterr().err


def test_an_old_excel_workbook_given_as_the_input_is_named_as_one(capsys, tmp_path):
    path = tmp_path / "inputs.csv"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))  # an .xls renamed, or saved so by mistake
    code, out, err = run(capsys, path, "--pot", "1000")
    assert code == 1 and "inputs.csv is an Excel 97-2003 workbook (.xls)" in err and out == ""
    assert "“CSV UTF-8 (Comma delimited)”" in err and ".xlsx" not in err  # the input is read as CSV only
