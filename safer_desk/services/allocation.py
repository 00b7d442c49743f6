"""The allocation calculator's user actions: read inputs, calculate, save and compare scenarios, export.

The window and `safer-desk allocate` call the same functions here; the formula
itself is the pure ``domain.allocation``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from safer_desk.domain import clock
from safer_desk.domain.allocation import (DEFAULT_FACTOR, AllocationError, AllocationOptions, AllocationResult,
                                          ColumnTotals, Factor, PartnershipInput, TopSliceResult, allocate_by_formula,
                                          csp_area, damping_limit_text, equal_shares_note, format_fraction,
                                          is_accounting_zero, others_total_message, parse_fraction, parse_number,
                                          parse_percent, parse_units, parse_weight, plain_number, top_slice,
                                          total_line_message, units_problem, window_take_sum)
from safer_desk.domain.checks import split_row_message
from safer_desk.domain.ids import new_id, reference_id
from safer_desk.domain.money import (MoneyError, format_money, format_pounds_plain, not_a_value_from_the_sheet,
                                    parse_pence, table_money)
from safer_desk.domain.periods import FinancialYear, PeriodError
from safer_desk.domain.text import (column_letter, counted, filled_width, find_typed, in_words, shortened,
                                typed_name_key)
from safer_desk.services.district_counties import english_name
from safer_desk.exchange.files import (SAVE_AS_CSV, NotCsvText, csv_rows, csv_text_of, find_headings, is_utf16,
                                      other_separator, refuse_other_kind, utf16_text)
from safer_desk.storage.kinds import SQLITE_START
from safer_desk.storage import snapshots
from safer_desk.storage.store import Store

AREA = "allocation"


class ScenarioError(ValueError):
    """A scenario that cannot be saved or found; the message says why."""


# -- reading inputs ---------------------------------------------------------------------

def _clean_header(name: str) -> str:
    return (name or "").strip().lower().replace(" ", "_")


def _headings(rows: Sequence[Sequence[str]]) -> tuple[list, Iterator[tuple[int, Any]]]:
    """The row naming a partnership column (within the first ten) and the numbered rows below it."""
    return find_headings(rows, lambda row: "partnership" in {_clean_header(h) for h in row})


def read_input_rows(rows: Sequence[Sequence[str]], *, factors: Sequence[str] | None = None,
                    source: str = "the input", notes: list[str] | None = None) -> list[PartnershipInput]:
    """Rows of text with a header (partnership, fixed_units, basis or factor columns[, previous or Last year]) as
    inputs.

    A title and blank rows above the headings are passed over. Every problem names the row (as a spreadsheet
    numbers it) and the column. Columns not read are named in ``notes`` (``unread_columns_note``).
    """
    _refuse_empty(rows, source)
    heading, body = _headings(rows)
    wanted = list(factors) if factors else [DEFAULT_FACTOR]
    # The tab heads last year's column "Last year" (and a paste reads it so): passed over here, it went unsaid.
    factor_columns = {_clean_header(f) for f in wanted}
    header = ["previous" if h == "last_year" and h not in factor_columns else h
              for h in (_clean_header(h) for h in heading)]
    index = {h: i for i, h in enumerate(header) if h}
    missing = [c for c in ["partnership", "fixed_units", *(_clean_header(f) for f in wanted)] if c not in index]
    if missing:
        _refuse_other_separator(heading, source)
        names = ", ".join(f"“{m}”" for m in missing)
        raise AllocationError(f"{source} has no column {names} (it has: {', '.join(h for h in header if h)})"
                              + _factor_hint(heading, header, missing, factors) + ".")
    _refuse_repeated_columns(header, ["partnership", "fixed_units", *(_clean_header(f) for f in wanted), "previous"],
                             source)
    if notes is not None and (unread := unread_columns_note(heading, header, wanted, source)):
        notes.append(unread)
    result: list[PartnershipInput] = []
    numbers: list[int] = []
    for number, row in body:
        if not any((cell or "").strip() for cell in row):
            continue

        def cell(column: str) -> str:
            i = index.get(column)
            return (row[i] if i is not None and i < len(row) else "").strip()

        name = cell("partnership")
        where = f"{source} row {number}" + (f" ({name})" if name else "")
        if not name:  # often the sheet's total line, its label in a column to the left or merged away
            raise AllocationError(f"{where}: the partnership has no name: type its name, or, if this is the table's "
                                  "total line, leave it out (the totals are added up here).")
        if (total := total_line_message(name)) is not None:
            raise AllocationError(f"{where}: {total}.")
        units_text = cell("fixed_units")
        if not units_text:
            # As for the basis below: a blank read as 0 units takes the partnership's fixed fees away silently.
            raise AllocationError(f"{where}: fixed units is missing (write 0 if the partnership really has none).")
        try:
            units = parse_units(units_text)
        except ValueError:
            raise AllocationError(f"{where}: fixed units “{units_text}” is not a whole number.") from None
        if (problem := units_problem(units, units_text)) is not None:
            raise AllocationError(f"{where}: fixed units {problem}")
        values = {}
        for factor in wanted:
            text = cell(_clean_header(factor))
            if not text:
                # A blank is not a zero: a row whose basis was lost (a short row, a cell not filled in)
                # would otherwise silently get no variable share at all.
                raise AllocationError(f"{where}: {factor} is missing (write 0 if the partnership really has none).")
            if said := not_a_value_from_the_sheet(text, what="a figure"):
                raise AllocationError(f"{where}: {factor} {said}")
            try:
                values[factor] = parse_number(text, what=f"{where}, {factor}")
            except AllocationError as exc:
                raise AllocationError(str(exc).replace(f"{where}, {factor}: ", f"{where}: {factor} ")) from None
        previous = None
        if "previous" in index and is_accounting_zero(cell("previous")):
            previous = 0
        elif "previous" in index and cell("previous"):
            try:
                previous = parse_pence(cell("previous"))
            except MoneyError as exc:
                raise AllocationError(f"{where}: previous: {exc}") from None
            if previous < 0:
                raise AllocationError(f"{where}: previous “{cell('previous')}” is negative.")
        result.append(PartnershipInput(name, units, values, previous))
        numbers.append(number)
    if not result:
        raise AllocationError(f"{source} has a header but no partnerships.")
    _refuse_listed_twice(result, numbers, source)
    totals = ColumnTotals.of(result)
    for at, number in enumerate(numbers):  # a total line labelled otherwise ("Suffolk"): half the pot, silently
        if (total := others_total_message(result, at, totals)) is not None:
            raise AllocationError(f"{source} row {number} ({result[at].name}): {total}.")
    return result


def unread_columns_note(heading: Sequence[str], header: Sequence[str], wanted: Sequence[str], source: str) -> str:
    """The headed columns the calculation passes over, named ("" when none): last year's money headed "Previous (£)"
    was passed over unsaid, and the previous and variance columns came out empty with no reason given."""
    read = ["partnership", "fixed_units", *(_clean_header(f) for f in wanted)]
    if "previous" in header:
        read.append("previous")
    unread = [str(h).strip() for h, clean in zip(heading, header) if clean and clean not in read]
    if not unread:
        return ""
    columns = "column" if len(unread) == 1 else "columns"
    hint = ("" if "previous" in read else
            f" If {'it holds' if len(unread) == 1 else 'one holds'} last year's allocations, head it “previous” to "
            "compare with them.")
    return (f"{source}: the {columns} {in_words([f'“{h}”' for h in unread])} {'is' if len(unread) == 1 else 'are'} "
            f"not read (the columns read: {', '.join(read)}).{hint}")


def _factor_hint(heading: Sequence[str], header: Sequence[str], missing: Sequence[str],
                 factors: Sequence[str] | None) -> str:
    """With no --factor given and only "basis" missing, how to use the columns left over: the figures headed as the
    tab heads them ("BCS comparator offences 2007-08") were refused with no word of --factor, which reads them."""
    if factors or list(missing) != [DEFAULT_FACTOR]:
        return ""
    others = [str(h).strip() for h, clean in zip(heading, header)
              if clean and clean not in ("partnership", "fixed_units", "previous")]
    if not others:
        return ""
    options = " ".join(f'--factor "{h}=1"' for h in others)
    return f": head the figures to share by “{DEFAULT_FACTOR}”, or name their column on --factor: {options}"


def _refuse_listed_twice(partnerships: Sequence[PartnershipInput], numbers: Sequence[int], source: str) -> None:
    """One partnership on two rows (in any case or spacing) would take two shares: which rows, and the way on (the
    domain's "listed twice" names neither the rows nor the file)."""
    rows: dict[str, list[int]] = {}
    for at, p in enumerate(partnerships):
        rows.setdefault(typed_name_key(p.name), []).append(at)
    if (clash := next((r for r in rows.values() if len(r) > 1), None)) is not None:
        spelt = in_words(list(dict.fromkeys(f"“{partnerships[at].name}”" for at in clash)))
        raise AllocationError(
            f"{source} rows {in_words([str(numbers[at]) for at in clash])} are one partnership ({spelt}) listed "
            f"{'twice' if len(clash) == 2 else f'{len(clash)} times'}: a partnership takes one row. Delete the extra "
            "row (or add its figures into the other), or rename it if it is another partnership, and run again.")


def _refuse_empty(rows: Sequence[Sequence[str]], source: str) -> None:
    """No rows, or blank ones only (blank lines, or the commas Excel leaves of rows whose contents were deleted):
    said so, not that the headings are missing."""
    if not any((cell or "").strip() for row in rows for cell in row):
        raise AllocationError(f"{source} is empty: it needs a header row and a row per partnership.")


def _refuse_repeated_columns(header: list[str], read: list[str], source: str) -> None:
    """Two columns of one heading the calculation reads: which is meant cannot be told (a sheet keeping an old
    or trial "basis" column beside the real one), and taking either would split the money silently wrong."""
    for name in read:
        at = [i for i, h in enumerate(header) if h == name]
        if len(at) > 1:
            count = {2: "two", 3: "three"}.get(len(at), str(len(at)))
            numbers = in_words([str(i + 1) for i in at])
            letters = in_words([column_letter(i) for i in at])
            raise AllocationError(
                f"{source} has {count} columns headed “{name}” (columns {numbers}: {letters}), and which one is "
                f"meant cannot be told. Keep the one to use, delete or rename the other{'s' if len(at) > 2 else ''} "
                f"(for example to “old {name}”), and run again.")


def _refuse_other_separator(heading: list, source: str) -> None:
    if sep := other_separator(heading):
        raise AllocationError(f"{source} has its columns separated by {sep}, not commas; {SAVE_AS_CSV}.")


def _refuse_workbook(data: bytes, name: str) -> None:
    """The partnerships kept in an Excel workbook, as officers keep them, or a CSV still in the zip it came in: said as
    the workbook or zip it is, not as text in neither UTF-8 nor Windows-1252 (a Mac's CSV), as its bytes read."""
    if not data.startswith(b"PK"):
        return
    import io
    import zipfile

    from safer_desk.storage.kinds import workbook_in_zip

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            kind = workbook_in_zip(archive.namelist())
    except zipfile.BadZipFile:
        return
    if kind:
        raise AllocationError(f"{name} is {kind}, not a CSV file: open it in Excel and save it as “CSV UTF-8 (Comma "
                              "delimited)”, then give that file.")
    raise AllocationError(f"{name} is a zip file, not a CSV file: take the CSV file of the partnerships out of it and "
                          "give that.")


def _names_partnership(heading: Sequence[str]) -> bool:
    return "partnership" in {_clean_header(h) for h in heading}


def _rows_by_separator(text: str, name: str) -> tuple[list[list[str]], bool]:
    """The file's rows split at commas, or at tabs when that is how its heading row is split (Excel's "Text (Tab
    delimited)" and "Unicode Text"): a tab is never part of a figure, so it cannot be misread. It was refused, saying
    to save the sheet again as CSV. Semicolons are still refused: "2,442" in a sheet whose lists use semicolons may
    be 2.442, which cannot be told. With whether it was split at tabs."""
    rows = list(csv_rows(text, name, AllocationError))
    if not text or "\t" not in text or _names_partnership(_headings(rows)[0]):
        return rows, False
    try:
        tabbed = list(csv_rows(text, name, AllocationError, delimiter="\t"))
    except AllocationError:  # not tab-separated text after all: said as the CSV it was read as
        return rows, False
    tab_heading = _headings(tabbed)[0]
    if (len(tab_heading) > 1 and _names_partnership(tab_heading)) or other_separator(_headings(rows)[0]) == "tabs":
        return tabbed, True
    return rows, False


def _unheaded_value_message(row: Sequence[str], columns: int) -> str | None:
    """Why a tab-separated row with a value past the last heading cannot be read, or None: no comma split it (as in a
    CSV, split_row_message), so it is a value with no heading, which cannot be told for what it is."""
    width = filled_width(row)
    if width <= columns:
        return None
    at = next(i for i in range(columns, width) if str(row[i] or "").strip())
    return (f"it has {width} values but the heading row names {counted(columns, 'column')}: the value in column "
            f"{column_letter(at)} (“{shortened(str(row[at]).strip())}”) has no heading, so what it is cannot be told. "
            "Give its column a heading (a column not read is passed over and named) or delete it, and run again")


def read_input_csv(path: Path | str, *, factors: Sequence[str] | None = None,
                   notes: list[str] | None = None) -> list[PartnershipInput]:
    """Read INPUT.csv as Excel saves it (UTF-8 with or without its byte-order mark, or Windows-1252; comma- or
    tab-separated, or "Unicode Text"); columns not read are named in ``notes``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AllocationError(f"there is no file at {path}") from None
    except OSError as exc:  # a folder (Windows says "Permission denied"), or a file open in Excel on Windows
        if path.is_dir():
            raise AllocationError(f"{path.name or path} is a folder, not a CSV file: give the CSV file of the "
                                  "partnerships in it.") from None
        close = (": if it is open in Excel (or another program), close it there and run again"
                 if isinstance(exc, PermissionError) else "")
        raise AllocationError(f"{path.name} cannot be read ({exc.strerror or exc}){close}.") from None
    if data.startswith(SQLITE_START):  # an office file given for its partnerships: not figures to save as CSV
        columns = ", ".join(["partnership", "fixed_units", *(_clean_header(f) for f in factors or [DEFAULT_FACTOR])])
        raise AllocationError(f"{path.name} is an SQLite database (a Safer Desk file?), not a CSV file: give a CSV "
                              f"file of the partnerships, with the columns {columns}.")
    try:
        if data:  # 0 bytes: said below to be empty, as a file of blank lines is
            refuse_other_kind(data, path.name, AllocationError, "save it as “CSV UTF-8 (Comma delimited)”")
            _refuse_workbook(data, path.name)
        # Excel's "Unicode Text" is UTF-16 with its byte-order mark, tab-separated: read, as its "Text (Tab
        # delimited)" is (csv_text_of refuses UTF-16 for the files that must be comma-separated).
        text = (utf16_text(data) if is_utf16(data) else csv_text_of(data, path.name)) if data else ""
    except (NotCsvText, UnicodeDecodeError) as exc:
        raise AllocationError(str(exc) if isinstance(exc, NotCsvText) else
                              f"{path.name} cannot be read as UTF-16 text; {SAVE_AS_CSV}.") from None
    rows, tabbed = _rows_by_separator(text, path.name)
    _refuse_empty(rows, path.name)
    heading, body = _headings(rows)
    _refuse_other_separator(heading, path.name)  # first: "£70,725" in a semicolon file looks like a split value
    too_wide = _unheaded_value_message if tabbed else split_row_message
    for number, row in body:
        if (split := too_wide(row, len(heading))) is not None:
            raise AllocationError(f"{path.name} row {number}: {split}.")
    return read_input_rows(rows, factors=factors, source=path.name, notes=notes)


# -- options as people type them ------------------------------------------------------------

# The input columns that are not factors (as --factor names them), as the window refuses a factor named as another
# column: last year's allocation is what this year is compared with (split pro rata to it, this year would be
# compared with itself; --damping keeps near it).
LAST_YEAR = "last year's allocation, the column this year is compared with"
INPUT_COLUMNS = {"partnership": ("the partnerships' names", ""), "fixed_units": ("the fixed part's units", ""),
                 "previous": (LAST_YEAR, "; to keep near last year, use --damping"),
                 "last_year": (LAST_YEAR, "; to keep near last year, use --damping")}


def parse_factor_weights(items: Iterable[str], *, what: str = "--factor") -> tuple[Factor, ...]:
    """NAME=WEIGHT pairs ("population=50", "crime=25%") as weighted factors."""
    factors = []
    for item in items:
        name, sep, weight_text = (item or "").partition("=")
        name = name.strip()
        if not sep or not name or not weight_text.strip():
            raise AllocationError(f"{what} “{item}”: write it as NAME=WEIGHT, for example population=50.")
        if (column := INPUT_COLUMNS.get(_clean_header(name))) is not None:
            raise AllocationError(f"{what} “{item}”: {name} is {column[0]}, not a factor: name a column that counts "
                                  f"something (population, crime){column[1]}.")
        weight = parse_weight(weight_text, what=f"{what} “{item}”")
        # "Crime" reads the column "crime" as "crime" does: given twice, the one column took both weights.
        same = next((f for f in factors if _clean_header(f.name) == _clean_header(name)), None)
        if same is not None:
            also = "" if same.name == name else f" (as {same.name}: both read the column {_clean_header(name)})"
            raise AllocationError(f"{what} “{item}”: the factor {name} is given twice{also}.")
        factors.append(Factor(name, weight))
    return tuple(factors)


def amount_option(label: str, text: str) -> int:
    """An amount typed for an option, in pence; refused naming the option when malformed or negative."""
    try:
        value = parse_pence(text)
    except MoneyError as exc:
        raise AllocationError(f"{label}: {exc}") from None
    if value < 0:
        raise AllocationError(f"{label}: “{text}” is negative.")
    return value


def build_options(*, pot: str | None = None, previous_total: str | None = None, retain: str | None = None,
                  fixed_share: str | None = None, rounding: str = "exact", unit: str = "pound",
                  factors: Sequence[Factor] | None = None, damping: str | None = None,
                  names: dict[str, str] | None = None) -> AllocationOptions:
    """Options from text as typed; every message names the option (``names`` maps to the caller's labels)."""
    label = {"pot": "pot", "previous_total": "previous total", "retain": "retain", "fixed_share": "fixed share",
             "rounding": "rounding", "unit": "unit", "damping": "damping", **(names or {})}

    def money(key: str, text: str) -> int:
        return amount_option(label[key], text)

    if pot not in (None, "") and previous_total not in (None, ""):
        raise AllocationError(f"give either {label['pot']} or {label['previous_total']}, not both.")
    pot_pence = previous_pence = None
    retain_fraction = Fraction(0)
    if pot not in (None, ""):
        pot_pence = money("pot", pot)
        if retain not in (None, ""):  # hold back a share of this year's grant (10% is the common case)
            retain_fraction = parse_percent(retain, what=label["retain"])
    elif previous_total not in (None, ""):
        previous_pence = money("previous_total", previous_total)
        if retain in (None, ""):
            raise AllocationError(f"{label['previous_total']} needs {label['retain']} (the percentage kept back; "
                                  "0 if none).")
        retain_fraction = parse_percent(retain, what=label["retain"])
    else:
        raise AllocationError(f"give {label['pot']}, or {label['previous_total']} and {label['retain']}.")
    # £0 is no pot at all, as the window says ("No pot given"): not a split of nothing with every partnership 100%
    # down on last year. A total all retained (100%) is a pot of £0 split as it is.
    if pot_pence == 0:
        raise AllocationError(f"{label['pot']}: a pot of £0 is nothing to split: give the amount to split.")
    if previous_pence == 0:
        raise AllocationError(f"{label['previous_total']}: last year's total of £0 leaves nothing to split: give last "
                              f"year's total (the pot is it less {label['retain']}).")
    fixed_fraction, per_unit = Fraction(0), None
    if fixed_share not in (None, ""):
        text = fixed_share.strip()
        if text.startswith("£"):  # a set amount per unit (Warwickshire's £30k per area)
            per_unit = money("fixed_share", text)
        else:
            fixed_fraction = parse_fraction(text, what=label["fixed_share"])
    if rounding not in ("exact", "percent-2dp"):
        raise AllocationError(f"{label['rounding']}: “{rounding}” is not known; use exact or percent-2dp.")
    if unit not in ("pound", "penny"):
        raise AllocationError(f"{label['unit']}: “{unit}” is not known; use pound or penny.")
    damping_fraction = parse_percent(damping, what=label["damping"]) if damping not in (None, "") else None
    return AllocationOptions(pot_pence=pot_pence, previous_total_pence=previous_pence, retain=retain_fraction,
                             fixed_share=fixed_fraction, fixed_per_unit_pence=per_unit, rounding=rounding, unit=unit,
                             factors=tuple(factors) if factors else (Factor(DEFAULT_FACTOR),),
                             damping=damping_fraction)


def calculate(partnerships: Sequence[PartnershipInput], options: AllocationOptions, *,
              take_sum: Callable[[int], str] = window_take_sum) -> AllocationResult:
    """Run the formula (the same call for the window and the command line; ``take_sum``: how the caller takes the
    Last year column's sum as last year's total, as its warning says)."""
    return allocate_by_formula(partnerships, options, take_sum=take_sum)


# -- tables for the command line, exports and the board report ----------------------------------

CLI_HEADER = ["partnership", "fixed_units", "basis", "basis_share_pct", "fixed", "variable", "total", "previous",
              "variance"]


CLI_TOTALS = "Totals"


def cli_rows(result: AllocationResult, *, totals: bool = True) -> list[list[str]]:
    """DESIGN.md §4's CSV: amounts in plain pounds, the share as printed; basis blank with several factors.

    The last row is the totals row (partnership "Totals"), as the paper's table ends: fixed units, the
    basis total, the shares added up (100.00; 0.00 with nothing to share by), and the fixed, variable, total,
    previous and variance columns added up.
    """
    single = result.options.factors[0].name if len(result.options.factors) == 1 else None
    rows = []
    fees = [cli_fees(r) for r in result.rows]
    for r, (fixed, variable) in zip(result.rows, fees):
        basis = plain_number(r.values.get(single, Fraction(0))) if single else ""
        rows.append([r.name, str(r.fixed_units), basis, r.share_pct, format_pounds_plain(fixed),
                     format_pounds_plain(variable), format_pounds_plain(r.total_pence),
                     "" if r.previous_pence is None else format_pounds_plain(r.previous_pence),
                     "" if r.variance_pence is None else format_pounds_plain(r.variance_pence)])
    if totals:
        previous = result.previous_sum_pence
        variance = result.variance_pence
        rows.append([CLI_TOTALS, str(result.fixed_units),
                     plain_number(result.factor_totals[single]) if single else "", total_share_pct(result),
                     format_pounds_plain(sum(f for f, _ in fees)), format_pounds_plain(sum(v for _, v in fees)),
                     format_pounds_plain(result.total_pence), "" if previous is None else format_pounds_plain(previous),
                     "" if variance is None else format_pounds_plain(variance)])
    return rows


def cli_fees(row) -> tuple[int, int]:
    """A row's fixed and variable fees as the CSV prints them, damping's adjustment in the variable fee: where damping
    took more than the variable fee, the rest comes off the fixed fee, which is printed as what is left of it. A new
    partnership damped to £0 printed a variable fee of -24444 beside its fixed fee of 24444: no fee is negative."""
    variable = row.variable_pence + row.damping_pence
    return (row.fixed_pence + variable, 0) if variable < 0 else (row.fixed_pence, variable)


def damping_in_variable_note(result: AllocationResult) -> str:
    """What the command line says when damping moved amounts ("" when it moved none): its CSV has no Damping column
    (DESIGN.md §4), so each adjustment is in the variable column, where the window shows it apart; a partnership with
    no crime counted printed a variable fee of £80,064 under a share of 0.00% without a word."""
    moved = [(r.name, r.damping_pence) for r in result.rows if r.damping_pence]
    if not moved:
        return ""
    money = table_money(pence for _, pence in moved)
    said = ", ".join(f"{name} {'+' if pence > 0 else ''}{money(pence)}" for name, pence in moved)
    into_fixed = [(r, cli_fees(r)[0]) for r in result.rows if r.variable_pence + r.damping_pence < 0]
    fixed = " ".join(f"For {r.name} damping took more than its variable fee, {format_money(r.fixed_pence - kept)} "
                     f"of its {format_money(r.fixed_pence)} fixed fee too: the fixed column shows the "
                     f"{format_money(kept)} it keeps and the variable column 0." for r, kept in into_fixed)
    return (f"Damping (±{damping_limit_text(result)}%) moved amounts between partnerships, and the variable column "
            f"includes the damping adjustment (the window shows it in its own Damping column): {said}."
            + (f" {fixed}" if fixed else ""))


def total_share_pct(result: AllocationResult) -> str:
    """The partnerships' shares added up, as printed: "100.00", or "0.00" when every count is 0 (a pot shared wholly
    by the fixed fee, nothing to share by): a total of 100.00 under rows of 0.00 added up to nothing."""
    from safer_desk.domain.money import format_percent

    return format_percent(sum((r.weight for r in result.rows), Fraction(0)))


def table_header(result: AllocationResult) -> list[str]:
    """The paper's columns: fixed fee, variable fee, each factor and its share, this year, last year, variance."""
    header = ["Partnership", "Fixed units", "Fixed fee", "Variable fee"]
    if result.options.damping is not None:
        header.append("Damping")
    for f in result.options.factors:
        header += [f.title, f"{f.title} as % of the total"]
    if len(result.options.factors) > 1:
        header.append("Weighted share %")
    header += ["This year", "Last year", "Variance"]
    return header


def table_rows(result: AllocationResult, *, money=format_money, number=None, totals: bool = True,
               percent=None, names: Sequence[str] | None = None, total_label: str = "Totals") -> list[list]:
    """The results as rows (money formatted by ``money``; pass ``lambda p: p`` for raw pence; shares as "9.08%"
    unless ``percent`` is given, called with the share as printed, "9.08", and the exact share, a fraction of one).
    ``names``: the partnerships to give, in that order (those a filter on the Results table shows), the totals line
    (``total_label``) totalling those; every partnership, as the paper lists them, when None."""
    from safer_desk.domain.allocation import format_number
    from safer_desk.domain.money import format_percent

    number = number or format_number
    percent = percent or (lambda printed, exact: printed + "%")
    factors = result.options.factors
    chosen = _rows_named(result, names)
    if len(chosen) != len(result.rows):
        return _part_rows(result, chosen, money=money, number=number, percent=percent, totals=totals,
                          total_label=total_label)
    rows = []
    for r in result.rows:
        row = [r.name, r.fixed_units, money(r.fixed_pence), money(r.variable_pence)]
        if result.options.damping is not None:
            row.append(money(r.damping_pence))
        for f in factors:
            share = r.factor_shares[f.name]
            row += [number(r.values.get(f.name, Fraction(0))), percent(format_percent(share), share)]
        if len(factors) > 1:
            row.append(percent(r.share_pct, r.weight))
        row += [money(r.total_pence), "" if r.previous_pence is None else money(r.previous_pence),
                "" if r.variance_pence is None else money(r.variance_pence)]
        rows.append(row)
    if chosen != list(result.rows):  # every partnership, in the order the Results table is sorted in
        index = {r.name: i for i, r in enumerate(result.rows)}
        rows = [rows[index[r.name]] for r in chosen]
    if totals:
        row = [total_label, result.fixed_units, money(result.fixed_total_pence), money(result.variable_total_pence)]
        if result.options.damping is not None:
            row.append(money(sum(r.damping_pence for r in result.rows)))
        for f in factors:
            share = sum((r.factor_shares[f.name] for r in result.rows), Fraction(0))
            row += [number(result.factor_totals[f.name]), percent(format_percent(share), share)]
        if len(factors) > 1:
            share = sum((r.weight for r in result.rows), Fraction(0))
            row.append(percent(total_share_pct(result), share))
        previous = result.previous_sum_pence
        row += [money(result.total_pence), "" if previous is None else money(previous),
                "" if result.variance_pence is None else money(result.variance_pence)]
        rows.append(row)
    return rows


def _rows_named(result: AllocationResult, names: Sequence[str] | None) -> list:
    """The result's rows of ``names``, in that order (all, as the paper lists them, for None)."""
    if names is None:
        return list(result.rows)
    by_name = {r.name: r for r in result.rows}
    return [by_name[name] for name in names if name in by_name]


def _part_rows(result: AllocationResult, chosen: Sequence, *, money, number, percent, totals: bool,
               total_label: str) -> list[list]:
    """table_rows for some of the partnerships (or all, in another order): their rows, then a totals line over
    them, labelled ``total_label`` ("Total of the 1 shown (of 7 partnerships)"); shares are each partnership's of
    the whole pot, so the line's share is theirs added up."""
    from safer_desk.domain.money import format_percent

    whole = table_rows(result, money=money, number=number, percent=percent, totals=False)
    index = {r.name: i for i, r in enumerate(result.rows)}
    rows = [whole[index[r.name]] for r in chosen]
    if not totals:
        return rows
    if not chosen:  # a filter hiding every partnership: "None shown (of 5 partnerships)", no sums of nothing
        return [[total_label, *[""] * (len(whole[0]) - 1 if whole else 0)]]
    factors = result.options.factors

    def added(pence) -> int | None:
        values = [v for v in pence if v is not None]
        return sum(values) if values else None

    def said(pence) -> Any:
        return "" if pence is None else money(pence)

    row = [total_label, sum(r.fixed_units for r in chosen), money(sum(r.fixed_pence for r in chosen)),
           money(sum(r.variable_pence for r in chosen))]
    if result.options.damping is not None:
        row.append(money(sum(r.damping_pence for r in chosen)))
    for f in factors:
        share = sum((r.factor_shares[f.name] for r in chosen), Fraction(0))
        row += [number(sum((r.values.get(f.name, Fraction(0)) for r in chosen), Fraction(0))),
                percent(format_percent(share), share)]
    if len(factors) > 1:
        share = sum((r.weight for r in chosen), Fraction(0))
        row.append(percent(format_percent(share), share))
    row += [money(sum(r.total_pence for r in chosen)), said(added(r.previous_pence for r in chosen)),
            said(added(r.variance_pence for r in chosen))]
    return [*rows, row]


def result_sheets(result: AllocationResult, *, title: str = "Allocation", shares_as_numbers: bool = False,
                  more: Sequence[str] = (), names: Sequence[str] | None = None,
                  total_label: str = "Totals") -> list:
    """The results as sheets for the one export path (``exchange.tables.write_table``): money as pence,
    factor values as numbers, then how each figure was worked out. ``shares_as_numbers`` (for a workbook): each
    share a number with a percent format (9.08%), which Excel adds up and charts; otherwise as the text formats
    print it, "9.08%". An exact share is held exactly (1/3 shows as 33.33%, and three of them add up to the Totals
    row's 100%); the legacy two-decimal rounding's is the rounded one its spreadsheet multiplied by. ``more``: other
    warnings the tab says above the results (Last year figures that are the year before's own), after the formula's.
    ``names`` and ``total_label``: the partnerships the Results table shows and its totals line (table_rows)."""
    from safer_desk.exchange.files import Sheet

    header = table_header(result)
    legacy = result.options.rounding == "percent-2dp"
    held = (lambda printed, exact: Decimal(printed) if legacy else float(exact * 100)) if shares_as_numbers else None
    rows = table_rows(result, money=lambda p: p, number=lambda v: float(v) if v.denominator != 1 else v.numerator,
                      percent=held, names=names, total_label=total_label)
    money_columns = {i for i, h in enumerate(header)
                     if h in ("Fixed fee", "Variable fee", "Damping", "This year", "Last year", "Variance")}
    # No figure last year is an empty cell, not a text one: Excel's =H6-I6 on "" is #VALUE!.
    rows = [[None if i in money_columns and cell == "" else cell for i, cell in enumerate(row)] for row in rows]
    notes = [[note] for note in (*result.notes, *result.warnings, *more)]
    shares = {i for i, h in enumerate(header) if h.endswith("as % of the total") or h == "Weighted share %"} \
        if shares_as_numbers else set()
    return [Sheet("Allocation", header, rows, money_columns, title=title, percent_columns=shares),
            Sheet("How it was worked out", ["Explanation"],
                  [[result.explain(r.name)] for r in _rows_named(result, names)] + notes)]


# -- scenarios ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ScenarioSummary:
    id: str
    name: str
    year: str
    saved_at: str
    total_pence: int
    partnerships: int
    adopted: bool = False

    @property
    def title(self) -> str:
        return f"{self.year} — {self.name} (saved {uk_date(self.saved_at)})"


@dataclass(frozen=True)
class Scenario:
    """A saved allocation: its inputs frozen, and the amounts it gave when saved."""

    id: str
    name: str
    year: str
    saved_at: str
    notes: str
    partnerships: tuple[PartnershipInput, ...]
    options: AllocationOptions
    saved_totals: dict  # partnership -> (fixed, variable, damping, total) pence as saved
    adopted: bool = False

    def result(self) -> AllocationResult:
        return allocate_by_formula(self.partnerships, self.options)

    @property
    def title(self) -> str:
        return f"{self.year} — {self.name}"


def uk_date(iso: str) -> str:
    """A saved timestamp as a British date: 01/03/2009."""
    try:
        day = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return day.strftime("%d/%m/%Y")


def _now() -> str:
    return clock.now_iso()


def _year_label(year: str) -> str:
    if not (year or "").strip():  # said as missing, not as 'Year: “” is not a financial year'
        raise ScenarioError("Year: none given; type the financial year it is for (a form like 2018/19).")
    try:
        return FinancialYear.parse(year).label
    except PeriodError as exc:
        raise ScenarioError(f"Year: {exc}") from None


def save_scenario(store: Store, name: str, year: str, partnerships: Sequence[PartnershipInput],
                  options: AllocationOptions, *, notes: str = "", scenario_id: str | None = None,
                  saved_at: str | None = None) -> str:
    """Freeze the inputs and the amounts they give under a name and financial year; returns the id."""
    name = (name or "").strip()
    if not name:
        raise ScenarioError("A scenario needs a name.")
    label = _year_label(year)
    result = allocate_by_formula(partnerships, options)  # refuses bad inputs before anything is written
    _refuse_name_taken(store, name, label, scenario_id)
    scenario_id = scenario_id or new_id()
    known = {r["id"] for r in store.rows("SELECT id FROM partnerships")}
    with store.transaction():
        # Saved again under its id: the scenario's row is updated where it stands (its agreed mark kept), and its
        # factors and partnerships' rows keep their ids by name.
        store.conn.execute(
            "INSERT INTO allocation_scenarios(id, name, year, saved_at, notes, pot_pence, previous_total_pence, retain,"
            " fixed_share, fixed_per_unit_pence, rounding, unit, damping, total_pence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in (
                "name", "year", "saved_at", "notes", "pot_pence", "previous_total_pence", "retain", "fixed_share",
                "fixed_per_unit_pence", "rounding", "unit", "damping", "total_pence")),
            (scenario_id, name, label, saved_at or _now(), notes, options.pot_pence, options.previous_total_pence,
             format_fraction(options.retain), format_fraction(options.fixed_share), options.fixed_per_unit_pence,
             options.rounding, options.unit, None if options.damping is None else format_fraction(options.damping),
             result.total_pence),
        )
        snapshots.write_list(store.conn, "allocation_scenario_factors", "scenario_id", scenario_id,
                             ("name", "label", "weight"),
                             [(f.name, f.label, format_fraction(f.weight)) for f in options.factors], new_id,
                             key="name")
        rows = []
        for p, r in zip(partnerships, result.rows):
            pid = _partnership_id(p.name)
            rows.append((p.name, pid if pid in known else None, p.fixed_units,
                         json.dumps({k: format_fraction(v) for k, v in p.values.items()}), p.previous_pence,
                         r.fixed_pence, r.variable_pence, r.damping_pence, r.total_pence))
        snapshots.write_list(store.conn, "allocation_scenario_rows", "scenario_id", scenario_id,
                             ("partnership", "partnership_id", "fixed_units", "factor_values", "previous_pence",
                              "fixed_pence", "variable_pence", "damping_pence", "total_pence"), rows, new_id,
                             key="partnership")
    return scenario_id


