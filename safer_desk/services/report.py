"""The board report: each tab's sections for a financial year and area, gathered into one document.

The document is plain data (services.report_model); exchange.report_html renders it as HTML and
ui.exchange.report_pdf as PDF, so the two always show the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Callable

from safer_desk.domain.periods import FinancialYear, PeriodError, format_uk_date, parse_uk_date
from safer_desk.services import report_sections
from safer_desk.services.progress import CancelCheck, Progress, never_cancelled, no_progress
from safer_desk.services.report_model import ReportAreas, ReportSection
from safer_desk.storage.store import Store

if TYPE_CHECKING:
    from safer_desk.services.reference import AreaRef

REPORT_TITLE = "Community Safety Partnership board report"
NO_FIGURES = "No figures"  # the one page of a report with nothing in it: refused, never written (see below)


class ReportError(ValueError):
    """A year or area the report cannot be made for; the message says which."""


class ReportAreaError(ReportError):
    """An area the report cannot be made for: no area has the name, or two do (Cornwall the county and the
    district; ``matches`` are they, and the message says how to name each)."""

    def __init__(self, message: str, matches: Sequence[AreaRef] = ()):
        super().__init__(message)
        self.matches = list(matches)


@dataclass
class ReportDocument:
    title: str
    office_name: str
    year_label: str  # "2016/17", or "All years"
    area_label: str  # an area ("Cornwall (county)" when another area has its name: area_label), or "All areas"
    prepared_on: str  # 22/11/2026
    sections: list[ReportSection] = field(default_factory=list)
    meeting_date: str = ""  # 20/09/2018, as on the seed papers' title block; blank when not given
    # The title page's line for the day the DHR and fund figures are as at (``as_at_title_words``); blank when the
    # report has neither.
    as_at_line: str = ""

    @property
    def title_lines(self) -> list[str]:
        """The title page's lines under the title, as the PDF and the web page both print them: the area, the year,
        the day the DHR and fund figures are as at, the meeting's date."""
        return [self.area_label, self.year_line, *filter(None, [
            self.as_at_line, f"Date of meeting: {self.meeting_date}" if self.meeting_date else ""])]

    @property
    def subtitle(self) -> str:
        return f"{self.area_label} · {self.year_label}"

    @property
    def prepared_line(self) -> str:
        """"Prepared by Western Suffolk office on 22/11/2026", or without "by" when the file has no name of its own (a
        county file `merge` made is called after its file, "COUNTY", until it is named)."""
        by = f" by {self.office_name}" if self.office_name else ""
        return f"Prepared{by} on {self.prepared_on}"

    @property
    def year_line(self) -> str:
        """The title page's line for the year: "Financial year 2016/17", or "All years" (not "Financial year All
        years")."""
        return f"Financial year {self.year_label}" if self.year_label != "All years" else self.year_label


@dataclass(frozen=True)
class AreaChoice:
    id: str | None
    name: str
    kind: str  # "all", "county", "partnership" or "district"
    own: bool = True  # one of the office's own areas (listed first)


def area_choices(store: Store) -> list[AreaChoice]:
    """What the report can be made for: all the office's areas, each of its own areas, then every other area."""
    from safer_desk.services.reference import area_lists

    own, others = area_lists(store)
    return ([AreaChoice(None, "All areas", "all")] + [AreaChoice(a.id, a.name, a.kind) for a in own]
            + [AreaChoice(a.id, a.name, a.kind, own=False) for a in others if a.kind != "unknown"])


