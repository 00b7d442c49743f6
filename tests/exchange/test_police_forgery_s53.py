"""An export whose police.uk counts were edited after signing is refused by `merge` as by `check` (session 53).

Seen: `check` said the file "cannot be merged", and `merge` merged it (exit 0) when the county already held the
edited force-month from the same download (it was never read), or when rows of a force that was never signed were
added (never read either): the county recorded the forged file as the office's export, and a new county file
registered the office's key on the strength of it.
"""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.exchange.county_merge import ExportRefused, read_export
from safer_desk.exchange.county_schema import content_checksum
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, merge


@pytest.fixture
def county(tmp_path):
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield store
    store.close()


def edited(path, sql: str):
    conn = sqlite3.connect(str(path))
    conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def test_a_count_edited_in_a_force_month_the_county_already_holds_is_refused(tmp_path, county):
    babergh, mid = district_exports(tmp_path, ["Babergh", "Mid Suffolk"])
    assert merge(county, [babergh]).merged  # the county holds the twelve force-months from this download
    edited(mid, "UPDATE _police_counts SET count = count + 50 WHERE month = '2025-03' AND crime_type = 'Burglary'")
    before = content_checksum(county.conn), county.scalar("SELECT count(*) FROM _county_imports")
    report = merge(county, [mid])
    assert report.merged == [], report.text()
    assert "its police.uk counts for Suffolk Constabulary Mar 2025 were changed after it was signed" \
        in report.refused[0][1]
    assert (content_checksum(county.conn), county.scalar("SELECT count(*) FROM _county_imports")) == before


def test_counts_of_a_force_never_signed_are_refused_and_said_to_be_added(tmp_path, county):
    path = edited(district_exports(tmp_path, ["Babergh"])[0],
                  "INSERT INTO _police_counts SELECT 'Made-up Constabulary', month, source_district, crime_type, "
                  "area_id, count FROM _police_counts WHERE month = '2025-01'")
    why = "its police.uk counts for Made-up Constabulary Jan 2025 were added after it was signed"
    with pytest.raises(ExportRefused, match=why):
        read_export(path)  # `safer-desk check`: added, not "changed"
    report = merge(county, [path])
    assert report.merged == [] and why in report.refused[0][1], report.text()
    # Nothing of it is in the new county file: not the counts, not its key.
    assert county.scalar("SELECT count(*) FROM _police_counts") == 0
    assert county.scalar("SELECT count(*) FROM _county_imports") == 0
    assert county.scalar("SELECT count(*) FROM _county_keys") == 0


def test_counts_of_a_signed_force_month_taken_away_are_said_to_be_removed(tmp_path):
    path = edited(district_exports(tmp_path, ["Babergh"])[0], "DELETE FROM _police_counts WHERE month = '2025-02'")
    with pytest.raises(ExportRefused, match="its police.uk counts for Suffolk Constabulary Feb 2025 were removed "
                                            "after it was signed"):
        read_export(path)
