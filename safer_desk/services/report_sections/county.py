"""The county section of the board report (a county file only): the districts merged into it, side by side.

Allocation per partnership, DHR cost recovery per partner across all the reviews merged in, pooled-fund spend
per district, each indicator's figure to date and RAG per district for the year, and the same for the county
and its partnerships (their figures derived from their districts'). What the merged files do not hold for the
year is said in words rather than left out silently.
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.disclosure import count_given, total_given
from safer_desk.domain.money import table_money
from safer_desk.domain.periods import FinancialYear, format_uk_date
from safer_desk.domain.text import counted, in_words
from safer_desk.services.provenance import ALLOCATIONS, row_origins
from safer_desk.services.report_model import ReportAreas, ReportSection, ReportTable
from safer_desk.storage.store import Store


def board_report_sections(store: Store, *, year: FinancialYear | None = None, areas: ReportAreas | None = None,
                          today: date | None = None) -> list[ReportSection]:
    """The county section, when the file is a county file and the report is for its areas (or the county)."""
    from safer_desk.domain.ids import reference_id
    from safer_desk.services.reference import outside_county_words
    from safer_desk.services.report_sections import office_areas_for

    areas = office_areas_for(store, year, areas)
    if not areas.county_file or areas.kind not in ("office", "county"):
        return []
    today = today or date.today()
    paragraphs = []
    # Disagreements the lead has still to decide: the figures below are the county file's side of each until then.
    pending = open_conflicts_words(store)
    paragraphs += [pending] if pending else []
    # A merged office outside the county is said, rather than its figures left to be taken for the county's.
    paragraphs += outside_county_words(store, None if areas.kind == "office" else reference_id("county", areas.label))
    allocations = allocation_tables(store, year, areas)
    # One saved by an older version under rules it no longer meets: said, not a crash.
    paragraphs += [a for a in allocations if isinstance(a, str)]
    # Its reviews and funds are the county's, as the words on an office outside it say: not that office's too.
    counted = county_counted_areas(store, year, areas)
    recovery = dhr_recovery_table(store, counted, today)
    spend = fund_spend_table(store, year, counted, today)
    tables = [t for t in (*allocations, recovery, spend) if isinstance(t, ReportTable)]
    tables += [t for t in (rag_table(store, year, areas), group_rag_table(store, year, areas)) if t is not None]
    if not tables and not allocations and not pending:
        return []
    # Say what is not there, so an absent table is not taken for a table left out.
    when = year.label if year else "any year"
    unspent = [] if spend is not None else [f.name for f in running_funds(store, year, counted)]  # none with spend
    no_fund = no_fund_spend_words(unspent, year, counted, today)
    absent = [words for table, words in (
        (allocations or None, f"no allocation for {when}"), (recovery, "no review billed to its partners"),
        (spend, no_fund)) if table is None]
    if absent:
        paragraphs.append("The merged files hold " + "; ".join(absent) + ".")
    kinds = {kind for kind, table in (("reviews", recovery), ("funds", spend)) if table is not None}
    paragraphs.insert(0, merged_offices_words(store, today, as_at=areas.as_at, kinds=kinds, year=year))
    # Its DHR cost recovery and fund spend are as at the report's day, as the costs section's (the title page names
    # the day, for the reviews or, with no review, the funds: each fund counted here has its burn-down there too).
    return [ReportSection("County overview", paragraphs=paragraphs, tables=tables,
                          as_at="reviews" if recovery is not None else "funds" if spend is not None else "")]


def county_counted_areas(store: Store, year: FinancialYear | None, areas: ReportAreas) -> ReportAreas:
    """The areas the overview's reviews and funds are counted for: a report of all the county file's areas covers
    the districts of a merged office outside the county (Plymouth's, merged into Suffolk's file), which the report
    says are "not counted in Suffolk's": the county's own areas then, as at the report's day; else the areas given."""
    from dataclasses import replace

    from safer_desk.services.reference import office_county
    from safer_desk.services.report import AreaChoice, report_areas

    county = office_county(store) if areas.kind == "office" and not areas.unnamed else None
    if county is None:
        return areas
    own = report_areas(store, AreaChoice(county.id, county.name, "county"), year)
    if areas.district_ids <= own.district_ids:
        return areas
    return replace(own, as_at=areas.as_at, county_file=areas.county_file, office=areas.office)


def merged_offices_words(store: Store, today: date, *, as_at: date | None = None, kinds: set[str] | None = None,
                         year: FinancialYear | None = None) -> str:
    """"Figures from the 2 office files merged into this county file (Babergh office, Ipswich office), as at …":
    counted by office, not by name (two offices of one name, both "safer-desk" as files made before an office
    could be named were called, are two offices), each by its latest name.

    A report as at a day gone by (``as_at``: a past year's end, or the day asked for) names it for the figures below
    that are as at it (``kinds``: "reviews", "funds"), as the title page does, and the day the report was made for the
    rest, as "as recorded on": the day it was made, said as the day the figures were as at, was taken for the day
    of the recovery table under it."""
    from safer_desk.domain.text import in_words
    from safer_desk.services.example_rows import example_only_offices
    from safer_desk.services.report import as_at_words

    latest = {r[0]: r[1] for r in store.rows("SELECT office_id, office_name FROM _county_imports ORDER BY imported_at")}
    # An office that sent only its copy of the example, unchanged, is said apart, not counted among the offices
    # whose figures these are ("4 office files" counted three that had only looked around the example).
    example = example_only_offices(store)
    merged = sorted((n for o, n in latest.items() if o not in example), key=str.casefold)
    copies = sorted((n for o, n in latest.items() if o in example), key=str.casefold)
    files = "office file" if len(merged) == 1 else counted(len(merged), "office file")
    head = f"Figures from the {files} merged into this county file ({', '.join(merged)})"
    # (never every office: a county file of copies of the example alone names them, example_only_offices)
    tail = (f" {in_words(copies)} sent only {'its copy' if len(copies) == 1 else 'their copies'} of Safer Desk's "
            f"example data: {'it is' if len(copies) == 1 else 'they are'} not counted among the offices the figures "
            "came from." if copies else "")
    if as_at is None or as_at >= today:
        return f"{head}, as at {format_uk_date(today)}.{tail}"
    words = as_at_words(store, kinds or set(), year, as_at, today)
    return (f"{head}. {words}.{tail}" if words else f"{head}, as recorded on {format_uk_date(today)}.{tail}")


def open_conflicts_words(store: Store) -> str:
    """"2 conflicts between the merged office files and this county file are still open: until the county lead
    decides them (File > Conflicts…), this report gives the county file's side of each (reviews and their costs: 1;
    …)." counted by what they are about, as the Conflicts window groups them; "" when none is open."""
    from safer_desk.services.county import conflict_groups, list_conflicts

    conflicts = list_conflicts(store)
    if not conflicts:
        return ""
    groups = "; ".join(f"{words[0].lower()}{words[1:]}: {len(members)}"
                       for _, words, members in conflict_groups(conflicts))
    them, are, each = ("them", "are", " of each") if len(conflicts) > 1 else ("it", "is", "")
    return (f"{counted(len(conflicts), 'conflict')} between the merged office files and this county file {are} "
            f"still open: until the county lead decides {them} (File > Conflicts…), this report gives the county "
            f"file's side{each} ({groups}).")


