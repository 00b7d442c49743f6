"""Commissioning against a funder's award, and the report's Funders' shares, when one funder has two awards for a
year (round 25): a share is never counted against both without saying so, and a share can name its award."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services.projects import parse_funding_sources
from safer_desk.services.report import build_report

LEADERS = "Suffolk Public Sector Leaders"
CSP = "CSP funding 2018-2021"  # £30,000 a year, 2018/19 to 2020/21
COUNTY_LINES = "County Lines and Urban Street Gangs 2018-2020"  # £500,000 over 2018/19 to 2019/20, not split
# Domestic Abuse Champions (£66,000, no years) counts every share of the Leaders, whatever its year.
TWICE = ("Suffolk Public Sector Leaders has 3 awards for 2018/19 (“County Lines and Urban Street Gangs 2018-2020”, "
         "“CSP funding 2018-2021” and “Domestic Abuse Champions”): a project's share from it is counted against "
         "each (Local Domestic Violence Coordinators), so what they have left together is overstated. Name the award "
         "in the share to count it against one, as in “Suffolk Public Sector Leaders — {short} (2018/19): £20,000”.")


def award(store, name):
    return next(a for a in funders.list_awards(store) if a.name == name)


def p4_funded(store, text: str):
    """Project 4 (£30,000, dated 2018/19) with the funding typed as in the editor."""
    problems: list = []
    sources = parse_funding_sources(text, problems)
    assert problems == []
    p4 = next(p for p in svc.load_projects(store) if p.ref == "4")
    svc.save_project(store, replace(p4, start_date="2018-04-01", end_date="2019-03-31", funding_sources=sources))
    return next(p for p in svc.load_projects(store) if p.ref == "4")


def page(store, award_name: str, project, year: str = ""):
    p = CommissioningPresenter(store)
    p.set_projects(svc.load_projects(store))
    p.new()
    p.set_award(award(store, award_name).id, year)
    p.tick(project.id)
    return p.evaluation()


def report_table(store, award_name: str):
    return [t for s in build_report(store).sections for t in s.tables if t.title.startswith(award_name + ":")]


def test_a_share_counted_against_two_awards_of_its_funder_is_said_on_the_page_and_in_the_report(demo_store):
    """The Leaders' £20,000 for 2018/19 was counted against CSP funding's 2018/19 and against County Lines, on the
    page and in the report's tables of both, and nothing said the two "left" figures count the same money."""
    p4 = p4_funded(demo_store, "Suffolk Public Sector Leaders (2018/19): £20,000")
    csp = page(demo_store, CSP, p4, "2018/19")
    lines = page(demo_store, COUNTY_LINES, p4)
    assert (csp.committed_pence, lines.committed_pence) == (2_000_000, 2_000_000)  # counted in each, as before
    assert TWICE.format(short="CSP funding") in csp.problems
    assert TWICE.format(short="County Lines and Urban Street Gangs") in lines.problems
    (csp_table,) = [t for t in report_table(demo_store, CSP) if t.title.startswith(f"{CSP}: 2018/19")]
    (lines_table,) = report_table(demo_store, COUNTY_LINES)
    assert TWICE.format(short="CSP funding") in csp_table.note
    assert TWICE.format(short="County Lines and Urban Street Gangs") in lines_table.note


def test_a_share_naming_its_award_counts_against_that_one_only(demo_store):
    p4 = p4_funded(demo_store, "Suffolk Public Sector Leaders — County Lines (2018/19): £20,000")
    assert funders.shares_text(p4) == "Suffolk Public Sector Leaders — County Lines (2018/19): £20,000 of £30,000"
    lines = page(demo_store, COUNTY_LINES, p4)
    assert (lines.committed_pence, lines.remaining_pence) == (2_000_000, 48_000_000)
    assert not any("overstated" in x for x in lines.problems)
    csp = page(demo_store, CSP, p4, "2018/19")
    assert csp.committed_pence == 0  # not its whole cost: its Leaders' money is County Lines'
    assert ("Local Domestic Violence Coordinators: Suffolk Public Sector Leaders' share is named for “County Lines”, "
            "so it adds nothing to CSP funding 2018-2021.") in csp.problems
    (lines_table,) = report_table(demo_store, COUNTY_LINES)
    assert [r[:3] for r in lines_table.rows] == [["4", "Local Domestic Violence Coordinators", "£20,000"]]
    assert "overstated" not in lines_table.note
    assert not [t for t in report_table(demo_store, CSP) if t.title.startswith(f"{CSP}: 2018/19")]


@pytest.mark.parametrize("text", ["Suffolk Public Sector Leaders — CSP funding (2018/19): £20,000",
                                  "Suffolk Public Sector Leaders - csp funding 2018-2021 (2018/19): £20,000"])
def test_a_share_counted_against_one_award_only_says_nothing(demo_store, text):
    p4 = p4_funded(demo_store, text)
    result = page(demo_store, CSP, p4, "2018/19")
    assert result.committed_pence == 2_000_000
    assert not any("overstated" in x for x in result.problems)
    champions = page(demo_store, "Domestic Abuse Champions", p4)
    assert champions.committed_pence == 0


