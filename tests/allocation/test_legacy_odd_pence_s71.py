"""Session 71 (coordinator): with the county's legacy rounding, a variable part with odd pence whose two-decimal
amounts came to more than it was said twice, one way and the other.

Oxfordshire's five partnerships, last year £550,000.50 less 10% (£495,000.50; variable £345,000.50), shares to
0.01%: the amounts at the printed percentages came to £345,001, and the note said "£0.50 was taken away (the odd
50p from Cherwell)" while the warning under it said "Cherwell has the odd 50p (the furthest below its exact share)".
Cherwell was the furthest above its exact share (21.67% printed for 21.6669%): that is why it gave back. The whole
pound over is now taken away by the rule for whole pounds, and the odd pence are added, as for every other pot, to
the one furthest below its exact share (Oxford: 30.27% printed for 30.2749%), which the warning then names truly.
"""

from __future__ import annotations

from fractions import Fraction

from safer_desk.cli import main
from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput, allocate_by_formula

OXON = [("Cherwell", 149_100, 9_876, 1_234, 112_345_67), ("Oxford", 159_600, 15_432, 2_345, 180_000_00),
        ("South Oxfordshire", 140_500, 6_543, 987, 95_500_50), ("Vale of White Horse", 133_700, 5_987, 876, 90_000_00),
        ("West Oxfordshire", 110_600, 4_321, 654, 72_154_33)]


def _result():
    rows = [PartnershipInput(n, 1, {"Population": Fraction(p), "Crime": Fraction(c), "Demand": Fraction(d)}, prev)
            for n, p, c, d, prev in OXON]
    options = AllocationOptions(previous_total_pence=550_000_50, retain=Fraction(1, 10),
                                fixed_per_unit_pence=30_000_00, rounding="percent-2dp", unit="pound",
                                factors=(Factor("Population", Fraction(50)), Factor("Crime", Fraction(25)),
                                         Factor("Demand", Fraction(25))))
    return allocate_by_formula(rows, options)


def test_the_odd_pence_go_to_the_one_furthest_below_its_exact_share_and_are_said_so():
    result = _result()
    variable = {r.name: r.variable_pence for r in result.rows}
    assert sum(variable.values()) == result.variable_total_pence == 345_000_50
    assert variable == {"Cherwell": 74_761_00, "Oxford": 104_432_50, "South Oxfordshire": 62_307_00,
                        "Vale of White Horse": 57_891_00, "West Oxfordshire": 45_609_00}
    note = next(n for n in result.notes if "two-decimal percentages" in n)
    assert "£1 was taken away in steps of £1 by largest remainder, and the odd 50p added to Oxford" in note
    assert "from Cherwell" not in note
    odd = next(w for w in result.warnings if "pence over" in w)
    assert "Oxford has the odd 50p (the furthest below its exact share)" in odd


def test_the_command_line_says_the_same(tmp_path, capsys):
    csv = tmp_path / "oxon.csv"
    csv.write_text("partnership,fixed_units,Population,Crime,Demand,previous\n" + "".join(
        f"{n},1,{p},{c},{d},{prev // 100}.{prev % 100:02d}\n" for n, p, c, d, prev in OXON), encoding="utf-8")
    assert main(["allocate", str(csv), "--previous-total", "550000.50", "--retain", "10", "--fixed-share", "£30,000",
                 "--factor", "Population=50", "--factor", "Crime=25", "--factor", "Demand=25",
                 "--rounding", "percent-2dp"]) == 0
    out, err = capsys.readouterr()
    assert "Oxford,1,,30.27,30000,104432.50,134432.50,180000,-45567.50" in out.splitlines()
    assert "Oxford has the odd 50p (the furthest below its exact share)" in err and "Cherwell has" not in err
