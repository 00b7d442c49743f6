"""Commissioning scenarios: tick projects against a fund, scale them, save, compare and export the board's table.

A scenario may be against a funder's award: each ticked project then counts that funder's share of it
only, for the award's year (seed 003: Plymouth's PCC award of £400,568; £233,500 committed, £167,068
left). A cost range counts its upper end unless the scenario says the lower, and the result says which.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Mapping, Sequence

from safer_desk.domain import clock
from safer_desk.domain.commissioning import (
    RANGE_ENDS, UNDATED, Award, Candidate, Commitment, ScenarioLine, Suggestion, commitment, counted_cost,
    counted_twice, counts_against, in_window, named_award, revenue_capital_check, share_for, share_years,
    what_fits,
)
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import format_money, split_by_weights
from safer_desk.domain.periods import FinancialYear, PeriodError, format_uk_date
from safer_desk.domain.projects import CRITERIA, CRITERIA_KEYS, STATUS_LABELS, Scale, fund_variant
from safer_desk.domain.text import as_subject, in_words
from safer_desk.services.projects import Project, load_projects, year_cost_by_lines
from safer_desk.services.provenance import MERGED_FROM, NOT_A_COUNTY_FILE, RowOrigins
from safer_desk.storage import snapshots
from safer_desk.storage.store import Store

PRG_SHARE_PENCE = 14_503_460  # seed 000: one ninth of the PRG delivery partnership pot, £145,034.60
RETAINED_PENCE = 6_551_200  # seed 000: the board's 10% retained budget 2009/10, £65,512


def fund_presets() -> list[tuple[str, int]]:
    """The funds of seed 000, offered as one-click choices."""
    return [
        ("Board retained budget 2009/10", RETAINED_PENCE),
        ("PRG share", PRG_SHARE_PENCE),
        ("PRG share +20%", fund_variant(PRG_SHARE_PENCE, 20)),
        ("PRG share -20%", fund_variant(PRG_SHARE_PENCE, -20)),
    ]


def top_slice_funds(store: Store) -> list[tuple[str, int]]:
    """Each saved top-slice's equal partner share and its ± scenarios (Allocation > Top-slice), as funds to commission
    against: what each delivery partnership bids for (seed 000: £145,034.60, with 20% more or less). One saved under
    rules it no longer meets is left out (the board report names it)."""
    from safer_desk.domain.allocation import AllocationError, setting_percent_text
    from safer_desk.services.allocation import list_top_slices

    funds: list[tuple[str, int]] = []
    for saved in list_top_slices(store):
        try:
            result = saved.result()
        except AllocationError:
            continue
        each = f"{saved.name} ({saved.year}) — each of {result.partners} partner{'s' if result.partners != 1 else ''}"
        funds.append((each, result.equal_share_pence))
        if result.scenario:
            pct = setting_percent_text(result.scenario)
            funds += [(f"{each} +{pct}%", result.scenario_more_pence), (f"{each} -{pct}%", result.scenario_less_pence)]
    return funds


class ScenarioError(ValueError):
    """A scenario that cannot be saved; the message says why."""


def possessive(name: str) -> str:
    """A funder's name as its owner: "OPCC's", but "Suffolk Public Sector Leaders'" (a name ending in s)."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


@dataclass(frozen=True)
class ScenarioItem:
    project_id: str
    scale: Scale = Scale()


@dataclass(frozen=True)
class Scenario:
    id: str
    name: str
    fund_pence: int
    fund_label: str = ""
    notes: str = ""
    items: tuple[ScenarioItem, ...] = ()
    created_at: str = ""
    updated_at: str = ""
    award_id: str | None = None  # against a funder's award: each project counts that funder's share only
    award_year: str = ""  # the award's financial year the scenario commissions ("2017/18")
    range_end: str = "upper"  # which end of a cost range is counted ("upper" or "lower")

    def scale_of(self, project_id: str) -> Scale | None:
        for item in self.items:
            if item.project_id == project_id:
                return item.scale
        return None


@dataclass(frozen=True)
class ScenarioRow:
    project: Project
    scale: Scale
    cost_pence: int | None  # the counted cost (a range's chosen end, the minimum); None when no cost is stated
    scaled_pence: int
    by_year: Mapping[str, int]
    counted: str = ""  # which figure is counted, in words ("the upper end of £54,372 - £62,372", "OPCC's share")
    # against an award: the funder's share (None when not stated or not known; known in part: the known part)
    share_pence: int | None = None
    share_whole: bool = False  # the share is stated in full (the board's table shows its amount, not words)


@dataclass(frozen=True)
class ScenarioResult:
    fund_pence: int
    rows: tuple[ScenarioRow, ...]
    commitment: Commitment
    problems: tuple[str, ...] = ()
    name: str = ""
    fund_label: str = ""
    award: Award | None = None
    award_year: str = ""
    range_end: str = "upper"
    notes: tuple[str, ...] = ()  # what was counted and how (ranges, the award's revenue/capital split)
    ranged: bool = False  # a ticked project counts a cost range, so the end counted changes the figures

    @property
    def committed_pence(self) -> int:
        return self.commitment.committed_pence

    @property
    def remaining_pence(self) -> int:
        return self.commitment.remaining_pence

    def summary(self) -> str:
        """One line for the officer: committed and remaining, or by how much the fund is over-committed."""
        c = self.commitment
        if self.award is not None:
            when = self.award_year or (self.award.span_text if self.award.total_over_years else "")
            year = f" for {when}" if when else ""
            head = (f"{self.award.name} {format_money(c.fund_pence)}{year}; committed "
                    f"{format_money(c.committed_pence)} of {possessive(self.award.funder)} money")
        else:
            head = f"Fund {format_money(c.fund_pence)}; committed {format_money(c.committed_pence)}"
        end = f"; counting the {self.range_end} end of cost ranges" if self.ranged else ""
        if c.over_committed:
            return f"{head}; OVER-COMMITTED by {format_money(-c.remaining_pence)}{end}"
        return f"{head}; remaining {format_money(c.remaining_pence)}{end}"


