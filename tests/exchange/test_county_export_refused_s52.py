"""A county file's .sqlite export merged into another county file (left alone in round 51, refused in round 52): it
merged as one office, "Suffolk county team", every row of Babergh's and Ipswich's reading as the county team's (its
provenance, conflicts and decisions not carried), where each row is to keep the office it came from."""

from __future__ import annotations

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, export, merge
from tests.exchange.helpers import accept_key_args, cli_output


def county_and_its_export(tmp_path):
    offices = district_exports(tmp_path, ["Babergh", "Ipswich"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, offices)
        return offices, export(county, tmp_path / "county-export.sqlite")
    finally:
        county.close()


def test_another_county_file_refuses_a_county_files_export_naming_its_offices(tmp_path):
    offices, sent = county_and_its_export(tmp_path)
    region = open_store(tmp_path / "region.sqlite", create=True, office_name="Region")
    try:
        report = merge(region, [sent])
        assert not report.merged
        ((name, why),) = report.refused
        assert name == "county-export.sqlite"
        assert ("it is an export of a county file (Suffolk county team, merged from Babergh office and Ipswich "
                "office)") in why and "Merge the exports those offices sent" in why
        assert region.scalar("SELECT count(*) FROM projects") == 0
        # The offices' own exports are merged as ever, each row from its office.
        assert len(merge(region, offices).merged) == 2
    finally:
        region.close()


def test_the_command_line_refuses_it_and_makes_no_county_file(tmp_path):
    _, sent = county_and_its_export(tmp_path)
    target = tmp_path / "new-county.sqlite"
    code, out, err = cli_output(["merge", str(target), str(sent), *accept_key_args()])
    assert code == 1 and "it is an export of a county file" in err, (out, err)
    assert not target.exists()


def test_an_offices_export_says_no_offices_merged(tmp_path):
    import sqlite3

    (sent,) = district_exports(tmp_path, ["Babergh"])
    with sqlite3.connect(sent) as db:
        assert db.execute("SELECT count(*) FROM _export_manifest WHERE key = 'merged_offices'").fetchone() == (0,)
