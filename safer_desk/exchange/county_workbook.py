"""The county workbook (.xlsx): the office's export as people without the application read it (issue 13).

A Contents sheet, then one sheet per view, like the tabs and the board report: names and references instead
of ids, real date cells shown dd/mm/yyyy, money as pounds with a £ format and a total (a SUM formula, its
value cached so any program shows it before recalculating), frozen headings and filters. The database's raw
tables follow only when asked for (``raw_tables``).

It is built from the minimised export (victim-level rows left out unless ``include_referrals``), staged in
one place (``staged_export``). The views themselves are worked out by the services layer and handed in as a
function (``views``): this module only stages, opens and writes.
"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterator, Literal, Sequence

from safer_desk import faults
from safer_desk.domain.text import counted
from safer_desk.exchange.county_export import ExportResult, column_title, export_in_memory, sheet_title
from safer_desk.exchange.county_schema import (CancelCheck, ProgressFn, check_cancelled, iter_rows, never_cancelled,
                                               no_progress, table_info)
from safer_desk.exchange.files import in_a_cell, number_format, write_bytes_atomically
from safer_desk.storage.schema.exchange import MANIFEST_TABLE

ColumnKind = Literal["text", "date", "month", "money", "count", "number", "percent"]
MONEY_FORMAT = "£#,##0.00;-£#,##0.00"
DATE_FORMAT = "dd/mm/yyyy"
MONTH_FORMAT = "mmm yyyy"


@dataclass(frozen=True)
class Number:
    """A figure of a "number" column with the decimal places the tabs and the board report show it with (12,586;
    88.75; 14.4) and the unit they show after it ("%", " per 100,000", " pts"; "" for a count), printed by the cell's
    format so the cell stays the number. A bare int or float in such a column shows the places it needs (none for a
    whole number)."""

    value: float
    places: int = 0
    unit: str = ""


def places_needed(value: float, most: int = 4) -> int:
    """The decimals a bare figure needs to show as itself (rounded half up to ``most``): 0 for 2442 or 2442.0."""
    from decimal import ROUND_HALF_UP, Decimal

    text = f"{Decimal(str(value)).quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP):f}"
    return len(text.partition(".")[2].rstrip("0"))


@dataclass(frozen=True)
class Column:
    """A column of a view: its heading, what its cells are, and whether it gets a total."""

    title: str
    kind: ColumnKind = "text"
    total: bool = False  # a SUM under the column (money and counts)
    width: int | None = None  # characters; None: fitted to the cells (up to 60)


@dataclass
class Block:
    """Rows under one heading: a sheet is one block (filtered) or several (one per scenario, each totalled).

    Cells are plain values: money as int pence, dates as date objects (or ISO text), counts as ints, figures of a
    "number" column as numbers or ``Number`` (a figure with the places it is shown with).
    """

    rows: list[list[Any]]
    title: str = ""
    total_label: str = "Total"
    note: str = ""
    totalled: bool = True  # False: rows listed, not added up (the Register's projects no longer open)


@dataclass
class WorkbookSheet:
    name: str  # the sheet's tab (Excel allows 31 characters)
    title: str  # the bold first line
    description: str  # a line for the Contents sheet
    columns: list[Column]
    blocks: list[Block] = field(default_factory=list)
    note: str = ""  # under the title

    @property
    def row_count(self) -> int:
        return sum(len(b.rows) for b in self.blocks)


ViewsFn = Callable[[Any, ProgressFn, CancelCheck], list[WorkbookSheet]]  # (store of the staged export, …) -> sheets


@contextlib.contextmanager
def staged_export(store, *, include_referrals: bool, progress: ProgressFn = no_progress,
                  cancelled: CancelCheck = never_cancelled) -> Iterator[tuple[Any, ExportResult]]:
    """The minimised export the workbook is read from, as a read-only store over an in-memory database.

    The one place the staged copy lives, and it is memory (issue 12): a killed export leaves no copy of the
    office's rows in any folder, victim-level or not. Unsigned: it is read here and never sent anywhere.
    """
    from safer_desk.storage.store import Store

    conn, result = export_in_memory(store, Path(store.path), include_referrals=include_referrals,
                                    progress=progress, cancelled=cancelled, sign=False)
    try:
        faults.boundary("workbook:after-export")
        conn.row_factory = sqlite3.Row
        yield Store(Path(store.path), conn, read_only=True, lock=None), result
    finally:
        conn.close()


def write_county_workbook(store, target: Path | str, *, include_referrals: bool = False, raw_tables: bool = False,
                          views: ViewsFn | None = None, progress: ProgressFn = no_progress,
                          cancelled: CancelCheck = never_cancelled,
                          left_out: Sequence[tuple[str, str]] = ()) -> ExportResult:
    """The office's export as a workbook people can read without the application, written atomically (left_out: the
    Contents sheet's lines for the rows the views leave out, services.county_workbook.WorkbookScope.facts)."""
    target = Path(target)
    pending = open_conflicts(store.conn)  # the county file's own bookkeeping: the staged export keeps none of it
    with staged_export(store, include_referrals=include_referrals,
                       progress=lambda d, t, m="": progress(d, t * 2, m), cancelled=cancelled) as (export, staged):
        manifest = dict(export.rows(f"SELECT key, value FROM {MANIFEST_TABLE}"))
        sheets = views(export, lambda d, t, m="": progress(t + d, t * 2, m), cancelled) if views else []
        raw = _raw_sheets(export.conn, json.loads(manifest["tables"]), cancelled) if raw_tables else []
    check_cancelled(cancelled)
    progress(3, 4, "Writing the workbook…")
    write_workbook(target, manifest, sheets, raw, include_referrals=include_referrals, conflicts=pending,
                   left_out=left_out)
    staged.path = target
    return staged