def _refuse_name_taken(store: Store, name: str, label: str, scenario_id: str | None) -> None:
    """Another scenario of the year under the same name ("option  2" is "Option 2" typed again: the list could not
    tell two such scenarios apart); a scenario saved again (or renamed) under its own id is not another."""
    existing = next((r[0] for r in store.rows("SELECT name FROM allocation_scenarios WHERE year = ? AND id <> ?",
                                              (label, scenario_id or ""))
                     if typed_name_key(r[0]) == typed_name_key(name)), None)
    if existing is not None:
        raise ScenarioError(f"There is already a {label} scenario called “{existing}”; choose another name.")


def rename_scenario(store: Store, scenario_id: str, name: str) -> str:
    """The scenario under another name, all else as it was (its agreed mark, saved date, inputs and figures): a typo
    put right by Save as new and Delete lost the board's mark. Refused when the name is empty or another scenario's
    of the same year. Returns the name it had."""
    name = (name or "").strip()
    if not name:
        raise ScenarioError("A scenario needs a name.")
    before = store.one("SELECT name, year FROM allocation_scenarios WHERE id = ?", (scenario_id,))
    if before is None:
        raise ScenarioError("That scenario is no longer in the file.")
    _refuse_name_taken(store, name, before["year"], scenario_id)
    with store.transaction():
        store.conn.execute("UPDATE allocation_scenarios SET name = ? WHERE id = ?", (name, scenario_id))
    return before["name"]


