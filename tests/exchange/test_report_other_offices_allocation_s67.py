"""s67: a county file holding Babergh's and Mid Suffolk's 2025/26 allocations (neither agreed) printed one of them as
the Allocation section, the latest saved, and the other not at all, without a word, while both offices' top-slices
were printed: the board reading the county's report could not tell another office had sent a split for the year.
The section now names the year's allocations from other offices that it does not show, with the office each came
from; an office's own versions of its split (Option 1 beside Option 2) stay unsaid, as before."""

from __future__ import annotations

import pytest

from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput
from safer_desk.services import allocation
from safer_desk.services.report_sections.allocation import board_report_sections
from tests.exchange.county_commissioning_offices import county_with_commissioning


@pytest.fixture
def county(tmp_path):
    store, _ = county_with_commissioning(tmp_path)
    yield store
    store.close()


def _section(store):
    return next(s for s in board_report_sections(store) if s.title == "Allocation 2025/26")


def test_the_other_offices_allocation_of_the_year_is_named(county):
    section = _section(county)
    shown = "Babergh" if "Babergh split" in section.tables[0].title else "Mid Suffolk"
    other = "Mid Suffolk" if shown == "Babergh" else "Babergh"
    said = [p for p in section.paragraphs if "not shown here" in p]
    assert said == [f"Also in this file for 2025/26, not shown here: “{other} split” (£200,000, merged from {other} "
                    "office). The report shows one allocation a year, the one marked agreed (else the latest saved): "
                    "mark the one the board agreed in the Allocation tab."], section.paragraphs


def test_another_version_from_the_same_origin_is_not_named(county):
    def typed(name: str) -> str:
        return allocation.save_scenario(county, name, "2025/26", [PartnershipInput("Babergh", 1, {"basis": 1}, None)],
                                        AllocationOptions(pot_pence=100_00, factors=(Factor("basis"),)))

    typed("County option 1")
    allocation.set_adopted(county, typed("County option 2"))  # the county lead's own, agreed
    section = _section(county)
    assert section.tables[0].title.endswith("County option 2")
    said = [p for p in section.paragraphs if "not shown here" in p]
    assert len(said) == 1 and "“County option 1”" not in said[0], said
    assert "“Babergh split” (£200,000, merged from Babergh office)" in said[0]
    assert "“Mid Suffolk split” (£200,000, merged from Mid Suffolk office)" in said[0]


def test_two_offices_agreed_are_said_once(county):
    for s in allocation.list_scenarios(county):  # each office marked its own; merged, both are marked
        county.conn.execute("UPDATE allocation_scenarios SET adopted = 1 WHERE id = ?", (s.id,))
    section = _section(county)
    assert sum("only one can be" in p for p in section.paragraphs) == 1
    assert not any("not shown here" in p for p in section.paragraphs)


def test_an_offices_own_file_says_nothing_of_it(tmp_path):
    from safer_desk.storage.store import open_store
    from tests.exchange.county_commissioning_offices import add_commissioning_rows

    store = open_store(tmp_path / "office.sqlite", create=True, office_name="Babergh office")
    try:
        add_commissioning_rows(store, "Babergh")
        allocation.save_scenario(store, "Babergh option 1", "2025/26",
                                 [PartnershipInput("Babergh", 1, {"basis": 1}, None)],
                                 AllocationOptions(pot_pence=100_00, factors=(Factor("basis"),)))
        assert not any("not shown here" in p for p in _section(store).paragraphs)
    finally:
        store.close()
