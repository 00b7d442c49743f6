"""One export path: a service returns sheets, ``write_table`` picks the format from the file's suffix.

.xlsx writes every sheet (money as numbers Excel can add up); .csv and .tsv write the first
sheet, money as plain pounds ("7525.58"). A new format is one entry in ``TABLE_FORMATS``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Sequence

from safer_desk.domain.money import format_pounds_plain
from safer_desk.domain.periods import format_uk_date
from safer_desk.exchange.files import Sheet, ShownAndTyped, ShownFigure, write_csv, write_xlsx


class UnsupportedFormat(ValueError):
    """A file name whose suffix is not a table format Safer Desk writes."""


def plain_rows(sheet: Sheet) -> list[list[Any]]:
    """The sheet's rows with money (int pence) as plain pounds, dates as 01/04/2009 (and a time of day as
    01/04/2009 14:05), for text formats."""
    return [[_plain(v, money=c in sheet.money_columns) for c, v in enumerate(row)] for row in sheet.rows]


def _plain(value: Any, *, money: bool) -> Any:
    if money and isinstance(value, int):
        return format_pounds_plain(value)
    if isinstance(value, ShownAndTyped):
        return value.typed
    if isinstance(value, ShownFigure):
        return value.plain()
    if isinstance(value, datetime):
        return f"{format_uk_date(value)} {value:%H:%M}"
    if isinstance(value, date):
        return format_uk_date(value)
    return "" if value is None else value


def _write_csv(target: Path, sheets: Sequence[Sheet]) -> Path:
    first = sheets[0]
    return write_csv(target, list(first.header), plain_rows(first))


def _write_tsv(target: Path, sheets: Sequence[Sheet]) -> Path:
    first = sheets[0]
    return write_csv(target, list(first.header), plain_rows(first), delimiter="\t")


def _write_xlsx(target: Path, sheets: Sequence[Sheet]) -> Path:
    return write_xlsx(target, sheets)


# Suffix → (name shown in a Save dialog, writer).
TABLE_FORMATS: dict[str, tuple[str, Callable[[Path, Sequence[Sheet]], Path]]] = {
    ".xlsx": ("Excel workbook", _write_xlsx),
    ".csv": ("CSV", _write_csv),
    ".tsv": ("Tab-separated text", _write_tsv),
}


def table_file_filter(suffixes: Sequence[str] = tuple(TABLE_FORMATS)) -> str:
    """The Save dialog's filter, the first suffix first: "Excel workbook (*.xlsx);;CSV (*.csv)…"."""
    return ";;".join(f"{TABLE_FORMATS[s][0]} (*{s})" for s in suffixes)


# An ending that names a kind of file (".xlsx", ".CSV", ".pdf"): letters first, no space. The ".2019" of "Register
# 31.03.2019" or the ".2 final" of "ledger v1.2 final" is part of the name, as Excel's Save As takes it.
_FILE_ENDING = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,7}")


def table_target(name: str | Path, default_suffix: str = ".xlsx") -> Path:
    """The file a person chose, with the default suffix when they typed no ending (a date or version number in the
    name is not one)."""
    target = Path(name)
    if _FILE_ENDING.fullmatch(target.suffix):
        return target
    return target.with_name(target.name + default_suffix)


def left_out_of_one_table(target: Path | str, sheets: Sequence[Sheet]) -> str:
    """What a CSV or tab-separated file of an export leaves out, to say beside where it was saved: ``sheets`` are
    the export's sheets after the first that hold what the first does not (its notes, its explanations); "" for a
    workbook, or when they are empty. Such a file holds the first sheet alone, and the rest went unsaid (s74)."""
    names = [f"“{sheet.name}”" for sheet in sheets if sheet.rows]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return one_table_leaves_out(target, f"the {listed} sheet{'' if len(names) == 1 else 's'}", several=len(names) > 1)


def one_table_leaves_out(target: Path | str, what: str, *, several: bool, where: str = "") -> str:
    """"A CSV file holds one table: {what} is not in it (an Excel workbook, .xlsx, has it{where})." for a CSV or
    tab-separated ``target``, "" for a workbook: the one wording of what such a file leaves out."""
    suffix = Path(target).suffix.lower()
    if suffix not in (".csv", ".tsv", ".txt"):
        return ""
    kind = "A CSV file" if suffix == ".csv" else "A tab-separated file"
    return (f"{kind} holds one table: {what} {'are' if several else 'is'} not in it (an Excel workbook, .xlsx, has "
            f"{'them' if several else 'it'}{where}).")


def write_table(target: Path | str, sheets: Sequence[Sheet], *, suffixes: Sequence[str] = tuple(TABLE_FORMATS)) -> Path:
    """Write ``sheets`` in the format the suffix names (atomically); UnsupportedFormat for any other suffix."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in TABLE_FORMATS or suffix not in suffixes:
        allowed = " or ".join([", ".join(suffixes[:-1]), suffixes[-1]] if len(suffixes) > 1 else suffixes)
        raise UnsupportedFormat(f"{target.name}: choose a file ending {allowed}.")
    if not sheets:
        raise ValueError("nothing to write")
    return TABLE_FORMATS[suffix][1](target, sheets)
