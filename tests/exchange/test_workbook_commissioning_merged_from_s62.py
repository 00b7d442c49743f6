"""S62 (county3): the county workbook says which office each scenario, award, allocation and top-slice came from.

The Register, Reviews, Funds and Budgets sheets of a workbook written from a county file end with a *Merged from*
column; the Scenarios, Awards, Allocation and Top-slices sheets had none, though their rows are merged from the offices
too: Babergh's "community safety grant" and Mid Suffolk's sat one under the other, and two offices' allocations of a
year could not be told apart on the board's papers. Each of their rows now ends with the office it came from (a block's
totals line, a figure of its own, is left blank); an office's own workbook has no such column.
"""

from __future__ import annotations

import openpyxl
import pytest

from safer_desk.services.county import export_for_county
from tests.exchange.county_commissioning_offices import add_commissioning_rows, county_with_commissioning
from tests.exchange.district_offices import office_from, template

SHEETS = ("Scenarios", "Awards", "Allocation", "Top-slices")
HEADS = {"Scenarios": "Ref", "Awards": "Funder", "Allocation": "Partnership", "Top-slices": "Line"}


def _sheets(path) -> dict[str, list[list]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return {name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in SHEETS}


def _offices_by_block(rows: list[list], head: str) -> dict[str, set]:
    """Each block's title (the row above its heading; "" for a sheet of one block) and the Merged from of its rows."""
    out: dict[str, set] = {}
    title, at = "", None
    for i, row in enumerate(rows):
        if row[0] == head:
            title, at = (rows[i - 1][0] or "") if i else "", row.index("Merged from")
            out[title] = set()
        elif at is not None and row[0] in ("Total committed", "Totals"):
            assert row[at] is None, f"{title}: the totals line names no office"
        elif at is not None and any(cell is not None for cell in row[1:]):  # not a note or a title
            out[title].add(row[at])
    return out


@pytest.fixture(scope="module")
def county_workbook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("county")
    county, _ = county_with_commissioning(folder)
    try:
        export_for_county(county, folder / "county.xlsx")
    finally:
        county.close()
    return _sheets(folder / "county.xlsx")


def test_each_scenario_on_the_county_workbook_names_the_office_it_came_from(county_workbook):
    assert _offices_by_block(county_workbook["Scenarios"], "Ref") == {
        "Babergh option A (fund £10,000)": {"Babergh office"},
        "Mid Suffolk option A (fund £10,000)": {"Mid Suffolk office"}}


def test_each_award_on_the_county_workbook_names_the_office_it_came_from(county_workbook):
    rows = county_workbook["Awards"]
    header = next(r for r in rows if r[0] == "Funder")
    assert header[-1] == "Merged from"
    said = {r[1]: r[-1] for r in rows[rows.index(header) + 1:] if r[0]}
    assert said == {"Babergh community safety grant": "Babergh office",
                    "Mid Suffolk community safety grant": "Mid Suffolk office"}


def test_each_allocation_and_top_slice_on_the_county_workbook_names_the_office_it_came_from(county_workbook):
    assert _offices_by_block(county_workbook["Allocation"], "Partnership") == {
        "2025/26: Babergh split": {"Babergh office"}, "2025/26: Mid Suffolk split": {"Mid Suffolk office"}}
    assert _offices_by_block(county_workbook["Top-slices"], "Line") == {
        "2025/26: Babergh reward grant": {"Babergh office"},
        "2025/26: Mid Suffolk reward grant": {"Mid Suffolk office"}}


def test_an_office_s_own_workbook_has_no_merged_from_on_these_sheets(tmp_path):
    base = template(tmp_path, months=["2025-04"], police=False)
    office = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        add_commissioning_rows(office, "Babergh")
        export_for_county(office, tmp_path / "babergh.xlsx")
    finally:
        office.close()
    sheets = _sheets(tmp_path / "babergh.xlsx")
    for name in SHEETS:
        header = next(r for r in sheets[name] if r[0] == HEADS[name])
        assert "Merged from" not in header, name
