"""With two-decimal percentages and damping, the note ended "That was before damping, which then moved amounts between
partnerships: where any odd pence end up is said below." when there were no odd pence to say anything of (a pot of
£600,001 in whole pounds; any pot in pennies): the officer looked below for a line that was not there. The note now
says where the odd pence end up only when there are some, and still says the rounding was before damping."""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from tests.allocation.test_damping_odd_pence_s49 import CSV


@pytest.mark.parametrize(("pot", "unit", "moved"), [("600001", "pound", "£1 was added in steps of £1"),
                                                    ("500000", "penny", "£0.01 was added in steps of 1p")])
def test_no_odd_pence_are_promised_below_when_there_are_none(capsys, pot, unit, moved):
    assert main(["allocate", str(CSV), "--pot", pot, "--fixed-share", "1/3", "--rounding", "percent-2dp",
                 "--unit", unit, "--damping", "5"]) == 0
    err = capsys.readouterr().err
    assert (f"{moved} by largest remainder so that the allocation adds up exactly to the pot. That was before "
            "damping, which then moved amounts between partnerships.\n") in err, err
    assert "odd pence" not in err and "has the odd" not in err, err
