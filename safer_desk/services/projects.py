"""The project register: read, validate, save, delete and restore projects; paste and export the register.

One function per user action. A project is saved whole (its officers, status
history, funding sources and cost lines with it) in one transaction, so undo
can put back exactly the record that was there before.
"""

from __future__ import annotations

import gc
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, NamedTuple, Sequence

from safer_desk.domain import clock
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import (Cost, MoneyError, format_money, format_pounds_plain, not_a_value_from_the_sheet,
                                     parse_cost, parse_pence, split_by_weights)
from safer_desk.domain.periods import FinancialYear, PeriodError, YearOutOfRange, format_uk_date, parse_uk_date
from safer_desk.domain.projects import (
    CRITERIA, CRITERIA_KEYS, CRITERIA_TITLES, STATUS_LABELS, STATUSES, Criterion, ProjectStatus, LineAmount,
    ProjectError, Reconciliation, criteria_met, criteria_recorded, parse_criterion, read_line_amount, reconcile,
    ref_key, year_totals_words,
)
from safer_desk.domain.text import (LazyPattern, cell_as_typed, counted, folded, looks_like_total_line, ranges_text,
                                   shortened, typed_name_key)
from safer_desk.services.provenance import MERGED_FROM
from safer_desk.storage.store import Store

if TYPE_CHECKING:
    from fractions import Fraction

    from safer_desk.storage import snapshots

class Officer(NamedTuple):
    """A project's named officer, as the register lists them. (A NamedTuple: Python 3.11 compiles a frozen
    dataclass's methods as it is made, 3 M instructions of every start.)"""
    name: str
    role: str = ""
    organisation: str = ""

    def describe(self) -> str:
        return ", ".join(p for p in (self.name, self.role, self.organisation) if p)


@dataclass(frozen=True)
class StatusChange:
    """A project's status and when it changed to it."""
    status: str
    changed_on: str | None = None  # ISO date; None when the paper does not say
    note: str = ""


@dataclass(frozen=True)
class FundingSource:
    """Who pays what: an amount, or the paper's words when it is not known yet ("Tbc").

    ``financial_year`` ("2017/18") is the year the funder's share is for; "" when the paper gives none.
    """

    source: str
    amount_pence: int | None = None
    amount_note: str = ""
    financial_year: str = ""

    @property
    def label(self) -> str:
        """The funder with the year of its share: "OPCC (2017/18)"."""
        return f"{self.source} ({self.financial_year})" if self.financial_year else self.source

    def describe(self) -> str:
        amount = format_money(self.amount_pence) if self.amount_pence is not None else (self.amount_note or "unknown")
        return f"{self.label}: {amount}"


@dataclass(frozen=True)
class CostLine:
    """A line of a project's costs: its year, category, description and amount."""
    financial_year: str
    category: str
    description: str
    amount: LineAmount


@dataclass(frozen=True)
class Project:
    """A project of the register, as stored."""
    id: str
    title: str
    ref: str = ""
    description: str = ""
    lead_organisation: str = ""
    areas: tuple[str, ...] = ()
    status: str = "proposed"
    funding_route: str = ""
    cost: Cost | None = None
    cost_note: str = ""
    start_date: str | None = None
    end_date: str | None = None
    capital_pence: int | None = None
    revenue_pence: int | None = None
    criteria: Mapping[str, Criterion] = field(default_factory=dict)
    outcomes: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    notes: str = ""
    officers: tuple[Officer, ...] = ()
    status_history: tuple[StatusChange, ...] = ()
    funding_sources: tuple[FundingSource, ...] = ()
    cost_lines: tuple[CostLine, ...] = ()
    created_at: str = ""
    updated_at: str = ""

    def criterion(self, key: str) -> Criterion:
        return self.criteria.get(key, Criterion())

    @cached_property
    def criteria_met(self) -> int:
        return criteria_met(dict(self.criteria))

    @cached_property
    def met_shown(self) -> int | None:
        """The count of criteria met, or None when none is recorded (blank, not 0: nothing was judged)."""
        return self.criteria_met if criteria_recorded(dict(self.criteria)) else None

    @property
    def met_tooltip(self) -> str:
        if self.met_shown is None:
            return "No board criteria recorded"
        return f"{self.criteria_met} of 5 criteria met (√)"

    @cached_property
    def reconciliation(self) -> Reconciliation:
        return reconcile(self.cost, [line.amount for line in self.cost_lines])

    @property
    def warning(self) -> str:
        return self.reconciliation.warning()

    @property
    def cost_text(self) -> str:
        return self.cost.describe() if self.cost else (self.cost_note or "")

    @property
    def planning_pence(self) -> int | None:
        return self.cost.planning_pence if self.cost else None

    @property
    def status_date(self) -> str | None:
        for change in reversed(self.status_history):
            if change.status == self.status:
                return change.changed_on
        return None

    def year_weights(self, end: str = "upper", *, undated: str | None = None) -> dict[str, int]:
        """Pence per financial year from the cost lines (the end of any range a scenario counts: "upper" or
        "lower"), for splitting a commitment. ``undated``: beside lines with a year, the lines without one count
        where the whole cost would without lines by year (the start date's year, else under ``undated``), not in the
        other lines' years; None leaves them out."""
        weights: dict[str, int] = {}
        rest = 0  # the lines with no year
        for line in self.cost_lines:
            a = line.amount
            if a.queried or a.min_pence is None:
                continue
            pence = a.min_pence if end == "lower" else (a.max_pence or a.min_pence)
            if line.financial_year:
                weights[line.financial_year] = weights.get(line.financial_year, 0) + pence
            else:
                rest += pence
        start = FinancialYear.of(date.fromisoformat(self.start_date)).label if self.start_date else None
        if weights and rest and undated is not None:
            weights[start or undated] = weights.get(start or undated, 0) + rest
        if not weights and start:
            weights[start] = 1
        return weights

    @cached_property
    def search_text(self) -> str:
        """Everything a free-text search looks in, lower-cased once: whatever the register and the editor show of a
        project, the criteria's qualifiers ("for Ipswich only"), funding sources and cost lines included."""
        parts = [self.ref, self.title, self.description, self.lead_organisation, " ".join(self.areas),
                 self.status, self.funding_route, self.cost_text, self.cost_note, " ".join(self.indicators),
                 " ".join(self.outcomes), " ".join(self.priorities), self.notes,
                 " ".join(o.describe() for o in self.officers),
                 " ".join(c.qualifier for c in self.criteria.values()),
                 " ".join(f.describe() for f in self.funding_sources),
                 " ".join(f"{line.financial_year} {line.category} {line.description} {line.amount.describe()}"
                          for line in self.cost_lines),
                 year_totals_words((line.financial_year, line.amount) for line in self.cost_lines)]
        return search_folded("\n".join(parts))


def search_folded(text: str) -> str:
    """Text as the register's search compares it (domain.text.folded: any case, accents as the letter alone)."""
    return folded(text)


# -- form fields ---------------------------------------------------------------------------------------

# Field keys the editor, the paste and the export share, with the labels people see.
FIELD_LABELS = {
    "ref": "Ref", "title": "Title", "description": "Description", "lead_organisation": "Lead organisation",
    "officers": "Lead officers", "areas": "Areas covered", "status": "Status", "status_date": "Status date",
    "funding_route": "Funding route", "funding_sources": "Funding sources", "cost": "Cost",
    "cost_note": "Cost note", "start_date": "Start", "end_date": "End", "capital": "Capital", "revenue": "Revenue",
    **{k: title for k, _, title in CRITERIA},
    "outcomes": "Outcomes", "priorities": "Priorities", "indicators": "Indicators", "notes": "Notes",
}
_LIST_SPLIT = LazyPattern(r"\s*[;\n]\s*")
_INDICATOR_SPLIT = LazyPattern(r"\s*[;,\n]\s*")


def _split_list(text: str, pattern: re.Pattern = _LIST_SPLIT) -> tuple[str, ...]:
    if not text:
        return ()
    if ";" not in text and "\n" not in text and "," not in text:  # the common case, without a regex
        return (text.strip(),) if text.strip() else ()
    return tuple(p for p in pattern.split(text) if p)


class FieldProblems(ProjectError):
    """Problems with what was typed, each tied to the field it is about (``by_field``: key → message)."""

    def __init__(self, problems: Sequence[tuple[str, str]]):
        self.problems = list(problems)
        self.by_field: dict[str, str] = {}
        for key, message in self.problems:
            self.by_field[key] = f"{self.by_field[key]} {message}" if key in self.by_field else message
        super().__init__("\n".join(f"{_label(key)}: {message}" for key, message in self.problems))


def _label(key: str) -> str:
    if key.startswith("cost_line_"):
        return f"Cost line {int(key.rsplit('_', 1)[1]) + 1}"
    return {"capital_revenue": "Capital and revenue", "cost_lines": "Cost lines"}.get(key, FIELD_LABELS.get(key, key))


def _optional_date(text: str, key: str, problems: list[tuple[str, str]]) -> str | None:
    s = (text or "").strip()
    if not s:
        return None
    try:
        return parse_uk_date(s).isoformat()
    except PeriodError as exc:
        problems.append((key, str(exc)))
        return None


def _optional_pence(text: str, key: str, problems: list[tuple[str, str]]) -> int | None:
    s = (text or "").strip()
    if not s:
        return None
    try:
        pence = parse_pence(s)
    except MoneyError as exc:
        problems.append((key, str(exc)))
        return None
    if pence < 0:
        problems.append((key, "an amount cannot be negative."))
        return None
    return pence


_OFFICER_SPLIT = LazyPattern(r"\s*[;\n\r]\s*")
# The register's export puts a project's shares on one line, "; " between them: a share starts after a ";" where
# a funder and its colon follow (a note with a ";" of its own stays whole).
_SHARE_SPLIT = LazyPattern(r"[\r\n]+|;\s*(?=[^;:\r\n]+:)")


def parse_officers(text: str) -> tuple[Officer, ...]:
    """One officer a line, or "; " between them as the register's export writes them: "Name, Role,
    Organisation" (role and organisation may be left out)."""
    officers = []
    for line in _OFFICER_SPLIT.split(text or ""):
        parts = [p.strip() for p in line.strip().rstrip(",").split(",")]
        if not parts or not parts[0]:
            continue
        name = parts[0]
        organisation = parts[-1] if len(parts) >= 3 else ""
        role = ", ".join(parts[1:-1]) if len(parts) >= 3 else (parts[1] if len(parts) == 2 else "")
        officers.append(Officer(name, role, organisation))
    return tuple(officers)


def format_officers(officers: Iterable[Officer]) -> str:
    return "\n".join(o.describe() for o in officers)


def parse_funding_sources(text: str, problems: list[tuple[str, str]], *,
                          cost_pence: int | None = None, first_year: str = "",
                          year_costs: Mapping[str, int] | None = None) -> tuple[FundingSource, ...]:
    """One source a line (or "; " between them, as the register's export writes them): "Source: £amount"
    (words such as "Tbc" are kept as the amount not yet known). ``cost_pence``: the project's cost, where it is one
    amount: a share typed as a part of it ("50%", "1/3") is refused saying the amount that part comes to.
    ``first_year``: the project's first financial year ("2009/10"), naming the lines to type for a share written
    "£18,000 per year for two years" on a line with no year. ``year_costs``: each financial year's cost as the cost
    lines give it (ELEV8's 2009/10 £46,500): a share for such a year typed as a part is a part of that year's cost,
    as the summary under the field weighs the year's shares against it."""
    sources = []
    stated: dict[tuple[str, str], tuple[int, FundingSource]] = {}  # a funder's amount for a year, and its line
    parts: dict[str, list[tuple[int, int, str, str, Fraction]]] = {}  # shares typed as parts of the cost, by year
    lines = [(n, line.strip()) for n, line in enumerate(_SHARE_SPLIT.split(text or ""), start=1)]
    typed = [n for n, line in lines if line]
    for n, line in lines:
        if not line:
            continue
        if "\t" in line or (n == typed[0] and len(typed) > 1):  # a sheet's heading row ("Funder⇥Year⇥Amount")
            if _share_headings(_cells(line) if "\t" in line else [line.replace(":", " ")]):
                continue  # it holds no money: skipped, not kept as a funder called "Funder Year Amount"
        if "\t" in line:  # cells copied from a sheet: the funder, the year and the amount, said as typed
            line = _share_from_cells(_cells(line), n, problems)
            if not line:
                continue
        if _LONE_AMOUNT.match(line):  # "£35K": a share with no funder (not two shares on a line)
            problems.append(("funding_sources", f"line {n}: say who the money comes from before the amount "
                                                f"(“OPCC: {line}”)."))
            continue
        try:
            line = _year_after_share(line)
        except PeriodError as exc:
            problems.append(("funding_sources", f"line {n}: {exc}"))
            continue
        source, sep, amount = line.rpartition(":")
        if formula := re.search(r":\s*=", line):  # "OPCC: =SUM(A1:A3)": a formula's colons are not the funder's
            source, amount = line[:formula.start()], line[formula.start() + 1:]
        dashed = None if sep else (_DASHED_AMOUNT.match(line) or _DASHED_WORDS.match(line))
        if dashed:  # "OPCC 2017/18 – £110,000", "OPCC 2017/18 – Tbc": the papers' spaced dash before the share
            source, amount = dashed["source"], dashed["amount"]
        elif not sep:
            source, amount = line, ""
            unmarked = _UNMARKED_AMOUNT.match(line)
            if unmarked:
                problems.append(("funding_sources", f"line {n}: put a colon between the funder and the amount "
                                                    f"(“{unmarked['source']}: {unmarked['amount']}”)."))
                continue
        source, amount = source.strip(), amount.strip()
        if _AMOUNT_IN_NAME.search(source):
            problems.append(("funding_sources", f"line {n}: put each funder's share on its own line "
                                                "(“OPCC: £1,000” on one line, “SCC: £2,000” on the next)."))
            continue
        dated = _dated_share(source, amount)
        if dated:
            problems.append(("funding_sources", f"line {n}: {dated}"))
            continue
        try:
            source, year = _funding_year(source)
        except PeriodError as exc:
            problems.append(("funding_sources", f"line {n}: {exc}"))
            continue
        if not source:
            problems.append(("funding_sources", f"line {n}: say who the money comes from before the colon."))
            continue
        whole, of_year = (year_costs[year], year) if year and (year_costs or {}).get(year) else (cost_pence, "")
        if part := _share_as_part(FundingSource(source, None, "", year).label, amount, whole, of_year=of_year):
            if whole and (read := _part_of(amount)):  # said again below if the parts share odd pennies
                parts.setdefault(year, []).append((len(problems), n, FundingSource(source, None, "", year).label,
                                                   amount, read[1]))
            problems.append(("funding_sources", f"line {n}: {part}"))
            continue
        nil = amount.casefold().removeprefix("£").strip() in _NIL_SHARE  # "£ -": Excel's Accounting format for £0
        try:
            pence = 0 if nil else parse_pence(amount)
        except MoneyError as exc:
            of_cost = _SHARE_OF_COST.match(amount)
            if of_cost:  # "£110,000 of £501,753", as the board report and seed 003 write a share
                label = FundingSource(source, None, "", year).label
                problems.append(("funding_sources", f"line {n}: give the share alone (“{label}: {of_cost['share']}”): "
                                                    "the project's cost goes under Cost."))
            elif two := _two_amounts(amount.split()):  # "OPCC: £110,000 £50,000": not one amount read as a guess
                problems.append(("funding_sources", _two_shares(n, source, two)))
            elif over := _share_over_years(source, year, amount, first_year):  # "£18,000 per year for two years"
                problems.append(("funding_sources", f"line {n}: {over}"))
            elif noted := _share_and_note(amount):  # "£4,000 (£2,000 per District)", "£110,000 (confirmed)"
                label = FundingSource(source, None, "", year).label
                problems.append(("funding_sources", f"line {n}: give the share alone (“{label}: {noted[0]}”): "
                                                    f"“{noted[1]}” is not read as part of it (put it under Notes)."))
            elif re.search(r"\d", amount) or not_a_value_from_the_sheet(amount):  # "#REF!" is not "Tbc"
                problems.append(("funding_sources", f"line {n}: {exc}"))
            else:
                sources.append(FundingSource(source, None, amount, year))
            continue
        if pence < 0:
            problems.append(("funding_sources", f"line {n}: a funder's share cannot be negative (“{amount}”)."))
            continue
        share = FundingSource(source, pence, "", year)
        if twin := stated.get(_share_key(share)):
            problems.append(("funding_sources", _share_twice(n, share, *twin)))
            continue
        stated[_share_key(share)] = (n, share)
        sources.append(share)
    for year, typed_parts in parts.items():
        of_year = year if year and (year_costs or {}).get(year) else ""
        # A share with no year counts in each year (as the summary adds it to each year's shares)
        in_pounds = [s.amount_pence for s in sources if s.financial_year in ({year, ""} if of_year else {year})
                     and s.amount_pence is not None]
        _parts_add_up(typed_parts, year_costs[year] if of_year else cost_pence, problems, in_pounds, of_year)
    return tuple(sources)


