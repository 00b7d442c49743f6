"""Projects in a register: statuses, the board's five criteria, cost lines and their reconciliation.

Pure Python (no Qt, no SQLite). Criteria are written the way the board papers
write them: √ (yes), X (no), ? (unknown) or blank, each with an optional
qualifier such as "for Ipswich only" (seed 000 table).
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from safer_desk.domain.enums import LabelledEnum
from safer_desk.domain.frozen import Frozen
from safer_desk.domain.money import Cost, MoneyError, format_money, parse_cost
from safer_desk.domain.text import LazyPattern, counted


class ProjectStatus(LabelledEnum):
    """Where a project is: proposed → shortlisted → commissioned → live → completed, or declined/withdrawn."""

    PROPOSED = ("proposed", "Proposed")
    SHORTLISTED = ("shortlisted", "Shortlisted")
    COMMISSIONED = ("commissioned", "Commissioned")
    LIVE = ("live", "Live")
    COMPLETED = ("completed", "Completed")
    DECLINED = ("declined", "Declined")
    WITHDRAWN = ("withdrawn", "Withdrawn")


STATUSES = ProjectStatus.values()
STATUS_LABELS = {m.value: m.label for m in ProjectStatus}

# Key, short header, the paper's column title (seed 000).
CRITERIA = (
    ("laa_outcome", "LAA", "LAA2 outcome?"),
    ("csp_priority", "CSP", "CSP priority?"),
    ("cross_cutting", "Cross", "Cross cutting?"),
    ("additional", "Add.", "Additional?"),
    ("innovative", "Innov.", "Innovative/ experimental?"),
)
CRITERIA_KEYS = tuple(k for k, _, _ in CRITERIA)
CRITERIA_TITLES = {k: title for k, _, title in CRITERIA}



class CriterionValue(LabelledEnum):
    """A board criterion's value as the papers write it; the label is what a choice list shows."""

    BLANK = ("", "(blank)")
    YES = ("yes", "√ yes")
    NO = ("no", "X no")
    UNKNOWN = ("unknown", "? unknown")


YES, NO, UNKNOWN, BLANK = "yes", "no", "unknown", ""
CRITERION_VALUES = CriterionValue.values()
SYMBOLS = {YES: "√", NO: "X", UNKNOWN: "?", BLANK: ""}

COST_CATEGORIES = ("staff", "admin", "volunteers", "activities", "materials", "evaluation", "capital",
                   "accommodation", "other")


class ProjectError(ValueError):
    """A project that cannot be saved; the message names the field and says what is wrong."""


def ref_key(ref: str) -> str:
    """What makes two refs one: their letters in any case and their numbers ("01" is "1"), whatever the spaces,
    dashes, dots and slashes between ("csp 01" is CSP-01 typed another way); "" for no ref."""
    return "".join(f"#{_digits(part)}" if part.isdecimal() else part
                   for part in re.findall(r"[^\W\d_]+|\d+", (ref or "").casefold()))


def _digits(number: str) -> str:
    """A number's digits as ASCII without its leading zeros ("007" is "7"), however long (int() refuses thousands)."""
    import unicodedata

    return "".join(str(unicodedata.decimal(c)) for c in number).lstrip("0") or "0"


class Criterion(Frozen):
    """One board criterion: yes / no / unknown / blank and an optional qualifier.

    Frozen, compared and hashed as the tuple (value, qualifier), as the ``@dataclass(frozen=True)`` it was: written
    out, its methods are compiled into the .pyc, where a dataclass's are compiled each start (issue 16)."""

    __slots__ = ("value", "qualifier")
    __match_args__ = ("value", "qualifier")
    value: str
    qualifier: str

    def __init__(self, value: str = BLANK, qualifier: str = "") -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "qualifier", qualifier)
        if value not in CRITERION_VALUES:
            raise ProjectError(f"“{value}” is not a criterion value (use √, X, ? or leave it blank).")

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.value]

    def describe(self) -> str:
        """As the paper shows it: "√ for Ipswich only", "? unknown at this stage"."""
        return " ".join(p for p in (self.symbol, self.qualifier) if p)

    @property
    def met(self) -> bool:
        return self.value == YES


_CRITERION_WORDS = {
    "√": YES, "✓": YES, "✔": YES, "yes": YES, "y": YES, "true": YES,
    "x": NO, "✗": NO, "✘": NO, "no": NO, "n": NO, "false": NO,
    "?": UNKNOWN, "unknown": UNKNOWN, "tbc": UNKNOWN,
}


def parse_criterion(text: str | None) -> Criterion:
    """Read a criterion as typed or pasted: "√", "yes", "X", "?", "√ for Ipswich only", "" (blank)."""
    s = (text or "").strip()
    if not s:
        return Criterion()
    head, _, rest = s.partition(" ")
    value = _CRITERION_WORDS.get(head.casefold())
    if value is None and s[0] in "√✓✔?✗✘":
        value, rest = _CRITERION_WORDS[s[0]], s[1:]
    if value is None:
        raise ProjectError(f"“{s}” is not a criterion: start it with √ (yes), X (no) or ? (unknown), "
                           "then any qualifier such as “for Ipswich only”.")
    return Criterion(value, rest.strip())


def criteria_met(criteria: dict[str, Criterion]) -> int:
    """How many of the five criteria are met (a qualified √ counts as met)."""
    return sum(1 for k in CRITERIA_KEYS if criteria.get(k, Criterion()).met)


