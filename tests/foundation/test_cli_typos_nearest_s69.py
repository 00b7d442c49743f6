"""A word mistyped on the command line is answered with the nearest right one (session 69).

Names in a file (an area, a district, a county) were answered "the nearest: Ipswich", but the command line's own
words were not:
1. a command misspelt in its first three letters (`safer-desk alocate …`, `ofice`, `awrads`) was said as "neither a
   command nor a file" with the list of all 23 commands and no nearest; `import_police` was answered "import-police
   or import-figures", though only one is a letter away;
2. an option misspelt (`indicators FILE --aera Babergh`, `dhr-ledger FILE --asat 01/01/2020`) was only
   "unrecognized arguments: --aera Babergh";
3. an option's word misspelt (`screenshot OUT.png --tab alocation`) was "invalid choice: 'alocation'" and the list.
Each is still a usage error (exit 2) that changes nothing; it now names the nearest.
4. a fund, plan, award or conflict group named a letter or so out (`fund FILE "Suffolk Target Hardening Pilt"`,
   `budget FILE "East Sussex Community Safety MTFP"`, `awards FILE --delete "… 2017-18"`, `conflicts COUNTY --keep
   county --conflict dhr-shar`) was refused with every name the file holds, the one meant not picked out: on a
   county file, a long list to read through. The refusal (exit 1, or 2 for --conflict) now names the nearest first.
"""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("typed, meant", [
    ("alocate", "allocate"), ("ofice", "office"), ("awrads", "awards"), ("exprt", "export"),
    ("import_police", "import-police"), ("idnicators", "indicators"),
])
def test_a_misspelt_command_names_the_nearest(typed, meant, tmp_path, monkeypatch, capsys):
    here = tmp_path / "scripts"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out, err = run(capsys, typed, "office.sqlite")
    assert code == 2 and out == ""
    assert f"'{typed}' is neither a command nor a file (did you mean {meant}?)" in err, err
    assert list(here.iterdir()) == []


def test_a_word_like_no_command_names_none(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "frobnicate", "office.sqlite")
    assert code == 2 and "did you mean" not in err and "The commands are: demo," in err


@pytest.mark.parametrize("argv, meant", [
    (("indicators", "{demo}", "--aera", "Babergh"), "--area"),
    (("indicators", "{demo}", "--yaer", "2019/20"), "--year"),
    (("dhr-ledger", "{demo}", "--asat", "01/01/2020"), "--as-at"),
    (("dhr-ledger", "{demo}", "--by_case"), "--by-case"),
    (("export", "{demo}", "{out}", "--include-referals"), "--include-referrals"),
])
def test_a_misspelt_option_names_the_nearest(argv, meant, demo_path, tmp_path, capsys):
    before = demo_path.read_bytes()
    out_path = tmp_path / "sent.xlsx"
    code, out, err = run(capsys, *(a.format(demo=demo_path, out=out_path) for a in argv))
    assert code == 2 and out == ""
    assert "unrecognized arguments:" in err and f"(did you mean {meant}?)" in err, err
    assert demo_path.read_bytes() == before and not out_path.exists()


@pytest.mark.parametrize("typed, meant", [("--demoo", "--demo"), ("--verison", "--version")])
def test_a_misspelt_option_of_the_window_names_the_nearest(typed, meant, capsys):
    code, out, err = run(capsys, typed)
    assert code == 2 and f"unrecognized arguments: {typed} (did you mean {meant}?)" in err, err


