"""The Budgets view without Qt: the plans, the selected plan as the paper lays it out, and the actions.

Built on ``services.budgets``: ``plan_view`` gives the rows (lines by section, computed subtotals and
totals, the totals the paper printed beside them, flags, year-on-year changes); every change is an
``Action`` whose undo puts the plan back from a snapshot taken before it.
"""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, NamedTuple, Sequence

from safer_desk.domain.budgets import (COLUMN_FORMS, UNIT_LABELS, BudgetError, actual_as_said, change_basis,
                                       change_heading, change_places, change_spans, column_year,
                                       format_actual_total, format_amount, format_change, heading_after, parse_change,
                                       names_a_worked_out_total, negative_taken_away_query, parse_cell,
                                       pounds_in_thousands_query)
from safer_desk.domain.money import format_money, parse_pence, states_its_scale
from safer_desk.domain.periods import FinancialYear, PeriodError
from safer_desk.domain.text import counted, filled_width, in_words, looks_like_total_line, typed_name_key
from safer_desk.exchange.files import Sheet
from safer_desk.presenters.actions import Action, run_now, snapshot_action
from safer_desk.presenters.events import Event
from safer_desk.presenters.forms import Field, FieldKind, FormError, FormPresenter
from safer_desk.presenters.screens import ScreenPresenter, read_only_refusal
from safer_desk.services import budgets as service

def plan_examples(today: date | None = None) -> tuple[str, str]:
    """The new plan's examples, (name, years): a format to follow in this financial year and the next two ("e.g. CSP
    budget 2026/27", "2026/27, 2027/28, 2028/29"), not Western Suffolk's "financial implications" of 2017/18 to
    2019/20, which were shown to every office."""
    year = FinancialYear.of(today or date.today())
    years = [year]
    for _ in range(2):
        years.append(years[-1].next())
    return f"e.g. CSP budget {year.label}", ", ".join(y.label for y in years)


SECTION_KINDS = (("expenditure", "Expenditure (adds to the total)"), ("income", "Income and grants (takes away)"),
                 ("savings", "Savings (takes away)"), ("budget", "Budget"), ("other", "Outside the total"))


# The grid's own headings as Ctrl+C copies them, beside the years: the line's name, what its totals leave out, each
# change in £ and % ("Change to 2018/19", "2-year change to 2013/14 (%)") and the Total column.
LINE_HEADING, LEFT_OUT_HEADING, TOTAL_HEADING = "Line", "Not in the figures", "Total"
NOTES_HEADING = "Notes"  # Export…'s last column: what the grid says in its tips
_IN_POUNDS = re.compile(r"\s*\((?:%|£)\)$")  # "Change to 2018/19 (%)"; a workbook's "2017/18 (£)"
_PLAIN_POUNDS = re.compile(r"-?\d+(?:\.\d\d)?")  # a figure as the grid copies it (``format_pounds_plain``)
_CHANGE_HEADING = re.compile(r"^(?:\d+-year change|change) to .+$", re.I)
# The paper's own change column between its years (seed 004: "Annual Change", its units row "%").
_PAPER_CHANGE_HEADING = re.compile(r"^(?:annual\s+)?change(?:\s*(?:%|\(%\)))?$", re.I)
_UNIT_WORDS = {"£", "£'000", "£’000", "£000", "£k", "%"}  # a paper's row of units under its heading
TOTAL_KINDS = ("subtotal", "stated", "total", "stated-total")  # rows whose figures are totals: typed over, printed
PRINTED_CHANGE_KINDS = ("line", "stated", "stated-total")  # rows whose figures are the paper's: a change printed too

# A plan's settings, as Plan settings… edits them (``BudgetsPresenter.settings_form``).
UNIT_CHOICES = (("pound", "£ (pounds)"), ("thousand", "£'000 (thousands of pounds)"))
SETTINGS_FIELDS = (
    Field("unit", "&Unit", FieldKind.CHOICE, required=True, choices=UNIT_CHOICES,
          help="The unit the paper prints its figures in. Changing it changes how figures are typed and shown, never "
               "an amount held: £884,000 shows as 884 in £'000."),
    Field("total_label", "&Total's name", placeholder="Total",
          help="The plan total's row as the paper names it (“C = A+B Gross budget”); blank: Total."),
    Field("show_total_column", "Total &column", FieldKind.CHOICE, required=True,
          choices=(("no", "Not shown"), ("yes", "Shown: each line's total across the years"))),
    Field("show_changes", "C&hanges in the report", FieldKind.CHOICE, required=True,
          choices=(("no", "Not printed"), ("yes", "Printed: each year's change % beside it, as the paper prints it")),
          help="The board report's change % columns; the grid here always shows each year's change in £ and %."),
)
UNIT_SWITCH_WORDS = ("Changing the unit changes how the figures are typed and shown, never an amount held: £884,000 "
                     "shows as 884 in £'000 and as £884,000 in £. Type again any figure keyed in the wrong unit.")


@dataclass(frozen=True)
class GridCell:
    text: str
    pence: int | None = None
    status: str = ""
    flag: str = ""
    note: str = ""
    change: str = ""  # year on year into this column, in £ and %
    # What the grid's editor starts from: a typed cell with its note in brackets, so that the note can be changed or
    # taken out there (``set_cell``); a worked-out figure as shown.
    edit_text: str = ""
    words: str = ""  # a TBC, N/K or nil in the paper's own words ("Awaiting confirmation"): the editor starts there
    change_pence: int | None = None  # the change again, for Excel: in pence, and in percent as shown ("-27.4")
    change_percent: str = ""
    change_basis: str = ""  # what the change is on: "Change on the year before", "Change on 2011/12, two years before"
    actual: str = ""  # a linked line: what its project, fund or review actually shows in this year
    actual_pence: int | None = None  # the same in pence, for Export… (in pounds, a plan in £'000 too)
    # how far the actual is from the paper's figure, in words ("£1,000 more than the paper's £7,525.58"), as
    # `budget --actuals` gives its difference (``service.figure_actual``); "" when they agree or either is unknown
    actual_difference: str = ""
    stated_change: str = ""  # the annual change the paper prints into this column ("(0.7)"), typed in its Change to
    unchecked: str = ""  # a printed total that could not be checked (a TBC or N/K in its lines): why

    @property
    def edited_figure(self) -> str:
        """The figure as the editor shows it, before any note: the paper's own words for a TBC ("Awaiting
        confirmation"), or the figure as the grid shows it."""
        return self.words or self.text


@dataclass(frozen=True)
class GridRow:
    """One row of the plan grid: a section heading, a line, a computed total or a printed one."""

    kind: str
    label: str
    cells: tuple[GridCell, ...]
    across: GridCell | None
    line_id: str | None = None
    section_id: str | None = None
    notes: str = ""
    links: tuple[service.LineLink, ...] = ()  # what a line is linked to (a project, a pooled fund, a review)
    section_kind: str = ""  # a section's heading: its kind (expenditure, income …), as SECTION_KINDS says it
    actuals_note: str = ""  # a linked line: what its actuals leave out (a review's costs with no invoice date)

    @property
    def flagged(self) -> bool:
        return any(c.flag for c in self.cells) or bool(self.across and self.across.flag)

    def change_shown(self, i: int) -> str:
        """The Change to cell beside the figure at ``i``: the change worked out, or on a printed total's "(as printed)"
        row, which has none worked out, the change the paper printed there as typed ("(17.7)"): shown blank, it
        seemed lost once typed."""
        if i >= len(self.cells):
            return ""
        cell = self.cells[i]
        return cell.stated_change if self.kind in ("stated", "stated-total") and not cell.change else cell.change

    @property
    def label_tip(self) -> str:
        """The line's notes, and what it is linked to; a section's kind and notes."""
        kind = dict(SECTION_KINDS).get(self.section_kind, "") if self.kind == "section" else ""
        linked = [f"Linked to {link.describe()}" for link in self.links]
        return "\n".join(x for x in (kind, self.notes, *linked, self.actuals_note) if x)


class CellAt(NamedTuple):
    """A cell of the grid by what it is, for Edit > Undo and Redo to choose the cells they changed: a line by its id
    (moved to another section, it is the same line), any other row by its kind and section; the plan's column by its
    heading ("" for the row's name); ``part`` "figure", "name" or "change" (the Change to column beside the year)."""

    kind: str
    line_id: str | None
    section_id: str | None
    column: str = ""
    part: str = "figure"

    @classmethod
    def of(cls, row: GridRow, column: str = "", part: str = "figure") -> "CellAt":
        return cls(row.kind, row.line_id, row.section_id, column, "name" if not column else part)

    def is_row(self, row: GridRow) -> bool:
        if self.kind == "line":
            return row.kind == "line" and row.line_id == self.line_id
        return (row.kind, row.section_id) == (self.kind, self.section_id)


def _spaced_years(heading: str) -> list[str]:
    """A plan's years typed with spaces between them ("2024/25 2025/26"): each year a column, as with commas (it was
    refused as one heading naming two years); a heading with words beside its year ("2010/11 Budget") stays whole."""
    words = heading.split()
    if len(words) < 2:
        return [heading]
    try:
        for word in words:
            column_year(word)
    except BudgetError:
        return [heading]
    return words


def _rows_counted(rows: Sequence[GridRow]) -> str:
    """"2 lines", "2 sections", or "3 rows" of both: what Del on several chosen names deletes."""
    kinds = {r.kind for r in rows}
    return counted(len(rows), "line" if kinds == {"line"} else "section" if kinds == {"section"} else "row")


def _years_of_heading_row(row: str) -> tuple[list[str], bool]:
    """A paper's heading row pasted into Years (cells between tabs) as its years alone, and whether it has a Total
    column: its caption over the line names ("Revenue/Capital/ Expenditure/Income Item", seed 002), its "Total" and
    the "Annual Change" between its years (seed 004) left aside; each was refused as a column with no year in it."""
    cells = [c.strip() for c in re.split(r"[\t\r\n]", row)]
    total = any(looks_like_total_line(c) for c in cells if c)
    kept = [c for c in cells if c and not looks_like_total_line(c) and not _PAPER_CHANGE_HEADING.match(c)]
    if kept:
        try:
            column_year(kept[0])
        except BudgetError:
            kept = kept[1:]  # the caption over the names, in the first cell
    return kept, total


_POUNDS_MARK = re.compile(r"\(?\s*£\s*\)?\s*$")  # "11/12 £" (seed 004's MTFP), "2011/12 (£)"
_THOUSANDS_MARK = re.compile(r"\(?\s*£\s*['’]?(?:000|k)\s*\)?\s*$", re.I)  # "2011/12 £'000", "(£000)"


def _thousands_marked(columns: Sequence[str]) -> bool:
    """Every year heading marks thousands ("2011/12 £'000", "2013/14 Budget (£000)"): the plan is in £'000. Made in
    pounds, it stood under headings saying thousands, and 884 typed read as £884. The headings stay as the paper
    prints them ("11/12 £" too, round 22)."""
    return bool(columns) and all((m := _THOUSANDS_MARK.search(c)) and m.start() > 0 for c in columns)


def _units_row(row: Sequence[str | None], with_names: bool) -> set[str]:
    """The units a paper's row of units copied with its rows says ("£'000 | % | £'000 …", under no name): empty when
    ``row`` is not one."""
    if with_names and (row[0] if row else ""):
        return set()
    cells = {str(c).strip() for c in (row[1:] if with_names else row) if c and str(c).strip()}
    return cells if cells and cells <= _UNIT_WORDS else set()


def _other_unit(said: set[str], unit: str, where: str) -> str:
    """The refusal of figures whose units (``said``: "thousand", "pound") are not the plan's ``unit``: 878 under
    "£'000" pasted into a plan in pounds read as £878. "" when they are the plan's, or not said."""
    if len(said) != 1 or unit in said:
        return ""
    theirs, ours = ("£'000", "pounds") if "thousand" in said else ("pounds", "£'000")
    return (f"The rows copied are in {theirs}, as {where}, but this plan is in {ours}: nothing was pasted. Set the "
            f"plan's Unit to {theirs} (Plan settings…) and paste again, or copy figures in {ours}.")


def _from_to(first: str, last: str) -> str:
    """"Employees – Support Services", or "Employees" alone."""
    return first if first == last else f"{first} – {last}"


def _cell(view_cell, unit: str) -> GridCell:
    if view_cell is None:
        return GridCell("")
    change = view_cell.change
    cell = GridCell(view_cell.text, view_cell.pence, view_cell.status, view_cell.flag, view_cell.note,
                    edit_text=view_cell.edit_text or view_cell.text, words=view_cell.words,
                    stated_change=view_cell.stated_change,
                    unchecked=view_cell.unchecked)
    if change is None:
        return cell
    return replace(cell, change=change.describe(unit), change_pence=change.change_pence,
                   change_percent=format_change(change.percent).lstrip("+").rstrip("%"),
                   change_basis=change_basis(change.since, change.years))


