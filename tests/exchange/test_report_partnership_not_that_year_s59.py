"""Session 59: a partnership's report for a year before it began said the file had "no figures … yet".

`safer-desk report --area "Western Suffolk CSP" --year 2009/10` on the example printed one page: "This file has no
projects, allocations, costs, budgets or indicator figures for Western Suffolk CSP in 2009/10 yet", though the file
holds that year's allocation to the districts it now covers (Western Suffolk CSP began in 2017; in 2009/10 those
districts were in Western CSP and others). The page now says the partnership covered no district that year, which
districts it covers and when, and which partnerships covered them that year, to choose instead.
"""

from __future__ import annotations

from safer_desk.services.report import build_report


def paragraphs(doc) -> str:
    return " ".join(p if isinstance(p, str) else str(p) for s in doc.sections for p in s.paragraphs)


def test_a_partnership_before_it_began_says_so_and_names_that_years_partnerships(demo_store):
    doc = build_report(demo_store, year="2009/10", area="Western Suffolk CSP")
    text = paragraphs(doc)
    assert "yet" not in text, text
    assert "Western Suffolk CSP covered no district in 2009/10" in text, text
    assert "Babergh, Forest Heath (from 01/04/2017 to 31/03/2019)" in text, text
    assert "Western CSP" in text.split("covered no district in 2009/10", 1)[1], text


def test_a_year_it_did_cover_is_reported_as_before(demo_store):
    doc = build_report(demo_store, year="2018/19", area="Western Suffolk CSP")
    assert "covered no district" not in paragraphs(doc)


def test_an_area_with_no_figures_still_says_so(demo_store):
    doc = build_report(demo_store, year="2001/02", area="Babergh")
    assert [s.title for s in doc.sections] == ["No figures"]
    assert "no projects, allocations, costs, budgets or indicator figures for Babergh in 2001/02" in paragraphs(doc)
