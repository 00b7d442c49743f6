"""s68: Plymouth chosen in 2025/26 in the example, Show: Areas compared drew Mid Devon beside it, "Mid Devon: 1
figure, latest 1 (Jun 2025)", as if Mid Devon's All crime that year were 1: it is one crime Suffolk Constabulary's
file placed in Mid Devon (Devon & Cornwall Police's files, which hold Mid Devon's crimes, are not in the file). The
indicator list and the board report say such a figure is a few of the area's crimes, not its year
(``other_forces_only``); the chart now leaves the area out and says why, as it leaves out a neighbouring county's
district."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter
from safer_desk.services import indicators as svc

FY25 = FinancialYear(2025)


def test_an_area_whose_only_figures_are_another_force_s_few_crimes_is_not_compared(demo_store):
    mid_devon = svc.year_view(demo_store, svc.get_indicator(demo_store, "indicator:all-crime"), "district:mid-devon",
                              FY25)
    assert mid_devon.ytd is not None and svc.other_forces_only(demo_store, mid_devon) == ["Suffolk Constabulary"]
    p = IndicatorsPresenter(demo_store, today=lambda: date(2026, 1, 20))
    p.load("district:plymouth", FY25)
    assert p.view.indicator.name == "All crime"
    data = p.chart(ChartMode.AREAS)
    assert "Mid Devon" not in data.series, list(data.series)
    assert list(data.series)[0] == "Plymouth"
    assert data.summary.endswith(
        " Mid Devon is left out: its only figures for 2025/26 are crimes Suffolk Constabulary recorded there (1 in "
        "all), not Mid Devon's count; import its own force's files from data.police.uk for it."), data.summary


def test_an_area_of_the_force_s_own_is_still_compared(demo_store):
    p = IndicatorsPresenter(demo_store, today=lambda: date(2026, 1, 20))
    p.load("district:ipswich", FY25)
    names = list(p.chart(ChartMode.AREAS).series)
    assert names[0] == "Ipswich" and "Babergh" in names and "Mid Devon" not in names