def counted_project_cost(project: Project, range_end: str = "upper") -> tuple[int | None, str]:
    """The figure a scenario counts for a project's stated cost, and which figure that is in words."""
    if project.cost is None:
        return None, ""
    return counted_cost(project.cost.kind, project.cost.min_pence, project.cost.max_pence, range_end)


def award_fund(award: Award, year: str | None) -> tuple[int | None, str]:
    """The award's money for the scenario's year (the award's first year when none is chosen); a total over several
    years not split by year is its total, for no one year ("")."""
    if award.total_over_years:
        return award.total_pence, ""
    year = year or (award.year_labels[0] if award.year_labels else award.first_year)
    return award.amount_for(year) if year else award.total_pence, year or ""


def award_years(award: Award) -> list[str]:
    """The years a scenario can commit against: those the award gives an amount for (its year when it gives a total
    for one year only; none for a total over several years, committed against whole)."""
    return award.year_labels or ([award.first_year] if award.first_year and not award.total_over_years else [])


def named_for_another(title: str, award: Award, words: str) -> str:
    """What is said of a project whose share from the award's funder names another award (``words``: "“County
    Lines”"), or one the funder does not have: on the Commissioning page and under the report's award tables."""
    return f"{title}: {possessive(award.funder)} share is named for {words}, so it adds nothing to {award.name}."


@dataclass(frozen=True)
class Counted:
    """What a scenario counts for a project in full, and which figure that is in words."""

    cost_pence: int | None  # None when no cost is stated
    words: str = ""  # "the upper end of £54,372 - £62,372", "OPCC's share", "OPCC's share: Tbc"
    share_pence: int | None = None  # against an award: the funder's share, when stated (in part: the known part)
    problem: str = ""  # what the officer is told about it (a share not known, or stated for other years only)
    weighable: bool = True  # False when what it would cost is not known (What fits? cannot weigh it)
    share_whole: bool = False  # the funder's share is stated in full


def counted_figure(project: Project, award: Award | None, year: str = "", range_end: str = "upper", *,
                   title: str | None = None) -> Counted:
    """The figure a scenario counts for a project in full (``evaluate`` and What fits? alike): its stated cost
    (a range at the chosen end), or against an ``award`` the award's funder's share for ``year``. ``title``: how
    what is said names the project (its title by default)."""
    cost, words = counted_project_cost(project, range_end)
    if award is None:
        return Counted(cost, words, weighable=cost is not None)
    from safer_desk.services.funders import shares_of

    funder, owner, title = award.funder, possessive(award.funder), title or project.title
    span = award.span  # a total over several years, or up to its last year: for none of them
    lookup = share_for(shares_of(project), funder, year or None, span, award.name)
    if lookup.state == "stated" and (outside := undated_share_not_spent(project, award, year if span is None else "")):
        return Counted(0, f"{owner} share: none for {year}", None, f"{title}: {owner} share names no year, and the "
                       f"project {outside}, so it adds nothing to {year}.", weighable=False)
    if span is not None:  # a total over several years: the funder's shares for any of them ("the years to 2019/20")
        year = year or (award.span_text if award.first_year else f"the years {award.span_text}")
    if lookup.state == "stated":
        one_year = year if span is None else ""
        return Counted(lookup.amount_pence, f"{owner} share", lookup.amount_pence,
                       _share_over_cost(project, owner, lookup.amount_pence, one_year, title)
                       or shares_outside_dates(project, award, one_year, title)
                       or undated_share_each_year(project, award, one_year, title), share_whole=True)
    if lookup.state == "part known":  # the known part counts; the rest is listed, and What fits? cannot weigh it
        known, when = format_money(lookup.amount_pence), f" for {year}" if year else ""
        return Counted(lookup.amount_pence, f"{owner} share: {known} and “{lookup.words}”", lookup.amount_pence,
                       f"{title}: {owner} share{when} also includes “{lookup.words}”, so only {known} of it is "
                       "counted so far.", weighable=False)
    if lookup.state == "not known":
        return Counted(0, f"{owner} share: {lookup.words}", None, f"{title}: {owner} share is “{lookup.words}”, "
                       "so it adds nothing to the commitment yet.", weighable=False)
    if lookup.state == "other years":
        return Counted(0, f"{owner} share: none for {year}", None, f"{title}: {owner} share is stated for "
                       f"{lookup.words} only, so it adds nothing to {year}.", weighable=False)
    if lookup.state == "other award":  # its share from the funder names another of the funder's awards
        return Counted(0, f"{owner} share: for {lookup.words}", None, named_for_another(title, award, lookup.words),
                       weighable=False)
    said = f"{title}: no share from {funder} is stated"
    window = (year, year) if year and span is None else span  # the award's year, or the years of its total
    if cost and window and not any(line.financial_year for line in project.cost_lines):
        # Its dates, where no cost line gives a year: Ipswich's 2009/10 Triage against the PCC's 2017/18 money.
        if outside := _not_running(project, *window):
            to = year if span is None else award.name
            return Counted(0, f"none of its cost is for {year}", None, f"{said}, and it {outside}, so it adds "
                           f"nothing to {to}.", weighable=False)
    if cost and year and span is None and any(line.financial_year for line in project.cost_lines):
        # One year of the award: that year's money pays that year's cost, where the cost lines say it by year (a
        # start date alone does not: a project of several years may start before the award's year).
        weights = {y: w for y, w in project.year_weights(range_end, undated=UNDATED).items() if w > 0}
        others = [y for y in sorted(weights) if y not in (year, UNDATED)]
        if others:  # its cost lines put some of it in other years (ELEV8's Yr2 2010/11 against 2009/10's budget)
            split = split_by_weights(cost, weights)
            part = split.get(year, 0) + split.get(UNDATED, 0)  # lines with no year: where its whole cost would be
            if not part:
                return Counted(0, f"none of its cost is for {year}", None, f"{said}, and its cost is for "
                               f"{in_words(others)}, so it adds nothing to {year}.", weighable=False)
            return Counted(part, f"its cost for {year}", None,
                           f"{said}, so its cost for {year} is counted: {format_money(part)} of its "
                           f"{format_money(cost)} (the rest is for {in_words(others)}).")
    return Counted(cost, words, None, f"{said}, so its whole cost is counted.", weighable=cost is not None)


