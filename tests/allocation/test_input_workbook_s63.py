"""`safer-desk allocate partnerships.xlsx --pot 589608`: the partnerships kept in an Excel workbook, as a district
officer keeps them, were refused as "partnerships.xlsx is not text a spreadsheet writes (neither UTF-8 nor
Windows-1252, as Excel for Mac's “CSV (Macintosh)” writes è and ç)": a Mac's CSV, which it was not, and no word that
the command reads a CSV file (session 63). Now said as the workbook it is, with how to save it as CSV (exit 1)."""

from __future__ import annotations

import openpyxl
import pytest

from safer_desk.domain.allocation import AllocationError
from safer_desk.services.allocation import read_input_csv
from tests.cli_run import run


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "partnerships.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (("partnership", "fixed_units", "basis"), ("Babergh", 1, 2100), ("Ipswich", 1, 6300)):
        sheet.append(row)
    book.save(path)
    return path


SAID = ("partnerships.xlsx is an Excel workbook (.xlsx), not a CSV file: open it in Excel and save it as “CSV UTF-8 "
        "(Comma delimited)”, then give that file.")


def test_a_workbook_given_for_the_partnerships_is_said_as_a_workbook(workbook):
    with pytest.raises(AllocationError) as raised:
        read_input_csv(workbook)
    assert str(raised.value) == SAID


def test_the_command_says_it_and_prints_nothing(workbook, capsys):
    code, out, err = run(capsys, "allocate", workbook, "--pot", "589608")
    assert (code, out, err.strip()) == (1, "", f"safer-desk: {SAID}")


def test_a_zip_given_for_the_partnerships_is_said_as_a_zip(tmp_path):
    # `allocate partnerships.zip` (the CSV still in the zip it was emailed in) read as "not text … CSV (Macintosh)"
    import zipfile

    path = tmp_path / "partnerships.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("partnerships.csv", "partnership,fixed_units,basis\nBabergh,1,2100\n")
    with pytest.raises(AllocationError) as raised:
        read_input_csv(path)
    assert str(raised.value) == ("partnerships.zip is a zip file, not a CSV file: take the CSV file of the "
                                 "partnerships out of it and give that.")
