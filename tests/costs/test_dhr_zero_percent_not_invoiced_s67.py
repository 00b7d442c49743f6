"""Costs > Reviews: a review split by percentage, a partner given 0% (the National Probation Service said it will not
contribute; the split agreed gives the others all of it), was sent an invoice of £0 on Bill partners (session 67).

Four partners at 40/30/20/10% and the other seven at 0%: the Bill form listed the four and their shares, then eleven
invoices were numbered, seven of them for £0, each a row of the Ledger "billed £0" and "Nothing to pay". A partner
the split gives 0% is now sent no invoice, on the first billing nor on billing again with another split; a partner
whose percentage is more than 0% is billed as before (its invoice keeps it in the split for costs added later).
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from safer_desk.services import dhr
from safer_desk.storage.store import open_store

TODAY = date(2018, 10, 1)
UNDER_WAY = "WSCSP-DHR-2017-02"  # no costs yet in the example


def _percent_review(store):
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    day = dhr.split_day(store, case_id, TODAY)
    partners = dhr.case_partners(store, case_id, day)
    assert len(partners) > 4
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="8000.00")
    percentages = {p: "0" for p in partners} | dict(zip(partners[:4], ("40", "30", "20", "10")))
    dhr.set_split_rule(store, case_id, "percentages", percentages=percentages, on=day)
    return case_id, day, partners


def test_a_partner_given_0_percent_is_sent_no_invoice(demo_store):
    case_id, day, partners = _percent_review(demo_store)
    billed = dhr.bill_partners(demo_store, case_id, invoiced_on=day)
    assert billed == dict(zip(partners[:4], (320000, 240000, 160000, 80000)))
    shares = dhr.list_shares(demo_store, today=TODAY, case_id=case_id)
    assert sorted(s.organisation_id for s in shares) == sorted(partners[:4])  # seven £0 invoices were issued
    assert [s.invoice_ref for s in shares] == [f"{UNDER_WAY}-0{n}" for n in range(1, 5)]
    assert len(dhr.partner_ledger(demo_store, today=TODAY, case_id=case_id)) == 4


def test_billing_again_gives_no_invoice_to_a_partner_at_0_percent(demo_store):
    case_id, day, partners = _percent_review(demo_store)
    dhr.bill_partners(demo_store, case_id, invoiced_on=day)
    again = {p: "0" for p in partners} | dict(zip(partners[:4], ("25", "25", "25", "25")))
    plan = dhr.rebill_with_split(demo_store, case_id, "percentages", on=day, percentages=again)
    assert set(plan.new) == set(partners[:4]) and sum(p for _, p in plan.new.values()) == 800000
    assert {s.organisation_id for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)} == set(partners[:4])
    # the same split again, among the same partners, still changes nothing
    try:
        dhr.rebill_with_split(demo_store, case_id, "percentages", on=day, percentages=again)
    except dhr.DhrError as exc:
        assert "the split the partners were billed with" in str(exc)
    else:
        raise AssertionError("billing again with the same split was not refused")


def test_a_costed_later_cost_is_shared_by_the_percentages_billed(demo_store):
    case_id, day, partners = _percent_review(demo_store)
    dhr.bill_partners(demo_store, case_id, invoiced_on=day)
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="100.00")
    further = dhr.bill_partners(demo_store, case_id, invoiced_on=day)
    assert further == dict(zip(partners[:4], (4000, 3000, 2000, 1000)))


def test_the_bill_form_says_a_share_that_comes_to_nothing_is_invoiced_at_0(demo_store):
    # A cost of £50.00 at 99.99/0.01%: the 0.01% partner's share is half a penny, £0; it is sent an invoice of £0 (it
    # keeps the partner in the split), which the form's list of shares left unsaid.
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.dhr import DhrPresenter

    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    day = dhr.split_day(demo_store, case_id, TODAY)
    partners = dhr.case_partners(demo_store, case_id, day)
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="50.00")
    percentages = {p: "0" for p in partners} | {partners[0]: "99.99", partners[1]: "0.01"}
    dhr.set_split_rule(demo_store, case_id, "percentages", percentages=percentages, on=day)
    names = {r["id"]: r["name"] for r in demo_store.rows("SELECT id, name FROM organisations")}
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    reviews.reload(select=case_id)
    note = reviews.bill_form().note
    assert f"{names[partners[0]]} £50; and £0 to {names[partners[1]]}, whose share comes to nothing" in note
    assert dhr.bill_partners(demo_store, case_id, invoiced_on=day) == {partners[0]: 5000, partners[1]: 0}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pence=st.integers(1, 5_000_000), data=st.data())
def test_the_invoices_sent_add_up_to_the_cost_and_none_goes_to_a_partner_at_0_percent(demo_master, tmp_path, pence,
                                                                                      data):
    path = tmp_path / f"{pence}.sqlite"
    shutil.copyfile(demo_master, path)
    store = open_store(path)
    try:
        case_id = dhr.case_id_by_reference(store, UNDER_WAY)
        day = dhr.split_day(store, case_id, TODAY)
        partners = dhr.case_partners(store, case_id, day)  # counted here, not assumed
        cuts = sorted(data.draw(st.lists(st.integers(0, 10000), min_size=len(partners) - 1,
                                         max_size=len(partners) - 1)))
        bp = dict(zip(partners, (b - a for a, b in zip([0, *cuts], [*cuts, 10000]))))
        dhr.add_cost_line(store, case_id, category="Independent chair/author", amount=f"{pence / 100:.2f}")
        dhr.set_split_rule(store, case_id, "percentages", percentages={p: f"{v / 100:.2f}" for p, v in bp.items()},
                           on=day)
        sent = dhr.bill_partners(store, case_id, invoiced_on=day)
        assert sum(sent.values()) == pence and min(sent.values()) >= 0
        assert set(sent) == {p for p in partners if bp[p]}
        assert sum(s.amount_pence for s in dhr.list_shares(store, today=TODAY, case_id=case_id)) == pence
    finally:
        store.close()



def test_a_refusal_is_not_re_split_onto_partners_at_0_percent_sent_a_0_invoice_before(demo_store):
    # A file billed before a76a2f01 holds £0 invoices for the partners at 0%. Every partner with a percentage refused:
    # re-splitting the first refusal billed it equally to the seven at 0%, who agreed to pay nothing (£457.14 each).
    case_id, day, partners = _percent_review(demo_store)
    dhr.bill_partners(demo_store, case_id, invoiced_on=day)
    with demo_store.transaction():  # as the earlier program billed them
        for n, org in enumerate(partners[4:], start=5):
            demo_store.conn.execute(
                "INSERT INTO dhr_shares(id, case_id, organisation_id, kind, amount_pence, invoice_ref, invoiced_on, "
                "due_on) VALUES (?, ?, ?, 'share', 0, ?, ?, ?)",
                (f"old-{n}", case_id, org, f"{UNDER_WAY}-{n:02d}", day.isoformat(), day.isoformat()))
    shares = {s.organisation_id: s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)}
    for org in partners[:4]:
        dhr.refuse_share(demo_store, shares[org].id, on=day, reason="Will not contribute")
    with pytest.raises(dhr.DhrError, match="Nobody is left to share the refused amount; let the lead authority"):
        dhr.resolve_refusal(demo_store, shares[partners[0]].id, "re-split", on=day)
    assert not [s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id) if s.kind == "re-split"]
