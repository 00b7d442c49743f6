"""Budgets and plans: one function per user action, and the plan as a screen or the report shows it.

A plan is made of columns (financial years), sections and lines; each cell holds what the paper
states (an amount, TBC, N/K or nil). Totals are computed (``plan_view``), totals the paper prints are
kept beside them and flagged when they disagree (domain.budgets). Lines can be linked to a project,
a pooled fund or a review, so what actually happened sits beside the plan.

Undo: every change is one transaction; ``snapshot_plan`` before and after an action and
``restore_plan`` put a plan back exactly (the window's undo command holds the two snapshots).
Removing a column, section or line returns the snapshot taken before it, so the pair is
``remove_line`` / ``restore_plan``; ``set_cell`` returns the cell it replaced, so its pair is
``set_cell`` with that cell (or ``clear_cell`` when there was none).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

from safer_desk.domain import clock
from safer_desk.domain import budgets as rules
from safer_desk.domain.budgets import (BudgetError, Cell, Change, Column, Figure, Line, Plan, PlanTotals, Section,
                                       names_a_worked_out_total)
from safer_desk.domain.commissioning import UNDATED, funder_key, same_funder
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import format_money, format_pounds_plain, split_by_weights
from safer_desk.domain.periods import FinancialYear, PeriodError
from safer_desk.domain.text import looks_like_total_line, typed_name_key, unknown_fields
from safer_desk.storage import snapshots
from safer_desk.storage.schema.budgets import PLAN_PARTS
from safer_desk.storage.store import Store

if TYPE_CHECKING:
    from safer_desk.services.provenance import RowOrigins

MEASURES = {"project": ("cost", "share"), "fund": ("spend", "contributions"), "review": ("cost",)}


def _now() -> str:
    return clock.now_iso()


# -- reading ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanSummary:
    id: str
    name: str
    owner: str
    source: str
    unit: str
    columns: tuple[str, ...]
    flags: int  # stated figures that disagree with the lines


def list_plans(store: Store) -> list[PlanSummary]:
    """Every plan in the file, by name, with how many of its stated figures are flagged."""
    result = []
    for r in store.rows("SELECT id FROM budget_plans ORDER BY name COLLATE NOCASE"):
        plan = load_plan(store, r["id"])
        flags = rules.plan_totals(_oldest_first(plan)).flags
        result.append(PlanSummary(plan.id, plan.name, plan.owner, plan.source, plan.unit,
                                  tuple(c.label for c in plan.columns), len(flags)))
    return result


def plan_id_by_name(store: Store, name: str) -> str | None:
    """A plan's id from its id or its name as typed (any case, a hyphen for the paper's dash, straight quotes);
    None when no plan has it. Two plans it could name (an older version took "… 2016–17" and "… 2016-17") are
    refused naming both, never one of them taken without a word."""
    text = (name or "").strip()
    found = store.scalar("SELECT id FROM budget_plans WHERE id = ? OR name = ?", (text, text))
    if found is not None:
        return found
    named = _plans_named(store, text)
    if len(named) > 1:
        raise BudgetError(f"“{text}” could be any of {len(named)} plans named alike: "
                          f"{'; '.join(f'“{r[1]}”' for r in named)}. Give the name exactly as the plan has it.")
    return named[0]["id"] if named else None


def _plans_named(store: Store, name: str) -> list:
    """(id, name) of the plans that are ``name`` as typed (any case, dash or spacing), by name."""
    key = typed_name_key(name)
    return [r for r in store.rows("SELECT id, name FROM budget_plans ORDER BY name") if typed_name_key(r[1]) == key]


def _plan_named(store: Store, name: str, besides: str | None = None) -> str | None:
    """The name of a plan other than ``besides`` that is ``name`` as typed."""
    return next((r["name"] for r in _plans_named(store, name) if r["id"] != besides), None)


def _cell_from_row(r) -> Cell:
    return Cell(r["status"], r["amount_pence"], r["text"], r["note"], r["per_district_pence"], r["stated_change"])


def load_plan(store: Store, plan_id: str) -> Plan:
    """The plan with its columns, sections, lines, cells and stated totals (domain.budgets.Plan)."""
    head = store.one("SELECT * FROM budget_plans WHERE id = ?", (plan_id,))
    if head is None:
        raise BudgetError("That plan is no longer in the file.")
    columns = tuple(Column(r["id"], r["label"], r["financial_year"]) for r in store.rows(
        "SELECT * FROM budget_columns WHERE plan_id = ? ORDER BY position, label", (plan_id,)))
    cells: dict[str, dict[str, Cell]] = {}
    for r in store.rows("SELECT c.* FROM budget_cells c JOIN budget_lines l ON l.id = c.line_id "
                        "JOIN budget_sections s ON s.id = l.section_id WHERE s.plan_id = ?", (plan_id,)):
        cells.setdefault(r["line_id"], {})[r["column_id"]] = _cell_from_row(r)
    stated: dict[str | None, dict[str, Cell]] = {}
    for r in store.rows("SELECT * FROM budget_stated_totals WHERE plan_id = ?", (plan_id,)):
        stated.setdefault(r["section_id"], {})[r["column_id"]] = _cell_from_row(r)
    lines: dict[str, list[Line]] = {}
    for r in store.rows("SELECT l.* FROM budget_lines l JOIN budget_sections s ON s.id = l.section_id "
                        "WHERE s.plan_id = ? ORDER BY l.position, l.label", (plan_id,)):
        lines.setdefault(r["section_id"], []).append(Line(r["id"], r["label"], cells.get(r["id"], {}), r["notes"]))
    sections = tuple(
        Section(r["id"], r["name"], r["kind"], r["sign"], tuple(lines.get(r["id"], ())), r["total_label"],
                bool(r["show_subtotal"]), stated.get(r["id"], {}), r["notes"])
        for r in store.rows("SELECT * FROM budget_sections WHERE plan_id = ? ORDER BY position, name", (plan_id,)))
    return Plan(head["id"], head["name"], columns, sections, head["unit"], head["total_label"],
                stated.get(None, {}), head["owner"], head["source"], head["notes"], bool(head["show_total_column"]),
                bool(head["show_changes"]))


def _plan_row(store: Store, plan_id: str):
    row = store.one("SELECT * FROM budget_plans WHERE id = ?", (plan_id,))
    if row is None:
        raise BudgetError("That plan is no longer in the file.")
    return row


def _section_row(store: Store, section_id: str):
    row = store.one("SELECT * FROM budget_sections WHERE id = ?", (section_id,))
    if row is None:
        raise BudgetError("That section is no longer in the plan.")
    return row


def _line_row(store: Store, line_id: str):
    row = store.one("SELECT l.*, s.plan_id FROM budget_lines l JOIN budget_sections s ON s.id = l.section_id "
                    "WHERE l.id = ?", (line_id,))
    if row is None:
        raise BudgetError("That line is no longer in the plan.")
    return row


def column_id(store: Store, plan_id: str, column: str) -> str:
    """A column of the plan from its id, its label ("11/12 £") or its financial year ("2011/12", "11/12")."""
    text = (column or "").strip()
    row = store.one("SELECT id FROM budget_columns WHERE plan_id = ? AND (id = ? OR label = ? COLLATE NOCASE)",
                    (plan_id, text, text))
    if row is None:
        try:
            year = FinancialYear.parse(text).label
        except ValueError:
            year = None
        if year:
            row = store.one("SELECT id FROM budget_columns WHERE plan_id = ? AND financial_year = ? "
                            "ORDER BY position LIMIT 1", (plan_id, year))
    if row is None:
        labels = ", ".join(r[0] for r in store.rows(
            "SELECT label FROM budget_columns WHERE plan_id = ? ORDER BY position", (plan_id,)))
        raise BudgetError(f"The plan has no column “{text}” (it has: {labels or 'no columns yet'}).")
    return row["id"]


# -- plans --------------------------------------------------------------------------------------------------

PLAN_FIELDS = ("name", "owner", "source", "unit", "total_label", "show_total_column", "show_changes", "notes",
               "area_id")


def _plan_values(store: Store, fields: dict[str, Any], plan_id: str | None = None) -> dict[str, Any]:
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise BudgetError(unknown_fields("plan", unknown))
    values: dict[str, Any] = {}
    if "name" in fields:
        name = (fields["name"] or "").strip()
        if not name:
            raise BudgetError("Name: a plan needs a name (e.g. “Community Safety MTFP 2011/12–2014/15”).")
        _check_one_cell("Name", name)
        if (existing := _plan_named(store, name, plan_id)) is not None:  # as lines and sections refuse twins
            raise BudgetError(f"Name: there is already a plan called “{existing}”.")
        values["name"] = name
    for key in ("owner", "source", "notes"):
        if key in fields:
            values[key] = (fields[key] or "").strip()
    if "total_label" in fields:
        values["total_label"] = (fields["total_label"] or "").strip() or "Total"
        if plan_id is not None:
            _check_total_not_a_line(store, plan_id, values["total_label"])
    if "unit" in fields:
        if fields["unit"] not in rules.UNITS:
            raise BudgetError("Unit: the table is in pounds (pound) or thousands of pounds (thousand).")
        values["unit"] = fields["unit"]
    for key in ("show_total_column", "show_changes"):
        if key in fields:
            values[key] = int(bool(fields[key]))
    if "area_id" in fields:
        area = (fields["area_id"] or "").strip() or None
        if area and not store.scalar("SELECT 1 FROM partnerships WHERE id = ? UNION SELECT 1 FROM districts "
                                     "WHERE id = ?", (area, area)):
            area = store.scalar("SELECT id FROM partnerships WHERE name = ? COLLATE NOCASE UNION ALL "
                                "SELECT id FROM districts WHERE name = ? COLLATE NOCASE UNION ALL "
                                "SELECT id FROM indicator_areas WHERE kind = 'county' AND (id = ? OR name = ? "
                                "COLLATE NOCASE)", (area, area, area, area))
            if area is None:
                raise BudgetError(f"Area: there is no partnership, district or county called “{fields['area_id']}”.")
        values["area_id"] = area
    return values


def _check_total_not_a_line(store: Store, plan_id: str, label: str, what: str = "Total's name") -> None:
    """The plan's total (or a section's subtotal, ``what``) named as a line of it (seed 002's "Net Effect" row keyed as
    a line, then given to the total): a line and the worked-out total would show under one name, as a line named as
    the total is refused."""
    key = typed_name_key(label).strip(" :")
    line = next((r for r in store.rows("SELECT l.label, s.name FROM budget_lines l JOIN budget_sections s ON "
                                       "s.id = l.section_id WHERE s.plan_id = ? ORDER BY s.position, l.position",
                                       (plan_id,)) if typed_name_key(r["label"]).strip(" :") == key), None)
    if line is not None:
        raise BudgetError(f"{what}: the plan has a line “{line['label']}” (in {line['name']}), and the total "
                          "would read as that line. If the line is the paper's total row keyed as a line, delete it "
                          "(Del on its name: the total is worked out); otherwise give the total a name of its own.")


def create_plan(store: Store, name: str, *, columns: Sequence[str | tuple[str, str]] = (), **fields: Any) -> str:
    """A new plan with its columns (each a financial year "2011/12", or (label, financial year)); returns its id."""
    values = _plan_values(store, {"name": name, **fields})
    plan_id = new_id()
    now = _now()
    specs = [_column_spec(c) for c in columns]
    for at, column in enumerate(columns):  # a year typed twice ("2017/18, 2017/18") is said as "2017/18, 17/18" is
        specs[at] = _beside_its_year(column, specs[at], specs[:at])
    seen: dict[str, str] = {}
    for label, _ in specs:
        if (earlier := seen.get(label.casefold())) is not None:
            raise BudgetError(f"Columns: “{label}” is given twice (“{earlier}” and “{label}”): each column needs its "
                              "own heading.")
        seen[label.casefold()] = label
    _check_years_in_order(specs)
    with store.transaction():
        store.conn.execute(
            f"INSERT INTO budget_plans(id, {', '.join(values)}, created_at, updated_at) "
            f"VALUES (?, {', '.join('?' * len(values))}, ?, ?)", (plan_id, *values.values(), now, now))
        for position, (label, year) in enumerate(specs):
            store.conn.execute("INSERT INTO budget_columns(id, plan_id, position, label, financial_year) "
                               "VALUES (?, ?, ?, ?, ?)", (new_id(), plan_id, position, label, year))
    return plan_id


def _column_spec(column: str | tuple[str, str]) -> tuple[str, str]:
    """A column's heading and its financial year: given as (label, year), or read from the heading ("2011/12",
    "11/12 £", "Benchmark 2009/10", "2010/11 Budget"); the heading is kept as typed."""
    if isinstance(column, tuple):
        label, year = column
        label = (label or "").strip()
        year = rules.check_year_label(year)
    else:
        # A list's separator typed after the heading ("2027/28;") is not part of it: it headed the column so.
        label = (column or "").strip().rstrip(",;").rstrip()
        if not label:
            raise BudgetError(f"A column needs a heading: {rules.COLUMN_FORMS}.")
        _refuse_a_range_of_years(label)
        year = rules.column_year(label)
    if not label:
        raise BudgetError("A column needs a heading.")
    return label, year


# A range of years typed where a plan's years are listed ("2011/12 – 2014/15", as a plan's title writes them).
_YEARS_RANGE = re.compile(r"^(?P<first>\d{2,4}\s*[/\-]\s*\d{2,4})\s*(?:-|\u2013|\u2014|\bto\b)\s*"
                          r"(?P<last>\d{2,4}\s*[/\-]\s*\d{2,4})$", re.I)


def _refuse_a_range_of_years(label: str) -> None:
    """A plan's years are listed, one a column: "2011/12 – 2014/15" is refused with the list to type instead."""
    m = _YEARS_RANGE.match(label)
    if m is None:
        return
    try:
        first, last = FinancialYear.parse(m["first"]), FinancialYear.parse(m["last"])
    except PeriodError:
        return  # not two years: said as a heading is
    if last.start_year <= first.start_year:
        return
    listed = ", ".join(FinancialYear(y).label for y in range(first.start_year, last.start_year + 1))
    raise BudgetError(f"Years: “{label}” is a range of years, and a plan's years are listed, one a column: type "
                      f"{listed}.")