def open_conflicts(conn: sqlite3.Connection) -> list:
    """A county file's conflicts not decided yet (county_conflicts.Conflict), in the order they were raised; [] for an
    office's own file."""
    from safer_desk.exchange.county_conflicts import Conflict
    from safer_desk.storage.schema.exchange import CONFLICTS_TABLE

    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (CONFLICTS_TABLE,)).fetchone():
        return []
    cursor = conn.execute(f"SELECT * FROM {CONFLICTS_TABLE} ORDER BY id")
    names = [d[0] for d in cursor.description]
    return [Conflict.from_row(dict(zip(names, row))) for row in cursor.fetchall()]


def conflicts_facts(conflicts: Sequence) -> list[tuple[str, str]]:
    """The Contents sheet's lines for the conflicts still open: how many, by what they are about (as the Conflicts
    window groups them), and each office's refund the merge held back (``refund-cannot-take``) in that window's
    words, since the Reviews sheet's figures leave it out. The board report's county overview says the same."""
    from safer_desk.exchange.county_conflicts import GROUPS

    if not conflicts:
        return []
    counts: dict[str, int] = {}
    for c in conflicts:
        group = c.group if c.group in GROUPS else "other"
        counts[group] = counts.get(group, 0) + 1
    about = "; ".join(f"{GROUPS[g][0].lower()}{GROUPS[g][1:]}: {counts[g]}" for g in GROUPS if g in counts)
    them, each = ("them", " of each") if len(conflicts) > 1 else ("it", "")
    return [("Conflicts still open", f"{len(conflicts)} ({about}): until the county lead decides {them} (File > "
                                     f"Conflicts…), the sheets give the county file's side{each}")] + [
        ("Refund not merged", f"{c.detail}. It is not in the Reviews sheet's figures.")
        for c in conflicts if c.kind == "refund-cannot-take"]


