"""Money as integer pence: parsing what people type, en-GB formatting, and exact splits.

Every amount in Safer Desk is an ``int`` of pence from input to storage to display.
Text is parsed with ``Decimal`` and never with ``float``; a split always adds up
exactly to the whole (largest remainder, ties broken by key, never by position).
"""

from __future__ import annotations

import re
import sys
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable, Mapping, TypeVar

from safer_desk.domain.frozen import Frozen
from safer_desk.domain.text import LazyPattern, thousands_spaces_as_commas

if TYPE_CHECKING:
    from fractions import Fraction


def is_fraction(value: object) -> bool:
    """Whether ``value`` is a ``fractions.Fraction``, without importing fractions on the way to the first screen
    (about 4 M instructions): until something has imported it, no value can be one."""
    module = sys.modules.get("fractions")
    return module is not None and isinstance(value, module.Fraction)

K = TypeVar("K", bound=Hashable)

PENCE_PER_POUND = 100
# The largest amount Safer Desk takes: ten trillion pounds. SQLite's INTEGER holds up to 2**63 - 1 pence
# (about £92 quadrillion); keeping every single amount a thousand times below that means totals of
# thousands of them cannot overflow either (an overflow is an error in SQLite, not a wrong sum).
MAX_PENCE = 10 ** 15


class MoneyError(ValueError):
    """Text that is not an amount of money; the message names the text and says why."""


# -- parsing -----------------------------------------------------------------

# A scale written after the figure: a letter ("£2m") or the word a paper writes (seed 000: "over £10 million").
_SUFFIXES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
             "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
_NUMBER = LazyPattern(r"^(?P<int>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d+))?$")
# The forms an amount takes, said after a refusal ("… is not an amount of money (try a form like £1,234.56)").
FORM_HINT = " (try a form like £1,234.56)"
# An amount written with its own scale ("£30K", "£1.5m", "50p"), which says how much it is wherever it is typed.
_OWN_SCALE = LazyPattern(r"\d\s*(?:" + "|".join([*_SUFFIXES, "p"]) + r")\s*\)?\s*$", re.I)
# An approximate or estimated figure, as the papers write one: "approx £50,000" (seed 000: InnKeeper's anticipated
# cost; its "£30K aprox", so spelt, for a Probation Support Officer), "c. £2,500", "~£2,500", "£2,500 (est)",
# "est. £2,500", "£2,500 approx". Such a figure is read as the figure
# it states, in every money field alike: it is the one the paper plans with (seed 000's ELEV8 lines are "approx.
# £18,000 per year" and add up to the stated £46,500), and a planning figure is not one to defend to the penny, so
# making the officer strip the word first (as "£2,500 (est)" once was, while "about £2,500" was read) only made the
# same figure read in one spelling and not another. Where a field keeps words beside its figure (a budget cell's
# note) the word is kept there (``approximate_figure``); a figure not known at all is "TBC", refused below.
_APPROX_BEFORE = LazyPattern(r"^(?P<word>approx\.?|aprox\.?|approximately|about|around|roughly|circa|ca\.|c\.|~|\u2248|"
                             r"estimated|estimate\s*:|est\.?)\s*(?P<figure>[^a-z\s].*)$", re.I)
_APPROX_AFTER = LazyPattern(r"^(?P<figure>.*[\d)kKmMnNpP])\s*(?:\(\s*(?P<bracketed>approx\.?|aprox\.?|approximately|"
                            r"circa|estimated|estimate|estimation|est\.?)\s*\)|"
                            r"(?P<word>approx\.?|aprox\.?|approximately|estimated|estimate|est\.?))$", re.I)


def approximate_figure(text: str) -> tuple[str, str] | None:
    """(the figure, the word that marks it approximate) for "about £2,500", "£2,500 (est)" and the like ("est" is
    given without its brackets, "~" as "approx."); None for text without such a word or without a figure."""
    typed = (text or "").strip()
    m = _APPROX_BEFORE.match(typed) or _APPROX_AFTER.match(typed)
    if m is None or not any(c.isdigit() for c in m["figure"]):
        return None
    word = m.groupdict().get("bracketed") or m["word"]
    word = "approx." if word in ("~", "\u2248") else word.rstrip(" :")
    return m["figure"].strip(), word


def states_its_scale(text: str) -> bool:
    """True for an amount written with its own scale ("£30K", "£1.5m", "50p"): a table printed in £'000 does not
    scale it again."""
    return bool(_OWN_SCALE.search(text or ""))


# What a form says to do with an amount not known yet; where the amount cannot be blank (a year's line of an award,
# an option) the caller gives its own words ("leave the year's line out"), said in the refusal as they are.
LEAVE_BLANK = "leave the amount blank"


