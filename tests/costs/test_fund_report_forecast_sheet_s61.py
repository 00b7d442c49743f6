"""Round s61 (funds): the fund report's *Forecast* sheet says what its months past the burn rate's are.

Once the pilot's period had ended (30/09/2019) with no spend keyed after June 2018, the page, the chart ("Projected
from Jun-18"), the board report and `safer-desk fund` (``…_kind,projected``) all call the months on from June 2018 a
projection; the workbook *Export fund report…* writes called each of them "forecast", so a reader of the sheet took
Jul-18 … Apr-20 as a forecast of spend still to come. While the fund is open they are the forecast, as before.
"""

from __future__ import annotations

from datetime import date

import openpyxl

from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from safer_desk.storage.store import open_store

PILOT = "Suffolk Target Hardening Pilot"


def _forecast_sheet(path, tmp_path, today: date) -> list[tuple]:
    store = open_store(path)
    try:
        presenter = FundsPresenter(store, today=lambda: today)
        presenter.reload(select=funds.fund_by_name(store, PILOT).id)
        out = presenter.export(tmp_path / f"fund-{today:%Y%m%d}.xlsx")
    finally:
        store.close()
    sheet = openpyxl.load_workbook(out)["Forecast"]
    return [row for row in sheet.iter_rows(values_only=True)]


def test_an_ended_fund_s_months_past_its_burn_rate_are_a_projection(demo_path, tmp_path):
    rows = _forecast_sheet(demo_path, tmp_path, date(2020, 1, 15))  # the pilot ended on 30/09/2019
    assert rows[0][:3] == ("Month", "Cumulative spend (£)", "Kind")
    by_month = {r[0]: (r[1], r[2]) for r in rows[1:]}
    assert by_month["Jun 2018"] == (2417, "actual")
    assert by_month["Jul 2018"] == (3222.67, "projected")  # £2,417 + £805.67, as the chart's Projected from Jun-18
    assert by_month["Apr 2020"] == (20141.74, "projected")  # the month it would have run out: £2,417 + 22 × £805.67
    assert {kind for _, kind in by_month.values()} == {"actual", "projected"}


def test_an_open_fund_s_months_past_its_burn_rate_are_its_forecast(demo_path, tmp_path):
    rows = _forecast_sheet(demo_path, tmp_path, date(2018, 7, 20))
    by_month = {r[0]: (r[1], r[2]) for r in rows[1:]}
    assert by_month["Jun 2018"] == (2417, "actual")
    assert by_month["Jul 2018"] == (3222.67, "forecast")
    assert by_month["Apr 2020"] == (20141.74, "forecast")


def test_the_forecast_sheet_has_the_chart_s_fund_line(demo_path, tmp_path):
    # The chart's fund line rises in the month a contribution comes; the sheet gave the spend lines only, so a
    # top-up received late (£1,000 on 15/08/2018) was in the chart and nowhere in its figures.
    store = open_store(demo_path)
    try:
        funds.add_contribution(store, funds.fund_by_name(store, PILOT).id, organisation="Suffolk Constabulary",
                               amount="1000", received_on="15/08/2018")
    finally:
        store.close()
    rows = _forecast_sheet(demo_path, tmp_path, date(2018, 9, 20))
    assert rows[0] == ("Month", "Cumulative spend (£)", "Kind", "Fund (£)")
    fund = {r[0]: r[3] for r in rows[1:]}
    assert fund["Apr 2018"] == fund["Jul 2018"] == 20000
    assert fund["Aug 2018"] == fund["Apr 2020"] == 21000
    # £18,583 left at £805.67 a month from Jun-18 covers 23 months, to May-20: out in Jun-20 (£20,000: Apr-20)
    assert rows[-1][:2] == ("Jun 2020", 21753.08)  # £2,417 + 24 × £805.67 (£19,336.08: the rate shown, s76)
