"""Performance indicators: units, polarity, cumulative figures, change in words, targets and RAG (DESIGN §2.4).

Pure Python. Percentages and rates are ratios: a figure carries its numerator and
denominator when they are known, and a cumulative (or year-to-date) rate is the
sum of numerators over the sum of denominators, never the mean of monthly rates.
Change is always this year minus last year, everywhere.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterable, Sequence

UNITS = ("count", "percentage", "rate")
POLARITIES = ("lower", "higher", "monitor")
FREQUENCIES = ("monthly", "quarterly", "annual")
TARGET_KINDS = ("annual", "trajectory", "threshold")
# A target is set, stated as "Tbc" (seed 004's later years), or withdrawn (seed 001's confidence target).
TARGET_STATUSES = ("set", "tbc", "withdrawn")
# What an indicator measures: performance against a target; an activity count (MARAC 174 cases: measured,
# no target); or a milestone whose target is a date ("a Strategic Assessment by August 2012").
MEASURES = ("performance", "activity", "milestone")
# What one period's figure covers: that period alone (summed into the year), the twelve months to the
# period (a rolling figure: arson "12 months ending Dec 2008 = 459"), or the state at that date (a survey,
# a cohort "currently 137"). Rolling and snapshot figures are never added up: the latest one stands.
FIGURE_BASES = ("period", "rolling12", "snapshot")
# Amber within a tolerance taken as a share of the target ("relative") or in the figure's own unit
# ("points": percentage points for a percentage, per N for a rate).
TOLERANCE_KINDS = ("relative", "points")
RATE_PERS = (1000, 10000, 100000)
BENCHMARK_KINDS = ("regional", "national", "comparator")

UNIT_LABELS = {"count": "Count", "percentage": "Percentage", "rate": "Rate per population"}
MEASURE_LABELS = {"performance": "Performance against a target", "activity": "Activity count (no target)",
                  "milestone": "Milestone (a date as target)"}
FIGURE_BASIS_LABELS = {"period": "Figures for each period", "rolling12": "Rolling 12 months to each period",
                       "snapshot": "Figure at each date"}
BENCHMARK_LABELS = {"regional": "Regional", "national": "National", "comparator": "Comparator"}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
POLARITY_LABELS = {"lower": "Lower is better", "higher": "Higher is better", "monitor": "Monitor only"}
FREQUENCY_LABELS = {"monthly": "Monthly", "quarterly": "Quarterly", "annual": "Annual"}


class IndicatorError(ValueError):
    """Bad indicator data; the message names the field."""


# The fewest people an area of each kind holds in England and Wales: the Isles of Scilly (about 2,100) is the smallest
# district, so the smallest partnership; the City of London (about 8,600) the smallest county. A figure below is one
# typed in thousands (104 for Babergh's 104,000), and rates per 1,000 over it come out a thousand times too large.
FEWEST_PEOPLE = {"district": (2_000, "the smallest, the Isles of Scilly, has about 2,100"),
                 "partnership": (2_000, "it holds a district at least; the smallest, the Isles of Scilly, has about "
                                        "2,100"),
                 "county": (8_000, "the smallest, the City of London, has about 8,600")}


# The most people an area of each kind holds in England and Wales (session 76: 5,000,000,000 was recorded for Ipswich,
# and every rate over it came out as 0): Birmingham (about 1.16 million) is the largest district; a partnership or a
# county lead's area is at most a police force's, the Metropolitan Police's Greater London (about 8.9 million); any
# area at most England and Wales together (about 61 million). A figure above has a digit or more too many.
MOST_PEOPLE = {"district": (1_300_000, "the largest, Birmingham, has about 1.16 million"),
               "partnership": (10_000_000, "the largest area a partnership can cover, Greater London, has about "
                                           "8.9 million"),
               "county": (10_000_000, "the largest, Greater London, has about 8.9 million")}
MOST_PEOPLE_ANYWHERE = (65_000_000, "England and Wales together have about 61 million")


def population_too_large(population: int, kind: str) -> str:
    """Why a population is refused as more than any area of its kind holds (a digit too many), saying so; "" when
    it is not."""
    most, largest = MOST_PEOPLE.get(kind, MOST_PEOPLE_ANYWHERE)
    if population <= most:
        return ""
    where = f"any {kind} in England and Wales holds" if kind in MOST_PEOPLE else "any area in England and Wales holds"
    return (f"A population of {population:,} is more than {where} ({largest}): check the figure for a digit too "
            "many.")


def population_too_small(population: int, kind: str) -> str:
    """Why a population is refused as too small for a kind of area (it looks like thousands), saying what to type;
    "" when it is not."""
    fewest = FEWEST_PEOPLE.get(kind)
    if fewest is None or population >= fewest[0]:
        return ""
    least, smallest = fewest
    return (f"A population of {population:,} looks like thousands: no {kind} in England and Wales has fewer than "
            f"about {least:,} people ({smallest}). For {population:,} thousand, type {population * 1000:,}.")


@dataclass(frozen=True)
class Figure:
    """One period's figure: a count, or a ratio (numerator over denominator) shown as a percentage or rate."""

    value: float | None
    numerator: float | None = None
    denominator: float | None = None

    @property
    def is_ratio(self) -> bool:
        return self.numerator is not None and self.denominator is not None


