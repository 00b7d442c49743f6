"""A refusal re-split with what each partner already holds (session 73's odd pennies to those billed least): whatever
they hold, under any rule, the parts add up exactly to the refusal, none is negative, the capped payer is left out
while others remain, each part is its plain share give or take a penny, and the order the partners are given in
does not matter (DESIGN.md 2.3: pennies shared so that the shares add up exactly)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.dhr import SplitRule, resplit_refusal

partner_lists = st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=1, max_size=12, unique=True)


@given(amount=st.integers(0, 10**8), partners=partner_lists, data=st.data())
def test_any_rule_any_holding_adds_up_and_ignores_order(amount, partners, data):
    kind = data.draw(st.sampled_from(["equal", "capped"]))
    rule = SplitRule(kind, cap_payer=data.draw(st.sampled_from(partners))) if kind == "capped" else SplitRule(kind)
    held = {p: data.draw(st.integers(0, 10**7)) for p in partners}
    parts = resplit_refusal(amount, partners, rule, held=held)
    assert set(parts) == set(partners) and sum(parts.values()) == amount and min(parts.values()) >= 0
    if kind == "capped" and len(partners) > 1:
        assert parts[rule.cap_payer] == 0
    plain = resplit_refusal(amount, partners, rule)
    assert all(abs(parts[p] - plain[p]) <= 1 for p in partners)
    shuffled = data.draw(st.permutations(partners))
    assert resplit_refusal(amount, shuffled, rule, held=held) == parts
