"""Quarters of a financial year (Q1 is April to June), and reading them as people write them.

Kept apart from domain.periods, which re-exports Quarter: a register, a cost or a date needs months and years but no
quarter, and making this class (an ordered dataclass) is 5 M instructions of a start that shows no quarter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safer_desk.domain.periods import (MONTH_NAMES, AmbiguousPeriod, FinancialYear, Month, PeriodError, _month_number,
                                       full_year)
from safer_desk.domain.text import LazyPattern


@dataclass(frozen=True, order=True)
class Quarter:
    """A quarter of a financial year: Q1 is April to June."""

    year: FinancialYear
    number: int

    def __post_init__(self) -> None:
        if self.number not in (1, 2, 3, 4):
            raise PeriodError(f"a quarter is 1 to 4, not {self.number}")

    @classmethod
    def parse(cls, text: str, *, typed: bool = False) -> "Quarter":
        """Parse "2016/17 Q1", "Q1 2016/17" or the stored "2016-Q1" (the financial year starting in 2016).

        A quarter of a bare year ("Q3 2016", "2017 Q1") is refused naming both readings: most readers mean the
        calendar's quarter (July to September), the financial year's is October to December. The stored form
        is read only as the program writes it, and not at all when typed is set (a figure sheet, a form).
        """
        s = (text or "").strip()
        if (by_months := _quarter_of_months(s)) is not None:
            return by_months
        # "Quarter 1 2016/17", "2016/17 Qtr 1": a council sheet's words for Q1
        s = _QUARTER_WORD.sub(lambda w: f"Q{w.group(1)}", s)
        m = re.fullmatch(r"(?:Q([1-4])\s+(.+)|(.+?)\s*[-\s]\s*Q([1-4]))", s, re.I)
        if m:
            number = int(m.group(1) or m.group(4))
            year_text = (m.group(2) or m.group(3)).strip()
            if re.fullmatch(r"\d{4}", year_text):
                if not typed and re.fullmatch(r"\d{4}-Q[1-4]", s):
                    return cls(FinancialYear(int(year_text)), number)
                raise AmbiguousPeriod(_calendar_quarter_message(s, int(year_text), number))
            return cls(FinancialYear.parse(year_text), number)
        raise PeriodError(f"“{s}” is not a quarter (use a form like 2016/17 Q1).")

    @property
    def months(self) -> list[Month]:
        return self.year.months[(self.number - 1) * 3 : self.number * 3]

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.year.label}"

    @property
    def key(self) -> str:
        """Stored form: "2016-Q1" (the financial year's start year)."""
        return f"{self.year.start_year}-Q{self.number}"

    def __str__(self) -> str:
        return self.label


_QUARTER_WORD = LazyPattern(r"\b(?:quarter|qtr)\.?\s*([1-4])\b", re.I)
# "Apr-Jun 2016", "April to June 2016", "Jan - Mar 17", "Apr-Jun 2016/17": the first and last months of a quarter and
# its year (the calendar year of those months, or the financial year).
_MONTHS_OF_QUARTER = LazyPattern(r"([a-z]{3,9})\.?\s*(?:[-\u2013\u2014]|to)\s*([a-z]{3,9})\.?,?\s*(\S+)", re.I)
_FIRST_MONTHS = {(4, 6): 1, (7, 9): 2, (10, 12): 3, (1, 3): 4}  # (first, last) month of each financial quarter


def _quarter_of_months(text: str) -> Quarter | None:
    """The quarter "Apr-Jun 2016" names (2016/17 Q1; "Jan-Mar 2017" is 2016/17 Q4), or None when text is not
    a quarter's months and year; a run of months that is no financial quarter ("Feb-Apr 2016") is None too."""
    m = _MONTHS_OF_QUARTER.fullmatch(text)
    if not m:
        return None
    first, last = _month_number(m.group(1)), _month_number(m.group(2))
    number = _FIRST_MONTHS.get((first, last)) if first and last else None
    if number is None:
        return None
    year_text = m.group(3)
    if re.fullmatch(r"\d{4}|\d{2}", year_text):  # the calendar year of the months
        year = full_year(year_text)
        return Quarter(FinancialYear(year - 1 if number == 4 else year), number)
    try:
        return Quarter(FinancialYear.parse(year_text), number)
    except PeriodError:
        return None


def _calendar_quarter_message(text: str, year: int, number: int) -> str:
    """Both readings of "Q3 2016", each with the financial-year form that says it."""
    calendar = Month(year, 3 * number - 2).quarter
    financial = Quarter(FinancialYear(year), number)

    def reading(q: Quarter) -> str:
        first, last = q.months[0], q.months[-1]
        return f"{MONTH_NAMES[first.month - 1]} to {MONTH_NAMES[last.month - 1]} {last.year} (write {q.year.label} " \
               f"Q{q.number})"

    return f"“{text}” could mean {reading(calendar)} or {reading(financial)}: a quarter is written with its " \
           "financial year (Q1 is April to June)."
