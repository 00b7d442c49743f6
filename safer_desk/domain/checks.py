"""Figures that read but look like a typing slip, queried the way money already is ("£3.250").

One Qt-free facility every screen uses: a number with separators in odd places ("1,2,3")
is refused with a reading to offer; a percentage over 100, a date far from the year in view
or a value outside the range a field expects is a *slip*: kept as typed only when the person
confirms it (the form asks once, beside the field, and saves on the second press).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NamedTuple

from safer_desk.domain.money import format_money
from safer_desk.domain.periods import format_uk_date
from safer_desk.domain.text import LazyPattern, counted, filled_width, thousands_spaces_as_commas

if TYPE_CHECKING:
    from fractions import Fraction


class NumberError(ValueError):
    """Text that is not a number that can be read safely; the message says why and what was perhaps meant."""


class Slip(NamedTuple):
    """A figure that reads but may not be what was meant: the question to ask, and the likely figure. (A NamedTuple:
    this module loads at every start, and a frozen dataclass is 3 M instructions to make; no figure is read before
    the first screen.)"""

    message: str
    suggestion: str = ""


def split_row_message(cells: list, columns: int) -> str | None:
    """Why a CSV row with more values than its heading row names cannot be read by position, or None.

    A figure or amount typed with a thousands comma and not in quotes ("£1,000") becomes two cells; read by
    position the row would take "£1" and drop (or misplace) the rest. Empty cells past the last column are
    harmless (Excel writes them) and are not counted.
    """
    width = filled_width(cells)
    if width <= columns:
        return None
    return (f"it has {width} values but the heading row names {counted(columns, 'column')}, so a value was split in "
            "two: a figure or amount with a comma in it (1,234 or £1,000) must be in quotes, as Excel's “CSV UTF-8” "
            "writes it, or typed without the comma")


def bare_under_one_percent(typed: str, what: str) -> str | None:
    """Why a percentage typed under one without its sign ("0.1") is not read, or None.

    Where a fraction is asked for, 0.1 is a tenth; as a percentage it is 0.1%. Rather than guess, both readings
    are said and the person types the one meant ("10" or "0.1%")."""
    s = (typed or "").strip().replace(" ", "")
    if s.endswith("%"):
        return None
    try:
        typed_digits(s)  # "NaN" or "inf" is no percentage at all: said by the reader that follows
    except ValueError:
        return None
    value = Decimal(s.replace(",", ""))
    if not 0 < value < 1:
        return None
    meant = format(value * 100, "f").rstrip("0").rstrip(".")
    return (f"{what}: “{typed.strip()}” would be {s}%, under one percent. For {meant}% type {meant} (or {meant}%); "
            f"for {s}% type “{s}%”.")


# Thousands separators in the right places ("12,586", "1,234,567.5") or none at all.
_GROUPED = LazyPattern(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = LazyPattern(r"^\d*(?:\.\d+)?$")


def typed_digits(text: str) -> Fraction:
    """Digits as people type them, with or without thousands commas (or spaces) in their places ("2,442", "2 442",
    "0.25", ".5"), as an exact fraction. ValueError for anything else, the sign included: an exponent
    ("1e999999999" would be worked out to a billion digits first), "inf", "NaN", "0x1A"; a NumberError saying what
    to type for a space out of place ("12 34") or a % sign ("9.08%", where a count is asked)."""
    s = thousands_spaces_as_commas(text.strip())
    if s is None:
        raise NumberError(_spaces_out_of_place(text))
    if not s or s == "." or not (_GROUPED.match(s) or _PLAIN.match(s)):
        if percent := _percent_for_a_figure(text):
            raise NumberError(percent)
        raise ValueError(f"“{text}” is not digits")
    from fractions import Fraction  # here: the forms' module is on the way to the first screen (4 M instructions)

    return Fraction(s.replace(",", ""))


def _spaces_out_of_place(typed: str) -> str:
    return (f"“{typed.strip()}” has a space between digits that is not a thousands separator, so it is not read as a "
            "guess: type the figure with no spaces, or with a comma every three digits (1,234 or 12,586), and a "
            "point for decimals (1.5).")


def _percent_for_a_figure(typed: str) -> str:
    """Why a figure typed with a % sign ("9.08%") is refused where a count or measure is asked (a share reads where a
    percentage is: parse_percentage), or "" when it is no figure with a % sign."""
    s = (typed or "").strip()
    if not s.endswith("%") or s.count("%") > 1:
        return ""
    figure = s[:-1].strip()
    try:
        typed_digits(figure.lstrip("-\u2212+").strip())
    except ValueError:
        return ""
    return (f"“{s}” is a percentage, but a count or measure is asked for here, not a share: type the figure without "
            f"the % sign ({figure}).")


LARGEST_FIGURE = Decimal(10) ** 15 - 1  # a count, rate or measure; far beyond any a partnership reports


def parse_number(text: str | None, *, what: str = "a number", example: str = "1,234 or 88.9") -> Decimal:
    """A number as typed ("1,652", "88.9", "-74", "−74"); separators in odd places are refused, never dropped.
    ``example`` is the form a refusal suggests: a whole number's own ("104,000" for a population, never "88.9").

    "1,2,3" was once stored as 123: a comma that does not mark thousands means the person
    meant something else (a list, a decimal comma), so the message asks instead of guessing.
    """
    original = (text or "").strip()
    if problem := _pound_sign_problem(original, what):
        raise NumberError(problem)
    spaced = thousands_spaces_as_commas(original.replace("\u2212", "-"))  # "2 442", with Excel's no-break space
    if spaced is None:  # "12 34" was read as 1234
        raise NumberError(_spaces_out_of_place(original))
    s = spaced.replace(" ", "")
    if not s:
        raise NumberError(f"No figure was given for {what}.")
    if percent := _percent_for_a_figure(original):
        raise NumberError(percent)
    negative = s.startswith("-")
    if negative or s.startswith("+"):
        s = s[1:]
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if "," in s and not _GROUPED.match(s):
        raise NumberError(f"“{original}” has a comma where a thousands separator cannot be, so it is not read "
                          "as a guess. Type the figure without commas, or with one every three digits (12,586); "
                          "use a point for decimals (1.5).")
    if not s or not (_GROUPED.match(s) or _PLAIN.match(s)) or s == ".":
        raise NumberError(f"“{original}” is not {what} (try a form like {example}).")
    try:
        value = Decimal(s.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the patterns above guard this
        raise NumberError(f"“{original}” is not {what}.") from None
    if value > LARGEST_FIGURE:  # kept as a float: past about 1e308 it would be infinite
        raise NumberError(f"“{original}” is larger than Safer Desk can hold as {what} "
                          f"(at most {LARGEST_FIGURE:,}).")
    return -value if negative else value


def _pound_sign_problem(typed: str, what: str) -> str:
    """Why a figure typed with a £ sign ("£1,200", where a count or a percentage is asked) is refused, saying to leave
    out the £; "" when it reads no better without it. It was refused blaming the comma after the £."""
    if "£" not in typed or not (rest := typed.replace("£", " ").strip()):
        return ""
    rest = " ".join(rest.split()).replace("- ", "-")  # "£ 1,200" and "-£1,200" come out as 1,200 and -1,200
    try:
        parse_number(rest, what=what)
    except NumberError:
        return ""
    return f"“{typed}” has a £ sign, but this is not an amount of money: type {what} without the £ ({rest})."


def parse_percentage(text: str | None) -> Decimal:
    """A percentage as typed ("12.5", "12.5%"); the number of percent, not a ratio. More than one % sign ("28%%") is
    refused quoting it whole (with one sign taken off it was refused as “28%”, just what the guide says to type)."""
    s = (text or "").strip()
    if s.count("%") > 1:
        one = s.replace("%", "").strip()
        raise NumberError(f"“{s}” has more than one % sign: type the figure with one ({one}%).")
    if s.endswith("%"):
        s = s[:-1]
    return parse_number(s, what="a percentage")


def percentage_slip(percent: Decimal, *, most: Decimal = Decimal(100)) -> Slip | None:
    """Over 100% is almost always a slip (a count typed in a percentage field, an extra digit)."""
    if percent > most:
        return Slip(f"{percent.normalize():f}% is more than {most.normalize():f}%: is that what you meant?")
    if percent < 0:
        return Slip(f"{percent.normalize():f}% is below nothing: is that what you meant?")
    return None


def date_slip(day: date, *, around: date, years: int = 5, what: str = "the year in view") -> Slip | None:
    """A date more than ``years`` years from ``around`` is queried ("01/04/2106" for 2026); a year outside 1900 to
    2200 is refused when typed (``parse_uk_date``)."""
    if abs(day.year - around.year) > years:
        return Slip(f"{format_uk_date(day)} is more than {years} years from {what} ({around.year}): "
                    "is the year right?")
    return None


def future_slip(day: date, *, today: date, what: str) -> Slip | None:
    """The date of something done (what: "a payment") after today: 01/12 typed for 12/01, say."""
    if day > today:
        return Slip(f"{format_uk_date(day)} is after today ({format_uk_date(today)}): {what} cannot have been "
                    "made yet. Is the date right?")
    return None


def range_slip(value: Decimal, *, low: Decimal | None = None, high: Decimal | None = None,
               message: str = "") -> Slip | None:
    """A value outside the range a field expects (a commissioning scale above 1, say)."""
    if (low is not None and value < low) or (high is not None and value > high):
        return Slip(message or f"{value.normalize():f} is outside the usual range: is that what you meant?")
    return None


def money_slip(pence: int, *, usual_most_pence: int) -> Slip | None:
    """An amount far larger than the field usually holds (an extra zero)."""
    if pence > usual_most_pence:
        return Slip(f"{format_money(pence)} is more than {format_money(usual_most_pence)}: is that right?")
    return None


_TIMES = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times", 7: "seven times",
          8: "eight times", 9: "nine times", 10: "ten times", 11: "eleven times", 12: "twelve times"}


def scale_slip(numerator: int, denominator: int = 1, *, months: bool = False, typed: str = "") -> Slip | None:
    """A commissioning scale above 1 commits more than the project's whole cost: "6" was once six times it.

    A bare whole number up to 12 most likely meant months, so "6 of 12 months" is offered.
    """
    if months or denominator <= 0 or numerator <= denominator:
        return None
    shown = typed.strip() or (str(numerator // denominator) if numerator % denominator == 0
                              else f"{numerator}/{denominator}")
    if numerator % denominator == 0:
        whole = numerator // denominator
        times = _TIMES.get(whole, f"{whole} times")
        if whole <= 12:
            return Slip(f"A scale of {shown} commits {times} the project's cost: did you mean {whole} of 12 months?",
                        suggestion=f"{whole} of 12 months")
        # "35000" is more often the £35,000 to commit (DESIGN 2.1's £35K pilot) than 35,000 times the cost.
        amount = f" For £{whole:,} of it, type £{whole:,}." if whole >= 100 else ""
        return Slip(f"A scale of {shown} commits {times} the project's cost: is that what you meant?{amount}")
    return Slip(f"A scale of {shown} commits more than the project's whole cost: is that what you meant?")
