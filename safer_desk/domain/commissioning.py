"""Commissioning projects against a fund: what is committed, what is left, and what fits best.

Pure and exact: amounts are int pence, scaled amounts are rounded half up to the
penny, and a project's cost is split across financial years by largest
remainder so that the years always add up to the project's figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from safer_desk.domain.money import split_by_weights
from safer_desk.domain.projects import Scale, scale_pence

UNDATED = "(no year)"


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
