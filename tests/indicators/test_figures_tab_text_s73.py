"""Session 73: Import Figures… and `safer-desk import-figures` read a sheet of figures saved from Excel as text with
tabs between the columns.

A council officer keeps the month's figures in Excel and saves them with File > Save As > "Text (Tab delimited)" (a
.txt in Windows-1252, "£" one byte, CRLF line ends, a cell with a comma in it in quotes) or "Unicode Text" (the same
in UTF-16 with its byte-order mark). Both were refused ("figures.txt has its columns separated by tabs, not commas;
save it from Excel as “CSV UTF-8 (Comma delimited)”", "figures.txt is UTF-16 text (Excel's “Unicode Text”); …"),
though a tab is never part of a figure and `allocate` reads such files. They are now read as the CSV of the same
sheet is: the same rows imported, refused and queried, in the same words. Semicolons are still refused ("2,442" in
a sheet whose lists use semicolons may be 2.442).
"""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from safer_desk.cli import main
from tests.indicators.test_cli_import_figures import _digest, _figures, office  # noqa: F401 - the fixture

# As a council's sheet reads: a title row and a blank row above the headings, "1,234" shown with its thousands
# comma, a comment with a comma and a pound sign in it.
GOOD = [["Mid Suffolk figures, April and May 2016", "", "", "", "", "", ""],
        ["", "", "", "", "", "", ""],
        ["indicator", "area", "period", "value", "numerator", "denominator", "comment"],
        ["Burglary", "Mid Suffolk", "2016-04", "12", "", "", "Up on March, £5,000 of locks fitted"],
        ["Burglary", "Mid Suffolk", "2016-05", "1,234", "", "", ""],
        ["Violent crime rate", "Mid Suffolk", "2016-05", "", "26", "", ""],
        ["Satisfaction", "Mid Suffolk", "2016-05", "88.5%", "", "", "Gŵyl survey"]]
# A row refused (an area the file does not hold), one the grid would query (a percentage over 100), a repeat
REFUSED = [["indicator", "area", "period", "value"],
           ["Burglary", "Mid Suffolk", "2016-04", "12"],
           ["Burglary", "Atlantis", "2016-04", "3"],
           ["Satisfaction", "Mid Suffolk", "2016-06", "120%"],
           ["Burglary", "Mid Suffolk", "2016-04", "12"]]
MONTH = [["indicator", "District", "Month", "value"], ["Burglary", "Mid Suffolk", "2016-04", "12"]]
ACROSS = [["indicator", "area", "Apr-16", "May-16", "Jun-16"], ["Burglary", "Mid Suffolk", "12", "1,234", "9"]]
TWICE = [["indicator", "area", "period", "value", "Value"], ["Burglary", "Mid Suffolk", "2016-04", "12", "13"]]
EMPTY = [["indicator", "area", "period", "value"]]


def as_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def as_excel_text(rows: list[list[str]]) -> str:
    """As Excel's "Text (Tab delimited)" writes a sheet: tabs, CRLF, a cell with a comma or quote mark in quotes."""
    def cell(c: str) -> str:
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"') else c
    return "".join("\t".join(cell(c) for c in row) + "\r\n" for row in rows)