def line_year_costs(lines: Iterable[CostLine]) -> dict[str, int]:
    """Each financial year's cost by its cost lines (ELEV8's 2009/10 £46,500), for the years whose lines are all
    single amounts (a queried line or a range leaves its year out); none when a line gives no year (it may be any
    year's). As the editor's summary weighs a year's shares (ProjectEditor._year_costs, from the lines as typed)."""
    years: dict[str, int | None] = {}
    for line in lines:
        if not line.financial_year:
            return {}
        amount, so_far = line.amount, years.get(line.financial_year, 0)
        exact = amount.min_pence is not None and amount.min_pence == amount.max_pence
        years[line.financial_year] = so_far + amount.min_pence if exact and so_far is not None else None
    return {year: pence for year, pence in years.items() if pence is not None}


def _half_up(fraction: Fraction, pence: int) -> int:
    """A part of an amount in pence, to the penny, half up."""
    return int((Decimal(fraction.numerator) * pence / fraction.denominator).to_integral_value(rounding=ROUND_HALF_UP))


def _parts_add_up(typed_parts: Sequence[tuple[int, int, str, str, Fraction]], cost_pence: int,
                  problems: list[tuple[str, str]], in_pounds: Sequence[int] = (), of_year: str = "") -> None:
    """Say again the amounts of shares typed as parts of the cost (for one year) so that they add up as the summary
    under the field counts them. Parts that, with the shares typed in pounds for the year (``in_pounds``), make the
    whole cost (to within a penny a share in pounds, as a sheet's rounding leaves them: "OPCC: 1/3" beside "SCC:
    £66.66" of £100) take what those shares leave of it (£33.34, the "Other funders" the summary says); several
    parts otherwise add up to what they make together, rounded half up (three thirds of £100: £33.34, £33.33,
    £33.33, not £33.33 three times, a penny short of the cost). Either way the odd pennies go by largest remainder,
    ties to the first line, and a line told more than its part (an odd penny) or less than it, to the penny below,
    says why. ``cost_pence``: the cost the parts are of (``of_year``'s, where its cost lines give it).
    ``typed_parts``: each
    part's place in ``problems``, its line, label, the part as typed and the fraction of the cost it is."""
    from fractions import Fraction  # here, as in _part_of: not on the way to the first screen

    together = sum((fraction for *_, fraction in typed_parts), Fraction(0))
    if together > 1:
        return
    left = cost_pence - sum(in_pounds)
    making_the_cost = bool(in_pounds) and left >= 0 and abs(together * cost_pence - left) < len(in_pounds)
    if len(typed_parts) < 2 and not making_the_cost:
        return
    total = left if making_the_cost else _half_up(together, cost_pence)
    split = split_by_weights(total, {f"{n:09d}": fraction for _i, n, _l, _a, fraction in typed_parts})
    for index, n, label, amount, fraction in typed_parts:
        pence = split[f"{n:09d}"]
        exact = fraction * cost_pence  # its part to the fraction of a penny: below it, or a penny above, is its own
        odd = pence - math.floor(exact) if pence > exact or pence < math.floor(exact) else 0
        pennies = "the odd penny" if odd == 1 else f"{odd} odd pennies" if odd > 0 else \
            "a penny less than its part" if odd == -1 else f"{-odd} pence less than its part"
        the_cost = f"the {of_year} cost" if of_year else "the cost"
        why = "" if not odd else (f", {'taking ' if odd > 0 else ''}{pennies} so that with the shares in pounds they "
                                  f"add up to {the_cost} {format_money(cost_pence)}") if making_the_cost else \
            f", taking {pennies} so that the shares given as parts add up to {format_money(total)}"
        problems[index] = ("funding_sources", f"line {n}: " + _share_as_part(label, amount, cost_pence, pence=pence,
                                                                              why=why, of_year=of_year))


# A share typed as a part of the cost: "50%", "1/3", "one third", "a half", "two-thirds" (or "… of the cost").
_OF_THE_COST = r"(?:\s+of\s+(?:the\s+)?(?:project'?s?\s+)?(?:cost|total|budget))?"
_PERCENT_PART = LazyPattern(rf"^(?P<part>(?P<percent>\d+(?:\.\d+)?)\s*%){_OF_THE_COST}$", re.I)
_FRACTION_PART = LazyPattern(rf"^(?P<part>(?P<num>\d+)\s*/\s*(?P<den>\d+)){_OF_THE_COST}$", re.I)
_WORDS_PART = LazyPattern(rf"^(?P<part>(?:(?P<num>one|a|two|three|four)[\s\-\u2010]+)?"
                          rf"(?P<den>halfs?|halves|thirds?|quarters?|fifths?)){_OF_THE_COST}$", re.I)
_NUMBER_WORDS = {None: 1, "one": 1, "a": 1, "two": 2, "three": 3, "four": 4}
_PART_WORDS = {"half": 2, "halfs": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
               "fifth": 5, "fifths": 5}
_PERCENT_OF = LazyPattern(r"^(?P<percent>\d+(?:\.\d+)?)\s*%\s*of\s+(?P<amount>.*\d.*)$", re.I)  # "50% of £20,000"
_PERCENT_TOKEN = LazyPattern(r"\d+(?:\.\d+)?\s*%")


def _part_of(amount: str) -> tuple[str, Fraction] | None:
    """A share typed as a part of the cost, as typed ("1/3") and as a fraction of the cost; None if it is not one."""
    from fractions import Fraction  # here: the register is read on the way to the first screen (4 M instructions)

    if m := _PERCENT_PART.match(amount):
        return m["part"], Fraction(Decimal(m["percent"])) / 100
    if (m := _FRACTION_PART.match(amount)) and 0 < int(m["num"]) < int(m["den"]):
        return m["part"], Fraction(int(m["num"]), int(m["den"]))
    if m := _WORDS_PART.match(amount):
        num, den = _NUMBER_WORDS[m["num"] and m["num"].casefold()], _PART_WORDS[m["den"].casefold()]
        return (m["part"], Fraction(num, den)) if num < den else None
    return None


def _share_as_part(label: str, amount: str, cost_pence: int | None, *, pence: int | None = None,
                   why: str = "", of_year: str = "") -> str:
    """Why a share given as a part of an amount ("50%", "1/3", "one third", "50% of £20,000") is refused, with the
    amount to type where it can be worked out (never a made-up figure); "" where the share is not given so.
    ``pence``: the amount to say (as ``_parts_add_up`` shares the odd pennies), else the part rounded half up;
    ``why``: why ``pence`` is not the part rounded half up (", taking the odd penny so that …"); ``of_year``: the
    financial year ``cost_pence`` is the cost of ("1/3 of the 2009/10 cost £46,500")."""
    if of := _PERCENT_OF.match(amount):  # "50% of £20,000": the amount it is of is stated
        try:
            whole = parse_pence(of["amount"])
        except MoneyError:
            whole = None
        part, whole_text = (f"{of['percent']}%", format_money(whole)) if whole and whole > 0 else (None, "")
        from fractions import Fraction

        fraction = Fraction(Decimal(of["percent"])) / 100
    elif read := _part_of(amount):
        part, fraction = read
        whole = cost_pence
        whole_text = f"the {f'{of_year} ' if of_year else ''}cost {format_money(cost_pence)}" if cost_pence else ""
    elif "%" in amount:  # "£6,000 (50%)": the amount is there, beside its percentage
        rest = _PERCENT_TOKEN.sub("", amount).replace("(", " ").replace(")", " ").strip(" ,;")
        try:
            pence = parse_pence(rest)
        except MoneyError:
            pence = None
        if pence is not None and pence > 0:
            return f"give the share in pounds alone (“{label}: {format_money(pence)}”), not as a part of the cost."
        part, whole = None, None
    else:
        return ""
    if part is None or not whole or whole <= 0:
        return f"give the share in pounds (“{label}: ” and the amount), not as a part of the cost."
    if pence is None:
        pence = _half_up(fraction, whole)
    return (f"give the share in pounds (“{label}: {format_money(pence)}”, {part} of {whole_text}{why}), "
            "not as a part of the cost.")


# A share as seed 000 writes ELEV8's costs, "£18,000 per year for two years" (or "(per year for two years)", "a year for
# 2 years", "p.a. for two years"); one over several years together, "£516,244 over two years" (seed 002); one given
# in kind with a value, "£5,000 in kind" (not money paid).
_COUNT = r"(?P<n>\d+|two|three|four|five)"
_FROM_TO = r"(?:\s*,?\s*(?P<first>(?:19|20)\d\d)\s*[-\u2013\u2014]\s*(?:19|20)\d\d)?"  # seed 002's ", 2018 – 2021"
_A_YEAR_FOR = LazyPattern(rf"^(?P<amount>[^()]*?\d[^()]*?)\s*\(?\s*"
                          rf"(?:(?:per|a|each|every)\s+(?:year|annum)|p\.?\s?a\.?)\s*,?\s+(?:for|over)\s+{_COUNT}\s+"
                          rf"(?:years?|yrs?){_FROM_TO}\s*\)?$", re.I)
_OVER_YEARS = LazyPattern(rf"^(?P<amount>[^()]*?\d[^()]*?)\s*\(?\s*(?:over|across)\s+{_COUNT}\s+(?:years?|yrs?)\s*\)?$",
                          re.I)
_IN_KIND = LazyPattern(r"^(?P<amount>[^()]*?\d[^()]*?)\s*\(?\s*(?:given\s+)?in[\s\-\u2010]+kind\s*\)?$", re.I)
_COUNTS = {"2": 2, "3": 3, "4": 4, "5": 5, "two": 2, "three": 3, "four": 4, "five": 5}
_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


def _share_over_years(source: str, year: str, amount: str, first_year: str = "") -> str:
    """Why a share written over several years or in kind ("£18,000 per year for two years", "£516,244 over two
    years", "£5,000 in kind") is refused, naming the lines to type; "" when it is not so written. The years are named
    from the share's own year, else the project's ``first_year``; with neither, by an example said as one."""
    def years_from(start: str, count: int) -> list[str]:
        first = FinancialYear.parse(start).start_year
        return [FinancialYear(y).label for y in range(first, first + count)]

    if kind := _IN_KIND.match(amount):
        try:
            pence = parse_pence(kind["amount"])
        except MoneyError:
            return ""
        return (f"“{amount}” is given in kind, not paid: type “{source}: in kind” (it counts as no money) and put its "
                f"value, {format_money(pence)}, under Notes.")
    a_year = _A_YEAR_FOR.match(amount)
    m = a_year or _OVER_YEARS.match(amount)
    count = _COUNTS.get(m["n"].casefold(), 0) if m else 0
    if count < 2:
        return ""
    try:
        pence = parse_pence(m["amount"])
    except MoneyError:
        return ""
    words = _COUNT_WORDS[count]
    stated = m.groupdict().get("first")  # "2018 – 2021": its first financial year, 2018/19
    start = year or (FinancialYear(int(stated)).label if stated else first_year)
    if a_year:
        money = format_money(pence)
        said = f"“{amount}” is {money} a year for {words} years: give each year's share on its own line, with its year"
        lines = ", ".join(f"“{source} ({y}): {money}”" for y in years_from(start or "2009/10", count))
        return said + f" ({lines}{'' if start else ' for a project begun in 2009/10'})."
    said = f"“{amount}” is for {words} years together: give each year's share on its own line, with its year"
    if start:
        return said + " (" + " and ".join(f"“{source} ({y}): ”" for y in years_from(start, count)) + \
            ", each with its amount)."
    return said + f" (“{source} (2009/10): ” and the amount, and so on for each year)."


