"""Session 64 (alloc): with a pot given and nothing retained (Oxfordshire's shape, a grant split whole), the
Redistribute page read "£0 shared back; the shares add up exactly. (The retained amount; type another to change
it.)" over a table of £0 for every partnership, as if the board had shared back its retained money and it came to
nothing. Nothing was retained: the page now says so and what to type, and the table stays empty until an amount is
typed (which is split as before)."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput, allocate_by_formula
from safer_desk.presenters.allocation import redistribution

NOTHING_RETAINED = ("Nothing was retained from this pot, so there is nothing to share back of it: type the amount "
                    "not committed by the deadline to share it back.")


def whole_grant():
    return allocate_by_formula([PartnershipInput("Babergh", 1, {"basis": Fraction(1)}),
                                PartnershipInput("Ipswich", 1, {"basis": Fraction(3)})],
                               AllocationOptions(pot_pence=1_000_00))


def test_nothing_retained_is_said_and_no_table_of_noughts(qtbot):
    rows, note = redistribution(whole_grant(), "", "basis")
    assert rows == [] and note == NOTHING_RETAINED
    rows, note = redistribution(whole_grant(), "£100", "basis")  # an amount typed: split as before
    assert rows == [("Babergh", 25_00), ("Ipswich", 75_00), ("Total", 100_00)]
    assert note == "£100 shared back; the shares add up exactly."


def test_in_the_window(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    tab.pot_given.click()
    tab.option_edits["retain"].setText("0")
    tab.option_edits["retain"].editingFinished.emit()
    tab.pages.setCurrentIndex(2)
    tab.compute_redistribution()
    assert tab.redistribute_note.text() == NOTHING_RETAINED and tab.redistribute_model.rowCount() == 0