def undated_share_not_spent(project: Project, award: Award, year: str) -> str:
    """Why the award's funder's share of a project, stated with no year, is spent in none of one ``year`` of the
    award ("ended on 31/03/2018, before 2018/19"), or "": a share with no year is the funder's part of the project,
    so its dates say when it is spent; the Plymouth contract, ended 31/03/2018, spends none in 2018/19. A share
    dated for the year is counted as stated (``_share_outside_dates`` says it). Commissioning and the board report
    both read it so."""
    from safer_desk.services.funders import shares_of

    if not year or any(s.financial_year == year for s in shares_of(project) if counts_against(s.funder, award)):
        return ""
    return _not_running(project, year, year)


def undated_share_each_year(project: Project, award: Award, year: str, title: str | None = None) -> str:
    """What is said of the award's funder's share of a project stated with no year, counted against one ``year`` of
    the award, when the project runs in others of its years too (by the cost lines' years, else by both its dates):
    each of those years counts all of it (the treatment programme's "OPCC: £98,500", 2017/18 to 2018/19, counted
    against both of the PCC's years), "" otherwise. Commissioning and the board report both say it."""
    from safer_desk.services.funders import shares_of

    shares = [s for s in shares_of(project) if counts_against(s.funder, award)]
    if not year or award.span is not None or any(s.financial_year == year for s in shares):
        return ""
    undated = [s for s in shares if not s.financial_year and s.amount_pence is not None]
    lined = {line.financial_year for line in project.cost_lines if line.financial_year}
    if lined:
        running = [y for y in award.year_labels if y in lined]
    elif project.start_date and project.end_date:
        running = [y for y in award.year_labels if _outside(project, y, y) is None]
    else:
        running = []
    if not undated or year not in running or len(running) < 2:
        return ""
    amount = format_money(sum(s.amount_pence for s in undated))
    years = in_words(running)
    which = "both years" if len(running) == 2 else f"{len(running)} years"
    return (f"{title or project.title}: {possessive(award.funder)} share names no year, and the project runs in "
            f"{years}, {which} of {award.name}, so all of it ({amount}) is counted against each: give the share its "
            "year in the register.")


def _outside(project: Project, first: str, last: str) -> tuple[str, date] | None:
    """Whether a project is not running in the financial years ``first`` to ``last`` by its dates: ("ended", its end
    date) before them, ("starts", its start date) after them; None when it may be (a date or year not given bounds
    nothing)."""
    def year(label: str) -> FinancialYear | None:
        try:
            return FinancialYear.parse(label) if label else None
        except PeriodError:
            return None

    opens, closes = year(first), year(last)
    end = date.fromisoformat(project.end_date) if project.end_date else None
    start = date.fromisoformat(project.start_date) if project.start_date else None
    if end is not None and opens is not None and end < opens.first_day:
        return "ended", end
    if start is not None and closes is not None and start > closes.last_day:
        return "starts", start
    return None


def _not_running(project: Project, first: str, last: str) -> str:
    """Why a project is not running in the years ``first`` to ``last`` ("ended on 31/03/2010, before 2017/18",
    "starts on 01/04/2018, after 2017/18"); "" when it may be."""
    outside = _outside(project, first, last)
    if outside is None:
        return ""
    how, day = outside
    return f"ended on {format_uk_date(day)}, before {first}" if how == "ended" else \
        f"starts on {format_uk_date(day)}, after {last}"


def _share_outside_dates(project: Project, owner: str, year: str, title: str) -> str:
    """A funder's share for a year the project is not running in by its dates (the OPCC's 2018/19 beside a contract
    ending 31/03/2018): counted as stated (the dates may be what is wrong), and said, as the editor says it."""
    outside = _outside(project, year, year) if year else None
    if outside is None:
        return ""
    how, day = outside
    when = f"after the project ends ({format_uk_date(day)})" if how == "ended" else \
        f"before the project starts ({format_uk_date(day)})"
    return f"{title}: {owner} share for {year} is for a year {when}: check the share or the dates in the register."


def shares_outside_dates(project: Project, award: Award, year: str, title: str) -> str:
    """The funder's shares counted against the award for ``year`` ("": for no one year, a total over several years
    or an award with no years: each of them) that are for a year the project is not running in by its dates, said as
    ``_share_outside_dates`` says one; "" when there are none. On the Commissioning page and under the report's award
    tables alike (they were counted without a word there, and against an award for no one year)."""
    from safer_desk.services.funders import shares_of

    owner = possessive(award.funder)
    if year:
        return _share_outside_dates(project, owner, year, title)
    years = share_years(shares_of(project), award.funder, award.span, award.name)
    return " ".join(said for year in sorted(years) if (said := _share_outside_dates(project, owner, year, title)))


def share_over_cost(project: Project, award: Award, share_pence: int, year: str, title: str) -> str:
    """The funder's share counted against one ``year`` of the award more than the project's cost (its whole cost, or
    the year's by its cost lines), said as Commissioning says it: under the report's award tables too, where it was
    counted as committed without a word."""
    return _share_over_cost(project, possessive(award.funder), share_pence, year, title)