def allocation_tables(store: Store, year: FinancialYear | None, areas: ReportAreas) -> list[ReportTable | str]:
    """The year's allocations per partnership, against last year, in the Allocation section's order: each office's
    (a county file holds one pot from each office that sent one: the county's main pot, a
    district's separate one), each its office's agreed scenario, else its latest saved; the words saying so for one
    that cannot be worked out. Shown one a year, an office's pot agreed by its own board was left out unsaid."""
    from safer_desk.services import allocation as service
    from safer_desk.services.report_sections.allocation import _allocates_to, office_allocations, several_agreed_words

    every = service.list_scenarios(store, year=year.label if year else None)
    scenarios = [s for s in every if _allocates_to(store, s, areas)]
    if not scenarios:
        return []
    origins = row_origins(store, ALLOCATIONS)
    tables: list[ReportTable | str] = []
    for chosen, agreed in office_allocations(store, scenarios, every, origins):
        # Two versions of one office's allocation both marked agreed is said above its table: the table does not
        # say "Agreed by the board." as if it were the only one.
        if several := several_agreed_words(store, agreed, chosen):
            tables.append(several)
        tables.append(allocation_table(store, [chosen], every, origins, chosen, several=bool(several)))
    return tables


def allocation_table(store: Store, scenarios: list, every: list, origins, chosen=None, *,
                     several: bool = False) -> ReportTable | str:
    """One office's allocation of the year (``chosen``, else its agreed scenario, else its latest saved, among its
    ``scenarios``) per partnership, against last year; the words saying so when it cannot be worked out.
    ``several``: more than one version of it is marked agreed (said above its table)."""
    from safer_desk.domain.allocation import AllocationError
    from safer_desk.services import allocation as service
    from safer_desk.services.report_sections.allocation import (agreed_words, signed_money,
                                                                unworkable_allocation_words, year_allocation)

    # The Allocation section's choice: the agreed one typed from the paper ("West") is the year's allocation even
    # where only another version of it ("Western CSP", not agreed) places the county's districts.
    chosen = chosen or year_allocation(store, scenarios, every)[0]
    scenario = service.load_scenario(store, chosen.id)
    try:
        result = scenario.result()
    except AllocationError as exc:
        return unworkable_allocation_words(scenario, exc)
    previous, variance = result.previous_sum_pence, result.variance_pence  # of the partnerships with last year's
    money = table_money([*(v for r in result.rows for v in (r.total_pence, r.previous_pence, r.variance_pence)),
                         result.total_pence, previous, variance])
    rows = [[r.name, money(r.total_pence), "" if r.previous_pence is None else money(r.previous_pence),
             "" if r.variance_pence is None else signed_money(money, r.variance_pence)] for r in result.rows]
    note = agreed_words(chosen, several=several)
    said = origins.sentence(chosen.id)  # whose, as the Allocation section's table ends
    return ReportTable(f"Allocation {chosen.year}: {chosen.name}", ["Partnership", "Allocation", "Last year",
                                                                     "Variance"], rows, ["l", "r", "r", "r"],
                       total_row=["Total", money(result.total_pence), "" if previous is None else money(previous),
                                  "" if variance is None else signed_money(money, variance)],
                       note=" ".join([note, *result.warnings, *filter(None, [said])]))


