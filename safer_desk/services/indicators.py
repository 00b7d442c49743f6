"""Indicators: define them, enter figures and targets, and compute what the tab and the board report show.

One function per user action (validate, write in one transaction, return what
changed) plus read functions that return plain data. Qt-free and pandas-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Sequence

from safer_desk.domain import indicators as dom
from safer_desk.domain.ids import new_id, reference_id
from safer_desk.domain.indicators import Change, Figure, IndicatorError, Rag
from safer_desk.domain.periods import FinancialYear, Month, PeriodError, Quarter
from safer_desk.storage.store import Store

AREA_KINDS = ("district", "partnership", "county", "unknown")
UNKNOWN_AREA_ID = reference_id("area", "Unknown area")


class CommentRequired(IndicatorError):
    """A red period was saved without a comment saying why."""


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    kind: str
    ons_code: str | None = None
    population: int | None = None


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
    tolerance_pct: float
    description: str
    sort_order: int

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip() if self.code else self.name


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
            "population = coalesce(excluded.population, indicator_areas.population)",
            (area_id, name, kind, ons_code, population))
    return area_id


def sync_reference_areas(store: Store) -> int:
    """Make every district and partnership of the reference data an area; returns how many were added."""
    with store.transaction():
        before = store.scalar("SELECT count(*) FROM indicator_areas")
        store.conn.execute("INSERT INTO indicator_areas(id, name, kind, ons_code) "
                           "SELECT id, name, 'district', ons_code FROM districts WHERE true "
                           "ON CONFLICT DO NOTHING")
        store.conn.execute("INSERT INTO indicator_areas(id, name, kind) "
                           "SELECT id, name, 'partnership' FROM partnerships WHERE true ON CONFLICT DO NOTHING")
        return store.scalar("SELECT count(*) FROM indicator_areas") - before


def list_areas(store: Store, *, with_values_only: bool = False) -> list[Area]:
    sql = "SELECT * FROM indicator_areas"
    if with_values_only:
        sql += " WHERE id IN (SELECT DISTINCT area_id FROM indicator_values)"
    order = "CASE kind WHEN 'county' THEN 0 WHEN 'partnership' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, name"
    return [Area(r["id"], r["name"], r["kind"], r["ons_code"], r["population"])
            for r in store.rows(f"{sql} ORDER BY {order}")]


def find_area(store: Store, name_or_id: str) -> Area | None:
    text = (name_or_id or "").strip()
    r = store.one("SELECT * FROM indicator_areas WHERE id = ? OR lower(name) = lower(?)", (text, text))
    return None if r is None else Area(r["id"], r["name"], r["kind"], r["ons_code"], r["population"])


def areas_with_values(store: Store, indicator_id: str) -> list[Area]:
    return [Area(r["id"], r["name"], r["kind"], r["ons_code"], r["population"]) for r in store.rows(
        "SELECT a.* FROM indicator_areas a WHERE a.id IN (SELECT DISTINCT area_id FROM indicator_values "
        "WHERE indicator_id = ?) ORDER BY a.name", (indicator_id,))]


def source_names(store: Store, area_id: str) -> list[str]:
    """The district names police files used for this area (2011 names such as Waveney stay visible)."""
    return [r[0] for r in store.rows("SELECT DISTINCT source_district FROM _police_counts WHERE area_id = ? "
                                     "ORDER BY source_district", (area_id,))]


# -- indicators -------------------------------------------------------------------------------
def _indicator(r) -> Indicator:
    return Indicator(r["id"], r["name"], r["code"], r["unit"], r["rate_per"], r["polarity"], r["frequency"],
                     r["source"], r["area_id"], r["tolerance_pct"], r["description"], r["sort_order"])


def save_indicator(store: Store, name: str, *, code: str = "", unit: str = "count", polarity: str = "lower",
                   frequency: str = "monthly", source: str = "", area_id: str | None = None,
                   tolerance_pct: float = 5, rate_per: int | None = None, description: str = "",
                   sort_order: int | None = None) -> str:
    """Add an indicator, or update the one of that name; its id is derived from its name."""
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
        raise IndicatorError(f"The tolerance must be a percentage, not “{tolerance_pct}”.") from None
    if tolerance < 0:
        raise IndicatorError("The tolerance cannot be negative.")
    if unit == "rate" and not rate_per:
        rate_per = 1000
    indicator_id = reference_id("indicator", name)
    with store.transaction():
        if sort_order is None:
            sort_order = store.scalar("SELECT coalesce(max(sort_order), 0) + 1 FROM indicators")
        store.conn.execute(
            "INSERT INTO indicators(id, name, code, unit, rate_per, polarity, frequency, source, area_id, "
            "tolerance_pct, description, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name, code = excluded.code, unit = excluded.unit, "
            "rate_per = excluded.rate_per, polarity = excluded.polarity, frequency = excluded.frequency, "
            "source = excluded.source, area_id = excluded.area_id, tolerance_pct = excluded.tolerance_pct, "
            "description = excluded.description",
            (indicator_id, name, code.strip(), unit, rate_per if unit == "rate" else None, polarity, frequency,
             source.strip(), area_id, tolerance, description, sort_order))
    return indicator_id


def list_indicators(store: Store) -> list[Indicator]:
    return [_indicator(r) for r in store.rows("SELECT * FROM indicators ORDER BY sort_order, name")]


def get_indicator(store: Store, name_or_id: str) -> Indicator:
    text = (name_or_id or "").strip()
    r = store.one("SELECT * FROM indicators WHERE id = ? OR lower(name) = lower(?) "
                  "OR (code <> '' AND lower(code) = lower(?)) ORDER BY id = ? DESC LIMIT 1", (text, text, text, text))
    if r is None:
        raise IndicatorError(f"There is no indicator called “{text}”.")
    return _indicator(r)


def delete_indicator(store: Store, indicator_id: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM indicators WHERE id = ?", (indicator_id,))


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
    """Stored form of a period typed or imported: months, quarters ("2016/17 Q1", "2016-Q1") or years."""
    s = str(text or "").strip()
    if not s:
        raise IndicatorError("The period is blank.")
    for kind, parse in (("monthly", lambda t: Month.parse(t).iso), ("quarterly", lambda t: Quarter.parse(t).key),
                        ("annual", lambda t: FinancialYear.parse(t).label)):
        try:
            stored = parse(s)
        except PeriodError:
            continue
        if frequency and kind != frequency:
            raise IndicatorError(f"“{s}” is a {kind} period but the indicator is {frequency}.")
        return stored
    raise IndicatorError(f"“{s}” is not a month (2016-04), quarter (2016/17 Q1) or financial year (2016/17).")


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
    if (num is None) != (den is None):
        raise IndicatorError(f"{indicator.name}, {where}: give both a numerator and a denominator, or neither.")
    if num is not None:
        if indicator.unit == "count":
            raise IndicatorError(f"{indicator.name}, {where}: a count has no numerator and denominator.")
        if den < 0 or num < 0:
            raise IndicatorError(f"{indicator.name}, {where}: numerator and denominator cannot be negative.")
        if den == 0:
            raise IndicatorError(f"{indicator.name}, {where}: the denominator cannot be 0.")
        if indicator.unit == "percentage" and num > den:
            raise IndicatorError(f"{indicator.name}, {where}: the numerator ({num:g}) is more than the "
                                 f"denominator ({den:g}), which would be over 100%.")
        computed = dom.figure_value(num, den, indicator.unit, indicator.rate_per)
        value = computed
    if value is not None and indicator.unit == "count" and value < 0:
        raise IndicatorError(f"{indicator.name}, {where}: a count cannot be negative.")
    return value, num, den


def save_values(store: Store, indicator_id: str, area_id: str, values: Sequence[PeriodValue], *,
                source: str = "entered", require_red_comments: bool = True) -> list[str]:
    """Save figures and comments for periods of one indicator and area, all or nothing; returns the periods.

    A period whose figure is red against its target must have a comment (DESIGN §2.4).
    """
    indicator = get_indicator(store, indicator_id)
    if indicator.unit == "rate":
        # A rate per 1,000 whose denominator is not given uses the area's population.
        population = store.scalar("SELECT population FROM indicator_areas WHERE id = ?", (area_id,))
        if population:
            values = [replace(pv, denominator=float(population))
                      if pv.numerator is not None and pv.denominator is None else pv for pv in values]
    checked = []
    for pv in values:
        kind = dom.period_kind(pv.period)
        if kind != indicator.frequency:
            raise IndicatorError(f"{indicator.name} is {indicator.frequency}: “{pv.period}” is a {kind} period.")
        checked.append((pv, check_value(indicator, pv)))
    if store.scalar("SELECT 1 FROM indicator_areas WHERE id = ?", (area_id,)) is None:
        raise IndicatorError(f"There is no area with id {area_id}.")
    with store.transaction():
        for pv, (value, num, den) in checked:
            if value is None and num is None and not (pv.comment or "").strip():
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
            years = {year_of_period(pv.period) for pv, _ in checked}
            missing = []
            for year in sorted(years):
                view = year_view(store, indicator, area_id, year)
                missing += [period_label(p) for p, rag, comment in zip(view.periods, view.period_rags,
                                                                        view.comments)
                            if rag is Rag.RED and not comment.strip()
                            and p in {pv.period for pv, _ in checked}]
            if missing:
                raise CommentRequired(
                    f"{indicator.name} is red against its target in {', '.join(missing)}: add a comment saying "
                    "why for each red period. Nothing was saved.")
    return [pv.period for pv, _ in checked]


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
    with store.transaction():
        store.conn.execute(
            "INSERT INTO indicator_values(id, indicator_id, area_id, period, comment, source) "
            "VALUES (?, ?, ?, ?, ?, 'entered') ON CONFLICT(indicator_id, area_id, period) "
            "DO UPDATE SET comment = excluded.comment", (new_id(), indicator_id, area_id, period, comment.strip()))


def value_rows(store: Store, indicator_id: str, area_id: str, periods: Iterable[str]) -> dict[str, dict]:
    """Stored rows of these periods: period -> {value, numerator, denominator, comment, source}."""
    periods = list(periods)
    if not periods:
        return {}
    marks = ",".join("?" * len(periods))
    return {r["period"]: dict(r) for r in store.rows(
        f"SELECT period, value, numerator, denominator, comment, source FROM indicator_values "
        f"WHERE indicator_id = ? AND area_id = ? AND period IN ({marks})", (indicator_id, area_id, *periods))}


def snapshot_values(store: Store, indicator_id: str, area_id: str, periods: Iterable[str]) -> list[PeriodValue]:
    """The stored figures of periods as PeriodValues (blank ones too), for undo."""
    rows = value_rows(store, indicator_id, area_id, periods)
    out = []
    for p in periods:
        r = rows.get(p)
        out.append(PeriodValue(p, None, None, None, "") if r is None else
                   PeriodValue(p, r["value"], r["numerator"], r["denominator"], r["comment"]))
    return out


# -- targets ----------------------------------------------------------------------------------
def set_target(store: Store, indicator_id: str, area_id: str, year: FinancialYear, *, kind: str,
               value: float | None = None, trajectory: Sequence[float] | None = None, profile: str = "entered",
               note: str = "") -> str:
    """Set the year's target: annual (with an even or seasonal trajectory), threshold, or an entered trajectory."""
    indicator = get_indicator(store, indicator_id)
    if kind not in dom.TARGET_KINDS:
        raise IndicatorError(f"A target is annual, trajectory or threshold, not “{kind}”.")
    periods = year_periods(indicator.frequency, year)
    cumulative: list[float] | None = None
    if kind == "trajectory":
        if not trajectory:
            raise IndicatorError(f"{indicator.name}: enter the cumulative target for each period.")
        cumulative = [float(v) for v in trajectory]
        if len(cumulative) > len(periods):
            raise IndicatorError(f"{indicator.name}: a {indicator.frequency} trajectory has at most "
                                 f"{len(periods)} figures, not {len(cumulative)}.")
        if indicator.unit == "count" and any(b < a for a, b in zip(cumulative, cumulative[1:])):
            raise IndicatorError(f"{indicator.name}: a cumulative trajectory cannot go down.")
        value = value if value is not None else cumulative[-1]
        profile = "entered"
    else:
        if value is None:
            raise IndicatorError(f"{indicator.name}: the {kind} target needs a figure.")
        if kind == "annual" and indicator.unit == "count" and len(periods) > 1:
            if profile == "seasonal":
                last = series(store, indicator, area_id, year.previous())
                if any(f is None or f.value is None for f in last):
                    raise IndicatorError(f"{indicator.name}: a seasonal trajectory needs every period of "
                                         f"{year.previous().label} entered.")
                cumulative = dom.seasonal_trajectory(value, [f.value for f in last])
            else:
                profile = "even"
                cumulative = dom.even_trajectory(value, len(periods))
        else:
            profile = "entered" if profile not in ("even", "seasonal") else profile
    target_id = reference_id("target", f"{indicator.id} {area_id} {year.label}")
    with store.transaction():
        store.conn.execute("DELETE FROM indicator_targets WHERE indicator_id = ? AND area_id = ? AND year = ?",
                           (indicator.id, area_id, year.label))
        store.conn.execute(
            "INSERT INTO indicator_targets(id, indicator_id, area_id, year, kind, value, profile, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (target_id, indicator.id, area_id, year.label, kind, value, profile,
                                                note))
        if cumulative:
            store.conn.executemany(
                "INSERT INTO indicator_trajectory(id, target_id, period, cumulative) VALUES (?, ?, ?, ?)",
                [(f"{target_id}:{p}", target_id, p, c) for p, c in zip(periods, cumulative)])
    return target_id