def test_an_option_like_none_names_none(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--frobnicate")
    assert code == 2 and "unrecognized arguments: --frobnicate" in err and "did you mean" not in err


def test_a_misspelt_choice_names_the_nearest(tmp_path, capsys):
    code, out, err = run(capsys, "screenshot", tmp_path / "shot.png", "--tab", "alocation", "--demo")
    assert code == 2 and out == ""
    assert "invalid choice: 'alocation' (did you mean 'allocation'?" in err, err
    assert not (tmp_path / "shot.png").exists()


@pytest.mark.parametrize("argv, said", [
    (("fund", "{demo}", "Suffolk Target Hardening Pilt"),
     "there is no fund called “Suffolk Target Hardening Pilt” (did you mean Suffolk Target Hardening Pilot?)"),
    (("budget", "{demo}", "East Sussex Community Safety MTFP"),
     "there is no plan called “East Sussex Community Safety MTFP” (did you mean East Sussex Community Safety MTFP "
     "2011/12 – 2014/15?)"),
    (("awards", "{demo}", "--delete", "PCC grant to Safer Plymouth 2017-18"),
     "there is no award called “PCC grant to Safer Plymouth 2017-18” (did you mean PCC grant to Safer Plymouth "
     "2017-19?)"),
    (("conflicts", "{demo}", "--keep", "county", "--conflict", "dhr-shar"),
     "“dhr-shar” is not a conflict (did you mean dhr-share?)"),
])
def test_a_misspelt_name_in_the_file_names_the_nearest(argv, said, demo_path, capsys):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, *(a.format(demo=demo_path) for a in argv))
    assert code in (1, 2) and out == ""
    assert said in err, err
    assert demo_path.read_bytes() == before


def test_a_name_like_none_in_the_file_names_none(demo_path, capsys):
    code, out, err = run(capsys, "fund", demo_path, "Sanctuary")
    assert code == 1 and "did you mean" not in err and "Funds: Suffolk Target Hardening Pilot" in err


def test_an_award_from_a_funder_misspelt_is_added_with_a_warning_naming_the_funder_meant(demo_path, capsys):
    # `awards FILE --add … --funder "Suffolk Public Sectr Leaders"` added the award under a sixth funder, said
    # nowhere: the window picks the funder from the file's list, the command line takes it as typed, and the
    # funders' lists then showed the county's leaders twice, their awards split between the two spellings.
    code, out, err = run(capsys, "awards", demo_path, "--add", "Youth diversion", "--funder",
                         "Suffolk Public Sectr Leaders", "--year", "2019/20=5000")
    assert code == 0 and out.startswith("added Suffolk Public Sectr Leaders: £5,000 for 2019/20"), out
    assert ("safer-desk: warning: no other award or project's funding in this file is from “Suffolk Public Sectr "
            "Leaders” (did you mean Suffolk Public Sector Leaders?)") in err, err
    code, out, err = run(capsys, "awards", demo_path, "--add", "Youth diversion 2", "--funder", "Home Office",
                         "--year", "2019/20=5000")
    assert code == 0 and "warning" not in err, err  # a new funder like none in the file: nothing to ask
    code, out, err = run(capsys, "awards", demo_path, "--add", "Youth diversion 3", "--funder", "opcc",
                         "--year", "2019/20=5000")
    assert code == 0 and out.startswith("added OPCC") and "warning" not in err, err  # the file's spelling


@pytest.mark.parametrize("said, unit", [("pennies", "penny"), ("pence", "penny"), ("Pounds", "pound")])
def test_allocate_unit_read_in_the_helps_own_words(said, unit, capsys):
    # `allocate --help` says "round to whole pounds (default) or pennies", but `--unit pennies` (or "pence",
    # as amounts in pence are said) stopped with "invalid choice: 'pennies'"
    from tests.foundation.test_cli_choices_any_case_s59 import _allocate

    code, out, err = _allocate(capsys, "--unit", said)
    assert (code, err) == (0, "")
    assert out == _allocate(capsys, "--unit", unit)[1]


@pytest.mark.parametrize("argv, said", [
    (("--area", "Babergh", "indicators", "{demo}"),
     "safer-desk: --area is given before the command, indicators: a command comes first, then its options "
     "(safer-desk indicators … --area …). Nothing was read or changed."),
    (("--replace", "export", "{demo}", "{out}"),
     "safer-desk: --replace is given before the command, export: a command comes first, then its options "
     "(safer-desk export … --replace …). Nothing was read or changed."),
])
def test_an_option_before_its_command_is_said_as_such(argv, said, demo_path, tmp_path, capsys):
    # `safer-desk --area Babergh indicators FILE` was "argument COMMAND: invalid choice: 'Babergh' (choose from
    # 'demo', 'screenshot', … 23 commands)": the area read as the command, the option not named at all
    out_path = tmp_path / "sent.xlsx"
    code, out, err = run(capsys, *(a.format(demo=demo_path, out=out_path) for a in argv))
    assert code == 2 and out == ""
    assert err.strip() == said, err
    assert not out_path.exists()