def dhr_recovery_table(store: Store, areas: ReportAreas, today: date) -> ReportTable | None:
    """Who owes what across every review of the merged districts (all years: recovery outlives the year)."""
    from safer_desk.services import dhr
    from safer_desk.services.report_sections.costs import _ledger_of, recovery_rows, review_kinds_words

    case_areas = {r["id"]: (r["district_id"], r["partnership_id"])
                  for r in store.rows("SELECT id, district_id, partnership_id FROM dhr_cases")}
    ids = [i for i, pair in case_areas.items() if areas.covers(*pair)]
    if not ids:
        return None
    day = areas.as_at or today  # the day the report's DHR figures are as at (the costs section's), as dhr-ledger
    ledger = (dhr.partner_ledger(store, today=day, as_at=areas.as_at) if len(ids) == len(case_areas)
              else _ledger_of(dhr, store, ids, day, areas.as_at))
    if not ledger:
        return None
    # What was given back to a partner that paid beyond its share: the reviews' section's trailing column, here too.
    refunded = any(p.refunded_pence for p in ledger)
    rows, total_row = recovery_rows(ledger, refunded=refunded)
    kinds = [r[0] for r in store.rows(f"SELECT kind FROM dhr_cases WHERE id IN ({','.join('?' * len(ids))})", ids)]
    learning = sum(1 for k in kinds if k != "review")
    cases = review_kinds_words(len(kinds) - learning, learning, none_said=False)
    return ReportTable(f"{dhr.review_label(store)}s: recovery per partner, {'all ' if len(kinds) > 1 else ''}{cases}",
                       ["Partner", "Billed", "Paid", "Refused or written off", "Outstanding", "Overdue",
                        *(["Refunded"] if refunded else [])], rows,
                       ["l", "r", "r", "r", "r", "r", *(["r"] if refunded else [])],
                       total_row=total_row,
                       note=f"Every review of the merged districts, whatever its year (recovery outlives the year); "
                            f"figures as at {format_uk_date(day)}.")


def fund_day(areas: ReportAreas, today: date) -> tuple[date, bool]:
    """The day the report's pooled-fund figures are as at, and whether it is a day gone by (the warnings then name
    it): the costs section's reading (``funds.fund_figures(today=, day_named=)``), so that a fund's spend per
    district here is its burn-down's."""
    return areas.as_at or today, areas.as_at is not None and areas.as_at < today