def clear_target(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM indicator_targets WHERE indicator_id = ? AND area_id = ? AND year = ?",
                           (indicator_id, area_id, year.label))


def get_target(store: Store, indicator_id: str, area_id: str, year: FinancialYear) -> Target | None:
    r = store.one("SELECT * FROM indicator_targets WHERE indicator_id = ? AND area_id = ? AND year = ?",
                  (indicator_id, area_id, year.label))
    if r is None:
        return None
    traj = {t["period"]: t["cumulative"] for t in store.rows(
        "SELECT period, cumulative FROM indicator_trajectory WHERE target_id = ?", (r["id"],))}
    return Target(r["id"], r["indicator_id"], r["area_id"], r["year"], r["kind"], r["value"], r["profile"],
                  r["note"], traj)


def target_text(indicator: Indicator, target: Target | None) -> str:
    """"No more than 28%", "At least 90%", "1,256 in the year", "Cumulative trajectory to 640"."""
    if target is None:
        return "No target"
    v = dom.format_value(target.value, indicator.unit)
    if target.kind == "threshold":
        return f"No more than {v}" if indicator.polarity == "lower" else f"At least {v}"
    if target.kind == "trajectory":
        return f"Cumulative trajectory to {v}"
    if indicator.unit == "count":
        extra = {"even": "spread evenly", "seasonal": "in last year's seasonal profile"}.get(target.profile, "")
        return f"{v} in the year" + (f" ({extra})" if extra else "")
    return f"{v} for the year"


