"""Commissioning projects against a fund: what is committed, what is left, and what fits best.

Pure and exact: amounts are int pence, scaled amounts are rounded half up to the
penny, and a project's cost is split across financial years by largest
remainder so that the years always add up to the project's figure.

Against a funder's award, a project counts that funder's share only, for the
award's year (seed 003: Plymouth's PCC award of £400,568 a year; the domestic
abuse contract counts £110,000 of its £501,753, counselling £25,000 of £75,000,
treatment £98,500 of £2,000,000: £233,500 committed, £167,068 left). A cost
range counts its upper end unless the lower is chosen, and says which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from safer_desk.domain.money import format_money, split_by_weights
from safer_desk.domain.projects import Scale, scale_pence
from safer_desk.domain.text import as_typed, in_words

UNDATED = "(no year)"
RANGE_ENDS = ("upper", "lower")


class FundingError(ValueError):
    """An award or a funder's share that cannot be saved; the message names the field."""


def counted_cost(kind: str, min_pence: int, max_pence: int | None, end: str = "upper") -> tuple[int, str]:
    """The figure a commitment counts for a stated cost, and in words which figure that is.

    A single amount counts itself (no words). A range counts its upper end unless ``end`` is "lower"
    ("the upper end of £54,372 - £62,372"); a minimum counts the minimum and says it has no upper figure.
    """
    if end not in RANGE_ENDS:
        raise ValueError(f"a range is counted at its upper or lower end, not {end!r}")
    if kind == "amount" or (max_pence is not None and max_pence == min_pence):
        return min_pence, ""
    if kind == "minimum" or max_pence is None:
        return min_pence, f"the minimum {format_money(min_pence)} (no upper figure is stated)"
    stated = f"{format_money(min_pence)} - {format_money(max_pence)}"
    if end == "lower":
        return min_pence, f"the lower end of {stated}"
    return max_pence, f"the upper end of {stated}"


@dataclass(frozen=True)
class ScenarioLine:
    """A ticked project: its planning cost, the scale chosen and how its cost falls across years."""

    key: str
    cost_pence: int
    scale: Scale = Scale()
    year_weights: Mapping[str, int] = field(default_factory=dict)  # financial year label -> pence

    @property
    def scaled_pence(self) -> int:
        return scale_pence(self.cost_pence, self.scale)

    def by_year(self) -> dict[str, int]:
        """The scaled cost per financial year; the years add up exactly to ``scaled_pence``."""
        weights = {y: w for y, w in self.year_weights.items() if w > 0}
        if not weights:
            return {UNDATED: self.scaled_pence}
        return split_by_weights(self.scaled_pence, weights)


@dataclass(frozen=True)
class Commitment:
    fund_pence: int
    committed_pence: int
    lines: dict[str, int]  # key -> scaled pence
    by_year: dict[str, int]  # financial year -> pence, years in order

    @property
    def remaining_pence(self) -> int:
        """Left in the fund; negative when the ticked projects over-commit it."""
        return self.fund_pence - self.committed_pence

    @property
    def over_committed(self) -> bool:
        return self.committed_pence > self.fund_pence


def commitment(fund_pence: int, lines: Sequence[ScenarioLine]) -> Commitment:
    """Committed, remaining (or over-commitment) and the split by financial year; always adds up."""
    scaled = {line.key: line.scaled_pence for line in lines}
    years: dict[str, int] = {}
    for line in lines:
        for year, pence in line.by_year().items():
            years[year] = years.get(year, 0) + pence
    ordered = dict(sorted(years.items(), key=lambda kv: (kv[0] == UNDATED, kv[0])))
    return Commitment(fund_pence, sum(scaled.values()), scaled, ordered)


@dataclass(frozen=True)
class Candidate:
    key: str
    cost_pence: int
    score: int  # criteria met (0-5)


@dataclass(frozen=True)
class Suggestion:
    keys: tuple[str, ...]
    score: int
    cost_pence: int


