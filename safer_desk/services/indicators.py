"""Indicators: define them, enter figures and targets, and compute what the tab and the board report show.

One function per user action (validate, write in one transaction, return what
changed) plus read functions that return plain data and never write (looking at
a file must not change it: tests check ``PRAGMA data_version``). Qt-free and pandas-free.

The performance framework of the papers (issue 14): targets set, "Tbc" or withdrawn (with the date
and why); tolerance relative to the target or in points; baselines; benchmarks (regional, national,
comparator areas); milestones with a date as target; estimated RAG with its basis; activity counts;
rates per 1,000 / 10,000 / 100,000 with the population used; rolling and snapshot figures.

Partnership and county figures (issue 13) are derived from their districts' figures for the
periods the membership held (partnership_districts valid_from/valid_to, districts' successors):
sums for counts, ratios of sums for percentages and rates. A figure stored for the area itself wins.
"""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Collection, Iterable, Sequence

from safer_desk.domain import indicators as dom
from safer_desk.domain.ids import new_id, reference_id
from safer_desk.domain.indicators import (Change, EstimatedRag, Figure, FigureSource, IndicatorError, Rag,
                                          describe_source)
from safer_desk.domain.periods import (MONTH_ABBR, AmbiguousPeriod, FinancialYear, Month, PeriodError, Quarter,
                                      format_uk_date, full_year, month_then_year)
from safer_desk.domain.text import close_names, counted, in_words, ranges_text, typed_name_key
from safer_desk.storage import snapshots
from safer_desk.storage.store import Store

AREA_KINDS = ("district", "partnership", "county", "unknown")
UNKNOWN_AREA_ID = reference_id("area", "Unknown area")
TYPED = "typed"  # indicator_values.source of a figure typed in the window or through the services


class CommentRequired(IndicatorError):
    """A red period was saved without a comment saying why."""


class ReinterpretQuestion(IndicatorError):
    """Another unit would read the figures and targets an indicator holds in that unit: a question the person
    answers (``save_indicator(..., reinterpret=True)``), not a refusal."""


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    kind: str
    ons_code: str | None = None
    population: int | None = None

    @property
    def is_group(self) -> bool:
        """A partnership or county: its figures can be derived from its districts'."""
        return self.kind in ("partnership", "county")

    @property
    def label(self) -> str:
        return self.name if self.kind == "district" else f"{self.name} ({self.kind})"


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    code: str
    unit: str
    rate_per: int | None
    polarity: str
    frequency: str
    source: str
    area_id: str | None
    tolerance_pct: float  # the tolerance's figure: a percentage of target, or points (tolerance_kind)
    description: str
    sort_order: int
    tolerance_kind: str = "relative"
    measure: str = "performance"
    figure_basis: str = "period"

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip() if self.code else self.name

    @property
    def adds_up(self) -> bool:
        """Figures for each period that add up over the year (not rolling or snapshot figures)."""
        return self.figure_basis == "period"

    @property
    def totals(self) -> bool:
        """Its year to date is a total that grows period by period: a count, or a rate per population (the
        count to date per head), as opposed to a percentage. An annual target is then spread through the year,
        a cumulative trajectory cannot go down, and a period missing before the latest leaves the total short."""
        return self.adds_up and self.unit in ("count", "rate")

    def format(self, value: float | None, places: int | None = None) -> str:
        """A figure of this indicator as the papers print it (1,610 per 100,000; 88.75%; 12,586)."""
        return dom.format_value(value, self.unit, places, self.rate_per)

    def format_typed(self, value: float) -> str:
        """A figure a person typed (a baseline, a benchmark) with the places it was typed with: "0.95 per 1,000",
        not the "1 per 1,000" a rate's usual one place gives (``dom.typed_places``)."""
        return self.format(value, dom.typed_places(value, self.unit))

    @property
    def tolerance_text(self) -> str:
        """"amber within 1 percentage point of target", "amber within 5% of target"."""
        text = dom.tolerance_text(self.tolerance_pct, self.tolerance_kind, self.unit, self.rate_per)
        return f"amber within {text}" + ("" if self.tolerance_kind == "relative" else " of target")


@dataclass(frozen=True)
class Target:
    id: str
    indicator_id: str
    area_id: str
    year: str
    kind: str
    value: float | None
    profile: str
    note: str
    trajectory: dict[str, float] = field(default_factory=dict)
    status: str = "set"
    withdrawn_on: str | None = None
    withdrawn_reason: str = ""

    @property
    def is_set(self) -> bool:
        """A target figures are judged against (not "Tbc", not withdrawn)."""
        return self.status == "set"


# -- areas ------------------------------------------------------------------------------------
def area_id_for(name: str, kind: str) -> str:
    if kind == "unknown":
        return UNKNOWN_AREA_ID
    return reference_id(kind, name)


def ensure_area(store: Store, name: str, kind: str = "district", *, ons_code: str | None = None,
                population: int | None = None) -> str:
    """The area's id, adding it when new (same id as the district or partnership of that name)."""
    name = (name or "").strip()
    if not name:
        raise IndicatorError("An area needs a name.")
    if kind not in AREA_KINDS:
        raise IndicatorError(f"An area is a district, partnership or county, not “{kind}”.")
    area_id = area_id_for(name, kind)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO indicator_areas(id, name, kind, ons_code, population) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET ons_code = coalesce(indicator_areas.ons_code, excluded.ons_code), "
            "population = coalesce(excluded.population, indicator_areas.population) "
            "WHERE indicator_areas.ons_code IS NOT coalesce(indicator_areas.ons_code, excluded.ons_code) "
            "OR indicator_areas.population IS NOT coalesce(excluded.population, indicator_areas.population)",
            (area_id, name, kind, ons_code, population))
    return area_id


def one_area_of_a_name(name: str, kind: str, holder_kind: str, where: str = "this file has figures") -> str:
    """Why figures for an area cannot be kept while another area of its name has them (indicator_areas.name is
    unique): "figures for Cornwall (county) cannot be kept: this file has figures for Cornwall (district), …"."""
    return (f"figures for {name} ({kind}) cannot be kept: {where} for {name} ({holder_kind}), and a file keeps "
            "figures for only one area of a name")


def _ensure_area_row(store: Store, area_id: str) -> None:
    """Inside a write: make a reference district or partnership an area (figures need the row)."""
    if store.scalar("SELECT 1 FROM indicator_areas WHERE id = ?", (area_id,)) is not None:
        return
    r = find_area(store, area_id)
    if r is None or r.id != area_id:
        raise IndicatorError(f"There is no area with id {area_id}.")
    holder = store.one("SELECT kind FROM indicator_areas WHERE name = ?", (r.name,))
    if holder is not None:  # indicator_areas.name is unique: said in words, not as the database's refusal
        why = one_area_of_a_name(r.name, r.kind, holder["kind"])
        raise IndicatorError(f"{why[:1].upper()}{why[1:]}.")
    store.conn.execute("INSERT INTO indicator_areas(id, name, kind, ons_code) VALUES (?, ?, ?, ?)",
                       (r.id, r.name, r.kind, r.ons_code))


_REFERENCE_AREAS = ("SELECT id, name, 'district' AS kind, ons_code, NULL AS population FROM districts "
                    "UNION ALL SELECT id, name, 'partnership', NULL, NULL FROM partnerships")


def sync_reference_areas(store: Store) -> int:
    """Make every district and partnership of the reference data an area; returns how many were added.

    Nothing is written when every one is there already. Reading never needs this: list_areas and
    find_area see the reference data directly.
    """
    missing = store.scalar(f"SELECT count(*) FROM ({_REFERENCE_AREAS}) r "
                           "WHERE r.id NOT IN (SELECT id FROM indicator_areas)")
    if not missing:
        return 0
    with store.transaction():
        before = store.scalar("SELECT count(*) FROM indicator_areas")
        store.conn.execute("INSERT INTO indicator_areas(id, name, kind, ons_code) "
                           "SELECT id, name, 'district', ons_code FROM districts WHERE true "
                           "ON CONFLICT DO NOTHING")
        store.conn.execute("INSERT INTO indicator_areas(id, name, kind) "
                           "SELECT id, name, 'partnership' FROM partnerships WHERE true ON CONFLICT DO NOTHING")
        return store.scalar("SELECT count(*) FROM indicator_areas") - before


_AREA_ORDER = "CASE kind WHEN 'county' THEN 0 WHEN 'partnership' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, name"


def list_areas(store: Store, *, with_values_only: bool = False) -> list[Area]:
    """Every area: those with figures, and the reference districts and partnerships (read, never written).

    with_values_only keeps the areas with figures of their own, or derived from their districts'.
    """
    rows = store.rows(f"SELECT * FROM (SELECT id, name, kind, ons_code, population FROM indicator_areas UNION ALL "
                      f"SELECT * FROM ({_REFERENCE_AREAS}) WHERE id NOT IN (SELECT id FROM indicator_areas)) "
                      f"ORDER BY {_AREA_ORDER}")
    areas = [Area(r["id"], r["name"], r["kind"], r["ons_code"], r["population"]) for r in rows]
    if not with_values_only:
        return areas
    own = _districts_with_values(store)
    groups = _Groups(store)
    return [a for a in areas if a.id in own or (a.is_group and _has_member_values(store, a, own, groups))]


def find_area(store: Store, name_or_id: str) -> Area | None:
    """An area by id, name, or name and kind as the lists show it ("Cornwall (county)"), case-insensitive: one
    with figures, a reference district or partnership, or a county named by its districts; None when none is.

    A name two areas share (Cornwall the county and the unitary district) raises reference.AmbiguousArea, which
    says how to name each: a figure for "Cornwall" never lands on whichever of them the file lists first.
    """
    from safer_desk.services.reference import find_area as find_named

    def by_id(area_id: str) -> Area | None:
        for query in ("SELECT id, name, kind, ons_code, population FROM indicator_areas WHERE id = ?",
                      f"SELECT * FROM ({_REFERENCE_AREAS}) WHERE id = ?"):
            r = store.one(query, (area_id,))
            if r is not None:
                return Area(r["id"], r["name"], r["kind"], r["ons_code"], r["population"])
        return None

    text = (name_or_id or "").strip()
    if not text:
        return None
    found = by_id(text) or area_by_code(store, text)
    if found is not None:
        return found
    # Names, and counties named by their districts (districts.county) whose figures are all derived from theirs,
    # by the rule every list and the board report name areas by.
    named = find_named(store, text)
    return None if named is None else by_id(named.id) or Area(named.id, named.name, named.kind)


_ONS_CODE = re.compile(r"[EWSN]\d{8}")


def area_by_code(store: Store, code: str) -> Area | None:
    """The district an ONS code names ("E07000202" is Ipswich), as council sheets give it in place of the name: the
    current one where a district renamed kept its code (Shepway, then Folkestone and Hythe: E07000112); None for
    text that is no code, or a code no district has."""
    text = (code or "").strip().upper()
    if not _ONS_CODE.fullmatch(text):
        return None
    r = store.one("SELECT id FROM districts WHERE upper(ons_code) = ? ORDER BY valid_to IS NOT NULL, valid_to DESC, "
                  "valid_from DESC LIMIT 1", (text,)) or \
        store.one("SELECT id FROM indicator_areas WHERE upper(ons_code) = ? ORDER BY id LIMIT 1", (text,))
    return None if r is None else find_area(store, r["id"])


# What a council's own name adds to the area's ("East Sussex County Council", "Plymouth City", "Babergh CSP"), and
# its short forms ("Babergh DC", "Ipswich B.C.", "Suffolk CC"): "Babergh DC" was met with "did you mean “Babergh
# CSP”?", the partnership a letter nearer than the district.
_COUNCIL_WORDS = re.compile(r"(\s+(city|county|borough|district|metropolitan borough))?(\s+council)?"
                            r"(\s+(m\.?|c\.?)?[dbc]\.?c\.?)?"
                            r"(\s+(csp|community safety partnership))?\s*$", re.IGNORECASE)


def area_meant(store: Store, name: str) -> str | None:
    """The name of the area a name no area has was most likely meant as: the same without a council's words ("East
    Sussex County", "Plymouth City Council"), or one a letter or two out ("Ipswitch"); None when none is (the "did
    you mean …?" of Import Figures and Find, never taken as it without asking)."""
    from safer_desk.services.reference import AmbiguousArea

    if (bare := _COUNCIL_WORDS.sub("", name).strip()) and bare != name.strip():
        try:
            if (meant := find_area(store, bare)) is not None:
                return meant.name
        except AmbiguousArea:
            pass
    close = close_names(name.strip(), [a.name for a in list_areas(store)], cutoff=0.85)
    return close[0] if close else None


def areas_with_values(store: Store, indicator_id: str) -> list[Area]:
    return [Area(r["id"], r["name"], r["kind"], r["ons_code"], r["population"]) for r in store.rows(
        "SELECT a.* FROM indicator_areas a WHERE a.id IN (SELECT DISTINCT area_id FROM indicator_values "
        "WHERE indicator_id = ?) ORDER BY a.name", (indicator_id,))]


def source_names(store: Store, area_id: str) -> list[str]:
    """The district names police files used for this area (2011 names such as Waveney stay visible)."""
    return [r[0] for r in store.rows("SELECT DISTINCT source_district FROM _police_counts WHERE area_id = ? "
                                     "ORDER BY source_district", (area_id,))]


def police_forces_by_area_month(store: Store, area_id: str | None = None
                                ) -> dict[tuple[str, str], tuple[frozenset[str], bool]]:
    """(area, month) → the forces whose police.uk counts hold crimes there, and whether any of them has the area as
    its own (at least 1 in county_merge.OWN_AREA_SHARE of the force's crimes of the month). Read once for a
    report's loop over its areas (``other_forces_only``); ``area_id``: of that area alone (the tab's one view)."""
    from safer_desk.exchange.county_merge import OWN_AREA_SHARE

    found: dict[tuple[str, str], tuple[frozenset[str], bool]] = {}
    query = ("SELECT d.area_id, d.month, d.force, d.n * ? >= f.total FROM (SELECT area_id, month, force, "
             "sum(count) AS n FROM _police_counts GROUP BY area_id, month, force) d JOIN (SELECT force, month, "
             "sum(count) AS total FROM _police_counts GROUP BY force, month) f ON f.force = d.force AND "
             "f.month = d.month")
    if area_id is not None:  # each force-month's total by its key, for the area's months alone
        query = ("SELECT d.area_id, d.month, d.force, d.n * ? >= (SELECT sum(count) FROM _police_counts p WHERE "
                 "p.force = d.force AND p.month = d.month) FROM (SELECT area_id, month, force, sum(count) AS n FROM "
                 "_police_counts WHERE area_id = ? GROUP BY area_id, month, force) d")
    named = forces_named_for_areas(store, area_id)
    for area, month, force, own in store.rows(query, (OWN_AREA_SHARE, *(() if area_id is None else (area_id,)))):
        forces, any_own = found.get((area, month), (frozenset(), False))
        found[(area, month)] = (forces | {force}, any_own or bool(own) or (area, force) in named)
    return found


def forces_named_for_areas(store: Store, area_id: str | None = None) -> set[tuple[str, str]]:
    """(area, force) where the force is named for the area or its police area (its county, but Humberside for North
    Lincolnshire: district_counties.police_area_places), and so is its own however few of the force's crimes it
    holds: the Isles of Scilly hold about 1 in 3,700 of Devon & Cornwall Police's, under the share that marks a
    neighbouring force's strays (as the import says it, police_import._say_forces_outside)."""
    from safer_desk.exchange.police_uk import force_named_for
    from safer_desk.services.district_counties import police_area_places

    query = ("SELECT DISTINCT c.area_id, a.name, c.force FROM _police_counts c JOIN indicator_areas a ON a.id = "
             "c.area_id" + ("" if area_id is None else " WHERE c.area_id = ?"))
    return {(area, force) for area, name, force in store.rows(query, () if area_id is None else (area_id,))
            if force_named_for(force, police_area_places(name))}


def other_forces_only(store: Store, view: YearView,
                      counted: dict[tuple[str, str], tuple[frozenset[str], bool]] | None = None) -> list[str]:
    """The forces whose crimes make all the year's figures of the view, when every one is a police.uk figure of a
    month whose counts for the area come only from forces it lies outside (one crime in Cornwall in Suffolk
    Constabulary's file: fewer than 1 in county_merge.OWN_AREA_SHARE of the force's crimes of the month); [] when
    any figure is not (typed, derived, or counted by the area's own force), and for Unknown area (crimes without
    a location lie in no area). Such a figure is part of the area's crime, never its year: its own force holds the
    rest. ``counted``: ``police_forces_by_area_month(store)``, read once by a caller looking at many views."""
    held = [p for p, f, s in zip(view.periods, view.this_year, view.sources) if f is not None]
    if view.area_id == UNKNOWN_AREA_ID or not held or any(
            s is None or s.kind != "police" for f, s in zip(view.this_year, view.sources) if f is not None):
        return []
    if counted is None:
        counted = police_forces_by_area_month(store, view.area_id)
    forces: set[str] = set()
    for period in held:
        there, own = counted.get((view.area_id, period), (frozenset(), False))
        if not there or own:
            return []
        forces |= there
    return sorted(forces)


def other_forces_year(store: Store, area_id: str, year: FinancialYear) -> bool:
    """Whether all the area's figures of the year are police.uk counts of months whose crimes there come only from
    forces it lies outside (``other_forces_only``: Suffolk Constabulary's one crime in Exeter in Jan-21, Devon &
    Cornwall's files not held for it) and it has no target of the year: not the area's year, so the tab does not
    open on it (as the board report leaves it for the area's latest year of its own)."""
    if area_id == UNKNOWN_AREA_ID:
        return False
    held = []
    for period, source in store.rows("SELECT DISTINCT period, source FROM indicator_values WHERE area_id = ?",
                                     (area_id,)):
        try:
            if year_of_period(period) != year:
                continue
        except (IndicatorError, PeriodError):
            continue
        if not (source or "").startswith("police.uk"):
            return False
        held.append(period)
    if not held or any(store.scalar(f"SELECT 1 FROM {table} WHERE area_id = ? AND year = ? LIMIT 1",
                                    (area_id, year.label)) for table in
                       ("indicator_targets", "indicator_milestones", "indicator_estimates")):
        return False
    counted = police_forces_by_area_month(store, area_id)
    return all((area_id, p) in counted and not counted[(area_id, p)][1] for p in held)


def unjudged(view: YearView) -> YearView:
    """The view of another force's few crimes in the area (``other_forces_only``), its RAG not judged against the
    area's target: "○ Figures missing" (the area's own force's), never "● Green" for one crime against 667."""
    return replace(view, rag=Rag.INCOMPLETE) if view.rag.judged else view


def other_forces_words(store: Store, view: YearView) -> str:
    """What the view's figures are when they are all another force's few crimes in the area (``other_forces_only``):
    "Crimes Suffolk Constabulary recorded in Exeter in 2020/21: 1 (Jan-21). …", as the board report says them,
    never "1 in total, a reduction of 778 (99.9%)" against the area's own force's count of last year; "" otherwise."""
    forces = other_forces_only(store, view)
    if not forces:
        return ""
    held = [i for i, f in enumerate(view.this_year) if f is not None]
    when = ranges_text(held, lambda a, b: b == a + 1, view.labels.__getitem__)
    figure = view.indicator.format(None if view.ytd is None else view.ytd.value)
    owners = in_words([name + "'s" for name in forces])
    area = view.area_name
    return (f"Crimes {in_words(forces)} recorded in {area} in {view.year.label}: {figure} ({when}). {area} lies "
            f"outside {owners} {'area' if len(forces) == 1 else 'areas'} and its own force's police.uk counts for "
            f"those months are not held, so these are a few of {area}'s crimes, not its figures for the year: import "
            "its own force's files from data.police.uk for them.")


# -- indicators -------------------------------------------------------------------------------
def _indicator(r) -> Indicator:
    keys = r.keys()
    return Indicator(r["id"], r["name"], r["code"], r["unit"], r["rate_per"], r["polarity"], r["frequency"],
                     r["source"], r["area_id"], r["tolerance_pct"], r["description"], r["sort_order"],
                     r["tolerance_kind"] if "tolerance_kind" in keys else "relative",
                     r["measure"] if "measure" in keys else "performance",
                     r["figure_basis"] if "figure_basis" in keys else "period")


def save_indicator(store: Store, name: str, *, code: str = "", unit: str = "count", polarity: str = "lower",
                   frequency: str = "monthly", source: str = "", area_id: str | None = None,
                   tolerance_pct: float = 5, rate_per: int | None = None, description: str | None = None,
                   sort_order: int | None = None, tolerance_kind: str | None = None,
                   measure: str | None = None, figure_basis: str | None = None, reinterpret: bool = False) -> str:
    """Add an indicator, or update the one of that name; its id is derived from its name.

    What it holds is never hidden or read anew unasked: another frequency is refused while it holds figures
    of the old one's periods (or a trajectory by them); another unit is asked about (ReinterpretQuestion) while
    it holds figures or targets, and with reinterpret=True its figures given as numerator and denominator are
    worked out again in the new unit and its annual targets spread again (``definition_change``).

    tolerance_kind, rate_per, measure, figure_basis and description left as None keep what an existing
    indicator has (so a dialog that does not show them cannot change them); a new indicator gets points
    for a percentage's tolerance and relative otherwise, a rate per 1,000, a performance measure,
    figures for each period and no description.
    """
    name = (name or "").strip()
    if not name:
        raise IndicatorError("An indicator needs a name.")
    if unit not in dom.UNITS:
        raise IndicatorError(f"The unit must be count, percentage or rate, not “{unit}”.")
    if polarity not in dom.POLARITIES:
        raise IndicatorError(f"The polarity must be lower, higher or monitor, not “{polarity}”.")
    if frequency not in dom.FREQUENCIES:
        raise IndicatorError(f"The frequency must be monthly, quarterly or annual, not “{frequency}”.")
    try:
        tolerance = float(tolerance_pct)
    except (TypeError, ValueError):
        raise IndicatorError(f"The tolerance must be a number, not “{tolerance_pct}”.") from None
    if tolerance < 0:
        raise IndicatorError("The tolerance cannot be negative.")
    for value, allowed, what in ((tolerance_kind, dom.TOLERANCE_KINDS, "tolerance is relative or in points"),
                                 (measure, dom.MEASURES, "measure is performance, activity or milestone"),
                                 (figure_basis, dom.FIGURE_BASES, "figures are for the period, rolling12 or "
                                                                 "snapshot")):
        if value is not None and value not in allowed:
            raise IndicatorError(f"The {what}, not “{value}”.")
    if rate_per is not None and unit == "rate" and int(rate_per) not in dom.RATE_PERS:
        raise IndicatorError(f"A rate is per 1,000, 10,000 or 100,000, not per {rate_per:,}.")
    indicator_id = reference_id("indicator", name)
    with store.transaction():
        before = store.one("SELECT * FROM indicators WHERE id = ?", (indicator_id,))
        if before is not None:
            old = _indicator(before)
            tolerance_kind = tolerance_kind or (old.tolerance_kind if old.unit == unit
                                                else dom.default_tolerance_kind(unit))
            measure = measure or old.measure
            figure_basis = figure_basis or old.figure_basis
            description = old.description if description is None else description
            if rate_per is None and unit == "rate":
                rate_per = old.rate_per
            change = _definition_change(store, old, unit, frequency, rate_per)
            if change.frequency_refusal or change.unit_refusal:
                raise IndicatorError(change.frequency_refusal or change.unit_refusal)
            if change.unit_question and not reinterpret:
                raise ReinterpretQuestion(change.unit_question)
        tolerance_kind = tolerance_kind or dom.default_tolerance_kind(unit)
        measure = measure or "performance"
        figure_basis = figure_basis or "period"
        description = description or ""
        if unit == "rate" and not rate_per:
            rate_per = 1000
        if sort_order is None:
            sort_order = before["sort_order"] if before is not None else \
                store.scalar("SELECT coalesce(max(sort_order), 0) + 1 FROM indicators")
        row = (name, code.strip(), unit, rate_per if unit == "rate" else None, polarity, frequency, source.strip(),
               area_id, tolerance, description, sort_order, tolerance_kind, measure, figure_basis)
        cols = ("name", "code", "unit", "rate_per", "polarity", "frequency", "source", "area_id", "tolerance_pct",
                "description", "sort_order", "tolerance_kind", "measure", "figure_basis")
        if before is not None and all(before[c] == v for c, v in zip(cols, row)):
            return indicator_id  # nothing changed: nothing written
        store.conn.execute(
            f"INSERT INTO indicators(id, {', '.join(cols)}) VALUES (?{', ?' * len(cols)}) "
            "ON CONFLICT(id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in cols if c != "sort_order"),
            (indicator_id, *row))
        if before is not None and (before["unit"], before["rate_per"], before["frequency"]) != row[2:4] + row[5:6]:
            _figures_in_new_unit(store, _indicator(store.one("SELECT * FROM indicators WHERE id = ?",
                                                             (indicator_id,))))
    return indicator_id


@dataclass(frozen=True)
class DefinitionChange:
    """What saving an indicator in another unit or frequency would do to the figures and targets it holds: a
    refusal (they would be hidden, or could not be held at all) or a question (they would be read anew)."""

    frequency_refusal: str = ""
    unit_refusal: str = ""
    unit_question: str = ""


_UNIT_PLURALS = {"count": "counts", "percentage": "percentages", "rate": "rates"}
_PERIOD_NOUNS = {"monthly": "month", "quarterly": "quarter", "annual": "year"}


def definition_change(store: Store, indicator_id: str, *, unit: str, frequency: str) -> DefinitionChange:
    """What saving the indicator (if it is in the file) with this unit and frequency would do to what it holds,
    as ``save_indicator`` would find it: the form asks or refuses beside the field before anything is written."""
    r = store.one("SELECT * FROM indicators WHERE id = ?", (indicator_id,))
    if r is None:
        return DefinitionChange()
    old = _indicator(r)
    return _definition_change(store, old, unit, frequency, old.rate_per)


