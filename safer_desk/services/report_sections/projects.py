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
    from safer_desk.services.funders import shares_text
    from safer_desk.services.illustrative import illustrative_rows
    from safer_desk.services.projects import load_projects
    from safer_desk.services.projects_commissioning import board_table, evaluate_saved, list_scenarios

    projects = [p for p in load_projects(store) if p.status in OPEN
                and (year is None or _overlaps(p, year)) and _in_area(store, p, area_id)]
    sections: list[ReportSection] = []
    if projects:
        rows = [[p.ref, p.title, *[p.criterion(k).describe() for k in CRITERIA_KEYS], p.funding_route, p.cost_text,
                 p.status.capitalize(), shares_text(p)] for p in projects]
        checks = [f"{p.ref + '. ' if p.ref else ''}{p.title}: {p.warning}" for p in projects if p.warning]
        sections.append(ReportSection(
            "Commissioning options",
            paragraphs=["Projects proposed, shortlisted or commissioned, with their alignment to the board's "
                        "criteria (√ yes, X no, ? unknown)."],
            tables=[ReportTable(
                "Projects and the board's criteria",
                ["", "Project / Initiative", *[title for _, _, title in CRITERIA], "Suitable Funding", "Cost(£)",
                 "Status", "Funders' shares"],
                rows, align=["l", "l", *["c"] * len(CRITERIA), "l", "r", "l", "l"],
                note=" ".join(checks))],
        ))
        award_section = funders_section(store, projects, year)
        if award_section is not None:  # the funders' shares sit with the options they fund
            sections[-1].paragraphs += award_section.paragraphs
            sections[-1].tables += award_section.tables
    all_projects = load_projects(store)
    scenario_tables = []
    marked = illustrative_rows(store, "commissioning_scenarios")
    for scenario in list_scenarios(store):
        result = evaluate_saved(store, scenario, all_projects)
        table = board_table(result, plain=True)
        money_from = len(table.header) - len(result.commitment.by_year) - 1
        scenario_tables.append(ReportTable(
            f"{scenario.name} ({scenario.fund_label + ': ' if scenario.fund_label else ''}"
            f"{format_money(scenario.fund_pence)})",
            table.header, [[str(v) for v in row] for row in table.rows],
            align=["l"] * money_from + ["r"] * (len(table.header) - money_from),
            total_row=[str(v) for v in table.total],
            note=" ".join([result.summary() + ".", *result.problems, *result.notes,
                           *([f"Illustrative: {marked[scenario.id]}"] if scenario.id in marked else [])]),
        ))
    if scenario_tables:
        sections.append(ReportSection(
            "Commissioning scenarios",
            paragraphs=["Saved scenarios: the projects ticked against each fund, any scaling (a pilot at one "
                        "third, months of a post), and what is left. Figures are to the penny."],
            tables=scenario_tables))
    return sections


def funders_section(store: Store, projects, year: FinancialYear | None) -> ReportSection | None:
    """Each award's funder against the open projects' shares from it, year by year (seed 003: the PCC's
    £400,568 for 2017/18 against £110,000 + £25,000 + £98,500 = £233,500 of shares, £167,068 left)."""
    from safer_desk.domain.commissioning import same_funder
    from safer_desk.services.funders import list_awards

    tables = []
    for award in list_awards(store):
        years = award.year_labels or ([award.first_year] if award.first_year else [])
        for label in years:
            if year is not None and label != year.label:
                continue
            shares = []
            for p in projects:
                mine = [s for s in p.funding_sources if same_funder(s.source, award.funder)
                        and (not s.financial_year or s.financial_year == label)]
                if mine:
                    shares.append((p, mine))
            if not shares:
                continue
            amount = award.amount_for(label)
            rows, committed, unknown = [], 0, 0
            for p, mine in shares:
                known = [s.amount_pence for s in mine if s.amount_pence is not None]
                words = "; ".join(s.amount_note for s in mine if s.amount_pence is None and s.amount_note)
                if known:
                    committed += sum(known)
                else:
                    unknown += 1
                rows.append([p.ref, p.title, format_money(sum(known)) if known else (words or "not known"),
                             p.cost_text or "", p.status.capitalize()])
            left = [] if amount is None else [format_money(amount - committed)]
            note = [award.conditions]
            if amount is not None:
                note.insert(0, f"{award.funder}'s shares come to {format_money(committed)} of the "
                               f"{format_money(amount)} awarded for {label}: "
                               + (f"{format_money(amount - committed)} left." if committed <= amount else
                                  f"over-committed by {format_money(committed - amount)}."))
            if unknown:
                note.append(f"{unknown} share{'s are' if unknown != 1 else ' is'} not known yet and count nothing.")
            split = award.split(label)
            if split is not None:
                note.append(f"Revenue {format_money(split[0])} ({award.revenue_bp / 100:g}%), capital "
                            f"{format_money(split[1])} ({award.capital_bp / 100:g}%).")
            tables.append(ReportTable(
                f"{award.name}: {label}" + (f" ({format_money(amount)})" if amount is not None else ""),
                ["", "Project", f"{award.funder}'s share", "Total budget", "Status"], rows,
                align=["l", "l", "r", "r", "l"],
                total_row=["", "Committed", format_money(committed), "", ""] if not left else
                ["", f"Committed (left: {left[0]})", format_money(committed), "", ""],
                note=" ".join(n for n in note if n)))
    if not tables:
        return None
    return ReportSection("Funders' shares", [
        "Each funder's award against its share of the projects it funds: a project counts the funder's share "
        "only, not its whole budget."], tables)