def fund_spend_table(store: Store, year: FinancialYear | None, areas: ReportAreas, today: date) -> ReportTable | None:
    """Pooled-fund spend per district (each fund of the areas running in the year and begun by the day the report
    is as at), victims and pounds, as at that day."""
    from safer_desk.services import funds
    from safer_desk.services.report_sections.costs import _day_words

    day, past = fund_day(areas, today)
    rows, spent, unspent, words = [], 0, [], []
    for fund in running_funds(store, year, areas):
        figures = funds.fund_figures(store, fund.id, today=day, day_named=past)
        if not figures.by_district:
            unspent.append(fund.name_said)
        # The paper leaves the file: no district of one or two victims is named (the county export's rule).
        shared, said = funds.districts_shared(figures.by_district)
        words += [w for w in (funds.OTHER_DISTRICTS_WORDS, funds.SMALL_DISTRICTS_WORDS) if w in said and w not in words]
        for district, n, pence in shared:
            rows.append([district, fund.name_said, n, pence])
            spent += pence
    if not rows:
        return None
    rows.sort(key=lambda r: (funds.district_order(r[0]), r[1].casefold()))  # spend of no one district last
    money = table_money([*(r[3] for r in rows), spent])
    # As at a day gone by, the table says so, as each fund's burn-down does: a treasurer comparing it with today's
    # figures is told why they differ.
    notes = []
    if past:
        notes.append(f"Spend as at {_day_words(day, year)}, as each fund's burn-down gives it: spend recorded after "
                     "that day is not counted, and a fund not begun by then is not listed.")
    if unspent:
        notes.append(f"Nothing spent {f'by {format_uk_date(day)}' if past else 'yet'} in {in_words(unspent)}.")
    notes += words  # why a row names no district, as each burn-down says
    # A fund of fewer than three victims in all says so, not 1 or 2, and the total then gives only what it is at
    # least, so that it less the rows given tells no one's (disclosure.count_given, total_given).
    return ReportTable("Pooled-fund spend per district", ["District", "Fund", "Victims", "Spend"],
                       [[district, fund, str(count_given(n)), money(pence)] for district, fund, n, pence in rows],
                       ["l", "l", "r", "r"],
                       total_row=["Total", "", str(total_given(r[2] for r in rows)), money(spent)],
                       note=" ".join(notes))


def no_fund_spend_words(unspent: list[str], year: FinancialYear | None, areas: ReportAreas, today: date) -> str:
    """What the merged files hold instead of a table of fund spend: "no pooled fund running in 2024/25", "nothing
    spent yet in X, the only pooled fund running in 2024/25"; as at a day gone by, of the funds begun by then
    ("nothing spent by 31/05/2024 in X and Y, the pooled funds begun by then")."""
    day, past = fund_day(areas, today)
    # Begun by the day said only where it leaves some out: by a year's last day, every fund running in it had begun.
    begun = past and (year is None or day < year.last_day)
    if not unspent:
        return ("no pooled fund" + (f" running in {year.label}" if year else "")
                + (f"{' and' if year else ''} begun by {format_uk_date(day)}" if begun else ""))
    # For all years every fund counts (not those "running in any year"): the funds the merged files hold.
    which = " and ".join(filter(None, [f"running in {year.label}" if year else "",
                                       "begun by then" if begun else ""])) or "the merged files hold"
    funds = f"the only pooled fund {which}" if len(unspent) == 1 else f"the pooled funds {which}"
    return f"nothing spent {f'by {format_uk_date(day)}' if past else 'yet'} in {in_words(unspent)}, {funds}"


def running_funds(store: Store, year: FinancialYear | None, areas: ReportAreas) -> list:
    """The pooled funds of the areas running in the year (every fund of them for all years) and begun by the day the
    report is as at: those the report's burn-down sections give (``costs._fund_in_areas``), so a Cornwall office's
    fund merged into Suffolk's file is in Cornwall's overview, not Suffolk's."""
    from safer_desk.services import funds
    from safer_desk.services.report_sections.costs import _fund_in_areas

    return [f for f in funds.list_funds(store)
            if (year is None or not (f.starts_on > year.last_day or f.ends_on < year.first_day))
            and (areas.as_at is None or f.starts_on <= areas.as_at)  # nothing of it had happened by then
            and _fund_in_areas(store, f.id, areas)]


