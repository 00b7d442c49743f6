"""s69, a new officer's first run: File > Open on the month's data.police.uk download (a street-level CSV, what a
new officer has to hand) said only "2021-01-suffolk-street.csv is not a Safer Desk file: it is not an SQLite database
at all.", not what to do with it; `safer-desk FILE` says it is police.uk data and which command imports it. The
window says so too, naming File > Import Police Data…; nothing is written beside it, the office's file stays open."""

from __future__ import annotations

from safer_desk.services.police_import import police_data_kind

STREET = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context\n,2021-01,Suffolk Constabulary,Suffolk Constabulary,1.1,52.0,On or near X,"
          "E01029853,Babergh 001A,Anti-social behaviour,,\n")


def _street_file(folder):
    folder.mkdir()
    csv = folder / "2021-01-suffolk-street.csv"
    csv.write_text(STREET, encoding="utf-8")
    return csv


def test_opening_a_police_street_file_says_to_import_it(demo_window, prompts, tmp_path):
    csv = _street_file(tmp_path / "police data Zoë")
    office = demo_window.session.store.path
    assert not demo_window.open_path(csv)
    title, text = prompts.errors[-1]
    assert title == "Cannot open file"
    assert text.startswith("2021-01-suffolk-street.csv is not a Safer Desk file: it is not an SQLite database at all.")
    assert text.endswith("It is a data.police.uk street-level crime file: import it into the office's file with "
                         "File > Import Police Data… (or drop it on the window)."), text
    assert sorted(p.name for p in csv.parent.iterdir()) == [csv.name]
    assert demo_window.session.store is not None and demo_window.session.store.path == office


def test_another_csv_is_said_as_before(window, prompts, tmp_path):
    other = tmp_path / "budget.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    assert not window.open_path(other)
    assert prompts.errors[-1] == ("Cannot open file", "budget.csv is not a Safer Desk file: it is not an SQLite "
                                  "database at all.")


def test_the_kind_is_told_for_a_file_and_a_folder(tmp_path):
    csv = _street_file(tmp_path / "months")
    assert police_data_kind(csv) == "a data.police.uk street-level crime file"
    assert police_data_kind(csv.parent) == "a folder of data.police.uk street-level crime files"
    assert police_data_kind(tmp_path / "nothing here.csv") == ""
