"""A project's funders and their shares, as the editor shows them while they are typed (Qt-free).

The editor's "Funding sources" field holds one share a line ("OPCC (2017/18): £110,000", "Tbc" when
not known); this reads the text as typed, with the cost as typed, and says what each funder pays of
the cost, what is left to other funders, and when the shares add up to more than the cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Mapping, Sequence

from safer_desk.domain.money import MoneyError, format_money, format_percent, parse_cost
from safer_desk.services.projects import FundingSource, parse_funding_sources, shares_given_twice


def share_percent(amount_pence: int, of_pence: int) -> str:
    """A share of a cost as a percentage to one place, halves up as a spreadsheet rounds (a float showed 1.25% as
    1.2%): "33.3%". A share a penny from none or from the whole is not said as either: "under 0.1%", "over 99.9%",
    "over 100%" (£74,999.99 of £75,000 read "100.0%" above "Other funders: £0.01")."""
    percent = format_percent(Fraction(amount_pence, of_pence), places=1)
    if percent == "0.0" and amount_pence > 0:
        return "under 0.1%"
    if percent == "100.0" and amount_pence != of_pence:
        return "over 99.9%" if amount_pence < of_pence else "over 100%"
    return f"{percent}%"


@dataclass(frozen=True)
class FunderShare:
    """A funder's share of a project for a year: an amount, or the paper's words."""
    funder: str
    year: str
    amount_pence: int | None
    words: str
    of_pence: int | None
    at_least: bool = False  # the cost is a minimum ("Minimum £50,000"): no upper figure to take a share of
    low_pence: int | None = None  # the cost is a range ("£54,372 - £62,372"): its lower end (``of_pence`` the upper)
    year_cost_pence: int | None = None  # the cost of the share's year by the cost lines (2017/18's £30,000 of £90,000)

    def describe(self) -> str:
        year = f" ({self.year})" if self.year else ""
        if self.amount_pence is None:
            return f"{self.funder}{year}: {self.words or 'not known'}"
        if self.year_cost_pence:  # the year's money pays the year's cost: a share of it, the whole cost beside
            percent = share_percent(self.amount_pence, self.year_cost_pence)
            whole = f"; {self._whole()} in all" if self._whole() else ""
            return (f"{self.funder}{year}: {format_money(self.amount_pence)} of {format_money(self.year_cost_pence)} "
                    f"for {self.year} ({percent}{whole})")
        if self.of_pence and self.at_least:
            return f"{self.funder}{year}: {format_money(self.amount_pence)} of at least {format_money(self.of_pence)}"
        if self.of_pence and self.low_pence:  # a range: the share of each end, named (paired by place, they crossed)
            low, high = (share_percent(self.amount_pence, end) for end in (self.low_pence, self.of_pence))
            return (f"{self.funder}{year}: {format_money(self.amount_pence)} of {format_money(self.low_pence)} - "
                    f"{format_money(self.of_pence)} ({low} of the lower end, {high} of the upper)")
        if self.of_pence:
            percent = share_percent(self.amount_pence, self.of_pence)
            return (f"{self.funder}{year}: {format_money(self.amount_pence)} of {format_money(self.of_pence)} "
                    f"({percent})")
        return f"{self.funder}{year}: {format_money(self.amount_pence)}"

    def _whole(self) -> str:
        """The whole cost as stated: "£90,000", "£54,372 - £62,372", "at least £50,000"; "" with none."""
        if not self.of_pence:
            return ""
        if self.at_least:
            return f"at least {format_money(self.of_pence)}"
        if self.low_pence:
            return f"{format_money(self.low_pence)} - {format_money(self.of_pence)}"
        return format_money(self.of_pence)


def _cost(cost_text: str) -> tuple[int | None, bool, int | None]:
    """The cost as typed, as the figure to plan with, whether it is only a minimum, and a range's lower end."""
    try:
        cost = parse_cost(cost_text) if (cost_text or "").strip() else None
    except MoneyError:
        return None, False, None
    if cost is None:
        return None, False, None
    return cost.planning_pence, cost.kind == "minimum", cost.min_pence if cost.kind == "range" else None


