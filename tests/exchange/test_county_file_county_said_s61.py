"""A county file naming no county is reported as the county its merged offices name (the merge summary, the board
report and the workbook say "it is reported as Suffolk's"), but File > Office Details… and `safer-desk office` said
only "County: not named", as if it were no county's: the lead could not tell from them whose figures the file gives."""

from __future__ import annotations

from safer_desk.presenters.office import OfficePresenter
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, merge

SAID = "County: not named (reported as Suffolk's, the county its merged offices name)"


def test_office_details_of_a_county_file_say_which_county_it_is_reported_as(tmp_path):
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, district_exports(tmp_path, ["Babergh", "Mid Suffolk"], own_rows=False))
        assert SAID in OfficePresenter(county).summary().splitlines()
    finally:
        county.close()


def test_the_office_command_says_it_too(tmp_path, capsys):
    from safer_desk.cli import main

    path = tmp_path / "county.sqlite"
    county = open_store(path, create=True, office_name="Suffolk county team")
    try:
        merge(county, district_exports(tmp_path, ["Babergh"], own_rows=False))
    finally:
        county.close()
    assert main(["office", str(path)]) in (0, None)
    assert SAID in capsys.readouterr().out.splitlines()
