"""Costs > Reviews: a refusal re-split onto a partner whose share was written off (session 67).

In the example Suffolk County Council paid £400.00 of its £684.14 share; the partnership wrote off the other £284.14
(it is not to pay more). The National Probation Service refused its £684.14, and re-splitting it billed Suffolk
County Council £68.41 of it on a new invoice, as if the write-off had not been agreed. A partner whose share was
written off is now left out of a re-split, as one that refused is; the parts still add up to the refusal exactly.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import dhr

TODAY = date(2018, 10, 1)
BILLED = "WSCSP-DHR-2017-01"
COUNTY, PROBATION = "Suffolk County Council", "National Probation Service"


def test_a_refusal_is_not_re_split_onto_a_partner_whose_share_was_written_off(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    shares = {s.partner: s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)}
    dhr.write_off_share(demo_store, shares[COUNTY].id, on="20/08/2018", reason="Agreed at the SSCG")
    parts = dhr.resolve_refusal(demo_store, shares[PROBATION].id, "re-split", on="01/09/2018")
    assert shares[COUNTY].organisation_id not in parts  # was billed £68.41
    assert sum(parts.values()) == shares[PROBATION].amount_pence == 68414
    assert len(parts) == len(shares) - 2 and max(parts.values()) - min(parts.values()) <= 1
    resplit = [s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id) if s.kind == "re-split"]
    assert COUNTY not in {s.partner for s in resplit} and sum(s.amount_pence for s in resplit) == 68414