def parse_pence(text: str, *, blank: str = LEAVE_BLANK) -> int:
    """Parse one amount in pounds as people write it ("£1,234.56", "(6,957)", "£30K", "50p", "2,500 GBP") into pence.
    ``blank``: what the refusal of a figure not known yet ("TBC", "N/K") says to do instead of typing it."""
    if text is None:
        raise MoneyError("No amount was given.")
    original = str(text).translate(_INVISIBLE)  # a zero-width space or a BOM pasted from a web page or Word
    plain = original.strip()
    if plain[-1:].isdigit() and not set(plain) - _PLAIN_FIGURE:
        # "£2,500", "3.250": digits, commas and points after a £, as a file's stored figures and most cells of a pasted
        # column are. None of the cells, spaces, words or signs _unwrapped looks for can be in it, so its patterns are
        # not compiled for it (the register's first screen reads such a figure).
        s = written = plain
        negative = False
    else:
        original, s, written, negative = _unwrapped(original, blank)
    if s.startswith("£"):
        s = s[1:].strip()
    elif s.lower().startswith("gbp"):
        s = s[3:].strip()
    elif s[-1:] in ("p", "P") and (pence_text := s[:-1].strip()) and _NUMBER.match(pence_text):  # "50p"
        if "." in pence_text:
            raise MoneyError(f"“{original.strip()}” is not a whole number of pence (for pounds, type "
                             f"£{pence_text}).")
        pence = int(pence_text.replace(",", ""))
        check_within_bounds(pence, original.strip())
        return -pence if negative else pence
    if s and s[:1] in "-\u2212":  # "£-6,957"
        if negative:  # "£(-6,957)", "-£-6,957"
            raise MoneyError(f"“{original.strip()}” is negative twice: for a negative amount, use one sign.")
        negative, s = True, s[1:].strip()
    of = _PERCENT_OF.match(s)
    if of:  # "50% of £20,000": the papers state the amount beside its percentage (seed 000's 10% is £65,512)
        raise MoneyError(_percent_of_words(original.strip(), of["percent"], of["amount"]))
    multiplier = 1
    lowered = s.lower()
    for suffix, factor in _SUFFIXES.items():
        if lowered.endswith(suffix) and len(s) > len(suffix):
            multiplier, s = factor, s[: -len(suffix)].strip()
            break
    match = _NUMBER.match(s)
    if not match and s.endswith("%") and _NUMBER.match(s[:-1].strip()):  # a share typed where an amount is asked
        raise MoneyError(f"“{original.strip()}” is a percentage, not an amount of money: type the amount in pounds "
                         "(such as £1,234.56).")
    if not match or (match.group("int") is None and match.group("frac") is None):
        # Only now, for text that is not an amount: what it is instead (its patterns are not compiled for amounts
        # that read, such as those a file's first screen shows).
        said = (_date_words(original.strip()) or _continental_words(original.strip())
                or _words_beside_figure(written, original.strip()) or _point_without_pence(original.strip(), blank))
        raise MoneyError(said or f"“{original.strip()}” is not an amount of money{FORM_HINT}.")
    whole, frac = match.group("int"), match.group("frac")
    if (frac is not None and len(frac) == 3 and multiplier == 1 and whole and "," not in whole
            and len(whole) <= 3 and not whole.startswith("0")):  # "3.250": a group of thousands typed with a point
        suggestion = "£" + f"{int(whole + frac):,}"
        raise MoneyError(
            f"“{original.strip()}” has a point followed by three digits: if it means "
            f"{suggestion}, type {suggestion}; if it means pounds and pence, type two decimals."
        )
    if frac is not None and len(frac) > 2 and multiplier == 1:
        raise MoneyError(f"“{original.strip()}” has more than two decimal places; amounts are in pounds and pence.")
    try:
        pounds = Decimal((whole or "0").replace(",", "") + "." + (frac or "0"))
    except InvalidOperation:  # pragma: no cover - the pattern above already guards this
        raise MoneyError(f"“{original.strip()}” is not an amount of money.") from None
    pence_exact = pounds * multiplier * PENCE_PER_POUND
    if pence_exact != pence_exact.to_integral_value():
        raise MoneyError(f"“{original.strip()}” is not a whole number of pence.")
    pence = int(pence_exact.to_integral_value(rounding=ROUND_HALF_UP))
    check_within_bounds(pence, original.strip())
    return -pence if negative else pence


def _point_without_pence(typed: str, blank: str) -> str:
    """The words for an amount typed with a point and no pence after it ("£100."): the figure to type, as a budget cell
    says it, when what is before the point reads as an amount; "" otherwise."""
    figure = typed[:-1].rstrip()
    if not typed.endswith(".") or not figure or figure.endswith("."):
        return ""
    try:
        parse_pence(figure, blank=blank)
    except MoneyError:
        return ""
    return f"“{typed}” ends with a point and no pence after it: type {figure}."


# A minus after the figure ("1,234-", "£1,234.00-"): a negative as ledgers and finance systems print it.
_TRAILING_MINUS = LazyPattern(r"\d\s*[-\u2212]\s*$")
# A figure marked credit or debit ("£1,234.00 CR", "1,234.00 DR"), as a council's ledger prints it.
_CREDIT_DEBIT = LazyPattern(r"^(?P<figure>.*\d)\s*(?P<mark>cr|dr)\.?$", re.I)
# An error Excel shows in place of a figure ("#REF!", "#N/A"), copied with the sheet's values.
_SHEET_ERROR = LazyPattern(r"^#(?:N/A|DIV/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$", re.I)



