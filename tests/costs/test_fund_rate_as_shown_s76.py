"""S76 (funds): the burn rate was shown to the penny (£805.67 a month) while the run-out month, what is left at the end
and the forecast line were worked out from the exact rate (£2,417 / 3 = £805.666…): a user multiplying the rate
shown got £17,583 − 15 × £805.67 = £5,497.95 left at the end of September 2019, the page and `safer-desk fund`
said £5,498. The rule now: the rate shown is the rate used. Every projection is the balance less whole months at
the rate shown, in pence, so a calculator gives the page's figures exactly (the screen, the command line, the fund
report's Figures and Forecast sheets and the board report alike)."""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.domain.funds import forecast_fund
from safer_desk.domain.periods import Month
from tests.cli_run import run

PILOT = "Suffolk Target Hardening Pilot"
APR, JUN, SEP19 = Month(2018, 4), Month(2018, 6), Month(2019, 9)
SEED = {APR: 79_500, Month(2018, 5): 83_500, JUN: 78_700}  # seed 002 §6.4: £2,417 spent April–June 2018


def test_the_seed_fund_s_end_is_the_balance_less_months_at_the_rate_shown():
    f = forecast_fund(2_000_000, SEED, start=APR, end=SEP19)
    assert f.burn_rate_pence == 80_567  # £805.67 a month, as shown
    assert f.left_at_end_pence == 1_758_300 - 15 * 80_567 == 549_795  # £5,497.95, not £5,498
    assert f.exhaustion_month == Month(2020, 4)  # 21 whole months at £805.67 (£16,919.07) of £17,583: Jul-18 to Mar-20
    # Each forecast month adds the rate shown, to the penny.
    assert all(b - a == 80_567 for (_, a), (_, b) in zip(f.forecast_line, f.forecast_line[1:]))


def test_a_run_out_follows_the_rate_shown_not_a_third_of_a_penny_less():
    # £1,000.01 spent over three months: £333.34 a month shown (£333.336… exactly). £1,000.01 left lasts three whole
    # months at the exact rate, but three months at the rate shown are £1,000.02: September cannot be met in full.
    spend = {APR: 33_334, Month(2018, 5): 33_333, JUN: 33_334}
    f = forecast_fund(200_002, spend, start=APR, end=SEP19)
    assert f.burn_rate_pence == 33_334
    assert f.exhaustion_month == Month(2018, 9) and f.last_funded_month == Month(2018, 8)


def test_page_sentence_command_line_and_workbook_agree_with_the_rate_shown(demo_path, demo_store, capsys, tmp_path):
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.funds import FundsPresenter
    from safer_desk.services import funds

    today = date(2018, 10, 15)
    code, out, err = run(capsys, "fund", str(demo_path), PILOT, "--today", "15/10/2018", "--keyed-to", "30/06/2018")
    assert code == 0, err
    values = dict(csv.reader(io.StringIO(out)))
    assert values["monthly_burn_rate"] == "805.67" and values["left_at_period_end"] == "5497.95"
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: today)
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    said = funds.forecast_sentence(p.data.figures)
    assert "At £805.67 a month" in said and "£5,497.95 would be left" in said
    figures = {row[0]: row for row in p.sheet("Figures").rows}
    assert figures["monthly_burn_rate"][1] == 80_567 and figures["left_at_period_end"][1] == 549_795
    forecast = [row for row in p.sheet("Forecast").rows if row[2] != "actual"]
    assert all(b[1] - a[1] == 80_567 for a, b in zip(forecast, forecast[1:]))
