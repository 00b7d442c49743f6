"""Against one year of an award, a funder's share for a year the project is not running in by its dates is said
("… share for 2019/20 is for a year before the project starts (01/04/2020) …"); against an award's total over
several years (the Leaders' County Lines, £500,000 for 2018/19 to 2019/20) the same share was counted without a
word, as if the project ran then (noticed by session 67's Commissioning hunt)."""

from __future__ import annotations

from safer_desk.domain.commissioning import Award
from safer_desk.services import projects_commissioning as service
from safer_desk.services.projects import project_from_fields

SP = "Suffolk Public Sector Leaders"
COUNTY_LINES = Award("cl", SP, "County Lines and Urban Street Gangs 2018-2020", total_pence=50000000,
                     first_year="2018/19", last_year="2019/20")
CHAMPIONS = Award("dac", SP, "Domestic Abuse Champions", total_pence=6600000)  # no years: every year's shares


def evaluate(project, award):
    return service.evaluate([project], 0, [service.ScenarioItem(project.id, service.Scale())], award=award,
                            awards=[award])


def test_a_share_before_the_project_starts_is_said_against_a_total_over_several_years():
    later = project_from_fields({"title": "Youth outreach", "cost": "£20,000", "start_date": "01/04/2020",
                                 "end_date": "31/03/2021", "funding_sources": f"{SP} (2019/20): £5,000"})
    result = evaluate(later, COUNTY_LINES)
    assert result.committed_pence == 500000  # counted as stated: the dates may be what is wrong
    assert (f"Youth outreach: {SP}' share for 2019/20 is for a year before the project starts (01/04/2020): check "
            "the share or the dates in the register.") in result.problems


def test_a_share_after_the_project_ends_is_said_against_an_award_with_no_years():
    ended = project_from_fields({"title": "Champions pilot", "cost": "£20,000", "start_date": "01/04/2018",
                                 "end_date": "31/03/2019",
                                 "funding_sources": f"{SP} (2018/19): £5,000\n{SP} (2019/20): £6,000"})
    result = evaluate(ended, CHAMPIONS)
    assert result.committed_pence == 1100000
    assert [p for p in result.problems if "the project ends" in p] == [
        f"Champions pilot: {SP}' share for 2019/20 is for a year after the project ends (31/03/2019): check the "
        "share or the dates in the register."]


def test_shares_within_the_projects_dates_say_nothing():
    running = project_from_fields({"title": "Two-year post", "cost": "£40,000", "start_date": "01/04/2018",
                                   "end_date": "31/03/2020",
                                   "funding_sources": f"{SP} (2018/19): £10,000\n{SP} (2019/20): £10,000"})
    assert not any("the project" in p for p in evaluate(running, COUNTY_LINES).problems)
