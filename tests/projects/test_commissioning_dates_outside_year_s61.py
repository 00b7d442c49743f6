"""Commissioning, round s61: against one year of an award, a project that names no share from the funder counts its
cost for that year; one whose dates end before the year (or start after it) has no cost in it.

Against the PCC's award to Safer Plymouth for 2017/18 (seed 003), "What fits?" proposed ten of the Suffolk 2009/10
projects (seed 000) at their whole cost (Ipswich's Town Centre Triage, 01/04/2009 to 31/03/2010: £5,000 of the PCC's
2017/18 money), and ticking one committed it in full: a project that ended seven years before the award's year. The
cost lines already said this of a project whose lines are all for other years; the dates now say it where no line
gives a year.
"""

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as svc

PCC = "PCC grant to Safer Plymouth 2017-19"


def _against_the_pcc(store, year="2017/18"):
    page = CommissioningPresenter(store)
    page.set_projects(svc.load_projects(store))
    page.new()
    page.set_award(funders.award_by_name(store, PCC).id, year)
    return page


def test_a_project_that_ended_before_the_awards_year_commits_nothing_and_says_why(demo_store):
    page = _against_the_pcc(demo_store)
    triage = next(p for p in page.projects if p.ref == "15")
    assert (triage.start_date, triage.end_date, triage.planning_pence) == ("2009-04-01", "2010-03-31", 5_000_00)
    page.tick(triage.id)
    result = page.result()
    assert result.commitment.committed_pence == 0
    assert (f"{triage.title}: no share from OPCC is stated, and it ended on 31/03/2010, before 2017/18, so it adds "
            "nothing to 2017/18.") in result.problems


def test_what_fits_proposes_no_project_that_is_not_running_in_the_awards_year(demo_store):
    page = _against_the_pcc(demo_store)
    by_id = {p.id: p for p in page.projects}
    proposed = [by_id[k] for k in page.suggest().keys]
    assert not [p.title for p in proposed if p.end_date and p.end_date < "2017-04-01"]


def test_a_project_starting_after_the_year_commits_nothing_and_one_running_then_counts_in_full(demo_store):
    triage = next(p for p in svc.load_projects(demo_store) if p.ref == "15")
    svc.save_project(demo_store, svc.project_from_fields({"start_date": "01/04/2018", "end_date": "31/03/2019"},
                                                         base=triage))
    page = _against_the_pcc(demo_store)
    page.tick(triage.id)
    assert page.result().commitment.committed_pence == 0
    assert any("it starts on 01/04/2018, after 2017/18" in p for p in page.result().problems)
    page.set_award_year("2018/19")
    assert page.result().commitment.committed_pence == 5_000_00


def test_against_a_total_over_several_years_a_project_ended_before_them_commits_nothing(demo_store):
    page = CommissioningPresenter(demo_store)
    page.set_projects(svc.load_projects(demo_store))
    page.new()
    page.set_award(funders.award_by_name(demo_store, "County Lines and Urban Street Gangs 2018-2020").id)
    triage = next(p for p in page.projects if p.ref == "15")
    page.tick(triage.id)
    result = page.result()
    assert result.commitment.committed_pence == 0
    assert (f"{triage.title}: no share from Suffolk Public Sector Leaders is stated, and it ended on 31/03/2010, "
            "before 2018/19, so it adds nothing to County Lines and Urban Street Gangs 2018-2020.") in result.problems