def _cells(row, unit: str) -> tuple[GridCell, ...]:
    """A row's cells; a linked line's with what actually happened in each year beside the plan's figure."""
    cells = tuple(_cell(c, unit) for c in row.cells)
    if not row.actuals:
        return cells
    return tuple(replace(c, actual=a.text + (" (not started)" if a.status == "not-started" else ""),
                         actual_pence=a.pence,
                         actual_difference=_difference_words(service.figure_actual(row, i), c, unit))
                 if a.text else c for i, (c, a) in enumerate(zip(cells, row.actuals)))


def _difference_words(actual: service.FigureActual, cell: GridCell, unit: str) -> str:
    """"£1,000 more than the paper's £7,525.58" (an overspend on a spending line), "£500 less than …"; "" when the
    actual is the paper's figure, or the paper's is not a figure (TBC, N/K, blank)."""
    # To the pound in a plan in £'000, as the actual is said beside it: "871.654 less", not "871.65433 less".
    difference = actual_as_said(actual.difference_pence, unit) if actual.difference_pence else 0
    if not difference or cell.pence is None:
        return ""
    more = "more" if difference > 0 else "less"
    return f"{format_amount(abs(difference), unit)} {more} than the paper's {format_amount(cell.pence, unit)}"


def _across(row, unit: str) -> GridCell | None:
    """A row's Total column; a linked line's with what actually happened across the years (the report's "actual"
    row prints that total, and the grid said it of each year but not of the Total column)."""
    if row.across is None:
        return None
    across = _cell(row.across, unit)
    shown = [a.pence for a in row.actuals if a.pence is not None]
    return replace(across, actual=format_actual_total(shown, unit)) if shown else across


def _years_into(heading: Sequence[str], years: dict[int, str], columns: Sequence) -> dict[int, int] | str:
    """Where each year copied goes (the heading's column -> the plan's column of that heading, "2017/18 Budget", else
    the first of its financial year), or a refusal naming the years copied that this plan has none of."""
    labels = {typed_name_key(column.label): i for i, column in enumerate(columns)}
    by_year = {column.financial_year: i for i, column in reversed(list(enumerate(columns))) if column.financial_year}
    into = {c: labels.get(typed_name_key(heading[c]), by_year.get(year)) for c, year in years.items()}
    missing = [heading[c] for c, at in into.items() if at is None]
    if missing:
        return (f"The rows copied hold {in_words(missing)}, which this plan has no year for: nothing was pasted. "
                "Add the year first (Add year…), then paste again; each figure goes in its own year.")
    return into  # type: ignore[return-value]


# What Link line… says of a kind the file has none of yet (a new file's), and where one is added
LINK_NONE_WHERE = {"review": "no reviews yet: add one on Costs with New case…",
                   "fund": "no pooled funds yet: add one on Costs, Pooled funds, More > New fund…",
                   "project": "no projects yet: add one on Projects with Add project"}
# short, for the Which list's width (its tooltip and Link's refusal say LINK_NONE_WHERE whole)
LINK_NONE_YET = {"review": "(none yet: add one with Costs, New case…)",
                 "fund": "(none yet: More > New fund… on Pooled funds)",
                 "project": "(none yet: add one with Add project)"}


