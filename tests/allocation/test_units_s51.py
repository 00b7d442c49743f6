"""Fixed units past any partnership's (round 51): 2**63 typed in a cell was taken, and Save then ended in an
OverflowError no one was shown; a billion units turned a third of the pot into £0 a unit without a word."""

from __future__ import annotations

import pytest

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput, allocate_by_formula
from safer_desk.services import allocation as service


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


@pytest.mark.parametrize("typed", ["9223372036854775808", "1,000,000,000", "10001"])
def test_fixed_units_past_any_partnerships_are_refused_in_the_tab(tab, prompts, typed):
    before = tab.state
    assert not tab.edit_input(0, "fixed_units", typed)
    assert tab.state == before
    assert prompts.errors and "10,000" in prompts.errors[-1][1], prompts.errors


def test_fixed_units_past_any_partnerships_are_refused_by_allocate(tmp_path):
    sheet = tmp_path / "in.csv"
    sheet.write_text("partnership,fixed_units,basis\nA,1,10\nB,99999999999999999999,20\n", encoding="utf-8")
    with pytest.raises(service.AllocationError) as refused:
        service.read_input_csv(sheet)
    assert "row 3" in str(refused.value) and "10,000" in str(refused.value), refused.value


def test_a_fixed_share_that_rounds_to_nothing_a_unit_is_said():
    from fractions import Fraction

    options = AllocationOptions(pot_pence=100_00, retain=Fraction(0), fixed_share=Fraction(1, 3))
    result = allocate_by_formula([PartnershipInput("A", 9_000, {"basis": Fraction(1)}),
                                  PartnershipInput("B", 1_000, {"basis": Fraction(3)})], options)
    assert result.fixed_per_unit_pence == 0
    assert any("£0" in note and "no fixed part" in note for note in result.notes), result.notes
    assert sum(r.total_pence for r in result.rows) == 100_00