def _raw_sheets(conn: sqlite3.Connection, tables: Sequence[str], cancelled: CancelCheck) -> list[WorkbookSheet]:
    """The export's tables as they are (ids and all), for those who asked for them."""
    out = []
    for table in tables:
        check_cancelled(cancelled)
        info = table_info(conn, table)
        money = set(info.money_columns)
        columns = [Column(column_title(c), "money" if i in money else "text") for i, c in enumerate(info.columns)]
        rows = [[row[c] for c in info.columns] for row in iter_rows(conn, info)]
        out.append(WorkbookSheet(f"Raw {sheet_title(table)}"[:31], f"Raw table {table}",
                                 f"The table {table} as stored (ids, not names).", columns, [Block(rows)]))
    return out


# -- writing ----------------------------------------------------------------------------------------------
def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10] if len(value) >= 10 else f"{value}-01")
        except ValueError:
            return None
    return None


def write_workbook(target: Path | str, manifest: dict[str, str], sheets: Sequence[WorkbookSheet],
                   raw: Sequence[WorkbookSheet] = (), *, include_referrals: bool = False,
                   conflicts: Sequence = (), left_out: Sequence[tuple[str, str]] = ()) -> Path:
    """Write the Contents sheet, the views and any raw tables to target (.xlsx), atomically (conflicts: a county
    file's still open, said on the Contents sheet; left_out: its lines for the rows of other areas left out)."""
    import xlsxwriter

    target = Path(target)
    buffer = io.BytesIO()  # built in memory: xlsxwriter writes no temporary files anywhere
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    fmt = _Formats(book)
    names = _sheet_names([s.name for s in [*sheets, *raw]])
    contents = book.add_worksheet("Contents")
    _write_contents(contents, fmt, manifest, list(zip(names, [*sheets, *raw])), include_referrals, len(raw),
                    [*conflicts_facts(conflicts), *left_out])
    for name, sheet in zip(names, [*sheets, *raw]):
        _write_sheet(book.add_worksheet(name), fmt, sheet)
    book.close()
    return write_bytes_atomically(target, buffer.getvalue(), label="workbook", what=f"The workbook {target.name}")


class _Formats:
    def __init__(self, book):
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.bold = book.add_format({"bold": True})
        self.header = book.add_format({"bold": True, "bg_color": "#E8EEF5", "border": 1, "text_wrap": True,
                                       "valign": "top"})
        self.note = book.add_format({"italic": True, "font_color": "#333333"})
        self.link = book.add_format({"font_color": "#0563C1", "underline": 1, "valign": "top"})
        self.wrapped = book.add_format({"text_wrap": True, "valign": "top"})
        self.count_top = book.add_format({"num_format": "#,##0", "valign": "top"})
        self.kinds = {
            "date": book.add_format({"num_format": DATE_FORMAT}),
            "month": book.add_format({"num_format": MONTH_FORMAT}),
            "money": book.add_format({"num_format": MONEY_FORMAT}),
            "count": book.add_format({"num_format": "#,##0"}),
            "number": book.add_format({"num_format": number_format(0)}),
            "percent": book.add_format({"num_format": "0.0%"}),
        }
        self.totals = {
            "money": book.add_format({"num_format": MONEY_FORMAT, "bold": True, "top": 2}),
            "count": book.add_format({"num_format": "#,##0", "bold": True, "top": 2}),
            "text": book.add_format({"bold": True, "top": 2}),
        }
        self._book = book
        self._numbers: dict[str, Any] = {number_format(0): self.kinds["number"], "0.0%": self.kinds["percent"]}

    def number(self, places: int, unit: str = ""):
        """The format of a figure shown with this many decimal places and unit (made once per workbook)."""
        return self._made(number_format(places, unit))

    def percent(self, places: int):
        """The format of a percentage shown with this many decimal places ("0.0%", "0.00%" …)."""
        return self._made("0." + "0" * places + "%" if places > 0 else "0%")

    def _made(self, num_format: str):
        if num_format not in self._numbers:
            self._numbers[num_format] = self._book.add_format({"num_format": num_format})
        return self._numbers[num_format]


