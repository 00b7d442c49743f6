"""Session 69: the workbook's Budgets sheet showed seed 004's income lines (LAA Reward Grant £20,000, Underspend
Brought Forward £21,100) under Amount (£) as plain positive figures, beside the expenditure lines, and only the
section's name hinted they are taken off: a county officer adding up the sheet added the income to the spend.
A column now says how each line and subtotal counts in the plan's total: added, taken off, or not counted."""

from __future__ import annotations

import openpyxl

from safer_desk.services.county import export_for_county
from safer_desk.services.county_workbook import budgets_sheet

MTFP = "East Sussex Community Safety MTFP 2011/12 – 2014/15"
COUNTS = "In the plan total"


def test_each_line_and_subtotal_says_how_it_counts_in_the_plan_total(demo_store):
    sheet = budgets_sheet(demo_store)
    headings = [c.title for c in sheet.columns]
    line, amount, total, counts = (headings.index(h) for h in ("Line", "Amount (£)", "Total (£)", COUNTS))
    (block,) = [b for b in sheet.blocks if b.title == MTFP]
    year = {r[line]: r for r in block.rows if r[2] == "2011/12" and "printed" not in str(r)}
    assert (year["Employees"][amount], year["Employees"][counts]) == (32_780_000, "added")
    assert (year["LAA Reward Grant"][amount], year["LAA Reward Grant"][counts]) == (2_000_000, "taken off")
    assert year["Income and grants: subtotal"][counts] == "taken off"
    assert year["Savings to be identified"][counts] == "taken off"
    assert year["Drugs Intervention Programme"][counts] == "not counted"  # beside the base budget, outside it
    assert year["Community Safety Base Budget"][counts] == ""  # the plan total itself
    # what the column says adds up: £924,500 spend less £41,100 income is the £883,400 base budget
    sign = {"added": 1, "taken off": -1, "not counted": 0}
    lines = [r for r in block.rows if r[2] == "2011/12" and r[amount] is not None]
    assert sum(sign[r[counts]] * r[amount] for r in lines) == year["Community Safety Base Budget"][total] == 88_340_000
    assert COUNTS in sheet.note


def test_the_workbook_writes_the_column(demo_store, tmp_path):
    export_for_county(demo_store, tmp_path / "county.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "county.xlsx")["Budgets"]
    header = next(r for r in ws.iter_rows() if r[0].value == "Section")
    at = {c.value: c.column - 1 for c in header}
    row = next(r for r in ws.iter_rows(min_row=header[0].row + 1)
               if r[1].value == "Underspend Brought Forward" and r[2].value == "2011/12")
    assert (row[at["Amount (£)"]].value, row[at[COUNTS]].value) == (21100, "taken off")
