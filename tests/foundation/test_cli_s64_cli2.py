"""The command line as an officer's script meets it (s64, cli2).

1. `safer-desk check FILE --repair` on a sound office file ended "All checks passed." exactly as `check` without
   --repair does: the officer who asked for a repair was not told whether one was made. A sound file is not a
   refusal (exit 0, DESIGN §4), and the last line now says nothing needed repairing.
2. `safer-desk indicators FILE` printed every figure of every area (2,605 rows of the example file); an officer
   wanting Ipswich's piped it through grep, which also kept "Ipswich CSP", and one wanting 2025/26 could not grep for
   it (its months are 2025-04 … 2026-03). --area NAME and --year 2025/26 keep the CSV's header and order and print
   only that area's or year's rows; a name or year the file has no figures for is refused (exit 1), naming the
   nearest names or the years it holds.
3. Refusals read as two commands' worth of different hands: "safer-desk: there is no file at x.sqlite" beside
   "safer-desk: No open conflict matches (there are none)." and "safer-desk: --area: There is no district …", and
   "cli2.doc: the report must end in .pdf or .html" without a full stop. One rule now (docs/user-guide.md, "On the
   command line"): after "safer-desk: " (and an option's "--area: ") a refusal goes on in lower case unless it
   begins with a name, which keeps its spelling, and it ends with a full stop.
"""

from __future__ import annotations

import pytest

from tests.cli_run import run


# -- 1. --repair of a sound file ------------------------------------------------------------------------------------

def test_repair_of_a_sound_file_exits_0_saying_nothing_needed_repairing(demo_path, capsys):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "check", demo_path, "--repair")
    assert (code, err) == (0, "")
    assert out.rstrip().splitlines()[-1] == "All checks passed: nothing needed repairing."
    assert "repaired:" not in out
    assert demo_path.read_bytes() == before


def test_check_without_repair_still_ends_all_checks_passed(demo_path, capsys):
    code, out, err = run(capsys, "check", demo_path)
    assert (code, err) == (0, "")
    assert out.rstrip().splitlines()[-1] == "All checks passed."


# -- 2. indicators --area and --year ---------------------------------------------------------------------------------

def _csv(out: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(out)))


def test_indicators_area_keeps_only_that_areas_rows_in_the_same_order(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path)
    every = _csv(out)
    code, out, err = run(capsys, "indicators", demo_path, "--area", "ipswich")
    assert (code, err) == (0, "")
    rows = _csv(out)
    assert rows[0] == ["indicator", "area", "period", "value"]
    assert rows[1:] == [r for r in every[1:] if r[1] == "Ipswich"]  # not "Ipswich CSP", in the order printed
    assert len(rows) > 100


def test_indicators_year_keeps_the_months_quarters_and_year_of_that_financial_year(demo_path, capsys):
    every = _csv(run(capsys, "indicators", demo_path)[1])
    code, out, err = run(capsys, "indicators", demo_path, "--year", "2025/26", "--area", "Babergh")
    assert (code, err) == (0, "")
    rows = _csv(out)
    months = [f"2025-{m:02d}" for m in range(4, 13)] + [f"2026-{m:02d}" for m in range(1, 4)]
    wanted = [r for r in every[1:] if r[1] == "Babergh" and (r[2] in months or r[2].startswith("2025/26"))]
    assert wanted and rows[1:] == wanted
    assert {r[2] for r in rows[1:]} & {"2025-04", "2026-03"} and "2025-03" not in {r[2] for r in rows[1:]}


