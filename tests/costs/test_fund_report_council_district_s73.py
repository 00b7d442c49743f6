"""Session 73: at the county, a pooled fund whose spend is held under no district (the small-number rule) is placed
in the districts its councils paid in for. The rule read a council's district through the partnerships the file
records it a member of, so:

- a district council that belongs to no recorded partnership (East Suffolk Council, in a file whose partnerships
  still name the councils it replaced) placed the fund nowhere: East Suffolk's report left out a fund East Suffolk
  Council paid £1,000 into, though some of its spend may have been there;
- a district council's payment placed the fund in every district of its partnership: Babergh District Council's
  £1,000 for a Babergh scheme put it in Mid Suffolk's report ("some of it may have been spent in Mid Suffolk"),
  Babergh being one of Western Suffolk CSP's four districts, though no Mid Suffolk body paid in.

A district (or unitary) council is its district's, as a county council or a PCC is its county's (DESIGN §3: partnership
and county figures are derived from district figures): its payment places the fund in the district it is named for.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from

TODAY = date(2026, 12, 7)
FUND = "Babergh sanctuary scheme"


def _county(demo_path, tmp_path):
    from safer_desk.services import funds, reference

    office = office_from(demo_path, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        reference.add_organisation(office, "East Suffolk Council", "district council")  # in no partnership
        fund = funds.add_fund(office, name=FUND, starts_on="01/04/2026", ends_on="31/03/2027")
        for council in ("Babergh District Council", "East Suffolk Council"):
            funds.add_contribution(office, fund, organisation=council, amount="£1,000", received_on="01/04/2026")
        referral = funds.add_referral(office, fund, reference="BSS-001", district="Babergh", referred_on="02/05/2026",
                                      risk_level="high", at_marac=True, idva_assigned=True,
                                      perpetrator_resident=False)
        funds.add_spend_line(office, referral, spent_on="03/05/2026", item=funds.list_items(office)[0]["name"],
                             amount="£40")
        sent = export(office, tmp_path / "babergh-export.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, [sent])
    return county


def _section(store, area):
    report = build_report(store, area=area, today=TODAY)
    return next((s for s in report.sections if s.title == f"{FUND}: burn-down"), None)


def test_a_council_places_the_fund_in_its_own_district(demo_path, tmp_path):
    county = _county(demo_path, tmp_path)
    try:
        held = county.scalar("SELECT count(*) FROM fund_spend_summary s JOIN funds f ON f.id = s.fund_id "
                             "WHERE f.name = ? AND s.district_id IS NULL", (FUND,))
        assert held == 1  # one victim: held under no district
        east, mid, babergh = (_section(county, a) for a in ("East Suffolk", "Mid Suffolk", "Babergh"))
    finally:
        county.close()
    assert east is not None, "East Suffolk Council paid in, but East Suffolk's report left the fund out"
    assert east.paragraphs[0].endswith("which names no district: some of it may have been spent in East Suffolk.")
    assert mid is None, "no Mid Suffolk body paid in, yet Mid Suffolk's report listed the fund"
    assert babergh is not None
