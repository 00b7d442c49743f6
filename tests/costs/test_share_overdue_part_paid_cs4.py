"""A partner's share part-paid and past its due date read just "⚠ Overdue", as if nothing had been paid: it now says
what is still owed of what was billed, in the Shares table and wherever the share's status is exported."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.money import format_money
from safer_desk.services import dhr
from tests.costs.test_dhr_overdue_round30 import TODAY, _billed_and_unpaid


def test_a_part_paid_overdue_share_says_what_is_still_owed(demo_store):
    case_id = _billed_and_unpaid(demo_store)  # due 01/07/2018, nothing paid
    share = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id) if s.amount_pence > 1000)
    assert share.status_text == "⚠ Overdue"  # nothing paid: the whole share is owed, as Outstanding says
    dhr.record_payment(demo_store, share.id, paid_on="2018-07-15", amount=format_money(share.amount_pence // 2))
    part = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id) if s.id == share.id)
    owed = share.amount_pence - share.amount_pence // 2
    assert part.outstanding_pence == owed and part.overdue_pence == owed
    assert part.status_text == f"⚠ Overdue: {format_money(owed)} of {format_money(share.amount_pence)} unpaid"
    day = date(2018, 6, 30)
    before = next(s for s in dhr.list_shares(demo_store, today=day, case_id=case_id, as_at=day) if s.id == share.id)
    assert before.status_text == "Invoiced"  # as at a day before it was due and paid
