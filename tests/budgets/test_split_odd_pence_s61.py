"""Session 61: a split per district the paper states to the penny, where the amount does not share out evenly.

Seen typing a three-district split: "£4,000 (£1,333.33 per district)" (£1,333.33 + £1,333.33 + £1,333.34, the odd
penny to one district) was flagged ⚠ "£4,000 is not a whole number of £1,333.33 district shares" beside the grid, in
the plan's count of disagreements and in the board report, as if the paper had got it wrong. A share that is the
amount divided by a number of districts, to the penny, is that many districts' split; one out by more than the
rounding is flagged as before."""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets as rules
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter


@pytest.mark.parametrize(("typed", "districts"), [
    ("£4,000 (£1,333.33 per district)", 3),  # £3,999.99: the odd penny to one district
    ("£5,000 (£1,666.67 per District)", 3),  # £5,000.01: a penny rounded up on each share
    ("£100 (£14.29 per district)", 7),
    ("£4,000 (£2,000 per District)", 2),
])
def test_a_split_to_the_penny_is_that_many_districts(typed, districts):
    cell = rules.parse_cell(typed)
    assert (cell.districts, cell.split_problem) == (districts, "")


@pytest.mark.parametrize("typed", ["£4,000 (£1,333 per district)", "£4,000 (£1,500 per District)",
                                   "£5,000 (£1,666.60 per district)"])
def test_a_split_out_by_more_than_the_pennies_is_still_flagged(typed):
    cell = rules.parse_cell(typed)
    assert cell.districts is None
    assert "is not a whole number of" in cell.split_problem


def test_the_grid_does_not_flag_a_three_district_split_to_the_penny(store):
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("Three districts", "2017/18")
    assert p.add_section("Target hardening", "expenditure")
    section_id = p.sections()[0][0]
    assert p.add_line(section_id, "Sanctuary scheme")
    line = next(r for r in p.rows if r.kind == "line")
    assert p.set_cell(line.line_id, p.columns[0], "£4,000 (£1,333.33 per district)")
    assert p.warnings() == ()
    assert p.plans[0].flags == 0
