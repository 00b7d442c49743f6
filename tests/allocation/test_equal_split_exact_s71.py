"""Session 71 (coordinator): an equal split the fixed fees make exactly said it had left £0 that could not be split.

Western Suffolk's E-CINS line (seed 002: "£5,000 (£2,500 per District)"), or £30,000 between three CSPs, as a pot
given with Fixed share 100% and no factor figures: every partnership had its £10,000, and the line above the table
(and the command line's note) said "The fixed fees (3 units × £10,000) leave £0 of the £30,000 pot, which cannot be
split equally in whole pounds, … so it was shared by fixed units (ties go by name): ." — nothing was left, and the
sentence ended on a blank list. Nothing left is nothing to say.
"""

from __future__ import annotations

from fractions import Fraction

from safer_desk.cli import main
from safer_desk.domain.allocation import AllocationOptions, PartnershipInput, allocate_by_formula


def test_an_equal_split_made_exactly_says_nothing_was_left():
    rows = [PartnershipInput(n, 1, {"basis": Fraction(0)}) for n in ("Babergh", "Mid Suffolk", "Forest Heath")]
    result = allocate_by_formula(rows, AllocationOptions(pot_pence=30_000_00, fixed_share=Fraction(1)))
    assert [r.total_pence for r in result.rows] == [10_000_00] * 3
    assert not any("leave" in note for note in result.notes), result.notes
    # A pound it cannot split is still said, with who has it.
    result = allocate_by_formula(rows, AllocationOptions(pot_pence=30_001_00, fixed_share=Fraction(1)))
    assert any("leave £1 of the £30,001 pot" in note and note.endswith("Babergh £1.") for note in result.notes)


def test_the_command_line_says_nothing_of_it_either(tmp_path, capsys):
    csv = tmp_path / "districts.csv"
    csv.write_text("partnership,fixed_units,basis\nBabergh,1,0\nMid Suffolk,1,0\n", encoding="utf-8")
    assert main(["allocate", str(csv), "--pot", "5000", "--fixed-share", "100%"]) == 0
    out, err = capsys.readouterr()
    assert "Babergh,1,0,0.00,2500,0,2500,," in out.splitlines()
    assert err == ""
