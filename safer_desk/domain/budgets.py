"""Budgets and plans: a paper's money table held cell by cell, with its totals computed and checked.

A plan (a partnership's or a service's Medium Term Financial Plan, a paper's financial
implications, a revenue budget) has columns (usually financial years), sections of lines
(expenditure by category, income and grants, savings …) and cells. A cell is an amount,
or what the paper says instead: "TBC", "N/K" or "nil", with a note and a per-district
split ("£4,000 (£2,000 per District)", seed 002 §6).

Totals are computed: each section's subtotal, and the plan total (each section counted
with its sign: expenditure adds, income and savings take away; seed 004 Appendix 1:
£924,500 − £20,000 − £21,100 − £0 = £883,400 base budget). A total the paper states is
kept beside the computed one and flagged when they differ (seed 004: the 2012/13
drugs-and-alcohol subtotal is printed £97,200; its lines add to £212,100). A column with
a TBC or N/K cell has an incomplete total, which is said, never passed off as complete.

Pure Python: int pence, ``Fraction`` for percentages, nothing through float.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterable, Mapping

from safer_desk.domain.checks import typed_digits
from safer_desk.domain.money import (FORM_HINT, NO_FIGURE_HINT, NOT_KNOWN_HINT, MoneyError, approximate_figure,
                                     format_money, parse_pence, per_period, states_its_scale)
from safer_desk.domain.periods import FinancialYear, PeriodError, YearOutOfRange
from safer_desk.domain.text import in_words, looks_like_total_line, thousands_spaces_as_commas, typed_name_key

CELL_STATUSES = ("amount", "tbc", "nk", "nil")
STATUS_WORDS = {"amount": "", "tbc": "TBC", "nk": "N/K", "nil": "nil"}
SECTION_KINDS = ("expenditure", "income", "savings", "budget", "other")
# How a section counts towards the plan total unless told otherwise.
DEFAULT_SIGN = {"expenditure": 1, "income": -1, "savings": -1, "budget": 1, "other": 0}
UNITS = {"pound": 100, "thousand": 100_000}  # pence per unit the paper prints (£ or £'000)
UNIT_LABELS = {"pound": "£", "thousand": "£'000"}
# What a cell may hold, said after a refusal: in each unit, forms that read as they look (in a table in £'000 "£4,000"
# reads as £4,000,000, so the forms there are in thousands).
CELL_FORMS = {
    "pound": "A cell is an amount (£4,000), TBC, N/K or nil, and may have a note in brackets after it, as in "
             "£4,000 (£2,000 per District).",
    "thousand": "A cell in this plan is an amount in £'000 (884 for £884,000, 62.499 for £62,499, or with its own "
                "scale: £30K), TBC, N/K or nil, and may have a note in brackets after it, as in 4 (2 per District).",
}


class BudgetError(ValueError):
    """Input a plan cannot take; the message names the cell or field and says why."""


# -- cells -------------------------------------------------------------------------------------------------

_WORDS = {
    "tbc": "tbc", "tbc.": "tbc", "t.b.c.": "tbc", "to be confirmed": "tbc", "awaiting confirmation": "tbc",
    # A figure not settled yet in other words a paper may use (the seeds write TBC): TBC, the paper's words kept.
    "tba": "tbc", "tba.": "tbc", "t.b.a.": "tbc", "to be agreed": "tbc", "to be announced": "tbc",
    "tbd": "tbc", "tbd.": "tbc", "t.b.d.": "tbc", "to be decided": "tbc", "to be determined": "tbc",
    "n/k": "nk", "nk": "nk", "n.k.": "nk", "not known": "nk", "unknown": "nk",
    "nil": "nil", "none": "nil", "-": "nil", "–": "nil", "—": "nil", "£nil": "nil", "£ nil": "nil",
}
# Those the plan says itself (or a paper's dash for nil): no words of the paper's own to keep beside it.
_PLAIN_WORDS = {"tbc", "tbc.", "n/k", "nk", "n.k.", "nil", "-", "–", "—", "£nil", "£ nil"}
# The amount per district (or per borough, as some papers say): up to five decimals, for a table in £'000
# ("31.2495 per district" is £31,249.50); words after a comma or semicolon are the cell's note ("…, agreed").
_PER_DISTRICT = re.compile(r"^\s*(?P<amount>£?\s*[\d,]+(?:\.\d+)?[kK]?)\s+(?:per|each|a)\s+(?:district|borough)"
                           r"\s*(?:[,;]\s*(?P<note>[^()]*?))?\s*$", re.I)
# A split with a minus ("(-£2,000 per District)", "(£-2,000 …)", "((£2,000) per …)"): no share is below £0, and
# kept as the cell's note it hid the nonsense (the split never checked).
_NEGATIVE_SPLIT = re.compile(r"^\s*(?:[-\u2212\u2013]\s*£?|£\s*[-\u2212\u2013]|\(\s*£?)\s*\d[\d,]*(?:\.\d+)?[kK]?\)?"
                             r"\s+(?:per|each|a)\s+(?P<word>district|borough)\b", re.I)
# The split's word: the first "per district" / "a borough" in the cell, the split's own brackets coming before any
# note's ("£4,000 (£2,000 per District) (was £1,500 a borough in 2016/17)" is split per district).
_SPLIT_WORD = re.compile(r"[\dkK]\s+(?:per|each|a)\s+(district|borough)\b", re.I)
_PARENTHESIS = re.compile(r"^(?P<head>[^()]*?)\s*\((?P<inner>.*)\)\s*$", re.S)
_LAST_PARENTHESIS = re.compile(r"^(?P<head>.*?\S)\s*\((?P<inner>[^()]*)\)\s*$", re.S)  # the last of several
# Excel's accounting format shows £0 as "£ -" (copied with its padding, " £ -   "): the cell holds £0.
_ACCOUNTING_ZERO = re.compile(r"£\s*[-\u2013\u2014]")
# A figure and a word for what is not known yet in one cell, as the grid shows an incomplete total: "£9,000 + TBC".
_PART_KNOWN = re.compile(r"^\s*(?:(?P<figure>[^+]*\d[^+]*?)\s*\+\s*(?P<word>[^\d+]+?)|"
                         r"(?P<word_first>[^\d+]+?)\s*\+\s*(?P<figure_after>[^+]*\d[^+]*?))\s*$")


@dataclass(frozen=True)
class Cell:
    """One cell of a plan as the paper states it: an amount, or TBC / N/K / nil, with a note.

    ``per_district_pence`` is a stated split ("£2,000 per District"); ``stated_change`` the
    paper's annual change into this column as printed ("(27.5)", "1.7", "-").
    """

    status: str
    amount_pence: int | None = None
    text: str = ""
    note: str = ""
    per_district_pence: int | None = None
    stated_change: str = ""

    def __post_init__(self) -> None:
        if self.status not in CELL_STATUSES:
            raise BudgetError(f"“{self.status}” is not a kind of cell (an amount, TBC, N/K or nil).")
        if self.status == "amount" and not isinstance(self.amount_pence, int):
            raise BudgetError("An amount cell needs an amount in pence.")
        if self.status == "nil" and self.amount_pence not in (None, 0):
            raise BudgetError("A nil cell has no amount.")
        if self.status == "nil" and self.amount_pence is None:
            object.__setattr__(self, "amount_pence", 0)
        if self.status in ("tbc", "nk") and self.amount_pence is not None:
            raise BudgetError(f"A {STATUS_WORDS[self.status]} cell has no amount.")
        if self.per_district_pence is not None:
            if self.status != "amount":
                raise BudgetError("Only an amount can be split per district.")
            if self.per_district_pence <= 0:
                raise BudgetError("An amount per district must be more than £0.")
        if self.stated_change:
            parse_change(self.stated_change)  # refuses what is not a percentage change

    @classmethod
    def amount(cls, pence: int, **kwargs) -> "Cell":
        return cls("amount", pence, **kwargs)

    @property
    def known(self) -> bool:
        """An amount or nil: something that adds up (TBC and N/K do not)."""
        return self.status in ("amount", "nil")

    @property
    def pence(self) -> int:
        return self.amount_pence or 0

    @property
    def districts(self) -> int | None:
        """How many districts the stated split covers (£4,000 at £2,000 per district: 2); None if none. A share the
        paper states to the penny covers its districts too: £4,000 at £1,333.33 is three (the odd penny to one of
        them), each share within a penny of the amount divided by them."""
        if self.per_district_pence is None:
            return None
        per = self.per_district_pence
        count = (2 * self.pence + per) // (2 * per)  # the nearest whole number of shares
        # £0 or less is no district's share (split_problem).
        return count if count > 0 and abs(self.pence - count * per) < count else None

    @property
    def split_problem(self) -> str:
        """A sentence when the per-district amount does not go a whole number of times into the amount."""
        if self.per_district_pence is None or self.districts is not None:
            return ""
        # "£0 (£2,000 per District)" passed as a split of no districts, "-£4,000 …" of −2; "£1,000 (£2,000 …)" is
        # not even one share.
        if self.pence < self.per_district_pence:
            return (f"{format_money(self.pence)} cannot be split as {format_money(self.per_district_pence)} per "
                    f"{self.split_word}: a split needs an amount of at least one share.")
        return (f"{format_money(self.pence)} is not a whole number of "
                f"{format_money(self.per_district_pence)} {self.split_word} shares.")

    @property
    def split_word(self) -> str:
        """"district", or "borough" where the paper splits per borough ("£4,000 (£2,000 per Borough)")."""
        found = _SPLIT_WORD.search(self.text)
        return "borough" if found and found.group(1).lower() == "borough" else "district"

    @property
    def words(self) -> str:
        """The paper's own words for a TBC, N/K or nil cell where they are not the plan's ("Awaiting confirmation" for
        TBC, "Unknown" for N/K, "none" for nil); "" for those and any amount. The grid and the totals say TBC, so a
        column reads as its "+ TBC" total says; the words are kept, shown beside it and edited."""
        if self.status == "amount":
            return ""
        head = self.text.split("(", 1)[0].strip()
        plain = head.casefold() in _PLAIN_WORDS or _WORDS.get(head.casefold()) != self.status
        return "" if plain else head

    def describe(self, unit: str = "pound") -> str:
        """As the paper shows it: "£4,000 (£2,000 per district)", "TBC", "N/K", "nil"."""
        if self.status != "amount":
            return STATUS_WORDS[self.status]
        text = format_amount(self.pence, unit)
        if self.per_district_pence is not None:
            text += f" ({format_amount(self.per_district_pence, unit)} per {self.split_word})"
        return text

    def edit_text(self, unit: str = "pound") -> str:
        """As it is edited: as the paper shows it, with its note in brackets ("£7,700 (Agreed at the board)"); a TBC,
        N/K or nil in the paper's own words ("Awaiting confirmation"), so that editing the cell keeps them."""
        return (self.words or self.describe(unit)) + (f" ({self.note})" if self.note else "")

    def describe_worded(self, unit: str = "pound") -> str:
        """As the paper states it, in its own words with what they stand for: "Awaiting confirmation (TBC)"; as
        ``describe`` where the paper's word is the plan's ("TBC", "£4,000 (£2,000 per district)")."""
        return f"{self.words} ({self.describe(unit)})" if self.words else self.describe(unit)

    def split_in_note(self, unit: str = "pound") -> "Cell | None":
        """The cell with its note read as the split it states, or None when the note states none (or the cell has a
        split already). Versions before splits per borough were read kept "£4,000 (£1,500 per Borough)" and
        "£4,000 (£2,000 per district, agreed)" as an amount with a note, so the split was never checked."""
        if self.status != "amount" or self.per_district_pence is not None or not self.note:
            return None
        read = _with_bracket(replace(self, note=""), self.note, unit)
        if read is None or read.per_district_pence is None:
            return None
        # The text as it would be typed now, so the split keeps the paper's word ("per Borough").
        return replace(read, text=self.edit_text(unit), stated_change=self.stated_change)


