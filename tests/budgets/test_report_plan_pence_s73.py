"""Session 73: a plan's table in the board report writes its money one way, with pence for all of it when any has.

Seed 002's financial implications on the example file printed "£0" for Target Hardening in 2017/18 beside
"£7,525.58" for the reviews above it, "£5,000 (£2,500 per district)" beside "£12,525.58", as the rest of the report
never does (its DHR table writes "£0.00" over "£684.14"): the figures did not line up, and a board member read "£0"
as a figure rounded away. A plan in pounds with any pence now writes every amount with them; one without, none.
"""

from __future__ import annotations

import re

from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.report_sections.budgets import board_report_sections

WHOLE = re.compile(r"£\d[\d,]*(?![\d,]*\.\d)")


def test_a_plan_with_pence_writes_every_amount_with_them(demo_store):
    [section] = board_report_sections(demo_store)
    table = next(t for t in section.tables if t.title == demo.IMPLICATIONS)
    rows = {r[0].strip(): r[1:] for r in table.rows}
    assert rows["Target Hardening for High Risk DV Victims"] == [
        "£0.00", "£4,000.00 (£2,000.00 per district)", "N/K", "£4,000.00 + N/K"]
    assert rows["Net Effect"] == ["£12,525.58", "£9,000.00 + TBC", "N/K", "£21,525.58 + TBC + N/K"]
    assert not [c for r in table.rows for c in r[1:] if WHOLE.search(c)], table.rows
    actual = next(r for r in table.rows if "actual: Fund Suffolk Target Hardening Pilot" in r[0])
    assert actual[2:] == ["£4,000.00", "", "£4,000.00"]


def test_a_plan_in_whole_pounds_keeps_them_whole(demo_store):
    from safer_desk.services.report import report_areas

    [sussex] = board_report_sections(demo_store, areas=report_areas(demo_store, "East Sussex", None))
    mtfp = next(t for t in sussex.tables if t.title == demo.MTFP)
    employees = next(r for r in mtfp.rows if r[0].strip() == "Employees")
    assert employees[1:] == ["£327,800", "£384,300", "£393,200", "£393,200"]
