"""Against an award a project commits its funder's share, stated with or without a cost: Plymouth's Healthy
Relationships work (seed 003) has no total budget yet, and once the OPCC's share is known (£20,000) ticking it
commits £20,000 of the PCC's money. The page said above it "no cost is stated, so it cannot be committed yet"."""

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services.projects import FundingSource, load_projects

PCC = "PCC grant to Safer Plymouth 2017-19"


def _healthy_relationships(store, sources):
    project = next(p for p in load_projects(store) if p.title.startswith("Healthy Relationships"))
    assert project.planning_pence is None  # the paper gives no total budget
    funders.set_project_funding(store, project.id, sources)
    page = CommissioningPresenter(store)
    page.set_projects(load_projects(store))
    return page, project


def test_a_share_stated_without_a_cost_is_committed_against_the_award_without_a_word_against_it(demo_store):
    page, project = _healthy_relationships(demo_store, [FundingSource("OPCC", 20_000_00, "", "2017/18")])
    page.set_award(funders.award_by_name(demo_store, PCC).id, "2017/18")
    page.tick(project.id)
    assert "committed £20,000 of OPCC's money" in page.result().summary()
    assert "cannot be committed" not in page.message


def test_no_cost_and_no_share_from_the_funder_is_still_said(demo_store):
    page, project = _healthy_relationships(demo_store, [FundingSource("Lottery", 20_000_00, "", "2017/18")])
    page.set_award(funders.award_by_name(demo_store, PCC).id, "2017/18")
    page.tick(project.id)
    assert page.message == f"{project.title}: no cost is stated, so it cannot be committed yet."


def test_without_an_award_no_cost_is_said_on_ticking(demo_store):
    page, project = _healthy_relationships(demo_store, [FundingSource("OPCC", 20_000_00, "", "2017/18")])
    page.set_fund("£50,000")
    page.tick(project.id)
    assert page.message == f"{project.title}: no cost is stated, so it cannot be committed yet."