def _definition_change(store: Store, old: Indicator, unit: str, frequency: str,
                       rate_per: int | None) -> DefinitionChange:
    rate_per = (rate_per or 1000) if unit == "rate" else None
    unit_changes = (unit, rate_per) != (old.unit, old.rate_per if old.unit == "rate" else None)
    if not unit_changes and frequency == old.frequency:
        return DefinitionChange()
    figures = [dict(f) for f in store.rows(
        "SELECT v.period, v.value, v.numerator, v.denominator, coalesce(a.name, v.area_id) AS area "
        "FROM indicator_values v LEFT JOIN indicator_areas a ON a.id = v.area_id "
        "WHERE v.indicator_id = ? AND (v.value IS NOT NULL OR v.numerator IS NOT NULL)", (old.id,))]
    targets = [dict(t) for t in store.rows(
        "SELECT t.id, t.year, t.kind, t.value, coalesce(a.name, t.area_id) AS area FROM indicator_targets t "
        "LEFT JOIN indicator_areas a ON a.id = t.area_id WHERE t.indicator_id = ? ORDER BY t.year, area", (old.id,))]

    def where(rows) -> str:
        return names_and_more(sorted({x["area"] for x in rows}))

    if frequency != old.frequency:
        hidden = [f for f in figures if dom.period_kind(f["period"]) != frequency]
        if hidden:
            kinds = sorted({dom.period_kind(f["period"]) for f in hidden})
            held = counted(len(hidden), f"{kinds[0]} figure") if len(kinds) == 1 else counted(len(hidden), "figure")
            return DefinitionChange(frequency_refusal=(
                f"{old.name} holds {held} ({where(hidden)}): {_a(frequency)} indicator would show none of them. "
                f"Its frequency stays {old.frequency} while they are held: for {frequency} figures, add a new "
                f"indicator under another name (or clear these figures first)."))
        for t in targets:
            periods = [p[0] for p in store.rows("SELECT period FROM indicator_trajectory WHERE target_id = ?",
                                                (t["id"],))]
            if t["kind"] == "trajectory" and any(dom.period_kind(p) != frequency for p in periods):
                by = _PERIOD_NOUNS.get(dom.period_kind(periods[0]), "period")
                return DefinitionChange(frequency_refusal=(
                    f"{old.name}'s {t['year']} target for {t['area']} is a trajectory by {by}, which {_a(frequency)} "
                    f"indicator cannot read: set it to No target and Save first, then change the frequency and "
                    f"enter the trajectory again by {_PERIOD_NOUNS[frequency]}."))
    if not unit_changes or not (figures or targets):
        return DefinitionChange()
    old_words, new_words = _UNIT_PLURALS[old.unit], _UNIT_PLURALS[unit]
    if unit == "count":
        ratios = [f for f in figures if f["numerator"] is not None]
        fractions = [f for f in figures if f["numerator"] is None and not float(f["value"]).is_integer()]
        if ratios or fractions:
            what = (f"{counted(len(ratios), 'figure')} ({where(ratios)}) as numerator and denominator, which a count "
                    "does not have" if ratios else
                    f"{counted(len(fractions), 'figure')} ({where(fractions)}) that are not whole numbers "
                    f"({old.format(fractions[0]['value'])}), which a count cannot be")
            return DefinitionChange(unit_refusal=(
                f"{old.name} holds {what}: its unit stays {dom.UNIT_LABELS[old.unit].lower()} while they are held. "
                "For counts, add a new indicator under another name."))

    def anew(f) -> float | None:
        if f["numerator"] is not None and f["denominator"]:
            return dom.figure_value(f["numerator"], f["denominator"], unit, rate_per)
        return f["value"]

    held = " and ".join(counted(len(x), noun) for x, noun in ((figures, "figure"), (targets, "target")) if x)
    example = ""
    if figures:
        top = max(figures, key=lambda f: f["value"] if f["value"] is not None else 0)
        if top["value"] is not None and anew(top) is not None:
            example = (f" ({old.format(top['value'])} becomes "
                       f"{dom.format_value(anew(top), unit, rate_per=rate_per)})")
    if unit == "rate":
        new_words = f"rates {dom.rate_label(rate_per)}"
    ratio_note = ", those given as numerator and denominator worked out again from them" \
        if unit != "count" and any(f["numerator"] is not None for f in figures) else ""
    return DefinitionChange(unit_question=(
        f"{old.name} holds {held} ({where(figures + targets)}) as {old_words}: "
        f"with the unit {dom.UNIT_LABELS[unit]} they are read as {new_words}{ratio_note}{example}. To keep them as "
        f"{old_words}, add a new indicator under another name."))


def _figures_in_new_unit(store: Store, indicator: Indicator) -> None:
    """After its unit or frequency changed (asked about, or with nothing to hide): figures given as numerator and
    denominator are worked out in the new unit, and annual targets spread again over the new periods (a
    percentage's annual target is the year's figure, not a running total)."""
    for r in store.rows("SELECT id, value, numerator, denominator FROM indicator_values WHERE indicator_id = ? "
                        "AND numerator IS NOT NULL AND denominator IS NOT NULL", (indicator.id,)):
        value = dom.figure_value(r["numerator"], r["denominator"], indicator.unit, indicator.rate_per)
        if not _same_number(value, r["value"]):
            store.conn.execute("UPDATE indicator_values SET value = ? WHERE id = ?", (value, r["id"]))
    for r in store.rows("SELECT area_id, year FROM indicator_targets WHERE indicator_id = ? AND kind = 'annual'",
                        (indicator.id,)):
        t = get_target(store, indicator.id, r["area_id"], FinancialYear.parse(r["year"]))
        set_target(store, indicator.id, t.area_id, FinancialYear.parse(t.year), kind=t.kind, value=t.value,
                   profile=t.profile, note=t.note, status=t.status, withdrawn_on=t.withdrawn_on,
                   withdrawn_reason=t.withdrawn_reason)


def list_indicators(store: Store) -> list[Indicator]:
    return [_indicator(r) for r in store.rows("SELECT * FROM indicators ORDER BY sort_order, name")]


def get_indicator(store: Store, name_or_id: str) -> Indicator:
    text = (name_or_id or "").strip()
    r = store.one("SELECT * FROM indicators WHERE id = ? OR lower(name) = lower(?) "
                  "OR (code <> '' AND lower(code) = lower(?)) ORDER BY id = ? DESC LIMIT 1", (text, text, text, text))
    if r is None:
        r = _indicator_as_typed(store, text)
    if r is None:
        raise IndicatorError(f"There is no indicator called “{text}”.")
    return _indicator(r)


def _indicator_as_typed(store: Store, text: str):
    """The one indicator whose name is ``text`` but for its quotes, dashes and spacing (typed_name_key): a partner's
    sheet typed in Excel gives 'Level Two "ist" incidents' for the paper's “ist”; None when none is, or several."""
    key = typed_name_key(text)
    rows = store.rows("SELECT * FROM indicators")
    found = [r for r in rows if typed_name_key(r["name"]) == key]
    if not found:  # 'ist' for the paper's “ist”: single quotes for double ones, refused "did you mean …?"
        quoted = key.replace('"', "'")
        found = [r for r in rows if typed_name_key(r["name"]).replace('"', "'") == quoted]
    if not found and (code := _code_key(text)):  # "NI32", "ni-32" or "N.I. 32" for NI 32: refused, "add it first"
        found = [r for r in rows if r["code"] and _code_key(r["code"]) == code]
    return found[0] if len(found) == 1 else None


def _code_key(text: str) -> str:
    """An indicator's code but for its spacing, dots, dashes and case ("NI 32", "ni-32", "N.I.32": "ni32")."""
    return re.sub(r"[\W_]+", "", text).lower()


def delete_indicator(store: Store, indicator_id: str) -> None:
    """Remove an indicator with its figures, targets, baselines, benchmarks, milestones and estimates in every
    area (``snapshot_indicator`` first, to put it back)."""
    with store.transaction():
        store.conn.execute("DELETE FROM indicators WHERE id = ?", (indicator_id,))


# Where an indicator's rows are (one "?": its id), in the order they are written back.
_INDICATOR_ROWS = {
    "indicators": "id = ?",
    "indicator_values": "indicator_id = ?",
    "indicator_targets": "indicator_id = ?",
    "indicator_trajectory": "target_id IN (SELECT id FROM indicator_targets WHERE indicator_id = ?)",
    "indicator_baselines": "indicator_id = ?",
    "indicator_benchmarks": "indicator_id = ?",
    "indicator_milestones": "indicator_id = ?",
    "indicator_estimates": "indicator_id = ?",
}


_DEFINITION_ROWS = ("indicators", "indicator_targets", "indicator_trajectory")


def snapshot_indicator(store: Store, indicator_id: str, *, figures: bool = True):
    """An indicator's rows as they are (None when it is not in the file), for ``restore_indicator``; without
    figures, only its own row and its targets (what the Indicator and Target form changes, its unit aside)."""
    rows = _INDICATOR_ROWS if figures else {t: w for t, w in _INDICATOR_ROWS.items() if t in _DEFINITION_ROWS}
    return snapshots.take_record(store.conn, "indicators", indicator_id, rows)


def restore_indicator(store: Store, indicator_id: str, parts) -> None:
    """Put an indicator's rows back exactly as ``snapshot_indicator`` took them (or remove it)."""
    with store.transaction():
        snapshots.put_back_record(store.conn, "indicators", indicator_id, parts)


def indicator_holdings(store: Store, indicator_id: str) -> tuple[int, int, int]:
    """(figures, areas with figures, targets) the indicator holds: what deleting it takes away."""
    figures, areas = store.one("SELECT count(*), count(DISTINCT area_id) FROM indicator_values WHERE indicator_id = ?",
                               (indicator_id,))
    targets = store.scalar("SELECT count(*) FROM indicator_targets WHERE indicator_id = ?", (indicator_id,))
    return int(figures), int(areas), int(targets)


# -- periods ----------------------------------------------------------------------------------
def year_periods(frequency: str, year: FinancialYear) -> list[str]:
    """The stored periods of a financial year for a frequency."""
    return list(_year_periods(frequency, year))


@lru_cache(maxsize=1024)
def _year_periods(frequency: str, year: FinancialYear) -> tuple[str, ...]:
    if frequency == "monthly":
        return tuple(m.iso for m in year.months)
    if frequency == "quarterly":
        return tuple(q.key for q in year.quarters)
    return (year.label,)


@lru_cache(maxsize=8192)
def period_label(period: str) -> str:
    """Apr-16, Q1 2016/17, 2016/17."""
    kind = dom.period_kind(period)
    if kind == "monthly":
        return Month.parse(period).label
    if kind == "quarterly":
        return Quarter.parse(period).label
    return period


def parse_period(text: str, frequency: str | None = None) -> str:
    """Stored form of a period typed or imported: months, quarters ("2016/17 Q1") or years.

    A quarter of a bare year ("Q3 2016", "2016-Q3") is refused with both readings (Quarter.parse).
    """
    s = str(text or "").strip()
    if not s:
        raise IndicatorError("The period is blank.")
    parsers = [("monthly", lambda t: Month.parse(t).iso), ("quarterly", lambda t: Quarter.parse(t, typed=True).key),
               ("annual", lambda t: FinancialYear.parse(t).label)]
    # "2010/11" is both a financial year and (read as year/month) November 2010: the indicator's own
    # frequency is tried first, and a financial year before a month when none is given.
    parsers.sort(key=lambda kp: (kp[0] != frequency, kp[0] != "annual"))
    if frequency == "monthly" and re.fullmatch(r"\d{4}/\d{2}", s):
        _refuse_year_or_month(s)
    # A month as council sheets write it, month then year ("12/2016", "12/16", its two digits read as in "Dec-16"):
    # no quarter reads so, and a financial year only as "11/12", both readings said for a monthly indicator.
    typed = month_then_year(s)
    if typed and 1 <= typed[0] <= 12 and not _month_or_year(s, frequency):
        if frequency not in (None, "monthly"):
            raise IndicatorError(f"“{s}” is {_a('monthly')} period but the indicator is {frequency}.")
        with contextlib.suppress(PeriodError):  # a year no month can be in: refused below, as any other
            return Month(typed[1], typed[0]).iso
    if (spelled := _month_spelled(s)) is not None:
        if frequency not in (None, "monthly"):
            raise IndicatorError(f"“{s}” is {_a('monthly')} period but the indicator is {frequency}.")
        return spelled
    for kind, parse in parsers:
        try:
            stored = parse(s)
        except AmbiguousPeriod as exc:
            raise IndicatorError(str(exc)) from None
        except PeriodError:
            continue
        if frequency and kind != frequency:
            raise IndicatorError(f"“{s}” is {_a(kind)} period but the indicator is {frequency}.")
        return stored
    day = _date_in_period(s)
    if day is not None:  # a date cell of Excel ("May-16" typed there), saved as CSV or read from .xlsx
        if frequency == "quarterly":
            return Month.of(day).quarter.key
        if frequency == "annual":
            return FinancialYear.of(day).label
        return Month.of(day).iso
    if (alone := _month_alone(s)) is not None:  # "November": refused as "not a month", though it is one
        number, full = alone
        raise IndicatorError(f"“{s}” names a month but not its year: give the year too ({MONTH_ABBR[number - 1]}-16 "
                             f"or 2016-{number:02d} for {full} 2016).")
    raise IndicatorError(f"“{s}” is not a month (2016-04), quarter (2016/17 Q1) or financial year (2016/17)"
                         f"{_excel_serial_words(s)}.")


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")  # in English whatever the machine's language (calendar's follow it)


# A month's name as sheets write it: "Jun", "June", "JUNE", "Jun.", "Sept." (checked against the names: not "Junk")
_MONTH_WORD = r"([A-Za-z]{3,9})\.?"
_NAME_THEN_YEAR = re.compile(_MONTH_WORD + r"[\s,'/\-]*(\d{4}|\d{2})")  # Jun 2025, June, 2025, Jun/25, JUNE2025
_YEAR_THEN_NAME = re.compile(r"(\d{4})[\s,/\-]*" + _MONTH_WORD)  # 2025 Jun, 2025-June (ONS writes "2025 JUN")
_YEAR_THEN_NUMBER = re.compile(r"(\d{4})\s+(\d{1,2})")  # 2025 06
_DAY_THEN_NAME = re.compile(r"(\d{1,2})[\s/\-]*" + _MONTH_WORD)  # 25-Jun: Excel's d-mmm, a day with no year


def _month_spelled(text: str) -> str | None:
    """The stored month ("2025-06") of one spelled with its name and year either way round, in any case, with a
    point, comma or slash ("2025 Jun", "JUNE 2025", "Sept. 2025", "Jun/25"), or year then number ("2025 06"); None
    for anything else. A day and a month's name ("25-Jun", as Excel shows a date formatted d-mmm) is refused: it
    may be 25 June of a year not shown, or June 2025, and taking the one for the other files a month's figures under
    another year."""
    year = number = None
    if m := _NAME_THEN_YEAR.fullmatch(text):
        word, year = m.group(1), full_year(m.group(2))
    elif m := _YEAR_THEN_NAME.fullmatch(text):
        year, word = int(m.group(1)), m.group(2)
    elif m := _YEAR_THEN_NUMBER.fullmatch(text):
        year, number, word = int(m.group(1)), int(m.group(2)), ""
    elif (m := _DAY_THEN_NAME.fullmatch(text)) and (alone := _month_alone(m.group(2))) is not None:
        day, (month, full) = int(m.group(1)), alone
        if 1 <= day <= 31:
            raise IndicatorError(
                f"“{text}” may be {day} {full} (a day, as Excel shows a date formatted as day and month, its year not "
                f"shown) or {full} 20{day:02d}, so it is not read as either: type the month as {MONTH_ABBR[month - 1]}"
                f" 20{day:02d} or 20{day:02d}-{month:02d} if that is the one meant, or format the date cells to show "
                "their year (mmm-yy).")
        return None
    else:
        return None
    if number is None:
        alone = _month_alone(word)
        if alone is None:
            return None
        number = alone[0]
    try:
        return Month(year, number).iso
    except PeriodError:
        return None


def _month_alone(text: str) -> tuple[int, str] | None:
    """(number, full name) of a month named with no year ("November", "Sept", "apr"), else None."""
    word = text.strip().rstrip(".").lower()
    for number, full in enumerate(_MONTH_NAMES, start=1):
        if len(word) >= 3 and (full.lower().startswith(word) or word == "sept" and number == 9):
            return number, full
    return None


def _excel_serial_words(text: str) -> str:
    """": it is how Excel holds the date 01/04/2016 …" for a number that is a date of the years figures are kept for
    (1990 to 2049) as Excel holds it, shown so in a cell formatted General or Number; "" for any other text. Said,
    never read as the date: 42461 may be a figure typed in the wrong column."""
    if not re.fullmatch(r"\d{5}", text) or not _EXCEL_SERIALS[0] <= int(text) <= _EXCEL_SERIALS[1]:
        return ""
    day = _EXCEL_EPOCH + timedelta(days=int(text))
    return (f": it is how Excel holds the date {format_uk_date(day)} in a cell formatted as a number. Format the "
            f"period cells as dates showing the month and year (mmm-yy), or type the month as {Month.of(day).iso}")


_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-day bug is before every serial read here)
_EXCEL_SERIALS = ((date(1990, 1, 1) - _EXCEL_EPOCH).days, (date(2049, 12, 31) - _EXCEL_EPOCH).days)


@lru_cache(maxsize=8192)
def stored_period(period: str, frequency: str) -> str:
    """The one form the file holds a period of ``frequency`` in: "2018-Q1" for "2018/19-Q1" (as ``safer-desk
    indicators`` prints a quarter) or "Q1 2018/19", "2018/19" for "2018/2019"; a stored period as it is. Any other
    form is read as a figures sheet's period is (``parse_period``), or refused (IndicatorError): stored as it was,
    "2018/19-Q1" was a second row for Q1 2018/19 that no view, total or export read."""
    s = str(period or "").strip()
    try:
        kind = dom.period_kind(s)
        stored = _stored_form(kind, s) == s
    except (IndicatorError, PeriodError):
        kind, stored = "", False
    if not stored:
        return parse_period(s, frequency)
    if kind != frequency:  # "2016-Q1" is the stored quarter, never the typed one's two readings
        raise IndicatorError(f"“{s}” is {_a(kind)} period but the indicator is {frequency}.")
    return s


def _stored_form(kind: str, period: str) -> str:
    if kind == "monthly":
        return Month.parse(period).iso
    if kind == "quarterly":
        return Quarter.parse(period).key
    return FinancialYear.parse(period).label


def _in_stored_form(indicator: Indicator, values: Sequence[PeriodValue]) -> list[PeriodValue]:
    """``values`` with each period in the file's form (``stored_period``); a period given twice is refused."""
    out: list[PeriodValue] = []
    given: dict[str, str] = {}
    for pv in values:
        try:
            period = stored_period(pv.period, indicator.frequency)
        except IndicatorError as exc:
            raise IndicatorError(f"{indicator.name}: {exc}") from None
        if period in given:
            forms = in_words([f"“{p}”" for p in dict.fromkeys((given[period], pv.period))])
            raise IndicatorError(f"{indicator.name}: {period_label(period)} is given twice ({forms}).")
        given[period] = pv.period
        out.append(pv if period == pv.period else replace(pv, period=period))
    return out


def _refuse_year_or_month(text: str) -> None:
    """"2010/11" for a monthly indicator: the financial year 2010/11, as a board paper writes it, or November 2010
    read as year/month. Refused with both readings, never stored as November (a year's figure in one month)."""
    try:
        year, month = FinancialYear.parse(text), Month.parse(text)
    except PeriodError:
        return  # one reading only ("2016/04", "2016/17")
    _refuse_both_readings(text, year, month)


def _refuse_both_readings(text: str, year: FinancialYear, month: Month) -> None:
    raise IndicatorError(f"“{text}” could be the financial year {year.label} or {month.label}, so it is not read as "
                         f"either: write the month as {month.iso} or {month.label} (a figure for the whole year "
                         "belongs to an annual indicator).")


def _month_or_year(text: str, frequency: str | None) -> bool:
    """Whether month/year with two digits ("11/12") is a financial year too: refused with both readings for a
    monthly indicator, as "2010/11" is; read as the year otherwise, as it was before months were read so."""
    try:
        year = FinancialYear.parse(text)
    except PeriodError:
        return False
    if frequency == "monthly":
        number, _, two_digits = re.split(r"([/.\-])", text)
        with contextlib.suppress(PeriodError):
            _refuse_both_readings(text, year, Month(full_year(two_digits), int(number)))
    return True


def _a(kind: str) -> str:
    """"an annual", "a monthly", "a quarterly"."""
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _date_in_period(text: str) -> date | None:
    """A whole date (01/05/2016, 2016-05-01, 2016-05-01 00:00:00): the period it falls in is meant."""
    from safer_desk.domain.periods import parse_uk_date

    if text.count("/") + text.count("-") + text.count(".") < 2 and not any(c.isalpha() for c in text):
        return None
    try:
        return parse_uk_date(text)
    except PeriodError:
        return None


def year_of_period(period: str) -> FinancialYear:
    kind = dom.period_kind(period)
    if kind == "monthly":
        return Month.parse(period).financial_year
    if kind == "quarterly":
        return Quarter.parse(period).year
    return FinancialYear.parse(period)


# -- values -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PeriodValue:
    """A figure to save for one period (value, or numerator and denominator), with its comment."""

    period: str
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    comment: str | None = None  # None leaves the stored comment as it is


def check_value(indicator: Indicator, pv: PeriodValue) -> tuple[float | None, float | None, float | None]:
    """Validate one figure; returns (value, numerator, denominator) as stored."""
    num, den, value = pv.numerator, pv.denominator, pv.value
    where = period_label(pv.period)
    if indicator.measure == "milestone" and (value is not None or num is not None):
        raise IndicatorError(f"{indicator.name} is a milestone: its target is a date, it has no figures "
                             "(record when it was achieved instead).")
    if (num is None) != (den is None):
        raise IndicatorError(f"{indicator.name}, {where}: give both a numerator and a denominator, or neither.")
    if num is not None:
        if indicator.unit == "count":
            raise IndicatorError(f"{indicator.name}, {where}: a count has no numerator and denominator.")
        if den < 0 or num < 0:
            raise IndicatorError(f"{indicator.name}, {where}: numerator and denominator cannot be negative.")
        if den == 0:
            raise IndicatorError(f"{indicator.name}, {where}: " + (
                nothing_counted(indicator.unit) if num == 0 else zero_denominator(indicator, num)))
        if indicator.unit == "percentage" and num > den:
            raise IndicatorError(f"{indicator.name}, {where}: the numerator ({as_given(num)}) is more than "
                                 f"the denominator ({as_given(den)}), which would be over 100%.")
        computed = dom.figure_value(num, den, indicator.unit, indicator.rate_per)
        value = computed
    if value is not None and indicator.unit in ("count", "rate") and value < 0:  # as the grid refuses them
        raise IndicatorError(f"{indicator.name}, {where}: a {indicator.unit} cannot be negative.")
    if value is not None and indicator.unit == "count" and float(value) != round(float(value)):
        raise IndicatorError(f"{indicator.name}, {where}: a count is a whole number, and {as_given(value)} is not (an "
                             "average or a rate needs the indicator's unit set to rate).")
    return value, num, den


def as_given(number: float) -> str:
    """A number in a refusal as it was given, to its last figure: "1500.0000000001" ("{:g}" said 1500, so "1500 is not
    whole"), "1234567" (not "1.23457e+06"); a whole number without ".0"."""
    x = float(number)
    return f"{x:.0f}" if x.is_integer() else repr(x)


def zero_denominator(indicator: Indicator, num: float) -> str:
    """Why n of 0 is refused, saying what the denominator stands for (it said only "the denominator cannot be 0")."""
    if indicator.unit == "percentage":
        return (f"{as_given(num)} of 0 is no percentage: the denominator is how many there were in all (at least "
                f"the numerator, {as_given(num)}).")
    return (f"{as_given(num)} over a denominator of 0 is no rate {dom.rate_label(indicator.rate_per)}: the "
            "denominator is the population (or the number the rate is out of), which cannot be 0. Type it, or leave "
            "the numerator and denominator blank and type the rate itself.")


def nothing_counted(unit: str) -> str:
    """What to do with 0 of 0 (nobody asked in a month, say): a share of nothing is no figure, so the period is
    left blank and its comment says why; it was refused as "the denominator cannot be 0", saying nothing of what
    to type."""
    what = "percentage" if unit == "percentage" else "rate"
    return (f"0 of 0 has nothing to count, so it is no {what}: leave the figure, numerator and denominator blank for "
            "a period with nothing to count, and say why in its comment (“none surveyed”).")


def _same_number(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and float(a) == float(b))


def _unchanged(row: dict | None, value, num, den, comment: str | None) -> bool:
    """The stored row already says this (a blank figure with no comment is no row at all)."""
    blank = value is None and num is None and not (comment or "").strip()
    if row is None or blank:
        return row is None and blank  # a blank period with a row deletes the row
    if comment is not None and (row["comment"] or "") != comment:
        return False
    return _same_number(row["value"], value) and _same_number(row["numerator"], num) \
        and _same_number(row["denominator"], den)


def with_population(store: Store, indicator: Indicator, area_id: str, pv: PeriodValue) -> PeriodValue:
    """A rate's count given without its denominator (typed in the grid, or in a figures sheet) over the area's
    population for the period's year (none recorded: refused, asking for it); anything else as it is."""
    if indicator.unit != "rate" or pv.numerator is None or pv.denominator is not None:
        return pv
    year = year_of_period(pv.period)
    pop = population_for(store, area_id, year)
    if pop is None:  # said in the grid's words: its rows are Numerator and Population
        area = find_area(store, area_id)
        raise IndicatorError(f"{indicator.name}, {period_label(pv.period)}: no population is recorded for "
                             f"{area.name if area else area_id} in {year.label}, so the count alone is not a rate: "
                             "give the population with it (the Population row, or a denominator column).")
    return replace(pv, denominator=float(pop.population))