def rate_label(rate_per: int | None) -> str:
    """"per 1,000", "per 100,000"."""
    return f"per {rate_per or 1000:,}"


def default_tolerance_kind(unit: str) -> str:
    """Points for a percentage (17% against 18% is one point short), a share of the target otherwise."""
    return "points" if unit == "percentage" else "relative"


def tolerance_text(value: float, kind: str, unit: str, rate_per: int | None = None) -> str:
    """"5% of target", "1 percentage point", "10 per 100,000"."""
    v = format_number(value, _places(value, None))
    if kind == "relative":
        return f"{v}% of target"
    if unit == "percentage":
        return f"{v} percentage point" + ("" if value == 1 else "s")
    if unit == "rate":
        return f"{v} {rate_label(rate_per)}"
    return f"{v} in the figure's unit"


def ratio_scale(unit: str, rate_per: int | None = None) -> int:
    """What a numerator/denominator ratio is multiplied by: 100 for a percentage, N for a rate per N."""
    if unit == "percentage":
        return 100
    if unit == "rate":
        return rate_per or 1000
    return 1


def figure_value(numerator: float, denominator: float, unit: str, rate_per: int | None = None) -> float | None:
    """The shown value of a ratio (None when the denominator is zero)."""
    if not denominator:
        return None
    # Exact arithmetic, one rounding: 280/1000 is 28.0%, not 28.000000000000004%.
    return float(Fraction(numerator) * ratio_scale(unit, rate_per) / Fraction(denominator))


def periods_value(numerators: float, denominators: float, periods: int, unit: str,
                  rate_per: int | None = None) -> float | None:
    """The value of several periods' numerators and denominators added up: their ratio, except for a rate per
    population, whose population is a stock counted once (the periods' mean), not once a period."""
    if unit == "rate":
        return figure_value(numerators * periods, denominators, unit, rate_per)  # exactly: one rounding
    return figure_value(numerators, denominators, unit, rate_per)


def combine(figures: Iterable[Figure | None], unit: str, rate_per: int | None = None) -> Figure | None:
    """The figure of several periods together: a sum of counts, a ratio of sums for percentages, and for a rate
    per population the periods' count over the population.

    A population is a stock, not a flow: 52 crimes in April and 26 in May among 104,000 people are 0.75 per
    1,000 by May's end, not 78 over 208,000. So a rate's periods add up as a count's do, per head: the sum of
    the counts over the population (its mean, where the periods were given different populations), or the sum
    of the rates where they were typed as figures.

    A percentage entered without numerator and denominator can only be averaged: when any period of the set
    lacks them (the paper-style "17%" figures of seed 001), the set's figure is the mean of its periods'
    figures, those typed as numerator and denominator included (the papers never mix the two).
    """
    items = [f for f in figures if f is not None and (f.value is not None or f.is_ratio)]
    if not items:
        return None
    if unit == "count":
        return Figure(sum(f.value for f in items if f.value is not None))
    if all(f.is_ratio for f in items):
        num, den, n = sum(f.numerator for f in items), sum(f.denominator for f in items), len(items)
        return Figure(periods_value(num, den, n, unit, rate_per), num, den / n if unit == "rate" else den)
    values = [f.value for f in items if f.value is not None]
    if not values:
        return None
    return Figure(sum(values) if unit == "rate" else sum(values) / len(values))  # rates over one population add


def cumulative(figures: Sequence[Figure | None], unit: str, rate_per: int | None = None) -> list[float | None]:
    """Running year-to-date values (None after the last period with a figure, and before the first)."""
    out: list[float | None] = []
    seen: list[Figure] = []
    last_with_data = max((i for i, f in enumerate(figures) if f is not None and f.value is not None), default=-1)
    for i, f in enumerate(figures):
        if f is not None and f.value is not None:
            seen.append(f)
        if i > last_with_data or not seen:
            out.append(None)
        else:
            c = combine(seen, unit, rate_per)
            out.append(None if c is None else c.value)
    return out


