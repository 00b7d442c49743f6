"""Conflicts of the county merge in plain words, and the county lead's decisions on them (issue 13).

A conflict is two versions of one thing: the county's (kept until someone decides) and a district office's.
It is said the way the board papers say things: names instead of ids, pounds instead of pence, British dates
and months ("Suffolk Constabulary's share of WSCSP-DHR-2017-01: £684.14 from Babergh office, £684.15 from Mid
Suffolk office"), and grouped by what it is about (``GROUPS``).

A decision keeps one version and sets the other aside. It is kept in ``_county_decisions`` as
(subject, version kept, version set aside): the subject is the thing's natural identity (a review's
reference, an indicator, area and month, a row's id where it has nothing else), a version the hash of the
values compared (ids and local details such as an indicator's place in the list left out). When the same
two versions meet again (the same file merged again, or the other office's file) the decision stands and
nothing is raised; a new version of either side is a new disagreement.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, NamedTuple

from safer_desk.domain.indicators import describe_source
from safer_desk.domain.money import COST_COLUMNS, format_money, stated_cost_words
from safer_desk.domain.periods import MONTH_ABBR, FinancialYear, Month, PeriodError, Quarter
from safer_desk.domain.projects import ProjectError, Scale
from safer_desk.domain.text import counted, in_words
from safer_desk.exchange.county_schema import POLICE_SOURCE, TableInfo, quote, row_hash, table_info
from safer_desk.storage.row_hashes import LOCAL_COLUMNS
from safer_desk.storage.schema.budgets import PLAN_PARTS
from safer_desk.storage.schema.exchange import HOLDERS_TABLE, IMPORTS_TABLE, ORIGINS_TABLE
from safer_desk.storage.schema.yes_no import yes_no_named, yes_no_value

DECISIONS_TABLE = "_county_decisions"

# Situations, as the merge finds them.
KIND_WORDS = {
    "other-office": "the same row came from another office",
    "differs": "two offices hold the same thing differently",
    "edited-at-county": "edited at the county since it was merged",
    "made-at-county": "the county file has its own version",
    "reference-differs": "shared reference data differs from the county's",
    "missing-parent": "depends on something that was not merged",
    "removed-but-edited": "no longer in the office's file, but edited at the county since",
    "figure": "a figure typed by one office differs from police.uk counts",
    "police-figure": "police.uk counts differ from a figure typed by another office",
    "share-cannot-take": "a payment, or a refusal's re-split or carrying, that the county's share of a review cannot "
                         "take as the county holds it",
    "refund-cannot-take": "a refund of review costs the county's ledger holds no overpayment for",
    "billing-cannot-take": "an office's billing of a review that would bill its partners twice at the county",
}
# What conflicts are about, in the order the summary and the window list them (group id -> heading).
GROUPS = {
    "dhr-share": "Shares of review costs",
    "dhr": "Reviews and their costs",
    "indicator-figure": "Indicator figures",
    "indicator": "Indicator targets and other indicator details",
    "project": "Projects",
    "fund": "Pooled funds",
    "allocation": "Allocations and commissioning",
    "budget": "Budgets and plans",
    "reference": "Reference data and shared definitions",
    "edited-at-county": "Rows edited at the county since they were merged",
    "not-merged": "Rows not merged because what they belong to was not",
    "other": "Other records",
}
REFERENCE_GROUP_TABLES = {"districts", "partnerships", "organisations", "partnership_districts",
                          "partnership_members", "indicators", "indicator_areas", "fund_items", "dhr_stage_rules",
                          "costs_settings", "office_areas"}

# Things compared as a whole with what they are made of (their MAKE_UP, beside their columns). Matched part by part,
# the parts only one office had were added to the county's thing without a word: two offices' "Option A", each
# ticking its own projects, ticked both offices' projects at the county; a plan Babergh typed with a line "E-CINS"
# and Mid Suffolk with "ECINS" held both lines, and its total the £5,000 twice; an award typed for another year by
# each office gave the county's award both years.
class Whole(NamedTuple):
    # The tables of its parts, parents first, each with the condition picking one thing's rows: {p} the table's
    # alias and a dot (or nothing), {s} the schema and a dot (or nothing), {key} "= ?" or "IN (…)" its ids.
    parts: dict[str, str]
    make_up: Callable[[sqlite3.Connection, str, Any, dict[str, Any]], str]  # (conn, {s}, id, remap) -> its text
    words: Callable[["Describer", str, str], str]  # (describer, one side's make-up, the other's) -> words
    named: str  # how a conflict names its make-up
    chosen: str = ""  # the table its parts choose from (the county may hold a row of it under another id)


NOTHING = "none"  # what a thing's side says when its make-up holds nothing the other's does not


def _quoted(words: list[str]) -> str:
    """A thing's make-up in words, “a; b”, or NOTHING."""
    return f"“{'; '.join(words)}”" if words else NOTHING


def _choices(conn: sqlite3.Connection, s: str, key: Any, remap: dict[str, Any]) -> str:
    """A scenario's choices, whatever their order or ids: each [project, scale numerator, denominator, in months],
    sorted, as JSON (remap: a project the county holds under another id)."""
    columns = "project_id, scale_numerator, scale_denominator, scale_in_months"
    if "scale_amount_pence" in {r[1] for r in conn.execute(f"PRAGMA {s}table_info(scenario_items)")}:
        columns += ", scale_amount_pence"  # (an amount typed, kept since keep_a_scale_typed_as_an_amount: given
        # only where there is one, so a scenario's make-up reads as it did before, and a decision on it stands)
    rows = conn.execute(f"SELECT {columns} FROM {s}scenario_items WHERE scenario_id = ?", (key,)).fetchall()
    # An amount typed is what is committed: the fraction it was of the figure counted then is no part of the choice
    # (two offices that typed £50,000 against different costs chose alike).
    return json.dumps(sorted([remap.get(str(r[0]), r[0]), *r[1:4]] if len(r) < 5 or r[4] is None else
                             [remap.get(str(r[0]), r[0]), 1, 1, 0, r[4]] for r in rows), separators=(",", ":"))


def _choice_words(describer: "Describer", text: str, other: str) -> str:
    """“County DV outreach; Night safe (scaled 1/3)”: every project ticked, as the Commissioning page says them. A
    title two projects of the two sides share (each office typed its own "Suffolk ELEV8") is said with where each
    project came from, “Suffolk ELEV8 (from Babergh office)”: alike, the two sides read the same to the letter."""
    keys = {str(item[0]): item[0] for side in (text, other) for item in json.loads(side or "[]")}
    titles: dict[str, set[str]] = {}
    for key, value in keys.items():
        titles.setdefault(describer.label("projects", value), set()).add(key)
    words = []
    for key, numerator, denominator, months, *amount in json.loads(text or "[]"):
        scale = Scale(numerator, denominator, bool(months), amount[0] if amount else None)
        how = f" ({scale.describe()})" if months else "" if scale.is_whole else f" (scaled {scale.describe()})"
        title = describer.label("projects", key)
        if len(titles[title]) > 1:
            title += f" ({_project_origin(describer.conn, key)})"
        words.append(title + how)
    return _quoted(sorted(words, key=str.casefold))


