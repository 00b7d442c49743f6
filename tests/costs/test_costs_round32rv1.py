"""Costs, round 32 (review rv1): the question about a cost dated before the death was notified, tried further.

Held: a review with no notification date asks nothing about the date; a supplier that reads as a person's name and a
date before the notification are asked about in the one Save, and the next Save keeps both.
"""

from __future__ import annotations

import pytest

from tests.costs.test_costs_round32cst import UNDER_WAY, amounts, under_way_reviews


@pytest.fixture
def reviews(demo_store):
    return under_way_reviews(demo_store)


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
