"""`safer-desk indicators FILE --area Suffolk --year 2025/26` printed the heading alone and "this file holds no
figures of Suffolk of 2025/26: its figures are of 2007/08 to 2010/11", where the Indicators tab shows Suffolk's
2025/26 (32,948 crimes, Apr-25 to Dec-25, its districts' added up): the note never said --derived gives the window's
figures, as it does for an area with no figures of its own. It now does for a county or partnership; with --derived
the same figures as the window are printed (session 70)."""

from __future__ import annotations

from tests.cli_run import run


def test_a_county_s_year_without_its_own_figures_names_derived(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--area", "suffolk", "--year", "2025/26")
    assert (code, out) == (0, "indicator,area,period,value\n")
    assert err == ("safer-desk: note: this file holds no figures of Suffolk of 2025/26 typed or imported (its own are "
                   "of 2007/08 to 2010/11); --derived adds a partnership's or county's figures derived from its "
                   "districts'.\n"), err


def test_with_derived_the_window_s_figures_are_printed(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--area", "Suffolk", "--year", "2025/26", "--derived")
    assert code == 0
    months = [line.split(",")[3] for line in out.splitlines() if line.startswith("All crime,Suffolk,2025-")]
    assert months == ["3499", "3637", "3853", "4052", "3630", "3475", "3827", "3448", "3527"]
    assert sum(int(m) for m in months) == 32948  # the tab's year to date


def test_a_district_s_year_is_said_as_before(demo_path, capsys):
    code, out, err = run(capsys, "indicators", demo_path, "--area", "Plymouth", "--year", "2025/26")
    assert (code, out) == (0, "indicator,area,period,value\n")
    assert err == "safer-desk: note: this file holds no figures of Plymouth of 2025/26: its figures are of 2015/16 " \
                  "to 2016/17.\n", err
