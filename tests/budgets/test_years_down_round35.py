"""Round 35: a block copied with the plan's years down its first column is said as that, not as "not an amount".

An officer copying a sheet laid out the other way round (years down, lines across) got "Employees, 2011/12:
“2011/12” is not an amount", which says nothing of what to do.
"""

from __future__ import annotations

from tests.budgets.test_budgets_round33sl2 import _presenter


def test_years_down_the_first_column_are_said_with_what_to_do(store):
    p, employees = _presenter(store)
    block = [["2011/12", "327,800"], ["2012/13", "384,300"], ["2013/14", "393,200"]]
    assert not p.paste_block(employees, 0, block)
    assert p.error == ("The first column copied is the plan's years (2011/12 – 2013/14), down the rows: the plan has "
                       "its years across. Nothing was pasted: copy the figures alone, with the years across (in "
                       "Excel, Paste Special > Transpose turns them), and paste again."), p.error
    assert not p.paste_block(employees, 0, [["2011/12", "327,800"]])  # one row: the year is its first cell
    assert p.error.startswith("The first column copied is the plan's years (2011/12), down the rows"), p.error


def test_a_first_column_of_figures_is_pasted_as_before(store):
    p, employees = _presenter(store)
    assert p.paste_block(employees, 0, [["327,800", "384,300"], ["5,000", "5,000"]]), p.error
