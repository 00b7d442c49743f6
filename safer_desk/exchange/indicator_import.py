"""Indicator figures in long form from CSV or .xlsx: indicator, area, period, value[, numerator, denominator, comment]."""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from safer_desk.domain.checks import split_row_message
from safer_desk.domain.text import column_letter, in_words
from safer_desk.exchange.files import (HEADING_SEARCH, SAVE_AS_CSV, NotCsvText, csv_rows, csv_text_of,
                                       find_headings, is_utf16, other_separator, refuse_other_kind,
                                       utf16_text, windows_text_doubt)

REQUIRED = ("indicator", "area", "period")
OPTIONAL = ("value", "numerator", "denominator", "comment")
READ = REQUIRED + OPTIONAL
READ_WORDS = "indicator, area, period, value, numerator, denominator and comment"
# A known column's name followed by more words ("Value (count)", "period ending"): a heading meant as that column.
_NAME_AND_MORE = re.compile(rf"^({'|'.join(READ)})(?![a-z])")


class ValuesFileError(ValueError):
    """A file that cannot be read as long-form figures; the message names the file."""


@dataclass(frozen=True)
class LongRow:
    line: int  # the spreadsheet row / CSV line, header = 1
    fields: dict[str, str]
    # Why the line cannot be read as it is (a CSV value split by a comma, a date cell showing no year), if so.
    split: str | None = None
    hidden: bool = False  # a workbook's row hidden (or filtered out): Excel does not show it


def _normalise(header: list) -> list[str]:
    return [str(h or "").strip().lower() for h in header]


def _meant(name: str, names: list[str]) -> str | None:
    """The column a heading Safer Desk does not read was most likely meant as ("comments", "vaule", "Value
    (count)", "denom"), when the sheet has no such column; None for a column of the sheet's own ("source",
    "notes", "area code" beside "area")."""
    if name == "population":  # the grid's label of a rate's denominator: beside counts, it is meant as theirs
        return "denominator (a rate's population)" if "numerator" in names and "denominator" not in names else None
    if m := _NAME_AND_MORE.match(name):
        meant = m.group(1)
    elif len(name) >= 3 and (short := [r for r in READ if r.startswith(name)]):
        meant = short[0]
    else:
        meant = next(iter(difflib.get_close_matches(name, READ, n=1, cutoff=0.8)), None)
    return None if meant in names else meant


def _check_headings(path: Path, header: list, names: list[str]) -> None:
    """Refuse a heading row whose columns cannot be read as the person meant: a heading that looks like one Safer
    Desk reads but is not (passed over, it would drop a comment or read a rate's count over the wrong population),
    or one of its columns given twice (one of them would be taken without a word)."""
    for i, name in enumerate(names):
        if name and name not in READ and (meant := _meant(name, names)):
            typed = str(header[i]).strip()
            raise ValuesFileError(f"Column {column_letter(i)} of {path.name} is headed “{typed}”: "
                                  f"did you mean {meant}? Safer Desk reads the columns {READ_WORDS} (other columns "
                                  "are passed over): rename it and import again.")
    first: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in READ and name in first:
            raise ValuesFileError(f"{path.name} has two columns headed {name} ({column_letter(first[name])} and "
                                  f"{column_letter(i)}): keep one (delete or rename the other) and import again.")
        first.setdefault(name, i)


def _police_street_heading(header: list) -> bool:
    """Whether a heading row is a data.police.uk street file's (its byte order mark, if any, left on by a reader)."""
    from safer_desk.exchange.police_uk import file_kind

    return file_kind([str(h or "").strip().lstrip("\ufeff") for h in header]) == "street"


# What councils' own sheets head the columns Safer Desk reads ("District", "Month", "Count"): a column so headed is
# named in the refusal of a sheet that lacks the column, with the heading to give it (never taken without a word).
_HEADED_OTHERWISE = {
    "indicator": ("measure", "metric", "kpi", "performance indicator", "crime type", "category"),
    "area": ("district", "borough", "council", "local authority", "csp", "partnership", "place", "location"),
    "period": ("month", "date", "quarter", "year", "financial year", "reporting period", "time period"),
    "value": ("count", "figure", "actual", "number", "result", "outturn", "total", "amount"),
}
_WHAT_IT_HOLDS = {"indicator": "the indicator", "area": "the area", "period": "the period", "value": "the figures"}


