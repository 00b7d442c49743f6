"""A tester's findings (h26g) on funders' awards and commissioning against them: an award's year and amount written
with the dash Word puts between them, and a share naming an award its funder does not have said in the board report's
Commissioning scenarios as on the Commissioning page."""

from __future__ import annotations

import html

import pytest

from safer_desk.domain.commissioning import FundingError
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from safer_desk.services.report import build_report
from tests.projects.test_awards_round25 import CSP, MISNAMED, award, p4_funded, page
from tests.projects.test_awards_round26 import TWO_SHARES


@pytest.mark.parametrize("typed", ["2017/18 \u2013 £400,568", "2017/18 \u2014 £400,568", "2017/18 - £400,568",
                                   "2017\u201318 \u2013 £400,568"])
def test_a_year_and_its_amount_with_a_dash_between_read_as_the_year_and_the_amount(typed):
    """Seed 003's award as Word writes a year and its amount: “2017/18 – £400,568” was refused as a negative
    amount (the separating dash read as a minus)."""
    years = funders.years_from_text(typed)
    assert years == {"2017/18": "£400,568"}
    assert funders.make_award(funder="OPCC", name="PCC grant", years=years).years == {"2017/18": 40_056_800}


@pytest.mark.parametrize("typed", ["2017/18: -£5", "2017/18 -£5", "2017/18 \u2013 -£5", "2017/18 - \u2013£5",
                                   "2017/18 \u2013 (£5)"])
def test_a_negative_amount_is_still_refused(typed):
    with pytest.raises(FundingError, match="cannot be negative|negative twice"):
        funders.make_award(funder="OPCC", name="PCC grant", years=funders.years_from_text(typed))


@pytest.mark.parametrize("typed", ["2017/18 \u2013 2019/20", "2017/18 - 2019/20: £400,568",
                                   "2017/18 \u2013 2019/20 £400,568"])
def test_a_range_of_years_is_said_to_be_one_not_read_as_an_amount(typed):
    """“2017/18 – 2019/20” is a range of years, not 2017/18 with an amount: it is refused with a way to type it."""
    with pytest.raises(FundingError, match="range of years.*each year"):
        funders.years_from_text(typed)


def test_the_reports_commissioning_scenarios_say_a_misnamed_share_as_the_page_does(demo_store):
    """A saved scenario against CSP funding for 2018/19 ticking project 4 (the Leaders' £20,000, and £5,000 “—
    Cuonty Lines”, an award they do not have): the page said the £5,000 adds nothing; the report's Commissioning
    scenarios table of the same scenario did not."""
    p4 = p4_funded(demo_store, TWO_SHARES)
    misnamed = MISNAMED.format(award=CSP)
    assert page(demo_store, CSP, p4, "2018/19").problems.count(misnamed) == 1
    csp = award(demo_store, CSP)
    saved = com.save_scenario(demo_store, com.new_scenario("Leaders 2018/19", 3_000_000, [com.ScenarioItem(p4.id)],
                                                           award_id=csp.id, award_year="2018/19"))
    assert com.evaluate_saved(demo_store, saved).problems.count(misnamed) == 1
    (section,) = [s for s in build_report(demo_store).sections if s.title == "Commissioning scenarios"]
    (table,) = [t for t in section.tables if t.title.startswith("Leaders 2018/19")]
    assert table.note.count(misnamed) == 1
    # its Export says it once too (the problems follow the table, as on Print)
    assert com.scenario_html(com.evaluate_saved(demo_store, saved, svc.load_projects(demo_store))).count(
        html.escape(misnamed)) == 1


def _scenario_titles(store, year):
    return [t.title for s in build_report(store, year=year, area="Plymouth").sections
            if s.title == "Commissioning scenarios" for t in s.tables]


def test_a_scenario_against_an_awards_year_is_in_that_years_report(demo_store):
    """Seed 003's Plymouth contract, dated 2017/18, with the OPCC's £110,000 for 2018/19 too, ticked in a scenario
    against the PCC grant's 2018/19: the 2018/19 report showed the grant's 2018/19 table but not the scenario
    committing £110,000 of it, and the 2017/18 report showed the scenario, all of it 2018/19's money."""
    p1 = next(p for p in svc.load_projects(demo_store) if p.ref == "P1")
    funders.set_project_funding(demo_store, p1.id, [*p1.funding_sources,
                                                    svc.FundingSource("OPCC", 11_000_000, "", "2018/19")])
    pcc = next(a for a in funders.list_awards(demo_store) if a.funder == "OPCC")
    saved = com.save_scenario(demo_store, com.new_scenario("PCC 2018/19", 0, [com.ScenarioItem(p1.id)],
                                                           award_id=pcc.id, award_year="2018/19"))
    assert dict(com.evaluate_saved(demo_store, saved).commitment.by_year) == {"2018/19": 11_000_000}
    assert [t for t in _scenario_titles(demo_store, "2018/19") if t.startswith("PCC 2018/19 ")]
    assert not [t for t in _scenario_titles(demo_store, "2017/18") if t.startswith("PCC 2018/19 ")]
    assert [t for t in _scenario_titles(demo_store, None) if t.startswith("PCC 2018/19 ")]
