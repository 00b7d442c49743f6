"""Writing files safely, and the tabular formats people use with Excel (CSV, .xlsx, tab-separated text).

Every file is written to a temporary file in the same folder, checked, flushed to the disk and
moved into place (``storage.safe_write``), so a crash, a killed process or a full disk never
leaves half a file where a whole one was, and a failure is an ``OSError`` whose message says why.
Work on victim-level data happens in memory or in ``private_workspace()``, never in a shared folder.

CSV cells and cells copied for Excel that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) are written with a single quote before them, as OWASP recommends
against CSV injection (``domain.text.neutralise_cell``); figures ("-1099", "-£6,957.50", "+3.5%") are left as
numbers. A paste reads that quote off again (``parse_tsv``).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from safer_desk.domain.text import FORMULA_STARTS, LazyPattern, cell_as_typed, neutralise_cell, shortened
from safer_desk.storage.kinds import SQLITE_START, other_kind_of_file
from safer_desk.storage.leftovers import private_workspace
from safer_desk.storage.safe_write import WriteFailed, atomic_path, folder_problem, write_bytes_atomically

__all__ = ["atomic_path", "folder_problem", "private_workspace",
           "write_bytes_atomically", "WriteFailed", "write_csv", "csv_text",
           "neutralise_cell", "FORMULA_STARTS", "Sheet", "write_xlsx", "xlsx_bytes", "to_tsv", "parse_tsv",
           "find_headings", "SAVE_AS_CSV", "NotCsvText", "csv_text_of", "csv_rows", "is_utf16", "other_separator",
           "windows_text_doubt", "tsv_as_html",
           "other_kind_of_file", "refuse_other_kind"]


def _safe_rows(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterable[list[Any]]:
    yield [neutralise_cell(h) for h in header]
    for row in rows:
        yield [neutralise_cell(v) for v in row]


# What a refusal of a CSV file people bring says to do instead.
SAVE_AS_CSV = "save it from Excel as “CSV UTF-8 (Comma delimited)”"


class NotCsvText(ValueError):
    """A CSV file's bytes are not text a spreadsheet writes; the message names the file and says how to save it."""


