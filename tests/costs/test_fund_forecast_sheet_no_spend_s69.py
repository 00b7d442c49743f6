"""S69: the fund report's *Forecast* sheet of a fund with nothing spent yet was empty.

A fund of £5,000 received on 01/04/2025, nothing spent by 15/09/2025: the page's chart draws spend to date at £0
through April to August (the months over) beside the fund line at £5,000, as the board report does, but the workbook
*Export fund report…* writes (which the guide says "gives the chart's lines month by month") had a *Forecast* sheet
of headings only. It now lists those months: £0 spent, actual, and the money in the fund by each."""

from __future__ import annotations

from datetime import date

import openpyxl

from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

TODAY = date(2025, 9, 15)


def _new_fund(store) -> str:
    fund = funds.add_fund(store, name="Empty pot", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£5,000",
                           received_on="01/04/2025")
    funds.add_contribution(store, fund, organisation="Babergh District Council", amount="£1,000",
                           received_on="10/07/2025")
    return fund


def _sheet(store, fund: str, tmp_path) -> list[tuple]:
    presenter = FundsPresenter(store, today=lambda: TODAY)
    presenter.reload(select=fund)
    out = presenter.export(tmp_path / "empty-pot.xlsx")
    return list(openpyxl.load_workbook(out)["Forecast"].iter_rows(values_only=True))


def test_a_fund_with_no_spend_lists_its_months_over_at_nothing_spent(demo_store, tmp_path):
    rows = _sheet(demo_store, _new_fund(demo_store), tmp_path)
    assert rows[0] == ("Month", "Cumulative spend (£)", "Kind", "Fund (£)")
    assert rows[1:] == [("Apr 2025", 0, "actual", 5000), ("May 2025", 0, "actual", 5000),
                        ("Jun 2025", 0, "actual", 5000), ("Jul 2025", 0, "actual", 6000),
                        ("Aug 2025", 0, "actual", 6000)]


def test_the_sheet_has_the_months_the_chart_draws(demo_store, tmp_path, qtbot):
    from safer_desk.ui.costs.fund_page import FundChart

    fund = _new_fund(demo_store)
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(funds.fund_figures(demo_store, fund, today=TODAY))
    xs, _ = chart.spend_curve.getData()
    assert len(_sheet(demo_store, fund, tmp_path)) - 1 == len(xs) - 1  # the chart's points: the start, then each month


def test_a_fund_not_begun_has_no_months_yet(demo_store, tmp_path):
    fund = funds.add_fund(demo_store, name="Next year", starts_on="01/04/2026", ends_on="31/03/2027")
    assert _sheet(demo_store, fund, tmp_path) == [("Month", "Cumulative spend (£)", "Kind", "Fund (£)")]