# -- what the tab shows -----------------------------------------------------------------------
def series(store: Store, indicator: Indicator, area_id: str, year: FinancialYear) -> list[Figure | None]:
    """The figures of each period of a year (None where there is none)."""
    periods = year_periods(indicator.frequency, year)
    rows = value_rows(store, indicator.id, area_id, periods)
    out: list[Figure | None] = []
    for p in periods:
        r = rows.get(p)
        if r is None or (r["value"] is None and r["numerator"] is None):
            out.append(None)
        else:
            out.append(Figure(r["value"], r["numerator"], r["denominator"]))
    return out


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

    @property
    def values(self) -> list[float | None]:
        return [None if f is None else f.value for f in self.this_year]

    @property
    def values_last(self) -> list[float | None]:
        return [None if f is None else f.value for f in self.last_year]

    @property
    def latest_label(self) -> str:
        return self.labels[self.periods_to_date - 1] if self.periods_to_date else ""

    @property
    def ytd_target(self) -> float | None:
        return self.target_at[self.periods_to_date - 1] if self.periods_to_date else None

    def range_text(self) -> str:
        if not self.periods_to_date:
            return self.year.label
        if self.periods_to_date == 1:
            return self.labels[0]
        return f"{self.labels[0]} to {self.latest_label}"

    def change_sentence(self) -> str:
        if self.change is None:
            return "No figures for the same period last year to compare with."
        return self.change.sentence()

    def headline(self) -> str:
        """One paragraph as a board paper would write it, with the figures computed, not typed."""
        ind = self.indicator
        if self.ytd is None:
            return f"No figures yet for {self.year.label}."
        what = dom.format_value(self.ytd.value, ind.unit)
        text = f"{self.range_text()}: {what}"
        if ind.unit == "count" and self.periods_to_date > 1:
            text = f"{self.range_text()}: {what} in total"
        if self.change is not None:
            text += f", {self.change.words()}"
            if self.change.judgement:
                text += f" ({self.change.judgement})"
        text += "."
        if self.target is not None and self.rag is not Rag.GREY:
            text += f" Against target ({dom.format_value(self.ytd_target, ind.unit)} by {self.latest_label}): " \
                    f"{self.rag.word.lower()}."
        return text


