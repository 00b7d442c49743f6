"""The projects tab's part of the board report: the commissioning options and the saved scenarios."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.money import format_money
from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.projects import CRITERIA, CRITERIA_KEYS, STATUS_LABELS
from safer_desk.domain.text import counted
from safer_desk.services.provenance import (MERGED_FROM, NOT_A_COUNTY_FILE, PROJECTS, RowOrigins, row_origins,
                                            titles_said)
from safer_desk.services.report_model import ReportAreas, ReportSection, ReportTable
from safer_desk.services.report_sections import merged_from_cells
from safer_desk.storage.store import Store

OPEN = ("proposed", "shortlisted", "commissioned", "live")
# A funder's award counts these projects' shares: the open ones', and a completed project's, whose money was spent
# (counting it nothing gave the spent money back to the award's "left"); not those declined or withdrawn.
DRAWN_ON = (*OPEN, "completed")
CLOSED_NAMED = 12  # the projects no longer open named in the report; more are counted (a register of many years)


def project_years(project) -> set[str]:
    """The financial years a project belongs to, from what is dated about it (empty: nothing is).

    Its cost lines' years; else the years its start and end dates span; else the years of its dated status
    changes (proposed on 24/01/2017: 2016/17).
    """
    years = {line.financial_year for line in project.cost_lines if line.financial_year}
    if years:
        return years
    if project.start_date or project.end_date:
        start = date.fromisoformat(project.start_date or project.end_date)
        end = date.fromisoformat(project.end_date or project.start_date)
        first, last = FinancialYear.of(start), FinancialYear.of(max(start, end))
        return {FinancialYear(y).label for y in range(first.start_year, last.start_year + 1)}
    return {FinancialYear.of(date.fromisoformat(c.changed_on)).label for c in project.status_history if c.changed_on}


def scenario_years(scenario, by_id: dict) -> set[str]:
    """A commissioning scenario's years: those of its dated projects (empty when none is dated)."""
    return {y for item in scenario.items if item.project_id in by_id for y in project_years(by_id[item.project_id])}


def scenario_report_years(scenario, by_id: dict, awards: dict | None = None) -> set[str]:
    """The years whose report shows a saved scenario: against an award's year, that year (all it commits is that
    year's money, however its projects are dated); against an award's total over several years (``awards`` by id),
    each of them, as the scenario counts the whole award (a year saved before the award was corrected to a total
    included); otherwise those of its dated projects (``scenario_years``)."""
    award = (awards or {}).get(scenario.award_id)
    if award is not None and award.total_over_years:
        first, last = FinancialYear.parse(award.first_year), FinancialYear.parse(award.last_year)
        return {FinancialYear(y).label for y in range(first.start_year, last.start_year + 1)}
    if scenario.award_id and scenario.award_year:
        return {scenario.award_year}
    return scenario_years(scenario, by_id)


def _in_year(years: set[str], year: FinancialYear | None) -> bool:
    return year is None or year.label in years


def _begun_by(years: set[str], until: FinancialYear | None) -> bool:
    """Whether a project (or scenario) of these years began by ``until``, the last year of a partnership that has
    ended (``ReportAreas.until``): one begun after it is another partnership's, though in one of its old districts
    (a Mid Suffolk project of 2020/21 is Western Suffolk CSP's, not Western CSP's). Dated by nothing: kept."""
    return until is None or not years or min(FinancialYear.parse(y).start_year for y in years) <= until.start_year


