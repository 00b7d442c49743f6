"""Costs, round 26.

1. A refusal or write-off dated before a payment on the share was kept without a word: the Suffolk County Council
   paid £400 on 01/08/2018; its share "refused" on 20/07/2018 had the ledger as at 25/07/2018 say £684.14 refused,
   and as at 02/08/2018 £284.14 (the refused amount shrank after the refusal, and a payment arrived on a share
   refused). What is refused is what had not been paid, so the refusal is dated on or after the last payment, as a
   re-split is dated on or after its refusal: refused beside the date, before any question about it.
2. A refusal said ahead of its invoice (the Probation Service's national policy, recorded on 10/05/2018 for an
   invoice of 15/06/2018: asked about once, and kept) could be re-split or carried on 10/05/2018 too: the ledger as at
   01/06/2018 then had the other partners owing re-split invoices for a review not yet billed, and a shortfall of
   -£684.14. The refused amount is re-split or carried on or after the day of the invoice refused, too.
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
BILLED = "WSCSP-DHR-2017-01"
COUNTY = "Suffolk County Council"  # billed £684.14 on 15/06/2018, paid £400 on 01/08/2018


def presenter_on(store, reference: str, today: date = TODAY) -> DhrPresenter:
    p = DhrPresenter(store, today=lambda: today)
    p.reload()
    p.select(dhr.case_id_by_reference(store, reference))
    return p


def county_share(store, case_id: str) -> dhr.ShareRow:
    return next(s for s in dhr.list_shares(store, today=TODAY, case_id=case_id) if s.partner == COUNTY)


# -- 1. a refusal or write-off dated before a payment on the share --------------------------------------------------

@pytest.mark.parametrize("close", [dhr.refuse_share, dhr.write_off_share])
def test_a_refusal_or_write_off_dated_before_a_payment_on_the_share_is_refused(demo_store, close):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    share = county_share(demo_store, case_id)
    with pytest.raises(DhrError) as said:
        close(demo_store, share.id, on="20/07/2018", reason="will not pay the rest")
    assert str(said.value).startswith("Date: 20/07/2018 is before the payment of £400 on 01/08/2018")
    assert county_share(demo_store, case_id).status == "invoiced"


def test_a_refusal_dated_on_the_day_of_the_last_payment_is_kept(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    dhr.refuse_share(demo_store, county_share(demo_store, case_id).id, on="01/08/2018", reason="will not pay the rest")
    share = county_share(demo_store, case_id)
    assert (share.status, share.closed_pence) == ("refused", 28414)


def test_the_refuse_dialog_refuses_it_beside_the_date_before_asking_about_the_invoice(demo_store):
    p = presenter_on(demo_store, BILLED)
    form = p.refuse_form(county_share(demo_store, p.selected))
    form.set_value("reason", "will not pay the rest")
    form.set_value("on", "01/06/2018")  # before the invoice of 15/06/2018 too: refused, never asked about
    assert not form.save()
    assert "is before the payment of £400 on 01/08/2018" in form.message("on")
    assert not form.save()
    assert county_share(demo_store, p.selected).status == "invoiced"



def test_the_refused_dialog_says_it_beside_the_date(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: s.partner == COUNTY and s.kind == "share")
    dialog = page.refuse_dialog()
    type_into(qtbot, field(dialog, "Date"), "20/07/2018")
    type_into(qtbot, field(dialog, "Reason"), "will not pay the rest")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    beside = next(label for label in dialog.findChildren(QLabel) if label.accessibleName() == "Message about Date")
    assert beside.isVisible() and "is before the payment of £400 on 01/08/2018" in beside.text()
    assert county_share(page.store, page.presenter.selected).status == "invoiced"


# -- 2. a refusal re-split or carried before the invoice refused was sent -------------------------------------------

PROBATION_INVOICE = "MSDC-DHR1-05"  # the National Probation Service's share, invoiced 15/06/2018


def refused_ahead(store) -> str:
    """The Probation Service's refusal dated when it said it would not pay, before its invoice (asked, and kept)."""
    share_id = store.scalar("SELECT id FROM dhr_shares WHERE invoice_ref = ?", (PROBATION_INVOICE,))
    dhr.reopen_share(store, share_id)
    dhr.refuse_share(store, share_id, on="10/05/2018", reason="National policy not to contribute")
    return share_id


@pytest.mark.parametrize("handling", ["re-split", "lead authority"])
def test_a_refusal_said_ahead_is_not_re_split_or_carried_before_its_invoice(demo_store, handling):
    share_id = refused_ahead(demo_store)
    with pytest.raises(DhrError) as said:
        dhr.resolve_refusal(demo_store, share_id, handling, on="10/05/2018")
    assert str(said.value).startswith("Date: 10/05/2018 is before MSDC-DHR1-05 was invoiced (15/06/2018)")
    assert demo_store.scalar("SELECT count(*) FROM dhr_shares WHERE source_share_id = ?", (share_id,)) == 0


def test_a_refusal_said_ahead_is_re_split_on_the_day_of_its_invoice_and_the_ledger_adds_up_on_every_day(demo_store):
    share_id = refused_ahead(demo_store)
    dhr.resolve_refusal(demo_store, share_id, "re-split", on="15/06/2018")
    for day in (date(2018, 6, 1), date(2018, 6, 15), date(2018, 9, 1)):
        case = next(c for c in dhr.list_cases(demo_store, today=day, as_at=day) if c.reference == BILLED)
        assert case.shortfall_pence == 0 and case.net_billed_pence in (0, case.cost_pence)


def test_the_re_split_dialog_refuses_it_beside_the_date(demo_store):
    share_id = refused_ahead(demo_store)
    p = presenter_on(demo_store, BILLED)
    form = p.resolve_form(next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=p.selected)
                               if s.id == share_id))
    form.set_value("on", "10/05/2018")
    assert not form.save()
    assert "is before MSDC-DHR1-05 was invoiced (15/06/2018)" in form.message("on")