def _sheet_names(wanted: Sequence[str]) -> list[str]:
    used = {"contents"}
    out = []
    for name in wanted:
        clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31].strip("'") or "Sheet"
        candidate, n = clean, 2
        while candidate.lower() in used:
            suffix = f" ({n})"
            candidate, n = clean[: 31 - len(suffix)] + suffix, n + 1
        used.add(candidate.lower())
        out.append(candidate)
    return out


# Said where the workbook is opened: forwarded on, it tells the next reader what it holds (DESIGN §3, §5).
VICTIM_LEVEL_INCLUDED = ("included: this workbook holds victim-level data (each referral's pseudonymous reference, "
                         "district, eligibility answers and spend). Keep it as securely as the office file and send "
                         "it only to the county.")
DESCRIPTION_WIDTH = 90  # characters: the Contents sheet's "What it shows"

NOTHING_YET = ("This file has no projects, scenarios, awards, allocations, reviews, pooled funds, indicator figures "
               "or budgets yet, so the workbook has no other sheet.")


def _write_contents(ws, fmt: _Formats, manifest: dict[str, str], sheets, include_referrals: bool, raw: int,
                    pending: Sequence[tuple[str, str]] = ()) -> None:
    ws.write(0, 0, "Safer Desk export for the county", fmt.title)
    exported = _exported_at(manifest.get("exported_at", ""))
    facts = [
        ("Office", manifest.get("office_name", "")),
        ("Exported on", exported),
        ("Exported by", manifest.get("exported_by", "")),
        ("Individual referrals", VICTIM_LEVEL_INCLUDED if include_referrals else
         "left out (the funds' spend is given as totals by district and month)"),
        ("Raw tables", f"{counted(raw, 'sheet')} at the end" if raw else
         "not included (export with --raw-tables for them)"),
        ("Checksum (SHA-256 of the rows)", manifest.get("checksum", "")),
        *pending,
    ]
    for r, (label, value) in enumerate(facts, start=2):
        ws.write(r, 0, label, fmt.bold)
        if isinstance(value, datetime):
            ws.write_datetime(r, 1, value, fmt.kinds["date"])
        elif len(str(value)) > DESCRIPTION_WIDTH - 4:  # wrapped as the sheets' descriptions are, not cut off
            ws.write_string(r, 1, str(value), fmt.wrapped)
            ws.set_row(r, 15 * math.ceil(len(str(value)) / (DESCRIPTION_WIDTH - 4)))
        else:
            ws.write(r, 1, value)
    start = len(facts) + 3
    if not sheets:  # a heading over nothing reads as sheets lost; the board report of such a file says it as words
        ws.write(start, 0, NOTHING_YET, fmt.bold)
    else:
        ws.write_row(start, 0, ["Sheet", "What it shows", "Rows"], fmt.header)
    for r, (name, sheet) in enumerate(sheets, start=start + 1):
        ws.write_url(r, 0, f"internal:'{name}'!A1", fmt.link, string=name)
        # wrapped in its column, the row as tall as its lines: on one line Excel cut it off at the Rows figure
        ws.write_string(r, 1, sheet.description, fmt.wrapped)
        ws.set_row(r, 15 * max(1, math.ceil(len(sheet.description) / (DESCRIPTION_WIDTH - 4))))
        ws.write_number(r, 2, sheet.row_count, fmt.count_top)
    ws.write(start + len(sheets) + 2, 0, "Money is in pounds (£); dates are dd/mm/yyyy; totals are SUM formulas "
                                         "over the rows above them.", fmt.note)
    ws.set_column(0, 0, 32)
    ws.set_column(1, 1, DESCRIPTION_WIDTH)
    ws.set_column(2, 2, 8)
    ws.freeze_panes(start + 1, 0)


