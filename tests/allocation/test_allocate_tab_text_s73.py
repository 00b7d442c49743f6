"""Session 73: `allocate` reads the partnerships saved from Excel as text with tabs between the columns.

A council officer keeps the partnerships in Excel and saves them with File > Save As > "Text (Tab delimited)" (a
.txt in Windows-1252, "£" one byte, a cell with a comma in quotes) or "Unicode Text" (the same in UTF-16). `allocate`
knew such a file for what it was and still refused it ("a.txt has its columns separated by tabs, not commas; save it
from Excel as “CSV UTF-8 (Comma delimited)”"), though a tab cannot be mistaken for anything in a figure (as a
semicolon can: "2,442" in a sheet whose lists use semicolons may be 2.442) and the tab reads the same rows pasted
from Excel. Seed 000's inputs saved so now give the paper's table to the pound, as the CSV does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_run import run

INPUTS = Path(__file__).with_name("suffolk-2009-10-allocation.csv")

PAPER = ["partnership,fixed_units,basis,basis_share_pct,fixed,variable,total,previous,variance",
         "Babergh,1,2442,9.08,28077,35691,63768,70725,-6957",
         "Ipswich,1,7937,29.51,28077,115995,144072,160607,-16535",
         "Waveney,1,4857,18.06,28077,70988,99065,113832,-14767",
         "Suffolk Coastal,1,3324,12.36,28077,48583,76660,86775,-10115",
         "West,3,8335,30.99,84231,121812,206043,223181,-17138",
         "Totals,7,26895,100.00,196539,393069,589608,655120,-65512"]
PAPER_OPTIONS = ("--previous-total", "655120", "--retain", "10", "--fixed-share", "1/3", "--rounding", "percent-2dp",
                 "--unit", "pound")

# As Excel writes "Text (Tab delimited)": a title row kept above the headings, cells formatted with thousands
# separators (quoted, as Excel quotes a cell with a comma in it), last year's money with £, CRLF line ends
TAB_TEXT = ("SSPB financial allocation 2009/10\t\t\t\r\n"
            "partnership\tfixed_units\tbasis\tprevious\r\n"
            "Babergh\t1\t\"2,442\"\t\"£70,725\"\r\n"
            "Ipswich\t1\t\"7,937\"\t\"£160,607\"\r\n"
            "Waveney\t1\t\"4,857\"\t\"£113,832\"\r\n"
            "Suffolk Coastal\t1\t\"3,324\"\t\"£86,775\"\r\n"
            "West\t3\t\"8,335\"\t\"£223,181\"\r\n")


def test_excels_text_tab_delimited_gives_the_papers_table(capsys, tmp_path):
    path = tmp_path / "allocation.txt"
    path.write_bytes(TAB_TEXT.encode("cp1252"))
    code, out, err = run(capsys, "allocate", path, *PAPER_OPTIONS)
    assert (code, err) == (0, "")
    assert out.splitlines() == PAPER


def test_the_same_file_as_csv_gives_the_same_table(capsys):
    code, out, err = run(capsys, "allocate", INPUTS, *PAPER_OPTIONS)
    assert code == 0 and out.splitlines() == PAPER


def test_excels_unicode_text_is_read_with_its_letters(capsys, tmp_path):
    path = tmp_path / "allocation.txt"
    path.write_bytes(("partnership\tfixed_units\tbasis\tprevious\r\nYnys Môn\t1\t300\t£1,000\r\n"
                      "Gwynedd\t1\t100\t£2,000\r\n").encode("utf-16"))
    code, out, err = run(capsys, "allocate", path, "--pot", "4000")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:3] == ["Ynys Môn,1,300,75.00,0,3000,3000,1000,2000",
                                     "Gwynedd,1,100,25.00,0,1000,1000,2000,-1000"]


def test_a_cell_with_a_comma_unquoted_is_one_cell_between_tabs(capsys, tmp_path):
    path = tmp_path / "allocation.tsv"
    path.write_text("partnership\tfixed_units\tbasis\nA\t1\t1,000\nB\t1\t3,000\n", encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--pot", "4000")
    assert (code, err) == (0, "")
    assert [line.split(",")[6] for line in out.splitlines()[1:3]] == ["1000", "3000"]


def test_a_tab_separated_file_missing_a_column_names_the_columns_it_has(capsys, tmp_path):
    path = tmp_path / "allocation.txt"
    path.write_text("partnership\tunits\tbasis\nA\t1\t100\n", encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--pot", "4000")
    assert code == 1 and out == ""
    assert "allocation.txt has no column “fixed_units” (it has: partnership, units, basis)" in err


@pytest.mark.parametrize("data", ["partnership;fixed_units;basis\nA;1;100\n".encode("utf-8"),
                                  "partnership;fixed_units;basis;previous\r\nA;1;100;£70,725\r\n".encode("utf-16")])
def test_semicolons_are_still_refused_saying_how_to_save_it(capsys, tmp_path, data):
    """"2,442" in a sheet whose lists are split by semicolons may be 2.442: which cannot be told, so it is asked."""
    path = tmp_path / "input.csv"
    path.write_bytes(data)
    code, out, err = run(capsys, "allocate", path, "--pot", "6000")
    assert code == 1 and out == ""
    assert "separated by semicolons, not commas" in err and "CSV UTF-8 (Comma delimited)" in err


def test_a_value_past_the_headings_is_said_as_one_with_no_heading_not_a_split_figure(capsys, tmp_path):
    """In a CSV such a row is a figure split at its comma ("£1,000" not in quotes); between tabs nothing splits a
    figure, so it is said as the value with no heading it is."""
    path = tmp_path / "allocation.txt"
    path.write_text("partnership\tfixed_units\tbasis\r\nBabergh\t1\t2442\tcheck with Jo\r\n", encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--pot", "100000")
    assert code == 1 and out == ""
    assert err == ("safer-desk: allocation.txt row 2: it has 4 values but the heading row names 3 columns: the value "
                   "in column D (“check with Jo”) has no heading, so what it is cannot be told. Give its column a "
                   "heading (a column not read is passed over and named) or delete it, and run again.\n")
    assert "comma" not in err


def test_the_commands_help_says_so(capsys):
    code, out, _ = run(capsys, "allocate", "--help")
    assert code == 0 and "Text (Tab delimited)" in " ".join(out.split())