def _partnership_id(name: str) -> str | None:
    try:
        return reference_id("partnership", name)
    except ValueError:
        return None


def list_scenarios(store: Store, *, year: str | None = None) -> list[ScenarioSummary]:
    """Saved scenarios, newest year first, then by name."""
    sql = ("SELECT s.id, s.name, s.year, s.saved_at, s.total_pence, "
           "s.adopted, (SELECT count(*) FROM allocation_scenario_rows r WHERE r.scenario_id = s.id) AS n "
           "FROM allocation_scenarios s")
    params: tuple = ()
    if year:
        sql += " WHERE s.year = ?"
        params = (_year_label(year),)
    sql += " ORDER BY s.year DESC, s.saved_at DESC, s.name"
    return [ScenarioSummary(r["id"], r["name"], r["year"], r["saved_at"], r["total_pence"], r["n"], bool(r["adopted"]))
            for r in store.rows(sql, params)]


def set_adopted(store: Store, scenario_id: str, adopted: bool = True) -> str | None:
    """Mark the scenario the board agreed for its allocation (one per year, and in a county file one per year for
    each office's allocation); returns the one of that allocation it replaced."""
    year = store.scalar("SELECT year FROM allocation_scenarios WHERE id = ?", (scenario_id,))
    if year is None:
        raise ScenarioError("That scenario is no longer in the file.")
    versions = same_allocation(store, scenario_id, year)
    marks = ",".join("?" * len(versions))
    before = store.scalar(f"SELECT id FROM allocation_scenarios WHERE adopted = 1 AND id IN ({marks}) "
                          "ORDER BY id = ? DESC, saved_at DESC", (*versions, scenario_id))
    with store.transaction():
        if adopted:
            store.conn.execute(f"UPDATE allocation_scenarios SET adopted = 0 WHERE adopted = 1 AND id <> ? "
                               f"AND id IN ({marks})", (scenario_id, *versions))
        store.conn.execute("UPDATE allocation_scenarios SET adopted = ? WHERE id = ?", (int(adopted), scenario_id))
    return before


