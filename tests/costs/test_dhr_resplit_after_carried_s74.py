"""Session 74: a refusal the lead authority carried is not the lead's own share when a later refusal is re-split.

DESIGN.md 2.3: costs are split equally among the statutory partners, and a refusal leaves a shortfall that is either
re-split among the others or carried by the lead authority: two ways of meeting someone else's share, neither of them
the lead's part of the cost. Safer Plymouth's six are billed £1,000.04 for a review, the two odd pennies to Devon and
Cornwall Police and its Commissioner (£166.68 each, the other four £166.67). NHS Devon ICB refuses and Plymouth City
Council, the lead, carries its £166.67; then the National Probation Service refuses and its £166.67 is re-split among
the four left. Counting the carried £166.67 as billed to the council gave the re-split's three odd pennies to the
Police, the Commissioner and the Fire Service, so the Police and Commissioner stood at £208.35 for their share and the
council at £208.33, 2p apart in an equal split. The carried amount now stays out of what each partner holds: the
council takes an odd penny (£208.34), every share within a penny, and the council still carries the ICB's £166.67.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.dhr import SplitRule, dhr_cost_shares, resplit_refusal
from safer_desk.services import dhr

TODAY = date(2026, 12, 7)


def _share(store, case_id, partner):
    return next(s for s in dhr.list_shares(store, today=TODAY, case_id=case_id)
                if s.partner == partner and s.kind == "share")


def test_a_carried_refusal_is_not_the_leads_share_in_a_later_re_split(demo_store):
    case_id = dhr.add_case(demo_store, reference="SP-DHR-2024-04", district="Plymouth", partnership="Safer Plymouth",
                           lead_organisation="Plymouth City Council", notified_on="2024-05-02")
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="£1,000.04",
                      invoiced_on="2024-09-30")
    shares = dhr.bill_partners(demo_store, case_id, invoiced_on="2024-10-15")
    assert sorted(shares.values()) == [16667] * 4 + [16668] * 2
    icb = _share(demo_store, case_id, "NHS Devon ICB")
    dhr.refuse_share(demo_store, icb.id, on="2024-11-01", reason="Not funded this year")
    assert dhr.resolve_refusal(demo_store, icb.id, "lead authority", on="2024-11-02") == {
        "org:plymouth-city-council": 16667}
    probation = _share(demo_store, case_id, "National Probation Service")
    dhr.refuse_share(demo_store, probation.id, on="2024-11-20", reason="National policy")
    parts = dhr.resolve_refusal(demo_store, probation.id, "re-split", on="2024-12-01")
    assert sum(parts.values()) == 16667
    own = {}
    for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id):
        if s.kind != "carried" and s.status == "invoiced":
            own[s.partner] = own.get(s.partner, 0) + s.amount_pence
    assert max(own.values()) - min(own.values()) <= 1, own  # an equal split, each share within a penny
    assert own["Plymouth City Council"] == 20834
    carried = [s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id) if s.kind == "carried"]
    assert [(s.partner, s.amount_pence) for s in carried] == [("Plymouth City Council", 16667)]
    ledger = {r.partner: r for r in dhr.partner_ledger(demo_store, today=TODAY, case_id=case_id)}
    assert ledger["Plymouth City Council"].billed_pence == 20834 + 16667  # it still carries the ICB's share
    assert sum(r.billed_pence - r.refused_pence - r.written_off_pence for r in ledger.values()) == 100004


partner_lists = st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=3, max_size=12, unique=True)


@given(total=st.integers(0, 10**8), partners=partner_lists, data=st.data())
def test_refusals_carried_or_re_split_in_turn_leave_equal_shares_within_a_penny(total, partners, data):
    """Any run of refusals, each carried by the lead or re-split with what each holds as its share (the carried
    left out): the partners left stand within a penny of each other, and shares and carried add up to the cost."""
    held = dhr_cost_shares(total, partners, SplitRule("equal"))
    lead = data.draw(st.sampled_from(partners))
    carried = 0
    for _ in range(data.draw(st.integers(1, len(partners) - 1))):
        refuser = data.draw(st.sampled_from(sorted(p for p in held if p != lead)))
        amount = held.pop(refuser)
        if data.draw(st.booleans()):
            carried += amount
            continue
        parts = resplit_refusal(amount, list(held), SplitRule("equal"), held=held)
        assert sum(parts.values()) == amount and min(parts.values()) >= 0
        held = {p: held[p] + parts[p] for p in held}
        assert max(held.values()) - min(held.values()) <= 1, held
    assert sum(held.values()) + carried == total
