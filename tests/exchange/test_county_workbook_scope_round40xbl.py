"""Round 40 (xbl): the county workbook shows the areas the board report shows, and says what it left out.

The example county (the example office's export merged into a county file of Suffolk) holds the seed papers'
Plymouth projects and award and East Sussex's plan; the board report of the county file leaves them out (they are
other counties' areas), but the workbook's Register, Awards and Budgets sheets printed every one of them, so a county
lead who printed it saw other counties' areas beside Suffolk's. The workbook now keeps what the report keeps, by the
report's own rules, and its Contents sheet says what was left out and why.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from safer_desk.services.county import export_for_county
from safer_desk.services.demo_data import budgets as demo_budgets
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge


@pytest.fixture(scope="module")
def example_county(tmp_path_factory, demo_master) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("example-county")
    office_path = folder / "example.sqlite"
    shutil.copyfile(demo_master, office_path)
    office = open_store(office_path)
    try:
        sent = export(office, folder / "example-export.sqlite")
    finally:
        office.close()
    return county_and_workbook(folder, sent)


def county_and_workbook(folder: Path, sent: Path) -> tuple[Path, Path]:
    """A county file in folder merged from the office's export sent, and its workbook."""
    county = open_store(folder / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent])
        export_for_county(county, folder / "county.xlsx")
    finally:
        county.close()
    return folder / "county.sqlite", folder / "county.xlsx"


def _sheet(book, name: str) -> list[tuple]:
    return [r for r in book[name].iter_rows(values_only=True) if any(v is not None for v in r)]


def _report_text(path: Path) -> str:
    store = open_store(path, read_only=True)
    try:
        document = build_report(store)
    finally:
        store.close()
    return repr(document)


def test_the_county_workbook_shows_the_county_areas_as_the_report_does(example_county):
    import openpyxl

    county_path, book_path = example_county
    report = _report_text(county_path)
    assert "Plymouth" not in report and "East Sussex" not in report  # the report's scope, as it was
    book = openpyxl.load_workbook(book_path, read_only=True)
    register = _sheet(book, "Register")
    assert not [r for r in register if "Plymouth" in " ".join(map(str, r))], "Plymouth projects in the Register"
    assert any(r[1] == "Homeshield Plus" for r in register)  # Suffolk's projects stay
    awards = _sheet(book, "Awards")
    assert not [r for r in awards if "Plymouth" in str(r[1])], "Plymouth's award in the Awards sheet"
    assert any(r[1] == "Performance Reward Grant 2009-10" for r in awards)  # an award no project draws on stays
    titles = {r[0] for r in _sheet(book, "Budgets")}
    assert demo_budgets.MTFP not in titles and "East Sussex" not in " ".join(map(str, titles))


def test_the_contents_sheet_says_what_was_left_out_and_why(example_county):
    import openpyxl

    _county_path, book_path = example_county
    book = openpyxl.load_workbook(book_path, read_only=True)
    facts = {r[0]: r[1] for r in _sheet(book, "Contents") if r[0] and len(r) > 1 and r[1]}
    left_out = facts["Left out: other areas"]
    assert left_out.startswith("Rows of areas outside this county file's (Suffolk), as the board report leaves "
                               "them out: "), left_out
    assert "Register: 8 projects (Plymouth)" in left_out, left_out
    assert "Awards: 1 award, 2 rows (PCC grant to Safer Plymouth 2017-19)" in left_out, left_out
    assert f"Budgets: 3 plans ({demo_budgets.MTFP}, East Sussex; " in left_out, left_out
    assert left_out.endswith("The county file still holds them: its board report for one of their areas shows them.")
    rows = {r[0]: r[2] for r in _sheet(book, "Contents") if r[0] in ("Register", "Awards", "Budgets")}
    assert rows["Register"] == 15 and rows["Awards"] == 7, rows
