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


def test_an_option_like_none_names_none(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--frobnicate")
    assert code == 2 and "unrecognized arguments: --frobnicate" in err and "did you mean" not in err


def test_a_misspelt_choice_names_the_nearest(tmp_path, capsys):
    code, out, err = run(capsys, "screenshot", tmp_path / "shot.png", "--tab", "alocation", "--demo")
    assert code == 2 and out == ""
    assert "invalid choice: 'alocation' (did you mean 'allocation'?" in err, err
    assert not (tmp_path / "shot.png").exists()