def utf16_codec(data: bytes) -> str | None:
    """The codec of UTF-16 text: Excel's "Unicode Text" (with its byte-order mark, and tabs between the columns), or
    the same saved by another program without the mark, told by a NUL in every other byte where its letters are
    plain (English and Welsh text, figures, tabs and commas). Such a file was refused as "not text a spreadsheet
    writes"; read as UTF-16 it is the sheet it came from. No file of other text is taken for it: UTF-8 and
    Windows-1252 text holds no NUL, and bytes that UTF-16 does not read as almost all plain letters are left alone
    (a UTF-32 file's NUL pairs read as NULs)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # UTF-32's mark starts as UTF-16's does
        return None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4096]
    if b"\x00" not in sample:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = sample[:len(sample) // 2 * 2].decode(codec, errors="replace")
        plain = sum(c.isascii() and (c.isprintable() or c in "\r\n\t") for c in text)
        if text.strip() and "\x00" not in text and plain >= 0.95 * len(text):
            return codec
    return None


def is_utf16(data: bytes) -> bool:
    """UTF-16 text, with or without its byte-order mark (``utf16_codec``)."""
    return utf16_codec(data) is not None


def utf16_text(data: bytes) -> str:
    """The text of UTF-16 bytes (``is_utf16``); UnicodeDecodeError for a file cut short in a letter."""
    return data.decode(utf16_codec(data) or "utf-16")


def refuse_other_kind(data: bytes, name: str, error: type[ValueError], save_as: str = SAVE_AS_CSV) -> None:
    """Raise ``error`` naming the file, what it is and how to save it (``save_as``) when ``other_kind_of_file``
    recognises it."""
    if not data:  # nothing to open in Excel: the figures are elsewhere
        raise error(f"{name} is empty (0 bytes): nothing was ever saved in it. Choose the file that holds the "
                    "figures, or save them again from the spreadsheet.")
    if data.startswith(SQLITE_START):  # an office's own file given by mistake: Excel cannot open it either
        raise error(f"{name} is an SQLite database (a Safer Desk file?), not a spreadsheet: choose the CSV file or "
                    "Excel workbook that holds the figures.")
    if kind := other_kind_of_file(data):
        raise error(f"{name} is {kind}, which Safer Desk does not read: open it in Excel (or LibreOffice) and "
                    f"{save_as}.")


def csv_text_of(data: bytes, name: str) -> str:
    """The text of a CSV file as Excel saves it: UTF-8, with or without the byte-order mark ("CSV UTF-8"), else
    Windows-1252, which "CSV (Comma delimited)" writes on a British Windows (£ and é as one byte each).
    ``NotCsvText`` for UTF-16, a NUL (which no spreadsheet's text holds) or a byte Windows-1252 has no letter for."""
    refuse_other_kind(data, name, NotCsvText)
    if is_utf16(data):
        raise NotCsvText(f"{name} is UTF-16 text (Excel's “Unicode Text”); {SAVE_AS_CSV}.")
    if b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            _refuse_part_utf8(data, text, name)
            return text
    raise NotCsvText(f"{name} is not text a spreadsheet writes (neither UTF-8 nor Windows-1252, as Excel for Mac's "
                     f"“CSV (Macintosh)” writes è and ç); {SAVE_AS_CSV}.")


# A letter in UTF-8 (two or three bytes) as Windows-1252 reads it: "£" as "Â£", "é" as "Ã©", "ŵ" as "Åµ", "’" as
# "â€™". Letters of Western and Welsh names, the pound and the typographer's punctuation only: such pairs of bytes
# hardly ever stand side by side in Windows text ("SÃO", "ÂGE" and "CAFÉ’S" are not such pairs).
_UTF8_LETTER = re.compile(rb"[\xc2-\xc5][\x80-\xbf]|\xe2(?:\x80[\x90-\xba]|\x82\xac|\x88\x92|\x88\x9a)")


def _refuse_part_utf8(data: bytes, text: str, name: str) -> None:
    """``NotCsvText`` for a file read as Windows-1252 that also holds UTF-8 letters: a UTF-8 file without its mark,
    opened in Excel (which shows "£5" as "Â£5"), typed in and saved as "CSV (Comma delimited)". Read as it is, the
    UTF-8 letters were saved in the office's file as "Â£5" and "GÃ¢r"."""
    found = _UTF8_LETTER.search(data)
    if found is None:
        return
    start = data.rfind(b"\n", 0, found.start()) + 1
    end = data.find(b"\n", found.end())
    line = data[start:len(data) if end == -1 else end].rstrip(b"\r")
    read = line.decode("cp1252")
    cell = next((c.strip(" \"") for c in re.split(r"[,;\t]", read) if found.group().decode("cp1252") in c), read)
    word = shortened(cell)
    meant = shortened(cell.encode("cp1252").decode("utf-8", errors="replace"))
    number = data.count(b"\n", 0, found.start()) + 1
    raise NotCsvText(f"{name} is partly UTF-8 and partly Windows-1252 text, so some of its letters cannot be read as "
                     f"typed: line {number} reads “{word}” where “{meant}” was "
                     "meant (as Excel shows a UTF-8 file saved without its mark, and saves it again after a "
                     f"change). Nothing was read from it: put the letters right in Excel, then {SAVE_AS_CSV}.")


# How a Mac's "CSV (Macintosh)" (Mac Roman) and "CSV (MS-DOS)" (code page 850) letters read as Windows-1252: é as Ž,
# ô as ™, ä as Š, ö as š, ü as Ÿ, É as ƒ, à as ˆ, á as ‡, ò as ˜, ú as œ (and DOS's é as ‚, £ as œ), ’ as Õ and
# – as Ð. Every byte is a character in each, so which one a file is cannot be told for sure, but Windows text in an
# English sheet hardly ever holds these beside a letter or figure.
_MISREAD = re.compile(r"(?<=[^\W_])[ŽžŠšŸƒˆ‰†‡˜œŒ™‚„]|[ŽžŠšŸƒˆ‰†‡˜œŒ™‚„](?=[^\W_])|(?<=[a-z])Õ(?=[a-z])| Ð ")


def windows_text_doubt(data: bytes, text: str, name: str) -> str:
    """Where a CSV read as Windows-1252 (not UTF-8) looks like a Mac's or MS-DOS's text: the words as read, where,
    and how to save it ("" when it is UTF-8, or nothing looks misread)."""
    try:
        data.decode("utf-8-sig")
        return ""
    except UnicodeDecodeError:
        pass
    found = _MISREAD.search(text)
    if found is None:
        return ""
    line = text.count("\n", 0, found.start()) + 1
    start = max((text.rfind(c, 0, found.start()) for c in " ,;\t\n\"" ), default=-1) + 1
    ends = [i for i in (text.find(c, found.end()) for c in " ,;\t\r\n\"") if i != -1]
    word = text[start:min(ends, default=len(text))].strip() or found.group().strip()
    return (f"{name} is not UTF-8 and was read as Windows-1252 (Excel's “CSV (Comma delimited)” on Windows), but "
            f"“{word}” (line {line}) looks like letters saved by a Mac (“CSV (Macintosh)”) or as “CSV (MS-DOS)”, "
            "which write é, ô, ’ and – differently: if names or comments read wrongly, "
            f"{SAVE_AS_CSV} and import it again.")


def csv_rows(text: str, name: str, error: type[ValueError], *, delimiter: str = ",") -> Iterator[list[str]]:
    """The rows of a CSV file's text (or, with ``delimiter`` a tab, tab-separated text), as it is read; ``error``
    naming the line where a row cannot be read. A quote mark opening a value and never closed makes every line after
    it part of that value: past the csv reader's limit (131,072 characters) it stopped the command with a traceback."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1  # the line the next row begins on
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field limit" not in str(exc):  # pragma: no cover - csv_text_of has refused a NUL, its other error
                raise error(f"{name} cannot be read from line {start} on ({exc}); {SAVE_AS_CSV}.") from None
            raise error(f"{name} cannot be read from line {start} on: a value there runs on for more than "
                        f"{csv.field_size_limit():,} characters, as the lines after a quote mark (\") that opens a "
                        f"value and is never closed do. Check the quote marks on line {start} (a quote mark inside a "
                        f"value is written twice, “like \"\"this\"\"”), or {SAVE_AS_CSV}.") from None
        yield row
        start = reader.line_num + 1


def other_separator(heading: Sequence[Any]) -> str | None:
    """"semicolons" or "tabs" when a CSV's heading row is one cell holding them (Excel in a locale whose lists use
    semicolons, or its "Text (Tab delimited)"), else None."""
    if len(heading) != 1:
        return None
    return next((word for sep, word in ((";", "semicolons"), ("\t", "tabs")) if sep in str(heading[0] or "")), None)


def write_csv(target: Path | str, header: Sequence[str], rows: Iterable[Sequence[Any]], *,
              delimiter: str = ",") -> Path:
    """A CSV (or, with a tab delimiter, tab-separated text) that Excel opens with £ signs intact (UTF-8 with a
    byte-order mark) and never runs as formulas, written atomically."""
    text = _csv(header, rows, lineterminator="\r\n", delimiter=delimiter)
    return write_bytes_atomically(target, text.encode("utf-8-sig"), label="csv")


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]], *, lineterminator: str, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator, delimiter=delimiter)
    writer.writerows(_safe_rows(header, rows))
    return out.getvalue()


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV as text, for printing on the command line (formula-like cells neutralised)."""
    return _csv(header, rows, lineterminator="\n")


