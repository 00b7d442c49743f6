"""Costs > Reviews, round 29 (a second look): billing a review again, tried the way a coordinator's year goes.

Random sequences of billing, part-payments, refusals (re-split or carried), write-offs, costs added and billed,
billing again with another split, costs corrected down or deleted, reopenings and undos kept their sums (each
partner's paid within its invoices, the first shares never past the cost, cost = recovered + outstanding + shortfall
+ not yet billed, no invoice number used twice, undo putting the case back exactly). One fault was found:

A partner billed that was not a statutory partner on the day the review was first billed (its membership's end
recorded since) is left out by *Bill again with another split…*, keeping what it paid; but a cost added afterwards
was billed to it again, and a refusal re-split to it, as if it still shared the review.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import dhr
from safer_desk.services import reference as ref

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"  # £7,525.58 billed equally to eleven partners on 15/06/2018; the constabulary paid
PARTNERSHIP = "partnership:western-suffolk-csp"
CONSTABULARY = "org:suffolk-constabulary"
PROBATION = "org:national-probation-service"  # refused its £684.14


def _constabulary_left_before_the_billing_then_billed_again(store) -> str:
    """The constabulary's membership ended 31/03/2018 (recorded after the billing of 15/06/2018, which it paid):
    billed again with equal shares, the ten partners of 15/06/2018 share the cost and it keeps its £684.14."""
    member = store.scalar("SELECT id FROM partnership_members WHERE organisation_id = ? AND partnership_id = ?",
                          (CONSTABULARY, PARTNERSHIP))
    ref.end_membership(store, member, date(2018, 3, 31))
    case_id = dhr.case_id_by_reference(store, BILLED)
    plan = dhr.rebill_with_split(store, case_id, "equal", on=TODAY)
    assert CONSTABULARY not in plan.shares and CONSTABULARY not in plan.new
    return case_id


def test_a_cost_added_after_billing_again_is_not_billed_to_a_partner_it_left_out(demo_store):
    case_id = _constabulary_left_before_the_billing_then_billed_again(demo_store)
    dhr.add_cost_line(demo_store, case_id, category="Legal", amount="1000", invoiced_on="02/09/2018")
    further = dhr.bill_partners(demo_store, case_id, invoiced_on="03/09/2018")
    assert CONSTABULARY not in further
    assert sum(further.values()) == 100000 and len(further) == 10 and min(further.values()) >= 0
    shares = dhr.list_shares(demo_store, today=TODAY, case_id=case_id)
    assert sum(s.amount_pence for s in shares if s.kind == "share") == dhr.case_cost_pence(demo_store, case_id)


def test_a_refusal_re_split_after_billing_again_is_not_re_split_to_a_partner_it_left_out(demo_store):
    case_id = _constabulary_left_before_the_billing_then_billed_again(demo_store)
    refused = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)
                   if s.organisation_id == PROBATION and s.status == "refused")
    parts = dhr.resolve_refusal(demo_store, refused.id, "re-split", on=TODAY)
    assert CONSTABULARY not in parts and sum(parts.values()) == refused.closed_pence and len(parts) == 9
