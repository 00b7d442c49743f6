"""View > History of Changes in plain words (Qt-free): one line per user action, names not ids,
pounds not pence, local times.

The audit trail (``services.history.actions``) records rows: table names, ids, pence, UTC times.
This presenter turns each user action into a ``HistoryLine``: when (local time, "28 Nov 2026 14:05"),
who (the operating-system user), the action's name ("Save project Homeshield Plus"), what it changed
in words ("changed the status of Homeshield Plus from Proposed to Approved"), the area of the window
it belongs to (for the filter), and the detail, one line per change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cached_property
from datetime import date, datetime, tzinfo
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from safer_desk.domain.allocation import format_fraction, format_number, format_weight, setting_percent_text
from safer_desk.domain.budgets import DEFAULT_SIGN, STATUS_WORDS
from safer_desk.domain.dhr import STAGE_BY_KEY, STAGES, stages_for
from safer_desk.domain.enums import LabelledEnum
from safer_desk.domain.indicators import (FIGURE_BASIS_LABELS, FREQUENCY_LABELS, MEASURE_LABELS, POLARITY_LABELS,
                                          UNIT_LABELS, Rag, describe_source, due_text, format_value,
                                          tolerance_text)
from safer_desk.domain.money import COST_COLUMNS, format_money, stated_cost_words
from safer_desk.domain.periods import FinancialYear, Month, PeriodError, Quarter, format_uk_date, parse_uk_date
from safer_desk.domain.projects import ProjectError, ProjectStatus, Scale
from safer_desk.domain.text import as_subject, as_typed, counted, folded, in_words, shown_total_label
from safer_desk.presenters.allocation import Rounding, RoundingUnit
from safer_desk.presenters.budgets import SECTION_KINDS, UNIT_CHOICES
from safer_desk.presenters.dhr import SHARE_KINDS, CaseKind, Decision, RefusalHandling, ShareStatus, SplitKind
from safer_desk.presenters.formats import local_time  # also this module's, as the history window reads it
from safer_desk.presenters.funds import FundStatus, RiskLevels
from safer_desk.presenters.indicators import TargetKind, TargetProfile, area_label
from safer_desk.presenters.office import ORGANISATION_KINDS, PARTNERSHIP_KINDS
from safer_desk.services import allocation as allocations
from safer_desk.services import history as service
from safer_desk.services import reference
from safer_desk.services.dhr import case_date_fields, review_label
from safer_desk.services.history import ActionEntry, AuditEntry, RecordFacts
from safer_desk.services.projects import sentence_titles
from safer_desk.storage.schema.yes_no import YES_NO, yes_no_named, yes_no_sentence, yes_no_value

# -- what the tables are called, and where in the window they are looked after -------------------------
# table: (one, many, area)
PROJECTS, ALLOCATION, COSTS, INDICATORS, BUDGETS, REFERENCE, FILE = (
    "Projects", "Allocation", "Costs", "Indicators", "Budgets and funders", "Districts and partners",
    "The file")
AREAS = (PROJECTS, ALLOCATION, COSTS, INDICATORS, BUDGETS, REFERENCE, FILE)

TABLES: dict[str, tuple[str, str, str]] = {
    "projects": ("project", "projects", PROJECTS),
    "project_cost_lines": ("cost line", "cost lines", PROJECTS),
    "project_funding_sources": ("funding source", "funding sources", PROJECTS),
    "project_officers": ("project officer", "project officers", PROJECTS),
    "project_status_history": ("status change", "status changes", PROJECTS),
    "commissioning_scenarios": ("commissioning scenario", "commissioning scenarios", PROJECTS),
    "scenario_items": ("scenario project", "scenario projects", PROJECTS),
    "allocation_scenarios": ("allocation scenario", "allocation scenarios", ALLOCATION),
    "allocation_scenario_rows": ("allocation row", "allocation rows", ALLOCATION),
    "allocation_scenario_factors": ("allocation factor", "allocation factors", ALLOCATION),
    "allocation_top_slices": ("top-slice", "top-slices", ALLOCATION),
    "dhr_cases": ("review", "reviews", COSTS),
    "dhr_cost_lines": ("review cost", "review costs", COSTS),
    "dhr_panel_meetings": ("panel meeting", "panel meetings", COSTS),
    "dhr_payments": ("payment", "payments", COSTS),
    "dhr_refunds": ("refund", "refunds", COSTS),
    "dhr_recommendations": ("recommendation", "recommendations", COSTS),
    "dhr_shares": ("partner share", "partner shares", COSTS),
    "dhr_split_percentages": ("split percentage", "split percentages", COSTS),
    "dhr_stage_rules": ("stage rule", "stage rules", COSTS),
    # an invoice kept as it was sent when billing again withdrew it or closed it at what was paid (for "as at")
    "dhr_withdrawn_invoices": ("invoice withdrawn", "invoices withdrawn", COSTS),
    # a cost line kept as it was when deleted, with the day (for "as at" a day before)
    "dhr_deleted_cost_lines": ("deleted review cost", "deleted review costs", COSTS),
    # a cost line's version a correction replaced, kept as it was with the day (for "as at" a day before)
    "dhr_cost_line_versions": ("earlier version of a review cost", "earlier versions of review costs", COSTS),
    "funds": ("fund", "funds", COSTS),
    "fund_contributions": ("fund contribution", "fund contributions", COSTS),
    "fund_items": ("fund item", "fund items", COSTS),
    "fund_referrals": ("referral", "referrals", COSTS),
    "fund_spend_lines": ("spend line", "spend lines", COSTS),
    "fund_spend_summary": ("spend summary line", "spend summary lines", COSTS),
    "costs_settings": ("cost setting", "cost settings", COSTS),
    "indicators": ("indicator", "indicators", INDICATORS),
    "indicator_values": ("indicator figure", "indicator figures", INDICATORS),
    # The police.uk import's own tables (no trigger watches them: the import counts their rows into its entry).
    "_police_counts": ("police.uk count", "police.uk counts", INDICATORS),
    "_police_vintages": ("police.uk file record", "police.uk file records", INDICATORS),
    # The county's record of the exports it merged (no trigger watches it: a merge counts its new record, s76).
    "_county_imports": ("record of a merge", "records of merges", FILE),
    "indicator_targets": ("target", "targets", INDICATORS),
    "indicator_trajectory": ("trajectory point", "trajectory points", INDICATORS),
    "indicator_baselines": ("baseline", "baselines", INDICATORS),
    "indicator_benchmarks": ("benchmark", "benchmarks", INDICATORS),
    "indicator_estimates": ("estimate", "estimates", INDICATORS),
    "indicator_milestones": ("milestone", "milestones", INDICATORS),
    "indicator_populations": ("population", "populations", INDICATORS),
    "indicator_areas": ("indicator area", "indicator areas", INDICATORS),
    "budget_plans": ("budget", "budgets", BUDGETS),
    "budget_sections": ("budget section", "budget sections", BUDGETS),
    "budget_columns": ("budget column", "budget columns", BUDGETS),
    "budget_lines": ("budget line", "budget lines", BUDGETS),
    "budget_cells": ("budget figure", "budget figures", BUDGETS),
    # as the Budgets tab says it: the "(as printed)" row, "Undo printed total, 2017/18" (the tab never says "stated")
    "budget_stated_totals": ("printed total", "printed totals", BUDGETS),
    "budget_line_links": ("budget link", "budget links", BUDGETS),
    "funding_awards": ("funding award", "funding awards", BUDGETS),
    "funding_award_years": ("award year", "award years", BUDGETS),
    "districts": ("district", "districts", REFERENCE),
    "partnerships": ("partnership", "partnerships", REFERENCE),
    "partnership_districts": ("partnership district", "partnership districts", REFERENCE),
    "partnership_members": ("partnership member", "partnership members", REFERENCE),
    "organisations": ("partner", "partners", REFERENCE),
    "office_areas": ("office area", "office areas", REFERENCE),
    "illustrative_marks": ("illustrative mark", "illustrative marks", FILE),
    "meta": ("file setting", "file settings", FILE),
}

# Column names people use for the ones the file uses; the rest lose their unit suffix and underscores.
COLUMN_WORDS = {
    "cost_min_pence": "lowest cost", "cost_max_pence": "highest cost", "min_pence": "lowest amount",
    "max_pence": "highest amount", "ref": "reference", "amount_text": "amount as written", "percent_bp": "percentage",
    "cap_percent_bp": "cap percentage", "revenue_bp": "revenue share", "capital_bp": "capital share",
    "lead_organisation_id": "lead partner", "organisation_id": "partner", "cap_organisation_id": "capped partner",
    "rag": "RAG rating", "laa_outcome": "LAA outcome", "csp_priority": "CSP priority", "ons_code": "ONS code",
    "idva_assigned": "IDVA assigned", "at_marac": "at MARAC",
    # a district's, a partnership's and a member's From and To, as the dialog says them ("To (its last day)")
    "valid_from": "first day", "valid_to": "last day",
    "starts_on": "start date", "ends_on": "end date",  # a fund's Starts and Ends ("the starts date" read wrong)
    "successor_id": "became",  # the district it became, as the district list heads it ("Became")
    "retain": "retained percentage", "retained": "retained percentage",  # the Allocation tab's "Retained %"
    # an indicator's "Amber within", said with its kind as the Indicators tab says it ("5% of target")
    "tolerance_pct": "tolerance", "tolerance_kind": "tolerance",
    "sign": "effect on the total",  # a budget section's sign: how it counts towards the plan's total
    "due": "due date",  # a milestone's Milestone due
    "first_billed_on": "first billing day",  # a review's, as the guide says it ("the day it was first billed")
    "safeguarding_board": "Regional Safeguarding Board",  # a review's (a SUSR's), as Edit case labels it
    "range_end": "ranges",  # a commissioning scenario's, as its page says it ("Ranges: upper end")
    # a project's criteria and the qualifier beside each, as the project editor labels them ("√ for Ipswich only"):
    # "Changed the laa outcome note of project …" named the file's column
    "cross_cutting": "cross-cutting", "laa_outcome_note": "LAA outcome qualifier",
    "csp_priority_note": "CSP priority qualifier", "cross_cutting_note": "cross-cutting qualifier",
    "additional_note": "additional qualifier", "innovative_note": "innovative qualifier",
    "invoice_ref": "invoice reference",  # a review's cost, a partner's share, a fund's spend: as the forms label it
    "after_stage": "due-after stage",  # a review stage rule's Due after
}
# Column names said one way in one table only: a budget figure's "text" is the figure as the paper or the officer
# wrote it ("(27.5)", "TBC", "1234"); "Changed the text of budget figure …" named a column no one sees.
TABLE_COLUMN_WORDS = {("budget_cells", "text"): "figure as written",
                      ("budget_stated_totals", "text"): "total as written",
                      # a top-slice's, as the Allocation tab's page and its results say them: the grant, and the
                      # name of its results' row for what is left after the slices ("remainder label Remainder")
                      ("allocation_top_slices", "total_pence"): "total grant",
                      ("allocation_top_slices", "remainder_label"): "name of the rest",
                      # a panel meeting's, as Panel meeting… asks for it ("met date" named the file's column)
                      ("dhr_panel_meetings", "met_on"): "date"}
# An indicator's figures, said in its unit as the Indicators tab says them ("88.9%", "4.2 per 1,000").
INDICATOR_FIGURES = {("indicator_values", "value"), ("indicator_targets", "value"), ("indicator_baselines", "value"),
                     ("indicator_benchmarks", "value"), ("indicator_trajectory", "cumulative")}
# An allocation's shares, stored as fractions ("1/10"), said as the Allocation tab types them ("10%", "±5%").
PERCENT_SHARES = {("allocation_scenarios", "retain"): "", ("allocation_scenarios", "damping"): "±",
                  ("allocation_top_slices", "retained"): "", ("allocation_top_slices", "scenario"): "±"}
# Columns not worth a line of their own (positions, stamps the program keeps).
QUIET_COLUMNS = {"id", "position", "updated_at", "created_at", "sort_order"}
LONG_TEXT = 60
# A budget section's sign in words (no screen shows it apart from its kind: "Income and grants (takes away)").
SIGN_WORDS = {1: "adds", -1: "takes away", 0: "none (outside the total)"}
# A budget figure's state as the grid shows it ("TBC"); an amount shows only its amount.
CELL_STATES = {**STATUS_WORDS, "amount": "an amount"}
# Stored states shown by their labels ("shortlisted" reads "Shortlisted"); a screen adds its own here.
VALUE_LABELS: dict[tuple[str, str], type[LabelledEnum] | Mapping[Any, str]] = {
    ("projects", "status"): ProjectStatus,
    ("project_status_history", "status"): ProjectStatus,
    ("allocation_scenarios", "rounding"): Rounding, ("allocation_scenarios", "unit"): RoundingUnit,
    # as the Indicator and Target… form says them ("Lower is better")
    ("indicators", "unit"): UNIT_LABELS, ("indicators", "polarity"): POLARITY_LABELS,
    ("indicators", "frequency"): FREQUENCY_LABELS, ("indicators", "measure"): MEASURE_LABELS,
    ("indicators", "figure_basis"): FIGURE_BASIS_LABELS,
    ("indicator_targets", "kind"): TargetKind, ("indicator_targets", "profile"): TargetProfile,
    # as Baseline and Benchmarks… and the Indicators tab say them ("Withdrawn", "◆ Amber")
    ("indicator_targets", "status"): {"set": "Set", "tbc": "Tbc", "withdrawn": "Withdrawn"},
    ("indicator_estimates", "rag"): {r.key: r.label for r in (Rag.RED, Rag.AMBER, Rag.GREEN)},
    # as the Split window says it ("One partner pays a capped part first")
    ("dhr_cases", "split_rule"): SplitKind,
    # as the Review form and the ledger say them ("Hold a review", "Refused (Carried by the lead authority)")
    ("dhr_cases", "kind"): CaseKind, ("dhr_cases", "decision"): Decision,
    ("dhr_shares", "status"): ShareStatus, ("dhr_shares", "refusal_handling"): RefusalHandling,
    ("dhr_shares", "kind"): SHARE_KINDS,
    # as the Stage rules form says them ("Notified of the death"), not the program's keys ("notification")
    ("dhr_stage_rules", "after_stage"): {s.key: s.label for s in STAGES},
    # as the Budgets tab and Plan settings… say them ("£ (pounds)", "Income and grants (takes away)", "TBC")
    ("budget_plans", "unit"): dict(UNIT_CHOICES), ("budget_sections", "kind"): dict(SECTION_KINDS),
    ("budget_sections", "sign"): SIGN_WORDS,
    ("budget_cells", "status"): CELL_STATES, ("budget_stated_totals", "status"): CELL_STATES,
    # as Fund settings… says them ("Closed", "High and medium risk")
    ("funds", "status"): FundStatus, ("funds", "risk_levels"): RiskLevels,
    ("commissioning_scenarios", "range_end"): {"upper": "upper end", "lower": "lower end"},
    # as View > Districts, Partnerships and Partners says them ("CSP", "Police and crime commissioner")
    ("partnerships", "kind"): PARTNERSHIP_KINDS, ("organisations", "kind"): ORGANISATION_KINDS,
}
# Tables whose rows keep what another change did, for reading the past ("as at"): left out of an action's summary
# when it says anything else (its detail lists them).
SAID_BESIDE = frozenset({"dhr_withdrawn_invoices", "dhr_cost_line_versions"})
# Of those, the rows a change of another row keeps as that row was before it (a cost line's version a correction
# replaced): the change says it ("Changed the amount of review cost … from £1,350 to £1,100"), so with any other entry
# the row is not listed in the detail either.
SAID_BY_THE_CHANGE = frozenset({"dhr_cost_line_versions"})
# The office's own settings (meta, by its key) as the office and the county name them; any other is a file setting.
META_WORDS = {"office_name": "office name"}
# The Costs tab's settings (costs_settings, by its key), as the Reviews page names them.
COSTS_SETTING_WORDS = {"dhr_label": "name of the reviews"}
SEQUENCE_KEY = "export_sequence"  # the number of the office's last export (exchange.county_export.SEQUENCE_KEY)


def said_by_another(table: str, column: str, values: dict[str, Any]) -> bool:
    """Whether an added row's value goes without saying beside its others: a figure's state when it is an amount
    (its amount says it), a section's sign when it is the one its kind gives."""
    if column == "status" and table in ("budget_cells", "budget_stated_totals"):
        return values.get(column) == "amount"
    if (table, column) == ("budget_sections", "sign"):
        return values.get(column) == DEFAULT_SIGN.get(str(values.get("kind")))
    return False


