"""An office's export made before schema step create_dhr_cost_line_versions, merged at a county on this version (s70).

The export is upgraded on a copy and merged, but an export carries no history of changes, so it brings no cost line's
earlier version: WSCSP-DHR-2017-02's chair's £1,350 (10/05/2018), corrected on 01/08/2018 to £1,100, reads £1,100 in
the county's ledger as at 01/06/2018 until the office sends a file from its upgraded Safer Desk, and the merge said
nothing of it: the county lead had no way to know that office's past figures read its corrections as made from the
start.
"""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.costs.test_dhr_cost_line_versions_as_at_s70 import ASKED, UNDER_WAY, case_as_at, with_a_line_corrected
from tests.exchange.district_offices import export, merge
from tests.exchange.helpers import resign_export


def as_made_by_0_2_7(conn) -> None:
    conn.execute("DROP TABLE dhr_cost_line_versions")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'create_dhr_cost_line_versions'")


def test_an_older_export_is_merged_saying_its_corrections_read_as_made_from_the_start(demo_path, tmp_path):
    office = open_store(demo_path)
    try:
        with_a_line_corrected(office)
        office_name = office.office_name
        older = resign_export(export(office, tmp_path / "older.sqlite"), edit=as_made_by_0_2_7, app_version="0.2.7")
        newer = export(office, tmp_path / "newer.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        report = merge(county, [older])
        assert report.refused == []
        notes = report.merged[0].conflict_notes
        assert (f"{office_name}'s file was made by Safer Desk 0.2.7, which did not keep review cost lines as they "
                "stood before a correction: as at a past day the county reads its reviews' costs as that version "
                f"did, until {office_name} sends a file from Safer Desk 0.2.8 or later.") in notes, notes
        case_id = dhr.case_id_by_reference(county, UNDER_WAY)
        assert case_as_at(county, ASKED, case_id).cost_pence == 110000  # as 0.2.7 read it
        report = merge(county, [newer])  # the office's upgraded file: its versions come, and nothing more is said
        assert report.refused == [] and not any("0.2.7" in n for n in report.merged[0].conflict_notes)
        assert case_as_at(county, ASKED, case_id).cost_pence == 135000
    finally:
        county.close()