@dataclass
class Sheet:
    """One worksheet: a name (Excel allows 31 characters), a header and rows of plain values.

    Money is given as int pence in the columns named in ``money_columns`` and is written as pounds with a £ number
    format, so Excel can add it up, under a heading saying so ("Paid (£)"). A share in ``percent_columns`` is given
    as the number of percent (9.08) and written as the fraction with a percent format (9.08%, 0.0908 to Excel).
    """

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    money_columns: set[int] = field(default_factory=set)
    title: str | None = None
    percent_columns: set[int] = field(default_factory=set)


def number_format(places: int, unit: str = "") -> str:
    """"#,##0" for whole numbers, "#,##0.0" … for places: a format with a decimal point always prints it, so
    "#,##0.##" shows 32948 as "32,948." in Excel. A unit is printed after the figure: '#,##0.0"%"' shows 16.9 as
    16.9%, as the Indicators tab does (the cell stays 16.9)."""
    return "#,##0" + ("." + "0" * places if places > 0 else "") + (f'"{unit}"' if unit and '"' not in unit else "")


class ShownFigure(float):
    """A worked-out figure as a table shows it: the number (a float, as a bare figure would be), its decimal places
    and the unit after it ("%", " per 100,000", " pts"; "" for a count). A workbook writes the number with a format
    that prints it as shown (88.2 printed "88.2%", the cell still 88.2, as the county workbook does), so a percentage
    is not read as a count beside it; a text file (.csv, .tsv) writes it with its places, a percentage with its sign
    ("88.2%", which Excel reads as the percentage; "12586", never "12586.0")."""

    places: int
    unit: str

    def __new__(cls, value, places: int = 0, unit: str = ""):
        figure = super().__new__(cls, value)
        figure.places, figure.unit = places, unit
        return figure

    @property
    def number_format(self) -> str:
        return number_format(self.places, self.unit)

    def plain(self) -> str:
        return f"{float(self):.{self.places}f}" + ("%" if self.unit == "%" else "")

    def shown(self) -> str:
        return f"{float(self):,.{self.places}f}{self.unit}"