def _in_areas(store: Store, project, areas: ReportAreas, office_county: str | set[str] | None, known: dict) -> bool:
    """Whether a project's areas (free text: district, partnership or county names, or "Countywide") lie in areas.

    "Countywide" means the county of the project's other named areas, else the county its lead organisation is
    named for ("Suffolk County Council", "Suffolk Constabulary"), else the office's county (in a county file, the
    county of the office it came from: ``origin_counties``): a county-wide Suffolk project is not a Plymouth
    project, nor a Cornwall office's a Suffolk one. An office naming no county (a unitary: Cardiff) has its own.
    """
    from safer_desk.services import reference as ref

    if areas.unnamed:  # an office naming no areas yet: every project of its file is its own
        return True
    named = [ref.area_as_filed(a.strip()) for a in project.areas if a.strip()]  # "Caerdydd" is Cardiff
    if not named:  # no area covered typed: the office's own, in its report of all its areas (as a review with no
        return areas.office  # district is); left out without a word before, its funder's share with it
    if any(a.casefold() in areas.names for a in named if a.casefold() not in ref.COUNTYWIDE_WORDS):
        return True
    if not any(a.casefold() in known or a.casefold() in ref.COUNTYWIDE_WORDS for a in named):
        # No area the file knows ("Ipswich, Babergh" typed with a comma, "Ipswch"): the office's own, as a project
        # naming none is, and said beside it (``areas_not_known``); left out of every report without a word before.
        return areas.office
    if not any(a.casefold() in ref.COUNTYWIDE_WORDS for a in named):
        return False
    others = [known.get(a.casefold()) for a in named if a.casefold() not in ref.COUNTYWIDE_WORDS]
    counties = ref.county_names_of(store, [a.id for a in others if a is not None and a.kind == "district"])
    counties |= {a.name for a in others if a is not None and a.kind == "county"}
    if not counties:
        lead = project.lead_organisation.strip().casefold()
        counties = {a.name for a in known.values() if a.kind == "county"
                    and (lead == a.name.casefold() or lead.startswith(a.name.casefold() + " "))}
    if not counties and office_county:
        counties = {office_county} if isinstance(office_county, str) else set(office_county)
    if not counties:  # a unitary's office naming no county (Cardiff, Plymouth): county-wide is the whole of its area
        return areas.office
    return any(areas.covers_county(c) for c in counties)


def projects_in_areas(store: Store, projects, areas: ReportAreas,
                      came_from: dict[str, set[str]] | None = None) -> list:
    """The projects of these areas (``_in_areas``; "Countywide" as the county of the office a merged project came
    from, ``origin_counties``, given when the caller has read it, else the file's): the one rule of the board report
    and the county workbook."""
    from safer_desk.services import reference as ref

    county = ref.office_county(store)
    known = {a.name.casefold(): a for a in reversed(ref.known_areas(store))}
    came_from = origin_counties(store) if came_from is None else came_from
    return [p for p in projects
            if _in_areas(store, p, areas, came_from.get(p.id) or (county.name if county else None), known)]


def origin_counties(store: Store) -> dict[str, set[str]]:
    """In a county file, the county of the office each merged project came from (the county it names, else its
    districts'), by project id: a Cornwall office's "Countywide" is Cornwall, shown under its own county as its
    figures are, not counted in the county file's. Projects held by several offices, or typed at the county, are
    the file's county's (not listed)."""
    from safer_desk.services import reference as ref
    from safer_desk.storage.schema.exchange import PROVENANCE_TABLE

    scope = ref.office_scope(store)
    if not scope.is_county_file or not store.scalar("SELECT 1 FROM sqlite_master WHERE name = ?", (PROVENANCE_TABLE,)):
        return {}  # (an export of a county file names its merged offices but records no origins)
    by_office = {}
    for office in scope.merged_offices:
        named = {a.name for a in office.areas if a.kind == "county"}
        by_office[office.office_id] = named or ref.county_names_of(
            store, [d for a in office.areas for d in ref.area_district_ids(store, a)])
    out: dict[str, set[str]] = {}
    for project_id, office_id in store.rows(f"SELECT row_key, office_id FROM {PROVENANCE_TABLE} "
                                            "WHERE table_name = 'projects' AND shared = 0"):
        if by_office.get(office_id):
            out[project_id] = by_office[office_id]
    return out


