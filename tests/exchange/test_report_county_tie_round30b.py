"""A county file naming no county, with one Suffolk office and one Cornwall office merged (round 30 follow-up).

The report took Suffolk ("the office merged first decided") while its workbook took Cornwall: the order of merging
is in the county file's _county_imports, which the export the workbook is made from does not carry, so the
workbook fell back to another order. The choice no longer depends on that order (a tie goes to the county more of
the merged offices' districts lie in, then the first by name), and both say the county is not named and how to
name it.
"""

from __future__ import annotations

import openpyxl
import pytest

from safer_desk.services import reference as ref
from safer_desk.services.county import export_for_county
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import merge
from tests.exchange.test_county_office_outside import _exports

NOT_NAMED = ("This county file names no county, and its merged offices name Suffolk and Cornwall as often as each "
             "other: it is reported as Suffolk's, where more of their districts lie. Name its county in File > "
             "Office Details… (safer-desk office FILE --county NAME).")


def _areas(path) -> set[str]:
    ws = openpyxl.load_workbook(path)["Indicator summary"]
    return {r[0] for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}, ws["A2"].value


@pytest.mark.parametrize("order", ["suffolk first", "cornwall first"])
def test_a_tie_between_two_counties_is_taken_the_same_way_by_the_report_and_the_workbook(tmp_path, demo_master,
                                                                                         order):
    suffolk_x, cornwall_x = _exports(tmp_path, demo_master)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="county team")
    try:
        summary = merge(county, [suffolk_x, cornwall_x] if order == "suffolk first" else [cornwall_x, suffolk_x])
        assert ref.office_county(county).name == "Suffolk"  # whichever office was merged first
        assert NOT_NAMED in summary.county_notes
        report = build_report(county)
        titles = [s.title.rsplit(", ", 1)[0] for s in report.sections]  # all years: "Indicators: Suffolk, 2025/26"
        assert "Indicators: Suffolk" in titles and "Indicators: Cornwall (county)" not in titles
        assert NOT_NAMED in next(s for s in report.sections if s.title == "County overview").paragraphs
        export_for_county(county, tmp_path / "county.xlsx")
    finally:
        county.close()
    areas, note = _areas(tmp_path / "county.xlsx")
    # was Cornwall's, the report Suffolk's; Cornwall the district says its kind beside Cornwall the county (s69)
    assert "Suffolk (derived)" in areas and not {"Cornwall (derived)", "Cornwall (county, derived)"} & areas
    assert {"Babergh", "Cornwall (district)"} <= areas
    assert NOT_NAMED in note


def test_a_county_named_in_office_details_settles_it_for_both(tmp_path, demo_master):
    suffolk_x, cornwall_x = _exports(tmp_path, demo_master)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="county team")
    try:
        merge(county, [cornwall_x, suffolk_x])
        ref.set_office_scope(county, county="Suffolk")
        assert ref.office_county(county).name == "Suffolk"
        report = build_report(county)
        assert "Indicators: Suffolk" in [s.title.rsplit(", ", 1)[0] for s in report.sections]  # ", 2025/26"
        assert not any(NOT_NAMED in p for s in report.sections for p in s.paragraphs)
        export_for_county(county, tmp_path / "county.xlsx")
    finally:
        county.close()
    areas, note = _areas(tmp_path / "county.xlsx")
    assert "Suffolk (derived)" in areas and not {"Cornwall (derived)", "Cornwall (county, derived)"} & areas
    assert NOT_NAMED not in (note or "")
