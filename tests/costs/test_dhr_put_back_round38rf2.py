"""Round 38 (rf2): Bill partners after part of a review's cost is put back bills no partner that still holds a credit.

The example's chair's cost keyed £2,500 too high, billed, paid by five partners and put right by billing again leaves
the five £227.27 (or 28) over their shares. £1,100 of the £2,500 found due after all (the cost line put back) and
billed with Bill partners, no refund recorded: the further shares fell back to an equal split of the £1,100, so each of
the five, still £127.27 over its share, was billed £100 more. An officer expects what is unbilled to go to the partners
short of their shares (as it already did once a refund was recorded), to the penny: since s64 each to the same part
of its share, not in proportion to how short (test_dhr_rebill_even_s64: an early part-payer paid more that way).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from safer_desk.domain.dhr import SplitRule, dhr_cost_shares, further_shares
from safer_desk.domain.money import split_by_weights
from safer_desk.services import dhr
from safer_desk.storage.store import open_store

TODAY = date(2026, 12, 1)
BILLED = "WSCSP-DHR-2017-01"  # £7,525.58 split equally among 11 partners; five paid in full, the county £400
BABERGH = "org:babergh-district-council"
OVERPAID = ("org:babergh-district-council", "org:forest-heath-district-council", "org:mid-suffolk-district-council",
            "org:st-edmundsbury-borough-council", "org:suffolk-constabulary")


def _chair(store, case):
    chair = max(dhr.cost_lines(store, case), key=lambda line: line["amount_pence"])
    return chair, {k: chair[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}


@pytest.fixture(scope="module")
def lowered_master(tmp_path_factory, demo_master) -> Path:
    """The chair's cost corrected £2,500 down on 10/09/2018 and billed again: five partners hold credits."""
    path = tmp_path_factory.mktemp("lowered") / "lowered.sqlite"
    shutil.copyfile(demo_master, path)
    store = open_store(path)
    try:
        case = dhr.case_id_by_reference(store, BILLED)
        chair, fields = _chair(store, case)
        dhr.update_cost_line(store, chair["id"], bill_again_on="10/09/2018", amount=chair["amount_pence"] - 250000,
                             **fields)
    finally:
        store.close()
    return path


@pytest.fixture
def lowered(lowered_master, tmp_path):
    path = tmp_path / "lowered.sqlite"
    shutil.copyfile(lowered_master, path)
    store = open_store(path)
    yield store, dhr.case_id_by_reference(store, BILLED)
    store.close()


def put_back(store, case, pence: int) -> None:
    chair, fields = _chair(store, case)
    dhr.update_cost_line(store, chair["id"], amount=chair["amount_pence"] + pence, **fields)


def check_billing(store, case, further: dict[str, int], credits: dict[str, int]) -> None:
    """What is billed adds up to what is unbilled, none to a partner holding a credit, none past a partner's share."""
    assert sum(further.values()) == dhr.unbilled_pence(store, case)
    assert min(further.values(), default=0) >= 0
    assert all(further.get(org, 0) == 0 for org in credits), {o: further.get(o) for o in credits}


# -- services --------------------------------------------------------------------------------

def test_part_of_the_cost_put_back_is_billed_to_the_partners_short_of_their_shares(lowered):
    store, case = lowered
    credits = dhr.overpaid_credits(store, case)
    assert set(credits) == set(OVERPAID)
    put_back(store, case, 110000)  # £1,100 of the £2,500: each of the five still £127.27 (or 28) over
    assert dhr.overpaid_credits(store, case)[BABERGH] == 12727
    further = dhr.shares_to_bill(store, case, date(2018, 10, 1))
    check_billing(store, case, further, credits)
    assert sum(further.values()) == 110000
    dhr.bill_partners(store, case, invoiced_on="01/10/2018")
    row = next(c for c in dhr.list_cases(store, today=TODAY) if c.id == case)
    assert row.unbilled_pence == 0 and row.cost_pence == row.net_billed_pence + row.shortfall_pence
    ledger = {p.organisation_id: p for p in dhr.partner_ledger(store, today=TODAY, case_id=case)}
    assert ledger[BABERGH].billed_pence == 68415  # nothing more: it paid £684.15 of a £556.88 share
    assert dhr.overpaid_credits(store, case)[BABERGH] == 12727


