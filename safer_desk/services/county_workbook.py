"""The views of the county workbook (exchange.county_workbook), worked out from the staged export.

One sheet per view, like the tabs and the board report: the register (with funders' shares), commissioning
scenarios, the funders' awards they are against, allocations with totals, DHR reviews and who owes what,
pooled-fund spend per district and month, indicators by area and month with targets and RAG, and the budgets
and plans as their papers state them.
Names and references, never ids; money as int pence (the writer shows pounds); dates as dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Sequence

from safer_desk.domain.dhr import SUSR, timescales_words, welsh_name_words
from safer_desk.domain.money import format_money
from safer_desk.domain.periods import FinancialYear, Month
from safer_desk.domain.projects import CRITERIA, CRITERIA_KEYS
from safer_desk.exchange.county_workbook import Block, Column, Number, WorkbookSheet
from safer_desk.storage.store import Store

if TYPE_CHECKING:
    from safer_desk.services.provenance import RowOrigins


def workbook_views(store: Store, progress=lambda d, t, m="": None, cancelled=lambda: False,
                   *, today: date | None = None, origins: "Origins | None" = None,
                   scope: "WorkbookScope | None" = None) -> list[WorkbookSheet]:
    """Every view's sheet, in the order of the tabs (empty views are left out).

    origins: in a county file, the office each merged row came from (``merged_origins`` of the county file: the
    staged export the views read keeps no bookkeeping); the register, scenarios, awards, allocations, top-slices,
    reviews, partners' shares of them, funds, their spend, figures and plans then say it.
    scope: in a county file, the projects, commissioning scenarios, awards and plans of its areas (``county_scope`` of
    the county file, for the same reason); None: every row."""
    from safer_desk.exchange.county_schema import check_cancelled

    today = today or date.today()
    o = origins or {}
    k = scope or EVERY_ROW

    def referrals(s: Store) -> WorkbookSheet | None:
        return referrals_sheet(s, o)

    builders = [lambda s: register_sheet(s, o, k), lambda s: scenarios_sheet(s, k, o),
                lambda s: awards_sheet(s, k, o), lambda s: allocation_sheet(s, o), lambda s: top_slice_sheet(s, o),
                lambda s: dhr_sheet(s, today, o), lambda s: dhr_partners_sheet(s, today, o),
                lambda s: funds_sheet(s, today, o), lambda s: fund_sheet(s, today, o), referrals,
                lambda s: indicator_summary_sheet(s, o),
                lambda s: indicators_sheet(s, o), lambda s: budgets_sheet(s, k, o)]
    sheets = []
    for i, build in enumerate(builders):
        check_cancelled(cancelled)
        sheet = build(store)
        # (saved allocations none of which can be worked out still have their sheet, saying so; so do referrals
        # asked for where the file holds none)
        if sheet is not None and (sheet.row_count or sheet.name == "Allocation" or build is referrals):
            sheets.append(sheet)
        progress(i + 1, len(builders), "Working out the workbook's views…")
    return sheets


def _uk(day: str | None) -> date | None:
    return date.fromisoformat(day[:10]) if day else None


# -- projects ----------------------------------------------------------------------------------------------
def funders_shares_text(project) -> str:
    """The project's funders' shares as the editor's Funding sources take them ("Devon and Cornwall PCC (2017/18):
    £110,000; …"): each with its financial year (two years' shares were alike), pasted back as typed. The cost has
    columns of its own."""
    from safer_desk.services.funders import shares_text

    return shares_text(project, with_cost=False)


Origins = dict[str, dict[str, str]]  # table -> row key -> the office it came from, in words
MERGED_FROM = "Merged from"
DERIVED_SOURCE = "Added up from its districts'"
TYPED_AT_COUNTY = "Typed in the county file"


def merged_origins(store: Store, tables: tuple[str, ...] = ("projects", "dhr_cases", "funds", "indicator_values",
                                                          "budget_plans", "commissioning_scenarios", "funding_awards",
                                                          "allocation_scenarios", "allocation_top_slices")) -> Origins:
    """In a county file, the office each merged row of the workbook's sheets came from, by table and row key (a
    row several offices sent alike names them all); {} for an office's own file (nothing merged into it).
    ``tables``: only these (the window's register reads its own, not every indicator figure's)."""
    from safer_desk.exchange.county_merge import latest_office_name
    from safer_desk.services.example_rows import example_only_offices
    from safer_desk.services.provenance import EXAMPLE_DATA, SEVERAL_OFFICES, merged_into
    from safer_desk.storage.schema.exchange import HOLDERS_TABLE, PROVENANCE_TABLE

    if not merged_into(store):
        return {}
    names: dict[str, str] = {}

    def name(office_id: str, given: str) -> str:  # an office renamed since is called what it is called now
        if office_id not in names:
            names[office_id] = latest_office_name(store.conn, office_id) or given
        return names[office_id]

    # Offices that sent only their copy of the example, unchanged, are not named as where a row came from: a row only
    # they hold is "Example data" ("Merged from 4 offices" counted three that had only looked around the example).
    example_only = example_only_offices(store)
    holders: dict[tuple[str, str], list[str]] = {}
    if store.scalar("SELECT 1 FROM sqlite_master WHERE name = ?", (HOLDERS_TABLE,)):
        for table, key, office_id in store.rows(
                f"SELECT table_name, row_key, office_id FROM {HOLDERS_TABLE} WHERE table_name IN "
                f"({','.join('?' * len(tables))})", tables):
            holders.setdefault((table, key), []).append(office_id)
    out: Origins = {t: {} for t in tables}
    for table, key, office_id, office_name, shared in store.rows(
            f"SELECT table_name, row_key, office_id, office_name, shared FROM {PROVENANCE_TABLE} "
            f"WHERE table_name IN ({','.join('?' * len(tables))})", tables):
        if shared:
            ids = holders.get((table, key), [])
            held = sorted((name(i, i) for i in ids if i not in example_only), key=str.casefold)
            out[table][key] = ", ".join(held) if held else EXAMPLE_DATA if ids else SEVERAL_OFFICES
        else:
            out[table][key] = EXAMPLE_DATA if office_id in example_only else name(office_id, office_name)
    return out


def _merged_from(origins: Origins, table: str, key: str) -> str:
    return origins.get(table, {}).get(key, TYPED_AT_COUNTY)


def fund_names(store: Store, origins: Origins | None = None) -> dict[str, str]:
    """Each fund's name by id as the window and the board report say it (``funds.Fund.name_said``): in a county file
    where two offices' names read alike, each with its office ("Sanctuary fund (merged from Babergh office)"); its
    name alone otherwise. The staged export the sheets read keeps no note of where a fund came from: ``origins`` says
    it (the county file's ``merged_origins``; {} for an office's own file)."""
    from safer_desk.services.funds import fund_names_said
    from safer_desk.services.provenance import FUNDS, RowOrigins

    said = fund_names_said(store, RowOrigins(origins.get(FUNDS, {}), True, TYPED_AT_COUNTY) if origins else None)
    return {r["id"]: said.get(r["id"], r["name"]) for r in store.rows("SELECT id, name FROM funds")}


# -- the county's areas --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WorkbookScope:
    """The register's projects, the commissioning scenarios, the awards and the plans a county file's workbook shows:
    those its board report of all its areas shows (ids; None: every row, as in an office's own file), and the Contents
    sheet's words for the rest (``left_out``: "" when nothing was left out)."""

    projects: frozenset[str] | None = None
    awards: frozenset[str] | None = None
    plans: frozenset[str] | None = None
    left_out: str = ""
    scenarios: frozenset[str] | None = None

    def keeps(self, what: str, key: str) -> bool:
        kept = getattr(self, what)
        return kept is None or key in kept

    @property
    def facts(self) -> list[tuple[str, str]]:
        """The Contents sheet's line for what was left out ([] when nothing was)."""
        return [(LEFT_OUT, self.left_out)] if self.left_out else []


EVERY_ROW = WorkbookScope()
LEFT_OUT = "Left out: other areas"


def county_scope(store: Store) -> WorkbookScope:
    """In a county file, the projects, commissioning scenarios, awards and plans of its own areas, by the board
    report's rules for a report of all its areas (report_sections.projects ``_in_areas``, with the county each merged
    project came from, and report_sections.budgets ``_plan_in``): a Plymouth project the seed papers hold, or East
    Sussex's plan, is another county's, and the workbook leaves it out as the report does, saying so on its Contents
    sheet. A scenario, as the report places it, belongs to the areas of the projects it ticks: it is left out when
    every one of them is. An award is left out when every project with a share of it is. A scenario ticking no
    project, or an award no project draws on, stays (the county's business, as the report's office business is).
    EVERY_ROW for an office's own file, whose workbook is its whole file."""
    from safer_desk.domain.commissioning import counts_against
    from safer_desk.domain.text import counted, in_words
    from safer_desk.services import budgets
    from safer_desk.services import reference as ref
    from safer_desk.services.funders import list_awards, shares_of
    from safer_desk.services.projects import load_projects
    from safer_desk.services.projects_commissioning import list_scenarios
    from safer_desk.services.report import report_areas
    from safer_desk.services.report_sections.budgets import _plan_in
    from safer_desk.services.report_sections.projects import origin_counties, projects_in_areas

    areas = report_areas(store, None, None)
    if not areas.county_file or areas.unnamed:
        return EVERY_ROW
    county = ref.office_county(store)
    came_from = origin_counties(store)  # (to name the county a "Countywide" project left out is of)
    projects = load_projects(store)
    kept = {p.id for p in projects_in_areas(store, projects, areas, came_from)}
    away = [p for p in projects if p.id not in kept]
    scenarios = list_scenarios(store)
    kept_scenarios = {s.id for s in scenarios if not s.items or any(i.project_id in kept for i in s.items)}
    away_scenarios = [s for s in scenarios if s.id not in kept_scenarios]
    awards = list_awards(store)
    drawn = {a.id: [p.id for p in projects if any(counts_against(s.funder, a) for s in shares_of(p))] for a in awards}
    kept_awards = {a.id for a in awards if not drawn[a.id] or any(i in kept for i in drawn[a.id])}
    away_awards = [a for a in awards if a.id not in kept_awards]
    plans = budgets.list_plans(store)
    kept_plans = {p.id for p in plans if _plan_in(store, p.id, None, areas)}
    away_plans = [p for p in plans if p.id not in kept_plans]
    said = []
    if away:
        def where_of(project) -> set[str]:  # its areas as typed; "Countywide" as the county it came from
            named = {a.strip() for a in project.areas if a.strip().casefold() not in ref.COUNTYWIDE_WORDS | {""}}
            return (named or set(came_from.get(project.id, ())) or {a.strip() for a in project.areas if a.strip()}
                    or {"no area named"})

        named = sorted(set().union(*map(where_of, away)), key=str.casefold)
        said.append(f"Register: {counted(len(away), 'project')} ({in_words(named)})")
    if away_scenarios:
        said.append(f"Scenarios: {counted(len(away_scenarios), 'scenario')} "
                    f"({'; '.join(s.name for s in away_scenarios)})")
    if away_awards:
        rows = sum(max(len(a.years), 1) for a in away_awards)
        said.append(f"Awards: {counted(len(away_awards), 'award')}, {counted(rows, 'row')} "
                    f"({'; '.join(a.name for a in away_awards)})")
    if away_plans:
        def plan_words(plan) -> str:
            area = store.scalar("SELECT name FROM indicator_areas WHERE id = (SELECT area_id FROM budget_plans "
                                "WHERE id = ?)", (plan.id,))
            return f"{plan.name}, {area}" if area else plan.name

        said.append(f"Budgets: {counted(len(away_plans), 'plan')} ({'; '.join(map(plan_words, away_plans))})")
    where = county.name if county else in_words(sorted(areas.counties))
    left_out = "" if not said else (
        f"Rows of areas outside this county file's ({where}), as the board report leaves them out: " + "; ".join(said)
        + ". The county file still holds them: its board report for one of their areas shows them.")
    return WorkbookScope(frozenset(kept), frozenset(kept_awards), frozenset(kept_plans), left_out,
                         frozenset(kept_scenarios))


OPEN_TITLE = "Open: proposed, shortlisted, commissioned or live"
CLOSED_TITLE = "No longer open: completed, declined or withdrawn (not in the total)"


def _project_origins(origins: Origins | None) -> "RowOrigins":
    """The workbook's origins of the projects as the services weigh them (``RowOrigins``): shown in a county file."""
    from safer_desk.services.provenance import RowOrigins

    return RowOrigins(dict((origins or {}).get("projects", {})), shown=bool(origins), typed=TYPED_AT_COUNTY)


def register_sheet(store: Store, origins: Origins | None = None,
                   scope: WorkbookScope = EVERY_ROW) -> WorkbookSheet | None:
    from safer_desk.services.funders import list_awards
    from safer_desk.services.projects import load_projects, shares_over_cost
    from safer_desk.services.projects_commissioning import typed_twice_in
    from safer_desk.services.report_sections.projects import DRAWN_ON, OPEN

    projects = [p for p in load_projects(store) if scope.keeps("projects", p.id)]
    columns = [Column("Ref"), Column("Project / Initiative", width=45), Column("Status"),
               Column("Status date", "date"), Column("Areas covered"), Column("Lead organisation"),
               Column("Lead officers", width=40), Column("Suitable funding"), Column("Cost as written"),
               Column("Planning cost (£)", "money", total=True),
               Column("Starts", "date"), Column("Ends", "date"),
               *[Column(title) for _, _, title in CRITERIA],
               Column("Funders' shares", width=40), Column("Outcomes", width=40), Column("Indicators"),
               Column("Warning", width=50)]
    columns += [Column(MERGED_FROM, width=30)] if origins else []

    def row(p) -> list:
        return ([p.ref, p.title, p.status.capitalize(), p.status_date, "; ".join(p.areas), p.lead_organisation,
                 "; ".join(o.describe() for o in p.officers), p.funding_route, p.cost_text, p.planning_pence,
                 p.start_date, p.end_date, *[p.criterion(k).describe() for k in CRITERIA_KEYS],
                 funders_shares_text(p), "; ".join(p.outcomes), "; ".join(p.indicators),
                 # as the register's export says it: shares more than the cost, as the editor warns
                 " ".join(w for w in (p.warning, shares_over_cost(p)) if w)]
                + ([_merged_from(origins, "projects", p.id)] if origins else []))

    # The total is of the open projects, those the board report lists as its commissioning options: a withdrawn or
    # declined project's cost added in made the register's total larger than anything the board is asked about.
    open_ = [row(p) for p in projects if p.status in OPEN]
    closed = [row(p) for p in projects if p.status not in OPEN]
    blocks = [Block(open_, title=OPEN_TITLE if closed else "", total_label="Total of open projects")] if open_ else []
    blocks += [Block(closed, title=CLOSED_TITLE, totalled=False)] if closed else []
    return WorkbookSheet("Register", "Project register", "Every project: status, areas, leads, cost, the board's "
                         "criteria (√ yes, X no, ? unknown) and funders' shares.", columns, blocks,
                         note="The planning cost is what commissioning counts: the top of a range (£54,372 - "
                          "£62,372), the stated minimum (Minimum £50,000), or the amount. The total counts the open "
                          "projects (proposed, shortlisted, commissioned or live), as the board report's "
                          "commissioning options list them; completed, declined and withdrawn ones are not in it." +
                          # one title from two offices, each with a funder's share: said as the award tables say it
                          "".join(f" {words}" for words in typed_twice_in(
                              [a for a in list_awards(store) if scope.keeps("awards", a.id)],
                              [p for p in projects if p.status in DRAWN_ON], _project_origins(origins))))


def scenarios_sheet(store: Store, scope: WorkbookScope = EVERY_ROW,
                    origins: Origins | None = None) -> WorkbookSheet | None:
    """Each saved commissioning scenario (in a county file, those of its areas: ``county_scope``; and with
    ``origins`` each row ends with the office the scenario came from, as the other merged sheets' rows do)."""
    from safer_desk.services.funders import list_awards
    from safer_desk.services.projects import load_projects
    from safer_desk.services.projects_commissioning import evaluate_saved, list_scenarios, years_of

    # Counted as the window and the board report count it: against an award, each project's share from its funder
    # for the award's year, and a cost range at the end chosen (each project's whole cost and a range's upper end
    # were counted here: "OVER-COMMITTED by £2,176,185" where the window said £167,068 left).
    projects, awards = load_projects(store), list_awards(store)
    results = [(s, evaluate_saved(store, s, projects, awards=awards, origins=_project_origins(origins)))
               for s in list_scenarios(store) if scope.keeps("scenarios", s.id)]
    if not results:
        return None
    years = years_of(*(r for _, r in results))
    columns = [Column("Ref"), Column("Project / Initiative", width=45), Column("Suitable funding"),
               Column("Cost as written"), Column("Counted", width=30), Column("Share counted (£)", "money"),
               Column("Scale"), Column("Committed (£)", "money", total=True),
               *[Column(f"{y} (£)", "money", total=True) for y in years]]
    columns += [Column(MERGED_FROM, width=30)] if origins else []
    blocks = []
    for scenario, result in results:
        # Against an award, the funder's share the scale is of (as the page and the report show it), so that share
        # × scale = committed can be checked; which figure is counted, in words, beside it.
        rows = [[r.project.ref, r.project.title, r.project.funding_route, r.project.cost_text, r.counted,
                 r.share_pence if result.award is not None and r.share_whole else None, r.scale.describe(),
                 r.scaled_pence, *[r.by_year.get(y) for y in years]]
                + ([_merged_from(origins, "commissioning_scenarios", scenario.id)] if origins else [])
                for r in result.rows]
        # Headed with the fund its summary counts, as the report heads it: against an award, the award's money now.
        label = result.award.name if result.award is not None else scenario.fund_label
        blocks.append(Block(rows, title=f"{scenario.name} ({label + ': ' if label else ''}fund "
                                        f"{format_money(result.fund_pence)})",
                            total_label="Total committed",
                            note=" ".join([result.summary() + ".", *result.problems, *result.notes])))
    return WorkbookSheet("Scenarios", "Commissioning scenarios", "Each saved scenario: the projects ticked against "
                         "a fund, their scaling, what is committed (by financial year) and what is left.",
                         columns, blocks)


# -- allocation --------------------------------------------------------------------------------------------
def awards_sheet(store: Store, scope: WorkbookScope = EVERY_ROW,
                 origins: Origins | None = None) -> WorkbookSheet | None:
    """The funders' awards commissioning is done against, one row per award and year (in a county file, with
    ``origins``, each ending with the office the award came from)."""
    from safer_desk.domain.dhr import format_bp
    from safer_desk.services import funders

    rows = []
    for a in funders.list_awards(store):
        if not scope.keeps("awards", a.id):
            continue
        split = "" if a.revenue_bp is None else f"{format_bp(a.revenue_bp)} / {format_bp(a.capital_bp)}"
        # A total stated beside the years (DESIGN 2.5: kept as the paper states it, flagged when the years disagree),
        # once, on the award's first row; a total not split by year is its Amount already.
        stated = a.total_pence if a.years else None
        flag = " ".join(a.checks())
        for i, (year, pence) in enumerate(sorted(a.years.items()) or [(a.span_text, a.total_pence)]):
            rows.append([a.funder, a.name, year, pence, stated if i == 0 else None, split, a.conditions,
                         flag if i == 0 else ""] + ([_merged_from(origins, "funding_awards", a.id)] if origins else []))
    if not rows:
        return None
    columns = [Column("Funder", width=28), Column("Award", width=40), Column("Year"), Column("Amount (£)", "money"),
               Column("Stated total (£)", "money"), Column("Revenue / capital"), Column("Conditions", width=60),
               Column("Flag", width=50)]
    columns += [Column(MERGED_FROM, width=30)] if origins else []
    return WorkbookSheet("Awards", "Funders' awards", "Each funder's award, by year, that commissioning is done "
                         "against (a scenario against one counts each project's share from that funder). A total "
                         "the paper states beside the years is given once, and flagged when the years do not add up "
                         "to it.", columns, [Block(rows)])


def _basis(basis: Fraction) -> Number:
    """A partnership's crimes or factor share with the places the Allocation tab shows it with (2,442; 1,234.5)."""
    from safer_desk.domain.allocation import format_number

    return Number(float(basis), _places_shown(format_number(basis)))


def _places_shown(text: str) -> int:
    """The decimal places of a figure as shown: 0 for "12,586" or "−1,099", 2 for "88.75%", 1 for "4.2 per 1,000"
    or "+1.2 pts"."""
    words = text.split()
    return len(words[0].strip("+\u2212-%").partition(".")[2]) if words else 0


# A figure as shown, and the unit after it: "16.9%", "1,610 per 100,000", "+1.2 pts", "12,586".
_FIGURE_AND_UNIT = re.compile(r"[+\u2212-]?\d[\d,]*(?:\.\d+)?(%| [a-z][a-z0-9 ,]{0,20})?")


def _unit_shown(text: str) -> str:
    """The unit after a figure as the tabs show it ("%", " per 100,000", " pts"), "" for a count or other words."""
    matched = _FIGURE_AND_UNIT.fullmatch(text.strip())
    return (matched.group(1) or "") if matched else ""


def _shown(value: float | None, text: str) -> Number | None:
    """A figure with the places and unit of the text the tabs and the board report show it as (a workbook cell's
    format: 16.9 printed "16.9%", as the Indicators tab shows it, the cell still the number)."""
    return None if value is None else Number(value, _places_shown(text), _unit_shown(text))


def allocation_sheet(store: Store, origins: Origins | None = None) -> WorkbookSheet | None:
    """Each saved allocation, one block each (in a county file, with ``origins``, each row ending with the office
    the allocation came from; its totals line names none)."""
    from safer_desk.domain.allocation import AllocationError
    from safer_desk.services import allocation as service
    from safer_desk.services.report_sections.allocation import unworkable_allocation_words

    summaries = service.list_scenarios(store)
    if not summaries:
        return None
    columns = [Column("Partnership", width=30), Column("Fixed units", "count", total=True),
               Column("Basis (crime or factor share)", "number"), Column("Share of the variable part", "percent"),
               Column("Fixed fee (£)", "money", total=True), Column("Variable fee (£)", "money", total=True),
               Column("Damping (£)", "money", total=True), Column("This year (£)", "money", total=True),
               Column("Last year (£)", "money", total=True), Column("Variance (£)", "money", total=True)]
    columns += [Column(MERGED_FROM, width=30)] if origins else []
    blocks = []
    for summary in summaries:
        scenario = service.load_scenario(store, summary.id)
        came_from = [_merged_from(origins, "allocation_scenarios", summary.id)] if origins else []
        agreed = " — agreed by the board" if summary.adopted else ""
        try:
            result = scenario.result()
        except AllocationError as exc:  # saved by an older version under rules it no longer meets: said, not a crash
            blocks.append(Block([], title=f"{scenario.year}: {scenario.name}{agreed}",
                                note=unworkable_allocation_words(scenario, exc)))
            continue
        rows = []
        legacy = result.options.rounding == "percent-2dp"
        for r in result.rows:
            basis = sum(r.values.values(), Fraction(0))
            # The share as the tab and the report print it (9.08%), and as the fee was worked from: the legacy
            # spreadsheet's two-decimal percentage (£393,069 × 9.08% is Babergh's £35,691), else the exact share.
            share = Number(float(Fraction(r.share_pct) / 100 if legacy else r.weight), 2)
            rows.append([r.name, r.fixed_units, _basis(basis) if len(r.values) == 1 else None, share,
                         r.fixed_pence, r.variable_pence, r.damping_pence, r.total_pence, r.previous_pence,
                         r.variance_pence, *came_from])
        # What the formula noted and warned, as the board report says it under the same figures: a partnership
        # left out of the variance (This year less Last year is then not the Variance total), odd pence placed.
        blocks.append(Block(rows, title=f"{scenario.year}: {scenario.name}{agreed}", total_label="Totals",
                            note=" ".join(filter(None, [
                                f"Saved {service.uk_date(scenario.saved_at)}.", *result.notes, *result.warnings,
                                service.last_year_carried_over(store, scenario.year, scenario.partnerships,
                                                               scenario.options)]))))
    return WorkbookSheet("Allocation", "Allocation between partnerships", "Each saved allocation (the agreed one "
                         "marked): fixed and variable fees, this year against last, with totals.", columns, blocks)


def top_slice_sheet(store: Store, origins: Origins | None = None) -> WorkbookSheet | None:
    """Each saved top-slice as the Allocation tab and the board report give it: the paper's lines, each partner's
    equal share and its ± scenarios, and how the odd pence fall where the partners' part does not split equally (in a
    county file, with ``origins``, each line ending with the office the top-slice came from)."""
    from safer_desk.domain.allocation import AllocationError, equal_shares_note, setting_percent_text
    from safer_desk.services import allocation as service

    items = service.list_top_slices(store)
    if not items:
        return None
    blocks = []
    for item in items:
        title = f"{item.year}: {item.name}"
        try:
            result = item.result()
        except AllocationError as exc:  # saved under rules it no longer meets: said, not a crash
            blocks.append(Block([], title=title, note=f"Cannot be worked out: {exc}"))
            continue
        pct = setting_percent_text(result.scenario)
        came_from = [_merged_from(origins, "allocation_top_slices", item.id)] if origins else []
        rows = [[line.label, line.amount_pence, *came_from] for line in result.lines]
        rows += [[f"Each plus {pct}%", result.scenario_more_pence, *came_from],
                 [f"Each less {pct}%", result.scenario_less_pence, *came_from]]
        blocks.append(Block(rows, title=title, note=equal_shares_note(result, f"“{result.lines[-1].label}”")))
    return WorkbookSheet("Top-slices", "Top-slices of a grant", "Each saved top-slice of a grant (the Performance "
                         "Reward Grant's): its slices, what is retained, each partner's equal share and its ± "
                         "scenarios.", [Column("Line", width=40), Column("Amount (£)", "money"),
                                        *([Column(MERGED_FROM, width=30)] if origins else [])], blocks)


# -- costs -------------------------------------------------------------------------------------------------
def dhr_sheet(store: Store, today: date, origins: Origins | None = None) -> WorkbookSheet | None:
    from safer_desk.services import dhr

    cases = dhr.list_cases(store, today=today)
    if not cases:
        return None
    dates = {r["id"]: r for r in store.rows("SELECT * FROM dhr_cases")}
    # A SUSR's commissioning Regional Safeguarding Board, beside who conducts and leads it: with the reviews called
    # SUSRs, or any review has one
    boards = dhr.review_label(store) == SUSR or any(c.safeguarding_board for c in cases)
    columns = [Column("Reference"), Column("Kind"), Column("District"), Column("Partnership"),
               Column("Lead authority"), *([Column(dhr.BOARD_FIELD, width=30)] if boards else []),
               # a SUSR's first stage is its referral to the Regional Safeguarding Board, as Edit case names it
               Column("Decision"), Column(dhr.case_date_fields(dhr.review_label(store))["notified_on"], "date"),
               Column("Decision made", "date"), Column("Sent for quality assurance", "date"),
               Column("Published", "date"), Column("Stage reached"), Column("Status"),
               # The Costs tab's money columns: net billed (less refused, written off and refunded) is recovered
               # less refunded plus outstanding, as on the tab; gross billed beside a refused leaving write-offs out
               # did not add up.
               Column("Cost (£)", "money", total=True), Column("Net billed (£)", "money", total=True),
               Column("Recovered (£)", "money", total=True), Column("Outstanding (£)", "money", total=True),
               Column("Shortfall (£)", "money", total=True), Column("Not yet billed (£)", "money", total=True),
               Column("Open recommendations", "count", total=True)]
    # What was given back to partners that paid beyond their shares: trailing, as dhr-ledger --by-case has it, and
    # only where something was refunded, as the board report has it (Merged from stays last).
    refunds = any(c.refunded_pence for c in cases)
    columns += [Column("Refunded (£)", "money", total=True)] if refunds else []
    columns += [Column(MERGED_FROM, width=30)] if origins else []
    rows = []
    for c in cases:
        d = dates[c.id]
        rows.append([c.reference, dhr.KIND_WORDS.get(c.kind, c.kind), c.district, c.partnership, c.lead,
                     *([c.safeguarding_board] if boards else []),
                     dhr.DECISION_WORDS.get(c.decision, c.decision), d["notified_on"],
                     d["decision_on"], d["qa_submitted_on"], d["published_on"], c.current_stage, c.flag,
                     c.cost_pence if c.cost_known else None, c.net_billed_pence, c.recovered_pence,
                     c.outstanding_pence, c.shortfall_pence, c.unbilled_pence, c.open_recommendations]
                    + ([c.refunded_pence] if refunds else [])
                    + ([_merged_from(origins, "dhr_cases", c.id)] if origins else []))
    label = dhr.review_label(store)
    unknown = " A blank cost is not yet known (the report says so), not a cost of nothing." \
        if any(not c.cost_known for c in cases) else ""
    refunded = (" Refunded is what was given back to a partner that paid beyond its share: Net billed is Recovered "
                "less Refunded plus Outstanding.") if refunds else ""
    return WorkbookSheet("Reviews", f"{label}s", f"Each {label.lower()}: district, dates of its stages, what it "
                         "cost and how much has been recovered.", columns, [Block(rows)],
                         note=f"Figures as at {today.strftime('%d/%m/%Y')}.{unknown}{refunded}"
                              + "".join(f" {w}" for w in [welsh_name_words(label), timescales_words(label)]
                                        if w))  # a SUSR's Welsh name, and no statutory timescales


def dhr_partners_sheet(store: Store, today: date, origins: Origins | None = None) -> WorkbookSheet | None:
    """Who owes what: every partner's share of every review, and each refund to a partner that paid beyond its share,
    so that a partner's rows (filtered) add up to its line of the ledger: net billed = paid − refunded + outstanding.
    In a county file (``origins``) each row ends with the office its review came from, as the Reviews sheet's do."""
    from safer_desk.services import dhr

    shares = dhr.list_shares(store, today=today)
    if not shares:
        return None
    references = {s.case_id: s.case_reference for s in shares}
    refunds = [r for case_id in references for r in dhr.case_refunds(store, case_id)]
    columns = [Column("Partner", width=36), Column("Review"), Column("Kind of share"), Column("Invoice"),
               Column("Invoiced", "date"), Column("Due", "date"), Column("Status"),
               Column("Share (£)", "money", total=True), Column("Paid (£)", "money", total=True),
               # What a share refused or wrote off, so each row adds up (share = paid + this + outstanding) and a
               # partner's rows agree with the ledger's and the report's refused: without it a refusal after part
               # payment (£400 of £684.14) left its £284.14 nowhere.
               Column("Refused or written off (£)", "money", total=True),
               Column("Outstanding (£)", "money", total=True), Column("Overdue (£)", "money", total=True)]
    # Trailing, and only where something was refunded, as the Reviews sheet's column; a refund is a row of its own
    # (its reference where an invoice's is), after the partner's invoices of the review.
    columns += [Column("Refunded (£)", "money", total=True)] if refunds else []
    columns += [Column(MERGED_FROM, width=30)] if origins else []

    def came_from(case_id: str) -> list[str]:
        return [_merged_from(origins, "dhr_cases", case_id)] if origins else []

    def kind(stored: str) -> str:  # as Costs' Shares and payments says it ("Carried by the lead authority")
        return dhr.SHARE_KIND_WORDS.get(stored, stored)

    rows = [[s.partner, s.case_reference, kind(s.kind), s.invoice_ref, s.invoiced_on, s.due_on, s.status_text,
             s.amount_pence, s.paid_pence, s.closed_pence, s.outstanding_pence, s.overdue_pence]
            + ([None] if refunds else []) + came_from(s.case_id) for s in shares]
    # each invoice billing again withdrew, as Shares and payments lists it: its Status says so and what it was sent
    # for, no money in the columns, so a partner's rows still add up to its line of the ledger
    rows += [[s.partner, s.case_reference, kind(s.kind), s.invoice_ref, s.invoiced_on, s.due_on, s.status_text,
              None, None, None, None, None] + ([None] if refunds else []) + came_from(s.case_id)
             for s in dhr.withdrawn_shares(store) if s.case_id in references]
    rows += [[r.partner, references[r.case_id], kind("refund"), r.reference, None, None,
              f"Refunded {r.refunded_on.strftime('%d/%m/%Y')}", None, None, None, None, None, r.amount_pence]
             + came_from(r.case_id) for r in refunds]
    rows.sort(key=lambda row: (row[0].casefold(), row[1], row[2] == kind("refund")))
    said = (" Refunded is what was given back to a partner that paid beyond its share of the review: what the "
            "partner kept is Paid less Refunded.") if refunds else ""
    return WorkbookSheet("Who owes what", "Review costs: who owes what", "Each partner's share of each review: "
                         "invoiced, paid, refused or written off, outstanding and overdue, and any refund (filter by "
                         "partner for a partner's total).", columns, [Block(rows)],
                         note=f"Figures as at {today.strftime('%d/%m/%Y')}.{said}")


# Under a sheet where a count of one or two victims is withheld (domain.disclosure.count_given).
FEWER_VICTIMS_WORDS = ("Small numbers are suppressed: a count of one or two victims is given as “fewer than 3” "
                       "(its money as it is), and the total of victims leaves it out.")


def funds_sheet(store: Store, today: date, origins: Origins | None = None) -> WorkbookSheet | None:
    """Each pooled fund's contributions, spend and balance, as its page and the board report's burn-down give them
    (a fund with nothing spent yet too)."""
    from safer_desk.domain.disclosure import count_given, small_count
    from safer_desk.services import funds

    rows = []
    names = fund_names(store, origins)
    fewer = False
    for fund in sorted(funds.list_funds(store), key=lambda f: names[f.id].casefold()):
        figures = funds.fund_figures(store, fund.id, today=today)
        # The workbook leaves the office (or the county): a fund of one or two victims says "fewer than 3"
        fewer = fewer or small_count(figures.victims)
        rows.append([names[fund.id], fund.starts_on, fund.ends_on, figures.contributions_pence,
                     figures.not_received_pence, figures.spent_pence, count_given(figures.victims),
                     figures.balance_pence]
                    + ([_merged_from(origins, "funds", fund.id)] if origins else []))
    if not rows:
        return None
    # The balance is the contributions less those not received yet (dated after today) less the spend: a row adds up.
    columns = [Column("Fund", width=32), Column("Starts", "date"), Column("Ends", "date"),
               Column("Contributions (£)", "money", total=True), Column("Not yet received (£)", "money", total=True),
               Column("Spent (£)", "money", total=True), Column("Victims supported", "count", total=True),
               Column("Balance (£)", "money", total=True)]
    columns += [Column(MERGED_FROM, width=30)] if origins else []
    return WorkbookSheet("Funds", "Pooled funds: contributions, spend and balance", "Each pooled fund: its period, "
                         "the contributions (and those not received yet), what has been spent and on how many "
                         "victims, and the balance.",
                         columns, [Block(rows)], note=f"Figures as at {today.strftime('%d/%m/%Y')}."
                         + (f" {FEWER_VICTIMS_WORDS}" if fewer else ""))


def fund_sheet(store: Store, today: date | None = None, origins: Origins | None = None) -> WorkbookSheet | None:
    """Pooled-fund spend per district and month (victims counted in the month of their first spend), as at today as
    the Funds sheet's totals are: spend dated after it has not happened yet, so a fund's rows add up to its spend
    there (None: every line recorded). Each fund named as the Funds sheet names it (``fund_names``); in a county file
    (``origins``) each row ends with the office the fund came from, as the Funds sheet's do."""
    from safer_desk.services.funds import OTHER_DISTRICTS, merged_months, month_name, spend_sql

    rows_by_key: dict[tuple, list] = {}
    spans: dict[str, dict] = {}
    covers: dict[int, tuple[Month, Month]] = {}  # each row's first and last month of spend (merged across months)
    # A blank district is the summary's "other districts": rows of fewer than three victims merged
    # (domain.disclosure), never an unknown one. Such a row may hold spend of other months, merged into its quarter
    # (or the whole period): said beside it.
    spend = spend_sql(store, until=today)
    names = fund_names(store, origins)
    for r in store.rows(
            "SELECT s.fund_id AS fund, coalesce(d.name, ?) AS district, s.month, s.item, s.victims, s.spend_lines, "
            f"s.amount_pence, s.fund_id, s.district_id FROM ({spend}) s JOIN funds f ON f.id = s.fund_id "
            "LEFT JOIN districts d ON d.id = s.district_id", (OTHER_DISTRICTS,)):
        key = (r[0], r[1], r[2])
        month = Month.parse(r[2])
        span = None
        if r[8] is None:  # only a row with no district can hold spend merged from other months
            if r[7] not in spans:
                spans[r[7]] = merged_months(store, r[7])
            span = spans[r[7]].get(month)
        row = rows_by_key.setdefault(key, [names[r[0]], r[1], month.first_day, 0, 0, 0, None]
                                     + ([_merged_from(origins, "funds", r[0])] if origins else []))
        row[3] += r[4]
        row[4] += r[5]
        row[5] += r[6]
        held = span if span is not None else (month, month)  # a row merged across months holds its span's spend
        first, last = covers.get(id(row), held)
        covers[id(row)] = (min(first, held[0]), max(last, held[1]))
        if span is not None:
            # in the words of the Month column ("mmm yyyy"), as the fund page says them
            row[6] = month_name(span[0]) if span[0] == span[1] else f"{month_name(span[0])} to {month_name(span[1])}"
    if not rows_by_key:
        return None
    columns = [Column("Fund", width=32), Column("District"), Column("Month", "month"),
               Column("Victims first supported", "count", total=True), Column("Spend lines", "count", total=True),
               Column("Spend (£)", "money", total=True), Column("Includes spend of")]
    columns += [Column(MERGED_FROM, width=30)] if origins else []
    by_fund: dict[str, list[list]] = {}
    for k in sorted(rows_by_key, key=lambda k: (names[k[0]], k[2], k[1])):
        by_fund.setdefault(k[0], []).append(rows_by_key[k])
    rows = [row for fund_rows in by_fund.values() for row in _fund_rows_given(fund_rows, covers)]
    # A row of one or two victims first supported (a fund of fewer than three in all, one row for its whole period)
    # says "fewer than 3", as the board report does (domain.disclosure.count_given).
    from safer_desk.domain.disclosure import count_given, small_count

    fewer = any(small_count(r[3]) for r in rows)
    for r in rows:
        r[3] = count_given(r[3])
    note = (f"Spend as at {today.strftime('%d/%m/%Y')}, as the Funds sheet gives it: spend dated after that day is "
            "not counted." if today is not None else "")
    return WorkbookSheet("Fund spend", "Pooled funds: spend per district and month", "Each pooled fund's spend "
                         "per district and month, with the victims first supported that month. Where a month held "
                         "fewer than three victims its spend is merged into the quarter (or the whole period), and "
                         "the row it lands in says which months it includes.", columns, [Block(rows)],
                         note=" ".join(filter(None, [note, FEWER_VICTIMS_WORDS if fewer else ""])))


def _fund_rows_given(rows: list[list], covers: dict[int, tuple[Month, Month]]) -> list[list]:
    """One fund's Fund spend rows (fund, district, month's first day, victims, spend lines, pence, includes …) with no
    row of one or two victims first supported, nor of one or two spend lines (spend on one or two victims), unless the
    fund has fewer than three victims in all: it is then one row (said "fewer than 3"), as an office's export sends
    such a fund, not a row for each office's part. An office's own part of a fund it holds as a copy
    (the county adds the offices' parts, so each is sent apart) can be one victim in a row of its own, and so can a
    county's part of an office: such a row is given, as the board report's Spend per month gives it, under no
    district for its month, then together with the nearest month (a district's row only when no other is left), the
    row saying which months it holds. The totals are unchanged. ``covers``: each row's first and last month."""
    from safer_desk.domain.disclosure import small_count
    from safer_desk.services.funds import OTHER_DISTRICTS, month_name

    def small(row: list) -> bool:
        return small_count(row[3]) or small_count(row[4])

    if not any(small(r) for r in rows) or len(rows) == 1:
        return rows

    def month_of(row: list) -> Month:
        return covers.get(id(row), (Month.of(row[2]),) * 2)[0]

    def join(into: list, row: list) -> None:
        (a, b), (c, d) = covers.get(id(into), (Month.of(into[2]),) * 2), covers.get(id(row), (Month.of(row[2]),) * 2)
        first, last = min(a, c), max(b, d)
        into[1], into[2] = OTHER_DISTRICTS, min(into[2], row[2])  # dated as the earlier row is
        into[3], into[4], into[5] = into[3] + row[3], into[4] + row[4], into[5] + row[5]
        covers[id(into)] = (first, last)
        into[6] = month_name(first) if first == last else f"{month_name(first)} to {month_name(last)}"

    named = [r for r in rows if r[1] != OTHER_DISTRICTS]
    others = {r[2]: r for r in rows if r[1] == OTHER_DISTRICTS}
    for row in [r for r in named if small(r)]:  # a district of one or two that month: under no district
        named = [r for r in named if r is not row]
        target = others.get(row[2])
        if target is None:
            others[row[2]] = target = [row[0], OTHER_DISTRICTS, row[2], 0, 0, 0, None, *row[7:]]
            covers[id(target)] = covers.get(id(row), (Month.of(row[2]),) * 2)
        join(target, row)
        if target[6] == month_name(Month.of(target[2])) and row[6] is None:
            target[6] = None  # its own month only: nothing to say
    given = sorted(others.values(), key=lambda r: r[2])
    while (still := next((r for r in given if small(r)), None)) is not None:
        # The nearest month of no district, else (none left) the nearest district's row
        pool = [r for r in given if r is not still] or named
        if not pool:
            break
        near = min(pool, key=lambda r: (abs(month_of(r).minus(month_of(still))), r[2], r[1]))
        given, named = [r for r in given if r is not near], [r for r in named if r is not near]
        join(still, near)
        given.sort(key=lambda r: r[2])
    return sorted(named + given, key=lambda r: (r[2], r[1]))


def referrals_sheet(store: Store, origins: Origins | None = None) -> WorkbookSheet | None:
    """Each individual referral with its spend, as the fund page lists it: only in a workbook whose export was asked
    for them (agreed with the county); otherwise the export holds none and the workbook says they are left out. Each
    fund named as the Funds sheet names it (``fund_names``)."""
    from safer_desk.services import funds
    from safer_desk.storage.schema.costs import FUND_SUMMARY_TABLE
    from safer_desk.storage.schema.exchange import MANIFEST_TABLE

    if store.scalar(f"SELECT value FROM {MANIFEST_TABLE} WHERE key = 'include_referrals'") != "yes":
        return None

    def yes(value) -> str:  # the fund page's words
        return "Yes" if value else "No"

    names = fund_names(store, origins)
    rows = [[names[fund.id], r["reference"], r["district"], r["referred_on"], r["risk_level"], yes(r["at_marac"]),
             yes(r["idva_assigned"]), yes(r["perpetrator_resident"]), r["eligibility"], r["lines"], r["spent_pence"]]
            for fund in sorted(funds.list_funds(store), key=lambda f: names[f.id])
            for r in funds.list_referrals(store, fund.id)]
    columns = [Column("Fund", width=32), Column("Reference"), Column("District"), Column("Referred", "date"),
               Column("Risk"), Column("At MARAC"), Column("IDVA assigned"), Column("Perpetrator lives there"),
               Column("Eligibility", width=40), Column("Spend lines", "count", total=True),
               Column("Spend (£)", "money", total=True)]
    received = store.scalar(f"SELECT sum(amount_pence) FROM {FUND_SUMMARY_TABLE}") or 0
    note = ("" if rows else "This file holds no individual referrals. ") + (
        f"The Fund spend sheet also counts {format_money(received)} received as totals from other offices, which "
        "name no referral." if received else "")
    return WorkbookSheet("Referrals", "Pooled funds: individual referrals (victim-level data)",
                         "Each individual referral (included at the officer's choice, agreed with the county): "
                         "pseudonymous reference, district, date, eligibility answers and spend.",
                         columns, [Block(rows)], note=note.strip())


# -- indicators --------------------------------------------------------------------------------------------
def _workbook_areas(store: Store) -> list[tuple]:
    """The office's areas with figures (police.uk files also name districts of other forces: left out), its county
    first where the board report leads with it (a county file's, an office of the whole county's; a district office's
    after its own areas), also when its figures are all derived from its
    districts' (a county file merged from police.uk figures holds none of the county's own); each with its years.
    A district that one of the office's districts took over counts in the years it was the office's (Forest Heath in
    2018/19, before West Suffolk), as the board report of that year gives it and the county's figure counts it."""
    from safer_desk.services import indicators as svc
    from safer_desk.services.reference import office_areas, office_leads_with_county
    from safer_desk.services.report import held_areas

    own = office_areas(store) or held_areas(store)  # an office naming no areas yet: those it holds figures for
    have = svc.list_areas(store, with_values_only=True)
    listed = {a.id for a in have}
    counties = [svc.find_area(store, a.id) for a in own if a.kind == "county" and a.id not in listed]
    counties = [a for a in counties if a is not None and svc.years_with_values(store, area_id=a.id)]
    own_ids = {a.id for a in own}
    of_year: dict[FinancialYear, set[str]] = {}

    def office_held(area_id: str, year: FinancialYear) -> bool:
        if area_id in own_ids:
            return True
        if year not in of_year:
            of_year[year] = {a.id for a in office_areas(store, year)}
        return area_id in of_year[year]

    leads = office_leads_with_county(store)
    ordered = counties + have if leads else [a for a in have if a.kind != "county"] + [
        a for a in have if a.kind == "county"] + counties
    areas = [(a, [y for y in _years(store, a.id) if office_held(a.id, y)]) for a in ordered]
    # As the board report leaves it out: a partnership of one district, its figures all its district's, would give
    # every row of the district again as "Safer Plymouth (derived)", without the district's targets.
    from safer_desk.services.report_sections.indicators import repeats_its_one_district

    given = {y: {a.id for a, years in areas if y in years} for _, years in areas for y in years}
    areas = [(a, [y for y in years if not repeats_its_one_district(
        store, a, y, given[y], lambda a=a, y=y: svc.summary(store, a.id, y))]) for a, years in areas]
    return [(a, years) for a, years in areas if years]


def _unnamed_note(store: Store) -> str:
    """An office naming no areas yet: which areas the sheet gives and what to do, as the board report says it."""
    from safer_desk.services.report import held_areas, unnamed_office_words

    return unnamed_office_words(store, held_areas(store), "this sheet")


def _area_label(area, view, named) -> str:
    """A partnership's or county's figures made from its districts' say so (issue 13: labelled as derived); a district
    formed since last year says whose last year's figures are ("East Suffolk (last year 2018/19: Suffolk Coastal and
    Waveney)"), as the Indicators tab's summary exported says it. ``named``: report.kind_when_shared, so a county and
    a district of one name say which they are ("Gwynedd (county, derived)", "Gwynedd (district)")."""
    kind = area.kind if named(area.name, area.kind) != area.name else ""
    said = [w for w in (kind, "derived" if view.is_derived else "") if w]
    label = f"{area.name} ({', '.join(said)})" if said else area.name
    return label + (f" (last year {words})" if (words := view.last_year_words()) else "")


def _years(store: Store, area_id: str) -> list[FinancialYear]:
    from safer_desk.services import indicators as svc

    return svc.years_with_values(store, area_id=area_id)


def _change_percent(change) -> Number | None:
    """The Change % the Indicators tab shows (+5.25% is 5.3%, half up; +0.03% keeps its places, never 0.0%), as a
    fraction for a percent cell with the tab's places; None where the tab's cell is blank (a percentage's change is
    in points)."""
    shown = None if change is None else change.shown_percent()
    return None if shown is None else Number(float(shown / 100), max(1, -shown.as_tuple().exponent))


def _figure_sources(store: Store, origins: Origins) -> dict[tuple[str, str, str], str]:
    """In a county file, where each figure came from as the Indicators tab says it ("Merged from Babergh office
    (typed)", "police.uk import …"), by indicator, area and period."""
    from safer_desk.domain.indicators import describe_source

    merged = origins.get("indicator_values", {})
    return {(r[1], r[2], r[3]): describe_source(r[4], merged.get(r[0])).label for r in store.rows(
        "SELECT id, indicator_id, area_id, period, source FROM indicator_values WHERE value IS NOT NULL")}


def _source_of(view, sources: dict[tuple[str, str, str], str], indicator_id: str, area_id: str,
               periods: Sequence[str]) -> str:
    """Where a row's figures came from: added up from the districts, or each source of its periods once."""
    if view.is_derived:
        return DERIVED_SOURCE
    said = [sources[key] for p in periods if (key := (indicator_id, area_id, p)) in sources]
    return "; ".join(dict.fromkeys(said))


def indicator_summary_sheet(store: Store, origins: Origins | None = None) -> WorkbookSheet | None:
    """The year to date against target of each area, year and indicator; in a county file (``origins``) with where
    its figures came from, as Indicators by month says it of each month (a quarterly or annual figure is only here)."""
    from safer_desk.services import indicators as svc

    columns = [Column("Area"), Column("Financial year"), Column("Indicator", width=45), Column("Periods"),
               Column("This year", "number"), Column("Same periods last year", "number"), Column("Change", "number"),
               Column("Change %", "percent"), Column("Target"), Column("Target to date", "number"), Column("RAG")]
    sources = _figure_sources(store, origins) if origins else {}
    if origins:
        columns.append(Column("Source", width=40))
    rows = []
    counted = svc.police_forces_by_area_month(store)
    strays: dict[str, set[str]] = {}
    not_given: list[str] = []
    from safer_desk.services.report import kind_when_shared

    named = kind_when_shared(store)  # Gwynedd the county and Gwynedd the district
    for area, years in _workbook_areas(store):
        for year in years:
            summary = svc.summary(store, area.id, year)
            not_given += _not_derived(store, area, year, summary)
            for r in summary:
                v = r.view
                if forces := svc.other_forces_only(store, v, counted):  # not the area's figures: left out
                    strays.setdefault(area.name, set()).update(forces)
                    continue
                change = v.change
                rows.append([_area_label(area, v, named), year.label, r.indicator.label,
                             v.with_month_names().range_text(),  # "Apr 2025 to Dec 2025", as workbooks name months
                             None if v.ytd is None else _shown(v.ytd.value, v.ytd_text()),
                             None if v.ytd_last is None else _shown(v.ytd_last.value, v.ytd_last_text()),
                             # the change as the tab shows it (+13.9 points between 88.9% and 75.0%, not 13.83)
                             None if change is None else _shown(float(change.shown_difference()),
                                                                change.signed_text()),
                             _change_percent(change),
                             v.target_words(), _shown(v.ytd_target, v.ytd_target_text()),
                             v.status_label()]  # as the tab's RAG column: "Est. ● Green" before the figure
                            + ([_source_of(v, sources, r.indicator.id, area.id, v.periods[:v.periods_to_date])]
                               if origins else []))
    note = " ".join(filter(None, [_unnamed_note(store), *not_given, _strays_note(strays, store)]))
    return WorkbookSheet("Indicator summary", "Indicators: the year to date against target",
                         "Each area's and year's figures to date against the same periods last year, the target "
                         "and RAG (▲ Red, ◆ Amber, ● Green, ○ No target; \"Est.\" estimated before the figure is "
                         "known).", columns, [Block(rows)], note=note)


def indicators_sheet(store: Store, origins: Origins | None = None) -> WorkbookSheet | None:
    from safer_desk.services import indicators as svc

    columns = [Column("Area"), Column("Indicator", width=45), Column("Financial year"), Column("Month", "month"),
               Column("Figure", "number"), Column("Cumulative this year", "number"),
               Column("Cumulative target", "number"), Column("RAG to date"), Column("Comment", width=40)]
    sources: dict[tuple[str, str, str], str] = {}
    if origins:  # a county file: where each figure came from, as the Indicators tab says it
        columns.append(Column("Source", width=40))
        sources = _figure_sources(store, origins)
    rows = []
    indicators = [i for i in svc.list_indicators(store) if i.frequency == "monthly"]
    counted = svc.police_forces_by_area_month(store)
    strays: dict[str, set[str]] = {}
    not_given: list[str] = []
    from safer_desk.services.report import kind_when_shared

    named = kind_when_shared(store)  # Gwynedd the county and Gwynedd the district
    for area, years in _workbook_areas(store):
        for year in years:
            not_given += _not_derived(store, area, year, svc.summary(store, area.id, year), monthly=True)
            for ind in indicators:
                v = svc.year_view(store, ind, area.id, year)
                if v.ytd is None:
                    continue
                if forces := svc.other_forces_only(store, v, counted):  # not the area's figures: left out
                    strays.setdefault(area.name, set()).update(forces)
                    continue
                for i, period in enumerate(v.periods[:v.periods_to_date]):
                    figure = v.this_year[i]
                    if figure is None:
                        continue
                    cumulative, target = v.cumulative_text(i)
                    # Each figure as the grid shows it: a rate with the places that tell it from last year's month
                    # (0.43 against 0.42 per 1,000), as the cumulative beside it has its own.
                    rows.append([_area_label(area, v, named), ind.label, year.label, Month.parse(period).first_day,
                                 _shown(figure.value, v.period_text(i)), _shown(v.cumulative[i], cumulative),
                                 _shown(v.target_at[i], target), v.period_rags[i].label, v.comments[i]]
                                + ([_source_of(v, sources, ind.id, area.id, [period])] if origins else []))
    note = " ".join(filter(None, [_unnamed_note(store), *not_given, _strays_note(strays, store)]))
    return WorkbookSheet("Indicators by month", "Indicators by area and month", "Each monthly figure of the "
                         "office's areas, the cumulative figure against the cumulative target, and RAG to date.",
                         columns, [Block(rows)], note=note)


def _not_derived(store: Store, area, year: FinancialYear, summary: list, *, monthly: bool = False) -> list[str]:
    """A partnership's or county's indicators left out because its figure, added up from its districts', is not
    given where one of them has none (police.uk lists no row for a crime type a district had none of in a month):
    said, with the year, as the board report says it ([] when none is left out so); for a district, the year it
    began after the start of, and whose area it was before (``reference.began_within_words``)."""
    from safer_desk.services.report_sections.indicators import not_derived_words

    if not area.is_group:  # a district shown for a year before it began (East Suffolk's 2018/19), as the report says
        from safer_desk.services.reference import began_within_words

        began = began_within_words(store, area.id, area.name, year) if summary and area.kind == "district" else ""
        return [f"{year.label}: {began}"] if began else []
    words = not_derived_words(store, area, year, summary, monthly=monthly)
    return [f"{year.label}: {words}"] if words else []


def _strays_note(strays: dict[str, set[str]], store: Store | None = None) -> str:
    """A force's few crimes placed in an area outside its own (one crime in Cornwall in Suffolk Constabulary's
    file) are part of that area's crime, not its figures: left out, and said, as the board report says it. With the
    store, a county file naming no county between two named equally often says so (no county's figures shown), as
    the report's county overview does."""
    from safer_desk.domain.text import in_words
    from safer_desk.services.reference import county_tie_words

    return " ".join([f"Crimes {in_words(sorted(forces))} recorded in {name}, which lies outside its area, are not "
                     f"{name}'s figures and are not shown here." for name, forces in sorted(strays.items())]
                    + ([tie] if store is not None and (tie := county_tie_words(store)) else []))


# -- budgets -----------------------------------------------------------------------------------------------
# How each figure stands in the paper (services.budgets' statuses, in words).
BUDGET_STATUS_WORDS = {
    "amount": "amount", "tbc": "TBC", "nk": "N/K", "nil": "nil",
    "total": "worked out", "total-incomplete": "worked out (a cell of its column is TBC or N/K)",
    "stated": "as printed", "stated-differs": "as printed: differs from its lines",
    "stated-change-differs": "as printed: agrees with its lines, its printed change does not",
    "stated-unchecked": "as printed: not checked (a line of its column is TBC or N/K)",
}


# How a section's lines and subtotal count in the plan's total (domain.budgets Section.sign), said beside each figure:
# the income lines' positive figures read as spend to a county officer adding up the sheet.
IN_PLAN_TOTAL = "In the plan total"
SIGN_WORDS = {1: "added", -1: "taken off", 0: "not counted"}


def _budget_note(cell, row) -> str:
    """A figure's note, and the annual change the paper printed beside it (seed 004's "(0.7)"), which the tab shows
    and the board report prints: left out, the county team's sheet read as if the paper printed none."""
    printed = f"The paper prints an annual change of {cell.stated_change} beside it." if cell.stated_change else ""
    return " ".join(filter(None, (cell.note or row.notes, printed)))


def _as_stated(cell, unit: str) -> str:
    """A line's figure in the paper's words; a year it leaves blank (listed for the actual beside it) said so."""
    return cell.describe_worded(unit) if cell is not None else "blank (the paper states nothing)"


def budgets_sheet(store: Store, scope: WorkbookScope = EVERY_ROW,
                  origins: Origins | None = None) -> WorkbookSheet | None:
    """Each plan (the fifth tab), one block each: every cell as the paper states it, the worked-out subtotals
    and totals, and the paper's printed totals beside them, a disagreement or a printed total that could not be
    checked (a TBC or N/K in its lines) said under the plan. In a county file (``origins``) each row ends with the
    office its plan came from, as the other merged sheets' rows do."""
    from safer_desk.services import budgets as svc

    plans = sorted((p for p in svc.list_plans(store) if scope.keeps("plans", p.id)), key=lambda p: p.name.casefold())
    if not plans:
        return None
    # A line's figure under Amount, a worked-out or printed total under Total: in one column, a sum of it (or Excel's
    # status bar over it) counted each line again in its subtotal, its total and the paper's printed total.
    columns = [Column("Section", width=28), Column("Line", width=45), Column("Year"), Column("Amount (£)", "money"),
               Column("Total (£)", "money"), Column("As the paper states it", width=24),
               Column(IN_PLAN_TOTAL, width=16), Column("Note", width=40)]
    columns += [Column(MERGED_FROM, width=30)] if origins else []
    # What a linked line actually shows, as the Budgets tab and the board report show it: last, so the sheet's other
    # columns stand where they stood.
    columns += [Column("Linked to", width=40), Column("Actual (£)", "money"), Column("Difference (£)", "money")]
    blocks = []
    # A linked project or fund named as the window names it: in a county file where two offices' read alike, with
    # the office it came from (the staged export keeps no note of that; the county file's ``origins`` say it).
    from safer_desk.services.provenance import FUNDS, PROJECTS, RowOrigins

    named = {t: RowOrigins(origins.get(t, {}), True, TYPED_AT_COUNTY) for t in (PROJECTS, FUNDS)} if origins else None
    for plan in plans:
        view = svc.plan_view(store, plan.id, origins=named)
        # A typed cell in the paper's words ("£4,000 (£2,000 per district)": the split is not in the amount), in the
        # paper's unit (seed 004's 878 in £'000, beside its £878,000); a worked-out or printed total says which it is.
        unit = view.plan.unit
        typed = {line.id: line.cells for section in view.plan.sections for line in section.lines}
        # An income line is printed as the paper prints it (£20,000, not -£20,000): the section's sign is said
        signs = {section.id: section.sign for section in view.plan.sections}
        rows = [[section, line, year, *((cell.pence, None) if row.kind == "line" else (None, cell.pence)),
                 _as_stated(typed[row.line_id].get(column.id), unit) if row.kind == "line"
                 else BUDGET_STATUS_WORDS.get(cell.status, cell.status),
                 SIGN_WORDS[signs[row.section_id]] if row.section_id in signs else "",
                 _budget_note(cell, row)] + ([_merged_from(origins, "budget_plans", plan.id)] if origins else [])
                + [actual.linked_to, actual.actual_pence, actual.difference_pence]
                for section, line, year, cell, row, column, actual in svc.plan_figures_with_actuals(view)]
        note = " ".join(view.warnings + view.unchecked)
        if note and view.plan.unit == "thousand":  # its flags in the paper's figures, under a sheet in pounds
            note = f"Figures in these notes are in £'000, as the paper prints them: {note}"
        if view.plan.unit == "thousand":
            note = " ".join(filter(None, (note, "This paper prints its figures in £'000: “As the paper states it” "
                                          "gives them so (878 for £878,000), the amounts are in pounds.")))
        note = " ".join(filter(None, (note, *svc.actuals_notes(view))))
        blocks.append(Block(rows, title=view.plan.name, note=note))
    return WorkbookSheet("Budgets", "Budgets and plans", "Each plan's lines by year as its paper states them (TBC, "
                         "N/K, nil), with the worked-out subtotals and totals and the paper's printed totals.",
                         columns, blocks, note="Amounts in pounds; a plan printed in £'000 is shown in pounds. "
                         "Amount (£) holds the lines' figures only, so a sum of it counts each once; the worked-out "
                         "subtotals and totals and the paper's printed totals are under Total (£). Figures are "
                         f"positive as the paper prints them: {IN_PLAN_TOTAL} says whether each is added to the "
                         "plan's total (spend), taken off it (income, grants, savings) or not counted in it. A line "
                         "linked to a project, a funder's share of one, a pooled fund or a review has, under Actual "
                         "(£), what that actually shows in the year, as the Budgets tab shows it, and under "
                         "Difference (£) the actual less the paper's figure (positive: more than planned); a year the "
                         "paper leaves blank is listed where there is an actual.")