def resolve_area(store: Store, name: str | None) -> AreaChoice:
    """A district, partnership or county by name (or id, or "Cornwall (county)"); "All areas" (or nothing) means
    the office's areas. ReportAreaError when no area, or more than one, has the name."""
    from safer_desk.services.reference import AmbiguousArea, find_area, office_areas

    if name is None or not name.strip() or name.strip().lower() in ("all", "all areas"):
        return AreaChoice(None, "All areas", "all")
    try:
        area = find_area(store, name)
    except AmbiguousArea as exc:  # never settled by guessing: the report's own error, saying how to name each
        raise ReportAreaError(str(exc), exc.matches) from exc
    if area is None or area.kind == "unknown":
        from safer_desk.domain.text import close_names
        from safer_desk.services.reference import area_lists

        own = ", ".join(names_to_type(store, office_areas(store))) or "none yet"
        mine, others = area_lists(store)  # any area the report can be made for, another office's too
        near = close_names(name.strip(), names_to_type(store, [a for a in [*mine, *others] if a.kind != "unknown"]),
                           cutoff=0.6, n=3)
        nearest = f"the nearest: {', '.join(near)}; " if near else ""
        raise ReportAreaError(f"There is no district, partnership or county called “{name.strip()}” "
                              f"({nearest}this office's areas: {own}).")
    own_ids = {a.id for a in office_areas(store)}
    return AreaChoice(area.id, area.name, area.kind, own=area.id in own_ids)


def _named_alike(store: Store) -> dict[str, list[AreaRef]]:
    """The file's areas by their name, casefolded (police rows with no place left out, as find_area leaves them)."""
    from safer_desk.services.reference import known_areas

    alike: dict[str, list[AreaRef]] = {}
    for a in known_areas(store):
        if a.kind != "unknown":
            alike.setdefault(a.name.casefold(), []).append(a)
    return alike


def names_to_type(store: Store, areas: Sequence[AreaRef]) -> list[str]:
    """How to type each of these areas so that find_area finds it alone: its name, or when another area of the
    file has that name too, the name and kind ("Cornwall (county)") or its id (area_names_unambiguously)."""
    from safer_desk.services.reference import area_names_unambiguously

    alike = _named_alike(store)
    out = []
    for area in areas:
        group = alike.get(area.name.casefold(), [])
        group = group if any(a.id == area.id for a in group) else [*group, area]
        out.append(area_names_unambiguously(group)[[a.id for a in group].index(area.id)] if len(group) > 1
                   else area.name)
    return out


def kind_when_shared(store: Store) -> Callable[[str, str], str]:
    """(name, kind) -> the name as the report says it: "Gwynedd (county)" and "Gwynedd (district)" when the file has
    areas of both kinds of that name (Cornwall too), the name alone otherwise. The file's areas are read once."""
    alike = _named_alike(store)

    def named(name: str, kind: str) -> str:
        others = [a for a in alike.get(name.casefold(), []) if a.kind != kind]
        return f"{name} ({kind})" if others else name
    return named


def area_label(store: Store, choice: AreaChoice) -> str:
    """The area as the report's title names it: "Cornwall (county)" when another area of the file is called
    Cornwall too (the unitary district), its name alone otherwise; "All areas" for the office's."""
    if choice.id is None:
        return choice.name
    others = [a for a in _named_alike(store).get(choice.name.casefold(), []) if a.id != choice.id]
    return f"{choice.name} ({choice.kind})" if others else choice.name


