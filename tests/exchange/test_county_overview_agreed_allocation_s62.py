"""S62 (county2): a county board report gave the year's allocation two ways.

Western CSP's office keeps the board's agreed 2009/10 allocation typed from the paper, naming the partnerships as the
paper does ("West" for Forest Heath, Mid Suffolk and St Edmundsbury), beside the illustrative "Option 2 with exact
shares" (not agreed) naming them as the file does ("Western CSP"). Merged into the county file, the report's
Allocation section showed the agreed one (another version of it no longer stands in for it) but the County overview
under it showed "Option 2 with exact shares", "The latest saved scenario (none agreed)": West's £206,046, not the
£206,043 the board agreed. The overview now picks the year's allocation as the Allocation section does.
"""

from __future__ import annotations

from dataclasses import replace

from safer_desk.services import allocation as service
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from


def _paper_named_agreed(store):
    agreed = service.load_scenario(store, service.adopted_scenario(store, "2009/10").id)
    paper = [replace(p, name=p.name.removesuffix(" CSP").replace("Western", "West")) for p in agreed.partnerships]
    with store.action("Save"):
        service.set_adopted(store, service.save_scenario(store, "As the paper names them", "2009/10", paper,
                                                         agreed.options))


def _county_of_western_csp(tmp_path, demo_path, *, agreed: bool = True):
    office = office_from(demo_path, tmp_path / "western.sqlite", "Western CSP office", partnerships=["Western CSP"])
    try:
        _paper_named_agreed(office)
        if not agreed:
            with office.action("Unmark"):
                service.set_adopted(office, service.adopted_scenario(office, "2009/10").id, False)
        sent = export(office, tmp_path / "western-export.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, [sent])
    return county


def _allocation_titles(store, title):
    report = build_report(store, year="2009/10")
    return [(t.title, t.note) for s in report.sections if s.title == title for t in s.tables
            if "llocation" in t.title]


def test_the_county_overview_gives_the_allocation_the_board_agreed_as_the_allocation_section_does(tmp_path,
                                                                                                   demo_path):
    county = _county_of_western_csp(tmp_path, demo_path)
    try:
        section = _allocation_titles(county, "Allocation 2009/10")
        overview = _allocation_titles(county, "County overview")
    finally:
        county.close()
    assert [t for t, _ in section] == ["Financial allocation 2009/10: As the paper names them"]
    assert len(overview) == 1
    title, note = overview[0]
    assert title == "Allocation 2009/10: As the paper names them"
    assert note.startswith("Agreed by the board.")


def test_with_none_agreed_the_county_overview_gives_the_latest_saved_as_before(tmp_path, demo_path):
    county = _county_of_western_csp(tmp_path, demo_path, agreed=False)
    try:
        overview = _allocation_titles(county, "County overview")
    finally:
        county.close()
    assert overview == [("Allocation 2009/10: Option 2 with exact shares",
                         "The latest saved scenario (none agreed). Merged from Western CSP office.")]  # whose (s63)
