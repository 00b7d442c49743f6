"""The indicators tab's part of the board report: the summary with RAG, the framework, and charts per indicator.

Like the Safer Plymouth performance report (seed 003): for each indicator this year
against last by period, cumulative against target, and a sentence with the change
computed one way (this year minus last year) and said in words. Like seeds 001 and 004:
the RAG word tells "No target", "No figure yet", "Target withdrawn" and "Target to be
confirmed" apart; an estimated RAG is shown with its basis; baselines, benchmarks,
milestones and rates with the population used are stated. A partnership's or county's
figures derived from its districts' are labelled so, with the districts of each period.
Figures invented for the example file are marked † (services.illustrative).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Callable

from safer_desk.domain.indicators import rate_label
from safer_desk.domain.periods import FinancialYear, format_uk_date
from safer_desk.domain.text import counted, in_words, ranges_text
from safer_desk.services import indicators as svc
from safer_desk.services.illustrative import illustrative_rows
from safer_desk.services.police_import import unplaced_crime_words
from safer_desk.services.reference import began_within_words
from safer_desk.services.report_model import ReportChart, ReportSection, ReportSeries, ReportTable
from safer_desk.storage.store import Store

MARK = "\u2020"  # † beside a figure the example file invented (not from a paper)
# Under the first performance summary of the report only: eight areas repeated it eight times.
LEGEND = ("Change is this year minus the same periods last year. RAG: green at or better than target, amber worse by "
          "no more than the indicator's tolerance, red beyond it. Without a judgement (\u25cb) the word says why: no "
          "target, no figure yet (no figure recorded, for a year that is over), figures missing before the latest (a "
          "total short by them, named in the period "
          "column), target to be confirmed, target withdrawn, monitor only, or a milestone not yet due. "
          "\u201cEst.\u201d is a RAG estimated before the figure is known, with its basis below. Rolling and snapshot "
          "figures are the latest, not a total.")


def report_years(store: Store, area_ids: list[str]) -> list[FinancialYear]:
    """Financial years with any figure or target for these areas (derived ones included), oldest first."""
    years: set[FinancialYear] = set()
    for area_id in area_ids:
        years.update(svc.years_with_values(store, area_id=area_id))
    return sorted(years)


def latest_report_year(store: Store, area_ids: list[str], until: FinancialYear | None = None) -> FinancialYear | None:
    """The year a report of all years shows: the latest with a figure or target of these areas' own. A year whose
    only figures are a force's few crimes in an area outside its own (one crime in Cornwall in Suffolk
    Constabulary's file) is not the area's year: its section would show nothing and leave out the years it has.
    until: none after this year (a partnership that ended then: later figures are other partnerships')."""
    years = [y for y in report_years(store, area_ids) if until is None or y <= until]
    counted = None  # the police.uk counts' forces by area and month, read once when first needed
    for year in reversed(years):
        for area_id in area_ids:
            rows = svc.summary(store, area_id, year)
            if rows and counted is None:
                counted = svc.police_forces_by_area_month(store)
            if any(not svc.other_forces_only(store, r.view, counted) for r in rows):
                return year
    return years[-1] if years else None


def _month_only(label: str) -> str:
    """"Apr-25" as "Apr" and "Q1 2016/17" as "Q1": the chart compares two years period by period and its title
    names them, while "Mar-20" on an axis reads as the 20th of March (issue 15) and "Q1 2016/17" under last year's
    bar is the wrong year. Other periods are left as they are."""
    if re.fullmatch(r"[A-Z][a-z]{2}-\d{2}", label):
        return label[:3]
    return label.split(" ")[0] if re.fullmatch(r"Q[1-4] \d{4}/\d{2}", label) else label


def _report_area_ids(store: Store, year: FinancialYear | None, areas, area_id: str | None) -> list[str] | None:
    """The areas to report: those given (a ReportAreas' indicator_area_ids), one area, or the office's areas.

    None means no office scope is known (files before issue 13's office scope): every area with figures.
    """
    if areas is not None:
        return list(areas.indicator_area_ids)
    if area_id:
        return [area_id]
    from safer_desk.services.report_sections import office_areas_for  # the office's own areas (issue 13)

    return list(office_areas_for(store, year, None).indicator_area_ids)


def repeats_its_one_district(store: Store, area, year: FinancialYear, ids, rows: Callable[[], list]) -> bool:
    """A partnership of one district (Safer Plymouth is Plymouth) whose figures are all added up from it, that
    district among the areas given (``ids``): its section (or the workbook's rows) would repeat the district's,
    without the district's targets. ``rows``: its summary rows, asked for only of such a partnership."""
    return area.is_group and svc.sole_member(store, area.id, year) in ids and \
        all(all(s is None or s.kind == "derived" for s in r.view.sources) for r in rows())


def board_report_sections(store: Store, *, year: FinancialYear | None = None, areas=None,
                          area_id: str | None = None, today: date | None = None) -> list[ReportSection]:
    """This tab's sections: one performance summary per area of the report with figures in the year asked for.

    areas is the report's ReportAreas (its indicator_area_ids are the areas shown, in order); area_id asks for
    one area. Every area shows the same year: the year asked for, or with none the latest year any of the
    report's areas has, named in each section's heading. A partnership's or county's figures are derived from its
    districts' where it has none of its own. today is the date milestones are judged on.

    An export for the county (read-only) shows the police.uk figures its counts make, as the office's own file
    does (``police_import.figures_for_reading``); where they cannot be worked out, a section says so.
    """
    from safer_desk.services.police_import import figures_for_reading

    notice = _not_worked_out(figures_for_reading(store), year)
    ids = _report_area_ids(store, year, areas, area_id)
    scoped = ids is not None
    if ids is None:
        ids = [a.id for a in svc.list_areas(store, with_values_only=True)]
    found = [a for a in (svc.find_area(store, i) for i in ids) if a is not None]
    if not found:
        return notice
    from safer_desk.services.report import names_to_type

    # Cornwall the county and Cornwall the district each headed by its kind, as the report's title names them.
    headed = {a.id: label for a, label in zip(found, names_to_type(store, found))}
    # A report of all years shows one year of figures, the latest: each section's heading names it, as the title
    # page's "All years" does not ("Indicators: Suffolk, 2025/26").
    named_year = year is None
    if year is None:
        year = latest_report_year(store, [a.id for a in found], getattr(areas, "until", None))
        if year is None:
            return notice
    sections = []
    # The partnership or county a report is for (`--area Suffolk`: the first of its areas), said even without figures.
    titled = ids[0] if ids and (area_id or getattr(areas, "kind", "office") != "office") else None
    office_report = scoped and titled is None  # "All areas": the office's own
    left_out: list[str] = []
    empty: list[ReportSection] = []  # the office's areas with nothing for the year, each said beside the others'
    empty_names: list[tuple[str, str]] = []  # their headings' names and names, in the same order
    legend_of = None  # the area under whose performance summary the RAG legend is given (the first)
    marks = _Marks(store)
    by_month = None  # the police.uk counts' forces by area and month, read once when first needed
    for area in found:
        rows = svc.summary(store, area.id, year, today=today)
        if not rows:
            # The area the report is for, a partnership or county none of whose figures can be added up (a district
            # without one): said, as the workbook and the window say it, not a report titled for it with nothing.
            if area.id == titled and area.is_group and (not_given := not_derived_words(store, area, year, rows)):
                sections.append(ReportSection(title=f"Indicators: {headed[area.id]}"
                                              + (f", {year.label}" if named_year else ""), paragraphs=[not_given]))
            # The district the report is for, in a year its crimes are counted under the district it became
            # (Waveney's of 2018/19 under East Suffolk): said, as the tab says it, not a report with no indicators.
            elif area.id == titled and (under := svc.counted_under_words(store, area.id, year, area.name)):
                words, current = under
                sections.append(ReportSection(
                    title=f"Indicators: {headed[area.id]}" + (f", {year.label}" if named_year else ""),
                    paragraphs=[f"No indicator figures were recorded for {year.label} under {area.name}. {words}: "
                                f"report on {current} for them."]))
            # One of the office's own districts with nothing for the year (Newport beside Torfaen's figures): said,
            # not left out of the report without a word, as if the office had no such district. One not in being then
            # is not, nor one whose crimes of the year are counted under the district it became (Waveney's of 2018/19
            # under East Suffolk's section); nor a partnership or county, whose figures are its districts' (each said
            # here). A report for a partnership or county names its districts without figures in its "Not given" words.
            elif office_report and area.kind == "district" and _in_being(store, area, year) and \
                    not svc.counted_under_words(store, area.id, year, area.name):
                sections.append(ReportSection(
                    title=f"Indicators: {headed[area.id]}" + (f", {year.label}" if named_year else ""),
                    paragraphs=[f"No indicator figures or targets are held for {area.name} for {year.label}."]))
                empty.append(sections[-1])
                empty_names.append((headed[area.id], area.name))
            continue
        if repeats_its_one_district(store, area, year, ids, lambda: rows):
            continue
        # A district that ended before the year (Waveney, replaced by East Suffolk on 01/04/2019) and holds nothing
        # for it: no section of blanks saying "No figure yet"; its successor's section says whose figures it has.
        if area.kind == "district" and all(r.view.ytd is None for r in rows) and _ended_before(store, area, year):
            continue
        # Without an office scope every area with figures would have a section (a force's import brings
        # neighbouring areas): a district with only police.uk figures and no target is then named at the end.
        if not scoped and area.kind == "district" and all(r.view.target is None for r in rows) and \
                store.scalar("SELECT 1 FROM indicator_values WHERE area_id = ? AND source NOT LIKE 'police.uk%' "
                             "LIMIT 1", (area.id,)) is None and len(sections) >= 3:
            left_out.append(area.name)
            continue
        # Another force's few crimes in an area outside its own (one crime in Cornwall in Suffolk Constabulary's
        # file) are not the area's crime for the year: said in words, not shown as its figure for a partial year.
        if by_month is None:
            by_month = svc.police_forces_by_area_month(store)
        strays = {r.indicator.id: forces for r in rows if (forces := svc.other_forces_only(store, r.view, by_month))}
        kept = [r for r in rows if r.indicator.id not in strays]
        sections.append(_section(store, replace(area, name=headed[area.id]), year, kept, marks, legend_of))
        if named_year:
            sections[-1].title += f", {year.label}"
        if legend_of is None and sections[-1].tables:
            legend_of = headed[area.id]
        if area.is_group and (not_given := not_derived_words(store, area, year, rows)):
            sections[-1].paragraphs.append(not_given)
        if area.kind == "district" and (began := began_within_words(store, area.id, area.name, year)):
            sections[-1].paragraphs.insert(0, began)  # East Suffolk's 2018/19: Waveney's and Suffolk Coastal's
        if strays:
            sections[-1].paragraphs.append(_other_forces_words(
                area, year, [r for r in rows if r.indicator.id in strays], strays, bool(kept)))
        if area.kind == "county" and (unplaced := unplaced_crime_words(store, area, kept)):
            sections[-1].paragraphs.append(unplaced)
        if area.kind == "county" and scoped:  # a county file's county: which merged offices lie outside it
            from safer_desk.services.reference import outside_county_words

            sections[-1].paragraphs.extend(outside_county_words(store, area.id))
    if len(empty) == len(sections):  # none of the office's areas has figures for the year: no part of the report
        sections = []
    elif empty:
        # Said once, after the areas with figures, not a page of one line each (a county file's 2009/10 gave Forest
        # Heath, Mid Suffolk and St Edmundsbury a page each, before Suffolk's figures).
        said = empty[0]
        said.title = f"Indicators: {in_words([h for h, _ in empty_names])}" + (f", {year.label}" if named_year else "")
        said.paragraphs = [f"No indicator figures or targets are held for {in_words([n for _, n in empty_names])} "
                           f"for {year.label}."]
        sections = [s for s in sections if not any(s is e for e in empty)] + [said]
    if left_out and sections:
        sections[-1].paragraphs.append(
            f"Police.uk figures only, with no targets, are also held for {counted(len(left_out), 'more area')}: "
            f"{', '.join(left_out)}. Choose an area to see its figures.")
    return notice + sections


_DATED = {"district": "districts", "partnership": "partnerships"}  # areas that begin and end (a county does not)


def _ended_before(store: Store, area: svc.Area, year: FinancialYear) -> bool:
    """A district or partnership that ended before the year began (Waveney, replaced by East Suffolk on 01/04/2019;
    the 2009/10 Babergh CSP)."""
    table = _DATED.get(area.kind)
    ended = store.scalar(f"SELECT valid_to FROM {table} WHERE id = ?", (area.id,)) if table else None
    return bool(ended) and svc.reference_day(ended, end=True) < year.first_day


def _in_being(store: Store, area: svc.Area, year: FinancialYear) -> bool:
    """Whether the area existed in some part of the year (neither ended before it nor begun after it)."""
    table = _DATED.get(area.kind)
    began = store.scalar(f"SELECT valid_from FROM {table} WHERE id = ?", (area.id,)) if table else None
    return not _ended_before(store, area, year) and not (began and svc.reference_day(began) > year.last_day)


def not_derived_words(store: Store, area: svc.Area, year: FinancialYear, rows: list[svc.SummaryRow], *,
                      monthly: bool = False) -> str:
    """The indicators a partnership's or county's section leaves out because its figure, added up from its
    districts', is not given where one of them has none (police.uk lists no row for a crime type a district had
    none of in a month), with those districts and periods ("not held in this file" of a district the file holds no
    figure of at all); "" when none is left out so. monthly: of the monthly
    indicators only (the county workbook's sheet by month)."""
    from safer_desk.services.report import kind_when_shared

    shown = {r.indicator.id for r in rows}
    gaps, police = [], False
    label = svc.period_label
    named = kind_when_shared(store)  # Gwynedd the county, not given for want of Gwynedd the district's figures
    for ind in svc.list_indicators(store):
        if ind.id in shown or (monthly and ind.frequency != "monthly"):
            continue
        periods = svc.year_periods(ind.frequency, year)
        derived = svc.derive_figures(store, ind, area, periods)
        without: dict[str, list[int]] = {}
        for i, p in enumerate(periods):
            d = derived.get(p)
            if d is not None and d.figure is None and d.used:  # some districts have a figure, others none
                for name in d.missing:
                    without.setdefault(name, []).append(i)
        if without:
            # A district the file holds no figure of at all is not held, as the derived-figures paragraph says it.
            not_held = svc.districts_not_held(store, without) | set(svc.county_districts_absent(store, area.id))
            where = {name: f"{named(name, 'district')} in "
                           f"{ranges_text(at, lambda a, b: b == a + 1, lambda i: label(periods[i]))}"
                     for name, at in sorted(without.items())}
            lacking = [w for name, w in where.items() if name not in not_held]
            said = [f"no figure for {in_words(lacking)}"] if lacking else []
            if len(lacking) < len(where):
                said.append("not held in this file: " + in_words([w for name, w in where.items() if name in not_held]))
            gaps.append(f"{ind.name} ({'; '.join(said)})")
            # Police.uk's missing rows are months a held district had none of, not a district the file lacks.
            police = police or bool(lacking) and store.scalar(
                "SELECT 1 FROM indicator_values WHERE indicator_id = ? AND source LIKE 'police.uk%' LIMIT 1",
                (ind.id,)) is not None
    if not gaps:
        return ""
    return (f"Not given for {named(area.name, area.kind)}, as its figure is added up from its districts' and not "
            f"every one of them has a figure: {'; '.join(gaps)}."
            + (" Police.uk lists no row for a crime type a district had none of in a month, so these may be months "
               "with none." if police else ""))


def _other_forces_words(area: svc.Area, year: FinancialYear, rows: list[svc.SummaryRow],
                        forces: dict[str, list[str]], others: bool) -> str:
    """"Crimes Suffolk Constabulary recorded in Cornwall in 2025/26: All crime 1 and Violence and sexual offences 1
    (Jul-25). …": police.uk figures made only of forces' crimes in an area outside their own. others: the section
    shows other figures of the area."""
    names = sorted({f for found in forces.values() for f in found})
    owners = in_words([name + "'s" for name in names])
    figures = []
    for r in sorted(rows, key=lambda r: (r.indicator.sort_order, r.indicator.name)):
        v = r.view
        held = [i for i, f in enumerate(v.this_year) if f is not None]
        when = ranges_text(held, lambda a, b: b == a + 1, v.labels.__getitem__)
        figures.append(f"{r.indicator.name} {r.indicator.format(None if v.ytd is None else v.ytd.value)} ({when})")
    return (f"Crimes {in_words(names)} recorded in {area.name} in {year.label}: {in_words(figures)}. {area.name} lies "
            f"outside {owners} {'area' if len(names) == 1 else 'areas'} and its own force's police.uk counts for "
            f"those months are not held, so these are a few of {area.name}'s crimes, not its figures for the year: "
            + ("they are left out of its performance summary." if others else "no figures are shown for it."))


def _not_worked_out(reading, year: FinancialYear | None) -> list[ReportSection]:
    """The section saying an export's police.uk figures could not be worked out, when its counts reach the year."""
    if not reading.problem or (year is not None and not (
            reading.first_month <= f"{year.start_year + 1}-03" and reading.last_month >= f"{year.start_year}-04")):
        return []
    return [ReportSection(title="Indicators: police.uk figures not shown", paragraphs=[reading.problem])]


class _Marks:
    """The figures and populations the example file marked illustrative, by (indicator, area, period)."""

    def __init__(self, store: Store):
        values = illustrative_rows(store, "indicator_values")
        self.values: dict[tuple[str, str, str], str] = {}
        if values:
            for r in store.rows("SELECT id, indicator_id, area_id, period FROM indicator_values"):
                if r["id"] in values:
                    self.values[(r["indicator_id"], r["area_id"], r["period"])] = values[r["id"]]
        pops = illustrative_rows(store, "indicator_populations")
        self.populations: dict[tuple[str, str], str] = {}
        if pops:
            for r in store.rows("SELECT id, area_id, year FROM indicator_populations"):
                if r["id"] in pops:
                    self.populations[(r["area_id"], r["year"])] = pops[r["id"]]

    def figure_notes(self, view: svc.YearView) -> list[str]:
        periods = view.periods + svc.year_periods(view.indicator.frequency, view.year.previous())
        return sorted({self.values[k] for k in ((view.indicator.id, view.area_id, p) for p in periods)
                       if k in self.values})

    def population_note(self, view: svc.YearView) -> str:
        pop = view.population
        return "" if pop is None else self.populations.get((view.area_id, pop.year), "")


def _derived_paragraph(store: Store, area: svc.Area, year: FinancialYear, rows: list[svc.SummaryRow]) -> str:
    stretches = svc.membership_by_year(store, area.id, year)
    parts = [f"from {start}: {', '.join(names) if names else 'no districts'}" for start, names in stretches]
    missing: Counter[str] = Counter()
    other: set[str] = set()
    gaps = 0
    absent = svc.county_districts_absent(store, area.id)
    for r in rows:
        v = r.view
        for i in range(v.periods_to_date):  # periods up to the latest figure: later ones are simply not yet in
            d = v.derived[i] if i < len(v.derived) else None
            if d is None or d.figure is not None or v.this_year[i] is not None:
                continue
            # A month no district has a figure for (one month of police.uk data) is said by the indicator's own
            # words ("no figures for Apr-20 to Dec-20"), not counted here as a figure that could not be added up.
            if d.missing and not d.used and not absent:
                continue
            gaps += 1
            missing.update(d.missing)
            if not d.missing:
                other.add(d.reason)
    text = (f"Figures marked as derived for {area.name} are added up from its districts' figures for the periods "
            f"they were members (counts summed; percentages and rates as a ratio of the sums), "
            + "; ".join(parts) + ".")
    if gaps:
        # A district the file holds no figure of at all (a county file merged from today's offices, without the
        # districts they replaced) is not held, as the Indicators tab says; not a district without a figure.
        not_held = svc.districts_not_held(store, missing) | set(absent)
        why = [f"no figure for {name} ({n})" for name, n in sorted(missing.items()) if name not in not_held]
        if not_held & set(missing):
            why.append("not held in this file: " + ", ".join(f"{name} ({n})" for name, n in sorted(missing.items())
                                                              if name in not_held))
        why += sorted(other)
        text += f" {counted(gaps, 'period')} before the latest could not be derived: " + "; ".join(why) + "."
    return text


def _replaced_paragraph(store: Store, area: svc.Area, year: FinancialYear, rows: list[svc.SummaryRow]) -> str:
    """A district formed since last year: its last year is the districts' it replaced, said once (each indicator's
    paragraph says a predecessor's missing figures)."""
    names = sorted({n for r in rows for d in r.view.last_derived if d is not None for n in (*d.used, *d.missing)},
                   key=str.casefold)
    began = store.scalar("SELECT valid_from FROM districts WHERE id = ?", (area.id,))
    if not names or not began:
        return ""
    last = year.previous().label
    day = svc.reference_day(began)
    # One district replaced (Shepway renamed Folkestone and Hythe): its figures as they were, nothing summed.
    whose = f"the district it replaced, {names[0]}" if len(names) == 1 else \
        f"the districts it replaced, {in_words(names)} (counts summed; percentages and rates as a ratio of the sums)"
    # Figures the file holds for the district itself from before it began (police.uk counts are filed under today's
    # districts) are its own, not its predecessors' added up: the indicators of each are named when there are both.
    # Its figures from the day it began (part-way through last year) are its own in every case.
    own = [r.indicator.label for r in rows if any(
        f is not None and d is None and svc.period_span(p)[1] < day for f, d, p in
        zip(r.view.last_year, r.view.last_derived, svc.year_periods(r.indicator.frequency, year.previous())))]
    made = [r.indicator.label for r in rows if any(d is not None and d.began is None for d in r.view.last_derived)]
    which = f" for {in_words(made)}" if own else ""
    first, end = svc.period_span(year.previous().label)
    then = " before then" if first < day <= end else ""  # it began part-way through last year
    return (f"{area.name} began on {format_uk_date(day)}: its {last} figures here{then} (Last year, "
            f"and the {last} bars){which} are those of {whose}"
            + (f"; its own {last} figures are used for {in_words(own)}." if own else "."))


def _blank_words(rows: list[svc.SummaryRow], year: FinancialYear) -> list[str]:
    """Why the summary's blank This year, Last year, Change and Change % cells are blank, one sentence for the
    indicators blank for the same reason (the window says it when a cell is pointed at: the services' words)."""
    said: dict[tuple[tuple[str, ...], str], list[str]] = {}
    for r in rows:
        v = r.view
        if r.indicator.measure == "milestone":  # no figures to compare: its RAG and target say where it stands
            continue
        if v.ytd is None:
            why = v.no_figures_words()  # "were recorded" for a year over by the report's day
        elif v.change is None:
            if v.movement is not None:
                why = "no figure for the same period last year to compare with; its sentence compares the latest " \
                      "with the one before it"
            elif v.last_year_words():  # a district formed since: whose last year it is, and its gaps
                sentence = v.change_sentence().rstrip(".")
                why = sentence[:1].lower() + sentence[1:]
            else:
                why = f"no figures for the same period last year to compare with ({v.last_year_held_words()})"
        elif not v.change.shows_percent:
            why = "a percentage's change is in points (under Change)" if r.indicator.unit == "percentage" else \
                "last year's figure is 0, and no change is a percentage of 0"
        else:
            continue
        cells = [name for name, blank in (("This year", v.ytd is None), ("Last year", v.ytd_last is None),
                                          ("Change", v.change is None), ("Change %", True)) if blank]
        said.setdefault((tuple(cells), why), []).append(r.indicator.label)
    return [f"{in_words(list(cells))} {'is' if len(cells) == 1 else 'are'} blank for "
            f"{'every indicator' if len(names) == len(rows) > 1 else in_words(names)}: {why}."
            for (cells, why), names in said.items()]


def _section(store: Store, area: svc.Area, year: FinancialYear, rows: list[svc.SummaryRow],
             marks: _Marks, legend_of: str | None = None) -> ReportSection:
    """One area's section; legend_of names the area under whose summary the RAG legend was given (None: give it)."""
    rows = sorted(rows, key=lambda r: (r.rag.sort_key, r.indicator.sort_order))
    derived_any = any(r.view.is_derived for r in rows)
    invented: set[str] = set()

    def fig(r: svc.SummaryRow, f) -> str:
        # This year's figure with the places its RAG needs (0.845 per 1,000, red against 0.8, reads "0.85").
        text = r.view.ytd_text() if f is r.view.ytd else r.view.ytd_last_text() if f is r.view.ytd_last else \
            r.indicator.format(None if f is None else f.value)
        notes = marks.figure_notes(r.view)
        if text and notes:
            invented.update(notes)
            text += MARK
        return text

    def label(r: svc.SummaryRow) -> str:
        return r.indicator.label + (" (derived)" if r.view.is_derived else "")

    table = ReportTable(
        title=f"Performance summary, {area.name}, {year.label}"
              + (" (figures marked derived are added up from its districts')" if derived_any else ""),
        header=["RAG", "Indicator", "Period", "This year", "Last year", "Change", "Change %", "Target"],
        rows=[[r.view.status_label(), label(r), r.view.range_text(), fig(r, r.view.ytd), fig(r, r.view.ytd_last),
               "" if r.view.change is None else r.view.change.signed_text(),
               "" if r.view.change is None else r.view.change.signed_percent(),
               r.view.target_words()] for r in rows],
        align=["c", "l", "l", "r", "r", "r", "r", "l"],
        # Paper has no tooltips: each blank says why under the table, then the legend, said once in the report.
        note=" ".join(_blank_words(rows, year) + [
            LEGEND if legend_of is None else f"RAG and Change are read as under {legend_of}'s performance summary."]))
    tables = [table] if rows else []
    framework = [r for r in rows if r.view.baseline or r.view.benchmarks or r.view.estimate
                 or r.indicator.unit == "rate" or (r.view.target is not None and r.view.target.status != "set")]
    if framework:
        def baseline(r):
            b = r.view.baseline
            return "" if b is None else r.indicator.format_typed(b.value) + (f" ({b.period})" if b.period else "")

        def population(r):
            if r.indicator.unit != "rate":
                return ""
            text = r.view.population_text()
            note = marks.population_note(r.view)
            if note:
                invented.add(note)
                text += MARK
            return text

        tables.append(ReportTable(
            title=f"Baselines, benchmarks, estimates and targets not set, {area.name}, {year.label}",
            header=["Indicator", "Baseline", "Benchmarks", "Estimated RAG (basis)", "Target status", "Population used"],
            rows=[[r.indicator.label, baseline(r),
                   "; ".join(f"{b.label} {r.indicator.format_typed(b.value)} ({svc.period_label(b.period)})"
                             for b in r.view.benchmarks),
                   "" if r.view.estimate is None else f"{r.view.estimate.rag.word} ({r.view.estimate.basis})",
                   "" if r.view.target is None or r.view.target.status == "set"
                   else svc.target_text(r.indicator, r.view.target, with_reason=True),
                   population(r)] for r in framework],
            align=["l", "r", "l", "l", "l", "l"]))
    paragraphs = []
    if derived_any:
        paragraphs.append(_derived_paragraph(store, area, year, rows))
    replaced = _replaced_paragraph(store, area, year, rows)
    if replaced:
        paragraphs.append(replaced)
    charts = []
    for r in rows:
        v = r.view
        if v.ytd is None and v.estimate is None and v.milestone is None and \
                (v.target is None or v.target.status == "set"):
            continue
        # The period and figure to date are the summary table's row: said again here, each sentence read as its row
        # ("All crime: Apr-25 to Dec-25: 32,948 in total."); only what the row does not say is said.
        said = [v.headline(replaced_said=bool(replaced), figure_shown=True)]
        said[0] = said[0] if not said[0] or said[0].endswith(".") else said[0] + "."
        if r.indicator.unit == "rate" and v.ytd is not None:
            said.append(f"Rate {v.population_text()}.")
        if v.rag.key == "red" and r.indicator.measure != "milestone":
            comment = v.comments[v.periods_to_date - 1].strip() if v.periods_to_date else ""
            said.append(f"Comment: {comment}" if comment else "(No comment has been given for this red figure.)")
        text = " ".join(filter(None, said))
        if text:
            paragraphs.append(f"{r.indicator.label}: {text}")
        if v.ytd is None:
            continue
        labels = [_month_only(label) for label in v.labels]
        unit = r.indicator.unit if r.indicator.unit != "rate" else f"rate {rate_label(r.indicator.rate_per)}"
        # Each period's figure as the grid shows it beside the other year's (0.25 against 0.34 per 1,000: the usual
        # one place read "0.3" in both years).
        series = [ReportSeries(v.last_year_label(), list(v.values_last), "bar",
                               [v.period_text(i, last_year=True) for i in range(len(v.values_last))]),
                  ReportSeries(year.label, list(v.values), "bar", [v.period_text(i) for i in range(len(v.values))])]
        compared = any(a is not None and b is not None for a, b in zip(v.values, v.values_last))
        # No period with a figure in both years (police.uk downloads that begin in January): this year's bars alone,
        # under a title that promises no comparison (the summary's note says why there is none, once).
        by = {"monthly": " by month", "quarterly": " by quarter"}.get(r.indicator.frequency, "")
        charts.append(ReportChart(
            title=f"{r.indicator.name}: {year.label}" + (f" against {year.previous().label}" if compared else by)
                  + (" (derived)" if v.is_derived else ""),
            categories=labels, series=series if compared else series[1:], y_label=unit))
        # Cumulative against target only where there is a target: without one the chart says nothing the bars
        # do not, and a county report of five districts was 95 pages of them.
        if len(labels) > 1 and r.indicator.adds_up and v.target is not None and v.target.is_set:
            # The figures table gives them as the entry grid does (with the places that tell them apart); a period
            # without a figure of its own is a gap in the line, as in the window, not the total before it carried flat.
            shown = [v.cumulative_text(i) for i in range(len(v.cumulative))]
            series = [ReportSeries(f"{year.label} cumulative", v.cumulative_held, "line", [c for c, _ in shown]),
                      ReportSeries("Target", list(v.target_at), "dashed", [t for _, t in shown])]
            charts.append(ReportChart(title=f"{r.indicator.name}: {year.label} cumulative against target",
                                      categories=labels, series=series, y_label=unit))
    if invented:
        paragraphs.append(f"{MARK} Illustrative, not from a board paper: " + " ".join(sorted(invented)))
    return ReportSection(title=f"Indicators: {area.name}", paragraphs=paragraphs, tables=tables, charts=charts)
