"""Session 62: two cells a paper's table may hold were refused with the general "not an amount of money".

- "TBA", "to be agreed", "TBD": words for a figure not settled yet, as TBC and "Awaiting confirmation" (read since
  s61) are. The seed papers write TBC ("Tbc", 002 and 003); these are read as TBC too, the paper's words kept beside it
  ("TBA (TBC)"), so a column's total says "+ TBC" and nothing is passed off as complete.
- "£2,500 p.a." in a plan in £'000: a plan in £ says "is an amount a year … type the figure alone, £2,500"; in £'000
  the same cell got the general refusal. It is said the same way, with the figure to type in thousands of pounds."""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets as rules


@pytest.mark.parametrize("typed", ["TBA", "tba", "T.B.A.", "t.b.c.", "To be agreed", "to be announced", "TBD",
                                   "To be decided", "to be determined"])
def test_words_for_a_figure_not_settled_are_tbc_with_the_papers_words_kept(typed):
    for unit in rules.UNITS:
        cell = rules.parse_cell(typed, unit=unit)
        assert (cell.status, cell.amount_pence, cell.words) == ("tbc", None, typed)
        assert cell.describe_worded() == f"{typed} (TBC)"
        assert rules.parse_cell(cell.edit_text(), unit=unit).status == "tbc"


def test_tba_with_a_note_keeps_the_note():
    cell = rules.parse_cell("TBA (PCC to say)")
    assert (cell.status, cell.note) == ("tbc", "PCC to say")


@pytest.mark.parametrize("typed, said", [
    ("£2,500 p.a.", "“£2,500 p.a.” is an amount a year: an amount here is already the one for its year (or for the "
                    "period it is asked for), so type the figure alone, in thousands of pounds as this plan is: 2.5 "
                    "for £2,500."),
    ("£2.5K per annum", "“£2.5K per annum” is an amount a year: an amount here is already the one for its year (or for "
                        "the period it is asked for), so type the figure alone, in thousands of pounds as this plan "
                        "is: 2.5 for £2,500."),
    ("62 pa", "“62 pa” is an amount a year: an amount here is already the one for its year (or for the period it is "
              "asked for), so type the figure alone, in thousands of pounds as this plan is: 62 for £62,000."),
    ("£200 a month", "“£200 a month” is an amount a month: type the amount for the whole period it is asked for, in "
                     "thousands of pounds as this plan is (twelve months of £200 are £2,400: 2.4)."),
])
def test_an_amount_a_year_in_a_plan_in_thousands_is_said_as_in_a_plan_in_pounds(typed, said):
    with pytest.raises(rules.BudgetError) as refused:
        rules.parse_cell(typed, unit="thousand")
    assert str(refused.value).startswith(said), str(refused.value)


def test_in_pounds_it_is_said_as_before():
    with pytest.raises(rules.BudgetError, match="is an amount a year: .* so type the figure alone, £2,500"):
        rules.parse_cell("£2,500 p.a.")