# A share with the paper's note in brackets after it: "£4,000 (£2,000 per District)", "£110,000 (confirmed)".
_NOTED_SHARE = LazyPattern(r"^(?P<amount>[^()]*\d[^()]*?)\s*\(\s*(?P<note>[^()]*?)\s*\)$")
# Notes that change what the amount is (a year's of several, one in kind): the amount alone is not the share.
_NOTE_CHANGES_IT = LazyPattern(r"\b(?:years?|yrs?|annum|annually|p\.?a|monthly|months?|weeks?|each|every|kind)\b",
                               re.I)


def _share_and_note(amount: str) -> tuple[str, str] | None:
    """A share typed with a note after it, as the amount to type alone and the note; None if it is not one."""
    m = _NOTED_SHARE.match(amount)
    if not m or not m["note"] or _NOTE_CHANGES_IT.search(m["note"]):
        return None
    try:
        pence = parse_pence(m["amount"])
    except MoneyError:
        return None
    return (format_money(pence), m["note"]) if pence >= 0 else None


def shares_given_twice(sources: Sequence[FundingSource]) -> list[str]:
    """What ``parse_funding_sources`` refuses of shares a file already holds (saved before it did): a second amount
    for a funder and year, each said of its line as the editor shows the shares, one a line."""
    stated: dict[tuple[str, str], tuple[int, FundingSource]] = {}
    said = []
    for n, share in enumerate(sources, start=1):
        if share.amount_pence is None:
            continue
        if twin := stated.get(_share_key(share)):
            said.append(_share_twice(n, share, *twin))
        else:
            stated[_share_key(share)] = (n, share)
    return said


def _share_key(share: FundingSource) -> tuple[str, str]:
    """A stated share's funder and year as Commissioning matches them (case, spacing and a leading "the" aside)."""
    from safer_desk.domain.commissioning import funder_key

    return funder_key(share.source), share.financial_year


def _share_twice(n: int, share: FundingSource, first_line: int, first: FundingSource) -> str:
    """The refusal of a second amount for a funder and year ("OPCC (2017/18): £50,000", then "£60,000"): counted
    against the funder's award the two were summed unsaid, though the second may correct the first."""
    both = format_money(first.amount_pence + share.amount_pence)
    year = f"for {share.financial_year}" if share.financial_year else "with no year"
    return (f"line {n}: {share.label} is given twice ({format_money(first.amount_pence)} on line {first_line}, "
            f"{format_money(share.amount_pence)} here), and Commissioning would add the two together: give the "
            f"funder's share {year} once (“{first.label}: {both}” if both are its), or name the award each is "
            f"from after the funder (“{share.source} — the award's name{share.label[len(share.source):]}: "
            f"{format_money(share.amount_pence)}”).")


def _cells(line: str) -> list[str]:
    """A line's cells as a sheet copies them (a tab between each), the empty ones left out."""
    return [c.strip() for c in line.split("\t") if c.strip()]


# The words a sheet heads its funders' shares with ("Funder", "Funding source", "Year", "Amount (£)").
_SHARE_HEADINGS = frozenset("funder funders source sources funding fund from year years financial fy yr amount amounts "
                            "share shares contribution contributions total gbp pounds partner partners organisation "
                            "organization value sum agreed".split())


def _share_headings(cells: Sequence[str]) -> bool:
    """Cells that head a sheet's shares: words of a funder, a year and an amount, no figure."""
    if any(ch.isdigit() for c in cells for ch in c):
        return False
    words = set(re.findall(r"[^\W\d_]+", " ".join(cells).casefold()))
    return bool(words) and words <= _SHARE_HEADINGS


def _two_amounts(cells: Sequence[str]) -> list[int]:
    """The amounts when there are two or more and each reads as one ("£110,000", "£50,000"); [] otherwise."""
    if len(cells) < 2:
        return []
    try:
        return [parse_pence(c) for c in cells]
    except MoneyError:
        return []


def _two_shares(n: int, funder: str, amounts: Sequence[int]) -> str:
    said = ", ".join(format_money(a) for a in amounts[:-1]) + f" and {format_money(amounts[-1])}"
    count = "two" if len(amounts) == 2 else str(len(amounts))
    return (f"line {n}: {count} amounts for {funder or 'one funder'}, {said}: put each share on its own line "
            f"(“{funder or 'OPCC'} (2017/18): {format_money(amounts[0])}”, the next year's on the next line).")


def _share_from_cells(cells: list[str], n: int, problems: list[tuple[str, str]]) -> str:
    """A share copied from a sheet's cells ("OPCC⇥2017/18⇥£110,000", in any order: the year is the cell that is a
    financial year, the amount the last other cell) as the editor's line reads it ("OPCC 2017/18: £110,000"); ""
    when the cells are refused (said in ``problems``, the cells named, never a raw tab)."""
    years = [c for c in cells if re.fullmatch(rf"{YEAR_WORD}{_YEAR}", c, re.IGNORECASE)]
    others = [c for c in cells if c not in years]
    if len(others) < 2:  # the funder alone, or with its year: no share stated
        return " ".join(others + [f"({y})" for y in years])
    *named, amount = others
    money = [c for c in named if _two_amounts([c, c])]
    funder = " ".join(c for c in named if c not in money)
    if money:
        two = _two_amounts([*money, amount])
        if two:
            problems.append(("funding_sources", _two_shares(n, funder, two)))
        else:
            listed = ", ".join(f"“{c}”" for c in cells)
            problems.append(("funding_sources", f"line {n}: the cells {listed} hold more than a funder, its year and "
                                                "its amount: give one share a line (“OPCC (2017/18): £110,000”)."))
        return ""
    return f"{' '.join([funder, *years])}: {amount}"


def _year_after_share(line: str) -> str:
    """A share with its year in brackets after the amount, as seed 000 prints it ("OPCC: £10,000 (2009/10)", "OPCC –
    TBC (2009/10)"), said the register's way ("OPCC (2009/10): £10,000"); any other line as it is ("OPCC (2009/10)"
    alone names the funder's year, not a share). A year before the amount too raises PeriodError: which is it?"""
    m = _YEAR_AFTER_SHARE.match(line)
    if m is None:
        return line
    rest = m["rest"]
    source, sep, amount = rest.rpartition(":")
    if not sep:
        dashed = _DASHED_AMOUNT.match(rest) or _DASHED_WORDS.match(rest)
        if dashed is None:
            return line
        source, amount = dashed["source"], dashed["amount"]
    source, amount = source.strip(), amount.strip()
    if not amount:
        return line
    name, year = _funding_year(source)  # "11-19 Youth Trust" is a name; "OPCC (2010/11)" has a year already
    one_year(year, m["year"], "share", f"{name or 'OPCC'} ({m['year']}): {amount}")
    return f"{name if year else source} ({m['year']}): {amount}"  # the same year twice is the year once


def year_after_amount(text: str) -> tuple[str, str]:
    """An amount with its year in brackets after it, as seed 000 prints a share ("£10,000 (2009/10)", "TBC (FY
    2009/10)"): (the amount, the year as typed); (text, "") without one. Shares and awards read it alike."""
    m = _YEAR_AFTER_SHARE.match((text or "").strip())
    return (m["rest"].strip(), m["year"]) if m else ((text or "").strip(), "")


def one_year(before: str, after: str, what: str, example: str) -> None:
    """Refuse a share's or an award's amount with a year before it and another after it ("2017/18: £10,000
    (2009/10)"): which is it for? The same year twice is the year once. PeriodError says what to type instead."""
    if before and after and FinancialYear.parse(before).label != FinancialYear.parse(after).label:
        raise PeriodError(f"two years, {before} before the amount and {after} after it: give the year the {what} "
                          f"is for once (“{example}”).")


# A share with no funder: an amount alone ("£35K"), or with its year after it ("£10,000 (2009/10)").
_LONE_AMOUNT = LazyPattern(r"^-?£\s*\d[\d,]*(?:\.\d+)?(?:k|m)?"
                           r"(?:\s*\((?:FY\s*)?\d{2,4}\s*[/\-\u2013\u2014]\s*\d{2,4}\))?$", re.IGNORECASE)


# "OPCC £1,000" (no colon) and "OPCC: £1,000 SCC" (two shares on a line): an amount in pounds where the funder's
# name should be. Digits alone stay a name ("Section 106").
_UNMARKED_AMOUNT = LazyPattern(r"^(?P<source>.*\S)\s+(?P<amount>-?£\s*\d[\d,]*(?:\.\d+)?k?)$", re.IGNORECASE)
_AMOUNT_IN_NAME = LazyPattern(r"£\s*\d")
# A share with the cost it is of, as the board report writes it: "£110,000 of £501,753", "£30,000 of at least £50,000".
_SHARE_OF_COST = LazyPattern(r"^(?P<share>£?\s*\d[\d,]*(?:\.\d+)?k?)\s+of\s+(?:at least\s+)?£?\s*\d", re.IGNORECASE)
# "OPCC 2017/18 – £110,000", as the papers write an amount after its label (Word makes " - " an en dash): a dash with
# a space either side separates the share as a colon does; a dash against the amount ("OPCC -£5") is its minus.
_DASHED_AMOUNT = LazyPattern(r"^(?P<source>.*?\S)\s+[\-\u2013\u2014](?=\s)\s*"
                             r"(?P<amount>[\-\u2013\u2014\u2212]?\(?£\s*\d[\d,]*(?:\.\d+)?k?\)?)$", re.IGNORECASE)
# "OPCC 2017/18 – Tbc": after a spaced dash, only the papers' words for a share not known yet or a nil share are the
# share; other words are the funder's own name ("Safer Suffolk – County Lines").
_DASHED_WORDS = LazyPattern(r"^(?P<source>.*?\S)\s+[\-\u2013\u2014]\s+(?P<amount>tb[cad]\.?|to be confirmed|awaiting "
                            r"confirmation|n/?k|n\.k\.|not known|unknown|£?nil\.?|none)$", re.IGNORECASE)


# A share of nothing as the papers write it (seed 004's tables print "-"; DESIGN 2.5: a stated nil): £0, not words
# of a share still to come.
_NIL_SHARE = {"nil", "nil.", "£nil", "none", "-", "\u2013", "\u2014"}

# A year written 2017/18, 2017-18 or, as Word's and Excel's AutoCorrect make it, 2017–18 (an en or em dash).
_YEAR = r"\d{2,4}\s*[/\-\u2013\u2014]\s*\d{2,4}"
# The papers' word before a year, "FY" or seed 000's "Yr 1" ("FY 2018/19", "Yr1 2009/10"): shares and awards take it.
YEAR_WORD = r"(?:FY\s*|Yr\s*\d\s*)?"
# In brackets, after "FY" or seed 000's "Yr1" as the papers write them ("OPCC (FY 2018/19)", "OPCC (Yr1 2009/10)").
_FUNDING_YEAR = LazyPattern(rf"^(?P<source>.*?)\s*\({YEAR_WORD}(?P<year>{_YEAR})\)$", re.IGNORECASE)
# The year in brackets after the share ("OPCC: £10,000 (2009/10)", "OPCC – TBC (FY 2009/10)").
_YEAR_AFTER_SHARE = LazyPattern(rf"^(?P<rest>.*\S)\s*\({YEAR_WORD}(?P<year>{_YEAR})\)$", re.IGNORECASE)
# The year typed without brackets, alone (no funder: refused; "FY 2019/20" is not the funder "FY"), after the funder
# or before it ("OPCC 2019/20", "OPCC, FY 2019/20", "2019/20 OPCC", "Yr1 2009/10 OPCC").
_BARE_FUNDING_YEAR = LazyPattern(rf"^(?:{YEAR_WORD}(?P<alone>{_YEAR})"
                                rf"|(?P<source>.*?\S)[\s,\-\u2013\u2014]+{YEAR_WORD}(?P<year>{_YEAR})"
                                rf"|{YEAR_WORD}(?P<year_first>{_YEAR})[\s,\-\u2013\u2014]+(?P<rest>.+))$",
                                re.IGNORECASE)
# Another year left in the funder's name (not a range such as "11-19 Youth Trust").
_YEAR_IN_NAME = LazyPattern(r"(?<![\d/])(?:\d{4}\s*[/\-\u2013\u2014]\s*\d{2,4}|\d{2}\s*/\s*\d{2})(?![\d/])")


# A day typed where the share's year goes: "OPCC (31/03/2018)", "OPCC (from 1/4/2018)" (the whole bracket),
# "OPCC 01/04/2018".
_DATE_FOR_YEAR = LazyPattern(r"\s*\([^()]*?(?P<in_brackets>\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})\b[^()]*\)"
                             r"|\s*(?P<bare>\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})\b")


def _dated_share(source: str, amount: str) -> str:
    """What is said of a share whose funder carries a date instead of the financial year its share is for (it was kept
    as part of the funder's name, so the share was nobody's): the year the date is in, at the 31 March / 1 April
    boundary as anywhere. "" when there is no date."""
    m = _DATE_FOR_YEAR.search(source)
    if m is None:
        return ""
    typed = m["in_brackets"] or m["bare"]
    try:
        year = FinancialYear.of(parse_uk_date(typed)).label
    except PeriodError:
        return ""
    name = " ".join((source[:m.start()] + source[m.end():]).split()) or "Funder"
    return (f"“{typed}” is a date: a share is for a financial year (1 April to 31 March), and {typed} is in {year}: "
            f"type “{name} ({year}): {amount or '£5,000'}”.")


# Words beside a year that make it a span ("from 2017/18", "2017/18 onwards"; beside another year, any word is one).
_SPAN_WORDS = LazyPattern(r"\b(?:to|until|till|through|from|onwards?)\b", re.IGNORECASE)


def _one_year_each(source: str) -> PeriodError:
    """A share typed for several years ("OPCC (2017/18 to 2018/19)", "OPCC (2017/18) (2018/19)"): how to write it,
    with the funder and the first year typed and the year after it."""
    first = _YEAR_IN_NAME.search(source)
    name = source[:first.start()] if first else ""
    if name.rfind("(") > name.rfind(")"):  # "OPCC (from 2017/18)": the funder is before the bracket
        name = name[:name.rfind("(")]
    name = name.rstrip(" ,-\u2013\u2014").strip()
    try:
        one = FinancialYear.parse(first.group()) if first else FinancialYear(2019)
    except PeriodError:
        one = FinancialYear(2019)
    return PeriodError(f"a share is for one year: put each year's share on its own line (“{name or 'OPCC'} "
                       f"({one.label}): £5,000” on one, “{name or 'OPCC'} ({FinancialYear(one.start_year + 1).label}): "
                       "£5,000” on the next).")


