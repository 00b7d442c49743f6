"""Round 35 (cnt): the county lead can see in the county workbook which office each row came from.

DESIGN §3: "each row keeps where it came from". The window says it of a figure ("Merged from Babergh office
(typed)"); the workbook printed from the county file named no office at all, so a project, a review or a fund on
the board's papers could not be traced to the district that sent it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from safer_desk.services import indicators as ind
from safer_desk.services.county import export_for_county
from safer_desk.services.projects import Project, add_projects
from safer_desk.domain.ids import new_id
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template


@pytest.fixture
def county_book(tmp_path) -> Path:
    base = template(tmp_path, months=["2025-04"])
    sent = []
    for district in ("Babergh", "Ipswich"):
        office = office_from(base, tmp_path / f"{district}.sqlite", f"{district} office", districts=[district])
        try:
            add_own_rows(office, district)
            hate = ind.save_indicator(office, "Hate crime")
            ind.save_values(office, hate, f"district:{district.lower()}", [ind.PeriodValue("2025-04", 12.0)],
                            require_red_comments=False)
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        finally:
            office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, sent)
        add_projects(county, [Project(id=new_id(), title="County-wide review of diversion", areas=("Countywide",))])
        export_for_county(county, tmp_path / "county.xlsx")
    finally:
        county.close()
    return tmp_path / "county.xlsx"


def table(book, sheet: str, first: str) -> list[dict]:
    rows = list(book[sheet].iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r and r[0] == first)
    heads = rows[at]
    return [dict(zip(heads, r)) for r in rows[at + 1:]  # not the totals ("Total of open projects" on the Register)
            if r and any(r) and not str(r[0]).startswith("Total")]


def test_each_row_of_the_county_workbook_names_the_office_it_came_from(county_book):
    import openpyxl

    book = openpyxl.load_workbook(county_book, read_only=True)
    register = {r["Project / Initiative"]: r["Merged from"] for r in table(book, "Register", "Ref")}
    assert register == {"Babergh youth diversion": "Babergh office", "Ipswich youth diversion": "Ipswich office",
                        "County-wide review of diversion": "Typed in the county file"}
    reviews = {r["Reference"]: r["Merged from"] for r in table(book, "Reviews", "Reference")}
    assert reviews == {"BABERGH-DHR-2025-01": "Babergh office", "IPSWICH-DHR-2025-01": "Ipswich office"}
    funds = {r["Fund"]: r["Merged from"] for r in table(book, "Funds", "Fund")}
    assert funds == {"Babergh target hardening": "Babergh office", "Ipswich target hardening": "Ipswich office"}
    figures = {(r["Area"], r["Indicator"]): r["Source"] for r in table(book, "Indicators by month", "Area")}
    assert figures[("Babergh", "Hate crime")] == "Merged from Babergh office (typed)"
    assert figures[("Ipswich", "Hate crime")] == "Merged from Ipswich office (typed)"
    assert figures[("Babergh", "All crime")].startswith("police.uk import")
    assert figures[("Suffolk (derived)", "All crime")] == "Added up from its districts'"


def test_a_district_s_own_workbook_is_as_it_was(tmp_path):
    import openpyxl

    base = template(tmp_path, months=["2025-04"])
    office = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        add_own_rows(office, "Babergh")
        export_for_county(office, tmp_path / "babergh.xlsx")
    finally:
        office.close()
    book = openpyxl.load_workbook(tmp_path / "babergh.xlsx", read_only=True)
    assert "Merged from" not in table(book, "Register", "Ref")[0]
    assert "Source" not in table(book, "Indicators by month", "Area")[0]
