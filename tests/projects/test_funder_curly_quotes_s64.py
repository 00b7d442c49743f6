"""Session 64: a funder's share typed with Word's curly apostrophe counts against its award.

An award's funder typed on a keyboard ("Children's Trust") and a project's share pasted from Word or an email
("Children’s Trust (2017/18): £5,000", the apostrophe curled by autocorrect) were two funders: commissioning against
the award counted the project's whole £20,000 and said "no share from Children's Trust is stated", with the share
in plain sight, and the board report's Funders' shares had no table for the award at all. Quotes and dashes are
alike in a funder's name, as they are in the register's search and its titles.
"""

from __future__ import annotations

from safer_desk.domain.commissioning import same_funder
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from safer_desk.services.report import build_report

TRUST = "Children's Trust grant 2017/18"


def _trust_and_project(store):
    funders.save_award(store, funders.make_award(funder="Children's Trust", name=TRUST, years={"2017/18": "£50,000"}))
    project = svc.project_from_fields({
        "ref": "Q1", "title": "Healthy relationships", "cost": "£20,000", "areas": "Plymouth",
        "start_date": "01/04/2017", "end_date": "31/03/2018",
        "funding_sources": "Children\u2019s Trust (2017/18): £5,000\nOPCC (2017/18): £15,000"})
    svc.save_project(store, project)
    return funders.award_by_name(store, TRUST), project


def test_quotes_and_dashes_do_not_make_another_funder():
    assert same_funder("Children\u2019s Trust", "Children's Trust")
    assert same_funder("Police \u2013 Crime Commissioner", "Police - Crime Commissioner")
    assert not same_funder("Children's Trust", "Childrens Trust Fund")


def test_a_scenario_against_the_award_counts_the_share_typed_with_a_curly_apostrophe(demo_store):
    award, project = _trust_and_project(demo_store)
    result = com.evaluate(svc.load_projects(demo_store), 0, [com.ScenarioItem(project.id)], award=award,
                          award_year="2017/18", awards=funders.list_awards(demo_store))
    assert result.committed_pence == 5_000_00
    assert result.summary() == (f"{TRUST} £50,000 for 2017/18; committed £5,000 of Children's Trust's money; "
                                "remaining £45,000")
    assert not [p for p in result.problems if "no share" in p]


def test_the_board_report_counts_it_against_the_award(demo_store):
    _trust_and_project(demo_store)
    tables = [t for s in build_report(demo_store, area="Plymouth").sections for t in s.tables
              if t.title.startswith(f"{TRUST}: 2017/18")]
    assert len(tables) == 1
    assert [r for r in tables[0].rows if r[0] == "Q1"][0][2] == "£5,000"
    assert "£5,000 of the £50,000 awarded for 2017/18: £45,000 left." in tables[0].note
