"""s67: the Allocation tab's Export… of an allocation in a county file did not say which office's file it was merged
from, where the county workbook's Allocation sheet, the register's and the Costs exports carry *Merged from*. Its
partnership rows now end with the office the allocation came from ("Babergh office"), its Totals row naming none;
changed in the county file and not saved, it says so; an office's own export is as it was."""

from __future__ import annotations

import openpyxl

from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.services import allocation
from safer_desk.services.provenance import MERGED_FROM
from tests.exchange.county_commissioning_offices import county_with_commissioning


def _babergh_split(store) -> str:
    return next(s.id for s in allocation.list_scenarios(store) if s.name == "Babergh split")


def test_the_allocation_export_of_a_county_file_says_which_office_it_came_from(tmp_path, window, prompts):
    county, _ = county_with_commissioning(tmp_path)
    county.close()
    assert window.open_path(tmp_path / "county.sqlite")
    tab = window.show_tab("allocation")
    tab.presenter.open(_babergh_split(window.session.store))
    assert tab.result is not None
    prompts.file_names.append(str(tmp_path / "allocation.xlsx"))
    tab.export_results()
    assert not prompts.errors
    rows = list(openpyxl.load_workbook(tmp_path / "allocation.xlsx")["Allocation"].iter_rows(values_only=True))
    heading = next(i for i, r in enumerate(rows) if r and r[0] == "Partnership")
    column = list(rows[heading]).index(MERGED_FROM)
    body = [r for r in rows[heading + 1:] if r and r[0]]
    parts, totals = body[:-1], body[-1]
    assert parts and totals[0] == "Total"
    assert {r[column] for r in parts} == {"Babergh office"}
    assert not totals[column]  # the totals line names none, as the county workbook's


def test_changed_in_the_county_file_it_says_so(tmp_path):
    county, _ = county_with_commissioning(tmp_path)
    try:
        p = AllocationPresenter(county)
        p.open(_babergh_split(county))
        [sheet, _how] = p.export_sheets(p.result, workbook=True)
        assert sheet.rows[0][sheet.header.index(MERGED_FROM)] == "Babergh office"
        p.name = "Babergh split, county's version"
        [sheet, _how] = p.export_sheets(p.result, workbook=True)
        assert sheet.rows[0][sheet.header.index(MERGED_FROM)] == \
            "Babergh office, changed in the county file (not saved)"
    finally:
        county.close()


def test_an_offices_own_allocation_export_has_no_merged_from(demo_store):
    p = AllocationPresenter(demo_store)
    assert p.result is not None
    [sheet, _how] = p.export_sheets(p.result, workbook=True)
    assert MERGED_FROM not in sheet.header