# What a figure made of nothing else is written with (parse_pence reads it without _unwrapped's patterns).
_PLAIN_FIGURE = frozenset("£0123456789,.")


def _unwrapped(original: str, blank: str) -> tuple[str, str, str, bool]:
    """parse_pence's reading of what is around a figure: the cells of a paste, spaces for thousands, a ledger's marks,
    words for none or for an approximate figure, "GBP", brackets and signs. Returns the text as read (its cell breaks
    as spaces), the figure left, the figure as written (for the words beside one that is not read), and whether it is
    negative; raises MoneyError for what is not an amount."""
    if several := _several_cells_words(original.strip()):
        raise MoneyError(several)
    original = _CELL_BREAKS.sub(" ", original)  # "£<tab>2,500": a sheet's £ column beside its figure's
    s = thousands_spaces_as_commas(original.strip())  # "£1 234.56", with Excel's no-break space or not
    if s is None:
        if dated := _date_words(original.strip()):  # "01/04/2024 00:00": a date, before its spaces are said
            raise MoneyError(dated)
        if continental := _continental_words(original.strip()):  # "2 500,00": a comma for the pence
            raise MoneyError(continental)
        raise MoneyError(f"“{original.strip()}” has a space between digits that is not a thousands separator, so it "
                         "is not read as a guess: type the amount with a comma every three digits (£1,234.56), or "
                         "with no separator (£1234.56).")
    if not s:
        raise MoneyError("No amount was given.")
    pasted = _pasted_from_a_ledger(s, original.strip())
    if pasted:
        raise MoneyError(pasted)
    no_figure = no_figure_words(original, blank=blank)
    if no_figure:
        raise MoneyError(no_figure)
    for _ in range(2):  # "about £2,500", "£2,500 (est)", both: read as the figure (see _APPROX_BEFORE)
        if (approximate := approximate_figure(s)) is not None:
            s = approximate[0]
    written = s  # as typed, for the words said beside a figure that is not read (below)
    if s[-3:].lower() == "gbp":  # "2,500 GBP", as a finance system or a bank statement writes it
        s = _CURRENCY_AFTER.sub("", s)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    elif s.startswith("£") and s[1:].lstrip().startswith("(") and s.endswith(")"):  # "£(6,957)", as sheets print it
        negative, s = True, "£" + s[1:].lstrip()[1:-1].strip()
    if negative and (approximate := approximate_figure(s)) is not None:  # "(about 2,500)"
        s = approximate[0]
    if s[:1] == "+" or s[:2] == "£+":  # "+2,500", "£+2,500": a plus some sheets' formats show, said as the figure
        s = s.replace("+", "", 1).strip()
        if s[:1] in "-\u2212\u2013(+" or s[1:].lstrip()[:1] in ("-", "\u2212", "+"):
            raise MoneyError(f"“{original.strip()}” has a plus and another sign: type the amount with one sign "
                             "(-£2,500 for a negative amount).")
    if _TRAILING_MINUS.search(s):  # "1,234-", as finance systems and some Excel formats print a negative
        if negative:
            raise MoneyError(f"“{original.strip()}” is negative twice (in brackets and with a minus): for a "
                             "negative amount, use one or the other.")
        negative, s = True, s.rstrip()[:-1].rstrip()
        if s[:1] in "-\u2212\u2013" or s[1:2] in ("-", "\u2212"):  # "-1,234-", "£-1,234-"
            raise MoneyError(f"“{original.strip()}” is negative twice: for a negative amount, use one sign.")
    if s and s[:1] in "-\u2212\u2013":  # ("" is in every string: "about" alone is no amount, not a minus)
        if negative:  # "(-500)": negative twice over is a slip, not a way to write 500
            raise MoneyError(f"“{original.strip()}” is negative twice (in brackets and with a minus): for a "
                             "negative amount, use one or the other.")
        negative, s = True, s[1:].strip()
    return original, s, written, negative


def not_a_value_from_the_sheet(text: str, typed: str | None = None, what: str = "an amount") -> str:
    """Why a cell copied from a spreadsheet with its formula ("=SUM(A1:A3)") or showing an error in place of a figure
    ("#REF!", "#N/A") is not ``what`` (an amount; a count is "a figure"), and what to do; "" for any other text.
    ``typed``: the cell as typed, quoted in the words (``text`` itself when not given)."""
    text = text.strip()
    typed = text if typed is None else typed
    if text.startswith("="):
        return (f"“{typed}” is a formula, not {what}: paste the values, not the formulas (Paste Special > Values "
                "in Excel).")
    if _SHEET_ERROR.match(text):  # "#REF!": what Excel shows where a formula's figure could not be worked out
        return f"“{typed}” is an error from the sheet, not {what}: correct it there, then copy the figure again."
    return ""


