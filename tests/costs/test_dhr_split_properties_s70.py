"""Further costs billed with a capped split (s70): the existing properties cover equal and percentage splits of
further costs, and every split of a whole cost; a capped one's further invoices must add up exactly too, whatever the
capped costs (its base) do between the two billings, and none may be negative."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.domain.dhr import SplitRule, dhr_cost_shares, further_shares


@settings(max_examples=150)
@given(first=st.integers(0, 10**7), more=st.integers(0, 10**7), base_first=st.integers(0, 10**7),
       base_more=st.integers(0, 10**7), bp=st.integers(0, 10000), cap=st.none() | st.integers(0, 10**7),
       partners=st.integers(1, 8), payer=st.integers(0, 7))
def test_further_costs_with_a_capped_split_add_up_and_none_is_negative(first, more, base_first, base_more, bp, cap,
                                                                       partners, payer):
    names = [f"p{i}" for i in range(partners)]
    rule = SplitRule("capped", cap_payer=names[payer % partners], cap_percent_bp=bp, cap_pence=cap)
    billed = dhr_cost_shares(first, names, rule, capped_base_pence=min(base_first, first))
    further = further_shares(first + more, billed, rule, capped_base_pence=min(base_more, first + more))
    assert sum(further.values()) == more and min(further.values()) >= 0
    assert set(further) == set(names)
