"""Session 51 (h5): three defects of Import Figures (and `safer-desk import-figures`).

1. A period in 1900 (`Jan-1900`, `1900-01`, an Excel date cell showing Jan-00: a month number typed into a column
   formatted as dates) stopped the command with a traceback ("year 1899 is out of range"), and the window said that
   message, naming no line and a year the sheet did not hold. It is refused on its line now, naming the period as
   the sheet gives it and the years Safer Desk holds figures for; a period long before today (`Jun-1916`, typed for
   Jun-2016) is asked about, as the register asks about a date far from today.
2. A cell formatted `0.0"%"` or `0\\%` (a % sign shown after the number, not a percentage format) was read 100 times
   too big: 88.5 became 8850. Only a % outside quotes, not escaped, makes Excel show the number times 100.
3. A line repeated with the same figure (`2025-02` and `Feb-25`) made the command line refuse the whole sheet
   ("1 refused. Nothing was imported.") though the guide says it is imported once: it is now, said as a note.
"""

from __future__ import annotations

import datetime

import openpyxl
import pytest

from safer_desk.services.indicators_import import preview_values
from tests.cli_run import run

TODAY = datetime.date(2026, 12, 4)
HELD = "the years Safer Desk holds figures for (1902/03 to 2199/00)"


def _csv(tmp_path, text: str, name: str = "figures.csv"):
    path = tmp_path / name
    path.write_text("indicator,area,period,value\n" + text, encoding="utf-8")
    return path


def _xlsx(tmp_path, rows: list[tuple], formats: dict[str, str], name: str = "figures.xlsx"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["indicator", "area", "period", "value"])
    for row in rows:
        ws.append(list(row))
    for cell, number_format in formats.items():
        ws[cell].number_format = number_format
    path = tmp_path / name
    wb.save(path)
    return path


def _figures(capsys, path, area: str) -> list[str]:
    code, out, _ = run(capsys, "indicators", path)
    assert code == 0
    return [line for line in out.splitlines() if f",{area}," in line]


# -- 1. a period in 1900 -----------------------------------------------------------------------------------------
def test_a_period_in_1900_is_refused_on_its_line_naming_it_not_a_traceback(demo_path, tmp_path, capsys):
    sheet = _csv(tmp_path, "Burglary,Babergh,Jan-1900,5\n"
                           "Burglary,Babergh,1900-04,6\n"
                           "Burglary,Babergh,01/01/1900,7\n"
                           "Burglary,Babergh,Apr-2200,8\n"
                           "Burglary,Babergh,2025-02,40\n")
    code, out, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1 and "Traceback" not in err and "out of range" not in err
    assert "1 row of figures.csv can be imported, 4 refused. Nothing was imported." in err
    assert f"Line 2: The period “Jan-1900” is in 1899/00, before {HELD}: correct the period in the sheet" in err
    assert f"Line 3: The period “1900-04” is in 1900/01, before {HELD}" in err
    assert f"Line 4: The period “01/01/1900” is in 1899/00, before {HELD}: a number typed into a column" in err
    assert f"Line 5: The period “Apr-2200” is in 2200/01, after {HELD}" in err
    code, out, err = run(capsys, "import-figures", demo_path, sheet, "--skip-refused")
    assert code == 0 and out.startswith("1 row imported from figures.csv (replacing a figure the file held); 4 "
                                        "refused.")
    assert "Burglary,Babergh,2025-02,40" in _figures(capsys, demo_path, "Babergh")


def test_an_excel_date_cell_in_1900_is_refused_saying_what_it_most_likely_is(demo_store, tmp_path):
    # 4 typed into a column formatted mmm-yy: Excel shows Jan-00, and holds 4 January 1900.
    sheet = _xlsx(tmp_path, [("Burglary", "Babergh", datetime.datetime(1900, 1, 4), 5)], {"C2": "mmm-yy"})
    preview = preview_values(demo_store, sheet, today=TODAY)
    assert preview.good == []
    [(line, why)] = preview.refused
    assert line == 2
    assert why.startswith(f"The period “1900-01-04” is in 1899/00, before {HELD}")
    assert "a number typed into a column formatted as dates" in why  # what the person most likely did


def test_the_first_and_last_years_held_import_and_the_year_before_the_first_can_be_viewed(demo_store, tmp_path):
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services import indicators as svc
    from safer_desk.services.indicators_import import apply_values

    sheet = _csv(tmp_path, "Burglary,Babergh,Apr-1902,5\nBurglary,Babergh,Mar-2200,6\n")
    preview = preview_values(demo_store, sheet, today=TODAY)
    assert preview.refused == [] and [g.line for g in preview.good] == [2, 3]
    assert apply_values(demo_store, preview) == 2
    burglary = svc.get_indicator(demo_store, "Burglary")
    area = svc.find_area(demo_store, "Babergh").id
    for year in (1901, 1902, 2199):  # the tab offers the year before the first with figures
        assert svc.year_view(demo_store, burglary, area, FinancialYear(year)).year == FinancialYear(year)


def test_a_period_long_before_today_is_asked_about(demo_path, demo_store, tmp_path, capsys):
    sheet = _csv(tmp_path, "Burglary,Babergh,Jun-1916,5\nBurglary,Babergh,Jun-2009,6\n")
    preview = preview_values(demo_store, sheet, today=TODAY)
    assert [g.line for g in preview.good] == [2, 3]
    assert preview.queried == {2: "Jun-1916 is more than 30 years before today (04/12/2026): is the year right?"}
    demo_store.close()
    code, _, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1 and "Line 2 (check): Jun-1916 is more than 30 years before today" in err
    code, out, _ = run(capsys, "import-figures", demo_path, sheet, "--accept-queried")
    assert code == 0 and out.startswith("2 rows imported from figures.csv (1 to check: imported as they are)")
    assert "Burglary,Babergh,1916-06,5" in _figures(capsys, demo_path, "Babergh")


