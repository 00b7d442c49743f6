"""Session 69: a county file upgraded to schema step create_dhr_deleted_cost_lines, which keeps the cost lines deleted
before from the audit trail, does not keep one a conflict decision took away.

The county lead corrected an office's WSCSP-DHR-2017-02 Venue line from £250 to £300; the office deleted it, and its
next export raised "edited at the county since it was merged, but no longer in Example office (seed papers)'s file";
the lead kept the office's version (the line went). Both files upgraded, the step kept the line at the county as its
own deleted line (£300, deleted on the day of the decision), so the office's next export, which brings the line as
the office deleted it (£250), raised a second conflict about the same line, "Cost line 'Venue' of WSCSP-DHR-2017-02,
deleted on …: £300 in the county file, £250 from Example office (seed papers)", though the lead had decided it: a
decision keeps the office's word, and the office's export brings its deleted line, as this program's decisions do.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.costs.dated_days import trail_moved_back
from tests.costs.test_dhr_deleted_cost_lines_as_at_s69 import as_older_file
from tests.exchange.district_offices import export, merge


def test_a_line_a_decision_took_away_is_the_offices_to_send(demo_path, tmp_path):
    office = open_store(demo_path)
    try:
        case_id = dhr.case_id_by_reference(office, "WSCSP-DHR-2017-02")
        line = dhr.add_cost_line(office, case_id, category="Venue", amount="250", invoiced_on="2018-05-20")
        trail_moved_back(office.conn)  # keyed in the day before it is deleted
        first = export(office, tmp_path / "first.sqlite")
    finally:
        office.close()
    county_path = tmp_path / "county.sqlite"
    county = open_store(county_path, create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [first]).refused == []
        dhr.update_cost_line(county, line, category="Venue", amount="300", invoiced_on="2018-05-20")
    finally:
        county.close()
    office = open_store(demo_path)
    try:
        dhr.delete_cost_line(office, line)
    finally:
        office.close()
    as_older_file(demo_path)  # deleted by the earlier program: not kept
    office = open_store(demo_path)
    try:
        office.conn.execute("DELETE FROM dhr_deleted_cost_lines")  # (the earlier program's export has none)
        second = export(office, tmp_path / "second.sqlite")
    finally:
        office.close()
    county = open_store(county_path)
    try:
        merge(county, [second])
        (conflict,) = list_conflicts(county)
        assert "no longer in Example office (seed papers)'s file" in conflict.detail
        resolve_conflicts(county, "district", which=conflict.id)
    finally:
        county.close()
    for path in (county_path, demo_path):  # both made by the earlier program, upgraded now
        as_older_file(path)
    county = open_store(county_path)
    try:
        assert county.scalar("SELECT count(*) FROM dhr_deleted_cost_lines") == 0  # the office's to send
    finally:
        county.close()
    office = open_store(demo_path)
    try:
        assert [tuple(r) for r in office.rows("SELECT id, amount_pence FROM dhr_deleted_cost_lines")] == [(line, 25000)]
        third = export(office, tmp_path / "third.sqlite")
    finally:
        office.close()
    county = open_store(county_path)
    try:
        said = merge(county, [third]).text()
        assert list_conflicts(county) == [], said
        assert [tuple(r) for r in county.rows("SELECT id, amount_pence FROM dhr_deleted_cost_lines")] == [(line, 25000)]
        assert dhr.deleted_lines_unkept(county, date(2018, 6, 1)) == []
    finally:
        county.close()
