"""Round 44 (ts4): the damping note counts the partnerships it does not name as a board paper would.

Suffolk 2009/10 with last year's total given as £650,000 less 10% and ±5% damping names three partnerships whose
limit whole pounds cannot keep and counted the fourth as "and 1 more partnerships likewise"; it now reads "and 1 more partnership likewise".
"""

from __future__ import annotations

from pathlib import Path

from tests.cli_run import run

CSV = Path(__file__).with_name("suffolk-2009-10-allocation.csv")


def test_one_partnership_more_is_said_in_the_singular(capsys):
    code, _, err = run(capsys, "allocate", CSV, "--previous-total", "650000", "--retain", "10", "--damping", "5")
    assert code == 0, err
    assert "; and 1 more partnership likewise," in err, err
