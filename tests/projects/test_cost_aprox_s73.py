"""Session 73: seed 000's Support Officer for non-statutory PPOs costs "£30K aprox" (the paper's spelling).

Typed or pasted into the register as the paper prints it, the cost was refused ("“£30K aprox” is not an amount
of money (try a form like £1,234.56)"), while "£30K approx" and "approx £50,000" (InnKeeper, the same paper) were
read as the figure they state. The paper's spelling is now read the same way, in every money field alike.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.money import approximate_figure, parse_pence
from safer_desk.domain.projects import parse_cost


@pytest.mark.parametrize("text", ["£30K aprox", "£30K aprox.", "aprox £30K", "£30,000 (aprox)"])
def test_the_papers_aprox_is_read_as_the_figure_it_states(text):
    assert parse_pence(text) == 30_000_00
    assert parse_cost(text).min_pence == parse_cost(text).max_pence == 30_000_00
    assert approximate_figure(text)[1].startswith("aprox")


def test_a_word_that_is_not_approximate_is_still_refused():
    with pytest.raises(ValueError, match="is not an amount of money"):
        parse_pence("£30K appro")