class ShownAndTyped(str):
    """A cell a workbook writes as shown, as text ("1/3"), and a text file (.csv, .tsv) as Excel reads it right
    when the file is opened there (``typed``: "0 1/3", a fraction, where "1/3" would be a date)."""

    typed: str

    def __new__(cls, shown: str, typed: str):
        cell = super().__new__(cls, shown)
        cell.typed = typed
        return cell


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An .xlsx workbook built entirely in memory (xlsxwriter writes no temporary files anywhere)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False})
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "£#,##0.00;-£#,##0.00"})
    share = book.add_format({"num_format": "0.00%"})
    day = book.add_format({"num_format": "dd/mm/yyyy"})  # a date Excel sorts and filters as one
    moment = book.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    figures: dict[str, Any] = {}  # a ShownFigure's format, made once per workbook
    used: set[str] = set()
    for sheet in sheets:
        name = _sheet_name(sheet.name, used)
        ws = book.add_worksheet(name)
        row0 = 0
        if sheet.title:
            ws.write_string(0, 0, sheet.title, bold)
            row0 = 2
        header = [in_pounds(str(h)) if c in sheet.money_columns else str(h) for c, h in enumerate(sheet.header)]
        for c, h in enumerate(header):
            ws.write_string(row0, c, h, bold)
        widths = [len(h) for h in header]
        for r, row in enumerate(sheet.rows, start=row0 + 1):
            for c, value in enumerate(row):
                if c in sheet.money_columns and isinstance(value, int):
                    ws.write_number(r, c, value / 100, money)
                elif c in sheet.percent_columns and isinstance(value, (int, float, Decimal)):
                    ws.write_number(r, c, float(Decimal(value) / 100), share)
                elif isinstance(value, ShownFigure):
                    if value.number_format not in figures:
                        figures[value.number_format] = book.add_format({"num_format": value.number_format})
                    ws.write_number(r, c, float(value), figures[value.number_format])
                elif value is None:
                    ws.write_blank(r, c, None)
                elif isinstance(value, str):
                    ws.write_string(r, c, in_a_cell(value))  # never a formula, whatever it starts with
                elif isinstance(value, datetime):  # a local time: Excel has no time zones
                    ws.write_datetime(r, c, value.replace(tzinfo=None), moment)
                elif isinstance(value, date):
                    ws.write_datetime(r, c, value, day)
                else:
                    ws.write(r, c, value)
                if c < len(widths):
                    widths[c] = max(widths[c], min(60, _width_of(value, money=c in sheet.money_columns,
                                                              percent=c in sheet.percent_columns)))
        for c, width in enumerate(widths):
            ws.set_column(c, c, width + 2)
        ws.freeze_panes(row0 + 1, 0)
    book.close()
    return buffer.getvalue()


EXCEL_CELL = 32_767  # the most characters an Excel cell holds
CUT_SAID = "… [cut: an Excel cell holds 32,767 characters; the whole text is in Safer Desk]"


def in_a_cell(text: str) -> str:
    """Text as a workbook's cell holds it: a text longer than Excel takes ends at a word, saying it was cut (the
    writer cut it off mid-word, unsaid, and the county lead read the part as the whole)."""
    if len(text) <= EXCEL_CELL:
        return text
    kept = text[:EXCEL_CELL - len(CUT_SAID) - 1]
    return kept[:kept.rstrip().rfind(" ") + 1 or len(kept)].rstrip() + " " + CUT_SAID


