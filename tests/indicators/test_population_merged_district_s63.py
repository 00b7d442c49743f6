"""Session 63: `safer-desk population FILE Waveney 2019/20 N` on a Suffolk file made by importing police.uk files
said only "FILE has no area named “Waveney” (name a district, partnership or county as the Indicators tab names
it)", where the guide describes a warning. The warning is for a file that holds Waveney with its dates (the
example's); a police-only file counts Waveney's crimes as East Suffolk's and holds no Waveney, so the refusal is
right, but it now says what Waveney became and which area's population to record, as the tab's Find says it."""

from __future__ import annotations

from safer_desk.services import indicators as svc
from safer_desk.services.police_import import import_police_files
from safer_desk.storage.store import open_store
from tests.cli_run import run
from tests.indicators.test_other_force_year_on_tab_s63 import _street


def _police_only(tmp_path):
    path = tmp_path / "suffolk.sqlite"
    store = open_store(path, create=True)
    try:
        import_police_files(store, [_street(tmp_path, "2021-01-suffolk-street.csv", "Suffolk Constabulary",
                                            "2021-01", [("Waveney", 30), ("Ipswich", 70)])])
        assert svc.find_area(store, "Waveney") is None and svc.find_area(store, "East Suffolk") is not None
    finally:
        store.close()
    return path


def test_a_merged_district_the_file_does_not_hold_is_refused_naming_what_it_became(tmp_path, capsys):
    path = _police_only(tmp_path)
    before = path.read_bytes()
    code, out, err = run(capsys, "population", path, "Waveney", "2019/20", "115,000")
    assert code == 1 and out == ""
    assert "Waveney is part of East Suffolk now" in err and "record East Suffolk's population" in err, err
    assert "Nothing was changed." in err and path.read_bytes() == before


def test_a_name_the_file_and_the_lookup_do_not_know_is_refused_as_before(tmp_path, capsys):
    code, out, err = run(capsys, "population", _police_only(tmp_path), "Nowhere", "2019/20", "115,000")
    assert code == 1 and "has no area named “Nowhere”" in err and "part of" not in err


def test_unknown_area_is_refused_saying_why_not_that_the_file_has_none(tmp_path, capsys):
    """`population FILE "Unknown area" …` said the file has no area of that name, though the tab and `safer-desk
    indicators` list Unknown area's figures: it has no population because its crimes lie in no area."""
    path = _police_only(tmp_path)
    street = tmp_path / "2021-02-suffolk-street.csv"
    street.write_text(_street(tmp_path, "x.csv", "Suffolk Constabulary", "2021-02", []).read_text()
                      + "abc,2021-02,Suffolk Constabulary,Suffolk Constabulary,,,No location,,,Burglary,,\n")
    store = open_store(path)
    try:
        import_police_files(store, [street])
        assert svc.find_area(store, "Unknown area").kind == "unknown"
    finally:
        store.close()
    code, out, err = run(capsys, "population", path, "Unknown area", "2020/21", "100")
    assert code == 1 and out == ""
    assert "has no area named" not in err, err
    assert "Unknown area holds the crimes police.uk could not place in any area (no location given): it has no " \
           "population, so none is recorded for it. Nothing was changed." in err, err
