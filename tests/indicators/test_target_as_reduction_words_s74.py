"""Session 74 (figures): Indicator and Target… with a board paper's target typed as the paper words it, "5% reduction"
for All crime (a count), was refused "“5% reduction” is not a target figure (try a form like 1,234 or 88.9)", though
"-5%" was answered with what to do (give the figure it comes to). A count's or rate's target with a % anywhere in it
is answered so: the percentage is the change, the target the figure it comes to."""

from __future__ import annotations

import pytest

from safer_desk.presenters.indicators import target_figure


@pytest.mark.parametrize("typed", ["5% reduction", "reduce by 5%", "-5% on last year", "-5%"])
def test_a_reduction_typed_for_a_counts_target_says_to_give_the_figure_it_comes_to(typed):
    value, problem, _ = target_figure(typed, "count")
    assert value is None
    assert problem.startswith(f"“{typed}” is a percentage, but this indicator is a count: give the target as the "
                              "figure it comes to"), problem


def test_a_percentages_target_with_its_sign_is_read_as_before():
    assert target_figure("28%", "percentage")[0] == 28
    assert target_figure("5% reduction", "percentage")[0] is None  # not a figure: refused, as before
