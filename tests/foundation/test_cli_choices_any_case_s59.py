"""An option's word typed as the window writes it was refused (session 59).

`safer-desk screenshot OUT.png --tab Costs` (the tab is called "Costs"), `allocate … --rounding Exact --unit Pound`
and `conflicts COUNTY --keep County` stopped with "invalid choice" (and `--conflict DHR-Share` with "is not a
conflict"), though every name the commands read (a fund, a plan, an area, an award) is read in any case and
spacing. The words of a choice are read the same way; a word that is none of them is still refused, naming the
option and the choices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_run import run

ALLOCATION = Path(__file__).resolve().parents[2] / "resources" / "example" / "suffolk-2009-10-allocation.csv"


def _allocate(capsys, *options):
    return run(capsys, "allocate", ALLOCATION, "--previous-total", "655120", "--retain", "10", "--fixed-share",
               "1/3", *options)


def test_rounding_and_unit_typed_with_capitals_read_as_in_lower_case(capsys):
    code, out, err = _allocate(capsys, "--rounding", "Percent-2DP", "--unit", " Pound ")
    assert (code, err) == (0, "")
    assert out == _allocate(capsys, "--rounding", "percent-2dp", "--unit", "pound")[1]
    assert out.splitlines()[1] == "Babergh,1,2442,9.08,28077,35691,63768,70725,-6957"  # the seed 000 table


def test_keep_typed_with_a_capital_decides_as_in_lower_case(tmp_path, capsys):
    office = tmp_path / "office.sqlite"
    assert run(capsys, "demo", office)[0] == 0
    lower = run(capsys, "conflicts", office, "--keep", "county")
    assert lower[0] == 1 and "no open conflict matches" in lower[2]  # what a file with none says
    assert run(capsys, "conflicts", office, "--keep", "County") == lower


@pytest.mark.parametrize("typed", ["DHR-Share", " dhr-share ", "Indicator-Figure"])
def test_a_conflict_group_typed_with_capitals_reads_as_listed(tmp_path, capsys, typed):
    office = tmp_path / "office.sqlite"
    assert run(capsys, "demo", office)[0] == 0
    listed = typed.strip().lower()
    code, _, err = run(capsys, "conflicts", office, "--keep", "county", "--conflict", typed)
    assert (code, err.strip()) == (1, f"safer-desk: no open conflict matches '{listed}'.")


def test_a_word_that_is_no_choice_is_still_refused_naming_the_option(capsys):
    code, out, err = _allocate(capsys, "--unit", "guinea")  # ("pence" is the penny since session 69)
    assert code == 2 and out == ""
    assert err.strip().splitlines()[-1] == ("safer-desk allocate: error: argument --unit: invalid choice: 'guinea' "
                                            "(choose from 'pound', 'penny')")


@pytest.mark.parametrize("tab", ["Costs", "COSTS", "costs "])
def test_a_tab_named_as_the_window_names_it_is_drawn(tmp_path, capsys, tab):
    out = tmp_path / "costs.png"
    code, stdout, err = run(capsys, "screenshot", out, "--tab", tab, "--size", "1093x582", "--demo")
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(b"\x89PNG")
