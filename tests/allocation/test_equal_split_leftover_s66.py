"""Session 66 (alloc): £100,000 split equally between three partnerships (Fixed share 100%, no crime counts typed:
none is wanted) gave no result: "basis: the values add up to zero, so there is nothing to share by: type the
partnerships' basis figures". Whole pounds (or pence) cannot split it equally: 3 × £33,333 leaves £1, which went to the
variable part, and there was nothing to share that by. The fixed fees' leftover (less than one unit for each fixed
unit) is now shared by fixed units, by largest remainder, and said; a real variable part with no figures to share it
by is still refused."""

from __future__ import annotations

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import AllocationError, AllocationOptions, PartnershipInput, allocate_by_formula
from safer_desk.presenters.allocation import summary_text
from safer_desk.services import allocation as service
from tests.cli_run import run


def _rows(units=(1, 1, 1)):
    return [PartnershipInput(name, n, {"basis": Fraction(0)}) for name, n in zip(("Newport", "Caerphilly", "Torfaen"),
                                                                                    units)]


def test_an_equal_split_that_leaves_a_pound_gives_it_to_one_and_says_so():
    result = allocate_by_formula(_rows(), AllocationOptions(pot_pence=100_000_00, fixed_share=Fraction(1)))
    totals = sorted(r.total_pence for r in result.rows)
    assert totals == [33_333_00, 33_333_00, 33_334_00]
    assert sum(totals) == 100_000_00
    odd = next(r for r in result.rows if r.total_pence == 33_334_00)
    said = " ".join(result.notes)
    assert "£1" in said and odd.name in said and "fixed units" in said, said
    assert "No result yet" not in summary_text(result)
    assert odd.name in result.explain(odd.name) and "£1" in result.explain(odd.name)


def test_the_leftover_goes_by_fixed_units_in_pence_too():
    result = allocate_by_formula(_rows((1, 2, 3)), AllocationOptions(pot_pence=100_000_00, fixed_share=Fraction(1),
                                                                     unit="penny"))
    assert sum(r.total_pence for r in result.rows) == 100_000_00
    # £16,666.67 a unit would come to £100,000.02: rounded down to £16,666.66, it leaves 4p, shared 1 : 2 : 3
    assert [r.fixed_pence for r in result.rows] == [16_666_66, 33_333_32, 49_999_98]
    assert [r.variable_pence for r in result.rows] == [1, 1, 2]


def test_a_set_amount_a_unit_that_leaves_a_pound_is_shared_the_same_way():
    result = allocate_by_formula(_rows(), AllocationOptions(pot_pence=100_000_00, fixed_per_unit_pence=33_333_00))
    assert sorted(r.total_pence for r in result.rows) == [33_333_00, 33_333_00, 33_334_00]


def test_a_real_variable_part_with_no_figures_is_still_refused():
    with pytest.raises(AllocationError, match="nothing to share by"):
        allocate_by_formula(_rows(), AllocationOptions(pot_pence=100_000_00, fixed_share=Fraction(1, 2)))
    with pytest.raises(AllocationError, match="nothing to share by"):
        allocate_by_formula(_rows(), AllocationOptions(pot_pence=100_000_00, fixed_per_unit_pence=30_000_00))


def test_the_command_line_splits_it(capsys, tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis\nNewport,1,0\nCaerphilly,1,0\nTorfaen,1,0\n", encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--pot", "100000", "--fixed-share", "100%")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-1] == "Totals,3,0,0.00,99999,1,100000,,"
    assert sorted(line.split(",")[6] for line in lines[1:-1]) == ["33333", "33333", "33334"]


def test_the_saved_scenario_reads_back_the_same(store):
    options = AllocationOptions(pot_pence=100_000_00, fixed_share=Fraction(1))
    scenario_id = service.save_scenario(store, "Equal shares", "2026/27", _rows(), options)
    assert sum(t[3] for t in service.load_scenario(store, scenario_id).saved_totals.values()) == 100_000_00


def test_the_board_report_says_what_the_pound_left_was_shared_by(store):
    from safer_desk.services.report_sections.allocation import allocation_section

    options = AllocationOptions(pot_pence=100_000_00, fixed_share=Fraction(1))
    scenario_id = service.save_scenario(store, "Equal shares", "2026/27", _rows(), options)
    first = allocation_section(service.load_scenario(store, scenario_id)).paragraphs[0]
    assert "the remaining £1 is shared by fixed units" in first, first
    assert "in proportion to" not in first, first
