"""`safer-desk allocate` says what the window says, the command line's way (round 40, cwx).

1. `--damping ±5` was a usage error ("“±5” is not a percentage") though the tab's field, labelled Damping ±%, reads
   "±5" as a limit of 5% either way: both now read it with one parser (``allocation_workbench.damping_limit``).
2. Last year's total not the partnerships' sum ended "(= Sum)" on standard error too: a button only the window has.
   The command line says its own way to take the sum: --previous-total with that figure.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from safer_desk.domain.allocation import AllocationError
from safer_desk.services.allocation_workbench import damping_limit, empty_state, with_option
from tests.cli_run import run

SEED_CSV = Path(__file__).resolve().parent / "suffolk-2009-10-allocation.csv"


@pytest.mark.parametrize("typed", ["±5", "± 5", "+/-5", "+-5%", "5", "5%"])
def test_one_reading_of_a_damping_limit(capsys, typed):
    assert damping_limit(typed, what="Damping") == Fraction(5, 100)
    assert with_option(empty_state(), "damping", typed).options.damping == Fraction(5, 100)
    code, said, err = run(capsys, "allocate", SEED_CSV, "--pot", "589608", "--damping", typed)
    assert code == 0, err
    _, plain, _ = run(capsys, "allocate", SEED_CSV, "--pot", "589608", "--damping", "5")
    assert said == plain


def test_a_damping_limit_that_is_not_one_is_said_as_before(capsys):
    assert damping_limit("", what="Damping") is None
    with pytest.raises(AllocationError, match="^Damping: “five” is not a percentage"):
        damping_limit("±five", what="Damping")
    code, _, err = run(capsys, "allocate", SEED_CSV, "--pot", "589608", "--damping", "±five")
    assert code == 2 and "argument --damping: “five” is not a percentage (try 10 or 10%)." in err
    code, _, err = run(capsys, "allocate", SEED_CSV, "--pot", "589608", "--damping", "±150")
    assert code == 2 and "argument --damping: “150” must be between 0% and 100%." in err


def test_last_years_total_warning_says_the_command_lines_way(capsys):
    code, _, err = run(capsys, "allocate", SEED_CSV, "--previous-total", "655000", "--retain", "10")
    assert code == 0
    assert "= Sum" not in err
    assert err.endswith("Put right the figure that is wrong, or give their sum as last year's total "
                        "(--previous-total 655120).\n"), err