def report_areas(store: Store, area: str | AreaChoice | None = None,
                 year: FinancialYear | None = None) -> ReportAreas:
    """The areas a report for one area (None: the office's) and financial year covers, worked out by date.

    - All areas: the office's districts in the year (a county file: the districts merged into it), their
      partnerships and the office's county.
    - A district: itself and the districts it replaced (East Suffolk: Waveney and Suffolk Coastal before 2019).
    - A partnership: its member districts in the year (with successors), and its own records.
    - A county: its districts in the year, the partnerships covering them, and the county's own figures.
    A county-wide project ("Countywide") counts for the areas of its own county only.
    """
    from safer_desk.services import reference as ref

    choice = area if isinstance(area, AreaChoice) else resolve_area(store, area)
    scope = ref.office_scope(store)
    held = held_areas(store) if choice.id is None else []
    if held:  # an office naming no areas yet: the areas it holds figures for are its own business
        districts = [a.id for a in held if a.kind == "district"]
        partnerships = [a.id for a in held if a.kind == "partnership"]
        counties = {a.name for a in held if a.kind == "county"}
        indicator = [a.id for a in held]
        kind, office = "office", True
    elif choice.id is None:
        districts = [d.id for d in ref.office_districts(store, year)]
        county = ref.office_county(store)
        partnerships = [p.id for p in ref.office_areas(store, year) if p.kind == "partnership"]
        counties = {county.name} if county else ref.county_names_of(store, districts)
        leads = ref.office_leads_with_county(store, year)  # else its own areas lead, the county after for context
        indicator = ([county.id] if county and leads else []) + partnerships + districts + (
            [county.id] if county and not leads else [])
        kind, office = "office", True
    else:
        target = ref.AreaRef(choice.id, choice.name, choice.kind)
        districts = ref.area_district_ids(store, target, year)
        if choice.kind == "district" and year is None and ended_in(store, choice.id, "districts") is not None:
            # Itself, not the district it became (Forest Heath's all years: not West Suffolk's 2025/26 figures, nor
            # St Edmundsbury's records); the districts it replaced are added below.
            districts = [choice.id]
        if choice.kind == "partnership" and year is None and (until := ended_in(store, choice.id)) is not None:
            # Not the districts formed from its members after it ended (West Suffolk, 2019, for Western CSP's
            # Forest Heath and St Edmundsbury, 2009/10): they were never its.
            districts = [d for d in districts if not _began_after(store, d, until)]
        if choice.kind == "district":
            partnerships = []
            indicator = [choice.id]
        elif choice.kind == "partnership":
            partnerships = [choice.id]
            indicator = [choice.id] + sorted(districts, key=lambda i: _name_of(store, i))
        else:
            partnerships = [p.id for p in ref.partnerships_of(store, districts, year)]
            indicator = [choice.id] + partnerships + sorted(districts, key=lambda i: _name_of(store, i))
        counties = {choice.name} if choice.kind == "county" else ref.county_names_of(store, districts)
        kind, office = choice.kind, choice.own
    # Records kept under a district's old name (a review in Waveney in 2016) belong to the district it became.
    districts = list(dict.fromkeys([*districts, *ref.predecessors(store, districts)]))
    if choice.kind == "district":
        indicator += [i for i in districts if i not in indicator]
    elif choice.id is None and year is not None:
        # police.uk counts of a year before a district's reorganisation are kept under the district it became
        # (Waveney's 2018/19 crimes under East Suffolk): that district's figures are the office's too, as the
        # county's report and the workbook give them.
        from safer_desk.services import indicators as svc

        indicator += [i for i in ref.successors(store, districts)
                      if i not in indicator and year in svc.years_with_values(store, area_id=i)]
    names = {_name_of(store, i).casefold() for i in [*districts, *partnerships]} | {c.casefold() for c in counties}
    if choice.id is not None:
        names.add(choice.name.casefold())
    return ReportAreas(choice.name, kind, frozenset(districts), frozenset(partnerships), frozenset(counties),
                       tuple(dict.fromkeys(indicator)), frozenset(names), office, scope.is_county_file,
                       unnamed=choice.id is None and names_no_areas(store),
                       until=ended_in(store, choice.id, f"{choice.kind}s")
                       if choice.kind in ("partnership", "district") and year is None else None)


def ended_in(store: Store, area_id: str, table: str = "partnerships") -> FinancialYear | None:
    """The last financial year of a partnership (or, table "districts", a district) that has ended (Western CSP:
    2009/10; Forest Heath: 2018/19), None for one still in being."""
    assert table in ("partnerships", "districts")
    ended = store.scalar(f"SELECT valid_to FROM {table} WHERE id = ?", (area_id,))
    try:
        return FinancialYear.of(date.fromisoformat(ended[:10])) if ended else None
    except ValueError:
        return None


