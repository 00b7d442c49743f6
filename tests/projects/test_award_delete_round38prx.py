"""Round 38 (prx): deleting or renaming an award that projects' shares name says so first.

A share may name the award it is from after its funder ("Suffolk Public Sector Leaders — County Lines (2018/19):
£20,000"). Delete's question spoke of the scenarios against the award only: the projects whose shares named it then
named an award the funder does not have, counted against none, without a word before the delete.
"""

from __future__ import annotations

from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.services import funders
from safer_desk.services import projects as svc

COUNTY_LINES = "County Lines and Urban Street Gangs 2018-2020"


def _name_county_lines(store, title: str) -> None:
    project = next(p for p in svc.load_projects(store) if p.title == title)
    funders.set_project_funding(store, project.id, [
        svc.FundingSource("Suffolk Public Sector Leaders — County Lines", 2_000_000, "", "2018/19")])


def test_delete_names_the_projects_whose_shares_name_the_award(demo_store):
    _name_county_lines(demo_store, "Suffolk Strive")
    award = funders.award_by_name(demo_store, COUNTY_LINES)
    presenter = AwardsPresenter(demo_store)
    assert presenter.delete_question(award.id) == (
        f"Delete the award {COUNTY_LINES} (Suffolk Public Sector Leaders)? The share of Suffolk Strive names it: "
        "it would then name an award Suffolk Public Sector Leaders does not have, and count against none.")


def test_an_award_no_share_names_is_asked_about_as_before(demo_store):
    award = funders.award_by_name(demo_store, COUNTY_LINES)
    assert AwardsPresenter(demo_store).delete_question(award.id) == (
        f"Delete the award {COUNTY_LINES} (Suffolk Public Sector Leaders)?")


def test_a_share_naming_another_award_of_the_funder_is_not_counted(demo_store):
    _name_county_lines(demo_store, "Suffolk Strive")
    other = funders.award_by_name(demo_store, "CSP funding 2018-2021")
    assert funders.projects_naming(demo_store, other) == []
    assert [p.title for p in funders.projects_naming(demo_store, funders.award_by_name(demo_store, COUNTY_LINES))] \
        == ["Suffolk Strive"]


def test_a_new_name_the_shares_no_longer_name_is_asked_about_once(demo_store):
    _name_county_lines(demo_store, "Suffolk Strive")
    awards = AwardsPresenter(demo_store)
    award = funders.award_by_name(demo_store, COUNTY_LINES)
    form = awards.edit_form(award.id)
    form.set_value("name", "Gangs and County Lines 2018-2020")
    assert not form.save()
    assert form.message("name") == (
        "The share of Suffolk Strive names it as “County Lines”: it would then name an award Suffolk Public Sector "
        "Leaders does not have, and count against none. Save again to keep it as it is.")
    assert awards.award(award.id).name == COUNTY_LINES
    assert form.save()
    assert awards.award(award.id).name == "Gangs and County Lines 2018-2020"


def test_a_new_name_the_shares_still_name_is_not_asked_about(demo_store):
    _name_county_lines(demo_store, "Suffolk Strive")
    awards = AwardsPresenter(demo_store)
    form = awards.edit_form(funders.award_by_name(demo_store, COUNTY_LINES).id)
    form.set_value("name", "County Lines 2018-2020")
    assert form.save()


def test_the_command_line_warns_of_the_shares_left_naming_no_award(demo_path, capsys):
    from safer_desk.storage.store import open_store
    from tests.cli_run import run

    store = open_store(demo_path)
    try:
        _name_county_lines(store, "Suffolk Strive")
    finally:
        store.close()
    code, out, err = run(capsys, "awards", demo_path, "--delete", COUNTY_LINES)
    assert code == 0 and out == f"deleted {COUNTY_LINES}\n"
    assert err == ("safer-desk: warning: the share of Suffolk Strive named it: it now names an award Suffolk Public "
                   "Sector Leaders does not have, and counts against none.\n")
