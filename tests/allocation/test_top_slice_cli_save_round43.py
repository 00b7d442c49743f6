"""Allocation, round 43: `safer-desk top-slice … --save NAME --year YYYY/YY --file FILE`.

The window could save a top-slice (Save top-slice…) and the command line only print one, so a county team's script
could not keep the split it had worked out. Now --save keeps it, through the service the window's button uses and
named in the history as the window names it; what the service refuses is refused the same way (a name the year has
already: exit 1, the file as it was), and a --save without where or when is a usage error (exit 2).
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
    capsys.readouterr()  # what demo said is not what the test reads
    return path


def saved(path):
    store = open_store(path, read_only=True)
    try:
        return {(t.year, t.name): t for t in service.list_top_slices(store)}, actions(store, limit=1)[0].label
    finally:
        store.close()


def test_a_top_slice_saved_from_the_command_line_is_the_one_printed(capsys, office):
    before, _ = saved(office)
    code, out, err = run(capsys, "top-slice", "£2,900,692", "--retain", "12.5", "--partners", "7", "--vary", "15",
                         "--save", " PRG 2010-11 ", "--year", "2010-11", "--file", office)
    assert code == 0, err
    assert "each_partner,181293.25" in out  # the printed split is still printed
    assert "saved the 2010/11 top-slice “PRG 2010-11”" in err
    after, last = saved(office)
    (key,) = set(after) - set(before)
    kept = after[key]
    assert key == ("2010/11", "PRG 2010-11")
    assert (kept.total_pence, kept.slices, kept.remainder_label) == (290069200, (("LSP share", Fraction(1, 2)),),
                                                                     "Remainder")
    assert (kept.retained, kept.partners, kept.scenario) == (Fraction(1, 8), 7, Fraction(3, 20))
    assert kept.result().equal_share_pence == 18129325  # what was printed, to the penny
    assert last == "Save top-slice PRG 2010-11"  # the history names it as the window's button does


def test_a_name_the_year_has_already_is_refused_and_the_file_is_left_as_it_was(capsys, office):
    assert run(capsys, "top-slice", "1000", "--save", "Grant", "--year", "2010/11", "--file", office)[0] == 0
    before = office.read_bytes()
    code, out, err = run(capsys, "top-slice", "2000", "--save", "Grant", "--year", "2010/11", "--file", office)
    assert code == 1 and out == ""
    assert "there is already a 2010/11 top-slice called “Grant”" in err and "not written over" in err
    assert office.read_bytes() == before
    assert saved(office)[0][("2010/11", "Grant")].total_pence == 100000  # the first one stands


@pytest.mark.parametrize(("extra", "said"), [
    (["--save", "Grant", "--file", "F"], "--save needs --year"),
    (["--save", "Grant", "--year", "2010/11"], "--save needs --year (the financial year it is for) and --file"),
    (["--year", "2010/11", "--file", "F"], "give --save NAME with them"),
    (["--save", "  ", "--year", "2010/11", "--file", "F"], "--save: a top-slice needs a name"),
    (["--save", "Grant", "--year", "2010/1x", "--file", "F"], "--year: “2010/1x” is not a financial year"),
])
def test_a_save_without_where_when_or_what_is_a_usage_error(capsys, office, extra, said):
    before = office.read_bytes()
    extra = [str(office) if e == "F" else e for e in extra]
    code, out, err = run(capsys, "top-slice", "1000", *extra)
    assert code == 2 and said in err and out == ""
    assert office.read_bytes() == before


def test_a_missing_file_or_a_county_export_is_not_saved_in(capsys, office, tmp_path):
    missing = tmp_path / "no.sqlite"
    code, _, err = run(capsys, "top-slice", "1000", "--save", "G", "--year", "2010/11", "--file", missing)
    assert code == 1 and "there is no file at" in err and not missing.exists()
    export = tmp_path / "export.sqlite"
    assert run(capsys, "export", office, export)[0] == 0
    before = export.read_bytes()
    code, _, err = run(capsys, "top-slice", "1000", "--save", "G", "--year", "2010/11", "--file", export)
    assert code == 1 and "not a file to change" in err and export.read_bytes() == before
