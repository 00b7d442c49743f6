"""S64 (left): an office's board report lists its own pooled fund even when all its spend was elsewhere.

Babergh's office keeps the county-wide "Babergh target hardening" fund it coordinates (£2,000 from Suffolk County
Council) in its own file; its first victims were all in Ipswich. The office's board report left the fund out
altogether, because a fund was placed by the districts it spent in: the board paid into it and heard nothing of it.
A fund typed in the office's own file is the office's business wherever its money went (as a fund not yet spent
already was): its report lists it, says nothing of it was spent in the office's areas, and gives the spend as
"Other districts", adding up to the fund. A report for another area (Mid Suffolk, not the office's) still lists a
fund only where it spent; a county file places a merged fund by its spend, as before.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import funds
from safer_desk.services.report import build_report
from tests.exchange.district_offices import add_own_rows, office_from, template

TODAY = date(2026, 1, 15)
FUND = "Babergh target hardening"


def _babergh_office(tmp_path):
    office = office_from(template(tmp_path, police=False), tmp_path / "babergh.sqlite", "Babergh office",
                         districts=["Babergh"])
    add_own_rows(office, "Babergh", review=False)
    fund = funds.fund_by_name(office, FUND).id
    funds.save_item(office, "Door lock", usual_price="95", supplier=None)
    referral = funds.add_referral(office, fund, reference="BAB-2025-001", district="Ipswich",
                                  referred_on="05/05/2025", risk_level="high", at_marac="yes", idva_assigned="yes",
                                  perpetrator_resident="no")
    funds.add_spend_line(office, referral, spent_on="06/05/2025", item="Door lock", amount="450")
    return office


def _fund_sections(store, **kw):
    doc = build_report(store, year="2025/26", today=TODAY, **kw)
    return [s for s in doc.sections if s.title == f"{FUND}: burn-down"]


def test_the_offices_report_lists_its_fund_spent_only_elsewhere(tmp_path):
    office = _babergh_office(tmp_path)
    try:
        [section] = _fund_sections(office)
        own = _fund_sections(office, area="Babergh")  # the office's own district: the same paper
        elsewhere = _fund_sections(office, area="Mid Suffolk")
    finally:
        office.close()
    # One victim in all: the paper leaves the office, so no district is named, not even as "not this office's"
    # (s70: small numbers, by the county export's rule); the spend is the fund's, under no district, and says why.
    by_district = next(t for t in section.tables if t.title == "Spend per district")
    # and its count of one is given as "fewer than 3" (s71)
    assert by_district.rows == [[funds.OTHER_DISTRICTS, "fewer than 3", "£450"]]
    assert by_district.total_row == ["Total", "fewer than 3", "£450"]
    assert "Small numbers are suppressed" in by_district.note
    assert any("Contributions £2,000; spent £450" in p for p in section.paragraphs), section.paragraphs
    assert len(own) == 1
    assert elsewhere == []  # not the office's own area, and nothing spent there


def test_an_office_of_another_county_does_not_list_it(tmp_path):
    office = _babergh_office(tmp_path)
    try:
        from safer_desk.services import reference as ref

        ref.set_office_scope(office, partnerships=["Safer Plymouth"], county="Devon")  # spent in Suffolk: not Devon's
        assert _fund_sections(office) == []
    finally:
        office.close()
