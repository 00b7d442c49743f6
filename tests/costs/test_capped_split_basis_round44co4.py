"""Costs > Reviews, round 44 (co4): the capped split says what its capped part is worked out on.

Gloucestershire's rule: the PCC's office pays 50% of the chair's costs up to £5,000, the others share the rest. The
Split window took "50" and "5,000" and showed the payer's share, but never which costs it was 50% of: a review whose
chair's invoice was keyed under another category (Overview report writer, say) showed the payer paying £0.00, saved
and billed that way, with nothing to say why. The window now says, under the capped part, the chair's costs it is
worked out on (the Independent chair/author cost lines) and what the payer pays first; with no such line, that it
pays nothing first until the chair's costs are keyed under that category.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

CASE = "WSCSP-DHR-2017-02"  # not billed, no costs yet
TODAY = date(2018, 9, 1)


@pytest.fixture
def reviews(demo_store):
    p = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload()
    p.select(dhr.case_id_by_reference(demo_store, CASE))
    return p


def capped(reviews):
    split = reviews.split_form()
    split.set_kind("capped")
    police = next(oid for oid, name in split.partners if name == "Suffolk Constabulary")
    split.set_cap(payer=police, percent="50", amount="£5,000")
    return split


def test_the_capped_part_says_the_chair_s_costs_it_is_worked_out_on(reviews, demo_store):
    case_id = dhr.case_id_by_reference(demo_store, CASE)
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="12000")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1000")
    split = capped(reviews)
    assert split.cap_note() == (
        "Suffolk Constabulary pays 50% of the chair's costs (£12,000.00, the Independent chair/author cost lines), "
        "up to £5,000.00: £5,000.00 first; the other partners share the rest equally.")


def test_no_chair_s_cost_line_is_said_where_the_payer_would_pay_nothing(reviews, demo_store):
    case_id = dhr.case_id_by_reference(demo_store, CASE)
    dhr.add_cost_line(demo_store, case_id, category="Overview report writer", amount="12000")
    split = capped(reviews)
    assert {r.partner: r.share_pence for r in split.rows()}["Suffolk Constabulary"] == 0
    assert split.cap_note() == (
        "This review has no Independent chair/author cost line, so Suffolk Constabulary pays nothing first and the "
        "other partners share the whole cost: key the chair's costs under Independent chair/author (Cost line…, or "
        "More > Edit cost line… to correct the category).")


def test_other_splits_say_nothing_of_it(reviews):
    split = reviews.split_form()
    assert split.cap_note() == ""
    split.set_kind("capped")
    assert split.cap_note() == ""  # no payer chosen yet


def test_the_split_window_shows_it_under_the_capped_part(demo_window, qtbot):
    from tests.costs.test_search_choice_round22 import reviews_page

    page = reviews_page(demo_window, qtbot, TODAY)
    store = page.store
    case_id = dhr.case_id_by_reference(store, CASE)
    dhr.add_cost_line(store, case_id, category="Overview report writer", amount="12000")
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert page.select_case(case_id)
    dialog = page.split_dialog()
    qtbot.waitUntil(dialog.isVisible)
    dialog.kind.setCurrentIndex(dialog.kind.findData("capped"))
    dialog.cap_payer.setCurrentIndex(dialog.cap_payer.findText("Suffolk Constabulary"))
    note = next(lab for lab in dialog.findChildren(QLabel) if lab.accessibleName() == "What the capped part is")
    assert note.isVisible() and note.text().startswith("This review has no Independent chair/author cost line")
    dialog.kind.setCurrentIndex(dialog.kind.findData("equal"))
    assert not note.isVisible()
    dialog.split.discard()
    dialog.reject()
