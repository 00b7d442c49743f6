"""Commissioning said "X: no cost is stated, so it cannot be committed yet" when X was ticked, and went on saying it
after X was unticked, of a project no longer in the scenario (noticed by session 58's Projects hunt)."""

from __future__ import annotations

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services.projects import project_from_fields


def test_unticking_the_project_takes_back_what_was_said_of_it(demo_store):
    p = CommissioningPresenter(demo_store)
    no_cost, costed = (project_from_fields({"title": "Outreach worker"}),
                       project_from_fields({"title": "County-wide review", "cost": "£1,000"}))
    p.set_projects([no_cost, costed])
    p.set_fund("£10,000")
    p.tick(no_cost.id)
    assert p.message == "Outreach worker: no cost is stated, so it cannot be committed yet."
    p.tick(costed.id)
    p.tick(costed.id, False)  # another project unticked: what was said of Outreach worker stays
    assert p.message == "Outreach worker: no cost is stated, so it cannot be committed yet."
    p.tick(no_cost.id, False)
    assert p.message == ""
