"""An office that did not bill a review again is not said to have (session 70, county walk).

Babergh office corrected WSCSP-DHR-2017-01's cost and billed the partners again on 01/09/2026; Ipswich office's file
held the review as the example had it, billed once on 15/06/2018. Its conflicts said "Ipswich office billed the
partners again on 15/06/2018 (£7,525.58 for the review's costs)": a billing again that never was, dated eight years
before the county's. An office whose invoices the county no longer holds are older than the county's is said to hold
the review as billed then, not billed again as the county's was.
"""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_billing_held_withdrawn_invoices_s70 import corrected_by_babergh
from tests.exchange.test_shared_review_billing_round40xbl import _paid_at_the_office

STALE = ("Mid Suffolk office holds the review as billed on 01/09/2025 (£7,525.58 for its costs), not billed again as "
         "the county's was on 01/09/2026")


def test_the_conflict_about_the_line_says_the_office_did_not_bill_again(offices):
    o = offices
    corrected_by_babergh(o)
    merge(o.county, [o.send(o.babergh)])
    merge(o.county, [o.send(o.mid)])

    [line] = [c for c in list_conflicts(o.county) if c.table == "dhr_cost_lines"]
    assert "billed the partners again" not in line.detail, line.detail
    assert STALE in line.detail, line.detail

    resolve_conflicts(o.county, "county")
    merge(o.county, [o.send(o.mid)])  # the same billing, set aside with the cost line: not asked about again
    assert not [c for c in list_conflicts(o.county) if c.kind == "billing-cannot-take"]
    _paid_at_the_office(o.mid, dhr.case_id_by_reference(o.mid, "WSCSP-DHR-2025-01"))  # its billing changed since
    merge(o.county, [o.send(o.mid)])
    [billing] = [c for c in list_conflicts(o.county) if c.kind == "billing-cannot-take"]
    assert "billed the partners again" not in billing.detail, billing.detail
    assert billing.detail.startswith(f"Invoices of WSCSP-DHR-2025-01: {STALE}"), billing.detail
