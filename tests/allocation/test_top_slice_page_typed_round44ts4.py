"""Round 44 (ts4): the Top-slice page reads its *Scenario ±%* as the Damping ±% field reads its own.

"±20" typed in the field labelled *Scenario ±%* was refused as "not a percentage (try 10 or 10%)", though the
Allocation page's *Damping ±%* takes "±5"; it is now ±20%, as "20" is. A blank *Equal shares* was refused as
"“” is not a whole number"; it now says nothing was given, as a blank *First slice %* does.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.allocation import top_slice_rows

PRG = {"total": "£2,900,692", "slice": "50", "slice_label": "LSP share", "retained": "10", "partners": "9",
       "scenario": "20"}


@pytest.mark.parametrize("typed", ["±20", "± 20%", "+/-20"])
def test_scenario_typed_with_its_sign_is_the_same_scenario(typed):
    rows, problem = top_slice_rows({**PRG, "scenario": typed}, "SSP share")
    assert problem == "" and rows == top_slice_rows(PRG, "SSP share")[0]
    assert dict(rows)["Each plus 20%"] == 174_041_52


def test_a_blank_equal_shares_says_nothing_was_given():
    rows, problem = top_slice_rows({**PRG, "partners": "  "}, "SSP share")
    assert rows == [] and problem == "⚠ Equal shares: nothing was given.", problem
