"""Round s66: a workbook's money headings say their unit, as the county's workbook does.

The county's workbook heads each money column "Outstanding (£)", "Planning cost (£)"; the workbooks the tabs export
said "Outstanding", "Fixed fee", "Amount", "Spend", "Capital" over the same figures, so a county lead reading the
ledger beside the county's workbook (or a sheet printed without its £ format) had to guess the unit. A money column's
heading now says "(£)" in every workbook; a text file (.csv, .tsv) keeps its headings, which are pasted back as they
are. A register copied from its workbook pastes back with its Capital (£) and Revenue (£) read.
"""

from __future__ import annotations

from datetime import date

import openpyxl

from safer_desk.exchange.files import Sheet
from safer_desk.exchange.tables import write_table

TODAY = date(2018, 7, 20)


def headings(path, sheet: str, first: str) -> list[str]:
    ws = openpyxl.load_workbook(path)[sheet]
    return next([c.value for c in row] for row in ws.iter_rows() if row[0].value == first)


def test_a_money_column_s_heading_says_pounds_in_a_workbook_not_in_a_csv(tmp_path):
    sheet = Sheet("Costs", ["Who", "Amount", "Cost (£)", "Share of £"], [["A", 100, 200, 300]],
                  money_columns={1, 2, 3})
    assert headings(write_table(tmp_path / "a.xlsx", [sheet]), "Costs", "Who") == [
        "Who", "Amount (£)", "Cost (£)", "Share of £"]  # said once: a heading naming £ already is as it was
    csv = write_table(tmp_path / "a.csv", [sheet]).read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0] == "Who,Amount,Cost (£),Share of £"


def test_the_dhr_ledger_s_workbook_heads_its_money_in_pounds(demo_store, tmp_path):
    from safer_desk.presenters.dhr import LedgerPresenter, ledger_sheets

    shown = LedgerPresenter(today=lambda: date(2026, 12, 1)).read(demo_store)
    path = write_table(tmp_path / "ledger.xlsx", ledger_sheets(shown.partners, shown.cases, shown.day))
    assert headings(path, "Per partner", "Partner") == [
        "Partner", "Outstanding (£)", "Overdue (£)", "Billed (£)", "Paid (£)", "Refused (£)", "Written off (£)",
        "Refunded (£)"]
    assert headings(path, "Per case", "Case") == [
        "Case", "Cost (£)", "Net billed (£)", "Paid (£)", "Outstanding (£)", "Shortfall (£)", "Not yet billed (£)",
        "Status", "Stage reached", "Refunded (£)"]


def test_the_allocation_s_and_the_fund_report_s_workbooks_head_their_money_in_pounds(demo_store, tmp_path):
    from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.funds import FundsPresenter
    from safer_desk.services import allocation, funds

    result = allocation.calculate([PartnershipInput("Ipswich", 1, {"basis": 3}, 100_00),
                                   PartnershipInput("Waveney", 1, {"basis": 1})], AllocationOptions(pot_pence=400_00))
    path = write_table(tmp_path / "allocation.xlsx", allocation.result_sheets(result, shares_as_numbers=True))
    assert headings(path, "Allocation", "Partnership") == [
        "Partnership", "Fixed units", "Fixed fee (£)", "Variable fee (£)", "basis", "basis as % of the total",
        "This year (£)", "Last year (£)", "Variance (£)"]
    fund = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    fund.reload(select=funds.fund_by_name(demo_store, "Suffolk Target Hardening Pilot").id)
    path = fund.export(tmp_path / "fund.xlsx")
    assert headings(path, "Per month", "Month") == ["Month", "Victims first supported", "Spend (£)"]
    assert headings(path, "Contributions", "Contributor") == ["Contributor", "Amount (£)", "Received", "Note"]
    assert headings(path, "Forecast", "Month") == ["Month", "Cumulative spend (£)", "Kind", "Fund (£)"]


def test_the_register_s_workbook_says_pounds_and_pastes_back(demo_store, tmp_path):
    from safer_desk.services.projects import export_register, projects_from_reading, read_paste

    path = export_register(demo_store, tmp_path / "register.xlsx")
    head = headings(path, "Projects", "Ref")
    assert {"Cost min (£)", "Cost max (£)", "Capital (£)", "Revenue (£)"} <= set(head)
    assert "Capital" not in head
    # copied from the workbook and pasted into another register: its capital and revenue are read, as from its CSV
    row = ["" for _ in head]
    for heading, cell in (("Title", "Pastors"), ("Capital (£)", "1500"), ("Revenue (£)", "250")):
        row[head.index(heading)] = cell
    reading = read_paste([head, row])
    assert not {"Capital (£)", "Revenue (£)"} & set(reading.unknown_headings)
    (project,) = projects_from_reading(reading, today=TODAY)
    assert (project.capital_pence, project.revenue_pence) == (150_000, 25_000)
