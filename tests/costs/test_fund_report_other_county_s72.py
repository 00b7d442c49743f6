"""A county file merged from a Suffolk office and an Exeter (Devon) office, both files made from the example, so both
sent the Suffolk Target Hardening Pilot. Its spend reaches the county only as "Not given by district (small numbers)",
so the report placed the fund by the offices that sent it: `report COUNTY out.html --area Exeter` printed the Suffolk
fund, saying "some of it may have been spent in Exeter". A fund belongs to the areas it was set up for: its
contributors are members of Suffolk partnerships, so it is no Devon district's; Babergh's report still lists it, with
the words that some of its unplaced spend may have been Babergh's."""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from

TODAY = date(2026, 12, 7)
FUND = "Suffolk Target Hardening Pilot"
DEVON_FUND = "Exeter sanctuary scheme"


def _county(demo_path, tmp_path):
    from safer_desk.services import funds, reference

    sent = []
    for name, district, county in (("Babergh office", "Babergh", "Suffolk"), ("Exeter office", "Exeter", "Devon")):
        office = office_from(demo_path, tmp_path / f"{district}.sqlite", name, districts=[district], county=county)
        try:
            if district == "Exeter":  # a fund of Exeter's own, recording no areas, no spend yet: Exeter's office's
                reference.add_organisation(office, "Exeter City Council", "district council")
                fund = funds.add_fund(office, name=DEVON_FUND, starts_on="01/04/2026", ends_on="31/03/2027")
                funds.add_contribution(office, fund, organisation="Exeter City Council", amount="£1,000",
                                       received_on="01/04/2026")
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        finally:
            office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, sent)
    return county


def _titles(store, area):
    return [s.title for s in build_report(store, area=area, today=TODAY).sections]


def test_a_suffolk_fund_is_not_in_a_devon_districts_report(demo_path, tmp_path):
    county = _county(demo_path, tmp_path)
    try:
        exeter = build_report(county, area="Exeter", today=TODAY)
        babergh = build_report(county, area="Babergh", today=TODAY)
    finally:
        county.close()
    titles = [s.title for s in exeter.sections]
    assert f"{FUND}: burn-down" not in titles
    assert not any("may have been spent in Exeter" in p for s in exeter.sections for p in s.paragraphs)
    # A fund of Exeter's own that records no areas is still placed by the office that sent it.
    assert f"{DEVON_FUND}: burn-down" in titles
    # The Suffolk fund really covers Babergh: its spend under no district may be Babergh's, and the report says so.
    section = next(s for s in babergh.sections if s.title == f"{FUND}: burn-down")
    assert section.paragraphs[0].endswith("which names no district: some of it may have been spent in Babergh.")
    assert f"{DEVON_FUND}: burn-down" not in [s.title for s in babergh.sections]


def test_a_district_the_fund_was_set_up_for_lists_it_though_no_office_of_its_sent_it(demo_path, tmp_path):
    """Mid Suffolk District Council gave the pilot £2,000 as a member of Western Suffolk CSP, and the paper names 2
    of its victims; at a county whose files came from Babergh and Exeter offices, Mid Suffolk's report left the fund
    out, as if none of its spend could be Mid Suffolk's. Its spend is held under no district, so some of it may be."""
    county = _county(demo_path, tmp_path)
    try:
        mid = build_report(county, area="Mid Suffolk", today=TODAY)
    finally:
        county.close()
    section = next((s for s in mid.sections if s.title == f"{FUND}: burn-down"), None)
    assert section is not None, [s.title for s in mid.sections]
    first = section.paragraphs[0]
    assert "Spent in Mid Suffolk: none that the figures place there, of the fund's £2,417 and 15 victims." in first
    assert first.endswith("which names no district: some of it may have been spent in Mid Suffolk.")
    # Exeter's own fund, which records no areas and no spend, is no Suffolk district's.
    assert f"{DEVON_FUND}: burn-down" not in [s.title for s in mid.sections]