def _pasted_from_a_ledger(text: str, typed: str) -> str:
    """Why a cell copied from a spreadsheet or a finance system as it was, not as an amount, is refused ("" when it
    is neither): a formula ("=SUM(A1:A3)", copied with its formulas rather than its values), an error Excel shows in
    place of a figure ("#REF!", "#N/A") or a figure marked CR or DR (a credit adds to a line in one ledger and takes
    away in another, so its sign is not guessed)."""
    if said := not_a_value_from_the_sheet(text, typed):
        return said
    m = _CREDIT_DEBIT.match(text)
    if m:
        figure = m["figure"].strip()
        mark, word = ("CR", "credit") if m["mark"].casefold() == "cr" else ("DR", "debit")
        return (f"“{typed}” is marked {mark} ({word}), as a ledger prints it, and whether a {word} adds or takes "
                f"away depends on the ledger, so it is not guessed: type the amount as it counts here ({figure}, or "
                f"-{figure} on a budget line it reduces).")
    return ""


# The currency's code after the figure ("2,500 GBP", "2500gbp"): £ said another way.
_CURRENCY_AFTER = LazyPattern(r"(?<=[\d.kKmMnN)])\s*gbp$", re.I)
# An amount a year or a month as the papers write it ("£2,500 pa", "p.a.", "per annum", "£400/month", "pcm").
_PER = LazyPattern(r"^(?P<figure>.*?[\d.kKmMnN)])\s*(?:gbp\s*)?"
                   r"(?:(?P<year>p\.?\s*a\.?|per\s+(?:annum|year|yr)|a\s+year|/\s*(?:annum|year|yr|y|a)|"
                   r"annually|yearly)|(?P<month>p\.?\s*c\.?\s*m\.?|per\s+(?:calendar\s+)?month|a\s+month|"
                   r"/\s*(?:month|mth|mo|m)|monthly))$", re.I)
# A date, as a sheet or a paper writes it: 01/04/2024, 1/4/24, 2024-04-01 (00:00:00), 01-Apr-2024, 1 April 2024.
_MONTH_NAMES = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# Excel's other date formats copied as shown: 2024/04/01, Apr-24, April 2024, 1-Apr (a month with no day, a day with
# no year).
_DATE = LazyPattern(r"^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2}(?:t|\s)?|"
                    r"\d{4}[/.]\d{1,2}[/.]\d{1,2}|" + _MONTH_NAMES + r"[\s/-]*(?:\d{2}|\d{4})|"
                    r"\d{1,2}(?:st|nd|rd|th)?[\s/-]*" + _MONTH_NAMES + r"(?:[\s/-]*(?:\d{2}|\d{4}))?)"
                    r"(?:\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$", re.I)


def _date_words(typed: str) -> str:
    """Why a date pasted where an amount goes ("01/04/2024", "2024-04-01 00:00:00") is refused; "" for other text."""
    if not _DATE.match(typed):
        return ""
    return (f"“{typed}” is a date, not an amount of money: copy or type the amount (a date pasted here most likely "
            "came from the column beside it).")


# Characters that show as nothing, pasted with a figure from a web page or Word: zero-width spaces and joiners, a
# byte-order mark, a soft hyphen. Read as they show: not there.
_INVISIBLE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# What separates a sheet's cells in a copy: a tab between cells, a new line between rows.
_CELL_BREAKS = LazyPattern(r"[\t\r\n]+")


def _several_cells_words(typed: str) -> str:
    """Why a copy of several cells with a figure in more than one ("2,500<tab>3,000", a column's "2,500\n3,000") is
    refused; "" otherwise (a cell's own line ending, or a sheet's "£" column beside its figure, are read)."""
    parts = [part.strip() for part in _CELL_BREAKS.split(typed) if part.strip()]
    if sum(any(c.isdigit() for c in part) for part in parts) < 2:
        return ""
    return (f"“{' | '.join(parts)}” is more than one cell (a tab or a new line between figures, as a copy of several "
            "cells gives): copy or type one amount.")


# An amount as much of Europe writes it: points (or spaces) between thousands and a comma before the pence
# ("2.500,00", "2 500,00", "12,50"), or points alone between thousands ("2.500.000"); its spaces may be Excel's.
_FIGURE_SPACES = str.maketrans(dict.fromkeys("\u00a0\u202f\u2009\u2007", " "))
_CONTINENTAL = LazyPattern(r"^(?P<sign>[-\u2212\u2013(]?)\s*£?\s*(?P<minus>[-\u2212\u2013]?)\s*"
                           r"(?P<figure>\d{1,3}(?:[. ]\d{3})+,\d{1,2}|\d+,\d{1,2}|\d{1,3}(?:\.\d{3}){2,})"
                           r"\s*(?P<scale>k|m|bn)?\s*\)?$", re.I)


