"""Round s66: the county workbook's Indicator summary says where each figure came from, as Indicators by month does.

DESIGN §3: each row keeps where it came from. In a county file the Indicators by month sheet has a Source column
("Merged from Babergh office (typed)"); the Indicator summary beside it had none, and a quarterly or annual indicator
a district typed is only on the summary (the monthly sheet lists monthly figures): the county lead could not tell
which office had sent it. The summary now has the Source column in a county file; an office's own workbook is as it
was.
"""

from __future__ import annotations

import openpyxl
import pytest

from safer_desk.services import indicators as ind
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.test_county_workbook_provenance_round35cnt import table


@pytest.fixture
def offices(tmp_path):
    base = template(tmp_path, months=["2025-04"])
    sent = []
    for district in ("Babergh", "Ipswich"):
        office = office_from(base, tmp_path / f"{district}.sqlite", f"{district} office", districts=[district])
        try:
            hate = ind.save_indicator(office, "Hate incidents", frequency="quarterly")
            ind.save_values(office, hate, f"district:{district.lower()}", [ind.PeriodValue("2025-Q1", 12.0)],
                            require_red_comments=False)
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        finally:
            office.close()
    return tmp_path, sent


def test_the_county_workbook_s_summary_names_the_office_each_figure_came_from(offices):
    folder, sent = offices
    county = open_store(folder / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, sent)
        export_for_county(county, folder / "county.xlsx")
    finally:
        county.close()
    rows = table(openpyxl.load_workbook(folder / "county.xlsx"), "Indicator summary", "Area")
    source = {(r["Area"], r["Indicator"]): r["Source"] for r in rows if r["Financial year"] == "2025/26"}
    assert source[("Babergh", "Hate incidents")] == "Merged from Babergh office (typed)"
    assert source[("Ipswich", "Hate incidents")] == "Merged from Ipswich office (typed)"
    assert source[("Babergh", "All crime")].startswith("police.uk import")
    assert source[("Suffolk (derived)", "All crime")] == "Added up from its districts'"


def test_an_office_s_own_summary_has_no_source_column(offices):
    folder, _ = offices
    office = open_store(folder / "Babergh.sqlite")
    try:
        export_for_county(office, folder / "babergh.xlsx")
    finally:
        office.close()
    (first,) = table(openpyxl.load_workbook(folder / "babergh.xlsx"), "Indicator summary", "Area")[:1]
    assert "Source" not in first and "Merged from" not in first
