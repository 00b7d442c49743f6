"""The allocation tab's part of the board report: the year's allocation with variance, and any top-slice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

from safer_desk.domain.allocation import (AllocationError, csp_area, damping_limit_text, equal_shares_note,
                                          percent_text, setting_percent_text, share_text, year_labels)
from safer_desk.domain.money import format_money, table_money
from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.text import in_words
from safer_desk.services import allocation as service
from safer_desk.services.provenance import ALLOCATIONS, TOP_SLICES, rows_origins
from safer_desk.services.report_model import ReportAreas, ReportChart, ReportSection, ReportSeries, ReportTable
from safer_desk.storage.store import Store


def board_report_sections(store: Store, *, year: FinancialYear | None = None, areas: ReportAreas | None = None,
                          today: date | None = None) -> list[ReportSection]:
    """This tab's sections for the board report, for a financial year and the report's areas.

    The allocation shown is the year's agreed scenario, else its most recently saved (the latest year's when no
    year is given), among the scenarios that allocate to a partnership in the areas; it is shown whole (the
    board reads every partnership's share). A top-slice has no area: it is the office's own business. The report's
    day (``today``) changes none of it: a saved allocation's inputs are frozen.
    """
    from safer_desk.services.report_sections import office_areas_for

    areas = office_areas_for(store, year, areas)
    every = service.list_scenarios(store, year=year.label if year else None)
    scenarios = [s for s in every if _allocates_to(store, s, areas)]
    # A top-slice names no area: it goes with its year's allocation, or stands alone for the office's own
    # report when the file has no allocation for that year.
    shown_years = {s.year for s in scenarios}
    top_slices = [t for t in service.list_top_slices(store, year=year.label if year else None)
                  if t.year in shown_years or (areas.office and not any(s.year == t.year for s in every))]
    if not scenarios and not top_slices:
        return []
    sections = []
    # In a county file, the office each came from, as each plan's table and a fund's burn-down end: two offices may
    # each send a "2025/26 allocation" or a reward grant, whose tables read alike.
    origins = rows_origins(store, (ALLOCATIONS, TOP_SLICES))
    if scenarios:
        from safer_desk.services.illustrative import illustrative_rows

        marked = illustrative_rows(store, "allocation_scenarios")
        picked = office_allocations(store, scenarios, every, origins[ALLOCATIONS])
        for n, (chosen, agreed) in enumerate(picked):
            scenario = service.load_scenario(store, chosen.id)
            several = several_agreed_words(store, agreed, chosen)
            # Whether the board agreed it, as the County overview's table says: an option set out for the board to
            # choose from reads like the split it agreed.
            section = _said_where_from(allocation_section(scenario), agreed_words(chosen, several=bool(several)))
            section = _said_where_from(section, origins[ALLOCATIONS].sentence(chosen.id))
            if n:  # each office's allocation its own section, named by whose it is
                section = replace(section, title=f"{section.title} ({origins[ALLOCATIONS].phrase(chosen.id)})")
            if carried := service.last_year_carried_over(store, scenario.year, scenario.partnerships,
                                                         scenario.options):
                section.paragraphs.append(carried)  # the variance is against the year before last: said, as on the tab
            if several:
                section.paragraphs.insert(0, several)
            if not n and (words := each_office_words(picked, origins[ALLOCATIONS])):
                section.paragraphs.insert(0, words)
            if chosen.id in marked:
                section.paragraphs.append(
                    f"Illustrative: {marked[chosen.id] or 'an example scenario, not from a paper'}")
            sections.append(section)
    for item in top_slices:
        if year is None and scenarios and item.year != scenarios[0].year:
            continue
        sections.append(_said_where_from(top_slice_section(item), origins[TOP_SLICES].sentence(item.id)))
    return sections


def _said_where_from(section: ReportSection, said: str) -> ReportSection:
    """The section with its first table's note ending with said: where the row came from ("Merged from Babergh
    office."), or whether the board agreed it."""
    if not said or not section.tables:
        return section
    first = section.tables[0]
    return replace(section, tables=[replace(first, note=" ".join(filter(None, [first.note, said]))),
                                    *section.tables[1:]])


def office_allocations(store: Store, scenarios: list, every: list, origins) -> list[tuple]:
    """Each office's allocation of the latest year of ``scenarios`` (those allocating to the report's areas), as
    ``year_allocation`` picks it among that office's versions: in an office's own file the one; in a county file one
    for each office that sent one (the county's main pot, a district's separate one), each office's board agreeing its
    own. The agreed ones first, the largest pot first among them, then by office. The Allocation section and the
    county overview both give them so: shown one a year, the latest saved, a district's £40,000 pot stood in for the
    county's £589,608 split."""
    year = scenarios[0].year
    groups: dict[str, list] = {}
    for s in scenarios:
        if s.year == year:
            groups.setdefault(origins.of(s.id), []).append(s)
    picked = [(office, *year_allocation(store, theirs, [s for s in every if origins.of(s.id) == office]))
              for office, theirs in groups.items()]
    picked.sort(key=lambda t: (not t[1].adopted, -t[1].total_pence, t[0].casefold()))
    return [(chosen, agreed) for _, chosen, agreed in picked]


def year_allocation(store: Store, scenarios: list, every: list) -> tuple:
    """The scenario shown as one office's allocation of the year (of the latest year of ``scenarios``, its versions
    allocating to the report's areas) and its agreed ones: the agreed one, else another version of its agreed one
    (``_agreed_version_of``, of ``every`` scenario of the year from that office), else the latest saved."""
    latest = [s for s in scenarios if s.year == scenarios[0].year]
    agreed = [s for s in latest if s.adopted]
    chosen = agreed[0] if agreed else max(latest, key=lambda s: s.saved_at)
    if not agreed and (instead := _agreed_version_of(store, chosen, every)) is not None:
        chosen, agreed = instead, [instead]
    return chosen, agreed
def _agreed_version_of(store: Store, chosen, every: list):
    """The year's agreed scenario that ``chosen`` (not agreed) is another version of, sharing a partnership with it
    (as typed, or by its area: "Waveney" and "Waveney CSP"), else None. The agreed one typed from the paper ("West")
    placed no district of West's, and the report for Forest Heath showed the illustrative scenario in its place, with
    figures the board never agreed. A county file's agreed scenario of another county's partnerships is none."""
    def names(scenario_id: str) -> set[str]:
        return {service.partnership_area(r[0]) for r in store.rows(
            "SELECT partnership FROM allocation_scenario_rows WHERE scenario_id = ?", (scenario_id,))}

    ours = names(chosen.id)
    return next((s for s in every if s.year == chosen.year and s.adopted and s.id != chosen.id
                 and names(s.id) & ours), None)


def _allocates_to(store: Store, scenario, areas: ReportAreas) -> bool:
    """Whether a scenario gives money to a partnership in the areas (by the districts it covered that year).

    A partnership with no district that year (ended, or not yet begun) is placed by the districts it ever covered.
    A scenario none of whose partnerships the reference data places at all (a new file with no office set-up, the
    board paper's own names) is the office's own business, as a top-slice: left out, the office's board report
    said nothing of its allocation."""
    from safer_desk.services import reference as ref

    try:
        year = FinancialYear.parse(scenario.year)
    except ValueError:
        year = None
    districts = {r[0].casefold() for r in store.rows("SELECT name FROM districts")}
    placed = False
    for r in store.rows("SELECT partnership, partnership_id FROM allocation_scenario_rows WHERE scenario_id = ?",
                        (scenario.id,)):
        # "Caerdydd" is Cardiff's, as "Waveney CSP" is Waveney's (service.partnership_area)
        names = {r["partnership"].casefold(), csp_area(r["partnership"]), service.partnership_area(r["partnership"])}
        if names & areas.names or areas.covers(r["partnership_id"]):
            return True
        pid = r["partnership_id"]
        covered = set(ref.partnership_district_ids(store, pid, year) or ref.partnership_district_ids(store, pid)
                      if pid else ())
        if covered & areas.district_ids:
            return True
        placed = placed or bool(covered) or bool(names & districts)
    return areas.office and not placed


def agreed_words(chosen, *, several: bool = False) -> str:
    """Whether the allocation shown (``chosen``) is the one the board agreed; ``several``: more versions of it are
    marked agreed (said above it, by several_agreed_words)."""
    if not chosen.adopted:
        return "The latest saved scenario (none agreed)."
    return "Marked agreed by the board, as another version of it is (said above)." if several \
        else "Agreed by the board."


def several_agreed_words(store: Store, agreed: list, chosen) -> str:
    """What is said when more than one version of one office's allocation of a year is marked agreed (a file merged
    before marking kept to one per office's allocation, or a scenario several offices sent alike): which they are,
    from which office, and which one is shown; "" for one or none. Two offices' pots, each agreed by its own board,
    are not this: each is shown."""
    if len(agreed) < 2:
        return ""
    offices: dict[str, str] = {}
    if store.scalar("SELECT 1 FROM sqlite_master WHERE name = '_county_provenance'"):
        ids = [s.id for s in agreed]
        offices = {r[0]: r[1] for r in store.rows(
            "SELECT row_key, office_name FROM _county_provenance WHERE table_name = 'allocation_scenarios' AND "
            f"row_key IN ({','.join('?' * len(ids))})", ids)}
    named = [f"“{s.name}” ({format_money(s.total_pence)}" + (f", from {offices[s.id]})" if s.id in offices else ")")
             for s in agreed]
    return (f"{len(agreed)} versions of one allocation for {chosen.year} are marked agreed by the board in this file, "
            f"and only one can be: {', '.join(named[:-1])} and {named[-1]}. Shown here: “{chosen.name}”, the latest "
            "saved of them. Mark the one the board agreed in the Allocation tab.")


def each_office_words(picked: list, origins) -> str:
    """What is said above the first of several offices' allocations of the year (a county file): which they are,
    whose, and whether agreed, each shown in its own section; "" for one."""
    if len(picked) < 2:
        return ""
    named = [f"“{s.name}” ({format_money(s.total_pence)}, {origins.phrase(s.id)}, "
             + ("agreed by the board)" if s.adopted else "the latest saved, none agreed)") for s, _ in picked]
    return (f"This file holds {len(picked)} allocations for {picked[0][0].year}, one from each office that sent one, "
            f"each shown in its own section: {in_words(named)}.")


def unworkable_allocation_words(scenario, exc: Exception) -> str:
    """What is said of a saved allocation that cannot be worked out (saved by an older version under rules it no
    longer meets): here, in the county overview and in the county workbook alike."""
    return (f"The saved allocation “{scenario.name}” ({scenario.year}) cannot be worked out: {exc} Open it in the "
            "Allocation tab to correct it and save it again.")


def factor_heading(factor) -> str:
    """A factor as a column of the paper's table is headed: its label as the paper names it ("BCS comparator offences
    2007-08"), or its name (the calculator's "basis"), with a capital either way, as the table's other headings."""
    title = factor.title.strip()
    return title[:1].upper() + title[1:]


def report_header(result) -> list[str]:
    """The allocation table's headings (services.allocation.table_header) with each factor's columns headed as
    headings ("Basis", "Basis as % of the total"), not as the factor's bare name."""
    header = service.table_header(result)
    for f in result.options.factors:
        heading = factor_heading(f)
        header = [heading if h == f.title else f"{heading} as % of the total" if h == f"{f.title} as % of the total"
                  else h for h in header]
    return header


def factors_words(factors) -> str:
    """What the variable part is shared in proportion to, in a sentence: a labelled factor by its label ("BCS
    comparator offences 2007-08"), one without by its name ("each partnership's basis figure"); of several, each
    with its weight ("crime counts (weighted 50%) and each partnership's population figure (weighted 50%)")."""
    from safer_desk.domain.text import in_words

    named = [f.label.strip() or f"each partnership's {f.name.strip()} figure" for f in factors]
    if len(factors) > 1:
        whole = sum((f.weight for f in factors), Fraction(0))
        named = [f"{n} (weighted {percent_text(f.weight / whole)}%)" for n, f in zip(named, factors)]
    return in_words(named)


def allocation_section(scenario: service.Scenario) -> ReportSection:
    try:
        result = scenario.result()
    except AllocationError as exc:  # saved by an older version under rules it no longer meets: said, not a crash
        return ReportSection(f"Allocation {scenario.year}", [unworkable_allocation_words(scenario, exc)])
    header = report_header(result)
    rows = _with_pence_lined_up(service.table_header(result), service.table_rows(result, money=lambda p: p))
    compared = any(r.previous_pence is not None for r in result.rows)
    if not compared:  # a first year's pot: no empty Last year and Variance columns, as if last year's were lost
        header, rows = header[:-2], [row[:-2] for row in rows]
    align = ["l"] + ["r"] * (len(header) - 1)
    opts = result.options
    if result.previous_total_pence is not None:
        pot = (f"Last year's total of {format_money(result.previous_total_pence)} less "
               f"{setting_percent_text(opts.retain)}% retained ({format_money(result.retained_pence)}) leaves "
               f"{format_money(result.pot_pence)}.")
    elif result.grant_pence is not None:
        pot = (f"This year's grant of {format_money(result.grant_pence)} less {setting_percent_text(opts.retain)}% "
               f"retained ({format_money(result.retained_pence)}) leaves {format_money(result.pot_pence)}.")
    else:
        pot = f"The pot is {format_money(result.pot_pence)}."
    if result.fixed_total_pence:
        fixed = (f" A fixed fee of {format_money(result.fixed_per_unit_pence)} per unit"
                 + (f" ({share_text(opts.fixed_share)} of the pot)" if opts.fixed_per_unit_pence is None else "")
                 + f", {format_money(result.fixed_total_pence)} in all; the remaining "
                 f"{format_money(result.variable_total_pence)} is shared "
                 + ("by fixed units (there are no figures to share it by)"
                    if result.left_by_fixed_fees
                    else "in proportion to " + factors_words(opts.factors)) + ".")
    else:
        fixed = f" It is shared in proportion to {factors_words(opts.factors)}."
    rounding = (" Shares were rounded to two-decimal percentages before multiplying, as in the county's spreadsheet."
                if opts.rounding == "percent-2dp" else "")
    damping = ""
    if (limit := result.damping_limit) is not None:
        # Whole pounds may not keep a band narrower than a pound (the note below names who): never said kept then.
        kept = all(r.previous_pence * (1 - limit) <= r.total_pence <= r.previous_pence * (1 + limit)
                   for r in result.rows if r.previous_pence)
        damping = (f" No partnership's change from last year exceeds ±{damping_limit_text(result)}%." if kept else
                   f" Each partnership's change from last year is held within ±{damping_limit_text(result)}% as "
                   f"nearly as {'whole pounds' if opts.unit_pence == 100 else 'whole pence'} allow.")
    paragraphs = [pot + fixed + rounding + damping, *result.notes, *result.warnings]
    tables = _allocation_tables(scenario, header, rows, align, len(opts.factors))
    names = [r.name for r in result.rows]
    this_year, year_before = year_labels(scenario.year)  # as the tab's chart names them
    series = [ReportSeries(this_year, [r.total_pence / 100 for r in result.rows], "bar",
                           [format_money(r.total_pence) for r in result.rows])]
    if compared:
        series.append(ReportSeries(year_before, [None if r.previous_pence is None else r.previous_pence / 100
                                                 for r in result.rows], "bar",
                                   ["" if r.previous_pence is None else format_money(r.previous_pence)
                                    for r in result.rows]))
    chart = ReportChart(f"Allocation {this_year}" + (f" against {year_before}" if compared else ""), names, series,
                        y_label="£")
    return ReportSection(f"Allocation {scenario.year}", paragraphs, tables, [chart])


MONEY_HEADINGS = ("Fixed fee", "Variable fee", "Damping", "This year", "Last year", "Variance")
# Changes, signed both ways as the Allocation tab signs them ("+£10,079" beside "-£6,957"): a gain printed "£10,079"
# read as an amount, not a change.
SIGNED_HEADINGS = ("Damping", "Variance")


def _with_pence_lined_up(header: list[str], rows: list[list]) -> list[list[str]]:
    """``table_rows`` (money as pence) as printed: with pence in any of its figures, the totals' included, the table
    shows them for all its money ("£100,000.00" over "£112,345.67"), as the report's cost and top-slice tables and the
    county overview's allocation print theirs, so the figures line up; a table of whole pounds stays in whole pounds."""
    money = {i for i, h in enumerate(header) if h in MONEY_HEADINGS}
    signed = {i for i, h in enumerate(header) if h in SIGNED_HEADINGS}
    pounds = table_money(row[i] for row in rows for i in money if isinstance(row[i], int))

    def shown(i: int, pence: int) -> str:
        return signed_money(pounds, pence) if i in signed else pounds(pence)

    return [[shown(i, cell) if i in money and isinstance(cell, int) else str(cell) for i, cell in enumerate(row)]
            for row in rows]


def signed_money(money, pence: int) -> str:
    """A change as money written by ``money`` (a table's ``table_money``), a gain marked "+" as a loss is "-"."""
    return f"+{money(pence)}" if pence > 0 else money(pence)


FACTORS_PER_TABLE = 3  # the partnership, three factors with their shares and the weighted share: 8 columns


def _allocation_tables(scenario: service.Scenario, header: list[str], rows: list[list[str]], align: list[str],
                       factors: int) -> list[ReportTable]:
    """The paper's table; with several factors, the money (with the weighted share) and, beneath it, the factors
    and their shares: one table of them all (16 columns for three factors, damped) broke money mid-figure across A4
    ("£478,5" over "24") even at the smallest type."""
    title = f"Financial allocation {scenario.year}: {scenario.name}"
    saved = f"Saved {service.uk_date(scenario.saved_at)}."
    if factors < 2:
        return [ReportTable(title, header, rows[:-1], align, total_row=rows[-1], note=saved)]
    first = header.index("Variable fee") + 1 + (header[header.index("Variable fee") + 1] == "Damping")
    weighted = first + 2 * factors  # the factors' columns, then the weighted share, then this year, last year, …
    money = [*range(first), weighted, *range(weighted + 1, len(header))]

    def part(columns: list[int], part_title: str, note: str = "") -> ReportTable:
        return ReportTable(part_title, [header[c] for c in columns], [[row[c] for c in columns] for row in rows[:-1]],
                           [align[c] for c in columns], total_row=[rows[-1][c] for c in columns], note=note)

    # A few factors to a table, each led by the partnership, the weighted share on the last: eight factors in one
    # table (18 columns) broke figures mid-number across A4 portrait ("1,000,00" over "0") at the smallest type.
    step = 2 * FACTORS_PER_TABLE
    groups = [list(range(first + i, min(first + i + step, weighted))) for i in range(0, 2 * factors, step)]
    groups[-1].append(weighted)
    words = f"{scenario.name}: the factors the variable fee is shared by"

    def part_title(n: int) -> str:  # the weighted share said only on the table that holds it, the last
        said = f"{words}, and their weighted share" if n == len(groups) else words
        return said if len(groups) == 1 else f"{said} ({n} of {len(groups)})"

    return [part(money, title, saved), *(part([0, *columns], part_title(n)) for n, columns in enumerate(groups, 1))]


def top_slice_section(item: service.TopSlice) -> ReportSection:
    try:
        result = item.result()
    except AllocationError as exc:  # saved under rules it no longer meets: said in its place, as the workbook does
        return ReportSection(f"Top-slice: {item.name}", [
            f"“{item.name}” ({item.year}) cannot be worked out: {exc} Put its figures right on the Allocation tab "
            "(Replace saved), or remove it there."], [])
    rows = [[line.label, format_money(line.amount_pence, show_pence=True)] for line in result.lines]
    pct = setting_percent_text(result.scenario)
    rows.append([f"Plus {pct}%", format_money(result.scenario_more_pence, show_pence=True)])
    rows.append([f"Less {pct}%", format_money(result.scenario_less_pence, show_pence=True)])
    table = ReportTable(f"{item.name} ({item.year})", ["", "£"], rows, ["l", "r"])
    # Where the partners' part does not split equally to the penny, how the odd pence fall (as the window and
    # `safer-desk top-slice` say it): the table's rounded share times the partners is not the pot.
    odd = equal_shares_note(result, f"“{result.lines[-1].label}”")
    return ReportSection(f"Top-slice: {item.name}", [
        f"Each of the {result.partners} partners plans on {format_money(result.equal_share_pence, show_pence=True)},"
        f" and on ±{pct}% ({format_money(result.scenario_more_pence, show_pence=True)} and "
        f"{format_money(result.scenario_less_pence, show_pence=True)}).", *filter(None, [odd])], [table])
