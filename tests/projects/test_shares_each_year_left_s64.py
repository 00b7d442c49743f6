"""Session 64: a project running three financial years, with a funder's share for each, says what is left each year.

A Plymouth youth outreach project costs £90,000, £30,000 in each of 2017/18, 2018/19 and 2019/20 by its cost lines,
and the PCC pays £20,000, £20,000 and £15,000 of it. Under *Funding sources* the editor read each share back and said
nothing of what other funders must find each year (£10,000, £10,000 and £15,000), though with one year's share alone
it says "Other funders for 2017/18: £10,000.": typing the second year's share took the first year's words away.
"""

from __future__ import annotations

from safer_desk.presenters.funders import shares_summary
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc

YEARS = {"2017/18": 30_000_00, "2018/19": 30_000_00, "2019/20": 30_000_00}
SHARES = "OPCC (2017/18): £20,000\nOPCC (2018/19): £20,000\nOPCC (2019/20): £15,000"


def test_each_years_share_says_what_other_funders_pay_that_year():
    said = shares_summary(SHARES, "£90,000", year_costs=YEARS).splitlines()
    assert said[-3:] == ["Other funders for 2017/18: £10,000.", "Other funders for 2018/19: £10,000.",
                         "Other funders for 2019/20: £15,000."]


def test_a_year_paid_in_full_says_nothing_and_a_share_not_known_is_named_in_its_year_only():
    said = shares_summary("OPCC (2017/18): £30,000\nOPCC (2018/19): £20,000\nCouncil (2018/19): Tbc",
                          "£90,000", year_costs=YEARS).splitlines()
    assert not any("2017/18" in line for line in said if not line.startswith("OPCC (2017/18)"))
    assert said[-1] == "Left for 2018/19: £10,000, for Council's part (not known yet) and any other funder."


def test_the_editor_says_it_for_the_project_with_its_cost_lines(demo_store):
    project = svc.project_from_fields(
        {"ref": "Y1", "title": "Youth outreach 2017-20", "cost": "£90,000", "areas": "Plymouth",
         "start_date": "01/04/2017", "end_date": "31/03/2020", "funding_sources": SHARES},
        cost_lines=[(year, "staff", "Outreach worker", "£30,000") for year in YEARS])
    svc.save_project(demo_store, project)
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    presenter.select(project.id)
    said = presenter.editor.funders_summary.splitlines()
    assert "Other funders for 2018/19: £10,000." in said and "Other funders for 2019/20: £15,000." in said