# -- rounding and formatting -------------------------------------------------------------------
def round_half_up(value: float | Fraction | Decimal, places: int = 0) -> Decimal:
    """Round the way a board paper does (0.5 goes up), exactly, from the value's decimal text."""
    d = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(str(value))
    return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_number(value: float | None, places: int = 0) -> str:
    """12,586 / 93 / 14.4 (thousands separated, half-up)."""
    if value is None:
        return ""
    d = round_half_up(value, places)
    return f"{d:,.{places}f}"


def _places(value: float, places: int | None, most: int = 2, computed: int = 1) -> int:
    """The decimals a figure needs: none for 17.0, two for a typed 88.75, one for a computed 88.888…"""
    if places is not None:
        return places
    if round_half_up(value, most) != Decimal(str(value)):
        most = computed  # a computed ratio: one decimal, as the papers print them (a rate: _rate_places)
    for p in range(most + 1):
        if round_half_up(value, p) == round_half_up(value, most):
            break
    else:
        p = most
    # A figure that is not zero is never shown as one: 3 homicides among 104,000 are 0.03 per 1,000, not "0"
    return non_zero_places(value, p)


def non_zero_places(value: float | Fraction | Decimal, places: int, most: int = 9) -> int:
    """``places``, or as many more (up to ``most``) as keep a value that is not zero from rounding to zero: a
    change of 0.0385 per 1,000 is shown as 0.04, never as the 0.0 that reads as no change."""
    while places < most and value and not round_half_up(value, places):
        places += 1
    return places


def _rate_places(value: float, places: int | None) -> int:
    """The decimals a rate needs: those it has up to two, so a typed or exact 0.98 per 1,000 reads "0.98" and never
    the "1" one place gives; a computed one under 10 two (0.944 is "0.94", not "0.9", a twentieth out), one from 10
    up (12.3 per 1,000), as the papers print them."""
    return _places(value, places, 2, 2 if abs(value) < 10 else 1)


def format_value(value: float | None, unit: str, places: int | None = None, rate_per: int | None = None) -> str:
    """A figure as the papers show it: 12,586; 93%; 88.75%; 1,610 per 100,000; 4.2 per 1,000."""
    if value is None:
        return ""
    if unit == "percentage":
        return f"{format_number(value, _places(value, places))}%"
    if unit == "rate":
        return f"{format_number(value, _rate_places(value, places))} {rate_label(rate_per)}"
    p = places if places is not None else (0 if float(value).is_integer() else 1)
    return format_number(value, p)


def natural_places(value: float, unit: str) -> int:
    """The places a figure of the unit reads with on its own (12,586; 88.75%; 4.2 per 1,000)."""
    if unit == "percentage":
        return _places(value, None)
    if unit == "rate":
        return _rate_places(value, None)
    return 0 if float(value).is_integer() else 1


def typed_places(value: float, unit: str) -> int | None:
    """The places of a rate a person typed (a baseline, a benchmark): those it was typed with, up to four, so a
    national 0.95 per 1,000 never reads "1" beside an area's 0.75 (a rate's usual one place); a figure with more
    (worked out, not typed) its usual one. None for other units: their usual places already show what is typed
    (88.75%; 12)."""
    if unit != "rate":
        return None
    return _places(value, None, 4)


def places_compared(values: Iterable[float | None], unit: str) -> int | None:
    """The places rates compared on one screen (this year's and last year's, the cells either side of a change)
    are all shown with, where their usual one place would contradict the change between them: 78 crimes to date
    among 104,000 people (0.75 per 1,000) against 85 (0.817) read "0.8" and "0.8" beside a reduction of 0.07, so
    both read with two places ("0.75", "0.82"). None where the usual places already agree (12.3 per 1,000
    against 11.8), and for other units.

    Figures that differ then never read the same, and the change between them reads with their places without
    reading as none (nine places at most: worse_by compares no finer).
    """
    if unit != "rate":
        return None
    figures = [v for v in values if v is not None]
    usual = [natural_places(v, unit) for v in figures]

    def reads_consistently(places: Sequence[int]) -> bool:
        for i, a in enumerate(figures):
            for j in range(i + 1, len(figures)):
                b, p = figures[j], max(places[i], places[j])
                d = round_half_up(Fraction(str(a)) - Fraction(str(b)), 9)  # nine places absorb float noise
                if d and (round_half_up(a, places[i]) == round_half_up(b, places[j]) or not round_half_up(d, p)):
                    return False
        return True

    if reads_consistently(usual):
        return None
    return next((p for p in range(max(usual) + 1, 10) if reads_consistently([p] * len(figures))), 9)


def column_places(values: Iterable[float | None], unit: str) -> int | None:
    """The places a rate's or percentage's figures read with side by side (a grid's row of periods, this year's
    above last year's): the most any of them reads with on its own (natural_places: those it is held with; a rate
    worked out two at most under 10, a percentage worked out one), so 0.5 beside 0.48 per 1,000 reads "0.50", and
    86% beside 85.5% "86.0%", never a rougher-looking "0.5" or "86". None for counts, and for none."""
    if unit not in ("rate", "percentage"):
        return None
    return max((natural_places(v, unit) for v in values if v is not None), default=None)


