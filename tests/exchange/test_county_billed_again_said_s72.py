"""Session 72: a billing conflict says which of the county's invoices were billed in the county file.

WSCSP-DHR-2025-01 is held alike by Babergh and Mid Suffolk offices. Babergh office recorded a payment; the county lead
then corrected the chair's cost down and billed the partners again in the county file. Mid Suffolk office's next file,
still holding the review's first invoices, was held out with a conflict that said the county's invoices were "from
Babergh office": only the paid invoice was; the rest the county billed itself.
"""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_billing_held_with_cost_line_round39cm2 import TODAY, ledger_adds_up
from tests.exchange.test_shared_review_billing_round40xbl import _bill_again

REFERENCE = "WSCSP-DHR-2025-01"


def test_the_county_own_billing_again_is_not_said_to_be_from_an_office(offices):
    o = offices
    case = dhr.case_id_by_reference(o.babergh, REFERENCE)
    share = next(s for s in dhr.list_shares(o.babergh, today=TODAY, case_id=case))
    dhr.record_payment(o.babergh, share.id, paid_on="2025-09-10", amount="100")
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    _bill_again(o.county, case, -250000, "2025-10-01")
    merge(o.county, [o.send(o.mid)])
    [held] = [c for c in list_conflicts(o.county) if c.kind == "billing-cannot-take"]
    assert held.office_name == "Mid Suffolk office", held.detail
    assert "(its invoices from Babergh office and those billed in the county file)" in held.detail, held.detail
    assert ledger_adds_up(o.county, case)["billed"] == 502558
