"""s67: the workbook's "Indicators by month" printed a month's rate with the unit's one place ("0.4 per 1,000" for
April 2024 and May 2024) where the Indicators grid reads them "0.43" and "0.38 per 1,000" (beside last year's "0.42"
and "0.40"), and the sheet's own cumulative column beside them "0.815 per 1,000": each month's figure now has the
places that year's grid gives it."""

from __future__ import annotations

from datetime import date

from safer_desk.exchange.county_workbook import Number
from safer_desk.services import county_workbook
from safer_desk.services import indicators as svc
from tests.indicators.test_cumulative_last_year_chart_places_s67 import FY, _violence_rate


def test_a_month_s_rate_reads_in_the_workbook_as_in_the_grid(store):
    ind, area = _violence_rate(store)
    sheet = county_workbook.indicators_sheet(store)
    rows = {(r[2], r[3]): r for block in sheet.blocks for r in block.rows}
    grid = svc.entry_grid(store, ind, area, FY)
    assert [c.text for c in grid.row(svc.GRID_VALUE).cells][:2] == ["0.43 per 1,000", "0.38 per 1,000"]
    for year in (FY, FY.previous()):  # each year's rows as that year's grid shows them
        shown = [c.text for c in svc.entry_grid(store, ind, area, year).row(svc.GRID_VALUE).cells]
        for i, text in enumerate(shown[:4]):
            if not text:  # 2024/25 has no figure for Jun-24
                assert (year.label, date(year.start_year, 4 + i, 1)) not in rows
                continue
            figure = rows[(year.label, date(year.start_year, 4 + i, 1))][4]
            assert isinstance(figure, Number)
            assert f"{figure.value:,.{figure.places}f}{figure.unit}" == text
