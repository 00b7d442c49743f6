"""S70 (fund3): a fund's spend per district leaves the office file small-number suppressed, as the county export does.

The example's pilot spent in Babergh on 1 victim, Forest Heath 1, Mid Suffolk 2, St Edmundsbury 2 and Suffolk
Coastal 2. The county export never names a district for a row of fewer than three victims, yet the fund's workbook
(*Export fund report…*, Per district) and the board report's "Spend per district" gave "Babergh 1 £205": anyone
who knew of one door lock fitted in Babergh could tell whose it was. Both now give those districts only under
"Not given by district (small numbers)" (8 victims, £1,322), by the rule of domain.disclosure, and say so; the
office's own page still shows every district.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.disclosure import districts_with_disclosure_control
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.services.report import build_report

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2018, 7, 20)
OTHER = funds.OTHER_DISTRICTS
SHARED = [("Ipswich", 4, 58_000), ("Waveney", 3, 51_500), (OTHER, 8, 132_200)]


def test_districts_of_one_or_two_victims_are_merged_and_the_totals_hold():
    rows = [("A", 1, 100), ("B", 5, 500), ("C", 2, 200), ("D", 3, 300)]
    assert districts_with_disclosure_control(rows, "Other") == [("B", 5, 500), ("D", 3, 300), ("Other", 3, 300)]
    assert districts_with_disclosure_control([("B", 5, 500), ("D", 3, 300)], "Other") == [
        ("B", 5, 500), ("D", 3, 300)]  # nothing small: as given


def test_a_merged_row_of_one_or_two_takes_the_district_of_fewest_victims():
    # Babergh alone would be told apart as "everything not named": Mid Suffolk (3) joins it.
    rows = [("Babergh", 2, 200), ("Ipswich", 9, 900), ("Mid Suffolk", 3, 350)]
    out = districts_with_disclosure_control(rows, "Other")
    assert out == [("Ipswich", 9, 900), ("Other", 5, 550)]
    # a fund of fewer than three in all: one row naming no district
    assert districts_with_disclosure_control([("Babergh", 1, 100), ("Ipswich", 1, 50)], "Other") == [
        ("Other", 2, 150)]
    # a county's row of no district (from an office's export) of two victims takes a district too
    county = [("Ipswich", 4, 400), ("Waveney", 3, 300), ("Other", 2, 20)]
    assert districts_with_disclosure_control(county, "Other") == [("Ipswich", 4, 400), ("Other", 5, 320)]


@pytest.fixture
def pilot(demo_store):
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    return p


def test_the_workbooks_per_district_names_no_district_of_fewer_than_three(pilot):
    sheet = next(s for s in pilot.report_sheets() if s.name == "Per district")
    assert sheet.rows == [list(r) for r in SHARED] + [["Total", 15, 241_700]]
    assert "Small numbers are suppressed" in sheet.title
    # the office's own page still shows every district
    assert ("Babergh", 1, 20_500) in pilot.data.figures.by_district


def test_the_board_reports_spend_per_district_names_no_district_of_fewer_than_three(demo_store):
    doc = build_report(demo_store, year="2018/19", today=TODAY)
    [section] = [s for s in doc.sections if s.title == f"{PILOT}: burn-down"]
    table = next(t for t in section.tables if t.title == "Spend per district")
    assert table.rows == [["Ipswich", "4", "£580"], ["Waveney", "3", "£515"], [OTHER, "8", "£1,322"]]
    assert table.total_row == ["Total", "15", "£2,417"]
    assert "Small numbers are suppressed" in table.note
    # no table of victims anywhere in the paper names a district of one or two
    victims = [r for s in doc.sections for t in s.tables if "Victims" in t.header for r in t.rows]
    assert victims and not {"Babergh", "Forest Heath", "Mid Suffolk"} & {r[0] for r in victims}


def test_the_county_overview_names_no_district_of_fewer_than_three(demo_path, tmp_path):
    """A county file's own fund (typed at the county, victim by victim) with one victim in Babergh: the county
    overview's *Pooled-fund spend per district* named "Babergh, County sanctuary, 1, £100"."""
    from safer_desk.services.report_sections.county import fund_spend_table
    from safer_desk.services.report_sections import office_areas_for
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        sent = export(office, tmp_path / "export.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent])
        funds.save_item(county, "Door lock", usual_price="95", supplier=None)
        fund = funds.add_fund(county, name="County sanctuary", starts_on="01/04/2018", ends_on="31/03/2019")
        for i, district in enumerate(["Babergh"] + ["Ipswich"] * 4 + ["Mid Suffolk"] * 3):
            referral = funds.add_referral(county, fund, reference=f"CS-2018-00{i}", district=district,
                                          referred_on="02/05/2018", risk_level="high", at_marac="yes",
                                          idva_assigned="yes", perpetrator_resident="no")
            funds.add_spend_line(county, referral, spent_on="03/05/2018", item="Door lock", amount="100")
        from safer_desk.domain.periods import FinancialYear

        year = FinancialYear.parse("2018/19")
        table = fund_spend_table(county, year, office_areas_for(county, year, None), TODAY)
    finally:
        county.close()
    # Babergh's one alone would be told apart as "not given": Mid Suffolk's 3, the fewest named, join it
    assert [r for r in table.rows if r[1] == "County sanctuary"] == [["Ipswich", "County sanctuary", "4", "£400"],
                                                                  [OTHER, "County sanctuary", "4", "£400"]]
    assert "Small numbers are suppressed" in table.note
