"""An office renamed itself between two exports (Babergh office, now Babergh and Sudbury office) and its older export
reached the county after the newer one: the refusal said "older than an export from Babergh office already merged",
by the name of the file refused, where the export already merged, and every list of the county, call it Babergh and
Sudbury office: the county lead looked for an office the county file no longer names."""

from __future__ import annotations

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, export, merge


def test_an_older_export_of_a_renamed_office_is_refused_naming_it_as_the_county_does(tmp_path):
    first = district_exports(tmp_path, ["Babergh"])[0]
    office = open_store(tmp_path / "babergh.sqlite")
    try:
        office.set_meta("office_name", "Babergh and Sudbury office")
        second = export(office, tmp_path / "babergh-2.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [second])
        report = merge(county, [first])
    finally:
        county.close()
    [(_, why)] = report.refused
    assert ("it is older than an export from Babergh and Sudbury office (called Babergh office in this file) "
            "already merged") in why