def format_compared(values: Sequence[float | None], unit: str, rate_per: int | None = None,
                    at_least: int | None = None) -> list[str]:
    """Figures shown side by side (this year's and last year's to date, a period's and the same period last
    year's) as they read beside the change between them: "0.75 per 1,000" and "0.82 per 1,000" where one place
    would give "0.8" twice (places_compared); otherwise each as format_value shows it. ``at_least``: the places
    of the row or column they stand in (column_places)."""
    places = places_compared(values, unit)
    if at_least is not None:
        places = max(places or 0, at_least)
    return [format_value(v, unit, places, rate_per) for v in values]


def places_against_target(value: float, target: float, unit: str, polarity: str, tolerance: float,
                          tolerance_kind: str = "relative", compared: Iterable[float | None] = (),
                          at_least: int | None = None, target_at_least: int | None = None) -> tuple[int, int]:
    """The places to show a figure and the target it is judged against with: each unit's usual places, or more
    where those would read as another status (0.845 per 1,000, red against 0.8, read "0.8"), or where the figure
    would read as the one it is compared with beside a change (places_compared: last year's to date).

    The figure and target as shown, judged by rag_status, get the status the figures themselves get (nine
    places at most: worse_by compares no finer). ``at_least``: the places of the row the figure stands in
    (column_places: "0.50" beside "0.48"); ``target_at_least`` those of the target's row ("5.00" beside "6.67").
    """
    status = rag_status(value, target, polarity, tolerance, tolerance_kind)
    pv, pt = max(natural_places(value, unit), at_least or 0), max(natural_places(target, unit), target_at_least or 0)
    pc = places_compared([value, *compared], unit) or 0

    def reads_as_judged(v_places: int, t_places: int) -> bool:
        shown = float(round_half_up(value, v_places)), float(round_half_up(target, t_places))
        return rag_status(*shown, polarity, tolerance, tolerance_kind) is status

    if reads_as_judged(pv, pt):
        return places_adding_up(value, target, max(pv, pc), pt)[:2]
    most = next((p for p in range(max(pv, pt) + 1, 10) if reads_as_judged(p, p)), 9)
    # Each with as few places as give the same number (0.80 is the target 0.8).
    pv = max(pc, next(q for q in range(pv, most + 1) if round_half_up(value, q) == round_half_up(value, most)))
    pt = next(q for q in range(pt, most + 1) if round_half_up(target, q) == round_half_up(target, most))
    return places_adding_up(value, target, pv, pt)[:2]


def places_adding_up(value: float, target: float, value_places: int, target_places: int) -> tuple[int, int, int]:
    """The places a figure, its target and the gap between them (figure minus target) read with, so that the three
    add up as read: the gap with the places of the figure or the target, whichever has more (1 per 1,000 against
    3 is a gap of "−2", not "−2.0", which says the figure is not 1), and the figure or the
    target, or both, with as many more as the gap then takes where their own places would not add up (0.94 against
    2.46 per 1,000 is a gap of −1.52, never "0.9" and "2.5" beside "−1.5": "0.94", "2.46", "−1.52"). Nine at most."""
    gap = Fraction(str(value)) - Fraction(str(target))
    # a gap that is not none never reads as none: 0.845 against 0.8 is "+0.05", so they read "0.85" and "0.8"
    for places in range(non_zero_places(gap, max(value_places, target_places)), 10):
        shown_gap = round_half_up(gap, places)
        for figure, aim in dict.fromkeys(((value_places, target_places), (places, target_places),
                                          (value_places, places), (places, places))):
            if round_half_up(value, figure) - round_half_up(target, aim) == shown_gap:
                return figure, aim, places
    return 9, 9, 9


def format_against_target(value: float, target: float, unit: str, polarity: str, tolerance: float,
                          tolerance_kind: str = "relative", rate_per: int | None = None,
                          compared: Iterable[float | None] = (), at_least: int | None = None,
                          target_at_least: int | None = None) -> tuple[str, str]:
    """A figure and its target as shown side by side: 0.845 per 1,000, red against 0.8, is "0.85", never the
    target's own "0.8"; a computed 28.02%, amber against 28%, is "28.02%" (places_against_target)."""
    pv, pt = places_against_target(value, target, unit, polarity, tolerance, tolerance_kind, compared, at_least,
                                   target_at_least)
    return format_value(value, unit, pv, rate_per), format_value(target, unit, pt, rate_per)