def what_fits(fund_pence: int, candidates: Sequence[Candidate]) -> Suggestion:
    """The set of projects meeting the most criteria in total whose costs fit within the fund.

    Exact (dynamic programme over the total score, which is small): for every
    reachable score it keeps the cheapest set, so the proposal has the highest
    score and, among those, the lowest cost. Sets of equal cost are preferred by
    fewer projects, then by their sorted keys, and projects are considered in
    key order, so the answer never depends on the order they were given in.
    """
    if fund_pence < 0:
        raise ValueError("a fund cannot be negative")
    items = sorted((c for c in candidates if c.score > 0 and 0 <= c.cost_pence <= fund_pence), key=lambda c: c.key)
    # best[s] = (cost, count, keys) of the preferred set scoring exactly s
    best: dict[int, tuple[int, int, tuple[str, ...]]] = {0: (0, 0, ())}
    for item in items:
        for s, (cost, count, keys) in sorted(best.items(), reverse=True):
            new_cost = cost + item.cost_pence
            if new_cost > fund_pence:
                continue
            candidate = (new_cost, count + 1, tuple(sorted(keys + (item.key,))))
            target = s + item.score
            if target not in best or candidate < best[target]:
                best[target] = candidate
    top = max(best)
    cost, _, keys = best[top]
    return Suggestion(keys, top, cost)


# -- funders and awards ------------------------------------------------------------------------------------

# Initials written with dots, as older papers print a funder ("O.P.C.C.", "S.C.C."): the same as without them.
_DOTTED_INITIALS = re.compile(r"\b(?:[^\W\d_]\. ?)+[^\W\d_]\b\.?")


def funder_key(name: str) -> str:
    """A funder's name for matching: case, spacing, a leading "the", curly or straight quotes and dashes and the dots
    of initials do not matter (a share pasted from Word, "Children’s Trust", is the award's "Children's Trust"; a
    paper's "O.P.C.C." is "OPCC")."""
    text = re.sub(r"\s+", " ", as_typed(name or "").strip()).casefold()
    text = _DOTTED_INITIALS.sub(lambda m: re.sub(r"[. ]", "", m.group(0)), text)
    return text[4:] if text.startswith("the ") else text


def same_funder(a: str, b: str) -> bool:
    return bool(funder_key(a)) and funder_key(a) == funder_key(b)