def _continental_words(typed: str) -> str:
    """Why "2.500,00" (a comma for the pence, as much of Europe writes money) is refused, and the amount to type; ""
    for other text."""
    m = _CONTINENTAL.match(typed.translate(_FIGURE_SPACES))
    if m is None or (m["sign"] == "(") != typed.rstrip().endswith(")"):
        return ""
    figure = m["figure"]
    pounds = Decimal(figure.replace(".", "").replace(" ", "").replace(",", "."))
    negative = bool(m["sign"] or m["minus"])
    meant = f"{'-' if negative else ''}£{pounds:,f}{m['scale'] or ''}"
    if "," not in figure:
        return f"“{typed}” has points between its groups of thousands: type {meant}."
    said = (f"“{typed}” is written with a comma before the pence{' and points for thousands' if '.' in figure else ''}"
            f", as much of Europe writes money: {'' if m['scale'] else 'for pounds and pence, '}type {meant}")
    if "." not in figure and " " not in figure:  # "12,50": a comma here only ever separates thousands (£1,250)
        said += " (a comma separates thousands, as in £1,250)"
    return said + "."


def per_period(text: str) -> tuple[str, str] | None:
    """The figure and "year" or "month" of an amount written per year or per month ("£2,500 p.a.", "£200 a month"),
    or None: for a caller that reads figures in another unit (a plan in £'000) and says so in its own."""
    per = _PER.match((text or "").strip())
    if per is None:
        return None
    return per["figure"].strip(), "year" if per["year"] else "month"


def _words_beside_figure(text: str, typed: str) -> str:
    """Why an amount written with words the papers put beside it is not read as the figure alone ("" when it has
    none): per year or per month ("£2,500 pa": the amount asked for is already the period's). (An estimate, "£2,500
    (est)", is read as its figure: see _APPROX_BEFORE.)"""
    if (per := _PER.match(text)) and (pence := _read_or_none(per["figure"])) is not None:
        if per["year"]:
            return (f"“{typed}” is an amount a year: an amount here is already the one for its year (or for the "
                    f"period it is asked for), so type the figure alone, {format_money(pence)}.")
        return (f"“{typed}” is an amount a month: type the amount for the whole period it is asked for (twelve "
                f"months of {format_money(pence)} are {format_money(pence * 12)}).")
    return ""


def _read_or_none(figure: str) -> int | None:
    try:
        return parse_pence(figure.strip())
    except MoneyError:
        return None


# What a paper or a sheet writes where it has no figure: words for one not known yet ("TBC", "t.b.c.", "TBA", "TBD",
# "N/K") and marks for none or not known ("N/A", "-", which Excel's accounting format also shows for £0).
_NOT_KNOWN_YET = LazyPattern(r"^(?:t\.?\s*b\.?\s*[cad]\.?|to\s+be\s+(?:confirmed|agreed|advised|decided|determined)|"
                             r"awaiting\s+confirmation|n\s*/\s*k\.?|n\.k\.|unknown|\?+|"
                             # "Not stated": a bid's words for no cost, and the register's Cost column's then
                             r"not\s+(?:yet\s+)?(?:known|stated|given|specified)\.?)$", re.I)
_NO_FIGURE = LazyPattern(r"^(?:n\s*/\s*a\.?|n\.a\.|£?\s*[-\u2212\u2013\u2014])$", re.I)
_NIL = LazyPattern(r"^£?\s*(?:nil|none|nothing)\.?$", re.I)  # a paper's word for £0 ("Nil", "£nil")
# Said after "… is not an amount of money" for those (a Budgets cell, with words of its own for them, leaves it out).
def _not_known_hint(blank: str) -> str:
    return (f": it says the figure is not known yet. {blank[:1].upper() + blank[1:]} until it is known (type £0 only "
            "if there is none)")


def _no_figure_hint(blank: str) -> str:
    return f": it stands for no figure (none, or one not known yet). Type £0 for none, or {blank} until it is known"


NOT_KNOWN_HINT = _not_known_hint(LEAVE_BLANK)
NO_FIGURE_HINT = _no_figure_hint(LEAVE_BLANK)


def no_figure_words(text: str, *, blank: str = LEAVE_BLANK) -> str:
    """Why words a paper writes for an amount not known yet ("TBC", "TBA", "TBD", "t.b.c."), a mark for none or not
    known ("N/A", "-") or a word for none ("nil") are not an amount, and what to do (``blank``: leave it blank, or
    what the place it was typed in needs instead; or type £0); "" for any other text."""
    typed = (text or "").strip()
    if _NOT_KNOWN_YET.match(typed):
        return f"“{typed}” is not an amount of money{_not_known_hint(blank)}."
    if _NO_FIGURE.match(typed):
        return f"“{typed}” is not an amount of money{_no_figure_hint(blank)}."
    if _NIL.match(typed):
        return f"“{typed}” is not an amount of money: it says there is none. Type £0."
    return ""


# A percentage of an amount ("50% of £20,000", "10 % of £655,120"), typed where the amount itself is asked.
_PERCENT_OF = LazyPattern(r"^(?P<percent>\d+(?:\.\d+)?)\s*%\s*of\s+(?P<amount>.+)$", re.I)