def _is_one_year(m: re.Match | None) -> bool:
    """Whether a match of ``_FUNDING_YEAR`` is of one financial year ("2017/18"; not "2018-2021", a span)."""
    try:
        return m is not None and bool(FinancialYear.parse(m.group("year")))
    except PeriodError:
        return False


def _year_in_name(source: str, inside: re.Match) -> PeriodError:
    """A year left in the funder's name ("Lottery 2019/20 round 2"), said with the name to type instead; in brackets
    beside another year or words of a span ("OPCC (2017/18 to 2018/19)", "OPCC (from 2017/18)"), a share for
    several years; in brackets beside words, the bracket keeps them ("Lottery (round 2, 2019/20)")."""
    before, after = source[:inside.start()], source[inside.end():]
    opened, closed = before.rfind("("), after.find(")")
    if opened > before.rfind(")") and closed >= 0 and "(" not in after[:closed]:  # the year is inside brackets
        rest = (before[opened + 1:] + " " + after[:closed])
        if _YEAR_IN_NAME.search(rest) or _SPAN_WORDS.search(rest):
            return _one_year_each(source)
        rest = " ".join(w for w in rest.split() if w.lower() not in ("for", "in", "year")).strip(" ,;-\u2013\u2014")
        name = before[:opened].rstrip() + (f" ({rest})" if rest else "") + " " + after[closed + 1:]
    else:
        name = before + " " + after
    name = " ".join(name.split())
    return PeriodError(f"“{inside.group()}” is inside the funder's name: type the funder, then the year its "
                       f"share is for (“{name} ({inside.group()})”).")


def _funding_year(source: str) -> tuple[str, str]:
    """"OPCC (2017/18)", "OPCC 2017/18" and "2017/18 OPCC" are the OPCC's share for 2017/18; a source without a
    year has none. A year that is not a financial year ("2017/19") raises PeriodError."""
    m = _FUNDING_YEAR.match(source)
    if m:
        if _is_one_year(_FUNDING_YEAR.match(m.group("source"))):  # "OPCC (2017/18) (2018/19)": not a funder
            raise _one_year_each(source)  # called "OPCC (2017/18)" ("CSP funding (2018-2021)" names an award)
        return m.group("source").strip(), FinancialYear.parse(m.group("year")).label
    m = _BARE_FUNDING_YEAR.match(source)
    if not m:
        inside = _YEAR_IN_NAME.search(source)
        if inside:  # "Lottery 2019/20 round 2": a funder called that, whose share has no year, or 2019/20's share?
            raise _year_in_name(source, inside)
        return source, ""
    name, year = ((m["source"], m["year"]) if m["year"] else (m["rest"], m["year_first"]) if m["year_first"]
                  else ("", m["alone"]))
    if _YEAR_IN_NAME.search(name):  # "Home Office 2019/20 and 2020/21": which year's share?
        raise _one_year_each(source)
    try:
        return name.strip(), FinancialYear.parse(year).label
    except YearOutOfRange:
        raise
    except PeriodError:
        start = re.match(r"\d+", year).group()
        if len(start) != 4 and "/" not in year:  # "11-19 Youth Trust", "Ages 12-18": a range in the funder's name
            return source, ""
        example = FinancialYear({4: int(start), 2: 2000 + int(start)}.get(len(start), 2018)).label
        raise PeriodError(f"“{year}” is not a financial year: type the year the share is for after the funder, as "
                          f"in “{name.strip() or 'OPCC'} ({example})”.") from None


def format_funding_sources(sources: Iterable[FundingSource]) -> str:
    return "\n".join(s.describe() if s.amount_pence is not None or s.amount_note else s.label for s in sources)


def project_fields(project: Project) -> dict[str, str]:
    """A project as the editor's text fields (the inverse of ``project_from_fields``)."""
    fields = {
        "ref": project.ref, "title": project.title, "description": project.description,
        "lead_organisation": project.lead_organisation, "officers": format_officers(project.officers),
        "areas": "; ".join(project.areas), "status": project.status,
        "status_date": format_uk_date(date.fromisoformat(project.status_date)) if project.status_date else "",
        "funding_route": project.funding_route, "funding_sources": format_funding_sources(project.funding_sources),
        "cost": project.cost.describe() if project.cost else "", "cost_note": project.cost_note,
        "start_date": _uk(project.start_date), "end_date": _uk(project.end_date),
        "capital": format_money(project.capital_pence) if project.capital_pence is not None else "",
        "revenue": format_money(project.revenue_pence) if project.revenue_pence is not None else "",
        "outcomes": "; ".join(project.outcomes), "priorities": "; ".join(project.priorities),
        "indicators": "; ".join(project.indicators), "notes": project.notes,
    }
    for key in CRITERIA_KEYS:
        fields[key] = project.criterion(key).describe()
    return fields


def _uk(iso: str | None) -> str:
    return format_uk_date(date.fromisoformat(iso)) if iso else ""


def _day(iso: str | None) -> date | None:
    """A stored date for a sheet: a date cell in Excel, 01/04/2009 in a CSV."""
    return date.fromisoformat(iso) if iso else None


def _split_problems(cost: Cost, capital: int | None, revenue: int | None) -> list[tuple[str, str]]:
    """A capital / revenue split the cost cannot hold (it feeds an award's revenue / capital check): a part
    more than the cost's upper figure; both parts other than a single cost, outside a range, under a minimum."""
    top = cost.min_pence if cost.kind == "amount" else cost.max_pence
    for key, part in (("capital", capital), ("revenue", revenue)):
        if part is not None and top is not None and part > top:
            return [(key, f"{format_money(part)} of {key} is more than the "
                          f"{'cost' if cost.kind == 'amount' else 'upper end of the cost'} of {format_money(top)}.")]
    if capital is None or revenue is None:
        return []
    both = capital + revenue
    said = f"{format_money(capital)} + {format_money(revenue)} = {format_money(both)}"
    if cost.kind == "amount":
        if both == cost.min_pence:
            return []
        return [("revenue", f"{said}, not the cost of {format_money(cost.min_pence)}.")]
    if top is not None and both > top:
        return [("revenue", f"{said}, more than the upper end of the cost ({format_money(top)}).")]
    if both < cost.min_pence:
        low = f"the lower end of the cost ({format_money(cost.min_pence)})" if top is not None else \
            f"the minimum cost of {format_money(cost.min_pence)}"
        return [("revenue", f"{said}, less than {low}.")]
    return []


def project_from_fields(fields: Mapping[str, str], *, base: Project | None = None,
                        cost_lines: Sequence[tuple[str, str, str, str]] | None = None,
                        today: date | None = None, new: bool | None = None) -> Project:
    """Build a project from what was typed; every problem is listed, each naming its field.

    Fields not given keep the base project's values. ``cost_lines`` are (financial year,
    category, description, amount as written); an amount that cannot be read safely is kept
    as written and queried rather than refused, because that is how the paper wrote it. ``new``: the project is
    not in the file yet (the editor's draft given as ``base``), so its status is dated as a new project's is.
    """
    new = base is None if new is None else new
    base = base or Project(id=new_id(), title="")
    current = project_fields(base)
    f = {k: (str(fields[k] or "") if k in fields else current.get(k, "")) for k in FIELD_LABELS}
    problems: list[tuple[str, str]] = []
    title = f["title"].strip()
    if not title:
        problems.append(("title", "a project needs a title."))
    status = f["status"].strip().casefold() or "proposed"
    try:
        status = ProjectStatus.parse(status).value
    except ValueError:
        problems.append(("status", f"“{f['status']}” is not a status (use one of {', '.join(STATUSES)})."))
        status = base.status
    cost = None
    if f["cost"].strip():
        try:
            cost = parse_cost(f["cost"])
        except MoneyError as exc:
            if ("cost_note" not in fields or f["cost"].strip() == f["cost_note"].strip()) \
                    and not any(ch.isdigit() for ch in f["cost"]) and not not_a_value_from_the_sheet(f["cost"]):
                # Words with no figure where no cost note is given, or the note itself: the register's export writes
                # a project's cost note in its Cost column where no cost is stated ("Not stated", "Tbc"), as the
                # register shows it, and in its Cost note column, so a sheet exported and pasted back keeps it. An
                # error the sheet shows ("#REF!", "#N/A") is no note: it is refused as one, as "#DIV/0!" is.
                f["cost_note"] = f["cost"]
            else:
                problems.append(("cost", str(exc)))
    criteria = {}
    for key in CRITERIA_KEYS:
        try:
            criteria[key] = parse_criterion(f[key])
        except ProjectError as exc:
            problems.append((key, str(exc)))
    start = _optional_date(f["start_date"], "start_date", problems)
    end = _optional_date(f["end_date"], "end_date", problems)
    if start and end and end < start:
        problems.append(("end_date", "the project ends before it starts."))
    capital = _optional_pence(f["capital"], "capital", problems)
    revenue = _optional_pence(f["revenue"], "revenue", problems)
    if cost is not None:
        problems += _split_problems(cost, capital, revenue)
    status_date = _optional_date(f["status_date"], "status_date", problems)
    lines = base.cost_lines
    if cost_lines is not None:
        lines = []
        for n, (year, category, description, amount) in enumerate(cost_lines, start=1):
            if not any((year or "").strip() or (x or "").strip() for x in (category, description, amount)):
                continue
            year = (year or "").strip()
            if year:
                try:
                    year = FinancialYear.parse(year).label
                except PeriodError as exc:
                    problems.append((f"cost_line_{n - 1}", str(exc)))
            if not (amount or "").strip():
                problems.append((f"cost_line_{n - 1}", "give an amount."))
                continue
            lines.append(CostLine(year, (category or "").strip(), (description or "").strip(),
                                  read_line_amount(amount)))
        lines = tuple(lines)
    if f["funding_sources"].strip() == current["funding_sources"].strip():
        # Not changed: the shares as the file holds them, not read again by today's rules (an earlier version kept
        # "Lottery 2019/20 round 2" whole as a funder: refused or read as a year now, by an edit of another field).
        sources = base.funding_sources
    else:
        one_amount = cost.max_pence if cost is not None and cost.kind == "amount" else None  # "1/3" said of it
        sources = parse_funding_sources(f["funding_sources"], problems, cost_pence=one_amount,
                                        first_year=FinancialYear.of(date.fromisoformat(start)).label if start else "",
                                        year_costs=line_year_costs(lines))
    if problems:
        raise FieldProblems(problems)
    history = list(base.status_history)
    typed = status_date if "status_date" in fields else None
    if not history and not new and status == base.status and not typed:
        pass  # an undated status left as it was stays undated: a save of other fields is not a status change (two
        # offices' saves of one project differed by the day each saved it, a conflict nobody had chosen)
    elif not history or history[-1].status != status:
        # A new status is dated as typed, or today: never with the old status's date, which the field holds
        # when it is not given.
        when = typed or (today or date.today()).isoformat()
        history.append(StatusChange(status, when))
    elif status_date != history[-1].changed_on:
        # Emptied, it is dated today, as its placeholder says ("today if blank"): it was left undated, and the
        # paper's date (P1's 24/01/2017) lost without a word.
        history[-1] = replace(history[-1], changed_on=status_date or (today or date.today()).isoformat())
    return replace(
        base, ref=f["ref"].strip(), title=title, description=f["description"].strip(),
        lead_organisation=f["lead_organisation"].strip(), officers=parse_officers(f["officers"]),
        areas=_split_list(f["areas"]), status=status, funding_route=f["funding_route"].strip(),
        funding_sources=sources, cost=cost, cost_note=f["cost_note"].strip(), start_date=start, end_date=end,
        capital_pence=capital, revenue_pence=revenue, criteria=criteria, outcomes=_split_list(f["outcomes"]),
        priorities=_split_list(f["priorities"]), indicators=_split_list(f["indicators"], _INDICATOR_SPLIT),
        notes=f["notes"].strip(), status_history=tuple(history), cost_lines=lines,
    )


# -- reading -------------------------------------------------------------------------------------------

def _now() -> str:
    return clock.now_iso()


def _cost_from_row(r) -> Cost | None:
    if r["cost_kind"] is None:
        return None
    return Cost(r["cost_kind"], r["cost_min_pence"], r["cost_max_pence"])


def load_projects(store: Store, ids: Sequence[str] | None = None) -> list[Project]:
    """Projects with everything they hold, in register order (reference number, then title)."""
    # Building tens of thousands of small objects triggers the cyclic collector again and again; none of them
    # form cycles, so it is paused while they are made.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_projects(store, ids)
    finally:
        if was_enabled:
            gc.enable()


def _load_projects(store: Store, ids: Sequence[str] | None) -> list[Project]:
    where, params = "", ()
    if ids is not None:
        if not ids:
            return []
        where = f" WHERE project_id IN ({','.join('?' * len(ids))})"
        params = tuple(ids)
    children: dict[str, dict[str, list]] = {}

    def bucket(pid: str, kind: str) -> list:
        return children.setdefault(pid, {}).setdefault(kind, [])

    def plain_rows(sql: str):
        cursor = store.conn.cursor()
        cursor.row_factory = None  # tuples: several times faster than sqlite3.Row for thousands of rows
        return cursor.execute(sql, params).fetchall()

    for pid, name, role, organisation in plain_rows(
            f"SELECT project_id, name, role, organisation FROM project_officers{where} ORDER BY project_id, position"):
        bucket(pid, "officers").append(Officer(name, role, organisation))
    for pid, status, changed_on, note in plain_rows(
            f"SELECT project_id, status, changed_on, note FROM project_status_history{where} "
            "ORDER BY project_id, position"):
        bucket(pid, "history").append(StatusChange(status, changed_on, note))
    for pid, source, amount, note, year in plain_rows(
            f"SELECT project_id, source, amount_pence, amount_note, financial_year FROM project_funding_sources"
            f"{where} ORDER BY project_id, position"):
        bucket(pid, "sources").append(FundingSource(source, amount, note, year))
    for pid, year, category, description, text, low, high in plain_rows(
            f"SELECT project_id, financial_year, category, description, amount_text, min_pence, max_pence "
            f"FROM project_cost_lines{where} ORDER BY project_id, position"):
        amount = read_line_amount(text) if low is None else LineAmount(text, low, high)
        bucket(pid, "lines").append(CostLine(year, category, description, amount))
    columns = ["id", "ref", "title", "description", "lead_organisation", "areas", "status", "funding_route",
               "cost_kind", "cost_min_pence", "cost_max_pence", "cost_note", "start_date", "end_date",
               "capital_pence", "revenue_pence", *[c for k in CRITERIA_KEYS for c in (k, f"{k}_note")],
               "outcomes", "priorities", "indicators", "notes", "created_at", "updated_at"]
    sql = f"SELECT {', '.join(columns)} FROM projects" + (where.replace("project_id", "id") if where else "")
    projects = []
    empty: dict[str, list] = {}
    criteria_cache: dict[tuple, Criterion] = {}
    for row in plain_rows(sql):
        r = dict(zip(columns, row))
        kids = children.get(r["id"], empty)
        criteria = {}
        for k in CRITERIA_KEYS:
            pair = (r[k], r[f"{k}_note"])
            c = criteria_cache.get(pair)
            if c is None:
                c = criteria_cache[pair] = Criterion(*pair)
            criteria[k] = c
        projects.append(Project(
            id=r["id"], ref=r["ref"], title=r["title"], description=r["description"],
            lead_organisation=r["lead_organisation"], areas=_split_list(r["areas"]), status=r["status"],
            funding_route=r["funding_route"], cost=_cost_from_row(r), cost_note=r["cost_note"],
            start_date=r["start_date"], end_date=r["end_date"], capital_pence=r["capital_pence"],
            revenue_pence=r["revenue_pence"], criteria=criteria, outcomes=_split_list(r["outcomes"]),
            priorities=_split_list(r["priorities"]), indicators=_split_list(r["indicators"]), notes=r["notes"],
            officers=tuple(kids.get("officers", ())), status_history=tuple(kids.get("history", ())),
            funding_sources=tuple(kids.get("sources", ())), cost_lines=tuple(kids.get("lines", ())),
            created_at=r["created_at"], updated_at=r["updated_at"],
        ))
    projects.sort(key=register_order)
    return projects


