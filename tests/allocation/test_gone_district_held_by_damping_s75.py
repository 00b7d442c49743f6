"""Waveney and Suffolk Coastal became East Suffolk in 2019. A coordinator who keeps the two old rows for last year's
figures (no fixed units, nothing on any factor) and adds East Suffolk with damping at ±5% saw the two districts that
no longer exist held at 95% of last year (£108,141 and £82,437 of a £300,000 pot) and East Suffolk left £42,233,
with nothing said (session 75). The split stays as damping makes it (a district that still exists with no figures
keeps its band); the warning under the table now names them and says what to do if they no longer exist."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput, allocate_by_formula


def _suffolk(old_units: int = 0) -> list[PartnershipInput]:
    return [PartnershipInput("Babergh", 1, {"basis": Fraction(2442)}, 7072500),
            PartnershipInput("Waveney", old_units, {"basis": Fraction(0)}, 11383200),
            PartnershipInput("Suffolk Coastal", old_units, {"basis": Fraction(0)}, 8677500),
            PartnershipInput("East Suffolk", 2, {"basis": Fraction(8181)}, None)]


def _allocate(partnerships):
    return allocate_by_formula(partnerships, AllocationOptions(pot_pence=30000000, fixed_share=Fraction(1, 3),
                                                               damping=Fraction(1, 20)))


def test_districts_with_nothing_held_up_by_damping_are_named():
    result = _allocate(_suffolk())
    assert sum(r.total_pence for r in result.rows) == 30000000
    assert [r.total_pence for r in result.rows if r.name in ("Waveney", "Suffolk Coastal")] == [10814100, 8243700]
    said = [w for w in result.warnings if "no longer exist" in w]
    assert said == ["Waveney and Suffolk Coastal have no fixed units and nothing on any factor, so the formula gives "
                    "them nothing, yet damping keeps them near last year (£108,141 and £82,437 of the pot). If they no "
                    "longer exist (merged into another partnership), leave their rows out and add last year's "
                    "figures into the partnership that took them over."]


def test_a_district_with_a_fixed_unit_is_not_named():
    result = _allocate(_suffolk(old_units=1))
    assert not [w for w in result.warnings if "no longer exist" in w]


def test_without_damping_nothing_is_said():
    result = allocate_by_formula(_suffolk(), AllocationOptions(pot_pence=30000000, fixed_share=Fraction(1, 3)))
    assert not [w for w in result.warnings if "no longer exist" in w]
    assert [r.total_pence for r in result.rows if r.name in ("Waveney", "Suffolk Coastal")] == [0, 0]
