"""Costs > Reviews > Shares and payments lists the invoices billing again withdrew (s68).

Session 68: an officer who billed WSCSP-DHR-2017-01 again with another split on 10/09/2018 found MSDC-DHR1-03 (Ipswich
and East CCG's £684.15, sent 15/06/2018) simply gone from Shares and payments: nothing said it had been withdrawn, or
when, though the ledger as at a day before still counted it (schema step create_dhr_withdrawn_invoices keeps it). It
is now listed beside the partner's invoices, "Withdrawn 10/09/2018 (£684.15 as sent): not counted", its reason naming
the invoice billed in its place, no money in the Share, Paid and Outstanding columns (so each adds up to its Total),
in Ctrl+C; nothing can be recorded on it, and Enter and Del say why.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.costs import NothingTo
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_dhr_as_at_billed_again_s67 import AGAIN, BILLED, WITHDRAWN, billed_again
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 20)
IPSWICH = "Ipswich and East CCG"


def presenter(store, day: date = TODAY) -> DhrPresenter:
    p = DhrPresenter(store, today=lambda: day)
    p.reload()
    p.select(dhr.case_id_by_reference(store, BILLED))
    return p


def test_todays_shares_list_each_withdrawn_invoice_as_withdrawn_counted_in_nothing(demo_store):
    billed_again(demo_store)
    shares = presenter(demo_store).details().shares
    withdrawn = [s for s in shares if not s.counted]
    assert {s.invoice_ref for s in withdrawn} == WITHDRAWN
    gone = next(s for s in withdrawn if s.invoice_ref == "MSDC-DHR1-03")
    assert (gone.partner, gone.amount_pence, gone.paid_pence, gone.outstanding_pence, gone.overdue_pence) == (
        IPSWICH, 68415, 0, 0, 0)
    assert gone.status_text == "Withdrawn 10/09/2018 (£684.15 as sent): not counted"
    new = next(s for s in shares if s.counted and s.partner == IPSWICH)
    assert new.invoiced_on == AGAIN and "MSDC-DHR1-03" in new.reason
    assert gone.reason == f"Withdrawn by billing again on 10/09/2018: {new.invoice_ref} in its place"
    assert shares.index(gone) == shares.index(new) + 1  # beside the partner's invoice now
    counted = [s for s in shares if s.counted]
    assert counted == dhr.list_shares(demo_store, today=TODAY, case_id=gone.case_id)
    assert sum(s.amount_pence for s in counted) == 752558  # the review's cost, the withdrawn ones left out


def test_as_at_a_day_the_invoices_withdrawn_by_then_are_listed_as_withdrawn_and_those_after_as_sent(demo_store):
    billed_again(demo_store)
    p = presenter(demo_store)
    assert p.choose_day("15/09/2018")
    assert {s.invoice_ref for s in p.details().shares if not s.counted} == WITHDRAWN
    assert p.choose_day("01/08/2018")
    shares = p.details().shares
    assert all(s.counted for s in shares) and WITHDRAWN <= {s.invoice_ref for s in shares}
    assert sum(s.amount_pence for s in shares) == 752558


def test_nothing_is_recorded_on_a_withdrawn_invoice_and_enter_and_del_say_why(demo_store):
    billed_again(demo_store)
    p = presenter(demo_store)
    gone = next(s for s in p.details().shares if s.invoice_ref == "MSDC-DHR1-03")
    for form in (p.payment_form, p.refuse_form, p.write_off_form, p.resolve_form, p.delete_payment_form,
                 p.refund_form):
        with pytest.raises(NothingTo, match="MSDC-DHR1-03, Ipswich and East CCG's invoice of £684.15 for "
                                            "WSCSP-DHR-2017-01, was withdrawn on 10/09/2018"):
            form(gone)
    with pytest.raises(ValueError, match="was withdrawn on 10/09/2018"):
        p.reopen_question(gone)
    assert "was withdrawn on 10/09/2018" in p.share_opened_words(gone)
    assert "was withdrawn on 10/09/2018" in p.share_delete_words(gone)
    assert not p.refund_allowed(gone)


def test_in_the_window_the_withdrawn_invoice_is_shown_copied_and_left_out_of_the_total(demo_window, qtbot, prompts):
    page = reviews_page(demo_window, qtbot, TODAY)
    billed_again(page.store)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.details.setCurrentWidget(page.shares.view)
    rows = page.shares.source_rows()
    row = [s.invoice_ref for s in rows].index("MSDC-DHR1-03")
    view = page.shares.view
    view.selectRow(row)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert len(copied) == 2, copied
    cells = copied[1].split("\t")
    assert cells[0] == IPSWICH and cells[1:4] == ["", "", ""], cells
    assert "Withdrawn 10/09/2018 (£684.15 as sent): not counted" in cells
    assert "MSDC-DHR1-03" in cells
    model = page.shares.model
    total = [model.index(model.rowCount() - 1, c).data() for c in range(4)]
    assert total[0] == "Total" and total[1] == "£7,525.58", total
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert prompts.infos and "was withdrawn on 10/09/2018" in prompts.infos[-1][1]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "was withdrawn on 10/09/2018" in prompts.infos[-1][1]


def test_the_export_workbooks_who_owes_what_lists_it_withdrawn_with_no_money(demo_store):
    from safer_desk.services.county_workbook import dhr_partners_sheet

    billed_again(demo_store)
    sheet = dhr_partners_sheet(demo_store, TODAY)
    names = [c.title for c in sheet.columns]
    rows = [r for r in sheet.blocks[0].rows if r[1] == BILLED]
    gone = next(r for r in rows if r[3] == "MSDC-DHR1-03")
    assert gone[0] == IPSWICH and gone[names.index("Status")] == "Withdrawn 10/09/2018 (£684.15 as sent): not counted"
    assert gone[names.index("Share (£)"):names.index("Overdue (£)") + 1] == [None] * 5
    share = names.index("Share (£)")
    assert sum(r[share] or 0 for r in rows) == 752558
    ipswich = [r[3] for r in rows if r[0] == IPSWICH]
    assert ipswich[-1] == "MSDC-DHR1-03" and len(ipswich) == 2


def test_an_invoice_withdrawn_whose_replacement_was_withdrawn_since_claims_none_in_its_place(demo_store):
    case_id = billed_again(demo_store)
    line = dhr.cost_lines(demo_store, case_id)[0]
    dhr.delete_cost_line(demo_store, line["id"], bill_again_on="20/09/2018")
    shares = presenter(demo_store).details().shares
    fire = [s for s in shares if s.partner == "Suffolk Fire and Rescue Service"]
    now, *gone = fire
    assert now.counted and [s.counted for s in gone] == [False, False]
    later = next(s for s in gone if s.withdrawn_on == date(2018, 9, 20))
    first = next(s for s in gone if s.invoice_ref == "MSDC-DHR1-10")
    assert later.reason == f"Withdrawn by billing again on 20/09/2018: {now.invoice_ref} in its place"
    assert first.reason == "Withdrawn by billing again on 10/09/2018"  # its replacement was withdrawn in turn
    assert DhrPresenter.withdrawn_words(later).startswith(
        f"{later.invoice_ref}, Suffolk Fire and Rescue Service's invoice of £684.14 for {BILLED}, was withdrawn on "
        f"20/09/2018 when the review was billed again, {now.invoice_ref} in its place. Nothing was paid on it")
