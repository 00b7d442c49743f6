"""s74: a grant top-sliced by two slices that make the whole (50% and 50%, as a county splitting a grant between two
boards) with odd pence rounded each slice half up: £2,900,692.01 gave each £1,450,346.01, £0.02 more than the grant,
and the remainder "SSP share" was -£0.01, shared as a negative penny. Each slice is now the whole's rounded running
total less the slices before it: the slices and the remainder add up to the grant, none negative, and the first slice
is rounded as it always was (the Performance Reward Grant's £1,450,346)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.domain.allocation import top_slice

HALF = Fraction(1, 2)


def _lines(result) -> dict[str, int]:
    return {line.label: line.amount_pence for line in result.lines}


def test_two_halves_of_an_odd_penny_grant_add_up_to_it():
    lines = _lines(top_slice(2_900_692_01, slices=(("County board", HALF), ("District boards", HALF))))
    assert (lines["County board"], lines["District boards"], lines["SSP share"]) == (1_450_346_01, 1_450_346_00, 0)


def test_the_seed_s_one_slice_is_as_it_was():
    lines = _lines(top_slice(2_900_692_00))
    assert (lines["LSP share"], lines["SSP share"], lines["Retained (10%)"]) == (1_450_346_00, 1_450_346_00, 145_034_60)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 10**10), st.lists(st.fractions(min_value=0, max_value=1, max_denominator=400), max_size=4),
       st.fractions(min_value=0, max_value=1, max_denominator=100), st.integers(1, 12), st.booleans())
def test_slices_remainder_and_shares_add_up_and_none_is_negative(total, parts, retained, partners, whole):
    if sum(parts) > 1:
        parts = [p / (2 * sum(parts)) for p in parts]  # slices of at most the whole
    if whole and parts:
        parts = [*parts, 1 - sum(parts)]  # slices that make the whole, nothing left for the remainder
    result = top_slice(total, slices=[(f"Slice {i}", p) for i, p in enumerate(parts)], retained=retained,
                       partners=partners)
    amounts = [line.amount_pence for line in result.lines]
    assert all(a >= 0 for a in amounts) and all(s >= 0 for s in result.shares_pence)
    assert sum(amounts[1:len(parts) + 2]) == total  # the slices and the remainder
    remainder, kept = amounts[len(parts) + 1], amounts[len(parts) + 2]
    assert sum(result.shares_pence) == remainder - kept