def _percent_of_words(text: str, percent: str, amount: str) -> str:
    """Why "50% of £20,000" is refused, and the amount to type instead (£10,000) when it can be worked out."""
    try:
        whole = parse_pence(amount)
    except MoneyError:
        whole = None
    if whole is None or whole < 0:
        return f"“{text}” is a percentage of an amount: type the amount itself in pounds (such as £1,234.56)."
    pence = int((Decimal(percent) * whole / 100).to_integral_value(rounding=ROUND_HALF_UP))
    return f"“{text}” is a percentage of an amount: type the amount itself ({format_money(pence)})."


def check_within_bounds(pence: int, text: str | None = None) -> int:
    """Refuse an amount larger than MAX_PENCE either way (the message names the amount as typed)."""
    if not isinstance(pence, int) or isinstance(pence, bool):
        raise MoneyError(f"{text or pence!r} is not an amount of money.")
    if abs(pence) > MAX_PENCE:
        shown = f"“{text}”" if text else format_money(pence)
        raise MoneyError(f"{shown} is larger than Safer Desk can hold (at most {format_money(MAX_PENCE)}).")
    return pence


class Cost(Frozen):
    """A stated cost: a single amount, a range ("£54,372 - £62,372") or a minimum ("Minimum £50,000").

    Frozen, compared and hashed as the tuple (kind, min_pence, max_pence), as the ``@dataclass(frozen=True)`` it was:
    written out, its methods are compiled into the .pyc, where a dataclass's are compiled each start (issue 16)."""

    __slots__ = ("kind", "min_pence", "max_pence")
    __match_args__ = ("kind", "min_pence", "max_pence")
    kind: str  # "amount" | "range" | "minimum"
    min_pence: int
    max_pence: int | None  # None for a minimum (no upper bound)

    def __init__(self, kind: str, min_pence: int, max_pence: int | None) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "min_pence", min_pence)
        object.__setattr__(self, "max_pence", max_pence)
        if kind not in ("amount", "range", "minimum"):
            raise ValueError(f"unknown kind of cost: {kind}")
        if kind == "amount" and max_pence != min_pence:
            raise ValueError("a single amount has equal minimum and maximum")
        if kind == "range" and (max_pence is None or max_pence < min_pence):
            raise ValueError("a range needs a maximum at least its minimum")
        if kind == "minimum" and max_pence is not None:
            raise ValueError("a minimum has no maximum")

    @classmethod
    def amount(cls, pence: int) -> "Cost":
        return cls("amount", pence, pence)

    @property
    def planning_pence(self) -> int:
        """The figure to plan with: the amount, the top of a range, or the minimum."""
        return self.max_pence if self.max_pence is not None else self.min_pence

    def describe(self) -> str:
        if self.kind == "amount":
            return format_money(self.min_pence)
        if self.kind == "range":
            return f"{format_money(self.min_pence)} - {format_money(self.max_pence or 0)}"
        return f"Minimum {format_money(self.min_pence)}"


# How a project's stated cost is stored: its kind, its minimum and its maximum (None for a minimum).
COST_COLUMNS = ("cost_kind", "cost_min_pence", "cost_max_pence")


def stated_cost_words(values: Mapping[str, Any]) -> str:
    """A cost as stored (the three COST_COLUMNS of a row) in the register's words: "£30,000", "£54,372 - £62,372",
    "Minimum £50,000"; "not stated" when there is none, "not known" when the parts make no cost."""
    kind, low, high = (values.get(c) for c in COST_COLUMNS)
    if kind is None:
        return "not stated"
    try:
        return Cost(kind, low, high).describe()
    except (ValueError, TypeError):
        return "not known"


_RANGE_SPLIT = LazyPattern(r"\s*(?:-|\u2013|\u2014|\bto\b)\s*(?=£|\d)", re.I)
_UP_TO = LazyPattern(r"^(?:up\s*to|max(?:imum)?\.?(?:\s+of)?|(?:no|not)\s+more\s+than|at\s+most)\s+(\S.*)$", re.I)
_SIGN_AFTER_POUND = LazyPattern(r"^£\s*[-\u2212]\s*\d")
_MINIMUM = LazyPattern(r"^(?:minimum(?:\s+of)?|min\.?|at\s+least|from)\s+(.+)$", re.I)


