"""Financial years (April to March, labelled 2018/19), months and quarters (Q1 = April to June: domain.quarters)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from safer_desk.domain.frozen import Ordered
from safer_desk.domain.text import LazyPattern

if TYPE_CHECKING:
    from safer_desk.domain.quarters import Quarter

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class PeriodError(ValueError):
    """Text that is not a period or a date; the message names the text."""


class AmbiguousPeriod(PeriodError):
    """Text that reads as two periods ("Q3 2016": July to September, or the third quarter of 2016/17)."""


class YearOutOfRange(PeriodError):
    """A financial year written right whose months no date can be in ("1850/51"): not some other period either."""


FIRST_YEAR, LAST_YEAR = 1900, 2200  # the years a month, and so a date, can be in


class Month(Ordered):
    """A calendar month, stored as "YYYY-MM".

    Frozen, compared and ordered as the tuple (year, month), as the ``@dataclass(frozen=True, order=True)`` it was:
    written out, its methods are compiled into the .pyc, where a dataclass's are compiled each start (issue 16)."""

    __slots__ = ("year", "month")
    __match_args__ = ("year", "month")
    year: int
    month: int

    def __init__(self, year: int, month: int) -> None:
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        if not 1 <= month <= 12:
            raise PeriodError(f"month must be 1 to 12, not {month}")
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise PeriodError(f"year {year} is out of range")

    @classmethod
    def parse(cls, text: str) -> "Month":
        """Parse "2016-04", "2016/04", "Apr-16", "Apr 2016" or "April 2016"."""
        s = (text or "").strip()
        m = re.fullmatch(r"(\d{4})[-/](\d{1,2})", s)
        if m:
            return cls(int(m.group(1)), int(m.group(2)))
        m = re.fullmatch(r"([A-Za-z]{3})[a-z]*[-\s']+(\d{2}|\d{4})", s)
        if m and m.group(1).title() in MONTH_ABBR:
            return cls(full_year(m.group(2)), MONTH_ABBR.index(m.group(1).title()) + 1)
        raise PeriodError(f"“{s}” is not a month (use a form like 2016-04 or Apr-16).")

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        """The board papers' column label: "Apr-16"; with the whole year where two digits would be read back as
        another century's ("Jan-2070", a fund's run-out far ahead: "Jan-70" reads as 1970), so it always parses
        back to this month."""
        if full_year(f"{self.year % 100:02d}") != self.year:
            return f"{MONTH_ABBR[self.month - 1]}-{self.year}"
        return f"{MONTH_ABBR[self.month - 1]}-{self.year % 100:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def financial_year(self) -> "FinancialYear":
        return FinancialYear(self.year if self.month >= 4 else self.year - 1)

    @property
    def fy_index(self) -> int:
        """Position in its financial year: April is 1, March is 12."""
        return (self.month - 4) % 12 + 1

    @property
    def quarter(self) -> "Quarter":
        from safer_desk.domain.quarters import Quarter

        return Quarter(self.financial_year, (self.fy_index - 1) // 3 + 1)

    def plus(self, months: int) -> "Month":
        index = self.year * 12 + (self.month - 1) + months
        return Month(index // 12, index % 12 + 1)

    def minus(self, other: "Month") -> int:
        """Whole months from other to self."""
        return (self.year * 12 + self.month) - (other.year * 12 + other.month)

    def __str__(self) -> str:
        return self.iso


class FinancialYear(Ordered):
    """The year from 1 April of start_year to 31 March of the next, labelled "2018/19".

    Frozen, compared and ordered as the tuple (start_year,), as the ``@dataclass(frozen=True, order=True)`` it was
    (written out as ``Month`` is)."""

    __slots__ = ("start_year",)
    __match_args__ = ("start_year",)
    start_year: int

    def __init__(self, start_year: int) -> None:
        object.__setattr__(self, "start_year", start_year)

    @classmethod
    def parse(cls, text: str) -> "FinancialYear":
        """Parse "2018/19", "2018-19", "2018/2019" or "18/19" (or "2018–19", the dash Word and Excel put in), with
        "FY" before it or not ("FY2018/19", as finance teams' sheets head their years).

        A year whose months a date cannot be in ("1850/51": FIRST_YEAR to LAST_YEAR) is refused here, where it is
        typed, not later when its months are counted."""
        s = (text or "").strip()
        m = re.fullmatch(r"(?:FY\s*)?(\d{2}|\d{4})\s*[/\-\u2013\u2014]\s*(\d{2}|\d{4})", s, re.I)
        if m:
            start = full_year(m.group(1))  # "99/00" is 1999/00, as "1/4/99" is 1999
            end = int(m.group(2))
            if end % 100 == (start + 1) % 100:
                if not FIRST_YEAR <= start < LAST_YEAR:
                    raise YearOutOfRange(f"“{s}” is not a year Safer Desk can hold (the years {FIRST_YEAR}/"
                                         f"{(FIRST_YEAR + 1) % 100:02d} to {LAST_YEAR - 1}/{LAST_YEAR % 100:02d}).")
                return cls(start)
        raise PeriodError(f"“{s}” is not a financial year (use a form like 2018/19).")

    @classmethod
    def of(cls, day: date) -> "FinancialYear":
        return Month.of(day).financial_year

    @classmethod
    def label_of_word(cls, word: str) -> str | None:
        """A word of a search that is a financial year written with a dash or in full ("2020-21", "2020–2021",
        "2020/2021") as the program writes it ("2020/21"), or None (a date, a number, a year that cannot be held)."""
        if not re.fullmatch(r"\d{4}[-–—/]\d{2}(?:\d{2})?", word):
            return None
        try:
            return cls.parse(word).label
        except PeriodError:
            return None

    @property
    def label(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def first_day(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def last_day(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def months(self) -> list[Month]:
        first = Month(self.start_year, 4)
        return [first.plus(i) for i in range(12)]

    @property
    def quarters(self) -> list["Quarter"]:
        from safer_desk.domain.quarters import Quarter

        return [Quarter(self, q) for q in (1, 2, 3, 4)]

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def previous(self) -> "FinancialYear":
        return FinancialYear(self.start_year - 1)

    def next(self) -> "FinancialYear":
        return FinancialYear(self.start_year + 1)

    def __str__(self) -> str:
        return self.label


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
_NUMERIC_DATE = LazyPattern(r"(\d{1,2})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})")
_WORDED_DATE = LazyPattern(r"(\d{1,2})(?:st|nd|rd|th)?\s*[\s\-]\s*([A-Za-z]{3,9})\.?\s*[\s\-,]\s*(\d{4}|\d{2})",
                          re.I)
# A time of day after the date, as spreadsheets and case systems export dates ("01/04/2018 00:00",
# "2018-04-01T09:15:00"): the date is what is meant.
_TIME_OF_DAY = LazyPattern(r"(?:[ T])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?$")


def full_year(text: str) -> int:
    """Two-digit years are this century's ("26" → 2026) up to 69, the last century's from 70 (as Excel reads them)."""
    year = int(text)
    if len(text) == 2:
        return 2000 + year if year < 70 else 1900 + year
    return year


# A month as council sheets write it, month then year ("12/2016", "12/16": its two digits read as in "Dec-16").
_MONTH_THEN_YEAR = LazyPattern(r"(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})")


def month_then_year(text: str) -> tuple[int, int] | None:
    """The (month number, year) of a month written month then year ("12/2016", "12/16" → (12, 2016)), or None for
    text of another form. The numbers are as typed: a month past 12 or a year no month can be in is the caller's
    to refuse (``Month`` does), as is "11/12", which reads as the financial year 2011/12 too."""
    m = _MONTH_THEN_YEAR.fullmatch((text or "").strip())
    return (int(m.group(1)), full_year(m.group(2))) if m else None


def _month_number(word: str) -> int | None:
    w = word.casefold()
    for i, name in enumerate(MONTH_NAMES, start=1):
        if name.casefold() == w or (len(w) >= 3 and name.casefold().startswith(w)) or (w == "sept" and i == 9):
            return i
    return None


def parse_uk_date(text: str) -> date:
    """Parse a date as British users type it: 1/4/26, 01/04/2026, 1-4-26, 1.4.2026, 1 April 2026, 1 Apr 26, or ISO
    (2026-04-01, or 2026-4-1 without its zeros).

    Day before month, always (01/04/2026 is the first of April). A day that does not exist
    ("31/02/2018") is refused, never rolled over. A time of day after it ("01/04/2018 00:00") is left aside.
    """
    s = " ".join((text or "").split())
    if (timed := _TIME_OF_DAY.search(s)) and timed.start() > 0:
        s = s[:timed.start()]
    day = month = year = None
    m = _NUMERIC_DATE.fullmatch(s)
    if m:
        day, month, year = int(m.group(1)), int(m.group(3)), full_year(m.group(4))
    elif iso := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s):  # "2018-4-1" too: year first is never day first
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    else:
        worded = _WORDED_DATE.fullmatch(s)
        if worded and _month_number(worded.group(2)):
            day, month, year = int(worded.group(1)), _month_number(worded.group(2)), full_year(worded.group(3))
    if day is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(f"“{s}” is not a date Safer Desk can hold (the years {FIRST_YEAR} to {LAST_YEAR}).")
    if day is not None:
        try:
            return date(year, month, day)
        except ValueError:
            raise PeriodError(f"“{s}” is not a date: {_why_no_such_day(day, month, year, m is not None)}") from None
    raise PeriodError(f"“{s}” is not a date (use a form like 01/04/2018, 1/4/18 or 1 April 2018).")


def _why_no_such_day(day: int, month: int, year: int, day_first: bool = True) -> str:
    """Why a day, month and year that read as a date are none: "February 2018 has 28 days."."""
    import calendar

    if not 1 <= month <= 12:
        hint = f" (the day comes first: {month} {calendar.month_name[day]} is {month:02d}/{day:02d}/{year})" \
            if day_first and 1 <= day <= 12 else ""
        return f"there is no month {month}{hint}."
    if day < 1:
        return f"there is no day {day}."
    return f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days."


def format_uk_date(day: date | None) -> str:
    """01/04/2018; an empty string for no date."""
    return "" if day is None else day.strftime("%d/%m/%Y")


def __getattr__(name: str):
    """Quarter, which lives in domain.quarters, as it always could be imported from here."""
    if name == "Quarter":
        from safer_desk.domain.quarters import Quarter

        return Quarter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
