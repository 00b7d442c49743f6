"""Costs > Reviews, round 30: a review whose partners' invoices are overdue is not "On track".

The Reviews list's Status and its *Only overdue* filter ("Only cases with overdue stages, actions or payments")
counted overdue stages and recommendations only: a published review whose partners had not paid invoices long past
due read "On track" (in the window, the board report and the county workbook) and *Only overdue* hid it, so a
coordinator chasing money never saw it.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services import dhr
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
PUBLISHED = "WSCSP-DHR-2014-01"  # every stage done, its action plan complete: nothing overdue but the money


def _billed_and_unpaid(store) -> str:
    case_id = dhr.case_id_by_reference(store, PUBLISHED)
    dhr.add_cost_line(store, case_id, category="Administration", amount="1100", invoiced_on="2018-05-01")
    dhr.bill_partners(store, case_id, invoiced_on="2018-06-01", due_days=30)  # due 01/07/2018, nothing paid
    return case_id


def test_overdue_invoices_make_a_review_overdue(demo_store):
    case_id = _billed_and_unpaid(demo_store)
    case = next(c for c in dhr.list_cases(demo_store, today=TODAY) if c.id == case_id)
    assert case.flag != "On track" and case.overdue_items == 11  # each partner's invoice is past its due date
    before = next(c for c in dhr.list_cases(demo_store, today=date(2018, 7, 1)) if c.id == case_id)
    assert before.flag == "On track"  # due that day: not overdue yet
    as_at = next(c for c in dhr.list_cases(demo_store, today=TODAY, as_at=date(2018, 5, 31)) if c.id == case_id)
    assert as_at.flag == "On track"  # not yet invoiced on that day


def test_only_overdue_shows_a_review_whose_invoices_are_overdue(demo_window, qtbot):
    _billed_and_unpaid(demo_window.session.store)
    page = reviews_page(demo_window, qtbot, TODAY)
    page.overdue_only.setChecked(True)
    shown = {c.reference for c in page.cases.source_rows()}
    assert PUBLISHED in shown
    assert next(c for c in page.cases.source_rows() if c.reference == PUBLISHED).flag.startswith("⚠ Overdue")
