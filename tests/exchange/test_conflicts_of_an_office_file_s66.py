"""Session 66: `safer-desk conflicts babergh.sqlite` (an office's own file, which has sent its exports to the county)
said "No open conflicts." with exit 0, and File > Conflicts… on it said "every district file merged agrees with the
county file": the officer who named the wrong file took it that the county had no conflicts. Conflicts live in the
county's file; an office's own file is said to be not a county file, with the way to the county's (exit 1, as `merge`
refuses it), and so is an export named as the county file. A file nothing has been merged into yet says so."""

from __future__ import annotations

from safer_desk.services.county import ConflictsPresenter
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, office_from, template


def _office_that_exported(tmp_path):
    base = template(tmp_path, police=False)
    office = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        sent = export(office, tmp_path / "babergh-export.sqlite")
    finally:
        office.close()
    return tmp_path / "babergh.sqlite", sent


def test_conflicts_of_an_office_file_says_it_is_not_a_county_file(tmp_path, capsys):
    from safer_desk.cli import main

    own, _ = _office_that_exported(tmp_path)
    assert main(["conflicts", str(own)]) == 1
    out, err = capsys.readouterr()
    assert "No open conflicts" not in out
    assert "babergh.sqlite is Babergh office's own file" in err and "not a county file" in err
    assert "safer-desk conflicts COUNTY_FILE" in err


def test_deciding_on_an_office_file_says_it_too(tmp_path, capsys):
    from safer_desk.cli import main

    own, _ = _office_that_exported(tmp_path)
    before = own.read_bytes()
    assert main(["conflicts", str(own), "--keep", "district"]) == 1
    err = capsys.readouterr().err
    assert "not a county file" in err and "there are none" not in err
    assert own.read_bytes() == before


def test_the_keys_of_an_office_file_say_it_too(tmp_path, capsys):
    from safer_desk.cli import main

    own, _ = _office_that_exported(tmp_path)
    assert main(["keys", str(own)]) == 1
    assert "not a county file" in capsys.readouterr().err


def test_conflicts_of_an_export_says_it_is_an_export(tmp_path, capsys):
    from safer_desk.cli import main

    _, sent = _office_that_exported(tmp_path)
    assert main(["conflicts", str(sent)]) == 1
    out, err = capsys.readouterr()
    assert "No open conflicts" not in out
    assert f"{sent.name} is Babergh office's export for the county" in err
    assert f'safer-desk merge COUNTY_FILE "{sent.name}"' in err


def test_a_file_nothing_was_merged_into_says_so(tmp_path, capsys):
    from safer_desk.cli import main

    path = tmp_path / "county.sqlite"
    open_store(path, create=True, office_name="Suffolk county team").close()
    assert main(["conflicts", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("No open conflicts: nothing has been merged into county.sqlite yet"), out
    assert "agrees" not in out


def test_the_conflicts_window_of_an_office_file_says_it_is_not_a_county_file(tmp_path):
    own, _ = _office_that_exported(tmp_path)
    store = open_store(own, read_only=True)
    try:
        heading = ConflictsPresenter(store).heading()
    finally:
        store.close()
    assert "agrees" not in heading
    assert heading.startswith("No conflicts: babergh.sqlite is Babergh office's own file"), heading
    assert "not a county file" in heading
