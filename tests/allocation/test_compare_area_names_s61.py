"""Session 61: Compare scenarios set a scenario keyed as the board paper names the partnerships ("Waveney £28,077")
against one with the file's names ("Waveney CSP") as ten partnerships, each blank on one side.

The board report already takes a partnership named for its area ("East Suffolk CSP", "Ipswich Community Safety
Partnership") as that area's; Compare now does too: "Waveney" and "Waveney CSP" are one row, under the first
scenario's spelling, with their difference. Two such names kept as two partnerships within one scenario stay two rows.
"""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.presenters.allocation import comparison_note
from safer_desk.services import allocation as service

OPTION_2 = "Option 2 - As per 2008/09 with updated crime figures, 10% retained"
PAPER = [("Babergh", 2_442, 70_725_00), ("Ipswich Community Safety Partnership", 7_937, 160_607_00),
         ("Waveney", 4_857, 113_832_00), ("Suffolk Coastal", 3_324, 86_775_00), ("western csp", 8_335, 223_181_00)]
OPTIONS = AllocationOptions(previous_total_pence=655_120_00, retain=Fraction(1, 10), fixed_share=Fraction(1, 3))


def scenarios(store, rows=PAPER):
    service.save_scenario(store, "As the paper names them", "2009/10",
                          [PartnershipInput(name, 1, {"basis": count}, last) for name, count, last in rows], OPTIONS)
    by_name = {s.name: s.id for s in service.list_scenarios(store)}
    return (service.load_scenario(store, by_name["As the paper names them"]),
            service.load_scenario(store, by_name[OPTION_2]))


def test_a_partnership_named_for_its_area_is_one_row_with_the_csp_of_that_area(demo_store):
    paper, option_2 = scenarios(demo_store)
    rows = service.compare_scenarios(paper, option_2)
    assert [r.partnership for r in rows] == ["Babergh", "Ipswich Community Safety Partnership", "Waveney",
                                             "Suffolk Coastal", "western csp", "Total"]
    assert all(r.first_pence is not None and r.second_pence is not None for r in rows)
    theirs = {p.name: p for p in option_2.partnerships}
    assert rows[2].second_pence == option_2.saved_totals[theirs["Waveney CSP"].name][3]
    assert "Only in" not in comparison_note(paper, option_2)
    assert [r.partnership for r in service.compare_scenarios(option_2, paper)][:3] == [
        "Babergh CSP", "Ipswich CSP", "Waveney CSP"]  # under the first scenario's spelling


def test_an_area_and_its_csp_kept_as_two_partnerships_in_one_scenario_stay_two_rows(demo_store):
    paper, option_2 = scenarios(demo_store, PAPER + [("Waveney CSP", 1_000, 10_000_00)])
    rows = {r.partnership: r for r in service.compare_scenarios(paper, option_2)}
    assert len(rows) == 7  # Waveney CSP matched as typed; Waveney, the first's alone, matched with nothing
    assert rows["Waveney CSP"].first_pence is not None and rows["Waveney CSP"].second_pence is not None
    assert rows["Waveney"].second_pence is None
