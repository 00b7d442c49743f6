"""A scale typed as a percentage with decimals is shown as that percentage, not as a fraction of thousands.

Seen: "33.333%" typed as Commissioning's scale of a project was shown as "33333/100000" in the Scale column, in Edit >
Undo ("Scale Thirds test to 33333/100000"), on the board's table and in a copy for Excel ("0 33333/100000"). A
scale of a few parts (1/3, 1/10, 3/8) is shown as before.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.scales import Scale, parse_scale


@pytest.mark.parametrize("typed, shown", [("33.333%", "33.333%"), ("50.5%", "50.5%"), ("0.5%", "0.5%"),
                                          ("12.25%", "12.25%"), ("0.33333", "33.333%")])
def test_a_percentage_with_decimals_is_shown_as_typed(typed, shown):
    scale = parse_scale(typed)
    assert scale.describe() == shown
    assert scale.for_excel() == shown
    assert parse_scale(scale.describe()) == scale  # read back as the same scale (a copy pasted back)


@pytest.mark.parametrize("typed, shown", [("1/3", "1/3"), ("10%", "1/10"), ("37.5%", "3/8"), ("2/3", "2/3"),
                                          ("1/7", "1/7"), ("3/100", "3/100")])
def test_a_scale_of_a_few_parts_is_shown_as_a_fraction(typed, shown):
    assert parse_scale(typed).describe() == shown


def test_amounts_months_and_whole_are_as_before():
    assert Scale(6, 12, months=True).describe() == "6 of 12 months"
    assert Scale().describe() == "in full"
    assert Scale(0, 1).describe() == "none"
