"""s74: the seed 000 allocation made with a partnership last year did not have (a newcomer, no Last year figure) and
Babergh's 2008/09 figure mistyped £5,000 over (£75,725): the figures for last year that were given already added up
to more than last year's total (£660,120 against £655,120), a mistake whatever the newcomer had, yet nothing was said
because one partnership had no figure. Figures given that add up to more than the total are said, naming the one
without a figure; figures that add up to less still say nothing (the total may hold the newcomer's share)."""

from __future__ import annotations

from safer_desk.domain.allocation import PartnershipInput, allocate_by_formula
from tests.allocation.seed import partnerships, options


def _with_newcomer(babergh_previous_pence: int):
    rows = partnerships()
    rows[0] = PartnershipInput("Babergh", 1, {"basis": 2442}, babergh_previous_pence)
    return rows + [PartnershipInput("Mid Suffolk", 1, {"basis": 1000}, None)]


def _said(result):
    return [w for w in result.warnings if w.startswith("Last year's total")]


def test_figures_given_over_last_years_total_are_said_though_one_has_none():
    result = allocate_by_formula(_with_newcomer(75_725_00), options())
    assert result.previous_sum_pence == 660_120_00 and result.previous_total_pence == 655_120_00
    assert _said(result) == [
        "Last year's total, £655,120, is less than what the partnerships' figures for last year add up to "
        "(£660,120), though Mid Suffolk has none: the pot is last year's total less the retained %, so a figure in "
        "one or the other is wrong. Put right the figure that is wrong."]
    assert result.total_pence == result.pot_pence == 589_608_00


def test_figures_given_under_the_total_say_nothing_when_one_has_none():
    assert _said(allocate_by_formula(_with_newcomer(70_725_00), options())) == []