# -- change this year against last ------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """This year minus last year (always that way round) and the percentage of last year."""

    this_year: float
    last_year: float
    unit: str
    polarity: str
    rate_per: int | None = None
    # The places of the row or column the two figures read in (column_places): a change in points between "75.0%"
    # and "74.0%" is "1.0", never the "1" that reads rougher than the figures beside it
    places: int | None = None

    @property
    def difference(self) -> float:
        return self.this_year - self.last_year

    @property
    def _settled(self) -> float:
        """The difference to nine decimals, which absorb float noise (17.1 - 16.9 is 0.20000000000000284, and
        0.3 - (0.1 + 0.2) is no change at all)."""
        return float(round_half_up(self.difference, 9))

    @property
    def percent(self) -> Fraction | None:
        """Change as a percentage of last year (None when last year was zero)."""
        if not self.last_year:
            return None
        return Fraction(str(self.this_year)) * 100 / Fraction(str(self.last_year)) - 100

    def _percent_rounded(self) -> Decimal | None:
        p = self.percent
        if p is None:
            return None
        shown = round_half_up(p, non_zero_places(p, 1))
        return shown if shown else round_half_up(0, 1)  # float noise (below nine places) is no change: 0.0

    @property
    def percent_text(self) -> str:
        """"5.3%" (half up; a small change with the places that keep it from reading as 0.0%)."""
        p = self._percent_rounded()
        return "" if p is None else f"{abs(p)}%"

    def shown_percent(self) -> Decimal | None:
        """The Change % as the window, the sentence and the board report show it, as a number for Copy and
        Export (+5.25% is 5.3, half up; −6.1); None where the cell is blank: a percentage's change is in points,
        and nothing is a percentage of a year of zero."""
        return self._percent_rounded() if self.shows_percent else None

    @property
    def shows_percent(self) -> bool:
        """Counts and rates say their change as a percentage too; a percentage's change is in points."""
        return self.unit in ("count", "rate") and self.percent is not None

    @property
    def direction(self) -> str:
        """increase, reduction or none (by the figures, whatever the polarity)."""
        d = self._settled
        return "increase" if d > 0 else "reduction" if d < 0 else "none"

    @property
    def judgement(self) -> str:
        """better, worse, or '' (monitor only or no change), following the polarity."""
        d = self._settled
        if self.polarity == "monitor" or d == 0:
            return ""
        good = d < 0 if self.polarity == "lower" else d > 0
        return "better" if good else "worse"

    def amount_text(self) -> str:
        """The size of the change in the figure's unit ("162" for a rate: the unit is said with the figure), with
        the unit's usual places, or as many more as keep a real change from reading as none (0.0385 per 1,000 is
        "0.04", never "0.0"; 0.0328 percentage points "0.03", never "0")."""
        read = self._read_difference()
        d = abs(self._settled)
        shown = format_number(d, self._amount_places(d)) if read is None else f"{abs(read):,}"
        if self.unit == "percentage":
            return f"{shown} percentage point{'' if shown == '1' else 's'}"
        return shown

    def _amount_places(self, d: float) -> int:
        """The places the change is shown with: the unit's usual ones, or as many more as keep it from reading 0;
        for a rate, at least those of the two figures as they read side by side (format_compared): 0.75 per 1,000
        against 0.82 is a reduction of 0.07, never the 0.1 that reads against "0.8" and "0.8"; for a rate or a
        percentage, at least ``places`` (the row's)."""
        usual = _places(d, None) if self.unit == "percentage" else 0 if float(d).is_integer() else 1
        if self.places is not None and self.unit in ("rate", "percentage"):
            usual = max(usual, self.places)
        if self.unit == "rate":
            figures = (self.this_year, self.last_year)
            shown = places_compared(figures, self.unit)
            figure_places = [natural_places(f, self.unit) for f in figures] if shown is None else [shown]
            usual = max(usual, *figure_places)
        return non_zero_places(d, usual)

    def _read_difference(self) -> Decimal | None:
        """A rate's or percentage's change as the difference of its two figures as they read side by side with
        ``places`` (the row's, or more where they would read alike: places_compared), so the three add up as read:
        2,666 of 3,000 against 2,251 of 3,000 read "88.9%" and "75.0%", a change of 13.9 points (the unrounded
        13.83 would read "13.8" beside them). None where no places are given, for counts (whole figures add up as
        they are), and where the figures read alike though they differ (the change then keeps the places that keep
        it from reading as none)."""
        if self.places is None or self.unit not in ("rate", "percentage"):
            return None
        places = max(self.places, places_compared((self.this_year, self.last_year), self.unit) or 0)
        this, last = round_half_up(self.this_year, places), round_half_up(self.last_year, places)
        return None if this == last else this - last

    def shown_difference(self) -> Decimal:
        """The change as the window shows it, as a number for Copy and Export (+0.04 where the difference is
        0.0384…; −74; 0.2 points; 13.9 points between "88.9%" and "75.0%": _read_difference), so Excel gets the
        figure the officer saw."""
        if (read := self._read_difference()) is not None:
            return read
        d = self._settled
        return round_half_up(d, self._amount_places(abs(d)))

    def words(self, period: str = "the same period last year", preposition: str = "on") -> str:
        """"an increase of 367 (5.4%) on the same period last year"; rates: "an increase of 162 (11.2%)"."""
        if self.direction == "none":
            return f"no change {preposition} {period}"
        article = "an increase" if self.direction == "increase" else "a reduction"
        pct = f" ({self.percent_text})" if self.shows_percent else ""
        return f"{article} of {self.amount_text()}{pct} {preposition} {period}"

    def signed_text(self) -> str:
        """"+570" / "−74" for tables (the minus is a real minus sign)."""
        d = self._settled
        body = self.amount_text().replace(" percentage points", " pts").replace(" percentage point", " pt")
        return "0" if d == 0 else ("+" if d > 0 else "\u2212") + body

    def signed_percent(self) -> str:
        """"+5.4%" / "−6.1%" for tables; blank where the change is in points (shown_percent)."""
        p = self.shown_percent()
        if p is None:
            return ""
        if p == 0:
            return "0.0%"
        return ("+" if p > 0 else "\u2212") + self.percent_text

    def sentence(self, period: str = "the same period last year", preposition: str = "on") -> str:
        """The words and what they mean for this indicator ("…, which is worse: lower is better")."""
        text = self.words(period, preposition)
        j = self.judgement
        if j:
            text += f" ({j}: {POLARITY_LABELS[self.polarity].lower()})"
        return text


