"""An amount typed as a project's scale a penny over its cost (£10,000.01 of £10,000), typed twice to keep it, was
said to be "committed as typed (100.00% of it now)", as if it were the whole cost; now what is said is how much more
than the whole it commits (noticed by session 67's Commissioning hunt)."""

from __future__ import annotations

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services.projects import project_from_fields


def test_an_amount_over_the_cost_says_by_how_much_it_is_over(demo_store):
    p = CommissioningPresenter(demo_store)
    post = project_from_fields({"title": "Outreach worker", "cost": "£10,000"})
    p.set_projects([post])
    p.set_fund("£10,000")
    assert not p.type_scale(post.id, "£10,000.01")  # asked about first, as more than the whole cost
    assert p.type_scale(post.id, "£10,000.01")
    assert p.message == ("Outreach worker: £10,000.01 of £10,000: committed as typed (£0.01 more than the whole "
                         "of it).")
    result = p.result()
    assert (result.committed_pence, result.summary()) == (1_000_001, "Fund £10,000; committed £10,000.01; "
                                                                     "OVER-COMMITTED by £0.01")


def test_an_amount_under_the_cost_still_says_its_part(demo_store):
    p = CommissioningPresenter(demo_store)
    post = project_from_fields({"title": "Outreach worker", "cost": "£105,000"})
    p.set_projects([post])
    p.set_fund("£65,512")
    assert p.type_scale(post.id, "£35K")
    assert p.message == "Outreach worker: £35,000 of £105,000: committed as typed (1/3 of it now)."


def test_a_penny_of_the_cost_is_not_said_as_none_of_it(demo_store):
    # £0.01 of £10,000 read "(0.00% of it now)", as if it committed nothing, beside "£0.01 more than the whole of it"
    # for a penny over.
    p = CommissioningPresenter(demo_store)
    post = project_from_fields({"title": "Outreach worker", "cost": "£10,000"})
    p.set_projects([post])
    p.set_fund("£10,000")
    assert p.type_scale(post.id, "£0.01")
    assert p.message == "Outreach worker: £0.01 of £10,000: committed as typed (under 0.01% of it now)."
    assert p.result().committed_pence == 1


def test_a_penny_short_of_the_cost_is_not_said_as_the_whole(demo_store):
    # £9,999.99 of £10,000 read "(100.00% of it now)", as if it were the whole cost.
    p = CommissioningPresenter(demo_store)
    post = project_from_fields({"title": "Outreach worker", "cost": "£10,000"})
    p.set_projects([post])
    p.set_fund("£10,000")
    assert p.type_scale(post.id, "£9,999.99")
    assert p.message == ("Outreach worker: £9,999.99 of £10,000: committed as typed (£0.01 less than the whole "
                         "of it).")
    assert p.result().committed_pence == 999_999
