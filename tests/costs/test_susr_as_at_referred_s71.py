"""Session 71: as at a past day, a SUSR left out is one referred after it, not "notified".

With the reviews called Single Unified Safeguarding Reviews, Reviews as at 01/10/2017 said "1 review notified after
01/10/2017 is left out.", the Ledger and the board report "A review notified after it is not listed": a SUSR's first
stage is its referral to the Regional Safeguarding Board (Edit case's Referred), and a SUSR is not always about a
death. They now say "referred after"; a DHR's read as before.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter, LedgerPresenter
from safer_desk.services import dhr
from safer_desk.services.report import build_report
from tests.costs.test_costs_tab import settle, tab  # noqa: F401 - the fixtures

SUSR = "Single Unified Safeguarding Review"
TODAY = date(2026, 12, 7)
DAY = date(2017, 10, 1)  # before WSCSP-DHR-2017-02 was notified (13/11/2017)


def _said(store) -> str:
    reviews = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    assert reviews.choose_day("01/10/2017")
    ledger = LedgerPresenter(today=lambda: TODAY)
    assert ledger.choose("01/10/2017")
    (section,) = [s for s in build_report(store, as_at=DAY, today=TODAY).sections if s.title.endswith("recovery")]
    return "\n".join([reviews.shown.note, ledger.read(store).note, *section.paragraphs])


def test_a_susr_left_out_as_at_a_day_is_one_referred_after_it(demo_store):
    dhr.set_review_label(demo_store, SUSR)
    said = _said(demo_store)
    assert "notified" not in said, said
    assert "1 review referred after 01/10/2017 is left out." in said, said
    assert "A review referred after it is not listed" in said, said
    assert "a review referred after it is not listed" in said, said


def test_a_dhr_left_out_reads_as_before(demo_store):
    said = _said(demo_store)
    assert "1 review notified after 01/10/2017 is left out." in said, said
    assert "A review notified after it is not listed" in said and "a review notified after it is not listed" in said


def test_a_susrs_partnership_not_in_being_is_asked_about_as_referred(demo_store):
    """New case's question about a partnership not in being said "not when the death was notified"."""
    dhr.set_review_label(demo_store, SUSR)
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    reviews.reload()
    form = reviews.new_case_form()
    for key, value in (("reference", "CV-SUSR-2026-07"), ("district", "Mid Suffolk"),
                       ("partnership", "Western CSP"), ("notified_on", "01/02/2026")):
        form.set_value(key, value)
    assert not form.save()
    said = form.message("partnership")
    assert ("Western CSP was in being 01/04/2009 to 31/03/2010, not when the review was referred to the Regional "
            "Safeguarding Board (01/02/2026)") in said, said


def test_a_susrs_split_says_its_partners_are_those_of_its_referral(demo_store):
    """Split…'s note said the partners listed were those "when the death was notified"."""
    from tests.costs.test_split_partners_on_review_day_s60 import TODAY as THEN_TODAY
    from tests.costs.test_split_partners_on_review_day_s60 import costed_case

    dhr.set_review_label(demo_store, SUSR)
    case_id = costed_case(demo_store)
    presenter = DhrPresenter(demo_store, today=lambda: THEN_TODAY)
    presenter.reload()
    presenter.select(case_id)
    said = presenter.split_form().partners_said()
    assert "13/11/2017, when the review was referred to the Regional Safeguarding Board." in said, said
    assert "death" not in said, said


def test_the_as_at_fields_tip_says_referred_for_susrs(tab, settle):  # noqa: F811
    """Reviews as at's tip said "a review notified after it is left out" with the reviews called SUSRs."""
    page = tab.reviews
    assert "a review notified after it is left out" in page.as_at.edit.toolTip()
    page.label_combo.setCurrentText(SUSR)
    settle()
    tip = page.as_at.edit.toolTip()
    assert "a review referred after it is left out" in tip and "notified" not in tip, tip
    tab.window().session.undo_stack.undo()
    settle()
    assert "a review notified after it is left out" in page.as_at.edit.toolTip()