def _share_over_cost(project: Project, owner: str, share_pence: int, year: str, title: str) -> str:
    """A funder's share for one year more than the project's whole cost (a slip, "£80,000" of £75,000): said, as the
    editor says it under the field, since a share pasted or saved anyway would be committed without a word; one more
    than the year's cost where the cost lines give it (ELEV8's 2009/10 £46,500). Shares over several years are not
    weighed against a cost that may be a year's."""
    top = project.cost.max_pence if project.cost is not None else None
    if top is not None and share_pence <= top and year:  # within the whole: within the year's cost, by its lines?
        year_cost = year_cost_by_lines(project, year)
        if year_cost is not None and share_pence > year_cost:
            return (f"{title}: {owner} share for {year} ({format_money(share_pence)}) is more than the project's "
                    f"cost for {year} of {format_money(year_cost)} (by its cost lines): check the share in the "
                    "register.")
    if top is None or share_pence <= top or not year:
        return ""
    whole = f"whole cost of {format_money(top)}" if project.cost.kind == "amount" else \
        f"cost at its upper end ({format_money(top)})"
    return (f"{title}: {owner} share for {year} ({format_money(share_pence)}) is more than the project's "
            f"{whole}: check the share in the register.")


def evaluate(projects: Iterable[Project], fund_pence: int, items: Sequence[ScenarioItem], *,
             name: str = "", fund_label: str = "", award: Award | None = None, award_year: str | None = None,
             range_end: str = "upper", awards: Sequence[Award] = (),
             names: Mapping[str, str] | None = None, origins: RowOrigins = NOT_A_COUNTY_FILE) -> ScenarioResult:
    """The ticked projects scaled and added up against the fund, per financial year; adds up to the penny.

    Against an ``award``, the fund is the award for ``award_year`` and each project counts the award's
    funder's share of it for that year: a share not yet known ("Tbc") counts nothing and is listed (known in
    part, the known part counts and the rest is listed, so the total is not taken as complete); a
    project that names no share from the funder counts in full and is listed (against one year of the award, its
    cost for that year, by its cost lines: one year's money pays that year's cost). A share the funder's other
    ``awards`` (the file's) count too is listed (``counted_twice``), as the report's Funders' shares lists it.
    ``range_end`` says which end of a cost range is counted; the rows and notes say so. ``names``: how what is said
    names a project whose title alone is not enough (by id: "Outreach worker (merged from Babergh office)", where
    two offices of a county file each sent one); the others by their titles. ``origins``: in a county file, the
    office each project came from, so that one title ticked from two offices, each with a share from the award's
    funder, is said (``typed_twice``), as the report's award table says it.
    """
    if range_end not in RANGE_ENDS:
        raise ScenarioError("Count a cost range at its upper or lower end.")
    by_id = {p.id: p for p in projects}
    names = names or {}
    lines, rows, problems, notes = [], [], [], []
    year, ranged, other_end = "", False, next(e for e in RANGE_ENDS if e != range_end)
    if award is not None:
        amount, year = award_fund(award, award_year)
        if amount is None:
            problems.append(f"{award.name} gives no amount for {year or 'the year'}; the fund typed is used.")
        else:
            fund_pence = amount
        when = year or (award.span_text if award.total_over_years else "")
        notes.append(f"Against {award.name}: each project counts {possessive(award.funder)} share of it"
                     + (f" for {when}" if when else "") + ", not its whole cost.")
    for item in items:
        project = by_id.get(item.project_id)
        if project is None:
            continue
        title = as_subject(names.get(project.id, project.title))  # each sentence about it begins "title: …"
        c = counted_figure(project, award, year, range_end, title=title)
        ranged = ranged or counted_figure(project, award, year, other_end).cost_pence != c.cost_pence
        going_ahead = project.status not in NOT_GOING_AHEAD  # else what its cost or share would count is moot
        if c.problem and going_ahead:
            problems.append(c.problem)
        if c.cost_pence is None and going_ahead:
            problems.append(f"{title}: no cost is stated, so it adds nothing to the commitment.")
        elif c.words.startswith("the ") and going_ahead:  # a range or a minimum: say which figure is committed
            notes.append(f"{title}: counts {c.words}.")
        weights = {year: 1} if award is not None and year else project.year_weights(range_end, undated=UNDATED)
        if award is not None and not year:  # an award for no one year: its shares' years, where they say them
            weights = _share_years(project, award) or _within_award(weights, award)
        counted, words = c.cost_pence or 0, c.words
        if project.status in NOT_GOING_AHEAD:
            # Ticked before it was declined or withdrawn: it commits nothing (the report's Funders' shares leaves it
            # out too), and it is said, so the tick is taken off or the status put right.
            problems.append(f"{title} is {STATUS_LABELS[project.status].lower()}: it commits nothing here (untick "
                            "it, or put its status right).")
            counted, words = 0, f"nothing ({STATUS_LABELS[project.status].lower()})"
        typed = item.scale.amount_pence
        if typed is not None and counted and typed > counted:  # typed against a larger figure than counted now
            problems.append(f"{title}: {format_money(typed)} is committed as typed, more than the "
                            f"{format_money(counted)} it now counts ({words or 'its cost'}).")
        line = ScenarioLine(project.id, counted, item.scale, weights)
        lines.append(line)
        rows.append(ScenarioRow(project, item.scale, c.cost_pence, line.scaled_pence, line.by_year(), words,
                                c.share_pence, c.share_whole))
    rows.sort(key=lambda r: _order(r.project))
    titled = lambda r: as_subject(names.get(r.project.id, r.project.title))  # noqa: E731
    if award is not None:
        from safer_desk.services.funders import shares_of

        span = award.span  # a total over several years, or up to its last year: for none of them
        # A project declined or withdrawn since it was ticked commits nothing: its shares are counted against no
        # award (named among a double count, it was said to overstate what two awards have left).
        drawn = [r for r in rows if r.project.status not in NOT_GOING_AHEAD]
        problems += counted_twice(award, awards, [(titled(r), shares_of(r.project)) for r in drawn], year or None,
                                  span)
        problems += _misnamed_shares(award, awards, drawn, year or None, span, titled)
        problems += _shares_outside_award(award, drawn, year or None, span, titled)
        if origins.shown:  # both still counted (they may be each office's half): said, in the report's words
            problems += typed_twice(award, [(r.project, share_for(shares_of(r.project), award.funder, year or None,
                                                                  span, award.name)) for r in drawn], origins)
    if award is not None:  # for the year, or the whole of a total not split by year
        notes += revenue_capital_check(award, year, [
            (titled(r), r.scaled_pence, r.project.capital_pence, r.project.revenue_pence) for r in drawn])
    return ScenarioResult(fund_pence, tuple(rows), commitment(fund_pence, lines), tuple(problems), name, fund_label,
                          award, year, range_end, tuple(notes), ranged)