@dataclass(frozen=True)
class Award:
    """A funder's award: an amount per financial year (or a total over years), conditions, and the
    revenue/capital split when the paper gives one (seed 000: approximately 69% revenue, 31% capital)."""

    id: str
    funder: str
    name: str
    years: Mapping[str, int] = field(default_factory=dict)  # financial year -> pence
    total_pence: int | None = None  # as stated ("£516,244 over two years"); None when only years are given
    first_year: str = ""
    last_year: str = ""
    conditions: str = ""
    revenue_bp: int | None = None  # basis points: 6900 is 69%
    capital_bp: int | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        if not (self.funder or "").strip():
            raise FundingError("Funder: say who made the award.")
        if not (self.name or "").strip():
            raise FundingError("Name: an award needs a name.")
        if (self.revenue_bp is None) != (self.capital_bp is None):
            raise FundingError("Revenue/capital: give both percentages, or neither.")
        if self.revenue_bp is not None:
            if not (0 <= self.revenue_bp <= 10000 and 0 <= self.capital_bp <= 10000):
                raise FundingError("Revenue/capital: each percentage is between 0% and 100%.")
            if self.revenue_bp + self.capital_bp == 100:  # 0.69 and 0.31, copied from cells formatted as numbers
                raise FundingError(f"Revenue/capital: {self.revenue_bp / 100:g}% and {self.capital_bp / 100:g}% add up "
                                   f"to 1%, not 100%: a sheet holds {self.revenue_bp:g}% as {self.revenue_bp / 100:g}. "
                                   f"For {self.revenue_bp:g}% and {self.capital_bp:g}%, type {self.revenue_bp:g} and "
                                   f"{self.capital_bp:g}.")
            if self.revenue_bp + self.capital_bp != 10000:
                raise FundingError(f"Revenue/capital: {self.revenue_bp / 100:g}% and {self.capital_bp / 100:g}% "
                                   "do not add up to 100%.")
        negative = [y for y, v in sorted(self.years.items()) if v < 0]
        if negative:  # said as the form's fields are named: a year's amount, or the total
            raise FundingError(f"Amount for {negative[0]}: an award cannot be negative.")
        if self.total_pence is not None and self.total_pence < 0:
            raise FundingError("Total: an award cannot be negative.")

    @property
    def year_labels(self) -> list[str]:
        return sorted(self.years)

    @property
    def total_over_years(self) -> bool:
        """A total for several years not split by year ("£500,000 (2018/19 to 2019/20)"): committed against whole."""
        return not self.years and self.total_pence is not None and bool(self.first_year) \
            and self.last_year not in ("", self.first_year)

    @property
    def span(self) -> tuple[str, str] | None:
        """The years a total not split by year is for, as ``share_for`` and ``in_window`` read them: ("2018/19",
        "2019/20") for a total over several years, and ("", "2019/20") for one an older version saved with its last
        year alone (it ends then; when it starts was not said, so every share up to its last year counts, none after
        it). None for an award split by year, a total for one year, and one with no years at all."""
        if self.total_over_years:
            return self.first_year, self.last_year
        if not self.years and self.total_pence is not None and not self.first_year and self.last_year:
            return "", self.last_year
        return None

    def covers(self, year: str) -> bool:
        """Whether Commissioning counts a share for ``year`` ("": a share with no year) against this award: a share
        with no year counts against any award of its funder; an award with no years counts every year's share, and
        one that holds its last year alone those up to that year."""
        if self.span is not None and year:
            return self.span[0] <= year <= self.span[1]
        if not year or not (self.years or self.first_year):
            return True
        if self.years:
            return year in self.years
        return year == self.first_year  # a total for one year

    def amount_for(self, year: str) -> int | None:
        """The award for one financial year; None when the paper does not split it by year. A total that holds its
        last year alone ("£500,000 (to 2019/20)") is None for that year too: it is the money of the years up to it,
        not that year's, and is committed against whole (``span``), as a total over several years is."""
        if year in self.years:
            return self.years[year]
        # A total for one year: its last year the first, or left blank ("£50,000 (2019/20)"), as span_text reads it.
        if not self.years and self.total_pence is not None and self.first_year and \
                self.first_year == (self.last_year or self.first_year) == year:
            return self.total_pence
        return None

    @property
    def years_total_pence(self) -> int:
        return sum(self.years.values())

    def split(self, year: str) -> tuple[int, int] | None:
        """Revenue and capital for a year, to the penny (they add up to the year's award); None without a split.
        For no one year (""), those of a total not split by year (over several years, or with no years)."""
        amount = self.amount_for(year) if year else None if self.years else self.total_pence
        if amount is None or self.revenue_bp is None:
            return None
        parts = split_by_weights(amount, {"revenue": self.revenue_bp, "capital": self.capital_bp})
        return parts["revenue"], parts["capital"]

    def checks(self) -> list[str]:
        """Disagreements in what is held: a stated total that the yearly amounts do not add up to."""
        if self.total_pence is not None and self.years and self.years_total_pence != self.total_pence:
            return [f"{self.name}: the years add up to {format_money(self.years_total_pence)} but the award is "
                    f"stated as {format_money(self.total_pence)}."]
        return []

    @property
    def span_text(self) -> str:
        """The years the award covers as the papers write them: "2018/19 to 2019/20", "2009/10", "to 2019/20" (its
        last year alone, as an award saved before its first year was asked for) or ""."""
        if not self.first_year:
            return f"to {self.last_year}" if self.last_year else ""
        return self.first_year + (f" to {self.last_year}" if self.last_year and self.last_year != self.first_year
                                  else "")

    def amount_text(self) -> str:
        """The award's money in words: "£400,568 a year (2017/18, 2018/19)", "£500,000 (2018/19 to 2019/20)"."""
        if self.years:
            amounts = set(self.years.values())
            if len(self.years) == 1:
                return f"{format_money(amounts.pop())} for {self.year_labels[0]}"
            if len(amounts) == 1:
                return f"{format_money(amounts.pop())} a year ({', '.join(self.year_labels)})"
            return ", ".join(f"{format_money(v)} in {y}" for y, v in sorted(self.years.items()))
        if self.total_pence is not None:
            return format_money(self.total_pence) + (f" ({self.span_text})" if self.span_text else "")
        return "amount not stated"

    def describe(self) -> str:
        split = (f"; revenue {self.revenue_bp / 100:g}% / capital {self.capital_bp / 100:g}%"
                 if self.revenue_bp is not None else "")
        return f"{self.funder}: {self.amount_text()}{split}"


@dataclass(frozen=True)
class Share:
    """What a project's funding says a funder pays: an amount, words ("Tbc"), and the year it is for."""

    funder: str
    amount_pence: int | None
    note: str = ""
    financial_year: str = ""


@dataclass(frozen=True)
class ShareLookup:
    """A project's share from one funder for one year: stated, not known yet, or not stated at all."""

    state: str  # "stated" | "part known" | "not known" | "other years" | "other award" | "none"
    amount_pence: int = 0  # what is stated (for "part known", the known part only)
    words: str = ""  # the paper's words for the part not known ("Awaiting confirmation", "Tbc"); other years: the years