def test_indicators_area_mistyped_is_refused_naming_the_nearest(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--area", "Ipswitch")
    assert code == 1 and out == ""
    assert err.startswith("safer-desk: --area: ") and "“Ipswitch”" in err and "Ipswich" in err, err


def test_indicators_year_without_figures_is_refused_naming_the_years_held(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--year", "2040/41")
    assert code == 1 and out == ""
    assert err.startswith("safer-desk: --year: ") and "2040/41" in err and "2025/26" in err, err


def test_indicators_year_not_a_year_is_a_usage_error(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--year", "next")
    assert code == 2 and "--year" in err and out == ""


def test_indicators_area_with_sources_and_derived_columns(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--derived", "--area", "Western Suffolk CSP",
                         "--year", "2025/26")
    assert code == 0, err
    rows = _csv(out)
    assert rows[0] == ["indicator", "area", "period", "value", "derived_from"]
    assert rows[1:] and {r[1] for r in rows[1:]} == {"Western Suffolk CSP"}


def test_indicators_derived_warns_only_of_the_year_and_area_asked(store, capsys):
    from tests.indicators.test_not_held_everywhere_round38nhd import NOT_HELD
    from tests.indicators.test_not_held_words_round38ynd import _suffolk

    _suffolk(store, "2019-07-01", not_held=NOT_HELD, without=("Forest Heath", "2019-Q1"))
    path = store.path
    store.close()
    code, out, err = run(capsys, "indicators", path, "--derived")
    assert code == 0 and "2018/19-Q1: not derived" in err and "2019/20-Q1: not derived" in err, err
    code, out, err = run(capsys, "indicators", path, "--derived", "--year", "2019/20")
    assert code == 0 and "2018/19-Q1" not in err and "2019/20-Q1: not derived" in err, err
    assert {r[2][:7] for r in _csv(out)[1:]} == {"2019/20"}
    code, out, err = run(capsys, "indicators", path, "--derived", "--year", "2019/20", "--area", "Ipswich")
    assert code == 0 and err == "", err
    assert {r[1] for r in _csv(out)[1:]} == {"Ipswich"}


# -- 3. one rule for refusals -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, said", [
    (["indicators", "{missing}"], "safer-desk: there is no file at {missing}."),
    (["report", "{demo}", "{tmp}/x.doc"], "safer-desk: x.doc: the report must end in .pdf or .html."),
    (["report", "{demo}", "{tmp}/x.pdf", "--area", "Nowhere"], "safer-desk: --area: there is no district, "),
    (["report", "{demo}", "{tmp}/x.pdf", "--year", "2090/91"], "safer-desk: --year: this file holds nothing of "),
    (["conflicts", "{demo}", "--keep", "county"], "safer-desk: no open conflict matches (there are none)."),
    (["import-police", "{demo}", "{tmp}/no-folder"], "safer-desk: there is no file or folder at {tmp}/no-folder."),
    (["fund", "{demo}", "Nope"], "safer-desk: there is no fund called “Nope”. Funds: Suffolk Target Hardening "
                                 "Pilot."),
])
def test_refusals_go_on_in_lower_case_and_end_with_a_full_stop(demo_path, tmp_path, capsys, argv, said):
    where = {"demo": demo_path, "tmp": tmp_path, "missing": tmp_path / "missing.sqlite"}
    code, out, err = run(capsys, *[a.format(**where) for a in argv])
    assert code == (2 if argv[0] == "report" and ".doc" in argv[2] else 1) and out == ""  # (how it is used: 2)
    assert err.startswith(said.format(**where)), err
    assert err.rstrip().endswith("."), err


def test_a_refusal_beginning_with_a_name_keeps_its_spelling(demo_path, capsys):
    from safer_desk.cli.common import refusal_words

    assert refusal_words("Babergh is not kept on its own: it is part of Western Suffolk CSP") == \
        "Babergh is not kept on its own: it is part of Western Suffolk CSP."
    assert refusal_words("There is no award called “X”.") == "there is no award called “X”."
    assert refusal_words("--area: The folder Bord does not exist") == "--area: the folder Bord does not exist."
    assert refusal_words("SQLite cannot read it (file is not a database)") == \
        "SQLite cannot read it (file is not a database)."
    assert refusal_words("is it?") == "is it?"
