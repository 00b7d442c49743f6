"""S68: a district officer's board report of the example gave "Financial allocation 2009/10: Option 2 - …" under
the heading "Allocation 2009/10" with only "Saved 01/03/2009." beneath it: the board could not tell the split it
agreed from an option still to be chosen (the seed paper sets out options), though the County overview's table of
the same split says "Agreed by the board.". Unmarked, the section showed the latest saved scenario in the same
words. The Allocation section's table now says which, in the County overview's words."""

from __future__ import annotations

from safer_desk.services import allocation as service
from safer_desk.services.report import build_report


def _note(store):
    section = next(s for s in build_report(store, year="2009/10").sections if s.title == "Allocation 2009/10")
    return section.tables[0].note


def test_the_allocation_section_says_whether_the_board_agreed_it(demo_store):
    assert _note(demo_store) == "Saved 01/03/2009. Agreed by the board."
    agreed = service.adopted_scenario(demo_store, "2009/10")
    with demo_store.action("Unmark agreed"):
        service.set_adopted(demo_store, agreed.id, False)
    note = _note(demo_store)
    assert note.startswith("Saved ") and note.endswith(" The latest saved scenario (none agreed).")