def in_pounds(heading: str) -> str:
    """A money column's heading in a workbook, saying its unit as the county's workbook does: "Outstanding (£)";
    a heading naming £ already ("Cost min (£)") as it is. A text file (.csv, .tsv) keeps the plain heading, which
    a paste reads back."""
    return heading if "£" in heading else f"{heading} (£)"


def _width_of(value: Any, *, money: bool = False, percent: bool = False) -> int:
    """How many characters a cell needs as Excel prints it: money "-£16,535.00" (not the pence, "-1653500", which
    left ######## in a column too narrow for the pounds), a share "9.08%", a date "01/04/2009", a time
    "01/04/2009 14:05", else its text."""
    if money and isinstance(value, int):
        return len(f"{'-' if value < 0 else ''}£{abs(value) / 100:,.2f}")
    if percent and isinstance(value, (int, float, Decimal)):
        return len(f"{float(value):.2f}%")
    if isinstance(value, ShownFigure):
        return len(value.shown())
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return len(str("" if value is None else value))


def write_xlsx(target: Path | str, sheets: Sequence[Sheet], *, label: str | None = None) -> Path:
    """Write the sheets to an .xlsx workbook atomically (built in memory, then checked and moved into place)."""
    return write_bytes_atomically(target, xlsx_bytes(sheets), label=label)


# What Excel takes in no sheet name, as a name reads without it: a year "2009/10" as "2009-10" (the Indicators
# export's "Indicators 2025-26"), brackets as round ones, a colon, * and ? left out.
_IN_SHEET_NAMES = str.maketrans({"/": "-", "\\": "-", "[": "(", "]": ")", ":": None, "*": None, "?": None})


def _sheet_name(name: str, used: set[str]) -> str:
    # Excel takes no name that starts or ends with an apostrophe (a scenario named "'Best value' option"); a space
    # left at the end where a long name was cut goes too.
    words = " ".join(name.translate(_IN_SHEET_NAMES).split())
    clean = _excel_cut(words, 31).strip("' ") or "Sheet"
    candidate, n = clean, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = _excel_cut(clean, 31 - len(suffix)) + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def _excel_cut(text: str, limit: int) -> str:
    """text cut to ``limit`` characters as Excel counts them (UTF-16 units: an emoji is two)."""
    text = text[:limit]
    while len(text.encode("utf-16-le")) > 2 * limit:
        text = text[:-1]
    return text