def _target_at(indicator: Indicator, target: Target | None, periods: list[str]) -> list[float | None]:
    if target is None:
        return [None] * len(periods)
    if target.trajectory:
        return [target.trajectory.get(p) for p in periods]
    if indicator.unit == "count" and target.kind == "annual" and target.value is not None:
        return dom.even_trajectory(target.value, len(periods))
    return [target.value] * len(periods)


def year_view(store: Store, indicator: Indicator | str, area_id: str, year: FinancialYear) -> YearView:
    """This year against last, cumulative against target, year to date, change in words and RAG."""
    ind = indicator if isinstance(indicator, Indicator) else get_indicator(store, indicator)
    periods = year_periods(ind.frequency, year)
    last_periods = year_periods(ind.frequency, year.previous())
    rows = value_rows(store, ind.id, area_id, periods + last_periods)

    def fig(p: str) -> Figure | None:
        r = rows.get(p)
        if r is None or (r["value"] is None and r["numerator"] is None):
            return None
        return Figure(r["value"], r["numerator"], r["denominator"])

    this_year = [fig(p) for p in periods]
    last_year = [fig(p) for p in last_periods]
    comments = [(rows.get(p) or {}).get("comment") or "" for p in periods]
    cum = dom.cumulative(this_year, ind.unit, ind.rate_per)
    cum_last = dom.cumulative(last_year, ind.unit, ind.rate_per)
    target = get_target(store, ind.id, area_id, year)
    target_at = _target_at(ind, target, periods)
    rags = [dom.rag_status(c, t, ind.polarity, ind.tolerance_pct) if this_year[i] is not None else Rag.GREY
            for i, (c, t) in enumerate(zip(cum, target_at))]
    with_data = [i for i, f in enumerate(this_year) if f is not None]
    to_date = (with_data[-1] + 1) if with_data else 0
    ytd = dom.combine(this_year[:to_date], ind.unit, ind.rate_per)
    # The same periods last year: only those this year has figures for (Apr–Nov against Apr–Nov).
    same_last = [last_year[i] for i in with_data]
    ytd_last = dom.combine(same_last, ind.unit, ind.rate_per) if all(f is not None for f in same_last) else None
    change = None
    if ytd is not None and ytd_last is not None and ytd.value is not None and ytd_last.value is not None:
        change = Change(ytd.value, ytd_last.value, ind.unit, ind.polarity)
    rag = rags[to_date - 1] if to_date else Rag.GREY
    return YearView(ind, area_id, year, periods, [period_label(p) for p in periods], this_year, last_year,
                    comments, cum, cum_last, target, target_at, rags, ytd, ytd_last, to_date, change, rag)