# -- targets ----------------------------------------------------------------------------------
def even_trajectory(annual: float, periods: int = 12) -> list[float]:
    """A cumulative trajectory reaching the annual target in equal steps."""
    if periods <= 0:
        raise IndicatorError("A trajectory needs at least one period.")
    return [annual * (i + 1) / periods for i in range(periods)]


def seasonal_trajectory(annual: float, last_year: Sequence[float | None]) -> list[float]:
    """A cumulative trajectory following last year's seasonal profile (its share of each period)."""
    if not last_year or any(v is None for v in last_year):
        raise IndicatorError("A seasonal trajectory needs a figure for every period of last year.")
    total = sum(last_year)
    if total <= 0:
        raise IndicatorError("Last year's figures add up to nothing, so they have no seasonal profile.")
    out, running = [], 0.0
    for v in last_year:
        running += v
        out.append(annual * running / total)
    out[-1] = float(annual)
    return out


class Rag(enum.Enum):
    """A period's status: red, amber or green against a target, or one of the states that are not a judgement.

    Every state has its own word ("No target" is not "No figure yet" is not "Target withdrawn") and a
    symbol, so nothing is said by colour alone; key is the colour.
    """

    RED = ("red", "Red", "\u25b2")  # symbol + word: never by colour alone
    AMBER = ("amber", "Amber", "\u25c6")
    GREEN = ("green", "Green", "\u25cf")
    # A count added up to date with periods missing before the latest: the total is short by those periods, so
    # comparing it with the target would flatter a lower-is-better indicator (never judged, the periods named).
    INCOMPLETE = ("grey", "Figures missing", "\u25cb")
    NO_FIGURE = ("grey", "No figure yet", "\u25cb")  # a target, but no figure for the period yet
    NOT_DUE = ("grey", "Not yet due", "\u25cb")  # a milestone whose date has not come
    TBC = ("grey", "Target to be confirmed", "\u25cb")  # the paper's "Tbc"
    WITHDRAWN = ("grey", "Target withdrawn", "\u25cb")
    MONITOR = ("grey", "Monitor only", "\u25cb")  # "FOR MONITORING ONLY"
    GREY = ("grey", "No target", "\u25cb")  # also activity counts: measured, no target

    @property
    def key(self) -> str:
        return self.value[0]

    @property
    def word(self) -> str:
        return self.value[1]

    @property
    def symbol(self) -> str:
        return self.value[2]

    @property
    def label(self) -> str:
        return f"{self.symbol} {self.word}"

    def word_for(self, year_over: bool) -> str:
        """The word said of a year: one that is over has no figure still to come, so "No figure yet" is "No figure
        recorded" (YearView.year_over: by the day it is looked at); every other word as it is."""
        return "No figure recorded" if year_over and self is Rag.NO_FIGURE else self.word

    def label_for(self, year_over: bool) -> str:
        """``label`` with ``word_for``: "○ No figure recorded" for a year over, "○ No figure yet" while it runs."""
        return f"{self.symbol} {self.word_for(year_over)}"

    @property
    def judged(self) -> bool:
        """Red, amber or green: a figure compared with a target."""
        return self.key != "grey"

    @property
    def sort_key(self) -> int:
        """Red first, then amber, green, and the states without a judgement ("No target" last)."""
        return list(Rag).index(self)

    @classmethod
    def parse(cls, text: str) -> "Rag":
        """A stated RAG: "G", "Green", "A", "amber", "R" (as the papers print an estimated RAG)."""
        t = (text or "").strip().lower()
        for rag in (cls.RED, cls.AMBER, cls.GREEN):
            if t in (rag.key, rag.key[0]):
                return rag
        raise IndicatorError(f"A RAG rating is R, A or G (red, amber or green), not “{text}”.")