def _headed_otherwise(header: list, names: list[str], missing: list[str]) -> str:
    """The sheet's columns that look meant as those missing, one for each, and what to head them (" If column B
    (“District”) holds the area and column C (“Month”) the period, head them area and period, and import again.");
    "" where none is, or two are ("Year" and "Month" beside no period)."""
    found = []
    for wanted in missing:
        columns = [i for i, name in enumerate(names) if name in _HEADED_OTHERWISE[wanted]]
        if len(columns) == 1:
            found.append((wanted, columns[0]))
    if not found:
        return ""
    held = [f"column {column_letter(i)} (“{str(header[i]).strip()}”) {'holds ' * (n == 0)}{_WHAT_IT_HOLDS[wanted]}"
            for n, (wanted, i) in enumerate(found)]
    return (f" If {in_words(held)}, head {'them' if len(found) > 1 else 'it'} "
            f"{in_words([wanted for wanted, _ in found])}, and import again.")


def _or_words(names: list[str]) -> str:
    """"period", "area or period", "indicator, area or period"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _rows_from(path: Path, header: list, body, *, csv_text: bool = False, lines: bool = False) -> list[LongRow]:
    """The rows below the headings (``lines``: of a text file, said as lines, not a sheet's rows)."""
    names = _normalise(header)
    _check_headings(path, header, names)
    missing = [c for c in REQUIRED if c not in names]
    if "period" in missing:  # a sheet laid out for reading, a month to a column: said as that, not as a lack
        body = list(body)  # a sheet without the headings: its rows are read only to say what it holds
        if across := _months_across(path, [(1, header)] + body[:HEADING_SEARCH - 1]):
            raise ValuesFileError(across)
    if missing and _police_street_heading(header):  # the police's own file, chosen here for Import Police Data…
        raise ValuesFileError(f"{path.name} is a data.police.uk street-level crime file, not a sheet of figures: "
                              "import it with File > Import Police Data… (on the command line, safer-desk "
                              "import-police), which counts its crimes by month, district and crime type.")
    no_figures = "value" not in names and "numerator" not in names
    if missing and not _is_heading(header):  # headings below the tenth row (a long note above them): said where
        body = list(body)
        if later := next((line for line, cells in body if _is_heading(list(cells or []))), None):
            row = "line" if lines else "row"
            raise ValuesFileError(f"{path.name} has its headings (indicator, area, period …) on {row} {later}: Safer "
                                  f"Desk looks for them in the first ten {row}s. Delete the {row}s above them that "
                                  "are not needed, and import again.")
    if missing:
        raise ValuesFileError(f"{path.name} needs the columns indicator, area, period and value (or numerator "
                              f"and denominator); it has no {_or_words(missing)} column."
                              + _headed_otherwise(header, names, missing + ["value"] * no_figures))
    # A rate's count may be given alone (over the area's population), with or without an empty denominator column.
    if no_figures:
        raise ValuesFileError(f"{path.name} needs a value column, or a numerator column (with a denominator "
                              "column, or a rate's count alone)." + _headed_otherwise(header, names, ["value"]))
    out = []
    for line, cells in body:
        cells = list(cells)
        if not any(str(c or "").strip() for c in cells):
            continue
        fields = {}
        for name, cell in zip(names, cells):
            if name in REQUIRED or name in OPTIONAL:
                fields[name] = "" if cell is None else (str(cell).strip() if not isinstance(cell, float)
                                                       else _float_text(cell))
        split = (split_row_message(cells, len(names)) or _split_into_next(names, cells)) if csv_text else None
        if _is_heading(cells):  # two tables pasted one below the other: it was "no indicator called “indicator”"
            shown = ", ".join(str(c).strip() for c in cells if str(c or "").strip())
            split = (f"this line repeats the heading row (“{shown}”), as a second table pasted below the first "
                     "does: it holds no figure, so it is not imported (delete it from the sheet)")
        if figure := next(((n, c) for n, c in zip(names, cells) if n in FIGURES and isinstance(c, _DateShown)),
                          None):  # said as the date it shows: it was "“1900-02-09” is not a figure", no more
            name, shown = figure
            held = f"{shown.serial:.15g}"  # as Excel shows it in a cell formatted General
            split = (f"the {name} cell is formatted as a date, so it shows “{shown}”, not a figure (it holds {held}, "
                     "as Excel holds that date): a number in a cell formatted as dates shows as one, and Excel takes "
                     f"some figures typed (“12/5”, “1-2”) as dates. Format the {name} cells as Number, check the "
                     "figures, and import again")
        if isinstance(shows := dict(zip(names, cells)).get("period"), _NoYear):
            split = (f"the period cell shows “{shows}”, a date with no year (Excel takes “Apr-19” typed as 19 "
                     "April of the year it is typed in): type the month as text, 2019-04 or Apr 2019, or format the "
                     "cell to show its year (mmm-yy)")
        out.append(LongRow(line, fields, split))
    return out


# A month as a heading shows it: "Apr", "April", "Apr-16", "April 2016", "2016 Apr" (year first, as ONS tables),
# "2016-04", a date cell (shown 2016-04-01).
_MONTH_HEADING = re.compile(r"^(?:(?:\d{4}[ ,/-]*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                            r"(?:[ ,'/-]*\d{2,4})?|\d{4}-\d{2}(?:-\d{2})?|\d{1,2}/\d{1,2}/\d{2,4})$", re.IGNORECASE)


def _months_across(path: Path, rows: list[tuple[int, Any]]) -> str | None:
    """Why a sheet whose months run across it (a month to a column, under a year or not) cannot be read, naming the
    row of months; None when no row of the first ten holds three months or more."""
    for line, cells in rows:
        months = [i for i, cell in enumerate(cells or ()) if _MONTH_HEADING.match(str(cell or "").strip())]
        if len(months) >= 3:
            return (f"{path.name} has the months across the sheet (row {line}, columns {column_letter(months[0])} to "
                    f"{column_letter(months[-1])}): Safer Desk reads one row for each figure, with the columns "
                    f"indicator, area, period and value (Burglary, Babergh, Apr-16, 12). Put the figures one below "
                    "the other, a row for each month (Excel's Data > From Table/Range, then Unpivot Columns, does "
                    "it), and import again.")
    return None


def _float_text(cell: float) -> str:
    """A number cell in full, or as the whole number Excel shows when it is one to Excel's 15 significant figures
    (a count worked out by a formula, =7%*100, is held as 7.000000000000001 and shown as 7)."""
    shown = f"{cell:.15g}"
    return shown if "e" not in shown and float(shown).is_integer() else repr(cell)


FIGURES = ("value", "numerator", "denominator")
_UP_TO_THOUSAND = re.compile(r"^[-+]?£?\d{1,3}$")
_THOUSANDS_PART = re.compile(r"^\d{3}(\.\d+)?$")


def _split_into_next(names: list[str], cells: list) -> str | None:
    """Why a CSV line whose figure looks split by an unquoted comma into the next column (a comment, or one Safer
    Desk passes over) cannot be read, or None: "1,234" typed in a text editor on a sheet with an empty comment
    column has as many values as the heading row, so split_row_message does not see it. A figure followed by
    another figure (numerator, denominator) is two figures, as the heading row says."""
    for i, name in enumerate(names[:-1]):
        following = names[i + 1]
        if name not in FIGURES or following in FIGURES or i + 1 >= len(cells):
            continue
        first, rest = str(cells[i] or "").strip(), str(cells[i + 1] or "").strip()
        if _UP_TO_THOUSAND.match(first) and _THOUSANDS_PART.match(rest):
            return (f"the {name} “{first}” and the {following or 'next column'} “{rest}” look like one figure "
                    f"split by a comma ({first},{rest}): a figure with a comma in it must be in quotes, as Excel's "
                    "“CSV UTF-8” writes it, or typed without the comma")
    return None


def _is_heading(row: list) -> bool:
    return set(REQUIRED) <= set(_normalise(row))


def _headings(path: Path, rows: Iterable) -> tuple[list, Iterator[tuple[int, Any]]]:
    """The row naming indicator, area and period (within the first ten) and the numbered rows below it."""
    header, body = find_headings(rows, _is_heading)
    if not header:
        raise ValuesFileError(f"{path.name} is empty.")
    return header, body


class _DateShown(str):
    """A date cell as it shows (the period it falls in is meant), with the number Excel holds for it (``serial``)."""
    serial: float = 0


class _NoYear(_DateShown):
    """A date cell as it shows, without its year ("19-Apr"): Excel takes "Apr-19" typed as 19 April of the year it
    was typed in, so the year the cell holds is one nobody typed."""


def _date_shown(kind: type[_DateShown], text: str, value: date) -> _DateShown:
    from openpyxl.utils.datetime import to_excel

    shown = kind(text)
    shown.serial = to_excel(value)
    return shown


def _shown(cell: Any) -> Any:
    """A cell's value as Excel shows it: a date as the day (2016-05-01, the period it falls in is meant), a
    number formatted as a percentage as the percentage with its sign (0.885 shown as 88.5% is "88.5%": the
    sign is read as typed, so 12% in a count's row is refused as it is in the grid, never read as 12), and one
    whose format shows a % sign after it as it is (88.5 formatted 0.0"%") as the number with the sign, "88.5%"."""
    value = getattr(cell, "value", None)
    if isinstance(value, (datetime, date)):
        if "y" not in (cell.number_format or "").lower():
            return _date_shown(_NoYear, f"{value.day}-{value:%b}" if "d" in cell.number_format.lower()
                               else f"{value:%b}", value)
        return _date_shown(_DateShown, value.strftime("%Y-%m-%d"), value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        if _scales_by_100(cell.number_format):
            return f"{(Decimal(repr(value)) * 100).normalize():f}%"
        # A % sign in quotes or escaped (0.0"%", 0\%) is shown after the number as it is: 88.5 is "88.5%".
        return f"{Decimal(_float_text(value) if isinstance(value, float) else str(value)).normalize():f}%"
    return value


# What a number format shows as it is: text in quotes, a character escaped (\%), one whose width is left (_%) or
# that fills the cell (*%), and a colour or condition in brackets ([Red], [>=100]).
_SHOWN_AS_IS = re.compile(r'"[^"]*"?|\\.|[_*].|\[[^\]]*\]')


def _scales_by_100(number_format: str) -> bool:
    """Whether a number format shows a cell as a percentage (0.0%: 0.885 shows as 88.5%), rather than the number
    followed by a % sign (0.0"%" or 0\\%: 88.5 shows as 88.5%). Only a % outside quotes, not escaped, scales."""
    return "%" in _SHOWN_AS_IS.sub("", number_format or "")


def _shown_rows(sheet) -> Iterator[tuple]:
    """Every row a sheet holds, as Excel shows it: the used range some programs state ("A1", or one from before rows
    were added) would stop read-only reading there, rows below it dropped unsaid."""
    sheet.reset_dimensions()
    return (tuple(_shown(c) for c in row) for row in sheet.iter_rows())


def _heading_row_below(sheet) -> int | None:
    """The row of a sheet with the headings below the first ten (a long note above them), or None."""
    return next((number for number, cells in enumerate(_shown_rows(sheet), start=1)
                 if number > HEADING_SEARCH and _is_heading(list(cells or []))), None)


def _first_row_words(sheet) -> str:
    """" (its first row reads “Indicator”, “District”, “Month” …)" for a sheet with a row in its first ten, or ""."""
    for number, cells in enumerate(_shown_rows(sheet), start=1):
        shown = [str(c).strip() for c in cells or () if str(c if c is not None else "").strip()]
        if shown:
            more = " …" if len(shown) > 5 else ""
            return f" (its first row reads {', '.join(f'“{c}”' for c in shown[:5])}{more})"
        if number >= HEADING_SEARCH:
            break
    return ""


def _no_sheet_headed(name: str, sheets: Sequence) -> str:
    """A workbook none of whose sheets has the headings in its first ten rows, said sheet by sheet: where each one's
    headings seem to be (below the tenth row) or that it has none, and what to do. It said only that none had them,
    which left the officer to search every sheet for why."""
    below = {sheet.title: _heading_row_below(sheet) for sheet in sheets}
    said = "; ".join(f"“{sheet.title}” has them on row {below[sheet.title]}" if below[sheet.title]
                     else f"“{sheet.title}” has none{_first_row_words(sheet)}" for sheet in sheets)
    found = [title for title, row in below.items() if row]
    if not found:
        return (f"No sheet of {name} has the columns indicator, area and period: {said}. Head the columns of figures "
                "indicator, area, period and value, in a row of their own within the first ten rows of the sheet, "
                "and import again.")
    todo = (f"Delete the rows above them on “{found[0]}” that are not needed (a title or notes), so that they are "
            "within its first ten rows, and import again" if len(found) == 1 else
            "Copy the figures of those sheets onto one sheet, one below the other, with the headings once within its "
            "first ten rows (Safer Desk imports the figures of one sheet), and import that; or save each sheet as a "
            "workbook of its own with its headings moved up, and import each")
    return (f"No sheet of {name} has the columns indicator, area and period in its first ten rows, where Safer Desk "
            f"looks for them: {said}. {todo}.")


# A number as a sheet gives one: 12, "1,234", "88.5%", "£3,250", "(2,442)".
_FIGURE_LIKE = re.compile(r"^\(?[-+]?£?\s*(?:\d[\d,]*)?\.?\d+\s*%?\)?$")


def _has_figures(sheet) -> bool:
    """Whether a sheet with the headings gives a figure under them: a guidance sheet (the headings, then what each
    column holds) or an empty template gives none, and is not a second sheet of figures."""
    header, body = find_headings(_shown_rows(sheet), _is_heading)
    columns = [i for i, name in enumerate(_normalise(header)) if name in FIGURES]
    return any(i < len(cells) and (isinstance(cells[i], (int, float)) and not isinstance(cells[i], bool)
                                   or _FIGURE_LIKE.match(str(cells[i] or "").strip()))
               for _, cells in body for i in columns)


# A row a sheet hides (Excel's Hide, or a filter), as its XML says it: <row r="3" hidden="1" …>.
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*\bhidden="(?:1|true)"')
_ROW_TAG = re.compile(rb'<(?:\w+:)?row\b([^>]*)>')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')


def _sheet_part(z: zipfile.ZipFile, title: str) -> str | None:
    """The name of the part holding the sheet called title (xl/worksheets/sheet2.xml), or None if not found."""
    import posixpath
    from xml.etree import ElementTree

    try:
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return None
    rel_id = next((v for e in book.iter() if e.tag.endswith("}sheet") and e.get("name") == title
                   for k, v in e.attrib.items() if k.endswith("}id")), None)
    target = next((e.get("Target") for e in rels.iter() if e.get("Id") == rel_id), None) if rel_id else None
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def _hidden_rows(data: bytes, title: str) -> set[int]:
    """The numbers of the rows a sheet hides, read from the sheet's own XML (a read-only sheet keeps no row heights,
    and loading the workbook whole for them took 8 s for ten sheets of 20,000 rows, a row hidden on any of them).
    Where the sheet is not found so, the workbook is read whole (openpyxl's row_dimensions)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        part = _sheet_part(z, title)
        names = [part] if part in z.namelist() else [name for name in z.namelist()
                                                     if name.startswith("xl/worksheets/") and name.endswith(".xml")]
        xml = {name: z.read(name) for name in names}
    if not any(_HIDDEN_ROW.search(text) for text in xml.values()):
        return set()
    if part in xml:
        hidden, number = set(), 0
        for tag in _ROW_TAG.finditer(xml[part]):  # a row without its number follows the one before (as openpyxl)
            number = int(m.group(1)) if (m := _ROW_NUMBER.search(tag.group(1))) else number + 1
            if _HIDDEN_ROW.match(tag.group(0)):
                hidden.add(number)
        return hidden
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    try:
        return {number for number, row in wb[title].row_dimensions.items() if row.hidden}
    finally:
        wb.close()


def _unsaved_formulas(data: bytes, title: str, header: list, rows: list[LongRow]) -> list[LongRow]:
    """The rows with a blank cell that holds a formula whose result was never saved (a workbook written by a program
    rather than Excel keeps none), each refused saying so: read as blank, it would be called a row with no figure."""
    names = _normalise(header)
    fields = {r.line: r.fields for r in rows if r.split is None and (any(not r.fields.get(n) for n in REQUIRED) or
                                                                     not any(r.fields.get(n) for n in FIGURES))}
    if not fields:
        return rows
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)  # the formulas, not their results
    said: dict[int, str] = {}
    try:
        sheet = wb[title]
        sheet.reset_dimensions()
        for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if line > max(fields):
                break
            for i, cell in enumerate(cells[:len(names)] if line in fields else ()):
                formula = str(getattr(cell, "text", cell) or "")
                if names[i] in READ and not fields[line].get(names[i]) and formula.startswith("="):
                    said[line] = (f"cell {column_letter(i)}{line} holds the formula {formula}, whose result was not "
                                  "saved with the workbook (a program that writes workbooks, rather than Excel, saves "
                                  "none): open it in Excel, save it, and import again")
                    break
    finally:
        wb.close()
    return [replace(r, split=said[r.line]) if r.line in said else r for r in rows]


def _is_text(data: bytes, path: Path) -> bool:
    if is_utf16(data):  # Excel's "Unicode Text"
        return True
    try:
        csv_text_of(data, path.name)
    except NotCsvText:
        return False
    return True


def read_long_rows(path: Path | str) -> list[LongRow]:
    """Rows of a CSV (UTF-8, Excel's BOM allowed, or Windows-1252; comma- or tab-separated, or Excel's "Unicode
    Text") or .xlsx file (its first sheet with the headings) in long form."""
    return _read_long_rows(Path(path), [])


def read_long_file(path: Path | str) -> tuple[list[LongRow], str]:
    """``read_long_rows``, and where a CSV read as Windows-1252 looks like a Mac's or MS-DOS's text, the words as
    read and how to save it ("" otherwise: files.windows_text_doubt)."""
    doubts: list[str] = []
    rows = _read_long_rows(Path(path), doubts)
    return rows, "".join(doubts)


def _refuse_zip_of_files(data: bytes, name: str) -> None:
    """A zip that is no workbook said as what it is: the month's data.police.uk download (for Import Police Data…),
    or another zip of files, rather than as openpyxl's "There is no item named '[Content_Types].xml'"."""
    from safer_desk.storage.kinds import workbook_in_zip

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return  # not whole: said below, as a workbook cut short
    if workbook_in_zip(names):
        return
    if any(n.lower().endswith("-street.csv") for n in names):
        raise ValuesFileError(f"{name} is a data.police.uk download (its street-level crime files), not a sheet of "
                              "figures: import it with File > Import Police Data… (on the command line, safer-desk "
                              "import-police), which counts its crimes by month, district and crime type.")
    raise ValuesFileError(f"{name} is a zip file, not an Excel workbook: take the CSV file or workbook of figures out "
                          "of it and import that.")


def _read_long_rows(path: Path, doubts: list[str]) -> list[LongRow]:
    try:
        data = path.read_bytes()
    except OSError as exc:  # Windows refuses a file open in Excel (PermissionError)
        close = ": if it is open in Excel (or another program), close it there and import again" if isinstance(
            exc, PermissionError) else ""
        raise ValuesFileError(f"{path.name} cannot be read ({exc.strerror or exc}){close}.") from exc
    # An .xls, an .ods, a PDF …, whatever its name ends with.
    refuse_other_kind(data, path.name, ValuesFileError,
                      "save it as “Excel Workbook (.xlsx)” (without a password) or as “CSV UTF-8 (Comma delimited)”")
    # What the bytes are, whatever the name says: an .xlsx renamed .csv is a zip of parts (PK), a CSV renamed
    # .xlsx is text.
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm") and not _is_text(data, path):
        from openpyxl import load_workbook

        _refuse_zip_of_files(data, path.name)
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except zipfile.BadZipFile as exc:  # an .xlsx is a zip of parts: this one is not whole
            raise ValuesFileError(f"{path.name} is not a whole Excel workbook (it may be damaged, or cut short by a "
                                  "download or a copy): open it in Excel and save it again.") from exc
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ValuesFileError(f"{path.name} cannot be read as an Excel workbook ({exc}).") from exc
        try:
            # Every sheet with the headings: a workbook with a sheet for each area holds its figures on all of
            # them, and importing the first alone would leave the others out without a word.
            found = [sheet for sheet in wb.worksheets
                     if _is_heading(find_headings(_shown_rows(sheet), _is_heading)[0])]
            if len(found) > 1:  # a guidance sheet or an empty template with the headings holds no figures
                found = [sheet for sheet in found if _has_figures(sheet)] or found
            if len(found) > 1:
                sheets = in_words([f"“{s.title}”" + (" (hidden)" if s.sheet_state != "visible" else "")
                                   for s in found])
                raise ValuesFileError(f"{path.name} has figures on {len(found)} sheets ({sheets} each have the columns "
                                      "indicator, area and period): Safer Desk imports the figures of one sheet, and "
                                      "would leave the others out. Copy them onto one sheet, one below the other, or "
                                      "save each sheet as a workbook of its own and import each; a sheet whose "
                                      "figures are not to be imported (old ones, or examples) can be deleted instead.")
            if found:
                header, body = find_headings(_shown_rows(found[0]), _is_heading)
                rows = _unsaved_formulas(data, found[0].title, header, _rows_from(path, header, body))
                hidden = _hidden_rows(data, found[0].title)
                return [replace(r, hidden=True) if r.line in hidden else r for r in rows] if hidden else rows
            if len(wb.worksheets) == 1:  # its own message says what it lacks
                return _rows_from(path, *_headings(path, _shown_rows(wb.worksheets[0])))
            raise ValuesFileError(_no_sheet_headed(path.name, wb.worksheets))
        finally:
            wb.close()
    try:
        # Excel's "Unicode Text" is UTF-16 with its byte-order mark, other programs' the same without it
        # (files.utf16_codec; csv_text_of refuses UTF-16 for the files that must be comma-separated)
        text = utf16_text(data) if is_utf16(data) else csv_text_of(data, path.name)
    except NotCsvText as exc:
        raise ValuesFileError(str(exc)) from None
    except UnicodeDecodeError:  # an odd byte at the end: cut short
        raise ValuesFileError(f"{path.name} cannot be read as UTF-16 text (Excel's “Unicode Text”): it may be cut "
                              f"short by a download or a copy; {SAVE_AS_CSV}.") from None
    header, body, tabbed = _text_headings(path, text)
    if said := _street_file_saved_again(path, header, tabbed):
        raise ValuesFileError(said)
    if sep := other_separator(header):
        raise ValuesFileError(f"{path.name} has its columns separated by {sep}, not commas; {SAVE_AS_CSV}.")
    if not is_utf16(data) and (doubt := windows_text_doubt(data, text, path.name)):
        doubts.append(doubt)
    # Between tabs a comma cannot split a figure: a tab-separated line is read as a sheet's row is.
    return _rows_from(path, header, body, csv_text=not tabbed, lines=True)


def _street_file_saved_again(path: Path, header: list, tabbed: bool) -> str | None:
    """Why a data.police.uk street file saved again from Excel with tabs or semicolons is no sheet of figures, and
    where it is imported once downloaded again; None for any other file. Tab-separated it was sent to Import Police
    Data…, which refuses it as saved again; semicolon-separated, told to save it as CSV, as a sheet of figures."""
    from safer_desk.exchange.police_uk import file_kind

    sep = "tabs" if tabbed else other_separator(header)
    if sep is None:
        return None
    cells = header if tabbed else str(header[0]).split(";" if sep == "semicolons" else "\t")
    if file_kind([str(c or "").strip().lstrip("\ufeff") for c in cells]) != "street":
        return None
    return (f"{path.name} is a data.police.uk street-level crime file saved again with its columns separated by {sep}, "
            "not commas (as another program, Excel say, saves it), not a sheet of figures: download it again from "
            "data.police.uk and import it with File > Import Police Data… (on the command line, safer-desk "
            "import-police) without saving it.")


def _text_headings(path: Path, text: str) -> tuple[list, Iterator[tuple[int, Any]], bool]:
    """The heading row and the rows below it of a CSV's text, or of Excel's "Text (Tab delimited)" or "Unicode
    Text" (tabs between the columns: True), which were refused, saying to save the sheet again as CSV. Tabs are
    taken when the headings are found split at them, or the first line is one cell of values between tabs (said
    then as the sheet split at tabs it is: "it has no period column"). Semicolons are still refused: "1,234" in a
    sheet whose lists use semicolons may be 1.234, which cannot be told."""
    try:
        header, body = _headings(path, csv_rows(text, path.name, ValuesFileError))
        failed = None
    except ValuesFileError as exc:  # a quote mark that is no CSV's in the first lines, perhaps between tabs
        header, body, failed = [], iter(()), exc
    if "\t" in text and not _is_heading(header):
        try:
            tab_header, tab_body = find_headings(csv_rows(text, path.name, ValuesFileError, delimiter="\t"),
                                                 _is_heading)
        except ValuesFileError:
            tab_header, tab_body = [], iter(())
        if _is_heading(tab_header) or (other_separator(header) == "tabs" and len(tab_header) > 1):
            return tab_header, tab_body, True
    if failed is not None:
        raise failed
    return header, body, False
