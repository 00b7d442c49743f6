"""An award both offices hold (typed alike by each), whose years each then changes (found by the county walk).

Each office's next file raises a conflict about the award, and the county keeps its own years until the county
lead decides. The second office's file took the county's years away all the same: the year both offices had held
was held by neither once each sent its years under new ids (its parts held back by the conflict), so it went.
Both conflicts then said "first year 2027/28 in the county file" about an award that held no year at all, and the
lead decided on words the county file no longer matched.
"""

from __future__ import annotations

from safer_desk.exchange.county_conflicts import version_of
from safer_desk.exchange.county_merge import county_row_of
from safer_desk.exchange.county_schema import table_info
from safer_desk.services import funders
from safer_desk.services.county import list_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge


def type_award(store, years: dict[str, str]) -> None:
    """The PCC's award as the office types it: its years (the form saves them again, under new ids)."""
    old = next((a for a in funders.list_awards(store) if a.name == "PCC grant"), None)
    funders.save_award(store, funders.make_award(funder="OPCC", name="PCC grant", years=years,
                                                 award_id=old.id if old else None))


def county_years(o) -> list[str]:
    return [r[0] for r in o.county.rows("SELECT y.financial_year FROM funding_award_years y JOIN funding_awards a "
                                        "ON a.id = y.award_id WHERE a.name = 'PCC grant' ORDER BY 1")]


def stale(o) -> list[str]:
    """The open conflicts whose county version is not the county's row as it is now."""
    conn = o.county.conn
    out = []
    for c in list_conflicts(o.county):
        info = table_info(conn, c.table)
        row = county_row_of(conn, info, c.county_key)
        if row is not None and version_of(info, row) != c.county_version:
            out.append(c.detail)
    return out


def test_an_award_both_offices_changed_keeps_the_county_years_its_conflicts_name(offices):
    o = offices
    type_award(o.babergh, {"2027/28": "£380,000"})
    merge(o.county, [o.send(o.babergh)])
    type_award(o.mid, {"2027/28": "£380,000"})
    merge(o.county, [o.send(o.mid)])
    assert list_conflicts(o.county) == [] and county_years(o) == ["2027/28"]  # the same award: held by both

    type_award(o.mid, {"2025/26": "£400,568", "2026/27": "£400,568", "2027/28": "£380,000"})
    type_award(o.babergh, {"2026/27": "£380,000", "2027/28": "£380,000"})
    merge(o.county, [o.send(o.babergh)])
    merge(o.county, [o.send(o.mid)])

    assert county_years(o) == ["2027/28"]  # the county's award as it was, until the lead decides
    conflicts = list_conflicts(o.county)
    assert sorted(c.office_name for c in conflicts) == ["Babergh office", "Mid Suffolk office"]
    assert all("first year 2027/28" in c.county_side for c in conflicts), [c.detail for c in conflicts]
    assert stale(o) == []

    babergh = next(c for c in conflicts if c.office_name == "Babergh office")
    resolve_conflicts(o.county, "county", which=babergh.id)
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])  # a decision stands; Mid Suffolk's still open, as it was
    assert [c.office_name for c in list_conflicts(o.county)] == ["Mid Suffolk office"] and stale(o) == []
    assert county_years(o) == ["2027/28"]

    resolve_conflicts(o.county, "district", which=list_conflicts(o.county)[0].id)
    assert county_years(o) == ["2025/26", "2026/27", "2027/28"]
    merge(o.county, [o.send(o.mid)])
    assert county_years(o) == ["2025/26", "2026/27", "2027/28"] and list_conflicts(o.county) == []
