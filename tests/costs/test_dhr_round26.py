"""Costs > Reviews, round 26.

1. Costs added after the partners were billed (an administrator's invoice arriving late) could be billed as further
   invoices dated before the review's first invoices: £1,000 added to the Mid Suffolk review (billed 15/06/2018) and
   billed on 01/01/2018 had the ledger as at 01/03/2018 show the partners billed and owing £1,000 for a review not yet
   billed at all, its £7,525.58 "not yet billed". Further invoices bill costs added since the first ones, so they are
   dated on or after them: refused beside the date, before any question about it.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from safer_desk.domain.dhr import DhrError
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"  # its partners billed on 15/06/2018


def late_cost(store) -> str:
    case_id = dhr.case_id_by_reference(store, BILLED)
    dhr.add_cost_line(store, case_id, category="Administration", amount="1000", invoiced_on="01/08/2018")
    return case_id


def further_invoices(store, case_id: str) -> int:
    return store.scalar("SELECT count(*) FROM dhr_shares WHERE case_id = ? AND kind = 'share'", (case_id,)) - 11


def test_further_invoices_dated_before_the_first_ones_are_refused(demo_store):
    case_id = late_cost(demo_store)
    with pytest.raises(DhrError) as said:
        dhr.bill_partners(demo_store, case_id, invoiced_on="01/01/2018")
    assert str(said.value).startswith("Invoice date: 01/01/2018 is before the partners' first invoices for this "
                                      "review (15/06/2018)")
    assert further_invoices(demo_store, case_id) == 0
    assert dhr.unbilled_pence(demo_store, case_id) == 100000


def test_further_invoices_dated_on_the_day_of_the_first_ones_are_kept(demo_store):
    case_id = late_cost(demo_store)
    shares = dhr.bill_partners(demo_store, case_id, invoiced_on="15/06/2018")
    assert sum(shares.values()) == 100000 and further_invoices(demo_store, case_id) == len(shares)
    as_at = next(c for c in dhr.list_cases(demo_store, today=TODAY, as_at=date(2018, 6, 15)) if c.id == case_id)
    assert (as_at.billed_pence, as_at.unbilled_pence) == (852558, 0)


def test_the_bill_form_refuses_it_beside_the_date_before_asking_anything(demo_store):
    case_id = late_cost(demo_store)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    form = p.bill_form()
    form.set_value("invoiced_on", "01/01/2018")
    assert not form.save()
    assert "is before the partners' first invoices for this review (15/06/2018)" in form.message("invoiced_on")
    assert not form.save()  # refused, not asked once
    assert further_invoices(demo_store, case_id) == 0


def test_the_bill_dialog_says_it_beside_the_date(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    case_id = late_cost(page.store)
    page.presenter.reload()
    assert page.select_case(case_id)
    dialog = page.bill_dialog()
    type_into(qtbot, field(dialog, "Invoice date"), "01/01/2018")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    beside = next(label for label in dialog.findChildren(QLabel)
                  if label.accessibleName() == "Message about Invoice date")
    assert beside.isVisible() and "before the partners' first invoices for this review" in beside.text()
    assert further_invoices(page.store, case_id) == 0
