"""s67: a county file holding Babergh's and Mid Suffolk's 2025/26 allocations (neither agreed) printed one of them as
the Allocation section, the latest saved, and the other not at all, without a word, while both offices' top-slices
were printed: the board reading the county's report could not tell another office had sent a split for the year.
The section now names the year's allocations from other offices that it does not show, with the office each came
from; an office's own versions of its split (Option 1 beside Option 2) stay unsaid, as before. (alloc2, s68: each
office's allocation is now shown in its own section, the first naming them all.)"""

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


def _sections(store):
    return [s for s in board_report_sections(store) if s.title.startswith("Allocation 2025/26")]


def test_the_other_offices_allocation_of_the_year_is_named(county):
    # S68: each office's allocation of the year is shown in its own section (as the County overview gives them), the
    # first saying which they are; neither agreed, they go by office.
    sections = _sections(county)
    assert [s.title for s in sections] == ["Allocation 2025/26", "Allocation 2025/26 (merged from Mid Suffolk office)"]
    assert "Babergh split" in sections[0].tables[0].title and "Mid Suffolk split" in sections[1].tables[0].title
    assert sections[0].paragraphs[0] == (
        "This file holds 2 allocations for 2025/26, one from each office that sent one, each shown in its own section: "
        "“Babergh split” (£200,000, merged from Babergh office, the latest saved, none agreed) and “Mid Suffolk split” "
        "(£200,000, merged from Mid Suffolk office, the latest saved, none agreed).")


def test_another_version_from_the_same_origin_is_not_named(county):
    def typed(name: str) -> str:
        return allocation.save_scenario(county, name, "2025/26", [PartnershipInput("Babergh", 1, {"basis": 1}, None)],
                                        AllocationOptions(pot_pence=100_00, factors=(Factor("basis"),)))

    typed("County option 1")
    allocation.set_adopted(county, typed("County option 2"))  # the county lead's own, agreed: first
    sections = _sections(county)
    assert sections[0].tables[0].title.endswith("County option 2") and len(sections) == 3
    said = sections[0].paragraphs[0]
    assert "“County option 1”" not in said and "“County option 2” (£100, typed in the county file, agreed" in said
    assert "“Babergh split” (£200,000, merged from Babergh office" in said
    assert "“Mid Suffolk split” (£200,000, merged from Mid Suffolk office" in said


def test_two_offices_agreed_are_each_shown_as_agreed(county):
    for s in allocation.list_scenarios(county):  # each office marked its own; merged, both are marked
        county.conn.execute("UPDATE allocation_scenarios SET adopted = 1 WHERE id = ?", (s.id,))
    sections = _sections(county)
    assert len(sections) == 2 and not any("only one can be" in p for s in sections for p in s.paragraphs)
    assert sections[0].paragraphs[0].count("agreed by the board") == 2


def test_an_offices_own_file_says_nothing_of_it(tmp_path):
    from safer_desk.storage.store import open_store
    from tests.exchange.county_commissioning_offices import add_commissioning_rows

    store = open_store(tmp_path / "office.sqlite", create=True, office_name="Babergh office")
    try:
        add_commissioning_rows(store, "Babergh")
        allocation.save_scenario(store, "Babergh option 1", "2025/26",
                                 [PartnershipInput("Babergh", 1, {"basis": 1}, None)],
                                 AllocationOptions(pot_pence=100_00, factors=(Factor("basis"),)))
        assert [s.title for s in _sections(store)] == ["Allocation 2025/26"]
        assert not any("This file holds" in p for p in _section(store).paragraphs)
    finally:
        store.close()