def funder_shares(sources_text: str, cost_text: str = "", problems: list[tuple[str, str]] | None = None,
                  held: Sequence[FundingSource] | None = None,
                  year_costs: Mapping[str, int] | None = None, first_year: str = "") -> list[FunderShare]:
    """Each funder's share as typed, against the project's cost as typed (lines that cannot be read are
    added to problems, as Save would refuse them), a share for a year whose cost the lines give (``year_costs``)
    against that year's cost; ``held``: the shares as the file holds them, when the text is theirs unchanged (Save
    keeps them as they are, not read again)."""
    of, at_least, low = _cost(cost_text)
    one_amount = None if at_least or low is not None else of  # a share typed as "1/3" of it is said in pounds
    sources = held if held is not None else parse_funding_sources(sources_text or "",
                                                                   [] if problems is None else problems,
                                                                   cost_pence=one_amount, first_year=first_year,
                                                                   year_costs=year_costs)
    return [FunderShare(s.source, s.financial_year, s.amount_pence, s.amount_note, of, at_least, low,
                        (year_costs or {}).get(s.financial_year) if s.financial_year else None)
            for s in sources]


def shares_summary(sources_text: str, cost_text: str = "", *, say_unread: bool = True,
                   held: Sequence[FundingSource] | None = None, start: str = "", end: str = "",
                   year_costs: Mapping[str, int] | None = None) -> str:
    """What the editor says under "Funding sources": each share, the rest, any over-funding, and any share for a year
    before the project ``start``s or after it ``end``s (dates as typed; one that does not read is not weighed).
    ``year_costs``: the cost of each year its cost lines give (ELEV8's 2009/10 £46,500 of £101,500): the shares
    for such a year are weighed against that year's cost, not the whole.

    Shares for different years are not added together against a single-year cost; within a year (a share with no
    year counts in each year the project runs), shares above the cost are queried; a share for a year outside the
    project's dates is said so, and not weighed. Lines that cannot be read are said as they are typed
    (say_unread False: not, while the field shows the same words as Save's refusal). ``held``: as ``funder_shares``.
    """
    problems: list[tuple[str, str]] = []
    shares = funder_shares(sources_text, cost_text, problems, held, year_costs,
                           _years_run(start, end)[0])  # "£18,000 per year for two years": its lines named from it
    unread = [f"⚠ {message}" for _, message in problems] if say_unread else []
    if held is not None:  # a file saved before a second amount for a funder and year was refused: said, as Save would
        unread += [f"⚠ {message}" for message in shares_given_twice(held)]
    if not shares:
        return "\n".join(unread) or ("No funders' shares yet: one a line, e.g. “OPCC (2017/18): £110,000” or "
                                      "“OPCC: Tbc”.")
    lines = [s.describe() for s in shares]
    of, at_least, low = _cost(cost_text)
    first, last = _years_run(start, end)
    by_year: dict[str, int] = {}
    for s in shares:  # a share for a year the project does not run in is said so (_outside_dates), not weighed
        if s.amount_pence is not None and s.year and not (first and s.year < first) and not (last and s.year > last):
            by_year[s.year] = by_year.get(s.year, 0) + s.amount_pence
    # A share with no year is counted in every year (as a scenario against an award counts it): beside the shares
    # for a year, "OPCC: £60,000" and "Lottery (2017/18): £50,000" are £110,000 for 2017/18.
    undated = [s.amount_pence for s in shares if s.amount_pence is not None and not s.year]
    if undated:
        by_year = {year: total + sum(undated) for year, total in by_year.items()} or {"": sum(undated)}
    if of is not None:  # (a cost of £0 too: any share is more than it)
        for year, total in by_year.items():
            when = f" for {year}" if year else ""
            year_cost = (year_costs or {}).get(year) if year else None
            if year_cost is not None:  # the cost lines give the year's cost: the shares for it are of that
                if total > year_cost:
                    lines.append(f"⚠ The shares{when} add up to {format_money(total)}, more than its cost{when} "
                                 f"({format_money(year_cost)}).")
                elif total < year_cost:  # each year's own cost: what is left is said for each year with shares
                    unknown = _not_known(shares, year)
                    rest = format_money(year_cost - total)
                    lines.append(f"Left{when}: {rest}, for {unknown} (not known yet) and any other funder." if unknown
                                 else f"Other funders{when}: {rest}.")
                continue
            if total > of and not at_least:  # a minimum has no upper figure for the shares to be more than
                lines.append(f"⚠ The shares{when} add up to {format_money(total)}, more than the cost "
                             f"{format_money(of)}.")
            elif low is not None and total > low:  # within a range: more than the whole cost at its lower end
                rest = f": other funders pay up to {format_money(of - total)}" if total < of else ""
                lines.append(f"⚠ The shares{when} add up to {format_money(total)}, more than the lower end of the "
                             f"cost ({format_money(low)}){rest}.")
            elif len(by_year) == 1 and total < of:
                rest = (f"{format_money(low - total)} - {format_money(of - total)}" if low is not None else
                        f"{'at least ' if at_least else ''}{format_money(of - total)}")
                unknown = _not_known(shares, year)
                lines.append(f"Left{when}: {rest}, for {unknown} (not known yet) and any other funder." if unknown
                             else f"Other funders{when}: {rest}.")
    return "\n".join(lines + _outside_dates(shares, start, end) + unread)