def test_a_years_report_counts_every_share_of_that_year_against_an_award_by_year(demo_store):
    """Project 4 (dated 2018/19) has £10,000 of CSP funding's 2019/20 too: Commissioning against 2019/20 and the
    report for all years count it (£11,000 committed, £19,000 left), but the report for 2019/20 left it out of the
    award's 2019/20 table and said £29,000 was left."""
    p4 = p4_funded(demo_store, "Suffolk Public Sector Leaders — CSP funding (2018/19): £20,000\n"
                               "Suffolk Public Sector Leaders — CSP funding (2019/20): £10,000")
    p5 = next(p for p in svc.load_projects(demo_store) if p.ref == "5")
    svc.save_project(demo_store, replace(p5, start_date="2019-04-01", end_date="2020-03-31", cost_lines=(),
                                         funding_sources=parse_funding_sources("Suffolk Public Sector Leaders — CSP "
                                                                               "funding (2019/20): £1,000", [])))
    p = CommissioningPresenter(demo_store)
    p.set_projects(svc.load_projects(demo_store))
    p.new()
    p.set_award(award(demo_store, CSP).id, "2019/20")
    p.tick(p4.id)
    p.tick(p5.id)
    assert p.evaluation().remaining_pence == 1_900_000
    for year in (None, "2019/20"):
        (table,) = [t for s in build_report(demo_store, year=year).sections for t in s.tables
                    if t.title == f"{CSP}: 2019/20 (£30,000)"]
        assert [r[:3] for r in table.rows] == [["4", "Local Domestic Violence Coordinators", "£10,000"],
                                               ["5", "Suffolk ELEV8", "£1,000"]], year
        assert table.total_row[1:3] == ["Committed (left: £19,000)", "£11,000"]


MISNAMED = ("Local Domestic Violence Coordinators: Suffolk Public Sector Leaders' share is named for “Cuonty Lines”, "
            "so it adds nothing to {award}.")


def test_a_share_naming_an_award_its_funder_does_not_have_is_said_in_the_report_as_on_the_page(demo_store):
    """“Suffolk Public Sector Leaders — Cuonty Lines (2018/19): £20,000” counts against none of the Leaders' awards:
    the page said so, but the report had no table of the Leaders' awards at all, and the £20,000 was lost unsaid."""
    p4 = p4_funded(demo_store, "Suffolk Public Sector Leaders — Cuonty Lines (2018/19): £20,000")
    lines = page(demo_store, COUNTY_LINES, p4)
    assert lines.committed_pence == 0
    assert MISNAMED.format(award=COUNTY_LINES) in lines.problems
    assert MISNAMED.format(award=CSP) in page(demo_store, CSP, p4, "2018/19").problems
    for year in (None, "2018/19"):
        (lines_table,) = [t for s in build_report(demo_store, year=year).sections for t in s.tables
                          if t.title.startswith(COUNTY_LINES + ":")]
        assert lines_table.rows == [] and lines_table.total_row[1:3] == ["Committed (left: £500,000)", "£0"]
        assert MISNAMED.format(award=COUNTY_LINES) in lines_table.note, year
        (csp_table,) = [t for s in build_report(demo_store, year=year).sections for t in s.tables
                        if t.title.startswith(f"{CSP}: 2018/19")]
        assert MISNAMED.format(award=CSP) in csp_table.note, year
    # Not in the tables of the years it is not for, nor where a share names the award rightly.
    assert not [t for s in build_report(demo_store, year="2019/20").sections for t in s.tables
                if t.title.startswith(f"{CSP}: 2019/20")]
    p4_funded(demo_store, "Suffolk Public Sector Leaders — County Lines (2018/19): £20,000")
    assert not [t for s in build_report(demo_store).sections for t in s.tables if "Cuonty" in t.note
                or "is named for" in t.note]


def test_an_award_with_no_years_has_its_table_in_the_report_as_commissioning_counts_it(demo_store):
    """Domestic Abuse Champions (£66,000, no years) counts every share of the Leaders on the page, but the report
    had no table for it: in the report for all years, and in a year's report when a share of that year counts."""
    p4 = p4_funded(demo_store, "Suffolk Public Sector Leaders (2018/19): £20,000\n"
                               "Suffolk Public Sector Leaders (2019/20): £5,000")
    champions = page(demo_store, "Domestic Abuse Champions", p4)
    assert (champions.committed_pence, champions.remaining_pence) == (2_500_000, 4_100_000)
    for year in (None, "2018/19", "2019/20"):
        (table,) = [t for s in build_report(demo_store, year=year).sections for t in s.tables
                    if t.title.startswith("Domestic Abuse Champions")]
        assert table.title == "Domestic Abuse Champions: all years (£66,000)"
        assert [r[:3] for r in table.rows] == [["4", "Local Domestic Violence Coordinators", "£25,000"]]
        assert table.total_row[1:3] == ["Committed (left: £41,000)", "£25,000"]
        assert table.note.startswith("Suffolk Public Sector Leaders' shares come to £25,000 of the £66,000 awarded "
                                     "with no years given, every year's shares counting: £41,000 left.")
    assert not [t for s in build_report(demo_store, year="2020/21").sections for t in s.tables
                if t.title.startswith("Domestic Abuse Champions")]