def _began_after(store: Store, district_id: str, year: FinancialYear) -> bool:
    began = store.scalar("SELECT valid_from FROM districts WHERE id = ?", (district_id,))
    try:
        return bool(began) and date.fromisoformat(began[:10]) > year.last_day
    except ValueError:
        return False


def not_that_year_words(store: Store, choice: AreaChoice, year: FinancialYear | None) -> str:
    """Why a partnership's report for a year it covered no district in is empty, and what to choose instead ("" for
    any other area or year): "Western Suffolk CSP covered no district in 2009/10 (it covers Babergh, … West Suffolk
    (from 01/04/2019)). Its districts were covered that year by Western CSP: choose it, or a district, for
    2009/10's figures." The file may well hold that year's figures for those districts; "no figures yet" said
    otherwise."""
    from safer_desk.domain.text import in_words
    from safer_desk.services import reference as ref

    if year is None or choice.kind != "partnership" or ref.partnership_district_ids(store, choice.id, year):
        return ""
    covers = ref.partnership_district_words(store, choice.id)
    then = [p.name for p in ref.partnerships_of(store, ref.partnership_district_ids(store, choice.id), year)
            if p.id != choice.id]
    instead = (f" Its districts were covered that year by {in_words(then)}: choose "
               f"{'it' if len(then) == 1 else 'one of them'}, or a district, for {year.label}'s figures."
               if then else f" Choose a district for {year.label}'s figures.")
    # A partnership that has ended (Western CSP, 2009/10 only) covers nothing now: said in the past.
    until = store.scalar("SELECT valid_to FROM partnerships WHERE id = ?", (choice.id,)) \
        if ended_in(store, choice.id) else None
    said = (f" (it covered {covers} until {format_uk_date(date.fromisoformat(until[:10]))})."
            if until and date.fromisoformat(until[:10]) < date.today() else f" (it covers {covers}).")
    return (f"{choice.name} covered no district in {year.label}" + (said if covers else ".")
            + (instead if covers else ""))


def names_no_areas(store: Store) -> bool:
    """Whether the office names no areas and its reference data no district (a new office that has not done File >
    Office Details… yet): nothing then says which of the file's records are the office's, so all of them are."""
    from safer_desk.services import reference as ref

    scope = ref.office_scope(store)
    return not scope.is_set and not scope.is_county_file and not ref.office_districts(store)


def held_areas(store: Store) -> list[AreaRef]:
    """The areas an office naming none (``names_no_areas``) holds figures or targets for, county, partnerships and
    districts, each by name; [] for any other file. A force's few crimes in districts outside its own area (one
    crime in Barking and Dagenham in Suffolk Constabulary's file) do not make them the office's areas, and crimes
    with no place (Unknown area) lie in none."""
    from safer_desk.services import indicators as svc
    from safer_desk.services.reference import AreaRef

    if not names_no_areas(store):
        return []
    rows = store.rows(
        "SELECT id, name, kind FROM indicator_areas WHERE kind IN ('county', 'partnership', 'district') AND id IN "
        "(SELECT area_id FROM indicator_values UNION SELECT area_id FROM indicator_targets UNION "
        "SELECT area_id FROM indicator_milestones UNION SELECT area_id FROM indicator_estimates)")
    own = {r[0] for r in store.rows("SELECT area_id FROM indicator_values WHERE source NOT LIKE 'police.uk%' UNION "
                                    "SELECT area_id FROM indicator_targets UNION SELECT area_id FROM "
                                    "indicator_milestones UNION SELECT area_id FROM indicator_estimates")}
    counted = svc.police_forces_by_area_month(store)
    strays = {area_id for (area_id, _), _ in counted.items()} - {
        area_id for (area_id, _), (_, own_force) in counted.items() if own_force}
    areas = [AreaRef(r["id"], r["name"], r["kind"]) for r in rows if r["id"] in own or r["id"] not in strays]
    return sorted(areas, key=lambda a: a.sort_key)


