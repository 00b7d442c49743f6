"""The allocation, round 32 (review rv1): the note that a damping limit whole pounds cannot keep, tried further.

1. When the pot fell by more than the limit, the limit is widened to the pot's own fall and every partnership sits
   at its edge, which whole pounds cannot all keep. The note then advised "Choose pence as the rounding unit to keep
   the limit exactly", but in pence two partnerships were still a fraction of a penny beyond it (the Suffolk CSV,
   pot £400,000, damping 10%): the advice is given only when pence keep the limit.
2. With many partnerships at a widened edge the note named every one with its figures (18 of 40 in one paragraph on
   the window's line above the table and in the board report's notes): all are named, the first three with their
   figures.
"""

from fractions import Fraction
from pathlib import Path

from safer_desk.cli import main
from safer_desk.domain.allocation import AllocationOptions, PartnershipInput, allocate_by_formula

SUFFOLK = Path(__file__).with_name("suffolk-2009-10-allocation.csv")


def test_pence_are_not_advised_when_they_would_not_keep_a_widened_limit(capsys):
    assert main(["allocate", str(SUFFOLK), "--pot", "400000", "--damping", "10"]) == 0
    err = capsys.readouterr().err
    assert "widened to ±38.94%" in err and "Ipswich has £98,062" in err
    assert "Choose pence" not in err, err
    assert main(["allocate", str(SUFFOLK), "--pot", "400000", "--damping", "10", "--unit", "penny"]) == 0
    assert "Ipswich has £98,062.64" in capsys.readouterr().err  # pence do not keep it either


def test_pence_are_still_advised_when_they_keep_the_limit():
    rows = [PartnershipInput("Ash", 1, {"basis": Fraction(2_848)}, 23_248_50),
            PartnershipInput("Birch", 1, {"basis": Fraction(6_067)}, 66_951_50)]
    result = allocate_by_formula(rows, AllocationOptions(pot_pence=90_200_00, damping=Fraction(0)))
    assert "Choose pence as the rounding unit to keep the limit exactly." in " ".join(result.notes)


def test_many_partnerships_beyond_a_widened_edge_are_counted_not_all_listed():
    rows = [PartnershipInput(f"Partnership {i:02}", 1, {"basis": Fraction(1_000 + 37 * i)}, 10_000_00 + 1_234_57 * i)
            for i in range(40)]
    result = allocate_by_formula(rows, AllocationOptions(pot_pence=sum(r.previous_pence for r in rows) * 6 // 10 // 100
                                                         * 100, damping=Fraction(1, 10)))
    said = next(n for n in result.notes if "cannot be kept exactly" in n)
    assert said.count(" has £") == 3, said
    assert " more partnerships likewise" in said and len(said) < 1000, said
