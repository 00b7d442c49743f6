"""Commissioning, round s61: a share stated for a year the project is not running in, counted against that year.

The Plymouth Domestic Abuse contract runs 01/04/2017 to 31/03/2018 (seed 003). With a second share typed as
"OPCC (2018/19): £110,000", the editor says under the field that it is for a year after the project ends (s60), but
a scenario against the PCC's 2018/19 money committed the £110,000 without a word. It is still counted as stated (the
dates may be what is wrong), and now said beside the scenario, as a share more than the project's cost is.
"""

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as svc

PCC = "PCC grant to Safer Plymouth 2017-19"
SAID = ("Plymouth Domestic Abuse contract: OPCC's share for 2018/19 is for a year after the project ends "
        "(31/03/2018): check the share or the dates in the register.")


def _p1_against_the_pcc(store, year):
    p1 = next(p for p in svc.load_projects(store) if p.ref == "P1")
    svc.save_project(store, svc.project_from_fields(
        {"funding_sources": "OPCC (2017/18): £110,000\nOPCC (2018/19): £110,000"}, base=p1))
    page = CommissioningPresenter(store)
    page.set_projects(svc.load_projects(store))
    page.new()
    page.set_award(funders.award_by_name(store, PCC).id, year)
    page.tick(p1.id)
    return page.result()


def test_a_share_for_a_year_after_the_project_ends_is_counted_and_said(demo_store):
    result = _p1_against_the_pcc(demo_store, "2018/19")
    assert result.commitment.committed_pence == 110_000_00
    assert SAID in result.problems


def test_the_share_for_a_year_it_runs_in_says_nothing(demo_store):
    result = _p1_against_the_pcc(demo_store, "2017/18")
    assert result.commitment.committed_pence == 110_000_00
    assert not [p for p in result.problems if p.startswith("Plymouth Domestic")]
