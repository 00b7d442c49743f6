"""Round 63 (priv): an invoice's reference and a review's invoice prefix are codes that go to the county (the Who owes
what sheet, the board report) as a review's reference does, so a name joined up or turned round in them ("Jane-Smith-",
"SMITH-Jane-01"), refused in a reference, is refused there too: the prefix put "Jane-Smith-01" … on every partner's
invoice."""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.domain.funds import FundError
from safer_desk.services import dhr, funds

JOINED_NAMES = ["Jane-Smith-", "jane.smith-", "SMITH-Jane-", "Jane_Smith_INV"]


def _unbilled_case(store) -> str:
    case_id = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-02")
    dhr.add_cost_line(store, case_id, category="Administration", amount="£1,000")
    return case_id


@pytest.mark.parametrize("prefix", JOINED_NAMES)
def test_an_invoice_prefix_joining_a_name_is_refused_and_no_invoice_is_made(demo_store, prefix):
    case_id = _unbilled_case(demo_store)
    before = demo_store.scalar("SELECT count(*) FROM dhr_shares")
    with pytest.raises(DhrError, match="^Invoice prefix: .* looks like a person's name"):
        dhr.bill_partners(demo_store, case_id, invoiced_on="01/09/2018", invoice_prefix=prefix)
    assert demo_store.scalar("SELECT count(*) FROM dhr_shares") == before


def test_a_code_for_a_prefix_still_bills(demo_store):
    case_id = _unbilled_case(demo_store)
    dhr.bill_partners(demo_store, case_id, invoiced_on="01/09/2018", invoice_prefix="MSDC-DHR2-")
    refs = demo_store.rows("SELECT invoice_ref FROM dhr_shares WHERE case_id = ?", (case_id,))
    assert refs and all(r[0].startswith("MSDC-DHR2-") for r in refs)


@pytest.mark.parametrize("ref", ["Jane-Smith-0042", "SMITH-Jane", "jane.smith"])
def test_a_cost_lines_invoice_reference_joining_a_name_is_refused(demo_store, ref):
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    with pytest.raises(DhrError, match="^Invoice reference: .* looks like a person's name"):
        dhr.add_cost_line(demo_store, case_id, category="Administration", amount="£100", invoice_ref=ref)
    line = dhr.add_cost_line(demo_store, case_id, category="Administration", amount="£100", invoice_ref="INV-2018-0042")
    assert demo_store.scalar("SELECT invoice_ref FROM dhr_cost_lines WHERE id = ?", (line,)) == "INV-2018-0042"


def test_a_spend_lines_invoice_joining_a_name_is_refused(demo_store):
    [fund] = funds.list_funds(demo_store)
    referral = funds.list_referrals(demo_store, fund.id)[0]["id"]
    with pytest.raises(FundError, match="^Invoice: .* looks like a person's name"):
        funds.add_spend_line(demo_store, referral, spent_on="05/06/2018", item="Door chain", amount="£25",
                             invoice_ref="Jane-Smith-7")
