"""Performance indicators: units, polarity, cumulative figures, change in words, targets and RAG (DESIGN §2.4).

Pure Python. Percentages and rates are ratios: a figure carries its numerator and
denominator when they are known, and a cumulative (or year-to-date) rate is the
sum of numerators over the sum of denominators, never the mean of monthly rates.
Change is always this year minus last year, everywhere.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterable, Sequence

UNITS = ("count", "percentage", "rate")
POLARITIES = ("lower", "higher", "monitor")
FREQUENCIES = ("monthly", "quarterly", "annual")
TARGET_KINDS = ("annual", "trajectory", "threshold")

UNIT_LABELS = {"count": "Count", "percentage": "Percentage", "rate": "Rate per 1,000"}
POLARITY_LABELS = {"lower": "Lower is better", "higher": "Higher is better", "monitor": "Monitor only"}
FREQUENCY_LABELS = {"monthly": "Monthly", "quarterly": "Quarterly", "annual": "Annual"}


class IndicatorError(ValueError):
    """Bad indicator data; the message names the field."""


@dataclass(frozen=True)
class Figure:
    """One period's figure: a count, or a ratio (numerator over denominator) shown as a percentage or rate."""

    value: float | None
    numerator: float | None = None
    denominator: float | None = None

    @property
    def is_ratio(self) -> bool:
        return self.numerator is not None and self.denominator is not None


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


def combine(figures: Iterable[Figure | None], unit: str, rate_per: int | None = None) -> Figure | None:
    """The figure of several periods together: a sum of counts, or a ratio of sums for percentages and rates.

    A percentage entered without numerator and denominator can only be averaged; that happens
    only when no period of the set has them (the paper-style "17%" figures of seed 001).
    """
    items = [f for f in figures if f is not None and (f.value is not None or f.is_ratio)]
    if not items:
        return None
    if unit == "count":
        return Figure(sum(f.value for f in items if f.value is not None))
    if all(f.is_ratio for f in items):
        num = sum(f.numerator for f in items)
        den = sum(f.denominator for f in items)
        return Figure(figure_value(num, den, unit, rate_per), num, den)
    values = [f.value for f in items if f.value is not None]
    return Figure(sum(values) / len(values)) if values else None


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


def format_value(value: float | None, unit: str, places: int | None = None) -> str:
    """A figure as the papers show it: 12,586; 93%; 4.2 per 1,000."""
    if value is None:
        return ""
    if unit == "percentage":
        p = 0 if places is None else places
        if places is None and round_half_up(value, 1) != round_half_up(value, 0):
            p = 1
        return f"{format_number(value, p)}%"
    if unit == "rate":
        return f"{format_number(value, 1 if places is None else places)} per 1,000"
    p = places if places is not None else (0 if float(value).is_integer() else 1)
    return format_number(value, p)


# -- change this year against last ------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """This year minus last year (always that way round) and the percentage of last year."""

    this_year: float
    last_year: float
    unit: str
    polarity: str

    @property
    def difference(self) -> float:
        return self.this_year - self.last_year

    @property
    def percent(self) -> Fraction | None:
        """Change as a percentage of last year (None when last year was zero)."""
        if not self.last_year:
            return None
        return Fraction(str(self.this_year)) * 100 / Fraction(str(self.last_year)) - 100

    @property
    def percent_text(self) -> str:
        p = self.percent
        return "" if p is None else f"{round_half_up(abs(p), 1)}%"

    @property
    def direction(self) -> str:
        """increase, reduction or none (by the figures, whatever the polarity)."""
        d = self.difference
        return "increase" if d > 0 else "reduction" if d < 0 else "none"

    @property
    def judgement(self) -> str:
        """better, worse, or '' (monitor only or no change), following the polarity."""
        d = self.difference
        if self.polarity == "monitor" or d == 0:
            return ""
        good = d < 0 if self.polarity == "lower" else d > 0
        return "better" if good else "worse"

    def amount_text(self) -> str:
        d = abs(self.difference)
        if self.unit == "percentage":
            return f"{format_number(d, 1)} percentage points"
        if self.unit == "rate":
            return f"{format_number(d, 1)} per 1,000"
        return format_number(d, 0 if float(d).is_integer() else 1)

    def words(self, period: str = "the same period last year") -> str:
        """"an increase of 367 (5.4%) on the same period last year"."""
        if self.direction == "none":
            return f"no change on {period}"
        article = "an increase" if self.direction == "increase" else "a reduction"
        pct = f" ({self.percent_text})" if self.unit == "count" and self.percent is not None else ""
        return f"{article} of {self.amount_text()}{pct} on {period}"

    def signed_text(self) -> str:
        """"+570" / "−74" for tables (the minus is a real minus sign)."""
        d = self.difference
        body = self.amount_text().replace(" percentage points", " pts").replace(" per 1,000", "")
        return "0" if d == 0 else ("+" if d > 0 else "\u2212") + body

    def signed_percent(self) -> str:
        p = self.percent
        if p is None or self.unit != "count":
            return ""
        if p == 0:
            return "0.0%"
        return ("+" if p > 0 else "\u2212") + self.percent_text

    def sentence(self) -> str:
        """The words and what they mean for this indicator ("…, which is worse: lower is better")."""
        text = self.words()
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
    RED = ("red", "Red", "\u25b2")  # symbol + word: never by colour alone
    AMBER = ("amber", "Amber", "\u25c6")
    GREEN = ("green", "Green", "\u25cf")
    GREY = ("grey", "No target", "\u25cb")

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

    @property
    def sort_key(self) -> int:
        return {"red": 0, "amber": 1, "green": 2, "grey": 3}[self.key]


def worse_by_percent(actual: float, target: float, polarity: str) -> Fraction | None:
    """How far actual is worse than target, as a percentage of target (negative: better)."""
    if polarity == "monitor" or target == 0:
        return None
    # Nine decimals are far finer than any figure a board sees, and absorb float noise.
    a, t = Fraction(str(round(actual, 9))), Fraction(str(round(target, 9)))
    gap = (a - t) if polarity == "lower" else (t - a)
    return gap * 100 / abs(t)


def rag_status(actual: float | None, target: float | None, polarity: str, tolerance_pct: float) -> Rag:
    """Green when at or better than target, amber when worse by up to the tolerance, red beyond it."""
    if actual is None or target is None or polarity == "monitor":
        return Rag.GREY
    worse = worse_by_percent(actual, target, polarity)
    if worse is None:
        return Rag.GREY
    if worse <= 0:
        return Rag.GREEN
    if worse <= Fraction(str(tolerance_pct)):
        return Rag.AMBER
    return Rag.RED


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
