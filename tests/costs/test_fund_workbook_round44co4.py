"""Pooled funds, round 44 (co4): the fund report's workbook as the coordinator sends it with the board paper.

*Export fund report…* wrote Per month, Per district and Per item with no Total line (the page's tables end with one;
the ledger's workbook has its totals), and Contributions as one amount per contributor with no date: a £5,000 top-up
promised for October read as money in the fund beside the £2,000 received in April, and nothing in the workbook said
who had still to pay. The sheets now end with a Total line, and Contributions lists each contribution as the page
does, with its Received date and note.
"""

from __future__ import annotations

from datetime import date, datetime

import openpyxl

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2018, 7, 20)
COUNTY = "Suffolk County Council"


def presenter(store) -> FundsPresenter:
    p = FundsPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    p.reload(select=funds.fund_by_name(store, PILOT).id)
    return p


def sheet(p: FundsPresenter, name: str):
    return next(s for s in p.report_sheets() if s.name == name)


def test_the_tables_of_spend_end_with_their_totals_as_the_page(demo_store):
    p = presenter(demo_store)
    assert sheet(p, "Per month").rows[-1] == ["Total", 15, 241_700]
    assert sheet(p, "Per district").rows[-1] == ["Total", 15, 241_700]
    assert sheet(p, "Per item").rows[-1] == ["Total", 39, 241_700]
    assert [r[0] for r in sheet(p, "Per month").rows] == ["Apr 2018", "May 2018", "Jun 2018", "Total"]


def test_each_contribution_is_listed_with_the_day_it_is_received(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    funds.add_contribution(demo_store, fund.id, organisation=COUNTY, amount="£5,000", received_on="01/10/2018",
                           note="Phase 2 top-up")
    given = sheet(presenter(demo_store), "Contributions")
    assert given.header == ["Contributor", "Amount", "Received", "Note"] and given.money_columns == {1}
    county = [r for r in given.rows if r[0] == COUNTY]
    assert county == [[COUNTY, 400_000, date(2018, 4, 1), ""], [COUNTY, 500_000, date(2018, 10, 1), "Phase 2 top-up"]]
    assert len(given.rows) == 11 and given.rows[-1] == ["Total", 2_500_000, None, ""]


def test_the_workbook_written_reads_so(demo_store, tmp_path):
    fund = funds.fund_by_name(demo_store, PILOT)
    funds.add_contribution(demo_store, fund.id, organisation=COUNTY, amount="£5,000", received_on="01/10/2018")
    book = openpyxl.load_workbook(presenter(demo_store).export(tmp_path / "fund.xlsx"))
    rows = list(book["Contributions"].iter_rows(values_only=True))
    assert rows[0] == ("Contributor", "Amount (£)", "Received", "Note")
    assert (COUNTY, 5000, datetime(2018, 10, 1), "") in rows and rows[-1][:2] == ("Total", 25000)
    assert list(book["Per district"].iter_rows(values_only=True))[-1] == ("Total", 15, 2417)