def _run(office_path, sheet, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["import-figures", str(office_path), str(sheet)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_excels_text_is_imported_as_its_csv_is(office, tmp_path, capsys, encoding):  # noqa: F811
    rows = GOOD if encoding == "utf-16" else [[c.replace("ŵ", "w") for c in row] for row in GOOD]
    text = tmp_path / "figures.txt"
    text.write_bytes(as_excel_text(rows).encode(encoding))
    if encoding == "utf-16":
        assert text.read_bytes()[:2] == b"\xff\xfe"  # with its byte-order mark, as Excel writes it
    else:
        assert b"\xa3" in text.read_bytes() and b"\r\n" in text.read_bytes()  # "£" one byte, CRLF
    code, out, err = _run(office, text, capsys)
    assert (code, err) == (0, "")
    assert out.startswith("4 rows imported from figures.txt")
    assert {"Burglary,Mid Suffolk,2016-04,12,Imported from figures.txt",
            "Burglary,Mid Suffolk,2016-05,1234,Imported from figures.txt",
            "Satisfaction,Mid Suffolk,2016-05,88.5,Imported from figures.txt"} <= set(_figures(office, capsys))
    from safer_desk.storage.store import open_store

    store = open_store(office)
    try:
        comments = {r[0] for r in store.rows("SELECT comment FROM indicator_values WHERE comment != ''")}
    finally:
        store.close()
    assert comments == {"Up on March, £5,000 of locks fitted", "Gŵyl survey" if encoding == "utf-16" else "Gwyl survey"}


@pytest.mark.parametrize("rows", [GOOD, REFUSED, MONTH, ACROSS, TWICE, EMPTY],
                         ids=["good", "refused", "month", "across", "twice", "empty"])
@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_every_refusal_and_count_is_the_csvs(office, tmp_path, capsys, rows, encoding):  # noqa: F811
    """The same sheet saved as CSV and as Excel's text gives the same exit, the same words and the same figures."""
    other = tmp_path / "other.sqlite"
    shutil.copy(office, other)
    rows = [[c.replace("ŵ", "w") for c in row] for row in rows] if encoding == "cp1252" else rows
    sheet_csv = tmp_path / "figures.csv"
    sheet_csv.write_text(as_csv(rows), encoding="utf-8-sig")
    sheet_txt = tmp_path / "figures.txt"
    sheet_txt.write_bytes(as_excel_text(rows).encode(encoding))
    said_csv = _run(office, sheet_csv, capsys)
    said_txt = _run(other, sheet_txt, capsys)
    assert said_txt == tuple(s.replace("figures.csv", "figures.txt") if isinstance(s, str) else s for s in said_csv)
    assert _figures(other, capsys) == [f.replace("figures.csv", "figures.txt") for f in _figures(office, capsys)]


def test_a_refused_text_file_changes_nothing(office, tmp_path, capsys):  # noqa: F811
    before = _digest(office)
    sheet = tmp_path / "figures.txt"
    sheet.write_bytes(as_excel_text(REFUSED).encode("cp1252"))
    code, out, err = _run(office, sheet, capsys)
    assert code == 1 and out == ""
    assert "Line 3: " in err and "Atlantis" in err and "Nothing was imported." in err
    assert _digest(office) == before


@pytest.mark.parametrize("data", [b"indicator;area;period;value\r\nBurglary;Mid Suffolk;2016-04;12\r\n",
                                  "indicator;area;period;value\r\nBurglary;Mid Suffolk;2016-04;\"1,5\"\r\n"
                                  .encode("utf-16")])
def test_semicolons_are_still_refused_saying_how_to_save_it(office, tmp_path, capsys, data):  # noqa: F811
    before = _digest(office)
    sheet = tmp_path / "figures.txt"
    sheet.write_bytes(data)
    code, out, err = _run(office, sheet, capsys)
    assert code == 1 and out == ""
    assert ("figures.txt has its columns separated by semicolons, not commas; save it from Excel as “CSV UTF-8 "
            "(Comma delimited)”. Nothing was imported.") in err
    assert _digest(office) == before


def test_unicode_text_cut_short_is_said_so(office, tmp_path, capsys):  # noqa: F811
    sheet = tmp_path / "figures.txt"
    sheet.write_bytes(as_excel_text(MONTH).encode("utf-16")[:-1])  # half of the last letter
    code, out, err = _run(office, sheet, capsys)
    assert code == 1 and out == ""
    assert "figures.txt cannot be read as UTF-16 text" in err and "Traceback" not in err


def test_the_window_offers_and_imports_excels_text(demo_window, qtbot, prompts, tmp_path, monkeypatch):
    from safer_desk.ui import prompts as prompt_module

    sheet = tmp_path / "figures.txt"
    sheet.write_bytes(as_excel_text([["indicator", "area", "period", "value"],
                                     ["All crime", "Plymouth", "2016-12", "1,480"]]).encode("utf-16"))
    offered = []

    def chosen(parent, title, filters, *args, **kwargs):
        offered.append(filters)
        return str(sheet)

    monkeypatch.setattr(prompt_module, "open_file_name", chosen)
    tab = demo_window.show_tab("indicators")
    task = tab.import_figures()
    assert "*.txt" in offered[0].split(";;")[0]  # Excel's text among the figures' files, not under All files
    qtbot.waitUntil(lambda: not task.running, timeout=15000)
    dialog = tab._import_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert prompts.errors == []
    assert dialog.preview is not None and len(dialog.preview.good) == 1 and not dialog.preview.refusals
    assert (dialog.preview.good[0].area_name, dialog.preview.good[0].value.value) == ("Plymouth", 1480)
    dialog.reject()


@pytest.mark.parametrize("separator, words", [("\t", "tabs"), (";", "semicolons")])
def test_a_police_file_saved_again_is_said_so(office, tmp_path, capsys, separator, words):  # noqa: F811
    """A data.police.uk street file opened in Excel and saved as text: tab-separated it was sent to Import Police
    Data…, which refuses it as saved again; semicolon-separated it was told to be saved as CSV UTF-8, as if a sheet of
    figures. Either way it is the police's file saved again: downloaded again, it is imported there."""
    from tests.indicators.police_helpers import HEADER, suffolk_row

    before = _digest(office)
    sheet = tmp_path / "2025-01-suffolk-street.txt"
    sheet.write_text(HEADER.replace(",", separator) + "\r\n" + suffolk_row().replace(",", separator) + "\r\n",
                     encoding="utf-8")
    code, out, err = _run(office, sheet, capsys)
    assert code == 1 and out == ""
    assert err == (f"safer-desk: 2025-01-suffolk-street.txt is a data.police.uk street-level crime file saved again "
                   f"with its columns separated by {words}, not commas (as another program, Excel say, saves it), "
                   "not a sheet of figures: download it again from data.police.uk and import it with File > Import "
                   "Police Data… (on the command line, safer-desk import-police) without saving it. Nothing was "
                   "imported.\n")
    assert _digest(office) == before
