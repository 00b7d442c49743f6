"""A plan in £'000 says so where its flags leave the grid: `safer-desk budget` printed its CSV in pounds (1202000)
and its warning in thousands with no unit ("the paper states 1,201 but the lines add up to 1,202 (a difference of
1)"), and the export workbook's Budgets sheet, headed "Amounts in pounds", gave the same words under the plan."""

from __future__ import annotations

from safer_desk.services import budgets as svc
from safer_desk.services.county_workbook import budgets_sheet
from tests.budgets.test_refusals_queries_and_changes import revenue

THOUSANDS = "(its figures in £'000, as the paper prints them)"


def _a_difference(demo_store):
    p = revenue(demo_store)
    line = next(r for r in p.rows if r.kind == "line" and r.label == "A Budget Net")
    assert p.set_cell(line.line_id, p.columns[1], "885"), p.error
    return p


def test_the_command_lines_warning_says_its_figures_are_in_thousands(demo_store):
    p = _a_difference(demo_store)
    warnings = [w for w in svc.warnings_for(demo_store) if "a difference of 1)" in w]
    assert warnings and all(w.startswith(f"{p.view.plan.name} {THOUSANDS}: ") for w in warnings), warnings
    # a plan in pounds is said as it was
    assert [w for w in svc.warnings_for(demo_store) if "difference of £114,900" in w and THOUSANDS not in w]


def test_the_workbooks_note_says_its_figures_are_in_thousands(demo_store):
    p = _a_difference(demo_store)
    (block,) = [b for b in budgets_sheet(demo_store).blocks if b.title == p.view.plan.name]
    assert block.note.startswith("Figures in these notes are in £'000, as the paper prints them: ")
    assert "a difference of 1)" in block.note
