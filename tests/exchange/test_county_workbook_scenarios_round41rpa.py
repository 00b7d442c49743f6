"""The county workbook's Scenarios sheet is scoped to the county file's areas as its Register, Awards and Budgets
sheets are (round 40's county_scope): a commissioning scenario of Plymouth's projects, merged from the example office
into a county file of Suffolk, was printed beside Suffolk's, though the board report leaves it out. The Contents
sheet's "Left out: other areas" counts it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from safer_desk.services.projects import load_projects
from safer_desk.services.projects_commissioning import Scenario, ScenarioItem, save_scenario
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export
from tests.exchange.test_county_workbook_scope_round40xbl import _sheet, county_and_workbook

PLYMOUTH = "Plymouth commissioning 2018/19"
EMPTY = "Nothing ticked yet"


@pytest.fixture(scope="module")
def county_with_plymouth_scenario(tmp_path_factory, demo_master) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("county-scenarios")
    office_path = folder / "example.sqlite"
    shutil.copyfile(demo_master, office_path)
    office = open_store(office_path)
    try:
        plymouth = [p.id for p in load_projects(office) if p.areas == ("Plymouth",)][:2]
        save_scenario(office, Scenario("plymouth-scenario", PLYMOUTH, 400_568_00, "PCC award",
                                       items=tuple(ScenarioItem(i) for i in plymouth)))
        save_scenario(office, Scenario("empty-scenario", EMPTY, 10_000_00))
        sent = export(office, folder / "example-export.sqlite")
    finally:
        office.close()
    return county_and_workbook(folder, sent)


def test_the_scenarios_sheet_leaves_out_another_countys_scenario_as_the_report_does(county_with_plymouth_scenario):
    import openpyxl

    county_path, book_path = county_with_plymouth_scenario
    store = open_store(county_path, read_only=True)
    try:
        report = repr(build_report(store))
    finally:
        store.close()
    assert PLYMOUTH not in report  # the board report's scope, as it was
    text = " ".join(str(v) for r in _sheet(openpyxl.load_workbook(book_path, read_only=True), "Scenarios") for v in r)
    assert PLYMOUTH not in text and "Plymouth Domestic Abuse contract" not in text
    assert "Retained budget 2009/10: pilot and DV coordinators" in text  # Suffolk's scenario stays
    assert EMPTY in text  # ticking no project, it is of no area: the county's business, as an award none draws on


def test_the_contents_sheet_counts_the_scenario_left_out(county_with_plymouth_scenario):
    import openpyxl

    _county_path, book_path = county_with_plymouth_scenario
    facts = {r[0]: r[1] for r in _sheet(openpyxl.load_workbook(book_path, read_only=True), "Contents")
             if r[0] and len(r) > 1 and r[1]}
    left_out = facts["Left out: other areas"]
    assert f"Scenarios: 1 scenario ({PLYMOUTH})" in left_out, left_out


def test_an_office_workbook_keeps_every_scenario(county_with_plymouth_scenario, tmp_path):
    from safer_desk.services.county_workbook import EVERY_ROW, scenarios_sheet

    county_path, _ = county_with_plymouth_scenario
    office = open_store(county_path.parent / "example.sqlite", read_only=True)
    try:
        titles = [b.title for b in scenarios_sheet(office, EVERY_ROW).blocks]
    finally:
        office.close()
    assert any(t.startswith(PLYMOUTH) for t in titles) and any(t.startswith(EMPTY) for t in titles)
