"""Round s63: a district office's board report led with the county it adds up, not with its own district.

Ipswich CSP's office (its district Ipswich, its county Suffolk) imported Suffolk's police.uk file and printed the
board report: "1. Indicators: Suffolk" came first (the county's figures derived from all five districts'), and
Ipswich's own figures second, while the Indicators tab opens on Ipswich (round 61: "a district office naming its
county opens on its district, not on the county it adds up"). The office's own partnerships and districts now lead,
the county after them for context; a county file, and an office whose districts are all its county's (the example's
Safer Suffolk Partnership Board), still lead with the county.
"""

from __future__ import annotations

from pathlib import Path

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import reference as ref
from safer_desk.services.police_import import import_police_files
from safer_desk.services.report import build_report, report_areas

STREET = Path(__file__).resolve().parents[1] / "fixtures" / "police" / "suffolk-2021-01" / "2021-01-suffolk-street.csv"
FY20 = FinancialYear(2020)


def test_a_district_office_leads_with_its_district(store):
    import_police_files(store, [STREET])
    ref.set_office_scope(store, districts=["Ipswich"], county="Suffolk")
    areas = report_areas(store, None, FY20)
    assert [i for i in areas.indicator_area_ids] == ["district:ipswich", "county:suffolk"]
    sections = [s.title for s in build_report(store, year=FY20).sections if s.title.startswith("Indicators")]
    assert sections[:2] == ["Indicators: Ipswich", "Indicators: Suffolk"]


def test_an_office_of_the_whole_county_leads_with_the_county(demo_store):
    areas = report_areas(demo_store, None, FinancialYear(2025))
    assert areas.indicator_area_ids[0] == "county:suffolk"


def test_its_workbook_for_the_county_gives_the_district_first_too(store):
    from safer_desk.services.county_workbook import _workbook_areas

    import_police_files(store, [STREET])
    ref.set_office_scope(store, districts=["Ipswich"], county="Suffolk")
    assert [a.id for a, _ in _workbook_areas(store)] == ["district:ipswich", "county:suffolk"]