def typed_twice(award, shares, origins: RowOrigins) -> list[str]:
    """In a county file, a title from two or more offices each with a stated share from the award's funder (Babergh's
    and Mid Suffolk's "Joint DA outreach", OPCC's £30,000 each): two projects to the county (their ids differ), both
    counted, and said, since the offices may have typed one project, its share then counted twice. ``shares``: each
    project with its share lookup (``share_for``); the same words under the report's award table, on Commissioning
    and on the county workbook's Register and Scenarios sheets."""
    from safer_desk.domain.text import folded

    groups: dict[str, list] = {}
    for p, lookup in shares:
        if lookup.state == "stated":
            groups.setdefault(folded(" ".join(p.title.split())), []).append((p, lookup.amount_pence))
    said = []
    for held in groups.values():
        held.sort(key=lambda pair: folded(origins.of(pair[0].id)))  # by office, the same words at every merge
        offices = list(dict.fromkeys(origins.of(p.id) for p, _ in held))
        if len(held) < 2 or len(offices) < 2 or not all(offices):
            continue
        amounts = [a for _, a in held]
        times = {2: "twice", 3: "three times"}.get(len(held), f"{len(held)} times")
        said.append(f"{held[0][0].title} comes from {' and '.join(offices)}, each with a share from {award.funder} "
                    f"({' and '.join(format_money(a) for a in amounts)}), {'both' if len(held) == 2 else 'all'} "
                    f"counted here: if the offices typed one project, its share is counted {times}, "
                    f"{format_money(sum(amounts) - max(amounts))} more than its one share of "
                    f"{format_money(max(amounts))}.")
    return said


def typed_twice_in(awards: Sequence[Award], projects: Sequence[Project], origins: RowOrigins) -> list[str]:
    """``typed_twice`` for each of the ``awards`` (each of its years; a total over several, or one with no years,
    once) over ``projects``, each said once: for a sheet listing the projects themselves (the county workbook's
    Register), in the words of the report's award tables. [] in an office's own file."""
    from safer_desk.services.funders import shares_of

    if not origins.shown:
        return []
    said: list[str] = []
    for award in awards:
        span = award.span
        for window in [None] if span or not award.years else award.year_labels:
            said += typed_twice(award, [(p, share_for(shares_of(p), award.funder, window, span, award.name))
                                        for p in projects], origins)
    return list(dict.fromkeys(said))


def _within_award(weights: dict[str, int], award: Award) -> dict[str, int]:
    """A project's cost by year, counted against an award for no one year with a share that names none: only the
    award's years keep their weight; cost lines all outside them (ELEV8's 2009/10 and 2010/11 against an award of
    2018/19-2019/20) put the money under no year, never in a year the award does not cover."""
    span = award.span
    if span is None:
        return weights
    inside = {y: w for y, w in weights.items() if y != UNDATED and span[0] <= y <= span[1]}
    return inside or {UNDATED: 1}


def _share_years(project: Project, award: Award) -> dict[str, int]:
    """The project's shares counted against an award for no one year, by the year each is for (``share_years``)."""
    from safer_desk.services.funders import shares_of

    span = award.span  # a total over several years, or up to its last year: for none of them
    return share_years(shares_of(project), award.funder, span, award.name)


def _misnamed_shares(award: Award, awards: Sequence[Award], rows: Sequence[ScenarioRow], year: str | None,
                     span: tuple[str, str] | None, titled: Callable[[ScenarioRow], str]) -> list[str]:
    """Each ticked project's shares naming an award its funder does not have ("Suffolk Public Sector Leaders —
    Cuonty Lines"), for the scenario's year, said as the report's Funders' shares says them: beside a share that
    counts (or one counted against two awards) the misnamed money is otherwise lost unsaid. A project none of whose
    shares counts has them said already (``counted_figure``'s "other award")."""
    from safer_desk.services.funders import shares_of

    known = (award, *awards)  # the file's awards (the scenario's own, should they not be given)
    out = []
    for row in rows:
        shares = shares_of(row.project)
        if share_for(shares, award.funder, year, span, award.name).state == "other award":
            continue
        names = sorted({words for s in shares if (words := named_award(s.funder, award.funder)) is not None
                        and in_window(s, year, span) and not any(counts_against(s.funder, b) for b in known)})
        if names:
            out.append(named_for_another(titled(row), award, ", ".join(f"“{n}”" for n in names)))
    return out


def _shares_outside_award(award: Award, rows: Sequence[ScenarioRow], year: str | None,
                          span: tuple[str, str] | None, titled: Callable[[ScenarioRow], str]) -> list[str]:
    """Each ticked project's shares from the award's funder for a year the award does not cover (a 2020/21 share
    against County Lines' 2018/19 to 2019/20), said beside those that count: they were left out without a word. A
    project whose shares are all for other years or other awards has them said already (``counted_figure``)."""
    from safer_desk.services.funders import shares_of

    years = award.span_text if award.span is not None else in_words(award.year_labels) or award.span_text
    out = []
    for row in rows:
        shares = shares_of(row.project)
        if share_for(shares, award.funder, year, span, award.name).state in ("other years", "other award"):
            continue
        for s in shares:
            if s.financial_year and counts_against(s.funder, award) and not award.covers(s.financial_year):
                amount = format_money(s.amount_pence) if s.amount_pence is not None else s.note or "not known"
                out.append(f"{titled(row)}: {possessive(award.funder)} share for {s.financial_year} ({amount}) lies "
                           f"outside the years of {award.name} ({years}), so it is not counted.")
    return out


