"""The county workbook against the board report (round 30)."""

from __future__ import annotations

import openpyxl

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import cornwall_office, export, merge, office_from, template


def _rows(sheet) -> list[tuple]:
    return [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]]


def test_a_forces_stray_crimes_in_another_county_are_not_that_districts_figures_in_the_workbook(tmp_path):
    """Suffolk Constabulary's counts of Jul 2025 hold one crime located in Cornwall. A county file holding them and
    a Cornwall office's All crime (3,000 a month, typed for 2024/25) wrote on its Indicator summary sheet "Cornwall,
    2025/26, All crime, Jul-25: 1, same periods last year 3,000, change -2,999 (-100.0%)", and the stray crime on
    Indicators by month: a fall of 2,999 crimes no one had, where the board report says these are a few of
    Cornwall's crimes, not its figures, and shows none."""
    from safer_desk.services.county import export_for_county
    from safer_desk.services.reference import set_office_scope
    from safer_desk.services.report import build_report

    base = template(tmp_path)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    cornwall = cornwall_office(tmp_path / "cornwall.sqlite")
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        cornwall.set_meta("office_name", "Cornwall office")
        merge(county, [export(babergh, tmp_path / "babergh-export.sqlite"),
                       export(cornwall, tmp_path / "cornwall-export.sqlite")])
        set_office_scope(county, county="Suffolk")  # File > Office Details…: the county file is Suffolk's
        report = build_report(county, year="2025/26", area="Cornwall (district)")
        assert "no figures are shown for it" in " ".join(p for s in report.sections for p in s.paragraphs)
        export_for_county(county, tmp_path / "county.xlsx")
    finally:
        for store in (county, cornwall, babergh):
            store.close()
    book = openpyxl.load_workbook(tmp_path / "county.xlsx")
    summary = _rows(book["Indicator summary"])
    # Cornwall the district beside Cornwall the county says its kind, as the report names it (s69)
    assert [r[:5] for r in summary if r[0] == "Cornwall (district)"] == [
        ("Cornwall (district)", "2024/25", "All crime", "Apr 2024 to Mar 2025", 36000)]
    assert [r[:5] for r in _rows(book["Indicators by month"])
            if r[0] == "Cornwall (district)" and r[2] == "2025/26"] == []
    assert "Crimes Suffolk Constabulary recorded in Cornwall" in book["Indicator summary"]["A2"].value
    assert "Crimes Suffolk Constabulary recorded in Cornwall" in book["Indicators by month"]["A2"].value
    assert any(r[0] == "Babergh" and r[1] == "2025/26" for r in summary)  # Babergh's own figures are kept
