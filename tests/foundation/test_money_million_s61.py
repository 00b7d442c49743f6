"""A figure written with its scale in words (session 61).

Seed 000 writes "over £10 million annually across Suffolk", and papers write "£1.2 million" as often as "£1.2m".
"£2m" and "£2bn" were read, but "£2 million" was refused as not an amount of money, in every money field and in a
budget cell. The words are read as the letters are, and "thousand" as "k".
"""

from __future__ import annotations

import pytest

from safer_desk.domain import budgets
from safer_desk.domain.money import MoneyError, parse_cost, parse_pence, states_its_scale


@pytest.mark.parametrize(("typed", "pence"), [
    ("£2 million", 200_000_000),
    ("£1.2 million", 120_000_000),
    ("2.5 Million", 250_000_000),
    ("£10 million", 1_000_000_000),
    ("£1 billion", 100_000_000_000),
    ("£25 thousand", 2_500_000),
    ("-£1.5 million", -150_000_000),
])
def test_a_scale_in_words_reads_as_its_letter_does(typed, pence):
    short = typed.replace(" million", "m").replace(" Million", "m").replace(" billion", "bn")
    short = short.replace(" thousand", "k")
    assert parse_pence(typed) == pence == parse_pence(short)
    assert states_its_scale(typed)


def test_a_budget_cell_and_a_cost_read_it_too():
    assert budgets.parse_cell("£2 million").amount_pence == 200_000_000
    assert parse_cost("£1.2 million - £1.5 million").max_pence == 150_000_000


@pytest.mark.parametrize("typed", ["million", "£ million", "£2 millions", "£2 mill", "£2 million pounds"])
def test_words_that_are_not_a_figure_with_its_scale_are_still_refused(typed):
    with pytest.raises(MoneyError):
        parse_pence(typed)