def project_name(project: Project) -> str:
    """A project as the register, Commissioning and Budgets name it: its ref and title ("1. Sanctuary scheme")."""
    return f"{project.ref}. {project.title}" if project.ref else project.title


def sentence_titles(store: Store, *, county: bool = True) -> dict[str, str]:
    """The projects of the file whose title alone does not say which they are, by id, as ``titles_said`` names them
    over the whole register: "17. Outreach worker" where another project of an office's own file has its title,
    "Outreach worker (merged from Babergh office)" where another of a county file has it (none there when not
    ``county``). The register's refs and titles are read in one query, not every project whole."""
    from types import SimpleNamespace

    from safer_desk.services.provenance import NOT_A_COUNTY_FILE, PROJECTS, row_origins, titles_said

    rows = store.rows("SELECT id, ref, title FROM projects")
    register = [SimpleNamespace(id=r[0], ref=r[1], title=r[2]) for r in rows]
    origins = row_origins(store, PROJECTS)
    if origins.shown and not county:
        return {}
    return titles_said(register, origins if county else NOT_A_COUNTY_FILE)


def titles_in_sentences(store: Store, projects: Sequence[Project]) -> list[str]:
    """``projects`` (a few of the register: the shares naming an award) as a sentence names them: the title, else as
    ``sentence_titles`` tells it from another project's of that title."""
    said = sentence_titles(store)
    return [said.get(p.id, p.title) for p in projects]


def known_area_names(store: Store) -> dict[str, str]:
    """Every area the file knows (``reference.known_areas``: districts, partnerships, counties, indicator areas) by
    its casefolded name, for ``areas_not_known``."""
    from safer_desk.services.reference import known_areas

    return {a.name.casefold(): a.name for a in known_areas(store)}


def split_areas(text: str) -> tuple[str, ...]:
    """The areas a cell of "Areas covered" names, as a project holds them ("Countywide; Ipswich")."""
    return _split_list(text)


_AREA_PARTS = LazyPattern(r"\s*,\s*|\s+and\s+|\s*&\s*")


def areas_not_known(project: Project, known: Mapping[str, str]) -> list[str]:
    """What a project's "Areas covered" names that is no area the file knows (``known``: ``known_area_names``), each
    said with how to name it: "“Ipswich, Babergh” is not an area this file knows (separate areas with “;”:
    Ipswich; Babergh)". A board report finds a project by these names: one naming none it knows counts as the
    office's own."""
    from safer_desk.services.reference import COUNTYWIDE_WORDS, area_as_filed

    said = []
    for name in (a.strip() for a in project.areas):
        if not name or area_as_filed(name).casefold() in known or name.casefold() in COUNTYWIDE_WORDS:
            continue
        parts = [part for part in _AREA_PARTS.split(name) if part]
        named = [known.get(part.casefold()) or (part if part.casefold() in COUNTYWIDE_WORDS else None)
                 for part in parts]
        hint = f" (separate areas with “;”: {'; '.join(named)})" if len(parts) > 1 and all(named) else ""
        said.append(f"“{name}” is not an area this file knows{hint}.")
    return said


def register_order(project: Project) -> tuple:
    """Reference numbers in natural order ("2" before "10", "P1" after "15"), then title, accents beside their plain
    letters ("Émile scheme" with E, not after "Zebra project", as the window's Title sort puts it)."""
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in re.findall(r"\d+|\D+", project.ref))
    return (not project.ref, parts, folded(project.title), project.title.casefold(), project.id)


def ref_holder(held: Iterable[Project], ref: str, project_id: str) -> Project | None:
    """The project other than ``project_id`` whose ref is ``ref``, typed the same or another way (``ref_key``: "csp 01"
    is CSP-01), or None."""
    key = ref_key(ref)
    if not key:
        return None
    return next((p for p in held if p.id != project_id and p.ref and ref_key(p.ref) == key), None)


def ref_in_use(store: Store, project: Project) -> str:
    """Why ``project``'s ref cannot be saved ("" when it can): another project of the register has it, typed the same
    or another way. The board paper, its scenarios and the report name a project by its ref ("1. Homeshield Plus")."""
    if not ref_key(project.ref):
        return ""
    holder = ref_holder(_held_refs(store), project.ref, project.id)
    return "" if holder is None else _ref_taken(project, holder)


def title_twin(store: Store, project: Project) -> Project | None:
    """Another project of the register with ``project``'s title, typed the same or another way (any case, quotes or
    spacing), or None: a scenario and the board report count each, so a second copy is asked about (never refused: a
    second year's bid may share a title, and a county file's merged offices may each have an "Outreach worker")."""
    key = typed_name_key(project.title)
    if not key:
        return None
    held = (Project(id=r["id"], ref=r["ref"], title=r["title"])
            for r in store.rows("SELECT id, ref, title FROM projects WHERE id != ?", (project.id,)))
    return min((p for p in held if typed_name_key(p.title) == key), key=register_order, default=None)


def _held_refs(store: Store) -> list[Project]:
    """The register's projects that have a ref, with their ref and title only."""
    return [Project(id=r["id"], ref=r["ref"], title=r["title"])
            for r in store.rows("SELECT id, ref, title FROM projects WHERE ref != ''")]


def _ref_taken(project: Project, holder: Project, whose: str = "") -> str:
    return (f"“{project.ref}” is the ref of {holder.ref}. {holder.title}{whose}: give this project a ref of its own, "
            "or leave Ref blank.")


def _refs_kept_apart(store: Store, projects: Sequence[Project]) -> None:
    """Refuse (``FieldProblems`` on Ref, in the window's words) a project whose ref reads as another project's of the
    register, or as an earlier one's of ``projects``, whoever saves it (the window, a script, the command line). A ref
    the file holds for the project already, typed the same or another way, is not asked about: a county file's merged
    districts may each have a "1"."""
    held = _held_refs(store)
    as_held = {p.id: ref_key(p.ref) for p in held}
    for n, project in enumerate(projects):
        key = ref_key(project.ref)
        if not key or as_held.get(project.id) == key:
            continue
        holder = ref_holder(held, project.ref, project.id)
        above = None if holder else ref_holder(projects[:n], project.ref, project.id)
        if holder or above:
            raise FieldProblems([("ref", _ref_taken(project, holder) if holder else
                                  _ref_taken(project, above, ", also being added"))])


def get_project(store: Store, project_id: str) -> Project:
    found = load_projects(store, [project_id])
    if not found:
        raise ProjectError("That project is no longer in the register.")
    return found[0]


# -- writing -------------------------------------------------------------------------------------------

class ProjectSnapshot(NamedTuple):
    """A project's rows as they were (parts None: it did not exist), with the scenarios' ticks of it and the budget
    lines linked to it, so a change, an add or a delete is undone and redone exactly (ids and all). (A NamedTuple:
    a frozen dataclass is 3 M instructions to make as this module loads, at every start; see PasteReading.)"""

    project_id: str
    parts: tuple[snapshots.Part, ...] | None


# Where each table's rows of one project are (one "?": its id), in the order they are written back; a tick is put
# back only in a scenario that still exists, a link only to a budget line that does.
_PROJECT_ROWS = {"projects": "id = ?", "project_officers": "project_id = ?", "project_status_history": "project_id = ?",
                 "project_funding_sources": "project_id = ?", "project_cost_lines": "project_id = ?",
                 "scenario_items": "project_id = ?", "budget_line_links": "project_id = ?"}
_PUT_BACK_IF = {"scenario_items": ("commissioning_scenarios", "scenario_id"),
                "budget_line_links": ("budget_lines", "line_id")}


