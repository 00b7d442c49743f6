"""Session 58 (alloc): the county workbook's Allocation sheet says what the formula warned, as the report does.

Under each saved allocation the workbook gave only the formula's notes, never its warnings: a partnership with no
figure for last year left out of the variance (the block's This year less Last year totals then did not give its
Variance total, without a word), the odd pence placed, the factor weights rescaled, last year's total not what the
Last year column adds up to. The board report and the tab say each of them under the same figures.
"""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.county_workbook import allocation_sheet
from safer_desk.services.report_sections.allocation import allocation_section


def test_the_workbook_block_says_the_warnings_the_report_says(store):
    partnerships = [PartnershipInput("Babergh CSP", 1, {"crime": Fraction(2442), "population": Fraction(1000)},
                                     70_725_00),
                    PartnershipInput("Ipswich CSP", 1, {"crime": Fraction(7937), "population": Fraction(2000)},
                                     160_607_00),
                    PartnershipInput("Waveney CSP", 1, {"crime": Fraction(4857), "population": Fraction(3000)})]
    options = AllocationOptions(pot_pence=300_000_50, fixed_share=Fraction(1, 4),
                                factors=(Factor("crime", 60, "Crime"), Factor("population", 60, "Population")))
    with store.action("Save"):
        scenario_id = service.save_scenario(store, "Option A", "2010/11", partnerships, options)
    warnings = service.load_scenario(store, scenario_id).result().warnings
    assert len(warnings) == 3  # weights rescaled, the odd 50p placed, Waveney left out of the variance
    report = " ".join(allocation_section(service.load_scenario(store, scenario_id)).paragraphs)
    (block,) = allocation_sheet(store).blocks
    for warning in warnings:
        assert warning in report
        assert warning in block.note, warning
    assert "Waveney CSP has no figure for last year" in block.note
