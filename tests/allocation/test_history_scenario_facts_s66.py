"""Session 66 (alloc): View > History of Changes said of "Save new scenario Option 3" that every partnership's row was
added with its fixed units ("fixed units 1") except Western CSP's, whose three units went unsaid: the scenario's own
name, "Option 3", ends in " 3", and a fact was left out when an earlier one merely ended with the same words (meant
for a partnership said once as text and again as its link). A fact is now left out only when an earlier one says the
very same value."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.presenters.history import history_lines
from safer_desk.services import allocation as service


def test_a_scenario_named_option_3_still_says_a_row_of_three_fixed_units(store):
    rows = [PartnershipInput("Babergh CSP", 1, {"basis": Fraction(2442)}),
            PartnershipInput("Western CSP", 3, {"basis": Fraction(8335)})]
    service.save_scenario(store, "Option 3", "2009/10", rows, AllocationOptions(pot_pence=100_000_00,
                                                                                fixed_share=Fraction(1, 3)))
    details = [d for line in history_lines(store, limit=5) for d in line.details]
    western = next(d for d in details if "partnership Western CSP" in d)
    assert "fixed units 3" in western, western
    babergh = next(d for d in details if "partnership Babergh CSP" in d)
    assert "fixed units 1" in babergh, babergh


def test_the_example_files_scenario_rows_say_their_partnership_once(demo_store):
    from safer_desk.domain.allocation import AllocationOptions as Options

    rows = [PartnershipInput("Western CSP", 3, {"basis": Fraction(8335)})]
    service.save_scenario(demo_store, "Option 3", "2009/10", rows, Options(pot_pence=100_000_00,
                                                                           fixed_share=Fraction(1, 3)))
    (western,) = [d for d in history_lines(demo_store, limit=1)[0].details if "Western CSP" in d]
    assert "fixed units 3" in western, western
    # named for its partnership, and said once more as the row's partnership, not a third time as its link
    assert western.count("Western CSP") == 2, western
