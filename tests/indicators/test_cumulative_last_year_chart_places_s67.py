"""s67: the cumulative chart's last-year line read a rate with the unit's one place ("1.6 per 1,000") where the grid's
last-year cumulative row beside this year's says "1.57 per 1,000" (and this year's line "1.59"): the hover and the
line under the chart, which a screen reader reads, gave last year's figure to date rounded unlike the table."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter
from safer_desk.services import indicators as svc

FY = FinancialYear(2024)


def _violence_rate(store) -> tuple[str, str]:
    area = svc.ensure_area(store, "Babergh", "district")
    svc.set_population(store, area, FY, 92000)
    svc.set_population(store, area, FY.previous(), 91000)
    ind = svc.save_indicator(store, "Violence rate", unit="rate", polarity="lower", rate_per=1000)
    svc.set_target(store, ind, area, FY, kind="annual", value=5)
    this = [("2024-04", 40), ("2024-05", 35), ("2024-06", 30), ("2024-07", 41)]
    last = [("2023-04", 38), ("2023-05", 36), ("2023-06", 30), ("2023-07", 39)]
    svc.save_values(store, ind, area, [svc.PeriodValue(p, None, n, None) for p, n in this + last],
                    require_red_comments=False)
    return ind, area


def test_last_year_s_line_to_date_reads_as_the_grid_s_row(store):
    ind, area = _violence_rate(store)
    presenter = IndicatorsPresenter(store)
    presenter.load(area, FY)
    assert presenter.choose_indicator(ind, lambda _text: True)
    data = presenter.chart(ChartMode.CUMULATIVE)
    grid = svc.entry_grid(store, ind, area, FY)
    last_row = [c.text for c in grid.row(svc.GRID_CUMULATIVE_LAST).cells]
    this_row = [c.text for c in grid.row(svc.GRID_CUMULATIVE).cells]
    assert last_row[3] == "1.57 per 1,000" and this_row[3] == "1.59 per 1,000"
    name = "2023/24 cumulative"
    assert [data.text(name, i) for i in range(4)] == last_row[:4]
    assert [data.text("2024/25 cumulative", i) for i in range(4)] == this_row[:4]
    assert "2023/24 cumulative: 4 figures, latest 1.57 per 1,000 (Jul 2023)" in data.summary