def noun(table: str, count: int = 1) -> str:
    one, many, _ = TABLES.get(table, (table.replace("_", " ").rstrip("s"), table.replace("_", " "), FILE))
    return one if count == 1 else many


def area_of(table: str) -> str:
    return TABLES.get(table, ("", "", FILE))[2]


def column_words(column: str, table: str = "") -> str:
    named = yes_no_named(table, column)  # the columns held as 0 or 1: one table, shared with the county merge
    if named is not None:
        return named
    if (table, column) in TABLE_COLUMN_WORDS:
        return TABLE_COLUMN_WORDS[table, column]
    if column in COLUMN_WORDS:
        return COLUMN_WORDS[column]
    for suffix in ("_pence", "_bp", "_id", "_on"):
        if column.endswith(suffix) and len(column) > len(suffix):
            column = column[: -len(suffix)] + (" date" if suffix == "_on" else "")
            break
    return column.replace("_", " ")


# Names Edit case gives its stage dates that stay as they are in a sentence ("the Home Office told date").
_PROPER_STARTS = ("Home Office", "Welsh Government", "QA")


def case_date_words(label: str) -> dict[str, str]:
    """A review's stage dates (dhr_cases columns) as Edit case names them for reviews called ``label``, in a
    sentence: "referred date", "Welsh Government told date" for a SUSR; "Home Office told date" for a DHR."""
    words = {}
    for column, field in case_date_fields(label).items():
        said = field if field.endswith(" date") else f"{field} date"
        words[column] = said if said.startswith(_PROPER_STARTS) else _lower_first(said)
    return words


def area_words(store) -> tuple[dict[str, str], dict[str, str]]:
    """(labels, names): id -> each area as the Indicators tab and View > Populations… name it ("Suffolk (county)",
    "Babergh"), a district with its kind where another area has its name ("Cornwall (district)", as the board report
    says it); id -> its name, with its kind only where another area has its name."""
    from safer_desk.services.report import names_to_type

    areas = reference.known_areas(store)
    labels, names = {}, {}
    for area, typed in zip(areas, names_to_type(store, areas)):
        shared = typed not in (area.name, area.id)
        labels[area.id] = typed if shared else area_label(area.kind, area.name)
        names[area.id] = typed if shared else area.name
    return labels, names


