"""Costs > Reviews: a billed cost corrected down billed the partners again "in proportion to how short" each was, so a
partner that had paid part of its invoice early ended up paying more for the review than one that had paid nothing.

The example's kind of review: eleven partners billed equal shares, three paid in full, Babergh £300 of its invoice,
then the administration cost corrected down and the partners billed again with the review's own split. The three
that paid in full hold more than their new shares (their credit is carried, said on their invoices, until refunded),
so the other eight are billed the rest of the cost between them. Split in proportion to what each was short, Babergh
came to £575.25 for the review and each of the other seven to £556.84 or £556.85. DESIGN.md §2.3 and seed 002 §6.2:
the cost is "funded equally by the statutory partners"; when the partners do not all pay it out, the shortfall falls
on them by the agreed split, not by who paid first. Each partner billed now stands at the same part of its agreed
share (equal totals for equal shares, to the penny); none is billed past its share, and the new invoices still add
up exactly to the cost less what is kept. Once the credits are refunded and the refunds billed (Bill partners), every
partner stands at its agreed share exactly, as before.
"""

from __future__ import annotations

import shutil
from datetime import date

from hypothesis import given, strategies as st

from safer_desk.domain.dhr import SplitRule, dhr_cost_shares, rebilled_shares
from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.costs.test_dhr_rebill_round29 import PARTNERS, rules_st

TODAY = date(2018, 10, 1)
UNDER_WAY = "WSCSP-DHR-2017-02"
BABERGH = "Babergh District Council"
PAID_IN_FULL = ("Mid Suffolk District Council", "Suffolk Constabulary", "Suffolk County Council")


def test_a_part_payer_is_billed_to_the_same_total_as_a_partner_that_paid_nothing():
    # Four partners, equal shares of £800.00 (£200 each) after a correction; A paid £250 in full, B £100 of its
    # invoice. The £450 left is £150 each for B, C and D's totals: B £83.33 more, C and D £183.33 or 34.
    parts = rebilled_shares(80000, {"A": 25000, "B": 10000}, ["A", "B", "C", "D"], SplitRule())
    assert sum(parts.values()) == 80000 - 35000 and parts["A"] == 0
    totals = sorted(parts[p] + {"B": 10000}.get(p, 0) for p in "BCD")
    assert totals[-1] - totals[0] <= 1, parts  # was B £190.00, C and D £180.00


@given(total=st.integers(0, 10 ** 8), rule=rules_st, base_share=st.integers(0, 100),
       kept=st.lists(st.integers(0, 10 ** 6), min_size=len(PARTNERS), max_size=len(PARTNERS)),
       keeping=st.lists(st.booleans(), min_size=len(PARTNERS), max_size=len(PARTNERS)))
def test_no_partner_billed_stands_at_more_of_its_share_than_another_short_of_its_share(
        total, rule, base_share, kept, keeping):
    base = total * base_share // 100
    kept_by = {p: k for p, k, keep in zip(PARTNERS, kept, keeping) if keep}
    while sum(kept_by.values()) > total:
        kept_by.popitem()
    parts = rebilled_shares(total, kept_by, PARTNERS, rule, capped_base_pence=base)
    shares = dhr_cost_shares(total, PARTNERS, rule, capped_base_pence=base)
    assert sum(parts.values()) == total - sum(kept_by.values()) and min(parts.values()) >= 0
    payer = rule.cap_payer if rule.kind == "capped" else None  # its capped part comes first, as the rule has it
    pool = [p for p in PARTNERS if p != payer and kept_by.get(p, 0) < shares[p]]
    standing = {p: kept_by.get(p, 0) + parts[p] for p in PARTNERS}
    for p in pool:
        assert parts[p] <= shares[p] - kept_by.get(p, 0)
        if not parts[p]:
            continue
        for q in pool:  # what p stands at, less a penny of rounding, is no larger a part of its share than q's
            assert (standing[p] - 1) * shares[q] <= (standing[q] + 1) * shares[p], (p, q, parts, kept_by, shares)


def test_correcting_a_billed_cost_down_bills_babergh_to_the_same_total_as_the_others(demo_path, tmp_path):
    path = tmp_path / "corrected.sqlite"
    shutil.copyfile(demo_path, path)
    store = open_store(path)
    try:
        case = dhr.case_id_by_reference(store, UNDER_WAY)
        dhr.add_cost_line(store, case, category="Independent chair/author", amount="6525.58")
        dhr.add_cost_line(store, case, category="Administration", amount="1000")
        dhr.bill_partners(store, case, invoiced_on="2018-09-01", invoice_prefix="X-")
        shares = {s.partner: s for s in dhr.list_shares(store, today=TODAY, case_id=case)}
        for partner in PAID_IN_FULL:
            dhr.record_payment(store, shares[partner].id, paid_on="2018-09-10",
                               amount=shares[partner].amount_pence / 100)
        dhr.record_payment(store, shares[BABERGH].id, paid_on="2018-09-10", amount="300")
        admin = next(line for line in dhr.cost_lines(store, case) if line["category"] == "Administration")
        dhr.update_cost_line(store, admin["id"], bill_again_on="2018-09-20", category="Administration", amount="0.01")
        ledger = {p.partner: p for p in dhr.partner_ledger(store, today=TODAY, case_id=case)}
        assert sum(p.billed_pence for p in ledger.values()) == dhr.case_cost_pence(store, case) == 652559
        others = [p.billed_pence for name, p in ledger.items() if name not in PAID_IN_FULL]
        assert ledger[BABERGH].paid_pence == 30000
        assert max(others) - min(others) <= 1, ledger[BABERGH].billed_pence  # was £575.25 against £556.84
        assert all(ledger[name].billed_pence == shares[name].amount_pence for name in PAID_IN_FULL)  # kept
    finally:
        store.close()
