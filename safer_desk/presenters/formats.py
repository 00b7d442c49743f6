"""One number format per unit, for showing and for copying to Excel (Qt-free, shared by every table).

Shown: "£1,234" (or "£1,234.50" when the column has pence anywhere), "1,652", "92.6%", "01/04/2026".
Copied: what Excel reads as a number: "1234.5", "1652", "-1099" (ASCII minus), "92.6", no £, ⚠ or commas.
A worked-out figure is copied as shown (plain_shown: "88.2%" is 88.2, never 88.23529411764706).
"""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo
from decimal import Decimal
from typing import Any

from safer_desk.domain.enums import LabelledEnum
from safer_desk.domain.money import format_money, format_pounds_plain, is_fraction
from safer_desk.domain.periods import format_uk_date
from safer_desk.domain.text import LazyPattern


class Unit(LabelledEnum):
    """What a column's raw values are."""

    TEXT = ("text", "Text")
    MONEY = ("money", "Money (int pence)")
    COUNT = ("count", "Count")
    NUMBER = ("number", "Number")
    PERCENT = ("percent", "Percentage (a number of percent)")
    DATE = ("date", "Date")


NUMERIC_UNITS = (Unit.MONEY, Unit.COUNT, Unit.NUMBER, Unit.PERCENT)


def _is_number(value: Any) -> bool:
    """An int, Decimal, float or Fraction (a share kept exact): fractions is not imported to ask (``is_fraction``)."""
    return isinstance(value, (int, Decimal, float)) or is_fraction(value)


def _decimal_text(value: Any, places: int) -> str:
    if is_fraction(value):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    d = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    return f"{d:,.{places}f}"


def display(value: Any, unit: Unit, *, show_pence: bool = False, places: int = 1) -> str:
    """How a raw value is shown in a table cell of this unit ("" for blank)."""
    if value is None or value == "":
        return ""
    if unit == Unit.MONEY and isinstance(value, int):
        return format_money(value, show_pence=show_pence or value % 100 != 0)
    if unit == Unit.COUNT and _is_number(value):
        return _decimal_text(value, 0).replace("-", "\u2212")
    if unit == Unit.NUMBER and _is_number(value):
        return _decimal_text(value, places).replace("-", "\u2212")
    if unit == Unit.PERCENT and _is_number(value):
        return _decimal_text(value, places).replace("-", "\u2212") + "%"
    if unit == Unit.DATE and isinstance(value, date):
        return format_uk_date(value)
    return str(value)


def plain(value: Any, unit: Unit) -> str:
    """The cell as Excel should receive it when copied: plain numbers with an ASCII minus."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if unit == Unit.MONEY and isinstance(value, int):
        return format_pounds_plain(value)
    if unit in NUMERIC_UNITS and _is_number(value):
        if is_fraction(value):
            value = Decimal(value.numerator) / Decimal(value.denominator)
        text = f"{Decimal(str(value)) if isinstance(value, float) else Decimal(value):f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, date):
        return format_uk_date(value)
    return str(value).replace("\u2212", "-")


# A figure as a cell shows it: a sign, a £, the digits with their thousands commas; a unit after it ("%", " pts",
# " per 1,000") is left aside.
_SHOWN_FIGURE = LazyPattern(r"[+\u2212-]?\u00a3?[\d,]*\.?\d+")


def plain_shown(text: str) -> str:
    """A worked-out figure as the table shows it, as Excel should receive it, so Excel gets what was seen and no
    float noise (0.1 + 0.2 is 0.30000000000000004): "88.2%" -> 88.2, "+13.2 pts" -> 13.2, "\u22121,099" -> -1099,
    "1,610 per 100,000" -> 1610. Text that is not a figure is given as shown (ASCII minus)."""
    figure = _SHOWN_FIGURE.match(text.strip())
    if figure is None:
        return text.replace("\u2212", "-")
    return figure.group().replace("\u2212", "-").lstrip("+").replace("\u00a3", "").replace(",", "")


def shown_number(text: str) -> float | None:
    """A worked-out figure as the table shows it, as a number for a workbook's cell (88.2 for "88.2%"); None when
    the text is not a figure ("No figures yet")."""
    try:
        return float(plain_shown(text))
    except ValueError:
        return None


def local_time(at: str, tz: tzinfo | None = None) -> datetime:
    """A stored time (UTC, ISO 8601 with Z: the audit trail's, a key's) as a time on the user's clock (``tz`` for
    tests)."""
    moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(tz)


def local_day_text(stamp: str | None, tz: tzinfo | None = None) -> str:
    """A stored moment as its day on the computer's clock, as every date is shown: "2026-07-01T23:30:00Z" is
    02/07/2026 in summer. Blank for none; as stored when it is not a time."""
    if not stamp:
        return ""
    try:
        return format_uk_date(local_time(stamp, tz).date())
    except ValueError:
        return stamp
