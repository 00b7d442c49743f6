"""A cell's split and its note typed together, each in its own brackets (session 65, helper bud).

"£4,000 (£0 per District)" is refused (a split must be more than £0), yet the same with the board's note after it,
"£4,000 (£0 per District) (agreed)", went in: the refused split and the note became one note with its brackets torn,
"£0 per District) (agreed", and the grid's tooltip, the workbook and the report said that. A split with a minus and a
note was refused quoting the torn words ("not “-£2,000 per District) (agreed”"). The split is now read (and refused)
the same with a note after it as without, and the refusal quotes the split alone.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import BudgetError, parse_cell


@pytest.mark.parametrize("typed", ["£4,000 (£0 per District) (agreed)", "£4,000 (£0.00 per Borough) (agreed)"])
def test_a_split_of_nothing_is_refused_with_a_note_after_it_as_without(typed):
    with pytest.raises(BudgetError, match="An amount per (district|borough) must be more than £0"):
        parse_cell(typed)


def test_a_negative_split_with_a_note_is_refused_quoting_the_split_alone():
    with pytest.raises(BudgetError) as refused:
        parse_cell("£4,000 (-£2,000 per District) (agreed)")
    assert "not “-£2,000 per District”:" in str(refused.value)


def test_a_split_and_a_note_still_go_in_either_way_round():
    for typed in ("£4,000 (£2,000 per District) (agreed)", "£4,000 (agreed) (£2,000 per District)"):
        cell = parse_cell(typed)
        assert (cell.amount_pence, cell.per_district_pence, cell.note) == (400000, 200000, "agreed")
    assert parse_cell("£100 (see (a) and (b))").note == "see (a) and (b)"  # a note with brackets of its own