def _project_origin(conn: sqlite3.Connection, key: Any) -> str:
    """Where the county file's project came from, in words ("from Babergh office", "recorded at the county")."""
    found = conn.execute(f"SELECT i.office_name, o.shared FROM {ORIGINS_TABLE} o JOIN {IMPORTS_TABLE} i "
                         "ON i.number = o.import_number WHERE o.table_name = 'projects' AND o.row_key = ?",
                         (str(key),)).fetchone()
    return came_from(found is not None, found[0] if found else None, bool(found and found[1]),
                     "recorded at the county", holder_names(conn, "projects", key) if found and found[1] else ())


def _plan_layout(conn: sqlite3.Connection, s: str, key: Any, remap: dict[str, Any]) -> str:
    """A plan's columns, sections (with their kind, unless expenditure) and lines (with their section), by name,
    sorted, as JSON: what its totals add up."""
    items = [["column", r[0]] for r in conn.execute(f"SELECT label FROM {s}budget_columns WHERE plan_id = ?", (key,))]
    for section_id, name, kind in conn.execute(f"SELECT id, name, kind FROM {s}budget_sections WHERE plan_id = ?",
                                               (key,)).fetchall():
        items.append(["section", name] + ([kind] if kind != "expenditure" else []))
        items += [["line", r[0], name] for r in conn.execute(
            f"SELECT label FROM {s}budget_lines WHERE section_id = ?", (section_id,))]
    return json.dumps(sorted(items), separators=(",", ":"))


def _award_years(conn: sqlite3.Connection, s: str, key: Any, remap: dict[str, Any]) -> str:
    """The financial years an award gives an amount for, sorted, as JSON (what each amount is, is compared year by
    year: a year both offices typed is matched, and its amounts differing is a conflict of its own)."""
    return json.dumps(sorted(r[0] for r in conn.execute(
        f"SELECT financial_year FROM {s}funding_award_years WHERE award_id = ?", (key,))), separators=(",", ":"))


def _allocation_layout(conn: sqlite3.Connection, s: str, key: Any, remap: dict[str, Any]) -> str:
    """The partnerships an allocation splits its pot between, and the factors it splits it by, sorted, as JSON."""
    items = [["partnership", r[0]] for r in conn.execute(
        f"SELECT partnership FROM {s}allocation_scenario_rows WHERE scenario_id = ?", (key,))]
    items += [["factor", r[0]] for r in conn.execute(
        f"SELECT name FROM {s}allocation_scenario_factors WHERE scenario_id = ?", (key,))]
    return json.dumps(sorted(items), separators=(",", ":"))


def _only_in_one(describer: "Describer", text: str, other: str) -> str:
    """What one side has that the other has not: “2020/21; 2021/22”, or items said with their kind and what they
    are in, “line ECINS (Community safety); partnership West”."""
    mine, theirs = json.loads(text or "[]"), json.loads(other or "[]")
    words = [item if not isinstance(item, list) else f"{item[0]} {item[1]}" + "".join(f" ({x})" for x in item[2:])
             for item in mine if item not in theirs]
    return _quoted(words)


# A project's lists, as its form saves them with it (table -> what a row of it is called, its columns in words'
# order): its current status is the last of its status history, its cost reconciles with its cost lines.
PROJECT_LISTS = {"project_status_history": ("status", ("status", "changed_on", "note")),
                 "project_officers": ("officer", ("name", "role", "organisation")),
                 "project_funding_sources": ("match funding", ("source", "financial_year", "amount_pence",
                                                               "amount_note")),
                 "project_cost_lines": ("cost line", ("financial_year", "category", "description", "amount_text",
                                                      "min_pence", "max_pence"))}


def _project_lists(conn: sqlite3.Connection, s: str, key: Any, remap: dict[str, Any]) -> str:
    """A project's lists, each row [table, position, its values], in order, as JSON."""
    items = [[table, *r] for table, (_, columns) in PROJECT_LISTS.items() for r in conn.execute(
        f"SELECT position, {', '.join(columns)} FROM {s}{table} WHERE project_id = ? ORDER BY position", (key,))]
    return json.dumps(items, separators=(",", ":"))


def _project_list_words(describer: "Describer", text: str, other: str) -> str:
    """What one side's lists have that the other's have not, as the project's form says them: “status live on
    01/05/2025; cost line 2025/26 Venue Hall hire £3,000”."""
    theirs = json.loads(other or "[]")
    words = []
    for item in json.loads(text or "[]"):
        if item in theirs:
            continue
        noun, columns = PROJECT_LISTS[item[0]]
        row = dict(zip(columns, item[2:]))
        values = [describer.value(item[0], c, row[c]) for c in columns if c not in ("min_pence", "max_pence")
                  and row[c] not in (None, "")]
        if item[0] == "project_status_history":  # “status live on 01/05/2025 (note)”
            on, note = row["changed_on"], row["note"]
            values = [row["status"], *([f"on {describer.value(item[0], 'changed_on', on)}"] if on else []),
                      *([f"({note})"] if note else [])]
        words.append(" ".join([noun, *(v.strip("“”") for v in values)]))
    return _quoted(words)


IN_ANOTHER_ORDER = "the same lines in another order:"


def _project_lists_moved(text: str, other: str) -> tuple[str, str] | None:
    """A project's lists holding the same rows on both sides, some only in another order (lines turned round at one
    office): each side's lists that are in another order, in its own order, as JSON; None when rows differ."""
    mine, theirs = json.loads(text or "[]"), json.loads(other or "[]")

    def listed(items: list, table: str) -> list:
        return [item[2:] for item in items if item[0] == table]

    def unplaced(items: list) -> list:
        return sorted(json.dumps([item[0], *item[2:]]) for item in items)

    if mine == theirs or unplaced(mine) != unplaced(theirs):
        return None
    moved = {table for table in PROJECT_LISTS if listed(mine, table) != listed(theirs, table)}
    return (json.dumps([item for item in mine if item[0] in moved]),
            json.dumps([item for item in theirs if item[0] in moved]))


WHOLES = {
    # first: what the others' parts choose is merged before them
    "projects": Whole({table: "{p}project_id {key}" for table in PROJECT_LISTS}, _project_lists, _project_list_words,
                      "only in it"),
    "commissioning_scenarios": Whole({"scenario_items": "{p}scenario_id {key}"}, _choices, _choice_words,
                                     "projects ticked", chosen="projects"),
    "budget_plans": Whole(PLAN_PARTS, _plan_layout, _only_in_one, "only in it"),
    "funding_awards": Whole({"funding_award_years": "{p}award_id {key}"}, _award_years, _only_in_one,
                            "years only in it"),
    "allocation_scenarios": Whole({"allocation_scenario_factors": "{p}scenario_id {key}",
                                   "allocation_scenario_rows": "{p}scenario_id {key}"}, _allocation_layout,
                                  _only_in_one, "only in it"),
}
MAKE_UP = "make-up"  # a row's make-up (``make_up_of``), beside its columns when compared, described or kept
PARTS = "parts"  # an office's version's parts (table -> rows), kept with a conflict about a whole thing


