"""S72: the board report for Mid Suffolk, 2018/19 (or for Western Suffolk CSP, 2017/18) had no indicators section and
no word why: its contents listed the DHR and fund sections only, as if the tab had nothing to do with the area. The
area a report is for, with no indicator figures for its year, now has its section saying so, as an office's own
district has in a report of all its areas."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services.report import build_report


def _indicator_sections(store, year, area):
    return {s.title: s.paragraphs for s in build_report(store, year=year, area=area, today=date(2026, 12, 7)).sections
            if s.title.startswith("Indicators")}


@pytest.mark.parametrize("area, year", [("Mid Suffolk", "2018/19"), ("Western Suffolk CSP", "2017/18")])
def test_the_area_a_report_is_for_says_it_has_no_figures(demo_store, area, year):
    assert _indicator_sections(demo_store, year, area) == {
        f"Indicators: {area}": [f"No indicator figures or targets are held for {area} for {year}."]}
    titles = [s.title for s in build_report(demo_store, year=year, area=area, today=date(2026, 12, 7)).sections]
    assert titles[0].startswith("Domestic Homicide Reviews")  # the report has other sections: not "No figures"
    assert titles.index(f"Indicators: {area}") < titles.index("Budgets and plans") if "Budgets and plans" in titles \
        else titles[-1] == f"Indicators: {area}"


def test_an_area_with_figures_is_as_before(demo_store):
    sections = _indicator_sections(demo_store, "2025/26", "Mid Suffolk")
    assert list(sections) == ["Indicators: Mid Suffolk"]
    assert not any("No indicator figures" in p for p in sections["Indicators: Mid Suffolk"])