def parse_cost(text: str) -> Cost:
    """Parse a stated cost: an amount, a range or a minimum ("£50,000+" is a minimum too)."""
    s = (text or "").strip()
    if not s:
        raise MoneyError("No cost was given.")
    if s[:1] == "+":  # "+2,500" (a sign, as some sheets' formats show one), not a range with "+-2,500"'s dash
        return Cost.amount(_non_negative(parse_pence(s), text))
    m = _MINIMUM.match(s)
    if m:
        return Cost("minimum", _non_negative(parse_pence(m.group(1)), text), None)
    if up_to := _UP_TO.match(s):  # said with the cell's own figure: an example's (£30,000) read as advice for it
        try:
            upper = format_money(parse_pence(up_to.group(1)))
        except MoneyError:
            raise MoneyError(f"“{s}” gives only an upper figure: type the cost, or a range ending at it, where the "
                             "lower figure is known.") from None
        raise MoneyError(f"“{s}” gives only an upper figure: type the cost ({upper}) if that is it, or a range "
                         f"ending at it (… - {upper}) where the lower figure is known.")
    if s.endswith("+"):
        return Cost("minimum", _non_negative(parse_pence(s[:-1]), text), None)
    if _SIGN_AFTER_POUND.match(s):  # "£-500": a sign written after the pound sign, not a range with no bottom
        raise MoneyError(f"“{s}”: a cost cannot be negative.")
    body = s[1:] if s.startswith(("-", "\u2212")) else s  # a leading minus is a sign, not a range
    parts = _RANGE_SPLIT.split(body)
    # "2024-04-01", "Apr-24": a date, not a range split at its dashes (asked only of text that splits: a cost read on
    # the way to the register's first screen compiles no date pattern; "01/04/2024" is parse_pence's to say)
    if len(parts) >= 2 and (dated := _date_words(s)):
        raise MoneyError(dated)
    if len(parts) == 2 and body is s:
        if (scale := _scale_word(parts[1])) and not states_its_scale(parts[0]):
            # "£50-60k" read as written is £50 to £60,000: the paper meant £50,000 to £60,000, most likely, but a
            # range is not guessed ("£500-1.2m")
            raise MoneyError(f"“{s}” says “{scale}” on the top of the range only, so its bottom would be "
                             f"{format_money(_non_negative(parse_pence(parts[0]), text))}: give both ends their scale "
                             "(£50k - £60k) or write both in full (£50,000 - £60,000).")
        low, high = (_non_negative(parse_pence(p), text) for p in parts)
        if high < low:
            raise MoneyError(f"“{s}”: the top of the range is below the bottom.")
        return Cost("range", low, high) if high != low else Cost.amount(low)
    if len(parts) > 2:
        raise MoneyError(f"“{s}” is not an amount, a range or a minimum.")
    return Cost.amount(_non_negative(parse_pence(s), text))


def _scale_word(text: str) -> str:
    """The thousands-or-more word an amount ends with ("60k" -> "k", "£1.2m" -> "m"), or ""."""
    m = re.search(r"\d\s*(" + "|".join(_SUFFIXES) + r")\s*$", text or "", re.I)
    return m.group(1) if m else ""


def _non_negative(pence: int, text: str) -> int:
    if pence < 0:
        raise MoneyError(f"“{text.strip()}”: a cost cannot be negative.")
    return pence


# -- searching ---------------------------------------------------------------

# An amount as a register or an editor shows it ("£125,000", "£3.25"), found in text searched.
# "£125,000", "£54,372.50"; or with a scale of its own, as papers write them: "£35k per PPO scheme", "£1.5m".
_SHOWN_AMOUNT = LazyPattern(r"£\s?(?:(\d+(?:\.\d{1,3})?)\s?([km])(?![a-z])|(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?"
                            r"(?![\d,]*\d))", re.I)
_WRITTEN_AS_MONEY = LazyPattern(r"^[-(]?\s*(?:£|gbp)|gbp\s*\)?$", re.I)


def searched_amount(text: str) -> int | None:
    """The pence a search reads as money means ("£125k", "125K", "£125000", "2,500 GBP"), or None: a figure with a £,
    GBP or a scale of its own only (a bare "2019" or "125" is searched as the words it is)."""
    typed = (text or "").strip()
    if not typed or not (_WRITTEN_AS_MONEY.search(typed) or states_its_scale(typed)):
        return None
    try:
        return abs(parse_pence(typed))
    except MoneyError:
        return None


def amounts_shown(text: str) -> set[int]:
    """The amounts of money text shows ("£125,000 keeps the advocates…", "£54,372 - £62,372", "£35k per PPO
    scheme"), in pence."""
    found = set()
    for m in _SHOWN_AMOUNT.finditer(text or ""):
        if m[2]:  # a scale of its own: £35k is £35,000, £1.5m £1,500,000 (a part of a penny is no amount)
            pence = Decimal(m[1]) * (1000 if m[2].lower() == "k" else 1_000_000) * PENCE_PER_POUND
            if pence == pence.to_integral_value():
                found.add(int(pence))
        else:
            found.add(int(m[3].replace(",", "")) * PENCE_PER_POUND + int(m[4] or 0))
    return found


# -- formatting --------------------------------------------------------------

def format_money(pence: int, *, show_pence: bool | None = None) -> str:
    """Format pence in en-GB: £1,234 for whole pounds, £1,234.56 otherwise, -£6,957 when negative."""
    if not isinstance(pence, int):
        raise TypeError(f"money must be int pence, not {type(pence).__name__}")
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), PENCE_PER_POUND)
    if show_pence is None:
        show_pence = rest != 0
    if show_pence:
        return f"{sign}£{pounds:,}.{rest:02d}"
    if rest:
        raise ValueError("cannot hide pence that are not zero")
    return f"{sign}£{pounds:,}"


