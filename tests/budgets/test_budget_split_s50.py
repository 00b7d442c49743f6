"""A budget cell's split per district is checked whatever its amount, and a split typed in pounds in a plan in £'000 is
asked about as the figure itself is:
- "£0 (£2,000 per District)" was accepted with no ⚠ (and printed per_district 2000 beside amount 0), and
  "-£4,000 (£2,000 per district)" counted as −2 districts, where "£4,000 (£1,500 …)" is flagged;
- in a plan in £'000, "4 (£2,000 per District)" was read as £2,000,000 per district without a question, where
  "£4,000 (£2,000 per District)" is asked about."""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets as rules


@pytest.mark.parametrize("typed", ["£0 (£2,000 per District)", "-£4,000 (£2,000 per district)",
                                   "£1,000 (£2,000 per District)", "£1,999.99 (£2,000 per District)"])
def test_a_split_of_less_than_one_share_is_flagged(typed):
    """A share larger than the whole (s58: "£1,000 (£9,999,999 per District)" was called "not a whole number of
    £9,999,999 district shares", as if it were a few shares and a remainder)."""
    cell = rules.parse_cell(typed)
    assert cell.districts is None
    assert cell.split_problem == (f"{rules.format_money(cell.pence)} cannot be split as £2,000 per district: a split "
                                  "needs an amount of at least one share.")


def test_a_whole_split_is_as_it_was():
    cell = rules.parse_cell("£4,000 (£2,000 per District)")
    assert (cell.districts, cell.split_problem) == (2, "")
    assert rules.parse_cell("£4,000 (£1,500 per District)").split_problem == \
        "£4,000 is not a whole number of £1,500 district shares."


def test_a_split_typed_in_pounds_in_a_plan_in_thousands_is_asked_about():
    assert rules.pounds_in_thousands_query("4 (£2,000 per District)", "thousand") == (
        "“4 (£2,000 per District)” in a plan in £'000 reads its split as £2,000,000 per district; if it means "
        "£2,000 per district, type 4 (2 per District).")
    assert rules.pounds_in_thousands_query("4 (£2,000 per District)", "pound") is None
    assert rules.pounds_in_thousands_query("4 (2 per District)", "thousand") is None
    assert rules.pounds_in_thousands_query("4 (£2K per District)", "thousand") is None  # its own scale
