"""Session 60: next year's allocation made across the 2019 merger, its Last year column left as it was.

The 2019/20 inputs were made from the agreed 2018/19 scenario: Waveney CSP's row renamed East Suffolk CSP (its count
and Last year Waveney's and Suffolk Coastal's added up), Suffolk Coastal CSP's removed, the Last year column left
holding 2017/18's figures. The line above the results said to type "each partnership's 2018/19 allocation" and
listed Babergh's, Ipswich's and Western's, but said nothing of East Suffolk CSP, which has no 2018/19 allocation to
type (its Last year, 2017/18's too, went on unsaid). It now names the partnership not in that allocation and the
ones in it not in the inputs, with their figures, to be added up for it.
"""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.report_sections.allocation import board_report_sections

BEFORE = [PartnershipInput("Babergh CSP", 1, {"basis": 2442}, 70_725_00),
          PartnershipInput("Ipswich CSP", 1, {"basis": 7937}, 160_607_00),
          PartnershipInput("Waveney CSP", 1, {"basis": 4857}, 113_832_00),
          PartnershipInput("Suffolk Coastal CSP", 1, {"basis": 3324}, 86_775_00),
          PartnershipInput("Western CSP", 3, {"basis": 8335}, 223_181_00)]
OPTIONS = AllocationOptions(previous_total_pence=655_120_00, retain=Fraction(1, 10), fixed_share=Fraction(1, 3))
AFTER = [BEFORE[0], BEFORE[1], PartnershipInput("East Suffolk CSP", 2, {"basis": 8181}, 200_607_00), BEFORE[4]]


def saved(store):
    earlier = service.save_scenario(store, "Before the merger", "2018/19", BEFORE, OPTIONS)
    service.set_adopted(store, earlier)
    return service.load_scenario(store, earlier)


def test_a_partnership_new_since_the_year_before_is_named_with_the_ones_gone(demo_store):
    earlier = saved(demo_store)
    words = service.last_year_carried_over(demo_store, "2019/20", AFTER, OPTIONS)
    assert words.startswith("The Last year figures (and last year's total, £655,120, which the pot comes from) are the "
                            "ones the 2018/19 allocation “Before the merger” was itself compared with, 2017/18's")
    waveney, coastal = (earlier.saved_totals[n][3] for n in ("Waveney CSP", "Suffolk Coastal CSP"))
    assert (waveney, coastal) == (99_062_00, 76_657_00)
    assert words.endswith("East Suffolk CSP was not in that allocation: type in its Last year what the 2018/19 "
                          "allocation gave the partnerships it took the place of (Waveney CSP £99,062 and Suffolk "
                          "Coastal CSP £76,657 are in that allocation and not in these inputs).")


def test_only_a_new_partnership_is_named_alone(demo_store):
    saved(demo_store)
    rows = [*BEFORE, PartnershipInput("Mid Suffolk CSP", 1, {"basis": 2000}, 50_000_00)]
    words = service.last_year_carried_over(demo_store, "2019/20", rows, OPTIONS)
    assert words.endswith("Mid Suffolk CSP was not in that allocation: type in its Last year what the 2018/19 "
                          "allocation gave for its areas, or leave it blank.")


def test_nothing_new_says_nothing_more(demo_store):
    saved(demo_store)
    words = service.last_year_carried_over(demo_store, "2019/20", BEFORE, OPTIONS)
    assert words.endswith("then press = Sum for last year's total.")


def test_the_board_report_says_it_under_the_2019_20_allocation(demo_store):
    saved(demo_store)
    with demo_store.action("Save"):
        service.save_scenario(demo_store, "After the merger", "2019/20", AFTER, OPTIONS)
    (section,) = [s for s in board_report_sections(demo_store) if s.title.startswith("Allocation")]
    assert section.title == "Allocation 2019/20"
    assert any("East Suffolk CSP was not in that allocation" in p for p in section.paragraphs)