def format_amount(pence: int, unit: str = "pound") -> str:
    """An amount in the plan's unit: £1,234 (or £1,234.56) for pounds, 1,234 for a table in £'000."""
    if unit == "thousand":
        whole, rest = divmod(abs(pence), UNITS["thousand"])
        sign = "-" if pence < 0 else ""
        if rest == 0:
            return f"{sign}{whole:,}"
        exact = Decimal(abs(pence)) / UNITS["thousand"]
        return f"{sign}{exact.normalize():,f}"
    return format_money(pence)


def actual_as_said(pence: int, unit: str = "pound") -> int:
    """What a linked line actually shows, as the plan says it: to the pound in a table in £'000 (half a pound
    away from zero), to the penny in pounds. A £'000 tooltip said £12,345.67 as "12.34567"; the exact pence stay
    with the command line, the workbook and Export…."""
    if unit != "thousand":
        return pence
    pounds = (Decimal(pence) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(pounds) * 100


def format_actual(pence: int, unit: str = "pound") -> str:
    """An actual in the plan's unit, to the pound in £'000 ("12.346" for £12,345.67), as ``actual_as_said``."""
    return format_amount(actual_as_said(pence, unit), unit)


def format_actual_total(pences: Iterable[int], unit: str = "pound") -> str:
    """The total of a line's actuals across the years, as the sum of the years as said: a row in £'000 adds up as
    printed (1.001 + 1.001 reads 2.002, not the 2.001 of £2,001.20 rounded)."""
    return format_amount(sum(actual_as_said(p, unit) for p in pences), unit)


# "£(1,234)": the pound sign before the brackets of a negative amount, as some spreadsheets print it ("(£1,234)").
_POUND_BEFORE_BRACKETS = re.compile(r"^\s*£\s*\((?P<inner>[^()]*)\)\s*$")


def _brackets_outside(text: str) -> str:
    """"£(1,234)" as "(£1,234)", and "£-1,234" (Excel's £#,##0;£-#,##0) as "-£1,234": the forms the £'000 question's
    pattern reads (money reads each)."""
    m = _POUND_BEFORE_BRACKETS.match(text or "")
    if m:
        return f"(£{m.group('inner').strip()})"
    minus = _POUND_BEFORE_MINUS.match(text or "")
    return f"-£{text[minus.end():]}" if minus else text


_POUND_BEFORE_MINUS = re.compile(r"^\s*£\s*[-\u2212\u2013]\s*(?=\d)")


_MINUS_AFTER = re.compile(r"(?P<figure>[^-\u2212\u2013]*\d)\s*[-\u2212\u2013]")
_LEDGER_MARK = re.compile(r"\d\s*[CD]R\.?$", re.IGNORECASE)


def _amount_in_unit(text: str, unit: str) -> int:
    """Pence from text in the plan's unit: in a £'000 table "884" is £884,000 and "62.499" is £62,499 (up to five
    decimals, to the penny); "£30K" is £30,000 in any table. ("£(1,234)" is read as money reads it, negative.)"""
    if unit == "thousand" and (per := per_period(text)):
        raise MoneyError(_per_period_in_thousands(text.strip(), *per))
    if unit != "thousand" or states_its_scale(text) or not any(c.isdigit() for c in text or ""):
        return parse_pence(text)  # no figure to scale ("#REF!", "N/A"): said as typed, in money's words for it
    # Read as written with its scale ("62.499" as "62.499K"). Read as pounds and then scaled, a point and three digits
    # was refused with advice ("type £62,499") that a £'000 table reads 1,000 times bigger. A refusal names the text.
    typed = (text or "").strip()
    if _LEDGER_MARK.search(typed):  # "4,000 CR": refused saying why, as in a plan in £ (it read as no amount at all)
        return parse_pence(typed)
    if trailing := _MINUS_AFTER.fullmatch(typed):  # a finance system's "12-": -£12,000 (it was refused, "12-K")
        scaled = f"-{trailing['figure']}K"
    else:
        scaled = typed[:-1].rstrip() + "K)" if typed.endswith(")") else typed + "K"
    try:
        return parse_pence(scaled)
    except MoneyError as exc:
        raise MoneyError(str(exc).replace(f"“{scaled}”", f"“{typed}”")) from None


def _per_period_in_thousands(typed: str, figure: str, period: str) -> str:
    """"£2,500 p.a." in a plan in £'000, said as a plan in £ says it, with the figure to type in thousands: the
    figure with a pound sign or its own scale is in pounds (2.5 for £2,500), a bare one in the plan's thousands."""
    try:
        in_pounds = "£" in figure or states_its_scale(figure)
        pence = parse_pence(figure) if in_pounds else _amount_in_unit(figure, "thousand")
    except MoneyError:
        return f"“{typed}” is not an amount of money."  # (the cell's forms are said after it)
    if period == "year":
        return (f"“{typed}” is an amount a year: an amount here is already the one for its year (or for the period it "
                f"is asked for), so type the figure alone, in thousands of pounds as this plan is: "
                f"{format_amount(pence, 'thousand')} for {format_money(pence)}.")
    return (f"“{typed}” is an amount a month: type the amount for the whole period it is asked for, in thousands of "
            f"pounds as this plan is (twelve months of {format_money(pence)} are {format_money(pence * 12)}: "
            f"{format_amount(pence * 12, 'thousand')}).")


# "£62,499" (with its pound sign and a thousands comma) at the start of a cell, and what follows the figure.
_POUNDS_WITH_COMMA = re.compile(r"^\s*\(?\s*[-\u2212\u2013]?\s*£\s*(?P<figure>\d{1,3}(?:,\d{3})+(?:\.\d+)?)"
                                r"(?P<after>\s*[A-Za-z]*)")
# A bare figure of a hundred thousand or more (no £, no scale of its own: "884000", "884,000"): in a plan in £'000
# that is £100 million or more on one line, past any partnership's budget; a column pasted from a finance sheet kept
# in pounds reads so, every figure a thousand times too large. "62,499" (£62.5 million) is a county's £'000 figure.
_BIG_BARE_FIGURE = re.compile(r"^\s*\(?\s*[-\u2212\u2013]?\s*(?P<figure>(?:\d{1,3}(?:,\d{3}){2,}|\d{3},\d{3}|\d{6,})"
                              r"(?:\.\d+)?)(?P<after>\s*[A-Za-z]*)")


def _in_thousands(figure: str) -> str:
    """A figure in pounds ("£62,499") as a plan in £'000 takes it ("62.499")."""
    pounds = Decimal(figure.replace("£", "").replace(",", "").strip())
    return format((pounds / 1000).normalize(), ",f")


def _split_in_thousands(bracket: re.Match) -> str:
    """A bracket after the figure: a split in pounds ("(£2,000 per District)") in thousands ("(2 per District)"); a
    note as typed."""
    per = _PER_DISTRICT.match(bracket.group(1))
    amount = per.group("amount").strip() if per else ""
    if not amount.startswith("£") or states_its_scale(amount):
        return bracket.group(0)
    inner = bracket.group(1)
    return f"({inner[:per.start('amount')]}{_in_thousands(amount)}{inner[per.end('amount'):]})"


def pounds_in_thousands_query(text: str, unit: str) -> str | None:
    """What to ask when a figure typed into a plan in £'000 is written as pounds ("£62,499", read as £62,499,000; or
    a bare "884000", read as £884,000,000), or None. A figure with its own scale ("£30K", "£1.5m") and a plain
    figure ("62", "62,499") are what they say. The text to type is the whole cell's, its split in thousands too
    ("4 (2 per District)"): "type 4" dropped the split."""
    typed = (text or "").strip()
    typed = _brackets_outside(thousands_spaces_as_commas(typed) or typed)  # "£62 499" as "£62,499"
    m = _POUNDS_WITH_COMMA.match(typed) or _BIG_BARE_FIGURE.match(typed)
    if unit == "thousand" and m is None:
        return _split_in_pounds_query(text, typed)
    if unit != "thousand" or m is None or m.group("after").strip():
        return None
    sign = -1 if typed[:1] in "(-\u2212\u2013" else 1
    figure = Decimal(m.group("figure").replace(",", ""))
    thousands = ("-" if sign < 0 else "") + _in_thousands(m.group("figure"))  # "62.499": as the guide says
    rest = typed[m.end("figure"):]
    if typed.startswith("(") and rest.lstrip().startswith(")"):  # "(£1,234)": its brackets are the minus
        rest = rest.lstrip()[1:]
    rest = re.sub(r"\(([^()]*)\)", _split_in_thousands, rest)
    try:
        parse_cell(text, unit=unit)  # what is refused as typed is said so, not asked about
    except BudgetError:
        return None
    read = format_money(sign * int(figure * UNITS["thousand"]))
    if not _reads_as(f"{thousands}{rest}", amount=sign * figure * 100):  # "£1,234.567" offered "1.234567", refused
        return (f"“{text.strip()}” in a plan in £'000 reads as {read}; if it means an amount in pounds, type it in "
                f"thousands of pounds (62.499 for £62,499){_or_side_by_side(text, unit)}.")
    meant = format_money(sign * int(figure * 100))
    return (f"“{text.strip()}” in a plan in £'000 reads as {read}; if it means {meant}, type {thousands}{rest}"
            f"{_or_side_by_side(text, unit)}.")


def _or_side_by_side(text: str, unit: str) -> str:
    """Said after a question about a figure grouped with spaces ("884 641"): it may be figures side by side, as a £'000
    row copied from a PDF gives them (884 and 641), and each then goes in its own cell; "" for one figure, and for one
    with a pound sign ("£62 499": a £'000 row's figures have none)."""
    several = _side_by_side(text.strip(), unit)
    if several < 2 or "£" in text:
        return ""
    return (f"; if it is {several} figures side by side ({in_words(text.split())}, as a row copied from a PDF gives "
            "them), type each in its own cell")


def _reads_as(suggested: str, *, amount: Decimal | None = None, split: Decimal | None = None) -> bool:
    """Whether the text a question offers is taken in a plan in £'000 as exactly that amount (or split per
    district): a question never offers text that is refused, or read as something else."""
    try:
        cell = parse_cell(suggested, unit="thousand")
    except BudgetError:
        return False
    return cell.amount_pence == amount if split is None else cell.per_district_pence == split


def _split_in_pounds_query(text: str, typed: str) -> str | None:
    """A figure in the plan's thousands with its split per district in pounds ("4 (£2,000 per District)"): the split
    reads as £2,000,000 per district, so it is asked about as a figure in pounds is. None for a split in thousands
    or with its own scale ("(2 per District)", "(£2K per District)")."""
    split = _LAST_PARENTHESIS.match(typed)
    per = _PER_DISTRICT.match(split.group("inner")) if split else None
    amount = per.group("amount").strip() if per else ""
    if not amount.startswith("£") or states_its_scale(amount) or not _POUNDS_WITH_COMMA.match(amount):
        return None
    pounds = Decimal(amount.replace("£", "").replace(",", "").strip())
    fixed = re.sub(r"\(([^()]*)\)", _split_in_thousands, typed)
    read = format_money(int(pounds * UNITS["thousand"]))
    if not _reads_as(fixed, split=pounds * 100):  # "(£2,000.555 per District)" offered "2.000555", read as no split
        return (f"“{text.strip()}” in a plan in £'000 reads its split as {read} per district; if it means an amount "
                "in pounds, type it in thousands of pounds (2 per District for £2,000).")
    meant = format_money(int(pounds * 100))
    return (f"“{text.strip()}” in a plan in £'000 reads its split as {read} per district; if it means {meant} per "
            f"district, type {fixed}.")


def negative_taken_away_query(text: str, section: "Section", unit: str = "pound") -> str | None:
    """What to ask when a negative amount is typed in a section that takes away from the total (a saving or a grant
    keyed as "-53,400" because it reduces the budget): taken away, it adds to the total instead. None otherwise, and
    for what cannot be read (refused as typed)."""
    if section.sign >= 0:
        return None
    try:
        cell = parse_cell(text, unit=unit)
    except BudgetError:
        return None
    if cell.status != "amount" or cell.pence >= 0:
        return None
    return (f"“{text.strip()}” is a negative amount in {section.name}, which takes away from the total, so it would "
            f"add {format_money(-cell.pence)} to the total instead; if the paper prints it as an amount taken away, "
            f"type {format_amount(-cell.pence, unit)}.")


def parse_cell(text: str, *, unit: str = "pound") -> Cell:
    """Read a cell as a paper writes it.

    "£4,000", "£4,000 (£2,000 per District)", "£7525.58 (Cost to be reimbursed …)", "TBC",
    "N/K", "nil", "-", "£0", "(6,957)" (negative). In a £'000 table "884" is £884,000.
    """
    if unit not in UNITS:
        raise BudgetError(f"“{unit}” is not a unit (pound or thousand).")
    original = (text or "").strip()
    if not original:
        raise BudgetError("The cell is empty: type an amount, TBC, N/K or nil (or clear the cell).")
    word = _WORDS.get(original.casefold())
    if word:
        return Cell(word, None, original)
    if _ACCOUNTING_ZERO.fullmatch(original):  # refused as "not an amount", a zero copied from an MTFP sheet
        return Cell("amount", 0, original)
    approximate = approximate_figure(original)
    if approximate is not None:  # "about £2,500", "£2,500 (est)": its figure, as money reads it, with the word kept
        figure, word = approximate  # as the cell's note, as a paper's bracket is
        try:
            base = parse_cell(figure, unit=unit)
        except BudgetError:
            base = None  # refused below, naming the cell as typed
        if base is not None and base.status == "amount":
            return replace(base, text=original, note="; ".join(n for n in (base.note, word) if n))
    if (marked := _FOOTNOTE_MARK.fullmatch(original)) and any(c.isdigit() for c in marked["figure"]):
        # "£1,234.50*": a board paper's footnote mark points to words under its table; the figure is the amount and
        # the note keeps the mark (refused as "not an amount", the officer had to drop it and lose it)
        try:
            base = parse_cell(marked["figure"], unit=unit)
        except BudgetError:
            base = None  # not a figure before the mark either: refused below, naming the cell as typed
        if base is not None and base.status == "amount":
            mark = f"footnote {marked['mark']} in the paper"
            return replace(base, text=original, note="; ".join(n for n in (base.note, mark) if n))
    try:
        return Cell("amount", _amount_in_unit(original, unit), original)
    except MoneyError as exc:
        first_error = exc
    if original.startswith("="):  # a formula ("=SUM(A1:A3)"): its brackets are not a note, and it is said whole
        raise BudgetError(str(first_error)) from None
    if _NOT_APPLICABLE.fullmatch(original):  # a paper's mark for no figure: which word the plan has for it
        raise BudgetError(f"“{original}” stands for no figure: type nil if the paper means there is none (£0), or N/K "
                          "if the figure is not known (TBC if it is to be confirmed).") from None
    if (point := _POINT_WITHOUT_PENCE.fullmatch(original)) and _reads_alone(offered := "".join(point.groups()), unit):
        raise BudgetError(f"“{original}” ends with a point and no pence after it: type {offered}.") from None
    if (several := _side_by_side(original, unit)) > 1:  # a row copied from a PDF: "327,800 384,300 393,200 393,200"
        raise BudgetError(f"“{original}” is {several} figures side by side (as a row copied from a PDF gives "
                          "them): a cell takes one figure. Type each in its own cell, or copy the row from Excel, "
                          "where its figures go across the line's years.") from None
    last = _LAST_PARENTHESIS.match(original)
    if last and "(" in last.group("head"):  # a split and a note, in either order: "£4,000 (£2,000 per District) (…)"
        try:
            base = parse_cell(last.group("head"), unit=unit)
        except BudgetError:
            if last.group("head").count("(") == last.group("head").count(")"):
                raise  # "£4,000 (£0 per District) (agreed)": its split is refused as it is without the note
            base = None  # a note with brackets of its own: "£100 (see (a) and (b))"
        if base is not None:
            inner = last.group("inner").strip()
            combined = _with_bracket(base, inner, unit)
            if combined is None:  # a second note ("£4,000 (agreed) (see minutes)"): each kept, as a split's is
                combined = replace(base, note=f"{base.note}; {inner}" if inner else base.note)
            return replace(combined, text=original)
    m = _PARENTHESIS.match(original)
    if m and m.group("head").strip():
        base = parse_cell(m.group("head").strip(), unit=unit)
        if base.words and m.group("inner").strip().casefold() == STATUS_WORDS[base.status].casefold():
            # "Awaiting confirmation (TBC)", as the grid copies and the workbook says it: the paper's words with what
            # they stand for, not a note "TBC"
            return replace(base, text=original)
        return replace(_with_bracket(base, m.group("inner").strip(), unit, replace_note=True), text=original)
    part_known = _part_known(original, unit)
    if part_known:
        raise BudgetError(part_known) from None
    if split_alone := _PER_DISTRICT.match(original):  # the paper's bracket without the amount before it
        word = _SPLIT_WORD.search(original)
        word = word.group(1).lower() if word else "district"
        example = "4 (2 per District)" if unit == "thousand" else "£4,000 (£2,000 per District)"
        raise BudgetError(f"“{original}” is the amount for each {word}, not the cell's: type the cell's whole amount "
                          f"with the split in brackets after it, as in {example} for two districts (or the amount "
                          f"alone, {split_alone.group('amount').strip()} here for one {word}).") from None
    said = str(first_error)  # the forms a cell takes (TBC, N/K and nil for no figure) are said below
    for hint in (FORM_HINT, NOT_KNOWN_HINT, NO_FIGURE_HINT):
        said = said.replace(hint, "")
    if not said.startswith(f"“{original}”"):  # the money error names the part it read (the head, or the whole)
        said = f"“{original}”: {said}"
    raise BudgetError(f"{said.removesuffix('.')}. {CELL_FORMS[unit]}") from None


# "£1,234.50*", "£1,234.50 †", "£1,234.50¹": a figure and the footnote mark a board paper puts after it.
_FOOTNOTE_MARK = re.compile(r"(?P<figure>.*?\S)\s*(?P<mark>\*+|[†‡§]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
# "N/A", "n.a.", "NA": a paper's mark for a cell with no figure (none, or not known), which a plan says as nil or N/K.
_NOT_APPLICABLE = re.compile(r"n\s*/\s*a\.?|n\.\s*a\.?|na", re.I)
# "£100.", "(£100.)": a figure ending in a point with no pence after it.
_POINT_WITHOUT_PENCE = re.compile(r"(.*\d)\.(\)?)")


def _reads_alone(text: str, unit: str) -> bool:
    """Whether the text is a figure the plan reads as it stands."""
    try:
        _amount_in_unit(text, unit)
    except MoneyError:
        return False
    return True


def _side_by_side(text: str, unit: str) -> int:
    """How many figures the text holds side by side, each one the plan reads alone ("327,800 384,300": 2, a PDF's row
    copied whole); 0 when a part of it is not a figure ("£9,000 + TBC", "£2 million")."""
    if any(c in text for c in "\t\r\n"):  # a copy of several cells, said as such by parse_pence's refusal
        return 0
    parts = text.split()
    for part in parts:
        try:
            if not any(c.isdigit() for c in part):
                return 0
            _amount_in_unit(part, unit)
        except MoneyError:
            return 0
    return len(parts)


def _part_known(text: str, unit: str) -> str:
    """What to do with a cell that is a figure and TBC or N/K together ("£9,000 + TBC", as a paper or the grid's own
    incomplete total writes it), or "" for any other text. A cell holds one or the other: read as the figure alone,
    the part not known would be lost and the totals taken as complete."""
    m = _PART_KNOWN.match(text)
    if m is None:
        return ""
    figure = (m.group("figure") or m.group("figure_after")).strip()
    word = STATUS_WORDS.get(_WORDS.get((m.group("word") or m.group("word_first")).strip().casefold(), ""), "")
    if word not in ("TBC", "N/K"):
        return ""
    try:
        _amount_in_unit(figure, unit)
    except MoneyError:
        return ""  # not a figure: the refusal says what a cell takes
    return (f"“{text}” is part known and part {word}, and a cell holds one or the other: type {figure} here and {word} "
            f"in a line of its own, so the totals read “+ {word}”, or {word} with the known part as its note: "
            f"{word} ({figure} known so far).")


def _with_bracket(base: Cell, inner: str, unit: str, *, replace_note: bool = False) -> Cell | None:
    """The cell with what a bracket after it says: its split per district, or its note (None when it has both
    already and replace_note is not given)."""
    per = _PER_DISTRICT.match(inner)
    if base.status == "amount" and base.per_district_pence is None and (negative := _NEGATIVE_SPLIT.match(inner)):
        word = negative.group("word").lower()
        raise BudgetError(f"An amount per {word} must be more than £0, not “{inner.strip()}”: type the split "
                          "without its minus, or the words without a figure.")
    if per and base.status == "amount" and base.per_district_pence is None:
        try:
            per_district = _amount_in_unit(per.group("amount"), unit)
        except MoneyError:
            pass  # not an amount ("£2,000.123 per district"): the words are the cell's note
        else:
            if per_district <= 0:  # "£4,000 (£0 per District)": said as a split with a minus is, with what to type
                word = _SPLIT_WORD.search(inner).group(1).lower()
                raise BudgetError(f"An amount per {word} must be more than £0, not “{inner.strip()}”: type the "
                                  f"cell's amount alone ({base.text}), or the words without a figure.")
            note = (per.group("note") or "").strip()  # "£2,000 per district, agreed": the split, and its note
            note = "; ".join(n for n in (base.note, note) if n)
            return Cell("amount", base.amount_pence, base.text, note, per_district)
    if base.note and not replace_note:
        return None
    return Cell(base.status, base.amount_pence, base.text, inner, base.per_district_pence)


def parse_change(text: str) -> Fraction | None:
    """A printed annual change in percent: "(27.5)" is −27.5, "1.7" is +1.7, "-" is no change."""
    s = (text or "").strip().rstrip("%").strip()
    if not s:
        return None
    if s in ("-", "–", "—", "nil", "0"):
        return Fraction(0)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip().rstrip("%").strip()
    elif s[:1] in "-\u2212":
        negative, s = True, s[1:].strip()
    elif s[:1] == "+":
        s = s[1:].strip()
    try:
        value = typed_digits(s)  # as a paper prints it: never "Inf", "NaN" or "1e999999999"
    except ValueError:
        raise BudgetError(f"“{text}” is not a percentage change (the paper's form: (27.5), 1.7 or -).") from None
    return -value if negative else value


def change_places(text: str) -> int:
    """How many decimals the paper printed a change with ("(27.5)" → 1, "-" → 1)."""
    s = re.sub(r"[^\d.]", "", text or "")
    return len(s.split(".", 1)[1]) if "." in s else (1 if not s else 0)


def round_percent(value: Fraction, places: int = 1) -> Decimal:
    """A percentage to ``places`` decimals, halves away from zero (as a spreadsheet rounds)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_change(value: Fraction | None, *, places: int = 1, paper: bool = False) -> str:
    """A change in percent: "-27.5%" (or as the paper prints it, "(27.5)"); "" when there is none."""
    if value is None:
        return ""
    rounded = round_percent(value, places)
    if paper:
        if rounded == 0:
            return "-"
        return f"({abs(rounded)})" if rounded < 0 else f"{rounded}"
    sign = "+" if rounded > 0 else ""
    return f"{sign}{rounded}%"


# -- the plan ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """A column of the table: a financial year ("2011/12") or another heading ("Benchmark 2009/10")."""

    id: str
    label: str
    financial_year: str = ""  # "" for a column that is not a year

    @property
    def is_year(self) -> bool:
        return bool(self.financial_year)


@dataclass(frozen=True)
class Line:
    id: str
    label: str
    cells: Mapping[str, Cell] = field(default_factory=dict)  # column id -> cell
    notes: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    name: str
    kind: str = "expenditure"
    sign: int = 1  # +1 adds to the plan total, -1 takes away, 0 is outside it
    lines: tuple[Line, ...] = ()
    total_label: str = ""  # the paper's name for the subtotal ("Total Expenditure"); "" unlabelled
    show_subtotal: bool = True
    stated: Mapping[str, Cell] = field(default_factory=dict)  # the subtotal as printed, per column
    notes: str = ""

    def __post_init__(self) -> None:
        if self.kind not in SECTION_KINDS:
            raise BudgetError(f"“{self.kind}” is not a kind of section ({', '.join(SECTION_KINDS)}).")
        if self.sign not in (-1, 0, 1):
            raise BudgetError("A section adds to the plan total, takes away from it, or stands outside it.")

    @property
    def subtotal_label(self) -> str:
        return self.total_label or f"{self.name}: subtotal"


# What a paper's total row names besides its section: seed 004's "Total Expenditure", "Total income".
_TOTAL_OF = ("expenditure", "spend", "income", "grants", "income and grants", "savings", "budget", "gross budget",
             "net budget")
_NAMED_TOTAL = re.compile(r"(?:sub[- ]?)?totals?\s*:?\s*(?P<after>.+)|(?P<before>.+?)\s*:?\s*(?:sub[- ]?)?totals?")


def names_a_worked_out_total(label: str, section_name: str, subtotal_label: str, plan_total_label: str) -> bool:
    """A line's label naming a row the plan works out: its section's subtotal ("Drugs and alcohol subtotal", "Total
    Expenditure", "Total drugs and alcohol") or the plan's total ("Community Safety Base Budget"). Keyed as a line
    from the paper, row by row, it would count the section's lines twice."""
    key = typed_name_key(label).strip(" :")
    if key in (typed_name_key(subtotal_label), typed_name_key(plan_total_label)):
        return True
    named = _NAMED_TOTAL.fullmatch(key)
    rest = (named.group("after") or named.group("before") or "").strip(" :-") if named else ""
    return bool(rest) and rest in (typed_name_key(section_name), *_TOTAL_OF)


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    columns: tuple[Column, ...] = ()
    sections: tuple[Section, ...] = ()
    unit: str = "pound"
    total_label: str = "Total"
    stated_totals: Mapping[str, Cell] = field(default_factory=dict)  # the plan total as printed, per column
    owner: str = ""
    source: str = ""
    notes: str = ""
    show_total_column: bool = False  # a "Total" across the years, as seed 002 §6 has
    show_changes: bool = False  # annual change columns, as seed 004's revenue table has

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise BudgetError(f"“{self.unit}” is not a unit (pound or thousand).")

    @property
    def year_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.is_year)

    @property
    def has_plan_total(self) -> bool:
        return any(s.sign for s in self.sections) or bool(self.stated_totals)


def check_year_label(text: str) -> str:
    """A column's financial year as "2011/12" ("11/12", "2011-12" accepted); "" stays "" (not a year)."""
    s = (text or "").strip()
    if not s:
        return ""
    try:
        return FinancialYear.parse(s).label
    except PeriodError as exc:
        raise BudgetError(str(exc)) from None


# A financial year inside a column's heading ("Benchmark 2009/10", "2010/11 Budget", "11/12 £"): two or four digits
# either side of a slash or dash, not part of a date ("31/03/2012") or a longer number.
_YEAR_IN_HEADING = re.compile(r"(?<![\d/\-\u2013\u2014])(?:\d{4}|\d{2})\s*[/\-\u2013\u2014]\s*(?:\d{4}|\d{2})"
                              r"(?![\d/\-\u2013\u2014])")
COLUMN_FORMS = "a financial year (2011/12 or 11/12), or a heading with the year it belongs to (Benchmark 2009/10, " \
               "2010/11 Budget)"


def column_year(heading: str) -> str:
    """The financial year a column's heading belongs to, read from it: "2011/12", "11/12 £", "Benchmark 2009/10" and
    "2010/11 Budget" each name one year. A heading with no year, or more than one, is refused saying what works."""
    label = (heading or "").strip()
    found = [m.group(0) for m in _YEAR_IN_HEADING.finditer(label)]
    years = []
    for text in found:
        try:
            year = FinancialYear.parse(text).label
        except YearOutOfRange as exc:
            raise BudgetError(f"Column “{label}”: {exc}") from None
        except PeriodError:
            raise BudgetError(f"Column “{label}”: “{text}” is not a financial year (the years either side are one "
                              f"after the other, as in 2011/12 or 11/12). A column is {COLUMN_FORMS}.") from None
        if year not in years:
            years.append(year)
    if len(years) > 1:
        raise BudgetError(f"Column “{label}” names more than one year ({' and '.join(years)}): give each year a "
                          f"column of its own. A column is {COLUMN_FORMS}.")
    if not years:
        totals = " (totals are worked out, not typed as columns)" if looks_like_total_line(label) else ""
        raise BudgetError(f"Column “{label}” has no financial year in it{totals}. A column is {COLUMN_FORMS}.")
    return years[0]


def heading_after(heading: str) -> str:
    """The heading of the year after ``heading``'s, written as it is ("2011/12 Budget" → "2012/13 Budget", "11/12 £" →
    "12/13 £", "2024-25" → "2025-26"): Add year offers it, so the plan's headings stay alike. Refused as
    ``column_year`` refuses a heading."""
    year = FinancialYear.parse(column_year(heading)).next()
    found = next((m for m in _YEAR_IN_HEADING.finditer(heading) if FinancialYear.parse(m.group(0)).next() == year),
                 None)
    parts = re.fullmatch(r"(\d+)(\D+)(\d+)", found.group(0)) if found else None
    if parts is None:
        raise BudgetError(f"Column “{heading}”: its year is not written as a year can be followed.")
    first, between, second = parts.groups()
    start, end = year.start_year, year.start_year + 1
    written = f"{start if len(first) == 4 else f'{start % 100:02d}'}{between}" \
              f"{end if len(second) == 4 else f'{end % 100:02d}'}"
    return heading[:found.start()] + written + heading[found.end():]


# -- adding up -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    """A computed total: the known amounts added up, and how many cells were TBC or N/K: added, or taken away (in a
    section that takes away, income or savings, an unknown grant lowers the total by what it turns out to be)."""

    pence: int = 0
    known: int = 0  # cells that added (amounts and nils)
    tbc: int = 0
    nk: int = 0
    tbc_less: int = 0  # TBC and N/K cells taken away
    nk_less: int = 0

    @property
    def unknown(self) -> int:
        return self.tbc + self.nk + self.tbc_less + self.nk_less

    @property
    def complete(self) -> bool:
        return self.unknown == 0

    @property
    def empty(self) -> bool:
        return self.known == 0 and self.unknown == 0

    def __add__(self, other: "Figure") -> "Figure":
        return Figure(self.pence + other.pence, self.known + other.known, self.tbc + other.tbc, self.nk + other.nk,
                      self.tbc_less + other.tbc_less, self.nk_less + other.nk_less)

    def signed(self, sign: int) -> "Figure":
        if not sign:
            return Figure()
        if sign > 0:
            return self
        return Figure(-self.pence, self.known, self.tbc_less, self.nk_less, self.tbc, self.nk)

    def describe(self, unit: str = "pound") -> str:
        """"£12,525.58"; "£9,000 + TBC" when a cell is not known yet; "£903,400 − N/K" when an unknown is taken
        away (it read "+ N/K", a total at least £903,400 where it is at most); "N/K" (or "TBC + N/K") when nothing is
        known."""
        if self.empty:
            return ""
        unknown = [f"{sign} {w}" for sign, w, n in (("+", "TBC", self.tbc), ("+", "N/K", self.nk),
                                                      ("−", "TBC", self.tbc_less), ("−", "N/K", self.nk_less)) if n]
        if not self.known:  # "N/K − N/K", as "£9,000 − N/K" (it read "N/K / − N/K"); "TBC + N/K"; "− TBC" alone
            return " ".join(unknown).removeprefix("+ ")
        text = format_amount(self.pence, unit)
        return text if self.complete else f"{text} {' '.join(unknown)}"


def add_cells(cells: Iterable[Cell | None]) -> Figure:
    total = Figure()
    for cell in cells:
        if cell is None:
            continue
        if cell.known:
            total += Figure(cell.pence, 1)
        elif cell.status == "tbc":
            total += Figure(tbc=1)
        else:
            total += Figure(nk=1)
    return total


@dataclass(frozen=True)
class Change:
    """Year on year: the change in pence and in percent (None when last year was £0, negative or not known)."""

    change_pence: int
    percent: Fraction | None
    years: int = 1  # how many years apart the two figures are: 2 where the paper skips a year (2011/12, 2013/14)
    since: str = ""  # the heading of the column the change is on

    def describe(self, unit: str = "pound") -> str:
        pct = format_change(self.percent)
        sign = "+" if self.change_pence > 0 else ""
        amount = sign + format_amount(self.change_pence, unit)
        return f"{amount} ({pct})" if pct else amount


def year_on_year(previous: Figure | None, current: Figure | None) -> Change | None:
    """The change from one year's figure to the next; None unless both are complete and known."""
    if previous is None or current is None or not previous.known or not current.known:
        return None
    if not (previous.complete and current.complete):
        return None
    change = current.pence - previous.pence
    # No percentage of £0, nor of a negative year (-£500 to £3,001 is not a change of -700.2%): the £ alone.
    percent = Fraction(change * 100, previous.pence) if previous.pence > 0 else None
    return Change(change, percent)


@dataclass(frozen=True)
class Check:
    """A total the paper states against the lines that make it up (or a printed change against the figures)."""

    where: str  # "Drugs and alcohol: subtotal", "Community Safety Base Budget", "A Budget Net"
    column: str  # the column's label
    kind: str  # "total" | "change" | "split"
    agrees: bool | None  # None: cannot be checked (a TBC or N/K cell)
    message: str
    row: str = ""  # the id of the line or section it is about ("" for the plan's total): labels may repeat

    @property
    def flagged(self) -> bool:
        return self.agrees is False


def compare_stated(computed: Figure, stated: Cell, *, where: str, column: str, unit: str = "pound") -> Check:
    """The paper's figure against the computed one; kept both ways, flagged when they differ."""
    if not stated.known:
        return Check(where, column, "total", None, f"{where}, {column}: the paper states {stated.describe(unit)}.")
    if not computed.complete:
        return Check(where, column, "total", None,
                     f"{where}, {column}: the paper states {stated.describe(unit)}; the lines cannot be checked "
                     f"against it because {computed.unknown} of them {'is' if computed.unknown == 1 else 'are'} "
                     "not known yet.")
    if computed.pence == stated.pence:
        return Check(where, column, "total", True, "")
    # A paper printing its total to the pound beside lines in pence (£12,526 over £7,525.58 and £5,000) does not add
    # up to the penny, and is flagged as DESIGN §2.5 asks; said as rounding, not read as a slip of £0.42.
    rounded = unit == "pound" and stated.pence % 100 == 0 and computed.pence % 100 != 0 and \
        int((Decimal(computed.pence) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * 100 == stated.pence
    return Check(where, column, "total", False,
                 f"{where}, {column}: the paper states {format_amount(stated.pence, unit)} but the lines add up to "
                 f"{format_amount(computed.pence, unit)} (a difference of "
                 f"{format_amount(abs(computed.pence - stated.pence), unit)}"
                 + (": the paper's figure is the lines' total rounded to the pound)." if rounded else ")."))


def check_stated_change(previous: Figure | None, current: Figure | None, stated_text: str, *, where: str,
                        column: str, unit: str = "pound", years: int = 1) -> Check | None:
    """The paper's printed annual change against the change between the figures printed beside it."""
    stated = parse_change(stated_text)
    if stated is None:
        return None
    change = year_on_year(previous, current)
    if change is None or change.percent is None:
        return Check(where, column, "change", None,
                     f"{where}, {column}: the paper prints a change of {stated_text}; it cannot be checked.")
    places = change_places(stated_text)
    computed = round_percent(change.percent, places)
    printed = round_percent(stated, places)
    if computed == printed:
        return Check(where, column, "change", True, "")
    return Check(where, column, "change", False,
                 f"{where}, {column}: the paper prints {'an' if years <= 1 else 'a'} {change_word(years)} of "
                 f"{stated_text.strip()} "
                 f"({format_change(stated, places=places)}) but {format_amount(previous.pence, unit)} to "
                 f"{format_amount(current.pence, unit)} is {format_change(change.percent, places=places)}.")


@dataclass(frozen=True)
class PlanTotals:
    """Everything a plan adds up to, with the checks against what the paper states."""

    plan: Plan
    lines: Mapping[str, Figure]  # line id -> across the year columns (the "Total" column)
    sections: Mapping[str, Mapping[str, Figure]]  # section id -> column id -> subtotal
    plan_total: Mapping[str, Figure]  # column id -> signed sum of the sections
    checks: tuple[Check, ...]

    @property
    def flags(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.flagged)

    def warnings(self) -> list[str]:
        """A sentence per disagreement, for the officer (empty when everything adds up)."""
        return [c.message for c in self.checks if c.flagged]

    def section_across(self, section_id: str) -> Figure:
        """A section's subtotal across the year columns."""
        years = {c.id for c in self.plan.year_columns}
        return sum((f for cid, f in self.sections[section_id].items() if cid in years), Figure())

    def plan_across(self) -> Figure:
        years = {c.id for c in self.plan.year_columns}
        return sum((f for cid, f in self.plan_total.items() if cid in years), Figure())


def plan_totals(plan: Plan) -> PlanTotals:
    """Subtotals, the plan total, each line across the years, and every check against the paper."""
    year_ids = [c.id for c in plan.year_columns]
    line_totals: dict[str, Figure] = {}
    section_totals: dict[str, dict[str, Figure]] = {}
    plan_total: dict[str, Figure] = {c.id: Figure() for c in plan.columns}
    checks: list[Check] = []
    labels = Counter(line.label.casefold() for section in plan.sections for line in section.lines)
    for section in plan.sections:
        per_column: dict[str, Figure] = {}
        for column in plan.columns:
            per_column[column.id] = add_cells(line.cells.get(column.id) for line in section.lines)
            if section.sign:
                plan_total[column.id] = plan_total[column.id] + per_column[column.id].signed(section.sign)
        section_totals[section.id] = per_column
        for line in section.lines:
            line_totals[line.id] = add_cells(line.cells.get(cid) for cid in year_ids)
            # A line's name is said with its section's where another section has a line of that name.
            where = line.label if labels[line.label.casefold()] == 1 else f"{line.label} ({section.name})"
            for column in plan.columns:
                cell = line.cells.get(column.id)
                if cell is not None and cell.split_problem:
                    checks.append(Check(where, column.label, "split", False,
                                        f"{where}, {column.label}: {cell.split_problem}", line.id))
            checks += _change_checks(plan, where, {cid: add_cells([line.cells.get(cid)]) for cid in
                                                   (c.id for c in plan.columns)},
                                     {cid: c.stated_change for cid, c in line.cells.items()}, row=line.id)
        for column in plan.columns:
            stated = section.stated.get(column.id)
            if stated is not None:
                checks.append(replace(compare_stated(per_column[column.id], stated, where=section.subtotal_label,
                                                     column=column.label, unit=plan.unit), row=section.id))
        checks += _change_checks(plan, section.subtotal_label, per_column,
                                 {cid: c.stated_change for cid, c in section.stated.items()}, row=section.id)
    for column in plan.columns:
        stated = plan.stated_totals.get(column.id)
        if stated is not None:
            checks.append(compare_stated(plan_total[column.id], stated, where=plan.total_label, column=column.label,
                                         unit=plan.unit))
    checks += _change_checks(plan, plan.total_label, plan_total,
                             {cid: c.stated_change for cid, c in plan.stated_totals.items()})
    return PlanTotals(plan, line_totals, section_totals, plan_total, tuple(checks))


def _change_checks(plan: Plan, where: str, figures: Mapping[str, Figure],
                   stated_changes: Mapping[str, str], row: str = "") -> list[Check]:
    """Each printed annual change against the figures of the year before and the year it is printed in."""
    checks = []
    years = plan.year_columns
    for previous, current in zip(years, years[1:]):
        text = stated_changes.get(current.id, "")
        if not text:
            continue
        check = check_stated_change(figures.get(previous.id), figures.get(current.id), text, where=where,
                                    column=current.label, unit=plan.unit, years=years_apart(previous, current))
        if check is not None:
            checks.append(replace(check, row=row))
    return checks


def changes(plan: Plan, figures: Mapping[str, Figure]) -> dict[str, Change | None]:
    """Year-on-year change into each year column (the earliest year has none), each on the year before it
    (``change_spans``)."""
    spans = change_spans(plan)
    out: dict[str, Change | None] = {}
    for current in plan.year_columns:
        previous, years = spans.get(current.id, (None, 1))
        change = year_on_year(figures.get(previous.id), figures.get(current.id)) if previous is not None else None
        out[current.id] = change and replace(change, years=years, since=previous.label)
    return out


# -- what a change compares: a paper may skip a year (2011/12, 2013/14), and its change is then over two ----------

def years_apart(previous: Column, current: Column) -> int:
    """How many years the change from one year column to the next is over: 1, or 2 where the paper skips a year."""
    return int(current.financial_year[:4]) - int(previous.financial_year[:4])  # stored "2011/12" labels, not typed


def change_spans(plan: Plan) -> dict[str, tuple[Column, int]]:
    """Each year column but the earliest: the column its change is on (the year before it in the plan, oldest first,
    whatever the order of the columns) and how many years apart they are."""
    years = sorted(plan.year_columns, key=lambda c: c.financial_year)
    return {current.id: (previous, years_apart(previous, current)) for previous, current in zip(years, years[1:])}


_YEARS_IN_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


def change_word(years: int) -> str:
    """"annual change", or "2-year change" for a change across a skipped year."""
    return "annual change" if years <= 1 else f"{years}-year change"


def change_heading(label: str, years: int) -> str:
    """A change column's heading: "Change to 2014/15", or "2-year change to 2013/14" where 2012/13 is skipped."""
    return f"Change to {label}" if years <= 1 else f"{years}-year change to {label}"


def change_basis(since: str, years: int) -> str:
    """What a change is on: "Change on the year before", or "Change on 2011/12, two years before"."""
    if years <= 1:
        return "Change on the year before"
    return f"Change on {since}, {_YEARS_IN_WORDS.get(years, str(years))} years before"


def skipped_years_sentence(plan: Plan) -> str:
    """Said under a table whose years skip one: each change across the gap, and what it is on ("" when none does)."""
    said = []
    for current in plan.year_columns:
        previous, years = change_spans(plan).get(current.id, (None, 1))
        if years > 1:
            said.append(f"the change into {current.label} is on {previous.label}, "
                        f"{_YEARS_IN_WORDS.get(years, str(years))} years before")
    if not said:
        return ""
    return f"Not every year is in the paper: {'; '.join(said)}."