NO_FIGURE_STATES = (Rag.NO_FIGURE, Rag.TBC, Rag.WITHDRAWN, Rag.MONITOR, Rag.GREY, Rag.NOT_DUE, Rag.INCOMPLETE)


def worse_by(actual: float, target: float, polarity: str, tolerance_kind: str = "relative") -> Fraction | None:
    """How far actual is worse than target: a percentage of target, or points in the figure's unit.

    Negative when better; None when there is nothing to compare (monitor only, or a relative gap to zero).
    """
    if polarity == "monitor":
        return None
    # Nine decimals are far finer than any figure a board sees, and absorb float noise.
    a, t = Fraction(str(round(actual, 9))), Fraction(str(round(target, 9)))
    gap = (a - t) if polarity == "lower" else (t - a)
    if tolerance_kind == "points":
        return gap
    if t == 0:
        return None
    return gap * 100 / abs(t)


def worse_by_percent(actual: float, target: float, polarity: str) -> Fraction | None:
    """How far actual is worse than target, as a percentage of target (negative: better)."""
    return worse_by(actual, target, polarity, "relative")


def rag_status(actual: float | None, target: float | None, polarity: str, tolerance: float,
               tolerance_kind: str = "relative") -> Rag:
    """Green when at or better than target, amber when worse by up to the tolerance, red beyond it.

    The tolerance is a percentage of the target ("relative") or in points of the figure's unit: with a
    tolerance of one point, NI 30 at 17% against a target of 18% is amber (5.6% short relatively: red).
    A target of zero ("no domestic homicides") is judged too: a miss cannot be a percentage of zero, so with a
    relative tolerance anything worse than zero is red.
    """
    if polarity == "monitor":
        return Rag.MONITOR
    if target is None:
        return Rag.GREY
    if actual is None:
        return Rag.NO_FIGURE
    worse = worse_by(actual, target, polarity, tolerance_kind)
    if worse is None:  # relative to a target of zero: better or equal is green, any miss is beyond the tolerance
        gap = worse_by(actual, target, polarity, "points")
        return Rag.GREEN if gap is not None and gap <= 0 else Rag.RED
    if worse <= 0:
        return Rag.GREEN
    # The edge is inside the band ("within 5%"), to six places: a target to date spread from an annual figure is
    # held as a float (1,000 a year is 333.3333333333333 by July), and 350 by July, exactly 5% worse, read red.
    if Fraction(round_half_up(worse, 6)) <= Fraction(str(tolerance)):
        return Rag.AMBER
    return Rag.RED


@dataclass(frozen=True)
class EstimatedRag:
    """A RAG stated before the figure is known (seed 004's "2011/12 Est. RAG G"), with what it rests on."""

    rag: Rag
    basis: str

    def __post_init__(self) -> None:
        if not self.rag.judged:
            raise IndicatorError("An estimated RAG is red, amber or green.")
        if not (self.basis or "").strip():
            raise IndicatorError("An estimated RAG needs its basis: what the estimate rests on.")

    @property
    def label(self) -> str:
        return f"Est. {self.rag.label}"


