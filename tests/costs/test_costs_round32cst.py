"""Costs, round 32 (cst): a cost or an invoice dated before the death was notified is asked about once.

A review's stage dates before the notification were asked about (a slip of the year more often than not), but a cost
line's invoice date, or the partners' invoices, dated before it were kept without a word: WSCSP-DHR-2017-02 was
notified on 13/11/2017, and a chair's invoice typed 13/11/2016 went into the review's cost as if it were right.
Asked once, beside the date; Save again keeps it (a review's costs may have been quoted before, so it is not refused).

Also property tests for a refusal re-split by a percentage or capped review's rule (only the equal rule had one).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.dhr import SplitRule, dhr_cost_shares, resplit_refusal
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2018, 9, 1)
UNDER_WAY = "WSCSP-DHR-2017-02"  # notified 13/11/2017, no costs yet


def under_way_reviews(store) -> DhrPresenter:
    """The Reviews page's presenter on the example, the review under way chosen."""
    p = DhrPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    p.reload()
    p.select(dhr.case_id_by_reference(store, UNDER_WAY))
    return p


@pytest.fixture
def reviews(demo_store):
    return under_way_reviews(demo_store)


def amounts(store) -> list[int]:
    return [line["amount_pence"] for line in dhr.cost_lines(store, dhr.case_id_by_reference(store, UNDER_WAY))]


def test_a_cost_line_invoiced_before_the_death_was_notified_is_asked_about_once(reviews, demo_store):
    form = reviews.cost_line_form()
    form.set_value("invoiced_on", "13/11/2016")
    form.set_value("amount", "2,450.00")
    assert not form.save()
    assert form.message("invoiced_on").startswith("13/11/2016 is before the death was notified (13/11/2017).")
    assert amounts(demo_store) == []
    assert form.save()  # kept as typed once asked
    assert amounts(demo_store) == [245000]


def test_a_cost_line_invoiced_after_the_notification_is_not_asked_about(reviews, demo_store):
    form = reviews.cost_line_form()
    form.set_value("invoiced_on", "13/11/2017")  # the same day: nothing to ask
    form.set_value("amount", "2,450.00")
    assert form.save()
    assert amounts(demo_store) == [245000]


def test_a_correction_asks_about_a_date_before_the_notification_only_when_it_is_changed(reviews, demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="100", invoiced_on="2016-11-13")
    reviews.reload()
    line = dhr.cost_lines(demo_store, case_id)[0]
    form = reviews.edit_cost_line_form(line)
    form.set_value("amount", "120.00")  # the date was kept before: not asked again
    assert form.save()
    form = reviews.edit_cost_line_form(dhr.cost_lines(demo_store, case_id)[0])
    form.set_value("invoiced_on", "12/11/2016")
    assert not form.save() and form.message("invoiced_on").startswith("12/11/2016 is before the death was notified")


def test_the_partners_invoices_dated_before_the_death_was_notified_are_asked_about_once(reviews, demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1100", invoiced_on="2018-05-01")
    reviews.reload()
    form = reviews.bill_form()
    form.set_value("invoiced_on", "01/06/2017")  # the partnership has its partners then: only the year slipped
    assert not form.save()
    assert form.message("invoiced_on").startswith("01/06/2017 is before the death was notified (13/11/2017).")
    assert dhr.list_shares(demo_store, today=TODAY, case_id=case_id) == []
    assert form.save()
    assert sum(s.amount_pence for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)) == 110000


# -- the refused amount re-split by the review's own rule: property tests (only the equal rule had one) --------------

partner_lists = st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=2, max_size=12, unique=True)


@given(amount=st.integers(0, 10**8), data=st.data(), partners=partner_lists)
def test_a_refusal_re_split_by_percentages_adds_up_goes_to_those_left_and_follows_their_percentages(
        amount, data, partners):
    cuts = sorted(data.draw(st.lists(st.integers(0, 10000), min_size=len(partners) - 1, max_size=len(partners) - 1)))
    bounds = [0, *cuts, 10000]
    rule = SplitRule("percentages", {p: bounds[i + 1] - bounds[i] for i, p in enumerate(partners)})
    refuser = data.draw(st.sampled_from(partners))
    left = [p for p in partners if p != refuser]
    parts = resplit_refusal(amount, left, rule)
    assert set(parts) == set(left) and sum(parts.values()) == amount and min(parts.values()) >= 0
    assert resplit_refusal(amount, list(reversed(left)), rule) == parts
    if any(rule.percent_bp[p] for p in left):  # a partner on 0% takes none of it
        assert all(parts[p] == 0 for p in left if rule.percent_bp[p] == 0)


@given(amount=st.integers(0, 10**8), data=st.data(), partners=partner_lists, cap=st.none() | st.integers(0, 10**7))
def test_a_refusal_re_split_on_a_capped_review_adds_up_and_leaves_the_capped_payer_out(amount, data, partners, cap):
    rule = SplitRule("capped", cap_payer=partners[0], cap_percent_bp=5000, cap_pence=cap)
    refuser = data.draw(st.sampled_from(partners[1:]))
    left = [p for p in partners if p != refuser]
    parts = resplit_refusal(amount, left, rule)
    assert set(parts) == set(left) and sum(parts.values()) == amount and min(parts.values()) >= 0
    others = [p for p in left if p != partners[0]]
    if others:  # its capped part is fixed: the refused amount is the others' to share, equally
        assert parts[partners[0]] == 0 and max(parts[p] for p in others) - min(parts[p] for p in others) <= 1
    else:
        assert parts == {partners[0]: amount}
    assert resplit_refusal(amount, list(reversed(left)), rule) == parts


@given(total=st.integers(0, 10**8), base=st.integers(0, 10**8), cap=st.none() | st.integers(0, 10**7),
       bp=st.integers(0, 10000), partners=partner_lists)
def test_a_capped_split_does_not_depend_on_the_order_the_partners_are_listed(total, base, cap, bp, partners):
    rule = SplitRule("capped", cap_payer=partners[0], cap_percent_bp=bp, cap_pence=cap)
    shares = dhr_cost_shares(total, partners, rule, capped_base_pence=base)
    assert dhr_cost_shares(total, list(reversed(partners)), rule, capped_base_pence=base) == shares


def test_other_districts_and_an_unknown_one_come_last_in_the_district_table():
    # Round 32 (lead): "Other districts" sorted by its letters, between Mid Suffolk and Waveney.
    from safer_desk.services.funds import OTHER_DISTRICTS, UNKNOWN_DISTRICT, district_order

    names = ["Waveney", OTHER_DISTRICTS, "babergh", UNKNOWN_DISTRICT, "Mid Suffolk"]
    assert sorted(names, key=district_order) == ["babergh", "Mid Suffolk", "Waveney", OTHER_DISTRICTS,
                                                 UNKNOWN_DISTRICT]
