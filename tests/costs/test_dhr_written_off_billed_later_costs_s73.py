"""Costs > Reviews > Bill partners (charge)…: costs added since, to a partner whose share was written off (session 73).

A write-off lets go what a partner had not paid of one invoice; the partner is still one of the statutory partners
that share the review's cost (DESIGN.md 2.3), so a cost added later (the administrator's invoice arriving late) is
billed to it as to the others, as it is to a partner that refused its first share (docs/guide/costs.md). Unlike a
re-split of another's refusal, which would ask it to pay more than its own part, and leaves it out. What the form
did not do was say so: in the example Suffolk County Council, whose £284.14 the partnership wrote off, was listed
"Suffolk County Council £100.00" among the further invoices with nothing to tell the officer why a partner let off
was billed again, nor what to do if it is not to pay this either. The form now says it, naming the partner, and
that the invoice can be written off or refused in turn; the shares still add up exactly to the cost added.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2018, 10, 1)
BILLED = "WSCSP-DHR-2017-01"
COUNTY, PROBATION = "Suffolk County Council", "National Probation Service"


def _reviews(store):
    p = DhrPresenter(store, today=lambda: TODAY)
    p.reload()
    case_id = dhr.case_id_by_reference(store, BILLED)
    p.select(case_id)
    return p, case_id


def test_the_bill_form_says_a_partner_let_off_is_billed_its_part_of_costs_added_since(demo_store):
    p, case_id = _reviews(demo_store)
    shares = {s.partner: s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)}
    dhr.write_off_share(demo_store, shares[COUNTY].id, on="20/08/2018", reason="Agreed at the SSCG")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1,100.00", invoiced_on="2018-09-20")
    further = dhr.shares_to_bill(demo_store, case_id, TODAY)
    assert sum(further.values()) == 110000 and further[shares[COUNTY].organisation_id] > 0
    note = p.bill_form().note
    assert "Suffolk County Council, whose share was written off" in note, note
    assert "National Probation Service, which refused its share" in note  # the example's refusal, named with it
    assert "are billed their part of the costs added since" in note and "write off that invoice in turn" in note


def test_a_partner_that_refused_is_named_too(demo_store):
    p, case_id = _reviews(demo_store)
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1,100.00", invoiced_on="2018-09-20")
    note = p.bill_form().note
    assert "National Probation Service, which refused its share, is billed its part of the costs added since" in note


def test_nothing_is_said_before_any_share_is_refused_or_written_off(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1000")
    dhr.bill_partners(demo_store, case_id, invoiced_on="01/09/2018")
    dhr.add_cost_line(demo_store, case_id, category="Legal", amount="110")
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    note = p.bill_form().note
    assert "added since" in note and "written off" not in note and "refused" not in note
