"""How much of a project is commissioned (a fraction, months, or an amount typed), and scaled amounts to the penny.

Kept apart from domain.projects, which re-exports these names: the register shows projects, not how much of each a
scenario commissions, and making Scale (a dataclass) is 4 M instructions of a start that shows none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from safer_desk.domain.checks import typed_digits
from safer_desk.domain.money import format_money
from safer_desk.domain.projects import ProjectError
from safer_desk.domain.text import LazyPattern

_MONTHS = LazyPattern(r"^(\d+)\s*(?:of|/)\s*(\d+)\s*months?$", re.I)
_FRACTION = LazyPattern(r"^(\d+)\s*/\s*(\d+)$")
_MIXED = LazyPattern(r"^(\d+)\s+(\d+)\s*/\s*(\d+)$")  # "0 1/3": a fraction as Excel types one (Copy gives it so)


@dataclass(frozen=True)
class Scale:
    """How much of a project is commissioned: a fraction (1/3 for a pilot), months (6 of 12), or an amount typed
    (£50,000 of its £62,372: ``amount_pence``, committed as typed whatever the project's figure counted later;
    its fraction is then of no account, and kept as 1)."""

    numerator: int = 1
    denominator: int = 1
    months: bool = False
    amount_pence: int | None = None

    def __post_init__(self) -> None:
        if self.denominator <= 0 or self.numerator < 0:
            raise ProjectError("A scale needs a positive whole number below the line and none negative above it.")
        if self.amount_pence is not None and self.amount_pence < 0:
            raise ProjectError("An amount committed cannot be negative.")

    @property
    def fraction(self) -> Fraction:
        return Fraction(self.numerator, self.denominator)

    @property
    def is_whole(self) -> bool:
        return self.numerator == self.denominator and self.amount_pence is None

    def describe(self) -> str:
        if self.amount_pence is not None:
            return format_money(self.amount_pence)
        if self.months:
            return f"{self.numerator} of {self.denominator} months"
        if self.is_whole:
            return "in full"
        if not self.numerator:  # (not "0/1": an amount of £0 typed, or 0)
            return "none"
        f = self.fraction
        if percent := _as_percent(f):  # "33.333%" typed: not "33333/100000"
            return percent
        return f"{f.numerator}/{f.denominator}"

    def for_excel(self) -> str:
        """The scale as Excel types it, for a copy or a .csv: a fraction "0 1/3" (shown 1/3, a number to multiply
        by), since "1/3" is a date there (01-Mar, and 1/2 01-Feb); months, an amount and "in full" as shown."""
        if self.amount_pence is not None or self.months or self.is_whole or not self.numerator \
                or _as_percent(self.fraction):
            return self.describe()
        whole, part = divmod(self.fraction, 1)
        return f"{whole} {part.numerator}/{part.denominator}" if part else str(whole)


def _as_percent(f: Fraction) -> str:
    """A scale of many parts that is a percentage with decimals, as the percentage ("33.333%" for 33333/100000);
    "" for one of a few parts (1/3, 3/8, 1/10: shown as the fraction) or one no decimal writes exactly (1/7)."""
    d = f.denominator
    if d <= 100:
        return ""
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return ""
    return format((Decimal(f.numerator * 100) / Decimal(f.denominator)).normalize(), "f") + "%"


def parse_scale(text: str) -> Scale:
    """Read a scale: "1/3" (or "0 1/3", as Copy gives it to Excel), "6 of 12 months", "50%", "0.5", "full" or blank
    (in full)."""
    s = (text or "").strip().casefold()
    if s in ("", "full", "in full", "1", "100%", "all"):
        return Scale()
    if s in ("none", "nothing"):
        return Scale(0, 1)
    m = _MONTHS.match(s)
    if m:
        n, d = int(m.group(1)), int(m.group(2))
        if d == 0:
            raise ProjectError(f"“{text.strip()}”: a project runs at least 1 month; type the months used of the "
                               "months it runs (6 of 12 months).")
        if n > d:
            raise ProjectError(f"“{text.strip()}”: the months used cannot be more than the months of the project.")
        return Scale(n, d, months=True)
    m = _FRACTION.match(s)
    if m:
        n, d = int(m.group(1)), int(m.group(2))
        if d == 0:
            raise ProjectError(f"“{text.strip()}”: a fraction cannot have 0 below the line.")
        return Scale(n, d)
    m = _MIXED.match(s)
    if m:
        whole, n, d = (int(g) for g in m.groups())
        if d == 0:
            raise ProjectError(f"“{text.strip()}”: a fraction cannot have 0 below the line.")
        f = whole + Fraction(n, d)
        return Scale(f.numerator, f.denominator)
    if s.startswith(("-", "\u2212")):
        raise ProjectError(f"“{text.strip()}”: a scale cannot be negative.")
    try:
        f = typed_digits(s[:-1]) / 100 if s.endswith("%") else typed_digits(s)
    except ValueError:
        raise ProjectError(f"“{text.strip()}” is not a scale (try 1/3, 6 of 12 months or 50%).") from None
    return Scale(f.numerator, f.denominator)


def scale_pence(pence: int, scale: Scale | Fraction) -> int:
    """The scaled amount to the penny, halves rounded up (explicit, never float). An amount typed is committed as
    typed (nothing, of a project that counts nothing)."""
    if isinstance(scale, Scale) and scale.amount_pence is not None:
        return scale.amount_pence if pence else 0
    f = scale.fraction if isinstance(scale, Scale) else Fraction(scale)
    exact = pence * f
    whole, rest = divmod(exact.numerator, exact.denominator)
    return whole + (1 if 2 * rest >= exact.denominator else 0)


def fund_variant(pence: int, percent: int) -> int:
    """A fund plus or minus a percentage, to the penny (PRG ±20%: £174,041.52 / £116,027.68)."""
    return scale_pence(pence, Fraction(100 + percent, 100))
