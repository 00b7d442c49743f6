"""`safer-desk indicators FILE --area NAME [--year YYYY/YY]` with an area the file has but no figure of (the example's
Western CSP, whose figures come only from its districts; Suffolk in 2025/26, its figures being of 2007/08 to
2010/11) printed the heading and nothing else, exit 0, nothing said: read as "no figures", or as a script's bug.
The CSV is as before (a heading a script reads), with a note on standard error saying why it is empty (session 69).
"""

from __future__ import annotations

from tests.cli_run import run


def test_an_area_without_figures_of_its_own_is_said_and_how_to_derive_them(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--area", "Western CSP")
    assert (code, out) == (0, "indicator,area,period,value\n")
    assert err == ("safer-desk: note: this file holds no figures of Western CSP typed or imported; --derived adds "
                   "a partnership's or county's figures derived from its districts'.\n"), err


def test_an_area_without_figures_of_the_year_is_said_with_the_years_it_has(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--area", "suffolk", "--year", "2025/26")
    assert (code, out) == (0, "indicator,area,period,value\n")
    # A county's: and how to print the figures the tab derives from its districts (session 70).
    assert err == ("safer-desk: note: this file holds no figures of Suffolk of 2025/26 typed or imported (its own are "
                   "of 2007/08 to 2010/11); --derived adds a partnership's or county's figures derived from its "
                   "districts'.\n"), err


def test_an_area_with_figures_is_printed_without_a_note(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--area", "Suffolk", "--year", "2009/10")
    assert code == 0 and err == "" and len(out.splitlines()) > 1


def test_an_area_with_nothing_to_derive_either_is_said(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--area", "Western CSP", "--derived")
    assert (code, out) == (0, "indicator,area,period,value,derived_from\n")
    assert err == "safer-desk: note: this file holds no figures of Western CSP, typed, imported or derived from its " \
                  "districts'.\n", err


def test_a_year_between_the_years_held_is_refused_naming_the_years_as_they_run(demo_path, capsys):
    # "--year 2020/21: this file holds no indicator figures of 2020/21: its figures are of 2007/08 to 2025/26", as
    # if 2020/21 were among them: the example's figures are of 2007/08 to 2011/12, 2015/16 and 2016/17, and 2024/25
    # and 2025/26 (police.uk)
    code, out, err = run(capsys, "indicators", demo_path, "--year", "2020/21")
    assert code == 1 and out == ""
    assert err == ("safer-desk: --year: this file holds no indicator figures of 2020/21: its figures are of 2007/08 to "
                   "2011/12, 2015/16 to 2016/17, 2024/25 to 2025/26.\n"), err
