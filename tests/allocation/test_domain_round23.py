"""The allocation formula, round 23: how damping is explained, row by row."""

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput, allocate_by_formula


def damped():
    # A's formula is £200,000 against £100,000 last year: held to +10%, its £90,000 met by the others. B and C
    # are raised to their own bands and beyond; D, new this year, is not limited and takes the rest.
    rows = [PartnershipInput("A", 0, {"basis": 60}, 100_000_00), PartnershipInput("B", 0, {"basis": 25}, 100_000_00),
            PartnershipInput("C", 0, {"basis": 15}, 100_000_00), PartnershipInput("D", 0, {"basis": 20})]
    return allocate_by_formula(rows, AllocationOptions(pot_pence=400_000_00, damping=Fraction(1, 10)))


def test_a_partnership_held_at_the_limit_is_said_to_be():
    result = damped()
    assert result.row("A").damping_pence == -90_000_00
    assert "less £90,000 so that its change from last year stays within the ±10% damping limit" in result.explain("A")


def test_a_new_partnership_meeting_the_difference_is_not_said_to_be_held_within_a_change_from_last_year():
    result = damped()
    assert result.row("D").damping_pence == 23_333_00
    text = result.explain("D")
    assert "so that its change from last year stays within" not in text
    assert "plus £23,333, its part of the difference met by the others under the ±10% damping limit" in text


def test_a_raise_beyond_its_own_band_says_which_part_meets_the_difference():
    result = damped()
    b = result.row("B")  # formula £83,333 (-16.7%): £6,667 brings it to -10%, the rest is A's money
    assert (b.formula_pence, b.damping_pence, b.total_pence) == (83_333_00, 26_667_00, 110_000_00)
    text = result.explain("B")
    assert ("plus £26,667 under the ±10% damping limit: £6,667 to bring its change from last year within it and "
            "£20,000 as its part of the difference met by the others") in text
    assert sum(result.row(n).damping_pence for n in "ABCD") == 0
