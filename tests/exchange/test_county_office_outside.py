"""A county file with an office outside its county merged in (a Cornwall office's export in Suffolk's file, an
office of a Devon and Cornwall partnership in Devon's): the county keeps its own county, its figures made from its
own districts, and the report and the merge summary say which merged office lies outside it, instead of the
county's sections going without a word."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

OUTSIDE = ("Cornwall office lies outside Suffolk (district Cornwall is in Cornwall): its figures for Cornwall are "
           "shown under its own areas, not counted in Suffolk's.")


def _exports(folder, base):
    """A Suffolk office's export and a Cornwall office's (All crime typed for Cornwall), both from one file."""
    suffolk = office_from(base, folder / "suffolk.sqlite", "Suffolk office", partnerships=["Western Suffolk CSP"])
    cornwall = office_from(base, folder / "cornwall.sqlite", "Cornwall office", districts=["Cornwall"],
                           county="Cornwall")
    try:
        indicator = "indicator:all-crime"  # the police.uk indicator every office has
        for area, value in (("district:cornwall", 3000.0), ("district:isles-of-scilly", 7.0)):
            svc.save_values(cornwall, indicator, area, [PeriodValue(m.iso, value) for m in FinancialYear(2025).months],
                            require_red_comments=False)
        return export(suffolk, folder / "suffolk-x.sqlite"), export(cornwall, folder / "cornwall-x.sqlite")
    finally:
        suffolk.close()
        cornwall.close()


def _ytd(store, area_id: str, indicator_id: str, year: FinancialYear):
    row = next(r for r in svc.summary(store, area_id, year) if r.indicator.id == indicator_id)
    return row.view.ytd.value


def test_a_cornwall_office_merged_into_the_suffolk_file_leaves_it_suffolks(tmp_path, demo_master):
    suffolk_x, cornwall_x = _exports(tmp_path, demo_master)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [suffolk_x])
        year = FinancialYear(2025)
        before = _ytd(county, "county:suffolk", "indicator:all-crime", year)
        summary = merge(county, [cornwall_x]).text()

        assert ref.office_county(county).name == "Suffolk"
        assert OUTSIDE in summary.split("\n\n")[0]  # in the part of the summary the window shows
        assert "names no county" in summary and "--county" in summary
        # The county's row of the workbook and of Compare Areas: the office's areas still begin with Suffolk.
        assert ref.office_areas(county)[0].id == "county:suffolk"
        # Suffolk's figure is still its own districts' (Cornwall's 3,000 a month is not in it).
        assert _ytd(county, "county:suffolk", "indicator:all-crime", year) == before

        sections = {s.title: s for s in build_report(county, year="2025/26").sections}
        assert OUTSIDE in sections["Indicators: Suffolk"].paragraphs
        # the office's own figures, under its own district (named apart from the county Cornwall the file knows)
        assert "Indicators: Cornwall (district)" in sections
        overview = sections["County overview"]
        assert OUTSIDE in overview.paragraphs
        assert any(t.header[1] == "Suffolk" for t in overview.tables)  # the county column of the county table
    finally:
        county.close()


def test_a_county_file_that_names_its_county_says_which_office_is_outside(tmp_path):
    suffolk_x, cornwall_x = _exports(tmp_path, template(tmp_path))
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        ref.set_office_scope(county, county="Suffolk")
        summary = merge(county, [cornwall_x, suffolk_x]).text()  # Cornwall's first: the county is still Suffolk
        assert ref.office_county(county).name == "Suffolk"
        assert OUTSIDE in summary and "names no county" not in summary
        assert merge(county, [suffolk_x]).county_notes == []  # only about the offices of this merge
        overview = next(s for s in build_report(county).sections if s.title == "County overview")
        assert OUTSIDE in overview.paragraphs
        # A report for Cornwall's county is not told that Cornwall lies outside Suffolk.
        cornwall = build_report(county, area="Cornwall (county)").sections
        assert not any(OUTSIDE in s.paragraphs for s in cornwall)
    finally:
        county.close()


def test_an_office_spanning_two_counties_is_said_to_lie_partly_outside(tmp_path):
    base = template(tmp_path, police=False)
    office = office_from(base, tmp_path / "dc.sqlite", "Devon and Cornwall office", districts=["Plymouth", "Cornwall"],
                         county="Devon")
    try:
        office_x = export(office, tmp_path / "dc-x.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Devon county team")
    try:
        ref.set_office_scope(county, county="Devon")
        report = merge(county, [office_x])
        assert not report.refused
        assert report.county_notes == [
            "Devon and Cornwall office lies partly outside Devon (district Cornwall is in Cornwall): its figures for "
            "Cornwall are shown under its own areas, not counted in Devon's."]
        assert ref.office_county(county).name == "Devon"
    finally:
        county.close()


def test_an_office_of_another_county_is_said_to_lie_outside_not_partly(tmp_path):
    """Round 65: a Plymouth office naming Devon, merged into Suffolk's file, has no district in Suffolk; the summary
    said it lay "partly outside Suffolk" (Plymouth, a unitary, counts in no county's figures, so it was not counted
    as lying away from Suffolk either), as if some of its work were Suffolk's."""
    base = template(tmp_path, police=False)
    suffolk = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    plymouth = office_from(base, tmp_path / "plymouth.sqlite", "Plymouth office", districts=["Plymouth"],
                           county="Devon")
    try:
        exports = [export(suffolk, tmp_path / "babergh-x.sqlite"), export(plymouth, tmp_path / "plymouth-x.sqlite")]
    finally:
        suffolk.close()
        plymouth.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        ref.set_office_scope(county, county="Suffolk")
        merge(county, exports[:1])
        report = merge(county, exports[1:])
        assert not report.refused
        assert report.county_notes == [
            "Plymouth office lies outside Suffolk (it names Devon as its county): its figures are shown under its own "
            "areas, not counted in Suffolk's."]
    finally:
        county.close()
