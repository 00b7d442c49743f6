"""Session 64: a project's share for a year the award does not cover was left out of a scenario without a word.

The example's "County Lines and Urban Street Gangs 2018-2020" is £500,000 over 2018/19 to 2019/20. Suffolk ELEV8 with
"Suffolk Public Sector Leaders (2018/19): £20,000" and "(2020/21): £15,000" committed £20,000 and said nothing of the
£15,000, though a share for other years only is said ("stated for 2020/21 only, so it adds nothing"). Commissioning
now says the share lies outside the award's years and is not counted; against an award split by year, the same of a
year the award has no money for (a share for another of its own years is that year's scenario's, and not said)."""

from __future__ import annotations

from safer_desk.domain.commissioning import Award
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as svc

LEADERS = "Suffolk Public Sector Leaders"
COUNTY_LINES = "County Lines and Urban Street Gangs 2018-2020"  # £500,000 over 2018/19 to 2019/20


def _elev8(store, sources: str):
    p = next(p for p in svc.load_projects(store) if p.title == "Suffolk ELEV8")
    svc.save_project(store, svc.project_from_fields({"funding_sources": sources}, base=p))
    return p


def _against(store, project, award_name, year=None):
    page = CommissioningPresenter(store)
    page.set_projects(svc.load_projects(store))
    page.new()
    page.set_award(funders.award_by_name(store, award_name).id, year)
    page.tick(project.id)
    return page.result()


def test_a_share_after_a_total_over_two_years_is_said_not_counted(demo_store):
    p = _elev8(demo_store, f"{LEADERS} — County Lines (2018/19): £20,000\n{LEADERS} — County Lines (2020/21): £15,000")
    result = _against(demo_store, p, COUNTY_LINES)
    assert result.commitment.committed_pence == 20_000_00
    assert ("Suffolk ELEV8: Suffolk Public Sector Leaders' share for 2020/21 (£15,000) lies outside the years of "
            f"{COUNTY_LINES} (2018/19 to 2019/20), so it is not counted." in result.problems)


def test_a_share_for_a_year_an_award_split_by_year_has_no_money_for_is_said(demo_store):
    funders.save_award(demo_store, Award("ho", "Home Office", "HO grant 2018-20",
                                         {"2018/19": 100_000_00, "2019/20": 100_000_00}))
    p = _elev8(demo_store, "Home Office (2018/19): £5,000\nHome Office (2019/20): £6,000\nHome Office (2020/21): Tbc")
    result = _against(demo_store, p, "HO grant 2018-20", "2018/19")
    assert result.commitment.committed_pence == 5_000_00
    outside = [s for s in result.problems if "outside" in s]
    # 2019/20 is one of the award's years (its own scenario counts it): only 2020/21 is said
    assert outside == ["Suffolk ELEV8: Home Office's share for 2020/21 (Tbc) lies outside the years of HO grant "
                       "2018-20 (2018/19 and 2019/20), so it is not counted."]


def test_shares_within_the_award_say_nothing_of_it(demo_store):
    p = _elev8(demo_store, f"{LEADERS} — County Lines (2018/19): £20,000\n{LEADERS} — County Lines (2019/20): £15,000")
    result = _against(demo_store, p, COUNTY_LINES)
    assert result.commitment.committed_pence == 35_000_00
    assert not [s for s in result.problems if "outside" in s]
