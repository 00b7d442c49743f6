"""Round 41 (kcr): the county's who owes what counts the refunds, as its ledger does.

A county file holding Babergh office's review, on which Babergh District Council paid £7,525.58 in full, was billed
again £2,500 lower and refunded its £250 over. The workbook's *Who owes what* sheet listed the council's invoice paid
£752.56 and nothing else: filtered by partner it said the council had paid £752.56 towards a review on which the
ledger, the Reviews sheet and the board report say £250 of it was given back. It has the refund too (a row of its own,
Refunded trailing, where something was refunded), so a partner's rows add up to its line of the ledger.
"""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from safer_desk.services import dhr
from safer_desk.services.county import export_for_county
from safer_desk.services.report import build_report
from tests.exchange.district_offices import export, merge
from tests.exchange.test_refund_beyond_credit_round39 import billed_lower_and_refunded, merged_once
from tests.exchange.test_refund_merge_round38 import BABERGH, TODAY


def _sheet(path, name: str, first: str) -> list[dict]:
    rows = list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r and r[0] == first)
    return [dict(zip(rows[at], r)) for r in rows[at + 1:] if r and r[0]]


def _pence(value) -> int:
    return int(Decimal(str(value or 0)) * 100)


@pytest.fixture
def county_with_a_refund(tmp_path):
    with merged_once(tmp_path) as (county, babergh, case):
        billed_lower_and_refunded(babergh, case)
        merge(county, [export(babergh, tmp_path / "b2.sqlite")])
        assert dhr.refunded_by_partner(county, case) == {BABERGH: 25000}
        yield county, case


def test_the_workbook_who_owes_what_has_the_refund_and_a_partner_adds_up_to_the_ledger(county_with_a_refund,
                                                                                         tmp_path):
    county, case = county_with_a_refund
    path = export_for_county(county, tmp_path / "county.xlsx").path
    who = _sheet(path, "Who owes what", "Partner")
    rows = [r for r in who if r["Partner"] != "Total"]
    reference = dhr.list_cases(county, today=TODAY)[0].reference
    [refund] = [r for r in rows if r["Kind of share"] == "Refund"]
    assert (refund["Partner"], refund["Review"], refund["Invoice"], refund["Status"]) == (
        "Babergh District Council", reference, "BACS 4471", "Refunded 15/10/2025")
    assert _pence(refund["Refunded (£)"]) == 25000 and refund["Share (£)"] is None and refund["Paid (£)"] is None
    for p in dhr.partner_ledger(county, today=TODAY):
        mine = [r for r in rows if r["Partner"] == p.partner]
        paid, refunded, outstanding = (sum(_pence(r[c]) for r in mine)
                                       for c in ("Paid (£)", "Refunded (£)", "Outstanding (£)"))
        assert (paid, refunded, outstanding) == (p.paid_pence, p.refunded_pence, p.outstanding_pence), p
        assert paid - refunded + outstanding == p.net_billed_pence
    reviews = {r["Reference"]: r for r in _sheet(path, "Reviews", "Reference")}
    assert sum(_pence(r["Refunded (£)"]) for r in rows) == _pence(reviews[reference]["Refunded (£)"]) == 25000
    assert str(next(r for r in who if r["Partner"] == "Total")["Refunded (£)"]).startswith("=SUM(")


def test_the_report_county_overview_adds_up_with_the_refund(county_with_a_refund):
    county, case = county_with_a_refund
    [row] = [c for c in dhr.list_cases(county, today=TODAY) if c.id == case]
    report = build_report(county, today=TODAY)
    [table] = [t for s in report.sections for t in s.tables
               if t.title.startswith("Domestic Homicide Reviews: recovery per partner")]  # the county overview's
    total = dict(zip(table.header, table.total_row))
    assert _pence(total["Refunded"].replace("£", "").replace(",", "")) == row.refunded_pence == 25000
    paid, refunded, outstanding = (_pence(total[c].replace("£", "").replace(",", ""))
                                   for c in ("Paid", "Refunded", "Outstanding"))
    assert paid - refunded + outstanding == row.net_billed_pence == row.cost_pence - row.shortfall_pence \
        - row.unbilled_pence