@dataclass(frozen=True)
class SummaryRow:
    """One line of the summary table (like the paper's)."""

    indicator: Indicator
    area_id: str
    view: YearView

    @property
    def rag(self) -> Rag:
        return self.view.rag


def summary(store: Store, area_id: str, year: FinancialYear, *, only_with_values: bool = True,
            include: Iterable[str] = ()) -> list[SummaryRow]:
    """Every indicator's year-to-date figure, change, target and RAG for an area and year.

    Indicators with nothing for the area and year are left out unless named in include.
    """
    out = []
    include = set(include)
    for ind in list_indicators(store):
        view = year_view(store, ind, area_id, year)
        if only_with_values and ind.id not in include and view.ytd is None and view.target is None \
                and not any(view.last_year):
            continue
        out.append(SummaryRow(ind, area_id, view))
    return out


def rolling_12_months(store: Store, indicator: Indicator, area_id: str) -> list[tuple[str, float | None]]:
    """For a monthly indicator: each month with the figure of the 12 months ending there (ratio of sums).

    Months whose 12-month window has a gap have no figure (None).
    """
    if indicator.frequency != "monthly":
        return []
    rows = store.rows("SELECT period, value, numerator, denominator FROM indicator_values WHERE indicator_id = ? "
                      "AND area_id = ? AND period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' AND "
                      "(value IS NOT NULL OR numerator IS NOT NULL) ORDER BY period", (indicator.id, area_id))
    if not rows:
        return []
    ratio = indicator.unit != "count"
    first, last = Month.parse(rows[0]["period"]), Month.parse(rows[-1]["period"])
    span = last.minus(first) + 1
    # Running sums over the months in order: O(months), not O(months x 12).
    num = [0.0] * span
    den = [0.0] * span
    have = [False] * span
    mixed = False
    for r in rows:
        i = Month.parse(r["period"]).minus(first)
        have[i] = True
        if ratio and r["numerator"] is not None and r["denominator"] is not None:
            num[i], den[i] = r["numerator"], r["denominator"]
        else:
            num[i] = r["value"] or 0.0
            mixed = mixed or ratio
    if mixed:  # percentages typed without numerator/denominator: fall back to combining each window
        figs = {r["period"]: Figure(r["value"], r["numerator"], r["denominator"]) for r in rows}
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
                out.append((m, dom.figure_value(n_sum, d_sum, indicator.unit, indicator.rate_per)))
            else:
                out.append((m, n_sum))
    return out


