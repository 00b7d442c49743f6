"""Session 61 (second look): the export workbook's Budgets sheet gave a plan in £'000 "As the paper states it" in
pounds: seed 004's revenue budget prints 878 for A Budget Net in 2010/11, and the column said "£878,000", not what
the paper states (the Amount column gives the pounds). It now gives the paper's 878, its split as "4 (2 per
district)", and the plan's note says the column is in £'000 where the amounts are in pounds."""

from __future__ import annotations

from safer_desk.services.county_workbook import budgets_sheet
from tests.budgets.test_refusals_queries_and_changes import revenue

UNIT_SAID = ("This paper prints its figures in £'000: “As the paper states it” gives them so (878 for £878,000), the "
             "amounts are in pounds.")


def _block(store, name):
    (block,) = [b for b in budgets_sheet(store).blocks if b.title == name]
    return block


def test_a_plan_in_thousands_is_given_as_the_paper_prints_it(demo_store):
    p = revenue(demo_store)
    line = next(r for r in p.rows if r.kind == "line" and r.label == "A Budget Net")
    assert p.set_cell(line.line_id, p.columns[2], "4 (2 per District)"), p.error
    block = _block(demo_store, p.view.plan.name)
    rows = {(r[1], r[2]): r for r in block.rows}
    assert rows[("A Budget Net", "2010/11")][3:6] == [87_800_000, None, "878"]
    assert rows[("A Budget Net", "2012/13")][3:6] == [400_000, None, "4 (2 per district)"]
    assert block.note.endswith(UNIT_SAID), block.note


def test_a_plan_in_pounds_is_given_in_pounds_as_before(demo_store):
    block = _block(demo_store, "East Sussex Community Safety MTFP 2011/12 – 2014/15")
    assert block.rows[0][3:6] == [32_780_000, None, "£327,800"]
    assert "£'000" not in block.note