def unnamed_office_words(store: Store, shown: Sequence[AreaRef] = (), what: str = "this report") -> str:
    """What a report or workbook of an office naming no areas says of it, and what to do; "" for any other file.
    shown: the areas it gives figures for (``held_areas``); what: "this report", "this sheet"."""
    from safer_desk.domain.text import in_words, shell_word

    if not names_no_areas(store):
        return ""
    given = (f", so {what} gives every area the file holds figures for: {in_words([a.name for a in shown])}"
             if shown else "")
    # The file by its name alone: its folders can hold the user's name, and mean nothing to a board. An office not
    # named yet is called after its file, as the start page and the county's note say it.
    office = (f"The office, still called “{store.office_name}” after its file,"
              if store.office_name == store.path.stem else "This file's office")
    return (f"{office} names no districts yet{given}. To report on the office's own areas, set its "
            f"districts (or partnership) and county in File > Office Details… (on the command line, in the file's "
            f"folder: safer-desk office {shell_word(store.path.name)} --district NAME).")


def _name_of(store: Store, area_id: str) -> str:
    return (store.scalar("SELECT name FROM districts WHERE id = ? UNION ALL SELECT name FROM partnerships WHERE id = ? "
                         "UNION ALL SELECT name FROM indicator_areas WHERE id = ? LIMIT 1", (area_id, area_id, area_id))
            or area_id.partition(":")[2])


def resolve_year(year: str | FinancialYear | None) -> FinancialYear | None:
    if year is None or isinstance(year, FinancialYear):
        return year
    text = year.strip()
    if not text or text.lower() in ("all", "all years"):
        return None
    try:
        return FinancialYear.parse(text)
    except PeriodError as exc:
        raise ReportError(f"“{text}” is not a financial year: write it like 2016/17.") from exc


# Where a file holds its years: financial-year columns ("2016/17"), and the days and months its records run over.
_YEAR_COLUMNS = (("allocation_scenarios", "year"), ("allocation_top_slices", "year"),
                 ("budget_columns", "financial_year"), ("funding_award_years", "financial_year"),
                 ("project_cost_lines", "financial_year"),
                 ("project_funding_sources", "financial_year"), ("commissioning_scenarios", "award_year"))
_DAY_COLUMNS = (("projects", "start_date"), ("projects", "end_date"), ("funds", "starts_on"), ("funds", "ends_on"),
                ("dhr_cases", "notified_on"), ("dhr_cases", "published_on"))


def years_held(store: Store, today: date | None = None, *,
               held: set[FinancialYear] | None = None) -> tuple[FinancialYear, FinancialYear] | None:
    """The first and last financial years the file holds anything of (projects, allocations, costs, budgets, funders'
    awards, indicator figures and police.uk counts), or None when it holds nothing of any year. A review not yet
    published is open to this day, so it holds this year too. A table the file lacks (an export's own) counts for
    nothing. ``held``: the years ``years_with_anything`` read already (the file is not asked again)."""
    years = _years_with_anything(store, today) if held is None else held
    return (min(years), max(years)) if years else None


def years_with_anything(store: Store, today: date | None = None) -> set[FinancialYear]:
    """Every financial year the file holds anything of, read once for a report's two checks (``year_not_held_words``
    and ``nothing_to_report_words`` take it as ``held``): each reading reads every table's dates."""
    return _years_with_anything(store, today)


