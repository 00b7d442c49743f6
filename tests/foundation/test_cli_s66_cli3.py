"""The command line as a district officer's monthly script meets it (s66, cli3).

1. `safer-desk population FILE Ipswhich 2025/26 140000` (a letter slipped) said only "FILE has no area named
   “Ipswhich” (name a district, partnership or county as the Indicators tab names it)", where `indicators --area
   Ipswhich` and `office --district Ipswhich` name the nearest (Ipswich): the refusal now names them too.
2. `safer-desk import-police FILE figures.csv` (a sheet of typed figures) sent the officer to "Import Figures…", the
   window's menu item, where `import-figures` given a street file names `safer-desk import-police`: on the command
   line the refusal now names `safer-desk import-figures` as well.
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


# -- 2. import-police given a sheet of figures ----------------------------------------------------------------------

def test_import_police_given_a_sheet_of_figures_names_the_import_figures_command(demo_path, tmp_path, capsys):
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Ipswich,2021-01,5\n", encoding="utf-8")
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "import-police", demo_path, sheet)
    assert (code, out) == (1, "")
    assert "safer-desk import-figures" in err, err
    assert "Nothing was imported." in err or "nothing was imported." in err
    assert demo_path.read_bytes() == before