def _beside_its_year(column: str | tuple[str, str], spec: tuple[str, str],
                     before: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """A heading whose year a column before it has already ("Benchmark 2009/10" after "East Sussex 2009/10", as seed
    004's unit costs print them) stands beside that year: it is not counted again in the totals across the years or
    in the changes (the example file holds it so). A bare year given twice ("2017/18", "17/18") is refused."""
    label, year = spec
    if isinstance(column, tuple) or not year:
        return spec
    earlier = next((other for other, other_year in before if other_year == year), None)
    if earlier is None:
        return spec
    if _is_bare_year(label):
        raise BudgetError(f"Columns: {year} is given twice (“{earlier}” and “{label}”): give each year once, or a "
                          f"heading for the other figures with the year they belong to (Benchmark {year}).")
    return label, ""


def _check_years_in_order(specs: Sequence[tuple[str, str]]) -> None:
    """The year columns go oldest first, as a paper's columns do: each "Change to" a year is worked out from the
    column before it (typed "2020/21, 2019/20", the change into 2019/20 was worked out from 2020/21)."""
    years = [(label, year) for label, year in specs if year]
    later = next(((a, b) for a, b in zip(years, years[1:]) if b[1] <= a[1]), None)
    if later is None:
        return
    (first, first_year), (then, then_year) = later
    in_order = ", ".join(label for label, _ in sorted(years, key=lambda spec: spec[1]))
    after = f"is the same year as “{first}”" if first_year == then_year else f"comes after “{first}”"
    raise BudgetError(f"Columns: the years go oldest first, as the paper's columns do ({in_order}): “{then}” "
                      f"{after}.")


def _is_bare_year(label: str) -> bool:
    try:
        FinancialYear.parse(label)
    except ValueError:
        return False
    return True


def update_plan(store: Store, plan_id: str, **fields: Any) -> dict[str, Any]:
    """Change a plan's name, owner, source, unit, total label or display settings; returns what changed."""
    _plan_row(store, plan_id)
    values = _plan_values(store, fields, plan_id)
    if values:
        with store.transaction():
            store.conn.execute(f"UPDATE budget_plans SET {', '.join(f'{k} = ?' for k in values)}, updated_at = ? "
                               "WHERE id = ?", (*values.values(), _now(), plan_id))
    return values


@dataclass(frozen=True)
class PlanSnapshot:
    """A plan's rows, table by table (parts None when the plan did not exist: restoring removes it)."""

    plan_id: str
    parts: tuple[snapshots.Part, ...] | None


# Where each table's rows of one plan are (one "?": the plan's id), in the order they are written back.
_PLAN_ROWS = {"budget_plans": "id = ?", **{t: where.format(p="", s="", key="= ?") for t, where in PLAN_PARTS.items()}}


def snapshot_plan(store: Store, plan_id: str) -> PlanSnapshot:
    return PlanSnapshot(plan_id, snapshots.take_record(store.conn, "budget_plans", plan_id, _PLAN_ROWS))


def restore_plan(store: Store, snapshot: PlanSnapshot) -> None:
    """Put a plan back exactly as it was in the snapshot (or remove it, if it did not exist then): the rows that
    differ, and only those, under their own ids."""
    with store.transaction():
        snapshots.put_back_record(store.conn, "budget_plans", snapshot.plan_id, snapshot.parts)


def delete_plan(store: Store, plan_id: str) -> PlanSnapshot:
    """Delete a plan with everything in it; returns the snapshot that ``restore_plan`` puts back."""
    before = snapshot_plan(store, plan_id)
    if before.parts is None:
        raise BudgetError("That plan is no longer in the file.")
    with store.transaction():
        store.conn.execute("DELETE FROM budget_plans WHERE id = ?", (plan_id,))
    return before


def _touch(store: Store, plan_id: str) -> None:
    store.conn.execute("UPDATE budget_plans SET updated_at = ? WHERE id = ?", (_now(), plan_id))


def _next_position(store: Store, table: str, parent: str, parent_id: str, position: int | None) -> int:
    """The position for a new row: at the end, or at ``position`` with the rows from there moved down."""
    count = int(store.scalar(f"SELECT count(*) FROM {table} WHERE {parent} = ?", (parent_id,)))
    if position is None or position >= count:
        return int(store.scalar(f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE {parent} = ?",
                                (parent_id,)))
    if position < 0:
        raise BudgetError("A position cannot be negative.")
    _renumber(store, table, parent, parent_id)
    store.conn.execute(f"UPDATE {table} SET position = position + 1 WHERE {parent} = ? AND position >= ?",
                       (parent_id, position))
    return position


def _renumber(store: Store, table: str, parent: str, parent_id: str) -> None:
    ids = [r[0] for r in store.rows(f"SELECT id FROM {table} WHERE {parent} = ? ORDER BY position, rowid",
                                    (parent_id,))]
    for i, row_id in enumerate(ids):
        store.conn.execute(f"UPDATE {table} SET position = ? WHERE id = ? AND position <> ?", (i, row_id, i))


# -- columns ------------------------------------------------------------------------------------------------

def add_column(store: Store, plan_id: str, label: str, *, financial_year: str | None = None,
               position: int | None = None) -> str:
    """A new column (a financial year, or a heading with the year it belongs to); returns its id.

    Put between two years, the changes the paper printed into the year after it go, as ``remove_column`` takes them
    the other way: they were over the years either side (2017/18 to 2019/20), and were flagged as the paper's own
    annual change into the new year, which it never printed."""
    _plan_row(store, plan_id)
    given = (label, financial_year) if financial_year is not None else label
    spec = _column_spec(given)
    if store.scalar("SELECT 1 FROM budget_columns WHERE plan_id = ? AND label = ? COLLATE NOCASE", (plan_id, spec[0])):
        raise BudgetError(f"The plan already has a column “{spec[0]}”.")
    existing = [(r[0], r[1]) for r in store.rows(
        "SELECT label, financial_year FROM budget_columns WHERE plan_id = ? ORDER BY position, rowid", (plan_id,))]
    spec = _beside_its_year(given, spec, existing)
    at = len(existing) if position is None else max(position, 0)  # where _next_position puts it
    _check_years_in_order([*existing[:at], spec, *existing[at:]])
    column = new_id()
    spans = rules.change_spans(load_plan(store, plan_id))  # the years each change was over before
    with store.transaction():
        pos = _next_position(store, "budget_columns", "plan_id", plan_id, position)
        store.conn.execute("INSERT INTO budget_columns(id, plan_id, position, label, financial_year) "
                           "VALUES (?, ?, ?, ?, ?)", (column, plan_id, pos, *spec))
        after = load_plan(store, plan_id)
        later, printed = changes_printed_on(after, column)
        apart = rules.change_spans(after)
        if printed and later is not None and spans.get(later.id, (None, 0))[1] != apart[later.id][1]:
            for table in ("budget_cells", "budget_stated_totals"):
                store.conn.execute(f"UPDATE {table} SET stated_change = '' WHERE column_id = ? AND stated_change <> ''",
                                   (later.id,))
        _touch(store, plan_id)
    return column


def changes_printed_on(plan: Plan, column: str) -> tuple[Column | None, int]:
    """The year whose changes are worked out on the column ``column`` (the year after it), and how many changes the
    paper printed into that year (a line's, a subtotal's, the total's): they are on this column and no other."""
    spans = rules.change_spans(plan)
    later = next((c for c in plan.columns if c.id in spans and spans[c.id][0].id == column), None)
    if later is None:
        return None, 0
    cells = [line.cells.get(later.id) for section in plan.sections for line in section.lines]
    cells += [section.stated.get(later.id) for section in plan.sections] + [plan.stated_totals.get(later.id)]
    return later, sum(1 for cell in cells if cell is not None and cell.stated_change)


def remove_column(store: Store, column: str) -> PlanSnapshot:
    """Remove a column and its cells; returns the plan as it was (undo with ``restore_plan``).

    The changes the paper printed into the year after it were on this year: they go with it (checked against the
    year before instead, each was flagged as the paper's own "2-year change" it never printed)."""
    row = store.one("SELECT * FROM budget_columns WHERE id = ?", (column,))
    if row is None:
        raise BudgetError("That column is no longer in the plan.")
    before = snapshot_plan(store, row["plan_id"])
    later, printed = changes_printed_on(load_plan(store, row["plan_id"]), column)
    with store.transaction():
        if later is not None and printed:
            for table in ("budget_cells", "budget_stated_totals"):
                store.conn.execute(f"UPDATE {table} SET stated_change = '' WHERE column_id = ? AND stated_change <> ''",
                                   (later.id,))
        store.conn.execute("DELETE FROM budget_columns WHERE id = ?", (column,))
        _touch(store, row["plan_id"])
    return before


# -- sections -----------------------------------------------------------------------------------------------

SECTION_FIELDS = ("name", "kind", "sign", "total_label", "show_subtotal", "notes")


def _section_values(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(SECTION_FIELDS)
    if unknown:
        raise BudgetError(unknown_fields("section", unknown))
    values: dict[str, Any] = {}
    if "name" in fields:
        name = (fields["name"] or "").strip()
        if not name:
            raise BudgetError("Section: a section needs a name (e.g. “Expenditure”, “Income and grants”).")
        _check_one_cell("Section", name)
        _check_section_name(name)
        values["name"] = name
    if "kind" in fields:
        if fields["kind"] not in rules.SECTION_KINDS:
            raise BudgetError(f"Kind: a section is one of {', '.join(rules.SECTION_KINDS)}.")
        values["kind"] = fields["kind"]
    if "sign" in fields and fields["sign"] is not None:
        if fields["sign"] not in (-1, 0, 1):
            raise BudgetError("Counts towards the total: +1 (adds), -1 (takes away) or 0 (outside the total).")
        values["sign"] = int(fields["sign"])
    for key in ("total_label", "notes"):
        if key in fields:
            values[key] = (fields[key] or "").strip()
    if "show_subtotal" in fields:
        values["show_subtotal"] = int(bool(fields["show_subtotal"]))
    return values


def add_section(store: Store, plan_id: str, name: str, *, kind: str = "expenditure", sign: int | None = None,
                position: int | None = None, **fields: Any) -> str:
    """A new section (expenditure, income and grants, savings …); by default it adds to the plan total
    if it is expenditure and takes away if it is income or savings. Returns its id."""
    _plan_row(store, plan_id)
    values = _section_values({"name": name, "kind": kind, **fields})
    _check_section_free(store, plan_id, values["name"])
    values["sign"] = rules.DEFAULT_SIGN[values["kind"]] if sign is None else _section_values({"sign": sign})["sign"]
    section_id = new_id()
    with store.transaction():
        pos = _next_position(store, "budget_sections", "plan_id", plan_id, position)
        store.conn.execute(f"INSERT INTO budget_sections(id, plan_id, position, {', '.join(values)}) "
                           f"VALUES (?, ?, ?, {', '.join('?' * len(values))})",
                           (section_id, plan_id, pos, *values.values()))
        _touch(store, plan_id)
    return section_id


def update_section(store: Store, section_id: str, **fields: Any) -> dict[str, Any]:
    """Change a section's name, kind, sign, subtotal's label or notes; returns what changed. A kind changed without a
    sign counts as that kind does (a section made income takes away; its old sign had it still adding)."""
    row = _section_row(store, section_id)
    values = _section_values(fields)
    if "name" in values and typed_name_key(values["name"]) != typed_name_key(row["name"]):
        _check_section_free(store, row["plan_id"], values["name"], section_id)
    if "kind" in values and fields.get("sign") is None:
        values["sign"] = rules.DEFAULT_SIGN[values["kind"]]
    if values.get("total_label"):  # the paper's name for the subtotal ("Total Expenditure"), typed over its row
        _check_one_cell("Subtotal's name", values["total_label"])
        _check_total_not_a_line(store, row["plan_id"], values["total_label"], "Subtotal's name")
    if values:
        with store.transaction():
            store.conn.execute(f"UPDATE budget_sections SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                               (*values.values(), section_id))
            _touch(store, row["plan_id"])
    return values


def remove_section(store: Store, section_id: str) -> PlanSnapshot:
    """Remove a section with its lines; returns the plan as it was (undo with ``restore_plan``)."""
    row = _section_row(store, section_id)
    before = snapshot_plan(store, row["plan_id"])
    with store.transaction():
        store.conn.execute("DELETE FROM budget_sections WHERE id = ?", (section_id,))
        _touch(store, row["plan_id"])
    return before


# -- lines --------------------------------------------------------------------------------------------------

def _check_figure_as_name(label: str) -> None:
    """A line's name that is a figure ("£4,000" typed in the Line box, meant for the line's cell) or a formula copied
    from Excel's formula bar: it made a line of that name with no figure, and the plan's total left it out unsaid."""
    text = label.strip()
    if text.startswith("="):
        raise BudgetError(f"Line: “{text}” is a formula, not a line's name: type the name the paper gives the line, "
                          "then its figures in the grid under their years.")
    try:
        read = rules.parse_cell(text)
    except BudgetError:
        return
    if read.status == "amount" and not read.note:
        raise BudgetError(f"Line: “{text}” is a figure, not a line's name: add the line by its name (Domestic Homicide "
                          "Reviews), then type its figures in the grid under their years.")


def _check_line_label(label: str, store: Store | None = None, section_id: str | None = None) -> None:
    _check_figure_as_name(label)
    named_total = False
    if store is not None and section_id is not None:  # a section's subtotal, or the plan's total, by name
        rows = store.rows("SELECT s.name, s.total_label, p.total_label AS plan_total FROM budget_sections s "
                          "JOIN budget_plans p ON p.id = s.plan_id WHERE s.plan_id = (SELECT plan_id FROM "
                          "budget_sections WHERE id = ?)", (section_id,))
        named_total = any(names_a_worked_out_total(label, r["name"], r["total_label"] or f"{r['name']}: subtotal",
                                                   r["plan_total"] or "Total") for r in rows)
    if named_total or looks_like_total_line(label):
        raise BudgetError(f"Line: “{label}” looks like a total line, and totals are worked out here (as a line it "
                          "would count every line twice). To keep the total the paper printed, type it over the "
                          "worked-out figure in the subtotal or total row.")


# One name in one place: two lines of a section (or two sections of a plan) named alike as typed ("Staff", "staff",
# "Staff – agency" and "Staff - agency") could not be told apart in the grid, its refusals or `safer-desk budget`.
# Files an older version wrote with both keep both; only a new name is refused.

def _line_named(store: Store, section_id: str, label: str, besides: str | None = None) -> str | None:
    """The label of the section's line that is ``label`` as typed (any case, dash or spacing), other than
    ``besides``; None when there is none."""
    key = typed_name_key(label)
    return next((r["label"] for r in store.rows("SELECT id, label FROM budget_lines WHERE section_id = ? "
                                                 "ORDER BY position, rowid", (section_id,))
                 if r["id"] != besides and typed_name_key(r["label"]) == key), None)


def _check_line_free(store: Store, section_id: str, label: str, besides: str | None = None, *,
                     what_to_do: str = "type its figures in that line, or give this one a name of its own") -> None:
    if (existing := _line_named(store, section_id, label, besides)) is not None:
        section = _section_row(store, section_id)["name"]
        raise BudgetError(f"Line: {section} already has a line “{existing}”: {what_to_do}.")


def _check_section_free(store: Store, plan_id: str, name: str, besides: str | None = None) -> None:
    key = typed_name_key(name)
    existing = next((r["name"] for r in store.rows("SELECT id, name FROM budget_sections WHERE plan_id = ? "
                                                   "ORDER BY position, rowid", (plan_id,))
                     if r["id"] != besides and typed_name_key(r["name"]) == key), None)
    if existing is not None:
        raise BudgetError(f"Section: the plan already has a section “{existing}”: add the lines to that section, or "
                          "give this one a name of its own.")
    # Named as the plan's total, its heading read as the worked-out total at the plan's foot, as a line so named would.
    total = store.scalar("SELECT total_label FROM budget_plans WHERE id = ?", (plan_id,)) or "Total"
    if key.strip(" :") == typed_name_key(total):
        raise BudgetError(f"Section: “{total}” is the name of the plan's total, which is worked out (its row is at the "
                          "foot of the plan): give the section the name the paper heads its lines with.")


def _check_one_cell(field: str, name: str, *, lines: bool = False) -> None:
    """A name copied from Excel with the cells beside or below it ("Grants<tab>20,000", a column of names) went in
    whole, tabs and line ends too: refused, saying how to copy it (its own ends are stripped before)."""
    if not any(c in name for c in "\t\r\n"):
        return
    shown = " / ".join(part for part in re.split(r"\s*[\t\r\n]+\s*", name) if part)
    if "\t" in name:
        why = "it was copied from Excel with the cells beside it (its figures, or more names), which a name cannot hold"
    else:
        why = "it was copied from Excel with the rows below it, and a name is one line"
    more = " To add several lines, paste a column of names alone into Line: each becomes a line." if lines else ""
    raise BudgetError(f"{field}: “{shown}” is more than one cell: {why}. Copy the name alone (its own cell) and "
                      f"paste it again; a line's figures go in the grid (Ctrl+V on its first year).{more}")


def _check_section_name(name: str) -> None:
    if looks_like_total_line(name):
        raise BudgetError(f"Section: “{name}” looks like a total, and totals are worked out here (each section's "
                          "subtotal and the plan's total have rows of their own). To keep the total the paper "
                          "printed, type it over the worked-out figure in the subtotal or total row.")


def add_line(store: Store, section_id: str, label: str, *, notes: str = "", position: int | None = None) -> str:
    """A new line in a section (e.g. "Employees"); returns its id."""
    section = _section_row(store, section_id)
    label = (label or "").strip()
    if not label:
        raise BudgetError("Line: a line needs a label (e.g. “Employees”).")
    _check_one_cell("Line", label, lines=True)
    _check_line_label(label, store, section_id)
    _check_line_free(store, section_id, label)
    line_id = new_id()
    with store.transaction():
        pos = _next_position(store, "budget_lines", "section_id", section_id, position)
        store.conn.execute("INSERT INTO budget_lines(id, section_id, position, label, notes) VALUES (?, ?, ?, ?, ?)",
                           (line_id, section_id, pos, label, (notes or "").strip()))
        _touch(store, section["plan_id"])
    return line_id


def add_lines(store: Store, section_id: str, labels: Sequence[str]) -> list[str]:
    """Several new lines at the end of a section, in order (a column of names copied from the paper's sheet): all or
    none, in one transaction; returns their ids. A refusal names the line."""
    with store.transaction():
        return [add_line(store, section_id, label) for label in labels]


def update_line(store: Store, line_id: str, *, label: str | None = None, notes: str | None = None) -> dict[str, Any]:
    row = _line_row(store, line_id)
    values: dict[str, Any] = {}
    if label is not None:
        if not label.strip():
            raise BudgetError("Line: a line needs a label.")
        _check_one_cell("Line", label.strip())
        _check_line_label(label.strip(), store, row["section_id"])
        if typed_name_key(label) != typed_name_key(row["label"]):  # "Staff" made "STAFF" is still its own name
            _check_line_free(store, row["section_id"], label.strip(), line_id,
                             what_to_do="give this one a name of its own")
        values["label"] = label.strip()
    if notes is not None:
        values["notes"] = notes.strip()
    if values:
        with store.transaction():
            store.conn.execute(f"UPDATE budget_lines SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                               (*values.values(), line_id))
            _touch(store, row["plan_id"])
    return values


def move_line(store: Store, line_id: str, position: int) -> int:
    """Move a line to another position in its section; returns where it was (the undo moves it back)."""
    row = _line_row(store, line_id)
    ids = [r[0] for r in store.rows("SELECT id FROM budget_lines WHERE section_id = ? ORDER BY position, rowid",
                                    (row["section_id"],))]
    old = ids.index(line_id)
    ids.pop(old)
    ids.insert(max(0, min(position, len(ids))), line_id)
    with store.transaction():
        for i, other in enumerate(ids):
            store.conn.execute("UPDATE budget_lines SET position = ? WHERE id = ? AND position <> ?", (i, other, i))
        _touch(store, row["plan_id"])
    return old


def move_line_to_section(store: Store, line_id: str, section_id: str) -> str:
    """Move a line, with its figures, notes, links and printed changes, to the end of another section of its plan
    (a grant typed under Expenditure); returns the section it was in."""
    row = _line_row(store, line_id)
    target = _section_row(store, section_id)
    if target["plan_id"] != row["plan_id"]:
        raise BudgetError("A line moves to a section of its own plan.")
    if section_id == row["section_id"]:
        return section_id
    _check_line_free(store, section_id, row["label"], what_to_do="rename one of them first, then move it")
    with store.transaction():
        position = _next_position(store, "budget_lines", "section_id", section_id, None)
        store.conn.execute("UPDATE budget_lines SET section_id = ?, position = ? WHERE id = ?",
                           (section_id, position, line_id))
        _renumber(store, "budget_lines", "section_id", row["section_id"])
        _touch(store, row["plan_id"])
    return row["section_id"]


def remove_line(store: Store, line_id: str) -> PlanSnapshot:
    """Remove a line with its cells and links; returns the plan as it was (undo with ``restore_plan``)."""
    row = _line_row(store, line_id)
    before = snapshot_plan(store, row["plan_id"])
    with store.transaction():
        store.conn.execute("DELETE FROM budget_lines WHERE id = ?", (line_id,))
        _touch(store, row["plan_id"])
    return before


# -- cells and stated totals ----------------------------------------------------------------------------------

def read_cell(text: str | Cell, unit: str, *, note: str | None = None, stated_change: str | None = None) -> Cell:
    """A cell from what was typed (or a Cell), with an optional note and printed change."""
    cell = text if isinstance(text, Cell) else rules.parse_cell(text, unit=unit)
    if note is not None or stated_change is not None:
        cell = Cell(cell.status, cell.amount_pence, cell.text, cell.note if note is None else note.strip(),
                    cell.per_district_pence, cell.stated_change if stated_change is None else stated_change.strip())
    return cell


def _write_cell(store: Store, table: str, keys: dict[str, Any], cell: Cell) -> None:
    values = {"status": cell.status, "amount_pence": cell.amount_pence, "text": cell.text, "note": cell.note,
              "per_district_pence": cell.per_district_pence, "stated_change": cell.stated_change}
    where = " AND ".join(f"{k} IS ?" for k in keys)
    existing = store.scalar(f"SELECT id FROM {table} WHERE {where}", tuple(keys.values()))
    if existing:
        store.conn.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                           (*values.values(), existing))
    else:
        columns = ["id", *keys, *values]
        store.conn.execute(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                           (new_id(), *keys.values(), *values.values()))


def _existing_cell(store: Store, table: str, keys: dict[str, Any]) -> Cell | None:
    where = " AND ".join(f"{k} IS ?" for k in keys)
    row = store.one(f"SELECT * FROM {table} WHERE {where}", tuple(keys.values()))
    return None if row is None else _cell_from_row(row)


def set_cell(store: Store, line_id: str, column: str, text: str | Cell, *, note: str | None = None,
             stated_change: str | None = None, note_in_text: bool = False) -> Cell | None:
    """Put what the paper states in a cell ("£4,000 (£2,000 per District)", "TBC", "N/K", "nil").

    note_in_text: the text was edited with the cell's note in it (the grid shows it so), so a text without a
    note removes it; otherwise the cell keeps a note the text does not give.

    Returns the cell it replaced (None if it was empty): undo is ``set_cell`` with it, or ``clear_cell``.
    """
    row = _line_row(store, line_id)
    plan = _plan_row(store, row["plan_id"])
    column = column_id(store, row["plan_id"], column)
    try:
        cell = read_cell(text, plan["unit"], note=note, stated_change=stated_change)
    except BudgetError as exc:
        label = store.scalar("SELECT label FROM budget_columns WHERE id = ?", (column,))
        raise BudgetError(f"{row['label']}, {label}: {exc}") from None
    keys = {"line_id": line_id, "column_id": column}
    before = _existing_cell(store, "budget_cells", keys)
    cell = _keeping_what_was_not_typed(cell, before, text, note, stated_change, note_in_text)
    with store.transaction():
        _write_cell(store, "budget_cells", keys, cell)
        _touch(store, row["plan_id"])
    return before


def cell_holds(store: Store, line_id: str, column: str, text: str, *, note: str | None = None,
               note_in_text: bool = False) -> bool:
    """The cell already holds what ``set_cell`` would write for this text ("327,800" typed over the paper's
    327,800): no change to make, to undo or to record."""
    try:
        row = _line_row(store, line_id)
        keys = {"line_id": line_id, "column_id": column_id(store, row["plan_id"], column)}
    except BudgetError:
        return False  # refused by set_cell, which says why (a line a merge took away)
    return _holds(store, "budget_cells", keys, row["plan_id"], text, note, note_in_text)


def stated_total_holds(store: Store, plan_id: str, column: str, text: str, *, section_id: str | None = None,
                       note_in_text: bool = False) -> bool:
    """The printed total already is what ``set_stated_total`` would write for this text, as ``cell_holds``."""
    try:
        keys = {"plan_id": plan_id, "section_id": section_id, "column_id": column_id(store, plan_id, column)}
    except BudgetError:
        return False
    return _holds(store, "budget_stated_totals", keys, plan_id, text, None, note_in_text)


def _holds(store: Store, table: str, keys: dict[str, Any], plan_id: str, text: str, note: str | None,
           note_in_text: bool) -> bool:
    try:
        cell = read_cell(text, _plan_row(store, plan_id)["unit"], note=note)
    except BudgetError:
        return False  # refused when written, which says why
    before = _existing_cell(store, table, keys)
    return before is not None and _keeping_what_was_not_typed(cell, before, text, note, None, note_in_text) == before


def _keeping_what_was_not_typed(cell: Cell, before: Cell | None, text: str | Cell, note: str | None,
                                stated_change: str | None, note_in_text: bool = False) -> Cell:
    """A figure typed again keeps the paper's printed change, and its note unless given or shown with it (a note
    typed with the amount, "£7,700 (Agreed at the board)", replaces the old one; with ``note_in_text`` an amount
    typed without one removes it). A Cell given whole (an undo) is written as it is."""
    if before is None or isinstance(text, Cell):
        return cell
    return replace(cell, note=cell.note if note is not None or cell.note or note_in_text else before.note,
                   stated_change=cell.stated_change if stated_change is not None or cell.stated_change
                   else before.stated_change)


def set_cells(store: Store, cells: Sequence[tuple[str, str, str]],
              changes: Sequence[tuple[str, str, str]] = ()) -> int:
    """Several line cells at once, (line, column, text) each as ``set_cell`` takes it, blank text emptying the cell (a
    block pasted from Excel), then the ``changes`` the paper prints beside them, (line, column, text) each as
    ``set_printed_change`` takes it (seed 004's Annual Change copied with its rows): all or none, in one
    transaction. Returns how many cells."""
    with store.transaction():
        for line_id, column, text in cells:
            if (text or "").strip():
                set_cell(store, line_id, column, text)
            else:
                clear_cell(store, line_id, column)
        for line_id, column, text in changes:
            set_printed_change(store, _line_row(store, line_id)["plan_id"], column, text, line_id=line_id)
    return len(cells)


def clear_cell(store: Store, line_id: str, column: str) -> Cell | None:
    """Empty a cell; returns what it held (undo: ``set_cell`` with it)."""
    row = _line_row(store, line_id)
    column = column_id(store, row["plan_id"], column)
    keys = {"line_id": line_id, "column_id": column}
    before = _existing_cell(store, "budget_cells", keys)
    with store.transaction():
        store.conn.execute("DELETE FROM budget_cells WHERE line_id = ? AND column_id = ?", (line_id, column))
        _touch(store, row["plan_id"])
    return before


def splits_in_notes(plan: Plan) -> list[tuple[Line, Column, Cell]]:
    """The line cells whose note states a split, as older versions kept "£4,000 (£1,500 per Borough)": (line, column,
    the cell as its note reads), in the paper's order. Their split is not checked until read so."""
    return [(line, column, read) for section in plan.sections for line in section.lines for column in plan.columns
            if (read := line.cells[column.id].split_in_note(plan.unit) if column.id in line.cells else None)]


def read_notes_as_splits(store: Store, plan_id: str) -> int:
    """Read every note of the plan that states a split as that split (one transaction); returns how many. The
    amounts stay as they are: only what the note already said is counted as the split it says."""
    found = splits_in_notes(load_plan(store, plan_id))
    if found:
        with store.transaction():
            for line, column, cell in found:
                _write_cell(store, "budget_cells", {"line_id": line.id, "column_id": column.id}, cell)
            _touch(store, plan_id)
    return len(found)


def set_stated_total(store: Store, plan_id: str, column: str, text: str | Cell, *, section_id: str | None = None,
                     note: str | None = None, stated_change: str | None = None,
                     note_in_text: bool = False) -> Cell | None:
    """Keep the total the paper prints for a section (or, without a section, for the whole plan).

    It is never overwritten by the computed total: both are kept and a difference is flagged.
    Returns the stated figure it replaced (None if there was none).
    """
    plan = _plan_row(store, plan_id)
    if section_id is not None and _section_row(store, section_id)["plan_id"] != plan_id:
        raise BudgetError("That section belongs to another plan.")
    column = column_id(store, plan_id, column)
    cell = read_cell(text, plan["unit"], note=note, stated_change=stated_change)
    keys = {"plan_id": plan_id, "section_id": section_id, "column_id": column}
    before = _existing_cell(store, "budget_stated_totals", keys)
    cell = _keeping_what_was_not_typed(cell, before, text, note, stated_change, note_in_text)
    with store.transaction():
        _write_cell(store, "budget_stated_totals", keys, cell)
        _touch(store, plan_id)
    return before


def clear_stated_total(store: Store, plan_id: str, column: str, *, section_id: str | None = None) -> Cell | None:
    _plan_row(store, plan_id)
    column = column_id(store, plan_id, column)
    keys = {"plan_id": plan_id, "section_id": section_id, "column_id": column}
    before = _existing_cell(store, "budget_stated_totals", keys)
    with store.transaction():
        store.conn.execute("DELETE FROM budget_stated_totals WHERE plan_id = ? AND section_id IS ? AND column_id = ?",
                           (plan_id, section_id, column))
        _touch(store, plan_id)
    return before


def set_printed_change(store: Store, plan_id: str, column: str, text: str, *, line_id: str | None = None,
                       section_id: str | None = None) -> str:
    """The annual change the paper prints into ``column`` ("(0.7)", "1.7", "-"; blank removes it) beside a line's
    figure, or (without a line) beside the printed total of a section or of the plan: checked against the figures
    either side. The figure itself stays as it is. Returns the printed change it replaced."""
    plan = load_plan(store, plan_id)
    column = column_id(store, plan_id, column)
    label = next(c.label for c in plan.columns if c.id == column)
    if column not in rules.change_spans(plan):
        raise BudgetError(f"{label}: a change is printed into a year after the plan's first, on the year before it.")
    text = (text or "").strip()
    try:
        rules.parse_change(text)
    except BudgetError as exc:
        raise BudgetError(f"{label}: {exc}") from None
    if line_id is not None:
        if _line_row(store, line_id)["plan_id"] != plan_id:
            raise BudgetError("That line belongs to another plan.")
        table, keys = "budget_cells", {"line_id": line_id, "column_id": column}
    else:
        if section_id is not None and _section_row(store, section_id)["plan_id"] != plan_id:
            raise BudgetError("That section belongs to another plan.")
        table, keys = "budget_stated_totals", {"plan_id": plan_id, "section_id": section_id, "column_id": column}
    before = _existing_cell(store, table, keys)
    if before is None:
        raise BudgetError(f"{label}: type the figure the paper prints first, then the change printed beside it.")
    with store.transaction():
        _write_cell(store, table, keys, replace(before, stated_change=text))
        _touch(store, plan_id)
    return before.stated_change


# -- links to what actually happened ----------------------------------------------------------------------------

@dataclass(frozen=True)
class LineLink:
    id: str
    line_id: str
    kind: str  # "project" | "fund" | "review"
    target_id: str
    target: str  # the project's title, the fund's name, the review's reference
    measure: str  # "cost" | "spend" | "contributions"
    organisation: str = ""  # contributions from this organisation only
    funder: str = ""  # a project's share from this funder (as its funding sources name it)

    def describe(self) -> str:
        if self.measure == "share":
            return f"{self.funder}'s share of project {self.target}"
        what = {"cost": "cost", "spend": "spend", "contributions": "contributions"}[self.measure]
        who = f" from {self.organisation}" if self.organisation else ""
        return f"{self.kind.capitalize()} {self.target}: {what}{who}"


def link_line(store: Store, line_id: str, *, project: str | None = None, fund: str | None = None,
              review: str | None = None, measure: str | None = None, organisation: str | None = None,
              funder: str | None = None) -> str:
    """Link a line to a project, a pooled fund or a review so its actual figures sit beside the plan.

    A fund's measure is its spend (default) or contributions (optionally from one organisation); a project's is its
    cost (default) or one ``funder``'s share of it (measure "share": "OPCC contribution to the IDVA service" beside
    the OPCC's £20,000 of the project's £60,000); a review's is its cost. Returns the link's id (undo:
    ``unlink_line``).
    """
    row = _line_row(store, line_id)
    given = [(k, v) for k, v in (("project", project), ("fund", fund), ("review", review)) if v]
    if len(given) != 1:
        raise BudgetError("Link the line to one project, fund or review.")
    kind, target = given[0]
    text = target.strip()
    if kind == "project":
        target_id = store.scalar("SELECT id FROM projects WHERE id = ? OR ref = ? OR title = ? COLLATE NOCASE",
                                 (text, text, text))
    elif kind == "fund":
        target_id = store.scalar("SELECT id FROM funds WHERE id = ?", (text,)) or _fund_typed(store, text)
    else:
        target_id = store.scalar("SELECT id FROM dhr_cases WHERE id = ? OR reference = ? COLLATE NOCASE",
                                 (text, text))
    if target_id is None:
        raise BudgetError(f"There is no {kind} “{text}” to link to.")
    measure = measure or MEASURES[kind][0]
    if measure not in MEASURES[kind]:
        raise BudgetError(f"A {kind}'s figure to show is its {' or '.join(MEASURES[kind])}.")
    org_id = None
    if organisation:
        if measure != "contributions":
            raise BudgetError("An organisation can be chosen only for a fund's contributions.")
        org_id = store.scalar("SELECT id FROM organisations WHERE id = ? OR name = ? COLLATE NOCASE",
                              (organisation.strip(), organisation.strip()))
        if org_id is None:
            raise BudgetError(f"There is no organisation called “{organisation.strip()}”.")
    funder = _funder_of_share(store, target_id, funder, measure)
    if store.scalar("SELECT 1 FROM budget_line_links WHERE line_id = ? AND coalesce(project_id, fund_id, case_id) = ? "
                    "AND measure = ? AND organisation_id IS ? AND funder = ?",
                    (line_id, target_id, measure, org_id, funder)):
        raise BudgetError(f"The line is already linked to that {kind}'s {measure}: a second link would count it "
                          "twice.")
    _refuse_share_beside_cost(store, line_id, target_id, measure, funder)
    _refuse_spend_beside_contributions(store, line_id, target_id, kind, measure)
    if measure == "contributions":  # every organisation's beside one's counts that one's twice
        overlap = [r[0] or "" for r in store.rows(
            "SELECT o.name FROM budget_line_links k LEFT JOIN organisations o ON o.id = k.organisation_id "
            "WHERE k.line_id = ? AND k.fund_id = ? AND k.measure = 'contributions' AND (? IS NULL OR "
            "k.organisation_id IS NULL) ORDER BY o.name", (line_id, target_id, org_id))]
        if overlap:
            if org_id is not None:
                name = store.scalar("SELECT name FROM organisations WHERE id = ?", (org_id,))
                raise BudgetError(f"The line already counts that fund's contributions from every organisation, "
                                  f"{name}'s among them: a second link would count them twice.")
            names = " and ".join(overlap)
            raise BudgetError(f"The line already counts that fund's contributions from {names}: contributions from "
                              f"every organisation as well would count {'theirs' if len(overlap) > 1 else 'those'} "
                              f"twice. Unlink {'them' if len(overlap) > 1 else 'it'} first to count every "
                              f"organisation's.")
    link_id = new_id()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO budget_line_links(id, line_id, project_id, fund_id, case_id, measure, organisation_id, "
            "funder) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (link_id, line_id, target_id if kind == "project" else None, target_id if kind == "fund" else None,
             target_id if kind == "review" else None, measure, org_id, funder))
        _touch(store, row["plan_id"])
    return link_id


def _funder_of_share(store: Store, project_id: str, funder: str | None, measure: str) -> str:
    """The funder a share link names, as the project's funding sources spell it ("" for another measure); refused
    when the project has no share from that funder."""
    if measure != "share":
        if funder:
            raise BudgetError("A funder can be chosen only for a project's share.")
        return ""
    wanted = (funder or "").strip()
    funders = project_funders(store, project_id)
    title = store.scalar("SELECT title FROM projects WHERE id = ?", (project_id,))
    if not funders:  # Link line…'s From: list is empty then
        raise BudgetError(f"The project {title} has no funding sources yet: give each funder's share in the Projects "
                          "tab (Funding sources), then link the line to one.")
    if not wanted:
        raise BudgetError(f"Say whose share of the project {title} the line counts: {', '.join(funders)}.")
    found = next((f for f in funders if same_funder(f, wanted)), None)
    if found is None:
        has = f"its funders are {', '.join(funders)}" if funders else "it has no funding sources yet"
        raise BudgetError(f"The project {title} has no share from {wanted}: {has} (Projects tab, Funding sources).")
    return found


def _refuse_share_beside_cost(store: Store, line_id: str, project_id: str, measure: str, funder: str) -> None:
    """A project's whole cost beside a funder's share of it would count that share twice."""
    if measure not in ("cost", "share"):
        return
    other = store.rows("SELECT measure, funder FROM budget_line_links WHERE line_id = ? AND project_id = ? "
                       "AND measure <> ?", (line_id, project_id, measure))
    if other:
        share = funder if measure == "share" else other[0]["funder"]
        raise BudgetError(f"The line already counts that project's {'cost' if measure == 'share' else 'share'}: "
                          f"its whole cost beside {share}'s share of it would count that share twice. Unlink it "
                          "first.")


def _refuse_spend_beside_contributions(store: Store, line_id: str, fund_id: str, kind: str, measure: str) -> None:
    """A fund's spend beside its contributions on one line would add the money that went out to the money that came
    in (seed 002's target hardening: £4,000 in and £2,417 spent read £6,417, a figure of neither)."""
    if kind != "fund" or not store.scalar("SELECT 1 FROM budget_line_links WHERE line_id = ? AND fund_id = ? AND "
                                          "measure <> ?", (line_id, fund_id, measure)):
        return
    from safer_desk.services.funds import fund_names_said

    name = fund_names_said(store).get(fund_id) or store.scalar("SELECT name FROM funds WHERE id = ?", (fund_id,))
    had = f"contributions into Fund {name}: its spend" if measure == "spend" else \
        f"the spend of Fund {name}: contributions into it"
    raise BudgetError(f"The line already counts {had} as well would add the money that went out to the money that "
                      "came in, a figure of neither. Put them on lines of their own (the money in on a line of an "
                      "income section), or unlink the one first.")


def project_funders(store: Store, project_id: str | None) -> list[str]:
    """The funders of a project's funding sources, each once as first written: whose share a line can count."""
    names: dict[str, str] = {}
    for r in store.rows("SELECT source FROM project_funding_sources WHERE project_id = ? ORDER BY position",
                        (project_id,)):
        names.setdefault(funder_key(r[0]), r[0])
    return list(names.values())


def _fund_typed(store: Store, text: str) -> str | None:
    """The fund a typed name names (``fund_by_name``): in a county file where two offices' funds read alike
    ("Sanctuary fund", "Sanctuary Fund"), the one spelt as typed; a name reading as both, spelt as neither, is
    refused, naming each (it took whichever came first)."""
    from safer_desk.services.funds import fund_by_name, funds_named

    fund = fund_by_name(store, text)
    if fund is not None and fund.name != text and len(alike := funds_named(store, text)) > 1:
        raise BudgetError(f"“{text}” reads as {len(alike)} funds: {'; '.join(f.name_said for f in alike)}. Give "
                          "the name as it is spelt there.")
    return fund.id if fund is not None else None


def project_names(store: Store, ids: Sequence[str], projects: Sequence | None = None,
                  origins: "RowOrigins | None" = None) -> dict[str, str]:
    """Projects (by id) named as Commissioning names them: "1. Sanctuary scheme", and where another project of a
    county file has its title, with its office ("… (merged from Babergh office)"). ``projects``: every project,
    loaded already (whose titles the ones named are told apart from). ``origins``: where each project came from,
    when ``store`` keeps no note of it (the county workbook's staged export); None: read from ``store``."""
    from safer_desk.services.projects import load_projects, project_name
    from safer_desk.services.provenance import PROJECTS, row_origins, titles_said

    origins = origins if origins is not None else row_origins(store, PROJECTS)
    if projects is None:  # every project only where a title can repeat (a county file); else the ones named
        projects = load_projects(store, None if origins.shown else list(ids))
    repeated = titles_said(projects, origins) if origins.shown else {}  # (an own file's twins: the ref says it)
    wanted = set(ids)
    return {p.id: f"{project_name(p)} ({origins.phrase(p.id)})" if p.id in repeated else project_name(p)
            for p in projects if p.id in wanted}


def link_targets(store: Store) -> dict[str, list[tuple[str, str]]]:
    """What a line can be linked to, by kind (project, fund, review): (id, what the window names it), by name. A
    fund whose name reads as another's (two offices' in a county file) is named with its office, as Costs names it."""
    from safer_desk.services.funds import list_funds

    return {
        "project": [(r[0], r[1]) for r in store.rows("SELECT id, title FROM projects ORDER BY title COLLATE NOCASE")],
        "fund": [(f.id, f.name_said) for f in sorted(list_funds(store), key=lambda f: (f.name.casefold(),
                                                                                       f.name_said))],
        "review": [(r[0], r[1]) for r in store.rows(
            "SELECT id, reference FROM dhr_cases ORDER BY reference COLLATE NOCASE")],
    }


def fund_contributors(store: Store, fund_id: str) -> list[str]:
    """The organisations that have contributed to a fund, by name: whose contributions a line can count alone."""
    return [r[0] for r in store.rows(
        "SELECT DISTINCT o.name FROM fund_contributions c JOIN organisations o ON o.id = c.organisation_id "
        "WHERE c.fund_id = ? ORDER BY o.name COLLATE NOCASE", (fund_id,))]


def linked_lines_words(store: Store, column: str, ids: Sequence[str]) -> str:
    """'linked to the budget line “Drugs and alcohol” of “…MTFP…”' for the lines linked to these projects, reviews
    or funds (column: project_id, case_id or fund_id), or '' when none is: what their deletion takes from a plan."""
    if column not in ("project_id", "case_id", "fund_id") or not ids:
        return ""
    marks = ", ".join("?" * len(ids))
    lines = [f"“{r[0]}” of “{r[1]}”" for r in store.rows(
        f"SELECT DISTINCT l.label, b.name FROM budget_line_links k JOIN budget_lines l ON l.id = k.line_id "
        f"JOIN budget_sections c ON c.id = l.section_id JOIN budget_plans b ON b.id = c.plan_id "
        f"WHERE k.{column} IN ({marks}) ORDER BY b.name, l.label", tuple(ids))]
    return f"linked to the budget line{'s' if len(lines) > 1 else ''} " + ", ".join(lines) if lines else ""


def unlink_line(store: Store, link_id: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM budget_line_links WHERE id = ?", (link_id,))


def line_links(store: Store, plan_id: str, *, origins: "Mapping[str, RowOrigins] | None" = None
               ) -> dict[str, list[LineLink]]:
    """The links of a plan's lines: line id -> links. ``origins`` (by table, projects and funds): where each row came
    from when ``store`` keeps no note of it (``_named``)."""
    links: dict[str, list[LineLink]] = {}
    for r in store.rows(
            "SELECT k.*, p.title AS project, f.name AS fund, c.reference AS review, o.name AS organisation "
            "FROM budget_line_links k JOIN budget_lines l ON l.id = k.line_id "
            "JOIN budget_sections s ON s.id = l.section_id LEFT JOIN projects p ON p.id = k.project_id "
            "LEFT JOIN funds f ON f.id = k.fund_id LEFT JOIN dhr_cases c ON c.id = k.case_id "
            "LEFT JOIN organisations o ON o.id = k.organisation_id WHERE s.plan_id = ? "
            "ORDER BY coalesce(p.title, f.name, c.reference), k.measure, coalesce(o.name, ''), k.funder, k.id",
            (plan_id,)):
        kind = "project" if r["project_id"] else "fund" if r["fund_id"] else "review"
        target_id = r["project_id"] or r["fund_id"] or r["case_id"]
        links.setdefault(r["line_id"], []).append(LineLink(
            r["id"], r["line_id"], kind, target_id, r[kind] or "", r["measure"], r["organisation"] or "",
            r["funder"]))
    return _named(store, links, origins or {}) if links else links


def _named(store: Store, links: dict[str, list[LineLink]], origins: "Mapping[str, RowOrigins]"
           ) -> dict[str, list[LineLink]]:
    """The links with each project and fund named as Link line… names it (the grid's tooltip, its Unlink entry, the
    board report): a project by its ref and title, and in a county file where a title or a fund's name reads as
    another's, with the office it came from; by title or name alone, two offices' read alike. ``origins``: the
    county file's, for its workbook's staged export, which keeps no note of where a row came from."""
    from safer_desk.services.funds import fund_names_said
    from safer_desk.services.provenance import FUNDS, PROJECTS

    projects = [k.target_id for line in links.values() for k in line if k.kind == "project"]
    names = {**(project_names(store, projects, origins=origins.get(PROJECTS)) if projects else {}),
             **fund_names_said(store, origins.get(FUNDS))}
    return {line: [replace(k, target=names[k.target_id]) if k.target_id in names and k.kind != "review" else k
                   for k in line_links_] for line, line_links_ in links.items()}


def _year_of(iso: str | None) -> str:
    return FinancialYear.of(date.fromisoformat(iso)).label if iso else ""


def link_actuals(store: Store, link: LineLink) -> dict[str, int]:
    """What a linked project, fund or review actually shows, per financial year (pence)."""
    out: dict[str, int] = {}

    def add(year: str, pence: int) -> None:
        if year:
            out[year] = out.get(year, 0) + int(pence)

    if link.kind == "project":
        from safer_desk.services.projects import load_projects
        from safer_desk.services.projects_commissioning import NOT_GOING_AHEAD

        found = load_projects(store, [link.target_id])
        if found and found[0].status in NOT_GOING_AHEAD:
            pass  # counts nothing, as in Commissioning and the board report's Funders' shares (``not_going_ahead``)
        elif found and link.measure == "share":
            for year, pence in share_by_year(found[0], link.funder).items():
                add(year, pence)
        elif found:
            project = found[0]
            # A cost line without a year counts in the start date's year, or in none (UNDATED, said beside the
            # actual), as Commissioning counts it: beside dated lines it went under their years.
            weights = {year: w for year, w in project.year_weights(undated=UNDATED).items() if w > 0}
            if project.cost is not None and project.cost.planning_pence is not None:
                # Its stated cost by year, in the proportions of its lines, as Commissioning commits it: the lines
                # added up left out a queried one (Recre8's "£3.250": £22,750 of £26,000) without a word.
                for year, pence in split_by_weights(project.cost.planning_pence, weights or {UNDATED: 1}).items():
                    add(year, pence)
            for c in project.cost_lines if project.cost is None else ():  # no cost stated: its lines as read
                if not c.amount.queried and c.amount.min_pence is not None:
                    add(c.financial_year or _year_of(project.start_date) or UNDATED,
                        c.amount.max_pence if c.amount.max_pence is not None else c.amount.min_pence)
    elif link.kind == "review":
        for r in store.rows("SELECT invoiced_on, amount_pence FROM dhr_cost_lines WHERE case_id = ?",
                            (link.target_id,)):
            add(_year_of(r[0]), r[1])
    elif link.measure == "contributions":
        # Where the fund counts it (services.funds.receipts): money with no date received, or received before the
        # fund began (a council paying its share in March for a pilot from April), from the fund's first month.
        from safer_desk.services.funds import get_fund, receipts

        for month, pence, who in receipts(store, get_fund(store, link.target_id)):
            if not link.organisation or who == link.organisation:
                add(month.financial_year.label, pence)
    else:
        from safer_desk.domain.periods import Month
        from safer_desk.services.funds import spend_sql

        for r in store.rows(f"SELECT month, sum(amount_pence) FROM ({spend_sql(store)}) WHERE fund_id = ? "
                            "GROUP BY month",
                            (link.target_id,)):
            add(Month.parse(r[0]).financial_year.label, r[1])
    return out


# A linked line's actual in a year before what it is linked to began (Western Suffolk's target hardening in
# 2017/18, the Suffolk pilot from April 2018): not a figure missing, nothing to show yet.
# A plan in pounds writes its money one way, in the tab and the board report alike: with pence throughout once any
# figure has them ("£0.00" beside "£7,525.58", seed 002), as every other table of the report does (``table_money``).
_WITH_PENCE = re.compile(r"£\d[\d,]*\.\d\d")
_WHOLE_POUNDS = re.compile(r"(£\d[\d,]*)(?![\d,]*\.\d)")


def shows_pence(texts: Iterable[str]) -> bool:
    """Whether any of a plan's figures as shown ("£7,525.58", "£9,000.50 + TBC") has pence."""
    return any(_WITH_PENCE.search(text) for text in texts if text)


def with_pence(text: str) -> str:
    """Every whole-pound amount in a figure as shown given its pence: "£4,000 (£2,000 per district)" becomes
    "£4,000.00 (£2,000.00 per district)"; words (TBC, N/K) and amounts with pence stay as they are."""
    return _WHOLE_POUNDS.sub(r"\1.00", text) if text else text


NOT_STARTED = "—"


def _began(store: Store, links: Sequence[LineLink]) -> tuple[str, str] | None:
    """When the line's links began, as (financial year, words): the earliest of its pooled funds' first months, its
    projects' start dates and its reviews' notification dates; None when one of them has no such date (or is a
    project not going ahead, which counts nothing). A project's or a review's cost dated before it began still shows
    as a figure: only a year with nothing is "not started"."""
    if not links:
        return None
    from safer_desk.services.funds import FundError, get_fund
    from safer_desk.services.projects import load_projects
    from safer_desk.services.projects_commissioning import NOT_GOING_AHEAD

    starts: list[tuple[date, str]] = []
    for link in links:
        if link.kind == "fund":
            try:
                fund = get_fund(store, link.target_id)
            except FundError:
                return None
            month = fund.start_month
            starts.append((date(month.year, month.month, 1), f"{fund.name_said} began in"))
        elif link.kind == "project":
            found = load_projects(store, [link.target_id])
            if not found or not found[0].start_date or found[0].status in NOT_GOING_AHEAD:
                return None
            starts.append((date.fromisoformat(found[0].start_date[:10]), f"project {link.target} began in"))
        elif link.kind == "review":
            notified = store.scalar("SELECT notified_on FROM dhr_cases WHERE id = ?", (link.target_id,))
            if not notified:
                return None
            starts.append((date.fromisoformat(notified[:10]), f"review {link.target} was notified in"))
        else:
            return None
    day, words = min(starts, key=lambda s: s[0])
    return FinancialYear.of(day).label, f"{words} {calendar.month_name[day.month]} {day.year}"


def _before(year: str, began: tuple[str, str] | None) -> bool:
    return bool(year and began and year < began[0])


def _not_started_words(years: Sequence[str], began: tuple[str, str] | None) -> str:
    if not years or began is None:
        return ""
    from safer_desk.domain.text import in_words

    return f"“{NOT_STARTED}” (not started) in {in_words(years)}: {began[1]}."


def share_by_year(project, funder: str) -> dict[str, int]:
    """One funder's share of a project by financial year (pence): a share for a year in that year; a share with no
    year across the years the project's cost falls in, in its proportions (as ``link_actuals`` splits the cost), or
    in none (UNDATED) where the project gives its cost no year. A share in words ("Tbc") counts nothing."""
    out: dict[str, int] = {}
    weights = {year: w for year, w in project.year_weights(undated=UNDATED).items() if w > 0}
    for s in project.funding_sources:
        if s.amount_pence is None or not same_funder(s.source, funder):
            continue
        parts = {s.financial_year: s.amount_pence} if s.financial_year else split_by_weights(
            s.amount_pence, weights or {UNDATED: 1})
        for year, pence in parts.items():
            out[year] = out.get(year, 0) + pence
    return out


def share_gone(store: Store, link: LineLink) -> str:
    """What a link to a funder's share says when the project no longer has a share from that funder (taken out, or
    the funder renamed in its funding sources), or has it only in words, or partly (its actual the known part): its
    actual is not a silent £0, nor a part passing for the whole. "" else."""
    if link.measure != "share":
        return ""
    sources = store.rows("SELECT source, amount_pence, amount_note FROM project_funding_sources WHERE project_id = ?",
                         (link.target_id,))
    mine = [r for r in sources if same_funder(r["source"], link.funder)]
    if not mine:
        funders = project_funders(store, link.target_id)
        now = f"its funders now are {', '.join(funders)}" if funders else "it has no funding sources now"
        return (f"{link.describe()}: the project has no share from {link.funder} any more ({now}: the share was "
                "taken out or its funder renamed), so the line shows no actual for it; link the line again to the "
                "share it counts.")
    words = [r["amount_note"] or "not known" for r in mine if r["amount_pence"] is None]
    if words and len(words) == len(mine):
        return f"{link.describe()}: the share is not known yet ({'; '.join(words)}), so the line shows no actual."
    if words:  # £110,000 and a second tranche "Tbc": the known part is not the whole share (Commissioning: part known)
        return (f"{link.describe()}: part of the share is not known yet ({'; '.join(words)}), so the line's actual "
                "counts the known part only.")
    return ""


def not_going_ahead(store: Store, link: LineLink) -> str:
    """Why a link to a declined or withdrawn project shows no actual, in a sentence ("" for any other link): such a
    project commits nothing in Commissioning and its shares count nothing in the board report, so its cost or a
    funder's share is not money spent (a line still showed the withdrawn project's £60,000 as its actual)."""
    if link.kind != "project":
        return ""
    from safer_desk.domain.projects import STATUS_LABELS
    from safer_desk.services.projects import load_projects
    from safer_desk.services.projects_commissioning import NOT_GOING_AHEAD

    found = load_projects(store, [link.target_id])
    if not found or found[0].status not in NOT_GOING_AHEAD:
        return ""
    status = STATUS_LABELS.get(found[0].status, found[0].status).lower()
    return (f"{link.describe()}: {not_going_ahead_words(found[0])}: no actual, as Commissioning and the board report "
            f"count nothing for a project {status}.")


def not_going_ahead_words(project) -> str:
    """"withdrawn on 01/06/2017" for a project declined or withdrawn, "" for one going ahead: why a line linked to it
    shows no actual (``not_going_ahead``), and why Link line… greys it out."""
    from safer_desk.domain.projects import STATUS_LABELS
    from safer_desk.services.projects_commissioning import NOT_GOING_AHEAD

    if project.status not in NOT_GOING_AHEAD:
        return ""
    status = STATUS_LABELS.get(project.status, project.status).lower()
    when = (f"on {date.fromisoformat(project.status_date).strftime('%d/%m/%Y')}" if project.status_date
            else "(no date given)")
    return f"{status} {when}"


def undated_actual(store: Store, link: LineLink) -> str:
    """What a linked review's actual leaves out, in a sentence: its cost lines with no invoice date belong to no
    financial year, so no year's actual counts them ("" when there are none)."""
    if link.kind != "review":
        return ""
    count, pence = store.one("SELECT count(*), coalesce(sum(amount_pence), 0) FROM dhr_cost_lines WHERE case_id = ? "
                             "AND (invoiced_on IS NULL OR invoiced_on = '')", (link.target_id,))
    if not count:
        return ""
    lines = "1 cost line" if count == 1 else f"{count} cost lines"
    return (f"Review {link.target}: {format_money(pence)} of its costs ({lines}) has no invoice date, so it is in "
            "no year's actual; give the review's cost its invoice date to count it.")


def _overlapping_links(links: Sequence[LineLink]) -> tuple[set[str], list[str]]:
    """The links of one line that overlap, as linking them now is refused, and what the line says of each pair: a
    file linked before the refusals (or a county file whose offices each linked the line) holds them, and its line
    added them up without a word. A fund's spend beside contributions into it added the money that came in to the
    money that went out (seed 002's £4,000 in and £2,417 spent read £6,417, a figure of neither); contributions from
    every organisation beside one's counted that one's twice; a project's whole cost beside a funder's share of it
    counted the share twice. Such links count nothing on the line until one is unlinked."""
    apart: set[str] = set()
    said: list[str] = []
    choose = "so neither counts. Unlink the one that should not count (right-click the line)."
    funds_ = {k.target_id: [x for x in links if x.kind == "fund" and x.target_id == k.target_id]
              for k in links if k.kind == "fund"}
    for fund in funds_.values():
        spend = [k for k in fund if k.measure == "spend"]
        given = [k for k in fund if k.measure == "contributions"]
        every = [k for k in given if not k.organisation]
        name = f"Fund {fund[0].target}"
        if spend and given:
            apart.update(k.id for k in fund)
            said.append(f"{name}: its spend and contributions into it are both linked: added, they would be a figure "
                        f"of neither (the money that went out and the money that came in), {choose}")
        elif every and len(given) > len(every):
            apart.update(k.id for k in given)
            ones = [k.organisation for k in given if k.organisation]
            whose = " and ".join(ones)
            said.append(f"{name}: contributions from every organisation are linked beside those from {whose} "
                        f"alone: added, {whose}'s would count twice, {choose}")
    projects = {k.target_id: [x for x in links if x.kind == "project" and x.target_id == k.target_id]
                for k in links if k.kind == "project"}
    for project in projects.values():
        shares = [k for k in project if k.measure == "share"]
        if shares and len(shares) < len(project):
            apart.update(k.id for k in project)
            whose = " and ".join(f"{k.funder}'s" for k in shares)
            said.append(f"Project {project[0].target}: its whole cost is linked beside {whose} share of it: added, "
                        f"the share{'s' if len(shares) > 1 else ''} would count twice, {choose}")
    return apart, said


def _outside_the_plan(link: LineLink, shown: Mapping[str, int], plan: Plan) -> str:
    """What a link shows in years the plan has no column for, in a sentence ("" when none): a project costed in
    2009/10 linked to a 2017/18 – 2019/20 plan showed no actual anywhere, as if it had cost nothing."""
    years = {c.financial_year for c in plan.columns if c.financial_year}
    left = sorted((year, pence) for year, pence in shown.items() if year not in years and year != UNDATED and pence)
    said = (f"{link.describe()}: {format_money(shown[UNDATED])} of it is in no year (the project has no start date, "
            "and no cost line gives that money a year), so no year's actual counts it; give the project its start "
            "date, or its cost lines their years, to count it." if shown.get(UNDATED) else "")
    if not left:
        return said
    words = ", ".join(f"{format_money(pence)} in {year}" for year, pence in left)
    one = len(left) == 1
    return " ".join(filter(None, (f"{link.describe()}: {words}, {'a year' if one else 'years'} the plan has no "
                                  f"column for, so no year's actual here counts {'it' if one else 'them'}.", said)))


# -- the plan as the screen and the report show it ----------------------------------------------------------------

@dataclass(frozen=True)
class ViewCell:
    """One shown cell: its text in the plan's unit, its pence (None when not a known amount) and any flag."""

    text: str
    pence: int | None = None
    status: str = ""  # amount, tbc, nk, nil (a cell) · total, total-incomplete (computed) · stated,
    # stated-differs (from its lines), stated-change-differs (its printed change alone), stated-unchecked (its lines
    # have a TBC or N/K in them)
    flag: str = ""  # a sentence when this figure disagrees with another
    note: str = ""
    change: Change | None = None  # year on year, into this column
    edit_text: str = ""  # a typed cell as it is edited, its note in brackets (``Cell.edit_text``)
    stated_change: str = ""  # the annual change the paper prints into this column, as printed ("(0.7)")
    unchecked: str = ""  # a printed total that could not be checked: why, in a sentence
    per_district_pence: int | None = None  # a cell's stated split ("£4,000 (£2,000 per District)"): £2,000
    words: str = ""  # a TBC, N/K or nil in the paper's own words ("Awaiting confirmation"): ``Cell.words``

    @property
    def flagged(self) -> bool:
        return bool(self.flag)


@dataclass(frozen=True)
class ViewRow:
    kind: str  # "section" | "line" | "subtotal" | "stated" | "total" | "stated-total"
    label: str
    cells: tuple[ViewCell, ...] = ()  # one per plan column
    across: ViewCell | None = None  # the "Total" column (across the years), when the plan shows one
    section_id: str | None = None
    line_id: str | None = None
    notes: str = ""
    links: tuple[LineLink, ...] = ()
    actuals: tuple[ViewCell, ...] = ()  # linked lines: what actually happened, per column
    actuals_note: str = ""  # linked lines: what the actuals leave out (a review's costs with no invoice date)

    @property
    def flagged(self) -> bool:
        return any(c.flagged for c in self.cells) or (self.across is not None and self.across.flagged)


@dataclass(frozen=True)
class PlanView:
    plan: Plan
    totals: PlanTotals
    rows: tuple[ViewRow, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)  # each disagreement, in a sentence
    unchecked: tuple[str, ...] = field(default_factory=tuple)  # stated figures that could not be checked

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.plan.columns

    @property
    def header(self) -> list[str]:
        return ["", *(c.label for c in self.plan.columns), *(["Total"] if self.plan.show_total_column else [])]


def _figure_cell(figure: Figure, unit: str, *, flag: str = "", change: Change | None = None) -> ViewCell:
    if figure.empty and flag:  # a printed total against a year of no lines yet: the £0 it is checked against, shown
        return ViewCell(rules.format_amount(0, unit), 0, "total", flag, change=change)
    if figure.empty:
        return ViewCell("", None, "")
    return ViewCell(figure.describe(unit), figure.pence if figure.known else None,
                    "total" if figure.complete else "total-incomplete", flag, change=change)


def _cell_view(cell: Cell | None, unit: str, *, flag: str = "", change: Change | None = None,
               status: str = "") -> ViewCell:
    """status: the cell's own unless given (a printed total's: stated, stated-differs, stated-change-differs)."""
    if cell is None:
        return ViewCell("")
    return ViewCell(cell.describe(unit), cell.pence if cell.known else None, status or cell.status, flag, cell.note,
                    change, cell.edit_text(unit), cell.stated_change, per_district_pence=cell.per_district_pence,
                    words=cell.words)


def _stated_view(cell: Cell | None, unit: str, flags: dict, row: str, column: str, unchecked: dict) -> ViewCell:
    """A printed total: flagged when it differs from its lines, or when its printed change alone disagrees (the
    status says which: stated-differs, stated-change-differs); stated-unchecked, with why, when its lines have a TBC
    or N/K in them, so it could not be checked (not "stated", as one that agreed)."""
    total, change = flags.get((row, column, "total"), ""), flags.get((row, column, "change"), "")
    why = unchecked.get((row, column, "total"), "") if cell is not None and cell.known else ""
    status = "stated-differs" if total else "stated-change-differs" if change else \
        "stated-unchecked" if why else "stated"
    return replace(_cell_view(cell, unit, flag=total or change, status=status), unchecked=why)


def _oldest_first(plan: Plan) -> Plan:
    """The plan with its years oldest first, for the changes and the printed changes' checks: a plan saved with its
    years newest first (before that was refused) had each change worked out from the year after it."""
    years = [c.financial_year for c in plan.year_columns]
    if years == sorted(years):
        return plan
    return replace(plan, columns=(*sorted(plan.year_columns, key=lambda c: c.financial_year),
                                  *(c for c in plan.columns if not c.is_year)))


def plan_view(store: Store, plan_id: str, *, with_actuals: bool = True,
              origins: "Mapping[str, RowOrigins] | None" = None) -> PlanView:
    """The plan row by row as the paper lays it out, with computed subtotals and totals beside any the paper
    states, year-on-year changes, flags, and (for linked lines) the actual figures per year. ``origins``: where a
    linked project or fund came from, for a store that keeps no note of it (``line_links``)."""
    plan = load_plan(store, plan_id)
    oldest_first = _oldest_first(plan)
    totals = rules.plan_totals(oldest_first)
    flags = {(c.row, c.column, c.kind): c.message for c in totals.checks if c.flagged}
    not_checked = {(c.row, c.column, c.kind): c.message for c in totals.checks if c.agrees is None}
    unit = plan.unit
    links = line_links(store, plan_id, origins=origins) if with_actuals else {}
    rows: list[ViewRow] = []

    def changes_of(figures: dict[str, Figure]) -> dict[str, Change | None]:
        return rules.changes(oldest_first, figures)

    for section in plan.sections:
        rows.append(ViewRow("section", section.name, section_id=section.id, notes=section.notes))
        for line in section.lines:
            figures = {c.id: rules.add_cells([line.cells.get(c.id)]) for c in plan.columns}
            ch = changes_of(figures)
            cells = tuple(_cell_view(line.cells.get(c.id), unit, change=ch.get(c.id),
                                     flag=flags.get((line.id, c.label, "change"), "")
                                     or flags.get((line.id, c.label, "split"), ""))
                          for c in plan.columns)
            across = _figure_cell(totals.lines[line.id], unit) if plan.show_total_column else None
            line_links_ = tuple(links.get(line.id, ()))
            actuals: tuple[ViewCell, ...] = ()
            said = [not_going_ahead(store, link) or undated_actual(store, link) or share_gone(store, link)
                    for link in line_links_]
            apart, overlaps = _overlapping_links(line_links_)
            said += overlaps
            if line_links_:
                per_year: dict[str, int] = {}
                for link in line_links_:
                    if link.id in apart:  # linked before the refusal: counted neither, said (``_overlapping_links``)
                        continue
                    shown = link_actuals(store, link)
                    for year, pence in shown.items():
                        per_year[year] = per_year.get(year, 0) + pence
                    said.append(_outside_the_plan(link, shown, plan))
                counted = [link for link in line_links_ if link.id not in apart]
                began = _began(store, counted)
                if began and any(year[:1].isdigit() and year < began[0] for year in per_year):
                    began = None  # a review invoiced years before it was notified: its start says nothing of the line
                actuals = tuple(ViewCell(rules.format_actual(per_year[c.financial_year], unit),
                                         per_year[c.financial_year], "actual") if c.financial_year in per_year
                                else ViewCell(NOT_STARTED, None, "not-started") if _before(c.financial_year, began)
                                else ViewCell("")
                                for c in plan.columns)
                said.append(_not_started_words([c.financial_year for c, a in zip(plan.columns, actuals)
                                                if a.status == "not-started"], began))
            actuals_note = " ".join(filter(None, said))
            rows.append(ViewRow("line", line.label, cells, across, section.id, line.id, line.notes, line_links_,
                                actuals, actuals_note))
        subtotal = totals.sections[section.id]
        if section.show_subtotal and (len(section.lines) > 1 or section.stated):
            ch = changes_of(dict(subtotal))
            cells = tuple(_figure_cell(subtotal[c.id], unit, change=ch.get(c.id),
                                       flag=flags.get((section.id, c.label, "total"), ""))
                          for c in plan.columns)
            across = _figure_cell(totals.section_across(section.id), unit) if plan.show_total_column else None
            rows.append(ViewRow("subtotal", section.subtotal_label, cells, across, section.id))
        if section.stated:
            cells = tuple(_stated_view(section.stated.get(c.id), unit, flags, section.id, c.label, not_checked)
                          for c in plan.columns)
            rows.append(ViewRow("stated", f"{section.subtotal_label} (as printed)", cells, None, section.id))
    if plan.has_plan_total:
        ch = changes_of(dict(totals.plan_total))
        cells = tuple(_figure_cell(totals.plan_total[c.id], unit, change=ch.get(c.id),
                                   flag=flags.get(("", c.label, "total"), ""))
                      for c in plan.columns)
        across = _figure_cell(totals.plan_across(), unit) if plan.show_total_column else None
        rows.append(ViewRow("total", plan.total_label, cells, across))
    if plan.stated_totals:
        cells = tuple(_stated_view(plan.stated_totals.get(c.id), unit, flags, "", c.label, not_checked)
                      for c in plan.columns)
        rows.append(ViewRow("stated-total", f"{plan.total_label} (as printed)", cells))
    unchecked = tuple(c.message for c in totals.checks if c.agrees is None)
    return PlanView(plan, totals, tuple(rows), tuple(totals.warnings()), unchecked)


# -- the command line ----------------------------------------------------------------------------------------------

CLI_HEADER = ["plan", "section", "line", "year", "amount", "status", "per_district"]


def _plain(pence: int | None) -> str:
    return "" if pence is None else format_pounds_plain(pence)


# `safer-desk budget --actuals`: after every other column, so scripts reading the documented ones by place still do.
ACTUALS_HEADER = ["linked_to", "actual", "difference"]


def budget_cli_header(store: Store, *, actuals: bool = False) -> list[str]:
    """The header of `safer-desk budget`: a county file's ends with merged_from, as `projects` and `awards` do; with
    ``actuals``, then linked_to, actual and difference."""
    from safer_desk.services.provenance import merged_into

    return CLI_HEADER + (["merged_from"] if merged_into(store) else []) + (ACTUALS_HEADER if actuals else [])


def budget_csv_rows(store: Store, plan: str | None = None, *, actuals: bool = False) -> list[list[str]]:
    """`safer-desk budget FILE [PLAN]`: every cell, computed total and stated total of the plan(s).

    status is amount, tbc, nk or nil for a cell; total (or total-incomplete when a cell in the column is
    TBC or N/K) for a computed subtotal or plan total; stated (or stated-differs, with the computed
    figure in the row above, or stated-change-differs when only its printed annual change disagrees, or
    stated-unchecked when its lines have a TBC or N/K in them) for a total the paper prints. year is the column's
    financial year, or its heading when it is not a year. per_district is the amount per district (or borough) a
    cell's split states ("£4,000 (£2,000 per District)": 2000), empty for none. Amounts are plain pounds.

    ``actuals``: each row ends with linked_to, actual and difference (``figure_actual``: what a linked line's links
    actually show in the year, as the Budgets tab and the board report show it, and actual minus amount), and a
    linked line's year the paper leaves blank is listed where its links show an actual (status "blank").
    """
    if plan is not None:
        plan_id = plan_id_by_name(store, plan)
        if plan_id is None:
            names = "; ".join(p.name for p in list_plans(store)) or "there are no plans in this file"
            if not plan.strip():  # `budget FILE ""` (a shell variable left empty): not "no plan called “”"
                raise BudgetError(f"the plan's name is empty: give a plan's name, or leave PLAN out for every plan. "
                                  f"Plans: {names}")
            from safer_desk.domain.text import meant_words

            meant = meant_words(plan, [p.name for p in list_plans(store)])
            raise BudgetError(f"there is no plan called “{plan}”{meant}. Plans: {names}")
        ids = [plan_id]
    else:
        ids = [p.id for p in list_plans(store)]
    from safer_desk.services.provenance import row_origins

    origins = row_origins(store, "budget_plans")  # a county file's: the office each plan came from, last
    out: list[list[str]] = []
    for plan_id in ids:
        view = plan_view(store, plan_id, with_actuals=actuals)
        merged = [origins.of(plan_id)] if origins.shown else []
        if not actuals:
            out += [[view.plan.name, section, line, year, _plain(cell.pence), cell.status,
                     _plain(cell.per_district_pence), *merged]
                    for section, line, year, cell, _, _ in plan_figures(view)]
            continue
        out += [[view.plan.name, section, line, year, _plain(cell.pence), cell.status or "blank",
                 _plain(cell.per_district_pence), *merged, actual.linked_to, _plain(actual.actual_pence),
                 _plain(actual.difference_pence)]
                for section, line, year, cell, _, _, actual in plan_figures_with_actuals(view)]
    return out


def actuals_notes_for(store: Store, plan: str | None = None) -> list[str]:
    """What the actuals of one plan (or every plan) leave out or no longer count, one sentence each with its plan's
    name, for `safer-desk budget --actuals`'s standard error (``actuals_notes``)."""
    ids = [plan_id_by_name(store, plan)] if plan else [p.id for p in list_plans(store)]
    return [f"{view.plan.name}: {note}" for plan_id in ids if plan_id is not None
            for view in [plan_view(store, plan_id)] for note in actuals_notes(view)]


def no_lines_notes(store: Store, plan: str | None = None) -> list[str]:
    """What `safer-desk budget` says under a header with nothing below it for a plan: "Babergh plan has no lines yet
    …" for each plan (or the one named) without a line, or that the file holds no plan at all."""
    held = list_plans(store)
    if plan is None and not held:
        return [f"{store.path.name} has no budgets or plans (add one in the Budgets tab: New plan)"]
    named = plan_id_by_name(store, plan) if plan is not None else None
    plans = [p for p in held if plan is None or p.id == named]
    notes = []
    for p in plans:
        if not store.scalar("SELECT 1 FROM budget_lines l JOIN budget_sections s ON s.id = l.section_id "
                            "WHERE s.plan_id = ? LIMIT 1", (p.id,)):
            notes.append(f"{p.name} has no lines yet: its figures are listed once a line is added to it (Budgets "
                         "tab, Add line)")
        elif not plan_has_figures(load_plan(store, p.id)):
            # Its lines alone print nothing: the heading would stand alone, unexplained.
            notes.append(f"{p.name} has no figures yet: its lines are listed once a figure is typed in them "
                         "(Budgets tab: double-click a cell)")
    return notes


def plan_has_figures(plan: Plan) -> bool:
    """Whether any cell of the plan holds a figure, TBC, N/K or nil, or the paper's printed total does."""
    return bool(plan.stated_totals) or any(
        section.stated or any(line.cells for line in section.lines) for section in plan.sections)


def plan_figures(view: PlanView) -> Iterator[tuple[str, str, str, ViewCell, ViewRow, Column]]:
    """Every figure of the plan as the paper states it or as worked out, row by row: (section, line, year,
    cell, row, column). year is the column's financial year, or its heading when it is not a year; empty cells are
    left out (the command line's CSV and the county workbook's Budgets sheet)."""
    sections = {s.id: s.name for s in view.plan.sections}
    for row in view.rows:
        if row.kind == "section":
            continue
        section = sections.get(row.section_id, "") if row.section_id else ""
        line = row.label.removesuffix(" (as printed)")
        for column, cell in zip(view.plan.columns, row.cells):
            if cell.status:
                yield section, line, column.financial_year or column.label, cell, row, column


@dataclass(frozen=True)
class FigureActual:
    """What a linked line's links actually show in a year, beside the paper's figure for it, as the Budgets tab's
    tooltip and the board report's "actual" row give it (``plan_view``): one place works it out for the command line
    and the county workbook too, which listed the paper's figures only, so an overspend the window showed was not
    seen there."""

    linked_to: str = ""  # what the line counts ("Review WSCSP-DHR-2017-01: cost"), each link; "" for no link
    actual_pence: int | None = None  # None where the links show nothing in the year (the window's cell shows none)
    difference_pence: int | None = None  # actual minus the paper's figure, where both are figures


def figure_actual(row: ViewRow, at: int, cell: ViewCell | None = None) -> FigureActual:
    """A line's actual in the plan's column ``at`` and the difference from its figure (``cell``, the row's own by
    default); empty for a row that is not a linked line."""
    if row.kind != "line" or not row.links:
        return FigureActual()
    linked_to = "; ".join(link.describe() for link in row.links)
    actual = row.actuals[at].pence if at < len(row.actuals) else None
    cell = cell if cell is not None else row.cells[at] if at < len(row.cells) else None
    planned = cell.pence if cell is not None and cell.status in ("amount", "nil") else None
    difference = actual - planned if actual is not None and planned is not None else None
    return FigureActual(linked_to, actual, difference)


def plan_figures_with_actuals(view: PlanView) -> Iterator[tuple[str, str, str, ViewCell, ViewRow, Column,
                                                                  FigureActual]]:
    """``plan_figures`` with each figure's actual (``figure_actual``), and a linked line's year the paper leaves
    blank listed too where its links show an actual (its cell empty, status ""): money nobody planned, not left out.
    ``view`` is worked out with its actuals (``plan_view``)."""
    sections = {s.id: s.name for s in view.plan.sections}
    for row in view.rows:
        if row.kind == "section":
            continue
        section = sections.get(row.section_id, "") if row.section_id else ""
        line = row.label.removesuffix(" (as printed)")
        for at, (column, cell) in enumerate(zip(view.plan.columns, row.cells)):
            actual = figure_actual(row, at, cell)
            if cell.status or actual.actual_pence is not None:
                yield section, line, column.financial_year or column.label, cell, row, column, actual


def actuals_notes(view: PlanView) -> list[str]:
    """What a plan's linked lines' actuals leave out or no longer count (a review's cost with no invoice date, a
    funder's share taken out of its project or its funder renamed), each as the board report says it under the
    plan's table: "Line, actual: …"."""
    return [f"{row.label}, actual: {row.actuals_note}" for row in view.rows
            if row.kind == "line" and row.actuals_note]


def _views_of(store: Store, plan: str | None) -> Iterator[PlanView]:
    """One plan's view (or every plan's), without actuals: what the command line says of the printed figures."""
    ids = [plan_id_by_name(store, plan)] if plan else [p.id for p in list_plans(store)]
    for plan_id in ids:
        if plan_id is not None:
            yield plan_view(store, plan_id, with_actuals=False)


def warnings_for(store: Store, plan: str | None = None) -> list[str]:
    """The flags of one plan (or every plan), one sentence each, for stderr and the report. A plan in £'000 says so:
    its flags give the paper's figures ("a difference of 1"), beside a CSV in pounds."""
    return [f"{view.plan.name}{THOUSANDS_SAID if view.plan.unit == 'thousand' else ''}: {w}"
            for view in _views_of(store, plan) for w in view.warnings]


THOUSANDS_SAID = " (its figures in £'000, as the paper prints them)"


def unchecked_for(store: Store, plan: str | None = None) -> list[str]:
    """The printed totals of one plan (or every plan) that could not be checked, and why, one sentence each."""
    return [f"{view.plan.name}: {cell.unchecked}" for view in _views_of(store, plan)
            for row in view.rows for cell in row.cells if cell.unchecked]