# "Suffolk Public Sector Leaders — County Lines": the funder, a dash between spaces, then the award its share is from.
_AWARD_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")


def named_award(share_funder: str, funder: str) -> str | None:
    """The words naming an award after the funder in a share ("Suffolk Public Sector Leaders — County Lines":
    "County Lines"); None when the share is not the funder's or names no award."""
    text = share_funder or ""
    for m in _AWARD_DASH.finditer(text):
        if same_funder(text[:m.start()], funder):
            return text[m.end():].strip() or None
    return None


def names_award(words: str, award_name: str) -> bool:
    """Whether a share's words name the award: its name, or the start of it in whole words ("County Lines" for
    "County Lines and Urban Street Gangs 2018-2020"; case and spacing do not matter)."""
    name, words = funder_key(award_name), funder_key(words)
    return bool(words) and name.startswith(words) and (len(name) == len(words) or not name[len(words)].isalnum())


def counts_against(share_funder: str, award: Award) -> bool:
    """Whether a share from ``share_funder`` counts against the award: it is the award's funder's, naming no award
    or naming this one."""
    if same_funder(share_funder, award.funder):
        return True
    words = named_award(share_funder, award.funder)
    return words is not None and names_award(words, award.name)


def in_window(share: Share, year: str | None, span: tuple[str, str] | None) -> bool:
    """A share counted for ``year`` (or, with none, for the years of ``span``; with neither, any share)."""
    if not share.financial_year:
        return True
    if year is not None:
        return share.financial_year == year
    return span is None or span[0] <= share.financial_year <= span[1]


def _funders_shares(shares: Sequence[Share], funder: str, award_name: str = "") -> list[Share]:
    """The shares that are the funder's (with ``award_name``, also those naming that award after the funder)."""
    return [s for s in shares if same_funder(s.funder, funder) or (award_name and names_award(
        named_award(s.funder, funder) or "", award_name))]


def share_years(shares: Sequence[Share], funder: str, span: tuple[str, str] | None = None,
                award_name: str = "") -> dict[str, int]:
    """The funder's stated shares counted against an award for no one year (a total over ``span``, or one not
    dated), by the year each is for: how what it commits falls across years. Empty when any counted share has
    no year: then only the project's own years can say it. A share not yet known ("Tbc") counts nothing, so it
    places nothing either (beside one dated 2018/19, it put that one under "(no year)")."""
    mine = [s for s in _funders_shares(shares, funder, award_name)
            if in_window(s, None, span) and s.amount_pence is not None]
    if not mine or any(not s.financial_year for s in mine):
        return {}
    years: dict[str, int] = {}
    for s in mine:
        years[s.financial_year] = years.get(s.financial_year, 0) + s.amount_pence
    return years


def share_for(shares: Sequence[Share], funder: str, year: str | None = None,
              span: tuple[str, str] | None = None, award_name: str = "") -> ShareLookup:
    """The funder's share of a project for a year: shares for that year, plus those with no year. With ``span``
    (first and last year of an award's total not split by year) and no year: shares for any of those years.

    Shares for other years do not count: when the funder has shares for other years only, it gives nothing
    stated for this one ("other years", the years in ``words``). When the funder appears only with words
    ("Tbc"), the share is not known yet; when the funder does not appear at all, there is no stated share.
    A known share beside one still in words (£110,000 and a second tranche "Tbc") is "part known": the known
    amount, with the words of the rest, so the part not known is never dropped as if the share were whole.

    With ``award_name``, a share naming an award after the funder ("Suffolk Public Sector Leaders — County Lines")
    counts for that award only; when the funder's shares all name other awards, it gives nothing ("other award",
    their words in ``words``).
    """
    funders = _funders_shares(shares, funder, award_name)
    mine = [s for s in funders if in_window(s, year, span)]
    if not mine:
        if funders:
            return ShareLookup("other years", 0, ", ".join(sorted({s.financial_year for s in funders})))
        elsewhere = {named_award(s.funder, funder) for s in shares} - {None} if award_name else set()
        if elsewhere:
            return ShareLookup("other award", 0, ", ".join(f"“{w}”" for w in sorted(elsewhere)))
        return ShareLookup("none")
    known = [s for s in mine if s.amount_pence is not None]
    unknown = [s for s in mine if s.amount_pence is None]
    words = "; ".join(s.note for s in unknown if s.note) or "not known"
    if not known:
        return ShareLookup("not known", 0, words)
    if unknown:
        return ShareLookup("part known", sum(s.amount_pence for s in known), words)
    return ShareLookup("stated", sum(s.amount_pence for s in known))


