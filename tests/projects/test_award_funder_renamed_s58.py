"""Session 58: correcting an award's funder that projects' shares are from says so first.

The projects' shares name their funder ("OPCC (2017/18): £110,000"). The PCC award's funder corrected from "OPCC" to
"Office of the Police and Crime Commissioner" was saved without a word: the award then counted none of the shares, so
its table went from the board report's Funders' shares (£233,500 committed, £167,068 left) and every scenario
against it counted the projects' whole costs (over-committed by £2,176,185). A new name the shares' funder still
is (another case, "the" before it) is not asked about. Session 66: the question read "… from OPCC: from Office of the
Police and Crime Commissioner, the award would count none of them, and the scenarios against it each project's whole
cost", a verb missing and "whole" not so (a project's cost for the award's year is what counts); it says it plainly.
"""

from __future__ import annotations

from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.services import funders

PCC = "PCC grant to Safer Plymouth 2017-19"
FULL = "Office of the Police and Crime Commissioner"


def test_a_new_funder_the_shares_are_not_from_is_asked_about_once(demo_store):
    awards = AwardsPresenter(demo_store)
    award = funders.award_by_name(demo_store, PCC)
    form = awards.edit_form(award.id)
    form.set_value("funder", FULL)
    assert not form.save()
    assert form.message("funder") == (
        "Shares of 8 projects (Plymouth Domestic Abuse contract, Therapeutic counselling for victims of sexual "
        f"assault, Community drug and alcohol treatment programme, …) are from OPCC: with {FULL} as its funder, the "
        "award would count none of them, and scenarios against it would count each project's cost instead of its "
        "share. Give the funder its new name in their shares too. Save again to keep it as it is.")
    assert awards.award(award.id).funder == "OPCC"
    assert form.save()
    assert awards.award(award.id).funder == FULL


def test_the_same_funder_written_another_way_is_not_asked_about(demo_store):
    awards = AwardsPresenter(demo_store)
    form = awards.edit_form(funders.award_by_name(demo_store, PCC).id)
    form.set_value("funder", "The opcc")
    assert form.save()


def test_a_funder_no_share_is_from_is_not_asked_about(demo_store):
    awards = AwardsPresenter(demo_store)
    form = awards.edit_form(funders.award_by_name(demo_store, "Performance Reward Grant 2009-10").id)
    form.set_value("funder", "Suffolk Strategic Partnership (LSP)")
    assert form.save()


def test_one_project_is_named_as_one(demo_store):
    from safer_desk.services import projects as svc

    project = next(p for p in svc.load_projects(demo_store) if p.title == "Suffolk Strive")
    funders.set_project_funding(demo_store, project.id, [svc.FundingSource("Suffolk Strategic Partnership", 500_000)])
    awards = AwardsPresenter(demo_store)
    form = awards.edit_form(funders.award_by_name(demo_store, "Performance Reward Grant 2009-10").id)
    form.set_value("funder", "SSP")
    assert not form.save()
    assert form.message("funder") == (
        "The share of Suffolk Strive is from Suffolk Strategic Partnership: with SSP as its funder, the award would no "
        "longer count it, and scenarios against it would count the project's cost instead of its share. Give the "
        "funder its new name in its share too. Save again to keep it as it is.")
