"""In a plan in £'000, the question about a figure written in pounds offered text that was then itself refused:
"£1,234.567" offered "type 1.234567" (not a whole number of pence) and said it meant £1,234.56; "£5,000 + TBC"
offered "5 + TBC" (part known, part TBC: refused, as "£5,000 + TBC" is). A figure refused as typed is refused, not
asked about; the text a question offers is always taken, as the amount it names."""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets as rules
from safer_desk.domain.budgets import BudgetError, parse_cell


@pytest.mark.parametrize("typed", ["£5,000 + TBC", "£123,456,789,012,345", "999999999999999999"])
def test_what_is_refused_as_typed_is_not_asked_about(typed):
    assert rules.pounds_in_thousands_query(typed, "thousand") is None
    with pytest.raises(BudgetError):
        parse_cell(typed, unit="thousand")


def test_a_figure_whose_thousands_are_not_pence_is_asked_about_without_a_text_to_type():
    query = rules.pounds_in_thousands_query("£1,234.567", "thousand")
    assert query.startswith("“£1,234.567” in a plan in £'000 reads as £1,234,567;")
    assert "1.234567" not in query and "£1,234.56," not in query and "thousands of pounds" in query


@pytest.mark.parametrize("typed", ["£62,499", "884000", "£(1,234)", "£4,000 (£2,000 per District)", "£62 499",
                                   "£1,234.5", "£62,499 (Agreed, £5,000 of it from the PCC)"])
def test_the_text_a_question_offers_is_taken_as_the_amount_it_names(typed):
    query = rules.pounds_in_thousands_query(typed, "thousand")
    offered = query.split(", type ", 1)[1].removesuffix(".")
    meant = query.split("if it means ", 1)[1].split(", type")[0]
    cell = parse_cell(offered, unit="thousand")
    assert rules.format_money(cell.amount_pence) == meant, (offered, meant)


def test_a_split_in_pounds_is_asked_about_only_with_a_text_that_keeps_it():
    """"4 (£2,000.555 per District)" offered "type 4 (2.000555 per District)", taken with no split at all, and said
    it meant £2,000.55 (a helper's finding, after the amount's question was mended)."""
    query = rules.pounds_in_thousands_query("4 (£2,000.555 per District)", "thousand")
    assert "reads its split as £2,000,555 per district" in query and "2.000555" not in query
    assert "£2,000.55 " not in query and "thousands of pounds" in query
    query = rules.pounds_in_thousands_query("4 (£2,000.5 per District)", "thousand")
    assert query.endswith("if it means £2,000.50 per district, type 4 (2.0005 per District).")
    assert parse_cell("4 (2.0005 per District)", unit="thousand").per_district_pence == 200050