def rag_areas(store: Store, areas: ReportAreas, year: FinancialYear | None = None) -> list:
    """The columns of the district table: the merged districts (in being in the year: Forest Heath and St
    Edmundsbury in 2018/19, West Suffolk from 2019/20, as the county's figure counts them), by name."""
    from safer_desk.services import indicators as svc

    found = [a for a in (svc.find_area(store, i) for i in sorted(areas.district_ids)) if a is not None]
    return sorted(_in_being(store, found, year), key=lambda a: a.name.casefold())


def _in_being(store: Store, found: list, year: FinancialYear | None) -> list:
    """Of these districts, those in being in the year (all of them for no year)."""
    if year is None:
        return list(found)
    return [a for a in found if not _formed_after(store, a.id, year) and not _ended_before(store, a.id, year)]


def _formed_after(store: Store, district_id: str, year: FinancialYear) -> date | None:
    """The day a district was formed, when after the year (West Suffolk, 01/04/2019, for 2018/19)."""
    first = store.scalar("SELECT valid_from FROM districts WHERE id = ?", (district_id,))
    return date.fromisoformat(first) if first and date.fromisoformat(first) > year.last_day else None


def _ended_before(store: Store, district_id: str, year: FinancialYear) -> bool:
    last = store.scalar("SELECT valid_to FROM districts WHERE id = ?", (district_id,))
    return bool(last) and date.fromisoformat(last) < year.first_day


def group_areas(store: Store, areas: ReportAreas) -> list:
    """The columns of the second table: the county, then the partnerships, whose figures are their districts'."""
    from safer_desk.services import indicators as svc

    found = [a for a in (svc.find_area(store, i) for i in areas.indicator_area_ids) if a is not None and a.is_group]
    return sorted(found, key=lambda a: (a.kind != "county", a.name.casefold()))


SHORT_MARK = "\u2020"  # a figure to date with months missing before its latest
RAG_NOTE = ("Each cell: the figure for the year to date, and its RAG against that area's target: ▲ Red, ◆ Amber, "
            "● Green, ○ no target (or monitoring only). A blank cell: no figures for that area.")


def rag_table(store: Store, year: FinancialYear | None, areas: ReportAreas) -> ReportTable | None:
    """Each indicator's figure to date and RAG per district for the year (symbol and figure: never by colour
    alone). A district counts from the day it was formed: its figures of a year before (typed on today's
    boundaries) are said, not put beside those of the districts it was made from, which the county's are."""
    from safer_desk.services import indicators as svc
    from safer_desk.services.report_sections.indicators import latest_report_year

    every = rag_areas(store, areas)  # the merged districts of any year, found once
    if year is None:
        year = latest_report_year(store, [a.id for a in every])
        if year is None:
            return None
    note = RAG_NOTE
    for area in every:
        formed = _formed_after(store, area.id, year)
        if formed and any(r.view.ytd is not None for r in svc.summary(store, area.id, year)):
            note += (f" {area.name}'s {year.label} figures are not in this table: it was formed on "
                     f"{format_uk_date(formed)}, and the districts it was made from are counted for {year.label}.")
    columns = _in_being(store, every, year)
    unsent = unsent_districts(store, areas, year)
    if unsent:  # counted in the county's figure all the same: beside the others, so the row adds up to it
        columns = sorted({a.id: a for a in [*columns, *unsent]}.values(), key=lambda a: a.name.casefold())
        county = next(iter(areas.counties))  # one, as unsent_districts asks
        one = len(unsent) == 1
        note += (f" {in_words([a.name for a in unsent])}: no office's file merged into this county file names "
                 f"{'it' if one else 'them'}; {'its' if one else 'their'} figures, as the county file holds them, "
                 f"are counted in {county}'s.")
    return _rag_table(store, year, columns, "per district", note)


def unsent_districts(store: Store, areas: ReportAreas, year: FinancialYear) -> list:
    """The districts of the report's county in the year that no merged office names but whose figures the county
    file holds (police.uk places crimes in West Suffolk before West Suffolk's office sends a file): the county's
    figure counts them, so the county overview shows them too."""
    from safer_desk.domain.ids import reference_id
    from safer_desk.services import indicators as svc
    from safer_desk.services import reference as ref

    if len(areas.counties) != 1:
        return []
    name = next(iter(areas.counties))
    county = ref.AreaRef(reference_id("county", name), name, "county")
    sent = {a.id for a in ref.office_districts(store, year)}
    found = [svc.find_area(store, i) for i in ref.area_district_ids(store, county, year) if i not in sent]
    return sorted((a for a in found if a is not None and any(
        r.view.ytd is not None for r in svc.summary(store, a.id, year))), key=lambda a: a.name.casefold())


