"""A set amount per unit, the fixed part with no units, and `top-slice --vary ±20` (s49).

1. `--fixed-share '£30,000.49'` in whole pounds gave every unit £30,000.49, and the odd-pence warning blamed the pot.
   The guide says the amount per unit is rounded to the unit, as a share of the pot is: a set amount is now rounded
   half up to the unit (down, when up would come to more than the pot), and the notes say so, in the window and on
   the command line alike (both call ``allocate_by_formula``).
2. A set amount with no partnership having a fixed unit gave everyone £0 fixed and said nothing, while a share was
   refused: both are refused the same way now. A set £0 asks for no fixed part and is split as it is.
3. `top-slice --vary ±20` was a usage error though the Scenario ±% field reads "±20", as `--damping ±5` is read:
   --vary now reads it with the same reader (``allocation_workbench.damping_limit``).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.domain.allocation import AllocationError, AllocationOptions, PartnershipInput, allocate_by_formula
from safer_desk.services import allocation_workbench as bench
from tests.cli_run import run

SUFFOLK = ("partnership,fixed_units,basis,previous\nBabergh,1,2442,70725\nIpswich,1,7937,160607\n"
           "Waveney,1,4857,113832\nSuffolk Coastal,1,3324,86775\nWest,3,8335,223181\n")
NO_UNITS = "partnership,fixed_units,basis\nA,0,5\nB,0,10\n"


@pytest.fixture
def suffolk(tmp_path):
    path = tmp_path / "suffolk.csv"
    path.write_text(SUFFOLK, encoding="utf-8")
    return path


@pytest.fixture
def no_units(tmp_path):
    path = tmp_path / "zu.csv"
    path.write_text(NO_UNITS, encoding="utf-8")
    return path


def _suffolk_rows() -> list[PartnershipInput]:
    return [PartnershipInput(name, units, {"basis": Fraction(basis)}, previous * 100) for name, units, basis, previous
            in (("Babergh", 1, 2442, 70725), ("Ipswich", 1, 7937, 160607), ("Waveney", 1, 4857, 113832),
                ("Suffolk Coastal", 1, 3324, 86775), ("West", 3, 8335, 223181))]


# -- 1. a set amount per unit is rounded to the unit ----------------------------------------------------------------

def test_a_set_amount_with_pence_is_rounded_to_whole_pounds_and_the_command_says_so(capsys, suffolk):
    code, out, err = run(capsys, "allocate", suffolk, "--pot", "589608", "--fixed-share", "£30,000.49")
    assert code == 0, err
    lines = out.splitlines()
    fixed = [line.split(",")[4] for line in lines[1:]]
    assert fixed == ["30000", "30000", "30000", "30000", "90000", "210000"]
    assert lines[-1].split(",")[6] == "589608"
    assert "odd" not in err and "pence over" not in err  # the pot has no pence: it is not to blame
    assert ("safer-desk: note: The set amount of £30,000.49 a unit was rounded half up to whole pounds: £30,000 a "
            "unit.") in err


def test_the_window_rounds_a_set_amount_as_the_command_does():
    state = bench.WorkState(tuple(_suffolk_rows()), AllocationOptions(pot_pence=589_608_00))
    typed = bench.with_option(state, "fixed_share", "£30,000.49")
    assert typed.options.fixed_per_unit_pence == 30_000_49  # the field keeps what was typed
    result, why = typed.calculate()
    assert why == "" and result is not None
    assert result.fixed_per_unit_pence == 30_000_00 and result.row("West").fixed_pence == 90_000_00
    assert result.total_pence == 589_608_00 and not result.warnings
    assert any("rounded half up to whole pounds: £30,000 a unit" in note for note in result.notes)
    assert "a set £30,000 per unit" in result.explain("Babergh")


def test_a_set_amount_rounds_half_up_and_in_pennies_stays_as_typed():
    half = allocate_by_formula(_suffolk_rows(), AllocationOptions(pot_pence=589_608_00, fixed_per_unit_pence=30_000_50))
    assert half.fixed_per_unit_pence == 30_001_00
    pennies = allocate_by_formula(_suffolk_rows(), AllocationOptions(pot_pence=589_608_00, unit="penny",
                                                                     fixed_per_unit_pence=30_000_49))
    assert pennies.fixed_per_unit_pence == 30_000_49 and not pennies.notes
    whole = allocate_by_formula(_suffolk_rows(),
                                AllocationOptions(pot_pence=589_608_00, fixed_per_unit_pence=30_000_00))
    assert not whole.notes  # nothing rounded, nothing said


def test_a_set_amount_rounded_up_past_the_pot_is_rounded_down_and_said():
    rows = [PartnershipInput("North", 1, {"basis": Fraction(1)}), PartnershipInput("South", 1, {"basis": Fraction(3)})]
    result = allocate_by_formula(rows, AllocationOptions(pot_pence=101_00, fixed_per_unit_pence=50_50))
    assert result.fixed_per_unit_pence == 50_00 and result.variable_total_pence == 1_00
    assert result.total_pence == 101_00
    assert any("£51 a unit would come to more than the pot" in note and "rounded down to £50" in note
               for note in result.notes)


def test_a_set_amount_more_than_the_pot_is_refused_in_the_singular_for_one_unit():
    rows = [PartnershipInput("North", 1, {"basis": Fraction(1)}), PartnershipInput("South", 0, {"basis": Fraction(3)})]
    with pytest.raises(AllocationError) as refused:
        allocate_by_formula(rows, AllocationOptions(pot_pence=100_00, fixed_per_unit_pence=200_00))
    said = str(refused.value)
    assert "(1 unit × £200 = £200)" in said and "with 1 unit the fixed amount can be at most £100 a unit" in said


@settings(max_examples=200, deadline=None)
@given(units=st.lists(st.integers(0, 4), min_size=1, max_size=6), pot=st.integers(0, 10_000_000),
       per_unit=st.integers(0, 3_000_000), unit=st.sampled_from(["pound", "penny"]))
def test_a_set_amount_split_always_adds_up_to_the_pot_in_whole_units(units, pot, per_unit, unit):
    rows = [PartnershipInput(f"P{i}", n, {"basis": Fraction(i + 1)}) for i, n in enumerate(units)]
    options = AllocationOptions(pot_pence=pot, fixed_per_unit_pence=per_unit, unit=unit)
    try:
        result = allocate_by_formula(rows, options)
    except AllocationError as exc:
        said = str(exc)
        assert "smaller than the fixed part" in said or "no partnership has a fixed unit" in said
        return
    assert result.total_pence == pot and all(r.fixed_pence >= 0 and r.variable_pence >= 0 for r in result.rows)
    assert result.fixed_per_unit_pence % options.unit_pence == 0


# -- 2. a fixed part with no fixed units -----------------------------------------------------------------------------

def test_a_set_amount_with_no_fixed_units_is_refused_as_a_share_is(capsys, no_units):
    code, out, err = run(capsys, "allocate", no_units, "--pot", "100", "--fixed-share", "£10")
    assert code == 1 and out == ""
    assert "fixed_units: a fixed amount of £10 a unit was asked for but no partnership has a fixed unit" in err
    assert "or make the fixed share 0" in err
    code, _, err = run(capsys, "allocate", no_units, "--pot", "100", "--fixed-share", "1/3")
    assert code == 1 and "fixed_units: a fixed share was asked for but no partnership has a fixed unit" in err


def test_a_set_amount_of_nothing_with_no_fixed_units_is_split_as_it_is(capsys, no_units):
    code, out, err = run(capsys, "allocate", no_units, "--pot", "100", "--fixed-share", "£0")
    assert code == 0, err
    assert out.splitlines()[-1] == "Totals,0,15,100.00,0,100,100,,"


def test_the_window_refuses_a_set_amount_with_no_fixed_units_too():
    rows = (PartnershipInput("A", 0, {"basis": Fraction(5)}), PartnershipInput("B", 0, {"basis": Fraction(10)}))
    state = bench.with_option(bench.WorkState(rows, AllocationOptions(pot_pence=100_00)), "fixed_share", "£10")
    result, why = state.calculate()
    assert result is None and "no partnership has a fixed unit" in why and "Fixed units" in why


# -- 3. top-slice --vary reads ±20 as --damping reads ±5 -------------------------------------------------------------

@pytest.mark.parametrize("typed", ["±20", "± 20", "+/-20", "+-20%", "20%"])
def test_vary_reads_plus_or_minus_as_the_scenario_field_does(capsys, typed):
    code, said, err = run(capsys, "top-slice", "2900692", "--vary", typed)
    assert code == 0, err
    _, plain, _ = run(capsys, "top-slice", "2900692", "--vary", "20")
    assert said == plain and "each_partner_plus_20pct,174041.52" in said


def test_vary_refuses_what_damping_refuses(capsys, suffolk):
    for typed, why in (("+20", "is not a percentage"), ("±150", "must be between 0% and 100%"),
                       ("±twenty", "is not a percentage")):
        code, _, err = run(capsys, "top-slice", "2900692", "--vary", typed)
        assert code == 2 and "argument --vary: " in err and why in err, err
        code, _, err = run(capsys, "allocate", suffolk, "--pot", "589608", "--damping", typed)
        assert code == 2 and why in err, err
