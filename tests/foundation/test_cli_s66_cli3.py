"""The command line as a district officer's monthly script meets it (s66, cli3).

1. `safer-desk population FILE Ipswhich 2025/26 140000` (a letter slipped) said only "FILE has no area named
   “Ipswhich” (name a district, partnership or county as the Indicators tab names it)", where `indicators --area
   Ipswhich` and `office --district Ipswhich` name the nearest (Ipswich): the refusal now names them too.
"""

from __future__ import annotations

from tests.cli_run import run


# -- 1. population of an area typed a letter wrong ------------------------------------------------------------------

def test_population_of_an_area_typed_wrong_names_the_nearest(demo_path, capsys):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "population", demo_path, "Ipswhich", "2025/26", "140000")
    assert (code, out) == (1, "")
    assert "has no area named “Ipswhich” (the nearest: Ipswich" in err, err
    assert err.rstrip().endswith("Nothing was changed.")
    assert demo_path.read_bytes() == before


def test_population_of_a_name_like_none_still_says_how_to_name_an_area(demo_path, capsys):
    code, out, err = run(capsys, "population", demo_path, "Zzzzqqq", "2025/26", "140000")
    assert code == 1
    assert "has no area named “Zzzzqqq” (name a district, partnership or county as the Indicators tab names it)" in err