class BudgetsPresenter(ScreenPresenter):
    tab = "budgets"

    def __init__(self, store, *, perform: Callable[[Action], object] = run_now, read_only: bool | None = None):
        super().__init__(perform=perform)
        self.store = store
        self.read_only = bool(store.read_only) if read_only is None else read_only
        self.plans: list[service.PlanSummary] = []
        self.outside: frozenset[str] = frozenset()  # plans of no area of the office's: listed last (``outside_note``)
        self.view: service.PlanView | None = None
        self.rows: list[GridRow] = []
        # A plan in pounds with pence in any figure shows them in every figure (``shown``), as the board report prints
        # it: "£0.00" beside "£7,525.58" (seed 002), a total printed to the pound "£12,526.00" beside "£12,525.58".
        self.pence_throughout = False
        self.error = ""
        # What a change that went through read in a way to be told (a paste's Annual Change columns placed from the
        # plan's years, its Total column left aside): shown under the grid until the next change or another plan.
        self.told = ""
        self._query: tuple[str | None, ...] | None = None  # a figure asked about once (its cell, text): again, kept
        self.added_section: str | None = None  # the section last added: the one the next line goes into
        self.split_notes: list = []  # cells whose note states a split an older version did not read as one
        # Link line…'s projects declined or withdrawn, greyed with the reason: (id, name, "withdrawn on 01/06/2017")
        self.projects_held_back: list[tuple[str, str, str]] = []
        self.plans_changed = Event()
        # The cells an undo or a redo changed, while it redraws: the grid chooses them, in their plan (``_change``).
        self.undone_cells: tuple[CellAt, ...] = ()

    # -- reading ---------------------------------------------------------------------------------------
    def _read_plans(self) -> None:
        """The file's plans: the office's own first, as its board report shows them; others' after, said apart
        (``outside_note``)."""
        from safer_desk.services.report_sections.budgets import plans_outside_office

        plans = service.list_plans(self.store)
        self.outside = plans_outside_office(self.store, [p.id for p in plans])
        self.plans = [p for p in plans if p.id not in self.outside] + [p for p in plans if p.id in self.outside]

    def reload(self) -> None:
        self._read_plans()
        self.plans_changed.emit()
        if self.selected and not any(p.id == self.selected for p in self.plans):
            self.selected = None
        self.select(self.selected or (self.plans[0].id if self.plans else None))

    def outside_note(self) -> str:
        """Under the plan list: which plans are of other areas, and that the board report leaves them out; "" when
        none is (the register leaves other counties' projects out of All areas so, as the report does)."""
        if not self.outside:
            return ""
        from safer_desk.services.report_sections.budgets import plan_area_names

        where = plan_area_names(self.store, sorted(self.outside))
        n = len(self.outside)
        return (f"The last {counted(n, 'plan') if n > 1 else 'plan'} {'are' if n > 1 else 'is'} of "
                f"{'areas' if len(where) != 1 or n > 1 else 'an area'} outside this office's"
                f"{f' ({in_words(where)})' if where else ''}: its board report leaves "
                f"{'them' if n > 1 else 'it'} out.")

    def select(self, plan_id: str | None) -> None:
        if plan_id != self.selected:
            self.told = ""
        self.selected = plan_id
        self.view = service.plan_view(self.store, plan_id) if plan_id else None
        unit = self.view.plan.unit if self.view else "pound"
        self.split_notes = service.splits_in_notes(self.view.plan) if self.view else []
        kinds = {s.id: s.kind for s in self.view.plan.sections} if self.view else {}
        self.rows = [GridRow(r.kind, r.label, _cells(r, unit), _across(r, unit),
                             r.line_id, r.section_id, r.notes, r.links,
                             kinds.get(r.section_id, "") if r.kind == "section" else "", r.actuals_note)
                     for r in self.view.rows] if self.view else []
        self.pence_throughout = unit == "pound" and service.shows_pence(
            c.text for r in self.rows for c in (*r.cells, *((r.across,) if r.across else ())))
        self._list_as_shown()
        self.changed.emit()

    def shown(self, text: str) -> str:
        """A figure, change or total as the grid shows it: "£0.00" in a plan showing pence throughout (the figures
        themselves, what is copied, exported and typed over, stay as held: "£0")."""
        return service.with_pence(text) if self.pence_throughout else text

    def _list_as_shown(self) -> None:
        """The plan list's ⚠ count for the plan shown, as its grid now has it: an edit, its undo or its redo that
        settles (or makes) a disagreement left the list saying "⚠ 1" (or nothing) until it was filled again."""
        at = next((i for i, s in enumerate(self.plans) if self.view and s.id == self.view.plan.id), None)
        if at is not None and self.plans[at].flags != len(self.view.totals.flags):
            self.plans[at] = replace(self.plans[at], flags=len(self.view.totals.flags))
            self.plans_changed.emit()

    @property
    def columns(self) -> list[str]:
        return [c.label for c in self.view.plan.columns] if self.view else []

    @property
    def change_columns(self) -> set[int]:
        """The columns (by position) a year-on-year change is worked out into: every year but the earliest, whatever
        the order of the columns (a plan saved newest first, as older versions could, has its first column's)."""
        if not self.view:
            return set()
        later = change_spans(self.view.plan)
        return {i for i, c in enumerate(self.view.plan.columns) if c.id in later}

    def change_heading(self, position: int) -> str:
        """The heading of the change into the column at ``position``: "Change to 2014/15", or "2-year change to
        2013/14" where the paper skips 2012/13 (the change is then over two years, not one)."""
        column = self.view.plan.columns[position]
        _, years = change_spans(self.view.plan).get(column.id, (None, 1))
        return change_heading(column.label, years)

    @property
    def shows_total_column(self) -> bool:
        return bool(self.view and self.view.plan.show_total_column)

    def sections(self) -> list[tuple[str, str]]:
        return [(s.id, s.name) for s in self.view.plan.sections] if self.view else []

    def warnings(self) -> tuple[str, ...]:
        return self.view.warnings if self.view else ()

    def unchecked(self) -> tuple[str, ...]:
        """Why each printed total that could not be checked was not (a TBC or N/K in its lines)."""
        return tuple(c.unchecked for r in self.rows for c in r.cells if c.unchecked)

    def warnings_shown(self, most: int = 3) -> tuple[str, str]:
        """The disagreements, then the printed totals that could not be checked, as said under the grid, and all of
        them: past ``most``, the rest are counted (nine lines of them pushed the grid down to two rows on a laptop;
        each is marked ⚠ or ℹ in the grid)."""
        unchecked = [f"ℹ {w}" for w in self.unchecked()]
        lines = [f"⚠ {w}" for w in self.warnings()] + unchecked
        if len(lines) <= most:
            return "\n".join(lines), "\n".join(lines)
        marks = "⚠ or ℹ" if unchecked else "⚠"
        more = f"… and {len(lines) - most} more, each marked {marks} in the grid (point here to read them all)."
        return "\n".join([*lines[:most], more]), "\n".join(lines)

    def summary(self) -> str:
        """A short text for screen readers and the status line: the plan, its source and its flags."""
        if self.view is None:
            return "No plan yet: type a name and its years, then New plan; add sections, lines and cells."
        p = self.view.plan
        flags = len(self.view.warnings)
        # The unit said (a plan in £'000 shows 884 for £884,000), unless the plan's name says it already.
        unit = UNIT_LABELS[p.unit] if p.unit != "pound" and UNIT_LABELS[p.unit] not in p.name else ""
        head = f"{p.name}" + (f" ({p.source})" if p.source else "") + (f", in {unit}" if unit else "")
        # A plan just made, walked as the guide tells it: each step says the next, not what holds of no figures.
        if not p.sections:
            return head + (": no sections yet: type a Section name below, choose its kind and press Add section; "
                           "then its lines.")
        if not any(section.lines for section in p.sections):
            return head + (": no lines yet: type each Line below and press Enter; then double-click a cell to type "
                           "what the paper states.")
        if not service.plan_has_figures(p):
            return head + ": no figures yet: double-click a cell to type what the paper states."
        verb = "disagrees" if flags == 1 else "disagree"
        unchecked = len(self.unchecked())
        # Not "every printed figure agrees" when some could not be checked (a TBC or N/K in their lines).
        not_checked = f"{counted(unchecked, 'printed total')} could not be checked (a TBC or N/K in the lines)"
        if flags:
            return head + f": {counted(flags, 'printed figure')} {verb} with the lines" + \
                (f"; {not_checked}." if unchecked else ".")
        # "the others agree" only when some printed figure was checked and agreed: of none, it misleads.
        checked = any(c.agrees for c in self.view.totals.checks)
        others = "; the others agree with their lines" if checked else ""
        if unchecked:
            return head + f": {not_checked}{others}."
        # A plan printing no totals of its own has nothing to agree: "every printed figure agrees" claimed a check.
        if checked:
            return head + ": every printed figure agrees with its lines."
        # The paper's total printed as TBC or N/K is in its "(as printed)" row: printed, though not checked.
        words = sum(1 for r in self.rows if r.kind in ("stated", "stated-total")
                    for c in (*r.cells, *((r.across,) if r.across else ())) if c.text and c.pence is None)
        if words:
            return head + (f": {counted(words, 'printed total')} {'is' if words == 1 else 'are'} TBC or N/K as the "
                           f"paper prints {'it' if words == 1 else 'them'}, so "
                           f"{'it was' if words == 1 else 'they were'} not checked against its lines.")
        return head + ": it prints no totals of its own to check against its lines."

    # -- changes ---------------------------------------------------------------------------------------
    def _change(self, text: str, plan_id: str, do: Callable[[], Any], cells: Sequence[CellAt] = (), *,
                names_plan: bool = False) -> bool:
        """One change to a plan: undo and redo put the plan's rows back as they were either side (a redo does not
        make the change again, which would give a new line a new id that a later change does not know).

        Edit > Undo names the plan after what changed ("Undo set Employees, 2011/12 in plan …", as the History
        names a figure by its plan): a file holds several plans, each with its Employees and its 2011/12.
        ``names_plan``: ``text`` names it already.

        Undone or redone, the plan is shown with ``cells`` (the cells the change is in) chosen, as the Projects
        register chooses the project undone: the officer sees what changed, whatever plan or cell was in view. Not
        when it is first made: the officer is looking at it, and Tab or Enter takes the grid on from there."""
        if self.read_only:
            return self.refuse_read_only(text)
        plan = next((p.name for p in self.plans if p.id == plan_id), None)
        if not names_plan and plan:
            text = f"{text} in plan {plan}"
        shown: list[bool] = []

        def after(_key) -> None:
            self.undone_cells = tuple(cells) if shown else ()
            shown.append(True)
            try:
                self.select(plan_id)
            finally:
                self.undone_cells = ()

        return self._perform(self._plan_action(text, plan_id, do, after=after))

    def _plan_action(self, text: str, plan_id: str | None, do: Callable[[], Any],
                     after: Callable[[str | None], None]) -> Action:
        store = self.store
        return snapshot_action(text, key=plan_id, snap=lambda k: service.snapshot_plan(store, k),
                               restore=lambda snap: service.restore_plan(store, snap),
                               absent=lambda k: service.PlanSnapshot(k, None), change=do, after=after, tab=self.tab)

    def _show_plans(self, plan_id: str | None) -> None:
        """After a plan is made, deleted or put back: the list again, that plan selected if it is there."""
        self._read_plans()
        self.plans_changed.emit()
        exists = any(p.id == plan_id for p in self.plans)
        self.select(plan_id if exists else (self.plans[0].id if self.plans else None))

    def _perform(self, action: Action) -> bool:
        # Cleared first: a change that succeeds redraws through its ``after`` (select), and a refusal left on screen
        # then had an officer believing it, and adding the line again.
        self.error = self.told = ""
        try:
            self.perform(action)
        except BudgetError as exc:
            # A refusal ends the question asked once, too: "£62,499" typed again later is asked about again, not
            # kept as £62,499,000 because it was asked about before the refusal.
            self._query = None
            self.error = str(exc)
            # Read again: a refusal can come from the file having changed under the plan shown (a line a merge took
            # away was refused, and stayed on screen with the totals it no longer makes).
            self.reload()
            return False
        self._query = None
        return True

    def pasted_figure(self, table: Sequence[Sequence[str]], *, why_none: str = "",
                      editable: bool = True, over: GridCell | None = None) -> str | None:
        """What Edit > Paste (Ctrl+V) on the grid puts in the chosen cell: the one cell copied from Excel, as if typed
        there (one step of Edit > Undo). None, and said, for a block, nothing to paste or a cell not typed in: the
        grid's Paste did nothing, and said nothing, so a figure copied from the paper's sheet was silently not in.
        Over a figure with a note (``over``), the note stays, as typing the figure there keeps it."""
        cells = [[str(c).strip() for c in row] for row in table]
        cells = [row[:filled_width(row)] for row in cells if filled_width(row)]
        if self.read_only:
            self.error = "The file is open read-only: nothing is pasted."
        elif why_none or not cells:
            self.error = why_none or "There is nothing to paste: the cell copied is empty (Del empties the cell)."
        elif len(cells) > 1 or len(cells[0]) > 1:
            self.error = (f"A block of {counted(len(cells), 'row')} and {counted(max(map(len, cells)), 'column')} "
                          "cannot be pasted here: paste one cell at a time (copy a single figure in Excel, choose "
                          "its cell here, and press Ctrl+V), or type the figures.")
        elif not editable:
            self.error = ("Choose a line's figure (or a total's, for the figure the paper printed) to paste into: "
                          "this cell is worked out.")
        else:
            return self._keeping_note(cells[0][0], over)
        self.changed.emit()
        return None

    def _keeping_note(self, figure: str, over: GridCell | None) -> str:
        """The figure with the note in brackets the cell's editor shows after its figure (the part typing over the
        selected figure keeps): pasted alone, "£8,000" over "£7,525.58 (Cost to be reimbursed …)" took the note
        away without a word. A figure pasted with a note of its own is the whole cell, as typed whole; one pasted with
        a split alone keeps the note, as typing it over the selected figure does."""
        shown = over.edited_figure if over is not None else ""
        kept = over.edit_text[len(shown):] if over is not None and over.edit_text.startswith(shown) else ""
        if not kept.strip() or self.view is None:
            return figure
        try:
            read = parse_cell(figure, unit=self.view.plan.unit)
        except BudgetError:
            return figure  # refused as pasted, naming what was pasted
        return figure if read.note else figure + kept

    @staticmethod
    def is_block(table: Sequence[Sequence[str]]) -> bool:
        """More than one cell copied (empty cells and rows after the last filled ones left out)."""
        rows = [list(r[:filled_width(r)]) for r in table]
        while rows and not rows[-1]:
            rows.pop()
        return len(rows) > 1 or (len(rows) == 1 and len(rows[0]) > 1)

    def paste_block(self, start: int, position: int | None, table: Sequence[Sequence[str]], *,
                    with_names: bool = False) -> bool:
        """Cells copied from Excel (a line's years, or a section's lines by year) typed into the line at ``start`` (a
        row of the grid) from the plan's column at ``position``, and into the lines below it in its section: one step
        of Edit > Undo. An empty cell empties its cell, as in Excel. ``with_names``: pasted on the line's name, each
        row's first cell is its line's name (checked against the line's there) and its figures go from the first year.
        A block that does not fit there, or with a figure the plan cannot take, is refused naming the cell, and
        nothing is pasted; a figure to ask about is asked about (pasted again, kept)."""
        rows = [[str(c).strip() for c in r] for r in table]
        while rows and not filled_width(rows[-1]):
            rows.pop()
        row = self.rows[start] if self.view is not None and 0 <= start < len(self.rows) else None
        columns = self.view.plan.columns if self.view is not None else ()
        printed: list[tuple[int, int, str]] = []  # the paper's Annual Change: (row copied, plan column, text)
        stated: list[tuple[int, str, str]] = []  # the paper's Total column: (row copied, its heading, text)
        between = ""  # the changes read between the years of rows copied without their heading: how, to be told
        if (grid := self._grid_copy(rows, columns)) is not None:  # this grid's own rows, with its heading row
            if isinstance(grid, str):
                return self._refused(grid)
            rows, position, with_names = *grid, True
        elif (paper := self._paper_copy(rows, columns)) is not None:  # the paper's rows, with its heading row
            if isinstance(paper, str):
                return self._refused(paper)
            rows, position, printed, stated = paper
            with_names, grid = True, paper
        elif with_names:
            position = 0
        if grid is None and len(rows) > 1 and (units := _units_row(rows[0], with_names)):
            # Seed 004's "£'000 | % | £'000 …" copied over the rows without the heading above it: not a line.
            rows = rows[1:]
            if refusal := _other_unit({"thousand" if "000" in u or u.lower() == "£k" else "pound"
                                       for u in units if u != "%"},
                                      self.view.plan.unit if self.view is not None else "pound",
                                      "their row of units says"):
                return self._refused(refusal)
        if self.read_only:
            return self._refused("The file is open read-only: nothing is pasted.")
        if row is None or row.kind != "line" or position is None or not 0 <= position < len(columns):
            return self._refused("Choose the line's figure the first copied figure goes in (a cell of a line, under "
                                 "its year; or the line's name, for rows copied with their names), then paste: "
                                 "nothing was pasted.")
        year_names = {typed_name_key(column.label): column.label for column in columns}
        head_cells = [c for c in (rows[0][1:] if with_names else rows[0]) if c] if rows else []
        heading = [year_names.get(typed_name_key(c)) for c in head_cells] if grid is None else []
        if heading and all(heading):  # the sheet's heading row copied with the figures
            return self._refused(f"The first row copied is the plan's years ({_from_to(heading[0], heading[-1])}), "
                                 "not figures: nothing was pasted. Copy the lines' figures without the heading row, "
                                 "and paste again.")
        if len(heading) > 1 and all(heading[:-1]) and looks_like_total_line(head_cells[-1]):  # years, then "Total"
            return self._refused(f"The first row copied is the plan's years ({_from_to(heading[0], heading[-2])}) and "
                                 f"the paper's “{head_cells[-1]}”, not figures: nothing was pasted. Copy the lines' "
                                 "figures without the heading row and without the Total column, which the plan works "
                                 "out (Plan settings… shows it), and paste again.")
        down = [year_names.get(typed_name_key(r[0])) for r in rows if r and r[0]] if not with_names else []
        if down and all(down):  # a sheet laid out the other way round: years down, lines across
            return self._refused(f"The first column copied is the plan's years ({_from_to(down[0], down[-1])}), down "
                                 "the rows: the plan has its years across. Nothing was pasted: copy the figures "
                                 "alone, with the years across (in Excel, Paste Special > Transpose turns them), and "
                                 "paste again.")
        lines = [r for r in self.rows[start:] if r.kind == "line" and r.section_id == row.section_id]
        section = next((s.name for s in self.view.plan.sections if s.id == row.section_id), "")
        heading_row = ""
        if with_names and len(rows) > 1 and rows[0] and not filled_width(rows[0][1:]) and lines \
                and typed_name_key(rows[0][0] or "") == typed_name_key(section) != typed_name_key(lines[0].label):
            heading_row = rows.pop(0)[0]  # the MTFP's "Community Safety" alone over its lines: the section's heading
            printed = [(n - 1, column, text) for n, column, text in printed if n > 0]  # counted from the first line
            stated = [(n - 1, heading, text) for n, heading, text in stated if n > 0]
        while with_names and len(rows) > len(lines) and not filled_width(rows[-1][1:]):
            rows.pop()  # seed 002's "Net Effect" row, blank in the paper, under the lines copied: nothing to paste
        if with_names and (at := self._unnamed_subtotal(rows)):  # the MTFP's subtotal: figures with no name
            return self._refused(f"The row copied with no name under “{rows[at - 1][0]}” adds up the "
                                 f"{counted(at, 'row')} above it: it is the paper's subtotal, which the plan works out "
                                 "(pasted on a line, it would count every line twice). Nothing was pasted: copy the "
                                 "lines without it and paste again (to keep the subtotal the paper printed, type it "
                                 "over the worked-out one).")
        if with_names and len(rows) > len(lines) and self._names_a_total(rows[len(lines)][0], row.section_id):
            return self._refused(f"The row copied as “{rows[len(lines)][0]}” is the paper's total, which the plan "
                                 "works out (pasted on a line, it would count every line twice). Nothing was pasted: "
                                 "copy the lines without their total row and paste again (to keep the total the "
                                 "paper printed, type it over the worked-out one).")
        if len(rows) > len(lines):
            return self._refused(f"{len(rows)} rows were copied, but from {row.label} the section {section} has only "
                                 f"{counted(len(lines), 'line')}: nothing was pasted. Copy one section's lines at a "
                                 "time (its subtotal is worked out, not pasted), or add its lines first.")
        if with_names:
            for line, copied in zip(lines, rows):
                name = copied[0] if copied else ""
                if typed_name_key(name) != typed_name_key(line.label) and self._names_a_total(name, row.section_id):
                    return self._refused(f"The row copied as “{name}” is the paper's total, which the plan works out "
                                         "(pasted on a line, it would count every line twice). Nothing was pasted: "
                                         "copy the lines without their total row and paste again (to keep the total "
                                         "the paper printed, type it over the worked-out one).")
                if typed_name_key(name) != typed_name_key(line.label):
                    return self._refused(f"The row copied as “{name}” would go on the line “{line.label}”: nothing "
                                         "was pasted. Choose the name of the line the first row copied is, or copy "
                                         "the figures without their names and paste them on the line's first year.")
            rows = [copied[1:] for copied in rows]
        wide, left = max(map(filled_width, rows), default=0), len(columns) - position
        if grid is None and wide > left and (placed := self._changes_between(rows, wide, left, position)):
            rows, printed, between = placed  # seed 004's "878 (0.7) 884 …" without its heading row
            wide = max(map(filled_width, rows), default=0)
        elif grid is None and wide <= left and (either := self._either_reading(rows, wide, position, row.line_id)):
            return self._refused(either)
        summing = self._adds_up_across(rows, wide)  # rows whose last figure adds up those before it (0: not every row)
        total_column = summing > 1  # asked about: on one row ("100 200 300"), the years may simply add up
        if summing and wide > left:  # refused anyway, too wide: one row is reason enough to say what it looks like
            return self._refused(f"The last of the {wide} figures copied across adds up the figures before it on "
                                 f"every row: it is the paper's Total column, which the plan works out (Plan "
                                 "settings… shows it). Nothing was pasted: copy the years' figures without it, and "
                                 "paste again.")
        if wide > left:
            named = rows and rows[0] and typed_name_key(rows[0][0]) == typed_name_key(row.label) and not with_names
            return self._refused(f"{wide} figures were copied across, but from {columns[position].label} the plan has "
                                 f"only {counted(left, 'year')}: nothing was pasted. "
                                 + ("The first cell copied is the line's name: choose the line's name and paste "
                                    "again." if named else
                                    # seed 004's "878 (0.7) 884 (27.5) …": the paper's annual change between years
                                    "If the paper prints an annual change between its years, copy its heading row "
                                    "of years with the rows (and their names) and paste on the first line's name: "
                                    "each change then goes beside its year." if wide == 2 * left - 1 else
                                    "Choose the cell of the year the first figure belongs to, or add the years first "
                                    "(Add year…)."))
        # Cells after the block's last filled column (a trailing tab) are not the block's: they empty nothing.
        cells = [(line, columns[position + c], text) for line, copied in zip(lines, rows)
                 for c, text in enumerate(copied[:wide]) if text is not None]  # None: a year not copied
        if not cells:
            return self._refused("Only the lines' names were copied, with no figures: nothing was pasted.")
        for line, column, text in cells:
            if text:
                try:
                    parse_cell(text, unit=self.view.plan.unit)
                except BudgetError as exc:
                    return self._refused(f"{line.label}, {column.label}: {exc} Nothing was pasted.")
        changes = [(lines[at], columns[column], text) for at, column, text in printed if at < len(lines)]
        for line, column, text in changes:
            try:
                parse_change(text)
            except BudgetError as exc:
                return self._refused(f"{line.label}, {self.change_heading(columns.index(column))}: {exc} Nothing "
                                     "was pasted.")
        key = ("block", row.line_id, position, tuple(map(tuple, rows)))
        asked = [(line, column, text) for line, column, text in cells
                 if text and self._query_about(text, line.line_id, column.id)]
        stated_asked, stated_told = self._paper_total_column(stated, rows, lines)
        # The paper's total row and its Total column, copied with the figures.
        totals = [q for q in (self._total_row_query(rows, lines[len(rows) - 1].label),
                              self._total_column_query(columns[position + wide - 1].label) if total_column else "",
                              stated_asked)
                  if q]
        summed = " ".join(totals)
        if (asked or summed) and self._query != key:  # every figure asked about is named: pasted again, all are kept
            said = []
            if asked:
                (line, column, text), more = asked[0], asked[1:]
                also = "; ".join(f"{line.label}, {column.label} (“{text}”)" for line, column, text in more)
                said.append(f"{line.label}, {column.label}: {self._query_about(text, line.line_id, column.id)}"
                            + (f" Asked about as well: {also}." if more else ""))
            self._query = key
            self.error = (" ".join([*said, summed]).strip() + " Paste the same cells again to keep "
                          + ("them all" if len(asked) + len(totals) > 1 else "it") + ". Nothing was pasted.")
            self.changed.emit()
            return False
        where = _from_to(lines[0].label, lines[len(rows) - 1].label)
        years = _from_to(cells[0][1].label, max((c for _, c, _ in cells), key=columns.index).label)
        also = f" and {counted(len(changes), 'printed change')}" if changes else ""
        done = self._change(f"Paste {counted(len(cells), 'figure')}{also} into {where}, {years}", self.selected,
                            lambda: service.set_cells(self.store, [(line.line_id, column.id, text)
                                                                   for line, column, text in cells],
                                                      changes=[(line.line_id, column.id, text)
                                                               for line, column, text in changes]),
                            [CellAt("line", line.line_id, None, column.label) for line, column, _ in cells])
        headed = (f"The row “{heading_row}” copied over the lines, with no figures, is the section's heading: left "
                  "aside.") if heading_row else ""
        if done and (between or stated_told or headed):
            self.told = " ".join(filter(None, (between, stated_told, headed)))
            self.changed.emit()
        return done

    def _either_reading(self, rows: list[list[str | None]], wide: int, position: int, line_id: str | None) -> str:
        """Rows copied without their heading that fit the years from ``position`` either way: as that many years'
        figures, or as the paper's years with its annual change between each two ("878 | (0.7) | 884": 2010/11, its
        change into 2011/12 and 2011/12's, or three years). Nothing copied tells which, so the first paste asks, naming
        both and how to get each; pasting the same cells again keeps them as the years' figures. "" when only one
        reading fits, or when asked already."""
        key = ("block", line_id, position, tuple(map(tuple, rows)))
        asked = ("either",) + key
        if self._query in (key, asked) or self.view is None:
            return ""
        if (read := self._changes_between(rows, wide, wide, position)) is None:
            return ""
        figures, printed, _ = read
        unit = self.view.plan.unit
        # Excel shows a year of £0 as "-": "12,000 | - | 13,000" is no change between two figures that differ.
        if not all(_may_be_the_change(figures[n][c - position - 1], figures[n][c - position], text, unit)
                   for n, c, text in printed):
            return ""
        self._query = asked
        years = (wide + 1) // 2
        columns = self.view.plan.columns
        first = next(r for r in rows if filled_width(r))
        shown = ", ".join(f"“{c}”" for c in first[:wide] if c)
        return (f"The {wide} figures copied across ({shown}) read two ways, and nothing copied tells which: as "
                f"{wide} years' figures ({_from_to(columns[position].label, columns[position + wide - 1].label)}), or "
                f"as the paper's {years} years with its annual change (%) between them, as its Annual Change columns "
                f"print it ({_from_to(columns[position].label, columns[position + years - 1].label)}). Nothing was "
                "pasted. To place each change beside its year, copy the heading row of years with them (and the "
                "lines' names) and paste on the first line's name; to take them as the years' figures, paste the same "
                "cells again.")

    def _changes_between(self, rows: list[list[str | None]], wide: int, left: int, position: int
                         ) -> tuple[list[list[str | None]], list[tuple[int, int, str]], str] | None:
        """Rows copied without their heading, too wide for the years from ``position``, read as the paper's years
        with its annual change between each two (seed 004: "878 (0.7) 884 (27.5) 641 1.7 652 (0.6) 648", nine figures
        for five years): the years' figures, each change (row, plan column of the year it is into, text) and what to
        tell. Only when the years fit, a change stands between every two of them on every row, and every one of them
        reads as a printed change ("(0.7)", "1.7", "-", never "12,000" or "£5,000"); None otherwise."""
        years = (wide + 1) // 2
        if wide % 2 == 0 or years < 2 or years > left or self.view is None:
            return None
        figures, printed, shown = [], [], []
        for n, copied in enumerate(rows):
            cells = list(copied[:wide]) + [""] * (wide - len(copied))
            for k, text in enumerate(cells[1::2]):
                if not text:
                    continue
                # In the paper's form of a change ("(0.7)", "1.7", "-", "5%"), never a figure that may be a year's
                # own ("884" in £'000, "12,000", "£5,000"): seven figures of a £'000 line are no years and changes.
                if "," in text or "£" in text or not (text in ("-", "–", "—") or any(c in text for c in "(.%")):
                    return None
                try:
                    parse_change(text)
                except BudgetError:
                    return None
                printed.append((n, position + k + 1, text))
                shown.append(text)
            figures.append(cells[0::2])
        if not printed:
            return None
        columns = self.view.plan.columns
        into = _from_to(columns[position + 1].label, columns[position + years - 1].label)
        told = (f"The {wide} figures copied across each row were read as the paper's {years} years with its annual "
                f"change (%) between each two, as its Annual Change columns print it: each change (“{shown[0]}” "
                f"first) is in the Change to column of the year after it ({into}), checked as if typed there. If "
                "they were not changes, undo the paste (Ctrl+Z).")
        return figures, printed, told

    def _paper_total_column(self, stated: list[tuple[int, str, str]], rows: list[list[str | None]],
                            lines: Sequence[GridRow]) -> tuple[str, str]:
        """The paper's Total column copied with its heading row (left aside: the plan works it out) checked against
        the years copied beside it, as (what to ask first: the lines whose Total disagrees with their years, "" when
        none does; what to tell once pasted). Both "" when the column is empty (seed 002's)."""
        if not stated or self.view is None:
            return "", ""
        unit, heading = self.view.plan.unit, stated[0][1]
        differ, unchecked, agree = [], [], []
        for n, _, text in stated:
            if n >= len(rows) or n >= len(lines):
                continue
            try:
                total = parse_cell(text, unit=unit)
                years = [parse_cell(t, unit=unit) for t in rows[n] if t]
            except BudgetError:
                unchecked.append(lines[n].label)
                continue
            if not total.known or not years or not all(cell.known for cell in years):
                unchecked.append(lines[n].label)
                continue
            added = sum(cell.pence for cell in years)
            if added == total.pence:
                agree.append(lines[n].label)
            else:
                differ.append(f"{lines[n].label}, {heading} {format_money(total.pence)} but its years copied add up "
                              f"to {format_money(added)}")
        left_aside = (f"The paper's “{heading}” column was not pasted: the plan works each line's total out (Plan "
                      "settings… shows it).")
        checked = [("Its figures agree with the years copied." if not unchecked else
                    f"It agrees with the years copied for {in_words(agree)}.") if agree and not differ else "",
                   f"It disagrees with its own rows: {'; '.join(differ)}." if differ else "",
                   f"Not checked for {in_words(unchecked)}: a TBC or N/K among the figures." if unchecked else ""]
        told = " ".join(filter(None, [left_aside, *checked]))
        asked = (f"The paper's “{heading}” column copied disagrees with its own rows: {'; '.join(differ)}. The "
                 "Total is not pasted either way (the plan works it out): check the rows copied are the paper's "
                 "whole rows, each figure under its year; pasted again, the years go in as copied.") if differ else ""
        return asked, told

    def _grid_copy(self, rows: Sequence[Sequence[str]], columns: Sequence) -> tuple[list[list], int] | str | None:
        """Rows copied from this grid (Ctrl+C copies whole rows under the grid's heading row: Line, the years, each
        Change to in £ and %, Total) as ``paste_block`` takes rows copied with their names: each row's name, then its
        figures from the plan's first year copied on (None in a year not copied), and that year's position. By year,
        not by place: a figure goes in the plan's column of its heading, or of its financial year ("2017/18" in
        "2017/18 Budget"); the worked-out columns are left out. A refusal (str) when a year copied is not the plan's.
        None for anything else (cells copied from Excel). The grid copies plain pounds, in a plan in £'000 too: pasted
        into one, they are its thousands ("62000" pasted read as £62 million)."""
        head = list(rows[0]) if rows else []
        if not head or typed_name_key(head[0]) != typed_name_key(LINE_HEADING):
            return None
        years: dict[int, str] = {}
        # The plan's Export… heads its money columns "2017/18 (£)" in a workbook, and ends with its Notes: its rows,
        # copied from Excel, paste back as the grid's own.
        words = [_IN_POUNDS.sub("", text).strip() for text in head]
        for c, text in enumerate(words[1:], start=1):
            if typed_name_key(text) in (typed_name_key(LEFT_OUT_HEADING), typed_name_key(TOTAL_HEADING),
                                        typed_name_key(NOTES_HEADING)) or _CHANGE_HEADING.match(text):
                continue
            try:
                years[c] = column_year(text)
            except BudgetError:
                return None  # not the grid's heading row
        if not years:
            return None
        into = _years_into(words, years, columns)
        if isinstance(into, str):
            return into
        first, last = min(into.values()), max(into.values())
        source = {at: c for c, at in into.items()}
        unit = self.view.plan.unit if self.view is not None else "pound"

        def figure(r: Sequence[str], at: int) -> str | None:
            if at not in source:
                return None
            text = r[source[at]] if source[at] < len(r) else ""
            if unit == "pound" or not _PLAIN_POUNDS.fullmatch(text):
                return text
            return format_amount(parse_pence(text), unit)

        return [[r[0] if r else "", *(figure(r, at) for at in range(first, last + 1))] for r in rows[1:]], first

    def _paper_copy(self, rows: Sequence[Sequence[str]], columns: Sequence
                    ) -> tuple[list[list], int, list[tuple[int, int, str]]] | str | None:
        """The paper's own rows copied with its heading row: the table's caption over the lines' names, then its years
        with any Total or annual change it prints between them (seed 004: "Revenue | 2010/11 Budget | Annual
        Change | 2011/12 Budget …", seed 002: "Revenue/Capital/ Expenditure/Income Item | Total | 2017/18 …"), and
        under it perhaps a row of units ("£'000 | % | …"). As ``_grid_copy`` gives them: each row's name and its
        figures from the plan's first year copied on, that year's position, and the changes printed, (row, plan
        column, text), each into the year it is between and that the change is to (the paper's Annual Change before
        its year; after it, where the first year is followed by a year). The paper's figures are in the plan's unit;
        the Total is worked out and left aside. A refusal (str) when a year copied is not the plan's. None for
        anything else, figures copied under their years without their names among it (said as the heading row): the
        MTFP's rows under "Community Safety including Drugs and Alcohol Portfolio | 11/12 £ | 12/13 £ …" were refused
        as "3 rows were copied, but … only 2 lines", the heading counted as a line."""
        head = [c.strip() for c in rows[0]] if rows else []
        if len(head) < 2 or not any(head[1:]):
            return None
        try:
            column_year(head[0])
            return None  # figures copied with their years over them, no names: said as the heading row
        except BudgetError:
            pass
        years: dict[int, str] = {}
        changes: list[int] = []
        totals: list[int] = []  # the paper's Total column: left aside, its figures checked against the years
        for c, text in enumerate(head[1:], start=1):
            if text and looks_like_total_line(text):
                totals.append(c)
            if not text or looks_like_total_line(text):
                continue
            if _PAPER_CHANGE_HEADING.match(text):
                changes.append(c)
            else:
                try:
                    years[c] = column_year(text)
                except BudgetError:
                    return None  # not a heading row of years
        if not years:
            return None
        into = _years_into(head, years, columns)
        if isinstance(into, str):
            return into
        twice = [head[c] for c, at in into.items() if list(into.values()).count(at) > 1]
        if twice:  # "2017/18 Budget" beside "2017/18 Actual": one would be pasted over the other
            return (f"The rows copied hold {in_words(twice)}, which would go in the same year of this plan: nothing "
                    "was pasted. Copy one column for each year (the plan's figures, not what was spent: Link line… "
                    "sets what actually happened beside them).")
        order = sorted(years)
        before_its_year = len(order) < 2 or any(order[0] < c < order[1] for c in changes)
        change_into: dict[int, int] = {}
        for c in changes:
            year = min((y for y in order if y > c), default=None) if before_its_year else \
                max((y for y in order if y < c), default=None)
            if year is None or into[year] == 0:
                return (f"The “{head[c]}” copied is not between two of the years copied, so the year it is a change "
                        "to is not known: nothing was pasted. Copy the rows with the years either side of it.")
            change_into[c] = into[year]
        body = [list(r) for r in rows[1:]]
        units: set[str] = set()
        while body and not (body[0][0].strip() if body[0] else "") and all(
                x.strip() in _UNIT_WORDS for x in body[0] if x.strip()):
            units |= {body[0][c].strip() for c in years if c < len(body[0]) and body[0][c].strip()}
            body.pop(0)  # "£'000 | % | £'000 …" under the heading
        unit = self.view.plan.unit if self.view is not None else "pound"
        said = {"thousand" if "000" in u or u.lower() == "£k" else "pound" for u in units if u != "%"}
        where = "their row of units says"
        if not said and all(_THOUSANDS_MARK.search(head[c]) for c in years):  # "2011/12 £'000" over the figures
            said, where = {"thousand"}, "their headings say"
        elif not said and all(_POUNDS_MARK.search(head[c]) for c in years):  # the MTFP's "11/12 £"
            said, where = {"pound"}, "their headings say"
        if refusal := _other_unit(said, unit, where):
            return refusal
        first, last = min(into.values()), max(into.values())
        source = {at: c for c, at in into.items()}

        def figure(r: Sequence[str], at: int) -> str | None:
            if at not in source:
                return None
            return r[source[at]] if source[at] < len(r) else ""

        printed = [(n, change_into[c], r[c].strip()) for n, r in enumerate(body) for c in changes
                   if c < len(r) and r[c].strip()]
        stated = [(n, head[c], r[c].strip()) for n, r in enumerate(body) for c in totals[-1:]
                  if c < len(r) and r[c].strip()]
        return ([[r[0] if r else "", *(figure(r, at) for at in range(first, last + 1))] for r in body], first, printed,
                stated)

    def _names_a_total(self, name: str, section_id: str | None) -> bool:
        """A row copied with its name that is a total (“Total Expenditure”, “Total”, “Drugs and alcohol subtotal”)."""
        section = next((s for s in self.view.plan.sections if s.id == section_id), None) if self.view else None
        return looks_like_total_line(name) or section is not None and names_a_worked_out_total(
            name, section.name, section.subtotal_label, self.view.plan.total_label)

    def _unnamed_subtotal(self, rows: Sequence[Sequence[str | None]]) -> int:
        """Where a row copied with names has figures and no name, and each of its figures adds up the named rows above
        it (two or more, every figure known, not all £0): the paper's subtotal. 0 when there is none."""
        unit = self.view.plan.unit if self.view is not None else "pound"
        for at, copied in enumerate(rows):
            if at < 2 or (copied[0] if copied else "") or not filled_width(copied[1:]):
                continue
            above = rows[:at]
            if not all(r and r[0] for r in above):
                return 0
            try:
                sums = []
                for c, text in enumerate(copied[1:], start=1):
                    if not text:
                        continue
                    cells = [parse_cell(r[c], unit=unit) for r in above if c < len(r) and r[c]]
                    total = parse_cell(text, unit=unit)
                    if not total.known or not all(cell.known for cell in cells) or \
                            sum(cell.pence for cell in cells) != total.pence:
                        return 0
                    sums.append(total.pence)
            except BudgetError:
                return 0
            return at if any(sums) else 0
        return 0

    def _total_row_query(self, rows: Sequence[Sequence[str]], line: str) -> str:
        """What to ask when the last row of a block adds up the rows above it (two or more, every figure known): the
        paper's total copied with its lines, which would go on ``line`` and count them twice; "" otherwise."""
        if len(rows) < 3 or self.view is None:
            return ""
        unit, sums, last = self.view.plan.unit, [], rows[-1]
        for c, text in enumerate(last):
            if not text:
                continue
            try:
                above = [parse_cell(r[c], unit=unit) for r in rows[:-1] if c < len(r) and r[c]]
                total = parse_cell(text, unit=unit)
            except BudgetError:
                return ""
            if not total.known or not all(cell.known for cell in above) or sum(a.pence for a in above) != total.pence:
                return ""
            sums.append(total.pence)
        if not any(sums):
            return ""
        return (f"The last row copied adds up the {len(rows) - 1} rows above it: it looks like the paper's total, "
                f"which the plan works out, and pasted it would go on the line {line} and count every figure twice. "
                "Copy the lines without their total row (to keep the total the paper printed, type it over the "
                "worked-out one).")

    def _adds_up_across(self, rows: Sequence[Sequence[str]], wide: int) -> int:
        """How many rows copied have a last figure (of ``wide`` columns) that adds up the figures before it, when every
        row with figures does (two or more years and their total, every figure known; rows of £0 are not counted): the
        paper's Total column, copied with the years. 0 otherwise. One row is weak evidence: its years may add up."""
        if wide < 3 or self.view is None:
            return 0
        unit, summing = self.view.plan.unit, 0
        for row in rows:
            cells = list(row[:wide]) + [""] * (wide - len(row))
            if not any(cells):
                continue
            try:
                before = [parse_cell(text, unit=unit) for text in cells[:-1] if text]
                total = parse_cell(cells[-1], unit=unit) if cells[-1] else None
            except BudgetError:
                return 0
            if total is None or not total.known or not before or not all(cell.known for cell in before):
                return 0
            if sum(cell.pence for cell in before) != total.pence:
                return 0
            summing += total.pence != 0  # a row of £0 agrees, and is no evidence
        return summing

    @staticmethod
    def _total_column_query(year: str) -> str:
        """What to ask when the last column of a block that fits in the years left adds up the figures before it."""
        return (f"The last column copied adds up the figures before it on every row: it looks like the paper's Total "
                f"column, which the plan works out (Plan settings… shows it), and pasted it would go in {year} as "
                "that year's figures. Copy the years' figures without it.")

    def _refused(self, message: str) -> bool:
        self.error = message
        self.changed.emit()
        return False

    def refuse_read_only(self, text: str) -> bool:
        """Said when the file is open read-only (another copy open, or a county file opened to read): Enter in a
        new line's name, Del on a line and the like did nothing, without a word."""
        return self._refused(read_only_refusal(text.strip()))

    def typing_lost(self, cell: str, typed: str) -> None:
        """Said when the file changed while a cell was being typed in (a merge of district files, an undo made
        elsewhere) and took that cell's line away: what was typed, and that it was not put in."""
        self.error = (f"{cell}: the file was changed while you were typing here (a merge of district files, or an "
                      f"undo), and it is no longer in the plan, so what you typed, “{typed}”, was not put in.")
        self.changed.emit()

    def typing_over_change(self, cell: str, now: str) -> None:
        """Said when the file changed the very cell being typed in: what it holds now; what is typed stays."""
        self.error = (f"{cell} was changed in the file while you were typing in it (a merge of district files, or "
                      f"an undo): it now holds {f'“{now}”' if now else 'nothing'}. What you typed is still in the "
                      f"cell: Enter puts it in, Esc keeps what the file holds.")
        self.changed.emit()

    def new_plan(self, name: str, years: str | Sequence[str], **fields: Any) -> str | None:
        """A plan with its columns ("2017/18, 2018/19, 2019/20"); selected once made."""
        if self.read_only:
            self.refuse_read_only(f"New plan {(name or '').strip()}")
            return None
        # Commas between the years, or the cells of the paper's heading row copied from Excel (tabs; a column of them,
        # line ends): pasted, "2011/12<tab>2012/13…" was refused as one heading naming four years. A semicolon
        # separates them as a comma does: "2026/27; 2027/28" headed a column "2026/27;".
        if isinstance(years, str) and "\t" in years:  # the paper's heading row copied whole from Excel
            years, total = _years_of_heading_row(years)
            if total and "show_total_column" not in fields:  # the paper has a Total column: the plan shows one
                fields = {**fields, "show_total_column": True}
        columns = [y.strip() for y in (re.split(r"[,;\t\r\n]", years) if isinstance(years, str) else years)
                   if y.strip()]
        columns = [c for column in columns for c in _spaced_years(column)]
        if "unit" not in fields and _thousands_marked(columns):
            fields = {**fields, "unit": "thousand"}
        if not columns:  # a plan made without years has no cell to type in, and nothing here adds a column later
            self.error = ("Years: give the plan's financial years as its paper heads the columns, with commas between "
                          "them (2017/18, 2018/19, 2019/20).")
            self.changed.emit()
            return None
        made: list[str] = []

        def do() -> str:
            made.append(service.create_plan(self.store, name, columns=columns, **fields))
            return made[-1]

        if not self._perform(self._plan_action(f"New plan {name.strip()}", None, do, after=self._show_plans)):
            return None
        return made[-1]

    def add_section(self, name: str, kind: str = "expenditure", **fields: Any) -> bool:
        plan_id = self.selected
        if plan_id is None:
            return self.choose_a_plan_first()

        made: list[CellAt] = []  # the new section's name, for a redo to choose (its id known once it is added)

        def do() -> str:
            self.added_section = service.add_section(self.store, plan_id, name, kind=kind, **fields)
            made.append(CellAt("section", None, self.added_section, part="name"))
            return self.added_section

        return self._change(f"Add section {(name or '').strip()}", plan_id, do, made)

    def add_line(self, section_id: str | None, label: str) -> bool:
        plan_id = self.selected
        if plan_id is None or section_id is None:
            self.error = "Add a section to the plan first, then its lines."
            self.changed.emit()
            return False
        made: list[CellAt] = []  # the new line's name, for a redo to choose (it came back with the cell left elsewhere)

        labels = [name.strip() for name in re.split(r"[\r\n]+", label or "") if name.strip()]
        if len(labels) > 1 and not any("\t" in name for name in labels):
            return self._add_lines(plan_id, section_id, labels)

        def do() -> str:
            line_id = service.add_line(self.store, section_id, label)
            made.append(CellAt("line", line_id, None, part="name"))
            return line_id

        return self._change(f"Add line {label.strip()}", plan_id, do, made)

    def _add_lines(self, plan_id: str, section_id: str, labels: Sequence[str]) -> bool:
        """A column of names copied from the paper's sheet into Line: each a line of the section, in order, as one
        step of Edit > Undo; one refused (a total's name, a line the section has), none is added."""
        made: list[CellAt] = []

        def do() -> list[str]:
            try:
                ids = service.add_lines(self.store, section_id, labels)
            except BudgetError as exc:
                raise BudgetError(f"{exc} Nothing was added: of the {len(labels)} names pasted, none went in.") \
                    from None
            made.extend(CellAt("line", line_id, None, part="name") for line_id in ids)
            return ids

        return self._change(f"Add {counted(len(labels), 'line')} {_from_to(labels[0], labels[-1])}", plan_id, do,
                            made)

    def set_cell(self, line_id: str, column: str, text: str, note: str | None = None) -> bool:
        """What the paper states in a cell: "£4,000 (£2,000 per District)", "TBC", "N/K", "nil"; blank clears it.
        The text is edited from ``GridCell.edit_text``: without a note (and none given) the cell has none."""
        plan_id = self.selected
        if plan_id is None:
            return False
        label = next((r.label for r in self.rows if r.line_id == line_id), "")
        at = [CellAt("line", line_id, None, column)]
        if not (text or "").strip():
            return self._change(f"Clear {label}, {column}", plan_id,
                                lambda: service.clear_cell(self.store, line_id, column), at)
        if service.cell_holds(self.store, line_id, column, text, note=note, note_in_text=True):
            return self.left_as_it_was()  # typed as the file holds it: nothing to write, undo or record
        if self._asked_about((line_id, column, text.strip()), f"{label}, {column}", text, line_id, column):
            return False
        return self._change(f"Set {label}, {column}", plan_id,
                            lambda: service.set_cell(self.store, line_id, column, text, note=note,
                                                     note_in_text=True), at)

    def set_stated_total(self, column: str, text: str, section_id: str | None = None, *,
                         note_in_text: bool = False, at: Sequence[CellAt] = (), name: str = "total") -> bool:
        """A total as the paper printed it, kept beside the computed one and flagged when they differ
        (note_in_text: typed over its own "(as printed)" row, whose editor shows its note); ``name`` is the total's,
        for Edit > Undo ("Set the printed Net Effect, 2017/18")."""
        plan_id = self.selected
        if plan_id is None:
            return False
        if service.stated_total_holds(self.store, plan_id, column, text, section_id=section_id,
                                      note_in_text=note_in_text):
            return self.left_as_it_was()  # typed as the paper's printed figure is held: nothing to write or undo
        return self._change(f"Set the printed {name}, {column}", plan_id,
                            lambda: service.set_stated_total(self.store, plan_id, column, text, section_id=section_id,
                                                             note_in_text=note_in_text), at)

    def set_printed_total(self, row: GridRow, column: str, text: str, *, typed: bool = False) -> bool:
        """Typed over a worked-out subtotal or total (or its "(as printed)" row): the figure the paper printed,
        kept beside the worked-out one; blank removes it. The worked-out figure itself, put back as it was, keeps
        nothing (and leaves a printed figure there as it is); ``typed`` (the officer typed it in the cell) keeps it
        as printed: a paper's total that agrees with its lines (seed 004's 1,460) is the paper's all the same, and
        checked against the lines as they are corrected later."""
        plan_id = self.selected
        if plan_id is None or row.kind not in TOTAL_KINDS:
            return False
        section_id = row.section_id if row.kind in ("subtotal", "stated") else None
        text = (text or "").strip()
        printed = self._printed_row(row.kind, section_id)
        at = self.columns.index(column)
        if row.kind in ("subtotal", "total") and text and text == row.cells[at].text and not typed:
            return self.left_as_it_was()  # the worked-out figure opened to read it: a printed one stays as it is
        if row.kind in ("subtotal", "total") and not text and (printed is None or not printed.cells[at].text):
            return self.left_as_it_was()
        if row.kind in ("stated", "stated-total") and text == row.cells[at].edit_text:
            return self.left_as_it_was()  # the printed figure as it was: no change to undo
        if not text:
            return self._change(f"Clear the printed {row.label.removesuffix(' (as printed)')}, {column}", plan_id,
                                lambda: service.clear_stated_total(self.store, plan_id, column, section_id=section_id),
                                [CellAt.of(row, column)])
        # Asked as a line's cell is ("£1,201,000" over a total in £'000 went in as £1,201,000,000, flagged as the
        # paper's own disagreement).
        if self._asked_about_pounds(("printed", section_id, column, text), f"{row.label}, {column}", text):
            return False
        return self.set_stated_total(column, text, section_id=section_id,
                                     note_in_text=row.kind in ("stated", "stated-total"), at=[CellAt.of(row, column)],
                                     name=row.label.removesuffix(" (as printed)"))

    def set_printed_change(self, row: GridRow, column: str, text: str) -> bool:
        """The annual change the paper prints into ``column`` ("(0.7)", "1.7", "-"), typed in the Change to column
        beside a line's figure or a printed total's; checked against the figures either side, flagged when it
        disagrees (seed 004 prints (0.7) for 878 to 884, a rise). Blank removes it; the figure stays as it is."""
        plan_id = self.selected
        if plan_id is None or row.kind not in PRINTED_CHANGE_KINDS or column not in self.columns:
            return False
        text = (text or "").strip()
        if text == row.cells[self.columns.index(column)].stated_change:
            return self.left_as_it_was()
        where = row.label.removesuffix(" (as printed)")
        return self._change(f"{'Clear the printed' if not text else 'Printed'} change, {where}, {column}", plan_id,
                            lambda: service.set_printed_change(
                                self.store, plan_id, column, text, line_id=row.line_id if row.kind == "line" else None,
                                section_id=row.section_id if row.kind == "stated" else None),
                            [CellAt.of(row, column, "change")])

    def clear_cells(self, cells: Sequence[CellAt]) -> bool:
        """Del with several rows chosen: every chosen cell holding what the paper states emptied (a line's figure, a
        printed total, a printed change), as one step of Edit > Undo; a worked-out figure and a name stay as they
        are. Del emptied the one cell in view, and the other rows chosen kept theirs, unsaid. Nothing to empty is
        said beside the grid."""
        plan_id = self.selected
        if plan_id is None or self.view is None:
            return False
        if self.read_only:
            return self.refuse_read_only(f"Clear {counted(len(cells), 'cell')}")
        figures: dict[tuple, CellAt] = {}  # (line or printed total's section, column): the cell to empty
        changes: dict[tuple, CellAt] = {}  # a printed change alone (its figure, emptied, takes its change with it)
        labels: list[str] = []
        for cell in cells:
            row = next((r for r in self.rows if cell.is_row(r)), None)
            if row is None or cell.column not in self.columns:
                continue
            at = self.columns.index(cell.column)
            if row.kind == "line":
                key, held = ("line", row.line_id, cell.column), row.cells[at]
            elif row.kind in TOTAL_KINDS:
                section_id = row.section_id if row.kind in ("subtotal", "stated") else None
                printed = self._printed_row(row.kind, section_id)
                key, held = ("printed", section_id, cell.column), printed.cells[at] if printed else None
            else:
                continue
            if cell.part == "change" and held is not None and held.stated_change:
                changes[key] = cell
            elif cell.part == "figure" and held is not None and held.text:
                figures[key] = cell
            else:
                continue
            if row.label.removesuffix(" (as printed)") not in labels:
                labels.append(row.label.removesuffix(" (as printed)"))
        changes = {k: c for k, c in changes.items() if k not in figures}
        if not figures and not changes:
            self.error = "Nothing to empty in the rows chosen: their figures are empty or worked out."
            self.changed.emit()
            return False
        store = self.store

        def do() -> None:
            with store.transaction():
                for (table, owner, column) in figures:
                    if table == "line":
                        service.clear_cell(store, owner, column)
                    else:
                        service.clear_stated_total(store, plan_id, column, section_id=owner)
                for (table, owner, column) in changes:
                    service.set_printed_change(store, plan_id, column, "", line_id=owner if table == "line" else None,
                                               section_id=owner if table != "line" else None)

        what = counted(len(figures), "figure") if not changes else counted(len(figures) + len(changes), "cell")
        return self._change(f"Clear {what} of {_from_to(labels[0], labels[-1])}", plan_id, do,
                            [*figures.values(), *changes.values()])

    def left_as_it_was(self) -> bool:
        """A figure put back as it was: nothing is written, and a question asked about the cell is answered by it."""
        if self._query is not None:
            self._query, self.error = None, ""
            self.changed.emit()
        return False

    def typing_taken_back(self) -> None:
        """The cell a refusal or a question beside the grid was about left as it was (Esc, another cell chosen): what
        was typed is gone, and what was said of it with it ("“12x4” is not an amount of money" stayed beside figures
        all fine until some later edit)."""
        if self.error or self.told or self._query is not None:  # what a paste told of how it read, as well
            self._query, self.error, self.told = None, "", ""
            self.changed.emit()

    def _asked_about_pounds(self, key: tuple[str | None, ...], where: str, text: str) -> bool:
        """A figure typed as pounds into a plan in £'000 ("£62,499", read as £62,499,000) is asked about once, beside
        the grid; the same typed again for the same cell (``key``) is kept. True when asked now: nothing is written."""
        return self._asked_about(key, where, text)

    def _asked_about(self, key: tuple, where: str, text: str, line_id: str | None = None,
                     column: str | None = None) -> bool:
        """``_asked_about_pounds``, and for a line's figure a negative amount in a section that takes away from the
        total ("-53,400" typed for a saving: taken away, it adds £53,400)."""
        query = self._query_about(text, line_id, column)
        if not query or self._query == key:
            return False
        self._query = key
        self.error = f"{where}: {query} Type {text.strip()} again to keep it."
        self.changed.emit()
        return True

    def _query_about(self, text: str, line_id: str | None, column: str | None = None) -> str | None:
        if self.view is None:
            return None
        unit = self.view.plan.unit
        section = next((s for s in self.view.plan.sections if any(line.id == line_id for line in s.lines)), None)
        return pounds_in_thousands_query(text, unit) or (
            negative_taken_away_query(text, section, unit)
            if section is not None and not self._holds(line_id, column, text) else None)

    def _holds(self, line_id: str | None, column: str | None, text: str) -> bool:
        """The line's cell holds this amount already (a negative kept when asked, or merged so): not asked again when
        a note is added to it or the same block is pasted again."""
        row = next((r for r in self.rows if r.kind == "line" and r.line_id == line_id), None)
        at = next((n for n, c in enumerate(self.view.plan.columns) if column in (c.id, c.label)), None)
        if row is None or at is None:
            return False
        try:
            read = parse_cell(text, unit=self.view.plan.unit)
        except BudgetError:
            return False
        held = row.cells[at]
        return read.status == held.status == "amount" and read.pence == held.pence

    def _printed_row(self, kind: str, section_id: str | None) -> GridRow | None:
        wanted = "stated" if kind in ("subtotal", "stated") else "stated-total"
        return next((r for r in self.rows if r.kind == wanted and (wanted == "stated-total" or
                                                                   r.section_id == section_id)), None)

    # -- years: a column added or removed ------------------------------------------------------------------
    def next_year(self) -> str:
        """What Add year offers: the year after the plan's latest, headed as it is ("2020/21" after 2019/20, "2012/13
        Budget" after "2011/12 Budget", "26/27" after "25/26"), or "" with no year."""
        columns = self.view.plan.year_columns if self.view else ()
        if not columns:
            return ""
        latest = max(c.financial_year for c in columns)
        try:
            return heading_after(next(c.label for c in columns if c.financial_year == latest))
        except (BudgetError, PeriodError):
            # the stored start year, not parsed again: a year kept from before 1850/51 was refused is still a year
            return FinancialYear(int(latest[:4])).next().label

    def add_year(self, heading: str) -> bool:
        """A year's column (a financial year, or a heading with its year: "2020/21 Budget"), put among the years
        where it falls, oldest first (each "Change to" is from the column before it)."""
        plan_id, text = self.selected, (heading or "").strip().rstrip(",;").rstrip()  # "2027/28;": the year's
        if plan_id is None or self.view is None:
            return self.choose_a_plan_first()
        if not text:
            self.error = f"Year: type the year's heading: {COLUMN_FORMS}."
            self.changed.emit()
            return False
        columns = self.view.plan.columns
        first = next((r for r in self.rows if r.kind == "line"), None)
        made: list[CellAt] = []  # redone, the year back: its first figure chosen (as Remove year's undo chooses it)

        def do() -> str:
            year = column_year(text)  # a heading with no year, or two, is refused saying what works
            later = next((i for i, c in enumerate(columns) if c.is_year and c.financial_year > year), None)
            column = service.add_column(self.store, plan_id, text, position=later)
            if first is not None:  # headed as the file keeps it ("2020-21" typed is "2020/21")
                label = next(c.label for c in service.load_plan(self.store, plan_id).columns if c.id == column)
                made.append(CellAt.of(first, label))
            return column

        return self._change(f"Add year {text}", plan_id, do, made)

    def column_at(self, position: int | None) -> str:
        """The heading of the plan's column at ``position`` ("" when there is none)."""
        columns = self.view.plan.columns if self.view else ()
        return columns[position].label if position is not None and 0 <= position < len(columns) else ""

    def remove_year_question(self, position: int) -> str:
        """What the window asks before removing the column at ``position``: "" when it holds no figure (it goes
        without asking, and Edit > Undo brings it back all the same)."""
        label = self.column_at(position)
        if not label:
            return ""
        figures = sum(1 for r in self.rows if r.kind == "line" and r.cells[position].text)
        printed = sum(1 for r in self.rows if r.kind in ("stated", "stated-total") and r.cells[position].text)
        # The changes the paper printed into this year ("(0.7)" beside 2011/12's figure) go with it too: unsaid,
        # the question named its figures and the next year's changes only.
        own = sum(1 for r in self.rows if r.kind in ("line", "stated", "stated-total") and r.cells
                  and r.cells[position].stated_change)
        later, changes = service.changes_printed_on(self.view.plan, self.view.plan.columns[position].id)
        outside = self._actuals_left_outside(position)
        if not (figures or printed or own or changes or outside):
            return ""
        held = in_words([x for x in (counted(figures, "figure") if figures else "",
                                     counted(printed, "printed total") if printed else "",
                                     f"the {counted(own, 'change')} the paper printed into it" if own else "") if x])
        was, goes = ("was", "goes") if changes == 1 else ("were", "go")
        going = (f" The {counted(changes, 'change')} the paper printed into “{later.label}” {was} on “{label}”, and "
                 f"{goes} with it." if changes else "")
        return (f"Remove the year “{label}”{f' with its {held}' if held else ''}?{going}{outside} "
                "Edit > Undo brings it back.")

    def _actuals_left_outside(self, position: int) -> str:
        """What the linked lines actually show in the year at ``position``, said as falling outside the plan once the
        year goes (no other column of the plan is that year): said only afterwards, in the line's tooltip, it came
        too late to keep the year (service._outside_the_plan says the same of what is outside)."""
        columns = self.view.plan.columns
        year = columns[position].financial_year
        if not year or any(c.financial_year == year for i, c in enumerate(columns) if i != position):
            return ""
        said = [f" {r.label} actually shows {format_money(r.cells[position].actual_pence)} in {year} "
                f"({'; '.join(link.describe() for link in r.links)}): with the year gone it falls outside the plan, "
                "and no year's actual here counts it."
                for r in self.rows if r.kind == "line" and r.links and r.cells[position].actual_pence]
        more = len(said) - 3  # a question, not a list: the lines' tooltips say each once the year is gone
        return "".join(said[:3]) + (f" So does what {counted(more, 'more linked line')} actually "
                                    f"{'shows' if more == 1 else 'show'} in {year}." if more > 0 else "")

    def remove_year(self, position: int) -> bool:
        plan_id, label = self.selected, self.column_at(position)
        if plan_id is None or not label:
            self.error = "Choose a figure in the year to remove (a cell of its column), then Remove year."
            self.changed.emit()
            return False
        column = self.view.plan.columns[position].id
        first = next((r for r in self.rows if r.kind == "line"), None)  # undone, the year back: its first figure
        return self._change(f"Remove year {label}", plan_id, lambda: service.remove_column(self.store, column),
                            [CellAt.of(first, label)] if first is not None else [])

    # -- splits an older version kept as notes -------------------------------------------------------------
    def splits_in_notes(self) -> tuple[str, str]:
        """What is said under the grid when cells keep a split in their note, as older versions saved "£4,000
        (£1,500 per Borough)" (so the split is not checked), and every such cell for the offer's tooltip: ("", "")
        when none does. Nothing is read differently until the officer says so (``read_notes_as_splits``)."""
        found = self.split_notes
        if not found:
            return "", ""
        cells = [f"{line.label}, {column.label} (“{line.cells[column.id].note}”)" for line, column, _ in found]
        shown = cells if len(cells) <= 3 else [*cells[:3], f"{counted(len(cells) - 3, 'more')}"]
        if len(found) == 1:
            said = "1 cell keeps a split in its note, as an older version saved it, so it is"
        else:
            said = f"{counted(len(found), 'cell')} keep a split in their notes, as an older version saved them, so " \
                   "they are"
        return f"ℹ {said} not checked against the amount: {'; '.join(shown)}.", "\n".join(cells)

    def read_notes_as_splits(self) -> bool:
        """The cells' notes that state a split read as that split (then checked as a typed one): one undo step."""
        plan_id, count = self.selected, len(self.split_notes)
        if plan_id is None or not count:
            return False
        return self._change(f"Read {counted(count, 'note')} as {'a split' if count == 1 else 'splits'}", plan_id,
                            lambda: service.read_notes_as_splits(self.store, plan_id),
                            [CellAt("line", line.id, None, column.label) for line, column, _ in self.split_notes])

    def split_note_tip(self, row: GridRow, position: int) -> str:
        """A cell's tooltip line when its note states a split that is not yet read as one."""
        if row.kind != "line" or self.view is None or position >= len(self.view.plan.columns):
            return ""
        column = self.view.plan.columns[position].id
        if not any(line.id == row.line_id and c.id == column for line, c, _ in self.split_notes):
            return ""
        return ("Its note states a split that an older version kept as a note: not checked against the amount until "
                "read as a split (Read as splits, under the grid).")

    # -- links: a line beside what actually happened -----------------------------------------------------
    def link_choices(self) -> dict[str, list[tuple[str, str]]]:
        """What a line can be linked to, by kind (project, fund, review): (id, name). A project is named as
        Commissioning names it, in the register's order: "1. Sanctuary scheme", and where another project of a county
        file has its title, with the office it came from ("1. Sanctuary scheme (merged from Babergh office)"): two
        offices' projects of one title were two entries alike, and the officer could not tell which was linked."""
        from safer_desk.services.projects import load_projects, register_order

        choices = service.link_targets(self.store)
        projects = load_projects(self.store, [i for i, _ in choices["project"]])
        names = service.project_names(self.store, [p.id for p in projects], projects)
        # Alike in the register's order (ref, title), then by the office: the same each time the list is shown.
        ordered = sorted(projects, key=lambda p: (register_order(p)[:3], names[p.id]))
        # A project declined or withdrawn counts no actual (Commissioning and the board report count nothing for
        # it): offered, the line linked to it showed none and said why only afterwards. Held back, with the reason.
        choices["project"] = [(p.id, names[p.id]) for p in ordered if not service.not_going_ahead_words(p)]
        self.projects_held_back = [(p.id, names[p.id], why) for p in ordered
                                   if (why := service.not_going_ahead_words(p))]
        return choices

    def measures(self, kind: str) -> tuple[str, ...]:
        """What a link counts: a project's cost or one funder's share of it; a review's cost; a fund's spend or
        contributions."""
        return service.MEASURES.get(kind, ())

    def funders(self, project_id: str | None) -> list[tuple[str, str]]:
        """Whose share of a project a line can count: (funder, "OPCC's share of 4. IDVA service"), the funders as
        its funding sources name them."""
        if not project_id:
            return []
        name = next((n for i, n in self.link_choices().get("project", ()) if i == project_id), "")
        return [(f, f"{f}'s share of {name}") for f in service.project_funders(self.store, project_id)]

    def contributors(self, fund_id: str | None) -> list[str]:
        return service.fund_contributors(self.store, fund_id) if fund_id else []

    def link_line(self, line_id: str | None, kind: str, target_id: str | None, measure: str | None = None,
                  organisation: str | None = None, funder: str | None = None) -> bool:
        """Link a line to a project (its cost, or one funder's share of it), a pooled fund (its spend, or
        contributions, from one organisation or all) or a review, so what actually happened sits beside the plan:
        one step of Edit > Undo."""
        plan_id = self.selected
        row = next((r for r in self.rows if r.kind == "line" and r.line_id == line_id), None)
        if plan_id is None or row is None:
            self.error = "Choose a line first (click its name or a figure), then Link line."
            self.changed.emit()
            return False
        if kind not in service.MEASURES or not target_id:
            none = kind in LINK_NONE_YET and not self.link_choices().get(kind) and not (
                kind == "project" and self.projects_held_back)
            self.error = (f"Link: this file has {LINK_NONE_WHERE[kind]}, so there is none to link “{row.label}” to "
                          "yet." if none else
                          f"Link: choose the project, pooled fund or review the line “{row.label}” is linked to.")
            self.changed.emit()
            return False
        name = next((n for i, n in self.link_choices().get(kind, ()) if i == target_id), target_id)
        held = next(((n, why) for i, n, why in self.projects_held_back if i == target_id), None)
        if kind == "project" and held is not None:
            self.error = (f"Link: {held[0]} was {held[1]}, and Commissioning and the board report count nothing for "
                          f"it, so the line “{row.label}” would show no actual. Link it once the project goes ahead "
                          "again (its status on the Projects tab).")
            self.changed.emit()
            return False
        counts = measure or self.measures(kind)[0]
        what = f"{kind} {name}" + (f" ({counts}{f' from {organisation}' if organisation else ''})"
                                   if counts != self.measures(kind)[0] or organisation else "")
        if counts == "share":
            what = f"{funder}'s share of {kind} {name}"
        return self._change(f"Link line {row.label} to {what}", plan_id,
                            lambda: service.link_line(self.store, line_id, **{kind: target_id}, measure=measure,
                                                      organisation=organisation or None, funder=funder or None),
                            [CellAt.of(row)])

    def unlink_line(self, row: GridRow, link: service.LineLink) -> bool:
        plan_id = self.selected
        if plan_id is None:
            return False
        return self._change(f"Unlink line {row.label} from {link.describe()}", plan_id,
                            lambda: service.unlink_line(self.store, link.id), [CellAt.of(row)])

    # -- corrections: a line or section renamed or deleted, the plan renamed --------------------------------
    def rename(self, row: GridRow, text: str) -> bool:
        """A line's label or a section's name typed again (a typing slip, a paper's own wording); a subtotal's or the
        plan total's name as the paper prints it ("Total Expenditure"; blank: the name the plan gives it)."""
        plan_id, text = self.selected, (text or "").strip()
        if plan_id is None or row.kind not in ("line", "section", "subtotal", "total") or text == row.label:
            return False
        if row.kind == "subtotal":
            return self._change(f"Rename subtotal {row.label} to {text}", plan_id,
                                lambda: service.update_section(self.store, row.section_id, total_label=text),
                                [CellAt.of(row)])
        if row.kind == "total":
            return self._change(f"Rename total {row.label} to {text or 'Total'}", plan_id,
                                lambda: service.update_plan(self.store, plan_id, total_label=text or "Total"),
                                [CellAt.of(row)])
        if row.kind == "line":
            return self._change(f"Rename line {row.label} to {text}", plan_id,
                                lambda: service.update_line(self.store, row.line_id, label=text), [CellAt.of(row)])
        return self._change(f"Rename section {row.label} to {text}", plan_id,
                            lambda: service.update_section(self.store, row.section_id, name=text), [CellAt.of(row)])

    def set_section_kind(self, row: GridRow, kind: str) -> bool:
        """A section's kind changed (one added as Expenditure by mistake made Income and grants): it then counts as
        that kind does, adding to the total, taking away or outside it; one step of Edit > Undo."""
        plan_id = self.selected
        if plan_id is None or row.kind != "section" or kind == row.section_kind:
            return False
        return self._change(f"Change section {row.label} to {dict(SECTION_KINDS).get(kind, kind)}", plan_id,
                            lambda: service.update_section(self.store, row.section_id, kind=kind), [CellAt.of(row)])

    def sections_to_move_to(self, row: GridRow) -> list[tuple[str, str]]:
        """The sections a line can be moved to: (id, name), every section of the plan but its own."""
        return [(i, name) for i, name in self.sections() if row.kind == "line" and i != row.section_id]

    def move_line_to_section(self, row: GridRow, section_id: str) -> bool:
        """A line moved, with its figures, notes, links and printed changes, to the end of another section (a grant
        typed under Expenditure): one step of Edit > Undo."""
        plan_id = self.selected
        if plan_id is None or row.kind != "line" or section_id == row.section_id:
            return False
        name = dict(self.sections()).get(section_id, "")
        return self._change(f"Move line {row.label} to {name}", plan_id,
                            lambda: service.move_line_to_section(self.store, row.line_id, section_id),
                            [CellAt.of(row)])

    def delete_question(self, row: GridRow) -> str:
        """What the window asks before deleting a line or a section ("" for a row that cannot be deleted)."""
        if row.kind == "line":
            figures = sum(1 for c in row.cells if c.text)
            links = next((r.links for r in self.rows if r.kind == "line" and r.line_id == row.line_id), ())
            return (f"Delete the line “{row.label}”"
                    + (f" with its {counted(figures, 'figure')}" if figures else "") + "?"
                    + (f" It counts {'; '.join(link.describe() for link in links)}, which it will no longer do."
                       if links else ""))
        if row.kind == "section":
            lines = sum(1 for r in self.rows if r.kind == "line" and r.section_id == row.section_id)
            with_lines = f" with its {counted(lines, 'line')}" if lines else ""
            linked = [f"“{r.label}” counts {'; '.join(link.describe() for link in r.links)}"
                      for r in self.rows if r.kind == "line"
                      and r.section_id == row.section_id and r.links]
            counts = (f" {', and '.join(linked)}, which {'it' if len(linked) == 1 else 'they'} will no longer do."
                      if linked else "")
            return f"Delete the section “{row.label}”{with_lines}?{counts}"
        return ""

    def rows_to_delete(self, rows: Sequence[GridRow]) -> list[GridRow]:
        """The lines and sections of the rows chosen, in the plan's order; a line whose section is chosen too goes
        with its section."""
        chosen = {(r.kind, r.line_id if r.kind == "line" else r.section_id) for r in rows}
        sections = {key for kind, key in chosen if kind == "section"}
        return [r for r in self.rows if (r.kind == "section" and r.section_id in sections)
                or (r.kind == "line" and ("line", r.line_id) in chosen and r.section_id not in sections)]

    def delete_rows_question(self, rows: Sequence[GridRow]) -> str:
        """What the window asks before Del on the names of several chosen rows deletes each line and section of them
        ("" when none can be deleted): Del deleted the one line in view, and the others chosen stayed, unsaid."""
        gone = self.rows_to_delete(rows)
        if len(gone) < 2:
            return self.delete_question(gone[0]) if gone else ""
        said = []
        for row in gone:
            if row.kind == "line":
                figures = sum(1 for c in row.cells if c.text)
                said.append(f"“{row.label}”" + (f" with its {counted(figures, 'figure')}" if figures else ""))
            else:
                lines = sum(1 for r in self.rows if r.kind == "line" and r.section_id == row.section_id)
                said.append(f"the section “{row.label}”" + (f" with its {counted(lines, 'line')}" if lines else ""))
        what = _rows_counted(gone)
        linked = [f"“{r.label}” counts {'; '.join(link.describe() for link in r.links)}" for r in self.rows
                  if r.kind == "line" and r.links and any(g.line_id == r.line_id or (g.kind == "section" and
                                                                                      g.section_id == r.section_id)
                                                          for g in gone)]
        counts = (f" {', and '.join(linked)}, which {'it' if len(linked) == 1 else 'they'} will no longer do."
                  if linked else "")
        return f"Delete {what}, {in_words(said)}?{counts}"

    def delete_rows(self, rows: Sequence[GridRow]) -> bool:
        """Del on the names of several chosen rows: each line and section of them deleted, as one step of Edit >
        Undo."""
        plan_id, gone = self.selected, self.rows_to_delete(rows)
        if plan_id is None or not gone:
            return False
        if len(gone) == 1:
            return self.delete_row(gone[0])
        what = _rows_counted(gone)
        store = self.store

        def do() -> None:
            with store.transaction():
                for row in gone:
                    if row.kind == "line":
                        service.remove_line(store, row.line_id)
                    else:
                        service.remove_section(store, row.section_id)

        return self._change(f"Delete {what}", plan_id, do, [CellAt.of(r) for r in gone])

    def delete_row(self, row: GridRow) -> bool:
        plan_id = self.selected
        if plan_id is None:
            return False
        if row.kind == "line":
            return self._change(f"Delete line {row.label}", plan_id,
                                lambda: service.remove_line(self.store, row.line_id), [CellAt.of(row)])
        if row.kind == "section":
            return self._change(f"Delete section {row.label}", plan_id,
                                lambda: service.remove_section(self.store, row.section_id), [CellAt.of(row)])
        return False

    def choose_a_plan_first(self) -> bool:
        """Nothing done, said beside the grid: no plan is chosen (Rename…, Delete, Add section, Add year… and Plan
        settings… with the plan list empty)."""
        self.error = "Choose or make a plan first."
        self.changed.emit()
        return False

    def delete_plan_question(self) -> str:
        if self.selected is None or self.view is None:
            return ""
        lines = sum(1 for r in self.rows if r.kind == "line")
        with_lines = f" with its {counted(lines, 'line')}" if lines else ""
        # Its lines' links go with it, said as Del on a linked line says them.
        linked = [f"“{r.label}” counts {'; '.join(link.describe() for link in r.links)}" for r in self.rows
                  if r.kind == "line" and r.links]
        counts = (f" {', and '.join(linked)}, which {'it' if len(linked) == 1 else 'they'} will no longer do."
                  if linked else "")
        # In a county file, a plan an office sent: its next export puts it back, said before, not only by the merge.
        from safer_desk.services.provenance import row_origins

        back = row_origins(self.store, "budget_plans").comes_back_words([self.view.plan.id])
        return (f"Delete the plan “{self.view.plan.name}”{with_lines}?{counts}{f' {back}' if back else ''} "
                "Edit > Undo brings it back.")

    def rename_plan(self, name: str) -> bool:
        plan_id, name = self.selected, (name or "").strip()
        if plan_id is None or self.view is None or name == self.view.plan.name:
            return False
        if self.read_only:
            return self.refuse_read_only(f"Rename plan {self.view.plan.name} to {name}")
        store = self.store
        return self._perform(self._plan_action(f"Rename plan {self.view.plan.name} to {name}", plan_id,
                                               lambda: service.update_plan(store, plan_id, name=name),
                                               after=self._show_plans))

    def settings_form(self) -> FormPresenter | None:
        """Plan settings…: the chosen plan's unit (£ or £'000), its total's name, its Total column and the report's
        changes, as a form; Save changes them as one step of Edit > Undo. None (said) when no plan is chosen."""
        if self.selected is None or self.view is None:
            self.choose_a_plan_first()
            return None
        plan_id, plan = self.selected, self.view.plan
        loaded = {"unit": plan.unit, "total_label": plan.total_label,
                  "show_total_column": "yes" if plan.show_total_column else "no",
                  "show_changes": "yes" if plan.show_changes else "no"}

        def save(_typed: dict[str, Any], parsed: dict[str, Any]) -> None:
            # Only what was changed in the form is written: a change made elsewhere while it was open stays.
            wanted = {"unit": parsed["unit"], "total_label": (parsed["total_label"] or "Total").strip(),
                      "show_total_column": parsed["show_total_column"], "show_changes": parsed["show_changes"]}
            fields = {k: v for k, v in wanted.items() if v != loaded[k]}
            if not fields:
                return
            words = {"unit": lambda v: f"unit {UNIT_LABELS[v]}", "total_label": lambda v: f"total's name “{v}”",
                     "show_total_column": lambda v: "Total column " + ("shown" if v == "yes" else "not shown"),
                     "show_changes": lambda v: "changes " + ("printed" if v == "yes" else "not printed")}
            text = f"Change plan {plan.name}: {', '.join(words[k](v) for k, v in fields.items())}"
            values = {k: (v == "yes" if k.startswith("show_") else v) for k, v in fields.items()}
            if not self._change(text, plan_id, lambda: service.update_plan(self.store, plan_id, **values),
                                names_plan=True):
                # Beside the field refused ("Unit: …", "Total's name: …"); the plan gone from the file, for the form.
                for key, words in (("unit", "Unit:"), ("total_label", "Total's name:")):
                    if self.error.startswith(words):
                        raise FormError({key: self.error.removeprefix(words).strip()})
                raise FormError(message=f"Not saved: {self.error}")
            loaded.update(wanted)

        form = FormPresenter(SETTINGS_FIELDS, save_fn=save, title="Plan settings")
        form.read_only = self.read_only
        form.load(loaded, heading=f"The plan “{plan.name}”. {UNIT_SWITCH_WORDS}")
        return form

    def delete_plan(self) -> bool:
        plan_id = self.selected
        name = self.view.plan.name if self.view else ""
        if plan_id is None:
            return False
        if self.read_only:
            return self.refuse_read_only(f"Delete plan {name}")
        store, ids = self.store, [p.id for p in self.plans]
        # Deleted, the plan listed after it is chosen (the one before, when it was the last), as Del does in the other
        # lists: the first was chosen, wherever it stood. Undone, it is chosen again.
        at = ids.index(plan_id) if plan_id in ids else -1
        after_it = ids[at + 1] if 0 <= at < len(ids) - 1 else ids[at - 1] if at > 0 else None

        def show(k: str | None) -> None:
            there = any(p.id == k for p in service.list_plans(store))
            self._show_plans(k if there else after_it)

        return self._perform(self._plan_action(f"Delete plan {name}", plan_id,
                                               lambda: service.delete_plan(store, plan_id), after=show))

    # -- export ----------------------------------------------------------------------------------------
    def plan_sheet(self) -> Sheet | None:
        """The plan shown, as the grid lays it out, for the one export path: each year's figures as money (in pounds,
        a plan in £'000 too), TBC / N/K / nil in the paper's words, each change in £ and in %, the Total column when
        the plan shows it, what a total leaves out beside the line's name, and a last column of what the grid says
        only in its tips (a printed total that differs, a cell's note and split, the change the paper prints). None
        with no plan chosen."""
        if self.view is None:
            return None
        headings, changes = self.columns, self.change_columns
        left_out = any(left_out_words(r, headings) for r in self.rows)
        header: list[str] = [LINE_HEADING] + ([LEFT_OUT_HEADING] if left_out else [])
        money: set[int] = set()
        percent: set[int] = set()
        for i, heading in enumerate(headings):
            money.add(len(header))
            header.append(heading)
            if i in changes:
                change = self.change_heading(i)
                money.add(len(header))
                percent.add(len(header) + 1)
                header += [change, f"{change} (%)"]
        if self.shows_total_column:
            money.add(len(header))
            header.append(TOTAL_HEADING)
        header.append(NOTES_HEADING)
        rows = []
        for row in self.rows:
            out: list[Any] = [row.label] + ([left_out_words(row, headings)] if left_out else [])
            # What a linked line counts and actually shows, as its tips say and the board report prints it.
            notes = [x for x in (row.notes, *(f"Linked to {link.describe()}" for link in row.links)) if x]
            for i, heading in enumerate(headings):
                cell = row.cells[i] if i < len(row.cells) else GridCell("")
                out.append(_figure(cell))
                if i in changes:
                    out += [cell.change_pence, Decimal(cell.change_percent) if cell.change_percent else None]
                # A flag names its cell already; a note, a split and a printed change are said with the year's.
                notes += [s for s in (cell.flag, cell.unchecked) if s]
                split = cell.text if cell.pence is not None and "(" in cell.text else ""
                said = (f"as the paper states it, {split}" if split else "", cell.note,
                        f"the paper prints a change of {cell.stated_change}" if cell.stated_change else "",
                        # in pounds, as the sheet's figures are: a plan in £'000 said "actually 1" of £1,000
                        f"actually {format_money(cell.actual_pence)}" if cell.actual_pence is not None else
                        f"actually {cell.actual}" if cell.actual else "")
                notes += [f"{heading}: {s}" for s in said if s]
            if self.shows_total_column:
                out.append(_figure(row.across) if row.across is not None else None)
            notes += [row.actuals_note] if row.actuals_note else []
            out.append("; ".join(notes))
            rows.append(out)
        unit = "" if self.view.plan.unit == "pound" else " Figures in pounds (the paper prints them in £'000)."
        # In a county file, the office the plan came from, as the county's other exports say it (Merged from).
        from safer_desk.services.provenance import row_origins

        origin = row_origins(self.store, "budget_plans").sentence(self.view.plan.id)
        title = " ".join(filter(None, (self.summary() + unit, origin)))
        return Sheet("Plan", header, rows, money_columns=money, title=title, percent_columns=percent)

    def export(self, target) -> Path:
        """Write the plan shown (``plan_sheet``) as .xlsx, .csv or .tsv; a BudgetError says why when none is chosen
        or the file's ending is not one of those."""
        from safer_desk.exchange.tables import UnsupportedFormat, write_table

        sheet = self.plan_sheet()
        if sheet is None:
            raise BudgetError("Choose a plan first: there is no plan to export.")
        try:
            return write_table(target, [sheet])
        except UnsupportedFormat as exc:
            raise BudgetError(str(exc)) from None


