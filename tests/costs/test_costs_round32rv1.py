"""Costs, round 32 (review rv1): the question about a cost dated before the death was notified, tried further.

Held: a review with no notification date asks nothing about the date; a supplier that reads as a person's name and a
date before the notification are asked about in the one Save, and the next Save keeps both.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2018, 9, 1)
UNDER_WAY = "WSCSP-DHR-2017-02"  # notified 13/11/2017, no costs yet


@pytest.fixture
def reviews(demo_store):
    p = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    p.reload()
    p.select(dhr.case_id_by_reference(demo_store, UNDER_WAY))
    return p


def amounts(store) -> list[int]:
    return [line["amount_pence"] for line in dhr.cost_lines(store, dhr.case_id_by_reference(store, UNDER_WAY))]


def test_a_review_with_no_notification_date_asks_nothing_about_an_early_invoice(reviews, demo_store):
    with demo_store.transaction():
        demo_store.conn.execute("UPDATE dhr_cases SET notified_on = NULL WHERE reference = ?", (UNDER_WAY,))
    reviews.reload()
    form = reviews.cost_line_form()
    form.set_value("invoiced_on", "13/11/2016")
    form.set_value("amount", "2,450.00")
    assert form.save(), form.message("invoiced_on")
    assert amounts(demo_store) == [245000]


def test_a_persons_name_and_an_early_date_are_asked_in_one_save_and_kept_by_the_next(reviews, demo_store):
    form = reviews.cost_line_form()
    form.set_value("invoiced_on", "13/11/2016")
    form.set_value("supplier", "John Smith")
    form.set_value("amount", "2,450.00")
    assert not form.save()
    assert form.message("invoiced_on").startswith("13/11/2016 is before the death was notified (13/11/2017).")
    assert form.message("supplier")
    assert amounts(demo_store) == []
    assert form.save()
    assert amounts(demo_store) == [245000]
