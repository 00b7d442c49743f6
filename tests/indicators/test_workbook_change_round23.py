"""The county workbook's Change % reads as the Indicators tab shows it: a change too small for one place keeps the
places that keep it from reading as 0.0% (+0.03%), as the tab, the sentence and the board report say it (round 23)."""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as svc
from safer_desk.services.county import export_for_county
from safer_desk.services.indicators import PeriodValue


def change_cells(path, indicator: str) -> tuple:
    import openpyxl

    ws = openpyxl.load_workbook(path)["Indicator summary"]
    rows = list(ws.iter_rows())
    header = next(i for i, r in enumerate(rows) if r[0].value == "Area")
    col = [c.value for c in rows[header]].index("Change %")
    cell = next(r[col] for r in rows[header + 1:] if r[0].value == "Ipswich" and r[2].value == indicator
                and r[1].value == "2016/17")
    return cell.value, cell.number_format


@pytest.mark.parametrize(("last", "this", "shown", "fmt"), [
    (10000, 10003, 0.0003, "0.00%"),   # +0.03%: the tab shows +0.03%, never 0.0%
    (400, 421, 0.053, "0.0%"),         # +5.25% is 5.3%, half up
    (200000, 199999, -0.00001, "0.000%"),  # -0.0005% shows as -0.001%, half up, as in the tab
])
def test_a_change_percent_keeps_the_places_the_tab_shows(demo_store, tmp_path, last, this, shown, fmt):
    area = "district:ipswich"
    ind = svc.save_indicator(demo_store, "Burglary dwelling", unit="count", polarity="lower", frequency="annual")
    svc.save_values(demo_store, ind, area, [PeriodValue("2015/16", last), PeriodValue("2016/17", this)])
    export_for_county(demo_store, tmp_path / "county.xlsx")
    value, number_format = change_cells(tmp_path / "county.xlsx", "Burglary dwelling")
    assert value == pytest.approx(shown, abs=1e-12)
    assert number_format == fmt
