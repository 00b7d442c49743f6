"""Round 36 (rv8): an invoice's "Overpaid £X" stays true after the review's cost rises again and is billed.

A cost keyed £2,500 too high, billed, paid by five partners and put right by billing again left each of the five
"Overpaid £227.27 … so the other partners were billed that much less" on its invoice. The £2,500 found to be due after
all (the cost line put back) and billed with Bill partners: each of the five's share is again the £684.15 it paid and
the others were billed the rest, but the invoice still said it had overpaid, the others billed that much less.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import dhr

TODAY = date(2026, 12, 1)
BILLED = "WSCSP-DHR-2017-01"  # £7,525.58 split equally among 11 partners; five paid in full, the county £400


def babergh(store):
    case = dhr.case_id_by_reference(store, BILLED)
    return next(s for s in dhr.list_shares(store, today=TODAY, case_id=case)
                if s.partner == "Babergh District Council" and s.reason.startswith("Overpaid"))


def _rebill_down_then_put_back(store, back_pence: int) -> None:
    case = dhr.case_id_by_reference(store, BILLED)
    chair = max(dhr.cost_lines(store, case), key=lambda line: line["amount_pence"])
    fields = {k: chair[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(store, chair["id"], bill_again_on="10/09/2018", amount=chair["amount_pence"] - 250000,
                         **fields)
    assert "Overpaid £227.27" in babergh(store).reason
    dhr.update_cost_line(store, chair["id"], amount=chair["amount_pence"] - 250000 + back_pence, **fields)
    dhr.bill_partners(store, case, invoiced_on="01/10/2018")


def test_the_cost_put_back_and_billed_says_the_partner_no_longer_overpaid(demo_store):
    _rebill_down_then_put_back(demo_store, 250000)
    share = babergh(demo_store)
    ledger = {p.partner: p for p in dhr.partner_ledger(demo_store, today=TODAY)}
    assert ledger["Babergh District Council"].paid_pence == 68415 == share.paid_pence  # its share of £7,525.58 again
    assert share.reason.endswith("Billed on 01/10/2018 for costs added since: its share of the review's cost is "
                                 "now £684.15, what it paid, so it is no longer overpaid.")


def test_part_of_the_cost_put_back_says_what_it_is_still_over(demo_store):
    _rebill_down_then_put_back(demo_store, 110000)  # £1,100 of the £2,500: its share £556.88, £127.27 still over
    share = babergh(demo_store)
    assert share.reason.endswith("Billed on 01/10/2018 for costs added since: its share of the review's cost is "
                                 "now £556.88, so it has overpaid £127.27.")


def test_said_once_no_longer_overpaid_a_later_cost_billed_adds_nothing(demo_store):
    _rebill_down_then_put_back(demo_store, 250000)
    case = dhr.case_id_by_reference(demo_store, BILLED)
    dhr.add_cost_line(demo_store, case, category="Other", description="Venue hire", amount="110",
                      invoiced_on="20/10/2018")
    dhr.bill_partners(demo_store, case, invoiced_on="01/11/2018")
    assert babergh(demo_store).reason.count("no longer overpaid") == 1


def test_a_further_cost_billed_says_nothing_of_partners_who_never_overpaid(demo_store):
    case = dhr.case_id_by_reference(demo_store, BILLED)
    dhr.add_cost_line(demo_store, case, category="Other", description="Venue hire", amount="110",
                      invoiced_on="20/09/2018")
    dhr.bill_partners(demo_store, case, invoiced_on="01/10/2018")
    assert not [s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case) if "overpaid" in s.reason]
