"""A figure with a board paper's footnote mark after it ("£1,234.50*") was refused as "not an amount of money",
though the figure is plain and the mark only points to a note under the table (session 69): it is the amount, with
a note saying the paper marks it, so the mark is not lost and the officer can put the footnote's words there."""

import pytest

from safer_desk.domain.budgets import BudgetError, parse_cell


@pytest.mark.parametrize("typed, mark", [("£1,234.50*", "*"), ("£1,234.50 *", "*"), ("£1,234.50**", "**"),
                                         ("£1,234.50†", "†"), ("£1,234.50¹", "¹")])
def test_a_figure_with_a_footnote_mark_is_the_amount_with_a_note(typed, mark):
    cell = parse_cell(typed)
    assert (cell.status, cell.amount_pence, cell.text) == ("amount", 123450, typed)
    assert cell.note == f"footnote {mark} in the paper"


def test_the_mark_after_a_split_or_in_a_thousands_plan_keeps_both():
    cell = parse_cell("£4,000 (£2,000 per District)*")
    assert (cell.amount_pence, cell.per_district_pence, cell.note) == (400000, 200000, "footnote * in the paper")
    assert parse_cell("62.499*", unit="thousand").amount_pence == 6249900
    with pytest.raises(BudgetError, match="not an amount"):
        parse_cell("TBC*x")
    with pytest.raises(BudgetError):
        parse_cell("*")  # a mark with no figure is no amount
    with pytest.raises(BudgetError, match="^“£100 x 2\\*” is not an amount"):  # named whole, as typed
        parse_cell("£100 x 2*")
