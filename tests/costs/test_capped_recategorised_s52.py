"""A capped split's chair invoice keyed under another category, billed, then corrected (round 52's bug hunt): the
Constabulary, paying 50% of the chair's costs up to £5,000, was billed £0 and the nine others £1,333.33 each; the
correction said nothing, and Bill again with the agreed split was refused as "the split the partners were billed
with", though the invoices did not follow it."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services import dhr


@pytest.fixture
def keyed_wrong(demo_store):
    """The review billed with its chair's £12,000 keyed as Administration: (store, case id, the line's id)."""
    case = dhr.add_case(demo_store, reference="WSCSP-DHR-2026-09", district="Mid Suffolk",
                        partnership="Western Suffolk CSP", lead_organisation="Mid Suffolk District Council",
                        notified_on="2026-01-05")
    line = dhr.add_cost_line(demo_store, case, category="Administration", amount="12000", invoiced_on="2026-03-01")
    dhr.set_split_rule(demo_store, case, "capped", cap_payer="Suffolk Constabulary", cap_percent="50",
                       cap_amount="5000")
    dhr.bill_partners(demo_store, case, invoiced_on="2026-03-10")
    return demo_store, case, line


def billed(store, case) -> dict[str, int]:
    return {s.partner: s.amount_pence for s in dhr.list_shares(store, today=date(2026, 4, 1), case_id=case)}


def test_correcting_the_category_says_the_capped_part_goes_up_and_how_to_put_it_right(keyed_wrong):
    store, case, line = keyed_wrong
    assert billed(store, case)["Suffolk Constabulary"] == 0
    said = dhr.capped_part_after(store, line, category="Independent chair/author", amount_pence=12_000_00)
    assert said.startswith("Suffolk Constabulary was billed £0 as its capped part; with the independent chair/author "
                           "costs at £12,000 it would be £5,000 (£5,000 more)"), said
    assert "Bill again with another split" in said


def test_billing_again_with_the_agreed_split_puts_the_shares_right(keyed_wrong):
    store, case, line = keyed_wrong
    dhr.update_cost_line(store, line, category="Independent chair/author", amount="12000", invoiced_on="2026-03-01")
    dhr.rebill_with_split(store, case, "capped", on=date(2026, 4, 1), cap_payer="Suffolk Constabulary",
                          cap_percent="50", cap_amount="5000")
    shares = billed(store, case)
    assert shares["Suffolk Constabulary"] == 5_000_00
    others = sorted(v for k, v in shares.items() if k != "Suffolk Constabulary")
    # the seven other partners of 2026 (the CCGs and the CRC gone since 2022) share the £7,000 left
    assert others == [1_000_00] * 7 and sum(shares.values()) == 12_000_00


def test_the_agreed_split_again_with_nothing_changed_is_still_refused(keyed_wrong):
    store, case, _ = keyed_wrong
    with pytest.raises(dhr.DhrError, match="This is the split the partners were billed with"):
        dhr.rebill_with_split(store, case, "capped", on=date(2026, 4, 1), cap_payer="Suffolk Constabulary",
                              cap_percent="50", cap_amount="5000")  # the chair line still keyed as Administration