def _may_be_the_change(before: str | None, after: str | None, text: str, unit: str) -> bool:
    """Whether ``text`` may be the paper's annual change (%) from the year ``before`` to the year ``after`` as copied:
    to the figures' rounding (in £'000, 62 may be 61.5 or 62.499) and the change's printed places, its sign aside (seed
    004 prints "(0.7)" for 878 to 884). True when it cannot be told (a figure not an amount, or from £0)."""
    try:
        change = parse_change(text)
        was, now = parse_cell(before or "", unit=unit), parse_cell(after or "", unit=unit)
    except BudgetError:
        return True
    if change is None or was.status != "amount" or now.status != "amount" \
            or states_its_scale(before or "") or states_its_scale(after or ""):
        return True
    halves = []
    for typed in (before or "", after or ""):
        places = re.search(r"\.(\d+)", typed)
        decimals = len(places.group(1)) if places else 0
        halves.append(Fraction(100_000 if unit == "thousand" else 100, 2 * 10 ** decimals))
    before_pence, after_pence = was.amount_pence, now.amount_pence
    if before_pence < 0 and after_pence < 0:  # "(1,200) | - | (1,300)": a credit line's change is the same size
        before_pence, after_pence = -before_pence, -after_pence
    low_was, high_was = before_pence - halves[0], before_pence + halves[0]
    if low_was <= 0:
        return True
    low = (after_pence - halves[1]) / high_was * 100 - 100
    high = (after_pence + halves[1]) / low_was * 100 - 100
    slack = Fraction(1, 2 * 10 ** change_places(text))
    return any(low <= size + slack and size - slack <= high for size in (abs(change), -abs(change)))


