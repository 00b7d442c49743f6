"""The export workbook's "Who owes what" sheet says what each share refused or wrote off, so every row adds up
(share = paid + refused or written off + outstanding) and a partner's rows agree with the ledger and the report.
Suffolk County Council paid £400 of its £684.14 and refused the rest: its row read Share 684.14, Paid 400,
Outstanding 0, and the £284.14 refused was nowhere (the sheet's shares came to £968.28 more than paid and
outstanding)."""

from __future__ import annotations

from datetime import date

from safer_desk.services import dhr
from safer_desk.services.county_workbook import dhr_partners_sheet

TODAY = date(2018, 9, 1)
REVIEW = "WSCSP-DHR-2017-01"


def test_each_row_adds_up_with_what_was_refused_or_written_off(demo_store):
    case = dhr.case_id_by_reference(demo_store, REVIEW)
    shares = {s.partner: s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case)}
    county = shares["Suffolk County Council"]
    assert (county.amount_pence, county.paid_pence) == (684_14, 400_00)
    dhr.refuse_share(demo_store, county.id, on="02/08/2018", reason="will not pay the rest")
    dhr.resolve_refusal(demo_store, county.id, "re-split", on="03/08/2018")
    dhr.write_off_share(demo_store, shares["West Suffolk CCG"].id, on="04/08/2018", reason="agreed")

    sheet = dhr_partners_sheet(demo_store, TODAY)
    names = [c.title for c in sheet.columns]
    share, paid, closed, outstanding = (names.index(n) for n in ("Share (£)", "Paid (£)",
                                                                   "Refused or written off (£)", "Outstanding (£)"))
    rows = sheet.blocks[0].rows
    (county_row,) = [r for r in rows if r[0] == "Suffolk County Council" and r[1] == REVIEW and r[2] != "Re-split"]
    assert (county_row[share], county_row[paid], county_row[closed], county_row[outstanding]) == \
        (684_14, 400_00, 284_14, 0)
    (ccg,) = [r for r in rows if r[0] == "West Suffolk CCG" and r[1] == REVIEW and r[2] == "Share"]
    assert (ccg[closed], ccg[outstanding], ccg[6]) == (684_14, 0, "Written off")
    (probation,) = [r for r in rows if r[0] == "National Probation Service" and r[1] == REVIEW and r[2] == "Share"]
    assert probation[closed] == 684_14  # refused in the example
    for row in rows:
        if row[2] != "refund":
            assert row[share] == row[paid] + row[closed] + row[outstanding], row
    ledger = {line.partner: line for line in dhr.partner_ledger(demo_store, today=TODAY)}
    mine = [r for r in rows if r[0] == "Suffolk County Council" and r[2] != "Refund"]
    assert sum(r[closed] for r in mine) == ledger["Suffolk County Council"].refused_pence