def same_allocation(store: Store, scenario_id: str, year: str) -> list[str]:
    """The ids of the year's scenarios that are versions of the same allocation as ``scenario_id`` (its own among
    them): in an office's own file every scenario of the year; in a county file those from the same office (typed in
    the county file alike). Marking the county's main split agreed cleared Ipswich office's separate pot's mark."""
    from safer_desk.services.provenance import ALLOCATIONS, row_origins

    origins = row_origins(store, ALLOCATIONS)
    mine = origins.of(scenario_id)
    return [r[0] for r in store.rows("SELECT id FROM allocation_scenarios WHERE year = ?", (year,))
            if origins.of(r[0]) == mine]


def adopted_scenario(store: Store, year: str | None = None) -> ScenarioSummary | None:
    """The year's agreed scenario, else its latest saved (the latest year's when no year is given). In a county file,
    where each office's allocation has its own agreed one, the largest pot of them (as the board report puts first):
    the Allocation tab opened on Ipswich office's £40,000 small-grants pot, saved last, not the county's £589,608."""
    scenarios = list_scenarios(store, year=year)
    if not scenarios:
        return None
    year_label = scenarios[0].year
    same_year = [s for s in scenarios if s.year == year_label]
    agreed = [s for s in same_year if s.adopted]
    return max(agreed, key=lambda s: (s.total_pence, s.saved_at)) if agreed else max(same_year,
                                                                                      key=lambda s: s.saved_at)


