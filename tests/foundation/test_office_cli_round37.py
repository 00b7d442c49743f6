"""`safer-desk office FILE --partnership "Ipswich CSP"`: the example's Ipswich CSP ran in 2009/10 only, so the office's
districts for this year printed "none" with nothing said of why. The command now says, as Office Details… shows
"ended 31/03/2010" beside it, which partnership named covers no district in the year shown."""

from __future__ import annotations

from tests.cli_run import run

NOTE = "safer-desk: note: Ipswich CSP (ended 31/03/2010) covers no district in {year}"


def test_a_partnership_that_has_ended_is_said_to_cover_no_district(demo_path, capsys):
    code, out, err = run(capsys, "office", demo_path, "--partnership", "Ipswich CSP", "--year", "2020/21")
    assert code == 0
    assert "Districts 2020/21: none" in out
    assert NOTE.format(year="2020/21") in err


def test_the_year_it_ran_says_its_district_and_no_note(demo_path, capsys):
    run(capsys, "office", demo_path, "--partnership", "Ipswich CSP")
    code, out, err = run(capsys, "office", demo_path, "--year", "2009/10")
    assert code == 0
    assert "Districts 2009/10: Ipswich" in out
    assert "covers no district" not in err


def test_showing_the_scope_says_it_too(demo_path, capsys):
    run(capsys, "office", demo_path, "--partnership", "Ipswich CSP")
    code, out, err = run(capsys, "office", demo_path, "--year", "2015/16")
    assert code == 0 and NOTE.format(year="2015/16") in err