# -- milestones -------------------------------------------------------------------------------
def parse_due(text: str) -> str:
    """A milestone's date as stored: "2012-08" (a month: "by August 2012") or "2012-08-31" (a day)."""
    s = (text or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", s)
    try:
        if m:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
            return day.isoformat() if m.group(3) else day.isoformat()[:7]
        m = re.fullmatch(r"(?:by\s+)?([A-Za-z]+)\s+(\d{4})", s, re.I)
        if m:
            names = [n.lower() for n in MONTH_NAMES]
            # A month's name or its usual short form ("Aug", "Sept"), never any word that starts like one ("Junk
            # 2012" was June 2012, "Mayday 2012" May).
            short = {**{n[:3]: i for i, n in enumerate(names)}, "sept": 8}
            word = m.group(1).lower()
            month = (names.index(word) if word in names else short[word]) + 1
            return f"{int(m.group(2)):04d}-{month:02d}"
    except (ValueError, KeyError):
        pass
    raise IndicatorError(f"“{s}” is not a date for a milestone (write it like August 2012 or 2012-08-31).")


def due_text(due: str) -> str:
    """"August 2012" for a month, "31/08/2012" for a day."""
    if len(due) == 7:
        return f"{MONTH_NAMES[int(due[5:7]) - 1]} {due[:4]}"
    d = date.fromisoformat(due)
    return d.strftime("%d/%m/%Y")


def _last_day(due: str) -> date:
    if len(due) == 7:
        y, m = int(due[:4]), int(due[5:7])
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date.fromisoformat(due)


def milestone_status(due: str, achieved_on: str | None, today: date) -> Rag:
    """Green when achieved by its date, amber when achieved late, red when overdue, else not yet due."""
    deadline = _last_day(due)
    if achieved_on:
        done = _last_day(achieved_on) if len(achieved_on) == 7 else date.fromisoformat(achieved_on)
        return Rag.GREEN if done <= deadline else Rag.AMBER
    return Rag.RED if today > deadline else Rag.NOT_DUE


# -- periods ----------------------------------------------------------------------------------
def period_kind(period: str) -> str:
    """monthly ("2016-04"), quarterly ("2016-Q1", financial year starting 2016) or annual ("2016/17")."""
    if len(period) == 7 and period[4] == "-" and period[5:].isdigit():
        return "monthly"
    if "-Q" in period:
        return "quarterly"
    if "/" in period:
        return "annual"
    raise IndicatorError(f"“{period}” is not a stored period.")


# -- figures of several areas -----------------------------------------------------------------
def sum_of_areas(parts: Sequence[Figure], unit: str, rate_per: int | None = None) -> Figure | None:
    """A partnership's or county's figure from its districts': a sum for counts, a ratio of sums otherwise.

    A percentage or rate can only be derived from numerators and denominators (for a rate, the count
    and the population): the mean of the districts' percentages would weigh a small district like a big
    one, so without them there is no derived figure (None).
    """
    if not parts or any(p is None for p in parts):
        return None
    if unit == "count":
        if any(p.value is None for p in parts):
            return None
        return Figure(sum(p.value for p in parts))
    if not all(p.is_ratio for p in parts):
        return None
    num = sum(p.numerator for p in parts)
    den = sum(p.denominator for p in parts)
    return Figure(figure_value(num, den, unit, rate_per), num, den)


def latest_to_date(figures: Sequence[Figure | None]) -> list[float | None]:
    """For rolling or snapshot figures: the latest figure standing at each period (None before the first
    and after the last), which is what "year to date" means when figures are not added up."""
    out: list[float | None] = []
    last_with_data = max((i for i, f in enumerate(figures) if f is not None and f.value is not None), default=-1)
    current = None
    for i, f in enumerate(figures):
        if f is not None and f.value is not None:
            current = f.value
        out.append(current if i <= last_with_data else None)
    return out


# -- where a figure came from -----------------------------------------------------------------
SOURCE_KINDS = ("typed", "file", "police", "merged", "paper", "derived", "other")
TYPED_SOURCES = ("typed", "entered", "")  # "entered" is what files written before 2026-11 hold


@dataclass(frozen=True)
class FigureSource:
    """Where one figure came from, in words: typed, which import file, which merged office, which paper."""

    kind: str
    label: str
    raw: str = ""

    @property
    def typed(self) -> bool:
        return self.kind == "typed"


def describe_source(raw: str | None, merged_from: str | None = None) -> FigureSource:
    """Read a stored indicator_values.source ("typed", "file:figures.xlsx", "police.uk …", "seed 003").

    merged_from names the office whose export brought the figure into a county file.
    """
    text = (raw or "").strip()
    if merged_from:
        inner = describe_source(text)
        return FigureSource("merged", f"Merged from {merged_from} ({inner.label[0].lower()}{inner.label[1:]})", text)
    low = text.lower()
    if low in TYPED_SOURCES:
        return FigureSource("typed", "Typed", text)
    if low.startswith("file:"):
        return FigureSource("file", f"Imported from {text[5:].strip()}", text)
    if low == "imported":
        return FigureSource("file", "Imported from a figures file", text)
    if low.startswith("police.uk"):
        rest = text[len("police.uk"):].strip(" :-/")
        return FigureSource("police", "police.uk import" + (f" ({rest})" if rest else ""), text)
    if low.startswith("seed "):
        return FigureSource("paper", f"Board paper (seed {text[5:].strip()})", text)
    if low.startswith("derived"):
        return FigureSource("derived", text[0].upper() + text[1:], text)
    return FigureSource("other", text, text)