def counted_twice(award: Award, awards: Sequence[Award], projects: Sequence[tuple[str, Sequence[Share]]],
                  year: str | None = None, span: tuple[str, str] | None = None) -> list[str]:
    """What is said when a share counted against the award (for ``year`` or ``span``, as ``share_for`` reads them)
    is counted against another of its funder's ``awards`` too: the same money in the "left" of each.

    ``projects`` are (title, shares). One sentence per set of awards counting the same shares, with the years and
    the projects, and how to name the award in a share ("Suffolk Public Sector Leaders — CSP funding (2018/19):
    £20,000").
    """
    groups: dict[tuple[str, ...], tuple[set[str], list[str], list[Share]]] = {}
    for title, shares in projects:
        for s in shares:
            if not s.amount_pence or not counts_against(s.funder, award) or not in_window(s, year, span):
                continue
            others = [b for b in awards if b.id != award.id and counts_against(s.funder, b)
                      and b.covers(s.financial_year)]
            if not others:
                continue
            key = tuple(b.name for b in sorted([award, *others], key=lambda b: b.name.casefold()))
            years, titles, examples = groups.setdefault(key, (set(), [], []))
            years.update({s.financial_year} - {""})
            titles.extend([title] if title not in titles else [])
            examples.append(s)
    short = re.split(r"\s+\S*\d", award.name)[0].strip()  # "CSP funding 2018-2021": "CSP funding"
    if not short or any(b.id != award.id and counts_against(f"{award.funder} — {short}", b) for b in awards):
        short = award.name
    out = []
    for names, (years, titles, examples) in groups.items():
        s = examples[0]
        year_words = f" ({s.financial_year})" if s.financial_year else ""
        when = f" for {in_words(sorted(years))}" if years else ""
        out.append(f"{award.funder} has {len(names)} awards{when} ({in_words([f'“{n}”' for n in names])}): a "
                   f"project's share from it is counted against each ({in_words(titles)}), so what they have left "
                   f"together is overstated. Name the award in the share to count it against one, as in "
                   f"“{award.funder} — {short}{year_words}: {format_money(s.amount_pence)}”.")
    return out


def revenue_capital_check(award: Award, year: str, lines: Sequence[tuple[str, int, int | None, int | None]]
                          ) -> list[str]:
    """Committed revenue and capital against the award's split (seed 000: 69% / 31% of £65,512) for ``year`` ("":
    the whole of a total not split by year).

    ``lines`` are (title, committed pence, capital pence, revenue pence) where the project states its
    split (None otherwise); the split of each commitment is taken in proportion to the project's own.
    """
    split = award.split(year)
    if split is None:
        return []
    revenue_available, capital_available = split
    revenue = capital = 0
    unknown = []
    for title, committed, capital_pence, revenue_pence in lines:
        if capital_pence is None or revenue_pence is None or capital_pence + revenue_pence == 0:
            unknown.append(title)
            continue
        parts = split_by_weights(committed, {"capital": capital_pence, "revenue": revenue_pence})
        capital += parts["capital"]
        revenue += parts["revenue"]
    span = award.span_text  # "to 2019/20" for an award that holds only its last year
    when = f" in {year}" if year else f" over {span}" if award.first_year else f" {span}" if span else ""
    messages = [f"{award.name} is {award.revenue_bp / 100:g}% revenue ({format_money(revenue_available)}) and "
                f"{award.capital_bp / 100:g}% capital ({format_money(capital_available)}){when}."]
    if capital > capital_available:
        messages.append(f"The ticked projects need {format_money(capital)} of capital: "
                        f"{format_money(capital - capital_available)} more than the award's capital share.")
    if revenue > revenue_available:
        messages.append(f"The ticked projects need {format_money(revenue)} of revenue: "
                        f"{format_money(revenue - revenue_available)} more than the award's revenue share.")
    if unknown:
        messages.append(f"{len(unknown)} ticked project{'s' if len(unknown) != 1 else ''} "
                        f"state{'s' if len(unknown) == 1 else ''} no capital/revenue split, so "
                        f"{'its' if len(unknown) == 1 else 'their'} part of the split cannot be checked.")
    return messages