def _years_with_anything(store: Store, today: date | None = None) -> set[FinancialYear]:
    """Every financial year the file holds anything of (see ``years_held``)."""
    import sqlite3

    from safer_desk.services.indicators import years_with_values

    years: set[FinancialYear] = set()

    def column(table: str, name: str) -> list[str]:
        try:
            return [v for (v,) in store.rows(f"SELECT DISTINCT {name} FROM {table}") if isinstance(v, str) and v]
        except sqlite3.Error:
            return []

    for table, name in _YEAR_COLUMNS:
        for text in column(table, name):
            try:
                years.add(FinancialYear.parse(text))
            except PeriodError:
                continue  # a year the file holds in a form not read: counts for nothing
    for table, name in _DAY_COLUMNS:
        for text in column(table, name):
            try:
                years.add(FinancialYear.of(date.fromisoformat(text[:10])))
            except ValueError:
                continue
    for text in column("_police_counts", "month"):
        try:
            years.add(FinancialYear.of(date.fromisoformat(f"{text[:7]}-01")))
        except ValueError:
            continue
    try:
        if store.rows("SELECT 1 FROM dhr_cases WHERE COALESCE(published_on, '') = '' LIMIT 1"):
            years.add(FinancialYear.of(today or date.today()))
    except sqlite3.Error:
        pass
    try:
        years.update(years_with_values(store))
    except sqlite3.Error:
        pass
    return years


def year_not_held_words(store: Store, year: FinancialYear, today: date | None = None, *,
                        held: set[FinancialYear] | None = None) -> str:
    """Why a report for a year the file holds nothing of is not made, naming the years it holds ("" when it holds
    that year, or nothing of any year: the report then says it has no figures): "This file holds nothing of
    2099/00: its records and figures are of 2008/09 to 2027/28." ``held``: the years read already
    (``years_with_anything``)."""
    held = years_held(store, today, held=held)
    if held is None or held[0] <= year <= held[1]:
        return ""
    first, last = held
    span = first.label if first == last else f"{first.label} to {last.label}"
    return f"This file holds nothing of {year.label}: its records and figures are of {span}."


def nothing_to_report_words(document: ReportDocument, store: Store, today: date | None = None, *,
                            held: set[FinancialYear] | None = None) -> str:
    """Why a report is not written: its one "No figures" page's words ("" for a report with something in it). A year
    inside the years the file holds with nothing in it (the example's 2012/13), or a partnership's before it began,
    made a paper of that one sentence, exit 0, where a year outside them is refused (``year_not_held_words``);
    `report` and File > Board Report… refuse both. A file that holds nothing of any year (a new office's) still has
    its report written, saying so, as session 61 settled: the officer sees what the board's paper will be.
    ``held``: the years read already (``years_with_anything``), as `safer-desk report` passes them on."""
    held = _years_with_anything(store, today) if held is None else held
    if not held:
        return ""
    nothing = [s for s in document.sections if s.title == NO_FIGURES]
    words = str(nothing[0].paragraphs[0]) if nothing and nothing[0].paragraphs else ""
    if not words or document.area_label != "All areas":  # an area's years are not the file's: its words name them
        return words
    try:
        year = FinancialYear.parse(document.year_label)
    except PeriodError:
        return words
    # The years on either side of it that hold something, as a year outside the file's is told its years
    nearest = [y for y in (max((y for y in held if y < year), default=None),
                           min((y for y in held if y > year), default=None)) if y is not None]
    if not nearest:
        return words
    named = " and ".join(y.label for y in nearest)
    return f"{words.removesuffix('.')}: its records and figures nearest to it are of {named}."


def report_surname_words(store: Store, document: ReportDocument) -> str:
    """After a report is written: the references it prints (a review's; a referral's never should) with a word that
    may be a surname on its own ("Okonkwo-2026": domain.privacy.surname_alone), each asked about when it was typed but
    kept; "" when none. Said as the export for the county says it (services.county.export_surname_words), never
    refused: nothing tells a surname from a town's name in a code, and the report goes to a public board."""
    from safer_desk.domain.privacy import surname_alone
    from safer_desk.domain.text import counted

    printed = "\n".join(_document_words(document))
    sources = (("review", "SELECT reference FROM dhr_cases ORDER BY reference"),
               ("referral", "SELECT reference FROM fund_referrals ORDER BY reference"))
    asked = [f"{what} {ref}" for what, sql in sources for (ref,) in store.rows(sql)
             if ref and ref in printed and surname_alone(ref)]
    if not asked:
        return ""
    listed = ", ".join(asked[:3]) + (f" and {len(asked) - 3:,} more" if len(asked) > 3 else "")
    return (f"The report carries {counted(len(asked), 'reference')} with a word that may be a surname ({listed}). A "
            "reference is a code, never a victim's name: if one is a name, change it and write the report again.")