def test_the_window_lists_a_1900_period_as_refused_rather_than_failing_to_read_the_sheet(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    sheet = _xlsx(tmp_path, [("Burglary", "Babergh", datetime.datetime(1900, 1, 4), 5),
                             ("Burglary", "Babergh", "2025-02", 40)], {"C2": "mmm-yy"})
    dialog = ImportFiguresDialog(demo_window.session, None)
    assert dialog.load(sheet)
    assert [g.line for g in dialog.preview.good] == [3]
    assert dict(dialog.preview.refused)[2].startswith("The period “1900-01-04” is in 1899/00")
    dialog.close()


# -- 2. a % sign shown after the number --------------------------------------------------------------------------
@pytest.mark.parametrize("number_format, value", [
    ('0.0"%"', 88.5),       # a % in quotes: shown after the number, as it is
    ("0\\%", 88.5),         # an escaped %: the same
    ('[Blue]0.0"%";[Red]-0.0"%"', 88.5),
    ("0.0%", 0.885),        # a percentage format: Excel shows the number times 100
    ('0.0%" of those asked"', 0.885),
])
def test_only_a_percentage_format_shows_a_cell_times_100(demo_store, tmp_path, number_format, value):
    sheet = _xlsx(tmp_path, [("L2 sat", "Plymouth", "Nov-16", value)], {"D2": number_format})
    preview = preview_values(demo_store, sheet, today=TODAY)
    assert preview.refused == []
    [good] = preview.good
    assert good.value.value == 88.5  # as Excel shows it: 88.5%, never 8850
    assert preview.queried == {}


def test_the_testers_literal_percent_workbook_imports_as_excel_shows_it(demo_path, tmp_path, capsys):
    sheet = _xlsx(tmp_path, [("L2 sat", "Plymouth", "Nov-16", 88.5), ("L2 sat", "Plymouth", "Dec-16", 91)],
                  {"D2": '0.0"%"', "D3": "0\\%"})
    code, out, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 0, err
    assert "more than 100%" not in out + err
    figures = _figures(capsys, demo_path, "Plymouth")
    assert any(f.endswith(",Plymouth,2016-11,88.5") for f in figures)
    assert any(f.endswith(",Plymouth,2016-12,91") for f in figures)


def test_a_literal_percent_sign_on_a_count_is_refused_as_the_grid_refuses_12_percent(demo_store, tmp_path):
    sheet = _xlsx(tmp_path, [("Burglary", "Babergh", "2025-02", 12)], {"D2": '0"%"'})
    preview = preview_values(demo_store, sheet, today=TODAY)
    assert preview.good == [] and "“12%”" in preview.refused[0][1]


# -- 3. a line repeated with the same figure ---------------------------------------------------------------------
def test_a_line_repeated_with_the_same_figure_is_imported_once_on_the_command_line(demo_path, tmp_path, capsys):
    sheet = _csv(tmp_path, "Burglary,Babergh,2025-02,40\nBurglary,Babergh,Feb-25,40\n", "t1.csv")
    code, out, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 0, err
    lines = out.splitlines()
    # (the example file holds Babergh's Feb-25 police.uk count, 21)
    assert lines[0] == ("1 row imported from t1.csv (replacing a figure the file held); 0 refused; 1 line repeats "
                        "another with the same figure (imported once).")
    assert "Line 3 (repeated): Burglary, Babergh, Feb-25 is also on line 2, the same figure (imported once)." in lines
    assert _figures(capsys, demo_path, "Babergh").count("Burglary,Babergh,2025-02,40") == 1


def test_a_repeated_line_beside_a_refused_one_is_not_counted_as_refused(demo_path, tmp_path, capsys):
    sheet = _csv(tmp_path, "Burglary,Babergh,2025-02,40\nBurglary,Babergh,Feb-25,40\nNonsense,Babergh,2025-02,1\n")
    code, _, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1
    assert "1 row of figures.csv can be imported, 1 refused. Nothing was imported." in err
    assert "Line 3 (repeated): Burglary, Babergh, Feb-25 is also on line 2" in err
    assert "Line 4: There is no indicator called “Nonsense”" in err
    code, out, _ = run(capsys, "import-figures", demo_path, sheet, "--skip-refused")
    assert code == 0 and "; 1 refused; 1 line repeats another with the same figure (imported once)." in out


def test_a_line_repeated_with_a_different_figure_still_stops_the_import(demo_path, tmp_path, capsys):
    sheet = _csv(tmp_path, "Burglary,Babergh,2025-02,40\nBurglary,Babergh,Feb-25,41\n")
    code, _, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1
    assert "0 rows of figures.csv can be imported, 2 refused. Nothing was imported." in err
    assert "is given different figures on lines 2 and 3 (40 and 41): neither is imported" in err


def test_the_preview_names_the_copy_apart_from_the_refusals(demo_store, tmp_path):
    sheet = _csv(tmp_path, "Burglary,Babergh,2025-02,40\nBurglary,Babergh,Feb-25,40\n")
    preview = preview_values(demo_store, sheet, today=TODAY)
    assert [g.line for g in preview.good] == [2]
    assert preview.repeated == {3} and preview.refusals == []
    assert preview.report().splitlines() == [
        "1 row can be imported (1 changes the file, replacing a figure it holds), 0 refused, 1 repeated (imported "
        "once).",
        "Line 3 (repeated): Burglary, Babergh, Feb-25 is also on line 2, the same figure (imported once)."]
