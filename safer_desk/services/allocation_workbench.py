"""The Allocation tab's working inputs as immutable states, and the edits that turn one state into the next.

Each edit (a cell, an option, a paste, a row added or removed) is a pure
function from a state to a new state that validates what was typed and names
the row and column when it cannot be used. The tab keeps a state, shows its
result, and puts (before, after) pairs on the undo stack, so every edit is
undoable and the logic is tested without a window.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Sequence

from safer_desk.domain.allocation import (AllocationError, AllocationOptions, AllocationResult, ColumnTotals, Factor,
                                          PartnershipInput, allocate_by_formula, format_number, is_accounting_zero,
                                          others_total_message, parse_fraction, parse_number, parse_percent,
                                          parse_units, parse_weight, setting_percent_text, share_text,
                                          total_line_message, units_problem)
from safer_desk.domain.money import MoneyError, format_money, not_a_value_from_the_sheet, parse_pence
from safer_desk.domain.text import in_words, looks_like_total_line, typed_name_key
from safer_desk.services.allocation import amount_option

NAME, UNITS, PREVIOUS = "name", "fixed_units", "previous"


@dataclass(frozen=True)
class WorkState:
    partnerships: tuple[PartnershipInput, ...]
    options: AllocationOptions
    # While the pot is given: last year's total and the retained % it was worked out from, put back when the pot is
    # again last year's total less retained (kept out of the options: a given pot with a retained % is this year's
    # grant less a retained share, another pot). A reminder for that switch, not an input: two states with the same
    # inputs are the same (the draft kept in the file holds the inputs).
    set_aside: tuple[int | None, Fraction] | None = field(default=None, compare=False)

    def input_columns(self) -> list[str]:
        """Column keys of the inputs table: name, fixed units, one per factor, last year."""
        return [NAME, UNITS, *(f"factor:{f.name}" for f in self.options.factors), PREVIOUS]

    def input_headers(self) -> list[str]:
        return ["Partnership", "Fixed units", *(f.title for f in self.options.factors), "Last year"]

    def calculate(self) -> tuple[AllocationResult | None, str]:
        """The result, or None and the reason in words when the inputs cannot be split yet."""
        if clash := listed_twice_message(self.partnerships):
            return None, clash
        if self.partnerships and (missing := self.missing_pot_message()):
            return None, missing
        try:
            return allocate_by_formula(self.partnerships, self.options), ""
        except AllocationError as exc:
            return None, str(exc)

    def missing_pot_message(self) -> str:
        """Why there is nothing to split, when the pot (or last year's total it comes from) is blank or £0 (a blank
        field is taken as £0): said plainly, not a split of £0 with every partnership "100% less than last year";
        "" otherwise. A total all retained (100%) is no missing figure: its £0 is split as it is."""
        o = self.options
        if o.pot_pence is None and not o.previous_total_pence:
            column = previous_sum(self)
            use_sum = f", or press = Sum to use the Last year column's {format_money(column)}" if column else ""
            return (f"No last year's total given: type it in Last year{use_sum}; the pot is last year's total "
                    "less the retained %.")
        if o.pot_pence == 0:
            return "No pot given: type the pot to split in Pot, or choose Last year's total less retained."
        return ""


def listed_twice_message(partnerships: Sequence[PartnershipInput]) -> str:
    """Which rows list one partnership under two spellings (an allocation saved by an older version, which took
    "Mid Suffolk – Babergh" and "Mid Suffolk - Babergh" for two), and the way forward; "" when none do."""
    rows: dict[str, list[int]] = {}
    for i, p in enumerate(partnerships):
        rows.setdefault(typed_name_key(p.name), []).append(i)
    clash = next((r for r in rows.values() if len(r) > 1), None)
    if clash is None:
        return ""
    numbers = in_words([str(i + 1) for i in clash])
    spelt = in_words([f"“{partnerships[i].name}”" for i in clash])
    return (f"Rows {numbers}, {spelt}, are one partnership spelt {'two' if len(clash) == 2 else len(clash)} ways: "
            "rename one (double-click its name) or remove it, and the split is worked out again. The other cells "
            "can be changed meanwhile.")


def empty_state() -> WorkState:
    return WorkState((), AllocationOptions(pot_pence=0))


def cell_text(partnership: PartnershipInput, key: str) -> str:
    """What the inputs table shows (and what an editor starts from)."""
    if key == NAME:
        return partnership.name
    if key == UNITS:
        return str(partnership.fixed_units)
    if key == PREVIOUS:
        return "" if partnership.previous_pence is None else format_money(partnership.previous_pence)
    return format_number(partnership.value(key.removeprefix("factor:")))


def cell_raw(partnership: PartnershipInput, key: str):
    if key == NAME:
        return partnership.name
    if key == UNITS:
        return partnership.fixed_units
    if key == PREVIOUS:
        return partnership.previous_pence
    return partnership.value(key.removeprefix("factor:"))


def _one_line(text: str) -> str:
    """A name as one line: the line breaks and tabs of an Excel cell (Alt+Enter) and the spaces around them made one
    space; spacing typed within a line is kept as typed (refusals say the name as the officer wrote it)."""
    return re.sub(r"[ ]*[\r\n\t\v\f]+[\s]*", " ", text).strip()


def _parsed_partnership(p: PartnershipInput, key: str, text: str, where: str, heading: str = "") -> PartnershipInput:
    """``heading``: the column as the table heads it ("BCS comparator offences 2007-08"), for a refusal to name it (the
    factor's key, "basis" or "factor2", is a word the table shows nowhere)."""
    text = (text or "").strip()
    if key == NAME:
        # A line break in the Excel cell (Alt+Enter, a long name wrapped in a narrow column) or a tab: one line,
        # as the name would be typed; kept, it was two lines in the results, the chart and every export.
        text = _one_line(text)
        if not text:
            raise AllocationError(f"{where}: a partnership needs a name.")
        if (total := total_line_message(text)) is not None:
            raise AllocationError(f"{where}: {total}.")
        if separator := _separated_values(text):
            raise AllocationError(
                f"{where}: “{text}” is a line of values separated by {separator}, not cells, and would be one "
                "partnership's name. Open the file in Excel and copy the cells from there (Excel copies them with tabs "
                "between).")
        return replace(p, name=text)
    if key != PREVIOUS and not text:  # a count left blank is not a count of none (as on the command line)
        what = "fixed units" if key == UNITS else heading or key.removeprefix("factor:")
        raise AllocationError(f"{where}, {what}: the cell is empty; type 0 if the partnership really has none.")
    if key == UNITS:
        try:
            units = parse_units(text)
        except ValueError:
            raise AllocationError(f"{where}, fixed units: “{text}” is not a whole number.") from None
        if (problem := units_problem(units, text)) is not None:
            raise AllocationError(f"{where}, fixed units: {problem}")
        return replace(p, fixed_units=units)
    if key == PREVIOUS:
        if not text:
            return replace(p, previous_pence=None)
        if is_accounting_zero(text):
            return replace(p, previous_pence=0)
        try:
            pence = parse_pence(text)
        except MoneyError as exc:
            raise AllocationError(f"{where}, last year: {exc}") from None
        if pence < 0:
            raise AllocationError(f"{where}, last year: “{text}” is negative.")
        return replace(p, previous_pence=pence)
    factor = key.removeprefix("factor:")
    if said := not_a_value_from_the_sheet(text, what="a figure"):
        raise AllocationError(f"{where}, {heading or factor}: {said}")
    value = parse_number(text, what=f"{where}, {heading or factor}")
    return replace(p, values={**p.values, factor: value})


_FIGURE = re.compile(r"[£$]?\s*-?\s*[£$]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?")
_COLUMN_WORDS = {"partnership", "fixed_units", "fixed units", "basis", "previous", "last year"}


def _separated_values(text: str) -> str | None:
    """"commas" or "semicolons" when a name is a line of a CSV file (a name and figures, or the command's header
    line), copied from Notepad or an e-mail rather than as Excel's cells: three or more values, one of them a figure
    or a column's heading. A name with a comma in it ("Babergh, Mid Suffolk") is none."""
    for separator, words in ((",", "commas"), (";", "semicolons")):
        try:
            values = [v.strip() for v in next(csv.reader([text], delimiter=separator))]
        except csv.Error:  # a line break inside the text ("Babergh\nCSP"): no CSV line, whatever else it is
            continue
        if len(values) < 3:
            continue
        if any(v and any(ch.isdigit() for ch in v) and _FIGURE.fullmatch(v) for v in values[1:]) or \
                sum(v.casefold() in _COLUMN_WORDS for v in values) >= 2:
            return words
    return None


def _heading(state: WorkState, key: str) -> str:
    """The inputs table's heading of the column ``key``."""
    return dict(zip(state.input_columns(), state.input_headers())).get(key, "")


def with_cell(state: WorkState, row: int, key: str, text: str) -> WorkState:
    """The state with one input cell set from text; refuses text it cannot read, naming the row."""
    p = state.partnerships[row]
    changed = _parsed_partnership(p, key, text, f"Row {row + 1} ({p.name})", _heading(state, key))
    if key == NAME and (same := next((o for i, o in enumerate(state.partnerships) if i != row
                                      and typed_name_key(o.name) == typed_name_key(changed.name)), None)):
        raise AllocationError(f"Row {row + 1}: there is already a partnership called {same.name}.")
    rows = list(state.partnerships)
    rows[row] = changed
    return replace(state, partnerships=tuple(rows))


def with_cells_emptied(state: WorkState, cells: Sequence[tuple[int, str]]) -> WorkState:
    """The state with each (row, column key) cell emptied, as Del does over cells chosen in a spreadsheet: an empty
    Last year is no figure last year; a name or a count cannot be empty, and is refused naming it (nothing changes)."""
    for row, key in cells:
        state = with_cell(state, row, key, "")
    return state


def with_pasted(state: WorkState, at_row: int, at_column: int, table: Sequence[Sequence[str]]) -> WorkState:
    """Cells pasted from Excel from (row, column) on; rows beyond the end become new partnerships.

    A first row that repeats the table's headers is skipped. Nothing is applied if any cell is refused.
    """
    columns = state.input_columns()
    table, first = pasted_rows(state, at_row, at_column, table)
    rows = list(state.partnerships)
    shown = state.input_headers()
    for offset, cells in enumerate(table):  # a figure past the last column would be lost: refused, never dropped
        lost = [t.strip() for t in cells[len(columns) - at_column:] if t.strip()]
        if lost:
            raise AllocationError(
                f"Pasted row {offset + first} has cells past the table's last column ({shown[-1]}): “{lost[0]}” would "
                "be lost. Paste from the column the first cell belongs in, or add the factor first (Factors).")
    _refuse_a_title(state, at_row, at_column, table, first)
    used = {p.name.casefold() for p in rows}
    for offset, cells in enumerate(table):
        r = at_row + offset
        if r >= len(rows):
            name = _fresh_name(used)
            used.add(name.casefold())
            rows.append(PartnershipInput(name, 1, {f.name: Fraction(0) for f in state.options.factors}))
        for c_offset, text in enumerate(cells):
            c = at_column + c_offset
            if c >= len(columns):
                break
            try:
                rows[r] = _parsed_partnership(rows[r], columns[c], text, f"Pasted row {offset + first}",
                                              _heading(state, columns[c]))
            except AllocationError as exc:
                # A blank row among those copied, a new partnership's or over a name: no name was typed to forget.
                # (A blank cell over a count is that cell's to say: "type 0 if …".)
                if not any(t.strip() for t in cells) and (r >= len(state.partnerships) or at_column == 0):
                    raise AllocationError(
                        f"Pasted row {offset + first} is blank: row {offset + first} of what was copied has nothing "
                        "in it, and each row pasted goes on a partnership's row. Delete the blank row in the sheet (or "
                        "copy the rows above and below it one block at a time) and paste again."
                        + _total_line_below(table, offset, first, at_column)) from None
                if offset or columns[c] == NAME or not _heading_like(text):
                    raise
                # Words (or a year) where a figure goes, on the first row: a heading the table does not know.
                raise AllocationError(f"{exc} The first row pasted looks like a heading: copy the figures without "
                                      "it.") from None
    _refuse_a_total_below(state, rows, at_row, at_column, table, first)
    totals = ColumnTotals.of(rows)
    for offset, cells in enumerate(table):  # the paper's total line copied under a label of its own ("Suffolk")
        named = at_column == 0 and cells and cells[0].strip()
        if named and (total := others_total_message(rows, at_row + offset, totals)) is not None:
            raise AllocationError(f"Pasted row {offset + first}: {total}.")
    # Any case, dash or spacing: one partnership listed twice. Only a name the paste puts in is refused: two kept
    # by an older version are the problem line's to put right, and must not refuse a paste of other cells.
    names = [typed_name_key(p.name) for p in rows]
    pasted = [r for r, p in enumerate(rows) if r >= len(state.partnerships) or p.name != state.partnerships[r].name]
    duplicate = next((rows[r].name for r in pasted if names.count(names[r]) > 1), None)
    if duplicate:
        raise AllocationError(f"Pasting would list {duplicate} twice.")
    return replace(state, partnerships=tuple(rows))


def _total_line_below(table: Sequence[Sequence[str]], blank: int, first: int, at_column: int) -> str:
    """A board paper's total line under the blank row refused (the sheet's layout): said with it, so one change to
    the copy puts both right; refused only once the blank row was gone, the officer pasted twice. "" when none."""
    if at_column:
        return ""
    for offset in range(blank + 1, len(table)):
        name = table[offset][0].strip() if table[offset] else ""
        if name and total_line_message(name) is not None:
            return (f" Row {offset + first} of what was copied, “{name}”, is the table's total line: leave it out too "
                    "(the totals are added up here).")
    return ""


def pasted_rows(state: WorkState, at_row: int, at_column: int,
                table: Sequence[Sequence[str]]) -> tuple[list[list[str]], int]:
    """The lines of a paste that go on partnerships' rows, and the number of the first as copied: a first line
    repeating the table's headings is not one (a heading naming another column is refused), nor are the empty lines
    copied below the last filled one past the table's end (each would be a partnership taking a fixed fee); over the
    table's own rows they blank what they cover, as typing nothing does. Edit > Undo names and chooses these rows."""
    table = [list(r) for r in table]
    first = 1  # the number of the first line kept, as copied: a refusal names the line the officer sees in Excel
    if title := _title_lines(state, at_column, table):  # a paper's title above its headings, as the command's CSV
        table, first = table[title:], title + 1
    if table and _is_heading_row(state, at_column, table[0]):
        _refuse_headings_elsewhere(state, at_column, table[0])
        table, first = table[1:], first + 1
    while len(table) > len(state.partnerships) - at_row and not any(cell.strip() for cell in table[-1]):
        table.pop()
    return table, first


def _refuse_a_title(state: WorkState, at_row: int, at_column: int, table: Sequence[Sequence[str]],
                    first: int) -> None:
    """A paper's title copied over its rows without the headings ("Suffolk CSP allocations 2009/10"): a first line
    past the table's end, a name with figures in it and no other cell, over rows each with its figures. It became a
    partnership of one fixed unit, taking a fixed fee from the pot unsaid. Names alone stay partnerships."""
    if at_column or at_row < len(state.partnerships) or len(table) < 2 or not table[0]:
        return
    name = table[0][0].strip()
    if not any(ch.isdigit() for ch in name) or any(cell.strip() for cell in table[0][1:]):
        return
    if all(sum(1 for cell in cells if cell.strip()) > 1 for cells in table[1:]):
        raise AllocationError(
            f"Pasted row {first}, “{name}”, has no figures while the rows under it have theirs: it looks like the "
            "table's title. Copy the partnerships' rows without it (a partnership so named: paste the rows under it, "
            "then add it with Add Partnership).")


def _title_lines(state: WorkState, at_column: int, table: Sequence[Sequence[str]]) -> int:
    """How many lines above the headings a copy holds that are a title or blank (one cell filled at most: "Suffolk
    CSP allocations 2009/10"), as a board paper's table copied whole has; 0 when its headings (if any) come first.
    Read as a row, a title took the headings below it for figures ("“Districts” is not a whole number")."""
    for i in range(1, min(len(table), 10)):
        if sum(1 for cell in table[i - 1] if cell.strip()) > 1:
            return 0
        if _is_heading_row(state, at_column, table[i]):
            return i
    return 0


def _refuse_a_total_below(state: WorkState, rows: list[PartnershipInput], at_row: int, at_column: int,
                          table: Sequence[Sequence[str]], first: int = 1) -> None:
    """A row pasted past the last partnership without a name whose every figure is its column's total over the
    other rows: a paper's column copied down to its total line, which would be a partnership taking half the pot."""
    columns, shown = state.input_columns(), state.input_headers()
    for offset, cells in enumerate(table):
        r = at_row + offset
        keys = [columns[at_column + i] for i, text in enumerate(cells) if text.strip() and at_column + i < len(columns)]
        if r < len(state.partnerships) or not keys or NAME in keys:
            continue
        totals = [sum((cell_raw(p, k) or 0 for i, p in enumerate(rows) if i != r), 0) for k in keys]
        if any(totals) and all(cell_raw(rows[r], k) == total for k, total in zip(keys, totals)):
            heading = shown[columns.index(keys[0])]
            raise AllocationError(
                f"Pasted row {offset + first} would be a new partnership holding the total of the others' "
                f"{heading} ({cell_text(rows[r], keys[0])}): it looks like the table's total line. Copy the "
                "partnerships' rows without it (a new partnership is pasted with its name).")


def _heading_like(text: str) -> bool:
    """Words or a year ("Allocation", "2008/09", "2007-08") where a figure goes: a heading, not a mistyped figure. An
    error from the sheet ("#N/A"), a formula or a figure in Excel's scientific form ("1.5E+03") is a first row of
    figures: said to be a heading, the way on was to copy the figures without it, and pasted again from the same cell
    every figure went on the partnership above its own."""
    text = text.strip()
    if not_a_value_from_the_sheet(text) or re.fullmatch(r"[\d.,]+[eE][+-]?\d+", text):
        return False
    return any(ch.isalpha() for ch in text) or re.fullmatch(r"\s*\d{2,4}\s*[/\-–]\s*\d{2,4}\s*", text) is not None


def _is_heading_row(state: WorkState, at_column: int, cells: Sequence[str]) -> bool:
    """The first row pasted is the copy's headings: its first cell heads the column it lands on (or says
    "Partnership"), or another of its cells does (the paper's "CSP", or Excel's blank corner, over the names with
    "Fixed units" beside): a figure is never a column's heading."""
    if not cells:
        return False
    headers = [typed_name_key(h) for h in state.input_headers()]  # "2007–08", with its en dash, is "2007-08"
    if typed_name_key(cells[0]) in (headers[at_column], "partnership"):
        return True
    names = _column_names(state)
    return any(typed_name_key(text) in names[at_column + i] for i, text in enumerate(cells)
               if i and at_column + i < len(names) and text.strip())


def _column_names(state: WorkState) -> list[set[str]]:
    """What a heading copied with the cells may call each input column (as shown, or as the command's CSV)."""
    return [{"partnership"}, {"fixed units", "fixed_units", "units"},
            *({typed_name_key(f.title), typed_name_key(f.name)} for f in state.options.factors),
            {"last year", "previous"}]


def _refuse_headings_elsewhere(state: WorkState, at_column: int, headings: Sequence[str]) -> None:
    """A pasted heading naming another column than the one it lands on ("Crime" over Fixed units, when the copy
    had no units column): the numbers under it would go in the wrong column, crime counts as fixed units."""
    names, shown = _column_names(state), state.input_headers()
    for offset, heading in enumerate(headings):
        c, key = at_column + offset, typed_name_key(heading)
        meant = next((i for i, n in enumerate(names) if key in n), None)
        if meant is None or meant == c:
            continue
        lands = f"on the {shown[c]} column" if c < len(shown) else "past the table's last column"
        raise AllocationError(
            f"The pasted column headed “{heading.strip()}” would land {lands}, not on {shown[meant]}: copy the "
            f"columns in the table's order ({', '.join(shown)}), or paste each column at its own column.")


def _fresh_name(used: set[str]) -> str:
    n = len(used) + 1
    while f"partnership {n}" in used:
        n += 1
    return f"Partnership {n}"


def with_new_row(state: WorkState, at: int | None = None) -> WorkState:
    rows = list(state.partnerships)
    name = _fresh_name({p.name.casefold() for p in rows})
    rows.insert(len(rows) if at is None else at, PartnershipInput(name, 1, {f.name: Fraction(0)
                                                                            for f in state.options.factors}))
    return replace(state, partnerships=tuple(rows))


def without_rows(state: WorkState, rows: Sequence[int]) -> WorkState:
    drop = set(rows)
    return replace(state, partnerships=tuple(p for i, p in enumerate(state.partnerships) if i not in drop))


# -- options ------------------------------------------------------------------------------------

OPTION_LABELS = {"pot": "Pot", "previous_total": "Last year's total", "retain": "Retained %",
                 "fixed_share": "Fixed share", "damping": "Damping limit %",
                 # the choices, as Edit > Undo names them ("Undo change Rounding unit")
                 "pot_mode": "Pot given or last year's total less retained", "rounding": "Rounding",
                 "unit": "Rounding unit"}


def option_text(options: AllocationOptions, key: str) -> str:
    """What an option's field shows."""
    if key == "pot":
        return "" if options.pot_pence is None else format_money(options.pot_pence)
    if key == "previous_total":
        return "" if options.previous_total_pence is None else format_money(options.previous_total_pence)
    if key == "retain":
        return _percent_field(options.retain)
    if key == "fixed_share":
        if options.fixed_per_unit_pence is not None:
            return format_money(options.fixed_per_unit_pence)
        # The whole as "100%": a bare "1" is asked about when typed (the whole, or 1%?), so it would not read back.
        # A share with a decimal percentage as one ("33.3%", not "333/1000"); a third stays "1/3". The words under
        # the chart write it so too.
        return share_text(options.fixed_share)
    if key == "damping":
        return "" if options.damping is None else _percent_field(options.damping)
    raise KeyError(key)


def option_step_name(options: AllocationOptions, key: str) -> str:
    """Edit > Undo's name for a figure option changed to what ``options`` hold, with the figure, as other steps give
    theirs ("Change Retained % to 12.5%", "Change Pot to £600,000"); "Clear Damping limit %" when left blank."""
    label = OPTION_LABELS.get(key, key.replace("_", " "))
    if key in ("retain", "damping"):
        value = options.retain if key == "retain" else options.damping
        shown = "" if value is None else f"{setting_percent_text(value)}%"
    elif key in ("pot", "previous_total", "fixed_share"):
        shown = field_text(options, key)
    else:  # a choice (rounding, its unit, the pot's mode): named by the field alone
        return f"Change {label}"
    return f"Change {label} to {shown}" if shown else f"Clear {label}"


def field_text(options: AllocationOptions, key: str) -> str:
    """What an option's field shows in the window: as ``option_text``, but a pot or last year's total of £0 (one
    cleared, or a new file's) is blank, as the officer left it: the line above the table says it is not given,
    and the field showed "£0" beside it."""
    if key == "pot" and options.pot_pence == 0 or key == "previous_total" and options.previous_total_pence == 0:
        return ""
    return option_text(options, key)


def _percent_field(value: Fraction) -> str:
    """A percentage as a field shows it: "10"; under one percent with its sign ("0.5%"), so it reads back the
    same (``parse_percent`` asks about "0.5" typed bare)."""
    text = setting_percent_text(value)
    return f"{text}%" if 0 < value < Fraction(1, 100) else text


def damping_limit(text: str, *, what: str) -> Fraction | None:
    """A damping limit as typed, in the tab's field (labelled Damping ±%) and `allocate --damping` alike: "±5",
    "+/-5", "5" or "5%" is a limit of 5% either way; None when blank."""
    text = (text or "").strip()
    if not text:
        return None
    limit = next((text[len(sign):].strip() for sign in ("±", "+/-", "+-") if text.startswith(sign)), text)
    return parse_percent(limit, what=what) if limit else parse_percent(text, what=what)


def with_option(state: WorkState, key: str, text: str) -> WorkState:
    """The state with one option set from what was typed; messages name the field."""
    o = state.options
    text = (text or "").strip()
    label = OPTION_LABELS.get(key, key)

    def money(value: str) -> int:
        return amount_option(label, value)

    if key == "pot":
        # A pot given keeps the retained % typed with it (this year's grant less a top-slice the county keeps, as
        # `allocate --pot 600000 --retain 10`); last year's % is not this year's grant's.
        retain = o.retain if o.pot_pence is not None else Fraction(0)
        new = replace(o, pot_pence=money(text or "0"), previous_total_pence=None, retain=retain)
        return replace(state, options=new, set_aside=_set_aside(state))
    elif key == "previous_total":
        new = replace(o, previous_total_pence=money(text or "0"), pot_pence=None)
    elif key == "retain":
        new = replace(o, retain=parse_percent(text or "0", what=label))
    elif key == "fixed_share":
        if text.startswith("£"):
            new = replace(o, fixed_per_unit_pence=money(text), fixed_share=Fraction(0))
        else:
            new = replace(o, fixed_share=parse_fraction(text or "0", what=label), fixed_per_unit_pence=None)
    elif key == "damping":
        # "none", as the empty field shows it in grey (or Excel's "-" for nothing), takes the limit off as emptying
        # it does: typed, it was "not a percentage". The command's --damping reads as it did.
        none = (text or "").strip().casefold() in ("none", "-")
        new = replace(o, damping=None if none else damping_limit(text, what=label))
    elif key == "rounding":
        new = replace(o, rounding=text)
    elif key == "unit":
        new = replace(o, unit=text)
    elif key == "pot_mode":
        if text == "previous" and state.set_aside is not None and o.pot_pence is not None:
            previous, retain = state.set_aside  # the total and the % the given pot was worked out from
            new = replace(o, previous_total_pence=previous, retain=retain, pot_pence=None)
        elif text == "previous":
            previous = o.previous_total_pence
            if previous is None:
                known = [p.previous_pence for p in state.partnerships if p.previous_pence is not None]
                previous = sum(known) if known else (o.pot_pence or 0)
            new = replace(o, previous_total_pence=previous, pot_pence=None)
        else:
            pot = o.pot_and_retained()[0]
            new = replace(o, pot_pence=pot, previous_total_pence=None, retain=Fraction(0))
            return replace(state, options=new, set_aside=_set_aside(state))
    else:
        raise KeyError(key)
    return replace(state, options=new, set_aside=None if new.pot_pence is None else state.set_aside)


def _set_aside(state: WorkState) -> tuple[int | None, Fraction] | None:
    """Last year's total and the retained % a pot worked out from them came from (kept while the pot is given)."""
    o = state.options
    return (o.previous_total_pence, o.retain) if o.pot_pence is None else state.set_aside


def previous_sum(state: WorkState) -> int | None:
    known = [p.previous_pence for p in state.partnerships if p.previous_pence is not None]
    return sum(known) if known else None


# -- factors --------------------------------------------------------------------------------------

def with_factor_weight(state: WorkState, index: int, text: str) -> WorkState:
    factors = list(state.options.factors)
    f = factors[index]
    factors[index] = replace(f, weight=parse_weight(text, what=f"Factor {f.title}"))
    return replace(state, options=replace(state.options, factors=tuple(factors)))


# The headings of the inputs' and the results' other columns (and the command's CSV names for them, which a heading
# pasted with the cells may carry), as typed (typed_name_key): a factor titled one of them would head a second column
# alike, and a refusal or a pasted heading could not say which it meant.
TAKEN_HEADINGS = {"partnership": "Partnership", "fixed units": "Fixed units", "fixed_units": "Fixed units",
                  "units": "Units", "last year": "Last year", "previous": "Last year", "this year": "This year",
                  "variance": "Variance", "fixed fee": "Fixed fee", "variable fee": "Variable fee",
                  "damping": "Damping", "% of total": "% of total", "weighted share": "Weighted share"}


def factor_title_message(state: WorkState, index: int, title: str) -> str | None:
    """Why ``title`` cannot head the factor at ``index`` (another column is headed so, whatever its case, dashes or
    spacing), or None."""
    key = typed_name_key(title)
    for separator, said in ((",", "a comma"), (";", "a semicolon")):
        name, found, weight = title.rpartition(separator)
        weight = weight.strip()
        if found and name.strip() and any(ch.isdigit() for ch in weight) and _FIGURE.fullmatch(weight) \
                and not re.fullmatch(r"(19|20)\d\d", weight):  # "Crime, 2008": a year, named
            # "Population,50" from a CSV line or an e-mail: a factor named so and weighted 1, not 50
            return (f"Factor: “{title}” is a name and a weight separated by {said}, not cells: type the weight in "
                    "the Weight column (or copy the cells from Excel, which copies them with tabs between).")
    what = "name the factor for what it counts (“Population”, “Crime 2008/09”), so each column has a heading of its own"
    if key in TAKEN_HEADINGS:
        return f"Factor: “{title}” already names the {TAKEN_HEADINGS[key]} column: {what}."
    for i, f in enumerate(state.options.factors):
        if i == index:
            continue
        if key in (typed_name_key(f.title), typed_name_key(f.name)):
            return (f"Factor: there is already a factor called {f.title}: name this one for what it counts "
                    "(“Population”, “Crime 2008/09”), so each column has a heading of its own.")
        if key == typed_name_key(f"{f.title} %"):  # the results' share column of that factor
            return f"Factor: “{title}” already names the {f.title} % column: {what}."
    own = typed_name_key(f"{title} %")
    other = next((f for i, f in enumerate(state.options.factors) if i != index and typed_name_key(f.title) == own),
                 None)
    if other is not None:  # this factor's share column would be headed as the other factor is
        return f"Factor: “{title}” would head its share column “{other.title}”, another factor's name: {what}."
    return None


def with_factor_title(state: WorkState, index: int, text: str) -> WorkState:
    title = _one_line((text or "").strip())  # a name over two lines of its Excel cell heads its column on one
    if not title:
        raise AllocationError("A factor needs a name.")
    if (taken := factor_title_message(state, index, title)) is not None:
        raise AllocationError(taken)
    factors = list(state.options.factors)
    factors[index] = replace(factors[index], label=title)
    return replace(state, options=replace(state.options, factors=tuple(factors)))


FACTOR_HEADINGS = ("factor", "weight")  # the factors table's headings, as a copy of it from Excel may carry


def factor_cells_kept(state: WorkState, cells: Sequence[tuple[int, int]]) -> str:
    """Why Del over the factors table's (row, column) cells empties none: a factor's name (column 0) and its weight
    (column 1) cannot be empty, as typing nothing in either is refused; how to leave a factor out instead."""
    row, column = sorted(cells)[0]
    f = state.options.factors[row]
    what = "a name" if column == 0 else "a weight above zero"
    return (f"Factor {f.title}: a factor needs {what}, so Del cannot empty it: type over it, or remove the factor "
            "(Remove, Alt+Z) to leave it out.")


def with_factors_pasted(state: WorkState, at_row: int, at_column: int, table: Sequence[Sequence[str]]) -> WorkState:
    """Cells copied from Excel into the factors table (Factor, Weight) from (row, column) on, each as typed there; a
    row past the last factor adds one. A first row whose first cell heads the column it lands on is skipped; a cell
    past the Weight column or one refused is said naming its pasted row, and nothing is applied."""
    table = [list(r) for r in table]
    first = 1  # the number of the first line kept, as copied (the heading line is the first)
    if table and table[0] and typed_name_key(table[0][0]) == FACTOR_HEADINGS[at_column]:
        table, first = table[1:], 2
    while len(table) > len(state.options.factors) - at_row and not any(t.strip() for t in table[-1]):
        table.pop()  # Excel's empty rows below the copy add no factor
    for offset, cells in enumerate(table):
        if lost := [t.strip() for t in cells[len(FACTOR_HEADINGS) - at_column:] if t.strip()]:
            raise AllocationError(f"Pasted row {offset + first} has cells past the factors' Weight column: “{lost[0]}” "
                                  "would be lost. Copy a factor's name and weight, and paste from the Factor column.")
    if at_column == 0 and len(table) > 1 and table[0] \
            and any(ch.isdigit() for ch in table[0][0]) and not any(t.strip() for t in table[0][1:]) \
            and all(len(cells) > 1 and cells[1].strip() for cells in table[1:]):
        raise AllocationError(f"Pasted row {first}, “{table[0][0].strip()}”, has no weight while the lines under it "
                              "have theirs: it looks like a title. Copy the factors' lines without it.")
    if at_column == 0 and (total := _weights_total_line(table)) is not None:
        offset, name = total
        raise AllocationError(f"Pasted row {offset + first}: “{name}” looks like the weights' total line, not a "
                              "factor: leave it out (the weights are added up here).")
    for offset, cells in enumerate(table):
        r = at_row + offset
        if r >= len(state.options.factors):
            state = with_new_factor(state)
        try:
            for c_offset, text in enumerate(cells):
                edit = with_factor_title if at_column + c_offset == 0 else with_factor_weight
                state = edit(state, r, text)
        except AllocationError as exc:
            heading = not offset and first == 1 and any(
                at_column + i == 1 and _heading_like(text) for i, text in enumerate(cells))
            also = " The first row pasted looks like a heading: copy the factors without it." if heading else ""
            raise AllocationError(f"Pasted row {offset + first}: {exc}{also}") from None
    return state


def _weights_total_line(table: Sequence[Sequence[str]]) -> tuple[int, str] | None:
    """(offset, name) of a factors' paste line that is the paper's total of the weights ("Total 100%"): named just
    so, or named as a total ("Oxfordshire total") weighing what the other lines pasted add up to. It became a factor
    weighing as much as the rest together. A factor named with the word ("All crime total", "Total crime") is one."""
    def weight(cells: Sequence[str]) -> Fraction | None:
        try:
            return parse_weight(cells[1]) if len(cells) > 1 and cells[1].strip() else None
        except (AllocationError, ValueError):
            return None

    weights = [weight(cells) for cells in table]
    for offset, cells in enumerate(table):
        name = cells[0].strip() if cells else ""
        if not name or not looks_like_total_line(name):
            continue
        others = [w for i, w in enumerate(weights) if i != offset and w is not None]
        if typed_name_key(name).rstrip(":").strip() in ("total", "totals", "grand total") or (
                others and weights[offset] is not None and weights[offset] == sum(others)):
            return offset, name
    return None


def with_new_factor(state: WorkState, title: str = "") -> WorkState:
    keys = {f.name for f in state.options.factors}
    titles = {typed_name_key(f.title) for f in state.options.factors}
    n = len(keys) + 1
    while f"factor{n}" in keys or (not title and typed_name_key(f"Factor {n}") in titles):
        n += 1
    title = title or f"Factor {n}"
    factors = (*state.options.factors, Factor(f"factor{n}", Fraction(1), title))
    rows = tuple(replace(p, values={**p.values, f"factor{n}": Fraction(0)}) for p in state.partnerships)
    return replace(state, partnerships=rows, options=replace(state.options, factors=factors))


def without_factor(state: WorkState, index: int) -> WorkState:
    factors = list(state.options.factors)
    if len(factors) == 1:
        raise AllocationError("The variable part needs at least one factor.")
    gone = factors.pop(index)
    rows = tuple(replace(p, values={k: v for k, v in p.values.items() if k != gone.name})
                 for p in state.partnerships)
    return replace(state, partnerships=rows, options=replace(state.options, factors=tuple(factors)))
