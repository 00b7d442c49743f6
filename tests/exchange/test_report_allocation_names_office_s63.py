"""S63 (cnty): a county file's board report says which office its allocation and top-slices came from.

The report's Allocation section printed "Financial allocation 2025/26: Mid Suffolk split … Saved 06/12/2026." and
each top-slice its figures, with no word of the office that sent them, where each plan's table under Budgets and
plans, each fund's burn-down and the register say "Merged from Babergh office." A board reading two offices'
allocations or reward grants could not tell whose. Each table now ends so in a county file; one typed in the county
file, and an office's own report, say nothing of it.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from safer_desk.services import allocation
from safer_desk.services.report_sections.allocation import board_report_sections
from tests.exchange.county_commissioning_offices import county_with_commissioning


@pytest.fixture
def county(tmp_path):
    store, _ = county_with_commissioning(tmp_path)
    yield store
    store.close()


def _notes(sections) -> dict[str, list[str]]:
    return {s.title: [t.note for t in s.tables] for s in sections}


def notes_title(store) -> str:
    """The allocation table's title: the scenario the report shows (the year's latest saved)."""
    section = next(s for s in board_report_sections(store) if s.title.startswith("Allocation"))
    return section.tables[0].title


def test_a_county_reports_allocation_and_top_slices_name_their_office(county):
    notes = _notes(board_report_sections(county))
    allocation_note = notes["Allocation 2025/26"][0]
    office = "Babergh" if "Babergh split" in notes_title(county) else "Mid Suffolk"
    assert allocation_note.startswith("Saved ") and allocation_note.endswith(f" Merged from {office} office.")
    assert notes["Top-slice: Babergh reward grant"] == ["Merged from Babergh office."]
    assert notes["Top-slice: Mid Suffolk reward grant"] == ["Merged from Mid Suffolk office."]


def test_one_typed_in_the_county_file_says_so(county):
    allocation.save_top_slice(county, "County reward grant", "2025/26", 10_000_00,
                              slices=(("LSP share", Fraction(1, 2)),), remainder_label="SSP share",
                              retained=Fraction(1, 10), partners=2, scenario=Fraction(1, 5))
    assert _notes(board_report_sections(county))["Top-slice: County reward grant"] == ["Typed in the county file."]


def test_an_offices_own_report_says_nothing_of_it(tmp_path):
    from safer_desk.storage.store import open_store
    from tests.exchange.county_commissioning_offices import add_commissioning_rows

    store = open_store(tmp_path / "office.sqlite", create=True, office_name="Babergh office")
    try:
        add_commissioning_rows(store, "Babergh")
        notes = _notes(board_report_sections(store))
        assert notes["Allocation 2025/26"][0].startswith("Saved ") and "Merged" not in notes["Allocation 2025/26"][0]
        assert notes["Top-slice: Babergh reward grant"] == [""]
    finally:
        store.close()


def test_the_county_overviews_allocation_names_its_office_too(county):
    from safer_desk.services.report_sections import county as overview

    sections = overview.board_report_sections(county)
    table = next(t for s in sections for t in s.tables if t.title.startswith("Allocation 2025/26"))
    office = "Babergh" if "Babergh split" in table.title else "Mid Suffolk"
    assert table.note == f"The latest saved scenario (none agreed). Merged from {office} office."