def test_the_bill_form_names_none_of_the_partners_holding_a_credit(lowered):
    from safer_desk.presenters.dhr import DhrPresenter

    store, case = lowered
    put_back(store, case, 110000)
    p = DhrPresenter(store, today=lambda: TODAY)
    p.reload()
    p.select(case)
    form = p.bill_form()
    assert form.note.startswith("Costs of £1,100 added since the partners were billed, as further invoices: ")
    for name in ("Babergh District Council", "Forest Heath District Council", "Mid Suffolk District Council",
                 "St Edmundsbury Borough Council", "Suffolk Constabulary"):
        assert name not in form.note
    form.set_value("invoiced_on", "01/10/2018")
    assert form.save()
    billed = {s.organisation_id for s in dhr.list_shares(store, today=TODAY, case_id=case)
              if s.invoiced_on == date(2018, 10, 1)}
    assert billed and not billed & set(OVERPAID)


# -- the rule, and the ledger, whatever the costs, splits and payments -----------------------------------

@st.composite
def billed_then_changed(draw):
    n = draw(st.integers(2, 8))
    partners = [f"p{i}" for i in range(n)]
    kind = draw(st.sampled_from(("equal", "percentages", "capped")))
    if kind == "percentages":
        weights = draw(st.lists(st.integers(0, 100), min_size=n, max_size=n))
        weights[0] = weights[0] or 1
        rule = SplitRule("percentages", split_by_weights(10000, dict(zip(partners, weights))))
    elif kind == "capped":
        rule = SplitRule("capped", cap_payer="p0", cap_percent_bp=draw(st.integers(0, 10000)),
                         cap_pence=draw(st.none() | st.integers(0, 500000)))
    else:
        rule = SplitRule()
    # What each partner stands billed for: its first share, then moved about by billing again (kept what it paid)
    first = draw(st.integers(0, 2_000_000))
    base = draw(st.integers(0, first))
    billed = dict(dhr_cost_shares(first, partners, rule, capped_base_pence=base))
    for p in partners:
        billed[p] = max(0, billed[p] + draw(st.integers(-50000, 50000)))
    new_base = draw(st.integers(0, 2_000_000))
    total = sum(billed.values()) + draw(st.integers(0, 1_000_000))  # the cost as it now stands: put back, added
    return partners, rule, billed, total, new_base


@given(billed_then_changed())
def test_further_shares_never_bill_a_partner_holding_more_than_its_share(case):
    partners, rule, billed, total, new_base = case
    further = further_shares(total, billed, rule, capped_base_pence=new_base)
    fresh = dhr_cost_shares(total, partners, rule, capped_base_pence=new_base)
    assert sum(further.values()) == total - sum(billed.values())  # to the penny
    assert set(further) == set(partners) and min(further.values()) >= 0
    for p in partners:
        if billed[p] >= fresh[p]:
            assert further[p] == 0  # it holds a credit (or is at its share): billed none
        else:
            assert billed[p] + further[p] <= fresh[p]  # never past its share


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(back=st.integers(1, 400000), added=st.integers(0, 60000), refund=st.integers(0, 22727),
       pay=st.booleans())
def test_billing_after_a_cost_is_put_back_bills_no_credit_and_the_ledger_adds_up(lowered_master, tmp_path, back,
                                                                                  added, refund, pay):
    path = tmp_path / f"h{back}-{added}-{refund}-{pay}.sqlite"
    shutil.copyfile(lowered_master, path)
    store = open_store(path)
    try:
        case = dhr.case_id_by_reference(store, BILLED)
        if refund:
            dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount=f"{refund / 100:.2f}")
        put_back(store, case, back)
        if added:
            dhr.add_cost_line(store, case, category="Other", description="Venue hire", amount=f"{added / 100:.2f}",
                              invoiced_on="02/10/2018")
        credits = dhr.overpaid_credits(store, case)
        further = dhr.shares_to_bill(store, case, date(2018, 10, 3))
        check_billing(store, case, further, credits)
        dhr.bill_partners(store, case, invoiced_on="03/10/2018")
        if pay:
            for s in dhr.list_shares(store, today=TODAY, case_id=case):
                if s.invoiced_on == date(2018, 10, 3) and s.outstanding_pence:
                    dhr.record_payment(store, s.id, paid_on="04/10/2018", amount=f"{s.outstanding_pence / 100:.2f}")
        for p in dhr.partner_ledger(store, today=TODAY, case_id=case):
            assert p.billed_pence == p.paid_pence + p.refused_pence + p.written_off_pence + p.outstanding_pence
            assert p.net_billed_pence == p.paid_pence - p.refunded_pence + p.outstanding_pence
        row = next(c for c in dhr.list_cases(store, today=TODAY) if c.id == case)
        assert row.unbilled_pence == 0
        assert row.cost_pence == (row.recovered_pence - row.refunded_pence + row.outstanding_pence
                                  + row.shortfall_pence + row.unbilled_pence)
        assert all(v >= 0 for v in dhr.overpaid_credits(store, case).values())
    finally:
        store.close()
