"""A split per district typed with a minus ("£4,000 (-£2,000 per District)") was kept as the cell's note, so the
nonsense was never checked, where "(£0 per District)" is refused ("An amount per district must be more than £0").
A split with a minus, a minus after the pound sign or in accounting brackets, is refused the same way; a note that
only mentions such a figure ("was -£2,000 per district") stays a note."""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import BudgetError, parse_cell


@pytest.mark.parametrize("typed, word", [("£4,000 (-£2,000 per District)", "district"),
                                         ("£4,000 (£-2,000 per District)", "district"),
                                         ("£4,000 (\u2212£2,000 a borough)", "borough"),
                                         ("£4,000 ((£2,000) per District)", "district"),
                                         ("4 (-2 each district)", "district")])
def test_a_negative_split_is_refused(typed, word):
    with pytest.raises(BudgetError, match=f"An amount per {word} must be more than £0"):
        parse_cell(typed, unit="thousand" if typed.startswith("4 ") else "pound")


def test_words_that_mention_a_figure_stay_a_note():
    cell = parse_cell("£4,000 (was -£2,000 per district)")
    assert (cell.amount_pence, cell.note, cell.per_district_pence) == (400000, "was -£2,000 per district", None)
    assert parse_cell("£4,000 (£2,000 per District)").per_district_pence == 200000
