"""Pooled funds, round 31: the month the burn rate is worked out as at, and the day the figures are read on.

1. `safer-desk fund FILE NAME --as-at 2025-01` on the 2018-19 pilot (which ended in September 2019) was taken without
   a word: a burn rate of 0 over three months after the fund ended and no run-out. An --as-at month after the fund
   ends is refused as one before it starts is (exit 1, nothing printed).
2. `--today 15/03/2018` (before the pilot began) printed a balance of -2,417: the £20,000 dated 01/04/2018 was left
   out as not yet received, but the £2,417 spent April–June 2018 still counted. The figures on a day are the position
   as it stood on that day: spend dated after it has not happened yet, as money dated after it has not been received
   (and each is said). The fund page on its date says the same."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from safer_desk.services import funds
from tests.costs.test_cli import run
from tests.costs.test_fund_page_round30d import _page_on
from tests.costs.test_funds_round28 import new_fund_with_one_spend_line

NAME = "Suffolk Target Hardening Pilot"  # 01/04/2018 to 30/09/2019; £2,417 spent 09/04/2018 to 27/06/2018


def _values(out: str) -> dict[str, str]:
    return dict(csv.reader(io.StringIO(out)))


@pytest.mark.parametrize("month", ["2025-01", "2019-10"])
def test_as_at_after_the_fund_ends_is_refused(demo_path, capsys, month):
    code, out, err = run(capsys, "fund", str(demo_path), NAME, "--as-at", month)
    assert code == 1 and out == ""
    assert "after the fund ends (Sep-19)" in err


def test_as_at_the_fund_s_last_month_is_taken(demo_path, capsys):
    code, out, _ = run(capsys, "fund", str(demo_path), NAME, "--as-at", "2019-09", "--today", "01/12/2026")
    assert code == 0 and _values(out)["burn_rate_as_at_month"] == "2019-09"


def test_the_seed_forecast_still_holds(demo_path, capsys):
    code, out, _ = run(capsys, "fund", str(demo_path), NAME, "--as-at", "2018-06", "--today", "01/12/2026")
    values = _values(out)
    assert code == 0 and values["monthly_burn_rate"] == "805.67" and values["balance"] == "17583"
    assert values["forecast_exhaustion_month"] == "2020-04" and values["last_fully_funded_month"] == "2020-03"
    assert values["left_at_period_end"] == "5497.95"


def test_before_the_fund_began_nothing_is_spent_or_received(demo_path, capsys):
    code, out, err = run(capsys, "fund", str(demo_path), NAME, "--today", "15/03/2018")
    values = _values(out)
    assert code == 0
    assert (values["contributions"], values["spend"], values["balance"], values["victims"]) == ("20000", "0", "0", "0")
    assert values["incomplete_months_left_out"] == "" and values["forecast_exhaustion_month"] == ""
    assert "£2,417 of the spend is dated after today (the first on 09/04/2018)" in err
    assert "not complete" not in err


def test_part_way_through_may_only_the_spend_by_then_counts(demo_path, capsys):
    code, out, err = run(capsys, "fund", str(demo_path), NAME, "--today", "20/05/2018")
    values = _values(out)
    assert code == 0
    # April's £795 and May's to the 18th (£525): 8 victims; May is not complete, so no month after April counts
    assert (values["spend"], values["balance"], values["victims"]) == ("1320", "18680", "8")
    assert values["incomplete_months_left_out"] == "2018-05: 525"
    assert values["burn_rate_as_at_month"] == "2018-04" and values["monthly_burn_rate"] == "795"
    assert "£1,097 of the spend is dated after today (the first on 24/05/2018)" in err


def test_the_service_reads_the_position_on_the_day(demo_store):
    fund = funds.fund_by_name(demo_store, NAME).id
    figures = funds.fund_figures(demo_store, fund, today=date(2018, 5, 20))
    assert figures.spent_pence == 132_000 and figures.balance_pence == 1_868_000 and figures.victims == 8
    assert sorted(figures.per_victim) == sorted([16000, 16000, 18500, 15000, 14000, 20000, 12000, 20500])
    assert sum(p for _, _, p in figures.by_district) == sum(p for _, _, p in figures.by_item) == 132_000
    later = funds.fund_figures(demo_store, fund, today=date(2026, 12, 1))
    assert later.spent_pence == 241_700 and later.victims == 15  # all of it, as before


def test_the_page_on_a_day_before_the_fund_began_agrees_with_the_command_line(demo_window, qtbot):
    page = _page_on(demo_window, qtbot, date(2018, 3, 15), NAME)
    assert page.figure_labels["balance"].text() == "£0"
    assert page.figure_labels["spent"].text() == "£0"
    assert "£2,417 of the spend is dated after today (the first on 09/04/2018)" in page.sentence.text()


def test_the_chart_says_spend_keyed_ahead_of_its_day_is_not_spent_yet(demo_store, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    fund = new_fund_with_one_spend_line(demo_store)
    figures = funds.fund_figures(demo_store, fund, today=date(2026, 10, 20))
    assert (figures.spent_pence, figures.balance_pence, figures.not_spent_pence) == (0, 200_000, 150_000)
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(figures)
    assert chart.summary == "No spend by today: the £1,500 keyed is dated after it."
    assert "£1,500 of the spend is dated after today (the first on 03/11/2026)" in funds.forecast_sentence(figures)
