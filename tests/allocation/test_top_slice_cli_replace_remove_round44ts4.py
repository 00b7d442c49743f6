"""Allocation, round 44 (ts4): `safer-desk top-slice … --replace NAME` and `safer-desk top-slice --remove NAME`.

The window could put a saved top-slice right (Replace saved) or take it out (Remove saved); the command line could
only --save a new one, so a county team's script that had saved a wrong grant could not correct it. Now --replace
puts the split printed in place of the saved one's figures (its name, year and the names of its slice and rest
kept) and --remove takes it out, through the services the window's buttons use, each named in the history as the
window names it. A name the year does not have is refused (exit 1, the file as it was); --replace or --remove
without --year and --file, both at once, or --remove with figures, are usage errors (exit 2) said before the file
is opened. The top-level help names --save, --replace and --remove.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from safer_desk.cli import main
from safer_desk.services import allocation as service
from safer_desk.services.history import actions
from safer_desk.storage.store import open_store
from tests.cli_run import run


@pytest.fixture
def office(tmp_path, capsys):
    path = tmp_path / "office.sqlite"
    assert main(["demo", str(path)]) == 0
    capsys.readouterr()
    assert run(capsys, "top-slice", "1000", "--save", "Grant", "--year", "2010/11", "--file", path)[0] == 0
    return path


def saved(path):
    store = open_store(path, read_only=True)
    try:
        return {(t.year, t.name): t for t in service.list_top_slices(store)}, actions(store, limit=1)[0].label
    finally:
        store.close()


def test_replace_puts_the_printed_split_in_place_of_the_saved_figures(capsys, office):
    code, out, err = run(capsys, "top-slice", "£2,900,692", "--retain", "12.5", "--partners", "7",
                         "--replace", "grant", "--year", "2010-11", "--file", office)
    assert code == 0, err
    assert "each_partner,181293.25" in out  # printed as ever
    assert "replaced the figures of the 2010/11 top-slice “Grant”" in err
    after, last = saved(office)
    kept = after[("2010/11", "Grant")]  # its name as saved, not as typed
    assert (kept.total_pence, kept.retained, kept.partners) == (290069200, Fraction(1, 8), 7)
    assert (kept.slices, kept.remainder_label) == ((("LSP share", Fraction(1, 2)),), "Remainder")
    assert kept.result().equal_share_pence == 18129325
    assert last == "Replace top-slice Grant"


def test_replace_keeps_the_names_the_window_gave_its_slice_and_rest(capsys, office):
    store = open_store(office)
    try:
        service.save_top_slice(store, "PRG", "2011/12", 100000, slices=(("The LSPs", Fraction(1, 2)),),
                               remainder_label="SSP share", retained=Fraction(1, 10), partners=9,
                               scenario=Fraction(1, 5))
    finally:
        store.close()
    assert run(capsys, "top-slice", "2000", "--replace", "PRG", "--year", "2011/12", "--file", office)[0] == 0
    kept = saved(office)[0][("2011/12", "PRG")]
    assert (kept.total_pence, kept.slices, kept.remainder_label) == (200000, (("The LSPs", Fraction(1, 2)),),
                                                                     "SSP share")


def test_remove_takes_the_saved_top_slice_out(capsys, office):
    code, out, err = run(capsys, "top-slice", "--remove", "Grant", "--year", "2010/11", "--file", office)
    assert code == 0 and out == "", err
    assert "removed the 2010/11 top-slice “Grant”" in err
    after, last = saved(office)
    assert ("2010/11", "Grant") not in after
    assert last == "Remove top-slice Grant"


@pytest.mark.parametrize("argv", [["top-slice", "2000", "--replace", "Other"], ["top-slice", "--remove", "Other"],
                                  ["top-slice", "--remove", "Grant", "--year-instead"]])
def test_a_name_the_year_has_not_is_refused_and_the_file_is_left_as_it_was(capsys, office, argv):
    year = "2011/12" if argv[-1] == "--year-instead" else "2010/11"
    argv = [a for a in argv if a != "--year-instead"]
    before = office.read_bytes()
    code, out, err = run(capsys, *argv, "--year", year, "--file", office)
    assert code == 1 and out == "", err
    assert f"there is no {year} top-slice called" in err and "nothing was changed" in err
    assert office.read_bytes() == before


def test_replace_with_the_figures_it_holds_changes_nothing(capsys, office):
    before = office.read_bytes()
    code, out, err = run(capsys, "top-slice", "1000", "--replace", "Grant", "--year", "2010/11", "--file", office)
    assert code == 0 and "each_partner" in out
    assert "already holds these figures; nothing was changed" in err
    assert office.read_bytes() == before


@pytest.mark.parametrize(("argv", "said"), [
    (["2000", "--replace", "Grant", "--file", "F"], "--replace needs --year"),
    (["--remove", "Grant", "--year", "2010/11"], "--remove needs --year (the financial year it is for) and --file"),
    (["2000", "--replace", " ", "--year", "2010/11", "--file", "F"], "--replace: a top-slice needs a name"),
    (["2000", "--save", "A", "--replace", "Grant", "--year", "2010/11", "--file", "F"],
     "--save and --replace cannot be given together"),
    (["1000", "--remove", "Grant", "--year", "2010/11", "--file", "F"], "--remove takes no TOTAL"),
    (["--remove", "Grant", "--partners", "7", "--year", "2010/11", "--file", "F"], "--remove takes no TOTAL"),
    (["--partners", "7"], "the following arguments are required: TOTAL"),
    (["--remove", "Grant", "--year", "2010/1x", "--file", "F"], "--year: “2010/1x” is not a financial year"),
])
def test_replace_or_remove_without_where_or_with_figures_is_a_usage_error(capsys, office, argv, said):
    before = office.read_bytes()
    code, out, err = run(capsys, "top-slice", *[str(office) if a == "F" else a for a in argv])
    assert code == 2 and said in err and out == "", err
    assert office.read_bytes() == before


def test_the_top_level_help_names_save_replace_and_remove(capsys):
    code, out, _ = run(capsys, "--help")
    line = " ".join(out.split())
    assert "top-slice the Performance Reward Grant split as name,value; --save, --replace or --remove it in a file" \
        in line, line
