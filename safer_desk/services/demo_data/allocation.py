"""Example allocation data for the demo file (from the seed papers).

Every figure is the paper's (seed 000): last year's allocations, the BCS comparator offences, the 10%
retained, the fixed third, and the Performance Reward Grant top-slice. The "exact shares" scenario is the
paper's inputs split another way, not a table the paper printed, so it is marked illustrative.
"""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.illustrative import mark_illustrative
from safer_desk.storage.store import Store

# Seed 000, "SSPB financial allocation 2009/10", Option 2: name, fixed units (districts),
# BCS comparator offences 2007-08, 2008/09 allocation in pounds.
SUFFOLK_2009_10 = [
    ("Babergh CSP", 1, 2442, 70725),
    ("Ipswich CSP", 1, 7937, 160607),
    ("Waveney CSP", 1, 4857, 113832),
    ("Suffolk Coastal CSP", 1, 3324, 86775),
    ("Western CSP", 3, 8335, 223181),
]
BCS_LABEL = "BCS comparator offences 2007-08"
OPTION_2 = "Option 2 - As per 2008/09 with updated crime figures, 10% retained"


def suffolk_inputs() -> list[PartnershipInput]:
    return [PartnershipInput(name, units, {"basis": count}, pounds * 100)
            for name, units, count, pounds in SUFFOLK_2009_10]


def suffolk_options(rounding: str = "percent-2dp") -> AllocationOptions:
    return AllocationOptions(previous_total_pence=655_120_00, retain=Fraction(1, 10), fixed_share=Fraction(1, 3),
                             rounding=rounding, unit="pound", factors=(Factor("basis", Fraction(1), BCS_LABEL),))


def add_examples(store: Store) -> None:
    """The Suffolk 2009/10 allocation as the paper did it and with exact shares, and the PRG top-slice."""
    with store.transaction():
        agreed = service.save_scenario(store, OPTION_2, "2009/10", suffolk_inputs(), suffolk_options(),
                              notes="Seed 000: the county's spreadsheet rounded each share to two decimals.",
                              saved_at="2009-03-01T10:00:00+00:00")
        exact = service.save_scenario(store, "Option 2 with exact shares", "2009/10", suffolk_inputs(),
                                      suffolk_options("exact"),
                                      notes="The same inputs; exact shares, largest remainder.",
                                      saved_at="2009-03-01T10:05:00+00:00")
        mark_illustrative(store, "allocation_scenarios", [exact],
                          "Not in the paper: the paper's inputs split by exact shares, for comparison with the "
                          "county spreadsheet's two-decimal percentages.")
        service.set_adopted(store, agreed)  # the board agreed Option 2 as the paper printed it
        service.save_top_slice(store, "Performance Reward Grant 2009-10", "2009/10", 2_900_692_00,
                               slices=[("LSP share", Fraction(1, 2))], remainder_label="SSP share",
                               retained=Fraction(1, 10), partners=9, scenario=Fraction(1, 5))
        service.save_draft(store, suffolk_inputs(), suffolk_options())
