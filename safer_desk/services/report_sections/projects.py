"""The projects tab's part of the board report: the commissioning options and the saved scenarios."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.money import format_money
from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.projects import CRITERIA, CRITERIA_KEYS
from safer_desk.services.report_model import ReportSection, ReportTable
from safer_desk.storage.store import Store

OPEN = ("proposed", "shortlisted", "commissioned", "live")


def _overlaps(project, year: FinancialYear) -> bool:
    """A project belongs to a year when its dates or cost lines touch it (undated projects always do)."""
    years = {line.financial_year for line in project.cost_lines if line.financial_year}
    if years:
        return year.label in years
    start = date.fromisoformat(project.start_date) if project.start_date else None
    end = date.fromisoformat(project.end_date) if project.end_date else None
    if start and start > year.last_day:
        return False
    if end and end < year.first_day:
        return False
    return True


def _in_area(store: Store, project, area_id: str | None) -> bool:
    if not area_id:
        return True
    names = {r[0] for r in store.rows(
        "SELECT d.name FROM partnership_districts pd JOIN districts d ON d.id = pd.district_id "
        "WHERE pd.partnership_id = ?", (area_id,))}
    names |= {r[0] for r in store.rows("SELECT name FROM partnerships WHERE id = ? UNION "
                                       "SELECT name FROM districts WHERE id = ?", (area_id, area_id))}
    lowered = {n.casefold() for n in names}
    return any(a.casefold() in lowered or a.casefold() == "countywide" for a in project.areas)


def board_report_sections(store: Store, *, year: FinancialYear | None = None,
                          area_id: str | None = None) -> list[ReportSection]:
    """This tab's sections for the board report, for a financial year and area (None: all)."""
    from safer_desk.services.projects import load_projects
    from safer_desk.services.projects_commissioning import board_table, evaluate, list_scenarios

    projects = [p for p in load_projects(store) if p.status in OPEN
                and (year is None or _overlaps(p, year)) and _in_area(store, p, area_id)]
    sections: list[ReportSection] = []
    if projects:
        rows = [[p.ref, p.title, *[p.criterion(k).describe() for k in CRITERIA_KEYS], p.funding_route, p.cost_text,
                 p.status.capitalize()] for p in projects]
        checks = [f"{p.ref + '. ' if p.ref else ''}{p.title}: {p.warning}" for p in projects if p.warning]
        sections.append(ReportSection(
            "Commissioning options",
            paragraphs=["Projects proposed, shortlisted or commissioned, with their alignment to the board's "
                        "criteria (√ yes, X no, ? unknown)."],
            tables=[ReportTable(
                "Projects and the board's criteria",
                ["", "Project / Initiative", *[title for _, _, title in CRITERIA], "Suitable Funding", "Cost(£)",
                 "Status"],
                rows, align=["l", "l", *["c"] * len(CRITERIA), "l", "r", "l"],
                note=" ".join(checks))],
        ))
    all_projects = load_projects(store)
    scenario_tables = []
    for scenario in list_scenarios(store):
        result = evaluate(all_projects, scenario.fund_pence, scenario.items, name=scenario.name,
                          fund_label=scenario.fund_label)
        table = board_table(result, plain=True)
        money_from = len(table.header) - len(result.commitment.by_year) - 1
        scenario_tables.append(ReportTable(
            f"{scenario.name} ({scenario.fund_label + ': ' if scenario.fund_label else ''}"
            f"{format_money(scenario.fund_pence)})",
            table.header, [[str(v) for v in row] for row in table.rows],
            align=["l"] * money_from + ["r"] * (len(table.header) - money_from),
            total_row=[str(v) for v in table.total],
            note=" ".join([result.summary() + ".", *result.problems]),
        ))
    if scenario_tables:
        sections.append(ReportSection(
            "Commissioning scenarios",
            paragraphs=["Saved scenarios: the projects ticked against each fund, any scaling (a pilot at one "
                        "third, months of a post), and what is left. Figures are to the penny."],
            tables=scenario_tables))
    return sections