# Natural identity of rows with no UNIQUE constraint, used when their parent is one thing both offices hold
# (a review both record): two offices' shares of one review are matched by partner, not by their random ids.
CHILD_KEYS = {
    "dhr_shares": ("case_id", "organisation_id", "kind", "source_share_id"),
    "dhr_cost_lines": ("case_id", "category", "description"),
    "dhr_payments": ("share_id", "paid_on", "reference"),
    "dhr_refunds": ("case_id", "organisation_id", "refunded_on", "reference"),
    "dhr_withdrawn_invoices": ("case_id", "invoice_ref", "withdrawn_on"),
    "dhr_deleted_cost_lines": ("case_id", "category", "description", "deleted_on"),
    "dhr_cost_line_versions": ("line_id", "replaced_on"),
    "fund_contributions": ("fund_id", "organisation_id", "received_on"),
    # a plan both offices typed (matched by its name): its sections, lines and stated totals by what they are,
    # so a cell the offices disagree on is a conflict, not a second line added to the plan's totals
    "budget_sections": ("plan_id", "name"),
    "budget_lines": ("section_id", "label"),
    "budget_stated_totals": ("plan_id", "section_id", "column_id"),
    "budget_line_links": ("line_id", "project_id", "fund_id", "case_id", "measure", "organisation_id", "funder"),
}
# Identity of rows whose UNIQUE key may hold a blank that still names the thing: a fund's spend for "Other districts"
# (no district) and a month and item, as its spend for Babergh, is one office's part of the fund's spend (office_id:
# the office it is of), matched by the one key, the blank with IS: the same office's part sent again replaces its
# own (never added up twice); two offices' parts are two rows, added up at the county (a pooled fund both spend).
NATURAL_KEYS = {"fund_spend_summary": ("fund_id", "district_id", "month", "item", "office_id")}
# The one value a row is about: when only it differs, its column is not named ("£684.14 from …").
MAIN_VALUES = {"amount_pence", "value", "count", "percent_bp", "cumulative", "population"}

NOUNS = {
    "allocation_scenarios": "Allocation scenario", "allocation_scenario_rows": "Allocation row",
    "allocation_scenario_factors": "Allocation factor", "allocation_top_slices": "Top-slice",
    "budget_plans": "Plan", "budget_sections": "Plan section", "budget_lines": "Plan line", "budget_cells": "Plan cell",
    "budget_columns": "Plan column", "budget_stated_totals": "Stated total", "budget_line_links": "Plan line link",
    "commissioning_scenarios": "Commissioning scenario", "scenario_items": "Commissioning choice",
    "costs_settings": "Setting", "dhr_stage_rules": "Review stage rule", "fund_items": "Catalogue item",
    "fund_referrals": "Referral", "fund_spend_lines": "Spend line", "funding_awards": "Funding award",
    "funding_award_years": "Award year", "illustrative_marks": "Illustrative mark", "office_areas": "Office area",
    "project_cost_lines": "Cost line", "project_funding_sources": "Funding source", "project_officers": "Officer",
    "project_status_history": "Status change", "indicator_trajectory": "Trajectory month",
    "indicator_populations": "Population", "indicator_baselines": "Baseline", "indicator_benchmarks": "Benchmark",
    "indicator_estimates": "Estimated RAG", "indicator_milestones": "Milestone", "indicator_targets": "Target",
}
LABEL_COLUMNS = ("title", "name", "reference", "label", "category", "ref")
# A kind of row counted in a merge's summary ("1 project", "4 shares of review costs"): singular, plural.
ROW_WORDS = {
    "projects": ("project", "projects"), "project_cost_lines": ("project cost line", "project cost lines"),
    "project_officers": ("project officer", "project officers"),
    "project_funding_sources": ("project funding source", "project funding sources"),
    "project_status_history": ("project status change", "project status changes"),
    "dhr_cases": ("review", "reviews"), "dhr_cost_lines": ("review cost line", "review cost lines"),
    "dhr_shares": ("share of review costs", "shares of review costs"),
    "dhr_payments": ("payment of review costs", "payments of review costs"),
    "dhr_refunds": ("refund of review costs", "refunds of review costs"),
    "dhr_withdrawn_invoices": ("invoice withdrawn by billing again", "invoices withdrawn by billing again"),
    "dhr_deleted_cost_lines": ("deleted review cost line", "deleted review cost lines"),
    "dhr_cost_line_versions": ("earlier version of a review cost line", "earlier versions of review cost lines"),
    "dhr_split_percentages": ("review split percentage", "review split percentages"),
    "dhr_panel_meetings": ("panel meeting", "panel meetings"),
    "dhr_recommendations": ("review recommendation", "review recommendations"),
    "funds": ("pooled fund", "pooled funds"), "fund_contributions": ("pooled fund contribution",
                                                                     "pooled fund contributions"),
    "fund_spend_summary": ("row of a pooled fund's spend by district and month",
                           "rows of pooled funds' spend by district and month"),
    "fund_referrals": ("individual referral", "individual referrals"),
    "fund_spend_lines": ("referral spend line", "referral spend lines"),
    "indicators": ("indicator", "indicators"), "indicator_values": ("indicator figure", "indicator figures"),
    "indicator_areas": ("indicator area", "indicator areas"),
    "funding_awards": ("funding award", "funding awards"), "budget_plans": ("budget plan", "budget plans"),
    "allocation_scenarios": ("allocation scenario", "allocation scenarios"),
    "commissioning_scenarios": ("commissioning scenario", "commissioning scenarios"),
}
NAMED_WHEN_COUNTED = {"projects", "dhr_cases", "funds", "funding_awards", "budget_plans", "allocation_scenarios",
                      "commissioning_scenarios", "indicators"}  # a summary names them: "1 project ('ELEV8')"


def rows_counted(table: str, n: int) -> str:
    """"1 project", "5 project cost lines", "2 plan lines": a count of a table's rows in words."""
    if table in ROW_WORDS:
        return counted(n, *ROW_WORDS[table])
    return counted(n, NOUNS.get(table, column_words(table)).lower())


@dataclass
class Conflict:
    """One disagreement, as the merge found it and the county lead reads it."""

    table: str
    row_key: str
    kind: str
    office_name: str
    other: str
    detail: str  # the conflict in words: "<subject>: <county side>, <district side>"
    id: int = 0
    subject: str = ""
    county_side: str = ""
    district_side: str = ""
    group: str = "other"
    office_id: str = ""
    county_key: str = ""
    subject_key: str = ""
    county_version: str = ""
    incoming_version: str = ""
    incoming_row: dict | None = field(default=None, repr=False)
    export_id: str = ""
    said_with: tuple[int, ...] = ()  # the conflicts said once with it, of the same cause (services.county.said_once)

    @property
    def description(self) -> str:
        return KIND_WORDS.get(self.kind, self.kind)

    @property
    def text(self) -> str:
        return self.detail

    @property
    def group_words(self) -> str:
        return GROUPS.get(self.group, GROUPS["other"])

    @classmethod
    def from_row(cls, r: sqlite3.Row | dict) -> "Conflict":
        r = dict(r)
        incoming = r.get("incoming_row") or ""
        try:
            row = json.loads(incoming) if incoming else None
        except ValueError:
            row = None
        return cls(r["table_name"], r["row_key"], r["kind"], r["office_name"], r.get("other_office") or "",
                   r["detail"], int(r["id"]), r.get("subject") or "", r.get("county_side") or "",
                   r.get("district_side") or "", _group_of_row(r), r.get("office_id") or "",
                   r.get("county_key") or "", r.get("subject_key") or "", r.get("county_version") or "",
                   r.get("incoming_version") or "", row, r.get("export_id") or "")


def _group_of_row(r: dict) -> str:
    """A conflict's group as stored; one an earlier version filed a row made at the county under (edited at the
    county since merged) is read as group_of files it now."""
    group = r.get("conflict_group") or "other"
    return group_of(r["table_name"], r["kind"]) if r["kind"] == "made-at-county" else group