def group_rag_table(store: Store, year: FinancialYear | None, areas: ReportAreas) -> ReportTable | None:
    """The same for the county and the partnerships, their figures added up from their districts'."""
    return _rag_table(store, year, group_areas(store, areas), "for the county and partnerships",
                      RAG_NOTE + " Their figures are derived from their districts' for the periods the membership "
                                 "held (sums of counts, ratios of sums for rates and percentages).")


def _rag_table(store: Store, year: FinancialYear | None, columns: list, what: str,
               note: str) -> ReportTable | None:
    from safer_desk.domain.indicators import format_value
    from safer_desk.services import indicators as svc
    from safer_desk.services.police_import import unplaced_crime_words
    from safer_desk.services.report_sections.indicators import latest_report_year

    if not columns:
        return None
    if year is None:
        year = latest_report_year(store, [a.id for a in columns])
        if year is None:
            return None
    cells: dict[str, dict[str, str]] = {}
    labels: dict[str, tuple[int, str]] = {}
    with_figures = []
    short = False
    none_this_year = []  # areas holding none of their indicators' figures for the year (an office that sent nothing)
    strays: dict[str, set[str]] = {}  # area -> the forces whose few crimes there are all its figures (as the area's
    counted = svc.police_forces_by_area_month(store)  # section says them: not the area's year)
    unplaced: list[str] = []
    for area in columns:
        rows = []
        for r in svc.summary(store, area.id, year):
            if forces := svc.other_forces_only(store, r.view, counted):
                strays.setdefault(area.name, set()).update(forces)
            else:
                rows.append(r)
        if not rows:
            continue
        with_figures.append(area)
        if area.kind == "county" and (words := unplaced_crime_words(store, area, rows)):
            unplaced.append(words)  # the county's figure below its force's police.uk total: why, in words
        if all(r.view.ytd is None for r in rows):
            none_this_year.append(area.name)
        for r in rows:
            labels[r.indicator.id] = (r.indicator.sort_order, r.indicator.label)
            ytd = r.view.ytd
            figure = "" if ytd is None else format_value(ytd.value, r.indicator.unit, rate_per=r.indicator.rate_per)
            judged = r.rag.judged
            # No figure and no judgement: blank, as the note says ("○ No target" read as a figure held without one)
            # The symbol, figure and mark held together (no-break spaces): a narrow column of a portrait page wrapped
            # "○ 1,130 †" with its mark alone on the next line; a RAG's word wraps as words do.
            cell = f"{r.rag.symbol}\u00a0{figure}" if figure else f"{r.rag.symbol} {r.rag.word}" if judged else ""
            if figure and r.view.missing_to_date:  # short by the months missing: not like its neighbours
                cell += f"\u00a0{SHORT_MARK}"
                short = True
            cells.setdefault(r.indicator.id, {})[area.id] = cell
    if strays:
        note += " " + " ".join(
            f"Crimes {in_words(sorted(forces))} recorded in {name}, which lies outside its area, are not {name}'s "
            "figures and are not shown here (its section says them)." for name, forces in sorted(strays.items()))
    if not with_figures:
        return None
    if none_this_year:
        note += f" No figures for {year.label}: {in_words(none_this_year)}."
    note += "".join(f" {words}" for words in unplaced)
    if short:
        note += (f" {SHORT_MARK} Months missing before the latest: the figure covers the months held (a count short "
                 "by them is not judged, unless they can only add to a RAG already settled: red where lower is "
                 "better, green where higher is).")
    order = sorted(labels, key=lambda i: (labels[i][0], labels[i][1].casefold()))
    rows = [[labels[i][1], *(cells[i].get(a.id, "") for a in with_figures)] for i in order]
    return ReportTable(f"Indicators {year.label} to date: figure and RAG {what}",
                       ["Indicator", *(a.name for a in with_figures)], rows, ["l", *["r"] * len(with_figures)],
                       note=note)