def criteria_recorded(criteria: dict[str, Criterion]) -> bool:
    """Whether any of the five criteria has a value (a register without them, as Plymouth's, met none of them
    only in the sense that nobody judged them)."""
    return any(criteria.get(k, Criterion()).value != BLANK for k in CRITERIA_KEYS)


# -- cost lines ------------------------------------------------------------------------------------------

_THREE_DECIMALS = LazyPattern(r"^\s*(?:£\s*)?(\d{1,3})\.(\d{3})\s*$")


def suggest_thousands(text: str) -> int | None:
    """For "£3.250" (a thousands separator typed as a point) the pence meant (£3,250); else None."""
    m = _THREE_DECIMALS.match(text or "")
    if not m:
        return None
    return int(m.group(1) + m.group(2)) * 100


class LineAmount(NamedTuple):
    """A cost line's amount as written, with what it was read as (or why it is queried). (LineAmount and
    Reconciliation are NamedTuples: Python 3.11 compiles a frozen dataclass's methods as it is made, 3 M
    instructions each of every start.)"""

    text: str
    min_pence: int | None
    max_pence: int | None
    query: str = ""
    suggestion_pence: int | None = None

    @property
    def queried(self) -> bool:
        return bool(self.query)

    def describe(self) -> str:
        if self.queried or self.min_pence is None:
            return self.text
        if self.max_pence is not None and self.max_pence != self.min_pence:
            return f"{format_money(self.min_pence)} - {format_money(self.max_pence)}"
        return format_money(self.min_pence)


def read_line_amount(text: str) -> LineAmount:
    """Read a cost line's amount; text that cannot be read safely is kept as written and queried."""
    s = (text or "").strip()
    try:
        cost = parse_cost(s)
    except MoneyError as exc:
        return LineAmount(s, None, None, str(exc), suggest_thousands(s))
    if cost.kind == "minimum":
        return LineAmount(s, None, None, f"“{s}” is a minimum; a cost line needs an amount or a range.")
    return LineAmount(s, cost.min_pence, cost.max_pence)


class Reconciliation(NamedTuple):
    """Cost lines against the stated cost: both figures, and whether they agree."""

    lines_min_pence: int
    lines_max_pence: int
    stated: Cost | None
    queried_lines: int
    line_count: int

    @property
    def agrees(self) -> bool:
        if self.line_count == 0 or self.stated is None:
            return self.queried_lines == 0
        if self.queried_lines:
            return False
        stated_max = self.stated.max_pence if self.stated.max_pence is not None else self.stated.min_pence
        if self.stated.kind == "minimum":
            return self.lines_min_pence >= self.stated.min_pence
        return self.lines_min_pence == self.stated.min_pence and self.lines_max_pence == stated_max

    def lines_text(self) -> str:
        if self.lines_min_pence == self.lines_max_pence:
            return format_money(self.lines_min_pence)
        return f"{format_money(self.lines_min_pence)} - {format_money(self.lines_max_pence)}"

    def warning(self) -> str:
        """A sentence for the officer, or "" when the lines and the stated cost agree."""
        if self.agrees:
            return ""
        parts = []
        if self.stated is not None and self.line_count:
            parts.append(f"The cost lines add up to {self.lines_text()} but the stated cost is "
                         f"{self.stated.describe()}.")
        if self.queried_lines:
            parts.append(f"{self.queried_lines} cost line{'s' if self.queried_lines != 1 else ''} "
                         "could not be read and "
                         f"{'are' if self.queried_lines != 1 else 'is'} queried.")
        return " ".join(parts)


def reconcile(stated: Cost | None, amounts: list[LineAmount]) -> Reconciliation:
    """Add up readable cost lines (queried lines count as nothing) and compare with the stated cost."""
    readable = [a for a in amounts if not a.queried and a.min_pence is not None]
    low = sum(a.min_pence for a in readable)
    high = sum(a.max_pence if a.max_pence is not None else a.min_pence for a in readable)
    return Reconciliation(low, high, stated, sum(1 for a in amounts if a.queried), len(amounts))


def year_totals_words(lines: Iterable[tuple[str, LineAmount]]) -> str:
    """Each financial year's cost lines added up, as the papers give them (seed 000: Suffolk ELEV8's "Yr1 2009/10
    £46,500" is 18,000 + 4,000 + 5,000 + 19,500): "By year: 2009/10 £46,500; 2010/11 £55,000". Queried lines count
    nothing and are said; "" when no line names a year."""
    years: dict[str, list[LineAmount]] = {}
    for year, amount in lines:
        if (year or "").strip():
            years.setdefault(" ".join(year.split()), []).append(amount)
    said = []
    for year in sorted(years):
        totals = reconcile(None, years[year])
        low, high = totals.lines_min_pence, totals.lines_max_pence
        figure = format_money(low) if low == high else f"{format_money(low)} - {format_money(high)}"
        queried = f" (and {counted(totals.queried_lines, 'queried line')}, not counted)" if totals.queried_lines else ""
        said.append(f"{year} {figure}{queried}")
    return "By year: " + "; ".join(said) if said else ""


_SCALING = ("Scale", "parse_scale", "scale_pence", "fund_variant")


def __getattr__(name: str):
    """Scaling (domain.scales), as it always could be imported from here."""
    if name in _SCALING:
        from safer_desk.domain import scales

        return getattr(scales, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
