"""A county file merged from some of its districts' offices: the districts no office has sent a file for yet are
still counted in the county's figure (police.uk places their crimes in them), so the county overview gives them a
column too, said as such, and its row adds up to the county's figure."""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, merge


def _overview_tables(store, **kwargs):
    doc = build_report(store, today=date(2025, 12, 1), **kwargs)
    overview = next(s for s in doc.sections if s.title == "County overview")
    per_district = next(t for t in overview.tables if t.title.endswith("per district"))
    group = next(t for t in overview.tables if t.title.endswith("for the county and partnerships"))
    return per_district, group


def _figure(cell: str) -> int:
    return int(cell.split("\u00a0")[1].replace(",", ""))  # "○ 2,869": the symbol, a no-break space, the figure


def test_a_district_no_office_has_sent_is_in_the_overview_as_in_the_countys_figure(tmp_path):
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert not merge(county, district_exports(tmp_path, ["Babergh", "Mid Suffolk"], own_rows=False)).conflicts
        per_district, group = _overview_tables(county, year="2025/26")
        assert per_district.header[1:] == ["Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"]
        all_crime = next(r for r in per_district.rows if r[0] == "All crime")
        suffolk = next(r for r in group.rows if r[0] == "All crime")[group.header.index("Suffolk")]
        assert sum(_figure(c) for c in all_crime[1:]) == _figure(suffolk)
        assert ("East Suffolk, Ipswich and West Suffolk: no office's file merged into this county file names them; "
                "their figures, as the county file holds them, are counted in Suffolk's.") \
            in per_district.note
        # The report for the county itself had them already, in the same words.
        assert _overview_tables(county, year="2025/26", area="Suffolk")[0].header == per_district.header
    finally:
        county.close()
