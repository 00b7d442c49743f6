"""Session 61 (second look): "£nil", as papers print a nil line ("£Nil"), typed in a plan's cell was refused saying
"it says there is none. Type £0." and then the list of what a cell takes, nil among them: the cell takes the paper's
nil as it is. It is read as nil, as "nil" is."""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets as rules


@pytest.mark.parametrize("typed", ["£nil", "£Nil", "£ NIL"])
@pytest.mark.parametrize("unit", ["pound", "thousand"])
def test_pound_nil_is_a_nil_cell(typed, unit):
    cell = rules.parse_cell(typed, unit=unit)
    assert (cell.status, cell.pence, cell.describe(unit), cell.words) == ("nil", 0, "nil", "")


def test_pound_nil_with_a_note_keeps_it():
    cell = rules.parse_cell("£nil (funding ended)")
    assert (cell.status, cell.note) == ("nil", "funding ended")
