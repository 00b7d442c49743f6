"""Session 73: a refusal re-split equally leaves the partners' bills as even as the pennies allow.

The seed's own example (DESIGN.md 2.3): the Mid Suffolk review's £7,525.58 is split among eleven partners, four of
them billed £684.15 and seven £684.14; the National Probation Service refuses its £684.14 and it is re-split among
the other ten. The re-split's four odd pennies went again to the first four partners in the list, the same four that
had the odd pennies of the first split: Babergh, Forest Heath, Ipswich and East CCG and Mid Suffolk stood billed
£752.57 for an equal share while Norfolk and Suffolk CRC and five others stood at £752.55, 2p apart, where an even
split of £7,525.58 among ten is £752.56 or £752.55. The odd pennies of a re-split now go to the partners billed the
least so far, so every partner's bill for the review is within a penny of every other's, and still adds up exactly.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.dhr import SplitRule, dhr_cost_shares, resplit_refusal
from safer_desk.services import dhr

TODAY = date(2026, 12, 7)
CASE = "WSCSP-DHR-2017-01"


def _billed(store, case_id) -> dict[str, int]:
    return {r.partner: r.billed_pence - r.refused_pence - r.written_off_pence
            for r in dhr.partner_ledger(store, today=TODAY, case_id=case_id)}


def test_the_mid_suffolk_refusal_re_split_leaves_the_ten_within_a_penny(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, CASE)
    refused = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id) if s.status == "refused")
    assert (refused.partner, refused.amount_pence) == ("National Probation Service", 68414)
    parts = dhr.resolve_refusal(demo_store, refused.id, "re-split", on=date(2018, 9, 1))
    assert sum(parts.values()) == 68414 and sorted(parts.values()) == [6841] * 6 + [6842] * 4
    billed = _billed(demo_store, case_id)
    assert billed.pop("National Probation Service") == 0
    assert sorted(billed.values()) == [75255] * 2 + [75256] * 8, billed  # £7,525.58 among ten, to the penny
    assert sum(billed.values()) == 752558


def test_six_partners_one_refusing_then_share_the_cost_evenly(demo_store):
    case_id = dhr.add_case(demo_store, reference="SP-DHR-2024-03", district="Plymouth", partnership="Safer Plymouth",
                           lead_organisation="Plymouth City Council", notified_on="2024-05-02")
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="7000.01",
                      invoiced_on="2024-09-30")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1,333.34", invoiced_on="2024-10-02")
    shares = dhr.bill_partners(demo_store, case_id, invoiced_on="2024-10-15")
    assert len(shares) == 6 and sorted(shares.values()) == [138889] * 5 + [138890]  # £8,333.35 among six
    probation = next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)
                     if s.partner == "National Probation Service")
    dhr.refuse_share(demo_store, probation.id, on="2024-11-20", reason="National policy")
    dhr.resolve_refusal(demo_store, probation.id, "re-split", on="2024-12-01")
    billed = _billed(demo_store, case_id)
    assert billed.pop("National Probation Service") == 0
    assert set(billed.values()) == {166667}, billed  # £8,333.35 among the five left: £1,666.67 each, exactly


partner_lists = st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=2, max_size=12, unique=True)


@given(total=st.integers(0, 10**8), partners=partner_lists, data=st.data())
def test_an_equal_split_re_split_stays_within_a_penny(total, partners, data):
    first = dhr_cost_shares(total, partners, SplitRule("equal"))
    refuser = data.draw(st.sampled_from(partners))
    left = [p for p in partners if p != refuser]
    held = {p: first[p] for p in left}
    parts = resplit_refusal(first[refuser], left, SplitRule("equal"), held=held)
    assert sum(parts.values()) == first[refuser] and min(parts.values()) >= 0
    after = [held[p] + parts[p] for p in left]
    assert max(after) - min(after) <= 1 and sum(after) == total
    assert resplit_refusal(first[refuser], list(reversed(left)), SplitRule("equal"), held=held) == parts
    assert max(parts.values()) - min(parts.values()) <= 1  # the re-split itself is equal, as before


@given(amount=st.integers(0, 10**8), data=st.data(), partners=partner_lists)
def test_a_percentage_re_split_gives_a_partner_on_nought_nothing_whatever_it_holds(amount, data, partners):
    cuts = sorted(data.draw(st.lists(st.integers(0, 10000), min_size=len(partners) - 1, max_size=len(partners) - 1)))
    bounds = [0, *cuts, 10000]
    rule = SplitRule("percentages", {p: bounds[i + 1] - bounds[i] for i, p in enumerate(partners)})
    held = {p: data.draw(st.integers(0, 10**6)) for p in partners}
    parts = resplit_refusal(amount, partners, rule, held=held)
    assert sum(parts.values()) == amount and min(parts.values()) >= 0
    assert all(parts[p] == 0 for p in partners if rule.percent_bp[p] == 0)
    plain = resplit_refusal(amount, partners, rule)  # each part is its percentage's, give or take a penny
    assert all(abs(parts[p] - plain[p]) <= 1 for p in partners)