def format_percent(value: Fraction, places: int = 2) -> str:
    """A share (a fraction of one) as a percentage with a fixed number of decimals, rounded half up: 9.08."""
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator * 100) / Decimal(value.denominator)
    return str(exact.quantize(quantum, rounding=ROUND_HALF_UP))


def any_pence(amounts: Iterable[Any]) -> bool:
    """True when any amount (int pence; anything else, such as "Not yet known", is passed over) has pence: a
    column or table shows them for all its money then, so its figures line up ("£684.14" over "£0.00")."""
    return any(isinstance(a, int) and not isinstance(a, bool) and a % PENCE_PER_POUND for a in amounts)


def table_money(amounts: Iterable[Any]) -> Callable[[int], str]:
    """How one table writes its money: with pence for all of it when any of its amounts has them."""
    pence = any_pence(amounts)
    return lambda amount: format_money(amount, show_pence=pence)


def format_pounds_plain(pence: int) -> str:
    """Pounds as a plain number for CSV and the command line: "63768", "7525.58", "-6957"."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), PENCE_PER_POUND)
    return f"{sign}{pounds}" if rest == 0 else f"{sign}{pounds}.{rest:02d}"


# -- splitting ---------------------------------------------------------------

def split_by_weights(total_pence: int, weights: Mapping[K, int | Fraction | Decimal], *, unit: int = 1) -> dict[K, int]:
    """Split pence in proportion to weights by largest remainder; the parts always add up to the total.

    ``unit`` is the rounding step (1 = pennies, 100 = whole pounds). Whole units go
    first to the largest remainders; ties are broken by key, so the order in which
    the weights are given never changes the result. When the total is not a whole
    number of units, the odd pence go to the part that is next in line for a unit.
    """
    if not weights:
        if total_pence:
            raise ValueError("there is nobody to split the money between")
        return {}
    if unit < 1:
        raise ValueError("the rounding unit must be at least one penny")
    if all(type(w) is int for w in weights.values()):
        return _split_by_int_weights(total_pence, weights, unit)
    from fractions import Fraction

    fractions = {k: Fraction(w) if not isinstance(w, Decimal) else Fraction(str(w)) for k, w in weights.items()}
    if any(w < 0 for w in fractions.values()):
        raise ValueError("weights cannot be negative")
    weight_total = sum(fractions.values(), Fraction(0))
    if weight_total == 0:
        if total_pence == 0:
            return {k: 0 for k in weights}
        raise ValueError("the weights add up to zero, so there is no basis to split by")
    sign = -1 if total_pence < 0 else 1
    magnitude = abs(total_pence)
    units_total, odd_pence = divmod(magnitude, unit)
    shares = {k: units_total * w / weight_total for k, w in fractions.items()}
    parts = {k: int(s) for k, s in shares.items()}  # floor: shares are non-negative
    left = units_total - sum(parts.values())
    order = sorted(weights, key=lambda k: (-(shares[k] - parts[k]), -fractions[k], _key_order(k)))
    for k in order[:left]:
        parts[k] += 1
    result = {k: parts[k] * unit for k in weights}
    if odd_pence:
        result[order[left % len(order)]] += odd_pence
    return {k: sign * v for k, v in result.items()}


def _split_by_int_weights(total_pence: int, weights: Mapping[K, int], unit: int) -> dict[K, int]:
    """The same split for whole-number weights in integers only (much faster than Fractions for
    hundreds of partnerships): remainders share one denominator, so they order the same way."""
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights cannot be negative")
    weight_total = sum(weights.values())
    if weight_total == 0:
        if total_pence == 0:
            return {k: 0 for k in weights}
        raise ValueError("the weights add up to zero, so there is no basis to split by")
    sign = -1 if total_pence < 0 else 1
    units_total, odd_pence = divmod(abs(total_pence), unit)
    parts, remainders = {}, {}
    for key, weight in weights.items():
        parts[key], remainders[key] = divmod(units_total * weight, weight_total)
    left = units_total - sum(parts.values())
    order = sorted(weights, key=lambda k: (-remainders[k], -weights[k], _key_order(k)))
    for key in order[:left]:
        parts[key] += 1
    result = {k: parts[k] * unit for k in weights}
    if odd_pence:
        result[order[left % len(order)]] += odd_pence
    return {k: sign * v for k, v in result.items()}


def split_equally(total_pence: int, keys: Iterable[K]) -> dict[K, int]:
    """Split pence equally between keys; the extra pennies go to keys in sorted order."""
    keys = list(keys)
    if len(set(keys)) != len(keys):
        raise ValueError("each share needs its own key")
    return split_by_weights(total_pence, {k: 1 for k in keys})


def _key_order(key: object) -> tuple[str, str]:
    return (type(key).__name__, str(key))
