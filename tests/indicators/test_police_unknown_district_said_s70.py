"""Session 70 (ind2): a street file whose LSOA names include a district the ONS lookup shipped with Safer Desk does not
know ("Nowhereshire 001A", a name mistyped when a file was edited, or a district made after the lookup) was imported
saying only "Imported 6 rows from 1 file: 1 month (2025-05), 4 areas.": its crimes became an area of their own,
in none of the office's districts and in no county's figure, with nothing said of where they went. The summary now
names each such district, with its rows, and says where they are counted."""

from __future__ import annotations

from safer_desk.services.police_import import import_police_files
from tests.cli_run import run
from tests.indicators.police_helpers import street_file, suffolk_row

UNKNOWN = ("Not in the ONS district lookup Safer Desk ships with: Nowhereshire (2 rows). Their crimes are counted "
           "under that name, as an area of its own (type it in Find on the Indicators tab), and in no district of "
           "a county or partnership; check the file's LSOA names against data.police.uk's.")


def month(tmp_path):
    return street_file(tmp_path, "2025-05-suffolk-street.csv", [
        suffolk_row(month="2025-05", crime_id="a"),
        suffolk_row(month="2025-05", lsoa="Nowhereshire 001A", crime_id="b"),
        suffolk_row(month="2025-05", lsoa="Nowhereshire 002B", crime_id="c", crime="Drugs"),
        suffolk_row(month="2025-05", lsoa="", crime_id="d"), suffolk_row(month="2025-05", lsoa="Waveney 001A")])


def test_a_district_the_lookup_does_not_know_is_named_with_its_rows(store, tmp_path):
    lines = import_police_files(store, [month(tmp_path)]).summary_lines()
    assert UNKNOWN in lines, lines
    # counted, never dropped: 5 rows, 5 crimes in the figures
    assert store.scalar("SELECT sum(count) FROM _police_counts") == 5


def test_the_command_line_says_it_and_known_districts_say_nothing_of_the_sort(tmp_path, capsys):
    code, out, err = run(capsys, "import-police", tmp_path / "office.sqlite", month(tmp_path))
    assert code == 0, err
    assert UNKNOWN in out.splitlines(), out
    (tmp_path / "whole").mkdir()
    known = street_file(tmp_path / "whole", "2025-06-suffolk-street.csv",
                        [suffolk_row(month="2025-06", lsoa="Ipswich 001A"), suffolk_row(month="2025-06", lsoa="")])
    code, out, err = run(capsys, "import-police", tmp_path / "other.sqlite", known)
    assert code == 0, err
    assert "ONS district lookup" not in out, out