def _order(project: Project):
    from safer_desk.services.projects import register_order

    return register_order(project)


NOT_GOING_AHEAD = ("declined", "withdrawn")  # a ticked project of these commits nothing (said)
CLOSED = (*NOT_GOING_AHEAD, "completed")  # statuses a scenario does not propose (nor list, unless ticked)


def suggest(projects: Iterable[Project], fund_pence: int, *, award: Award | None = None,
            award_year: str | None = None, range_end: str = "upper") -> Suggestion:
    """The "what fits" proposal: the projects meeting the most criteria in total within the fund (in full),
    each weighed at what a scenario counts for it (``counted_figure``: against an award, the funder's share
    for the year); a project whose figure is not known (no cost, a share "Tbc") is not proposed."""
    year = award_fund(award, award_year)[1] if award is not None else ""
    pool = [p for p in projects if p.status not in CLOSED]
    counted = {p.id: counted_figure(p, award, year, range_end) for p in pool}
    eligible = sorted((p for p in pool if counted[p.id].weighable), key=_order)
    # Keys in register order, so that between equally good sets the one with the earlier projects is proposed.
    keys = {f"{i:09d}": p.id for i, p in enumerate(eligible)}
    candidates = [Candidate(k, counted[eligible[i].id].cost_pence or 0, eligible[i].criteria_met)
                  for i, k in enumerate(keys)]
    found = what_fits(fund_pence, candidates)
    return Suggestion(tuple(keys[k] for k in found.keys), found.score, found.cost_pence)


# -- storing -------------------------------------------------------------------------------------------

def _now() -> str:
    return clock.now_iso()


def list_scenarios(store: Store) -> list[Scenario]:
    items: dict[str, list[ScenarioItem]] = {}
    for r in store.rows("SELECT scenario_id, project_id, scale_numerator, scale_denominator, scale_in_months, "
                        "scale_amount_pence FROM scenario_items ORDER BY rowid"):
        items.setdefault(r[0], []).append(ScenarioItem(r[1], Scale(r[2], r[3], bool(r[4]), r[5])))
    return [Scenario(r["id"], r["name"], r["fund_pence"], r["fund_label"], r["notes"], tuple(items.get(r["id"], ())),
                     r["created_at"], r["updated_at"], r["award_id"], r["award_year"], r["range_end"])
            for r in store.rows("SELECT * FROM commissioning_scenarios ORDER BY name COLLATE NOCASE")]


def get_scenario(store: Store, scenario_id: str) -> Scenario:
    for s in list_scenarios(store):
        if s.id == scenario_id:
            return s
    raise ScenarioError("That scenario is no longer saved.")


def _refuse_a_twin_name(store: Store, name: str, scenario_id: str) -> None:
    """Another scenario's name, or the same name as typed (another case, spacing or dash, as award names are told
    apart): five near-identical names in the Scenario list could not be told apart. A scenario saved again under a
    name it already had is left alone (a file may hold twins from before this check)."""
    from safer_desk.domain.text import find_typed

    others = store.rows("SELECT id, name FROM commissioning_scenarios WHERE id <> ?", (scenario_id,))
    twin = find_typed(others, name, lambda r: r["name"])
    if twin is None:
        return
    same = twin["name"] == name
    if not same and store.scalar("SELECT name FROM commissioning_scenarios WHERE id = ?", (scenario_id,)) == name:
        return
    but = "" if same else " (the same name but for case, spacing or a dash)"
    raise ScenarioError(f"There is already a scenario called “{twin['name']}”{but}; choose another name.")


def save_scenario(store: Store, scenario: Scenario) -> Scenario:
    """Save a scenario under its name (a new id adds it, an existing id replaces it), in one transaction."""
    name = scenario.name.strip()
    if not name:
        raise ScenarioError("Give the scenario a name.")
    if scenario.fund_pence < 0:
        raise ScenarioError("The fund cannot be negative.")
    _refuse_a_twin_name(store, name, scenario.id)
    if scenario.range_end not in RANGE_ENDS:
        raise ScenarioError("Count a cost range at its upper or lower end.")
    if scenario.award_id and store.scalar("SELECT 1 FROM funding_awards WHERE id = ?", (scenario.award_id,)) is None:
        raise ScenarioError("The award the scenario is against is no longer in the file.")
    award_year = ""
    if scenario.award_year:
        from safer_desk.domain.periods import FinancialYear, PeriodError

        try:
            award_year = FinancialYear.parse(scenario.award_year).label
        except PeriodError as exc:
            raise ScenarioError(f"Award year: {exc}") from None
    seen = set()
    for item in scenario.items:
        if item.project_id in seen:
            raise ScenarioError("A project can be ticked only once in a scenario.")
        seen.add(item.project_id)
    now = _now()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO commissioning_scenarios(id, name, fund_pence, fund_label, notes, created_at, updated_at, "
            "award_id, award_year, range_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "name = excluded.name, fund_pence = excluded.fund_pence, fund_label = excluded.fund_label, "
            "notes = excluded.notes, updated_at = excluded.updated_at, award_id = excluded.award_id, "
            "award_year = excluded.award_year, range_end = excluded.range_end",
            (scenario.id, name, scenario.fund_pence, scenario.fund_label, scenario.notes,
             scenario.created_at or now, now, scenario.award_id or None, award_year, scenario.range_end))
        # A tick keeps its id from save to save (only the ticks that changed are written), so the history and
        # the county see the one project ticked or unticked, not every tick removed and added again.
        ids = dict(store.conn.execute("SELECT project_id, id FROM scenario_items WHERE scenario_id = ?",
                                      (scenario.id,)).fetchall())
        kept = {item.project_id for item in scenario.items}
        store.conn.executemany("DELETE FROM scenario_items WHERE id = ?",
                               [(i,) for project, i in ids.items() if project not in kept])
        for item in scenario.items:
            if store.scalar("SELECT 1 FROM projects WHERE id = ?", (item.project_id,)) is None:
                raise ScenarioError("A ticked project is no longer in the register.")
            store.conn.execute(
                "INSERT INTO scenario_items(id, scenario_id, project_id, scale_numerator, scale_denominator, "
                "scale_in_months, scale_amount_pence) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "scale_numerator = excluded.scale_numerator, scale_denominator = excluded.scale_denominator, "
                "scale_in_months = excluded.scale_in_months, scale_amount_pence = excluded.scale_amount_pence",
                (ids.get(item.project_id) or new_id(), scenario.id, item.project_id, item.scale.numerator,
                 item.scale.denominator, int(item.scale.months), item.scale.amount_pence))
    return get_scenario(store, scenario.id)


