"""Commissioning scenarios: tick projects against a fund, scale them, save, compare and export the board's table."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from safer_desk.domain.commissioning import (
    UNDATED, Candidate, Commitment, ScenarioLine, Suggestion, commitment, what_fits,
)
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import format_money, format_pounds_plain
from safer_desk.domain.projects import CRITERIA, CRITERIA_KEYS, Scale, fund_variant
from safer_desk.services.projects import Project, load_projects
from safer_desk.storage.store import Store

PRG_SHARE_PENCE = 14_503_460  # seed 000: one ninth of the PRG delivery partnership pot, £145,034.60
RETAINED_PENCE = 6_551_200  # seed 000: the board's 10% retained budget 2009/10, £65,512


def fund_presets() -> list[tuple[str, int]]:
    """The funds of seed 000, offered as one-click choices."""
    return [
        ("Board retained budget 2009/10", RETAINED_PENCE),
        ("PRG share", PRG_SHARE_PENCE),
        ("PRG share +20%", fund_variant(PRG_SHARE_PENCE, 20)),
        ("PRG share -20%", fund_variant(PRG_SHARE_PENCE, -20)),
    ]


class ScenarioError(ValueError):
    """A scenario that cannot be saved; the message says why."""


@dataclass(frozen=True)
class ScenarioItem:
    project_id: str
    scale: Scale = Scale()


@dataclass(frozen=True)
class Scenario:
    id: str
    name: str
    fund_pence: int
    fund_label: str = ""
    notes: str = ""
    items: tuple[ScenarioItem, ...] = ()
    created_at: str = ""
    updated_at: str = ""

    def scale_of(self, project_id: str) -> Scale | None:
        for item in self.items:
            if item.project_id == project_id:
                return item.scale
        return None


@dataclass(frozen=True)
class ScenarioRow:
    project: Project
    scale: Scale
    cost_pence: int | None  # the planning cost (top of a range, the minimum); None when no cost is stated
    scaled_pence: int
    by_year: Mapping[str, int]


@dataclass(frozen=True)
class ScenarioResult:
    fund_pence: int
    rows: tuple[ScenarioRow, ...]
    commitment: Commitment
    problems: tuple[str, ...] = ()
    name: str = ""
    fund_label: str = ""

    @property
    def committed_pence(self) -> int:
        return self.commitment.committed_pence

    @property
    def remaining_pence(self) -> int:
        return self.commitment.remaining_pence

    def summary(self) -> str:
        """One line for the officer: committed and remaining, or by how much the fund is over-committed."""
        c = self.commitment
        head = f"Fund {format_money(c.fund_pence)}; committed {format_money(c.committed_pence)}"
        if c.over_committed:
            return f"{head}; OVER-COMMITTED by {format_money(-c.remaining_pence)}"
        return f"{head}; remaining {format_money(c.remaining_pence)}"


def evaluate(projects: Iterable[Project], fund_pence: int, items: Sequence[ScenarioItem], *,
             name: str = "", fund_label: str = "") -> ScenarioResult:
    """The ticked projects scaled and added up against the fund, per financial year; adds up to the penny."""
    by_id = {p.id: p for p in projects}
    lines, rows, problems = [], [], []
    for item in items:
        project = by_id.get(item.project_id)
        if project is None:
            continue
        cost = project.planning_pence
        if cost is None:
            problems.append(f"{project.title}: no cost is stated, so it adds nothing to the commitment.")
        line = ScenarioLine(project.id, cost or 0, item.scale, project.year_weights())
        lines.append(line)
        rows.append(ScenarioRow(project, item.scale, cost, line.scaled_pence, line.by_year()))
    rows.sort(key=lambda r: _order(r.project))
    return ScenarioResult(fund_pence, tuple(rows), commitment(fund_pence, lines), tuple(problems), name, fund_label)


def _order(project: Project):
    from safer_desk.services.projects import register_order

    return register_order(project)


def suggest(projects: Iterable[Project], fund_pence: int) -> Suggestion:
    """The "what fits" proposal: the projects meeting the most criteria in total within the fund (in full)."""
    eligible = sorted((p for p in projects if p.planning_pence is not None
                       and p.status not in ("declined", "withdrawn", "completed")), key=_order)
    # Keys in register order, so that between equally good sets the one with the earlier projects is proposed.
    keys = {f"{i:09d}": p.id for i, p in enumerate(eligible)}
    candidates = [Candidate(k, eligible[i].planning_pence, eligible[i].criteria_met) for i, k in enumerate(keys)]
    found = what_fits(fund_pence, candidates)
    return Suggestion(tuple(keys[k] for k in found.keys), found.score, found.cost_pence)


# -- storing -------------------------------------------------------------------------------------------

def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def list_scenarios(store: Store) -> list[Scenario]:
    items: dict[str, list[ScenarioItem]] = {}
    for r in store.rows("SELECT scenario_id, project_id, scale_numerator, scale_denominator, scale_in_months "
                        "FROM scenario_items ORDER BY rowid"):
        items.setdefault(r[0], []).append(ScenarioItem(r[1], Scale(r[2], r[3], bool(r[4]))))
    return [Scenario(r["id"], r["name"], r["fund_pence"], r["fund_label"], r["notes"], tuple(items.get(r["id"], ())),
                     r["created_at"], r["updated_at"])
            for r in store.rows("SELECT * FROM commissioning_scenarios ORDER BY name COLLATE NOCASE")]


def get_scenario(store: Store, scenario_id: str) -> Scenario:
    for s in list_scenarios(store):
        if s.id == scenario_id:
            return s
    raise ScenarioError("That scenario is no longer saved.")


def save_scenario(store: Store, scenario: Scenario) -> Scenario:
    """Save a scenario under its name (a new id adds it, an existing id replaces it), in one transaction."""
    name = scenario.name.strip()
    if not name:
        raise ScenarioError("Give the scenario a name.")
    if scenario.fund_pence < 0:
        raise ScenarioError("The fund cannot be negative.")
    clash = store.scalar("SELECT id FROM commissioning_scenarios WHERE name = ? AND id <> ?", (name, scenario.id))
    if clash:
        raise ScenarioError(f"There is already a scenario called “{name}”; choose another name.")
    seen = set()
    for item in scenario.items:
        if item.project_id in seen:
            raise ScenarioError("A project can be ticked only once in a scenario.")
        seen.add(item.project_id)
    now = _now()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO commissioning_scenarios(id, name, fund_pence, fund_label, notes, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
            "fund_pence = excluded.fund_pence, fund_label = excluded.fund_label, notes = excluded.notes, "
            "updated_at = excluded.updated_at",
            (scenario.id, name, scenario.fund_pence, scenario.fund_label, scenario.notes,
             scenario.created_at or now, now))
        store.conn.execute("DELETE FROM scenario_items WHERE scenario_id = ?", (scenario.id,))
        for item in scenario.items:
            if store.scalar("SELECT 1 FROM projects WHERE id = ?", (item.project_id,)) is None:
                raise ScenarioError("A ticked project is no longer in the register.")
            store.conn.execute(
                "INSERT INTO scenario_items(id, scenario_id, project_id, scale_numerator, scale_denominator, "
                "scale_in_months) VALUES (?, ?, ?, ?, ?, ?)",
                (new_id(), scenario.id, item.project_id, item.scale.numerator, item.scale.denominator,
                 int(item.scale.months)))
    return get_scenario(store, scenario.id)


def new_scenario(name: str, fund_pence: int, items: Sequence[ScenarioItem] = (), *, fund_label: str = "",
                 notes: str = "") -> Scenario:
    return Scenario(new_id(), name, fund_pence, fund_label, notes, tuple(items))


def delete_scenario(store: Store, scenario_id: str) -> Scenario:
    """Delete a saved scenario; returns it so the deletion can be undone with save_scenario."""
    scenario = get_scenario(store, scenario_id)
    with store.transaction():
        store.conn.execute("DELETE FROM commissioning_scenarios WHERE id = ?", (scenario_id,))
    return scenario


def evaluate_saved(store: Store, scenario: Scenario, projects: Sequence[Project] | None = None) -> ScenarioResult:
    projects = load_projects(store) if projects is None else projects
    return evaluate(projects, scenario.fund_pence, scenario.items, name=scenario.name,
                    fund_label=scenario.fund_label)


# -- the board's table ---------------------------------------------------------------------------------

def years_of(*results: ScenarioResult) -> list[str]:
    years = sorted({y for r in results for y in r.commitment.by_year}, key=lambda y: (y == UNDATED, y))
    return years


@dataclass
class BoardTable:
    header: list[str]
    rows: list[list]
    total: list
    money_columns: set[int] = field(default_factory=set)
    summary: str = ""


def board_table(result: ScenarioResult, *, plain: bool = False) -> BoardTable:
    """The scenario as the board sees it (seed 000 table plus what is committed): figures formatted, or
    int pence for a workbook when ``plain`` is False and money columns are marked."""
    years = years_of(result)
    header = ["Ref", "Project / Initiative", *[title for _, _, title in CRITERIA], "Suitable funding", "Cost",
              "Scale", "Committed", *years]
    money_from = 2 + len(CRITERIA_KEYS) + 4
    money = {money_from - 1, *range(money_from, money_from + len(years))}

    def m(pence: int | None):
        if pence is None:
            return ""
        return format_money(pence) if plain else pence

    rows = []
    for r in result.rows:
        p = r.project
        rows.append([p.ref, p.title, *[p.criterion(k).describe() for k in CRITERIA_KEYS], p.funding_route,
                     p.cost_text, r.scale.describe(), m(r.scaled_pence), *[m(r.by_year.get(y)) for y in years]])
    c = result.commitment
    total = ["", "Total committed", *[""] * len(CRITERIA_KEYS), "", "", "", m(c.committed_pence),
             *[m(c.by_year.get(y, 0)) for y in years]]
    return BoardTable(header, rows, total, set() if plain else money, result.summary())


def scenario_html(result: ScenarioResult, title: str = "") -> str:
    """The scenario's table as a small HTML page (for printing to PDF)."""
    table = board_table(result, plain=True)
    e = html.escape
    right = set(range(len(table.header) - len(years_of(result)) - 1, len(table.header)))
    cells = lambda row, tag: "".join(  # noqa: E731
        f"<{tag}{' align=right' if i in right else ''}>{e(str(v))}</{tag}>" for i, v in enumerate(row))
    body = "".join(f"<tr>{cells(r, 'td')}</tr>" for r in table.rows)
    return (f"<html><head><meta charset='utf-8'><title>{e(title or result.name)}</title></head><body>"
            f"<h2>{e(title or result.name or 'Commissioning scenario')}</h2>"
            f"<p>{e(result.fund_label)} {e(table.summary)}</p>"
            f"<table border=1 cellspacing=0 cellpadding=3><tr>{cells(table.header, 'th')}</tr>{body}"
            f"<tr>{cells(table.total, 'th')}</tr></table>"
            + "".join(f"<p>{e(p)}</p>" for p in result.problems)
            + "<p>Criteria: √ yes, X no, ? unknown. Scaled amounts are rounded to the penny, halves up; "
              "amounts across financial years are split by largest remainder so they add up.</p></body></html>")


