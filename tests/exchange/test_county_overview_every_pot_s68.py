"""S68: the County overview showed one allocation a year, though the county file held more than one pot.

The Western CSP office sends the board's agreed Suffolk 2009/10 split (£589,608, "Option 2"); the Ipswich office
sends a separate pot of its own, agreed by its board the same year ("Ipswich small grants", £40,000 between Ipswich
CSP and Babergh CSP). The County overview showed "Allocation 2009/10: Option 2" alone: the £40,000 was nowhere in it,
not even said. Each office's allocation of the year is now its own table, named, with whose it is; each agreed by
its own office's board says so (alloc2: two offices' pots are not two versions of one allocation).
"""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.projects import Project, add_projects
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

OPTION_2 = "Allocation 2009/10: Option 2 - As per 2008/09 with updated crime figures, 10% retained"


def _sent(office, path):
    try:
        return export(office, path)
    finally:
        office.close()


def _county(tmp_path, demo_path, *, ipswich_agreed: bool = True):
    western = office_from(demo_path, tmp_path / "western.sqlite", "Western CSP office", partnerships=["Western CSP"])
    # An office at work on the example's papers (a project of its own): one that sent only its copy of the example
    # is not named as where a row came from (s74, test_example_only_offices_s74).
    add_projects(western, [Project(id="p-western-own", title="Western CSP street pastors", areas=("Western CSP",))])
    sent = [_sent(western, tmp_path / "western-export.sqlite")]
    ipswich = office_from(template(tmp_path), tmp_path / "ipswich.sqlite", "Ipswich office",
                          partnerships=["Ipswich CSP"])
    rows = [PartnershipInput("Ipswich CSP", 1, {"basis": Fraction(7937)}, 30_000_00),
            PartnershipInput("Babergh CSP", 1, {"basis": Fraction(2442)}, 10_000_00)]
    with ipswich.action("Save"):
        saved = service.save_scenario(ipswich, "Ipswich small grants", "2009/10", rows,
                                      AllocationOptions(pot_pence=40_000_00))
        if ipswich_agreed:
            service.set_adopted(ipswich, saved)
    sent.append(_sent(ipswich, tmp_path / "ipswich-export.sqlite"))
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, sent)
    return county


def _overview(county):
    report = build_report(county, year="2009/10")
    overview = next(s for s in report.sections if s.title == "County overview")
    return [t for t in overview.tables if t.title.startswith("Allocation ")], overview.paragraphs


def test_the_county_overview_shows_every_office_s_allocation_of_the_year_named(tmp_path, demo_path):
    county = _county(tmp_path, demo_path)
    try:
        tables, paragraphs = _overview(county)
    finally:
        county.close()
    # Both agreed (each by its own office's board): the one the Allocation section shows first, then the other.
    by_title = {t.title: t for t in tables}
    assert len(tables) == 2 and set(by_title) == {OPTION_2, "Allocation 2009/10: Ipswich small grants"}
    option2, grants = by_title[OPTION_2], by_title["Allocation 2009/10: Ipswich small grants"]
    assert option2.total_row[1] == "£589,608"
    assert grants.total_row[1] == "£40,000"
    # Each agreed by its own office's board (alloc2: marking one no longer unmarks the other): neither is "only one".
    assert option2.note == "Agreed by the board. Merged from Western CSP office."
    assert grants.note == "Agreed by the board. Merged from Ipswich office."
    assert not [p for p in paragraphs if "only one can be" in p]
    assert sum(int(r[1].strip("£").replace(",", "")) for r in grants.rows) == 40_000


def test_an_office_s_pot_not_agreed_is_its_latest_saved(tmp_path, demo_path):
    county = _county(tmp_path, demo_path, ipswich_agreed=False)
    try:
        tables, paragraphs = _overview(county)
    finally:
        county.close()
    assert not [p for p in paragraphs if "marked agreed" in p]
    assert tables[0].note == "Agreed by the board. Merged from Western CSP office."
    assert [t.title for t in tables] == [OPTION_2, "Allocation 2009/10: Ipswich small grants"]
    assert tables[1].note == "The latest saved scenario (none agreed). Merged from Ipswich office."