def _day(text: str):
    """A start or end date as typed, or None when none is typed or it does not read (then it is not weighed)."""
    from safer_desk.domain.periods import PeriodError, parse_uk_date

    try:
        return parse_uk_date(text) if (text or "").strip() else None
    except PeriodError:
        return None


def _years_run(start: str, end: str) -> tuple[str, str]:
    """The financial years the project's dates (as typed) start and end in ("2016/17", "2017/18"); "" for a date not
    typed or not read."""
    from safer_desk.domain.periods import FinancialYear

    first, last = _day(start), _day(end)
    return (FinancialYear.of(first).label if first else "", FinancialYear.of(last).label if last else "")


def _outside_dates(shares: Sequence[FunderShare], start: str, end: str) -> list[str]:
    """A share for a financial year before the project starts or after it ends (the PCC's 2018/19 beside a contract
    ending 31/03/2018): a scenario against that year would commit it to a project not running then."""
    from safer_desk.domain.periods import format_uk_date

    (first, last), said = _years_run(start, end), []
    for s in dict.fromkeys((s.funder, s.year) for s in shares if s.year):
        funder, year = s
        if first and year < first:
            said.append(f"⚠ {funder} ({year}) is for a year before the project starts ({format_uk_date(_day(start))}).")
        elif last and year > last:
            said.append(f"⚠ {funder} ({year}) is for a year after the project ends ({format_uk_date(_day(end))}).")
    return said


def _not_known(shares: Sequence[FunderShare], year: str) -> str:
    """The funders named with a share not known (Tbc) for the year (a share with no year counts in each), whose
    parts are in what is left: "Lottery's part", "OPCC's and Lottery's parts"; "" when there are none."""
    from safer_desk.domain.text import in_words

    names = list(dict.fromkeys(s.funder for s in shares
                               if s.amount_pence is None and (not year or not s.year or s.year == year)))
    if not names:
        return ""
    from safer_desk.services.projects_commissioning import possessive

    owned = [possessive(name) for name in names]  # "Suffolk Public Sector Leaders'", as Commissioning says it
    return f"{in_words(owned)} part{'s' if len(names) > 1 else ''}"