def export_scenario(result: ScenarioResult, target: Path | str) -> Path:
    """Write the scenario's board table to .xlsx, .csv or .html, atomically."""
    from safer_desk.exchange.files import Sheet, atomic_path, write_csv, write_xlsx

    target = Path(target)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        table = board_table(result, plain=False)
        plain = [[format_pounds_plain(v) if i in table.money_columns and isinstance(v, int) else v
                  for i, v in enumerate(row)] for row in [*table.rows, table.total]]
        return write_csv(target, table.header, plain)
    if suffix == ".xlsx":
        table = board_table(result, plain=False)
        c = result.commitment
        summary = [["Fund", c.fund_pence], ["Committed", c.committed_pence], ["Remaining", c.remaining_pence]]
        return write_xlsx(target, [
            Sheet(result.name or "Scenario", table.header, [*table.rows, table.total], table.money_columns,
                  title=f"{result.name} — {result.fund_label}".strip(" —")),
            Sheet("Summary", ["", "Amount"], summary, {1}),
        ])
    if suffix in (".html", ".htm"):
        with atomic_path(target) as tmp:
            tmp.write_text(scenario_html(result), encoding="utf-8")
        return target
    raise ScenarioError(f"{target.name}: export a scenario as .xlsx, .csv or .html.")


@dataclass(frozen=True)
class ComparisonRow:
    title: str
    a_pence: int | None
    b_pence: int | None

    @property
    def difference_pence(self) -> int:
        return (self.b_pence or 0) - (self.a_pence or 0)


def compare(a: ScenarioResult, b: ScenarioResult) -> list[ComparisonRow]:
    """Each project in either scenario with what each commits (None when not ticked); totals last."""
    a_rows = {r.project.id: r for r in a.rows}
    b_rows = {r.project.id: r for r in b.rows}
    projects = {r.project.id: r.project for r in (*a.rows, *b.rows)}
    rows = [ComparisonRow(p.title, a_rows[p.id].scaled_pence if p.id in a_rows else None,
                          b_rows[p.id].scaled_pence if p.id in b_rows else None)
            for p in sorted(projects.values(), key=_order)]
    rows.append(ComparisonRow("Total committed", a.committed_pence, b.committed_pence))
    rows.append(ComparisonRow("Fund", a.fund_pence, b.fund_pence))
    rows.append(ComparisonRow("Remaining", a.remaining_pence, b.remaining_pence))
    return rows

