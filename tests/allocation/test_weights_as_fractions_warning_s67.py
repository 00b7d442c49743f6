"""s67: factor weights typed as fractions of one (Oxfordshire's 0.5, 0.25 and 0.2, one short) were said to "add up to
0.95 (0.5 + 0.25 + 0.2), not 100", as if a county lead should have typed them to add up to 100; weights typed as
fractions are to add up to 1, and the warning now says so (weights typed as percentages still "not 100")."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import Factor, allocate_by_formula, weight_warning
from tests.allocation.seed import options, partnerships
from tests.cli_run import run

CSV = "partnership,fixed_units,population,crime,demand\nCherwell,0,150000,3000,1000\nOxford,0,150000,7000,3000\n"


def test_weights_typed_as_fractions_are_said_to_add_up_to_1():
    factors = (Factor("population", Fraction(1, 2)), Factor("crime", Fraction(1, 4)), Factor("demand", Fraction(1, 5)))
    assert weight_warning(factors) == ("The factor weights add up to 0.95 (0.5 + 0.25 + 0.2), not 1: each was scaled "
                                       "in proportion, to population 52.63%, crime 26.32%, demand 21.05%.")
    more = (Factor("population", Fraction(3, 5)), Factor("crime", Fraction(3, 5)))
    assert "add up to 1.2 (0.6 + 0.6), not 1:" in weight_warning(more)


def test_weights_typed_as_percentages_are_still_said_to_add_up_to_100():
    assert "add up to 80 (50 + 30), not 100:" in weight_warning((Factor("crime", Fraction(50)),
                                                                 Factor("population", Fraction(30))))
    mixed = (Factor("crime", Fraction(50)), Factor("population", Fraction(1, 2)))  # one typed each way
    assert "not 100:" in weight_warning(mixed)


def test_the_command_line_says_it_too(capsys, tmp_path):
    path = tmp_path / "oxfordshire.csv"
    path.write_text(CSV, encoding="utf-8")
    code, _, err = run(capsys, "allocate", path, "--pot", "1000000", "--factor", "population=0.5", "--factor",
                       "crime=0.25", "--factor", "demand=0.2")
    assert code == 0, err
    assert "add up to 0.95 (0.5 + 0.25 + 0.2), not 1:" in err, err
    result = allocate_by_formula(partnerships(), options(factors=(Factor("basis", Fraction(1, 2)),)))
    assert result.warnings == ("The factor basis has the weight 0.5; as the only factor it was counted as 100%.",)
