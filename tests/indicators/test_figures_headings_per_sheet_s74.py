"""Session 74 (ind2): a workbook with a sheet per district, each with a title and notes above its headings, so that
they sit below row 10, was refused with "No sheet of … has the columns indicator, area and period in its first ten
rows", which left the officer to search every sheet for why. It now says, sheet by sheet, the row its headings seem
to be on, or that it has none (with what its first row reads), and what to do."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from safer_desk.exchange.indicator_import import ValuesFileError, read_long_rows


def workbook(path, sheets):
    book = Workbook()
    book.remove(book.active)
    for name, heading_row in sheets:
        sheet = book.create_sheet(name)
        sheet.append([f"Figures for {name}"])
        if heading_row is None:
            sheet.append(["Notes about this workbook"])
            continue
        for _ in range(heading_row - 2):
            sheet.append([])
        sheet.append(["indicator", "area", "period", "value"])
        sheet.append(["All crime", name, "2016-04", 12])
    book.save(path)
    return path


def refusal(path) -> str:
    with pytest.raises(ValuesFileError) as caught:
        read_long_rows(path)
    return str(caught.value)


def test_several_sheets_with_headings_below_row_ten_are_said_each(tmp_path):
    said = refusal(workbook(tmp_path / "return.xlsx", [("Babergh", 13), ("Ipswich", 15), ("Notes", None)]))
    assert said.startswith("No sheet of return.xlsx has the columns indicator, area and period in its first ten "
                           "rows, where Safer Desk looks for them: “Babergh” has them on row 13; “Ipswich” has them "
                           "on row 15; “Notes” has none (its first row reads “Figures for Notes”). Copy the figures")
    assert "onto one sheet" in said and "save each sheet as a workbook of its own" in said


def test_one_sheet_with_headings_below_row_ten_is_named_with_what_to_do(tmp_path):
    said = refusal(workbook(tmp_path / "return.xlsx", [("Notes", None), ("Babergh", 13)]))
    assert "“Notes” has none (its first row reads “Figures for Notes”); “Babergh” has them on row 13." in said
    assert said.endswith("Delete the rows above them on “Babergh” that are not needed (a title or notes), so that "
                         "they are within its first ten rows, and import again.")


def test_no_sheet_with_the_headings_anywhere_says_what_each_begins_with(tmp_path):
    said = refusal(workbook(tmp_path / "return.xlsx", [("Notes", None), ("Other", None)]))
    assert said == ("No sheet of return.xlsx has the columns indicator, area and period: “Notes” has none (its first "
                    "row reads “Figures for Notes”); “Other” has none (its first row reads “Figures for Other”). Head "
                    "the columns of figures indicator, area, period and value, in a row of their own within the first "
                    "ten rows of the sheet, and import again.")
