"""Small-number disclosure control for the fund summary an export carries instead of victim-level rows.

A row of the summary (one fund, district, month and item) that describes fewer than three victims
could point at a person ("the one door chain fitted in Babergh in May"), and so could a row counting one or two
victims first supported in it ("the one victim first supported in Babergh in May", even among three the row
describes; the county's figures by district and by month add that column up). Such rows are merged, step
by step, until every row describes at least SMALL_NUMBER victims and counts none or at least SMALL_NUMBER
as first supported:

1. into "other districts" for the same month and item (district left blank);
2. what is still small, into the month with every item together ("Other items"): months before items, since the
   county's burn rate and forecast are read from the months;
3. what is still small, into the quarter (dated at the quarter's first month, or at the fund's first month when
   the fund began later in the quarter: spend is never dated outside the fund's period), every item together;
4. what is still small, for the whole period, into the nearest row of other districts (a district's only when
   there is none), which becomes "other districts, other items" if it was not; should that row then count
   one or two victims first supported, the nearest rows join it until it counts at least SMALL_NUMBER.

Every spend line lands in exactly one row, so the amounts, the spend lines and the victims add up to
the same totals as the detailed rows. A fund with fewer than SMALL_NUMBER victims in all keeps one
row for the whole period: its total is in the fund's balance anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable, Iterable, Mapping, Sequence

SMALL_NUMBER = 3
OTHER_ITEMS = "Other items"


@dataclass(frozen=True)
class SpendLine:
    """One spend line as the summary sees it: no reference, only an opaque referral key."""

    fund_id: str
    district_id: str | None
    month: str  # YYYY-MM
    item: str
    referral: str  # whatever identifies the victim's referral inside the office file (never exported)
    amount_pence: int
    first: bool  # the first spend line of its referral: where the victim is counted

    def __post_init__(self) -> None:
        if len(self.month) != 7 or self.month[4] != "-":
            raise ValueError(f"month must be YYYY-MM, not {self.month!r}")


@dataclass
class SummaryRow:
    fund_id: str
    district_id: str | None
    month: str
    item: str
    victims: int = 0
    spend_lines: int = 0
    amount_pence: int = 0
    referrals: set[str] = field(default_factory=set, repr=False)
    spent_in: set[str] = field(default_factory=set, repr=False)  # the months its spend lines were spent in

    @property
    def key(self) -> tuple[str, str | None, str, str]:
        return (self.fund_id, self.district_id, self.month, self.item)

    @property
    def moved(self) -> bool:
        """Holds spend of months other than its own (merged into the quarter or the whole period): a burn rate
        worked out from the summary's months is not the office's."""
        return bool(self.spent_in - {self.month})

    def add(self, other: "SummaryRow") -> None:
        self.victims += other.victims
        self.spend_lines += other.spend_lines
        self.amount_pence += other.amount_pence
        self.referrals |= other.referrals
        self.spent_in |= other.spent_in

    @property
    def small(self) -> bool:
        """Describes fewer than SMALL_NUMBER victims, or counts one or two as first supported in it (a count of
        people like any other: "the one victim first supported in Babergh in May"; none is no one)."""
        return len(self.referrals) < SMALL_NUMBER or small_count(self.victims)


def small_count(victims: int) -> bool:
    """One or two victims (fewer than SMALL_NUMBER; none is no one): a count that could point at a person."""
    return 0 < victims < SMALL_NUMBER


# How a count of one or two victims is given outside the office file: the count is withheld, its money is not.
FEWER_THAN_SMALL = f"fewer than {SMALL_NUMBER}"


def count_given(victims: int) -> int | str:
    """A count of victims as a report or export gives it outside the office file: one or two (a fund of fewer than
    SMALL_NUMBER victims in all, the only table whose rows the rules above cannot make bigger) said
    FEWER_THAN_SMALL, any other count as it is. The money beside it is kept: a fund's spend is its contributions
    less its balance, which the partners are told anyway, and names no one without the count."""
    return FEWER_THAN_SMALL if small_count(victims) else victims


def total_given(counts: Iterable[int]) -> int | str:
    """The total of counts given by ``count_given``: their sum when none was withheld (one or two said as
    ``count_given`` says it); else "at least N" (each withheld count taken as one), so that the total less the counts
    given never tells a withheld one."""
    counts = list(counts)
    total = sum(counts)
    if small_count(total) or not any(small_count(n) for n in counts):
        return count_given(total)
    return f"at least {sum(1 if small_count(n) else n for n in counts)}"


def districts_with_disclosure_control(rows: Iterable[tuple[str, int, int]],
                                      other: str) -> list[tuple[str, int, int]]:
    """Per-district (name, victims, pence) rows as a report or export may give them outside the office file, by the
    rule of the summary above: a district of one or two victims is not named but merged into ``other`` (a row of no
    district, last, joining any such row given), and should that row then count one or two, the districts of fewest
    victims (none is no one: such a district joins only when no other is left) join it until it counts at least
    SMALL_NUMBER (or every district is in it: a fund of fewer in all). The
    victims and pence add up to the rows given; rows with no small count come back as they were."""
    rows = [tuple(r) for r in rows]
    named = [r for r in rows if r[0] != other and not small_count(r[1])]
    rest = [r for r in rows if r[0] == other or small_count(r[1])]
    if not any(small_count(r[1]) for r in rest) and len(rest) <= 1:
        return rows
    victims, pence = sum(r[1] for r in rest), sum(r[2] for r in rest)
    while small_count(victims) and named:
        # A district of no victims adds no one: it stays named unless no other is left (a fund of fewer in all)
        fewest = min(named, key=lambda r: (r[1] == 0, r[1], r[2], r[0]))
        named.remove(fewest)
        victims, pence = victims + fewest[1], pence + fewest[2]
    return [*named, (other, victims, pence)]


def groups_with_disclosure_control(rows: Iterable[tuple[str, int, int]], described: Mapping[str, frozenset],
                                   other: str) -> list[tuple[str, int, int]]:
    """Unordered rows of (name, count, pence) that are not counts of victims (a fund's items with their spend lines)
    as a report or export may give them outside the office file, by the rule of the summary above: a row whose spend
    was on one or two victims (``described``: each row's, as whatever tells them apart; a row with none known, from
    an office's summary, is never small) is not named but merged into ``other`` (a row of no name, last, joining any
    such row given), and should that row then describe one or two, the rows of fewest victims join it until it
    describes at least SMALL_NUMBER (or every row is in it: a fund of fewer in all). The counts and pence add up to
    the rows given; with no row small they come back as they were."""
    rows = [tuple(r) for r in rows]

    def people(name: str) -> frozenset:
        return described.get(name, frozenset())

    named = [r for r in rows if r[0] != other and not small_count(len(people(r[0])))]
    rest = [r for r in rows if r[0] == other or small_count(len(people(r[0])))]
    if not any(small_count(len(people(r[0]))) for r in rest):
        return rows
    joined = frozenset().union(*(people(r[0]) for r in rest))
    while small_count(len(joined)) and named:
        # The row adding fewest victims not already in it; a row of none known only when no other is left
        fewest = min(named, key=lambda r: (not people(r[0]), len(people(r[0]) - joined), len(people(r[0])), r[2],
                                           r[0]))
        named.remove(fewest)
        rest.append(fewest)
        joined |= people(fewest[0])
    return [*named, (other, sum(r[1] for r in rest), sum(r[2] for r in rest))]


def spans_with_disclosure_control(victims: Sequence[int], groups: Sequence[Hashable] | None = None,
                                  described: Sequence[frozenset] | None = None) -> list[range]:
    """Ordered rows of a table (months, spend bands) as a report or export may give them outside the office file, by
    the rule of the summary above: a row counting one or two victims is given together with the rows next to it,
    within its group first (``groups``, one per row: a month's quarter, as step 3 merges a month into its quarter),
    then across groups (step 4, the nearest rows), until no row counts one or two (or every row is one: a table of
    fewer in all). A small row joins its small neighbour first, else the neighbour of fewest victims (the earlier when
    as few), so as little is merged as can be; a row of no victims left at a joined span's end is given on its own
    (it adds no one). Rows stay in order and merge only with their neighbours, so each span
    reads as one stretch ("May 2026 to Jun 2026", "over £200"); the spans cover every row once, so the totals hold.
    Rows with no small count come back one to a span.

    ``described``: for each row, whatever tells apart the victims it describes (a month's: those with spend in it),
    when they are not only those it counts (a month of no victim first supported whose spend is on one or two
    supported before tells what was spent on them): a span describing one or two is small too, as the county
    export's rows are (``SummaryRow.small``), and joins its neighbours by the same steps."""
    spans = [range(i, i + 1) for i in range(len(victims))]

    def people(span: range) -> int:
        return len(frozenset().union(*(described[i] for i in span))) if described is not None else 0

    def count(span: range) -> int:
        """The span's victims first supported; one when that is none but it describes one or two (small either way:
        the neighbour of fewest is still the one that adds least)."""
        n = sum(victims[i] for i in span)
        return n or (1 if small_count(people(span)) else 0)

    def group(span: range) -> Hashable:
        return groups[span.start] if groups is not None else None

    for within_group in (groups is not None, False):
        while True:
            joined = False
            for k, span in enumerate(spans):
                if not small_count(count(span)):
                    continue
                near = [j for j in (k - 1, k + 1) if 0 <= j < len(spans)
                        and (not within_group or group(spans[j]) == group(span))]
                if not near:
                    continue
                j = min(near, key=lambda j: (not small_count(count(spans[j])), count(spans[j]), j))
                a, b = sorted((k, j))
                spans[a:b + 1] = [range(spans[a].start, spans[b].stop)]
                joined = True
                break
            if not joined:
                break
    # A row of no victims at the end of a joined span added no one to it: given on its own, as it was (its spend
    # read for its month); the span counts as many, so none becomes one or two (a table of fewer in all stays one).
    # Not a row whose spend is on one or two victims (small on its own), nor one the rest needs to describe three.
    def alone(i: int, rest: range) -> bool:
        return not victims[i] and not small_count(count(range(i, i + 1))) and not small_count(count(rest))

    given: list[range] = []
    for span in spans:
        start, stop = span.start, span.stop
        if not small_count(count(span)):
            while stop - start > 1 and alone(start, range(start + 1, stop)):
                given.append(range(start, start + 1))
                start += 1
            while stop - start > 1 and alone(stop - 1, range(start, stop - 1)):
                stop -= 1
        given.append(range(start, stop))
        given += [range(i, i + 1) for i in range(stop, span.stop)]
    return given


def run_given(first, last, stretches: Iterable[tuple]) -> tuple:
    """A run of rows (``first`` to ``last``, inclusive: a burn rate's window of months) as a figure over it may be
    given outside the office file beside a table whose rows ``stretches`` (each a joined span's first and last row,
    ``spans_with_disclosure_control``) gives only together: widened to the whole stretches it cuts, its first row back
    to the first of the stretch it falls inside and its last on to the last of its. A figure over part of a stretch
    less the rows given alone beside it would tell what the table withholds (a 3-month burn rate to October times 3,
    less September and October, is August's spend, given only with July's: July's one victim's). Over whole
    stretches it tells only sums the table gives. Rows are anything ordered (months, their indexes)."""
    for a, b in stretches:
        if a < first <= b:
            first = a
        if a <= last < b:
            last = b
    return first, last


def quarter_start(month: str) -> str:
    """The first month of the financial quarter (Apr-Jun, Jul-Sep, Oct-Dec, Jan-Mar) that month is in."""
    year, m = int(month[:4]), int(month[5:7])
    first = ((m - 1) // 3) * 3 + 1
    return f"{year:04d}-{first:02d}"


def _quarter_of(month: str, period: tuple[str, str] | None) -> str:
    """The month a row merged into its quarter is dated at: the quarter's first, but never outside the fund's
    ``period`` (its first and last month, YYYY-MM): a fund begun in May dates its April-June quarter at May, so
    a burn rate read from the summary never counts spend in a month before the fund began."""
    start = quarter_start(month)
    if period is None:
        return start
    first, last = period
    return min(max(start, first), last)


def _merge(rows: Iterable[SummaryRow], key) -> dict:
    merged: dict = {}
    for row in rows:
        k = key(row)
        target = merged.get(k)
        if target is None:
            merged[k] = target = SummaryRow(k[0], k[1], k[2], k[3])
        target.add(row)
    return merged


def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7])


def summarise_with_disclosure_control(lines: Iterable[SpendLine], *,
                                      periods: Mapping[str, tuple[str, str]] | None = None) -> list[SummaryRow]:
    """The summary rows of the spend lines, none describing fewer than SMALL_NUMBER victims where avoidable.

    ``periods``: each fund's first and last month (YYYY-MM); a quarter merged is dated within them."""
    by_fund: dict[str, list[SpendLine]] = {}
    for line in lines:
        by_fund.setdefault(line.fund_id, []).append(line)
    result: list[SummaryRow] = []
    for fund_id in sorted(by_fund):
        result += _one_fund(by_fund[fund_id], (periods or {}).get(fund_id))
    return result


def _one_fund(lines: list[SpendLine], period: tuple[str, str] | None = None) -> list[SummaryRow]:
    cells: dict = {}
    for line in lines:
        key = (line.fund_id, line.district_id, line.month, line.item)
        row = cells.get(key)
        if row is None:
            cells[key] = row = SummaryRow(*key)
        row.victims += 1 if line.first else 0
        row.spend_lines += 1
        row.amount_pence += line.amount_pence
        row.referrals.add(line.referral)
        row.spent_in.add(line.month)
    kept = [r for r in cells.values() if not r.small]
    steps = (
        lambda r: (r.fund_id, None, r.month, r.item),  # 1. other districts, same month and item
        lambda r: (r.fund_id, None, r.month, OTHER_ITEMS),  # 2. the month, every item
        lambda r: (r.fund_id, None, _quarter_of(r.month, period), OTHER_ITEMS),  # 3. the quarter, every item
    )
    small = [r for r in cells.values() if r.small]
    for step in steps:
        if not small:
            break
        merged = _merge(small, step)
        # A merged row that lands on the key of a row already kept joins it (it only grows).
        kept_by_key = {r.key: r for r in kept}
        small = []
        for key, row in merged.items():
            if key in kept_by_key:
                kept_by_key[key].add(row)
            elif row.small:
                small.append(row)
            else:
                kept.append(row)
        # A kept row that took one or two victims first supported (it counted none) is small again: merged on.
        small += [r for r in kept if r.small]
        kept = [r for r in kept if not r.small]
    if small:  # 4. whatever is left, for the whole period
        rest = SummaryRow(small[0].fund_id, None, min(r.month for r in small), OTHER_ITEMS)
        for row in small:
            rest.add(row)
        if not kept:
            return [rest]
        # The nearest row of other districts takes it, as "other districts, other items" (so nothing is ever put
        # under a district or an item it did not come from).
        home = _nearest(kept, rest.month)
        target_key = (home.fund_id, None, home.month, OTHER_ITEMS)
        if home.key != target_key:
            kept.remove(home)
            target = next((r for r in kept if r.key == target_key), None)
            if target is None:
                target = SummaryRow(*target_key)
                kept.append(target)
            target.add(home)
            home = target
        home.add(rest)
        # It counted no victim first supported and now counts one or two: the nearest rows join it until it counts
        # at least SMALL_NUMBER (the fund has that many in all, or the whole fund ends up in this one row).
        while home.small and len(kept) > 1:
            other = _nearest([r for r in kept if r is not home], home.month)
            kept.remove(other)
            home.add(other)
    return sorted(kept, key=lambda r: (r.month, r.district_id or "~", r.item))


def _nearest(rows: list[SummaryRow], month: str) -> SummaryRow:
    """The row of other districts nearest to month (a district's only when there is none), an "other items" one
    first of those as near: spend is moved across as few months as can be (the county's burn rate is read from them)."""
    return min(rows, key=lambda r: (r.district_id is not None, abs(_month_index(r.month) - _month_index(month)),
                                    r.item != OTHER_ITEMS, r.month, r.district_id or "", r.item))
