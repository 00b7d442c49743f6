"""A scenario saved against a funder's award in the History of Changes: its added line read "Added commissioning
scenario Probe: fund £30,000; fund label CSP funding 2018-2021; award year 2018/19; …", with no award: the award's
name, said already as the fund's label, was not said again, so the line read as a typed fund with a label, not as a
scenario counting Suffolk Public Sector Leaders' share of each project (session 68)."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import funders
from safer_desk.services import projects as svc


def test_a_scenario_added_against_an_award_names_the_award(demo_store):
    page = CommissioningPresenter(demo_store, perform=ActionLog())
    page.set_projects(svc.load_projects(demo_store))
    page.new()
    award = next(a for a in funders.list_awards(demo_store) if a.name == "CSP funding 2018-2021")
    page.set_award(award.id)
    page.set_name("Probe")
    assert page.save(), page.message
    added = history_lines(demo_store, limit=1)[0].details[0]
    assert added == ("Added commissioning scenario Probe: fund £30,000; award CSP funding 2018-2021; award year "
                     "2018/19; ranges upper end"), added


def test_a_fund_label_not_the_awards_name_is_still_said(demo_store):
    page = CommissioningPresenter(demo_store, perform=ActionLog())
    page.set_projects(svc.load_projects(demo_store))
    page.new()
    page.set_fund("£65,512", "Retained budget")
    page.set_name("Typed")
    assert page.save(), page.message
    added = history_lines(demo_store, limit=1)[0].details[0]
    assert added == "Added commissioning scenario Typed: fund £65,512; fund label Retained budget; ranges upper end"
