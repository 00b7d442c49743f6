"""The ledger's workbook dates its *Per case* sheet as it dates *Per partner*: exported as at 20/07/2018, its figures
were that day's (Paid £3,420.73, not today's £3,820.73) and nothing on the sheet said so."""

from __future__ import annotations

from datetime import date

import openpyxl

from safer_desk.exchange.tables import write_table
from safer_desk.presenters.dhr import ledger_sheets
from safer_desk.services import dhr

DAY = date(2018, 7, 20)


def test_the_per_case_sheet_says_the_day_its_figures_are_as_at(demo_store, tmp_path):
    sheets = ledger_sheets(dhr.partner_ledger(demo_store, today=DAY, as_at=DAY),
                           dhr.list_cases(demo_store, today=DAY, as_at=DAY), DAY)
    book = openpyxl.load_workbook(write_table(tmp_path / "ledger.xlsx", sheets))
    assert book["Per partner"]["A1"].value == "DHR ledger per partner as at 20/07/2018"
    assert book["Per case"]["A1"].value == "DHR ledger per case as at 20/07/2018"
