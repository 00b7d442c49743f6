"""Session 69: the all-years board report of Western CSP (the example's 2009/10 partnership of Forest Heath, Mid Suffolk
and St Edmundsbury, ended 31/03/2010) gave "Indicators: Mid Suffolk, 2025/26" and "Indicators: West Suffolk,
2025/26": figures fifteen years after it ended, and of West Suffolk, a district formed in 2019 from two of its
members. An ended partnership's all-years report now shows figures of its own years only, of its own districts."""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report, report_areas

TODAY = date(2026, 12, 7)


def _indicators(document):
    return [s.title for s in document.sections if s.title.startswith("Indicators")]


def test_an_ended_partnerships_all_years_report_has_no_later_figures(demo_store):
    areas = report_areas(demo_store, "Western CSP")
    assert sorted(areas.district_ids) == ["district:forest-heath", "district:mid-suffolk", "district:st-edmundsbury"]
    assert "district:west-suffolk" not in areas.indicator_area_ids
    # the example holds no district figures of 2009/10 or before: no indicator section, not 2025/26's
    assert _indicators(build_report(demo_store, area="Western CSP", today=TODAY)) == []
    assert _indicators(build_report(demo_store, area="Waveney CSP", today=TODAY)) == []  # not East Suffolk 2025/26


def test_a_partnership_still_running_is_as_before(demo_store):
    assert _indicators(build_report(demo_store, area="Western Suffolk CSP", today=TODAY)) == [
        "Indicators: Western Suffolk CSP, 2025/26", "Indicators: Babergh, 2025/26", "Indicators: Mid Suffolk, 2025/26",
        "Indicators: West Suffolk, 2025/26"]


def test_a_year_after_it_ended_says_it_covered_its_districts_until_then(demo_store):
    """Western CSP's 2018/19 report said "(it covers Forest Heath, Mid Suffolk, St Edmundsbury)" of a partnership that
    ended on 31/03/2010."""
    (section,) = build_report(demo_store, year="2018/19", area="Western CSP", today=TODAY).sections
    assert section.paragraphs[0].startswith(
        "Western CSP covered no district in 2018/19 (it covered Forest Heath, Mid Suffolk, St Edmundsbury until "
        "31/03/2010). Its districts were covered that year by "), section.paragraphs
    still = build_report(demo_store, year="2009/10", area="Western Suffolk CSP", today=TODAY).sections[0]
    assert "Western Suffolk CSP covered no district in 2009/10 (it covers Babergh, " in still.paragraphs[0]


def test_its_all_years_report_has_no_review_or_fund_of_after_it_ended(demo_store):
    """Western CSP's all-years report listed Western Suffolk CSP's reviews of 2017 in Mid Suffolk and the 2018 target
    hardening pilot, begun eight years after it ended."""
    titles = [s.title for s in build_report(demo_store, area="Western CSP", today=TODAY).sections]
    assert not [t for t in titles if "Domestic Homicide" in t or "burn-down" in t], titles
    assert "Allocation 2009/10" in titles  # its own year's records are still there
    running = [s.title for s in build_report(demo_store, area="Western Suffolk CSP", today=TODAY).sections]
    assert "Domestic Homicide Reviews: cost recovery" in running and any("burn-down" in t for t in running), running
