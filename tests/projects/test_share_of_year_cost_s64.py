"""Session 64: a share for a year was given as a part of the project's whole cost, even where its cost lines give that
year's cost: "OPCC (2017/18): £20,000 of £90,000 (22.2%)" beside "Other funders for 2017/18: £10,000", the £10,000
left of that year's £30,000. The year's money pays the year's cost (DESIGN.md 2.5: a share of a service's budget; seed
000: ELEV8's Yr1 2009/10 £46,500 of £101,500), so the editor now gives the share of that year's cost, the whole
beside it, and the board report's Funding cell says the year's cost it is of."""

from __future__ import annotations

from safer_desk.presenters.funders import shares_summary
from safer_desk.services import projects as svc
from safer_desk.services.funders import shares_text

THREE_YEARS = {"2017/18": 30_000_00, "2018/19": 30_000_00, "2019/20": 30_000_00}


def test_the_editor_gives_a_years_share_of_that_years_cost():
    said = shares_summary("OPCC (2017/18): £20,000", "£90,000", year_costs=THREE_YEARS).splitlines()
    assert said == ["OPCC (2017/18): £20,000 of £30,000 for 2017/18 (66.7%; £90,000 in all)",
                    "Other funders for 2017/18: £10,000."]


def test_a_share_with_no_year_or_for_a_year_the_lines_do_not_give_is_of_the_whole():
    said = shares_summary("OPCC: £20,000\nLottery (2020/21): £9,000", "£90,000", year_costs=THREE_YEARS)
    assert "OPCC: £20,000 of £90,000 (22.2%)" in said
    assert "Lottery (2020/21): £9,000 of £90,000 (10.0%)" in said


def test_the_reports_funding_cell_names_the_years_cost():
    project = svc.project_from_fields(
        {"title": "Outreach", "cost": "£90,000", "funding_sources": "OPCC (2017/18): £20,000\nOPCC: Tbc"},
        cost_lines=[(year, "staff", "worker", "£30,000") for year in THREE_YEARS])
    assert shares_text(project) == "OPCC (2017/18): £20,000 of £30,000 for 2017/18; OPCC: Tbc"
    assert shares_text(project, plain=True) == "OPCC (2017/18): 20000; OPCC: Tbc"
