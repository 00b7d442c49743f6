"""A review's billing again held with a conflict keeps the invoices it withdrew with it (session 70, county walk).

Five offices made from the example each held WSCSP-DHR-2017-01. Babergh office corrected its Administration cost from
£625.58 to £600.00 and billed the partners again on 01/09/2026 (the unpaid invoices withdrawn, Suffolk County
Council's, £400.00 of £684.14 paid, closed at what was paid). Ipswich office's file, the review as the example had it,
raised a conflict about the cost line; the county put its billing back as it held it, and in doing so lost Babergh's
record that the County Council's invoice was closed at £400.00 (the invoice's row went with its share when the
share was put back). Mid Suffolk office had deleted a cost and billed again on 15/09/2026: its invoices waited with
the conflict, but its record of the invoices it withdrew came in. As at 15/06/2026 the county's ledger billed
£9,978.01 for the review where every office's own read £7,525.58: Mid Suffolk's withdrawn invoices counted beside
Babergh's (£2,736.57 twice), the County Council's invoice at £400.00 instead of the £684.14 it was then.
The invoices an office withdrew are part of its billing: held with it, kept as the county held them, and put in with
it when the lead keeps the office's version.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import dhr
from safer_desk.services.county import (decision_rows, list_conflicts, plan_decision, put_back_decision_rows,
                                        resolve_conflicts)
from tests.exchange.district_offices import merge

TODAY = date(2026, 12, 1)
REFERENCE = "WSCSP-DHR-2025-01"
COUNTY_COUNCIL = "org:suffolk-county-council"


def withdrawn(store, case: str) -> list[tuple]:
    return [tuple(r) for r in store.rows(
        "SELECT id, organisation_id, invoice_ref, amount_pence, withdrawn_on, closed_at_pence, share_id "
        "FROM dhr_withdrawn_invoices WHERE case_id = ? ORDER BY id", (case,))]


def billed_as_at(store, case: str, day: date) -> int:
    """What the review's partners had been billed by the day (invoices withdrawn since count, as they stood)."""
    return next(c for c in dhr.list_cases(store, today=TODAY, as_at=day) if c.id == case).billed_pence