def _document_words(document: ReportDocument):
    """Every text the report prints: its title page, and each section's paragraphs, tables and charts."""
    yield from (document.title, document.office_name, *document.title_lines)
    for section in document.sections:
        yield section.title
        yield from (str(p) for p in section.paragraphs)
        for table in section.tables:
            yield from (table.title, table.note, *table.header, *(table.total_row or ()))
            yield from (str(cell) for row in table.rows for cell in row)
        for chart in section.charts:
            yield from (chart.title, chart.note, chart.y_label, *chart.categories)
            yield from (series.name for series in chart.series)


def report_choices(year: str | FinancialYear | None, meeting: str | None) -> tuple[FinancialYear | None, str]:
    """The financial year (None: all years) and the meeting's date as the paper prints it ("" when not given).

    Raises ReportError saying what is wrong, so the window can check the choices before the work starts.
    """
    fy = resolve_year(year)
    meeting_date = ""
    if meeting and meeting.strip():
        try:
            meeting_date = format_uk_date(parse_uk_date(meeting))
        except PeriodError as exc:
            raise ReportError(f"Meeting date: {exc}") from exc
    return fy, meeting_date


def report_day(year: FinancialYear | None, as_at: date | None, today: date) -> date | None:
    """The day the report's DHR figures are as at: the day asked for (the caller refuses one after today, as
    presenters.dhr.ledger_day_refusal words it); else, for a year gone by, its last day (the board receiving a past
    year's paper expects the position at 31 March, not today's); else None, today: everything recorded."""
    if as_at is not None:  # today typed is today: everything recorded, as Costs > Ledger and dhr-ledger read it
        return as_at if as_at < today else None
    if year is not None and year.last_day < today:
        return year.last_day
    return None


def as_at_before_year_words(year: FinancialYear | None, as_at: date) -> str:
    """Why the DHR and fund figures cannot be as at a day before the report's year begins ("" when they can): nothing
    of the year had happened by then, so a 2018/19 paper as at 31/12/2017 dropped the year's fund unsaid.
    `report --as-at` and File > Board Report…'s As at field both refuse it in these words."""
    if year is None or as_at >= year.first_day:
        return ""
    first = format_uk_date(year.first_day)
    return (f"{format_uk_date(as_at)} is before {year.label} begins ({first}): figures as at it would hold nothing "
            f"of the year. Choose {first} or a later day.")


def as_at_title_words(store: Store, sections: Sequence[ReportSection], year: FinancialYear | None, as_at: date | None,
                      today: date) -> str:
    """What the title page says of the day the report's DHR and fund figures are as at (``report_day``), naming only
    what follows it: "Domestic Homicide Reviews and pooled funds: figures as at 31/03/2019, the end of 2018/19; other
    figures as recorded on 02/12/2026". "" when no section follows it (a report with no review and no fund)."""
    return as_at_words(store, {s.as_at for s in sections}, year, as_at, today)