def _exported_at(text: str) -> datetime | str:
    """The manifest's moment (UTC) on this computer's clock: the day the sheets' "Figures as at" say (their today)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return (moment.astimezone() if moment.tzinfo else moment).replace(tzinfo=None)


def _cell(ws, fmt: _Formats, r: int, c: int, value: Any, kind: str) -> int:
    """Write one cell; returns its width in characters."""
    if value is None or value == "":
        ws.write_blank(r, c, None)
        return 0
    if kind in ("date", "month"):
        day = _as_date(value)
        if day is not None:
            ws.write_datetime(r, c, datetime(day.year, day.month, day.day), fmt.kinds[kind])
            return 10
    if kind == "money" and isinstance(value, int) and not isinstance(value, bool):
        ws.write_number(r, c, value / 100, fmt.kinds["money"])
        return len(f"£{value / 100:,.2f}")
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = Number(value, places_needed(value))  # a bare number: the places it needs
    if kind == "number" and isinstance(value, Number):
        ws.write_number(r, c, value.value, fmt.number(value.places, value.unit))
        return len(f"{value.value:,.{value.places}f}{value.unit}")
    if kind == "percent" and isinstance(value, Number):  # a fraction shown with the places the tab shows it with
        ws.write_number(r, c, value.value, fmt.percent(value.places))
        return len(f"{value.value * 100:.{value.places}f}%")
    if kind in ("count", "percent") and isinstance(value, (int, float)) and not isinstance(value, bool):
        ws.write_number(r, c, value, fmt.kinds[kind])
        return len(f"{value:,}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # a number (a raw table's victims, spend lines, figure) stays one Excel can add up; ids and codes that only
        # look numeric are text in the file ("1", "E07000200") and stay text
        ws.write_number(r, c, value)
        return len(str(value))
    ws.write_string(r, c, in_a_cell(str(value)))
    return len(str(value))


def _write_sheet(ws, fmt: _Formats, sheet: WorkbookSheet) -> None:
    from xlsxwriter.utility import xl_rowcol_to_cell

    ws.write(0, 0, sheet.title, fmt.title)
    row = 1
    if sheet.note:
        ws.write(1, 0, sheet.note, fmt.note)
        row = 2
    widths = [min(40, len(c.title)) for c in sheet.columns]
    header_row = None
    for block in sheet.blocks or [Block([])]:
        row += 1
        if block.title:
            ws.write(row, 0, block.title, fmt.bold)
            row += 1
        ws.write_row(row, 0, [c.title for c in sheet.columns], fmt.header)
        if header_row is None:
            header_row = row
        first = row + 1
        for values in block.rows:
            row += 1
            for c, column in enumerate(sheet.columns):
                value = values[c] if c < len(values) else None
                widths[c] = max(widths[c], min(60, _cell(ws, fmt, row, c, value, column.kind)))
        last = row
        if len(sheet.blocks) == 1 and block.rows:
            ws.autofilter(first - 1, 0, last, len(sheet.columns) - 1)
        if block.totalled and any(c.total for c in sheet.columns) and block.rows:
            row += 1
            ws.write(row, 0, block.total_label, fmt.totals["text"])
            for c, column in enumerate(sheet.columns):
                if not column.total:
                    continue
                cells = [v[c].value if isinstance(v[c], Number) else v[c] for v in block.rows if c < len(v)]
                cached = sum(x for x in cells if isinstance(x, (int, float)) and not isinstance(x, bool))
                formula = f"=SUM({xl_rowcol_to_cell(first, c)}:{xl_rowcol_to_cell(last, c)})"
                if column.kind == "money":
                    ws.write_formula(row, c, formula, fmt.totals["money"], cached / 100)
                    shown = f"{'-' if cached < 0 else ''}£{abs(cached) / 100:,.2f}"
                else:
                    ws.write_formula(row, c, formula, fmt.totals["count"], cached)
                    shown = f"{cached:,.0f}"
                # the total is wider than any row above it (and bold): sized to it, not shown as ########
                widths[c] = max(widths[c], min(60, len(shown) + 1))
        if block.note:
            row += 1
            ws.write(row, 0, block.note, fmt.note)
        row += 1
    for c, column in enumerate(sheet.columns):
        ws.set_column(c, c, (column.width or widths[c]) + 2)
    if header_row is not None:
        ws.freeze_panes(header_row + 1, 0)