def board_report_sections(store: Store, *, year: FinancialYear | None = None, areas: ReportAreas | None = None,
                          today: date | None = None) -> list[ReportSection]:
    """This tab's sections for the board report: the year's projects and scenarios in the report's areas (the
    report's day, ``today``, changes none of them). In a county file its tables say which office each project came
    from (*Merged from*, after the project's title, as the register and Commissioning show it) and its notes name the
    office of a project whose title another has; an office's own report names such a project by its ref and title
    ("17. Outreach worker", ``titles_said``), and is otherwise as it always was."""
    from safer_desk.services.funders import list_awards, shares_text
    from safer_desk.services.illustrative import illustrative_rows
    from safer_desk.services.projects import (areas_not_known, known_area_names, load_projects, project_name,
                                              shares_over_cost)
    from safer_desk.services.projects_commissioning import board_table, evaluate_saved, list_scenarios
    from safer_desk.services.report_sections import office_areas_for

    areas = office_areas_for(store, year, areas)
    all_projects = load_projects(store)
    by_id = {p.id: p for p in all_projects}
    origins = row_origins(store, PROJECTS)
    said = titles_said(all_projects, origins)  # the whole register's titles, as Commissioning weighs them
    merged = [MERGED_FROM] if origins.shown else []

    def named(p) -> str:  # "16. Outreach worker (merged from Babergh office)" where the title alone is not enough
        return f"{project_name(p)} ({origins.phrase(p.id)})" if origins.shown and p.id in said else project_name(p)

    scenarios = list_scenarios(store)
    awards = {a.id: a for a in list_awards(store)}
    # A project dated by nothing of its own takes the years of the scenarios that include it.
    inherited: dict[str, set[str]] = {}
    for scenario in scenarios:
        for item in scenario.items:
            inherited.setdefault(item.project_id, set()).update(scenario_years(scenario, by_id))
    years = {p.id: project_years(p) or inherited.get(p.id, set()) for p in all_projects}
    local = [p for p in projects_in_areas(store, all_projects, areas) if _begun_by(years[p.id], areas.until)]
    projects = [p for p in local if p.status in OPEN and _in_year(years[p.id], year)]
    undated = [p for p in local if p.status in OPEN and not years[p.id]] if year is not None else []
    # Completed, declined or withdrawn since a paper listed them: said, not dropped from the board's table unsaid.
    closed = [p for p in local if p.status not in OPEN and _in_year(years[p.id], year)]
    sections: list[ReportSection] = []
    # A year's award tables count the shares of that year of every open project, however dated: they are in the
    # year's report even when no project is dated in it (a 2018/19 project's share of 2019/20's award), and a
    # project dated by nothing of its own counts its share dated 2017/18 in 2017/18's (left out, its money went back
    # to what the award had left in the year's report only).
    award_section = funders_section(store, [p for p in local if p.status in DRAWN_ON and _in_year(years[p.id], year)],
                                    year, [p for p in local if p.status in DRAWN_ON], origins=origins, said=said)
    if projects or undated or closed or award_section is not None:
        came, every = merged_from_cells(origins, [p.id for p in projects])  # "5 offices", named in the note
        rows = [[p.ref, p.title, *([c] if merged else []),
                 *[p.criterion(k).describe() for k in CRITERIA_KEYS], p.funding_route, p.cost_text,
                 p.status.capitalize(), shares_text(p) + (" ⚠" if shares_over_cost(p) else "")]
                for p, c in zip(projects, came)]
        known = known_area_names(store)
        checks = [f"{named(p)}: {p.warning}" for p in projects if p.warning]
        checks += [f"{named(p)}: {' '.join(unknown)}" for p in projects if (unknown := areas_not_known(p, known))]
        checks += [f"{named(p)}: {over}" for p in projects if (over := shares_over_cost(p))]  # as the editor warns
        # A criterion not scored yet is a blank cell: said, so that the board does not read it as "no".
        blank = any(not p.criterion(k).describe() for p in projects for k in CRITERIA_KEYS)
        paragraphs = ["Projects proposed, shortlisted, commissioned or live, with their alignment to the board's "
                      f"criteria (√ yes, X no, ? unknown{', blank not recorded' if blank else ''})." if projects else
                      f"No open project in these areas belongs to {year.label if year else 'any year'}."]
        if undated:
            paragraphs.append(
                f"{counted(len(undated), 'project')} in these areas "
                + ("has no dates, no costs by year and no dated status, so it is" if len(undated) == 1 else
                   "have no dates, no costs by year and no dated status, so they are")
                + " in the report for all years but not in one year's: "
                + "; ".join(named(p) for p in undated) + ".")
        if closed:
            listed = [f"{named(p)} ({STATUS_LABELS.get(p.status, p.status).lower()})" for p in closed]
            more = len(listed) - CLOSED_NAMED
            paragraphs.append("Not listed, no longer open: " + "; ".join(listed[:CLOSED_NAMED])
                              + (f"; and {more} more" if more > 0 else "") + ".")
        tables = [ReportTable(
            "Projects and the board's criteria",
            ["", "Project / Initiative", *merged, *[title for _, _, title in CRITERIA], "Suitable Funding",
             "Cost(£)", "Status", "Funders' shares"],
            rows, align=["l", "l", *["l"] * len(merged), *["c"] * len(CRITERIA), "l", "r", "l", "l"],
            note=" ".join([*checks, *filter(None, [every])]))] if projects else []
        sections.append(ReportSection("Commissioning options", paragraphs=paragraphs, tables=tables))
        if award_section is not None:  # the funders' shares sit with the options they fund
            sections[-1].paragraphs += award_section.paragraphs
            sections[-1].tables += award_section.tables
    local_ids = {p.id for p in local}
    scenario_tables = []
    marked = illustrative_rows(store, "commissioning_scenarios")
    for scenario in scenarios:
        if not any(item.project_id in local_ids for item in scenario.items):
            continue  # a scenario belongs to the areas of its projects
        if year is not None and year.label not in scenario_report_years(scenario, by_id, awards):
            continue  # and to its award's year, or the years of its dated projects (none: the report for all years)
        if not _begun_by(scenario_report_years(scenario, by_id, awards), areas.until):
            continue  # an ended partnership's report: not a scenario of after its last year
        # As the window and the export workbook count it, its problems and notes naming the office where two
        # projects share a title.
        result = evaluate_saved(store, scenario, all_projects, awards=list(awards.values()), names=said,
                                origins=origins)
        table = board_table(result, plain=True, origins=origins)
        money_from = len(table.header) - len(result.commitment.by_year) - 1
        lead = 2 + len(merged)  # ref and title, and where the project came from in a county file
        came, every = merged_from_cells(origins, [r.project.id for r in result.rows])
        rows = [[*row[:2], c, *row[3:]] if merged else row for row, c in zip(table.rows, came)]
        # Headed with the fund its summary counts: against an award, the award's money now, not that saved with it.
        label = result.award.name if result.award is not None else scenario.fund_label
        scenario_tables.append(ReportTable(
            f"{scenario.name} ({label + ': ' if label else ''}{format_money(result.fund_pence)})",
            table.header, [[str(v) for v in row] for row in rows],
            # The criteria centred (√, X, ?), as in the commissioning options' table.
            align=[*["l"] * lead, *["c"] * len(CRITERIA), *["l"] * (money_from - lead - len(CRITERIA)),
                   *["r"] * (len(table.header) - money_from)],
            total_row=[str(v) for v in table.total],
            note=" ".join([result.summary() + ".", *result.problems, *result.notes,
                           *([f"Illustrative: {marked[scenario.id]}"] if scenario.id in marked else []),
                           *filter(None, [every])]),
        ))
    if scenario_tables:
        sections.append(ReportSection(
            "Commissioning scenarios",
            paragraphs=["Saved scenarios: the projects ticked against each fund, any scaling (a pilot at one "
                        "third, months of a post), and what is left. Figures are to the penny."],
            tables=scenario_tables))
    return sections