def _write(store: Store, p: Project) -> None:
    conn = store.conn
    cost = p.cost
    criteria_values = []
    for key in CRITERIA_KEYS:
        c = p.criterion(key)
        criteria_values += [c.value, c.qualifier]
    conn.execute(
        "INSERT INTO projects(id, ref, title, description, lead_organisation, areas, status, funding_route, "
        "cost_kind, cost_min_pence, cost_max_pence, cost_note, start_date, end_date, capital_pence, revenue_pence, "
        + ", ".join(f"{k}, {k}_note" for k in CRITERIA_KEYS)
        + ", outcomes, priorities, indicators, notes, created_at, updated_at) VALUES ("
        + ", ".join("?" * (22 + 2 * len(CRITERIA_KEYS))) + ") "
        "ON CONFLICT(id) DO UPDATE SET " + ", ".join(
            f"{c} = excluded.{c}" for c in (
                "ref", "title", "description", "lead_organisation", "areas", "status", "funding_route", "cost_kind",
                "cost_min_pence", "cost_max_pence", "cost_note", "start_date", "end_date", "capital_pence",
                "revenue_pence", *[x for k in CRITERIA_KEYS for x in (k, f"{k}_note")], "outcomes", "priorities",
                "indicators", "notes", "updated_at")),
        (p.id, p.ref, p.title, p.description, p.lead_organisation, "; ".join(p.areas), p.status, p.funding_route,
         cost.kind if cost else None, cost.min_pence if cost else None, cost.max_pence if cost else None,
         p.cost_note, p.start_date, p.end_date, p.capital_pence, p.revenue_pence, *criteria_values,
         "; ".join(p.outcomes), "; ".join(p.priorities), "; ".join(p.indicators), p.notes,
         p.created_at or _now(), p.updated_at or _now()),
    )
    # Each list's rows keep their ids by what they are, so a save changes the rows that changed (a line deleted is one
    # row deleted in the history and at the county) instead of deleting and adding every row again.
    from safer_desk.storage import snapshots  # here: writing is not needed to show the register

    def write_list(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        snapshots.write_list(conn, table, "project_id", p.id, columns, rows, new_id)

    write_list("project_officers", ("name", "role", "organisation"), [(o.name, o.role, o.organisation)
                                                                     for o in p.officers])
    write_list("project_status_history", ("status", "changed_on", "note"),
               [(st.status, st.changed_on, st.note) for st in p.status_history])
    write_list("project_funding_sources", ("source", "amount_pence", "amount_note", "financial_year"),
               [(f.source, f.amount_pence, f.amount_note, f.financial_year) for f in p.funding_sources])
    write_list("project_cost_lines", ("financial_year", "category", "description", "amount_text", "min_pence",
                                      "max_pence"),
               [(c.financial_year, c.category, c.description, c.amount.text,
                 None if c.amount.queried else c.amount.min_pence, None if c.amount.queried else c.amount.max_pence)
                for c in p.cost_lines])


def save_project(store: Store, project: Project, *, loaded: Project | None = None) -> Project:
    """Add or replace a project with everything it holds, in one transaction; returns what was saved.

    ``loaded``: the record as the editor read it, which ``project`` is a change of. Only what differs from it is
    written, over the record as the file holds it now (a merge of district files or an undo may have changed it
    since): the rest keeps the file's values. A field changed both ways is refused (``ChangedInFile``), and so is a
    project taken out of the file meanwhile."""
    if not project.title.strip():
        raise ProjectError("Title: a project needs a title.")
    now = _now()
    with store.transaction():
        if loaded is not None:
            project = _over_the_file(store, loaded, project)
        _refs_kept_apart(store, [project])
        saved = replace(project, created_at=project.created_at or now, updated_at=now)
        _write(store, saved)
    return get_project(store, saved.id)


class NoLongerInFile(ProjectError):
    """A save refused because the project was taken out of the file after it was read."""


class ChangedInFile(FieldProblems):
    """A save refused because the file changed the fields typed in since they were read; ``current`` is the record
    as the file holds it now (each message says what it holds there)."""

    def __init__(self, problems: Sequence[tuple[str, str]], current: Project):
        super().__init__(problems)
        self.current = current


# A save's parts: the Project fields each sets, and the editor field (FIELD_LABELS' key) they are typed in. A status
# and its history are one part; each criterion is one of its own (``merge_changes``).
_SAVED_PARTS = (
    (("ref",), "ref"), (("title",), "title"), (("description",), "description"),
    (("lead_organisation",), "lead_organisation"), (("officers",), "officers"), (("areas",), "areas"),
    (("status", "status_history"), "status"), (("funding_route",), "funding_route"),
    (("funding_sources",), "funding_sources"), (("cost",), "cost"), (("cost_note",), "cost_note"),
    (("start_date",), "start_date"), (("end_date",), "end_date"), (("capital_pence",), "capital"),
    (("revenue_pence",), "revenue"), (("outcomes",), "outcomes"), (("priorities",), "priorities"),
    (("indicators",), "indicators"), (("notes",), "notes"), (("cost_lines",), "cost_lines"),
)


def _day_said(iso: str | None) -> str:
    return format_uk_date(date.fromisoformat(iso)) if iso else ""


def _money_said(pence: int | None) -> str:
    return "" if pence is None else format_money(pence)


# A save's parts as its undo text names them, with their new value where a line may say it: free text (the
# description, notes, a cost note, outcomes) and people's names (lead officers) are named, never quoted.
_CHANGED_PARTS: tuple[tuple[str, str, Callable[[Project], str | None]], ...] = (
    ("ref", "ref", lambda p: p.ref), ("title", "title", lambda p: shortened(p.title)),
    ("description", "description", lambda p: None), ("lead_organisation", "lead organisation",
                                                   lambda p: p.lead_organisation),
    ("officers", "lead officers", lambda p: None), ("areas", "areas covered", lambda p: "; ".join(p.areas)),
    ("status", "status", lambda p: STATUS_LABELS.get(p.status, p.status)),
    ("funding_route", "funding route", lambda p: p.funding_route),
    ("funding_sources", "funding sources", lambda p: None),
    ("cost", "cost", lambda p: p.cost.describe() if p.cost else "not stated"),
    ("cost_note", "cost note", lambda p: None), ("start_date", "start date", lambda p: _day_said(p.start_date)),
    ("end_date", "end date", lambda p: _day_said(p.end_date)),
    ("capital_pence", "capital", lambda p: _money_said(p.capital_pence)),
    ("revenue_pence", "revenue", lambda p: _money_said(p.revenue_pence)),
    ("criteria", "", lambda p: None),  # each criterion its own part, below
    ("outcomes", "outcomes", lambda p: None), ("priorities", "priorities", lambda p: None),
    ("indicators", "indicators", lambda p: None), ("notes", "notes", lambda p: None),
    ("cost_lines", "cost lines", lambda p: None),
)


def _criterion_said(key: str) -> str:
    """A board criterion as a line names it: "CSP priority", "cross cutting" ("Cross cutting?" without its
    question mark, lower case but for an acronym)."""
    title = CRITERIA_TITLES[key].rstrip("?")
    return title[0].lower() + title[1:] if title[1:2].islower() else title


def changes_said(before: Project, after: Project) -> list[tuple[str, str | None]]:
    """What a save changed, as its undo text names it: each part of the editor saved with another value than
    ``before`` (the record as the editor read it), in the editor's order, with its new value where a line may say
    it ("cost", "£30,000"; "" taken out; None not said). A status date changed with the status kept is "status
    date"."""
    said: list[tuple[str, str | None]] = []
    for name, words, value in _CHANGED_PARTS:
        if name == "criteria":
            said += [(_criterion_said(k), None) for k in CRITERIA_KEYS if before.criterion(k) != after.criterion(k)]
        elif name == "status":
            if before.status != after.status:
                said.append((words, value(after)))
            elif before.status_history != after.status_history:
                said.append(("status date", _day_said(after.status_date)))
        elif getattr(before, name) != getattr(after, name):
            said.append((words, value(after)))
    return said


def merge_changes(loaded: Project, edited: Project, current: Project) -> tuple[Project, list[str]]:
    """What a save writes when the file's record (``current``) may have changed since it was read (``loaded``): each
    part the person changed (``edited`` differs from ``loaded``) over the record as the file holds it now, every
    other part as the file has it. Also the editor fields changed both ways, each to something else: those are not
    overwritten without asking."""
    changes: dict[str, object] = {}
    clashes: list[str] = []
    for names, key in _SAVED_PARTS:
        was, typed, now = (tuple(getattr(p, n) for n in names) for p in (loaded, edited, current))
        if typed == was or typed == now:
            continue  # not changed here (or changed to what the file holds now): the file's stays
        if now != was:
            clashes.append(key)
        changes.update(zip(names, typed))
    criteria = dict(current.criteria)
    for key in CRITERIA_KEYS:
        was, typed, now = loaded.criterion(key), edited.criterion(key), current.criterion(key)
        if typed == was or typed == now:
            continue
        if now != was:
            clashes.append(key)
        criteria[key] = typed
    return replace(current, criteria=criteria, **changes), clashes


def held_text(project: Project, key: str, longest: int = 80) -> str:
    """What a project holds in an editor field, in words for a message (“…” around it; "nothing" when empty)."""
    if key == "cost_lines":
        text = "; ".join(" ".join(x for x in (c.financial_year, c.category, c.description, c.amount.text) if x)
                         for c in project.cost_lines)
    elif key == "status":
        text = next((m.label for m in ProjectStatus if m.value == project.status), project.status)
    else:
        text = project_fields(project).get(key, "")
    text = " ".join(text.split())
    if not text:
        return "nothing"
    return f"“{text if len(text) <= longest else text[:longest - 1].rstrip() + '…'}”"


def _over_the_file(store: Store, loaded: Project, edited: Project) -> Project:
    """``edited``'s changes since ``loaded``, over the record as the file holds it now (see ``save_project``)."""
    found = _load_projects(store, [loaded.id])
    if not found:
        raise NoLongerInFile(f"{loaded.title} is no longer in the register: it was taken out of the file after you "
                             "opened it (by a merge of district files, or an undo).")
    current = found[0]
    if current == loaded:
        return edited
    merged, clashes = merge_changes(loaded, edited, current)
    if clashes:
        raise ChangedInFile([(key, ("this was changed in the file after you opened the project (by a merge of "
                                    f"district files, or an undo): it now holds {held_text(current, key)}. Save "
                                    "again to put what you typed in its place, or Revert to take the file's."))
                             for key in clashes], current)
    if merged.cost is not None:
        split = _split_problems(merged.cost, merged.capital_pence, merged.revenue_pence)
        if split:  # the file's cost and the split typed (or the other way round) no longer agree
            raise ChangedInFile([(key, f"{message} (The file changed this project after you opened it.)")
                                 for key, message in split], current)
    return merged


def add_projects(store: Store, projects: Sequence[Project]) -> list[str]:
    """Add several projects at once (all or none); a ref another project has, in the register or above it in
    ``projects``, is refused as ``save_project`` refuses it."""
    now = _now()
    with store.transaction():
        for p in projects:
            if not p.title.strip():
                raise ProjectError("Title: a project needs a title.")
        _refs_kept_apart(store, projects)
        for p in projects:
            _write(store, replace(p, created_at=p.created_at or now, updated_at=p.updated_at or now))
    return [p.id for p in projects]


def snapshot(store: Store, project_id: str) -> ProjectSnapshot:
    """The project's rows as they are now (parts None: there is no such project)."""
    from safer_desk.storage import snapshots  # the undo's rows: not needed to show the register

    return ProjectSnapshot(project_id, snapshots.take_record(store.conn, "projects", project_id, _PROJECT_ROWS,
                                                             only_if=_PUT_BACK_IF))


def delete_projects(store: Store, project_ids: Sequence[str]) -> list[ProjectSnapshot]:
    """Delete projects (and their ticks in scenarios, and budget lines' links to them); returns what is needed to
    put them back."""
    snaps = [snapshot(store, pid) for pid in project_ids]
    with store.transaction():
        store.conn.executemany("DELETE FROM projects WHERE id = ?", [(pid,) for pid in project_ids])
    return snaps


def what_counts(store: Store, project_ids: Sequence[str]) -> list[str]:
    """What else counts these projects and would lose them with them: saved commissioning scenarios that tick
    them, budget lines linked to them (said as a phrase each, "ticked in the saved scenario “…”")."""
    if not project_ids:
        return []
    marks = ", ".join("?" * len(project_ids))
    scenarios = [r[0] for r in store.rows(
        f"SELECT DISTINCT s.name FROM scenario_items i JOIN commissioning_scenarios s ON s.id = i.scenario_id "
        f"WHERE i.project_id IN ({marks}) ORDER BY s.name", tuple(project_ids))]
    from safer_desk.services.budgets import linked_lines_words

    found = []
    if scenarios:
        found.append(f"ticked in the saved scenario{'s' if len(scenarios) > 1 else ''} "
                     + ", ".join(f"“{name}”" for name in scenarios))
    lines = linked_lines_words(store, "project_id", project_ids)
    return found + [lines] if lines else found


def how_many_counted(store: Store, project_ids: Sequence[str]) -> int:
    """How many of these projects something else counts (what_counts names what): a saved scenario ticks it or a
    budget line is linked to it."""
    if not project_ids:
        return 0
    marks = ", ".join("?" * len(project_ids))
    return int(store.scalar(
        f"SELECT count(*) FROM (SELECT project_id FROM scenario_items WHERE project_id IN ({marks}) UNION "
        f"SELECT project_id FROM budget_line_links WHERE project_id IN ({marks}))", (*project_ids, *project_ids)))


def restore_projects(store: Store, snaps: Sequence[ProjectSnapshot]) -> None:
    """Put projects back exactly as the snapshots hold them (a project that did not exist then is removed), in
    one transaction; the project's own row is updated where it stands, so what points at it stays."""
    from safer_desk.storage import snapshots  # the undo's rows: not needed to show the register

    with store.transaction():
        for snap in snaps:
            snapshots.put_back_record(store.conn, "projects", snap.project_id, snap.parts)


def accept_line_suggestion(project: Project, line_index: int) -> Project:
    """Read a queried line as the figure suggested for it ("£3.250" → £3,250); the caller saves the result."""
    try:
        line = project.cost_lines[line_index]
    except IndexError:
        raise ProjectError("That cost line is no longer there.") from None
    amount = line.amount
    if not amount.queried or amount.suggestion_pence is None:
        raise ProjectError(f"Cost line {line_index + 1} has no suggested figure to accept.")
    fixed = LineAmount(format_money(amount.suggestion_pence), amount.suggestion_pence, amount.suggestion_pence)
    lines = list(project.cost_lines)
    lines[line_index] = replace(line, amount=fixed)
    return replace(project, cost_lines=tuple(lines))


def funding_routes(projects: Iterable[Project]) -> list[str]:
    return sorted({p.funding_route for p in projects if p.funding_route}, key=str.casefold)


def areas(projects: Iterable[Project]) -> list[str]:
    return sorted({a for p in projects for a in p.areas}, key=str.casefold)


# -- paste from Excel ----------------------------------------------------------------------------------

# The order of columns when pasted rows have no header row (the first columns of the export).
PASTE_ORDER = ("ref", "title", "status", "funding_route", "cost", *CRITERIA_KEYS, "lead_organisation", "areas")
_LABEL_TO_KEY = {label.casefold(): key for key, label in FIELD_LABELS.items()}
_LABEL_TO_KEY.update({key.casefold(): key for key in FIELD_LABELS})
_LABEL_TO_KEY.update({short.casefold(): key for key, short, _ in CRITERIA})
_LABEL_TO_KEY.update({"project / initiative": "title", "project": "title", "suitable funding": "funding_route",
                      "cost(£)": "cost", "cost (£)": "cost", "laa outcome": "laa_outcome",
                      "csp priority": "csp_priority", "cross-cutting": "cross_cutting",
                      "innovative": "innovative", "additional": "additional", "#": "ref",
                      "start date": "start_date", "end date": "end_date",
                      # as officers' own sheets head them
                      "project name": "title", "project title": "title", "reference": "ref", "ref.": "ref",
                      "ref no": "ref", "ref no.": "ref", "total cost": "cost", "cost £": "cost",
                      "total cost (£)": "cost",
                      # seed 003's table: "OPCC contribution" beside "Total budget", the cost (not the first amounts)
                      "total budget": "cost", "total budget (£)": "cost", "budget": "cost", "budget (£)": "cost",
                      "lead officer": "officers", "comments": "notes", "comment": "notes", "note": "notes"})


class PasteReading(NamedTuple):
    """How pasted rows are read: which field each column goes to, and whether the first row is headings.

    ``heading_row`` is True when the first row names the columns (it recognised a title column),
    False when the first row is data, and None when it looks like headings the register does not
    know: the person is asked, and it is never stored as a project.

    A NamedTuple, not a frozen dataclass: this module loads at every start, and Python 3.11 compiles a dataclass's
    methods as it is made (3 M instructions); nothing is pasted before the first screen.
    """

    rows: tuple[tuple[str, ...], ...]
    keys: tuple[str | None, ...]
    heading_row: bool | None
    unknown_headings: tuple[str, ...] = ()
    widths: tuple[int, ...] = ()  # the cells each row was copied with, before short rows are filled out
    not_pasted: tuple[str, ...] = ()  # headings of the register's own columns set aside (NOT_PASTED)

    def not_pasted_note(self) -> str:
        """What the columns set aside are ("Merged from is where …; it is not pasted."), or ""."""
        return " ".join(NOT_PASTED[_folded_heading(h)] for h in self.not_pasted)

    def short_rows_note(self, heading_row: bool | None) -> str:
        """Data rows copied with another number of cells than the headings (without headings, fewer than the widest
        row), numbered as the problems number them, said: Word and web pages give a cell of two lines as two lines
        without quotes, so its row comes as two short rows (Excel and LibreOffice quote such a cell, and copy every row
        with all its cells); a tab inside a cell comes as two cells, the rest of its row one column right and its
        last cell under no heading, left out (so does a heading merged across two columns). Measured against the
        widest row, the good rows beside such a row were the ones said to have fewer cells than the headings."""
        skip = 1 if heading_row else 0
        width = self.widths[0] if heading_row and self.widths else max(self.widths, default=0)
        data = list(enumerate(self.widths[skip:], start=1))
        said = []
        short = [n for n, w in data if w < width]
        if short:
            said.append(f"{_rows_have(short)} fewer cells than the {'headings' if heading_row else 'other rows'}: a "
                        "cell of two lines copied from Word or a web page splits its row in two, the rest of it on the "
                        "next row. Check before adding, or make the cell one line there and copy again.")
        wide = [n for n, w in data if w > width] if heading_row else []
        if wide:
            said.append(f"{_rows_have(wide)} more cells than the headings: a tab inside a cell splits it in two (or "
                        "a heading merged across two columns is one cell), so cells sit a column to the right of "
                        "their heading and the last, under none, is left out. Check before adding, or take the tab "
                        "out of the cell (or unmerge the heading) there and copy again.")
        return " ".join(said)

    @property
    def data_rows(self) -> list[tuple[str, ...]]:
        return list(self.rows[1:] if self.heading_row is not False else self.rows)

    @property
    def headings(self) -> tuple[str, ...]:
        return self.rows[0] if self.rows and self.heading_row is not False else ()


def _rows_have(numbers: Sequence[int]) -> str:
    """"Row 2 has", "Rows 1, 3 and 4 have"."""
    if len(numbers) == 1:
        return f"Row {numbers[0]} has"
    return f"Rows {', '.join(map(str, numbers[:-1]))} and {numbers[-1]} have"


PASTE_FIELD_CHOICES = (("", "(leave out)"), *((k, label.rstrip("?")) for k, label in FIELD_LABELS.items()
                                               if k != "status_date"), ("share", "Funder's share"))


def _looks_like_value(cell: str) -> bool:
    """A cell that reads as a figure, a date or a criterion mark: data, not a heading."""
    c = (cell or "").strip()
    if not c:
        return False
    if re.search(r"\d", c):
        return True
    return c[:1] in "√✓✔✗✘?" or c.casefold() in ("x", "yes", "no", "tbc")


def _reads_as_value(cell: str) -> bool:
    """A first-row cell that is a figure, a date or a mark, not a heading that holds a figure ("Budget 2024/25",
    "LAA2 outcome?"): one of those makes the first row data."""
    c = (cell or "").strip()
    if not re.search(r"\d", c):
        return _looks_like_value(c)  # a mark: √, X, yes, tbc
    for read, error in ((parse_cost, MoneyError), (parse_uk_date, PeriodError)):
        try:
            read(c)
            return True
        except error:
            pass
    return not re.search(r"[^\W\d_]{2}", c)  # "P1", "2024/25": no word in it


def _folded_heading(heading: str) -> str:
    return " ".join((heading or "").split()).casefold()


def _loose_heading(folded: str) -> str:
    """A folded heading without what officers' sheets vary: hyphens ("Cross-cutting"), spaces around "/"
    ("Innovative / experimental"), a closing "?" or ":" ("Title:")."""
    text = re.sub(r"\s*/\s*", "/", re.sub(r"[-\u2010\u2011\u2013]", " ", folded)).rstrip(" ?:")
    return " ".join(text.split())


_LOOSE_TO_KEY: dict[str, str] = {}


def field_of_heading(heading: str) -> str | None:
    """The register's field a pasted heading names ("Project /↵initiative" → title), or None; "Cross-cutting?",
    "Innovative / experimental" and "Title:" are known as "Cross cutting?", "Innovative/ experimental?" and "Title"
    are (``_loose_heading``)."""
    folded = _folded_heading(heading)
    # a money column as a workbook heads it ("Capital (£)", exchange.files.in_pounds) is the field it names
    found = _LABEL_TO_KEY.get(folded) or _LABEL_TO_KEY.get(folded.removesuffix("(£)").rstrip())
    if found or not folded:
        return found
    if not _LOOSE_TO_KEY:
        _LOOSE_TO_KEY.update({_loose_heading(label): key for label, key in reversed(list(_LABEL_TO_KEY.items()))})
        _LOOSE_TO_KEY.pop("", None)
    return _LOOSE_TO_KEY.get(_loose_heading(folded))


# A column of one funder's share of each project (seed 003: "OPCC contribution" beside "Total budget"), its year in the
# heading or not ("Lottery contribution 2018/19"); a paste's own key, not a field: the cells go to Funding sources.
SHARE = "share"
_SHARE_HEADING = LazyPattern(r"^(?P<funder>.+?)\s+(?:contribution|share|funding)\s*(?:\(£\)|£)?"
                             r"(?:\s*\(?(?P<year>\d{4}\s*[/-]\s*\d{2}(?:\d{2})?)\)?)?$", re.I)
_NOT_A_FUNDER = {"total", "match", "other", "suitable", "our", "your", "the", "funder", "funders", "partner",
                 "partners", "amount", "annual", "proposed", "requested", "agreed", "external", "additional", "core",
                 "grant", "project", "capital", "revenue", "existing", "current", "new", "previous", "cost"}


def share_of_heading(heading: str) -> tuple[str, str] | None:
    """The funder and year ("" when none is given) of a heading naming a funder's share of each project: "OPCC
    contribution" → ("OPCC", ""), "Lottery funding (2018/19)" → ("Lottery", "2018/19"); None for a heading of the
    register's own ("Funding route") or of no one funder ("Match funding", "Total funding")."""
    text = " ".join((heading or "").split())
    if field_of_heading(text) is not None:
        return None
    m = _SHARE_HEADING.match(text)
    if not m:
        return None
    funder = m["funder"].strip(" -–—:'’")
    if not funder or funder.casefold() in _NOT_A_FUNDER or funder.casefold().removesuffix("'s") in _NOT_A_FUNDER:
        return None
    try:
        return funder, FinancialYear.parse(m["year"]).label if m["year"] else ""
    except PeriodError:
        return None


def _heading_key(heading: str) -> str | None:
    """The field a pasted heading fills, or SHARE for a funder's share of each project."""
    return field_of_heading(heading) or (SHARE if share_of_heading(heading) else None)


# Columns the register writes that are not part of a project, said as what they are when its rows are pasted back
# (not as headings the register does not know) and set aside: a county file's register and its export say which
# office each project came from (services.provenance.MERGED_FROM), which the file pasted into keeps for itself.
NOT_PASTED = {_folded_heading(MERGED_FROM): f"{MERGED_FROM} is where a county file's project came from; it is not "
                                            "pasted."}
NOT_PASTED["merged_from"] = NOT_PASTED[_folded_heading(MERGED_FROM)]  # as `safer-desk projects` heads it
NOT_PASTED["id"] = ("id is each project's own number in the file it was printed from; it is not pasted (the file "
                    "pasted into numbers its projects itself).")

# `safer-desk projects FILE`'s own columns (services.funders.register_cli_header) that are not the register's
# headings: the cost in two columns of plain pounds, each criterion's qualifier beside it, the funders' shares.
_CLI_QUALIFIERS = {f"{k}_qualifier": k for k in CRITERIA_KEYS}


def _from_the_command_line(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """Rows of `safer-desk projects`' CSV in the register's own columns, and the headings set aside (its id): pasted
    as printed, cost_min and cost_max were headings the register did not know and every project's cost was lost.
    Now they are one Cost ("£54,372 - £62,372", "Minimum £50,000"), each criterion carries its qualifier ("yes (in
    some areas)") and funders is Funding sources. Other rows are as they were."""
    first = [_folded_heading(h) for h in rows[0]]
    if "cost_min" not in first or "cost_max" not in first or "title" not in first:
        return rows, ()
    low, high = first.index("cost_min"), first.index("cost_max")
    qualifiers = {c: first.index(_CLI_QUALIFIERS[h]) for c, h in enumerate(first)
                  if h in _CLI_QUALIFIERS and _CLI_QUALIFIERS[h] in first}
    aside = {c for c, h in enumerate(first) if h == "id"}
    dropped = {high, *qualifiers, *aside}
    out = []
    for n, row in enumerate(rows):
        cells = list(row) + [""] * (len(first) - len(row))
        if n == 0:
            cells[low] = FIELD_LABELS["cost"]
            cells = [FIELD_LABELS["funding_sources"] if h == "funders" else cells[c] for c, h in enumerate(first)]
        else:
            cells[low] = _cost_of_bounds(cells[low], cells[high])
            for c, criterion in qualifiers.items():
                cells[criterion] = " ".join(t for t in (cells[criterion], cells[c]) if t)
        out.append(tuple(cell for c, cell in enumerate(cells) if c not in dropped))
    return tuple(out), tuple(rows[0][c] for c in sorted(aside))


def _cost_of_bounds(low: str, high: str) -> str:
    """The Cost the command line's cost_min and cost_max say: both alike an amount, cost_max empty a minimum, both
    empty no cost stated; figures that do not read are passed on as they are, for the paste to say what is wrong."""
    if not high:
        return f"Minimum {low}" if low else ""
    try:
        cost = (Cost("amount", parse_pence(low), parse_pence(low)) if low == high
                else Cost("range", parse_pence(low), parse_pence(high)))
    except (MoneyError, ValueError):
        return f"{low} - {high}"
    return cost.describe()


def read_paste(rows: Sequence[Sequence[str]]) -> PasteReading:
    """Work out the column mapping of rows copied out of Excel (the person can change it before adding)."""
    # A cell without the quote a copy for Excel or the register's CSV puts before text that would read as a formula
    # ("'=HYPERLINK(…)"): rows of the CSV opened in Excel keep it (``parse_tsv`` reads it off a copy already).
    clean = tuple(tuple(cell_as_typed((c or "").strip()) for c in r) for r in rows if any((c or "").strip() for c in r))
    if not clean:
        raise ProjectError("There are no rows to paste.")
    clean, printed_ids = _from_the_command_line(_below_a_title(clean))
    widths = tuple(len(r) for r in clean)
    width = max(widths)
    clean = tuple(r + ("",) * (width - len(r)) for r in clean)
    first = clean[0]
    # A heading wrapped in Excel (Alt+Enter: "LAA2↵outcome?") or spaced with a non-breaking space is known as well.
    known = [_heading_key(h) for h in first]
    # Two headings of one field ("Project" and "Title"): the first column fills it, the other is left out (and said so)
    # rather than the later one writing over it without a word. Two funders' shares are each their own.
    known = [k if k == SHARE or k not in known[:c] else None for c, k in enumerate(known)]
    if "title" in known:
        aside = {c for c, (h, k) in enumerate(zip(first, known)) if k is None and _folded_heading(h) in NOT_PASTED}
        if aside:  # the register's own columns that are not part of a project (a county file's Merged from)
            clean = tuple(tuple(cell for c, cell in enumerate(r) if c not in aside) for r in clean)
            widths = tuple(w - sum(1 for c in aside if c < w) for w in widths)
            known = [k for c, k in enumerate(known) if c not in aside]
        unknown = tuple(h for h, k in zip(clean[0], known) if h and k is None)
        return PasteReading(clean, tuple(known), True, unknown, widths,
                            (*printed_ids, *(first[c] for c in sorted(aside))))
    if width == 1:
        return PasteReading(clean, ("title",), False, widths=widths)
    guessed = _by_place(clean, width)
    # Words where the rows below hold figures or marks: headings the register does not know.
    later_values = {c for r in clean[1:] for c, cell in enumerate(r) if _looks_like_value(cell)}
    if len(clean) > 1 and not any(_reads_as_value(c) for c in first) and (later_values or any(known)):
        # The headings it knows ("Status", "Notes") keep their fields; the others are guessed from what they hold.
        guessed = _guess_by_content(clean[1:], width)
        keys = tuple(k or (g if g not in known else None) for k, g in zip(known, guessed))
        return PasteReading(clean, keys, None, tuple(h for h, k in zip(first, known) if h and k is None), widths)
    if not _fits_by_place(clean, guessed):  # rows in another order than the register's: read by what they hold
        guessed = _guess_by_content(clean, width)
    return PasteReading(clean, guessed, False, widths=widths)


def _by_place(rows: Sequence[Sequence[str]], width: int) -> tuple[str | None, ...]:
    """The fields of rows without headings by their place: PASTE_ORDER, or the register's Copy rows, which put Met (a
    count) between Cost and the criteria: a column of counts there, or of nothing in a copy wider than PASTE_ORDER (a
    register without criteria), is left out rather than read as "LAA2 outcome?" and everything after it one place on."""
    met = PASTE_ORDER.index(CRITERIA_KEYS[0])
    counts = width > met and (_mostly(rows, met, str.isdecimal) if any(r[met] for r in rows)
                              else width > len(PASTE_ORDER))
    order = (*PASTE_ORDER[:met], None, *PASTE_ORDER[met:]) if counts else PASTE_ORDER
    return tuple(list(order[:width]) + [None] * max(0, width - len(order)))


def _below_a_title(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The rows from the headings down when a sheet's title (a row of one cell) sits above headings naming a Title
    column, as the register's own workbook has it ("Project register — …"): copied whole, the title was asked about
    as headings and the headings below it read as a project. A list of one column is titles, never cut."""
    for n, row in enumerate(rows[:10]):
        cells = sum(1 for c in row if c)
        if n and cells > 1 and "title" in {field_of_heading(h) for h in row}:
            return rows[n:]
        if cells > 1:
            break
    return rows


def _mostly(rows: Sequence[Sequence[str]], c: int, reads: Callable[[str], bool]) -> bool:
    """Whether most of a column's filled cells read so."""
    cells = [r[c] for r in rows if c < len(r) and r[c]]
    return bool(cells) and sum(1 for cell in cells if reads(cell)) * 2 > len(cells)


def _money_cell(cell: str) -> bool:
    return "£" in cell or bool(re.fullmatch(r"[\d,.\s-]+[kK]?", cell))


def _cost_cell(cell: str) -> bool:
    """An amount, or words without a figure: the register's Cost column holds a cost note so ("Not stated", "tbc")."""
    return _money_cell(cell) or not re.search(r"\d", cell)


def _date_cell(cell: str) -> bool:
    try:
        parse_uk_date(cell)
    except PeriodError:
        return False
    return True


def _status_cell(cell: str) -> bool:
    try:
        ProjectStatus.parse(cell.strip().casefold())
    except ValueError:
        return False
    return True


def _fits_by_place(rows: Sequence[Sequence[str]], keys: Sequence[str | None]) -> bool:
    """Whether rows without headings hold what the register's order puts in each place (its Copy rows without the
    headings): a short code or a number for the ref, words for the title, an amount, a note or nothing for the cost.
    "Street pastors", "£2,500" do not (a ref "Street pastors" and a title "£2,500")."""
    for c, key in enumerate(keys):
        if key == "ref" and not _mostly(rows, c, lambda cell: "£" not in cell and (len(cell) <= 8
                                                                               or bool(re.search(r"\d", cell)))):
            return False  # "Street pastors" or "£2,500" where a ref ("5", "CSP-01", "P1") goes
        if key == "status" and any(r[c] for r in rows if c < len(r)) and not _mostly(rows, c, _status_cell):
            return False  # "Yes", "√" where a status goes
        if key == "title" and not _mostly(rows, c, lambda cell: not _reads_as_value(cell)):
            return False  # (a title may hold a figure: "Local Target 7 projects")
        if key == "cost" and any(r[c] for r in rows if c < len(r)) and not _mostly(rows, c, _cost_cell):
            return False
    return True


def _guess_by_content(rows: Sequence[Sequence[str]], width: int) -> tuple[str | None, ...]:
    """Under headings the register does not know, guess from what the columns hold (the person checks it):
    the first column of words is the title, the first of amounts the cost, the first two of dates the
    start and end; the rest are left out rather than put in a field by their place."""

    def mostly(c: int, reads) -> bool:
        return _mostly(rows, c, reads)

    money, a_date = _money_cell, _date_cell
    keys: list[str | None] = [None] * width
    wanted = {"date": ["start_date", "end_date"], "money": ["cost"], "words": ["title"]}
    for c in range(width):
        kind = "date" if mostly(c, a_date) else "money" if mostly(c, money) else \
            "words" if mostly(c, lambda cell: not _looks_like_value(cell)) else None
        if kind and wanted[kind]:
            keys[c] = wanted[kind].pop(0)
    return tuple(keys)


def share_columns(reading: PasteReading, keys: Sequence[str | None], heading: bool | None,
                  year: str) -> list[tuple[int, str, str]]:
    """The columns read as a funder's share (SHARE): (column, funder, year), the year its heading gives, else
    ``year`` (the paste's); the funder is the one its heading names, or the whole heading (a column chosen as a
    share under "PCC"). A column without a heading names no funder: (column, "", year)."""
    out = []
    for c, key in enumerate(keys):
        if key != SHARE:
            continue
        heading_text = reading.rows[0][c].strip() if heading and reading.rows and c < len(reading.rows[0]) else ""
        funder, own_year = share_of_heading(heading_text) or _funder_and_year(heading_text)
        out.append((c, funder, own_year or year))
    return out


# A column chosen as a share whose heading ends in its year: "OPCC 2018/19", "OPCC (2018/19)" as the register writes it.
_YEAR_ENDING = LazyPattern(r"^(?P<funder>.+?)\s*(?:\(\s*(?P<bracketed>\d{4}\s*[/-]\s*\d{2}(?:\d{2})?)\s*\)"
                           r"|\s(?P<year>\d{4}\s*[/-]\s*\d{2}(?:\d{2})?))$")


def _funder_and_year(heading: str) -> tuple[str, str]:
    """The funder and year of a heading chosen as a funder's share: a year ending it is the share's year, the rest the
    funder ("OPCC 2018/19" → ("OPCC", "2018/19")); else the whole heading, with no year (the paste's is taken)."""
    text = " ".join(heading.split())
    m = _YEAR_ENDING.match(text)
    if m:
        try:
            return m["funder"].strip(" -–—:"), FinancialYear.parse(m["bracketed"] or m["year"]).label
        except PeriodError:
            pass
    return text, ""


def projects_from_reading(reading: PasteReading, keys: Sequence[str | None] | None = None, *,
                          heading_row: bool | None = None, today: date | None = None,
                          held: Sequence[Project] = (), share_year: str = "") -> list[Project]:
    """The projects the rows make with this mapping; any problem is reported by row and nothing is added. A ref of a
    project the register holds (``held``) or of a row above is one: "csp 01" under CSP-01 would be two projects of
    one ref. A column read as a funder's share (SHARE) adds that funder's share for ``share_year`` (or the year its
    heading gives) to the project's funding sources."""
    keys = list(keys if keys is not None else reading.keys)
    heading = reading.heading_row if heading_row is None else heading_row
    if heading is None:
        raise ProjectError("Say whether the first row is headings before adding the rows.")
    if "title" not in keys:
        raise ProjectError("Choose which column holds the title.")
    shares = share_columns(reading, keys, heading, share_year)
    if any(not funder for _, funder, _ in shares):
        raise ProjectError("A column read as a funder's share needs a heading naming the funder "
                           "(“OPCC contribution”): leave it out, or copy the rows with their headings.")
    data = reading.rows[1:] if heading else reading.rows
    projects, problems = [], []  # problems: (row, what is wrong with it)
    pasted_row: dict[str, int] = {}
    for n, row in enumerate(data, start=1):
        fields = {k: (row[i] if i < len(row) else "") for i, k in enumerate(keys) if k and k != SHARE}
        if shares:  # each funder's cell as a line of Funding sources: "OPCC (2017/18): £110,000"
            lines = [f"{funder}{f' ({year})' if year else ''}: {row[c].strip()}" for c, funder, year in shares
                     if c < len(row) and row[c].strip()]
            fields["funding_sources"] = "\n".join(x for x in (fields.get("funding_sources", "").strip(), *lines) if x)
        if looks_like_total_line(fields.get("title", "")):
            problems.append((n, f"Row {n}: “{fields['title'].strip()}” looks like the table's total line, not a "
                            "project: leave it out of the copy (it would count every project above it twice)."))
            continue
        try:
            project = project_from_fields(fields, today=today)
        except ProjectError as exc:
            problems.append((n, f"Row {n}: " + str(exc).replace("\n", f"\nRow {n}: ")))
            continue
        if "status_date" in fields and not fields["status_date"].strip():
            # A Status date column left blank says the status is undated (the register's own export of the paper's
            # proposals): dated the day of the paste, every project came back "Proposed since" today (s74). Rows
            # with no such column are dated the day they are added, as a project typed in is.
            project = replace(project, status_history=())
        holder = ref_holder(held, project.ref, project.id)
        above = None if holder else ref_holder(projects, project.ref, project.id)
        if holder or above:
            whose = f"{holder.ref}. {holder.title}, already in the register" if holder else \
                f"row {pasted_row[above.id]} ({above.ref})"
            problems.append((n, f"Row {n}: Ref: “{project.ref}” is the ref of {whose}: give the row a ref of its own "
                                "in Excel, or leave the Ref column out."))
        pasted_row[project.id] = n
        projects.append(project)
    if problems:
        raise ProjectError("\n".join(["Nothing was pasted.", *_first_problems(problems)]))
    if not projects:
        raise ProjectError("There are no rows to paste below the headings.")
    return projects


SAID_ROWS = 8  # rows whose problems are said in full; the others by their numbers (a whole register's fill no screen)


def _first_problems(problems: Sequence[tuple[int, str]]) -> list[str]:
    """The first rows' problems in full, then the rows after them by number: a register pasted back into itself (each
    row's ref in use) listed 23 rows in lines that filled the preview, the last cut off below it."""
    more = [n for n, _ in problems[SAID_ROWS:]]
    if not more:
        return [text for _, text in problems]
    rows = ranges_text(more, lambda a, b: b == a + 1, str)
    return [*(text for _, text in problems[:SAID_ROWS]),
            f"Row {rows} cannot be added either." if len(more) == 1 else
            f"Rows {rows} cannot be added either ({counted(len(more), 'more row')})."]


def projects_from_rows(rows: Sequence[Sequence[str]], *, today: date | None = None) -> list[Project]:
    """Projects from rows copied out of Excel: with a header row naming the columns, or in PASTE_ORDER.

    An unrecognised heading row is refused (never stored as a project); the window asks about it instead.
    """
    reading = read_paste(rows)
    if reading.heading_row is None:
        raise ProjectError("The first row looks like headings the register does not know "
                           f"({', '.join(reading.unknown_headings)}): name a Title column, or leave the headings out.")
    return projects_from_reading(reading, today=today)


# -- export and the command line -----------------------------------------------------------------------

# Every field the paste reads back is written under the heading it knows (FIELD_LABELS: "Description", "Capital"),
# so a register exported and pasted into another file keeps it.
EXPORT_HEADER = ["Ref", "Title", "Description", "Status", "Status date", "Funding route", "Cost", "Cost note",
                 "Cost min (£)", "Cost max (£)", "Capital", "Revenue",
                 *[title for _, _, title in CRITERIA], "Criteria met", "Lead organisation", "Lead officers",
                 "Areas covered", "Funding sources", "Start", "End", "Outcomes", "Priorities", "Indicators",
                 "Notes", "Warning"]
_EXPORT_MONEY = {EXPORT_HEADER.index(h) for h in ("Cost min (£)", "Cost max (£)", "Capital", "Revenue")}


def export_rows(projects: Iterable[Project], *, pounds_plain: bool) -> list[list]:
    rows = []
    for p in projects:
        money = [p.cost.min_pence if p.cost else None, p.cost.max_pence if p.cost else None,
                 p.capital_pence, p.revenue_pence]
        if pounds_plain:
            money = [format_pounds_plain(v) if v is not None else "" for v in money]
        rows.append([
            # the status as the register shows it ("Proposed"): the paste reads the label back as it reads the value
            p.ref, p.title, p.description, STATUS_LABELS.get(p.status, p.status), _day(p.status_date), p.funding_route,
            # The Cost column as the register shows it (the note where no cost is stated: "Not stated"), and the note
            # in its own column, so a note beside a stated cost pastes back (lost: "match funded" beside £125,000).
            p.cost_text, p.cost_note, *money,
            *[p.criterion(k).describe() for k in CRITERIA_KEYS], "" if p.met_shown is None else p.met_shown,
            p.lead_organisation,
            "; ".join(o.describe() for o in p.officers), "; ".join(p.areas),
            "; ".join(s.describe() for s in p.funding_sources), _day(p.start_date), _day(p.end_date),
            "; ".join(p.outcomes), "; ".join(p.priorities), "; ".join(p.indicators), p.notes,
            # shares more than the cost said as the editor says them (the cell was blank beside £110,000 of £100,000)
            " ".join(w for w in (p.warning, shares_over_cost(p)) if w),
        ])
    return rows


def register_sheets(projects: Sequence[Project], office_name: str, *, said: str = "") -> list:
    """The register as sheets for the one table writer: the projects, then their cost lines. ``said`` ("6 of 23
    projects (as filtered: …)") goes in the workbook's title when a filter left projects out (a CSV has no title:
    its first row stays the headings, so it pastes back in)."""
    from safer_desk.exchange.files import Sheet

    lines = [[p.ref, p.title, c.financial_year, c.category, c.description, c.amount.text,
              None if c.amount.queried else c.amount.min_pence,
              None if c.amount.queried else c.amount.max_pence, c.amount.query]
             for p in projects for c in p.cost_lines]
    return [
        Sheet("Projects", EXPORT_HEADER, export_rows(projects, pounds_plain=False), _EXPORT_MONEY,
              title=f"Project register — {office_name}" + (f": {said}" if said else "")),
        Sheet("Cost lines", ["Ref", "Title", "Financial year", "Category", "Description", "As written",
                             "Min (£)", "Max (£)", "Query"], lines, {6, 7}),
    ]


def left_out_of_one_table(projects: Sequence[Project], target: Path | str) -> str:
    """What a CSV or tab-separated export of these projects leaves out, said after where it was saved ("" for a
    workbook, or when none has cost lines): such a file holds the first sheet only, and the cost lines went unsaid."""
    from safer_desk.exchange.tables import one_table_leaves_out

    having = [p for p in projects if p.cost_lines]
    lines = sum(len(p.cost_lines) for p in having)
    if not lines:
        return ""
    return one_table_leaves_out(target, f"the {counted(lines, 'cost line')} of {counted(len(having), 'project')}",
                                several=lines > 1, where=" on its Cost lines sheet")


def export_register(store: Store, target: Path | str, projects: Sequence[Project] | None = None, *,
                    said: str = "") -> Path:
    """Write the register (or the given projects, ``said`` as ``register_sheets`` takes it) to .xlsx, .csv or .tsv,
    atomically."""
    from safer_desk.exchange.tables import UnsupportedFormat, write_table

    projects = load_projects(store) if projects is None else list(projects)
    try:
        return write_table(target, register_sheets(projects, store.office_name, said=said))
    except UnsupportedFormat as exc:
        raise ProjectError(str(exc)) from None


CLI_HEADER = ["id", "title", "status", "funding_route", "cost_min", "cost_max", *CRITERIA_KEYS]


def register_csv_rows(store: Store) -> list[list[str]]:
    """The register for `safer-desk projects FILE`: plain pounds, cost_max empty for a minimum."""
    rows = []
    for p in load_projects(store):
        low = format_pounds_plain(p.cost.min_pence) if p.cost else ""
        high = format_pounds_plain(p.cost.max_pence) if p.cost and p.cost.max_pence is not None else ""
        rows.append([p.id, p.title, p.status, p.funding_route, low, high,
                     *[p.criterion(k).value for k in CRITERIA_KEYS]])
    return rows


def year_cost_by_lines(project: Project, year: str) -> int | None:
    """The project's cost for ``year`` by its cost lines (ELEV8's 2009/10: £46,500 of £101,500), when every line
    names its year and is an amount that reads, and some are for the year; None otherwise."""
    lines = project.cost_lines
    if not any(line.financial_year == year for line in lines) or any(
            not line.financial_year or line.amount.queried or line.amount.min_pence is None
            or (line.amount.max_pence or line.amount.min_pence) != line.amount.min_pence for line in lines):
        return None
    return sum(line.amount.min_pence for line in lines if line.financial_year == year)


def shares_over_cost(project) -> str:
    """Shares more than the project's cost, as the editor says it under Funding sources ("The shares for 2017/18 add
    up to £110,000, more than the cost £100,000."), so that a register exported, copied or reported says it too; ""
    when none is. As the editor weighs them: each year's shares (a share with no year counts in each year), against
    the year's cost where the cost lines give it, else the whole cost (a range's upper end; a minimum has no upper
    figure); a share for a year outside the project's dates is not weighed (the editor says that apart).

    Here rather than in services.funders (which names it too): the register's Check column asks it of each row on
    the first screen, and services.funders (the funders' awards, with domain.commissioning) is not on that path."""
    cost = project.cost
    if cost is None or cost.kind == "minimum":
        return ""
    first = FinancialYear.of(date.fromisoformat(project.start_date)).label if project.start_date else ""
    last = FinancialYear.of(date.fromisoformat(project.end_date)).label if project.end_date else ""
    by_year: dict[str, int] = {}
    for s in project.funding_sources:
        if s.amount_pence is not None and s.financial_year and not (first and s.financial_year < first) \
                and not (last and s.financial_year > last):
            by_year[s.financial_year] = by_year.get(s.financial_year, 0) + s.amount_pence
    undated = [s.amount_pence for s in project.funding_sources if s.amount_pence is not None and not s.financial_year]
    if undated:
        by_year = {year: total + sum(undated) for year, total in by_year.items()} or {"": sum(undated)}
    said = []
    for year, total in sorted(by_year.items()):
        when = f" for {year}" if year else ""
        year_cost = year_cost_by_lines(project, year) if year else None
        if year_cost is not None:
            if total > year_cost:
                said.append(f"The shares{when} add up to {format_money(total)}, more than its cost{when} "
                            f"({format_money(year_cost)}).")
        elif total > cost.max_pence:
            said.append(f"The shares{when} add up to {format_money(total)}, more than the cost "
                        f"{format_money(cost.max_pence)}.")
    return " ".join(said)