def new_scenario(name: str, fund_pence: int, items: Sequence[ScenarioItem] = (), *, fund_label: str = "",
                 notes: str = "", award_id: str | None = None, award_year: str = "",
                 range_end: str = "upper") -> Scenario:
    return Scenario(new_id(), name, fund_pence, fund_label, notes, tuple(items), award_id=award_id,
                    award_year=award_year, range_end=range_end)


def delete_scenario(store: Store, scenario_id: str) -> Scenario:
    """Delete a saved scenario; returns it (its undo: ``snapshot_scenario`` before, ``put_back_rows``)."""
    scenario = get_scenario(store, scenario_id)
    with store.transaction():
        store.conn.execute("DELETE FROM commissioning_scenarios WHERE id = ?", (scenario_id,))
    return scenario


@dataclass(frozen=True)
class ScenarioRows:
    """A scenario's rows as they were (parts None: it did not exist), so undo and redo put it back exactly."""

    scenario_id: str
    parts: tuple[snapshots.Part, ...] | None


def snapshot_scenario(store: Store, scenario_id: str) -> ScenarioRows:
    # a tick comes back only while its project is still in the register
    return ScenarioRows(scenario_id, snapshots.take_record(
        store.conn, "commissioning_scenarios", scenario_id,
        {"commissioning_scenarios": "id = ?", "scenario_items": "scenario_id = ?"},
        only_if={"scenario_items": ("projects", "project_id")}))


def put_back_rows(store: Store, snap: ScenarioRows) -> None:
    """The scenario exactly as the snapshot holds it (removed, if it did not exist then)."""
    with store.transaction():
        snapshots.put_back_record(store.conn, "commissioning_scenarios", snap.scenario_id, snap.parts)


def evaluate_saved(store: Store, scenario: Scenario, projects: Sequence[Project] | None = None, *,
                   awards: Sequence[Award] | None = None, names: Mapping[str, str] | None = None,
                   origins: RowOrigins = NOT_A_COUNTY_FILE) -> ScenarioResult:
    """A saved scenario as the window, the board report and the export workbook all count it: against its award
    and the award's year, a cost range at the end it chose. ``projects`` and ``awards`` (the file's, read here when
    not given) for a caller weighing many scenarios; ``names`` and ``origins`` as ``evaluate`` takes them."""
    projects = load_projects(store) if projects is None else projects
    award = None
    if scenario.award_id:
        if awards is None:
            from safer_desk.services.funders import list_awards

            awards = list_awards(store)
        award = next((a for a in awards if a.id == scenario.award_id), None)
    return evaluate(projects, scenario.fund_pence, scenario.items, name=scenario.name,
                    fund_label=scenario.fund_label, award=award, award_year=scenario.award_year or None,
                    range_end=scenario.range_end, awards=awards if award is not None else (), names=names,
                    origins=origins)


# -- the board's table ---------------------------------------------------------------------------------

def years_of(*results: ScenarioResult) -> list[str]:
    years = sorted({y for r in results for y in r.commitment.by_year}, key=lambda y: (y == UNDATED, y))
    return years


@dataclass
class BoardTable:
    header: list[str]
    rows: list[list]
    total: list
    money_columns: set[int] = field(default_factory=set)
    summary: str = ""


def scale_words(result: ScenarioResult) -> dict[str, str]:
    """A ticked project's Scale where words say it better than its scale, by project id: one declined or withdrawn
    since it was ticked commits nothing, "nothing (withdrawn)", never "in full" beside £0 (the board's table and the
    Commissioning page say it alike)."""
    return {r.project.id: r.counted for r in result.rows if r.project.status in NOT_GOING_AHEAD}


def board_table(result: ScenarioResult, *, plain: bool = False,
                origins: RowOrigins = NOT_A_COUNTY_FILE) -> BoardTable:
    """The scenario as the board sees it (seed 000 table plus what is committed): figures formatted, or
    int pence for a workbook when ``plain`` is False and money columns are marked. In a county file (``origins``
    shown) a *Merged from* column after the title says which office each project came from (two offices may each
    have an "Outreach worker" 1); in an office's own file the table is as it always was."""
    years = years_of(result)
    share_header = [f"{possessive(result.award.funder)} share"] if result.award is not None else []
    merged = [MERGED_FROM] if origins.shown else []
    header = ["Ref", "Project / Initiative", *merged, *[title for _, _, title in CRITERIA], "Suitable funding", "Cost",
              *share_header, "Scale", "Committed", *years]
    committed = header.index("Committed")
    money = set(range(committed, committed + 1 + len(years)))

    def m(pence: int | None):
        if pence is None:
            return ""
        return format_money(pence) if plain else pence

    from safer_desk.exchange.files import ShownAndTyped

    def scale(s: Scale):  # a .csv written from the sheet gives Excel "0 1/3", where "1/3" is a date
        return s.describe() if plain else ShownAndTyped(s.describe(), s.for_excel())

    rows = []
    said = scale_words(result)
    for r in result.rows:
        p = r.project
        # a share stated in full shows its amount; one not known or known in part ("£110,000 and “Tbc”") its words
        share = ([format_money(r.share_pence) if r.share_whole else r.counted] if share_header else [])
        came = [origins.of(p.id)] if merged else []
        rows.append([p.ref, p.title, *came, *[p.criterion(k).describe() for k in CRITERIA_KEYS], p.funding_route,
                     # withdrawn or declined since it was ticked: "nothing (withdrawn)", not "in full" beside £0
                     p.cost_text, *share, said.get(p.id) or scale(r.scale),
                     m(r.scaled_pence), *[m(r.by_year.get(y)) for y in years]])
    c = result.commitment
    total = ["", "Total committed", *[""] * len(merged), *[""] * len(CRITERIA_KEYS), "", "", *[""] * len(share_header),
             "", m(c.committed_pence), *[m(c.by_year.get(y, 0)) for y in years]]
    return BoardTable(header, rows, total, set() if plain else money, result.summary())


