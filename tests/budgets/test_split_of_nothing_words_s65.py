"""A split of £0 per district (session 65, helper bud).

"£4,000 (£0 per District)" was refused with "An amount per district must be more than £0.": neither what was typed
nor what to type instead, where a split with a minus is refused naming it and saying what to do; and "£0 (£0 per
Borough)", seed 002's target-hardening £0 typed as the next year's cell is, said "per district". The refusal now
quotes the split as typed, in its own word, and says what to type.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import BudgetError, parse_cell


@pytest.mark.parametrize("typed, split, word, alone", [
    ("£4,000 (£0 per District)", "£0 per District", "district", "£4,000"),
    ("£0 (£0.00 per Borough)", "£0.00 per Borough", "borough", "£0"),
])
def test_a_split_of_nothing_is_refused_naming_it_and_what_to_type(typed, split, word, alone):
    with pytest.raises(BudgetError) as refused:
        parse_cell(typed)
    assert str(refused.value) == (f"An amount per {word} must be more than £0, not “{split}”: type the cell's amount "
                                  f"alone ({alone}), or the words without a figure.")


def test_in_thousands_the_amount_alone_is_as_typed():
    with pytest.raises(BudgetError, match=r"type the cell's amount alone \(4\)"):
        parse_cell("4 (0 per district)", unit="thousand")
