"""A project withdrawn (or declined) after it was ticked commits nothing, yet Commissioning still named it among the
projects whose share from the funder "is counted against each" of the funder's awards ("…so what they have left
together is overstated"), and said of it what its share would have counted: with it the only such project, a
double count was said of money no award counts (noticed by session 67's Commissioning hunt)."""

from __future__ import annotations

from safer_desk.domain.commissioning import Award
from safer_desk.services import projects_commissioning as service
from safer_desk.services.projects import project_from_fields

SP = "Suffolk Public Sector Leaders"
CSP = Award("csp", SP, "CSP funding 2018-2021", {"2018/19": 3000000, "2019/20": 3000000, "2020/21": 3000000})
CHAMPIONS = Award("dac", SP, "Domestic Abuse Champions", total_pence=6600000)  # no years: it counts every year's


def project(title, status, shares):
    return project_from_fields({"title": title, "cost": "£20,000", "status": status, "funding_sources": shares})


def test_a_withdrawn_projects_share_is_not_said_to_be_counted_against_two_awards():
    withdrawn = project("Withdrawn one", "withdrawn", f"{SP} (2019/20): £7,000")
    result = service.evaluate([withdrawn], 0, [service.ScenarioItem(withdrawn.id, service.Scale())], award=CSP,
                              award_year="2019/20", awards=[CSP, CHAMPIONS])
    assert result.committed_pence == 0
    assert result.problems == ("Withdrawn one is withdrawn: it commits nothing here (untick it, or put its status "
                               "right).",)


def test_beside_a_live_share_only_the_projects_that_commit_are_named():
    live = project("Two-year post", "proposed", f"{SP} (2019/20): £10,000")
    declined = project("Declined one", "declined", f"{SP} (2018/19): £7,000")
    items = [service.ScenarioItem(p.id, service.Scale()) for p in (live, declined)]
    result = service.evaluate([live, declined], 0, items, award=CSP, award_year="2019/20", awards=[CSP, CHAMPIONS])
    assert result.committed_pence == 1000000
    twice = [p for p in result.problems if "is counted against each" in p]
    assert len(twice) == 1 and "(Two-year post)" in twice[0] and "Declined one" not in twice[0]
    # Its share for another year is not said as if it might count: it is declined, and said so, once.
    assert [p for p in result.problems if "Declined one" in p] == [
        "Declined one is declined: it commits nothing here (untick it, or put its status right)."]


def test_a_withdrawn_project_is_not_counted_among_those_stating_no_capital_revenue_split():
    retained = Award("sspb", "Safer Suffolk Partnership Board", "SSPB 10% retained budget 2009/10",
                     {"2009/10": 6551200}, revenue_bp=6900, capital_bp=3100)
    withdrawn = project("Withdrawn one", "withdrawn", "Safer Suffolk Partnership Board (2009/10): £7,000")
    result = service.evaluate([withdrawn], 0, [service.ScenarioItem(withdrawn.id, service.Scale())], award=retained,
                              award_year="2009/10", awards=[retained])
    assert not any("capital/revenue split" in n for n in result.notes)