def group_of(table: str, kind: str) -> str:
    """Which group a conflict belongs to (a key of GROUPS). A row the county made itself, never merged, is with
    what it is about (a figure the county typed, with the indicator figures): under "Rows edited at the county
    since they were merged" it was said to have been merged, and `--conflict indicator-figure` did not find it."""
    if kind in ("edited-at-county", "removed-but-edited"):
        return "edited-at-county"
    if kind == "missing-parent":
        return "not-merged"
    if kind == "reference-differs" or table in REFERENCE_GROUP_TABLES:
        return "reference"
    if table == "indicator_values" or kind in ("figure", "police-figure"):
        return "indicator-figure"
    if table == "dhr_shares" or kind == "share-cannot-take":
        return "dhr-share"
    for prefix, group in (("dhr_", "dhr"), ("indicator", "indicator"), ("project", "project"),
                          ("funding_award", "allocation"), ("fund", "fund"),
                          ("allocation", "allocation"), ("commissioning", "allocation"), ("scenario", "allocation"),
                          ("budget", "budget")):
        if table.startswith(prefix):
            return group
    return "other"


def compared_columns(info: TableInfo) -> tuple[str, ...]:
    """The columns two versions of a row are compared on: all but its key and the office's local details."""
    local = LOCAL_COLUMNS.get(info.name, set())
    return tuple(c for c in info.columns if c not in info.primary_key and c not in local)


def version_of(info: TableInfo, row: dict) -> str:
    cols = compared_columns(info) + ((MAKE_UP,) if MAKE_UP in row else ())
    return row_hash(cols, [row.get(c) for c in cols])


def make_up_of(conn: sqlite3.Connection, table: str, key: Any, *, schema: str = "main",
               remap: dict[str, Any] | None = None) -> str:
    """What a thing of WHOLES is made of, as one text, the same whatever the order or ids of its parts (remap: a
    row its parts choose that the county holds under another id)."""
    return WHOLES[table].make_up(conn, "" if schema == "main" else f"{schema}.", key, remap or {})


def with_make_up(conn: sqlite3.Connection, table: str, row: dict | None, *, schema: str = "main",
                 remap: dict[str, Any] | None = None) -> dict | None:
    """The row with its make-up beside it, for a table of WHOLES (any other row as it is; each such thing is
    keyed by its id)."""
    if row is None or table not in WHOLES:
        return row
    return {**row, MAKE_UP: make_up_of(conn, table, row["id"], schema=schema, remap=remap)}


def parts_where(table: str, part: str, *, schema: str = "main", alias: str = "", keys: str = "= ?") -> str:
    """The condition picking one thing's rows of one of its parts (keys: "= ?", or "IN (…)" for several)."""
    return WHOLES[table].parts[part].format(p=f"{alias}." if alias else "", s="" if schema == "main" else f"{schema}.",
                                            key=keys)


