"""The board report for a district finds the allocation to its partnership named "<district> CSP" (s60)."""

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.report import build_report


@pytest.fixture
def after_the_merger(demo_store):
    return save_after_the_merger(demo_store)


def save_after_the_merger(demo_store):
    """2019/20, after Waveney and Suffolk Coastal became East Suffolk: the demo's own way of naming partnerships
    ("Babergh CSP"), two of them new to the file's reference data."""
    rows = [PartnershipInput("Babergh CSP", 1, {"basis": 2_442}, 63_768_00),
            PartnershipInput("Ipswich CSP", 1, {"basis": 7_937}, 144_072_00),
            PartnershipInput("East Suffolk CSP", 2, {"basis": 8_181}, 175_725_00),
            PartnershipInput("West Suffolk CSP", 2, {"basis": 8_335}, 206_043_00)]
    service.save_scenario(demo_store, "After the merger", "2019/20", rows,
                          AllocationOptions(previous_total_pence=589_608_00, retain=Fraction(1, 10),
                                            fixed_share=Fraction(1, 3)))
    return demo_store


def allocation_titles(store, area):
    return [s.title for s in build_report(store, year="2019/20", area=area).sections if "Allocation" in s.title]


def test_a_districts_report_shows_the_allocation_to_its_csp(after_the_merger):
    """Found by a coordinator: the East Suffolk report for 2019/20 had no allocation, though the year's allocation
    gives "East Suffolk CSP" £137,096: the name was matched against the district's ("east suffolk") whole, and a
    partnership the reference data does not hold was placed nowhere. A name that is a covered area's with CSP or
    Community Safety Partnership after it is now that area's."""
    assert allocation_titles(after_the_merger, "East Suffolk") == ["Allocation 2019/20"]
    assert allocation_titles(after_the_merger, "West Suffolk") == ["Allocation 2019/20"]


def test_a_csp_of_another_county_is_placed_there(after_the_merger):
    assert allocation_titles(after_the_merger, "Plymouth") == []