def area_values(store: Store, indicator: Indicator, area_id: str, year: FinancialYear) -> list[float | None]:
    """The figures of each period of a year for one area (one query; for comparing areas)."""
    return [None if f is None else f.value for f in series(store, indicator, area_id, year)]


def years_with_values(store: Store, indicator_id: str | None = None, area_id: str | None = None
                      ) -> list[FinancialYear]:
    """Financial years that have any figure (or target), newest last (of one indicator or area if given)."""
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
    for (year,) in store.rows(f"SELECT DISTINCT year FROM indicator_targets {where}", params):
        years.add(FinancialYear.parse(year))
    return sorted(years)


def export_rows(store: Store) -> list[tuple[str, str, str, str]]:
    """indicator, area, period, value for every stored figure (the `safer-desk indicators` output).

    Periods: 2016-04 for months, 2016/17-Q1 for quarters (Q1 = April to June), 2016/17 for years.
    """
    out = []
    for r in store.rows(
            "SELECT i.name AS indicator, a.name AS area, v.period, v.value, i.unit FROM indicator_values v "
            "JOIN indicators i ON i.id = v.indicator_id JOIN indicator_areas a ON a.id = v.area_id "
            "WHERE v.value IS NOT NULL ORDER BY i.sort_order, i.name, a.name, v.period"):
        period = r["period"]
        if dom.period_kind(period) == "quarterly":
            q = Quarter.parse(period)
            period = f"{q.year.label}-Q{q.number}"
        value = r["value"]
        text = str(int(value)) if float(value).is_integer() else f"{value:.4f}".rstrip("0").rstrip(".")
        out.append((r["indicator"], r["area"], period, text))
    return out
