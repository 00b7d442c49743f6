"""A cell typed as the paper's split alone ("£1,000 per District", the words of seed 002's cells without the amount
before them) was refused as "“£1,000 per District” is not an amount of money", which it plainly is: the officer could
not tell that the cell wants its whole amount, the split in brackets after it. Now the refusal says so, with the
cell's form in the plan's unit, and nothing is changed."""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import BudgetError, parse_cell


@pytest.mark.parametrize("typed", ["£1,000 per District", "£2,500 each district", "1000 per borough, agreed"])
def test_the_split_alone_says_what_the_cell_wants(typed):
    with pytest.raises(BudgetError) as caught:
        parse_cell(typed)
    said = str(caught.value)
    assert "not an amount of money" not in said
    assert f"“{typed}”" in said and "the amount for each" in said and "£4,000 (£2,000 per District)" in said


def test_in_thousands_the_form_is_in_thousands():
    with pytest.raises(BudgetError) as caught:
        parse_cell("2 per District", unit="thousand")
    assert "4 (2 per District)" in str(caught.value)


def test_the_paper_form_still_reads():
    cell = parse_cell("£4,000 (£1,000 per District)")
    assert (cell.pence, cell.per_district_pence, cell.districts) == (400_000, 100_000, 4)