def corrected_by_babergh(o) -> str:
    """The review of both offices: the County Council pays £400.00 of its share; Babergh office corrects the chair's
    cost from £7,525.58 to £7,500.00, billing the partners again on 01/09/2026 (the unpaid invoices withdrawn, the
    County Council's closed at the £400.00 paid)."""
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    share = next(s for s in dhr.list_shares(o.babergh, today=TODAY, case_id=case)
                 if s.organisation_id == COUNTY_COUNCIL)
    dhr.record_payment(o.babergh, share.id, paid_on="2025-10-01", amount="400.00")
    line = dhr.cost_lines(o.babergh, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(o.babergh, line["id"], bill_again_on="2026-09-01", amount=line["amount_pence"] - 2558,
                         **fields)
    return case


def test_another_office_s_conflict_keeps_the_invoice_closed_at_what_was_paid(offices):
    o = offices
    case = corrected_by_babergh(o)
    merge(o.county, [o.send(o.babergh)])
    assert withdrawn(o.county, case) == withdrawn(o.babergh, case)
    assert any(r[5] == 40000 for r in withdrawn(o.county, case))  # closed at the £400.00 paid

    merge(o.county, [o.send(o.mid)])  # the review as the template had it: a conflict about the cost line

    assert [c.table for c in list_conflicts(o.county) if c.table == "dhr_cost_lines"] == ["dhr_cost_lines"]
    assert withdrawn(o.county, case) == withdrawn(o.babergh, case)
    for day in (date(2026, 6, 15), date(2026, 9, 1), TODAY):
        assert billed_as_at(o.county, case, day) == billed_as_at(o.babergh, case, day), day


def test_an_office_s_withdrawn_invoices_wait_with_its_billing(offices):
    o = offices
    case = corrected_by_babergh(o)
    merge(o.county, [o.send(o.babergh)])
    line = dhr.cost_lines(o.mid, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(o.mid, line["id"], bill_again_on="2026-09-15", amount=line["amount_pence"] - 65000, **fields)
    assert withdrawn(o.mid, case)  # Mid Suffolk office's own billing again withdrew the unpaid invoices

    merge(o.county, [o.send(o.mid)])

    assert withdrawn(o.county, case) == withdrawn(o.babergh, case)  # Mid Suffolk's wait with its billing
    for day in (date(2026, 6, 15), date(2026, 9, 10), date(2026, 9, 20), TODAY):
        assert billed_as_at(o.county, case, day) == billed_as_at(o.babergh, case, day), day

    [conflict] = [c for c in list_conflicts(o.county) if c.table == "dhr_cost_lines"]
    resolve_conflicts(o.county, "district", which=conflict.id)  # the office's billing comes with its line
    assert withdrawn(o.county, case) == withdrawn(o.mid, case)
    for day in (date(2026, 6, 15), date(2026, 9, 20), TODAY):
        assert billed_as_at(o.county, case, day) == billed_as_at(o.mid, case, day), day


def cost_as_at(store, case: str, day: date) -> int:
    return next(c for c in dhr.list_cases(store, today=TODAY, as_at=day) if c.id == case).cost_pence


def versions(store, case: str) -> list[tuple]:
    return [tuple(r) for r in store.rows("SELECT line_id, amount_pence, replaced_on FROM dhr_cost_line_versions "
                                         "WHERE case_id = ? ORDER BY replaced_on", (case,))]


def test_an_office_s_earlier_versions_of_a_cost_line_wait_with_its_line(offices):
    """Mid Suffolk office's correction of 15/09/2026 waits with the conflict about the line; its record of the line
    as it stood before (£7,525.58 until 15/09/2026) came in, and the county's cost as at 10/09/2026 read £7,525.58
    where the line it holds (Babergh office's) was £7,500.00 from 01/09/2026."""
    o = offices
    case = corrected_by_babergh(o)
    merge(o.county, [o.send(o.babergh)])
    line = dhr.cost_lines(o.mid, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(o.mid, line["id"], bill_again_on="2026-09-15", amount=line["amount_pence"] - 65000, **fields)

    merge(o.county, [o.send(o.mid)])
    merge(o.county, [o.send(o.mid)])  # sent again while the conflict is open

    assert versions(o.county, case) == versions(o.babergh, case)
    for day in (date(2025, 9, 1), date(2026, 9, 10), date(2026, 9, 20), TODAY):
        assert cost_as_at(o.county, case, day) == cost_as_at(o.babergh, case, day), day

    [conflict] = [c for c in list_conflicts(o.county) if c.table == "dhr_cost_lines"]
    plan = plan_decision(o.county, "district", which=conflict.id)
    before = decision_rows(o.county, plan)  # what Edit > Undo of the decision puts back
    resolve_conflicts(o.county, "district", which=conflict.id)  # the office's line comes with its earlier versions
    assert versions(o.county, case) == versions(o.mid, case)
    for day in (date(2025, 9, 1), date(2026, 9, 10), date(2026, 9, 20), TODAY):
        assert cost_as_at(o.county, case, day) == cost_as_at(o.mid, case, day), day
    assert withdrawn(o.county, case) == withdrawn(o.mid, case)

    put_back_decision_rows(o.county, before)  # undone: the county's line, versions and billing as they were
    assert versions(o.county, case) == versions(o.babergh, case)
    assert withdrawn(o.county, case) == withdrawn(o.babergh, case)
    for day in (date(2026, 9, 10), TODAY):
        assert cost_as_at(o.county, case, day) == cost_as_at(o.babergh, case, day), day
        assert billed_as_at(o.county, case, day) == billed_as_at(o.babergh, case, day), day


def test_versions_set_aside_with_the_county_s_line_stay_out(offices):
    o = offices
    case = corrected_by_babergh(o)
    merge(o.county, [o.send(o.babergh)])
    line = dhr.cost_lines(o.mid, case)[0]
    fields = {k: line[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(o.mid, line["id"], bill_again_on="2026-09-15", amount=line["amount_pence"] - 65000, **fields)
    merge(o.county, [o.send(o.mid)])
    resolve_conflicts(o.county, "county")

    merge(o.county, [o.send(o.mid)])

    assert versions(o.county, case) == versions(o.babergh, case)
    assert cost_as_at(o.county, case, date(2026, 9, 10)) == cost_as_at(o.babergh, case, date(2026, 9, 10))
