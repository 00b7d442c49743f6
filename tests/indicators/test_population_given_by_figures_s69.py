"""A rate typed as its count over a population (the grid's Population row, a sheet's denominator column) with no
population recorded for the area: the figures give the population, and the window and the board report said "the
population used is not recorded" beside 0.5 per 1,000 worked out over 100,000."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.report_sections.indicators import board_report_sections

FY = FinancialYear(2025)


def _rate(store, figures):
    area = svc.ensure_area(store, "Babergh", "district")
    rate = svc.save_indicator(store, "Burglary rate", unit="rate", rate_per=1000, polarity="lower")
    svc.save_values(store, rate, area, [PeriodValue(p, None, n, d) for p, n, d in figures],
                    require_red_comments=False)
    return rate, area


def test_a_rate_over_a_typed_population_names_it_where_none_is_recorded(store):
    rate, area = _rate(store, [("2025-04", 50, 100000)])
    view = svc.year_view(store, rate, area, FY)
    assert view.ytd.value == 0.5
    assert view.population_text() == "per 1,000 of a population 100,000, as the figures give it"
    sections = board_report_sections(store, year=FY, area_id=area)
    said = [row[-1] for s in sections for t in s.tables for row in t.rows if row[0] == "Burglary rate"]
    assert said == ["per 1,000 of a population 100,000, as the figures give it"]
    assert not any("not recorded" in p for s in sections for p in s.paragraphs)


def test_two_typed_populations_are_both_named(store):
    rate, area = _rate(store, [("2025-04", 50, 100000), ("2025-05", 55, 110000)])
    view = svc.year_view(store, rate, area, FY)
    assert view.population_text() == ("per 1,000 of populations of 100,000 and 110,000, as the figures give "
                                      "them")


def test_a_rate_typed_as_a_figure_still_says_its_population_is_not_recorded(store):
    area = svc.ensure_area(store, "Babergh", "district")
    rate = svc.save_indicator(store, "Burglary rate", unit="rate", rate_per=1000, polarity="lower")
    svc.save_values(store, rate, area, [PeriodValue("2025-04", 0.5)])
    view = svc.year_view(store, rate, area, FY)
    assert view.population_text() == "per 1,000; the population used is not recorded"
