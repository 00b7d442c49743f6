"""Costs > Reviews as at a day: the Costs page adds up to the review's Cost that day when a billed line was deleted
since (s68).

WSCSP-DHR-2017-02: a chair's £1,100 and administration £250 billed on 15/06/2018, the £250 deleted as keyed in error
and the partners billed again on 01/09/2018. As at 01/07/2018 the list read Cost £1,350 (what the partners had been
billed then, as the Ledger and `dhr-ledger --as-at` count it) while its Costs page listed the £1,100 alone, though
``cost_lines`` says its lines add up to the Cost that day. What the deleted lines came to is now one row, "Taken off
since", saying the lines themselves are not kept.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

UNDER_WAY = "WSCSP-DHR-2017-02"


def test_the_cost_lines_as_at_a_day_add_up_to_the_cost_that_day(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1100", invoiced_on="2018-05-01")
    admin = dhr.add_cost_line(demo_store, case_id, category="Administration", amount="250", invoiced_on="2018-05-20")
    dhr.bill_partners(demo_store, case_id, invoiced_on="2018-06-15")
    dhr.delete_cost_line(demo_store, admin, bill_again_on="2018-09-01")
    p = DhrPresenter(demo_store, today=lambda: date(2026, 12, 1))
    p.reload(select=case_id)
    assert p.choose_day("01/07/2018")
    p.select(case_id)
    assert p.selected_case.cost_pence == 135000
    lines = p.details().costs
    # s69: the deleted line is kept as it was (schema step create_dhr_deleted_cost_lines)
    assert [(line["category"], line["amount_pence"]) for line in lines] == [
        ("Independent chair/author", 110000), ("Administration", 25000)]
    # One an earlier Safer Desk deleted was not kept: what it came to is one row
    demo_store.conn.execute("DELETE FROM dhr_deleted_cost_lines")
    p.reload(select=case_id)
    lines = p.details().costs
    assert [(line["category"], line["amount_pence"]) for line in lines] == [
        ("Independent chair/author", 110000), ("Taken off since", 25000)]
    assert lines[1]["description"] == ("Cost lines deleted after 01/07/2018 by an earlier Safer Desk, which the "
                                       "partners had been billed for by then (it did not keep the lines)")
    assert p.choose_day("01/10/2018")  # after billing again: the cost is the line left
    assert [line["amount_pence"] for line in p.details().costs] == [110000]
    assert dhr.cost_lines(demo_store, case_id) == [line for line in dhr.cost_lines(demo_store, case_id)
                                                   if line["category"] != "Taken off since"]


def test_a_line_dated_after_the_day_not_billed_then_makes_no_such_row(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1100", invoiced_on="2018-05-01")
    dhr.bill_partners(demo_store, case_id, invoiced_on="2018-06-15")
    dhr.add_cost_line(demo_store, case_id, category="Legal", amount="400", invoiced_on="2018-08-01")
    assert [line["category"] for line in dhr.cost_lines(demo_store, case_id, as_at=date(2018, 7, 1))] == [
        "Independent chair/author"]
