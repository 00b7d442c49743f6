"""The Split window of a billed review took no account of a refund (session 58's hunt of the Costs tab).

The example's review billed again below what five partners had paid leaves Babergh £227.27 over; once that is refunded
the sentence under the list, the Ledger, `dhr-ledger` and the board report read "less £227.27 refunded = £4,114.17 net",
while the Split window's grid still gave Babergh a net of £684.15 and its total "Net billed £4,341.44 of the cost
£5,025.58": two net billed figures for one review in one window. The grid's net now takes the refund off, as the
Ledger's does (net billed = billed − refused − written off − refunded), and the partner's status says it.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_refunds_round38 import BABERGH, overpaid, overpaid_master, overpaid_path  # noqa: F401

TODAY = date(2026, 12, 1)


def refunded_split(store, case):
    dhr.record_refund(store, case, BABERGH, refunded_on="01/11/2026", amount="227.27")
    reviews = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    reviews.reload()
    reviews.select(case)
    return reviews, reviews.split_form()


def test_the_grid_takes_a_refund_off_the_partners_net(overpaid):  # noqa: F811
    store, case = overpaid
    _, split = refunded_split(store, case)
    babergh = next(r for r in split.rows() if r.organisation_id == BABERGH)
    assert babergh.net_pence == 68415 - 22727
    assert "Refunded £227.27" in babergh.status


def test_the_grids_net_is_the_reviews_net_billed(overpaid):  # noqa: F811
    store, case = overpaid
    reviews, split = refunded_split(store, case)
    said = reviews.selected_case.billing_text
    assert "less £227.27 refunded = £4,114.17 net" in said, said
    assert split.total_text().startswith("Net billed £4,114.17 of the cost £5,025.58"), split.total_text()
    assert sum(r.net_pence for r in split.rows()) == reviews.selected_case.net_billed_pence


def test_bill_partners_says_a_refund_is_what_it_bills_not_a_cost_added(overpaid):  # noqa: F811
    """Bill partners (charge)… said "Costs of £227.27 added since the partners were billed", though no cost was
    added: the £227.27 is what was refunded to Babergh, billed again to the partners short of their shares."""
    store, case = overpaid
    reviews, _ = refunded_split(store, case)
    note = reviews.bill_form().note
    assert not note.startswith("Costs of"), note
    assert note.startswith("£227.27 not yet billed (costs added since the partners were billed, or refunded to a "
                           "partner that overpaid), as further invoices to the partners short of their shares: "), note
    assert "Babergh" not in note  # it holds more than its share: billed none of it


def test_costs_added_with_no_refund_are_said_as_before(overpaid):  # noqa: F811
    store, case = overpaid
    dhr.add_cost_line(store, case, category="Administration", amount="110")
    reviews = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    reviews.reload()
    reviews.select(case)
    assert reviews.bill_form().note.startswith("Costs of £110 added since the partners were billed, as further "
                                               "invoices: ")


def test_billing_what_was_refunded_adds_no_costs_added_since_to_the_invoices(overpaid):  # noqa: F811
    """The refunded £227.27 billed to the partners short of their shares wrote "Billed on 02/11/2026 for costs added
    since: its share of the review's cost is now £456.87, so it has overpaid £227.28." on each of the other four
    overpaid partners' invoices (no cost was added, nor any share changed), and on Babergh's that it was no longer
    overpaid as its share had risen to what it paid."""
    store, case = overpaid
    before = {s.id: s.reason for s in dhr.list_shares(store, today=TODAY, case_id=case)}
    refunded_split(store, case)
    dhr.bill_partners(store, case, invoiced_on="02/11/2026")
    after = {s.id: s.reason for s in dhr.list_shares(store, today=TODAY, case_id=case) if s.id in before}
    assert after == before
    assert not [s.reason for s in dhr.list_shares(store, today=TODAY, case_id=case) if "added since" in s.reason]


def test_a_cost_added_after_a_refund_is_still_said_on_the_overpaid_invoices(overpaid):  # noqa: F811
    store, case = overpaid
    refunded_split(store, case)
    dhr.add_cost_line(store, case, category="Administration", amount="1100", invoiced_on="01/11/2026")
    dhr.bill_partners(store, case, invoiced_on="02/11/2026")
    forest = next(s for s in dhr.list_shares(store, today=TODAY, case_id=case)
                  if s.partner == "Forest Heath District Council" and s.reason.startswith("Overpaid"))
    assert forest.reason.endswith("Billed on 02/11/2026 for costs added since: its share of the review's cost is now "
                                  "£556.87, so it has overpaid £127.28.")


def test_the_cost_line_form_says_what_was_billed_and_what_refunded(overpaid):  # noqa: F811
    """It said "The partners have been billed £4,798.31" after the refund: the invoices came to £5,025.58 (session 58's
    Costs hunt)."""
    store, case = overpaid
    reviews, _ = refunded_split(store, case)
    note = reviews.cost_line_form().note
    assert note.startswith("The partners have been billed £5,025.58 for this review's costs, £227.27 of it refunded "
                           "since: a cost added now is billed to them"), note
