"""A set amount per unit that, as typed, comes to more than the pot is refused in whole pounds as in pennies (the
guide: a pot smaller than the fixed part stops the command): `--pot 1000 --fixed-share £142.87` over 7 units
(£1,000.09) was cut to £142 a unit with a note and exit 0, where `--unit penny` refused it. A set amount that fits
the pot as typed and only rounds up past it is still rounded down and said."""

from __future__ import annotations

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import AllocationError, AllocationOptions, PartnershipInput, allocate_by_formula
from tests.allocation.test_allocation_cli_s49 import suffolk  # noqa: F401 (fixture)
from tests.cli_run import run


def _seven_units() -> list[PartnershipInput]:
    return [PartnershipInput(f"P{i}", units, {"basis": Fraction(i + 1)}) for i, units in enumerate((1, 1, 1, 1, 3))]


@pytest.mark.parametrize("unit", ["pound", "penny"])
def test_a_set_amount_past_the_pot_as_typed_is_refused_whatever_the_unit(unit):
    with pytest.raises(AllocationError) as refused:
        allocate_by_formula(_seven_units(), AllocationOptions(pot_pence=1_000_00, fixed_per_unit_pence=142_87,
                                                              unit=unit))
    assert "the pot (£1,000) is smaller than the fixed part (7 units × £142.87 = £1,000.09)" in str(refused.value)


def test_the_command_refuses_it(capsys, suffolk):  # noqa: F811
    code, _out, err = run(capsys, "allocate", suffolk, "--pot", "1000", "--fixed-share", "£142.87")
    assert code == 1 and "smaller than the fixed part (7 units × £142.87 = £1,000.09)" in err, err


def test_one_that_fits_as_typed_is_still_rounded_down_and_said():
    result = allocate_by_formula(_seven_units(), AllocationOptions(pot_pence=1_000_00, fixed_per_unit_pence=142_80))
    assert result.fixed_per_unit_pence == 142_00 and result.total_pence == 1_000_00
    assert any("rounded down to £142" in note for note in result.notes)