def last_year_carried_over(store: Store, year: str, partnerships: Sequence[PartnershipInput],
                           options: AllocationOptions | None = None) -> str:
    """What is said when the Last year column of inputs for ``year`` (2010/11) holds the figures the year before's
    allocation (the agreed 2009/10 scenario, else its latest saved) was itself compared with, its own Last year
    (2008/09's), not what it allocated: the inputs opened from it and saved for the next year, last year's figures
    not brought on. The variance, and the chart's 2009/10 bars, were then against 2008/09 without a word. "" when
    the figures are not those, when no allocation of the year before is saved, or the year is not one."""
    try:
        this_year = FinancialYear.parse(year)
    except PeriodError:
        return ""
    before, two_before = (FinancialYear(this_year.start_year - n).label for n in (1, 2))
    chosen = adopted_scenario(store, before)
    if chosen is None:
        return ""
    earlier = load_scenario(store, chosen.id)
    theirs = _paired_with(partnerships, earlier.partnerships)
    matched = [(p, theirs[i]) for i, p in enumerate(partnerships) if p.previous_pence is not None and i in theirs]
    if not matched or any(p.previous_pence != q.previous_pence for p, q in matched):
        return ""
    allocated = [(p.name, earlier.saved_totals[q.name][3]) for p, q in matched]
    if all(p.previous_pence == pence for (p, _), (_, pence) in zip(matched, allocated)):
        return ""
    figures = ", ".join(f"{name} {format_money(pence)}" for name, pence in allocated[:3])
    total = (options is not None and options.pot_pence is None
             and options.previous_total_pence == earlier.options.previous_total_pence)
    also = f" (and last year's total, {format_money(options.previous_total_pence)}, which the pot comes from)" \
        if total else ""
    then = ", then press = Sum for last year's total" if total else ""
    return (f"The Last year figures{also} are the ones the {before} allocation “{earlier.name}” was itself compared "
            f"with, {two_before}'s, not what it allocated ({figures}{' …' if len(allocated) > 3 else ''}): the "
            f"variance is against {two_before}, not {before}. Type each partnership's {before} allocation in the Last "
            f"year column{then}.{_not_in_the_year_before(earlier, partnerships, theirs)}")