def scenario_html(result: ScenarioResult, title: str = "", *, origins: RowOrigins = NOT_A_COUNTY_FILE) -> str:
    """The scenario's table as a small HTML page (for printing to PDF); in a county file with *Merged from*."""
    table = board_table(result, plain=True, origins=origins)
    e = html.escape
    right = set(range(len(table.header) - len(years_of(result)) - 1, len(table.header)))
    cells = lambda row, tag: "".join(  # noqa: E731
        f"<{tag}{' align=right' if i in right else ''}>{e(str(v))}</{tag}>" for i, v in enumerate(row))
    body = "".join(f"<tr>{cells(r, 'td')}</tr>" for r in table.rows)
    return (f"<html><head><meta charset='utf-8'><title>{e(title or result.name)}</title></head><body>"
            f"<h2>{e(title or result.name or 'Commissioning scenario')}</h2>"
            f"<p>{e(result.fund_label)} {e(table.summary)}</p>"
            f"<table border=1 cellspacing=0 cellpadding=3><tr>{cells(table.header, 'th')}</tr>{body}"
            f"<tr>{cells(table.total, 'th')}</tr></table>"
            # What the page and the board report say under the table: the problems, then how it was counted (the
            # award's share, a range's end, capital or revenue beyond the award's split).
            + "".join(f"<p>{e(p)}</p>" for p in (*result.problems, *result.notes))
            + "<p>Criteria: √ yes, X no, ? unknown. Scaled amounts are rounded to the penny, halves up; "
              "amounts across financial years are split by largest remainder so they add up.</p></body></html>")


def scenario_sheets(result: ScenarioResult, origins: RowOrigins = NOT_A_COUNTY_FILE, *, title: str = "") -> list:
    """The scenario's board table and its summary as sheets for the one export path (``exchange.tables``); in a
    county file (``origins`` shown) with *Merged from*, as the page shows it. What the page says under the table (its
    problems and how it was counted) is a Notes sheet, when there is any. ``title``: the name as the paper gives it
    ("… (changed since saved)"), else the scenario's."""
    from safer_desk.exchange.files import Sheet

    table = board_table(result, plain=False, origins=origins)
    c = result.commitment
    summary = [["Fund", c.fund_pence], ["Committed", c.committed_pence], ["Remaining", c.remaining_pence]]
    # The fund and what remains (or by how much it is over-committed) under the total, in the Committed column:
    # a CSV holds the first sheet only.
    committed = table.header.index("Committed")
    left = ("OVER-COMMITTED by", -c.remaining_pence) if c.over_committed else ("Remaining", c.remaining_pence)
    under = [["", label, *[""] * (committed - 2), pence, *[""] * (len(table.header) - committed - 1)]
             for label, pence in (("Fund", c.fund_pence), left)]
    return [Sheet(result.name or "Scenario", table.header, [*table.rows, table.total, *under], table.money_columns,
                  title=f"{title or result.name} — {result.fund_label}".strip(" —")),
            Sheet("Summary", ["", "Amount"], summary, {1}),
            *([Sheet("Notes", ["Said of the scenario, as on the Commissioning page"],
                     [[said] for said in (*result.problems, *result.notes)])]
              if result.problems or result.notes else [])]


@dataclass(frozen=True)
class ComparisonRow:
    title: str
    a_pence: int | None
    b_pence: int | None
    merged_from: str = ""  # in a county file, the office the project came from ("" for the totals)

    @property
    def difference_pence(self) -> int:
        return (self.b_pence or 0) - (self.a_pence or 0)


def compare(a: ScenarioResult, b: ScenarioResult, origins: RowOrigins = NOT_A_COUNTY_FILE) -> list[ComparisonRow]:
    """Each project in either scenario with what each commits (None when not ticked) and, in a county file, the
    office it came from; totals last."""
    a_rows = {r.project.id: r for r in a.rows}
    b_rows = {r.project.id: r for r in b.rows}
    projects = {r.project.id: r.project for r in (*a.rows, *b.rows)}
    # Two projects of one title (a second year's bid under the first's) are told apart by their refs, "1. Homeshield
    # Plus": the comparison has no Ref column, and listed the title twice with nothing to say which was which. (Two
    # offices' projects of a county file are told apart by the office each came from, beside them.)
    key = lambda p: (origins.of(p.id), " ".join(p.title.casefold().split()))  # noqa: E731 - as the register asks
    titles = Counter(key(p) for p in projects.values())
    said = {p.id: f"{p.ref}. {p.title}" if p.ref and titles[key(p)] > 1 else p.title for p in projects.values()}
    rows = [ComparisonRow(said[p.id], a_rows[p.id].scaled_pence if p.id in a_rows else None,
                          b_rows[p.id].scaled_pence if p.id in b_rows else None, origins.of(p.id))
            for p in sorted(projects.values(), key=_order)]
    rows.append(ComparisonRow("Total committed", a.committed_pence, b.committed_pence))
    rows.append(ComparisonRow("Fund", a.fund_pence, b.fund_pence))
    rows.append(ComparisonRow("Remaining", a.remaining_pence, b.remaining_pence))
    return rows