def save_values(store: Store, indicator_id: str, area_id: str, values: Sequence[PeriodValue], *,
                source: str = TYPED, require_red_comments: bool = True) -> list[str]:
    """Save figures and comments for periods of one indicator and area, all or nothing.

    Returns the periods that changed; a period whose figure and comment are already stored is not
    written at all (typing the same figure again changes nothing, not even the file). source says
    where the figures came from ("typed", "file:NAME", "seed 003" …). A period whose figure is red
    against its target must have a comment (DESIGN §2.4).
    """
    indicator = get_indicator(store, indicator_id)
    values = [with_population(store, indicator, area_id, pv) for pv in _in_stored_form(indicator, values)]
    if source == TYPED:
        values = _comments_beside_derived(store, indicator, area_id, values)
    checked = [(pv, check_value(indicator, pv)) for pv in values]
    if find_area(store, area_id) is None:
        raise IndicatorError(f"There is no area with id {area_id}.")
    stored = value_rows(store, indicator.id, area_id, [pv.period for pv, _ in checked])
    changed = [(pv, v) for pv, v in checked if not _unchanged(stored.get(pv.period), *v, pv.comment)]
    if not changed:
        return []
    with store.transaction():
        _ensure_area_row(store, area_id)
        for pv, (value, num, den) in changed:
            # A figure cleared goes; its comment stays unless it was cleared too (None: the comment not touched).
            comment = pv.comment if pv.comment is not None else (stored.get(pv.period) or {}).get("comment") or ""
            if value is None and num is None and not comment.strip():
                store.conn.execute("DELETE FROM indicator_values WHERE indicator_id = ? AND area_id = ? "
                                   "AND period = ?", (indicator.id, area_id, pv.period))
                continue
            store.conn.execute(
                "INSERT INTO indicator_values(id, indicator_id, area_id, period, value, numerator, denominator, "
                "comment, source) VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), ?) "
                "ON CONFLICT(indicator_id, area_id, period) DO UPDATE SET value = excluded.value, "
                "numerator = excluded.numerator, denominator = excluded.denominator, "
                "comment = coalesce(?, indicator_values.comment), source = excluded.source",
                (new_id(), indicator.id, area_id, pv.period, value, num, den, pv.comment, source, pv.comment))
        if require_red_comments:
            years = {year_of_period(pv.period) for pv, _ in changed}
            wanted = {pv.period for pv, _ in changed}
            missing = []
            for year in sorted(years):
                view = year_view(store, indicator, area_id, year)
                missing += [period_label(p) for p, rag, comment in zip(view.periods, view.period_rags,
                                                                        view.comments)
                            if rag is Rag.RED and not comment.strip() and p in wanted]
            if missing:
                raise CommentRequired(
                    f"{indicator.name} is red against its target in {', '.join(missing)}: add a comment saying "
                    "why for each red period. Nothing was saved.")
    return [pv.period for pv, _ in changed]


def _comments_beside_derived(store: Store, indicator: Indicator, area_id: str,
                             values: list[PeriodValue]) -> list[PeriodValue]:
    """A comment typed beside a partnership's or county's derived figure (a red period needs one) is the area's
    comment alone: the grid sends the figure it shows with the comment, and saved as the area's own, that figure
    would stop following its districts' figures. A figure that differs from the derived one is the area's own."""
    area = find_area(store, area_id)
    if area is None or not area.is_group:
        return values
    own = value_rows(store, indicator.id, area_id, [pv.period for pv in values])
    gaps = [pv.period for pv in values if _figure(own.get(pv.period)) is None]
    derived = derive_figures(store, indicator, area, gaps) if gaps else {}

    def same(pv: PeriodValue, fig: Figure) -> bool:
        if pv.numerator is not None or pv.denominator is not None:
            return fig.is_ratio and _same_number(pv.numerator, fig.numerator) \
                and _same_number(pv.denominator, fig.denominator)
        return pv.value is not None and _same_number(pv.value, fig.value)

    out = []
    for pv in values:
        d = derived.get(pv.period)
        if d is not None and d.figure is not None and same(pv, d.figure):
            pv = replace(pv, value=None, numerator=None, denominator=None)
        out.append(pv)
    return out


def changed_values(store: Store, indicator_id: str, area_id: str, values: Sequence[PeriodValue], *,
                   stored: dict | None = None) -> list[tuple[PeriodValue, PeriodValue]]:
    """The figures among values that differ from the stored ones, each paired with what is stored (for undo).
    ``stored``: those periods' rows (``value_rows``) when the caller has just read them.

    Raises IndicatorError for a figure that could not be saved (the message names the period).
    """
    indicator = get_indicator(store, indicator_id)
    if stored is None:
        stored = value_rows(store, indicator.id, area_id, [pv.period for pv in values])
    out = []
    for pv in values:
        if _unchanged(stored.get(pv.period), *check_value(indicator, pv), pv.comment):
            continue
        r = stored.get(pv.period)
        before = PeriodValue(pv.period, None, None, None, "") if r is None else \
            PeriodValue(pv.period, r["value"], r["numerator"], r["denominator"], r["comment"])
        out.append((pv, before))
    return out


class _DryRun(Exception):
    pass


def validate_values(store: Store, indicator_id: str, area_id: str, values: Sequence[PeriodValue]) -> None:
    """Raise what save_values would raise, without saving anything (a rolled-back trial)."""
    try:
        with store.transaction():
            save_values(store, indicator_id, area_id, values)
            raise _DryRun()
    except _DryRun:
        pass


def set_comment(store: Store, indicator_id: str, area_id: str, period: str, comment: str) -> None:
    comment = comment.strip()
    period = _in_stored_form(get_indicator(store, indicator_id), [PeriodValue(period)])[0].period
    row = value_rows(store, indicator_id, area_id, [period]).get(period)
    if (row is None and not comment) or (row is not None and (row["comment"] or "") == comment):
        return
    with store.transaction():
        _ensure_area_row(store, area_id)
        store.conn.execute(
            "INSERT INTO indicator_values(id, indicator_id, area_id, period, comment, source) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(indicator_id, area_id, period) "
            "DO UPDATE SET comment = excluded.comment", (new_id(), indicator_id, area_id, period, comment, TYPED))


def value_rows(store: Store, indicator_id: str, area_id: str, periods: Iterable[str]) -> dict[str, dict]:
    """Stored rows of these periods: period -> {id, value, numerator, denominator, comment, source}."""
    periods = list(periods)
    if not periods:
        return {}
    marks = ",".join("?" * len(periods))
    return {r["period"]: dict(r) for r in store.rows(
        f"SELECT id, period, value, numerator, denominator, comment, source FROM indicator_values "
        f"WHERE indicator_id = ? AND area_id = ? AND period IN ({marks})", (indicator_id, area_id, *periods))}


@dataclass(frozen=True)
class ValueRows:
    """Stored figures of some indicators and areas in some periods, ids and sources and all, and the rows of those
    areas: what undo and redo of a save or an import put back (``save_values`` with the old figures would have
    put them back as typed, so a paper's or police.uk's figure became a typed one)."""

    parts: tuple[snapshots.Part, ...]


def snapshot_value_rows(store: Store, keys: Iterable[tuple[str, str, Iterable[str]]]) -> ValueRows:
    """keys: (indicator id, area id, periods) of the figures a change is about to write."""
    conn, parts, areas = store.conn, [], []
    for indicator_id, area_id, periods in keys:
        periods = sorted(set(periods))
        if area_id not in areas:
            areas.append(area_id)
        parts.append(snapshots.take(conn, "indicator_values", f"indicator_id = ? AND area_id = ? AND period IN "
                                    f"({', '.join('?' * len(periods))})", (indicator_id, area_id, *periods)))
    return ValueRows(tuple(snapshots.take(conn, "indicator_areas", "id = ?", (a,)) for a in areas) + tuple(parts))


def put_back_value_rows(store: Store, snap: ValueRows) -> None:
    with store.transaction():
        snapshots.put_back(store.conn, snap.parts, in_place=("indicator_areas",))


def figure_sources(store: Store, rows: Iterable[dict]) -> dict[str, FigureSource]:
    """Where each stored figure came from (period -> FigureSource), naming the office it was merged from."""
    rows = list(rows)
    offices = merged_from_offices(store, [r["id"] for r in rows if r.get("id")])
    return {r["period"]: describe_source(r.get("source"), offices.get(r.get("id"))) for r in rows}


# Each office called what its latest export merged calls it (exchange.county_merge.latest_office_name).
_OFFICE_NAMED = ("coalesce((SELECT i.office_name FROM _county_imports i WHERE i.office_id = {0} AND i.number IS NOT "
                 "NULL ORDER BY i.number DESC LIMIT 1), {1})")


def merged_from_offices(store: Store, ids: Sequence[str] | None = None) -> dict[str, str]:
    """In a county file, the office each merged figure (indicator_values id; all of them when ``ids`` is None) came
    from; a figure several offices sent alike names them all ("Babergh office, Mid Suffolk office"), as the county
    workbook and every other *Merged from* say it (county_workbook.merged_origins). {} in an office's own file."""
    if ids is not None and not ids or not store.scalar(
            "SELECT 1 FROM sqlite_master WHERE name = '_county_provenance'"):
        return {}
    holders = store.scalar("SELECT 1 FROM sqlite_master WHERE name = '_county_holders'")
    offices: dict[str, str] = {}
    for part in ([None] if ids is None else [list(ids[n:n + 500]) for n in range(0, len(ids), 500)]):
        among = "" if part is None else f" AND p.row_key IN ({','.join('?' * len(part))})"
        offices.update({r[0]: r[1] for r in store.rows(
            f"SELECT p.row_key, {_OFFICE_NAMED.format('p.office_id', 'p.office_name')} FROM _county_provenance p "
            f"WHERE p.table_name = 'indicator_values'{among}", part or ())})
        if holders:
            held: dict[str, list[str]] = {}
            for key, name in store.rows(
                    f"SELECT h.row_key, {_OFFICE_NAMED.format('h.office_id', 'h.office_id')} FROM _county_holders h "
                    f"JOIN _county_provenance p ON p.table_name = h.table_name AND p.row_key = h.row_key "
                    f"WHERE h.table_name = 'indicator_values' AND p.shared{among}", part or ()):
                held.setdefault(key, []).append(name)
            offices.update({key: ", ".join(sorted(names, key=str.casefold)) for key, names in held.items()})
    return offices


# -- targets ----------------------------------------------------------------------------------
def threshold_problem(indicator: Indicator, year: FinancialYear, value: float | None) -> str:
    """Why a threshold target of ``value`` cannot be set for the indicator, or "": a count or rate added up through
    the year is judged to date, so one period's limit would find it red from the second period on."""
    periods = year_periods(indicator.frequency, year)
    if not (indicator.totals and len(periods) > 1 and value is not None):
        return ""
    each = {"monthly": "a month", "quarterly": "a quarter"}.get(indicator.frequency, "a period")
    return (f"{indicator.name} is a {'count' if indicator.unit == 'count' else 'rate'} added up through the year, "
            f"so it is judged to date against its year's target: a threshold would judge the total so far against "
            f"one period's figure. Give an annual figure (for {indicator.format(value)} {each}, "
            f"{indicator.format(value * len(periods))} in the year, spread evenly) or a cumulative trajectory.")


def set_target(store: Store, indicator_id: str, area_id: str, year: FinancialYear, *, kind: str,
               value: float | None = None, trajectory: Sequence[float] | None = None, profile: str = "entered",
               note: str | None = None, status: str | None = None, withdrawn_on: str | None = None,
               withdrawn_reason: str | None = None, respread: bool = False) -> str:
    """Set the year's target: annual (with an even or seasonal trajectory), threshold, or an entered trajectory.

    status "tbc" records a target the paper states as "Tbc" (no figure needed); "withdrawn" keeps the
    figure with the date and the reason. Left as None, a target that was withdrawn stays withdrawn, and a
    target's note (what the paper says of it: "No more than 28% by March 2011") stays as it was.
    An annual target already spread seasonally keeps its months while its figure and profile stay (a board agrees
    the monthly profile: last year's figures corrected since do not move it); ``respread`` spreads it again from
    last year's figures as they are now (``seasonal_spread_change`` says whether they have changed).
    """
    indicator = get_indicator(store, indicator_id)
    if kind not in dom.TARGET_KINDS:
        raise IndicatorError(f"A target is annual, trajectory or threshold, not “{kind}”.")
    if status is not None and status not in dom.TARGET_STATUSES:
        raise IndicatorError(f"A target is set, tbc or withdrawn, not “{status}”.")
    if indicator.measure == "activity":
        raise IndicatorError(f"{indicator.name} is an activity count: it is measured, with no target.")
    if indicator.measure == "milestone":
        raise IndicatorError(f"{indicator.name} is a milestone: its target is a date (set the milestone).")
    old = get_target(store, indicator.id, area_id, year)
    note = (old.note if old is not None else "") if note is None else note
    if status is None:
        status = old.status if old is not None else "set"
        withdrawn_on = old.withdrawn_on if withdrawn_on is None and old is not None else withdrawn_on
        withdrawn_reason = old.withdrawn_reason if withdrawn_reason is None and old is not None else withdrawn_reason
    withdrawn_reason = (withdrawn_reason or "").strip()
    if status == "withdrawn":
        if not withdrawn_on or not withdrawn_reason:
            raise IndicatorError(f"{indicator.name}: a withdrawn target needs the date and the reason.")
        withdrawn_on = _parse_day_or_month(withdrawn_on)
    else:
        withdrawn_on, withdrawn_reason = None, ""
    periods = year_periods(indicator.frequency, year)
    if indicator.unit in ("count", "rate") and any(x is not None and x < 0 for x in [value, *(trajectory or [])]):
        # as its figures are refused (check_value): a target of -12 crimes was spread as -1, -2, … -12
        raise IndicatorError(f"{indicator.name}: a {indicator.unit}'s target cannot be negative.")
    if kind == "threshold" and status == "set" and (problem := threshold_problem(indicator, year, value)):
        raise IndicatorError(problem)
    cumulative: list[float] | None = None
    if status == "tbc":
        value, profile = None, "entered"
    elif kind == "trajectory":
        if not trajectory:
            raise IndicatorError(f"{indicator.name}: enter the cumulative target for each period.")
        cumulative = [float(v) for v in trajectory]
        if len(cumulative) > len(periods):
            raise IndicatorError(f"{indicator.name}: a {indicator.frequency} trajectory has at most "
                                 f"{len(periods)} figures, not {len(cumulative)}.")
        if indicator.unit in ("count", "rate") and any(b < a for a, b in zip(cumulative, cumulative[1:])):
            raise IndicatorError(f"{indicator.name}: a cumulative trajectory cannot go down.")
        value = cumulative[-1]  # the trajectory's end is its figure ("Cumulative trajectory to 640"), never another
        profile = "entered"
    else:
        if value is None:
            raise IndicatorError(f"{indicator.name}: the {kind} target needs a figure.")
        if kind == "annual" and indicator.totals and len(periods) > 1:
            if profile == "seasonal" and not respread and _spread_kept(old, value, periods):
                # Saved again with its figure and profile as they were (a tolerance changed, withdrawn, reinstated):
                # spread again here, it took last year's figures as corrected since and moved every month's RAG
                # without a word.
                cumulative = [old.trajectory[p] for p in periods]
            elif profile == "seasonal":
                cumulative = _seasonal_spread(store, indicator, area_id, year, value)
            else:
                profile = "even"
                cumulative = dom.even_trajectory(value, len(periods))
        else:
            profile = "entered" if profile not in ("even", "seasonal") else profile
    target_id = reference_id("target", f"{indicator.id} {area_id} {year.label}")
    new_traj = dict(zip(periods, cumulative)) if cumulative else {}
    if old is not None and (old.kind, old.value, old.profile, old.note, old.trajectory, old.status,
                            old.withdrawn_on, old.withdrawn_reason) == (
            kind, value, profile, note, new_traj, status, withdrawn_on, withdrawn_reason):
        return target_id  # nothing changed: nothing written
    with store.transaction():
        _ensure_area_row(store, area_id)
        store.conn.execute("DELETE FROM indicator_targets WHERE indicator_id = ? AND area_id = ? AND year = ?",
                           (indicator.id, area_id, year.label))
        store.conn.execute(
            "INSERT INTO indicator_targets(id, indicator_id, area_id, year, kind, value, profile, note, status, "
            "withdrawn_on, withdrawn_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (target_id, indicator.id, area_id, year.label, kind, value, profile, note, status, withdrawn_on,
             withdrawn_reason))
        if cumulative:
            store.conn.executemany(
                "INSERT INTO indicator_trajectory(id, target_id, period, cumulative) VALUES (?, ?, ?, ?)",
                [(f"{target_id}:{p}", target_id, p, c) for p, c in zip(periods, cumulative)])
    return target_id


def _spread_kept(old: Target | None, value: float, periods: Sequence[str]) -> bool:
    """The target held is this figure spread seasonally over these periods: its months stay as they were spread."""
    return old is not None and old.kind == "annual" and old.profile == "seasonal" and old.status != "tbc" \
        and _same_number(old.value, value) and set(old.trajectory) == set(periods)


def _seasonal_spread(store: Store, indicator: Indicator, area_id: str, year: FinancialYear,
                     value: float) -> list[float]:
    """``value`` spread over the year's periods in last year's seasonal profile, from its figures as they are now."""
    # Last year as the grid shows it: a district formed since takes the districts' it replaced.
    last_periods = year_periods(indicator.frequency, year.previous())
    last, replaced = _with_predecessors(store, indicator, area_id, last_periods,
                                        series(store, indicator, area_id, year.previous()))
    if any(f is None or f.value is None for f in last):
        raise IndicatorError(f"{indicator.name}: a seasonal trajectory needs every period of "
                             f"{year.previous().label} entered"
                             f"{_replaced_gaps(replaced, last_periods, store, area_id)}.")
    return dom.seasonal_trajectory(value, [f.value for f in last])


@dataclass(frozen=True)
class SpreadChange:
    """A target spread seasonally from last year's figures that have changed since (a police.uk import corrected
    them, a figure typed): its months stay as spread until the officer spreads it again."""

    spread_on: date | None  # when the spread held was made, as the history has it (None: it does not say)
    held: dict[str, float]  # the months' targets to date as spread
    again: dict[str, float] | None  # the spread from last year's figures as they are now (None: they give none)
    why_not: str = ""  # why they give none ("… needs every period of 2015/16 entered")


