"""Session 71 (coordinator): the note naming who whole pounds could not keep within a widened damping limit read as
untrue.

Oxfordshire's five, last year £550,000.50 less 10% retained (£495,000.50), damping ±5%: the pot fell 9.99991%, so
the limit was widened to that, said "±10%". The note went on "the ±10% damping limit cannot be kept exactly for …
Oxford has £162,000 (last year £180,000)": exactly 10% down, inside ±10% as the board reads it. Each one named now
has the limit's edge beside it in money, to the penny inside the limit ("the limit's least is £162,000.02"), so what
is off, and by how much, is read off the note.
"""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput, allocate_by_formula
from tests.allocation.test_legacy_odd_pence_s71 import OXON


def test_each_one_off_the_limit_is_said_with_the_edge_it_is_off():
    rows = [PartnershipInput(n, 1, {"Population": Fraction(p), "Crime": Fraction(c), "Demand": Fraction(d)}, prev)
            for n, p, c, d, prev in OXON]
    options = AllocationOptions(previous_total_pence=550_000_50, retain=Fraction(1, 10), fixed_per_unit_pence=30_000_00,
                                factors=(Factor("Population", Fraction(50)), Factor("Crime", Fraction(25)),
                                         Factor("Demand", Fraction(25))), damping=Fraction(1, 20))
    result = allocate_by_formula(rows, options)
    said = next(n for n in result.notes if "cannot be kept exactly" in n)
    totals = {r.name: r.total_pence for r in result.rows}
    assert totals["Oxford"] == 162_000_00
    assert "Oxford has £162,000 (last year £180,000; the limit's least is £162,000.02)" in said
    assert "Cherwell has £101,111 (last year £112,345.67; the limit's least is £101,111.12)" in said
    # The edge said is inside the limit, and the one named is off it.
    low = 180_000_00 * (1 - result.damping_limit)
    assert totals["Oxford"] < low <= 162_000_02 and 162_000_01 < low
