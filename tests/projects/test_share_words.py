"""A funder's share as coordinators type it from the papers: a year without brackets ("OPCC 2019/20: £5,000")
and a share of nothing ("nil", "-", "none"), read as they are meant or refused with words, never misread."""

import pytest

from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from safer_desk.services.projects import FundingSource

PCC = "PCC grant to Safer Plymouth 2017-19"


@pytest.mark.parametrize("typed", ["OPCC 2019/20: £5,000", "OPCC 2019-20: £5,000", "OPCC 19/20: £5,000",
                                   "OPCC 2019–20: £5,000", "2019/20 OPCC: £5,000", "OPCC (2019/20): £5,000"])
def test_a_share_year_typed_without_brackets_is_the_shares_year(typed):
    """"OPCC 2019/20: £5,000" was a funder called "OPCC 2019/20" with no year: against the OPCC's award the share
    was left out (the project counted in full), without a word."""
    problems = []
    assert svc.parse_funding_sources(typed, problems) == (FundingSource("OPCC", 500_000, "", "2019/20"),)
    assert not problems


def test_a_share_year_without_brackets_that_is_not_a_financial_year_is_refused_saying_how_to_write_it():
    problems = []
    svc.parse_funding_sources("OPCC 2019/21: £5,000", problems)
    assert problems and problems[0][1].startswith("line 1: “2019/21” is not a financial year")
    assert "“OPCC (2019/20)”" in problems[0][1]


@pytest.mark.parametrize("name", ["Section 106", "11-19 Youth Trust", "Ages 12-18"])
def test_a_funder_whose_name_has_numbers_in_it_keeps_them(name):
    problems = []
    assert svc.parse_funding_sources(f"{name}: £5,000", problems) == (FundingSource(name, 500_000),)
    assert not problems


@pytest.mark.parametrize("typed", ["nil", "Nil", "NIL", "-", "–", "—", "none", "None", "£0"])
def test_a_share_of_nil_is_nothing_not_a_share_not_yet_known(typed):
    """Papers write a share of nothing as "nil" or "-" (seed 004's tables; DESIGN 2.5: a stated nil). It was kept
    as words, a share "not known yet", listed as if it might still come."""
    problems = []
    assert svc.parse_funding_sources(f"OPCC (2017/18): {typed}", problems) == (FundingSource("OPCC", 0, "", "2017/18"),)
    assert not problems


def test_against_the_award_a_share_typed_without_brackets_counts_as_the_bracketed_one(demo_store):
    award = funders.award_by_name(demo_store, PCC)
    p1 = next(p for p in svc.load_projects(demo_store) if p.ref == "P1")
    svc.save_project(demo_store, svc.project_from_fields({"funding_sources": "OPCC 2017/18: £110,000"}, base=p1))
    projects = [p for p in svc.load_projects(demo_store) if p.ref in ("P1", "P2", "P3")]
    result = com.evaluate(projects, 0, [com.ScenarioItem(p.id) for p in projects], award=award, award_year="2017/18")
    assert result.committed_pence == 23_350_000  # £110,000 + £25,000 + £98,500, not P1's whole £501,753
    assert not result.problems


def test_against_the_award_a_nil_share_counts_nothing_and_is_not_listed_as_unknown(demo_store):
    award = funders.award_by_name(demo_store, PCC)
    p1 = next(p for p in svc.load_projects(demo_store) if p.ref == "P1")
    svc.save_project(demo_store, svc.project_from_fields({"funding_sources": "OPCC (2017/18): nil"}, base=p1))
    p1 = next(p for p in svc.load_projects(demo_store) if p.ref == "P1")
    result = com.evaluate([p1], 0, [com.ScenarioItem(p1.id)], award=award, award_year="2017/18")
    assert result.committed_pence == 0
    assert not any("not known" in n or "nil" in n for n in result.problems)


@pytest.mark.parametrize("typed", ["OPCC, 2019/20: £5,000", "OPCC - 2019/20: £5,000", "OPCC FY2019/20: £5,000",
                                   "FY 19/20 OPCC: £5,000"])
def test_a_share_year_after_a_comma_dash_or_fy_is_the_shares_year(typed):
    problems = []
    assert svc.parse_funding_sources(typed, problems) == (FundingSource("OPCC", 500_000, "", "2019/20"),)
    assert not problems


def test_a_year_with_no_funder_is_refused():
    """"2019/20: £5,000" was a funder called "2019/20"."""
    problems = []
    assert svc.parse_funding_sources("2019/20: £5,000", problems) == ()
    assert problems == [("funding_sources", "line 1: say who the money comes from before the colon.")]


def test_a_share_for_two_years_on_one_line_is_refused():
    """"Home Office 2019/20 and 2020/21: £10,000" was the Home Office's share for 2020/21, from a funder called
    "Home Office 2019/20 and"."""
    problems = []
    assert svc.parse_funding_sources("Home Office 2019/20 and 2020/21: £10,000", problems) == ()
    assert problems and "put each year's share on its own line" in problems[0][1]


def test_a_year_inside_the_funders_name_is_refused_saying_how_to_write_it():
    """"Lottery 2019/20 round 2: £5,000" was a funder of that name with no year."""
    problems = []
    assert svc.parse_funding_sources("Lottery 2019/20 round 2: £5,000", problems) == ()
    assert problems == [("funding_sources", "line 1: “2019/20” is inside the funder's name: type the funder, then "
                                            "the year its share is for (“Lottery round 2 (2019/20)”).")]
