"""Session 67: the county workbook's Budgets sheet put every figure of a plan in one "Amount (£)" column: the lines,
their worked-out subtotals and totals, and the paper's printed totals beside them. A county officer who summed the
column (or selected it and read Excel's status bar) for seed 004's MTFP 2011/12 got £924,500 of expenditure lines
counted three times over (lines, Total Expenditure, Total Expenditure as printed) and more again in the base budget.
The lines' figures are now alone under "Amount (£)"; the worked-out and printed totals are under "Total (£)"."""

from __future__ import annotations

import openpyxl

from safer_desk.services.county import export_for_county
from safer_desk.services.county_workbook import budgets_sheet

MTFP = "East Sussex Community Safety MTFP 2011/12 – 2014/15"
EXPENDITURE = ("Employees", "Transport", "Supplies and Services", "Third Party Payments", "Support Services")


def test_the_amount_column_sums_to_the_lines_once(demo_store):
    sheet = budgets_sheet(demo_store)
    amount = [c.title for c in sheet.columns].index("Amount (£)")
    (block,) = [b for b in sheet.blocks if b.title == MTFP]
    community = [r for r in block.rows if r[0] == "Community Safety" and r[2] == "2011/12"]
    assert sum(r[amount] or 0 for r in community) == 92_450_000  # £924,500: the five lines, not their totals too
    assert {r[1] for r in community if r[amount] is not None} == set(EXPENDITURE)


def test_totals_have_a_column_of_their_own_and_say_what_they_are(demo_store):
    sheet = budgets_sheet(demo_store)
    headings = [c.title for c in sheet.columns]
    amount, total, said = (headings.index(h) for h in ("Amount (£)", "Total (£)", "As the paper states it"))
    (block,) = [b for b in sheet.blocks if b.title == MTFP]
    subtotal = {r[said]: (r[amount], r[total]) for r in block.rows
                if r[1] == "Drugs and alcohol subtotal" and r[2] == "2012/13"}
    assert subtotal == {"worked out": (None, 21_210_000), "as printed: differs from its lines": (None, 9_720_000)}
    employees = next(r for r in block.rows if r[1] == "Employees" and r[2] == "2011/12")
    assert (employees[amount], employees[total]) == (32_780_000, None)
    assert "Total (£)" in sheet.note and "Amount (£)" in sheet.note


def test_the_workbook_writes_both_as_money(demo_store, tmp_path):
    export_for_county(demo_store, tmp_path / "county.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "county.xlsx")["Budgets"]
    header = next(r for r in ws.iter_rows() if r[0].value == "Section")
    at = {c.value: c.column - 1 for c in header}
    row = next(r for r in ws.iter_rows(min_row=header[0].row + 1)
               if r[1].value == "Total Expenditure" and r[2].value == "2011/12")
    assert row[at["Amount (£)"]].value is None
    assert row[at["Total (£)"]].value == 924500 and row[at["Total (£)"]].number_format.startswith("£")