def to_tsv(rows: Iterable[Sequence[Any]]) -> str:
    """Tab-separated text that pastes into Excel cell by cell (every table's Copy): text that would run there as a
    formula has the quote Excel reads as "this is text" (``neutralise_cell``); figures paste as numbers."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for row in rows:
        writer.writerow(["" if v is None else neutralise_cell(v) for v in row])
    return out.getvalue()


# Cells Excel reads right from text as typed: a figure ("-6957", "£1,234.50", "4.7%"), a fraction as Excel types one
# ("0 1/3") and a date or time in full ("01/04/2018", "01/04/2018 14:05"). Any other cell is text to Excel only when
# formatted as Text: "2009/10", "12/16", "Apr-21" and "1/3" are read as dates, "TRUE" as a yes/no.
_READ_AS_TYPED = LazyPattern(r"^(?:[+-]?£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|\d+ \d+/\d+"
                             r"|\d{1,2}/\d{1,2}/\d{4}(?: \d{1,2}:\d{2})?)$")
_AS_TEXT = ' style=\'mso-number-format:"\\@"\''  # Excel's number format Text, as Excel writes it in its own HTML


def tsv_as_html(text: str) -> str:
    """A table's copy (``to_tsv``) as the HTML table Excel reads first when both are on the clipboard: the same
    cells, each but a figure, a fraction or a full date formatted as Text, so a financial year "2009/10", a month
    "Apr-21" or a fraction "1/3" stays as shown and is not made a date. The plain text stays what every paste in
    Safer Desk reads; a cell a copy quoted as text ("'=SUM(A1)") keeps its quote here too, never run as a formula."""
    from html import escape

    try:
        rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    except csv.Error:  # not a copy of ``to_tsv`` (a quote mark opened and never closed): its lines and tabs
        rows = [line.split("\t") for line in text.splitlines()]

    def cell(value: str) -> str:
        shown = escape(value).replace("\n", '<br style="mso-data-placement:same-cell">')
        return f"<td>{shown}</td>" if not value or _READ_AS_TYPED.match(value) else f"<td{_AS_TEXT}>{shown}</td>"

    body = "".join(f"<tr>{''.join(cell(v) for v in row)}</tr>" for row in rows)
    return f'<html><head><meta charset="utf-8"></head><body><table>{body}</table></body></html>'


# A cell quoted as Excel quotes a cell of two lines (and the register's Copy any cell with a quote or a tab): it closes
# right before a tab, a line ending or the end, and a quote mark inside it is doubled.
_QUOTED_CELL = LazyPattern(r'"([^"]*(?:""[^"]*)*)"(?=\t|\n|\Z)')
_CELL_END = LazyPattern(r"[\t\n]")


def _tsv_rows(text: str) -> list[list[str]]:
    """Tab-separated text (line endings already "\n") as rows of cells; no row after the last line ending.

    A cell starting with a quote mark is a quoted cell only when it is one as a whole (``_QUOTED_CELL``); otherwise
    the quote mark is a letter of the cell (csv's reader took `"Ask Angela" campaign` as "Ask Angela campaign", and
    a quote never closed as the start of a cell running over every row below it)."""
    rows: list[list[str]] = []
    row: list[str] = []
    at = 0
    while at < len(text):
        quoted = _QUOTED_CELL.match(text, at) if text[at] == '"' else None
        if quoted:
            row.append(quoted[1].replace('""', '"'))
            at = quoted.end()
        else:
            end = _CELL_END.search(text, at)
            stop = end.start() if end else len(text)
            row.append(text[at:stop])
            at = stop
        if at < len(text) and text[at] == "\t":
            at += 1
            if at == len(text):
                row.append("")  # the last cell copied was empty
            continue
        rows.append(row)  # a line ending, or the end of the text
        row = []
        at += 1
        while at < len(text) and text[at] == "\n":  # a blank line: an empty row (one empty cell in a grid)
            rows.append([])
            at += 1
    if row:  # the text ended in a tab
        rows.append(row)
    return rows


def parse_tsv(text: str, *, keep_blank_rows: bool = False) -> list[list[str]]:
    """Rows copied from Excel (tab-separated, quoted cells may hold new lines); blank lines dropped.

    ``keep_blank_rows`` is for a paste into a grid, cell by cell as Excel pastes: every line is a row and an empty
    line is one empty cell (Excel copies a column's empty cell so), so no figure below it moves up onto another
    row. Only the line ending Excel puts after the last row is not a row. Without it, rows that are all blank are
    dropped: records pasted as a list (the register) may have blank lines between them.

    A line may end in "\r\n" (Windows), "\n" or "\r" alone (Excel for Mac); a new line inside a cell is read as "\n".
    The quote a copy put before text that reads as a formula is read off (``cell_as_typed``): a copy pasted back into
    any table gives what it held.

    A quote mark opens a quoted cell only where the cell is one (``_tsv_rows``): Excel and Word copy a cell without
    a line break as it stands, so `"Ask Angela" campaign` keeps its quotes and a note opening a quote it never
    closes is that note, not every row below it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows = ([cell_as_typed(cell) for cell in row] for row in _tsv_rows(text))
    if keep_blank_rows:
        return [row or [""] for row in rows]  # csv ends the last row at its line ending: no row after it
    return [row for row in rows if any(cell.strip() for cell in row)]


HEADING_SEARCH = 10  # rows looked through for the headings (a title and blank rows above them are common)


def find_headings(rows: Iterable[Sequence[Any]], is_heading: Callable[[list], bool]
                  ) -> tuple[list, Iterator[tuple[int, Any]]]:
    """The heading row of a sheet and the rows below it, numbered as the sheet numbers them.

    The headings are the first of the first ten rows that ``is_heading`` accepts (a title and blank rows above
    them are passed over), or the first row when none is, so the caller's message says what it lacks. No rows
    give ([], nothing). ``rows`` is read once, as it comes (a CSV reader, an .xlsx sheet)."""
    rows = iter(rows)
    seen: list[tuple[int, Any]] = []
    for number, row in enumerate(rows, start=1):
        seen.append((number, row))
        if is_heading(list(row or [])):
            return list(row or []), enumerate(rows, start=number + 1)
        if number >= HEADING_SEARCH:
            break
    if not seen:
        return [], iter(())
    return list(seen[0][1] or []), chain(seen[1:], enumerate(rows, start=len(seen) + 1))