def _paired_with(ours: Sequence[PartnershipInput], theirs: Sequence[PartnershipInput]) -> dict[int, PartnershipInput]:
    """Each of ``ours`` (by position) paired with its partnership in ``theirs``: by the name as typed, else by its
    area where one of each side is left of that area ("Waveney CSP" in the file's inputs, "Waveney" in an
    allocation typed from the board paper), as Compare scenarios pairs them."""
    by_name = {typed_name_key(q.name): q for q in theirs}
    paired = {i: by_name[typed_name_key(p.name)] for i, p in enumerate(ours) if typed_name_key(p.name) in by_name}
    taken = {id(q) for q in paired.values()}
    paired.update(_paired_by_area([i for i in range(len(ours)) if i not in paired], lambda i: ours[i].name,
                                  [q for q in theirs if id(q) not in taken], lambda q: q.name))
    return paired


def _not_in_the_year_before(earlier: Scenario, partnerships: Sequence[PartnershipInput], theirs: dict) -> str:
    """Across a merger (Waveney and Suffolk Coastal, then East Suffolk in 2019) a partnership of the inputs has no
    allocation of the year before to type: it is named, with the year before's partnerships not in the inputs and
    their figures, which the officer adds up (no successor mapping is assumed). "" when none is new. ``theirs``:
    ``_paired_with`` the inputs."""
    new = [p.name for i, p in enumerate(partnerships) if p.previous_pence is not None and i not in theirs]
    if not new:
        return ""
    paired = {id(q) for q in theirs.values()}
    gone = [f"{p.name} {format_money(earlier.saved_totals[p.name][3])}" for p in earlier.partnerships
            if id(p) not in paired]
    one = len(new) == 1
    was, its, it = ("was", "its", "it") if one else ("were", "their", "they")
    said = f" {in_words(new)} {was} not in that allocation: type in {its} Last year what the {earlier.year} allocation"
    if not gone:
        return f"{said} gave for {its} areas, or leave it blank."
    return (f"{said} gave the partnerships {it} took the place of ({in_words(gone)} "
            f"{'is' if len(gone) == 1 else 'are'} in that allocation and not in these inputs).")


def load_scenario(store: Store, scenario_id: str) -> Scenario:
    head = store.one("SELECT * FROM allocation_scenarios WHERE id = ?", (scenario_id,))
    if head is None:
        raise ScenarioError("That scenario is no longer in the file.")
    factors = tuple(Factor(r["name"], Fraction(r["weight"]), r["label"]) for r in store.rows(
        "SELECT * FROM allocation_scenario_factors WHERE scenario_id = ? ORDER BY position", (scenario_id,)))
    options = AllocationOptions(
        pot_pence=head["pot_pence"], previous_total_pence=head["previous_total_pence"], retain=Fraction(head["retain"]),
        fixed_share=Fraction(head["fixed_share"]), fixed_per_unit_pence=head["fixed_per_unit_pence"],
        rounding=head["rounding"], unit=head["unit"], factors=factors or (Factor(DEFAULT_FACTOR),),
        damping=None if head["damping"] is None else Fraction(head["damping"]))
    partnerships, saved = [], {}
    for r in store.rows("SELECT * FROM allocation_scenario_rows WHERE scenario_id = ? ORDER BY position",
                        (scenario_id,)):
        values = {k: Fraction(v) for k, v in json.loads(r["factor_values"]).items()}
        partnerships.append(PartnershipInput(r["partnership"], r["fixed_units"], values, r["previous_pence"]))
        saved[r["partnership"]] = (r["fixed_pence"], r["variable_pence"], r["damping_pence"], r["total_pence"])
    return Scenario(head["id"], head["name"], head["year"], head["saved_at"], head["notes"], tuple(partnerships),
                    options, saved, bool(head["adopted"]))


def delete_scenario(store: Store, scenario_id: str) -> Scenario:
    """Delete a scenario; returns it whole (its undo: ``snapshot_scenario`` before, ``put_back_rows``)."""
    scenario = load_scenario(store, scenario_id)
    with store.transaction():
        store.conn.execute("DELETE FROM allocation_scenarios WHERE id = ?", (scenario_id,))
    return scenario


@dataclass(frozen=True)
class ScenarioRows:
    """A scenario's rows as they were (parts None: it did not exist), so undo and redo put it back exactly."""

    scenario_id: str
    parts: tuple[snapshots.Part, ...] | None


_SCENARIO_ROWS = {"allocation_scenarios": "id = ?", "allocation_scenario_factors": "scenario_id = ?",
                  "allocation_scenario_rows": "scenario_id = ?"}


def snapshot_scenario(store: Store, scenario_id: str) -> ScenarioRows:
    return ScenarioRows(scenario_id, snapshots.take_record(store.conn, "allocation_scenarios", scenario_id,
                                                           _SCENARIO_ROWS))


def put_back_rows(store: Store, snap: ScenarioRows) -> None:
    """The scenario exactly as the snapshot holds it (removed, if it did not exist then)."""
    with store.transaction():
        snapshots.put_back_record(store.conn, "allocation_scenarios", snap.scenario_id, snap.parts)


@dataclass(frozen=True)
class ComparisonRow:
    partnership: str
    first_pence: int | None
    second_pence: int | None

    @property
    def difference_pence(self) -> int | None:
        if self.first_pence is None or self.second_pence is None:
            return None
        return self.second_pence - self.first_pence