def _figure(cell: GridCell) -> Any:
    """A grid cell for a workbook: its figure in pence (a total with a TBC or N/K in its column: its known figure,
    ``left_out_words`` saying what it leaves out), or the paper's words ("Awaiting confirmation (TBC)", "N/K")."""
    if cell.pence is not None:
        return cell.pence
    return (f"{cell.words} ({cell.text})" if cell.words else cell.text) or None


def _incomplete(cell: GridCell | None) -> str:
    """What a total's figure leaves out ("TBC + N/K" of "£9,000 + TBC + N/K"; "− TBC" of "£1,200 − TBC", a grant to
    be confirmed taken away, which was said as nothing, the total read as complete); "" when it leaves out nothing."""
    if cell is None or cell.pence is None or cell.status != "total-incomplete":
        return ""
    unknown = re.search(r" [+\u2212] ", cell.text)  # the known figure ("£1,200", "-£250.24") holds no spaced sign
    return cell.text[unknown.start() + 1:].removeprefix("+ ") if unknown else ""


def left_out_words(row: GridRow, headings: Sequence[str]) -> str:
    """Beside a line's name, what its totals given as figures leave out ("2018/19: TBC; Total: TBC + N/K"):
    "£9,000 + TBC" given as 9000 alone read as a complete total in Excel, the TBC lost without a word."""
    parts = [f"{heading}: {words}" for heading, cell in zip(headings, row.cells) if (words := _incomplete(cell))]
    if words := _incomplete(row.across):
        parts.append(f"Total: {words}")
    return "; ".join(parts)
