"""Splitting a county pot between partnerships by formula (DESIGN.md §2.2, seed 000 "SSPB financial allocation").

The formula: a pot (given, or last year's total less a retained percentage); a
fixed part (a fraction of the pot shared per fixed unit and rounded per unit, or a
fixed amount per unit); the rest, the variable part, split by one or more weighted
factors (crime counts, population, demand …); an optional damping limit on each
partnership's change from last year, the difference met by the others. Whatever
the options, the parts add up exactly to the pot.

Two roundings of the variable part: ``exact`` (the default) splits by the exact
shares with largest remainder; ``percent-2dp`` reproduces the county's legacy
spreadsheet, which first rounds each share to a two-decimal percentage (9.08 %)
and then rounds each amount to the unit; when that does not add up, the
difference is put right by largest remainder and the result says so.

All arithmetic is on ``Fraction`` and int pence; nothing goes through float.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import lcm
from typing import Callable, Iterable, Mapping, Sequence

from safer_desk.domain.checks import NumberError, bare_under_one_percent, typed_digits
from safer_desk.domain.money import format_money, format_percent, split_by_weights
from safer_desk.domain.periods import FinancialYear, PeriodError
from safer_desk.domain.text import counted, in_words, looks_like_total_line, typed_name_key

ROUNDINGS = ("exact", "percent-2dp")
UNITS = {"pound": 100, "penny": 1}
DEFAULT_FACTOR = "basis"
_ZERO = Fraction(0)
_ACCOUNTING_ZERO = re.compile(r"£?\s*[-\u2013]\s*")


class AllocationError(ValueError):
    """Inputs or options the formula cannot use; the message names the partnership, factor or option."""


# -- parsing numbers people type -------------------------------------------------


def parse_number(text: str | int | Fraction | Decimal, *, what: str = "value") -> Fraction:
    """A non-negative count or measure as typed ("2,442", "1.5", Excel's accounting zero "-"); refuses negatives and
    words."""
    if isinstance(text, (int, Fraction, Decimal)) and not isinstance(text, bool):
        value = Fraction(text) if not isinstance(text, Decimal) else Fraction(str(text))
    else:
        s = str(text if text is not None else "").strip()
        if not s:
            raise AllocationError(f"{what}: no number was given.")
        if s == "-":  # Excel's accounting format shows a zero as a lone dash; pasted, it means 0
            return _ZERO
        # Excel's accounting and number formats show a negative in brackets, and a CSV keeps what is shown
        if s.startswith(("-", "\u2212")) or (s.startswith("(") and s.endswith(")") and len(s) > 2):
            raise AllocationError(f"{what}: “{s}” is negative; counts and measures cannot be below zero.")
        try:
            value = typed_digits(s.removeprefix("+"))
        except NumberError as exc:  # a space out of place ("12 34"), a % sign ("9.08%"): said with what to type
            raise AllocationError(f"{what}: {exc}") from None
        except ValueError:
            raise AllocationError(f"{what}: “{s}” is not a number (try a form like 2,442 or 1.5).") from None
    if value < 0:
        raise AllocationError(f"{what}: {value} is negative; counts and measures cannot be below zero.")
    return value


def is_accounting_zero(text: str) -> bool:
    """Excel's accounting format shows a zero amount as a lone dash, with its pound sign or without ("£ -", "-"):
    pasted, or saved as CSV, it is £0 (read as money it was "negative twice", or not an amount)."""
    return bool(_ACCOUNTING_ZERO.fullmatch((text or "").strip()))


def parse_fraction(text: str | Fraction, *, what: str = "fraction") -> Fraction:
    """A share of something as typed: "1/3", "0.25", "25%" (a bare number above 1 is read as a percentage; 1
    itself, which could be the whole or 1%, is refused saying both)."""
    if isinstance(text, Fraction):
        return text
    s = str(text or "").strip().replace(" ", "")
    if not s:
        raise AllocationError(f"{what}: nothing was given.")
    bare_one = False  # above one is a percentage, below it a fraction: one itself could be either
    bare = None  # a bare number, as typed
    try:
        if s.endswith("%"):
            value = typed_digits(s[:-1]) / 100
        elif "/" in s:
            top, bottom = s.split("/", 1)
            value = typed_digits(top) / typed_digits(bottom)
        else:
            value = bare = typed_digits(s)
            bare_one = value == 1
            if value > 1:
                value /= 100
    except (ValueError, ZeroDivisionError):
        _refuse_negative(s, str(text).strip(), what)
        raise AllocationError(f"{what}: “{text}” is not a fraction (try 1/3, 0.25 or 25%).") from None
    if bare_one:
        raise AllocationError(f"{what}: “{str(text).strip()}” could be the whole (100%) or 1%: type 100% or 1%.")
    if bare is not None and value > 1:  # "30000": Warwickshire's £30k per area typed without its £
        typed = str(text).strip()
        pence = bare * 100
        amount = format_money(pence.numerator) if pence.denominator == 1 else f"£{typed}"
        raise AllocationError(f"{what}: “{typed}” would be {typed}%, and a share is at most 100%: for a set amount "
                              f"per unit, type it with £ ({amount}).")
    if value < 0 or value > 1:
        raise AllocationError(f"{what}: “{text}” must be between 0 and 1 (0% and 100%).")
    return value


def _refuse_negative(typed: str, shown: str, what: str) -> None:
    """A share or percentage typed with a minus ("-10", "−1/3") is refused as negative, not as "not a number"."""
    if typed[:1] not in ("-", "\u2212"):
        return
    top, slash, bottom = typed[1:].removesuffix("%").partition("/")
    try:
        typed_digits(top)
        if slash:
            typed_digits(bottom)
    except ValueError:
        return
    raise AllocationError(f"{what}: “{shown}” is negative: it must be between 0% and 100%.")


def parse_percent(text: str | Fraction, *, what: str = "percentage") -> Fraction:
    """A percentage as typed ("10", "10%", "2.5") as a fraction of one (1/10)."""
    if isinstance(text, Fraction):
        return text
    typed = str(text or "").strip().replace(" ", "")
    s = typed.removesuffix("%")
    if not s:
        raise AllocationError(f"{what}: nothing was given.")
    try:
        value = typed_digits(s) / 100
    except ValueError:
        _refuse_negative(typed, str(text).strip(), what)
        raise AllocationError(f"{what}: “{text}” is not a percentage (try 10 or 10%).") from None
    if value < 0 or value > 1:
        raise AllocationError(f"{what}: “{text}” must be between 0% and 100%.")
    if (bare := bare_under_one_percent(typed, what)) is not None:  # --fixed-share 0.25 is a quarter
        raise AllocationError(bare)
    return value


def parse_weight(text: str, *, what: str = "weight") -> Fraction:
    """A factor's weight as typed: "50", "25%" (the same as 25), "1/3", "1,000"; above zero."""
    s = (text or "").strip().removesuffix("%").strip()
    if not s:  # a cell cleared or pasted blank: there is no number to be wrong
        raise AllocationError(f"{what}: no weight was given: type a weight above zero (to leave a factor out, "
                              "remove it).")
    negative = s[:1] in ("-", "\u2212")  # "-1" is a number below zero, said so as amounts are, not "not a number"
    try:
        top, slash, bottom = s[negative:].partition("/")
        weight = typed_digits(top) / typed_digits(bottom) if slash else typed_digits(s[negative:])
    except (ValueError, ZeroDivisionError):
        raise AllocationError(f"{what}: the weight “{text}” is not a number.") from None
    if negative and weight:
        raise AllocationError(f"{what}: the weight “{(text or '').strip()}” is negative: a weight must be above zero "
                              "(to leave a factor out, remove it).")
    if weight <= 0:
        raise AllocationError(f"{what}: the weight must be above zero (to leave a factor out, remove it).")
    return weight


def percent_text(value: Fraction) -> str:
    """A percentage without needless decimals: 10, 2.5, 33.33."""
    text = format_percent(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def setting_percent_text(value: Fraction) -> str:
    """A percentage the officer set (retained, a damping limit, a top-slice's shares) with every decimal it has:
    12.345, not 12.35, which reads back as another figure and is not the one the pounds were worked out with. One
    with no end to it (a third) is written to two places, as ``percent_text`` writes a worked-out share."""
    whole = value * 100
    rest = whole.denominator
    for p in (2, 5):
        while rest % p == 0:
            rest //= p
    if rest != 1:
        return percent_text(value)
    text = format(Decimal(whole.numerator) / Decimal(whole.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_fraction(value: Fraction) -> str:
    """How a fraction is shown back to people: "1/3", "0.25" → "1/4"."""
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def format_weight(value: Fraction) -> str:
    """A factor's weight as it would be typed: a decimal when it has one (33.3, 0.5, 2), else the fraction (1/3),
    never "333/10"."""
    denominator = value.denominator
    for p in (2, 5):
        while denominator % p == 0:
            denominator //= p
    if denominator != 1:
        return format_fraction(value)
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")


def share_text(value: Fraction) -> str:
    """A share of the pot as the Fixed share field shows it back: "1/3", "25%", "33.3%", the whole as "100%" (a bare
    "1" is asked about when typed: the whole, or 1%?), none as "0"."""
    percent = format_weight(value * 100)
    return f"{percent}%" if value and "/" not in percent else format_fraction(value)


def format_number(value: Fraction) -> str:
    """A count or measure as people write it: 2,442 or 1,234.5."""
    if value.denominator == 1:
        return f"{value.numerator:,}"
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    text = f"{exact.quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP):,f}".rstrip("0").rstrip(".")
    return text


def plain_number(value: Fraction) -> str:
    """A count or measure as a plain number for CSV and Excel, every typed decimal kept: 2442, 10234.75 (never
    rounded to a few figures: pasted back, "10234.8" would be another input)."""
    if value.denominator == 1:
        return str(value.numerator)
    return format((Decimal(value.numerator) / Decimal(value.denominator)).normalize(), "f")


def parse_units(text: str) -> int:
    """Fixed units as typed: "3", "1,000" (commas only in their thousands places: "1,5" is not 15); ValueError
    for anything else. A minus is left to the caller, which says the units are negative."""
    value = typed_digits(text.strip().removeprefix("-"))
    if value.denominator != 1:
        raise ValueError(f"“{text}” is not a whole number")
    return -int(value) if text.strip().startswith("-") else int(value)


MOST_FIXED_UNITS = 10_000  # one for each district a partnership covers: more is a slip (and 2**63 could not be saved)


def units_problem(units: int, typed: str) -> str | None:
    """What is wrong with fixed units as typed (None when nothing): negative, or more than any partnership has."""
    if units < 0:
        return f"“{typed}” is negative."
    if units > MOST_FIXED_UNITS:
        return (f"“{typed}” is more than {MOST_FIXED_UNITS:,}: a partnership has one fixed unit for each district "
                "it covers (its fixed fee is its units × the amount a unit).")
    return None


def _round_half_up(value: Fraction, step: int = 1) -> int:
    """value rounded half up to a multiple of step (as the county's spreadsheet rounds)."""
    units = value / step
    floor = units.numerator // units.denominator
    return (floor + (1 if units - floor >= Fraction(1, 2) else 0)) * step


def _scaled(value: Fraction, scale: int) -> int:
    """value × scale as an int (scale is a multiple of value's denominator)."""
    return value.numerator * (scale // value.denominator)


def _round_ratio_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, in integers."""
    quotient, remainder = divmod(numerator, denominator)
    return quotient + (1 if 2 * remainder >= denominator else 0)


# -- the inputs ---------------------------------------------------------------------

@dataclass(frozen=True)
class Factor:
    """One factor of the variable part (crime counts, population …) and its weight."""

    name: str
    weight: Fraction = Fraction(1)
    label: str = ""  # how the board paper names it ("BCS comparator offences 2007-08")

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise AllocationError("A factor needs a name.")
        object.__setattr__(self, "weight", Fraction(self.weight))
        if self.weight <= 0:
            raise AllocationError(f"factor {self.name}: the weight must be above zero.")

    @property
    def title(self) -> str:
        return self.label or self.name


def total_line_message(name: str) -> str | None:
    """Why a row named like a table's total line ("Total", "Grand total") cannot be a partnership, or None.

    Copied with the table from a board paper, it would hold the sum of the rows above and take half the pot."""
    if not looks_like_total_line(name):
        return None
    return (f"“{name.strip()}” looks like the table's total line, not a partnership: leave it out (the totals are "
            "added up here)")


CSP_WORDS = (" community safety partnership", " csp")


def csp_area(name: str) -> str:
    """The area a partnership named for it is ("East Suffolk CSP", "Ipswich Community Safety Partnership": "east
    suffolk", "ipswich"), casefolded; the name itself otherwise. A board paper names them by their areas ("Waveney
    £28,077"), the file's reference data by their CSPs ("Waveney CSP"): the board report and Compare scenarios take
    the two as one."""
    folded = " ".join(name.split()).casefold()
    for words in CSP_WORDS:
        if folded.endswith(words) and len(folded) > len(words):
            return folded[:-len(words)].strip()
    return folded


@dataclass(frozen=True)
class PartnershipInput:
    """One partnership's row of inputs: its fixed units, its factor values and last year's allocation."""

    name: str
    fixed_units: int = 1
    values: Mapping[str, Fraction] = field(default_factory=dict)
    previous_pence: int | None = None

    def __post_init__(self) -> None:
        name = (self.name or "").strip()
        if not name:
            raise AllocationError("A partnership needs a name.")
        object.__setattr__(self, "name", name)
        if isinstance(self.fixed_units, bool) or not isinstance(self.fixed_units, int):
            raise AllocationError(f"{name}: fixed units must be a whole number.")
        if self.fixed_units < 0:
            raise AllocationError(f"{name}: fixed units cannot be negative ({self.fixed_units}).")
        values = {}
        for key, value in dict(self.values).items():
            values[key] = parse_number(value, what=f"{name}, {key}")
        object.__setattr__(self, "values", values)
        if self.previous_pence is not None:
            if not isinstance(self.previous_pence, int) or isinstance(self.previous_pence, bool):
                raise AllocationError(f"{name}: last year's allocation must be int pence.")
            if self.previous_pence < 0:
                raise AllocationError(f"{name}: last year's allocation cannot be negative.")

    def value(self, factor: str) -> Fraction:
        return self.values.get(factor, Fraction(0))


@dataclass(frozen=True)
class ColumnTotals:
    """Every row's figures added up once (each factor, fixed units, last year's), so that a row's "the others' sum"
    is the total less its own: the total-line check of each row of a long table is then linear, not quadratic."""

    values: dict[str, Fraction]
    fixed_units: int
    previous_pence: int
    rows: int

    @classmethod
    def of(cls, partnerships: Sequence[PartnershipInput]) -> "ColumnTotals":
        values: dict[str, Fraction] = {}
        for p in partnerships:
            for factor, value in p.values.items():
                values[factor] = values.get(factor, _ZERO) + value
        return cls(values, sum(p.fixed_units for p in partnerships),
                   sum(p.previous_pence or 0 for p in partnerships), len(partnerships))


def others_total_message(partnerships: Sequence[PartnershipInput], row: int,
                         totals: ColumnTotals | None = None) -> str | None:
    """Why the row cannot be a partnership when it is a table's total line under another label ("Suffolk",
    "Suffolk total"), or None: every factor's figure, and its fixed units or last year's too, is the sum of the
    other rows' (at least two). Taken as a partnership, it would hold the sum of the others and take half the pot.
    Only the first or last row: a total line stands below (or above) the partnerships, and a row between two is a
    partnership, one as large as the others together (50,000 people of 100,000).
    ``totals``: ``ColumnTotals.of(partnerships)``, given when every row is asked about."""
    if 0 < row < len(partnerships) - 1:
        return None
    totals = totals or ColumnTotals.of(partnerships)
    p = partnerships[row]
    if totals.rows - 1 < 2 or not p.values:
        return None
    for factor, value in p.values.items():
        if not value or value != totals.values.get(factor, _ZERO) - value:
            return None
    units_too = p.fixed_units > 0 and p.fixed_units == totals.fixed_units - p.fixed_units
    previous_too = bool(p.previous_pence) and p.previous_pence == totals.previous_pence - p.previous_pence
    if not (units_too or previous_too):
        return None
    figures = ", ".join(format_number(v) for v in p.values.values())
    return (f"“{p.name}” holds the total of the other partnerships' figures ({figures}"
            f"{', ' + format_money(p.previous_pence) if previous_too else ''}): it looks like the table's total line, "
            "not a partnership: leave it out (the totals are added up here)")


@dataclass(frozen=True)
class AllocationOptions:
    """How to split: the pot, the fixed part, the factors, rounding and damping."""

    pot_pence: int | None = None
    previous_total_pence: int | None = None
    retain: Fraction = Fraction(0)  # of the previous total, kept back by the board
    fixed_share: Fraction = Fraction(0)  # of the pot, shared per fixed unit
    fixed_per_unit_pence: int | None = None  # instead of fixed_share: a set amount per unit (Warwickshire)
    rounding: str = "exact"
    unit: str = "pound"
    factors: tuple[Factor, ...] = (Factor(DEFAULT_FACTOR),)
    damping: Fraction | None = None  # the largest change from last year, e.g. 1/20 for ±5%

    def __post_init__(self) -> None:
        object.__setattr__(self, "factors", tuple(self.factors))
        object.__setattr__(self, "retain", Fraction(self.retain))
        object.__setattr__(self, "fixed_share", Fraction(self.fixed_share))
        if self.damping is not None:
            object.__setattr__(self, "damping", Fraction(self.damping))
        if self.pot_pence is None and self.previous_total_pence is None:
            raise AllocationError("Give the pot, or last year's total and the percentage retained.")
        if self.pot_pence is not None and self.pot_pence < 0:
            raise AllocationError("pot: the pot cannot be negative.")
        if self.previous_total_pence is not None and self.previous_total_pence < 0:
            raise AllocationError("previous total: last year's total cannot be negative.")
        if not 0 <= self.retain <= 1:
            raise AllocationError("retain: the retained percentage must be between 0% and 100%.")
        if not 0 <= self.fixed_share <= 1:
            raise AllocationError("fixed share: the fixed share must be between 0 and 1.")
        if self.fixed_per_unit_pence is not None and self.fixed_per_unit_pence < 0:
            raise AllocationError("fixed per unit: the fixed amount per unit cannot be negative.")
        if self.rounding not in ROUNDINGS:
            raise AllocationError(f"rounding: “{self.rounding}” is not known; use exact or percent-2dp.")
        if self.unit not in UNITS:
            raise AllocationError(f"unit: “{self.unit}” is not known; use pound or penny.")
        if not self.factors:
            raise AllocationError("factors: the variable part needs at least one factor.")
        names = [f.name for f in self.factors]
        if len(set(names)) != len(names):
            raise AllocationError("factors: each factor needs its own name.")
        if self.damping is not None and not 0 <= self.damping <= 1:
            raise AllocationError("damping: the limit must be between 0% and 100%.")

    @property
    def unit_pence(self) -> int:
        return UNITS[self.unit]

    def pot_and_retained(self) -> tuple[int, int]:
        """The pot and the amount retained (the base × retain %, rounded half up to the unit).

        The base is last year's total, or this year's grant when a pot is given with a retained share
        (holding back 10% of this year's grant: the pot split is the grant less the retained part).
        """
        base = self.pot_pence if self.pot_pence is not None else (self.previous_total_pence or 0)
        retained = _round_half_up(base * self.retain, self.unit_pence) if self.retain else 0
        if retained > base:  # rounding up to the unit would keep back more than there is: round down instead
            exact = base * self.retain
            retained = (exact.numerator // (exact.denominator * self.unit_pence)) * self.unit_pence
        return base - retained, retained


# -- the results ----------------------------------------------------------------------

@dataclass(frozen=True)
class PartnershipAllocation:
    """One partnership's line of the table, as the board paper lays it out."""

    name: str
    fixed_units: int
    values: Mapping[str, Fraction]
    factor_totals: Mapping[str, Fraction]  # every factor's total (shared by all rows)
    weight: Fraction  # its exact share of the variable part (Σ factor weight × factor share)
    share_pct: str  # the share as printed: "9.08"
    fixed_pence: int
    variable_pence: int
    damping_pence: int  # what damping added (+) or took (−); 0 without damping
    total_pence: int
    previous_pence: int | None

    @property
    def variance_pence(self) -> int | None:
        return None if self.previous_pence is None else self.total_pence - self.previous_pence

    @cached_property
    def factor_shares(self) -> dict[str, Fraction]:
        """Its value of each factor over the factor's total (worked out when first asked for)."""
        return {k: (self.values.get(k, Fraction(0)) / total if total else Fraction(0))
                for k, total in self.factor_totals.items()}

    @property
    def formula_pence(self) -> int:
        """The total before damping."""
        return self.fixed_pence + self.variable_pence


@dataclass(frozen=True)
class AllocationResult:
    options: AllocationOptions
    previous_total_pence: int | None  # the base of the pot when given that way
    retained_pence: int
    pot_pence: int
    fixed_per_unit_pence: int
    fixed_units: int
    fixed_total_pence: int
    variable_total_pence: int
    factor_totals: Mapping[str, Fraction]
    rows: tuple[PartnershipAllocation, ...]
    notes: tuple[str, ...] = ()  # plain-language remarks: adjustments made to add up, damping widened …
    damping_limit: Fraction | None = None  # the limit applied (wider than asked when the pot moved more)
    warnings: tuple[str, ...] = ()  # what the formula did that the officer did not ask for (rescaled weights,
    #                                 odd pence placed), each with where
    grant_pence: int | None = None  # this year's grant, when the pot is the grant less a retained share

    @property
    def left_by_fixed_fees(self) -> bool:
        """What the fixed fees left of the pot was shared by fixed units: there were no figures to share it by (an
        equal split whose fees cannot split the pot exactly, allocate_by_formula's leftover)."""
        return bool(self.variable_total_pence) and not any(self.factor_totals.values())

    @property
    def total_pence(self) -> int:
        return sum(r.total_pence for r in self.rows)

    @property
    def previous_sum_pence(self) -> int | None:
        known = [r.previous_pence for r in self.rows if r.previous_pence is not None]
        return sum(known) if known else None

    @property
    def variance_pence(self) -> int | None:
        """The variance column's total: the partnerships with a figure for last year (``variance_warning``)."""
        known = [r.variance_pence for r in self.rows if r.variance_pence is not None]
        return sum(known) if known else None

    def row(self, name: str) -> PartnershipAllocation:
        for r in self.rows:
            if r.name == name:
                return r
        raise KeyError(name)

    def explain(self, name: str) -> str:
        """How one partnership's figure was reached, in a sentence a board member can check."""
        return explain_row(self, self.row(name))


# -- the formula --------------------------------------------------------------------------

def window_take_sum(column_pence: int) -> str:
    """How the Allocation tab takes the partnerships' figures for last year as last year's total: its = Sum button."""
    return "take their sum as last year's total (= Sum)"


def allocate_by_formula(partnerships: Sequence[PartnershipInput], options: AllocationOptions, *,
                        take_sum: Callable[[int], str] = window_take_sum) -> AllocationResult:
    """Split the pot between the partnerships; the totals always add up exactly to the pot. ``take_sum``: how the
    caller takes the Last year column's sum as last year's total (the window's button, the command line's option),
    said in a warning when the two differ."""
    partnerships = list(partnerships)
    if not partnerships:
        raise AllocationError("There are no partnerships to allocate to: add the partnerships to share the pot "
                              "between.")
    names = [p.name for p in partnerships]
    seen: dict[str, str] = {}
    for name in names:
        # "Mid Suffolk – Babergh" pasted beside "Mid Suffolk - Babergh" typed is one partnership taking two shares
        if (first := seen.get(typed_name_key(name))) is not None:
            also = "" if first == name else f" (as {first})"
            raise AllocationError(f"{name}: this partnership is listed twice{also}.")
        seen[typed_name_key(name)] = name
    unit = options.unit_pence
    notes: list[str] = []

    # The pot: given (less any retained share of it), or last year's total less the retained share
    # (seed 000: £655,120 less 10% = £589,608).
    pot, retained = options.pot_and_retained()
    base = options.previous_total_pence if options.pot_pence is None else None
    grant = options.pot_pence if options.pot_pence is not None and retained else None
    warnings: list[str] = []

    # The fixed part: per unit, rounded to the unit (seed 000: 589,608 / 3 / 7 = 28,076.57 → £28,077).
    units_total = sum(p.fixed_units for p in partnerships)
    set_amount = options.fixed_per_unit_pence
    if not units_total and (options.fixed_share or set_amount):
        # Refused, not split with nothing fixed: the fixed part asked for would silently be given to the variable part
        asked = ("a fixed share was" if set_amount is None
                 else f"a fixed amount of {format_money(set_amount)} a unit was")
        raise AllocationError(f"fixed units: {asked} asked for but no partnership has a fixed unit: give each "
                              "partnership its Fixed units (1 for each district it covers), or make the fixed share "
                              "0.")
    if set_amount is not None:
        per_unit = _set_amount_per_unit(set_amount, pot, units_total, unit, notes)
    elif options.fixed_share and units_total:
        exact_per_unit = Fraction(pot) * options.fixed_share / units_total
        per_unit = _round_half_up(exact_per_unit, unit)
        if per_unit * units_total > pot:  # a share of (nearly) the whole, rounded up, is more than the pot: round down
            rounded_up, per_unit = per_unit, int(exact_per_unit // unit) * unit
            notes.append(f"A fixed share of {setting_percent_text(options.fixed_share)}% rounded up to "
                         f"{format_money(rounded_up)} a unit would come to more than the pot, so each unit's fee was "
                         f"rounded down to {format_money(per_unit)}; the {format_money(pot - per_unit * units_total)} "
                         "left is shared by the variable part.")
        elif not per_unit and pot:
            pence = _round_half_up(exact_per_unit)
            each = f"{format_money(pence, show_pence=True)} a unit" if pence else "less than a penny a unit"
            notes.append(f"A fixed share of {setting_percent_text(options.fixed_share)}% over "
                         f"{counted(units_total, 'unit')} is {each}, which rounds to {format_money(0)}: there is "
                         "no fixed part, and the whole pot is shared by the variable part. Check the fixed units"
                         f"{', or choose pennies as the unit' if pence else ''}.")
    else:
        per_unit = 0
    fixed_total = per_unit * units_total
    if fixed_total > pot:
        units = counted(units_total, "unit")
        raise AllocationError(
            f"pot: the pot ({format_money(pot)}) is smaller than the fixed part "
            f"({units} × {format_money(per_unit)} = {format_money(fixed_total)}): with "
            f"{units} the fixed amount can be at most {format_money(pot // units_total // unit * unit)} a "
            "unit, or give a larger pot."
        )
    variable_total = pot - fixed_total

    # The variable part's weights: Σ factor weight × (value / factor total).
    # Everything on common denominators in integers: exact, and far quicker than Fractions.
    weight_sum = sum((f.weight for f in options.factors), Fraction(0))
    rescale = weight_warning(options.factors)
    if rescale:
        warnings.append(rescale)
    value_scale = lcm(1, *(v.denominator for p in partnerships for v in p.values.values()))
    scaled = {f.name: [_scaled(p.values.get(f.name, _ZERO), value_scale) for p in partnerships]
              for f in options.factors}
    # What the fixed fees leave when they cannot split the pot exactly (3 × £33,333 of £100,000 leaves £1), less than
    # a unit for each fixed unit, with no figures to share it by (an equal split wants none): shared by fixed units.
    # Nothing left (£30,000 over 3 units) is nothing to share: said, it was "leave £0 …: ." (session 71).
    leftover = bool(fixed_total and 0 < variable_total < units_total * unit
                    and not any(sum(column) for column in scaled.values()))
    totals: dict[str, Fraction] = {}
    for factor in options.factors:
        total = Fraction(sum(scaled[factor.name]), value_scale)
        if total == 0 and variable_total and not leftover:
            raise AllocationError(f"{factor.title}: the values add up to zero, so there is nothing to share by: "
                                  f"type the partnerships' {factor.title} figures (at least one above 0).")
        totals[factor.name] = total
    coefficients = {f.name: (f.weight / (totals[f.name] * weight_sum) if totals[f.name] else Fraction(0))
                    for f in options.factors}
    coefficient_scale = lcm(*(c.denominator for c in coefficients.values()))
    scale = coefficient_scale * value_scale
    weighted = [0] * len(partnerships)
    for name, column in scaled.items():
        c = coefficients[name]
        multiplier = c.numerator * (coefficient_scale // c.denominator)
        if multiplier:
            weighted = [acc + multiplier * v for acc, v in zip(weighted, column)]
    int_weights = {p.name: w for p, w in zip(partnerships, weighted)}
    weights = {n: Fraction(w, scale) for n, w in int_weights.items()}

    # Each share as printed, to two decimals of a percentage rounded half up (9.08 % is 908 basis points).
    basis_points = {n: _round_ratio_half_up(w * 10_000, scale) for n, w in int_weights.items()}
    share_pct = {n: f"{bp // 100}.{bp % 100:02d}" for n, bp in basis_points.items()}
    legacy_note = None  # where the two-decimal percentages' note is in notes
    if leftover:
        variable = split_by_weights(variable_total, {p.name: p.fixed_units for p in partnerships}, unit=unit)
        notes.append(leftover_note(options, units_total, per_unit, pot, variable))
    elif options.rounding == "percent-2dp":
        variable, note = _legacy_split(variable_total, basis_points, int_weights, unit)
        if note:
            legacy_note = len(notes)
            notes.append(note)
    elif variable_total:
        variable = split_by_weights(variable_total, int_weights, unit=unit)
    else:
        variable = {n: 0 for n in names}

    formula = {p.name: p.fixed_units * per_unit + variable[p.name] for p in partnerships}
    damped, limit = dict(formula), None
    if options.damping is not None:
        damped, note, limit = damp_changes(pot, formula, {p.name: p.previous_pence for p in partnerships},
                                           options.damping, unit)
        if note:
            notes.append(note)

    rows = tuple(
        PartnershipAllocation(
            name=p.name, fixed_units=p.fixed_units, values=p.values, factor_totals=totals,
            weight=weights[p.name], share_pct=share_pct[p.name], fixed_pence=p.fixed_units * per_unit,
            variable_pence=variable[p.name], damping_pence=damped[p.name] - formula[p.name],
            total_pence=damped[p.name], previous_pence=p.previous_pence,
        )
        for p in partnerships
    )
    assert sum(r.total_pence for r in rows) == pot  # the invariant every option keeps
    rule = ("the next in line for a whole pound within its damping limit, by largest remainder" if damped != formula
            else "the furthest below its exact share" if options.rounding == "percent-2dp"
            else "the next in line for a whole pound, by largest remainder")
    odd = odd_pence_warning(rows, unit, pot, rule)
    if odd:
        warnings.append(odd)
    if legacy_note is not None and damped != formula:
        # "the odd 37p to Ipswich", then damping moved amounts and the warning said "Babergh has the odd 37p"; with no
        # odd pence (whole pounds of a pot in pounds, or pennies) nothing below says where they are.
        notes[legacy_note] += (" That was before damping, which then moved amounts between partnerships"
                               + (": where any odd pence end up is said below." if odd else "."))
    unknown = variance_warning(rows)
    if unknown:
        warnings.append(unknown)
    if held := held_by_damping_warning(rows):
        warnings.append(held)
    total_off = previous_total_warning(base, rows, take_sum=take_sum)
    if total_off:
        warnings.append(total_off)
    return AllocationResult(options, base, retained, pot, per_unit, units_total, fixed_total, variable_total,
                            totals, rows, tuple(notes), limit, tuple(warnings), grant)


def held_by_damping_warning(rows: Sequence[PartnershipAllocation]) -> str:
    """Partnerships with no fixed unit and nothing on any factor that damping keeps near last year, named ("" when
    none): most often districts that no longer exist (Waveney and Suffolk Coastal, East Suffolk since 2019), kept for
    last year's figures, which would otherwise hold most of their old money away from the partnership now covering
    them, with nothing said."""
    held = [r for r in rows if r.damping_pence > 0 and r.fixed_units == 0 and not any(r.values.values())]
    if not held:
        return ""
    one = len(held) == 1
    amounts = in_words([format_money(r.total_pence) for r in held])
    return (f"{in_words([r.name for r in held])} {'has' if one else 'have'} no fixed units and nothing on any factor, "
            f"so the formula gives {'it' if one else 'them'} nothing, yet damping keeps {'it' if one else 'them'} "
            f"near last year ({amounts} of the pot). If {'it no longer exists' if one else 'they no longer exist'} "
            f"(merged into another partnership), leave {'its row' if one else 'their rows'} out and add last year's "
            f"{'figure' if one else 'figures'} into the partnership that took {'it' if one else 'them'} over.")


def leftover_note(options: AllocationOptions, units_total: int, per_unit: int, pot: int,
                  variable: Mapping[str, int]) -> str:
    """What is said when the fixed fees leave a little of the pot and there are no figures to share it by: how much,
    why, and who has it."""
    left = sum(variable.values())
    given = in_words([f"{name} {format_money(pence)}" for name, pence in variable.items() if pence])
    titles = in_words([f.title for f in options.factors])
    return (f"The fixed fees ({counted(units_total, 'unit')} × {format_money(per_unit)}) leave "
            f"{format_money(left)} of the {format_money(pot)} pot, which cannot be split equally in "
            f"{'whole pounds' if options.unit_pence == 100 else 'pence'}, and there are no {titles} figures to share "
            f"it by, so it was shared by fixed units (ties go by name): {given}.")


def _set_amount_per_unit(typed_pence: int, pot: int, units_total: int, unit: int, notes: list[str]) -> int:
    """A set amount per unit (Warwickshire's £30k per area) rounded half up to the unit, as a share of the pot is,
    and said in ``notes`` when rounding changed it: £30,000.49 a unit in whole pounds would leave odd pence on every
    fixed fee. Rounded down instead when up would come to more than the pot and down does not (the pounds left go to
    the variable part); more than the pot as typed is the caller's to refuse, as in pennies (£142.87 over 7 units,
    £1,000.09 of a £1,000 pot, was cut to £142 with a note)."""
    per_unit = _round_half_up(Fraction(typed_pence), unit)
    if per_unit == typed_pence or typed_pence * units_total > pot:
        return typed_pence
    if per_unit * units_total > pot and typed_pence // unit * unit * units_total <= pot:
        rounded_up, per_unit = per_unit, typed_pence // unit * unit
        notes.append(f"The set amount of {format_money(typed_pence)} a unit rounded up to {format_money(rounded_up)} "
                     f"a unit would come to more than the pot, so it was rounded down to {format_money(per_unit)}; the "
                     f"{format_money(pot - per_unit * units_total)} left is shared by the variable part.")
    else:
        # only whole pounds round: in pennies every amount is a whole unit already
        notes.append(f"The set amount of {format_money(typed_pence)} a unit was rounded half up to whole pounds: "
                     f"{format_money(per_unit)} a unit.")
    return per_unit


def weight_warning(factors: Sequence[Factor]) -> str:
    """A sentence when the factor weights do not add up to 100% (or to 1), saying how they were rescaled."""
    total = sum((f.weight for f in factors), Fraction(0))
    if total in (1, 100):
        return ""
    if len(factors) == 1:
        return (f"The factor {factors[0].title} has the weight {format_number(total)}; as the only factor it was "
                "counted as 100%.")
    shares = ", ".join(f"{f.title} {percent_text(f.weight / total)}%" for f in factors)
    given = " + ".join(format_number(f.weight) for f in factors)
    # Weights typed as fractions of one (Oxfordshire's 0.5, 0.25, 0.2) are to add up to 1: "0.95, not 100" read as
    # if they should have been typed as percentages.
    whole = "1" if all(f.weight <= 1 for f in factors) else "100"
    return (f"The factor weights add up to {format_number(total)} ({given}), not {whole}: each was scaled in "
            f"proportion, to {shares}.")


def odd_pence_warning(rows: Sequence[PartnershipAllocation], unit: int, pot: int, rule: str = "") -> str:
    """A sentence when amounts are rounded to whole pounds but some pence could not be: who has them, and by what
    ``rule`` when one partnership has them all."""
    if unit == 1:
        return ""
    odd = [(r.name, r.total_pence % unit) for r in rows if r.total_pence % unit]
    if not odd:
        return ""
    placed = "; ".join(f"{name} has the odd {format_money(pence) if pence >= 100 else f'{pence}p'}"
                       for name, pence in odd) + (f" ({rule})" if rule and len(odd) == 1 else "")
    return (f"The amounts are rounded to whole pounds, but the pot ({format_money(pot)}) less whole-pound parts "
            f"leaves pence over: {placed}.")


def variance_warning(rows: Sequence[PartnershipAllocation]) -> str:
    """A sentence when some partnerships, not all, have a figure for last year: the variance leaves them out."""
    missing = [r.name for r in rows if r.previous_pence is None]
    known = [r for r in rows if r.previous_pence is not None]
    if not missing or not known:
        return ""
    names = in_words(missing)
    has = "has" if len(missing) == 1 else "have"
    return (f"{names} {has} no figure for last year, so the variance against last year leaves "
            f"{'it' if len(missing) == 1 else 'them'} out: the totals' variance "
            f"({format_money(sum(r.total_pence - r.previous_pence for r in known))}) is that of the other "
            f"partnerships, whose allocations this year add up to {format_money(sum(r.total_pence for r in known))}.")


def previous_total_warning(previous_total: int | None, rows: Sequence[PartnershipAllocation], *,
                           take_sum: Callable[[int], str] = window_take_sum) -> str:
    """A sentence when last year's total, which the pot comes from, is not what the partnerships' figures for last
    year add up to (the Totals row's Last year): a figure mistyped in one or the other; "" when they agree, or when
    some have no figure (``variance_warning`` says so: the total may well hold what they had)."""
    known = [r.previous_pence for r in rows if r.previous_pence is not None]
    if previous_total is None or not known or sum(known) == previous_total:
        return ""
    column = sum(known)
    if len(known) < len(rows):
        if column < previous_total:
            return ""
        # The figures given already add up to more than the total: wrong whatever the others had (a newcomer's
        # none, s74), so the figure mistyped is said, though taking their sum would leave the others out.
        missing = in_words([r.name for r in rows if r.previous_pence is None])
        have = "has" if " and " not in missing else "have"
        return (f"Last year's total, {format_money(previous_total)}, is less than what the partnerships' figures for "
                f"last year add up to ({format_money(column)}), though {missing} {have} none: the pot is last year's "
                "total less the retained %, so a figure in one or the other is wrong. Put right the figure that is "
                "wrong.")
    off = f"{format_money(abs(column - previous_total))} {'less' if column < previous_total else 'more'}"
    return (f"Last year's total, {format_money(previous_total)}, is not what the partnerships' figures for last year "
            f"add up to ({format_money(column)}, {off}): the pot is last year's total less the retained %, but the "
            "Totals row's last year and variance add up the partnerships' figures. Put right the figure that is "
            f"wrong, or {take_sum(column)}.")


def _legacy_split(variable_total: int, basis_points: Mapping[str, int], exact: Mapping[str, int],
                  unit: int, *, part: str = "the variable part",
                  whole: str = "the allocation adds up exactly to the pot") -> tuple[dict[str, int], str]:
    """The legacy spreadsheet: amount = variable × share rounded to 0.01 %, rounded half up to the unit.

    ``basis_points`` are the shares as printed (9.08 % is 908); ``exact`` the exact
    shares as whole-number weights. When the amounts do not add up to the variable
    part, whole units are added to (or taken from) the amounts that rounding moved
    furthest from their exact share, by largest remainder, ties by name; any odd
    pence go with the first. If the printed percentages themselves miss 100 % by
    more than a unit each, the gap is shared by the exact shares.
    """
    amounts = {n: _round_ratio_half_up(variable_total * bp, 10_000 * unit) * unit for n, bp in basis_points.items()}
    difference = variable_total - sum(amounts.values())
    if difference == 0:
        return amounts, ""
    exact_total = sum(exact.values())
    # The odd pence of a variable part in whole pounds are added, to the one furthest below its exact share (as the
    # odd-pence warning says); the whole pounds the amounts miss the rest by are added or taken away. Taken as one
    # (the amounts £0.50 over a variable part of £345,000.50), "the odd 50p from Cherwell", the one furthest above,
    # was then said as "Cherwell has the odd 50p (the furthest below its exact share)" (session 71).
    odd = variable_total % unit
    whole_difference = difference - odd
    direction = 1 if whole_difference > 0 else -1
    whole_units = abs(whole_difference) // unit
    # How far each amount is below its exact share (scaled by the weights' total, so in integers).
    shortfall = {n: variable_total * exact[n] - amounts[n] * exact_total for n in amounts}
    order = sorted(amounts, key=lambda n: (-(direction * shortfall[n]), n))
    # A pound added goes to a partnership with a share: one with nothing to share by (0 crimes, 0.00%) is never below
    # its share, and was given pounds (and odd pence) the others' rounding left (session 73).
    eligible = [n for n in order if (exact[n] > 0 if direction > 0 else amounts[n] >= unit)]
    if whole_units <= len(eligible):
        for n in eligible[:whole_units]:
            amounts[n] += direction * unit
    else:
        gap = split_by_weights(whole_units * unit, {n: exact[n] for n in eligible}, unit=unit)
        for n, pence in gap.items():
            amounts[n] += direction * pence
    # The odd pence to the one furthest below its exact share once the whole pounds are put right (before, £1 taken
    # from the only partnership with a share left the one with none "furthest below" and given the pence).
    first = None
    if odd:
        below = {n: variable_total * exact[n] - amounts[n] * exact_total for n in amounts}
        first = min(amounts, key=lambda n: (-below[n], n))
        amounts[first] += odd
    if any(v < 0 for v in amounts.values()):  # pragma: no cover - a safety net: never hand out a negative part
        amounts = split_by_weights(variable_total, dict(exact), unit=unit)
    unit_name = "£1" if unit == 100 else "1p"
    # Pence over a whole-pound unit are not "steps of £1": the odd pence go to one partnership, said apart.
    odd_words = f"the odd {odd}p to {first}" if odd else ""
    steps = f"in steps of {unit_name} by largest remainder"
    if whole_units and direction < 0:
        moved = f"{format_money(whole_units * unit)} was taken away {steps}"
        how = f", and the odd {odd}p added to {first}," if odd else ""
    else:
        moved = f"{format_money(difference)} was added"
        if whole_units and odd:
            how = f": {format_money(whole_units * unit)} {steps}, and {odd_words},"
        elif odd:
            how = f" ({odd_words})"
        else:
            how = f" {steps}"
    note = f"The two-decimal percentages did not add up to {part}: {moved}{how} so that {whole}."
    return amounts, note


def damp_changes(pot_pence: int, formula_pence: Mapping[str, int], previous_pence: Mapping[str, int | None],
                 limit: Fraction, unit: int) -> tuple[dict[str, int], str, Fraction]:
    """Hold each partnership's change from last year within ±limit; the others meet the difference.

    The result is the fixed point of "clamp those outside the band, share what is
    left among the rest in proportion to their formula amounts, repeat until
    stable": total = clamp(λ × formula, last year × (1 − limit), last year × (1 + limit))
    with one λ chosen so that the totals add up to the pot, found exactly. A
    partnership with no allocation last year is not limited. If the pot itself
    moved by more than the limit, the band is widened equally for everyone
    until it can be met, and the note says so.
    """
    names = sorted(formula_pence)
    limited = [n for n in names if previous_pence.get(n)]
    if not limited:  # asked for and not applied: said, or the figures would pass for damped ones
        return dict(formula_pence), (f"Damping (±{setting_percent_text(limit)}%) changed nothing: no partnership "
                                     "has an allocation for last year, so there is no change from last year to "
                                     "limit."), limit
    note, asked = "", limit
    previous_limited = sum(previous_pence[n] for n in limited)
    unlimited = [n for n in names if not previous_pence.get(n)]
    # A partnership whose formula gives nothing stays at the bottom of its band, so only the others can rise.
    rising = sum(previous_pence[n] for n in limited if formula_pence[n])
    idle = previous_limited - rising
    can_grow_freely = any(formula_pence[n] for n in unlimited)
    wider, room_for = None, ""
    if pot_pence < (1 - limit) * previous_limited:
        # Everyone at the bottom of the band meets the pot, less what the formula gives the partnerships with nothing
        # last year: widened only to the pot's own fall, they were left the nothing the bottoms leave over (£0, a
        # "variable fee" of minus the fixed fee), though they are not limited.
        newcomers = [n for n in unlimited if formula_pence[n]]
        room = pot_pence - sum(formula_pence[n] for n in newcomers)
        wider = 1 - Fraction(room, previous_limited)
        if newcomers:
            room_for = (f", leaving room for {in_words(newcomers)}, with no allocation last year and so not limited, "
                        "to have a share by the formula")
    elif not can_grow_freely and pot_pence > (1 + limit) * rising + max(Fraction(0), (1 - limit) * idle):
        wider = Fraction(pot_pence - previous_limited, rising - idle) if rising > idle else None
        if wider is None or wider > 1:
            wider = Fraction(pot_pence, rising) - 1  # beyond 100% the idle ones are at nothing
    if wider is not None:
        change = Fraction(pot_pence, previous_limited) - 1
        note = (f"The pot is {percent_text(abs(change))}% {'below' if change < 0 else 'above'} last year's "
                f"total, more than the ±{setting_percent_text(limit)}% damping limit allows, so the limit was widened "
                f"to ±{percent_text(wider)}% for every partnership{room_for}.")
        limit = wider
    # In integers: bands scaled by the limit's denominator d, λ as P/Q, so g(λ)·d·Q is an int.
    d, l_num = limit.denominator, limit.numerator
    low = {n: max(0, (d - l_num) * previous_pence[n]) if n in limited else 0 for n in names}
    high = {n: (d + l_num) * previous_pence[n] if n in limited else None for n in names}
    formula = {n: formula_pence[n] for n in names}
    target = pot_pence * d

    def weights_at(p: int, q: int) -> dict[str, int]:
        """Each total at λ = p/q, times d·q (so exact in integers)."""
        out = {}
        for n in names:
            v, lo_q = p * formula[n], low[n] * q
            if v < lo_q:
                out[n] = lo_q
            elif high[n] is not None and v > high[n] * q:
                out[n] = high[n] * q
            else:
                out[n] = v
        return out

    def excess(lam: Fraction) -> Fraction:
        """g(λ) − pot, scaled by d."""
        return Fraction(sum(weights_at(lam.numerator, lam.denominator).values()), lam.denominator) - target

    # g(λ) is continuous, non-decreasing and linear between the points where someone reaches a bound.
    bounds = [(b, formula[n]) for n in names if formula[n] for b in (low[n], high[n]) if b is not None]
    points = [Fraction(0)] + [Fraction(b, f) for b, f in sorted(set(bounds), key=lambda bf: bf[0] / bf[1])]
    if not _is_sorted(points):  # floats misordered two nearly equal points: sort them exactly
        points.sort()
    last = excess(points[-1])
    if last < 0:
        # Beyond the last bound only the unlimited partnerships still grow.
        slope = sum(formula[n] for n in unlimited)
        if slope == 0:  # pragma: no cover - excluded by the band check above
            raise AllocationError("damping: the limit cannot be met with these figures.")
        lam = points[-1] - last / slope
    else:
        lo_i, hi_i = 0, len(points) - 1
        while lo_i < hi_i:  # the first point where g reaches the pot
            mid = (lo_i + hi_i) // 2
            if excess(points[mid]) >= 0:
                hi_i = mid
            else:
                lo_i = mid + 1
        e_hi = excess(points[lo_i])
        if e_hi == 0 or lo_i == 0:
            lam = points[lo_i]
        else:
            a, b = points[lo_i - 1], points[lo_i]
            e_lo = excess(a)
            lam = a - e_lo * (b - a) / (e_hi - e_lo)
    exact = weights_at(lam.numerator, lam.denominator)
    if sum(exact.values()) != target * lam.denominator:  # pragma: no cover - guarded by the band check above
        raise AllocationError("damping: the limit cannot be met with these figures.")
    if not any(exact.values()):
        return {n: 0 for n in names}, note, limit
    # Rounded to the unit inside each band where it can be: £27,897.60 (+20% on £23,248) is £27,897, not £27,898.
    step = d * unit
    bands = {n: (-(-low[n] // step), high[n] // step) for n in limited}
    rounded = _nearest_units(exact, d * lam.denominator, pot_pence, unit, bands)
    # A band narrower than a pound (a 0% freeze on last year's £23,248.50) may hold no whole pound: said, not unsaid.
    outside = [n for n in limited if not low[n] <= rounded[n] * d <= high[n]]
    if outside:
        def off_by(n: str) -> str:
            """The edge it is off, in money: with the limit in rounded percent (a widened ±9.99991% said ±10%), one
            at exactly -10% (£162,000 of last year's £180,000) read as inside it (session 71)."""
            below = rounded[n] * d < low[n]
            edge = -(-low[n] // d) if below else high[n] // d  # to the penny, inside the limit
            return f"the limit's {'least' if below else 'most'} is {format_money(edge)}"

        held = "; ".join(f"{n} has {format_money(rounded[n])} (last year {format_money(previous_pence[n])}; "
                         f"{off_by(n)})"
                         for n in outside[:3])  # the rest named only: forty names with figures would bury the note
        more = f"; and {counted(len(outside) - 3, 'more partnership')} likewise" if len(outside) > 3 else ""
        whole = "whole pounds" if unit == 100 else "whole pence"
        # Pence are advised only where they keep it: a limit widened to the pot's own fall puts every partnership
        # at its edge, which whole pence cannot all keep either.
        in_pence = unit != 1 and "cannot be kept exactly" not in damp_changes(
            pot_pence, formula_pence, previous_pence, asked, 1)[1]
        note = " ".join(filter(None, [note, (
            f"Rounded to {whole}, the ±{(setting_percent_text if limit == asked else percent_text)(limit)}% damping "
            "limit cannot be kept exactly for "
            f"{in_words(outside)}: {held}{more}, the nearest {whole} that add up to the pot."
            f"{' Choose pence as the rounding unit to keep the limit exactly.' if in_pence else ''}")]))
    return rounded, note, limit


def _nearest_units(scaled: Mapping[str, int], scale: int, total_pence: int, unit: int,
                   bands: Mapping[str, tuple[int, int]] | None = None) -> dict[str, int]:
    """Round exact amounts (given × scale) to units so that each moves by less than one unit and all add up.

    Each part is its exact amount rounded down to the unit; the units left over go to
    the largest remainders (ties by the larger amount, then by name), and odd pence
    (a total that is not a whole number of units) to the next in line. ``bands`` (the
    fewest and most units a partnership may have: its damping limit) come first when
    they can all be kept: a part rounded down below its band takes a unit, one at the
    top of its band takes none, and the units left go to the others, more than one
    each if need be.
    """
    step = unit * scale
    parts = {n: v // step for n, v in scaled.items()}
    units_total, odd = divmod(total_pence, unit)
    left = units_total - sum(parts.values())
    order = sorted(scaled, key=lambda n: (-(scaled[n] - parts[n] * step), -scaled[n], n))
    odd_to = order[left % len(order)]
    banded = _within_bands(scaled, parts, left, order, bands) if bands else None
    if banded is not None:
        parts, left = banded, 0
        odd_to = next((n for n in order if n not in bands or parts[n] < bands[n][1]), odd_to)
    for n in order[:left]:
        parts[n] += 1
    result = {n: parts[n] * unit for n in scaled}
    if odd:
        result[odd_to] += odd
    return result


def _within_bands(scaled: Mapping[str, int], floors: Mapping[str, int], left: int, order: Sequence[str],
                  bands: Mapping[str, tuple[int, int]]) -> dict[str, int] | None:
    """``floors`` with ``left`` more units placed so that every part is inside its band (in ``order``, largest
    remainder first), or None when they cannot all be kept."""
    parts = dict(floors)
    for n, (low, high) in bands.items():
        if low > high or parts[n] > high:
            return None
        left -= max(0, low - parts[n])
        parts[n] = max(parts[n], low)
    while left:  # the rest to the largest remainders with room (or, when too many were raised, from the smallest)
        step = 1 if left > 0 else -1
        if step > 0:
            room = [n for n in order if (parts[n] < bands[n][1] if n in bands else scaled[n])]
        else:
            room = [n for n in reversed(order) if parts[n] > (bands[n][0] if n in bands else 0)]
        if not room:
            return None
        for n in room[:abs(left)]:
            parts[n] += step
        left -= step * len(room[:abs(left)])
    return parts


def _is_sorted(values: list[Fraction]) -> bool:
    return all(a <= b for a, b in zip(values, values[1:]))


# -- the plain-language line ------------------------------------------------------------------

def explain_row(result: AllocationResult, row: PartnershipAllocation) -> str:
    """Fixed fee + variable fee (+ damping) = total, against last year, in one sentence."""
    opts = result.options
    parts = []
    if result.previous_total_pence is not None:
        pot_text = (f"the {format_money(result.pot_pence)} pot (last year's {format_money(result.previous_total_pence)}"
                    f" less {setting_percent_text(opts.retain)}% retained)")
    elif result.grant_pence is not None:
        pot_text = (f"the {format_money(result.pot_pence)} pot (this year's {format_money(result.grant_pence)} "
                    f"less {setting_percent_text(opts.retain)}% retained)")
    else:
        pot_text = f"the {format_money(result.pot_pence)} pot"
    if row.fixed_pence or result.fixed_total_pence:
        if opts.fixed_per_unit_pence is not None:
            how = f"a set {format_money(result.fixed_per_unit_pence)} per unit"
        else:
            how = (f"{share_text(opts.fixed_share)} of {pot_text} shared over {result.fixed_units} units, "
                   f"{format_money(result.fixed_per_unit_pence)} each")
        units = "unit" if row.fixed_units == 1 else "units"
        parts.append(f"a fixed fee of {format_money(row.fixed_pence)} ({row.fixed_units} {units}; {how})")
    factors = opts.factors
    if result.left_by_fixed_fees:
        parts.append(f"{format_money(row.variable_pence)} of the {format_money(result.variable_total_pence)} the fixed "
                     "fees left, shared by fixed units (there are no figures to share it by)")
        return _with_total(result, row, f"{row.name} gets " + " plus ".join(parts))
    if len(factors) == 1:
        f = factors[0]
        basis = (f"its {format_number(row.values.get(f.name, Fraction(0)))} of the "
                 f"{format_number(result.factor_totals[f.name])} total of {f.title}")
    else:
        pieces = [f"{format_percent(row.factor_shares[f.name])}% of {f.title} weighted "
                  f"{percent_text(f.weight / sum((g.weight for g in factors), Fraction(0)))}%" for f in factors]
        basis = "; ".join(pieces)
    rounding = ("its share rounded to two decimals first, as the county's spreadsheet does"
                if opts.rounding == "percent-2dp" else "exact shares, rounded by largest remainder")
    parts.append(f"a variable fee of {format_money(row.variable_pence)} ({row.share_pct}% of the "
                 f"{format_money(result.variable_total_pence)} variable part: {basis}; {rounding})")
    return _with_total(result, row, f"{row.name} gets " + " plus ".join(parts))


def _with_total(result: AllocationResult, row: PartnershipAllocation, text: str) -> str:
    """``explain_row``'s sentence ended: any damping, the total, and against last year."""
    if row.damping_pence:
        text += _damping_words(result, row)
    text += f" = {format_money(row.total_pence)}"
    if row.previous_pence is not None:
        variance = row.variance_pence
        if variance == 0:
            text += f", the same as last year's {format_money(row.previous_pence)}."
        else:
            pct = (f" ({format_percent(Fraction(abs(variance), row.previous_pence), 1)}%)"
                   if row.previous_pence else "")
            text += (f", {format_money(abs(variance))}{pct} {'more' if variance > 0 else 'less'} than last year's "
                     f"{format_money(row.previous_pence)}.")
    else:
        text += "; it had no allocation last year."
    return text


def damping_limit_text(result: AllocationResult) -> str:
    """The damping limit applied: as set ("7.125"), or, widened because the pot moved more, as worked out."""
    limit = result.damping_limit
    return setting_percent_text(limit) if limit == result.options.damping else percent_text(limit)


def _damping_words(result: AllocationResult, row: PartnershipAllocation) -> str:
    """What damping moved for one row and why: held within its own band, its part of the difference the others
    gave up (or needed), or both (``damp_changes`` scales every partnership not at a bound)."""
    moved = f"{'plus' if row.damping_pence > 0 else 'less'} {format_money(abs(row.damping_pence))}"
    limit = f"the ±{damping_limit_text(result)}% damping limit"
    met = "its part of the difference met by the others"
    if not row.previous_pence:  # not limited itself: it only meets the difference
        return f", {moved}, {met} under {limit} (with no allocation last year, its own change is not limited)"
    low, high = row.previous_pence * (1 - result.damping_limit), row.previous_pence * (1 + result.damping_limit)
    to_band = min(max(Fraction(row.formula_pence), low), high) - row.formula_pence
    if abs(row.damping_pence - to_band) < result.options.unit_pence:  # what is left is rounding to the unit
        if not low <= row.total_pence <= high:  # no whole pound within its band (said in the notes)
            whole = "whole pounds" if result.options.unit_pence == 100 else "whole pence"
            return f", {moved} so that its change from last year is as near {limit} as {whole} allow"
        return f", {moved} so that its change from last year stays within {limit}"
    to_band = _round_half_up(to_band, result.options.unit_pence)
    rest = row.damping_pence - to_band
    if not to_band:
        return f", {moved}, {met} under {limit}"
    return (f", {moved} under {limit}: {format_money(abs(to_band))} to bring its change from last year within it "
            f"and {format_money(abs(rest))} as {met}")


# -- redistribution and top-slicing --------------------------------------------------------------

REDISTRIBUTION_METHODS = ("basis", "allocation")


def redistribute_uncommitted(amount_pence: int, result: AllocationResult, *, method: str = "basis",
                             unit: str | None = None) -> dict[str, int]:
    """Share money not committed by the deadline: by the variable basis (crime share) or pro rata to this year.

    Seed 000: "shared proportionately amongst CSPs, on the basis of the formula used to
    allocate funding according to distribution of BCS comparator crimes"; the paper is
    ambiguous, so both readings are offered. The parts add up exactly to the amount.
    """
    return redistribution_shares(amount_pence, result, method=method, unit=unit)[0]


def redistribution_shares(amount_pence: int, result: AllocationResult, *, method: str = "basis",
                          unit: str | None = None) -> tuple[dict[str, int], str]:
    """``redistribute_uncommitted``'s shares, and what was done to make them add up ("" when nothing was).

    By the basis, an allocation rounded as the legacy spreadsheet rounds (two-decimal percentages) shares back by
    the percentages as printed, as "the formula used to allocate funding" did (seed 000: 9.08% of the amount to
    Babergh), made to add up as its variable part is; an exact allocation by the exact shares.
    """
    if amount_pence < 0:
        raise AllocationError("The amount to redistribute cannot be negative.")
    step = UNITS[unit or result.options.unit]
    if method == "basis":
        weights = {r.name: r.weight for r in result.rows}
    elif method == "allocation":
        weights = {r.name: r.total_pence for r in result.rows}
    else:
        raise AllocationError(f"method: “{method}” is not known; use basis or allocation.")
    if sum(weights.values()) == 0:
        raise AllocationError("There is no basis to redistribute by: every share is zero.")
    if method == "basis" and result.options.rounding == "percent-2dp":
        scale = lcm(*(w.denominator for w in weights.values()))
        exact = {n: int(w * scale) for n, w in weights.items()}
        printed = {r.name: int(r.share_pct.replace(".", "")) for r in result.rows}  # "9.08" is 908 basis points
        return _legacy_split(amount_pence, printed, exact, step, part="the amount shared back",
                             whole="the shares add up exactly to it")
    return split_by_weights(amount_pence, weights, unit=step), ""


@dataclass(frozen=True)
class TopSliceLine:
    label: str
    amount_pence: int


@dataclass(frozen=True)
class TopSliceResult:
    lines: tuple[TopSliceLine, ...]  # the paper's breakdown, in order
    partners: int
    equal_share_pence: int  # what each partner is told to plan on
    shares_pence: tuple[int, ...]  # the exact equal split (adds up to the partners' pot)
    scenario: Fraction
    scenario_more_pence: int
    scenario_less_pence: int


MOST_PARTNERS = 100  # the seed papers' partnerships have nine to a dozen statutory partners


def top_slice(total_pence: int, *, slices: Sequence[tuple[str, Fraction]] = (("LSP share", Fraction(1, 2)),),
              remainder_label: str = "SSP share", retained: Fraction = Fraction(1, 10),
              retained_label: str = "Retained", partners: int = 9, scenario: Fraction = Fraction(1, 5)
              ) -> TopSliceResult:
    """Top-slice a grant as seed 000 does the Performance Reward Grant.

    Slices of the total come off first (50 % to the LSPs); of what is left, a
    retained share is kept (10 %) and the rest is shared equally by the partners;
    each partner also plans for ±scenario (20 %). Every amount is exact to the penny.
    """
    if total_pence < 0:
        raise AllocationError("The total cannot be negative.")
    if partners < 1:
        raise AllocationError("partners: there must be at least one partner to share with.")
    if partners > MOST_PARTNERS:
        raise AllocationError(f"partners: {partners:,} is more partners than a partnership has (at most "
                              f"{MOST_PARTNERS}).")
    if sum((Fraction(s) for _, s in slices), Fraction(0)) > 1:
        raise AllocationError("slices: the slices add up to more than the whole.")
    if not 0 <= retained <= 1:
        raise AllocationError("retained: the retained share must be between 0% and 100%.")
    if scenario < 0:
        raise AllocationError("scenario: the scenario cannot be negative.")
    lines = [TopSliceLine("Total", total_pence)]
    left, taken, so_far = total_pence, 0, Fraction(0)
    for label, share in slices:
        # Each slice is the running total rounded less the slices before it: rounded each half up, two halves of
        # £2,900,692.01 took £0.02 more than the grant and left a remainder of -£0.01 (s74). The first is as it was.
        so_far += Fraction(share)
        amount = _round_half_up(total_pence * so_far) - taken
        taken += amount
        lines.append(TopSliceLine(label, amount))
        left -= amount
    lines.append(TopSliceLine(remainder_label, left))
    kept = _round_half_up(left * Fraction(retained))
    lines.append(TopSliceLine(f"{retained_label} ({setting_percent_text(Fraction(retained))}%)",
                              kept))
    shared = left - kept
    shares = split_by_weights(shared, {i: 1 for i in range(partners)})
    each = _round_half_up(Fraction(shared, partners))
    lines.append(TopSliceLine(f"Each of {partners} partners (equal share)", each))
    return TopSliceResult(tuple(lines), partners, each, tuple(shares[i] for i in range(partners)), Fraction(scenario),
                          _round_half_up(each * (1 + Fraction(scenario))),
                          _round_half_up(each * (1 - Fraction(scenario))))


def equal_shares_note(result: TopSliceResult, each_label: str) -> str:
    """How the exact shares fall when the partners' part does not split equally to the penny ("" when it does):
    £1,305,311.40 over seven is 2 × £186,473.05 and 5 × £186,473.06, and ``each_label`` shows the rounded share."""
    shared = sum(result.shares_pence)
    amounts = sorted(set(result.shares_pence))
    if len(amounts) == 1 and result.equal_share_pence * result.partners == shared:
        return ""
    counts = {v: result.shares_pence.count(v) for v in amounts}
    parts = [f"{n} {'gets' if n == 1 else 'get'} {format_money(v, show_pence=True)}" for v, n in counts.items()]
    return (f"{format_money(shared, show_pence=True)} does not split into {result.partners} equal shares to the "
            "penny: exactly, " + " and ".join(parts)
            + f"; {each_label} is the rounded {format_money(result.equal_share_pence, show_pence=True)}.")


def factor_names(partnerships: Iterable[PartnershipInput]) -> list[str]:
    """Every factor that some partnership has a value for, in first-seen order."""
    seen: dict[str, None] = {}
    for p in partnerships:
        for key in p.values:
            seen.setdefault(key, None)
    return list(seen)


def year_labels(year: str) -> tuple[str, str]:
    """The names of an allocation's two years, as its chart's legend and the board report's chart say them: its year
    and the one before ("2009/10", "2008/09"); "This year", "Last year" when ``year`` is not a financial year."""
    try:
        fy = FinancialYear.parse(year)
    except PeriodError:
        return "This year", "Last year"
    return fy.label, FinancialYear(fy.start_year - 1).label
