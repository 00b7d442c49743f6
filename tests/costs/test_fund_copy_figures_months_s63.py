"""More > Copy figures on the fund page (round 63). The page and its workbook's Figures sheet name a month "Jun 2018"
and the period "01/04/2018 to 30/09/2019", but Copy figures pasted the command line's CSV values into the officer's
sheet: "2018-06", "2020-04" and "2018-04-01 to 2019-09-30", one fund's months named two ways by one window. The
copy now names months and days as the page and the workbook do; money stays plain pounds that Excel adds up, and
the command line's CSV (and the page's CSV export, its twin) keep their ISO months."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from safer_desk.services import funds

TODAY = date(2018, 7, 15)


@pytest.fixture
def page(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    page.today = TODAY
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    return page


def _copied(page) -> dict[str, str]:
    rows = list(csv.reader(page.copy_figures().splitlines(), delimiter="\t"))
    assert rows[0] == ["Figure", "Value"]
    return dict(rows[1:])


def test_copied_months_and_period_read_as_the_page_s(page):
    copied = _copied(page)
    assert copied["period"] == "01/04/2018 to 30/09/2019"
    assert copied["burn_rate_as_at_month"] == "Jun 2018"
    assert copied["forecast_exhaustion_month"] == "Apr 2020"
    assert copied["last_fully_funded_month"] == "Mar 2020"
    assert copied["period_end_month"] == "Sep 2019"
    assert copied["forecast_exhaustion_month_12m"] == "Apr 2020"
    assert page.figure_labels["runs_out"].text() == "Apr 2020"


def test_copied_money_is_the_command_line_s_to_the_penny(page):
    copied = _copied(page)
    cli = dict(funds.fund_report_rows(page.data.figures))
    for name in ("contributions", "spend", "balance", "mean_spend_per_victim", "monthly_burn_rate",
                 "left_at_period_end", "monthly_burn_rate_6m", "victims", "burn_rate_window_months"):
        assert copied[name] == cli[name], name
    assert copied["contributions"] == "20000" and copied["monthly_burn_rate"] == "805.67"
    assert list(copied) == [name for name, _ in funds.fund_report_rows(page.data.figures)]


def test_the_csv_export_keeps_iso_months(page, tmp_path):
    out = page.export(str(tmp_path / "fund.csv"))
    values = dict(csv.reader(out.open(encoding="utf-8-sig")))
    assert values["burn_rate_as_at_month"] == "2018-06"
    assert values["period"] == "2018-04-01 to 2019-09-30"