def compare_scenarios(first: Scenario, second: Scenario) -> list[ComparisonRow]:
    """Each partnership's total in two scenarios side by side (partnerships in either), with a totals row.

    One partnership spelt another way in the other scenario ("Mid Suffolk – Babergh" pasted from the paper,
    "Mid Suffolk - Babergh" typed; any case or spacing) is one row, under the first scenario's spelling; two
    spellings kept as two partnerships within one scenario (by an older version) stay two rows. So is one named for
    its area in the other ("Waveney" as the board paper names it, "Waveney CSP" as the file does: ``csp_area``, as
    the board report places it), where each scenario has one partnership of that area not matched as typed."""
    a, b = _totals_by_name(first), _totals_by_name(second)
    matched = {key: key for key in a if key in b}  # the first's key -> the second's
    matched.update(_paired_by_area([key for key in a if key not in matched], lambda key: a[key][0],
                                   [key for key in b if key not in matched], lambda key: b[key][0]))
    taken = set(matched.values())
    rows = [ComparisonRow(name, total, b[matched[key]][1] if key in matched else None)
            for key, (name, total) in a.items()]
    rows += [ComparisonRow(name, None, total) for key, (name, total) in b.items() if key not in taken]
    rows.append(ComparisonRow("Total", sum(v[1] for v in a.values()), sum(v[1] for v in b.values())))
    return rows


def partnership_area(name: str) -> str:
    """The area a partnership is named for, casefolded (``csp_area``: "Waveney CSP" is "waveney"), a Welsh
    principal area's by its English name ("Caerdydd" and "Cardiff CSP" are "cardiff"), as a Welsh region's
    bilingual papers name it one year and the file the next."""
    area = csp_area(typed_name_key(name))
    english = english_name(area)
    return english.casefold() if english else area


def _paired_by_area(ours: list, name_of_ours: Callable[[Any], str], theirs: list,
                    name_of_theirs: Callable[[Any], str]) -> dict:
    """Each of ``ours`` paired with the one of ``theirs`` of its area (``partnership_area``: "Waveney" as the board
    paper names it, "Waveney CSP" as the file does, "Caerdydd" and "Cardiff"), where each side has one of that
    area."""
    def by_area(items: list, name_of: Callable[[Any], str]) -> dict[str, list]:
        grouped: dict[str, list] = {}
        for item in items:
            grouped.setdefault(partnership_area(name_of(item)), []).append(item)
        return grouped

    theirs_by_area = by_area(theirs, name_of_theirs)
    return {items[0]: theirs_by_area[area][0] for area, items in by_area(ours, name_of_ours).items()
            if len(items) == 1 and len(theirs_by_area.get(area, ())) == 1}


def _totals_by_name(scenario: Scenario) -> dict[tuple[bool, str], tuple[str, int]]:
    """(name as typed, or the exact name when the scenario spells one name two ways) → (name, saved total)."""
    keys = [typed_name_key(p.name) for p in scenario.partnerships]
    return {(True, key) if keys.count(key) == 1 else (False, p.name): (p.name, scenario.saved_totals[p.name][3])
            for p, key in zip(scenario.partnerships, keys)}


# -- the working draft ---------------------------------------------------------------------------

def inputs_to_json(partnerships: Sequence[PartnershipInput], options: AllocationOptions,
                   set_aside: tuple[int | None, Fraction] | None = None) -> str:
    """The working inputs as the draft keeps them; ``set_aside``: last year's total and the retained % a given pot
    was worked out from (kept so that switching back after the file is reopened brings them back)."""
    return json.dumps({
        "partnerships": [{"name": p.name, "fixed_units": p.fixed_units,
                          "values": {k: format_fraction(v) for k, v in p.values.items()},
                          "previous_pence": p.previous_pence} for p in partnerships],
        "options": {"pot_pence": options.pot_pence, "previous_total_pence": options.previous_total_pence,
                    "retain": format_fraction(options.retain), "fixed_share": format_fraction(options.fixed_share),
                    "fixed_per_unit_pence": options.fixed_per_unit_pence, "rounding": options.rounding,
                    "unit": options.unit,
                    "factors": [[f.name, format_fraction(f.weight), f.label] for f in options.factors],
                    "damping": None if options.damping is None else format_fraction(options.damping)},
        **({} if set_aside is None else {"set_aside": [set_aside[0], format_fraction(set_aside[1])]}),
    })


def inputs_from_json(text: str) -> tuple[list[PartnershipInput], AllocationOptions]:
    data = json.loads(text)
    o = data["options"]
    options = AllocationOptions(
        pot_pence=o["pot_pence"], previous_total_pence=o["previous_total_pence"], retain=Fraction(o["retain"]),
        fixed_share=Fraction(o["fixed_share"]), fixed_per_unit_pence=o["fixed_per_unit_pence"],
        rounding=o["rounding"], unit=o["unit"],
        factors=tuple(Factor(n, Fraction(w), label) for n, w, label in o["factors"]),
        damping=None if o["damping"] is None else Fraction(o["damping"]))
    partnerships = [PartnershipInput(p["name"], p["fixed_units"], {k: Fraction(v) for k, v in p["values"].items()},
                                     p["previous_pence"]) for p in data["partnerships"]]
    return partnerships, options


def set_aside_from_json(text: str) -> tuple[int | None, Fraction] | None:
    """The total and retained % behind a given pot, as ``inputs_to_json`` kept them (None in a draft kept before
    they were, or in one without them)."""
    kept = json.loads(text).get("set_aside")
    return None if kept is None else (kept[0], Fraction(kept[1]))


def save_draft(store: Store, partnerships: Sequence[PartnershipInput], options: AllocationOptions,
               set_aside: tuple[int | None, Fraction] | None = None) -> None:
    """Keep the tab's working inputs in the file (not audited: a scenario is the record)."""
    if store.read_only:
        return
    with store.transaction():
        store.conn.execute("INSERT INTO _allocation_draft(key, value) VALUES ('inputs', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           (inputs_to_json(partnerships, options, set_aside),))


def load_draft(store: Store) -> tuple[list[PartnershipInput], AllocationOptions] | None:
    text = store.scalar("SELECT value FROM _allocation_draft WHERE key = 'inputs'")
    if not text:
        return None
    try:
        return inputs_from_json(text)
    except (ValueError, KeyError, TypeError):
        return None  # a damaged draft is not worth refusing the tab for; the scenarios are the record


def load_draft_set_aside(store: Store) -> tuple[int | None, Fraction] | None:
    """The total and retained % behind the draft's given pot, if it kept them."""
    text = store.scalar("SELECT value FROM _allocation_draft WHERE key = 'inputs'")
    try:
        return set_aside_from_json(text) if text else None
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, ZeroDivisionError):
        return None  # as a damaged draft: a reminder, not an input


# -- top-slicing ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TopSlice:
    id: str
    name: str
    year: str
    total_pence: int
    slices: tuple[tuple[str, Fraction], ...]
    remainder_label: str
    retained: Fraction
    partners: int
    scenario: Fraction

    def result(self) -> TopSliceResult:
        return top_slice(self.total_pence, slices=self.slices, remainder_label=self.remainder_label,
                         retained=self.retained, partners=self.partners, scenario=self.scenario)


def refuse_nothing_to_split(total_pence: int) -> None:
    """A grant of £0 kept as a saved top-slice would stand in the board report and the workbook as the year's
    grant, every share £0: worked out, it is only a sum; saved, it is refused."""
    if total_pence == 0:
        raise ScenarioError("A grant of £0 has nothing to split: type the grant's total to keep it as a top-slice.")


def save_top_slice(store: Store, name: str, year: str, total_pence: int, *,
                   slices: Sequence[tuple[str, Fraction]], remainder_label: str, retained: Fraction,
                   partners: int, scenario: Fraction) -> str:
    """A top-slice saved under a name its year does not have yet (a saved one is never written over); its id."""
    name = (name or "").strip()
    if not name:
        raise ScenarioError("A top-slice needs a name.")
    label = _year_label(year)
    refuse_nothing_to_split(total_pence)
    top_slice(total_pence, slices=slices, remainder_label=remainder_label, retained=retained, partners=partners,
              scenario=scenario)  # validates
    # The name typed again another way ("performance reward grant 2009–10") is the one the year has, as a scenario's
    # is: saved beside it, the list, the report and the workbook held the year's grant twice under names alike.
    existing = top_slice_named(store, name, label)
    if existing is not None:
        raise ScenarioError(f"There is already a {label} top-slice called “{existing.name}”; choose another name (a "
                            "saved top-slice is not written over).")
    slice_id = new_id()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO allocation_top_slices(id, name, year, total_pence, slices, remainder_label, retained, partners,"
            " scenario) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (slice_id, name, label, total_pence, _slices_json(slices), remainder_label, format_fraction(retained),
             partners, format_fraction(scenario)))
    return slice_id