def natural_columns(info: TableInfo, natural: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """What identifies the thing a row is about, beyond its id (its first UNIQUE key, or a known natural key)."""
    if natural:
        return natural
    if info.uniques:
        return info.uniques[0]
    return CHILD_KEYS.get(info.name, ())


def subject_key_of(info: TableInfo, row: dict, natural: tuple[str, ...] | None = None) -> str:
    cols = natural_columns(info, natural) or info.primary_key
    return json.dumps([info.name, *[row.get(c) for c in cols]], separators=(",", ":"), default=str,
                      ensure_ascii=False)


# -- words ----------------------------------------------------------------------------------------------------
def month_words(text: str) -> str:
    """"2025-04" -> "Apr 2025"; a quarter or year as the papers write it; anything else as it is."""
    if "/" in str(text):  # a financial year's label, "2009/10", not October 2009 (a month is stored "2009-10")
        try:
            return FinancialYear.parse(text).label
        except PeriodError:
            pass
    try:
        m = Month.parse(text)
        return f"{MONTH_ABBR[m.month - 1]} {m.year}"
    except (PeriodError, TypeError):
        pass
    for parse in (lambda t: Quarter.parse(t).label, lambda t: FinancialYear.parse(t).label):
        try:
            return parse(text)
        except (PeriodError, TypeError, ValueError, AttributeError):
            continue
    return str(text)


def _date_words(text: str) -> str | None:
    try:
        day = date.fromisoformat(str(text)[:10])
    except ValueError:
        return None
    return day.strftime("%d/%m/%Y")


COLUMN_WORDS = {"ons_code": "ONS code", "rag": "RAG", "idva_assigned": "IDVA assigned", "at_marac": "at MARAC",
                # a district's, a partnership's and a member's From and To, as the dialog and the History say them
                "valid_from": "first day", "valid_to": "last day"}


def column_words(column: str, table: str = "") -> str:
    named = yes_no_named(table, column)  # a column held as 0 or 1, as the History of Changes says it
    if named is not None:
        return named
    if column in COLUMN_WORDS:
        return COLUMN_WORDS[column]
    for suffix, words in (("_pence", ""), ("_bp", " %"), ("_id", ""), ("_on", " on"), ("_pct", " %")):
        if column.endswith(suffix):
            return column[: -len(suffix)].replace("_", " ") + words
    return column.replace("_", " ")


SHARE_STATUS_COLUMNS = ("status", "status_on", "reason", "refusal_handling")
HANDLING_WORDS = {"re-split": "then re-split among the other partners", "lead authority": "then carried by the lead "
                  "authority"}


def share_status_words(row: dict) -> str:
    """A share's state as the ledger says it ("invoiced", "refused on 02/10/2025 (“not ours”), then re-split …")."""
    status, on, reason, handling = (row.get(c) for c in SHARE_STATUS_COLUMNS)
    text = str(status or "invoiced")
    if on:
        text += f" on {_date_words(on) or on}"
    if reason:
        text += f" (“{reason}”)"
    if handling:
        text += f", {HANDLING_WORDS.get(handling, handling)}"
    return text


# How a share conflict's county side says the payments the county holds towards the share (at its end, in
# brackets: told again when the payments change, as a share's state is its status and what was paid).
PAYMENTS_HELD = "the county holds "


@dataclass(frozen=True)
class HeldRow:
    """A row the county file holds about a share (a payment towards it, or an invoice dealing with its refusal: a
    re-split share, or the lead authority's carrying), and where it came from."""

    amount_pence: int
    office_id: str  # "" when made in the county file itself
    office_name: str
    source: str  # "from Babergh office", "from Babergh office and Mid Suffolk office", "recorded at the county"
    shared: bool


def _held_rows(conn: sqlite3.Connection, table: str, where: str, order: str, share_id: Any,
               here: str) -> list[HeldRow]:
    """The rows of ``table`` (alias t) matching ``where`` for this share, each with the office it came from."""
    rows = conn.execute(
        f"SELECT t.amount_pence, i.office_id, i.office_name, o.shared, o.row_key IS NOT NULL, t.id FROM {table} t "
        f"LEFT JOIN {ORIGINS_TABLE} o ON o.table_name = '{table}' AND o.row_key = CAST(t.id AS TEXT) "
        f"LEFT JOIN {IMPORTS_TABLE} i ON i.number = o.import_number WHERE {where} ORDER BY {order}",
        (share_id,)).fetchall()
    return [HeldRow(int(amount), office_id or "", office_name or "",
                    came_from(merged, office_name, shared, here, holder_names(conn, table, key) if shared else ()),
                    bool(shared)) for amount, office_id, office_name, shared, merged, key in rows]


def held_payments(conn: sqlite3.Connection, share_id: Any) -> list[HeldRow]:
    """The payments the county file holds towards a share, oldest first, each with the office it came from."""
    return _held_rows(conn, "dhr_payments", "t.share_id = ?", "t.paid_on, t.rowid", share_id, "recorded at the county")


def came_from(merged: bool, office_name: str | None, shared: bool, here: str, holders: Iterable[str] = ()) -> str:
    """Where a row the county file holds came from, in words: ``here`` when made in the county file itself, "from
    Babergh office", "from an office's file" when unnamed. Sent alike by several offices, each is named once in the
    order a conflict's "sent alike by" names them ("from Babergh office and Mid Suffolk office": holders, their
    names); where the county file did not keep which (merged before schema step 27), "from Babergh office and at
    least one other office"."""
    if not merged:
        return here
    holders = list(holders)
    if shared and len(holders) > 1:
        return f"from {in_words(holders)}"
    if not office_name:
        return "from an office's file"
    return f"from {office_name}" + (" and at least one other office" if shared else "")


def holder_names(conn: sqlite3.Connection, table: str, key: Any) -> list[str]:
    """The offices the county keeps as holding a row several sent alike, by their latest names, sorted as a
    conflict's "sent alike by" says them (none where it keeps no holders)."""
    try:
        found = conn.execute(
            f"SELECT (SELECT i.office_name FROM {IMPORTS_TABLE} i WHERE i.office_id = h.office_id AND i.number IS NOT "
            f"NULL ORDER BY i.sequence DESC, i.number DESC LIMIT 1) FROM {HOLDERS_TABLE} h WHERE h.table_name = ? "
            "AND h.row_key = ?", (table, str(key))).fetchall()
    except sqlite3.OperationalError:  # a county file from before schema step 27
        return []
    return sorted({name for (name,) in found if name}, key=str.casefold)


def payments_words(payments: Iterable[HeldRow]) -> str:
    """"£684.14 paid towards it, from Babergh office"; from several places, "£784.14 paid towards it: £684.14 from
    Babergh office, £100.00 recorded at the county"."""
    by_source: dict[str, int] = {}
    for p in payments:
        by_source[p.source] = by_source.get(p.source, 0) + p.amount_pence
    total = format_money(sum(by_source.values()), show_pence=True)
    if len(by_source) == 1:
        return f"{total} paid towards it, {next(iter(by_source))}"
    return f"{total} paid towards it: " + ", ".join(f"{format_money(amount, show_pence=True)} {source}"
                                                     for source, amount in by_source.items())


def share_payments_note(conn: sqlite3.Connection, share_id: Any) -> str:
    """"the county holds £684.14 paid towards it, from Babergh office", or "" when it holds no payment towards it."""
    try:
        payments = held_payments(conn, share_id)
    except sqlite3.OperationalError:  # a file without the reviews' tables
        return ""
    return PAYMENTS_HELD + payments_words(payments) if payments else ""


# How a refusal is dealt with (services.dhr.resolve_refusal): the refused share's refusal_handling, the kind of the
# invoices that deal with it (its followers, whose source_share_id is the refused share), and the words for it.
DEALT_WORDS = {"re-split": "re-split among the other partners", "lead authority": "carried by the lead authority"}
HANDLING_OF_FOLLOWER = {"re-split": "re-split", "carried": "lead authority"}
# Beside an office's version of a share in the conflict about its held-back re-split (or carrying): the county's
# share it deals with ("share") and the rows held back ("dhr_shares", "dhr_payments").
RESPLIT_HELD = "held back"


def held_dealings(conn: sqlite3.Connection, share_id: Any) -> list[HeldRow]:
    """The invoices the county file holds that deal with a share's refusal (not those of them in turn), each with the
    office it came from, in invoice order."""
    return _held_rows(conn, "dhr_shares", "t.source_share_id = ?", "t.invoice_ref, t.id", share_id,
                      "made at the county")


def dealings_words(dealings: Iterable[HeldRow]) -> str:
    """"10 invoices, £684.14, from Mid Suffolk office"."""
    dealings = list(dealings)
    sources = list(dict.fromkeys(d.source for d in dealings))
    money = format_money(sum(d.amount_pence for d in dealings), show_pence=True)
    return f"{counted(len(dealings), 'invoice')}, {money}, {' and '.join(sources)}"


def refs_words(refs: list[str]) -> str:
    """Invoice references as a list says them: "A", "A and B", "A to J" (sorted, the first and the last)."""
    refs = sorted(refs)
    if len(refs) <= 2:
        return " and ".join(refs)
    return f"{refs[0]} to {refs[-1]}"


PLAN_CELL_COLUMNS = ("status", "amount_pence", "text", "per_district_pence")
PLAN_STATUS_WORDS = {"tbc": "TBC", "nk": "N/K", "nil": "nil"}


def _plan_cell_words(row: dict) -> str:
    """A plan cell or stated total as the paper states it ("£4,000 (£2,000 per District)", "TBC")."""
    status, amount, text, _ = (row.get(c) for c in PLAN_CELL_COLUMNS)
    if text:
        return str(text)
    if isinstance(amount, int):
        return format_money(amount)
    return PLAN_STATUS_WORDS.get(str(status), str(status or "blank"))


def plan_lines_left_out(conn: sqlite3.Connection, county_plan: str, parts: dict[str, list[dict]], office: str) -> str:
    """What each choice of a conflict about a whole plan leaves out, when the office's version and the county's have
    lines the other has not: the county holds a plan once by its name, so two offices' own plans of one name ("CSP
    plan 2025/26") are one plan there, and keeping either side left the other's lines out without a word. Says the
    way to keep both (the office renames its plan); "" when every line is in both."""
    sections = {r["id"]: r["name"] for r in parts.get("budget_sections", [])}
    office_lines = {(sections.get(r["section_id"]), r["label"]) for r in parts.get("budget_lines", [])}
    county_lines = {(x, line) for x, line in conn.execute(
        "SELECT x.name, l.label FROM main.budget_lines l JOIN main.budget_sections x ON x.id = l.section_id "
        "WHERE x.plan_id = ?", (county_plan,))}

    def lines(found: set) -> str:
        return in_words([f"line {line} ({section})" if section else f"line {line}"
                         for section, line in sorted(found, key=lambda k: (str(k[1]).casefold(), str(k[0])))])

    theirs, ours = office_lines - county_lines, county_lines - office_lines
    if not theirs and not ours:
        return ""
    left = (f"leaves {office}'s {lines(theirs)} out of the county file" if theirs
            else "keeps every line of both")
    taken = f"takes {lines(ours)} out of it" if ours else "keeps every line of both"
    return (f"Keeping the county's version {left}; keeping {office}'s version {taken}. If they are two plans, not "
            f"one paper typed twice, ask {office} to rename its plan (Budgets tab, Rename…) and send a new export: "
            "it then comes in as a plan of its own.")


def plan_figures_differing(conn: sqlite3.Connection, county_plan: str, parts: dict[str, list[dict]]) -> list[str]:
    """Where an office's plan (its parts, as held with a conflict about the whole plan) gives other figures than the
    county's plan of that name, on the lines and years both hold: each cell ("Target Hardening 2018/19: £5,000 →
    £4,000", the county's first) and printed total. Keeping the office's whole plan puts these in place of the
    county's too, a decision taken on one of them or not; the conflict's words had named only its lines."""
    columns = {r["id"]: r["label"] for r in parts.get("budget_columns", [])}
    sections = {r["id"]: r["name"] for r in parts.get("budget_sections", [])}
    lines = {r["id"]: (sections.get(r["section_id"]), r["label"]) for r in parts.get("budget_lines", [])}
    office_cells = {(*lines[r["line_id"]], columns[r["column_id"]]): r for r in parts.get("budget_cells", [])
                    if r.get("line_id") in lines and r.get("column_id") in columns}
    office_totals = {(sections.get(r["section_id"]) if r.get("section_id") else None, columns[r["column_id"]]): r
                     for r in parts.get("budget_stated_totals", []) if r.get("column_id") in columns}
    wanted = ", ".join(f"t.{c}" for c in PLAN_CELL_COLUMNS)
    county_cells = {(r[0], r[1], r[2]): dict(zip(PLAN_CELL_COLUMNS, r[3:])) for r in conn.execute(
        f"SELECT x.name, l.label, c.label, {wanted} FROM main.budget_cells t JOIN main.budget_lines l ON l.id = "
        "t.line_id JOIN main.budget_sections x ON x.id = l.section_id JOIN main.budget_columns c ON c.id = "
        "t.column_id WHERE x.plan_id = ?", (county_plan,))}
    county_totals = {(r[0], r[1]): dict(zip(PLAN_CELL_COLUMNS, r[2:])) for r in conn.execute(
        f"SELECT x.name, c.label, {wanted} FROM main.budget_stated_totals t JOIN main.budget_columns c ON c.id = "
        "t.column_id LEFT JOIN main.budget_sections x ON x.id = t.section_id WHERE t.plan_id = ?", (county_plan,))}
    both_lines = set(lines.values()) & {(x, line) for x, line in conn.execute(
        "SELECT x.name, l.label FROM main.budget_lines l JOIN main.budget_sections x ON x.id = l.section_id "
        "WHERE x.plan_id = ?", (county_plan,))}
    both_columns = set(columns.values()) & {r[0] for r in conn.execute(
        "SELECT label FROM main.budget_columns WHERE plan_id = ?", (county_plan,))}
    both_sections = set(sections.values()) | {None}

    def said(row: dict | None, missing: str) -> str:
        return _plan_cell_words(row) if row is not None else missing

    def same(a: dict | None, b: dict | None) -> bool:
        return (a is None) == (b is None) and (a is None or all(a.get(c) == b.get(c) for c in PLAN_CELL_COLUMNS))

    order = {label: n for n, label in enumerate(r["label"] for r in sorted(
        parts.get("budget_columns", []), key=lambda r: r.get("position") or 0))}
    words = []
    for section, line, column in sorted(set(county_cells) | set(office_cells),
                                        key=lambda k: (str(k[0]), str(k[1]), order.get(k[2], 0))):
        if (section, line) in both_lines and column in both_columns:
            a, b = county_cells.get((section, line, column)), office_cells.get((section, line, column))
            if not same(a, b):
                words.append(f"{line} {column}: {said(a, 'blank')} → {said(b, 'blank')}")
    for section, column in sorted(set(county_totals) | set(office_totals),
                                  key=lambda k: (str(k[0] or ""), order.get(k[1], 0))):
        if section in both_sections and column in both_columns:
            a, b = county_totals.get((section, column)), office_totals.get((section, column))
            if not same(a, b):
                what = f"printed subtotal of {section}" if section else "printed total"
                words.append(f"{what} {column}: {said(a, 'none')} → {said(b, 'none')}")
    return words


SCALE_COLUMNS = ("scale_numerator", "scale_denominator", "scale_in_months")  # a commissioning choice's scale


def _scale_words(row: dict) -> str:
    """A commissioning choice's scale as the Commissioning page says it ("1/3", "6 of 12 months", "£45,000")."""
    try:
        amount = row.get("scale_amount_pence")
        return Scale(int(row["scale_numerator"]), int(row["scale_denominator"]), bool(row["scale_in_months"]),
                     None if amount is None else int(amount)).describe()
    except (KeyError, TypeError, ValueError, ProjectError):
        return " ".join(str(row.get(c)) for c in SCALE_COLUMNS)


# Columns that together say one thing (name, columns, their words), said as one difference; a name in
# MAIN_VALUES is not said ("£4,000 from …, £5,000 from …"). (A scale: with its amount typed where the file keeps
# one.)
COMPOSITES = (("cost", COST_COLUMNS, stated_cost_words), ("status", SHARE_STATUS_COLUMNS, share_status_words),
              ("amount_pence", PLAN_CELL_COLUMNS, _plan_cell_words),
              ("scale", (*SCALE_COLUMNS, "scale_amount_pence"), _scale_words), ("scale", SCALE_COLUMNS, _scale_words))


def number_words(value: float | int) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else repr(value)
    return f"{int(value):,}"


class Describer:
    """Puts rows of the county file into words (names looked up once each)."""

    def __init__(self, conn: sqlite3.Connection, infos: dict[str, TableInfo] | None = None):
        """infos: table layouts read already (shared: the layouts this one reads are added to it)."""
        self.conn = conn
        self._infos: dict[str, TableInfo] = {} if infos is None else infos
        self._labels: dict[tuple[str, Any], str] = {}

    def info(self, table: str) -> TableInfo:
        found = self._infos.get(table)
        if found is None:
            found = self._infos[table] = table_info(self.conn, table)
        return found

    def row(self, table: str, key: Any) -> dict | None:
        info = self.info(table)
        if len(info.primary_key) != 1:
            return None
        try:
            found = self.conn.execute(f"SELECT * FROM {quote(table)} WHERE {quote(info.primary_key[0])} = ?",
                                      (key,)).fetchone()
        except sqlite3.Error:
            return None
        if found is None:
            return None
        names = [d[0] for d in self.conn.execute(f"SELECT * FROM {quote(table)} LIMIT 0").description]
        return dict(zip(names, tuple(found)))

    def label(self, table: str, key: Any, fallback: dict | None = None) -> str:
        """A row named the way people name it ("WSCSP-DHR-2017-01", "Suffolk Constabulary", "ELEV8")."""
        if key is None:
            return "none"
        cached = self._labels.get((table, key))
        if cached is not None:
            return cached
        row = self.row(table, key) or fallback
        text = str(key)
        if row is not None:
            for column in LABEL_COLUMNS:
                if row.get(column):
                    text = str(row[column])
                    break
            else:
                text = self.subject(table, row)
        self._labels[(table, key)] = text
        return text

    def _fk(self, info: TableInfo, column: str) -> str | None:
        for fk in info.foreign_keys:
            if fk.columns == (column,):
                return fk.table
        return None

    def _ref(self, info: TableInfo, row: dict, column: str) -> str:
        table = self._fk(info, column)
        return self.label(table, row.get(column)) if table else str(row.get(column))

    def subject(self, table: str, row: dict) -> str:
        """What the row is, in words: "Suffolk Constabulary's share of WSCSP-DHR-2017-01"."""
        info = self.info(table)
        r = row.get
        try:
            if table == "indicator_values":
                return f"Indicator '{self._ref(info, row, 'indicator_id')}', {self._ref(info, row, 'area_id')}, " \
                       f"{month_words(r('period'))}"
            if table in ("indicator_targets", "indicator_estimates", "indicator_milestones"):
                return f"{NOUNS[table]} of indicator '{self._ref(info, row, 'indicator_id')}', " \
                       f"{self._ref(info, row, 'area_id')}, {r('year')}"
            if table in ("indicator_baselines", "indicator_benchmarks"):
                extra = f", {r('name')} {month_words(r('period'))}" if table == "indicator_benchmarks" else ""
                return f"{NOUNS[table]} of indicator '{self._ref(info, row, 'indicator_id')}', " \
                       f"{self._ref(info, row, 'area_id')}{extra}"
            if table == "indicator_populations":
                return f"Population of {self._ref(info, row, 'area_id')}, {r('year')}"
            if table == "indicator_trajectory":
                target = self.row("indicator_targets", r("target_id"))
                of = self.subject("indicator_targets", target) if target else "a target"
                return f"Trajectory {month_words(r('period'))} of the {of[0].lower()}{of[1:]}"
            if table == "indicators":
                return f"Indicator '{r('name')}'"
            if table == "indicator_areas":
                return f"Area {r('name')}"
            if table == "dhr_cases":
                return f"Review {r('reference')}"
            if table == "dhr_shares":
                kind = "" if r("kind") in (None, "share") else f"{r('kind')} "
                return f"{self._ref(info, row, 'organisation_id')}'s {kind}share of {self._ref(info, row, 'case_id')}"
            if table == "dhr_split_percentages":
                return f"{self._ref(info, row, 'organisation_id')}'s percentage of {self._ref(info, row, 'case_id')}"
            if table == "dhr_cost_lines":
                what = r("category") + (f" ({r('description')})" if r("description") else "")
                return f"Cost line '{what}' of {self._ref(info, row, 'case_id')}"
            if table == "dhr_deleted_cost_lines":  # the day it was deleted is said beside it (deleted_line_side)
                what = r("category") + (f" ({r('description')})" if r("description") else "")
                return f"Deleted cost line '{what}' of {self._ref(info, row, 'case_id')}"
            if table == "dhr_cost_line_versions":
                what = r("category") + (f" ({r('description')})" if r("description") else "")
                day = _date_words(r("replaced_on")) or r("replaced_on")
                return f"Cost line '{what}' of {self._ref(info, row, 'case_id')} as it stood until {day}"
            if table == "dhr_payments":
                share = self.row("dhr_shares", r("share_id"))
                of = self.subject("dhr_shares", share) if share else "a share"
                return f"Payment of {_date_words(r('paid_on')) or r('paid_on')} towards {of}"
            if table == "dhr_refunds":
                day = _date_words(r("refunded_on")) or r("refunded_on")
                return (f"Refund of review costs of {day} to {self._ref(info, row, 'organisation_id')} for "
                        f"{self._ref(info, row, 'case_id')}")
            if table == "dhr_withdrawn_invoices":
                how = "withdrawn" if r("closed_at_pence") is None else "closed at what was paid"
                day = _date_words(r("withdrawn_on")) or r("withdrawn_on")
                return (f"Invoice {r('invoice_ref')} of {self._ref(info, row, 'case_id')} to "
                        f"{self._ref(info, row, 'organisation_id')}, {how} on {day}")
            if table == "dhr_panel_meetings":
                met = _date_words(r("met_on")) or r("met_on")
                return f"Panel meeting of {met} of {self._ref(info, row, 'case_id')}"
            if table == "dhr_recommendations":
                return f"Recommendation {r('number')} of {self._ref(info, row, 'case_id')}"
            if table == "projects":
                return f"Project '{r('title')}'"
            if table.startswith("project_") and "project_id" in info.columns:
                return f"{NOUNS.get(table, column_words(table))} {r('position')} of project " \
                       f"'{self._ref(info, row, 'project_id')}'"
            if table == "funds":
                return f"Fund '{r('name')}'"
            if table == "fund_contributions":
                return f"{self._ref(info, row, 'organisation_id')}'s contribution to fund " \
                       f"'{self._ref(info, row, 'fund_id')}'"
            if table == "fund_spend_summary":
                # no district: the small-number rule's row, in the words the Costs tab gives it (services.funds.
                # OTHER_DISTRICTS: the exchange does not import services)
                where = self._ref(info, row, "district_id") if r("district_id") is not None \
                    else "Not given by district (small numbers)"
                return f"Spend of fund '{self._ref(info, row, 'fund_id')}', {where}, " \
                       f"{month_words(r('month'))}, {r('item')}"
            if table in ("districts", "partnerships", "organisations"):
                return f"{table[:-1].capitalize()} {r('name')}"
            if table == "partnership_districts":
                return f"{self._ref(info, row, 'district_id')} in partnership {self._ref(info, row, 'partnership_id')}"
            if table == "partnership_members":
                return f"{self._ref(info, row, 'organisation_id')} as a member of " \
                       f"{self._ref(info, row, 'partnership_id')}"
            if table == "costs_settings":
                return f"Setting '{column_words(str(r('id')))}'"
            if table in ("budget_sections", "budget_lines", "budget_cells", "budget_stated_totals"):
                return self._plan_subject(table, row)
        except (KeyError, TypeError, AttributeError):
            pass
        noun = NOUNS.get(table, column_words(table).capitalize())
        when = "".join(f", {month_words(r(c))}" for c in ("year", "month", "period") if c in info.columns and r(c))
        for column in LABEL_COLUMNS:
            if column in info.columns and r(column):
                return f"{noun} '{r(column)}'{when}"
        for fk in info.foreign_keys:
            if len(fk.columns) == 1 and r(fk.columns[0]) is not None:
                parent = self.row(fk.table, r(fk.columns[0]))
                if parent is not None:
                    of = self.subject(fk.table, parent)
                    return f"{noun} of {of[0].lower()}{of[1:]}{when}"
        key = ", ".join(str(r(c)) for c in info.primary_key)
        return f"{noun} {key}{when}"

    def _plan_subject(self, table: str, row: dict) -> str:
        """"Plan cell 'Target hardening', 2019/20, of plan 'Western Suffolk CSP financial implications'"."""
        r = row.get
        line: dict = {}
        if table == "budget_lines":
            line = row
        elif table == "budget_cells":
            line = self.row("budget_lines", r("line_id")) or {}
        section = row if table == "budget_sections" else \
            self.row("budget_sections", line.get("section_id") or r("section_id")) or {}
        column = self.row("budget_columns", r("column_id")) or {}
        plan = self.row("budget_plans", section.get("plan_id") or r("plan_id") or column.get("plan_id")) or {}
        what = {"budget_sections": f"Plan section '{section.get('name')}'",
                "budget_lines": f"Plan line '{line.get('label')}'",
                "budget_cells": f"Plan cell '{line.get('label')}'",
                "budget_stated_totals": "Stated total" + (f" of section '{section['name']}'" if section else "")}
        parts = [what[table], column.get("label"), f"of plan '{plan['name']}'" if plan else ""]
        return ", ".join(p for p in parts if p)

    def value(self, table: str, column: str, value: Any) -> str:
        """A value as people read it: pounds, British dates, months, names instead of ids."""
        if value is None or value == "":
            return "blank"
        info = self.info(table)
        parent = self._fk(info, column)
        if parent is not None:
            return self.label(parent, value)
        yes_no = yes_no_value(table, column, value)
        if yes_no is not None:
            return yes_no
        if column.endswith("_pence") and isinstance(value, int):
            return format_money(value)
        if column.endswith("_bp") and isinstance(value, int):
            return f"{value / 100:g}%"
        if column in ("month", "period"):
            return month_words(value)
        dated = column.endswith(("_on", "_date", "_at")) or column in ("due", "valid_from", "valid_to")
        if isinstance(value, str) and dated:
            return _date_words(value) or value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return number_words(value)
        text = str(value)
        text = text if len(text) <= 60 else text[:57] + "…"
        return text if " " not in text and text.isprintable() else f"“{text}”"

    def differences(self, table: str, county_row: dict, incoming: dict,
                    columns: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
        """(column, county's value in words, office's value in words) for each column that differs."""
        info = self.info(table)
        cols = list(compared_columns(info) if columns is None else columns)
        out = []
        for name, parts, words in COMPOSITES:  # several columns that say one thing, said as one
            if set(parts) <= set(cols):
                cols = [c for c in cols if c not in parts]
                a, b = words(county_row), words(incoming)
                if a != b:
                    out.append((name, a, b))
        for c in cols:
            a, b = county_row.get(c), incoming.get(c)
            if a == b and type(a) is type(b):
                continue
            if c.endswith("_pence") and isinstance(a, int) and isinstance(b, int):
                pence = bool(a % 100 or b % 100)  # "£684.14 … £685.00", never "£684.14 … £685"
                out.append((c, format_money(a, show_pence=pence), format_money(b, show_pence=pence)))
                continue
            out.append((c, self.value(table, c, a), self.value(table, c, b)))
        whole = WHOLES.get(table)
        a, b = county_row.get(MAKE_UP), incoming.get(MAKE_UP)
        if whole is not None and a is not None and b is not None and a != b:  # (not in a conflict found before)
            moved = _project_lists_moved(a, b) if table == "projects" else None
            if moved is not None:  # the same lines, turned round: said as such, each side's whole list in its order
                out.append((IN_ANOTHER_ORDER, _project_list_words(self, moved[0], "[]"),
                            _project_list_words(self, moved[1], "[]")))
            else:
                out.append((whole.named, whole.words(self, a, b), whole.words(self, b, a)))
        return out

    def deleted_line_side(self, row: dict, other: dict, came_from: str) -> str:
        """One office's deletion of a review cost line another deleted too, on its own day or as it stood otherwise
        (two offices that held the line alike): the day and the line as it stood at that office then, whole, so the
        county lead sees each office's line beside the other's, not only the columns that differ."""
        pence = bool(row["amount_pence"] % 100 or other["amount_pence"] % 100)
        stood = [format_money(row["amount_pence"], show_pence=pence)]
        if day := _date_words(row.get("invoiced_on") or ""):
            stood.append(f"dated {day}")
        stood += [f"{column_words(c, 'dhr_deleted_cost_lines')} {a}" for c, a, _ in self.differences(
            "dhr_deleted_cost_lines", row, other, ("category", "description", "supplier", "invoice_ref"))]
        day = _date_words(row.get("deleted_on") or "") or row.get("deleted_on")
        return f"deleted on {day} as it stood then ({', '.join(stood)}) {came_from}"

    def sentence(self, table: str, subject: str, diffs: list[tuple[str, str, str]], county_from: str,
                 district_from: str) -> tuple[str, str, str]:
        """(county side, district side, the whole sentence) for values that differ."""
        if not diffs:
            county, district = f"as {county_from}", f"as {district_from} (differing only in ids)"
        elif len(diffs) == 1:
            column, a, b = diffs[0]
            named = "" if column in MAIN_VALUES else f"{column_words(column, table)} "
            county, district = f"{named}{a} {county_from}", f"{b} {district_from}"
        else:
            def said(side: int) -> list[tuple[str, str, str]]:
                # Beside other differences, a side whose lists hold nothing the other's do not says nothing of
                # them ("cost not stated in the county file", not "cost not stated, only in it none …").
                return [d for d in diffs if not (d[0] in _WHOLE_NAMES and d[side] == NOTHING)] or diffs

            county = ", ".join(f"{column_words(c, table)} {a}" for c, a, _ in said(1)) + f" {county_from}"
            district = ", ".join(f"{column_words(c, table)} {b}" for c, _, b in said(2)) + f" {district_from}"
        joiner = "; " if len(diffs) > 1 else ", "
        return county, district, f"{subject}: {county}{joiner}{district}"


_WHOLE_NAMES = {whole.named for whole in WHOLES.values()}


def figure_phrase(source: str | None, office: str | None) -> str:
    """How an indicator figure came to be, with whose it is: "typed by Babergh office", "from police.uk counts
    sent by Mid Suffolk office"."""
    text = (source or "").strip()
    if text.lower().startswith(POLICE_SOURCE):
        return "from police.uk counts" + (f" sent by {office}" if office else " in the county file")
    kind = describe_source(text)
    who = office or "the county"
    if kind.typed or not text:
        return f"typed by {who}" if office else "typed at the county"
    if kind.kind == "file":
        return f"{kind.label[0].lower()}{kind.label[1:]} by {who}"
    return f"from {who}" + (f" ({kind.label})" if kind.label else "")


# -- decisions --------------------------------------------------------------------------------------------------
def load_decisions(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """(subject key, version kept, version set aside) of every decision taken in this county file."""
    try:
        return {(r[0], r[1], r[2]) for r in conn.execute(
            f"SELECT subject_key, kept_version, set_aside_version FROM {DECISIONS_TABLE}")}
    except sqlite3.OperationalError:  # a file from before decisions were kept
        return set()


# A review's money (its cost lines, invoices, payments and refunds, and an office's billing of it, said about the
# review): the county's side of it moves for reasons of its own (a payment recorded against the county's invoices,
# another office's file, a correction at the county), so a version of the office's the county lead set aside stays
# set aside whatever the county holds since. Only the office sending another version of it is asked about again.
SET_ASIDE_FOR_GOOD = frozenset({"dhr_cost_lines", "dhr_shares", "dhr_payments", "dhr_refunds",
                                "dhr_withdrawn_invoices", "dhr_deleted_cost_lines", "dhr_cost_line_versions"})


def set_aside_for_good(table: str, kind: str) -> bool:
    """Whether a version of this conflict's office set aside once stays set aside against any county version."""
    return table in SET_ASIDE_FOR_GOOD or kind == "billing-cannot-take"


def load_set_aside(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(subject key, version set aside) of every decision taken in this county file."""
    try:
        return {(r[0], r[1]) for r in conn.execute(
            f"SELECT subject_key, set_aside_version FROM {DECISIONS_TABLE} WHERE set_aside_version != ''")}
    except sqlite3.OperationalError:  # a file from before decisions were kept
        return set()


def record_decision(conn: sqlite3.Connection, conflict: Conflict, choice: str, kept: str, set_aside: str, *,
                    decided_at: str, decided_by: str) -> None:
    """Keep the decision; a version set aside earlier against the one now replaced stays set aside."""
    rows = [(conflict.subject_key, kept, set_aside)]
    if kept != conflict.county_version:  # the county's version is replaced: what it had set aside stays so
        rows += [(conflict.subject_key, kept, r[0]) for r in conn.execute(
            f"SELECT set_aside_version FROM {DECISIONS_TABLE} WHERE subject_key = ? AND kept_version = ?",
            (conflict.subject_key, conflict.county_version)) if r[0] != kept]
    conn.executemany(
        f"INSERT INTO {DECISIONS_TABLE}(subject_key, kept_version, set_aside_version, choice, office_id, office_name, "
        "conflict, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(subject_key, kept_version, set_aside_version) DO UPDATE SET choice = excluded.choice, "
        "decided_at = excluded.decided_at, decided_by = excluded.decided_by, conflict = excluded.conflict",
        [(s, k, a, choice, conflict.office_id, conflict.office_name, conflict.detail, decided_at, decided_by)
         for s, k, a in rows])
