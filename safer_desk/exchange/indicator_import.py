"""Indicator figures in long form from CSV or .xlsx: indicator, area, period, value[, numerator, denominator, comment]."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator

from safer_desk.domain.checks import split_row_message
from safer_desk.exchange.files import (SAVE_AS_CSV, NotCsvText, csv_text_of, find_headings, other_separator,
                                       refuse_other_kind)

REQUIRED = ("indicator", "area", "period")
OPTIONAL = ("value", "numerator", "denominator", "comment")


class ValuesFileError(ValueError):
    """A file that cannot be read as long-form figures; the message names the file."""


@dataclass(frozen=True)
class LongRow:
    line: int  # the spreadsheet row / CSV line, header = 1
    fields: dict[str, str]
    split: str | None = None  # why the line cannot be read by position (a CSV value split by a comma), if so


def _normalise(header: list) -> list[str]:
    return [str(h or "").strip().lower() for h in header]


def _rows_from(path: Path, header: list, body, *, csv_text: bool = False) -> list[LongRow]:
    names = _normalise(header)
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ValuesFileError(f"{path.name} needs the columns indicator, area, period and value (or numerator "
                              f"and denominator); it has no {', '.join(missing)} column.")
    if "value" not in names and not {"numerator", "denominator"} <= set(names):
        raise ValuesFileError(f"{path.name} needs a value column, or numerator and denominator columns.")
    out = []
    for line, cells in body:
        cells = list(cells)
        if not any(str(c or "").strip() for c in cells):
            continue
        fields = {}
        for name, cell in zip(names, cells):
            if name in REQUIRED or name in OPTIONAL:
                fields[name] = "" if cell is None else (str(cell).strip() if not isinstance(cell, float)
                                                       else repr(cell))
        out.append(LongRow(line, fields, split_row_message(cells, len(names)) if csv_text else None))
    return out


def _is_heading(row: list) -> bool:
    return set(REQUIRED) <= set(_normalise(row))


def _headings(path: Path, rows: Iterable) -> tuple[list, Iterator[tuple[int, Any]]]:
    """The row naming indicator, area and period (within the first ten) and the numbered rows below it."""
    header, body = find_headings(rows, _is_heading)
    if not header:
        raise ValuesFileError(f"{path.name} is empty.")
    return header, body


def _shown(cell: Any) -> Any:
    """A cell's value as Excel shows it: a date as the day (2016-05-01, the period it falls in is meant), a
    number formatted as a percentage as the percentage with its sign (0.885 shown as 88.5% is "88.5%": the
    sign is read as typed, so 12% in a count's row is refused as it is in the grid, never read as 12)."""
    value = getattr(cell, "value", None)
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        return f"{(Decimal(repr(value)) * 100).normalize():f}%"
    return value


def read_long_rows(path: Path | str) -> list[LongRow]:
    """Rows of a CSV (UTF-8, Excel's BOM allowed, or Windows-1252) or .xlsx file (its first sheet with the
    headings) in long form."""
    path = Path(path)
    data = path.read_bytes()
    # An .xls, an .ods, a PDF …, whatever its name ends with.
    refuse_other_kind(data, path.name, ValuesFileError,
                      "save it as “Excel Workbook (.xlsx)” (without a password) or as “CSV UTF-8 (Comma delimited)”")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except zipfile.BadZipFile as exc:  # an .xlsx is a zip of parts: this one is not whole
            raise ValuesFileError(f"{path.name} is not a whole Excel workbook (it may be damaged, or cut short by a "
                                  "download or a copy): open it in Excel and save it again.") from exc
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ValuesFileError(f"{path.name} cannot be read as an Excel workbook ({exc}).") from exc
        try:
            for sheet in wb.worksheets:  # the first sheet with the headings: a notes or cover sheet may come first
                rows = (tuple(_shown(c) for c in row) for row in sheet.iter_rows())
                if len(wb.worksheets) == 1:  # its own message says what it lacks
                    return _rows_from(path, *_headings(path, rows))
                header, body = find_headings(rows, _is_heading)
                if _is_heading(header):
                    return _rows_from(path, header, body)
            names = ", ".join(f"“{sheet.title}”" for sheet in wb.worksheets)
            raise ValuesFileError(f"No sheet of {path.name} ({names}) has the columns indicator, area and period "
                                  "in its first ten rows.")
        finally:
            wb.close()
    try:
        text = csv_text_of(data, path.name)
    except NotCsvText as exc:
        raise ValuesFileError(str(exc)) from None
    header, body = _headings(path, csv.reader(io.StringIO(text, newline="")))
    if sep := other_separator(header):
        raise ValuesFileError(f"{path.name} has its columns separated by {sep}, not commas; {SAVE_AS_CSV}.")
    return _rows_from(path, header, body, csv_text=True)
