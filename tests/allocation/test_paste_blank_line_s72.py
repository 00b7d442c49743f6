"""Rows copied from a sheet with a blank row among them, pasted so that they run past the inputs table's end, were
refused as "Pasted row 2: a partnership needs a name": the officer had typed no name, and was not told the copy held a
blank row, nor what to do. The refusal now says that row 2 of what was copied is blank and to take it out; each line
pasted still goes on its own row (a blank one is never skipped, moving the rows under it up)."""

from __future__ import annotations

import pytest

from safer_desk.services import allocation_workbench as bench
from safer_desk.domain.allocation import AllocationError
from safer_desk.services.demo_data.allocation import suffolk_options

BLANK = ("Pasted row {n} is blank: row {n} of what was copied has nothing in it, and each row pasted goes on a "
         "partnership's row. Delete the blank row in the sheet (or copy the rows above and below it one block at a "
         "time) and paste again.")


@pytest.fixture
def two():
    state = bench.WorkState((), suffolk_options())
    return bench.with_pasted(state, 0, 0, [["Cherwell", "1", "9,000"], ["Oxford", "1", "14,000"]])


@pytest.mark.parametrize("at_row", [1, 2], ids=["over the last row and past it", "past the end"])
def test_a_blank_row_among_rows_pasted_past_the_end_is_said_to_be_blank(two, at_row):
    block = [["Banbury", "1", "5,000"], ["", "", ""], ["Bicester", "1", "6,000"]]
    with pytest.raises(AllocationError) as caught:
        bench.with_pasted(two, at_row, 0, block)
    assert str(caught.value) == BLANK.format(n=2)


def test_the_blank_row_is_counted_as_copied_with_the_heading_line(two):
    block = [["Partnership", "Fixed units"], ["Banbury", "1"], ["Bicester", "1"], ["", ""], ["Witney", "1"]]
    with pytest.raises(AllocationError) as caught:
        bench.with_pasted(two, 2, 0, block)
    assert str(caught.value) == BLANK.format(n=4)


def test_a_blank_line_where_blanks_are_allowed_still_blanks_the_cell(two):
    state = bench.with_pasted(two, 0, 3, [["£1"], ["£2"]])
    assert bench.with_pasted(state, 0, 3, [[""], ["£3"]]).partnerships[0].previous_pence is None


def test_a_name_left_out_of_a_row_with_figures_is_still_said_so(two):
    with pytest.raises(AllocationError, match=r"^Pasted row 2: a partnership needs a name\.$"):
        bench.with_pasted(two, 2, 0, [["Banbury", "1", "5,000"], ["", "1", "6,000"]])
