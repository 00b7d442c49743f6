"""An office that sent its cost lines' earlier versions, then exports from an older Safer Desk again (dhr4).

WSCSP-DHR-2017-02's chair's £1,350 (10/05/2018), corrected on 01/08/2018 to £1,100: the office's export from Safer
Desk 0.2.8 brought the version, so the county's ledger as at 01/06/2018 read £1,350. The office then went back to
Safer Desk 0.2.7 (a laptop reinstalled from an old package, say), whose export carries no versions: the merge took it
that the office no longer had them and removed them, so the county read £1,100 as at 01/06/2018 again, saying only
that the file was made by 0.2.7. The county keeps what it had, and says why.
"""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.costs.test_dhr_cost_line_versions_as_at_s70 import ASKED, UNDER_WAY, case_as_at, with_a_line_corrected
from tests.exchange.district_offices import export, merge
from tests.exchange.helpers import resign_export
from tests.exchange.test_older_export_line_versions_dhrv2 import as_made_by_0_2_7


def test_the_county_keeps_the_versions_an_office_sent_before_it_went_back_to_an_older_safer_desk(demo_path, tmp_path):
    office = open_store(demo_path)
    try:
        with_a_line_corrected(office)
        office_name = office.office_name
        newer = export(office, tmp_path / "newer.sqlite")
        older = resign_export(export(office, tmp_path / "older.sqlite"), edit=as_made_by_0_2_7, app_version="0.2.7")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [newer]).refused == []
        case_id = dhr.case_id_by_reference(county, UNDER_WAY)
        assert case_as_at(county, ASKED, case_id).cost_pence == 135000
        report = merge(county, [older])
        assert report.refused == []
        notes = report.merged[0].conflict_notes
        assert (f"{office_name}'s file was made by Safer Desk 0.2.7, which does not carry review cost lines as they "
                f"stood before a correction: the county keeps the 1 earlier version of a review cost line "
                f"{office_name} sent from a later version, until {office_name} sends a file from Safer Desk 0.2.8 or "
                "later.") in notes, notes
        assert not any("Removed" in n for n in notes), notes
        assert case_as_at(county, ASKED, case_id).cost_pence == 135000
        assert county.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 1
    finally:
        county.close()


def as_made_by_0_2_6(conn) -> None:
    as_made_by_0_2_7(conn)
    conn.execute("DROP TABLE dhr_deleted_cost_lines")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'create_dhr_deleted_cost_lines'")


def test_the_county_keeps_the_deleted_lines_an_office_sent_before_it_went_back_to_0_2_6(demo_path, tmp_path):
    from tests.costs.test_dhr_deleted_cost_lines_as_at_s69 import with_a_line_deleted

    office = open_store(demo_path)
    try:
        case_id = with_a_line_deleted(office)  # a £250 venue (20/05/2018) deleted on 10/06/2018
        office_name = office.office_name
        newer = export(office, tmp_path / "newer.sqlite")
        older = resign_export(export(office, tmp_path / "older.sqlite"), edit=as_made_by_0_2_6, app_version="0.2.6")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [newer]).refused == []
        cost = case_as_at(county, ASKED, case_id).cost_pence
        notes = merge(county, [older]).merged[0].conflict_notes
        assert (f"{office_name}'s file was made by Safer Desk 0.2.6, which does not carry the review cost lines it "
                f"deleted: the county keeps the 1 deleted review cost line {office_name} sent from a later version, "
                f"until {office_name} sends a file from Safer Desk 0.2.7 or later.") in notes, notes
        assert not any("Removed" in n for n in notes), notes
        assert case_as_at(county, ASKED, case_id).cost_pence == cost  # the £250 venue stood on 01/06/2018
    finally:
        county.close()
