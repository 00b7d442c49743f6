"""Session 63: the county workbook's Budgets sheet left out every annual change a paper prints (seed 004's revenue
table: (0.7), (27.5), 1.7 … beside each line's figure, (17.7) … beside its total), though the officer keyed them, the
tab shows them and the board report prints them: the county team without the application read a plan that had none.
Each figure's row now gives the change the paper printed beside it in its Note."""

from __future__ import annotations

from safer_desk.services.county_workbook import budgets_sheet

REVENUE = "East Sussex Community Safety revenue budget 2010/11 – 2014/15 (£'000)"


def test_the_paper_s_printed_changes_are_in_the_workbook(demo_store):
    sheet = budgets_sheet(demo_store)
    (block,) = [b for b in sheet.blocks if b.title == REVENUE]
    note = [c.title for c in sheet.columns].index("Note")
    notes = {(r[1], r[2], r[5]): r[note] for r in block.rows}
    assert notes[("A Budget Net", "2011/12", "884")] == "The paper prints an annual change of (0.7) beside it."
    assert notes[("B Income or specific grant", "2014/15", "62")] == "The paper prints an annual change of - beside it."
    assert notes[("C = A+B Gross budget", "2012/13", "as printed")] == \
        "The paper prints an annual change of (38.6) beside it."
    assert not notes[("C = A+B Gross budget", "2012/13", "worked out")]  # worked out: none printed
    assert not notes[("A Budget Net", "2010/11", "878")]  # the first year: none
