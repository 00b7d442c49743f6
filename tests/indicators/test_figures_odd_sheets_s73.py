"""Session 73: figure sheets laid out as council officers lay them out, refused in words that are true.

Two tables pasted one below the other repeat the heading row: that line was refused as "There is no indicator called
“indicator” (add it first).", sending the officer to add an indicator named after a column. A sheet with a long note
above its headings (the headings on line 12) was refused as having "no indicator, area or period column", which it
has.
"""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from tests.indicators.test_cli_import_figures import _digest, _figures, office  # noqa: F401 - the fixture


def _run(office_path, sheet, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["import-figures", str(office_path), str(sheet)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("heading", ["indicator,area,period,value", "Indicator,Area,Period,Value"])
def test_a_heading_row_repeated_is_said_as_one(office, tmp_path, capsys, heading):  # noqa: F811
    before = _digest(office)
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\r\nBurglary,Mid Suffolk,2016-04,12\r\n"
                     f"{heading}\r\nBurglary,Mid Suffolk,2016-05,14\r\n", encoding="utf-8")
    code, out, err = _run(office, sheet, capsys)
    assert code == 1 and out == ""
    assert (f"Line 3: This line repeats the heading row (“{heading.replace(',', ', ')}”), as a second table pasted "
            "below the first does: it holds no figure, so it is not imported (delete it from the sheet).") in err
    assert "no indicator called" not in err and "add it first" not in err
    assert _digest(office) == before
    assert main(["import-figures", str(office), str(sheet), "--skip-refused"]) == 0
    assert {"Burglary,Mid Suffolk,2016-04,12,Imported from figures.csv",
            "Burglary,Mid Suffolk,2016-05,14,Imported from figures.csv"} <= set(_figures(office, capsys))


def test_headings_below_the_tenth_row_are_said_where_they_are(office, tmp_path, capsys):  # noqa: F811
    before = _digest(office)
    sheet = tmp_path / "figures.csv"
    sheet.write_text("Mid Suffolk figures\r\n" + "A note about the figures\r\n" * 10
                     + "indicator,area,period,value\r\nBurglary,Mid Suffolk,2016-05,14\r\n", encoding="utf-8")
    code, out, err = _run(office, sheet, capsys)
    assert code == 1 and out == ""
    assert err == ("safer-desk: figures.csv has its headings (indicator, area, period …) on line 12: Safer Desk looks "
                   "for them in the first ten lines. Delete the lines above them that are not needed, and import "
                   "again. Nothing was imported.\n")
    assert _digest(office) == before


def test_a_period_merged_over_rows_is_said_as_the_indicator_and_area_are(office, tmp_path, capsys):  # noqa: F811
    """A month merged down a block of indicators (one month, several rows) leaves the period in the first row only:
    a blank indicator or area said so ("give it on every row (a merged cell, …)"), a blank period said only "The
    period is blank."."""
    from safer_desk.exchange.files import Sheet, write_xlsx

    sheet = tmp_path / "figures.xlsx"
    write_xlsx(sheet, [Sheet("Figures", ["indicator", "area", "period", "value"],
                             [["Burglary", "Mid Suffolk", "2016-05", 14], ["Satisfaction", "Mid Suffolk", None, 80]])])
    code, out, err = _run(office, sheet, capsys)
    assert code == 1 and out == ""
    assert ("Line 3: The period is blank: give it on every row (a merged cell, or a period typed once above the rows "
            "it is for, holds it in its first row only).") in err


def test_a_figure_in_a_date_cell_is_said_so(office, tmp_path, capsys):  # noqa: F811
    """A figure column formatted as dates (the figures pasted into last year's sheet, whose column held dates): 40
    shows as 09/02/1900, and "12/5" typed is taken as 12 May. Each was refused as "“1900-02-09” is not a figure (try a
    form like 1,234 or 88.9)", which does not say why the sheet shows it, or what to do."""
    from datetime import datetime

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["indicator", "area", "period", "value"])
    ws.append(["Burglary", "Mid Suffolk", "2016-05", datetime(1900, 2, 9)])
    ws["D2"].number_format = "dd/mm/yyyy"
    ws.append(["Burglary", "Mid Suffolk", "2016-06", datetime(2016, 5, 12)])
    ws["D3"].number_format = "d-mmm"
    sheet = tmp_path / "figures.xlsx"
    wb.save(sheet)
    before = _digest(office)
    code, out, err = _run(office, sheet, capsys)
    assert code == 1 and out == ""
    assert ("Line 2: The value cell is formatted as a date, so it shows “1900-02-09”, not a figure (it holds 40, "
            "as Excel holds that date): a number in a cell formatted as dates shows as one, and Excel takes some "
            "figures typed (“12/5”, “1-2”) as dates. Format the value cells as Number, check the figures, and import "
            "again.") in err
    assert "Line 3: The value cell is formatted as a date, so it shows “12-May”, not a figure (it holds 42502," in err
    assert _digest(office) == before