def as_at_words(store: Store, kinds: set[str], year: FinancialYear | None, as_at: date | None, today: date) -> str:
    """``as_at_title_words`` for the figures of these kinds ("reviews", "funds"): the title page's, and the county
    overview's own first paragraph."""
    from safer_desk.domain.text import in_words
    from safer_desk.services.dhr import review_label

    what = in_words([*([f"{review_label(store)}s"] if "reviews" in kinds else []),
                     *(["pooled funds"] if "funds" in kinds else [])])
    if not what:
        return ""
    day = as_at or today
    when = format_uk_date(day) + (f", the end of {year.label}" if year is not None and day == year.last_day else "")
    # Only those sections: the rest of the report is the file as it stood when the report was made.
    rest = f"; other figures as recorded on {format_uk_date(today)}" if day < today else ""
    return f"{what[:1].upper()}{what[1:]}: figures as at {when}{rest}"


def build_report(store: Store, *, year: str | FinancialYear | None = None, area: str | None = None,
                 title: str | None = None, meeting: str | None = None, today: date | None = None,
                 as_at: date | None = None, progress: Progress = no_progress,
                 cancelled: CancelCheck = never_cancelled) -> ReportDocument:
    """Collect every tab's sections for the board report of one financial year and area.

    title replaces the default title ("Report to the Safer Suffolk Partnership Board"); meeting is the date
    of the meeting the paper goes to (01/04/2018); as_at the day the DHR and pooled-fund figures are as at
    (``report_day``: by default a past year's end, else today; the title page names it, ``as_at_title_words``; the
    other sections are the file as it stands). progress hears of each tab's sections as they are collected;
    cancelled is asked between them and raises services.progress.Cancelled.
    """
    with store.snapshot():  # every section of one moment, though a window saves while the report is collected
        return _build_report(store, year=year, area=area, title=title, meeting=meeting, today=today, as_at=as_at,
                             progress=progress, cancelled=cancelled)


def _build_report(store: Store, *, year: str | FinancialYear | None, area: str | None, title: str | None,
                  meeting: str | None, today: date | None, as_at: date | None, progress: Progress,
                  cancelled: CancelCheck) -> ReportDocument:
    from dataclasses import replace

    fy, meeting_date = report_choices(year, meeting)
    choice = resolve_area(store, area)
    label = area_label(store, choice)
    today = today or date.today()
    areas = replace(report_areas(store, choice, fy), as_at=report_day(fy, as_at, today))
    sections = [s for s in report_sections.all_sections(store, year=fy, areas=areas, today=today, progress=progress,
                                                        cancelled=cancelled) if not s.is_empty]
    if sections and choice.id is not None and fy is not None and not not_that_year_words(store, choice, fy) \
            and not any(s.title.startswith("Indicators") for s in sections):
        # The area the report is for, with no indicator figures for the year (`--area "Mid Suffolk" --year
        # 2018/19`): said where the tab's section would be, not left out of the contents without a word.
        later = [i for i, s in enumerate(sections) if s.title in ("Budgets and plans", "County overview")]
        sections.insert(later[0] if later else len(sections), ReportSection(
            f"Indicators: {label}", paragraphs=[f"No indicator figures or targets are held for {choice.name} for "
                                                f"{fy.label}."]))
    if not sections:
        sections = [ReportSection(NO_FIGURES, paragraphs=[not_that_year_words(store, choice, fy) or (
            "This file has no projects, allocations, costs, budgets or indicator figures for "
            f"{label.lower() if choice.id is None else label} in {fy.label if fy else 'any year'}"
            + (" yet." if fy is None or fy.last_day >= today else "."))])]  # not "yet" of a year long over
    if areas.unnamed and (words := unnamed_office_words(store, held_areas(store))):
        sections.insert(0, ReportSection("The office's areas", paragraphs=[words]))
    # A file not named yet is called after its file ("COUNTY"): no "Prepared by COUNTY" (``unnamed_file_words``).
    named = store.office_name if store.office_name != store.path.stem else ""
    return ReportDocument((title or "").strip() or REPORT_TITLE, named, fy.label if fy else "All years",
                          label, format_uk_date(today), sections, meeting_date,
                          as_at_title_words(store, sections, fy, areas.as_at, today))