def seasonal_spread_change(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> SpreadChange | None:
    """How the year's seasonally spread target stands against last year's figures as they are now: None where it is
    no seasonal spread, or one they would spread the same."""
    t = get_target(store, indicator_id, area_id, year)
    if t is None or t.kind != "annual" or t.profile != "seasonal" or not t.trajectory or t.value is None:
        return None
    indicator = get_indicator(store, indicator_id)
    periods = year_periods(indicator.frequency, year)
    if set(t.trajectory) != set(periods):
        return None
    try:
        again = dict(zip(periods, _seasonal_spread(store, indicator, area_id, year, t.value)))
    except IndicatorError as exc:
        return SpreadChange(_spread_on(store, t), dict(t.trajectory), None, str(exc))
    if all(math.isclose(again[p], t.trajectory[p], rel_tol=1e-9, abs_tol=1e-9) for p in periods):
        return None
    return SpreadChange(_spread_on(store, t), dict(t.trajectory), again)


def _spread_on(store: Store, target: Target) -> date | None:
    """The day the months held were spread: the first change in the history that wrote them as they are (a later one
    writing them again, as a withdrawal or an undo does, copied them). None where the history does not say (written
    by a merge or an import, one entry for the whole batch)."""
    import json

    ids = [f"{target.id}:{p}" for p in target.trajectory]
    written: dict[str, dict[str, float]] = {}  # the periods each change wrote, oldest change first
    at: dict[str, str] = {}
    rows = store.rows(
        f"SELECT id, at, action_id, action_label, new_value FROM audit_log WHERE table_name = 'indicator_trajectory' "
        f"AND action = 'insert' AND row_id IN ({','.join('?' * len(ids))}) ORDER BY id", ids)
    for r in rows:
        if (r["action_label"] or "").startswith(("Undo ", "Redo ")):
            continue  # it puts back months spread before, perhaps by a merge the history holds no months of
        try:
            row = json.loads(r["new_value"])
        except (TypeError, ValueError):
            continue
        key = r["action_id"] or str(r["id"])
        written.setdefault(key, {})[row.get("period")] = row.get("cumulative")
        at.setdefault(key, r["at"])
    for key, months in written.items():
        if months.keys() == target.trajectory.keys() and all(
                isinstance(v, (int, float)) and math.isclose(v, target.trajectory[p], rel_tol=1e-9, abs_tol=1e-9)
                for p, v in months.items()):
            try:
                return datetime.fromisoformat(at[key].replace("Z", "+00:00")).astimezone().date()
            except ValueError:
                return None
    return None


def withdraw_target(store: Store, indicator_id: str, area_id: str, year: FinancialYear, *, on: str,
                    reason: str) -> str:
    """Record that the year's target was withdrawn (the figure stays, shown but never judged against)."""
    t = get_target(store, indicator_id, area_id, year)
    if t is None:
        raise IndicatorError("There is no target for that year to withdraw.")
    traj = [t.trajectory[p] for p in sorted(t.trajectory)] if t.kind == "trajectory" else None
    return set_target(store, indicator_id, area_id, year, kind=t.kind, value=t.value, trajectory=traj,
                      profile=t.profile, note=t.note, status="withdrawn", withdrawn_on=on, withdrawn_reason=reason)


def clear_target(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> None:
    if get_target(store, indicator_id, area_id, year) is None:
        return
    with store.transaction():
        store.conn.execute("DELETE FROM indicator_targets WHERE indicator_id = ? AND area_id = ? AND year = ?",
                           (indicator_id, area_id, year.label))


def reinstate_target(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> None:
    """Take back a withdrawal recorded by mistake: the target is judged against again (its figure as it was)."""
    t = get_target(store, indicator_id, area_id, year)
    if t is None or t.status != "withdrawn":
        return
    traj = [t.trajectory[p] for p in sorted(t.trajectory)] if t.kind == "trajectory" else None
    set_target(store, indicator_id, area_id, year, kind=t.kind, value=t.value, trajectory=traj, profile=t.profile,
               note=t.note, status="set")


def get_target(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> Target | None:
    r = store.one("SELECT * FROM indicator_targets WHERE indicator_id = ? AND area_id = ? AND year = ?",
                  (indicator_id, area_id, year.label))
    if r is None:
        return None
    traj = {t["period"]: t["cumulative"] for t in store.rows(
        "SELECT period, cumulative FROM indicator_trajectory WHERE target_id = ?", (r["id"],))}
    return Target(r["id"], r["indicator_id"], r["area_id"], r["year"], r["kind"], r["value"], r["profile"],
                  r["note"], traj, r["status"], r["withdrawn_on"], r["withdrawn_reason"])


def _parse_day_or_month(text: str) -> str:
    """"29/06/2010", "2010-06-29" or a month ("June 2010", "2010-06") as stored."""
    from safer_desk.domain.periods import parse_uk_date

    s = (text or "").strip()
    try:
        return parse_uk_date(s).isoformat()
    except PeriodError:
        return dom.parse_due(s)


def day_or_month_text(stored: str | None) -> str:
    """29/06/2010, or June 2010 for a month."""
    if not stored:
        return ""
    return dom.due_text(stored) if len(stored) == 7 else format_uk_date(date.fromisoformat(stored))


def target_text(indicator: Indicator, target: Target | None, *, with_reason: bool = False) -> str:
    """"No more than 28%", "At least 90%", "Threshold of 28%" (monitor only), "1,256 in the year", "Target to be
    confirmed", "… (withdrawn 29/06/2010)"."""
    if target is None:
        return "No target"
    if target.status == "tbc":
        return "Target to be confirmed"
    v = indicator.format(target.value)
    if target.kind == "threshold":
        # Its direction is the polarity's: a monitor-only indicator's threshold says none (never "At least 28%" for
        # a paper's "no more than 28%").
        text = {"lower": f"No more than {v}", "higher": f"At least {v}"}.get(indicator.polarity, f"Threshold of {v}")
        if _per_period_threshold(indicator, target) and target.value is not None:
            each, n = _EACH_PERIOD[indicator.frequency]
            text += f" {each} ({indicator.format(target.value * n)} in the year)"
    elif target.kind == "trajectory":
        text = f"Cumulative trajectory to {v}"
    elif indicator.totals:
        extra = {"even": "spread evenly", "seasonal": "in last year's seasonal profile"}.get(target.profile, "")
        text = f"{v} in the year" + (f" ({extra})" if extra else "")
    else:
        text = f"{v} for the year"
    if target.status == "withdrawn":
        text += f" (withdrawn {day_or_month_text(target.withdrawn_on)}"
        text += f": {target.withdrawn_reason})" if with_reason else ")"
    return text


# -- baselines, benchmarks, milestones, estimated RAG, populations ---------------------------------
@dataclass(frozen=True)
class Baseline:
    indicator_id: str
    area_id: str
    period: str  # a label as the paper gives it ("2009/10"), or ""
    value: float
    note: str = ""


@dataclass(frozen=True)
class Benchmark:
    indicator_id: str
    area_id: str
    period: str
    kind: str  # regional, national, comparator
    name: str  # "East of England", "England", "Sussex average"
    value: float
    note: str = ""

    @property
    def label(self) -> str:
        """"Regional", "National (England)", "Sussex average"."""
        kind = dom.BENCHMARK_LABELS[self.kind]
        if self.kind == "comparator" or self.name == kind:
            return self.name
        return f"{kind} ({self.name})"


@dataclass(frozen=True)
class Milestone:
    indicator_id: str
    area_id: str
    year: str
    due: str  # "2012-08" or "2012-08-31"
    achieved_on: str | None
    note: str = ""

    @property
    def due_text(self) -> str:
        return dom.due_text(self.due)

    def status(self, today: date) -> Rag:
        return dom.milestone_status(self.due, self.achieved_on, today)


@dataclass(frozen=True)
class Estimate:
    indicator_id: str
    area_id: str
    year: str
    estimate: EstimatedRag
    stated_on: str | None = None

    @property
    def rag(self) -> Rag:
        return self.estimate.rag

    @property
    def basis(self) -> str:
        return self.estimate.basis

    @property
    def label(self) -> str:
        return self.estimate.label


@dataclass(frozen=True)
class Population:
    area_id: str
    year: str  # "" for the area's population with no year
    population: int
    source: str = ""

    def text(self) -> str:
        return f"population {self.population:,}" + (f" ({self.source})" if self.source else "")


def set_baseline(store: Store, indicator_id: str, area_id: str, value: float, *, period: str = "",
                 note: str = "") -> str:
    """The figure the indicator is measured from in this area (LT6: 88.75% in 2009/10)."""
    ind = get_indicator(store, indicator_id)
    if value is None:
        raise IndicatorError(f"{ind.name}: a baseline needs a figure.")
    period = (period or "").strip()
    row_id = reference_id("baseline", f"{ind.id} {area_id}")
    old = get_baseline(store, ind.id, area_id)
    if old == Baseline(ind.id, area_id, period, float(value), note):
        return row_id
    with store.transaction():
        _ensure_area_row(store, area_id)
        store.conn.execute(
            "INSERT INTO indicator_baselines(id, indicator_id, area_id, period, value, note) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(indicator_id, area_id) DO UPDATE SET period = excluded.period, value = excluded.value, "
            "note = excluded.note", (row_id, ind.id, area_id, period, float(value), note))
    return row_id


def get_baseline(store: Store, indicator_id: str, area_id: str) -> Baseline | None:
    r = store.one("SELECT * FROM indicator_baselines WHERE indicator_id = ? AND area_id = ?", (indicator_id, area_id))
    return None if r is None else Baseline(r["indicator_id"], r["area_id"], r["period"], r["value"], r["note"])


def delete_baseline(store: Store, indicator_id: str, area_id: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM indicator_baselines WHERE indicator_id = ? AND area_id = ?",
                           (indicator_id, area_id))


def set_benchmark(store: Store, indicator_id: str, area_id: str, period: str, *, kind: str, name: str,
                  value: float, note: str = "") -> str:
    """A figure to compare with for a period: regional, national, or a comparator area's. The period as typed, or
    one of the indicator's periods as stored ("2010-Q1", which typed is refused as ambiguous)."""
    ind = get_indicator(store, indicator_id)
    if kind not in dom.BENCHMARK_KINDS:
        raise IndicatorError(f"A benchmark is regional, national or comparator, not “{kind}”.")
    name = (name or "").strip() or dom.BENCHMARK_LABELS[kind]
    stored = ind.frequency == "quarterly" and re.fullmatch(r"\d{4}-Q[1-4]", str(period or "").strip())
    period = Quarter.parse(period).key if stored else parse_period(period, ind.frequency)
    row_id = reference_id("benchmark", f"{ind.id} {area_id} {period} {name}")
    if Benchmark(ind.id, area_id, period, kind, name, float(value), note) in benchmarks(store, ind.id, area_id):
        return row_id
    with store.transaction():
        _ensure_area_row(store, area_id)
        store.conn.execute(
            "INSERT INTO indicator_benchmarks(id, indicator_id, area_id, period, kind, name, value, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(indicator_id, area_id, period, name) DO UPDATE SET "
            "kind = excluded.kind, value = excluded.value, note = excluded.note",
            (row_id, ind.id, area_id, period, kind, name, float(value), note))
    return row_id


def benchmarks(store: Store, indicator_id: str, area_id: str, periods: Iterable[str] | None = None) -> list[Benchmark]:
    """The benchmarks of an indicator and area (of these periods when given), regional before national."""
    rows = store.rows("SELECT * FROM indicator_benchmarks WHERE indicator_id = ? AND area_id = ? ORDER BY period, "
                      "CASE kind WHEN 'regional' THEN 0 WHEN 'national' THEN 1 ELSE 2 END, name",
                      (indicator_id, area_id))
    wanted = None if periods is None else set(periods)
    return [Benchmark(r["indicator_id"], r["area_id"], r["period"], r["kind"], r["name"], r["value"], r["note"])
            for r in rows if wanted is None or r["period"] in wanted]


def delete_benchmark(store: Store, indicator_id: str, area_id: str, period: str, name: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM indicator_benchmarks WHERE indicator_id = ? AND area_id = ? AND period = ? "
                           "AND name = ?", (indicator_id, area_id, period, name))


def set_milestone(store: Store, indicator_id: str, area_id: str, year: FinancialYear, *, due: str,
                  achieved_on: str | None = None, note: str = "") -> str:
    """A milestone measure's target for the year: a date ("August 2012"), and when it was achieved."""
    ind = get_indicator(store, indicator_id)
    if ind.measure != "milestone":
        raise IndicatorError(f"{ind.name} is not a milestone measure: its target is a figure.")
    due_s = dom.parse_due(due)
    done = _parse_day_or_month(achieved_on) if achieved_on else None
    row_id = reference_id("milestone", f"{ind.id} {area_id} {year.label}")
    if get_milestone(store, ind.id, area_id, year) == Milestone(ind.id, area_id, year.label, due_s, done, note):
        return row_id
    with store.transaction():
        _ensure_area_row(store, area_id)
        store.conn.execute(
            "INSERT INTO indicator_milestones(id, indicator_id, area_id, year, due, achieved_on, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(indicator_id, area_id, year) DO UPDATE SET due = excluded.due, "
            "achieved_on = excluded.achieved_on, note = excluded.note",
            (row_id, ind.id, area_id, year.label, due_s, done, note))
    return row_id


def get_milestone(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> Milestone | None:
    r = store.one("SELECT * FROM indicator_milestones WHERE indicator_id = ? AND area_id = ? AND year = ?",
                  (indicator_id, area_id, year.label))
    return None if r is None else Milestone(r["indicator_id"], r["area_id"], r["year"], r["due"], r["achieved_on"],
                                            r["note"])


def delete_milestone(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM indicator_milestones WHERE indicator_id = ? AND area_id = ? AND year = ?",
                           (indicator_id, area_id, year.label))


def set_estimate(store: Store, indicator_id: str, area_id: str, year: FinancialYear, *, rag: str | Rag,
                 basis: str, stated_on: str | None = None) -> str:
    """A RAG estimated for the year before its figure is known ("2011/12 Est. RAG G"), with its basis."""
    ind = get_indicator(store, indicator_id)
    est = EstimatedRag(rag if isinstance(rag, Rag) else Rag.parse(rag), (basis or "").strip())
    stated = _parse_day_or_month(stated_on) if stated_on else None
    row_id = reference_id("estimate", f"{ind.id} {area_id} {year.label}")
    if get_estimate(store, ind.id, area_id, year) == Estimate(ind.id, area_id, year.label, est, stated):
        return row_id
    with store.transaction():
        _ensure_area_row(store, area_id)
        store.conn.execute(
            "INSERT INTO indicator_estimates(id, indicator_id, area_id, year, rag, basis, stated_on) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(indicator_id, area_id, year) DO UPDATE SET rag = excluded.rag, "
            "basis = excluded.basis, stated_on = excluded.stated_on",
            (row_id, ind.id, area_id, year.label, est.rag.key, est.basis, stated))
    return row_id


def get_estimate(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> Estimate | None:
    r = store.one("SELECT * FROM indicator_estimates WHERE indicator_id = ? AND area_id = ? AND year = ?",
                  (indicator_id, area_id, year.label))
    if r is None:
        return None
    return Estimate(r["indicator_id"], r["area_id"], r["year"], EstimatedRag(Rag.parse(r["rag"]), r["basis"]),
                    r["stated_on"])


def delete_estimate(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM indicator_estimates WHERE indicator_id = ? AND area_id = ? AND year = ?",
                           (indicator_id, area_id, year.label))


def population_problem(store: Store, area_id: str, population: int) -> str:
    """Why a population is refused for the area: too small for its kind (a figure in thousands, 104 for Babergh's
    104,000), saying what to type, or more than any area of its kind holds (a digit too many); "" when it is
    not."""
    area = find_area(store, area_id)
    if area is None:
        return dom.population_too_large(population, "")
    return dom.population_too_small(population, area.kind) or dom.population_too_large(population, area.kind)


def set_population(store: Store, area_id: str, year: FinancialYear, population: int, *, source: str = "",
                   as_was: bool = False) -> str:
    """The population a rate uses for an area and financial year, with where it came from. ``as_was`` puts back a
    figure the file held (Edit > Undo), which is not checked again."""
    try:
        population = int(population)
    except (TypeError, ValueError):
        raise IndicatorError(f"A population is a whole number, not “{population}”.") from None
    if population <= 0:
        raise IndicatorError("A population must be more than 0.")
    if not as_was and (problem := population_problem(store, area_id, population)):
        raise IndicatorError(problem)
    row_id = reference_id("population", f"{area_id} {year.label}")
    r = store.one("SELECT population, source FROM indicator_populations WHERE area_id = ? AND year = ?",
                  (area_id, year.label))
    if r is not None and (r["population"], r["source"]) == (population, source):
        return row_id
    with store.transaction():
        _ensure_area_row(store, area_id)
        store.conn.execute(
            "INSERT INTO indicator_populations(id, area_id, year, population, source) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(area_id, year) DO UPDATE SET population = excluded.population, source = excluded.source",
            (row_id, area_id, year.label, population, source))
    return row_id


_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def whole_number_problem(typed: str, what: str) -> str:
    """Why a whole number (a count, a population: ``what`` as "a count") typed with a point between its thousands
    ("1.234", "92.000", as many European sheets write 1,234) is refused, saying what to type; "" otherwise. The
    point is a decimal point here: "92.000" was recorded as a population of 92. (A £ sign, "£92,000", is refused
    by parse_number, for every figure.)"""
    s = (typed or "").strip()
    if _DOTTED_THOUSANDS.fullmatch(s):
        meant = int(s.replace(".", ""))
        return (f"“{s}” has a point between its thousands, but a point is read as a decimal point and {what} is a "
                f"whole number: for {meant:,}, type {meant:,} (or {meant}).")
    return ""


def read_population(text: str) -> int:
    """A population as typed ("104,000", "104000"): a whole number of people, more than 0."""
    from safer_desk.domain.checks import NumberError, parse_number

    typed = (text or "").strip()
    if not typed:
        raise IndicatorError("Give the population: a whole number of people, such as 104,000.")
    if problem := whole_number_problem(typed, "a population"):
        raise IndicatorError(problem)
    try:
        value = parse_number(typed, what="a population", example="104,000")
    except NumberError as exc:
        raise IndicatorError(str(exc)) from None
    if value != value.to_integral_value():
        raise IndicatorError(f"“{typed}” is not a whole number of people: give the population as a whole number.")
    if value <= 0:
        raise IndicatorError(f"A population must be more than 0, not “{typed}”.")
    return int(value)


def population_for(store: Store, area_id: str, year: FinancialYear) -> Population | None:
    """The area's population for the year, else the nearest earlier year's, else the area's own figure."""
    r = store.one("SELECT year, population, source FROM indicator_populations WHERE area_id = ? AND year <= ? "
                  "ORDER BY year DESC LIMIT 1", (area_id, year.label))
    if r is not None:
        return Population(area_id, r["year"], r["population"], r["source"])
    pop = store.scalar("SELECT population FROM indicator_areas WHERE id = ?", (area_id,))
    return Population(area_id, "", int(pop)) if pop else None


def get_population(store: Store, area_id: str, year: FinancialYear) -> Population | None:
    """The population recorded for the area and this very year (None when the year has none of its own)."""
    r = store.one("SELECT population, source FROM indicator_populations WHERE area_id = ? AND year = ?",
                  (area_id, year.label))
    return None if r is None else Population(area_id, year.label, r["population"], r["source"])


def list_populations(store: Store) -> list[Population]:
    """Every population recorded, by area (county, partnerships, districts, others) and year."""
    rows = store.rows("SELECT p.area_id, p.year, p.population, p.source FROM indicator_populations p "
                      "LEFT JOIN indicator_areas a ON a.id = p.area_id ORDER BY CASE a.kind WHEN 'county' THEN 0 "
                      "WHEN 'partnership' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, a.name, p.year")
    return [Population(r["area_id"], r["year"], r["population"], r["source"]) for r in rows]


def areas_holding_rates(store: Store) -> list[str]:
    """The ids of the areas holding a figure of a rate (per 1,000 …): those a population may be wanted for."""
    return [r[0] for r in store.rows("SELECT DISTINCT v.area_id FROM indicator_values v JOIN indicators i "
                                     "ON i.id = v.indicator_id WHERE i.unit = 'rate' ORDER BY v.area_id")]


def delete_population(store: Store, area_id: str, year: FinancialYear) -> None:
    """Take out an area's population for a year; figures saved over it keep it (their denominator)."""
    if get_population(store, area_id, year) is None:
        return
    with store.transaction():
        store.conn.execute("DELETE FROM indicator_populations WHERE area_id = ? AND year = ?", (area_id, year.label))


def rates_over_other_population(store: Store, area_id: str, year: FinancialYear,
                                population: int) -> list[tuple[str, int, list[float]]]:
    """(indicator, how many figures, the populations they give) of the area's rates saved over another population
    in the years this year's would be used for (this one up to the area's next recorded year): they keep theirs."""
    later = store.scalar("SELECT min(year) FROM indicator_populations WHERE area_id = ? AND year > ?",
                         (area_id, year.label))
    held: dict[str, list[float]] = {}
    for r in store.rows("SELECT i.name, v.period, v.denominator FROM indicator_values v JOIN indicators i "
                        "ON i.id = v.indicator_id WHERE v.area_id = ? AND i.unit = 'rate' AND v.numerator IS NOT NULL "
                        "AND v.denominator IS NOT NULL AND v.denominator <> ? ORDER BY i.name",
                        (area_id, float(population))):
        label = year_of_period(r["period"]).label
        if label >= year.label and (later is None or label < later):
            held.setdefault(r["name"], []).append(r["denominator"])
    return [(name, len(dens), sorted(set(dens))) for name, dens in held.items()]


# -- partnership and county figures from district figures ---------------------------------------
def period_span(period: str) -> tuple[date, date]:
    """The first and last day a stored period covers."""
    kind = dom.period_kind(period)
    if kind == "monthly":
        months = [Month.parse(period)]
    elif kind == "quarterly":
        months = Quarter.parse(period).months
    else:
        months = FinancialYear.parse(period).months
    return months[0].first_day, months[-1].plus(1).first_day - timedelta(days=1)


def reference_day(text: str | None, *, end: bool = False) -> date | None:
    """A reference date as stored ("2019-03-31", or a month "2019-03"); None when open."""
    if not text:
        return None
    s = text.strip()
    if len(s) == 7:
        first = Month.parse(s)
        return first.plus(1).first_day - timedelta(days=1) if end else first.first_day
    return date.fromisoformat(s[:10])


def district_rows(store: Store) -> dict[str, dict]:
    """The reference districts by id (name, successor, dates), as ``outside_dates`` and ``part_way_question`` read
    them; an import reads them once for all its rows."""
    return {r["id"]: dict(r) for r in store.rows("SELECT id, name, successor_id, valid_from, valid_to FROM districts")}


def outside_dates(store: Store, area_id: str, period: str, *, districts: dict[str, dict] | None = None) -> str:
    """What to ask about a district's figure for a period the district did not exist in (Forest Heath in May-20,
    East Suffolk in May-16): partnership and county totals count the figures of the districts that covered the
    area then (derived by the districts' dates), so the grid and Import Figures ask about it, as about a month not
    begun, rather than store it where no total shows it; "" for any other. ``districts`` (id -> the districts row)
    saves reading them for each row of an import."""
    if districts is None:
        districts = district_rows(store)
    d = districts.get(area_id)
    if d is None:
        return ""
    first, last = period_span(period)
    began, ended = reference_day(d["valid_from"]), reference_day(d["valid_to"], end=True)
    when, name = period_label(period), d["name"]
    if ended is not None and first > ended:
        cover = districts.get(d["successor_id"] or "")
        while cover is not None and (e := reference_day(cover["valid_to"], end=True)) is not None and first > e:
            cover = districts.get(cover["successor_id"] or "")
        if cover is None:
            return f"{name} ended on {format_uk_date(ended)}, before {when}: is this the right area and period?"
        return (f"{name} ended on {format_uk_date(ended)}: in {when} its area was {cover['name']}'s, whose figure is "
                "what partnership and county totals count: is this the right area?")
    if began is not None and last < began:
        before = sorted(p["name"] for p in districts.values() if p["successor_id"] == area_id)
        if not before:
            return f"{name} began on {format_uk_date(began)}, after {when}: is this the right area and period?"
        whose = "whose figures are" if len(before) > 1 else "whose figure is"
        areas = in_words([p + "'s" for p in before])
        return (f"{name} began on {format_uk_date(began)}: in {when} its area was "
                f"{areas}, {whose} what partnership and county totals count "
                f"({name}'s only in place of {'theirs' if len(before) > 1 else 'its'}): is this the right area?")
    return ""


def part_way_question(store: Store, area_id: str, period: str, *, districts: dict[str, dict] | None = None) -> str:
    """What to ask about a district's figure for all of the period it began part-way through (East Suffolk from
    01/06/2019, Q1 2019/20), or ended part-way through (Waveney to 31/05/2019): "" for any other. The figure is kept
    as the district's, as its officer means it (the new council's return covers its whole area for the whole quarter,
    as police.uk counts are filed under today's district; the old council's last return its last quarter), and
    compared: next year's same period with a new district's, an ended district's with its own last year's; but its
    days before it began were the replaced districts' (after it ended, its successor's), and no partnership or county
    total counts any figure for that period (their districts changed within it), so the grid and Import Figures say
    so once, as ``outside_dates`` does for a period before it began or after it ended. ``districts``: as for
    ``outside_dates``."""
    if districts is None:
        districts = district_rows(store)
    d = districts.get(area_id)
    if d is None:
        return ""
    began, ended = reference_day(d["valid_from"]), reference_day(d["valid_to"], end=True)
    first, last = period_span(period)
    name, when = d["name"], period_label(period)
    kind, year = dom.period_kind(period), year_of_period(period)
    at = year_periods(kind, year).index(period)
    if began is not None and first < began <= last:
        following = year_periods(kind, year.next())[at]
        before = sorted((f"{p['name']}'s" for p in districts.values() if p["successor_id"] == area_id),
                        key=str.casefold)
        whose = f", when its area was {in_words(before)}" if before else f", before {name} began"
        return (f"{name} began on {format_uk_date(began)}, part-way through {when}: a figure here is kept as {name}'s "
                f"for all of {when}, {format_uk_date(first)} to {format_uk_date(began - timedelta(days=1))} included"
                f"{whose}, and next year's {period_label(following)} is compared with it; partnership and county "
                f"totals leave {when} blank (their districts changed within it). Is it the figure for all of {when}?")
    if ended is not None and first <= ended < last:
        previous = year_periods(kind, year.previous())[at]
        after = districts.get(d["successor_id"] or "")
        whose = f", when its area was {after['name']}'s" if after else f", after {name} ended"
        return (f"{name} ended on {format_uk_date(ended)}, part-way through {when}: a figure here is kept as {name}'s "
                f"for all of {when}, {format_uk_date(ended + timedelta(days=1))} to {format_uk_date(last)} included"
                f"{whose}, and it is compared with {name}'s {period_label(previous)}; partnership and county totals "
                f"leave {when} blank (their districts changed within it). Is it the figure for all of {when}?")
    return ""


@dataclass(frozen=True)
class Membership:
    """The districts a partnership or county covered for one period (from the reference data's dates)."""

    period: str
    districts: tuple[str, ...]  # district ids members for the whole period
    partial: tuple[str, ...] = ()  # members for part of it only: the period cannot be derived


@dataclass(frozen=True)
class DerivedFigure:
    """A partnership's or county's figure for one period, from its districts' figures."""

    period: str
    figure: Figure | None
    membership: Membership
    used: tuple[str, ...] = ()  # names of the areas whose figures were combined
    missing: tuple[str, ...] = ()  # member districts with no figure for the period
    reason: str = ""  # why there is no figure
    began: date | None = None  # a district that began within the period: no figure is its whole area's (blank)
    awaited: bool = False  # the reason is the districts in ``missing`` having no figure (yet, or ever: reason_for)

    def reason_for(self, year_over: bool, not_held: Collection[str] = ()) -> str:
        """``reason`` as said of a year: "no figure yet for Beta" while it runs, "no figure was recorded for Beta"
        once it is over (YearView.year_over). A district of ``not_held`` (``districts_not_held``: the file holds no
        figure of it at all) is "not held in this file", as the board report says it, not one without a figure."""
        if not self.awaited:
            return self.reason
        lacking = [n for n in self.missing if n not in not_held]
        said = [("no figure was recorded for " if year_over else "no figure yet for ") + ", ".join(lacking)] \
            if lacking else []
        if len(lacking) < len(self.missing):
            said.append("not held in this file: " + ", ".join(n for n in self.missing if n in not_held))
        return "; ".join(said)

    @property
    def source(self) -> FigureSource:
        return FigureSource("derived", "Derived from " + " + ".join(self.used), "derived")


class _Groups:
    """Membership of partnerships and counties by date, read once per view or report (read only)."""

    def __init__(self, store: Store):
        self.store = store
        from safer_desk.services.district_counties import counted_county

        self.districts = {r["id"]: {**dict(r), "county": counted_county(r["name"], r["county"])} for r in store.rows(
            "SELECT id, name, county, successor_id, valid_from, valid_to FROM districts")}
        self.predecessors: dict[str, set[str]] = {}
        for d in self.districts.values():
            if d["successor_id"]:
                self.predecessors.setdefault(d["successor_id"], set()).add(d["id"])
        self._intervals: dict[str, list[tuple[str, date | None, date | None]]] = {}
        self._populations: dict[tuple[str, str], Population | None] = {}
        self._absent: dict[str, list[str]] = {}

    def name(self, district_id: str) -> str:
        d = self.districts.get(district_id)
        return d["name"] if d else district_id

    def intervals(self, area: Area) -> list[tuple[str, date | None, date | None]]:
        """(district, from, to) spans of membership; a district that ended hands over to its successor."""
        if area.id in self._intervals:
            return self._intervals[area.id]
        if area.kind == "partnership":
            links = [(r[0], reference_day(r[1]), reference_day(r[2], end=True)) for r in self.store.rows(
                "SELECT district_id, valid_from, valid_to FROM partnership_districts WHERE partnership_id = ?",
                (area.id,))]
        elif area.kind == "county":
            links = [(d["id"], None, None) for d in self.districts.values()
                     if (d["county"] or "").strip().lower() == area.name.strip().lower()]
        else:
            links = []
        out: list[tuple[str, date | None, date | None]] = []

        def add(district_id: str, start: date | None, end: date | None, depth: int = 0) -> None:
            d = self.districts.get(district_id)
            if d is None:
                return
            d_from, d_to = reference_day(d["valid_from"]), reference_day(d["valid_to"], end=True)
            lo = max([x for x in (start, d_from) if x is not None], default=None)
            hi = min([x for x in (end, d_to) if x is not None], default=None)
            if lo is None or hi is None or lo <= hi:
                out.append((district_id, lo, hi))
            # Waveney and Suffolk Coastal became East Suffolk in 2019: a membership that runs on past a
            # district's end continues with its successor (by date, never by today's list).
            if d_to is not None and d["successor_id"] and (end is None or end > d_to) and depth < 8:
                add(d["successor_id"], d_to + timedelta(days=1), end, depth + 1)

        for district_id, start, end in links:
            add(district_id, start, end)
        self._intervals[area.id] = out
        return out

    def membership(self, area: Area, period: str) -> Membership:
        first, last = period_span(period)
        whole, part = set(), set()
        for district_id, lo, hi in self.intervals(area):
            if (lo is None or lo <= first) and (hi is None or hi >= last):
                whole.add(district_id)
            elif (lo is None or lo <= last) and (hi is None or hi >= first):
                part.add(district_id)
        part -= whole
        return Membership(period, tuple(sorted(whole, key=self.name)), tuple(sorted(part, key=self.name)))

    def county_districts_absent(self, area: Area) -> list[str]:
        """A county's current districts (the shipped lookup, England) that the file's reference data does not
        put in it: its figures cannot be derived while any is absent (the example holds Plymouth alone of
        Devon's, so "Devon" was Plymouth's figures). A county the lookup does not know is not checked."""
        if area.kind != "county":
            return []
        if area.id not in self._absent:
            from safer_desk.services.district_counties import county_districts

            name = area.name.strip().casefold()
            held = {d["name"].casefold() for d in self.districts.values() if (d["county"] or "").strip().casefold() == name}
            # Devon's are its eight districts: Plymouth and Torbay, unitaries within it, are not Devon's to derive
            self._absent[area.id] = [d for d in county_districts(area.name) if d.casefold() not in held]
        return self._absent[area.id]

    def candidates(self, area: Area) -> set[str]:
        """Every district whose figures could count towards the area (members, successors, predecessors)."""
        ids = {d for d, _, _ in self.intervals(area)}
        for d in list(ids):
            ids |= self.predecessors.get(d, set())
            succ = self.districts.get(d, {}).get("successor_id")
            if succ:
                ids.add(succ)
        return ids

    def population(self, district_id: str, year: FinancialYear) -> Population | None:
        key = (district_id, year.label)
        if key not in self._populations:
            self._populations[key] = population_for(self.store, district_id, year)
        return self._populations[key]


def _derive_period(groups: _Groups, indicator: Indicator, area: Area, period: str,
                   figs: dict[tuple[str, str], Figure]) -> DerivedFigure:
    membership = groups.membership(area, period)
    absent = groups.county_districts_absent(area)
    if absent:  # the sum of the districts the file holds is not the county's figure
        return DerivedFigure(period, None, membership, (), tuple(absent),
                             f"the file does not hold every district of {area.name} (not {names_and_more(absent)})")
    if membership.partial:
        changed = ", ".join(groups.name(d) for d in membership.partial)
        return DerivedFigure(period, None, membership, reason=f"the membership changed within the period ({changed})")
    members = set(membership.districts)
    if not members:
        return DerivedFigure(period, None, membership, reason="no districts were members in this period")
    parts: list[Figure] = []
    used: list[str] = []
    covered: set[str] = set()
    missing: list[str] = []
    for d in membership.districts:
        if d in covered:
            continue
        own = figs.get((d, period))
        if own is not None:
            parts.append(own)
            used.append(groups.name(d))
            covered.add(d)
            continue
        # Figures kept under the district it became (police.uk files name the current districts): the
        # successor's figure stands for its predecessors when all of them are members here.
        succ = groups.districts[d]["successor_id"]
        preds = groups.predecessors.get(succ or "", set())
        if succ and succ not in members and preds <= members and not (preds & covered) \
                and (succ, period) in figs:
            parts.append(figs[(succ, period)])
            used.append(f"{groups.name(succ)} (for {' and '.join(sorted(groups.name(x) for x in preds))})")
            covered |= preds
            continue
        # Or figures kept under the districts it was made of.
        preds = groups.predecessors.get(d, set())
        if preds and not (preds & members) and all((x, period) in figs for x in preds):
            parts += [figs[(x, period)] for x in sorted(preds)]
            used.append(f"{' and '.join(sorted(groups.name(x) for x in preds))} (for {groups.name(d)})")
            covered.add(d)
            continue
        missing.append(groups.name(d))
    if missing:
        return DerivedFigure(period, None, membership, tuple(used), tuple(missing),
                             "no figure yet for " + ", ".join(missing), awaited=True)
    figure = dom.sum_of_areas(parts, indicator.unit, indicator.rate_per)
    if figure is None:
        need = "counts and populations" if indicator.unit == "rate" else "numerators and denominators"
        return DerivedFigure(period, None, membership, tuple(used), (),
                             f"a {indicator.unit} is derived from the districts' {need}, and some are not given")
    return DerivedFigure(period, figure, membership, tuple(used))


def names_and_more(names: Sequence[str], most: int = 4) -> str:
    """ "East Devon, Exeter, Mid Devon, North Devon and 4 more": the first few names and how many others."""
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def counted_under(store: Store, area_id: str | None, year: FinancialYear) -> tuple[str, list[str]] | None:
    """A district whose police.uk crimes of the year are counted under the district it became (Waveney's of
    2018/19 under East Suffolk: the files of those months name Waveney, the counts are kept by current district):
    (that district's name, the other names counted with it), else None."""
    area = find_area(store, area_id) if area_id else None
    if area is None or area.kind != "district":
        return None
    months = [m.iso for m in year.months]
    marks = ", ".join("?" * len(months))
    row = store.conn.execute(
        f"SELECT c.area_id, a.name FROM _police_counts c JOIN indicator_areas a ON a.id = c.area_id "
        f"WHERE c.source_district = ? COLLATE NOCASE AND c.area_id <> ? AND c.month IN ({marks}) LIMIT 1",
        (area.name, area.id, *months)).fetchone()
    if row is None:
        return None
    others = [r[0] for r in store.conn.execute(
        f"SELECT DISTINCT source_district FROM _police_counts WHERE area_id = ? AND month IN ({marks}) AND "
        "source_district <> ? COLLATE NOCASE AND source_district <> ? COLLATE NOCASE ORDER BY 1",
        (row[0], *months, area.name, row[1]))]
    return row[1], others


def counted_under_words(store: Store, area_id: str | None, year: FinancialYear, name: str) -> tuple[str, str] | None:
    """``counted_under`` said: ("The police.uk files of 2018/19 name Waveney, and its crimes are counted in East
    Suffolk's figures (its current district), with Suffolk Coastal's", "East Suffolk"), for the tab and the report
    to end with what there is to do; None where the district's crimes are its own."""
    under = counted_under(store, area_id, year)
    if under is None:
        return None
    current, others = under
    possessives = [o + "'s" for o in others]
    with_others = f", with {in_words(possessives)}" if others else ""
    return (f"The police.uk files of {year.label} name {name}, and its crimes are counted in {current}'s figures "
            f"(its current district){with_others}", current)


def county_districts_absent(store: Store, area_id: str | None) -> list[str]:
    """A county's current districts the file does not hold (its figures cannot be derived meanwhile); [] for
    any other area or a whole county."""
    area = find_area(store, area_id) if area_id else None
    return _Groups(store).county_districts_absent(area) if area is not None else []


def districts_not_held(store: Store, names: Iterable[str]) -> set[str]:
    """Of these district names, those the file does not hold: no figure of theirs at all (a county file merged from
    today's offices holds none of the districts they replaced), or not among its districts."""
    names = set(names)
    if not names:
        return set()
    held = {r[0] for r in store.rows(
        f"SELECT d.name FROM districts d WHERE d.name IN ({','.join('?' * len(names))}) AND EXISTS (SELECT 1 FROM "
        "indicator_values v WHERE v.area_id = d.id AND (v.value IS NOT NULL OR v.numerator IS NOT NULL))",
        tuple(names))}
    return names - held


def districts_without_figures(store: Store, indicator: Indicator | str, area_id: str | None,
                              year: FinancialYear) -> tuple[int, list[str]] | None:
    """A partnership's or county's districts of the year and the names of those with no figure for any period of it
    they were members for: (how many districts, [names]); None for a district (its figures are its own)."""
    area = find_area(store, area_id) if area_id else None
    if area is None or not area.is_group:
        return None
    ind = indicator if isinstance(indicator, Indicator) else get_indicator(store, indicator)
    groups = _Groups(store)
    # The periods whose districts' figures were looked for (not those whose membership changed within them).
    looked = [d for d in derive_figures(store, ind, area, year_periods(ind.frequency, year), groups=groups).values()
              if d.awaited or d.figure is not None]
    members = sorted({groups.name(x) for d in looked for x in d.membership.districts}, key=str.casefold)
    lacking = [n for n in members if all(n in d.missing for d in looked
                                         if n in {groups.name(x) for x in d.membership.districts})]
    return len(members), lacking


def derive_figures(store: Store, indicator: Indicator | str, area: Area | str, periods: Sequence[str], *,
                   groups: _Groups | None = None) -> dict[str, DerivedFigure]:
    """The area's figures for these periods from its districts' stored figures (period -> DerivedFigure).

    Counts are summed; percentages and rates are ratios of sums (a rate's districts without a count use
    their population for the year). Membership is taken for each period from the reference dates.
    """
    ind = indicator if isinstance(indicator, Indicator) else get_indicator(store, indicator)
    a = area if isinstance(area, Area) else find_area(store, area)
    if a is None or not a.is_group or not periods:
        return {}
    groups = groups or _Groups(store)
    candidates = sorted(groups.candidates(a))
    if not candidates:
        return {}
    periods = list(periods)
    figs = _district_figures(store, ind, candidates, periods, groups)
    return {p: _derive_period(groups, ind, a, p, figs) for p in periods}


def _district_figures(store: Store, ind: Indicator, candidates: Sequence[str], periods: Sequence[str],
                      groups: _Groups) -> dict[tuple[str, str], Figure]:
    """The districts' stored figures to add up, (district, period) -> Figure: a rate typed alone given its count and
    population (the year's), so that rates add up as ratios of sums."""
    figs: dict[tuple[str, str], Figure] = {}
    for start in range(0, len(periods), 400):
        chunk = periods[start:start + 400]
        for r in store.rows(
                f"SELECT area_id, period, value, numerator, denominator FROM indicator_values WHERE indicator_id = ? "
                f"AND area_id IN ({','.join('?' * len(candidates))}) AND period IN ({','.join('?' * len(chunk))}) "
                "AND (value IS NOT NULL OR numerator IS NOT NULL)", (ind.id, *candidates, *chunk)):
            fig = Figure(r["value"], r["numerator"], r["denominator"])
            if ind.unit == "rate" and not fig.is_ratio and fig.value is not None:
                pop = groups.population(r["area_id"], year_of_period(r["period"]))
                if pop is not None:
                    rate_per = ind.rate_per or 1000
                    fig = Figure(fig.value, fig.value * pop.population / rate_per, float(pop.population))
            figs[(r["area_id"], r["period"])] = fig
    return figs


def predecessor_figures(store: Store, indicator: Indicator | str, district_id: str, periods: Sequence[str], *,
                        groups: _Groups | None = None) -> dict[str, DerivedFigure]:
    """A district's figures for periods before it began, from the districts it replaced (East Suffolk's 2018/19:
    Suffolk Coastal's and Waveney's, summed for a count, ratios of sums otherwise), period -> DerivedFigure: its
    figure None where a predecessor has none (``missing`` names it: never the others' alone as the whole area's).
    Periods it held, or with none of its predecessors' figures, are left out ({} for a district that replaced none)."""
    if not periods or (groups is None and store.scalar("SELECT 1 FROM districts WHERE successor_id = ? LIMIT 1",
                                                       (district_id,)) is None):
        return {}
    ind = indicator if isinstance(indicator, Indicator) else get_indicator(store, indicator)
    groups = groups or _Groups(store)
    d = groups.districts.get(district_id)
    began = reference_day(d["valid_from"]) if d else None
    before = [p for p in periods if began is not None and period_span(p)[1] < began]
    # The quarter (or year, or month) it began in: the districts' it replaced stop part-way, and a quarterly figure
    # holds no months to add its own part to theirs, so no figure is the whole area's: blank, and said why.
    within = [p for p in periods if began is not None and period_span(p)[0] < began <= period_span(p)[1]]
    if not (before or within) or not groups.predecessors.get(district_id):
        return {}
    chain = _replaced_chain(groups, district_id)
    theirs = in_words([f"{groups.name(x)}'s" for x in sorted(groups.predecessors[district_id], key=groups.name)])
    out: dict[str, DerivedFigure] = {p: DerivedFigure(
        p, None, Membership(p, ()), reason=f"{groups.name(district_id)} began on {format_uk_date(began)}, part-way "
        f"through {period_label(p)}: {theirs} figures stop on {format_uk_date(began - timedelta(days=1))}, so they are "
        f"not all of it; a figure typed for {groups.name(district_id)} for all of {period_label(p)} would be compared",
        began=began) for p in within}
    figs = _district_figures(store, ind, sorted(chain), before, groups) if before else {}
    if not figs:
        return out

    def parts_of(area: str, period: str, used: list[str], missing: list[str]) -> list[Figure]:
        if (area, period) in figs:
            used.append(groups.name(area))
            return [figs[(area, period)]]
        start = reference_day(groups.districts[area]["valid_from"])
        preds = sorted(groups.predecessors.get(area, set()), key=groups.name)
        if area != district_id and not (preds and start is not None and period_span(period)[1] < start):
            missing.append(groups.name(area))
            return []
        return [f for x in preds for f in parts_of(x, period, used, missing)]

    for p in before:
        used: list[str] = []
        missing: list[str] = []
        parts = parts_of(district_id, p, used, missing)
        figure = None if missing else dom.sum_of_areas(parts, ind.unit, ind.rate_per)
        need = "counts and populations" if ind.unit == "rate" else "numerators and denominators"
        reason = ("no figure for " + in_words(missing)) if missing else "" if figure is not None else \
            f"a {ind.unit} is worked out from the districts' {need}, and some are not given"
        out[p] = DerivedFigure(p, figure, Membership(p, tuple(sorted(chain, key=groups.name))), tuple(used),
                               tuple(missing), reason)
    return out


def _replaced_chain(groups: _Groups, district_id: str) -> set[str]:
    """The districts a district replaced, and those they replaced in turn (ids)."""
    chain, todo = set(), [district_id]
    while todo:
        for x in groups.predecessors.get(todo.pop(), set()) - chain:
            chain.add(x)
            todo.append(x)
    return chain


def replaced_before(store: Store, area_id: str) -> tuple[date, list[str]] | None:
    """The day a district formed from others began and the names of those it replaced (East Suffolk: 01/04/2019,
    Suffolk Coastal and Waveney); None for any other area."""
    names = [r[0] for r in store.rows("SELECT name FROM districts WHERE successor_id = ? ORDER BY name", (area_id,))]
    began = reference_day(store.scalar("SELECT valid_from FROM districts WHERE id = ?", (area_id,)))
    return (began, sorted(names, key=str.casefold)) if names and began is not None else None


def _with_predecessors(store: Store, ind: Indicator, area_id: str, periods: Sequence[str],
                       figures: Sequence[Figure | None], groups: _Groups | None = None
                       ) -> tuple[list[Figure | None], dict[str, DerivedFigure]]:
    """The area's own figures of these periods, a district's periods without one (before it began) filled from the
    districts it replaced (``predecessor_figures``, returned too, to say whose they are)."""
    replaced = predecessor_figures(store, ind, area_id, [p for p, f in zip(periods, figures) if f is None],
                                   groups=groups)
    return [replaced[p].figure if p in replaced else f for p, f in zip(periods, figures)], replaced


def _replaced_gaps(replaced: dict[str, DerivedFigure], periods: Sequence[str], store: Store, area_id: str) -> str:
    """" (for Apr-18 there is no figure for Suffolk Coastal, one of the districts East Suffolk replaced)": why last
    year's periods made from the districts replaced are blank; "" for none."""
    blank = [i for i, p in enumerate(periods) if p in replaced and replaced[p].figure is None]
    if not blank:
        return ""
    if part := [i for i in blank if replaced[periods[i]].began is not None]:
        return f" ({replaced[periods[part[0]]].reason})"
    area = find_area(store, area_id)
    it = area.name if area is not None else "it"
    whose = sorted({n for i in blank for n in replaced[periods[i]].missing}, key=str.casefold)
    when = ranges_text(blank, lambda a, b: b == a + 1, lambda i: period_label(periods[i]))
    if not whose:
        return f" (for {when} the figures of the districts {it} replaced cannot be added up: " \
            f"{replaced[periods[blank[0]]].reason})"
    which = "one of the districts" if len(whose) == 1 else "districts"
    return f" (for {when} there is no figure for {in_words(whose)}, {which} {it} replaced)"


def holding_own_figures(store: Store, area_ids: Iterable[str]) -> set[str]:
    """Those of these areas holding a figure of their own (a value or a numerator): a comment typed beside a
    partnership's derived figure is not one (its figure stays worked out from its districts')."""
    return {a for a in area_ids if store.scalar(
        "SELECT 1 FROM indicator_values WHERE area_id = ? AND (value IS NOT NULL OR numerator IS NOT NULL) LIMIT 1",
        (a,))}


def _districts_with_values(store: Store) -> set[str]:
    return {r[0] for r in store.rows("SELECT DISTINCT area_id FROM indicator_values")}


def _has_member_values(store: Store, area: Area, with_values: set[str], groups: _Groups | None = None) -> bool:
    groups = groups or _Groups(store)
    return bool(groups.candidates(area) & with_values) and bool(_derived_years(store, area, groups))


def _derived_years(store: Store, area: Area, groups: _Groups) -> set[FinancialYear]:
    """Years in which some member district (or its successor) has figures while the membership held."""
    candidates = sorted(groups.candidates(area))
    if not candidates:
        return set()
    years = set()
    for (period,) in store.rows(f"SELECT DISTINCT period FROM indicator_values WHERE area_id IN "
                                f"({','.join('?' * len(candidates))})", candidates):
        try:
            years.add(year_of_period(period))
        except (IndicatorError, PeriodError):
            continue
    return {y for y in years if any(groups.membership(area, m.iso).districts for m in y.months)}


def sole_member(store: Store, area_id: str, year: FinancialYear) -> str | None:
    """The one district a partnership or county covered all year (Safer Plymouth: Plymouth), else None."""
    area = find_area(store, area_id)
    if area is None or not area.is_group:
        return None
    groups = _Groups(store)
    members = {groups.membership(area, m.iso).districts for m in year.months}
    if len(members) == 1:
        (only,) = members
        if len(only) == 1:
            return only[0]
    return None


def membership_by_year(store: Store, area_id: str, year: FinancialYear) -> list[tuple[str, list[str]]]:
    """For a partnership or county: the member districts in each stretch of the year, as (from, names).

    Western Suffolk CSP in 2018/19: [("Apr-18", ["Babergh", "Forest Heath", "Mid Suffolk", "St Edmundsbury"])].
    """
    area = find_area(store, area_id)
    if area is None or not area.is_group:
        return []
    groups = _Groups(store)
    out: list[tuple[str, list[str]]] = []
    for m in year.months:
        names = [groups.name(d) for d in groups.membership(area, m.iso).districts]
        if not out or out[-1][1] != names:
            out.append((m.label, names))
    return out


# -- what the tab shows -----------------------------------------------------------------------
def _figure(r: dict | None) -> Figure | None:
    if r is None or (r["value"] is None and r["numerator"] is None):
        return None
    return Figure(r["value"], r["numerator"], r["denominator"])


@dataclass
class _Figures:
    """One indicator's figures for an area and some periods: stored, or derived for a partnership/county."""

    figures: dict[str, Figure | None]
    rows: dict[str, dict]
    sources: dict[str, FigureSource]
    derived: dict[str, DerivedFigure]


def _load_figures(store: Store, ind: Indicator, area_id: str, periods: list[str],
                  groups: _Groups | None = None) -> _Figures:
    rows = value_rows(store, ind.id, area_id, periods)
    figures = {p: _figure(rows.get(p)) for p in periods}
    sources = figure_sources(store, [r for r in rows.values() if _figure(r) is not None])
    derived: dict[str, DerivedFigure] = {}
    gaps = [p for p in periods if figures[p] is None]
    if gaps:
        area = find_area(store, area_id)
        if area is not None and area.is_group:
            derived = derive_figures(store, ind, area, gaps, groups=groups)
            for p, d in derived.items():
                if d.figure is not None:
                    figures[p] = d.figure
                    sources[p] = d.source
    return _Figures(figures, rows, sources, derived)


def series(store: Store, indicator: Indicator | str, area_id: str, year: FinancialYear) -> list[Figure | None]:
    """The figures of each period of a year (None where there is none; derived for a partnership or county)."""
    indicator = indicator if isinstance(indicator, Indicator) else get_indicator(store, indicator)
    periods = year_periods(indicator.frequency, year)
    loaded = _load_figures(store, indicator, area_id, periods)
    return [loaded.figures[p] for p in periods]


@dataclass
class YearView:
    """Everything the tab shows for one indicator, area and year."""

    indicator: Indicator
    area_id: str
    year: FinancialYear
    periods: list[str]
    labels: list[str]
    this_year: list[Figure | None]
    last_year: list[Figure | None]
    comments: list[str]
    cumulative: list[float | None]
    cumulative_last: list[float | None]
    target: Target | None
    target_at: list[float | None]  # what each period's cumulative figure is compared with
    period_rags: list[Rag]
    ytd: Figure | None
    ytd_last: Figure | None
    periods_to_date: int
    change: Change | None
    rag: Rag
    sources: list[FigureSource | None] = field(default_factory=list)  # where each period's figure came from
    derived: list[DerivedFigure | None] = field(default_factory=list)  # per period, for a partnership/county
    last_derived: list[DerivedFigure | None] = field(default_factory=list)  # last year's, from the districts replaced
    last_group: list[DerivedFigure | None] = field(default_factory=list)  # last year's, for a partnership/county
    baseline: Baseline | None = None
    benchmarks: list[Benchmark] = field(default_factory=list)
    milestone: Milestone | None = None
    estimate: Estimate | None = None
    population: Population | None = None  # for a rate: the population used for the year
    movement: Change | None = None  # rolling and snapshot figures: the latest against the one before it
    movement_from: str = ""  # the label of the figure before the latest ("Jun-08")
    area_name: str = ""
    area_kind: str = ""
    today: date | None = None  # the day it is looked at (the report's): a year over by then says so
    # Of the districts a district formed since replaced, those without a figure last year that the file holds no
    # figure of at all (``districts_not_held``): its words say "not held in this file" of them, as the grid does.
    replaced_not_held: frozenset[str] = frozenset()

    @property
    def values(self) -> list[float | None]:
        return [None if f is None else f.value for f in self.this_year]

    @property
    def values_last(self) -> list[float | None]:
        return [None if f is None else f.value for f in self.last_year]

    @property
    def period_places(self) -> int | None:
        """The places a rate's periods' own figures read with, this year's and last year's: the most any is held
        with ("0.50" beside "0.48", dom.column_places); None for other units."""
        return dom.column_places([*self.values, *self.values_last], self.indicator.unit)

    @property
    def cumulative_places(self) -> int | None:
        """The places a rate's figures to date read with, this year's, last year's and the targets to date they are
        judged against ("1.60" above "1.67", "5.00" beside "6.67": dom.column_places)."""
        return dom.column_places([*self.cumulative_held, *self.cumulative_last, *self.target_at], self.indicator.unit)

    @property
    def target_places(self) -> int | None:
        """The places the targets to date read with: a rate's or percentage's those of its figures to date
        (cumulative_places); a count's the most any of its targets needs, so a target of 640 spread evenly reads
        "160.0" beside "106.7", never "160" (the counts themselves stay whole); None where all are whole."""
        if self.indicator.unit != "count":
            return self.cumulative_places
        return max((p for t in self.target_at if t is not None and (p := dom.natural_places(t, "count"))),
                   default=None)

    @property
    def cumulative_held(self) -> list[float | None]:
        """The figures to date at the periods with a figure of their own, None at the others: a gap in a chart, as
        the grid's "No figure", never the total before it carried flat (read as a period of none)."""
        return [c if _held(f) else None for c, f in zip(self.cumulative, self.this_year)]

    @property
    def latest_label(self) -> str:
        return self.labels[self.periods_to_date - 1] if self.periods_to_date else ""

    @property
    def ytd_target(self) -> float | None:
        return self.target_at[self.periods_to_date - 1] if self.periods_to_date else None

    def cumulative_text(self, index: int, compared: float | None = None,
                        at_least: int | None = None) -> tuple[str, str]:
        """A period's figure to date and its target as shown side by side: where the unit's usual places would
        make a figure judged against the target read as another status (0.845 per 1,000, red against 0.8, as
        "0.8"), as many more as tell them apart ("0.85"); a rate with the places that tell it from last year's
        to date beside it (compared, by default last year's cumulative figure: 0.75 against 0.82 per 1,000)."""
        ind, value, target = self.indicator, self.cumulative[index], self.target_at[index]
        if compared is None and index < len(self.cumulative_last):
            compared = self.cumulative_last[index]
        # at_least: the places of the column it stands in (Compare Areas' Figure: "0.50" beside "0.48")
        places = max((p for p in (self.cumulative_places, at_least) if p is not None), default=None)
        if value is None or target is None or not self.period_rags[index].judged:
            return (dom.format_compared([value, compared], ind.unit, ind.rate_per, places)[0],
                    ind.format(target, self.target_places))
        return dom.format_against_target(value, target, ind.unit, ind.polarity, ind.tolerance_pct,
                                         ind.tolerance_kind, ind.rate_per, [compared], places, self.target_places)

    def cumulative_last_text(self, index: int) -> str:
        """Last year's figure to date at a period as the grid's row shows it beside this year's (a rate with the
        places that tell the two apart: 1.57 against 1.59 per 1,000, never "1.6" twice); "" for none."""
        last = self.cumulative_last[index] if index < len(self.cumulative_last) else None
        if last is None:
            return ""
        this = self.cumulative[index] if index < len(self.cumulative) else None
        return dom.format_compared([this, last], self.indicator.unit, self.indicator.rate_per,
                                   self.cumulative_places)[1]

    def gap_text(self, index: int) -> str:
        """The "Gap to target" cell ("+0.05"): with the places the figure and target are shown with."""
        ind, value, target = self.indicator, self.cumulative[index], self.target_at[index]
        if value is None or target is None:
            return ""
        gap = Change(value - target, 0, ind.unit, ind.polarity, ind.rate_per, self.cumulative_places)
        if not self.period_rags[index].judged:
            return gap.signed_text()
        places = dom.places_against_target(value, target, ind.unit, ind.polarity, ind.tolerance_pct,
                                           ind.tolerance_kind, at_least=self.cumulative_places,
                                           target_at_least=self.target_places)
        if gap.difference == 0:
            return gap.signed_text()
        # With the places the figure and target read with, so the three add up as read: 1 per 1,000 against 3 is a
        # gap of "−2", never "−2.0" beside them
        body = dom.format_number(abs(gap.difference), dom.places_adding_up(value, target, *places)[2])
        points = "" if ind.unit != "percentage" else " pt" if body == "1" else " pts"  # "+1 pt", as signed_text
        return ("+" if gap.difference > 0 else "\u2212") + body + points

    def period_text(self, index: int, *, last_year: bool = False) -> str:
        """A period's figure (this year's, or last year's with ``last_year``) as it reads beside the same period's
        other year, as the grid shows them: a rate with the places that tell the two apart (0.25 against 0.34 per
        1,000, where the usual one place read "0.3" twice beside a fall of 0.09); "" for no figure."""
        this = self.values[index] if index < len(self.values) else None
        last = self.values_last[index] if index < len(self.values_last) else None
        if (last if last_year else this) is None:
            return ""
        return dom.format_compared([this, last], self.indicator.unit, self.indicator.rate_per,
                                   self.period_places)[int(last_year)]

    def ytd_text(self, at_least: int | None = None) -> str:
        """The year-to-date figure as shown: the unit's format, with the places its status needs (cumulative_text);
        ``at_least``: those of the column it stands in (Compare Areas' Figure column, dom.column_places)."""
        if self.ytd is None:
            return ""
        last = None if self.ytd_last is None else self.ytd_last.value
        if not self.periods_to_date or not self.rag.judged:
            places = max((p for p in (self.cumulative_places, at_least) if p is not None), default=None)
            return dom.format_compared([self.ytd.value, last], self.indicator.unit, self.indicator.rate_per,
                                       places)[0]
        shown, _ = self.cumulative_text(self.periods_to_date - 1, last, at_least)
        return shown

    def ytd_last_text(self) -> str:
        """Last year's figure to date as shown beside this year's: a rate with the places that tell them apart."""
        if self.ytd_last is None:
            return ""
        ind, this = self.indicator, None if self.ytd is None else self.ytd.value
        return dom.format_compared([this, self.ytd_last.value], ind.unit, ind.rate_per, self.cumulative_places)[1]

    def ytd_target_text(self) -> str:
        """The target to date the year-to-date figure is judged against, as shown beside it."""
        if not self.periods_to_date:
            return ""
        return self.cumulative_text(self.periods_to_date - 1)[1]

    @property
    def is_derived(self) -> bool:
        """Some of the year's figures are derived from the districts' figures (a partnership or county)."""
        return any(s is not None and s.kind == "derived" for s in self.sources)

    def derived_text(self) -> str:
        """"figures derived from Babergh + Mid Suffolk + West Suffolk" (the latest derived period's districts)."""
        latest = next((d for d in reversed(self.derived) if d is not None and d.figure is not None), None)
        return "" if latest is None else "figures derived from " + " + ".join(latest.used)

    def _last_year_parts(self) -> tuple[list[int], list[int], list[int]]:
        """Last year's periods by whose they are: made from the districts replaced, its own (held beside those),
        and the one it began part-way through (blank)."""
        made = [i for i, d in enumerate(self.last_derived) if d is not None and d.began is None]
        own = [i for i, (f, d) in enumerate(zip(self.last_year, self.last_derived)) if f is not None and d is None]
        part = [i for i, d in enumerate(self.last_derived) if d is not None and d.began is not None]
        return made, own if made else [], part

    def _made_when(self, made: list[int], own: list[int]) -> str:
        """" to May-19": the periods of a year partly its own that are the districts' it replaced ("" otherwise)."""
        if not made or not own:
            return ""
        if made[-1] < own[0]:
            return f" to {self._last_label(made[-1])}"
        return f" for {ranges_text(made, lambda a, b: b == a + 1, self._last_label)}"

    def last_year_words(self) -> str:
        """"2018/19: Suffolk Coastal and Waveney": whose figures last year's are, for a district formed since from
        others; a predecessor without a figure for some periods named with them (those periods are blank, not the
        others' alone as the whole area's), and the period it began part-way through (blank); "" for an area whose
        last year is its own."""
        made_at, _, part = self._last_year_parts()
        if not made_at and not part:
            return ""
        made = [(i, self.last_derived[i]) for i in made_at]
        names = sorted({n for _, d in made for n in (*d.used, *d.missing)}, key=str.casefold)
        text = self.last_year_label() if names else self.year.previous().label
        lacking = sorted({n for _, d in made for n in d.missing}, key=str.casefold)
        for name in (n for n in lacking if n not in self.replaced_not_held):
            at = [i for i, d in made if name in d.missing]
            text += (f"; no figures for {name}" if len(at) == len(self.last_derived) else
                     f"; no figure for {name} for {ranges_text(at, lambda a, b: b == a + 1, self._last_label)}")
        if gone := [n for n in lacking if n in self.replaced_not_held]:  # as the Last year row's tooltips say it
            text += "; not held in this file: " + ", ".join(gone)
        others = [f"{n}'s" for n in names if n not in lacking]
        if lacking and others:
            text += f", left blank rather than {in_words(others)} alone"
        # Every one's figure there, but a percentage or rate typed without its parts: never the mean of theirs.
        unsummed = [i for i, d in made if d.figure is None and not d.missing]
        if unsummed:
            need = "a count and a population" if self.indicator.unit == "rate" else "a numerator and denominator"
            when = "" if len(unsummed) == len(self.last_derived) else \
                f" for {ranges_text(unsummed, lambda a, b: b == a + 1, self._last_label)}"
            text += f"; not added up{when}: their {self.indicator.unit}s are not all given with {need}, and are " \
                "never averaged"
        return "; ".join([text] * bool(names) + [self._part_way_words(i) for i in part])

    def part_way_sentence(self) -> str:
        """"Last year's Q1 2019/20 is left blank: East Suffolk began on 01/06/2019, part-way through it, …": why the
        period a district began part-way through is blank, for the words under the grid and the chart ("" for none)."""
        return " ".join(f"Last year's {self._part_way_words(i).replace(' left blank', ' is left blank')}, and no "
                        "figure held covers all of it." for i in self._last_year_parts()[2])

    def _part_way_words(self, index: int) -> str:
        """"Q1 2019/20 left blank: East Suffolk began on 01/06/2019, part-way through it"."""
        return f"{self._last_label(index)} left blank: {self.area_name} began on " \
            f"{format_uk_date(self.last_derived[index].began)}, part-way through it"

    def _last_label(self, index: int) -> str:
        return period_label(year_periods(self.indicator.frequency, self.year.previous())[index])

    def last_year_label(self, what: str = "") -> str:
        """Last year as a row or a series is named: "2018/19", or for a district formed since from others whose
        figures it is, "2018/19: Suffolk Coastal and Waveney" ("2018/19 cumulative: …" with ``what``); a year partly
        its own says which ("2019/20: own from Jun-19; before, Suffolk Coastal and Waveney")."""
        made, own, _ = self._last_year_parts()
        names = sorted({n for i in made for n in (*self.last_derived[i].used, *self.last_derived[i].missing)},
                       key=str.casefold)
        label = " ".join(x for x in (self.year.previous().label, what) if x)
        if not names:
            return label
        if own and made[-1] < own[0]:
            # Its own part first: a row label too long for the grid is cut at its end (the names, in each tooltip).
            return f"{label}: own from {self._last_label(own[0])}; before, {in_words(names)}"
        return f"{label}: {in_words(names)}" + (f"{self._made_when(made, own)}, own otherwise" if own else "")

    def last_year_tooltip(self, index: int, not_held: Collection[str] = ()) -> str:
        """Where a period's figure last year came from, for a district formed since: "Derived from Suffolk Coastal
        + Waveney", or why it is blank ("No figure for Suffolk Coastal: …"). not_held: districts the file holds no
        figure of (``districts_not_held``), said so of a partnership's or county's blank and of a district replaced."""
        d = self.last_derived[index] if index < len(self.last_derived) else None
        if d is None:
            return self._last_group_tooltip(index, not_held)
        if d.figure is not None:
            # The month, not the year: a district that began part-way through last year was theirs only until then.
            return f"{d.source.label}: in {self._last_label(index)} {self.area_name}'s area was theirs."
        reason = self._replaced_lacking(d, not_held) if d.missing else d.reason
        if d.missing and d.used:
            return f"Blank: {reason}, and the others' figures alone are not {self.area_name}'s area."
        return f"Blank: {reason}."

    def _replaced_lacking(self, d: DerivedFigure, not_held: Collection[str]) -> str:
        """"no figure for Suffolk Coastal" of a district replaced ("no figure yet" while last year runs); one the file
        holds no figure of at all (a county file merged from today's offices) "not held in this file", as the grid's
        Source row and the board report say it."""
        lacking = [n for n in d.missing if n not in not_held]
        said = [("no figure for " if self.last_year_over else "no figure yet for ") + in_words(lacking)] \
            if lacking else []
        if len(lacking) < len(d.missing):
            said.append("not held in this file: " + ", ".join(n for n in d.missing if n in not_held))
        return "; ".join(said)

    def _last_group_tooltip(self, index: int, not_held: Collection[str] = ()) -> str:
        """A partnership's or county's figure last year: the districts it adds ("Derived from Babergh + East Suffolk
        + …"), or why it is blank where some district has a figure or the districts changed within the period ("Blank:
        no figure was recorded for Beta.", "no figure yet" while last year runs); "" for any other."""
        g = self.last_group[index] if index < len(self.last_group) else None
        if g is None:
            return ""
        if g.figure is not None:
            return g.source.label
        if not g.reason or not (g.used or g.membership.partial):  # no district's figure held: nothing to say
            return ""
        return f"Blank: {g.reason_for(self.last_year_over, not_held)}."

    @property
    def last_year_over(self) -> bool:
        """Last year ended before the day it is looked at (``year_over`` of the year before)."""
        return self.year.previous().last_day < (self.today or date.today())

    def is_derived_at(self, index: int) -> bool:
        return index < len(self.sources) and self.sources[index] is not None and self.sources[index].kind == "derived"

    @property
    def monthly_change(self) -> list[float | None]:
        """The paper's change row: this year's figure minus last year's, period by period (always that way)."""
        return [None if a is None or b is None else a - b for a, b in zip(self.values, self.values_last)]

    @property
    def gap_to_target(self) -> list[float | None]:
        """The paper's "Target Gap" row: the cumulative figure minus the target at each period."""
        return [None if c is None or t is None else c - t for c, t in zip(self.cumulative, self.target_at)]

    @property
    def missing_to_date(self) -> list[int]:
        """The periods before the latest figure that have none, where figures add up to date (a rolling or
        snapshot figure stands alone): the year-to-date total leaves them out, and last year's beside it too."""
        return _left_out(self.indicator, self.this_year, self.periods_to_date)

    def missing_text(self) -> str:
        """"Apr-19 to Dec-19" or "Jun-19, Aug-19": the periods missing_to_date names, in runs."""
        return ranges_text(self.missing_to_date, lambda a, b: b == a + 1, self.labels.__getitem__)

    def with_month_names(self) -> "YearView":
        """This view with its months named as a workbook names them ("Dec 2025", as the Fund spend sheet and the
        fund's export do), never the papers' "Dec-25", which reads as the 25th of December (and is that date to Excel
        opening a CSV). A quarterly or annual indicator's view is as it is."""
        if self.indicator.frequency != "monthly":
            return self
        return replace(self, labels=[f"{MONTH_ABBR[m.month - 1]} {m.year}" for m in map(Month.parse, self.periods)])

    def to_text(self) -> str:
        """The summary's "To" cell: the latest period, and the periods before it with no figure, which the year to
        date leaves out ("Nov-16 (no figures for Jun-16)"), as range_text and the chart's gap say."""
        missing = self.missing_text()
        return f"{self.latest_label} (no figures for {missing})" if missing else self.latest_label

    def range_text(self) -> str:
        """The periods the year-to-date figure covers: "Apr-16 to Nov-16", and with periods missing before the
        latest, the ones held and the ones not ("Jan-20 to Mar-20 (no figures for Apr-19 to Dec-19)")."""
        if not self.periods_to_date:
            return self.year.label
        if self.periods_to_date == 1 or not self.indicator.adds_up:
            return self.latest_label
        missing = self.missing_to_date
        if not missing:
            return f"{self.labels[0]} to {self.latest_label}"
        first = next(i for i in range(self.periods_to_date) if i not in missing)
        held = self.latest_label if first == self.periods_to_date - 1 else \
            f"{self.labels[first]} to {self.latest_label}"
        return f"{held} (no figures for {self.missing_text()})"

    def _compared_with(self) -> str:
        return self.year.previous().label if self.indicator.frequency == "annual" else "the same period last year"

    def change_sentence(self) -> str:
        if self.change is None:
            if self.movement is not None:
                return self.movement.sentence(self.movement_from, "since")
            if self.ytd is None:  # this year has none, whatever last year holds
                words = self.no_figures_words()
                return f"{words[:1].upper()}{words[1:]}: nothing to compare with {self.year.previous().label}."
            # Whose last year it is (a district formed since), else which periods it holds: "no figures" beside
            # last year's April and June in the grid read as none at all.
            words = self.last_year_words() or self.last_year_held_words()
            return f"No figures for the same period last year to compare with ({words})."
        return self.change.sentence(self._compared_with())

    def _last_year_partly_held(self) -> bool:
        """Last year holds figures, but not for every period this year's to date covers, so there is no change to
        date (and no whose-figures reason: last_year_words)."""
        return (self.change is None and self.ytd is not None and not self.last_year_words()
                and any(f is not None and f.value is not None for f in self.last_year))

    def last_year_held_words(self) -> str:
        """"2024/25's are for Jan-25 to Mar-25 only", or "none is held for 2024/25": what last year holds."""
        last = self.year.previous()
        held = [i for i, f in enumerate(self.last_year) if f is not None and f.value is not None]
        if not held:
            return f"none is held for {last.label}"
        return f"{last.label}'s are for {ranges_text(held, lambda a, b: b == a + 1, self._last_label)} only"

    def status_label(self) -> str:
        """The RAG as shown: "▲ Red", "○ No figure yet" ("○ No figure recorded" once the year is over),
        "○ Target withdrawn", or "Est. ● Green" before the figure."""
        if not self.rag.judged and self.estimate is not None and self.ytd is None:
            return self.estimate.label
        return self.rag.label_for(self.year_over)

    @property
    def rag_word(self) -> str:
        """The RAG's word as ``status_label`` says it (without an estimate): "No figure recorded" for a year over."""
        return self.rag.word_for(self.year_over)

    def target_words(self) -> str:
        """The target as the paper states it, a milestone's date included ("By August 2012")."""
        if self.indicator.measure == "milestone":
            if self.milestone is None:
                return "No date set"
            done = f"; achieved {day_or_month_text(self.milestone.achieved_on)}" if self.milestone.achieved_on else ""
            return f"By {self.milestone.due_text}{done}"
        if self.indicator.measure == "activity":
            return "No target (activity count)"
        return target_text(self.indicator, self.target)

    def population_text(self) -> str:
        """For a rate: "per 100,000 of a population of 526,671 (Census 2011)"."""
        if self.indicator.unit != "rate":
            return ""
        per = dom.rate_label(self.indicator.rate_per)
        fig = self.this_year[self.periods_to_date - 1] if self.periods_to_date else None
        if self.is_derived_at(self.periods_to_date - 1) and fig is not None and fig.denominator:
            return f"{per} of a population of {fig.denominator:,.0f} (the districts' populations added up)"
        # The figures keep the population they were given over (a count typed alone while only an earlier year's
        # was recorded, a count typed over its population with none recorded): where that is not the one recorded
        # now (a merge brought the year's), or none is recorded, it is what they use.
        used = sorted({f.denominator for f in self.this_year[:self.periods_to_date] if f is not None and f.denominator})
        given = (f"a population {used[0]:,.0f}, as the figures give it" if len(used) == 1 else
                 f"populations of {in_words([f'{d:,.0f}' for d in used])}, as the figures give them")
        if self.population is None:
            return f"{per} of {given}" if used else f"{per}; the population used is not recorded"
        pop = self.population
        if used and used != [pop.population]:
            recorded = (f"{pop.population:,} is recorded for {self.year.label}" if pop.year == self.year.label else
                        f"the latest recorded is {pop.population:,}" + (f", {pop.year}'s" if pop.year else ""))
            return f"{per} of {given} ({recorded})"
        if not pop.year or pop.year == self.year.label:
            return f"{per} of a {pop.text()}"
        # No population recorded for the year yet: the latest earlier one is used, and said to be.
        said = "; ".join(x for x in (pop.source, f"{pop.year}'s: none is recorded for {self.year.label}") if x)
        return f"{per} of a population {pop.population:,} ({said})"

    @property
    def year_over(self) -> bool:
        """The year ended before the day it is looked at: its figures are no longer to come ("yet")."""
        return self.year.last_day < (self.today or date.today())

    def no_figures_words(self) -> str:
        """"no figures yet for 2025/26", or for a year over "no figures were recorded for 2011/12"."""
        return f"no figures {'were recorded' if self.year_over else 'yet'} for {self.year.label}"

    def headline(self, *, replaced_said: bool = False, figure_shown: bool = False) -> str:
        """One paragraph as a board paper would write it, with the figures computed, not typed. ``replaced_said``:
        whose last year's figures are was said once above (the board report's section), so only a gap is said.
        ``figure_shown``: the period and the figure to date are in a table beside it (the board report's performance
        summary), so the paragraph says only what that row does not: "an increase of 570 (4.7%) on the same period
        last year (worse)", not "Apr-16 to Nov-16: 12,586 in total" again; "" when the row says it all."""
        ind = self.indicator
        parts: list[str] = []
        if ind.measure == "milestone":
            parts.append(self._milestone_sentence())
        elif self.ytd is None:
            words = self.no_figures_words()
            parts.append(words[:1].upper() + words[1:] + ".")
        else:
            what = self.ytd_text()
            text = "" if figure_shown else f"{self.range_text()}: {what}"
            if ind.unit == "count" and self.periods_to_date > 1 and ind.adds_up:
                text = "" if figure_shown else f"{self.range_text()}: {what} in total"
            elif ind.figure_basis == "rolling12":
                # Beside its row, what the figure shown there counts: the 12 months to its period, not the year's.
                text = f"the figure is for the 12 months to {self.latest_label}" if figure_shown else \
                    f"{text} in the 12 months to {self.latest_label}"
            averaged = [f for f in self.this_year[:self.periods_to_date] if _held(f)]
            if ind.unit == "percentage" and ind.adds_up and len(averaged) > 1 and not self.ytd.is_ratio:
                # Never the ratio of sums DESIGN §2.4 asks for, as the figures have no parts: said, not passed off.
                each = {"monthly": "monthly", "quarterly": "quarterly"}.get(ind.frequency, "")
                text += (f", the average of {len(averaged)} {each} figures typed without their numerator and "
                         "denominator").replace("  ", " ")
            if self.change is not None:
                text += f", {self.change.words(self._compared_with())}"
                if self.change.judgement:
                    text += f" ({self.change.judgement})"
            elif self.movement is not None:
                text += f", {self.movement.words(self.movement_from, 'since')}"
                if self.movement.judgement:
                    text += f" ({self.movement.judgement})"
            elif not figure_shown and self._last_year_partly_held():
                # The grid shows last year's January to March and their monthly change, the table no change to
                # date: said why, as the board report's note says it
                text += f"; no figures for the same period last year to compare with ({self.last_year_held_words()})"
            text = text.removeprefix(", ").strip()
            if text:
                parts.append(text[:1].upper() + text[1:] + ".")
        made_at, own, part = self._last_year_parts()
        words = self.last_year_words()
        if part:  # said on its own, after whose the others are
            words = words.split("; " + self._part_way_words(part[0]))[0] if made_at else ""
        if made_at and not (replaced_said and words == self.last_year_label()):
            made = [self.last_derived[i] for i in made_at]
            names = {n for d in made for n in (*d.used, *d.missing)}
            whose = f"the district{'s' if len(names) > 1 else ''} {self.area_name} replaced"
            # A district that began part-way through last year: its figures from then are its own.
            when = self._made_when(made_at, own)
            if any(d.figure is not None for d in made):
                parts.append(f"Last year's figures{when} are those of {whose} ({words}).")
            else:
                parts.append(f"No figures for last year{when} from {whose} ({words}).")
        if part:
            parts.append(self.part_way_sentence())
        if self.target is not None and self.target.status == "withdrawn":
            reason = self.target.withdrawn_reason.rstrip()
            parts.append(f"The target of {ind.format(self.target.value)} was withdrawn on "
                         f"{day_or_month_text(self.target.withdrawn_on)}: {reason}"
                         + ("" if reason.endswith(".") else "."))
        elif self.target is not None and self.target.status == "tbc":
            parts.append(f"The target for {self.year.label} is to be confirmed.")
        elif self.rag is Rag.INCOMPLETE:
            parts.append(f"Not judged against target ({target_text(ind, self.target).lower()}): figures are missing "
                         f"for {self.missing_text()}.")
        elif self.rag.judged and ind.measure != "milestone":
            # Judged although periods are missing (a count already over its target, which they can only add to).
            missing = self.missing_text() if self.indicator.totals else ""
            parts.append(f"Against target ({self.ytd_target_text()} by {self.latest_label}): {self.rag.word.lower()}"
                         + (f"; figures are missing for {missing}, which can only add to it." if missing else "."))
        elif self.rag is Rag.NO_FIGURE and ind.measure != "milestone":
            parts.append(f"Target: {target_text(ind, self.target).lower()}; "
                         + ("no figure was recorded." if self.year_over else "no figure yet."))
        elif self.rag is Rag.GREY and ind.measure == "performance" and self.target is not None \
                and self.target.is_set and self.periods_to_date and self.ytd_target is None:
            parts.append(self._beyond_target_sentence())
        if self.estimate is not None:
            parts.append(f"Estimated RAG for {self.year.label}: {self.estimate.rag.word.lower()} "
                         f"({self.estimate.basis}).")
        if self.baseline is not None:
            when = f" ({self.baseline.period})" if self.baseline.period else ""
            parts.append(f"Baseline {ind.format_typed(self.baseline.value)}{when}.")
        if self.benchmarks:
            parts.append("Compared with: " + ", ".join(
                f"{b.label.lower() if b.kind != 'comparator' else b.label} {ind.format_typed(b.value)}"
                for b in self.benchmarks) + ".")
        return " ".join(parts)

    def _beyond_target_sentence(self) -> str:
        """A trajectory that stops before the latest figure: its last point, how that period stood, and the
        periods with a figure and no target ("no target for Oct-16 to Nov-16")."""
        ind = self.indicator
        text = f"Target: {target_text(ind, self.target).lower()}"
        pointed = [i for i in range(self.periods_to_date) if self.target_at[i] is not None]
        if pointed:
            last = pointed[-1]
            text += f" by {self.labels[last]}"
            if self.period_rags[last].judged and self.cumulative[last] is not None:
                text += f" ({ind.format(self.cumulative[last])} by then: {self.period_rags[last].word.lower()})"
        beyond = [i for i in range(self.periods_to_date)
                  if self.target_at[i] is None and self.this_year[i] is not None]
        return text + "; no target for " + ranges_text(beyond, lambda a, b: b == a + 1, self.labels.__getitem__) \
            + "."

    def _milestone_sentence(self) -> str:
        m = self.milestone
        if m is None:
            return f"No date set for {self.year.label}."
        if m.achieved_on:
            when = day_or_month_text(m.achieved_on)
            return f"Due by {m.due_text}: achieved {when}" + ("." if self.rag is Rag.GREEN else ", late.")
        return f"Due by {m.due_text}: " + ("overdue." if self.rag is Rag.RED else "not yet due.")


def _target_at(indicator: Indicator, target: Target | None, periods: list[str]) -> list[float | None]:
    if target is None or not target.is_set:
        return [None] * len(periods)
    if target.trajectory:
        return [target.trajectory.get(p) for p in periods]
    if indicator.totals and target.kind == "annual" and target.value is not None:
        return dom.even_trajectory(target.value, len(periods))
    if _per_period_threshold(indicator, target) and target.value is not None:
        # A threshold held from before set_target refused it ("no more than 1,600 a month"): its figure to date is
        # the year's total so far, judged against the threshold for each period to date (1,600 by April, 3,200 by
        # May: the annual figure set_target asks for instead, spread evenly), never against one period's 1,600.
        return [target.value * (i + 1) for i in range(len(periods))]
    return [target.value] * len(periods)


def _per_period_threshold(indicator: Indicator, target: Target | None) -> bool:
    """A threshold on a count (or rate per head) added up through a monthly or quarterly year: a limit for each
    period, whose year's figure to date is a total (set_target refuses a new one)."""
    return (target is not None and target.kind == "threshold" and indicator.totals
            and indicator.frequency in _EACH_PERIOD)


_EACH_PERIOD = {"monthly": ("a month", 12), "quarterly": ("a quarter", 4)}


def _left_out(indicator: Indicator, this_year: Sequence[Figure | None], to_date: int) -> list[int]:
    """YearView.missing_to_date: the periods before the latest figure with none, where figures add up to date."""
    if not indicator.adds_up:
        return []
    return [i for i in range(to_date) if not _held(this_year[i])]


def _held(figure: Figure | None) -> bool:
    """A period with a figure to add up (not a comment alone)."""
    return figure is not None and (figure.value is not None or figure.is_ratio)


def _status_without_figure(indicator: Indicator, target: Target | None) -> Rag:
    """The word for a period with nothing to judge: no target, monitor only, Tbc, withdrawn, no figure yet."""
    if indicator.measure == "activity":
        return Rag.GREY
    if indicator.polarity == "monitor":
        return Rag.MONITOR
    if target is None:
        return Rag.GREY
    if target.status == "withdrawn":
        return Rag.WITHDRAWN
    if target.status == "tbc":
        return Rag.TBC
    return Rag.NO_FIGURE


def rags_to_date(ind: Indicator, target: Target | None, figures: Sequence[Figure | None],
                 target_at: Sequence[float | None]) -> tuple[list[float | None], list[Rag]]:
    """Each period's figure to date (the running total, or the latest figure for rolling and snapshot figures)
    and its RAG against the target to date: the rule the grid's year view and the import's preview both apply.

    Only a performance measure with a target set and a polarity is judged; a total to date with a period missing
    before it is not (Rag.INCOMPLETE, "Figures missing").
    """
    running = dom.cumulative(figures, ind.unit, ind.rate_per) if ind.adds_up else dom.latest_to_date(figures)
    judged = ind.measure == "performance" and target is not None and target.is_set and ind.polarity != "monitor"
    # A count (or a rate per head) added up to date is judged only while no period before it is missing: the
    # total without them is short, and against the target to date it would look better than it is
    # (Rag.INCOMPLETE says why not).
    first_gap = next((i for i, f in enumerate(figures) if not _held(f)), len(figures)) \
        if ind.totals else len(figures)

    def judge(i: int, c: float | None, t: float) -> Rag:
        rag = dom.rag_status(c, t, ind.polarity, ind.tolerance_pct, ind.tolerance_kind)
        # Except a count already red without them where lower is better, or green where higher is: a missing month
        # can only add to it (a target of no road deaths and one in July is red whatever June's figure; hate
        # incidents reported already over the target to date stay over it whatever June's).
        # A rate per head as well, while its months held share one population (the year's, or none typed): the
        # missing month's crimes over that population can only add to it too. Months given different populations
        # are taken at their mean, which a missing month's own could move either way: not certain.
        adds = ind.unit == "count" or ind.unit == "rate" and len(
            {f.denominator for f in figures[:i + 1] if f is not None and f.is_ratio}) <= 1
        certain = adds and (rag, ind.polarity) in ((Rag.RED, "lower"), (Rag.GREEN, "higher"))
        return rag if i <= first_gap or certain else Rag.INCOMPLETE
    rags = [judge(i, c, t)
            if judged and figures[i] is not None and t is not None
            # A trajectory shorter than the year sets no target for the periods after it: "No target", not
            # "No figure yet" (there may well be a figure).
            else Rag.GREY if judged and t is None
            else _status_without_figure(ind, target) for i, (c, t) in enumerate(zip(running, target_at))]
    return running, rags


def year_view(store: Store, indicator: Indicator | str, area_id: str, year: FinancialYear, *,
              today: date | None = None, _groups: _Groups | None = None) -> YearView:
    """This year against last, cumulative against target, year to date, change in words and RAG.

    today is the date milestones are judged on (the report's date; today when not given).
    """
    ind = indicator if isinstance(indicator, Indicator) else get_indicator(store, indicator)
    periods = year_periods(ind.frequency, year)
    last_periods = year_periods(ind.frequency, year.previous())
    loaded = _load_figures(store, ind, area_id, periods + last_periods, _groups)
    this_year = [loaded.figures[p] for p in periods]
    # A district formed since: last year is the districts' it replaced (the year itself stays its own, blank).
    last_year, replaced = _with_predecessors(store, ind, area_id, last_periods,
                                             [loaded.figures[p] for p in last_periods], _groups)
    comments = [(loaded.rows.get(p) or {}).get("comment") or "" for p in periods]
    target = get_target(store, ind.id, area_id, year)
    target_at = _target_at(ind, target, periods)
    cum, rags = rags_to_date(ind, target, this_year, target_at)
    with_data = [i for i, f in enumerate(this_year) if f is not None]
    to_date = (with_data[-1] + 1) if with_data else 0
    if ind.adds_up:
        # Last year's figure to date adds the same periods as this year's (as ytd_last and the change do): a period
        # this year has no figure for before its latest is left out of both, or July read 4,603 against 6,212, a
        # month more. It stands only while every period it adds is there: added up from January, a year missing
        # its first months reads as a year of a quarter of the crime.
        left_out = set(_left_out(ind, this_year, to_date))
        compared = [None if i in left_out else f for i, f in enumerate(last_year)]
        last_gap = next((i for i, f in enumerate(compared) if not _held(f) and i not in left_out), len(last_periods))
        cum_last = [c if i < last_gap and i not in left_out else None
                    for i, c in enumerate(dom.cumulative(compared, ind.unit, ind.rate_per))]
    else:  # rolling and snapshot figures are never added up: the latest figure stands
        cum_last = dom.latest_to_date(last_year)
    if ind.adds_up:
        ytd = dom.combine(this_year[:to_date], ind.unit, ind.rate_per)
        # The same periods last year: only those this year has figures for (Apr–Nov against Apr–Nov).
        same_last = [last_year[i] for i in with_data]
        ytd_last = dom.combine(same_last, ind.unit, ind.rate_per) if all(f is not None for f in same_last) else None
    else:
        ytd = this_year[to_date - 1] if to_date else None
        ytd_last = last_year[to_date - 1] if to_date else None
    change = None
    # The places the figures to date (YearView.cumulative_places) and the periods' figures (period_places) read
    # with: a change between them in points or per 1,000 reads with as many ("+1.0 pts" between 75.0% and 74.0%)
    to_date_places = dom.column_places([*(c if _held(f) else None for c, f in zip(cum, this_year)), *cum_last,
                                        *target_at], ind.unit)
    if ytd is not None and ytd_last is not None and ytd.value is not None and ytd_last.value is not None:
        change = Change(ytd.value, ytd_last.value, ind.unit, ind.polarity, ind.rate_per, to_date_places)
    movement, movement_from = None, ""
    if not ind.adds_up and change is None and to_date:
        # A figure at a date is compared with the one before it ("16.9% in October from 17.1% in June").
        seq = [(lab, f) for lab, f in zip([period_label(p) for p in last_periods], last_year) if f is not None]
        seq += [(period_label(periods[i]), this_year[i]) for i in range(to_date - 1) if this_year[i] is not None]
        if seq and seq[-1][1].value is not None:
            movement_from, before = seq[-1]
            periods_places = dom.column_places([f.value for f in (*this_year, *last_year) if f is not None],
                                               ind.unit)
            movement = Change(ytd.value, before.value, ind.unit, ind.polarity, ind.rate_per, periods_places)
    milestone = get_milestone(store, ind.id, area_id, year) if ind.measure == "milestone" else None
    if ind.measure == "milestone":
        rag = milestone.status(today or date.today()) if milestone is not None else Rag.GREY
    else:
        rag = rags[to_date - 1] if to_date else _status_without_figure(ind, target)
    area = find_area(store, area_id)
    return YearView(
        ind, area_id, year, periods, [period_label(p) for p in periods], this_year, last_year, comments, cum,
        cum_last, target, target_at, rags, ytd, ytd_last, to_date, change, rag,
        sources=[loaded.sources.get(p) for p in periods],
        derived=[loaded.derived.get(p) for p in periods],
        last_derived=[replaced.get(p) for p in last_periods],
        last_group=[loaded.derived.get(p) for p in last_periods],
        baseline=get_baseline(store, ind.id, area_id),
        benchmarks=benchmarks(store, ind.id, area_id, periods),
        milestone=milestone,
        estimate=get_estimate(store, ind.id, area_id, year),
        population=population_for(store, area_id, year) if ind.unit == "rate" else None,
        movement=movement, movement_from=movement_from,
        area_name=area.name if area else area_id, area_kind=area.kind if area else "", today=today or date.today(),
        replaced_not_held=frozenset(districts_not_held(store, {n for d in replaced.values() for n in d.missing})))


@dataclass(frozen=True)
class SummaryRow:
    """One line of the summary table (like the paper's)."""

    indicator: Indicator
    area_id: str
    view: YearView
    # Another force's few crimes in the area, all its figures of the year (``other_forces_only``), said in words
    # (``other_forces_words``): shown, never compared with last year's count of the area's own force.
    strays: tuple[str, ...] = ()
    strays_words: str = ""

    @property
    def rag(self) -> Rag:
        return self.view.rag

    @property
    def change(self) -> Change | None:
        """The change on last year, None for another force's few crimes in the area (not the area's year)."""
        return None if self.strays else self.view.change

    @property
    def headline(self) -> str:
        return self.strays_words or self.view.headline()


def summary(store: Store, area_id: str, year: FinancialYear, *, only_with_values: bool = True,
            include: Iterable[str] = (), today: date | None = None) -> list[SummaryRow]:
    """Every indicator's year-to-date figure, change, target and RAG for an area and year.

    Indicators with nothing for the area and year (no figure, target, milestone or estimate) are left
    out unless named in include.
    """
    out = []
    include = set(include)
    groups = _Groups(store)
    counted = None
    for ind in list_indicators(store):
        view = year_view(store, ind, area_id, year, today=today, _groups=groups)
        if only_with_values and ind.id not in include and view.ytd is None and view.target is None \
                and view.milestone is None and view.estimate is None and not any(view.last_year):
            continue
        strays: tuple[str, ...] = ()
        if view.ytd is not None and area_id != UNKNOWN_AREA_ID and any(
                s is not None and s.kind == "police" for s in view.sources):
            if counted is None:  # read once, for the area alone
                counted = police_forces_by_area_month(store, area_id)
            strays = tuple(other_forces_only(store, view, counted))
        if strays:
            view = unjudged(view)
        out.append(SummaryRow(ind, area_id, view, strays, other_forces_words(store, view) if strays else ""))
    return out


def _monthly_figures(store: Store, indicator: Indicator, area_id: str) -> dict[str, Figure]:
    """Every month's figure of an area (its own, else derived from its districts'), for long charts."""
    rows = store.rows("SELECT id, period, value, numerator, denominator, source FROM indicator_values "
                      "WHERE indicator_id = ? AND area_id = ? AND period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' "
                      "AND (value IS NOT NULL OR numerator IS NOT NULL)", (indicator.id, area_id))
    out = {r["period"]: Figure(r["value"], r["numerator"], r["denominator"]) for r in rows}
    area = find_area(store, area_id)
    if area is not None and area.is_group:
        groups = _Groups(store)
        candidates = sorted(groups.candidates(area))
        if candidates:
            months = _months_held(store, indicator, candidates, out)
            for p, d in derive_figures(store, indicator, area, months, groups=groups).items():
                if d.figure is not None:
                    out[p] = d.figure
    elif area is not None and store.scalar("SELECT 1 FROM districts WHERE successor_id = ? LIMIT 1", (area_id,)):
        # A district formed since: its months before it began are the districts' it replaced, added up (a month
        # one of them lacks stays a gap), as the grid's last year.
        groups = _Groups(store)
        months = _months_held(store, indicator, sorted(_replaced_chain(groups, area_id)), out)
        for p, d in predecessor_figures(store, indicator, area_id, months, groups=groups).items():
            if d.figure is not None:
                out[p] = d.figure
    return out


def _months_held(store: Store, indicator: Indicator, area_ids: Sequence[str], out: dict[str, Figure]) -> list[str]:
    """The months some of ``area_ids`` hold a figure for that ``out`` has none for yet, in order."""
    return sorted(r[0] for r in store.rows(
        f"SELECT DISTINCT period FROM indicator_values WHERE indicator_id = ? AND area_id IN "
        f"({','.join('?' * len(area_ids))}) AND period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'",
        (indicator.id, *area_ids)) if r[0] not in out)


def rolling_12_months(store: Store, indicator: Indicator, area_id: str) -> list[tuple[str, float | None]]:
    """For a monthly indicator: each month with the figure of the 12 months ending there (ratio of sums).

    Months whose 12-month window has a gap have no figure (None). Figures that are already rolling
    12-month figures, or figures at a date, are shown as they are.
    """
    if indicator.frequency != "monthly":
        return []
    figs = _monthly_figures(store, indicator, area_id)
    if not figs:
        return []
    ordered = sorted(figs)
    if not indicator.adds_up:
        return [(p, figs[p].value) for p in ordered]
    ratio = indicator.unit != "count"
    first, last = Month.parse(ordered[0]), Month.parse(ordered[-1])
    span = last.minus(first) + 1
    # Running sums over the months in order: O(months), not O(months x 12).
    num = [0.0] * span
    den = [0.0] * span
    have = [False] * span
    mixed = False
    for p in ordered:
        f = figs[p]
        i = Month.parse(p).minus(first)
        have[i] = True
        if ratio and f.is_ratio:
            num[i], den[i] = f.numerator, f.denominator
        else:
            num[i] = f.value or 0.0
            mixed = mixed or ratio
    if mixed:  # percentages typed without numerator/denominator: fall back to combining each window
        out = []
        for i in range(11, span):
            m = first.plus(i)
            window = [figs.get(m.plus(-k).iso) for k in range(12)]
            c = dom.combine(window, indicator.unit, indicator.rate_per) if all(window) else None
            out.append((m.iso, None if c is None else c.value))
        return out
    out = []
    n_sum = d_sum = 0.0
    gaps = 0
    for i in range(span):
        n_sum += num[i]
        d_sum += den[i]
        gaps += not have[i]
        if i >= 12:
            n_sum -= num[i - 12]
            d_sum -= den[i - 12]
            gaps -= not have[i - 12]
        if i >= 11:
            m = first.plus(i).iso
            if gaps:
                out.append((m, None))
            elif ratio:
                out.append((m, dom.periods_value(n_sum, d_sum, 12, indicator.unit, indicator.rate_per)))
            else:
                out.append((m, n_sum))
    return out


def area_values(store: Store, indicator: Indicator | str, area_id: str, year: FinancialYear) -> list[float | None]:
    """The figures of each period of a year for one area (for comparing areas; derived for a group)."""
    return [None if f is None else f.value for f in series(store, indicator, area_id, year)]


@dataclass(frozen=True)
class AreaComparison:
    """One area's year-to-date figure beside the others' (the county view), with a rate where a population is known."""

    area: Area
    view: YearView
    population: int | None  # the year's population (for a derived area: its districts' added up), if known
    rate: float | None  # a count per rate_per of population (None without a population, or for a ratio)
    rate_per: int
    # The earlier years whose populations stand in where the year has none recorded (as the tab's rates use them)
    population_years: tuple[str, ...] = ()
    # A partnership's or county's sum where only some districts' populations are earlier years': their names (the
    # sum is partly those years', not wholly); () when every one is (or none is)
    population_partly: tuple[str, ...] = ()
    # A partnership's or county's districts with no population for the year (nor an earlier one) where others have
    # one, so that it has none: their names ("West Devon"); () when it has one, or none of them has
    population_missing: tuple[str, ...] = ()
    # A county's districts the file does not hold (groups.county_districts_absent): the sum of those it holds is not
    # the county's population, so it has none
    districts_absent: tuple[str, ...] = ()

    @property
    def derived(self) -> bool:
        return self.view.is_derived

    def rate_text(self, places: int | None = None) -> str:
        """"4.2 per 1,000"; a rate the usual place would round to nothing with the places that show it ("0.03 per
        1,000" for 3 homicides among 104,000 people, never "0 per 1,000", which reads as none). ``places``: those
        of the column it stands in ("38.0" beside "42.5"), at least."""
        if self.rate is None:
            return ""
        own = dom.non_zero_places(self.rate, 1) if self.rate and not dom.round_half_up(self.rate, 1) else None
        if places is not None:
            own = max(places, own if own is not None else dom.natural_places(self.rate, "rate"))
        return dom.format_value(self.rate, "rate", own, rate_per=self.rate_per)


def area_comparison(store: Store, indicator_id: str, area_ids: Sequence[str] | None, year: FinancialYear, *,
                    rate_per: int = 1000, today: date | None = None) -> list[AreaComparison]:
    """Districts, partnerships and counties side by side for one indicator and year (derived ones labelled).

    area_ids None takes every area with figures (its own or derived). A count is also given per rate_per
    of the area's population for the year where that is known, so areas of different sizes compare. today: the day
    the year is looked at (whether it is over; today when not given).
    """
    if rate_per not in dom.RATE_PERS:
        raise IndicatorError(f"A rate is per 1,000, 10,000 or 100,000, not per {rate_per:,}.")
    ind = get_indicator(store, indicator_id)
    areas = list_areas(store, with_values_only=True) if area_ids is None else \
        [a for a in (find_area(store, i) for i in area_ids) if a is not None]
    groups = _Groups(store)
    out = []
    for area in areas:
        v = year_view(store, ind, area.id, year, today=today, _groups=groups)
        if area_ids is None and v.ytd is None:
            continue
        pop = population_for(store, area.id, year)
        pops = [pop] if pop else []
        population = pop.population if pop else None
        missing: tuple[str, ...] = ()
        # Suffolk with only its three districts an office holds is not Suffolk: 335,400 was shown as its population
        absent = tuple(groups.county_districts_absent(area))
        if population is None and area.is_group and not absent:
            members = sorted({d for m in year.months for d in groups.membership(area, m.iso).districts})
            pops = [groups.population(d, year) for d in members]
            if members and all(pops):
                population = sum(p.population for p in pops)
            if any(pops):  # some recorded, not all: the blank needs a word (none at all speaks for itself)
                missing = tuple(groups.name(d) for d, p in zip(members, pops) if not p)
        rate = None
        if ind.unit == "count" and population and v.ytd is not None and v.ytd.value is not None:
            rate = float(v.ytd.value) * rate_per / population
        stand_ins = [p for p in pops if p and p.year and p.year != year.label] if population else []
        earlier = sorted({p.year for p in stand_ins})
        partly = tuple(groups.name(p.area_id) for p in stand_ins) if len(stand_ins) < len(pops) else ()
        out.append(AreaComparison(area, v, population, rate, rate_per, tuple(earlier), partly, missing, absent))
    return out


def areas_compared_with(store: Store, area_id: str, year: FinancialYear) -> list[str] | None:
    """The areas the "Areas compared" chart sets beside an area in a year, as a county officer reads them: those of
    its county, the county itself, the partnerships of its districts that year and its districts that year (a
    district that ended or began within it too). A file without reference districts (no office set) goes by the
    shipped lookup of each current district's county. None for an area in no county known: every area with figures
    is compared then. Never the "Unknown area" police.uk could not place, nor the districts of neighbouring counties
    that a force's files place a few crimes in (Great Yarmouth in Suffolk Constabulary's: 7 crimes in December, not
    Great Yarmouth's figure)."""
    from safer_desk.services.district_counties import county_of_district

    area = find_area(store, area_id)
    if area is None:
        return None
    # Neighbours, side by side (none added up): Plymouth's chart has Devon's districts beside it, as it had
    groups, lookup = _Groups(store), county_of_district()

    def in_year(spans) -> list[str]:
        return [d for d, lo, hi in spans
                if (lo is None or lo <= year.last_day) and (hi is None or hi >= year.first_day)]

    if area.kind == "county":
        names = [area.name]
    else:
        members = [area.id] if area.kind == "district" else in_year(groups.intervals(area)) \
            if area.kind == "partnership" else []
        # A unitary the file files under no county (Plymouth) has its county's districts beside it all the same
        names = [(groups.districts[d]["county"] or lookup.get(groups.districts[d]["name"], "")) if d in groups.districts
                 else lookup.get(area.name, "") for d in members]
    named = {n.strip().casefold(): n.strip() for n in names if n and n.strip()}
    counties = [a for a in (find_area(store, reference_id("county", n)) for n in named.values()) if a is not None]
    districts = list(dict.fromkeys(d for c in counties for d in in_year(groups.intervals(c))))
    if not districts:  # no reference districts: the current districts the lookup puts in the county, by name
        districts = [r["id"] for r in store.rows("SELECT id, name FROM indicator_areas WHERE kind = 'district' "
                                                 "ORDER BY name") if lookup.get(r["name"], "").casefold() in named]
    if not districts:
        return None
    partnerships = [r["id"] for r in store.rows("SELECT id, name FROM partnerships ORDER BY name")
                    if set(in_year(groups.intervals(Area(r["id"], r["name"], "partnership")))) & set(districts)]
    return list(dict.fromkeys([*(c.id for c in counties), *partnerships, *districts]))


def indicators_with_figures(store: Store, area_id: str, year: FinancialYear) -> list[str]:
    """The indicators an area has figures or a target for in a year (its framework that year)."""
    periods = [p for frequency in dom.FREQUENCIES for p in year_periods(frequency, year)]
    return sorted({r[0] for r in store.rows(
        f"SELECT indicator_id FROM indicator_values WHERE area_id = ? AND period IN ({','.join('?' * len(periods))}) "
        "UNION SELECT indicator_id FROM indicator_targets WHERE area_id = ? AND year = ?",
        (area_id, *periods, area_id, year.label))})


def years_with_values(store: Store, indicator_id: str | None = None, area_id: str | None = None
                      ) -> list[FinancialYear]:
    """Financial years that have any figure (or target), newest last (of one indicator or area if given).

    For a partnership or county, the years its districts have figures while they were members count too.
    """
    conds, params = [], []
    if indicator_id:
        conds.append("indicator_id = ?")
        params.append(indicator_id)
    if area_id:
        conds.append("area_id = ?")
        params.append(area_id)
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    years = set()
    for (period,) in store.rows(f"SELECT DISTINCT period FROM indicator_values {where}", params):
        try:
            years.add(year_of_period(period))
        except (IndicatorError, PeriodError):
            continue
    for table in ("indicator_targets", "indicator_milestones", "indicator_estimates"):
        for (year,) in store.rows(f"SELECT DISTINCT year FROM {table} {where}", params):
            years.add(FinancialYear.parse(year))
    if area_id:
        area = find_area(store, area_id)
        if area is not None and area.is_group:
            years |= _derived_years(store, area, _Groups(store))
    return sorted(years)


def _period_text(period: str) -> str:
    if dom.period_kind(period) == "quarterly":
        q = Quarter.parse(period)
        return f"{q.year.label}-Q{q.number}"
    return period


def _value_text(value: float) -> str:
    """A figure to four places, 0.5 going up as everywhere else (0.78125 is 0.7813, never the float's 0.7812)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{dom.round_half_up(value, 4)}".rstrip("0").rstrip(".")


def framework_holdings(store: Store) -> list[tuple[str, str, str]]:
    """(indicator id, area id, year) of every indicator and area holding a performance framework (a baseline, a
    regional or national benchmark, a milestone, an estimated RAG, a withdrawn target): one per year holding any of
    them (a benchmark's by its period), "" for a baseline alone; in the order of `safer-desk indicators`."""
    years: dict[tuple[str, str], set[str]] = {}
    for r in store.rows("SELECT indicator_id, area_id FROM indicator_baselines"):
        years.setdefault((r["indicator_id"], r["area_id"]), set())
    for r in store.rows("SELECT indicator_id, area_id, period FROM indicator_benchmarks "
                        "WHERE kind IN ('regional', 'national')"):
        years.setdefault((r["indicator_id"], r["area_id"]), set()).add(year_of_period(r["period"]).label)
    for r in store.rows("SELECT indicator_id, area_id, year FROM indicator_milestones UNION SELECT indicator_id, "
                        "area_id, year FROM indicator_estimates UNION SELECT indicator_id, area_id, year FROM "
                        "indicator_targets WHERE status = 'withdrawn'"):
        years.setdefault((r["indicator_id"], r["area_id"]), set()).add(r["year"])
    order = {r["id"]: (r["sort_order"], r["name"]) for r in store.rows("SELECT id, sort_order, name FROM indicators")}
    names = {r["id"]: r["name"] for r in store.rows("SELECT id, name FROM indicator_areas")}
    return [(ind, area, year) for (ind, area), held in sorted(
                years.items(), key=lambda kv: (order.get(kv[0][0], (0, kv[0][0])), names.get(kv[0][1], kv[0][1])))
            for year in (sorted(held) or [""])]


def export_rows(store: Store) -> list[tuple[str, str, str, str]]:
    """indicator, area, period, value for every stored figure (the `safer-desk indicators` output).

    Periods: 2016-04 for months, 2016/17-Q1 for quarters (Q1 = April to June), 2016/17 for years.
    """
    out = []
    for r in store.rows(
            "SELECT i.name AS indicator, a.name AS area, v.period, v.value, i.unit FROM indicator_values v "
            "JOIN indicators i ON i.id = v.indicator_id JOIN indicator_areas a ON a.id = v.area_id "
            "WHERE v.value IS NOT NULL ORDER BY i.sort_order, i.name, a.name, v.period"):
        out.append((r["indicator"], r["area"], _period_text(r["period"]), _value_text(r["value"])))
    return out


class RowsNotHeld(ValueError):
    """An --area or --year of `safer-desk indicators` the file has no figures for; ``option`` names which."""

    def __init__(self, option: str, words: str):
        super().__init__(words)
        self.option = option


def period_year(period: str) -> str:
    """The financial year ("2025/26") of a period as the CSV says it: 2026-03, 2025/26-Q4 or 2025/26."""
    if re.fullmatch(r"\d{4}-\d{2}", period):
        year, month = int(period[:4]), int(period[5:])
        return FinancialYear(year if month >= 4 else year - 1).label
    return period[:7]


def _years_held_text(held: Sequence[str]) -> str:
    """"of 2007/08 to 2011/12, 2015/16 to 2016/17": the sorted financial years held, in their runs (a gap said, not
    hidden in "2007/08 to 2025/26"), "of 2025/26 only" for one, "none" for none."""
    def follows(a: str, b: str) -> bool:
        return a[:4].isdigit() and b[:4].isdigit() and int(b[:4]) == int(a[:4]) + 1

    if not held:
        return "none"
    return f"of {held[0]} only" if len(held) == 1 else f"of {ranges_text(held, follows, str)}"


def rows_chosen(store: Store, cells: Sequence[tuple[str, str]], *, area: str | None = None,
                year: FinancialYear | None = None) -> list[bool]:
    """Which of the CSV's (area, period) cells `indicators --area NAME --year 2025/26` keeps, in their order.

    The area is found as every command finds one (its name in any case, "Cornwall (county)", its id or ONS code)
    and matched as the CSV names it; a name no area of the file has, or a year none of its figures are of, raises
    RowsNotHeld naming the nearest names or the years held."""
    from safer_desk.services.reference import AmbiguousArea

    keep = [True] * len(cells)
    if year is not None:
        held = sorted({period_year(period) for _, period in cells})
        if year.label not in held:
            raise RowsNotHeld("--year", f"this file holds no indicator figures of {year.label}: its figures are "
                                        f"{_years_held_text(held)}.")
        keep = [k and period_year(period) == year.label for k, (_, period) in zip(keep, cells)]
    if area is not None:
        names = list(dict.fromkeys(cell for cell, _ in cells))
        try:
            found = find_area(store, area)
        except AmbiguousArea as exc:
            raise RowsNotHeld("--area", str(exc)) from None
        named = csv_area_names(store, [found]).get(found.id) if found is not None else None
        if named is None:
            near = close_names(area, names, cutoff=0.6, n=3)
            hint = f"the nearest: {', '.join(near)}" if near else \
                "name a district, partnership or county as the Indicators tab names it"
            raise RowsNotHeld("--area", f"this file has no area called “{area.strip()}” ({hint}).")
        keep = [k and cell == named for k, (cell, _) in zip(keep, cells)]
    return keep


def none_chosen_note(store: Store, cells: Sequence[tuple[str, str]], *, area: str | None = None,
                     year: FinancialYear | None = None, derived: bool = False) -> str:
    """Why `indicators --area NAME [--year]` kept none of the CSV's (area, period) cells (rows_chosen having found
    the area and the year), "" when it kept some: an area with no figures of its own (a partnership's come from its
    districts') or none of that year."""
    if area is None or any(rows_chosen(store, cells, area=area, year=year)):
        return ""
    found = find_area(store, area)
    name = found.name if found is not None else area.strip()
    held = sorted({period_year(period) for (_, period), k in zip(cells, rows_chosen(store, cells, area=area)) if k})
    if year is not None and held and not derived and found is not None and found.kind in ("partnership", "county"):
        # The tab shows its districts' figures added up for that year (Suffolk's 2025/26): say how to print them.
        return (f"this file holds no figures of {name} of {year.label} typed or imported (its own are "
                f"{_years_held_text(held)}); --derived adds a partnership's or county's figures derived from its "
                "districts'.")
    if year is not None and held:
        return f"this file holds no figures of {name} of {year.label}: its figures are {_years_held_text(held)}."
    if derived:
        return f"this file holds no figures of {name}, typed, imported or derived from its districts'."
    return (f"this file holds no figures of {name} typed or imported; --derived adds a partnership's or county's "
            "figures derived from its districts'.")


def left_out_chosen(store: Store, left_out: Sequence[NotDerived], *, area: str | None = None,
                    year: FinancialYear | None = None) -> list[NotDerived]:
    """The periods --derived left out that `indicators --area --year` would have printed: warned of, no others."""
    from safer_desk.services.reference import AmbiguousArea

    def area_id(name: str) -> str | None:
        try:
            found = find_area(store, name)
        except AmbiguousArea:
            return None
        return None if found is None else found.id

    wanted = area_id(area) if area is not None else None
    ids = {n.area: area_id(n.area) for n in left_out} if area is not None else {}
    return [n for n in left_out if (year is None or n.scope == "area" or period_year(n.period) == year.label)
            and (area is None or ids[n.area] == wanted)]


@dataclass(frozen=True)
class ExportRow:
    """One figure of the command's output: stored (with its source) or derived (with what it came from)."""

    indicator: str
    area: str
    period: str
    value: str
    source: str
    derived_from: str = ""


@dataclass(frozen=True)
class NotDerived:
    """A partnership's or county's period ``figure_rows`` leaves out: its districts' figures cannot be added up."""

    indicator: str
    area: str  # as the Indicators tab's list names it: "Suffolk (county)"
    period: str  # as the CSV writes it: 2019/20-Q1
    reason: str  # the grid's words: "the membership changed within the period (…)"
    # What the reason holds for: "area" (every period and indicator: a county whose districts are not all held),
    # "period" (every indicator of the period: its membership changed within it), "" (this indicator's period).
    scope: str = ""


def csv_area_names(store: Store, areas: Iterable[Area | str]) -> dict[str, str]:
    """Area id -> the area as every command-line CSV names it (`indicators`, its --sources and --derived rows,
    `framework`, `populations`): its name, with its kind only where another area of the file has that name too
    ("Cornwall (county)"). `framework` and `populations` said "Suffolk (county)" where `indicators` said
    "Suffolk", so their rows could not be matched by area."""
    from safer_desk.services.report import names_to_type

    found = [a if isinstance(a, Area) else find_area(store, a) for a in dict.fromkeys(areas)]
    known = [a for a in found if a is not None]
    return dict(zip((a.id for a in known), names_to_type(store, known)))


def figure_rows(store: Store, *, derived: bool = False, left_out: list[NotDerived] | None = None) -> list[ExportRow]:
    """Every stored figure with its source; with derived, partnership and county figures from districts too.
    ``left_out`` (given) gets each period of a partnership or county that cannot be derived, with why (a period
    none of its districts has a figure for is not one, nor one it had no districts in: there is nothing to add up)."""
    out = []
    rows = store.rows(
        "SELECT v.id, i.id AS indicator_id, i.name AS indicator, a.id AS area_id, a.name AS area, a.kind, v.period, "
        "v.value, v.source "
        "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
        "JOIN indicator_areas a ON a.id = v.area_id WHERE v.value IS NOT NULL "
        "ORDER BY i.sort_order, i.name, a.name, v.period")
    offices = merged_from_offices(store) if rows else {}
    stored = csv_area_names(store, [Area(r["area_id"], r["area"], r["kind"]) for r in rows])
    for r in rows:
        src = describe_source(r["source"], offices.get(r["id"]))
        out.append(ExportRow(r["indicator"], stored[r["area_id"]], _period_text(r["period"]), _value_text(r["value"]),
                             src.label))
    if not derived:
        return out
    groups = _Groups(store)
    group_areas = [a for a in list_areas(store) if a.is_group and groups.candidates(a)]
    # A county known only from the reference districts (a new file whose office named its county) is derived
    # here as the Indicators tab derives it.
    from safer_desk.services.reference import known_areas

    listed = {a.id for a in group_areas} | {a.name.casefold() for a in group_areas if a.kind == "county"}
    for ref_area in known_areas(store):
        if ref_area.kind == "county" and not {ref_area.id, ref_area.name.casefold()} & listed:
            area = Area(ref_area.id, ref_area.name, "county")
            if groups.candidates(area):
                group_areas.append(area)
    group_names = csv_area_names(store, group_areas)
    not_held = districts_not_held(store, [d["name"] for d in groups.districts.values()])  # said so, as the grid does
    for ind in list_indicators(store):
        for area in group_areas:
            candidates = sorted(groups.candidates(area))
            # Its own figures (a comment alone, beside a derived figure, is not one).
            own = {r[0] for r in store.rows("SELECT period FROM indicator_values WHERE indicator_id = ? AND "
                                            "area_id = ? AND (value IS NOT NULL OR numerator IS NOT NULL)",
                                            (ind.id, area.id))}
            periods = sorted({r[0] for r in store.rows(
                f"SELECT DISTINCT period FROM indicator_values WHERE indicator_id = ? AND area_id IN "
                f"({','.join('?' * len(candidates))})", (ind.id, *candidates))} - own)
            for p, d in derive_figures(store, ind, area, periods, groups=groups).items():
                if d.figure is not None and d.figure.value is not None:
                    out.append(ExportRow(ind.name, group_names[area.id], _period_text(p), _value_text(d.figure.value),
                                         "derived", " + ".join(d.used)))
                elif left_out is not None and d.reason and not (d.awaited and not d.used) and \
                        (d.membership.districts or d.membership.partial):  # not a partnership ended or not begun
                    scope = "area" if groups.county_districts_absent(area) else \
                        "period" if not d.used and not d.missing else ""
                    left_out.append(NotDerived(ind.name, area.label, _period_text(p),
                                               d.reason_for(year_of_period(p).last_day < date.today(), not_held),
                                               scope))
    order = {ind.name: (ind.sort_order, ind.name) for ind in list_indicators(store)}
    out.sort(key=lambda e: (order.get(e.indicator, (0, e.indicator)), e.area, e.period))
    return out


# -- the entry grid (presenter-ready) ---------------------------------------------------------------
# Row keys of the grid, in the paper's order: the figures, last year, the change row, the cumulative
# rows of both years, the target and the gap to it, the RAG, and where each figure came from.
GRID_VALUE, GRID_NUMERATOR, GRID_DENOMINATOR, GRID_COMMENT = "value", "numerator", "denominator", "comment"
GRID_LAST_YEAR, GRID_CHANGE, GRID_CUMULATIVE, GRID_CUMULATIVE_LAST = "last_year", "change", "cumulative", \
    "cumulative_last"
GRID_TARGET, GRID_GAP, GRID_RAG, GRID_SOURCE = "target", "gap", "rag", "source"
GRID_EDITABLE = (GRID_VALUE, GRID_NUMERATOR, GRID_DENOMINATOR, GRID_COMMENT)


NO_FIGURE_TEXT = "No figure"


def _cumulative_cell(v: YearView, index: int, text: str) -> GridCell:
    """A period's figure to date in the grid, as the chart draws it: "No figure" for a period before the latest
    that has none (never the total before it carried over, read by a board as a month of no crime), blank after
    the latest; a total after a missing period adds the figures held, and says so when pointed at."""
    value = v.cumulative[index]
    missing = [i for i in v.missing_to_date if i <= index]
    if index in missing:
        return GridCell(NO_FIGURE_TEXT, tooltip=f"No figure for {v.labels[index]}: the total to date is not carried "
                                                "over it, and the periods after it add the figures held.")
    if value is None or index >= v.periods_to_date:
        return GridCell("")
    if not missing:
        return GridCell(text, value)
    without = ranges_text(missing, lambda a, b: b == a + 1, v.labels.__getitem__)
    # A total is short by the periods left out; a percentage of the periods held is not short, only over fewer.
    short = ": short by those periods." if v.indicator.totals else "."
    return GridCell(text, value, tooltip=f"The figures held to {v.labels[index]}, without {without} "
                                         f"(no figures){short}")


LEFT_OUT_TEXT = "Left out"


def _cumulative_last_cells(v: YearView, cells: tuple[GridCell, ...]) -> tuple[GridCell, ...]:
    """Last year's figures to date beside this year's: over the same periods (year_view leaves out of both the
    periods this year has no figure for, as the year-to-date change does), "Left out" at such a period, and said
    when pointed at with what the total would be with them."""
    missing = v.missing_to_date
    if not missing or all(x is None for x in v.cumulative_last):
        return cells
    ind, this, last = v.indicator, v.year.label, v.year.previous().label
    whole = dom.cumulative(v.last_year, ind.unit, ind.rate_per)
    out = []
    for i, cell in enumerate(cells):
        before = [j for j in missing if j <= i]
        if not before:
            out.append(cell)
            continue
        without = ranges_text(before, lambda a, b: b == a + 1, lambda j: _last_label(v, j))
        if i in missing:
            out.append(GridCell(LEFT_OUT_TEXT, tooltip=f"{_last_label(v, i)} is left out of {last}'s figures to "
                                f"date, as {this} has no figure for {v.labels[i]}: the two rows add up the same "
                                "periods, as the year-to-date change does."))
        elif cell.value is not None:
            with_them = "" if whole[i] is None else \
                f" ({ind.format(whole[i])} with {'them' if len(before) > 1 else 'it'})"
            out.append(GridCell(cell.text, cell.value, tooltip=f"{last}'s figures to {_last_label(v, i)} without "
                                f"{without}, the same periods as {this}'s{with_them}."))
        else:
            out.append(cell)
    return tuple(out)


def _last_label(v: YearView, index: int) -> str:
    """Last year's label of a period ("Jun-15" beside "Jun-16")."""
    return period_label(year_periods(v.indicator.frequency, v.year.previous())[index])


def parse_figure(indicator: Indicator, text: str, row: str = GRID_VALUE) -> Decimal:
    """A figure as typed in the grid or written in a figures sheet, read by the indicator's unit and the row
    (GRID_VALUE, GRID_NUMERATOR, GRID_DENOMINATOR): a % sign only on a percentage's own figure ("12%" for a
    count is refused saying it is a count, never read as 12 crimes), a rate's "per 1,000" left aside. Raises
    NumberError in words.
    """
    from safer_desk.domain.checks import NumberError, parse_number, parse_percentage

    s = (text or "").strip()
    if indicator.unit == "rate" and s.endswith(label := dom.rate_label(indicator.rate_per)):
        s = s[: -len(label)].strip()
    elif indicator.unit == "rate" and (problem := rate_base_problem(s, indicator.rate_per)):
        raise NumberError(problem)
    if indicator.unit == "percentage" and row == GRID_VALUE:
        if problem := percent_signs_problem(s) or _proportion_problem(indicator, s):
            raise NumberError(problem)
        return parse_percentage(s)
    whole = "a count" if row == GRID_VALUE else f"a {row}"  # a numerator and a denominator are counted too
    if (row != GRID_VALUE or indicator.unit == "count") and (problem := whole_number_problem(s, whole)):
        raise NumberError(problem)
    if s.endswith("%"):  # a figure with its % sign is said to be one, as the target form says it
        try:
            parse_percentage(s)
        except NumberError:
            pass  # not a figure with or without it: parse_number says why
        else:
            if row != GRID_VALUE:
                raise NumberError(f"“{s}” is a percentage, but a {row} is a number counted: give the count itself "
                                  "(16 of 18 is a numerator of 16 and a denominator of 18).")
            what = "a count" if indicator.unit == "count" else f"a rate {dom.rate_label(indicator.rate_per)}"
            raise NumberError(f"“{s}” is a percentage, but this indicator is {what}: give the figure itself (not "
                              "its change), or choose the unit Percentage (Indicator and Target…).")
    return parse_number(s, what="a figure")


def _proportion_problem(indicator: Indicator, typed: str) -> str:
    """Why a proportion typed as a percentage's figure ("16 of 18", "16/18", "0 of 0") is not read, saying where its
    two counts go; "" for anything else (it was refused as "not a percentage (try a form like 1,234 or 88.9)")."""
    from safer_desk.domain.checks import NumberError, parse_number

    found = re.fullmatch(r"(.+?)\s*(?:\bout of\b|\bof\b|/)\s*(.+)", typed, re.IGNORECASE)
    if found is None:
        return ""
    try:
        num, den = (parse_number(x) for x in found.groups())
    except NumberError:
        return ""
    if num == den == 0:
        return nothing_counted(indicator.unit)
    n, d = f"{num.normalize():,f}", f"{den.normalize():,f}"
    if indicator.unit == "percentage" and (den == 0 or num > den or num < 0):  # Save refuses these as its two counts
        why = ("nothing can be counted out of 0" if den == 0 else "a count cannot be below nothing" if num < 0
               else f"{n} is more than all {d} of them, which would be over 100%")
        return (f"“{typed}” cannot be a percentage: {why}. Check the two counts on the paper (in 16 of 18, 16 are "
                "counted out of 18, never more), then give them as the numerator and denominator, or give the "
                "percentage itself.")
    share = f", or the percentage itself ({indicator.format(float(num) * 100 / float(den))})" if den else ""
    return (f"“{typed}” is two counts: give {n} as the numerator and {d} as the "
            f"denominator (the percentage is worked out from them){share}.")


def percent_signs_problem(typed: str) -> str:
    """Why a percentage typed with more than one % sign ("28%%") is refused, in parse_percentage's words (quoting it
    whole); "" otherwise."""
    from safer_desk.domain.checks import NumberError, parse_percentage

    s = (typed or "").strip()
    if s.count("%") < 2:
        return ""
    try:
        parse_percentage(s)
    except NumberError as exc:
        return str(exc)
    return ""


def rate_base_problem(typed: str, rate_per: int | None) -> str:
    """Why a rate typed with another base ("1,500 per 1,000" for a rate per 100,000) is refused, saying the rate's
    base and the figure it comes to (it was refused as not a figure, or for its comma); "" otherwise."""
    from safer_desk.domain.checks import NumberError, parse_number

    s = (typed or "").strip()
    found = re.fullmatch(r"(.*?)\s*per\s*(\d{1,3}(?:,\d{3})+|\d+)", s, re.IGNORECASE)
    if found is None or int(found[2].replace(",", "")) == (rate_per or 1000):
        return ""
    base, label = int(found[2].replace(",", "")), dom.rate_label(rate_per)
    said = f"“{s}” is a rate per {base:,}, but this rate is {label}"
    try:
        figure = parse_number(found[1], what="a figure")
    except NumberError:
        figure = None
    if figure is None or base not in dom.RATE_PERS:
        return f"{said}: give the figure {label}."
    meant = (figure * (rate_per or 1000) / base).normalize()
    return f"{said}: give the figure {label} (that is {meant:,f} {label})."


@dataclass(frozen=True)
class GridCell:
    text: str  # as shown ("1,335", "+204", "○ No figure yet")
    value: float | None = None  # the raw figure (sorting, editing), None for text cells
    editable: bool = False
    rag: Rag | None = None
    tooltip: str = ""
    needs_comment: bool = False  # red against target with no comment
    illustrative: bool = False  # invented for the example file, not from a paper
    # Worked out, not typed (a ratio of its numerator and denominator, a sum of districts', a target spread over the
    # year): copied as shown (308.3, never 308.3333333333333), as the change and the cumulative figures are.
    worked_out: bool = False


@dataclass(frozen=True)
class GridRow:
    key: str
    label: str
    cells: tuple[GridCell, ...]
    editable: bool = False


@dataclass(frozen=True)
class EntryGrid:
    """The figures of one indicator, area and year by period, in rows like the paper's tables."""

    view: YearView
    periods: tuple[str, ...]
    labels: tuple[str, ...]
    rows: tuple[GridRow, ...]

    def row(self, key: str) -> GridRow:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    @property
    def keys(self) -> list[str]:
        return [r.key for r in self.rows]


def _last_worked_out(v: YearView, i: int) -> bool:
    """Last year's figure of period ``i`` is worked out, not typed: a ratio, or the districts' figures added up."""
    f = v.last_year[i]
    # A partnership's own figure wins over its districts' (then it is not theirs); a district formed since has theirs.
    derived = any(i < len(ds) and ds[i] is not None and ds[i].figure == f for ds in (v.last_derived, v.last_group))
    return f is not None and (f.is_ratio or derived)


def entry_grid(store: Store, indicator_id: str, area_id: str, year: FinancialYear, *, read_only: bool = False,
               today: date | None = None) -> EntryGrid:
    """The entry grid's data: rows this year, numerator/denominator (ratios), comment, last year, monthly
    change, cumulative, last year's cumulative, target, gap, RAG and source; derived figures are not editable."""
    from safer_desk.services.illustrative import illustrative_rows

    v = year_view(store, indicator_id, area_id, year, today=today)
    ind = v.indicator
    n = len(v.periods)
    marked = illustrative_rows(store, "indicator_values")
    stored = value_rows(store, ind.id, area_id, v.periods)
    ids = [(stored.get(p) or {}).get("id") or "" for p in v.periods]
    editable_at = [not read_only and not v.is_derived_at(i) and ind.measure != "milestone" for i in range(n)]
    this_name = v.year.label
    adds = ind.adds_up
    # A partnership's or county's district (or one a district formed since replaced) the file holds no figure of at
    # all is "not held in this file" where a figure is not derived (the Source row, the Last year row's tooltips),
    # not a district without one (round 38).
    not_held = districts_not_held(store, {n for d in (*v.derived, *v.last_group) if d is not None and d.awaited
                                          for n in d.missing} | {n for d in v.last_derived if d for n in d.missing})

    def fig_cells(figs, attr, editable) -> tuple[GridCell, ...]:
        out = []
        for i, f in enumerate(figs):
            x = None if f is None else getattr(f, attr)
            text = "" if x is None else (compared_text(i, 0) if attr == "value" else _value_text(x))
            worked_out = attr == "value" and f is not None and (f.is_ratio or v.is_derived_at(i))
            out.append(GridCell(text, x, editable and editable_at[i] and not (attr == "value" and f is not None
                                                                               and f.is_ratio),
                                worked_out=worked_out and x is not None,
                                illustrative=bool(ids[i] and ids[i] in marked) if figs is v.this_year else False,
                                tooltip=("" if v.sources[i] is None else v.sources[i].label)
                                if figs is v.this_year else ""))
        return tuple(out)

    def compared_text(i: int, side: int, pairs=(v.values, v.values_last), at_least=v.period_places) -> str:
        """A period's figure as it reads beside the same period's other year (0.50 against 0.53 per 1,000:
        ``YearView.period_text`` for the periods' own figures)."""
        return dom.format_compared([pairs[0][i], pairs[1][i]], ind.unit, ind.rate_per, at_least)[side]

    def number_cells(values, signed=False, pairs=(v.values, v.values_last),
                     at_least=v.period_places) -> tuple[GridCell, ...]:
        out = []
        for i, x in enumerate(values):
            if x is None:
                out.append(GridCell(""))
            elif signed:  # this year minus last, with the places the two figures read with
                c = Change(pairs[0][i], pairs[1][i], ind.unit, ind.polarity, ind.rate_per, at_least)
                out.append(GridCell(c.signed_text(), x))
            else:
                out.append(GridCell(compared_text(i, 1, pairs, at_least), x))
        return tuple(out)

    rows = [GridRow(GRID_VALUE, f"{this_name}", fig_cells(v.this_year, "value", True), True)]
    if ind.unit != "count":
        rows += [GridRow(GRID_NUMERATOR, "Numerator", fig_cells(v.this_year, "numerator", True), True),
                 GridRow(GRID_DENOMINATOR, "Population" if ind.unit == "rate" else "Denominator",
                         fig_cells(v.this_year, "denominator", True), True)]
    needs = [v.period_rags[i] is Rag.RED and not v.comments[i].strip() and v.this_year[i] is not None
             for i in range(n)]
    # A derived figure is not typed over, but its comment is the area's own (a red period needs one).
    comment_editable = not read_only and ind.measure != "milestone"
    rows.append(GridRow(GRID_COMMENT, "Comment", tuple(
        GridCell(v.comments[i], None, comment_editable, needs_comment=needs[i],
                 tooltip="Red against target: a comment saying why is needed." if needs[i] else v.comments[i])
        for i in range(n)), True))
    # A district formed since: last year is the districts' it replaced, named, each period saying whose it is.
    rows.append(GridRow(GRID_LAST_YEAR, v.last_year_label(), tuple(
        replace(cell, tooltip=cell.tooltip or v.last_year_tooltip(i, not_held),
                worked_out=cell.value is not None and _last_worked_out(v, i))
        for i, cell in enumerate(number_cells(v.values_last)))))
    change_label = {"monthly": "Monthly change", "quarterly": "Quarterly change"}.get(ind.frequency, "Change") \
        if adds else "Change on last year"
    changes = number_cells(v.monthly_change, signed=True)
    if strays := other_forces_only(store, v):  # another force's few crimes in the area: not compared with its year
        said = (f"Not compared: crimes {in_words(strays)} recorded in {v.area_name}, not its figures (its own force's "
                "police.uk counts are not held).")
        changes = tuple(GridCell("", None, tooltip=said) if c.value is not None else c for c in changes)
    rows.append(GridRow(GRID_CHANGE, change_label, changes))
    # A figure and its target are shown with the places that tell them apart where one is judged against the
    # other (0.845 per 1,000, red against 0.8, is "0.85"), so the RAG below reads as they do.
    shown = [v.cumulative_text(i) for i in range(n)]
    if adds:
        rows.append(GridRow(GRID_CUMULATIVE, f"{this_name} cumulative", tuple(
            _cumulative_cell(v, i, shown[i][0]) for i in range(n))))
        rows.append(GridRow(GRID_CUMULATIVE_LAST, v.last_year_label("cumulative"), _cumulative_last_cells(
            v, number_cells(v.cumulative_last, pairs=(v.cumulative, v.cumulative_last), at_least=v.cumulative_places))))
    if v.target is not None and v.target.is_set:
        cum_target = adds and (v.target.kind != "threshold" or _per_period_threshold(ind, v.target))
        rows.append(GridRow(GRID_TARGET, "Target (cum.)" if cum_target else "Target",
                            tuple(GridCell(shown[i][1], x, worked_out=True) if x is not None else GridCell("")
                                  for i, x in enumerate(v.target_at))))
        # Shown only where the figure to date is compared with the target, as the RAG and the sentence say: not for
        # a period without a figure (its cumulative carried over) or a total short by missing periods (the cell
        # keeps the difference as its value, its text blank, and says why when pointed at).
        compared = [_held(v.this_year[i]) and v.period_rags[i] is not Rag.INCOMPLETE for i in range(n)]
        missing = v.missing_text()
        # A count judged although short by a missing period (rags_to_date): its gap is at least what it shows.
        gap = next((i for i, f in enumerate(v.this_year) if not _held(f)), n) if ind.totals else n
        rows.append(GridRow(GRID_GAP, "Gap to target", tuple(
            GridCell("") if x is None else GridCell(v.gap_text(i), x, tooltip=(
                f"At least this: the figures held, without {missing}, which can only add to it." if i > gap else ""))
            if compared[i] else
            GridCell("", x, tooltip=f"Not compared with the target: no figures for {missing}." if missing else "")
            for i, x in enumerate(v.gap_to_target))))
    # A partnership's or county's period before its latest figure that cannot be worked out: why (the district
    # without a figure), as the board report says it; later periods are simply not in yet.
    not_derived = [d.reason_for(v.year_over, not_held) if d is not None and d.figure is None
                   and v.this_year[i] is None and i < v.periods_to_date and d.reason else None
                   for i, d in enumerate(v.derived)]
    rows.append(GridRow(GRID_RAG, "RAG", tuple(
        GridCell("" if v.this_year[i] is None else v.period_rags[i].label, None, rag=v.period_rags[i])
        for i in range(n))))
    rows.append(GridRow(GRID_SOURCE, "Source", tuple(
        GridCell("" if s is None else s.label, None, tooltip="" if s is None else s.raw) if not_derived[i] is None
        else GridCell(f"Not derived: {not_derived[i]}", None, tooltip=f"{v.area_name}'s figure is worked out from "
                      f"its districts' figures, and this one cannot be: {not_derived[i]}.")
        for i, s in enumerate(v.sources))))
    return EntryGrid(v, tuple(v.periods), tuple(v.labels), tuple(rows))
