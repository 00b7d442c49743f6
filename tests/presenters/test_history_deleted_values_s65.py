"""Session 65 (hist): the History of Changes' detail says what a deleted row held.

Found by recording a payment of £100 on a review's share, pressing Edit > Undo, and opening View > History of
Changes: the undo's detail read "Deleted payment of Ipswich and East CCG, WSCSP-DHR-2017-01" and no more, where the
payment's own line read "…: paid date 1 Apr 2026; amount £100". A recommendation deleted read "Deleted
recommendation 2 of WSCSP-DHR-2017-01", its words gone. Once the file is closed Edit > Undo no longer offers it, and
the History is the only place a deleted row could be read again; the audit trail keeps its values (DESIGN §3: what,
old and new value). The detail now says them, as it does for a row added, each text whole; the table's one-line
summary still names the row alone.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import HistoryPresenter, history_lines
from safer_desk.services import dhr

TODAY = date(2026, 4, 1)
WORDS = ("Commission a specialist domestic abuse awareness course for GP practice staff across Babergh and Mid "
         "Suffolk, with a follow-up audit of referrals after six months.")


def reviews(store) -> tuple[DhrPresenter, ActionLog]:
    log = ActionLog()
    presenter = DhrPresenter(store, perform=log, today=lambda: TODAY)
    presenter.reload()
    return presenter, log


def test_the_undo_of_a_payment_says_the_payment_it_took_away(demo_store):
    presenter, log = reviews(demo_store)
    share = next(s for s in dhr.list_shares(demo_store, today=TODAY) if s.outstanding_pence > 0)
    presenter.select(share.case_id)
    form = presenter.payment_form(share)
    form.set_value("amount", "100")
    assert form.save() or form.save(), form.form_message
    log.undo()
    line = history_lines(demo_store)[0]
    assert line.action.startswith("Undo £100 paid by ")
    deleted = next(d for d in line.details if d.startswith("Deleted payment of "))
    assert "paid date 1 Apr 2026" in deleted and "amount £100" in deleted, deleted
    assert line.summary == f"Deleted payment of {share.partner}, {share.case_reference}"  # the table's line as before


def test_a_recommendation_deleted_is_said_with_its_words_whole(demo_store):
    presenter, log = reviews(demo_store)
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    rec = dhr.add_recommendation(demo_store, case_id, WORDS, owner="Babergh District Council")
    presenter.reload()
    presenter.select(case_id)
    presenter.delete_recommendation(next(r for r in dhr.recommendations(demo_store, case_id, today=TODAY)
                                         if r["id"] == rec))
    line = HistoryPresenter(demo_store).load()[0]
    assert line.action.startswith("Delete recommendation ")
    deleted = next(d for d in line.details if d.startswith("Deleted recommendation "))
    assert WORDS in deleted and "Babergh District Council" in deleted, deleted