ALL_YEARS = "all years"  # the table of an award with no years: it counts every year's shares


def _ties(project, share, award, label: str, projects) -> bool:
    """Whether a share brings an award with no years into the report for ``label``: a share for that year from the
    award's funder (named for this award, or for one the funder does not have), or one with no year of a project of
    that year (``projects``)."""
    from safer_desk.domain.commissioning import named_award, same_funder

    if share.financial_year != label and (share.financial_year or project not in projects):
        return False
    return same_funder(share.funder, award.funder) or named_award(share.funder, award.funder) is not None


def funders_section(store: Store, projects, year: FinancialYear | None, across=None, *,
                    origins: RowOrigins = NOT_A_COUNTY_FILE,
                    said: dict[str, str] | None = None) -> ReportSection | None:
    """Each award's funder against the shares from it of the projects drawn on it (open or completed: ``DRAWN_ON``),
    year by year (seed 003: the PCC's £400,568 for 2017/18 against £110,000 + £25,000 + £98,500 = £233,500 of
    shares, £167,068 left).

    A year's table counts the shares for that year of ``across`` (those projects of every year; default
    ``projects``), as Commissioning counts them: a project dated 2018/19 with a share of 2019/20's award is in
    2019/20's table. An award given as one total over several years is one table for all its years, in the report
    of any of them, with the shares of those years; an award with no years is one table "all years" with every
    year's shares, in a year's report when a share of that year is from its funder. A share naming an award its
    funder does not have is said under each of the funder's tables for its year (``named_for_another``).

    In a county file (``origins`` shown) each table says which office each project came from, after its title, and
    the notes name a project by ``said`` (``titles_said``: with its office, or in an office's own file its ref, where
    another has its title).
    """
    from safer_desk.domain.commissioning import counted_twice, counts_against, in_window, named_award, share_for
    from safer_desk.services.funders import list_awards, shares_of
    from safer_desk.services.projects_commissioning import (named_for_another, possessive, share_over_cost,
                                                            shares_outside_dates, typed_twice,
                                                            undated_share_each_year, undated_share_not_spent)

    tables = []
    awards = list_awards(store)
    pool = projects if across is None else across
    merged = [MERGED_FROM] if origins.shown else []
    said = said or {}
    for award in awards:
        # A total over several years not split by year is one table for its years, its shares for any of them
        # counted against the whole (as Commissioning counts it: "£500,000 for 2018/19 to 2019/20"). An award with
        # no years counts every year's shares, as Commissioning does: one table, in the report for all years and in
        # a year's when a share of that year is from its funder.
        span = award.span  # a total over several years, or up to the last year an older version saved alone
        undated = not award.years and not award.first_year and span is None
        years = [award.span_text] if span else award.year_labels or [award.first_year or ALL_YEARS]
        for label in years:
            window = None if span or undated else label
            if year is not None and (span is None and not undated and label != year.label
                                     or span is not None and not span[0] <= year.label <= span[1]
                                     or undated and not any(_ties(p, s, award, year.label, projects)
                                                            for p in pool for s in shares_of(p))):
                continue
            # Read as Commissioning reads them (domain.commissioning.share_for): a share known in part shows its
            # known part and its words, and is counted among those not known, so the total is not taken as whole.
            shares = [(p, share_for(shares_of(p), award.funder, window, span, award.name)) for p in pool]
            shares = [(p, lookup) for p, lookup in shares if lookup.state in ("stated", "part known", "not known")
                      and not (lookup.state == "stated" and undated_share_not_spent(p, award, window or ""))]
            # A share naming an award its funder does not have counts against none: said under each of the funder's
            # awards for its year, as Commissioning says it, so its money is not lost unsaid.
            misnamed = [(p, sorted({named_award(s.funder, award.funder) for s in shares_of(p)
                                    if named_award(s.funder, award.funder) is not None and in_window(s, window, span)
                                    and not any(counts_against(s.funder, b) for b in awards)})) for p in pool]
            misnamed = [(p, names) for p, names in misnamed if names]
            if not shares and not misnamed:
                continue
            amount = award.total_pence if span or undated else award.amount_for(label)
            rows, committed, unknown = [], 0, 0
            for p, lookup in shares:
                committed += lookup.amount_pence
                unknown += lookup.state != "stated"
                shown = {"stated": format_money(lookup.amount_pence), "not known": lookup.words,
                         "part known": f"{format_money(lookup.amount_pence)} and “{lookup.words}”"}[lookup.state]
                rows.append([p.ref, p.title, *([origins.of(p.id)] if merged else []), shown, p.cost_text or "",
                             p.status.capitalize()])
            came, every = merged_from_cells(origins, [p.id for p, _ in shares])
            rows = [[*row[:2], c, *row[3:]] if merged else row for row, c in zip(rows, came)]
            left = [] if amount is None else [format_money(amount - committed)]
            # A share another of the funder's awards counts too is said, as Commissioning says it.
            note = [*counted_twice(award, awards, [(said.get(p.id, p.title), shares_of(p)) for p, _ in shares],
                                   window, span),
                    *[named_for_another(said.get(p.id, p.title), award, ", ".join(f"“{n}”" for n in names))
                      for p, names in misnamed],
                    # a share with no year, counted in each of the award's years its project runs in, is said
                    *[undated_share_each_year(p, award, window or "", said.get(p.id, p.title))
                      for p, lookup in shares if lookup.state == "stated"],
                    # a share for one year more than its project's cost, counted as stated: said, as Commissioning
                    # says it (shares over several years are not weighed against a cost that may be a year's)
                    *[share_over_cost(p, award, lookup.amount_pence, window or "", said.get(p.id, p.title))
                      for p, lookup in shares if lookup.state == "stated"],
                    # a share for a year its project is not running in by its dates, as Commissioning says it
                    *[shares_outside_dates(p, award, window or "", said.get(p.id, p.title))
                      for p, lookup in shares if lookup.state == "stated"],
                    # one project's title from two offices, each with a share: both counted, and said (typed_twice)
                    *(typed_twice(award, shares, origins) if origins.shown else []),
                    *award.checks(), award.conditions,  # a stated total its years do not add up to, flagged
                    every]  # "5 offices", named
            if amount is not None:
                note.insert(0, f"{possessive(award.funder)} shares come to {format_money(committed)} of the "
                               f"{format_money(amount)} awarded "
                               + ("with no years given, every year's shares counting" if undated else
                                  f"for the years {label}" if span and not span[0] else f"for {label}")
                               + ": "
                               + (f"{format_money(amount - committed)} left." if committed <= amount else
                                  f"over-committed by {format_money(committed - amount)}."))
            if unknown:
                are = "s are" if unknown != 1 else " is"
                note.append(f"{unknown} share{are} not known yet, or known in part: what is not known counts nothing.")
            split = award.split("" if window is None else label)  # a total not split by year: the whole total's
            if split is not None:
                note.append(f"Revenue {format_money(split[0])} ({award.revenue_bp / 100:g}%), capital "
                            f"{format_money(split[1])} ({award.capital_bp / 100:g}%).")
            tables.append(ReportTable(
                f"{award.name}: {label}" + (f" ({format_money(amount)})" if amount is not None else ""),
                ["", "Project", *merged, f"{possessive(award.funder)} share", "Total budget", "Status"], rows,
                align=["l", "l", *["l"] * len(merged), "r", "r", "l"],
                total_row=["", "Committed" if not left else f"Committed (left: {left[0]})", *[""] * len(merged),
                           format_money(committed), "", ""],
                note=" ".join(n for n in note if n)))
    if not tables:
        return None
    return ReportSection("Funders' shares", [
        "Each funder's award against its share of the projects it funds: a project counts the funder's share "
        "only, not its whole budget."], tables)