def _slices_json(slices: Sequence[tuple[str, Fraction]]) -> str:
    return json.dumps([[n, format_fraction(Fraction(s))] for n, s in slices])


def top_slice_named(store: Store, name: str, year: str) -> TopSlice | None:
    """The year's saved top-slice under the name as typed (any case, dash or spacing: ``typed_name_key``), or None."""
    return find_typed(list_top_slices(store, year=year), name, lambda item: item.name)


def load_top_slice(store: Store, slice_id: str) -> TopSlice:
    """The saved top-slice; ScenarioError when it is no longer in the file (removed meanwhile, a merge)."""
    found = next((item for item in list_top_slices(store) if item.id == slice_id), None)
    if found is None:
        raise ScenarioError("That top-slice is no longer in the file (removed meanwhile); nothing was changed.")
    return found


def replace_top_slice(store: Store, slice_id: str, total_pence: int, *, slices: Sequence[tuple[str, Fraction]],
                      remainder_label: str, retained: Fraction, partners: int, scenario: Fraction) -> TopSlice:
    """A saved top-slice's figures put in place of the ones it holds, its name and year kept; it as it was (its undo:
    ``snapshot_top_slice`` before, ``put_back_top_slice``). Figures that do not work out are refused, as a save's."""
    before = load_top_slice(store, slice_id)
    refuse_nothing_to_split(total_pence)
    top_slice(total_pence, slices=slices, remainder_label=remainder_label, retained=retained, partners=partners,
              scenario=scenario)  # validates
    with store.transaction():
        store.conn.execute(
            "UPDATE allocation_top_slices SET total_pence = ?, slices = ?, remainder_label = ?, retained = ?,"
            " partners = ?, scenario = ? WHERE id = ?",
            (total_pence, _slices_json(slices), remainder_label, format_fraction(retained), partners,
             format_fraction(scenario), slice_id))
    return before


def delete_top_slice(store: Store, slice_id: str) -> TopSlice:
    """A saved top-slice removed from the file; it whole (its undo: ``snapshot_top_slice`` before,
    ``put_back_top_slice``)."""
    before = load_top_slice(store, slice_id)
    with store.transaction():
        store.conn.execute("DELETE FROM allocation_top_slices WHERE id = ?", (slice_id,))
    return before


@dataclass(frozen=True)
class TopSliceRows:
    """A saved top-slice's row as it was (None: it was not in the file), so undo and redo put it back exactly."""

    slice_id: str
    parts: tuple[snapshots.Part, ...] | None


def snapshot_top_slice(store: Store, slice_id: str) -> TopSliceRows:
    return TopSliceRows(slice_id, snapshots.take_record(store.conn, "allocation_top_slices", slice_id,
                                                        {"allocation_top_slices": "id = ?"}))


def put_back_top_slice(store: Store, snap: TopSliceRows) -> None:
    """The top-slice exactly as the snapshot holds it (removed, if it was not in the file then)."""
    with store.transaction():
        snapshots.put_back_record(store.conn, "allocation_top_slices", snap.slice_id, snap.parts)


def list_top_slices(store: Store, *, year: str | None = None) -> list[TopSlice]:
    sql, params = "SELECT * FROM allocation_top_slices", ()
    if year:
        sql, params = sql + " WHERE year = ?", (_year_label(year),)
    return [TopSlice(r["id"], r["name"], r["year"], r["total_pence"],
                     tuple((n, Fraction(s)) for n, s in json.loads(r["slices"])), r["remainder_label"],
                     Fraction(r["retained"]), r["partners"], Fraction(r["scenario"]))
            for r in store.rows(sql + " ORDER BY year DESC, name", params)]


def with_factor_label(options: AllocationOptions, name: str, label: str) -> AllocationOptions:
    """The same options with one factor's board-paper label set."""
    return replace(options, factors=tuple(replace(f, label=label) if f.name == name else f for f in options.factors))


# -- `safer-desk top-slice` ----------------------------------------------------------------------------------

def top_slice_rows(total_pence: int, *, lsp_share: Fraction = Fraction(1, 2), retain: Fraction = Fraction(1, 10),
                   partners: int = 9, vary: Fraction = Fraction(1, 5)) -> tuple[list[tuple[str, str]], list[str]]:
    """The Performance Reward Grant split (seed 000) as name,value rows in plain pounds, and any notes.

    £2,900,692: £1,450,346 to the LSPs; of the rest 10% retained (£145,034.60) and the rest shared
    equally by nine partners (£145,034.60 each), each planning on ±20% (£174,041.52 and £116,027.68).
    """
    result = top_slice(total_pence, slices=(("LSP share", lsp_share),), remainder_label="Remainder",
                       retained=retain, partners=partners, scenario=vary)
    by_label = {line.label: line.amount_pence for line in result.lines}
    remainder = by_label["Remainder"]
    retained = result.lines[3].amount_pence
    shared = remainder - retained
    pct = format_fraction(vary * 100) if (vary * 100).denominator == 1 else str(float(vary * 100))
    rows = [("total", format_pounds_plain(total_pence)),
            ("lsp_share", format_pounds_plain(by_label["LSP share"])),
            ("remainder", format_pounds_plain(remainder)),
            ("retained", format_pounds_plain(retained)),
            ("shared_by_partners", format_pounds_plain(shared)),
            ("partners", str(partners)),
            ("each_partner", format_pounds_plain(result.equal_share_pence)),
            (f"each_partner_plus_{pct}pct", format_pounds_plain(result.scenario_more_pence)),
            (f"each_partner_minus_{pct}pct", format_pounds_plain(result.scenario_less_pence))]
    note = equal_shares_note(result, "each_partner")
    notes = [note] if note else []
    return rows, notes


def replace_scenario(store: Store, scenario_id: str, partnerships: Sequence[PartnershipInput],
                     options: AllocationOptions) -> Scenario:
    """Save new inputs under an existing scenario's id, name, year and agreed mark; returns it as it was.

    Only the window's Save uses this, and only while the working set is still under the scenario's own
    name: a loaded scenario is never overwritten under another name.
    """
    before = load_scenario(store, scenario_id)
    save_scenario(store, before.name, before.year, partnerships, options, notes=before.notes, scenario_id=scenario_id)
    return before


def save_draft_origin(store: Store, scenario_id: str | None) -> None:
    """Which saved scenario the working inputs started from (so the tab can say whether they differ)."""
    if store.read_only:
        return
    with store.transaction():
        store.conn.execute("INSERT INTO _allocation_draft(key, value) VALUES ('scenario', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (scenario_id or "",))


def save_draft_working_on(store: Store, name: str, year: str) -> None:
    """The name and year typed in Working on, kept with the working inputs: opened again, the inputs showed the
    scenario they came from under its own name, and Save wrote them over it."""
    if store.read_only:
        return
    with store.transaction():
        store.conn.execute("INSERT INTO _allocation_draft(key, value) VALUES ('working_on', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (json.dumps([name, year]),))


def load_draft_working_on(store: Store) -> tuple[str, str] | None:
    """The name and year typed in Working on as ``save_draft_working_on`` kept them; None when the file has none
    (kept before they were) or they cannot be read."""
    text = store.scalar("SELECT value FROM _allocation_draft WHERE key = 'working_on'")
    try:
        name, year = json.loads(text) if text else (None, None)
    except (ValueError, TypeError):
        return None
    return (name, year) if isinstance(name, str) and isinstance(year, str) else None


def snapshot_draft(store: Store) -> tuple[tuple[str, str], ...]:
    """The kept working inputs' rows as they are (key, value), so an undo can put them back exactly."""
    return tuple((r[0], r[1]) for r in store.conn.execute("SELECT key, value FROM _allocation_draft ORDER BY key"))


def put_back_draft(store: Store, rows: Sequence[tuple[str, str]]) -> None:
    """The kept working inputs exactly as ``snapshot_draft`` took them (rows it did not have removed)."""
    if store.read_only:
        return
    with store.transaction():
        store.conn.execute("DELETE FROM _allocation_draft")
        store.conn.executemany("INSERT INTO _allocation_draft(key, value) VALUES (?, ?)", list(rows))


def load_draft_origin(store: Store) -> str | None:
    """The saved scenario the working inputs came from; "" when they are no saved scenario's (new, or theirs was
    deleted); None when the file never recorded it (a draft kept before the origin was)."""
    return store.scalar("SELECT value FROM _allocation_draft WHERE key = 'scenario'")
