"""Session 73: with the county's legacy rounding (shares to 0.01%) a partnership with nothing to share by was given
money.

A pot of £985.95 split by crime between "Nil CSP" (0 crimes, 0.00%) and "Busy CSP" (2 crimes, 100.00%), in whole
pounds: Busy's 100.00% of £985.95 rounds to £986, 5p over, so £1 was taken from it and the odd 95p went to Nil CSP,
chosen as "the furthest below its exact share" before the pound was taken (it was at its share, £0; Busy was above
it). The allocation read Nil CSP £0.95 and Busy CSP £985.00, and the warning said Nil CSP has the odd 95p. The odd
pence now go to the one furthest below its exact share once the whole pounds are put right (Busy, £985.95), and a
whole pound added goes to a partnership with a share, as exact shares have always done. The Redistribute page shared
money back the same way (seed 000's retained money, by the printed percentages since this session).
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings, strategies as st

from safer_desk.domain.allocation import (AllocationOptions, PartnershipInput, allocate_by_formula,
                                          redistribute_uncommitted)


def _split(counts, pot_pence, unit="pound", rounding="percent-2dp"):
    rows = [PartnershipInput(f"P{i}", 1, {"basis": c}, None) for i, c in enumerate(counts)]
    return allocate_by_formula(rows, AllocationOptions(pot_pence=pot_pence, fixed_share=Fraction(0),
                                                       rounding=rounding, unit=unit))


def test_a_partnership_with_no_crime_gets_none_of_the_pot():
    rows = [PartnershipInput("Nil CSP", 1, {"basis": 0}, None), PartnershipInput("Busy CSP", 1, {"basis": 2}, None)]
    result = allocate_by_formula(rows, AllocationOptions(pot_pence=985_95, fixed_share=Fraction(0),
                                                         rounding="percent-2dp", unit="pound"))
    assert {r.name: r.variable_pence for r in result.rows} == {"Nil CSP": 0, "Busy CSP": 985_95}
    assert "Busy CSP has the odd 95p" in " ".join(result.warnings)
    assert "Nil CSP" not in " ".join((*result.notes, *result.warnings))


def test_nor_of_the_money_shared_back():
    result = _split([0, 2], 1_000_00)
    assert redistribute_uncommitted(985_95, result) == {"P0": 0, "P1": 985_95}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=2, max_size=9).filter(lambda c: any(c) and not all(c)),
       st.integers(1, 10**8), st.integers(0, 10**8), st.sampled_from(["pound", "penny"]))
def test_no_share_no_money_under_the_legacy_rounding(counts, pot, amount, unit):
    result = _split(counts, pot, unit)
    assert sum(r.variable_pence for r in result.rows) == pot
    shares = redistribute_uncommitted(amount, result)
    assert sum(shares.values()) == amount
    for r in result.rows:
        if r.weight == 0:
            assert r.variable_pence == 0 and shares[r.name] == 0, (r.name, counts)
