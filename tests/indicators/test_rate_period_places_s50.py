"""A rate's period figures read apart from the same period last year wherever they are shown beside it: Babergh's
May 0.25 per 1,000 against May last year's 0.3365 read "0.3" and "0.3" in the report's chart figures and the
window's chart words (and this year's grid row), beside a fall of 0.09 the grid's change row showed."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter, chart_summary
from safer_desk.services import indicators as svc
from safer_desk.services.report import build_report
from tests.indicators.test_benchmark_places_s50 import BABERGH, rate_office  # noqa: F401 (fixture)

TODAY = date(2025, 6, 15)
FY25 = FinancialYear(2025)


def _with_last_year(store) -> str:
    svc.set_population(store, BABERGH, FinancialYear(2024), 104_000, source="ONS test")
    (rate,) = [i.id for i in svc.list_indicators(store) if i.name == "Violent crime rate"]
    svc.save_values(store, rate, BABERGH, [svc.PeriodValue("2024-04", numerator=50),
                                           svc.PeriodValue("2024-05", numerator=35)])
    return rate


def test_the_reports_chart_figures_read_each_period_apart_from_last_years(rate_office):  # noqa: F811
    _with_last_year(rate_office)
    report = build_report(rate_office, year="2025/26", area="Babergh", today=TODAY)
    (chart,) = [c for s in report.sections for c in s.charts
                if c.title == "Violent crime rate: 2025/26 against 2024/25"]
    last, this = chart.series
    assert [t for t in last.texts if t] == ["0.48 per 1,000", "0.34 per 1,000"]
    assert [t for t in this.texts if t] == ["0.50 per 1,000", "0.25 per 1,000"]


def test_the_windows_grid_and_chart_words_read_them_apart(rate_office):  # noqa: F811
    rate = _with_last_year(rate_office)
    p = IndicatorsPresenter(rate_office, perform=ActionLog(), today=lambda: TODAY)
    p.load(BABERGH, FY25)
    assert p.choose_indicator(rate, lambda *a: True)
    assert [p.figures.cell(svc.GRID_VALUE, c).text for c in (0, 1)] == ["0.50 per 1,000", "0.25 per 1,000"]
    assert [p.figures.cell(svc.GRID_LAST_YEAR, c).text for c in (0, 1)] == ["0.48 per 1,000", "0.34 per 1,000"]
    assert not p.figures.dirty_cells()  # shown with more places, nothing counts as typed
    said = chart_summary(p.chart(ChartMode.YEAR))
    assert "latest 0.25 per 1,000 (May)" in said and "latest 0.34 per 1,000 (May)" in said