# English month names whatever the machine's locale (Qt sets the C library's locale from the system's).
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date) -> str:
    """1 Apr 2026"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def when_text(moment: datetime) -> str:
    """28 Nov 2026 14:05"""
    return f"{day_text(moment)} {moment.hour:02d}:{moment.minute:02d}"


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= LONG_TEXT else text[: LONG_TEXT - 1] + "…"


def _whole_texts(stored: Sequence[Any], said: Sequence[str]) -> tuple[str, ...]:
    """A change's old and new value as the detail says them: when either is a text ``_short`` cut (a description, a
    note), both texts whole on one line, each in quotation marks where its sentence ends ("from “… 6 months.” to
    “…”"); otherwise as said. The audit trail keeps every value whole (DESIGN §3), and the detail was the only place
    the window could show an overwritten text."""
    cut = [isinstance(v, str) and w == _short(v) and w != " ".join(v.split()) for v, w in zip(stored, said)]
    if not any(cut):
        return tuple(said)
    return tuple(f"“{' '.join(v.split())}”" if isinstance(v, str) and w == _short(v) else w
                 for v, w in zip(stored, said))


def _iso_date(value: str) -> date | None:
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


# Rows named by their parents that also say their parent's parent: a budget figure its budget (through its column).
NAMED_WITH = {"budget_cells": ("column_id", "plan_id")}
# Rows that are an area, by the column holding its id. Named as the area of another row (a population, a figure) as
# the Indicators tab names it ("Suffolk (county)"); named themselves (their kind said beside), by their name, with
# their kind only where another area has it ("Cornwall (county)").
AREA_ROWS = {"indicator_areas": "id", "office_areas": "area_id"}
# Rows named by what they are of that have a number of their own, said first: a partner's share, a review's cost by
# its invoice number ("partner share MSDC-DHR1-03 of Ipswich and East CCG, WSCSP-DHR-2017-01"), so a search finds it.
# The first of its columns with a value is said ("funding source OPCC of Homeshield Plus, 2018/19"; "award year 2019/20
# of CSP funding 2018-2021"; a cost line by its description, else its category: "cost line Administrative support of
# Suffolk ELEV8, 2009/10", not "cost line 2009/10", one of four that year; a review's cost with no invoice number by its
# category, as the Reviews page lists it: "review cost Independent chair/author of WSCSP-DHR-2017-02").
NUMBERED = {"dhr_shares": ("invoice_ref",), "dhr_cost_lines": ("invoice_ref", "category"),
            "dhr_deleted_cost_lines": ("invoice_ref", "category"),
            "dhr_withdrawn_invoices": ("invoice_ref",),
            "project_funding_sources": ("source",), "funding_award_years": ("financial_year",),
            "project_cost_lines": ("description", "category")}
# Rows titled by the first of these columns with a value, none said again among their facts: an allocation factor as
# the Allocation tab heads it ("BCS comparator offences 2007-08", not its key in the file, "basis").
TITLED_BY = {"allocation_scenario_factors": ("label", "name")}
# The columns that say which period a row is for (a figure's month, a target's year), most particular first.
PERIOD_COLUMNS = ("period", "month", "year", "financial_year")


def period_words(value: Any) -> str:
    """A stored period as the tabs say it: "2016-04" -> "Apr 2016", "2016-Q1" -> "Q1 2016/17"; a year as it is."""
    text = str(value)
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            month = Month.parse(text)
            return f"{MONTHS[month.month - 1]} {month.year}"
        if re.fullmatch(r"\d{4}-Q[1-4]", text):
            return Quarter.parse(text).label
    except PeriodError:
        pass
    return text


@dataclass(frozen=True)
class HistoryLine:
    """One user action as the History window shows it."""

    at: datetime  # local time
    when: str
    who: str
    action: str
    summary: str
    areas: tuple[str, ...]
    details: tuple[str, ...]
    entries: int
    victim_level: int = 0  # how many of its changes are victim-level detail (VICTIM_LEVEL)
    shared: "HistoryLine | None" = None  # the line with that detail left out, as an export writes it by default

    @property
    def area(self) -> str:
        return ", ".join(self.areas)

    @property
    def day(self) -> date:
        return self.at.date()

    @cached_property  # worked out once (a paste of 100,000 changes is 8 MB of words), not per key typed
    def search_text(self) -> str:
        # without accents, as Find reads names: "ynys mon" typed on an English keyboard finds "Ynys Môn"
        return folded(" ".join((self.when, self.who, self.action, self.summary, self.area, *self.details)))


class Namer:
    """Names rows and values for one batch of actions (one look-up per table, not per row)."""

    def __init__(self, store, entries: Iterable[AuditEntry], tz: tzinfo | None = None):
        self.tz = tz
        # The review stages as the file's reviews are named now: a SUSR's as its guidance names them
        self.stage_names = {stage.key: stage.label for stage in stages_for(review_label(store))}
        # and their dates as Edit case names them ("referred date", not the column's "notified date")
        self.case_dates = case_date_words(review_label(store))
        # Two projects of one title in an office's own file ("Outreach worker" 16 and 17) by ref and title, as the
        # register and Commissioning name them ("17. Outreach worker"); a county file's as they always were.
        self.project_titles = sentence_titles(store, county=False)
        self.links = service.table_links(store)
        self.columns = service.table_columns(store)
        entries = list(entries)
        refs = {(e.table_name, e.row_id) for e in entries if e.row_id is not None and e.table_name in self.columns}
        self.facts: dict[tuple[str, str], RecordFacts] = service.record_facts(store, refs)
        linked = set()
        for fact in self.facts.values():
            for column, target in self.links.get(fact.table, {}).items():
                value = fact.values.get(column)
                if value is not None:
                    linked.add((target, str(value)))
        # The rows a change named that its record no longer points at: the district a referral was moved from
        # ("from Babergh to Mid Suffolk", not "from (a record since removed)"), a deleted row's parents.
        for e in entries:
            links = self.links.get(e.table_name, {})
            if e.action == "update" and e.column_name in links:
                linked.update((links[e.column_name], str(v)) for v in (e.old_value, e.new_value) if v is not None)
            elif e.action in ("insert", "delete"):
                values = _json_values(e.new_value if e.action == "insert" else e.old_value) or {}
                linked.update((target, str(values[c])) for c, target in links.items() if values.get(c) is not None)
        self.facts.update(service.record_facts(store, linked - set(self.facts)))
        # one more level, for rows named by their parent's parent (a payment of a share of a review)
        deeper = set()
        for (table, row_id) in linked:
            fact = self.facts.get((table, row_id))
            if fact is not None and self._own_name(fact) is None:
                for column, target in self.links.get(table, {}).items():
                    value = fact.values.get(column)
                    if value is not None:
                        deeper.add((target, str(value)))
        # and the budget a figure is in, through its column (two budgets both have "Employees" in "2019/20")
        ups = {self.links.get(table, {}).get(through): up for table, (through, up) in NAMED_WITH.items()}
        for (table, row_id) in linked:
            fact, up = self.facts.get((table, row_id)), ups.get(table)
            target = self.links.get(table, {}).get(up or "")
            if fact is not None and target is not None and fact.values.get(up) is not None:
                deeper.add((target, str(fact.values[up])))
        self.facts.update(service.record_facts(store, deeper - set(self.facts)))
        # The titles each allocation scenario gives its factors ("basis" is "BCS comparator offences 2007-08"): as
        # saved now, else as the trail last holds them (a scenario since deleted).
        self.factor_titles: dict[str, dict[str, str]] = {}
        for e in entries:
            values = _json_values(e.new_value if e.action == "insert" else e.old_value) or {}
            if e.table_name == "allocation_scenario_factors" and values.get("scenario_id") and values.get("name"):
                titles = self.factor_titles.setdefault(str(values["scenario_id"]), {})
                titles.setdefault(str(values["name"]), str(values.get("label") or values["name"]))
            elif e.table_name == "allocation_scenario_rows" and values.get("scenario_id"):
                self.factor_titles.setdefault(str(values["scenario_id"]), {})
        for fact in self.facts.values():
            if fact.table == "allocation_scenario_rows" and fact.values.get("scenario_id"):
                self.factor_titles.setdefault(str(fact.values["scenario_id"]), {})
        for scenario_id, titles in self.factor_titles.items():
            try:
                titles.update({f.name: f.title for f in allocations.load_scenario(store, scenario_id).options.factors})
            except allocations.ScenarioError:
                pass
        # Ids no foreign key links, named all the same: a budget's area, the office an office area belongs to.
        self.unlinked = {"area_id": service.area_names(store), "office_id": service.office_names(store)}
        self.area_labels, self.area_names = area_words(store)
        for e in entries:  # an area since removed (a district an undo took away) by the name the trail holds
            values = _json_values(e.new_value if e.action == "insert" else e.old_value) or {}
            key = {"office_areas": "area_id", "districts": "id", "partnerships": "id"}.get(e.table_name)
            if key and values.get(key) and values.get("name"):
                self.unlinked["area_id"].setdefault(str(values[key]), str(values["name"]))

    def _own_name(self, fact: RecordFacts) -> str | None:
        if fact.table == "projects" and fact.row_id in self.project_titles:
            return _short(self.project_titles[fact.row_id])
        column = service.name_column(fact.table, self.columns.get(fact.table, list(fact.values)))
        if fact.table in TITLED_BY:
            column = next((c for c in TITLED_BY[fact.table] if fact.values.get(c) not in (None, "")), column)
        value = fact.values.get(column) if column else None
        if value in (None, ""):
            return None
        return period_words(value) if column in PERIOD_COLUMNS else _short(value)

    def name(self, table: str, row_id: str | None, values: dict[str, Any] | None = None, depth: int = 0) -> str:
        """What a person calls the row: its title or name, else what it belongs to ("of WSCSP-DHR-2026-07,
        Suffolk Police"); "" when nothing is known (never an internal id)."""
        fact = self.facts.get((table, str(row_id))) if row_id is not None else None
        if values is not None:
            fact = RecordFacts(table, str(row_id), values, True)
        if fact is None:
            return ""
        if table == "dhr_stage_rules" and str(row_id) in STAGE_BY_KEY:  # keyed by its stage: "for Published"
            return f"for {self.stage_names[str(row_id)]}"
        if table == "illustrative_marks" and fact.values.get("table_name"):
            target = str(fact.values["table_name"])
            return "on " + self.record_label(target, _mark_row_id(fact.values.get("row_id")))
        own = self._own_name(fact)
        area_id = fact.values.get(AREA_ROWS[table]) if table in AREA_ROWS else None
        if own is not None and area_id is not None:  # the area of a population, a figure: as the screens name it
            return (self.area_labels if depth else self.area_names).get(str(area_id), own)
        if own is not None:
            return own
        if depth < 2:
            parents = []
            for column, target in self.links.get(table, {}).items():
                value = fact.values.get(column)
                # not by a row of its own kind: the lead authority's carried share is its own partner's, not first
                # the refusing partner's it carries ("source share …" says that)
                if value is not None and target != table:
                    parent = self.name(target, str(value), depth=depth + 1).removeprefix("of ")
                    # nor twice by what it is of: an invoice withdrawn of a partner and review, and of its share
                    # (of that partner and review)
                    if parent and not set(parent.split(", ")) <= {p for said in parents for p in said.split(", ")}:
                        parents.append(parent)
            if table in NAMED_WITH and depth == 0:
                through, column = NAMED_WITH[table]
                target = self.links.get(table, {}).get(through)
                parent = self.facts.get((target, str(fact.values.get(through)))) if target else None
                grand = self.links.get(target or "", {}).get(column)
                named = self.name(grand, str(parent.values.get(column)), depth=1) if parent and grand else ""
                if named and named not in parents:
                    parents.append(named.removeprefix("of "))
            number = next((fact.values[c] for c in NUMBERED.get(table, ()) if fact.values.get(c) not in (None, "")),
                          None) if depth == 0 else None
            period = next((fact.values.get(c) for c in PERIOD_COLUMNS if fact.values.get(c) not in (None, "")), None)
            if period is not None and period != number:  # one month's figure of an indicator, not another's
                parents.append(period_words(period))
            if parents:
                return (f"{_short(number)} " if number else "") + "of " + _run_on(parents, ", ")
        return ""

    def value(self, table: str, column: str | None, value: Any, row: dict[str, Any] | None = None) -> str:
        """A recorded value in words: pounds for pence, a name for a link, a percentage for basis points, an
        indicator's figure in its unit (``row``: the values of the row it is in)."""
        if value is None or value == "":
            if (table, column) == ("commissioning_scenarios", "award_year") and (row or {}).get("award_id"):
                return "the whole award"  # an award given as one total over years, as the Commissioning page says
            return "(blank)"
        if column is None:
            return _short(value)
        if column.endswith("_pence") and isinstance(value, int) and not isinstance(value, bool):
            return format_money(value)
        if column.endswith("_bp") and isinstance(value, int):
            text = f"{Decimal(value) / 100:f}"  # 6000 is "60": only noughts after a point go (2.50 → 2.5)
            return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"
        share = _share_words(table, column, value)
        if share is not None:
            return share
        if (table, column) == ("allocation_scenario_rows", "factor_values"):
            return self._factor_words(value, row) or _short(value)
        if (table, column) == ("indicator_values", "source") and isinstance(value, str):
            # as the Indicators tab says where a figure came from: "board paper (seed 003)", not "seed 003";
            # "imported from figs.csv", not "file:figs.csv"
            return _lower_first(_short(describe_source(value).label))
        if table == "indicators" and column in ("tolerance_pct", "tolerance_kind") and row:
            tolerance = _tolerance_words(column, value, row)
            if tolerance is not None:
                return tolerance
        unit = self._unit_of(table, column, row) if isinstance(value, (int, float)) else None
        if unit is not None and (unit[0] in ("percentage", "rate") or table == "indicator_trajectory"):
            # a target to date is worked out (188 spread over the year: 15.666667 stored), and read as the tab shows
            # it (15.7), as a percentage or a rate is
            return format_value(float(value), unit[0], rate_per=unit[1])
        if isinstance(value, float):  # a figure as the tabs show it: 1,335 (the file's 1335.0), 12.5
            return f"{int(value):,}" if value.is_integer() else f"{value:,.6f}".rstrip("0").rstrip(".")
        if column in PERIOD_COLUMNS[:2] and isinstance(value, str):
            return period_words(value)
        if (table, column) == ("indicator_milestones", "due") and isinstance(value, str) and len(value) == 7:
            try:  # a milestone's month as Milestone due says it ("August 2012"); a day as any date
                return due_text(value)
            except (ValueError, IndexError):
                pass
        if column == "area_id" and column not in self.links.get(table, {}) and str(value) in self.area_names:
            # a budget's area (no screen says its kind), an office area (its kind said beside it): "Cornwall (county)"
            # only where another area is called Cornwall
            return self.area_names[str(value)]
        if column in self.unlinked and column not in self.links.get(table, {}):
            return self.unlinked[column].get(str(value)) or _short(value)
        yes_no = yes_no_value(table, column, value)
        if yes_no is not None:
            return yes_no
        if (table, column) == ("dhr_stage_rules", "after_stage") and str(value) in self.stage_names:
            return self.stage_names[str(value)]  # a rule's Due after, as Stage rules… names it
        states = VALUE_LABELS.get((table, column))
        if isinstance(states, Mapping):
            if states.get(value):
                return states[value]
        elif states is not None:
            try:
                return states.parse(str(value)).label
            except ValueError:
                pass
        target = self.links.get(table, {}).get(column)
        if target in AREA_ROWS and str(value) in self.area_labels:  # a figure's area as the Indicators tab names it
            return self.area_labels[str(value)]
        if target is not None:
            return self.name(target, str(value)).removeprefix("of ") or "(a record since removed)"
        if isinstance(value, int) and not isinstance(value, bool):  # a population as the tabs show it: 512,100
            return f"{value:,}"
        if isinstance(value, str):
            day = _iso_date(value)
            if day is not None:
                return day_text(day)
            if len(value) >= 16 and value[4] == "-" and value[10] == "T":
                try:
                    return when_text(local_time(value, self.tz))
                except ValueError:
                    pass
        return _short(value)

    def _factor_words(self, value: Any, row: dict[str, Any] | None) -> str | None:
        """An allocation row's factor values as the Allocation tab heads and shows them ("BCS comparator offences
        2007-08 2,442"), by the titles its scenario gives its factors (None: not read as factor values)."""
        values = _json_values(value)
        if values is None:
            return None
        titles = self.factor_titles.get(str((row or {}).get("scenario_id")), {})
        try:
            return ", ".join(f"{titles.get(name) or name} {format_number(Fraction(str(v)))}"
                             for name, v in values.items())
        except (ValueError, ZeroDivisionError):
            return None

    def _unit_of(self, table: str, column: str | None, row: dict[str, Any] | None) -> tuple[str, Any] | None:
        """The unit and rate base of the indicator a figure is of (None: not an indicator's figure, or not known)."""
        if (table, column) not in INDICATOR_FIGURES or not row:
            return None
        indicator_id = row.get("indicator_id")
        if indicator_id is None and row.get("target_id") is not None:  # a trajectory point, through its target
            target = self.facts.get(("indicator_targets", str(row["target_id"])))
            indicator_id = target.values.get("indicator_id") if target else None
        indicator = self.facts.get(("indicators", str(indicator_id))) if indicator_id is not None else None
        if indicator is None or not indicator.values.get("unit"):
            return None
        return str(indicator.values["unit"]), indicator.values.get("rate_per")

    def column(self, column: str, table: str) -> str:
        """A column in words, a review's stage date as the file's Edit case names it (column_words for the rest)."""
        if table == "dhr_cases" and column in self.case_dates:
            return self.case_dates[column]
        return column_words(column, table)

    def record_label(self, table: str, row_id: str | None, values: dict[str, Any] | None = None) -> str:
        name = self.name(table, row_id, values)
        return f"{noun(table)} {name}" if name else noun(table)

    def fields_of(self, fields: Sequence[str], table: str, row_id: str | None) -> str:
        """"the population of Babergh, 2019/20": the fields changed and the row they are of, the row said once where
        it is named by what it is of and one field is its own figure (not "the population of population of …")."""
        record = self.record_label(table, row_id)
        one = noun(table)
        if one in fields and record.startswith(f"{one} of "):
            record = record.removeprefix(f"{one} ")
        else:
            record = f"of {record}"
        return f"the {in_words(list(fields))} {record}"


def _tolerance_words(column: str, value: Any, row: dict[str, Any]) -> str | None:
    """An indicator's tolerance, or its kind, as the Indicators tab says the two together ("5% of target", "1
    percentage point"; ``row``: the indicator's values; None when they do not say it)."""
    pct = value if column == "tolerance_pct" else row.get("tolerance_pct")
    kind = value if column == "tolerance_kind" else row.get("tolerance_kind")
    if not isinstance(pct, (int, float)) or kind not in ("relative", "points") or not row.get("unit"):
        return None
    return tolerance_text(float(pct), str(kind), str(row["unit"]), row.get("rate_per"))


def _share_words(table: str, column: str, value: Any) -> str | None:
    """An allocation's stored share as its field shows it: "10%" retained, "±5%" damping, a fixed share "1/3" or
    "25%", a top-slice's slices "LSP share 50%" (None for any other value, or one not read as a share)."""
    try:
        if (table, column) in PERCENT_SHARES:
            return f"{PERCENT_SHARES[table, column]}{setting_percent_text(Fraction(str(value)))}%"
        if (table, column) == ("allocation_scenarios", "fixed_share"):
            share = Fraction(str(value))
            percent = format_weight(share * 100)
            return f"{percent}%" if share and "/" not in percent else format_fraction(share)
        if (table, column) == ("allocation_top_slices", "slices"):
            slices = json.loads(str(value))
            return ", ".join(f"{name} {setting_percent_text(Fraction(str(part)))}%" for name, part in slices)
    except (ValueError, TypeError, ZeroDivisionError):
        return None
    return None


def _mark_row_id(value: Any) -> str | None:
    """An illustrative mark's row id: the row's id, or a JSON list of its key columns."""
    if isinstance(value, str) and value.startswith("["):
        try:
            parts = json.loads(value)
        except ValueError:
            return value
        return str(parts[-1]) if parts else None
    return None if value is None else str(value)


def _json_values(text: Any) -> dict[str, Any] | None:
    if not isinstance(text, str):
        return None
    try:
        values = json.loads(text)
    except ValueError:
        return None
    return values if isinstance(values, dict) else None


# A project's and a scenario's rows (a status change, a funding source, a tick) are named by the project and scenario
# they are of: their facts do not say it again ("status change of Homeshield Plus: project Homeshield Plus; …").
NAMED_IN_LABEL = frozenset({"projects", "commissioning_scenarios"})


def _run_on(parts: Sequence[str], joint: str) -> str:
    """Parts said one after another: a title's full stop left out where more follows it ("of Supported accommodation
    for young offenders, 2009/10", not "… offenders., 2009/10")."""
    return joint.join([as_subject(p) for p in parts[:-1]] + list(parts[-1:]))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Describer:
    """Puts one action's entries into words."""

    def __init__(self, namer: Namer):
        self.n = namer

    def details(self, entries: Sequence[AuditEntry]) -> list[str]:
        """One line per change, a text changed said whole (the summary, one line in the table, cuts it)."""
        cancelled = _cancelled(entries)
        if any(e.table_name not in SAID_BY_THE_CHANGE for e in entries):
            entries = [e for e in entries if e.table_name not in SAID_BY_THE_CHANGE]
        out = []
        for e in entries:
            out.extend([self._cancelled(e)] if id(e) in cancelled else self._detail(e, whole=True))
        return out

    def _cancelled(self, e: AuditEntry) -> str:
        """An invoice cancelled, as Bill again with another split… asks about it ("MSDC-DHR1-03 (£684.15)
        cancelled")."""
        values = _json_values(e.old_value) or {}
        amount = values.get("amount_pence")
        said = f" ({format_money(amount)})" if isinstance(amount, int) else ""
        return f"Cancelled {self.n.record_label(e.table_name, e.row_id, values)}{said}"

    def _detail(self, e: AuditEntry, *, whole: bool = False) -> list[str]:
        n = self.n
        said = _meta_words(e)
        if said is not None:
            return [said]
        if e.action == "insert":
            values = _cost_as_one(e.table_name, _scale_as_one(e.table_name, _json_values(e.new_value) or {}))
            label = n.record_label(e.table_name, e.row_id, values or None)
            facts = self._facts(e.table_name, values, label)
            if not facts:
                return [f"Added {label}"]
            return [f"Added {as_subject(label)}: " + "; ".join(facts[:6]) + (" …" if len(facts) > 6 else "")]
        if e.action == "delete":
            values = _json_values(e.old_value) or None
            label = n.record_label(e.table_name, e.row_id, values)
            if not whole or not values:
                return [f"Deleted {label}"]
            # The detail: what the row held, since nothing else in the window shows it once it is gone (a payment's
            # amount, a recommendation's words), each value whole as the trail keeps it (DESIGN §3).
            facts = self._facts(e.table_name, _cost_as_one(e.table_name, _scale_as_one(e.table_name, values)), label,
                                whole=True)
            return [f"Deleted {as_subject(label)}: " + "; ".join(facts) if facts else f"Deleted {label}"]
        if e.action == "update":
            if e.column_name in QUIET_COLUMNS:
                return []
            what = n.column(e.column_name or "", e.table_name)
            record = n.record_label(e.table_name, e.row_id)
            sentence = yes_no_sentence(e.table_name, e.column_name, e.old_value, e.new_value, record)
            if sentence is not None:
                return [sentence]
            if e.column_name == COST:  # already in words (costs_as_one)
                return [f"Changed the cost of {record} from {e.old_value} to {e.new_value}"]
            if e.old_value is None and e.new_value is None:  # a victim-level detail: the trail keeps no values
                if (e.table_name, e.column_name) in YES_NO:  # "at MARAC", "perpetrator lives at the address"
                    return [f"Changed the answer to “{what}” for {record}"]
                return [f"Changed {n.fields_of([what], e.table_name, e.row_id)}"]
            fact = n.facts.get((e.table_name, str(e.row_id)))
            renamed = self._renamed(e, what, fact, whole=whole)
            if renamed is not None:
                return [renamed]
            row = fact.values if fact is not None else None
            old, new = (n.value(e.table_name, e.column_name, v, row) for v in (e.old_value, e.new_value))
            if old == new:  # a change finer than the unit shows (88.91% to 88.94%): said as stored
                old, new = (n.value(e.table_name, e.column_name, v) for v in (e.old_value, e.new_value))
            if whole:  # the detail: a text cut to a line in the summary said whole, as the trail keeps it
                old, new = _whole_texts((e.old_value, e.new_value), (old, new))
            elif old == new and isinstance(e.new_value, str) and old != " ".join(e.new_value.split()):
                # two texts alike as far as the line cuts them ("from A co-ordinator… to A co-ordinator…"): the
                # summary says what changed, the detail below it how
                return [f"Changed {n.fields_of([what], e.table_name, e.row_id)}"]
            if what == "became":  # a district's Became, said as the verb it is
                return [f"Changed what {record} became from {old} to {new}"]
            return [f"Changed {n.fields_of([what], e.table_name, e.row_id)} from {old} to {new}"]
        if e.action == "batch":
            summary = _json_values(e.new_value) or {}
            lines = [str(summary.get("what") or e.column_name or "Batch")]
            if summary.get("source"):
                lines[0] += f" from {Path(str(summary['source'])).name}"
            for table, kinds in sorted((summary.get("rows") or {}).items()):
                if isinstance(kinds, dict):
                    for kind, count in sorted(kinds.items()):
                        verb = {"insert": "added", "delete": "removed", "update": "changed"}.get(kind, kind)
                        lines.append(f"{_capital(verb)} {count:,} {noun(table, int(count))}")
            return lines + _police_words(summary)
        if e.action == "event":
            details = _json_values(e.new_value) or {}
            if e.column_name == "repair" and isinstance(details.get("chain"), list):
                return _repair_words(details, n.tz)
            words = EVENT_WORDS.get(e.column_name or "")
            if words is not None:
                try:
                    return [words(details)]
                except KeyError:  # an older entry without one of the details: said as stored
                    pass
            extra = "; ".join(f"{k.replace('_', ' ')} {_short(v)}" for k, v in details.items() if v not in (None, ""))
            return [f"{e.column_name or 'Event'}" + (f": {extra}" if extra else "")]
        return [f"{e.action} {e.table_name}"]

    def _facts(self, table: str, values: dict[str, Any], label: str, *, whole: bool = False) -> list[str]:
        """What a row added or deleted held, each column in words ("paid date 1 Apr 2026", "amount £100"), leaving
        out what its name (``label``) says already; ``whole``: a text as the trail keeps it, not cut to a line."""
        n = self.n
        named_by = service.name_column(table, n.columns.get(table, list(values)))
        # what the name says already: the award an award year is of, its year ("award year 2019/20 of CSP …")
        numbered = NUMBERED.get(table, ())
        naming = {*n.links.get(table, {}), *numbered, *PERIOD_COLUMNS} if numbered else set()
        facts: list[str] = []
        said: set[str] = set()
        for c, v in values.items():
            if c in QUIET_COLUMNS or v in (None, "") or c == named_by or c in TITLED_BY.get(table, ()) or (
                    table == "illustrative_marks" and c in ("table_name", "row_id")) or (
                    said_by_another(table, c, values)):
                continue
            shown = n.value(table, c, v, values)
            if (table, c) == ("commissioning_scenarios", "fund_label") and values.get("award_id") and \
                    shown == n.value(table, "award_id", values["award_id"], values):
                continue  # the award's name, as an award chosen labels the fund: said as the award it is against
            if whole and isinstance(v, str) and shown == _short(v):
                shown = " ".join(v.split())
            if c in naming and named_by is None and re.search(rf"(?<![\w£]){re.escape(shown)}(?![\w%])", label):
                continue
            # The record it is of, when its name says it already ("status change of Homeshield Plus", then "project
            # Homeshield Plus" again; a scenario's tick, of its project and its scenario).
            if n.links.get(table, {}).get(c) in NAMED_IN_LABEL and named_by is None and re.search(
                    rf"(?<![\w£]){re.escape(as_subject(shown))}(?![\w%])", label):
                continue
            # A value said already is not said again ("partnership X" as text and as its link, a cost line's lowest and
            # highest amounts when they are its amount): the very value, not one that ends as it does ("fixed units
            # 3" went unsaid after "scenario Option 3").
            if shown not in said:
                said.add(shown)
                facts.append(f"{n.column(c, table)} {shown}")
        return facts

    def _renamed(self, e: AuditEntry, what: str, fact: RecordFacts | None, *, whole: bool = False) -> str | None:
        """A record's name changed, said as its name before and after, each in quotation marks, and what it is called
        now where renamed since ("Changed the name of funding award “CSP funding 2018-2021” to “Grant "A", B” (now
        Grant C)"): named by its name now it read "… funding award Grant C from CSP funding 2018-2021 to …", and a
        name with a comma ran into the words around it. None: not a change of the name it is known by."""
        n = self.n
        named_by = service.name_column(e.table_name, n.columns.get(e.table_name, []))
        if e.column_name != named_by or named_by in PERIOD_COLUMNS or e.table_name in AREA_ROWS or not all(
                isinstance(v, str) and v.strip() for v in (e.old_value, e.new_value)):
            return None
        old, new = (_short(v) for v in (e.old_value, e.new_value))
        now = n._own_name(fact) if fact is not None and fact.exists else None
        since = f" (now {now})" if now and now != new else ""
        if whole:  # the detail: each name whole (a long title cut alike before and after read as unchanged)
            old, new = (" ".join(v.split()) for v in (e.old_value, e.new_value))
        elif old == new:  # cut alike: the summary names it, the detail says how
            return f"Changed the {what} of {noun(e.table_name)} “{old}”{since}"
        return f"Changed the {what} of {noun(e.table_name)} “{old}” to “{new}”{since}"

    def summary(self, entries: Sequence[AuditEntry]) -> str:
        """What the action changed, in one sentence: changed fields first, then rows added and deleted."""
        n = self.n
        # a merge's rows before the key it accepted for them ("Merge Babergh office export 3 … and 1 more change")
        batches = sorted((e for e in entries if e.action in ("batch", "event")), key=lambda e: e.action != "batch")
        if batches:
            return self._detail(batches[0])[0] + (f" and {counted(len(entries) - 1, 'more change')}"
                                                  if len(entries) > 1 else "")
        said = [_meta_words(e) for e in entries]
        if entries and all(said):  # the office named, an export numbered: said as they are
            return _capital(in_words([_lower_first(str(s)) for s in said]))
        updates = [e for e in entries if e.action == "update" and e.column_name not in QUIET_COLUMNS]
        parts: list[str] = []
        records = list(dict.fromkeys((e.table_name, e.row_id) for e in updates))
        marks = all((e.table_name, e.column_name) in YES_NO for e in updates)  # a mark moved from one to another
        if len(updates) <= 2 and (len(records) == 1 or marks):
            parts += [_lower_first(self._detail(e)[0]) for e in updates]
        elif len(records) == 1:
            table, row_id = records[0]
            fields = list(dict.fromkeys(n.column(e.column_name or "", table) for e in updates))
            parts.append(f"changed {n.fields_of(fields, table, row_id)}")
        elif records:
            for table in _tables_in_order(updates):
                rows = list(dict.fromkeys(e.row_id for e in updates if e.table_name == table))
                if len(rows) == 1:
                    parts.append(f"changed {n.record_label(table, rows[0])}")
                else:
                    parts.append(f"changed {len(rows):,} {noun(table, len(rows))}")
        cancelled = _cancelled(entries)
        # Rows kept only to read the past by (an invoice withdrawn by billing again) are said by the shares cancelled
        # and changed beside them: the summary names those ("added 5 invoices withdrawn" pushed them out of it).
        said_beside = bool(parts) or any(e.table_name not in SAID_BESIDE for e in entries if e.action != "update")
        for kind, verb in (("insert", "added"), ("delete", "cancelled"), ("delete", "deleted")):
            group = [e for e in entries if e.action == kind and (id(e) in cancelled) == (verb == "cancelled")
                     and not (said_beside and e.table_name in SAID_BESIDE)]
            for table in _tables_in_order(group):
                rows = [e for e in group if e.table_name == table]
                if len(rows) == 1:
                    values = _json_values(rows[0].new_value if kind == "insert" else rows[0].old_value)
                    parts.append(f"{verb} {n.record_label(table, rows[0].row_id, values)}")
                else:
                    parts.append(f"{verb} {len(rows):,} {noun(table, len(rows))}")
        if not parts:
            return "Nothing a person would see changed (only positions or time stamps)"
        if len(parts) > 4:
            parts = parts[:4] + [f"{len(parts) - 4} more"]
        return _capital(in_words(parts))

    def name(self, action: ActionEntry) -> str:
        """The action's own name, or one worked out from what it did ("Add district Babergh")."""
        if action.named:
            return action.label
        entries = action.entries
        if len(entries) == 1 and entries[0].action in ("batch", "event"):
            return action.label
        kinds = {e.action for e in entries}
        tables = _tables_in_order(entries)
        if len(tables) == 1 and len(kinds) == 1:
            kind = next(iter(kinds))
            verb = {"insert": "Add", "delete": "Delete", "update": "Change"}.get(kind, _capital(kind))
            rows = {e.row_id for e in entries}
            if len(rows) == 1:
                e = entries[0]
                values = _json_values(e.new_value if kind == "insert" else e.old_value) if kind != "update" else None
                return f"{verb} {self.n.record_label(tables[0], e.row_id, values)}"
            return f"{verb} {len(rows):,} {noun(tables[0], len(rows))}"
        return "Changes to " + in_words([noun(t, 2) for t in tables[:3]]) + (" …" if len(tables) > 3 else "")


# Events the county file records, said as sentences with names (not the offices' ids or the table a row is in).
EVENT_WORDS: dict[str, Callable[[dict], str]] = {
    "conflict decided": lambda d: f"Kept {d['kept']}: {d['conflict']}",
    # a row every office holding it sends alike in a new version, taken by the merge (no one's decision)
    "taken as every holder sends it": lambda d: d["what"],
    "key accepted": lambda d: (f"Accepted the signing key {d['fingerprint']} for {d['office']} (first used by "
                               f"{d['first_signed_by']}; {d['confirmed']})"),
    "key withdrawn": lambda d: (f"Withdrew the signing key {d['fingerprint']} of {d['office']}"
                                + (f": {d['reason']}" if d.get("reason") else "")),
    # merge --accept-restored: said without the offices' and exports' ids the record keeps, nor the merge summary's
    # time in UTC
    "export of a restored file accepted": lambda d: (
        f"Accepted {d['office']}'s export number {d['export_number']} as the export of its restored file, after the "
        f"county had merged its export number {d['after_export_number']}: {d['office']} restored a backup of its "
        "file, its figures are now those of the restored file, and what its earlier exports sent that the restored "
        "file no longer holds was taken out"),
}


# A repair's record (storage.audit_chain.repair) holds check's own sentences, with the trail's entry numbers, table
# names and UTC times: said here as the window says changes.
_EDITED = re.compile(r"entry \d+ \(([^,]+), ([^)]+)\) was changed after it was written")
_GAP = re.compile(r"entry \d+ does not follow on from entry \d+: (?:entries (\d+) to (\d+) are|entry (\d+) is) missing")
_TRIGGER = re.compile(r"(?:(?P<table>[^:]+): the audit trigger for (?P<what>\w+)s|the audit trail's own (?P<own>\w+)) "
                      r"is (?P<kind>missing|changed)")
_RECORDING = {"insert": "additions", "update": "changes", "delete": "deletions"}


def _repair_words(details: dict[str, Any], tz: tzinfo | None) -> list[str]:
    """Repair the audit trail, in words: what was found and what the repair did."""
    found = []
    for text in details.get("chain") or ():
        text = str(text)
        if m := _EDITED.fullmatch(text):
            try:
                when = f" recorded {when_text(local_time(m[2], tz))}"
            except ValueError:
                when = ""
            found.append(f"A change to {noun(m[1], 2)}{when} had been altered after it was recorded")
        elif m := _GAP.fullmatch(text):
            missing = int(m[2]) - int(m[1]) + 1 if m[1] else 1
            found.append(f"{counted(missing, 'recorded change')} {'was' if missing == 1 else 'were'} removed")
        elif text.endswith(": the trail's entries were put in another order outside Safer Desk"):
            found.append("Recorded changes were put in another order")
        elif text.endswith("the entry before it was removed or replaced"):
            found.append("A recorded change was removed or replaced")
        else:
            found.append(_capital(text))
    off = []
    for text in details.get("triggers") or ():
        m = _TRIGGER.fullmatch(str(text))
        if m and m["own"]:
            off.append(f"The history's own protection against being changed was {m['kind']}")
        elif m:
            recording = _RECORDING.get(m["what"], "changes")
            off.append(f"The recording of {recording} to {noun(m['table'], 2)} was "
                       f"{'switched off' if m['kind'] == 'missing' else 'altered'}")
        else:
            off.append(f"Something not made by Safer Desk was found among the history's safeguards, and removed: "
                       f"{_short(str(text).split(':', 1)[0].replace('_', ' '))}")
    problems = len(found) + len(off)
    found = list(dict.fromkeys(found))  # an order changed once, said once (each entry moved is a problem found)
    head = (f"Repaired the history of changes after it was changed outside Safer Desk ({counted(problems, 'problem')} "
            "found)")
    done = (["Changes made while the recording was switched off or altered were not recorded"] if off else []) + \
        (["What was found altered is kept as it now stands, and the history is sealed again from there"] if found
         else [])
    return [head, *found, *off, *done]


def _meta_words(e: AuditEntry) -> str | None:
    """An office setting written, in words ("Changed the office name from … to …", "Made export number 2 for the
    county"), not as the file's key and value; None for any other entry (said as any row is)."""
    if e.table_name not in ("meta", "costs_settings") or e.action not in ("insert", "update") or \
            e.column_name not in (None, "value"):
        return None
    if e.table_name == "costs_settings":  # "Changed the value of cost setting from …", the file's key not said
        words = COSTS_SETTING_WORDS.get(str(e.row_id))
        new = e.new_value if e.action == "update" else (_json_values(e.new_value) or {}).get("value")
        if words is None or new in (None, ""):
            return None
        if e.action == "insert" or e.old_value in (None, ""):
            return f"Set the {words} to {_short(new)}"
        return f"Changed the {words} from {_short(e.old_value)} to {_short(new)}"
    new = e.new_value if e.action == "update" else (_json_values(e.new_value) or {}).get("value")
    if e.row_id == SEQUENCE_KEY and new not in (None, ""):
        if e.action == "update" and str(e.old_value).isdecimal() and str(new).isdecimal() and \
                int(new) < int(e.old_value):  # an export not moved into place (exchange.county_export)
            return f"Gave back export number {e.old_value}, which was not written: the next export takes that number"
        return f"Made export number {new} for the county"
    if e.row_id == "written_by" and e.action == "update" and new not in (None, ""):  # only an upgrade rewrites it
        return f"Upgraded the file to the layout of Safer Desk {_short(new)} (it was written by {_short(e.old_value)})"
    words = META_WORDS.get(str(e.row_id))
    if words is None or new in (None, ""):
        return None
    if e.action == "insert" or e.old_value in (None, ""):
        return f"Set the {words} to {_short(new)}"
    return f"Changed the {words} from {_short(e.old_value)} to {_short(new)}"


def _cancelled(entries: Sequence[AuditEntry]) -> set[int]:
    """The invoices an action cancelled (by ``id``): a review's partner shares with an invoice number deleted where the
    same action bills its partners again (Bill again with another split…, a billed cost corrected, or an undo of
    one)."""
    billed = {(_json_values(e.new_value) or {}).get("case_id") for e in entries
              if e.table_name == "dhr_shares" and e.action == "insert"}
    out = set()
    for e in entries:
        values = _json_values(e.old_value) or {} if e.table_name == "dhr_shares" and e.action == "delete" else {}
        if values.get("invoice_ref") and values.get("case_id") in billed:
            out.add(id(e))
    return out


def _police_words(summary: dict[str, Any]) -> list[str]:
    """A police.uk import's months and the force-months it replaced, as its summary says them ("Months: Jan 2025 to
    Mar 2025"; "Replaced Suffolk Constabulary Feb 2025, imported before"); nothing for a batch that records neither."""
    lines = []
    months = [period_words(m) for m in summary.get("months") or () if isinstance(m, str)]
    if months:
        lines.append("Months: " + (in_words(months) if len(months) <= 3 else f"{months[0]} to {months[-1]} "
                                                                                f"({len(months)} months)"))
    replaced = [f"{force} {period_words(month)}" for force, month in summary.get("replaced") or ()]
    if replaced:
        shown = replaced if len(replaced) <= 3 else [*replaced[:3], f"{len(replaced) - 3} more"]
        lines.append(f"Replaced {in_words(shown)}, imported before (never added twice)")
    changed = [c for c in summary.get("changed") or () if isinstance(c, list) and len(c) == 5]
    if changed:  # what each month replaced changed (a correction police.uk published), the first three said
        from safer_desk.services.police_import import counts_changed_words

        lines += [counts_changed_words(f"{force} {period_words(month)}", figures, types, more)
                  for force, month, figures, more, types in changed[:3]]
        if len(changed) > 3:
            lines.append(f"… and {counted(len(changed) - 3, 'more month')} replaced")
    return lines


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _without_id(text: Any) -> Any:
    values = _json_values(text)
    if values is None:
        return text
    values.pop("id", None)
    return json.dumps(values, sort_keys=True)


# Rows a save writes again under a new id, known by what they are of: an award's years (one per award and year), so
# a year's amount corrected is said as that ("Changed the amount of award year 2019/20 of …"), not as the year
# deleted and added.
ROW_KEYS = {"funding_award_years": ("award_id", "financial_year")}


def _row_key(e: AuditEntry) -> tuple | None:
    """What tells the row apart besides its id, as (table, values): its id, or its key columns (ROW_KEYS)."""
    if e.table_name not in ROW_KEYS:
        return None if e.row_id is None else (e.table_name, e.row_id)
    values = _json_values(e.new_value if e.action == "insert" else e.old_value) or {}
    key = tuple(values.get(c) for c in ROW_KEYS[e.table_name])
    return None if None in key else (e.table_name, key)


def _rewritten_as_changes(entries: Sequence[AuditEntry]) -> list[AuditEntry]:
    """A row deleted and written back under its own id (or its key, ROW_KEYS) in one action (an undo that puts a
    fund's contributions or a referral's spend lines back whole, an award's years saved) said as the changes of its
    columns, in place of the delete; the same row written back unchanged is no change at all."""
    inserts: dict[tuple, list[int]] = {}
    for i, e in enumerate(entries):
        key = _row_key(e) if e.action == "insert" else None
        if key is not None:
            inserts.setdefault(key, []).append(i)
    out: list[AuditEntry] = []
    paired: set[int] = set()
    for i, e in enumerate(entries):
        if i in paired:
            continue
        key = _row_key(e) if e.action == "delete" else None
        later = [j for j in inserts.get(key, ()) if j > i and j not in paired] if key is not None else []
        old = _json_values(e.old_value) if later else None
        new = _json_values(entries[later[0]].new_value) if old is not None else None
        if new is None:
            out.append(e)
            continue
        paired.add(later[0])
        row_id = entries[later[0]].row_id  # the row as written back (as the file now has it)
        out.extend(AuditEntry(e.at, e.who, e.table_name, row_id, "update", column, old.get(column), new.get(column))
                   for column in dict.fromkeys([*old, *new]) if column != "id" and old.get(column) != new.get(column))
    return out


def net_entries(entries: Sequence[AuditEntry]) -> list[AuditEntry]:
    """The entries less the rows a save deleted and wrote back unchanged (a project's officers, rewritten
    on every save): what a person would call a change."""
    entries = _rewritten_as_changes(entries)
    deletes: dict[tuple[str, Any], list[int]] = {}
    for i, e in enumerate(entries):
        if e.action == "delete":
            deletes.setdefault((e.table_name, _without_id(e.old_value)), []).append(i)
    dropped: set[int] = set()
    for i, e in enumerate(entries):
        if e.action == "insert":
            waiting = deletes.get((e.table_name, _without_id(e.new_value)))
            if waiting:
                dropped.add(waiting.pop(0))
                dropped.add(i)
    return [e for i, e in enumerate(entries) if i not in dropped]


COST = "cost"  # a project's stated cost: cost_kind, cost_min_pence and cost_max_pence said as one


def costs_as_one(entries: Sequence[AuditEntry], state: dict[str, dict], namer: "Namer") -> list[AuditEntry]:
    """One action's entries with each project's cost columns said as one change of its cost ("£29,000 to
    £30,000", "£26,000 to £20,000 - £26,000"). Actions are read newest first: ``state`` holds each project's cost
    columns as they stood after the action being read (the row as it is now before the newest), and is moved back
    to before it; the columns the action changed are said as it wrote them."""
    changed: dict[str, list[AuditEntry]] = {}
    for e in entries:
        if e.table_name == "projects" and e.action == "update" and e.column_name in COST_COLUMNS:
            changed.setdefault(str(e.row_id), []).append(e)
    out: list[AuditEntry] = []
    said: set[str] = set()
    for e in entries:
        row = str(e.row_id)
        if e.table_name == "projects" and e.action == "delete":
            state[row] = {c: (_json_values(e.old_value) or {}).get(c) for c in COST_COLUMNS}
        if (e.table_name != "projects" or row not in changed or e.action != "update"
                or e.column_name not in COST_COLUMNS):
            out.append(e)
            continue
        if row in said:
            continue  # said with the first of its row's cost entries
        said.add(row)
        group = changed[row]
        fact = namer.facts.get(("projects", row))
        after = dict(state.get(row) or {c: (fact.values.get(c) if fact else None) for c in COST_COLUMNS})
        for g in group:  # what the action wrote, not what a merge (one batch entry, no row values) wrote since
            after[g.column_name or ""] = g.new_value
        before = dict(after)
        for g in reversed(group):  # the first change of a column in the action holds its value before it
            before[g.column_name or ""] = g.old_value
        state[row] = before
        out.append(AuditEntry(e.at, e.who, "projects", e.row_id, "update", COST, stated_cost_words(before),
                              stated_cost_words(after)))
    return out


SCALE_COLUMNS = ("scale_numerator", "scale_denominator", "scale_in_months", "scale_amount_pence")  # a scale, stored


def _scale_words(values: Mapping[str, Any]) -> str | None:
    """A scenario project's scale as the Commissioning page shows it ("1/3", "6 of 12 months"; None: not known)."""
    try:
        amount = values.get("scale_amount_pence")
        return Scale(int(values["scale_numerator"]), int(values["scale_denominator"]),
                     bool(values.get("scale_in_months")), None if amount is None else int(amount)).describe()
    except (KeyError, TypeError, ValueError, ProjectError):
        return None


def _cost_as_one(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """An added project's values with its cost said once as the register says it ("cost £54,372 - £62,372"), in the
    place of its three stored columns ("cost kind range; lowest cost …; highest cost …"), as a change of it is."""
    if table != "projects" or values.get("cost_kind") is None:
        return values
    out: dict[str, Any] = {}
    for k, v in values.items():
        if k == "cost_kind":
            out[COST] = stated_cost_words(values)
        elif k not in COST_COLUMNS:
            out[k] = v
    return out


def _scale_as_one(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """An added scenario project's values with its scale said as one ("scale 1/3", not its numerator and
    denominator apart)."""
    scale = _scale_words(values) if table == "scenario_items" else None
    if scale is None:
        return values
    out = {k: v for k, v in values.items() if k not in SCALE_COLUMNS}
    out["scale"] = scale
    return out


def scales_as_one(entries: Sequence[AuditEntry], namer: "Namer") -> list[AuditEntry]:
    """One action's entries with each scenario project's scale changes said as one change of its scale ("from 1/3 to
    2/3"), the columns it did not change as the row holds them."""
    changed: dict[str, list[AuditEntry]] = {}
    for e in entries:
        if e.table_name == "scenario_items" and e.action == "update" and e.column_name in SCALE_COLUMNS:
            changed.setdefault(str(e.row_id), []).append(e)
    out: list[AuditEntry] = []
    for e in entries:
        group = changed.get(str(e.row_id)) if e.table_name == "scenario_items" else None
        if not group or e not in group:
            out.append(e)
            continue
        if e is not group[0]:
            continue
        fact = namer.facts.get(("scenario_items", str(e.row_id)))
        after = {c: (fact.values.get(c) if fact else None) for c in SCALE_COLUMNS}
        after.update({g.column_name: g.new_value for g in group})
        before = {**after, **{g.column_name: g.old_value for g in reversed(group)}}
        old, new = _scale_words(before), _scale_words(after)
        if old is None or new is None:
            out.extend(group)
        else:
            out.append(AuditEntry(e.at, e.who, e.table_name, e.row_id, "update", "scale", old, new))
    return out


def _tables_in_order(entries: Iterable[AuditEntry]) -> list[str]:
    return list(dict.fromkeys(e.table_name for e in entries))


def _areas_of(e: AuditEntry) -> list[str]:
    """Where in the window an entry belongs: an import or a merge (one batch entry) to the file and to the areas of
    the tables it wrote, so the Indicators filter finds the police.uk import that added its figures."""
    if e.action == "batch":
        rows = (_json_values(e.new_value) or {}).get("rows")
        return [FILE, *(area_of(table) for table in (rows if isinstance(rows, dict) else {}))]
    return [FILE if e.action == "event" else area_of(e.table_name)]


def history_lines(store, *, limit: int = 500, tz: tzinfo | None = None) -> list[HistoryLine]:
    """The most recent user actions, newest first, in words (each with its victim-level detail left out beside it,
    for an export)."""
    from safer_desk.exchange.county_export import CASE_NOTES

    actions = service.actions(store, limit=limit)
    namer = Namer(store, (e for a in actions for e in a.entries), tz)
    describe = Describer(namer)
    minimise = VictimLevel(namer, describe, set(CASE_NOTES), (e for a in actions for e in a.entries))
    out = []
    costs: dict[str, dict] = {}  # each project's cost columns as they stood after the action being read
    for a in actions:
        moment = local_time(a.at, tz)
        entries = scales_as_one(costs_as_one(net_entries(a.entries), costs, namer), namer)
        areas = {area for e in a.entries for area in _areas_of(e)}
        line = HistoryLine(at=moment, when=when_text(moment), who=a.who, action=describe.name(a),
                           summary=describe.summary(entries), areas=tuple(x for x in AREAS if x in areas),
                           details=tuple(describe.details(entries)), entries=len(a.entries))
        out.append(minimise.line(line, entries))
    return out


# Victim-level detail (DESIGN §3, §5: exports minimise by default, as the county export does): the target-hardening
# tables' rows (a referral's pseudonymous reference, district and date, each spend line of it), the example's marks
# of them, and the reviews' case and panel-meeting notes (exchange.county_export.CASE_NOTES: the trail keeps them
# word for word, dhr_cases being no victim-level table). The window shows it all; an export leaves it out unless asked.
LEFT_OUT = "victim-level detail left out"


class VictimLevel:
    """Says an action again without its victim-level detail (``HistoryLine.shared``)."""

    def __init__(self, namer: Namer, describe: Describer, notes: set[tuple[str, str]],
                 entries: Iterable[AuditEntry] = ()):
        from safer_desk.exchange.county_conflicts import DECISIONS_TABLE, NOUNS
        from safer_desk.storage.schema.costs import PRIVATE_TABLES

        self.n, self.describe, self.notes, self.private = namer, describe, notes, set(PRIVATE_TABLES)
        self.decisions = DECISIONS_TABLE
        # A conflict's words name a referral (or a spend line) as "Referral 'TH-2018-001'": the quoted words.
        self.quoted = re.compile("(?:" + "|".join(re.escape(NOUNS[t]) for t in sorted(self.private)) + ") '([^']+)'")
        # Every reference each referral had in the actions read: a spend line added before its referral's reference
        # was corrected is named in its action by the reference it had then.
        self.had: dict[str, set[str]] = {}
        for e in entries:
            if e.table_name != "fund_referrals":
                continue
            values = _json_values(e.new_value if e.action == "insert" else e.old_value) or {}
            found = [values.get("reference")] if e.action != "update" else \
                [e.old_value, e.new_value] if e.column_name == "reference" else []
            self.had.setdefault(str(e.row_id), set()).update(str(r) for r in found if r not in (None, ""))

    def _private(self, e: AuditEntry) -> bool:
        return self._about(e) in self.private

    def _about(self, e: AuditEntry) -> str:
        """The table an entry is about: its own, or for an example's mark the marked row's, and for a county lead's
        decision on a conflict the table of the row decided on (its words name a referral by its reference, and
        say its district, as the conflict did)."""
        if e.table_name == "illustrative_marks" and e.action in ("insert", "delete"):
            values = _json_values(e.new_value if e.action == "insert" else e.old_value) or {}
            return str(values.get("table_name"))
        if e.table_name == self.decisions and e.action == "event":
            return str((_json_values(e.new_value) or {}).get("table"))
        return e.table_name

    def _private_values(self, entries: Sequence[AuditEntry]) -> Iterator[tuple[AuditEntry, dict]]:
        """Each victim-level entry of an action with its row's values: as written or removed, and as known from the
        trail's other entries for the row."""
        for e in entries:
            if not self._private(e):
                continue
            values = dict(_json_values(e.new_value if e.action == "insert" else e.old_value) or {})
            fact = self.n.facts.get((e.table_name, str(e.row_id)))
            for key, value in (fact.values.items() if fact else ()):
                values.setdefault(key, value)
            yield e, values

    def _references(self, entries: Sequence[AuditEntry]) -> list[str]:
        """The pseudonymous references the action's victim-level rows had (to leave out of its name)."""
        out: list[str] = []
        for e, values in self._private_values(entries):
            if e.table_name == self.decisions:  # the row decided on, as the conflict's words named it
                said = str((_json_values(e.new_value) or {}).get("conflict") or "")
                out += [q for q in self.quoted.findall(said) if q not in out]
                continue
            if e.table_name == "illustrative_marks":
                values = {"referral_id": _mark_row_id(values.get("row_id"))}
            referral_id = str(e.row_id if e.table_name == "fund_referrals" else values.get("referral_id"))
            referral = self.n.facts.get(("fund_referrals", referral_id))
            found = [values.get("reference"), referral.values.get("reference") if referral else None,
                     *sorted(self.had.get(referral_id, ()))]
            if e.action == "update" and e.column_name == "reference":
                found += [e.old_value, e.new_value]
            out += [str(r) for r in found if r not in (None, "") and str(r) not in out]
        return sorted(out, key=len, reverse=True)  # "TH-1" after "TH-10"

    def _amounts(self, entries: Sequence[AuditEntry]) -> list[str]:
        """The amounts of the action's victim-level rows as an action's name says them ("Delete Door chain (£25) for
        TH-2026-099 …": the spend on one victim), to leave out of its name."""
        pence: set[int] = set()
        for e, values in self._private_values(entries):
            if e.action == "update" and str(e.column_name).endswith("_pence"):
                values.update({"old_pence": e.old_value, "new_pence": e.new_value})
            pence.update(int(v) for k, v in values.items() if k.endswith("_pence") and _is_whole(v))
        said = {text for p in pence for text in (format_money(p), format_money(p, show_pence=True))}
        return sorted(said, key=len, reverse=True)

    def _scrubbed(self, e: AuditEntry) -> AuditEntry | None:
        """A review's entry with its notes left out (None: not one that holds notes)."""
        if e.action == "update" and (e.table_name, e.column_name) in self.notes:
            return AuditEntry(e.at, e.who, e.table_name, e.row_id, e.action, e.column_name, None, None)
        columns = [c for t, c in self.notes if t == e.table_name]
        values = _json_values(e.new_value if e.action == "insert" else e.old_value) if columns else None
        if values is None or not any(values.get(c) for c in columns):
            return None
        kept = json.dumps({k: v for k, v in values.items() if k not in columns})
        return AuditEntry(e.at, e.who, e.table_name, e.row_id, e.action, e.column_name,
                          kept if e.action == "delete" else e.old_value, kept if e.action == "insert" else e.new_value)

    def line(self, line: HistoryLine, entries: Sequence[AuditEntry]) -> HistoryLine:
        private = [e for e in entries if self._private(e)]
        scrubbed = {id(e): self._scrubbed(e) for e in entries}
        notes = sum(1 for x in scrubbed.values() if x is not None)
        if not private and not notes:
            return line
        kept = [scrubbed[id(e)] or e for e in entries if not self._private(e)]
        marked = {self.describe.details([x])[0] for x in scrubbed.values() if x is not None}
        details = [f"{d} ({LEFT_OUT})" if d in marked else d for d in self.describe.details(kept)]
        tables = in_words([noun(t, 2) for t in dict.fromkeys(self._about(e) for e in private
                                                              if e.table_name != "illustrative_marks")]
                          or ["illustrative marks"])
        left = f"{counted(len(private), 'change')} to {tables} ({LEFT_OUT})" if private else ""
        summary = self.describe.summary(kept) if kept else ""
        if notes and LEFT_OUT not in summary:
            summary += f" ({LEFT_OUT})"
        summary = "; ".join(x for x in (summary, _capital(left) if not summary else left) if x)
        action = line.action
        decided = self.quoted.search(action) if any(e.table_name == self.decisions for e in private) else None
        if decided is not None:  # "Keep the county's version: Referral 'TH-2018-001': district Babergh at …"
            action = f"{action[:decided.start()]}{action[decided.start():decided.start(1) - 2]} ({LEFT_OUT})"
        elif private:
            action = _victim_changes_unsaid(action)
        for pseudonym in self._references(entries):
            action = action.replace(pseudonym, "(reference left out)")
        for amount in self._amounts(entries):  # "£25", not "£250" or "£25.40"; "(£25)" as "(amount left out)"
            whole = re.escape(amount) + r"(?![\d,]|\.\d)"
            action = re.sub(whole, "(amount left out)", re.sub(r"(?<=\()" + whole, "amount left out", action))
        shared = replace(line, action=action, summary=summary,
                         details=tuple(details + ([_capital(left)] if left else [])))
        return replace(line, victim_level=len(private) + notes, shared=shared)


# The fields a correction of a referral or of a spend line names in its action's name, each with what it became
# ("Change referral TH-2018-001 in …: district Babergh, referred on 05/04/2018, at MARAC no": presenters.funds
# _REFERRAL_CHANGE_WORDS; "…: date 10/04/2018, supplier changed": services.funds.spend_line_changes). One victim's
# district, dates and answers: shared, the name says which fields changed, not what they became.
_VICTIM_FIELDS = ("reference", "district", "referred on", "risk level", "at MARAC", "IDVA assigned",
                  "perpetrator lives at the address", "reason to accept",
                  "date", "item", "amount", "supplier", "invoice")
_FIELD = "|".join(re.escape(f) for f in sorted(_VICTIM_FIELDS, key=len, reverse=True))
# The name of a correction, as Edit > Undo and Redo say it too ("Undo change referral …"): never a fund's or an item's
# name with a colon in it ("Delete fund Pilot: district scheme").
_CHANGES = re.compile(rf"^(?:(?:Undo|Redo) )?[Cc]hange (?:referral|the spend line) .*?: ((?:{_FIELD}) .*)$", re.DOTALL)
_EACH_FIELD = re.compile(rf"(?:^|, )({_FIELD}) ")


def _victim_changes_unsaid(action: str) -> str:
    """A victim-level action's name with the changes it lists said by field alone: "…: district and referred on
    changed (victim-level detail left out)"."""
    found = _CHANGES.search(action)
    if found is None:
        return action
    fields = list(dict.fromkeys(_EACH_FIELD.findall(found.group(1))))
    return f"{action[:found.start(1) - 2]}: {in_words(fields)} changed ({LEFT_OUT})"


def _is_whole(value: Any) -> bool:
    """An audit value that is a whole number of pence (as stored: an int, or its digits as text)."""
    return isinstance(value, int) and not isinstance(value, bool) or isinstance(value, str) and bool(
        re.fullmatch(r"-?\d+", value))


def filter_predicate(area: str = "", text: str = "", since: date | None = None,
                     until: date | None = None) -> Callable[[HistoryLine], bool] | None:
    """Which lines the History window's filters keep (None when nothing filters)."""
    words = as_typed(folded(text or "")).split()  # "pastors" finds “pastors” as the papers write it, and back
    if not (area or words or since or until):
        return None
    # "(6,957)", a negative amount as the papers write it, finds -£6,957 as the history says it
    plain_words = [(w, _BRACKETED.sub(r"-\1", _plain_amounts(w))) for w in words]
    # 01/04/2019, as the tabs and date fields show it, finds "1 Apr 2019" as the history says it
    as_said = {w: day_text(d).casefold() for w in words if (d := _typed_date(w)) is not None}
    # 2020-21 or 2020-2021, as the papers and the year fields take it, finds "2020/21" as the history says a year
    as_said.update({w: year.casefold() for w in words if (year := FinancialYear.label_of_word(w)) is not None})

    def accept(line: HistoryLine) -> bool:
        if area and area not in line.areas:
            return False
        if since and line.day < since:
            return False
        if until and line.day > until:
            return False
        haystack = as_typed(line.search_text)
        missing = [plain_w for w, plain_w in plain_words if w not in haystack and as_said.get(w, w) not in haystack]
        if not missing:
            return True
        plain = _plain_amounts(haystack)  # only for a word not found as typed: the line's amounts without £ and commas
        return all(plain_w and plain_w in plain for plain_w in missing)

    return accept


def dates_note(since_text: str, until_text: str) -> str:
    """What the window says after its count of a From or To typed that does not filter as it reads: a day that does
    not exist ("31/02/2026" left every line shown, as though filtered), a From after the To (no line, no reason);
    "" when the dates filter as typed."""
    days: dict[str, date] = {}
    for word, text in (("From", since_text), ("To", until_text)):
        text = " ".join((text or "").split())
        if not text:
            continue
        try:
            days[word] = parse_uk_date(text)
        except (PeriodError, ValueError):
            return f"{word} “{text}” is not a date (type it as 01/04/2026): the lines are not filtered by it."
    if len(days) == 2 and days["From"] > days["To"]:
        return f"From {format_uk_date(days['From'])} is after To {format_uk_date(days['To'])}: no day is in between."
    return ""


def _typed_date(word: str) -> date | None:
    """A word typed as a date in figures (01/04/2019, 1/4/19), or None."""
    if not re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", word):
        return None
    try:
        return parse_uk_date(word)
    except ValueError:
        return None


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_BRACKETED = re.compile(r"\((\d[\d.]*)\)")


def _plain_amounts(text: str) -> str:
    """Amounts without their pound sign and thousands commas, so "7525.58" finds "£7,525.58" (as amounts are typed
    in the tabs)."""
    return _THOUSANDS.sub("", text.replace("£", ""))


HEADER = ("When", "Who", "Action", "What changed", "Area", "Detail")


def export(target: Path | str, lines: Sequence[HistoryLine], *, said: str = "", victim_level: bool = False) -> Path:
    """The lines shown, as a workbook or CSV (one row per action, its detail one change per line; the time a date
    and time Excel sorts as one). ``said`` ("7 of 14 actions (as filtered: …)") gives the workbook a title when a
    filter left actions out (a CSV's first row stays the headings). The victim-level detail is left out, and said in
    each action it is left out of and in the workbook's title, unless ``victim_level`` asks for it (the title then
    says it is included)."""
    from safer_desk.exchange.files import Sheet
    from safer_desk.exchange.tables import write_table

    written = [line if victim_level or line.shared is None else line.shared for line in lines]
    cell = _in_a_cell if Path(target).suffix.lower() == ".xlsx" else "\n".join
    rows = [[line.at, line.who, line.action, line.summary, line.area, cell(line.details)] for line in written]
    private = victim_level_count(lines)
    which = f"victim-level detail {'included' if victim_level else 'left out'} in {counted(private, 'action')}"
    said = "; ".join(x for x in (said, which if private else "") if x)
    title = f"History of changes: {said}" if said else None
    return write_table(target, [Sheet("History of changes", HEADER, rows, title=title)])


EXCEL_CELL = 32_767  # the most characters an Excel cell holds; the writer cut the rest off mid-word, unsaid


def _in_a_cell(details: Sequence[str]) -> str:
    """An action's changes, one per line, as many whole ones as a workbook's cell holds and the number left out."""
    text = "\n".join(details)
    if len(text) <= EXCEL_CELL:
        return text
    kept, size = [], 0
    for detail in details:
        if size + len(detail) + 1 > EXCEL_CELL - 200:  # room for the line that says what is missing
            break
        kept.append(detail)
        size += len(detail) + 1
    left = len(details) - len(kept)
    return "\n".join([*kept, f"… and {counted(left, 'more change')}: an Excel cell holds {EXCEL_CELL:,} characters; "
                                "export as CSV for every change"])


def finds_by_victim_level(typed: Sequence[str], lines: Sequence[HistoryLine]) -> bool:
    """Whether a filter typed (the search, a column's filter) finds one of the lines by its victim-level detail alone
    (a referral's reference, a spend on one victim): an export leaving that detail out leaves the filter's words out
    of its title too."""
    for text in typed:
        accept = filter_predicate(text=text)
        if accept is not None and any(line.shared is not None and accept(line) and not accept(line.shared)
                                      for line in lines):
            return True
    return False


COPIED = ("when", "who", "area", "action", "summary")  # the table's columns, as their cells are copied


def copied_rows(lines: Sequence[HistoryLine], *, victim_level: bool = False,
                columns: Sequence[str] = COPIED) -> list[list[str]]:
    """The lines as the table's Copy gives them (``columns`` of ``COPIED``), each with its victim-level detail left
    out, as an export leaves it out, unless ``victim_level`` asks for it: the clipboard leaves the file as a
    workbook does."""
    written = [line if victim_level or line.shared is None else line.shared for line in lines]
    return [[str(getattr(line, column)) for column in columns] for line in written]


def victim_level_count(lines: Sequence[HistoryLine]) -> int:
    """How many of the lines hold victim-level detail (an export leaves it out unless asked)."""
    return sum(1 for line in lines if line.victim_level)


def trail_warning(problems: Sequence[service.TrailProblem], tz: tzinfo | None = None) -> str:
    """The trail's problems as a warning for whoever relies on it (an auditor, the county lead): what was changed
    and when, and what to do; "" for none. Said as ``safer-desk check`` finds them, in the window's words."""
    if not problems:
        return ""

    def when(at: str | None) -> str:
        try:
            return when_text(local_time(at, tz)) if at else ""
        except ValueError:
            return ""

    said = []
    for p in problems:
        if p.kind == "triggers":
            said.append("the safeguards that record each change were switched off or altered, so changes may have "
                        "gone unrecorded")
        elif p.kind == "moved":
            said.append(f"changes recorded {when(p.at)} were put in another order".replace("  ", " "))
        elif p.kind == "edited":
            what = f"a change to {noun(p.table_name, 2)}" if p.table_name else "a change"
            said.append(f"{what} recorded {when(p.at)} was altered after it was recorded".replace("  ", " "))
        elif p.missing:
            span = (f"before {when(p.at)}" if not p.before_at else f"at {when(p.at)}"
                    if when(p.before_at) == when(p.at) else f"between {when(p.before_at)} and {when(p.at)}")
            said.append(f"{counted(p.missing, 'change')} recorded {span} {'was' if p.missing == 1 else 'were'} "
                        "removed")
        else:
            said.append(f"a change recorded before {when(p.at)} was removed or replaced")
    said = list(dict.fromkeys(said))  # one order changed reads once, not once per entry moved
    more = len(said) - 3
    listed = "; ".join(said[:3] + ([f"and {counted(more, 'more problem')}"] if more > 0 else []))
    return (f"This history was changed outside Safer Desk: {listed}. What it shows may not be what was done. Keep the "
            "file as it is and tell the county lead; safer-desk check on this file lists what was found.")


def _last_entry(store) -> int:
    """The number of the trail's last entry (how many it holds, without counting the whole table)."""
    return int(store.scalar("SELECT coalesce(max(id), 0) FROM audit_log") or 0)


class HistoryPresenter:
    """The History window's state: the lines read once, the filters, the line selected."""

    def __init__(self, store, *, tz: tzinfo | None = None, limit: int | None = 500):
        self.store = store
        self.tz = tz
        self.limit = limit  # None: every action of the trail (Show older actions)
        self.lines: list[HistoryLine] = []
        self.warning = ""  # the trail changed outside Safer Desk, in words ("" when it is whole)

    def load(self) -> list[HistoryLine]:
        if self.store is None:
            return self.use([])
        return self.use(self.read(self.store), self.trail_warning(self.store))

    def read(self, store) -> list[HistoryLine]:
        """The lines of ``store`` (another connection to the file, on a worker thread), not yet shown."""
        limit = self.limit if self.limit is not None else max(_last_entry(store), 1)  # no more actions than entries
        return history_lines(store, limit=limit, tz=self.tz)

    def show_all(self) -> None:
        """Read every action from now on, not only the most recent: the search, the dates and Export… then reach
        the whole trail (an auditor's change of last year)."""
        self.limit = None

    def use(self, lines: list[HistoryLine], warning: str = "") -> list[HistoryLine]:
        self.lines = lines
        self.warning = warning
        return lines

    def trail_warning(self, store) -> str:
        """What the window says above the lines of a trail changed outside Safer Desk ("" when it is whole)."""
        return trail_warning(service.trail_problems(store), self.tz)

    def entry_count(self) -> int:
        """How many entries the file's trail holds (its last entry's number: no count of the whole table)."""
        return _last_entry(self.store) if self.store else 0

    @property
    def maybe_more(self) -> bool:
        return self.limit is not None and len(self.lines) >= self.limit

    def count_text(self, shown: int) -> str:
        more = (f" (the {self.limit:,} most recent actions; older ones are in the file)" if self.maybe_more else "")
        if shown == len(self.lines):
            return f"{shown:,} action{'s' if shown != 1 else ''}{more}"
        if not shown:  # as the table's empty grid says it (a filter hiding every line): never "0 of 15 actions"
            return shown_total_label(0, len(self.lines), "action") + more
        return f"{shown:,} of {len(self.lines):,} actions{more}"

    def detail_text(self, line: HistoryLine | None, shown: int | None = None) -> str:
        """The chosen action's changes, one per line; with none chosen, what to do (``shown``: how many lines the
        filters leave listed): a new file's history has no line to choose, a search may find none."""
        if line is None:
            if not self.lines:
                return ("Nothing has been changed in this file yet: each change, undo and redo is listed here as it "
                        "is made.")
            if shown == 0:
                older = " (Show older actions looks in the older ones too)" if self.maybe_more else ""
                return f"No action matches the area, search and dates chosen{older}."
            return "Choose a line to see each change it made."
        head = f"{line.action} — {line.when}, {line.who}"
        return head + "\n" + "\n".join(f"• {d}" for d in line.details)

    def detail_copied(self, line: HistoryLine | None, selected: str, *, victim_level: bool = False) -> str:
        """What Copy in the detail pane gives: the text selected, unless the action holds victim-level detail and
        ``victim_level`` does not ask for it; then the action's changes with that detail left out and saying so, as
        the table's Copy gives them (any part of the full text selected could hold the words left out)."""
        if line is None or line.shared is None or victim_level:
            return selected
        return self.detail_text(line.shared)

    export = staticmethod(export)
    copied_rows = staticmethod(copied_rows)
    victim_level_count = staticmethod(victim_level_count)
    finds_by_victim_level = staticmethod(finds_by_victim_level)
    filter_predicate = staticmethod(filter_predicate)
    dates_note = staticmethod(dates_note)
